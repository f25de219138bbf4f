"""Captioned tables: a request restated in plain paragraphs, answered by tables under captions."""

from __future__ import annotations

from foiextract.model import Document
from foiextract.readers.markdown import parse
from foiextract.segment import segment
from foiextract.segment.captions import RULE

_REQUEST = (
    "Dear requester\n\n"
    "## Your Request\n\n"
    "The total number of thefts recorded at libraries in 2022 and 2023.\n\n"
    "Please could these be broken down as follows:\n\n"
    "By the type of each theft  \n"  # a hard break: one item a line, as a PDF keeps them
    "What the outcome was for each theft\n\n"
    "## Freedom of Information Act 2000\n\n"
    "I can confirm the information is held. It is set out in the tables below.\n\n"
)


def _table(head: str) -> str:
    return f"| {head} | 2022 | 2023 |\n|---|---|---|\n| Charged | 4 | 5 |\n| Cautioned | 1 | 2 |\n\n"


def _doc(body: str) -> Document:
    return parse(_REQUEST + body + "Yours sincerely\n\nThe FOI Team\n", "letter.md")


def test_captioned_table_paired_with_the_item_it_names() -> None:
    seg = segment(_doc("Theft Outcomes Breakdown\n\n" + _table("Outcome / Year")))
    assert [p.question for p in seg.pairs] == ["What the outcome was for each theft"]
    pair = seg.pairs[0]
    assert pair.rule == RULE and pair.answer.startswith("Outcome / Year | 2022 | 2023; Charged")
    assert seg.request[pair.request_item - 1] == pair.question  # type: ignore[operator]
    assert pair.answer_blocks and pair.answer_blocks[0].kind == "table"


def test_run_on_list_after_lead_in_split_into_items() -> None:
    seg = segment(_doc("Theft Type Breakdown\n\n" + _table("Theft Group / Year")
                       + "Theft Outcomes Breakdown\n\n" + _table("Outcome / Year")))
    assert seg.request == ("The total number of thefts recorded at libraries in 2022 and 2023.",
                           "By the type of each theft", "What the outcome was for each theft")
    assert [(p.request_item, p.section) for p in seg.pairs] == [
        (2, "Theft Type Breakdown"), (3, "Theft Outcomes Breakdown")]
    assert seg.unanswered == (1,)


def test_caption_matching_no_item_left_unpaired() -> None:
    seg = segment(_doc("Staff Parking Permits\n\n" + _table("Permit / Year")
                       + "Theft Outcomes Breakdown\n\n" + _table("Outcome / Year")))
    assert [p.request_item for p in seg.pairs] == [3]
    assert not any("Permit" in p.answer for p in seg.pairs)


def test_caption_naming_two_items_alike_left_unpaired() -> None:
    # "theft" stands in every item: it tells no item from another.
    seg = segment(_doc("Theft Figures\n\n" + _table("Theft / Year")))
    assert seg.pairs == ()


def test_nothing_found_without_a_restated_request() -> None:
    text = "Dear requester\n\nTheft Outcomes Breakdown\n\n" + _table("Outcome / Year")
    assert segment(parse(text + "Yours sincerely\n", "letter.md")).pairs == ()


def test_ordinary_questions_and_answers_untouched() -> None:
    text = (_REQUEST + "**How many thefts were recorded?**\n\n9\n\n"
            "Theft Outcomes Breakdown\n\n" + _table("Outcome / Year") + "Yours sincerely\n")
    seg = segment(parse(text, "letter.md"))
    assert seg.pairs and all(p.rule != RULE for p in seg.pairs)
    assert seg.pairs == segment(parse(text, "letter.md"), disabled=["captioned_table"]).pairs


def test_switched_off_by_name() -> None:
    doc = _doc("Theft Outcomes Breakdown\n\n" + _table("Outcome / Year"))
    assert segment(doc, disabled=["captioned_table"]).pairs == ()


def test_durham_hospital_crimes_tables_paired() -> None:
    from foiextract.readers import read_document
    doc = read_document("corpora/real/DurhamPolice_hospital-crimes-mass-foi.pdf")
    seg = segment(doc)
    by_section = {p.section: seg.request[p.request_item - 1]  # type: ignore[operator]
                  for p in seg.pairs}
    assert by_section == {
        "Total Crime Count with Hospital Breakdown": seg.request[0],
        "Crime Group Breakdown": "By the nature of each crime description",
        "Crime Outcomes Breakdown": "What the crime outcome was for each crime",
    }
    assert seg.request[0].startswith("The total number of crimes logged")


_KNOWN = ("The total number of thefts recorded at libraries in 2022 and 2023.",
          "By the type of each theft", "What the outcome was for each theft",
          "The name of the library in each case")


def _data_sheet(caption: str, head: str) -> Document:
    # A round-robin reply that is only tables under captions: no request restated, no letter.
    return parse("Total No. of Thefts at Libraries\n\n| Year | Total |\n|---|---|\n| 2022 | 9 |\n"
                 f"| 2023 | 7 |\n\n{caption}\n\n| No. | Year | {head} |\n|---|---|---|---|\n"
                 "| 1 | 2022 | Burglary | Charged |\n| 2 | 2023 | Shoplifting | Cautioned |\n",
                 "sheet.md")


def test_known_request_pairs_a_data_sheet_by_its_captions() -> None:
    doc = _data_sheet("Theft Type, Outcome & Library Name Breakdown", "Theft Type | Outcome")
    assert all(p.rule != RULE for p in segment(doc).pairs)  # no request: nothing to name
    seg = segment(doc, request=_KNOWN)
    got = [(p.request_item, p.shared) for p in seg.pairs]
    # The caption names types, outcomes and library names; the table shows types and outcomes.
    assert got == [(1, False), (2, True), (3, True)]
    assert all(p.question == _KNOWN[p.request_item - 1] for p in seg.pairs)  # type: ignore[operator]


def test_known_request_caption_naming_no_item_pairs_nothing() -> None:
    doc = parse("Staff Parking Permits\n\n| Permit | 2022 |\n|---|---|\n| Blue | 4 |\n", "p.md")
    assert all(p.rule != RULE for p in segment(doc, request=_KNOWN).pairs)
