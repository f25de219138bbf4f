"""The segmenter on every Markdown document with gold, and on the traps the reference shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from foiextract.readers import read_document
from foiextract.readers.markdown import parse
from foiextract.segment import segment

from .conftest import BARNET, documents_with_gold, gold_for, ids

MARKDOWN = documents_with_gold(".md")


@pytest.mark.parametrize("path", MARKDOWN, ids=ids(MARKDOWN))
def test_markdown_pairs_match_gold(path: Path) -> None:
    gold = gold_for(path)
    seg = segment(read_document(path))
    got = [(p.question, p.answer, p.shared, p.request_item) for p in seg.pairs]
    want = [(g["question"], g["answer"], g["shared"], g["request_item"]) for g in gold["pairs"]]
    assert len(got) == len(want)
    for (q, a, shared, item), (gq, ga, gshared, gitem) in zip(got, want):
        assert _same_text(q, gq)
        assert _same_text(a, ga), q
        assert (shared, item) == (gshared, gitem), q
    assert [_norm(r) for r in seg.request] == [_norm(r) for r in gold["request"]]
    assert list(seg.unanswered) == gold["unanswered_request_items"]


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _same_text(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def test_request_restated_at_top_is_not_answered_by_the_next_paragraph() -> None:
    seg = segment(read_document(BARNET))
    assert len(seg.request) == 23
    assert all("processed this request" not in p.answer for p in seg.pairs)


def test_question_split_over_two_paragraphs() -> None:
    seg = segment(read_document(BARNET))
    first = seg.pairs[0].question
    assert first.startswith("Since January 1, 2019 how many Serious Case Reviews")
    assert first.endswith("safeguarding board for your borough?")
    assert "Child Safeguarding Practice Reviews" in first


def test_questions_standing_together_share_the_answer_beneath() -> None:
    doc = parse("**How many?**\n\n**Please list them.**\n\nNone\n\n**When?**\n\nMay 2019\n", "x.md")
    pairs = segment(doc).pairs
    assert [(p.answer, p.shared) for p in pairs] == [("None", True), ("None", True),
                                                     ("May 2019", False)]


def test_emphasised_statement_is_not_a_question() -> None:
    doc = parse("**However, we consider that the following exemptions apply.**\n\n"
                "**How many?**\n\nTwo\n", "x.md")
    assert [p.question for p in segment(doc).pairs] == ["How many?"]


def test_drafting_guidance_raises_template_text_and_is_never_an_answer() -> None:
    doc = parse("**How many?**\n\nTwo\n\n*[You will now need to apply this exemption.]*\n", "x.md")
    seg = segment(doc)
    assert seg.pairs[0].answer == "Two"
    assert "template_text" in seg.flags


def test_empty_public_interest_headings_raise_a_flag() -> None:
    doc = parse("**How many?**\n\nTwo\n\n## Factors in favour of disclosure\n\n"
                "## Factors in favour of withholding\n\nIn all the circumstances…\n", "x.md")
    assert "empty_public_interest_test" in segment(doc).flags
    filled = parse("## Factors in favour of disclosure\n\nTransparency.\n\n"
                   "## Factors in favour of withholding\n\nPrejudice.\n", "x.md")
    assert "empty_public_interest_test" not in segment(filled).flags


def test_rights_section_yields_no_pairs() -> None:
    doc = parse("**How many?**\n\nTwo\n\n## Your rights\n\n**Do you want a review?**\n\n"
                "Write to us.\n", "x.md")
    assert [p.question for p in segment(doc).pairs] == ["How many?"]


def test_unanswered_request_item_is_reported() -> None:
    seg = segment(read_document(BARNET))
    assert seg.unanswered == (3,)
    assert "unanswered_items" in seg.flags


def test_answers_by_number_in_a_separate_block() -> None:
    text = ("You asked:\n\n1. How many pupils?\n2. What did it cost?\n3. How many taxis?\n\n"
            "Our answers:\n\n1. 31,460 pupils.\n3. 1,128\n")
    seg = segment(parse(text, "x.md"))
    assert [(p.request_item, p.answer) for p in seg.pairs] == [(1, "31,460 pupils."), (3, "1,128")]
    assert seg.unanswered == (2,)


def test_segmenter_never_raises_on_odd_documents() -> None:
    for text in ["", "**", "***?***", "> ?\n>\n> ?", "| a |\n|---|\n| ? |", "1.\n2.\n3."]:
        segment(parse(text, "x.md"))
