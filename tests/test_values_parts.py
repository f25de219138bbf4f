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


YEARS = ["How many penalty charge notices were issued in 2019/20?",
         "How many penalty charge notices were issued in 2020/21?",
         "How many penalty charge notices were issued in 2021/22?"]
WARDS = ["What was spent on grass cutting in Abbey ward?",
         "What was spent on grass cutting in Castle ward?"]


@pytest.mark.parametrize("answer, group, values", [
    ("The council issued 10,250 notices in 2019/20, 8,120 in 2020/21 and 9,400 in 2021/22.",
     YEARS, ["10250", "8120", "9400"]),
    ("2021/22: 9,400; 2020/21: 8,120; 2019/20: 10,250", YEARS, ["10250", "8120", "9400"]),
    ("We spent £12,000 in Castle ward and £9,500 in Abbey ward.", WARDS,
     ["9500 GBP", "12000 GBP"]),
], ids=["years-in-turn", "years-labelled-first", "wards-out-of-order"])
def test_a_one_sentence_answer_gives_each_question_the_figure_labelled_with_what_it_alone_names(
        answer: str, group: list[str], values: list[str]) -> None:
    assert [value_of_part(answer, q, group).value for q in group] == values


@pytest.mark.parametrize("answer", [
    # no clause names one question's own year, or two do
    "The council issued 27,770 notices over the three years.",
    "Figures for 2019/20 and 2020/21 are 10,250 and 8,120, and 2021/22 is not yet complete.",
    # a table's cells are not clauses
    "Year | Notices | Cancelled 2019/20 | 10,250 | 12 2020/21 | 8,120 | 13 2021/22 | 9,400 | 5",
])
def test_no_labelled_figure_where_no_one_clause_names_the_question(answer: str) -> None:
    assert value_of_part(answer, YEARS[1], YEARS) is None
