"""A reply read against the request as sent, where it restates none of the questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from foiextract.readers import read_document
from foiextract.segment import segment

REQUEST = ["How many school crossing patrols do you employ?",
           "What is the annual budget for school crossing patrols?",
           "How many crossing patrol posts are vacant?"]

CASES = {
    "numbers in prose and labels": (
        "Dear Ms Ward,\n\nThank you for your request.\n\nIn respect of questions 1 and 3, the "
        "council employs 46 school crossing patrols and 5 posts are vacant.\n\nQ2: The budget "
        "for 2022/23 is £410,000.\n\nYours sincerely,\n",
        [(1, "In respect of"), (3, "In respect of"), (2, "The budget")]),
    "numbered answers only": (
        "Dear Ms Ward,\n\nOur answers are below.\n\n1. 46\n\n2. £410,000\n\n3. 5\n\n"
        "Yours sincerely,\n",
        [(1, "46"), (2, "£410,000"), (3, "5")]),
    "a verdict on the whole request": (
        "Dear Ms Ward,\n\nI can confirm that the council does not hold the information you "
        "have asked for.\n\nYours sincerely,\n",
        [(1, "I can confirm"), (2, "I can confirm"), (3, "I can confirm")]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_reply_is_read_against_the_request_it_answers(tmp_path: Path, name: str) -> None:
    text, expected = CASES[name]
    path = tmp_path / "reply.txt"
    path.write_text(text, "utf-8")
    document = read_document(str(path))
    assert segment(document).pairs == ()  # alone, nothing says what it answers
    pairs = segment(document, request=REQUEST).pairs
    assert [(p.request_item, p.answer[:len(start)]) for p, (_, start) in zip(pairs, expected)] \
        == expected
    assert [p.question for p in pairs] == [REQUEST[item - 1] for item, _ in expected]


def test_numbers_past_the_request_are_not_answers(tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    path.write_text("Dear Sir,\n\n7. 14\n\n8. 22\n\nYours faithfully,\n", "utf-8")
    assert segment(read_document(str(path)), request=REQUEST).pairs == ()


def test_compile_reads_each_reply_against_the_request_it_was_given(tmp_path: Path) -> None:
    from foiextract.compile import compile_responses

    (tmp_path / "request.md").write_text(
        "".join(f"{n}. {q}\n" for n, q in enumerate(REQUEST, start=1)), "utf-8")
    replies = tmp_path / "replies"
    replies.mkdir()
    (replies / "Leeds City Council.txt").write_text(
        "Leeds City Council\n\nDear Ms Ward,\n\nQ1: 46\n\nQ2: £410,000\n\nQ3: 5\n\n"
        "Yours sincerely,\n\nLeeds City Council\n", "utf-8")
    (replies / "Kent County Council.txt").write_text(
        "Kent County Council\n\nDear Ms Ward,\n\nKent County Council does not hold the "
        "information you have asked for.\n\nYours sincerely,\n\nKent County Council\n", "utf-8")
    batch = compile_responses(str(replies), request=str(tmp_path / "request.md"))
    cells = {(row["authority"], row["item"]): (row["kind"], row["value"])
             for row in batch.answers.to_dict("records")}
    assert cells[("Leeds City Council", 1)] == ("count", "46")
    assert cells[("Leeds City Council", 2)][0] == "amount"
    assert cells[("Leeds City Council", 3)] == ("count", "5")
    assert {cells[("Kent County Council", n)][0] for n in (1, 2, 3)} == {"not_held"}
    # Placed by the request's numbers or one verdict, not by a question in the letter: checked.
    reasons = {(row["authority"], row["item"]): row["review_reason"]
               for row in batch.answers.to_dict("records")}
    assert "answer placed by inference" in reasons[("Leeds City Council", 1)]
    assert "answer placed by inference" in reasons[("Kent County Council", 2)]


def test_a_yes_no_item_takes_the_replys_yes_and_the_rest_its_verdict(tmp_path: Path) -> None:
    request = ["Could you answer if the library service completes the annual return?",
               "If so, please could you send your 2017 return?"]
    path = tmp_path / "reply.txt"
    path.write_text("Dear Mr Rowe,\n\nWe wish to advise you that the council has decided not to "
                    "disclose the information you requested. It is withheld under section 22.\n\n"
                    "The answer is yes, the borough does send its return to CIPFA.\n\n"
                    "Yours sincerely,\n", "utf-8")
    pairs = segment(read_document(str(path)), request=request).pairs
    assert [(p.request_item, p.answer[:18]) for p in pairs] == [
        (1, "The answer is yes,"), (2, "We wish to advise ")]
