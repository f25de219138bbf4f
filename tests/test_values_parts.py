"""Which sentence of an answer shared by several questions answers each of them."""

from __future__ import annotations

import pytest

from foiextract.values.parts import part_for, value_of_part

HEARINGS = ["Date of hearing", "Length of hearing - defended/undefended",
            "Actual cost of preparing for and attending the hearing",
            "Number of accounts in the name of a limited company?"]
HEARINGS_ANSWER = ("Please see the attached spreadsheet. We are unable to provide the number of "
                   "accounts in a limited company because companies are not listed apart from "
                   "persons. We also are unable to provide the length of the hearing as cases "
                   "are not logged by time.")
REVIEWS = ["How many reviews has the borough completed?", "Please provide the dates of completion.",
           "How many of these have been finished and publicly published?"]
REVIEWS_ANSWER = "One review has been completed, in December 2019. It has not yet been published."


@pytest.mark.parametrize("answer, group, question, part", [
    # The sentence naming what this question alone asks about.
    (HEARINGS_ANSWER, HEARINGS, HEARINGS[1],
     "We also are unable to provide the length of the hearing as cases are not logged by time."),
    (REVIEWS_ANSWER, REVIEWS, REVIEWS[2], "It has not yet been published."),
    # A sentence that shares only the group's common word ("hearing") answers none of the
    # questions that ask about something else of it (its date, its cost).
    (HEARINGS_ANSWER, HEARINGS, HEARINGS[0], None),
    (HEARINGS_ANSWER, HEARINGS, HEARINGS[2], None),
], ids=["length", "published", "date-not-length", "cost-not-length"])
def test_the_part_of_a_shared_answer_names_what_its_question_alone_asks(
        answer: str, group: list[str], question: str, part: str | None) -> None:
    assert part_for(answer, question, group) == part


def test_a_part_not_held_is_that_questions_value_and_not_the_others() -> None:
    assert value_of_part(HEARINGS_ANSWER, HEARINGS[1], HEARINGS).kind == "not_held"
    assert value_of_part(HEARINGS_ANSWER, HEARINGS[0], HEARINGS) is None
