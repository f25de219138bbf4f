"""Cross-references ("See answer to Question 3", "As above") take the value pointed to."""

from __future__ import annotations

from pathlib import Path

import foiextract
from foiextract.model import Pair, Value
from foiextract.values import parse_answer
from foiextract.values.references import RULE, cross_reference, resolve_references


def _pairs(*rows: tuple[str, str, int | None]) -> list[Pair]:
    return [Pair(question, answer, request_item=item, value=parse_answer(answer, question))
            for question, answer, item in rows]


def test_pointers_are_read_as_references() -> None:
    assert cross_reference("See answer to Question 3").items == ((3, ""),)
    assert cross_reference("Please see our response to question 2.").items == ((2, ""),)
    assert cross_reference("Please see response to Q2 above").items == ((2, ""),)
    assert cross_reference("Refer to question 1").items == ((1, ""),)
    assert cross_reference("Please see the answer to 2a").items == ((2, "a"),)
    assert cross_reference("See answers to questions 3 and 4").items == ((3, ""), (4, ""))
    assert cross_reference("This has been answered in Q2.").items == ((2, ""),)
    assert cross_reference("As above.").where == "previous"
    assert cross_reference("Please see the previous answer").where == "previous"
    assert cross_reference("See response below").where == "next"


def test_a_pointer_with_more_to_say_is_not_a_reference() -> None:
    for answer in ("See answer to Q3: there were 5 more.", "Please see the link above.",
                   "See attached.", "As part 2 of the review, 5 cases were examined.",
                   "As stated in our response to question 4, the council does not hold this.",
                   "Please refer to Appendix 1 attached"):
        assert cross_reference(answer) is None, answer


def test_reference_by_request_item_takes_its_value() -> None:
    pairs = resolve_references(_pairs(
        ("How many complaints in 2020?", "412", 1),
        ("How many led to a notice?", "None", 2),
        ("How many complaints in 2019?", "Please see our response to question 1.", 3)))
    value = pairs[2].value
    assert value is not None
    assert (value.kind, value.value, value.rule) == ("count", "412", "cross_reference:q1")
    assert pairs[0].value == parse_answer("412", "How many complaints in 2020?")


def test_as_above_takes_the_previous_answer_and_chains() -> None:
    pairs = resolve_references(_pairs(
        ("How many complaints in 2020?", "412", 1),
        ("How many in 2019?", "See answer to Q1", 2),
        ("How many in 2018?", "As above.", 3)))
    assert [(p.value.kind, p.value.value) for p in pairs if p.value] == [("count", "412")] * 3
    assert pairs[2].value is not None and pairs[2].value.rule == "cross_reference:q1"


def test_lettered_reference_picks_the_sub_question() -> None:
    pairs = resolve_references(_pairs(
        ("How many staff?", "12", 2), ("How many of them are agency staff?", "3", 2),
        ("And in 2019?", "Please see the answer to 2b", 3)))
    assert pairs[2].value is not None and pairs[2].value.value == "3"


def test_reference_without_one_value_stays_text() -> None:
    pairs = resolve_references(_pairs(
        ("How many staff?", "12", 1), ("How many agency staff?", "3", 2),
        ("And in 2019?", "See answers to questions 1 and 2", 3),
        ("And in 2018?", "See answer to question 9", 4),
        ("And in 2017?", "See answer to question 6", 5),
        ("And in 2016?", "See answer to question 5", 6)))
    for pair in pairs[2:]:
        assert pair.value is not None and (pair.value.kind, pair.value.rule) == ("text", RULE)


def test_letter_without_request_items_is_read_by_place() -> None:
    pairs = resolve_references(_pairs(("How many staff?", "12", None),
                                      ("How many in 2019?", "See answer to question 1", None)))
    assert pairs[1].value == Value("count", "12", number=12.0, confidence=0.81,
                                   rule="cross_reference:q1")


def test_extract_resolves_references_in_a_letter(tmp_path: Path) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text(
        "# Freedom of Information request FOI-1234\n\nDear Ms Smith,\n\n"
        "Thank you for your request, which we received on 3 March 2021. You asked:\n\n"
        "1. How many complaints about noise did the council receive in 2020?\n"
        "2. How many of these complaints led to an abatement notice?\n"
        "3. How many complaints about noise did the council receive in 2019?\n\n"
        "Our response:\n\n1. 412\n2. None\n3. Please see our response to question 1.\n\n"
        "Yours sincerely,\n\nInformation Governance Team\n", "utf-8")
    pairs = foiextract.extract(letter).pairs
    assert list(pairs["value"]) == ["412", "0", "412"]
    assert list(pairs["value_rule"])[2] == "cross_reference:q1"


def test_as_above_under_a_question_of_another_kind_keeps_its_text() -> None:
    # A second section repeats the first's questions: "As above" to "When do the contracts
    # end?" right after "Please name the resellers" means the first section's answer.
    pairs = resolve_references(_pairs(
        ("Please name all of the IT resellers you buy from:", "Right Digital and SCC", 1),
        ("When do the contracts end?", "As above", 2),
        ("How many devices are deployed?", "Around 260", 3),
        ("And how many in schools?", "As above", 4)))
    assert (pairs[1].value.kind, pairs[1].value.rule) == ("text", RULE)
    assert (pairs[3].value.kind, pairs[3].value.value) == ("count", "260")


def test_a_figure_after_a_pointer_is_stated_not_pointed_to() -> None:
    assert cross_reference("As stated in Q1, 219 tenants were evicted.") is None
    assert cross_reference("See answers to Q1, 2 and 3 above.").items == ((1, ""), (2, ""), (3, ""))
