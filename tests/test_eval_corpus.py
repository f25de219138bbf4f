"""The whole gold corpus, measured as `foiextract eval` measures it, against the issues' targets."""

from __future__ import annotations

from collections import defaultdict

import pytest

import foiextract
from foiextract.evaluate import FIELDS, Report, evaluate, render

from .conftest import CORPORA, SOFFICE_ABSENT, documents_with_gold, ids, readable


@pytest.fixture(scope="module")
def full() -> Report:
    return evaluate([str(CORPORA)], batches=False)


@pytest.fixture(scope="module")
def report(full: Report) -> Report:
    """The constructed documents, held to the targets of the first issues.
    Old Word .doc files need LibreOffice; without it they are left out, not failed. Scans are
    held to their own targets (tests/test_ocr.py)."""
    return Report([d for d in full.documents if d.split == "constructed" and not d.ocr_pages
                   and not d.error.startswith(("converter_missing", "needs_ocr"))])


# Floors for the real letters the rules were tuned on, a little under what they reach now
# (see the README's figures): a change that loses ground on real letters fails here. The
# tuned split grew by 15 letters in different hands (corpora/real/more) and its figures with it,
# then by 7 more (corpora/real/batch3: DWP, Durham Constabulary, Manchester, Bristol), which
# took pair F1 from 0.982 to 0.909 and answer accuracy from 0.829 to 0.783 before the rules
# read the DWP letters; then by 8 request-platform threads (corpora/real/threads-3), which the
# code of the time read at pair F1 0.778 and answers 0.286; then by 16 more (gold for 14 threads
# of corpora/real that had none, and 2 Ofcom letters of corpora/real/batch4), which took the
# split from pair F1 0.979 and values 0.925 to 0.890 and 0.826 (three of the threads answer
# with a pair per year, surname or table cell, which the tool reads as one answer); then by 7
# Chicago letters (two of them scans) that the code of the time read at pair F1 0.026, and 8
# UK letters (MHCLG threads, Ofcom, VOSA) read at 0.513. All 86 now: pair F1 0.895, answers
# 0.872, kinds 0.899, values 0.884 (0.921, 0.891, 0.896 and 0.880 without the scans and the old
# Word files, on a machine with neither Tesseract nor LibreOffice). Then by 24 more (cold-q to
# cold-u: Sheffield e-mails, Ann Arbor and other US letters), which the code of the time read at
# pair F1 0.617 and values 0.597; with the readings built on them the split of 151 stands at
# pair F1 0.903, answers 0.878, kinds 0.866, values 0.853 (0.935, 0.888, 0.863, 0.850 without
# the scans and the old Word files). Kinds and values are ratios over the pairs found: letters
# read for the first time bring pairs whose values are not all right yet. So do answers: the
# request set out as a list and answered once (three scanned check-list letters, 31 pairs that
# read as none before) took pair F1 to 0.922 and answers to 0.845, with no answer lost; most of
# the new answers differ from their gold only by what the OCR made of a quoted statute.
REAL_TUNED_FLOORS = {"pair_f1": 0.88, "answer_accuracy": 0.84, "kind_accuracy": 0.85,
                     "value_accuracy": 0.84}


def test_real_letters_tuned_on_keep_their_scores(full: Report) -> None:
    tuned = Report([d for d in full.documents if d.split == "real-tune"
                    and not d.error.startswith(("converter_missing", "needs_ocr"))])
    assert len(tuned.documents) >= 20
    totals = tuned.totals
    low = {name: round(totals[name], 3) for name, floor in REAL_TUNED_FLOORS.items()
           if totals[name] < floor}
    assert low == {}, render(tuned)


def test_held_out_real_documents_are_read_and_scored_apart(full: Report) -> None:
    heldout = full.split("real-heldout")
    assert {d.split for d in full.documents} <= {"constructed", "real-tune", "real-heldout"}
    assert [d.path for d in heldout.documents if d.error and not d.error.startswith(
        ("converter_missing", "needs_ocr"))] == []
    for doc in heldout.documents:
        assert "/real/" in doc.path.replace("\\", "/")
    assert len(heldout.documents) >= 15


def test_the_corpus_has_documents_in_every_format(report: Report) -> None:
    formats = {d.format for d in report.documents}
    assert {"markdown", "pdf", "docx", "html", "email", "text"} <= formats
    assert not [d.path for d in report.documents if d.error]


def test_markdown_documents_reach_f1_and_answer_accuracy_of_095(report: Report) -> None:
    for doc in (d for d in report.documents if d.format == "markdown"):
        assert doc.f1 >= 0.95, doc.path
        assert doc.answers_right >= 0.95 * doc.matched, doc.path


def test_other_formats_reach_f1_095_and_answers_09_none_below_08(report: Report) -> None:
    others = [d for d in report.documents if d.format != "markdown"]
    by_format: dict[str, list] = defaultdict(list)
    for doc in others:
        by_format[doc.format].append(doc)
        assert doc.f1 >= 0.8, doc.path
        assert doc.answers_right >= 0.8 * doc.matched, doc.path
    matched = sum(d.matched for d in others)
    assert sum(d.answers_right for d in others) >= 0.9 * matched
    sub = Report(others).totals
    assert sub["pair_f1"] >= 0.95


def test_reference_renditions_give_the_same_22_pairs(report: Report) -> None:
    renditions = [d for d in report.documents if "barnet_6015464" in d.path]
    assert len(renditions) >= 5  # Markdown, Word and three PDFs
    for doc in renditions:
        assert (doc.matched, doc.found_pairs, doc.gold_pairs) == (22, 22, 22), doc.path
        assert doc.answers_right == 22 and doc.values_right == 22, doc.path


def test_values_and_document_facts_reach_095(report: Report) -> None:
    totals = report.totals
    assert totals["kind_accuracy"] >= 0.95 and totals["value_accuracy"] >= 0.95
    for field in FIELDS:
        if field not in ("exemptions", "flags"):
            assert totals[f"field_{field}"] >= 0.95, field
    exact = [d.fields_right["exemptions"] and d.fields_right["flags"] for d in report.documents]
    assert sum(exact) >= 0.9 * len(exact)


GOLD = documents_with_gold(".md", ".pdf", ".docx", ".doc", ".html", ".eml", ".txt",
                           splits=("constructed", "real-tune", "real-heldout"))


@pytest.mark.parametrize("path", GOLD, ids=ids(GOLD))
def test_every_pair_says_where_it_came_from(path) -> None:  # type: ignore[no-untyped-def]
    if not readable(path):
        pytest.skip(SOFFICE_ABSENT)
    result = foiextract.extract(str(path))
    fmt = result.documents["format"].iloc[0]
    pairs = result.pairs
    if fmt == "pdf":
        assert pairs["page"].notna().all() and pairs["bbox"].notna().all()
    else:
        assert (pairs["line_start"].notna() | pairs["paragraph_start"].notna()).all()
