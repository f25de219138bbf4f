"""End to end on the reference response, and bad input in a run."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import foiextract
from foiextract.compile.tables import REVIEW_CONFIDENCE
from foiextract.errors import ERROR_KINDS

from .conftest import BARNET, gold_for


def test_reference_response_gives_its_22_pairs_exactly() -> None:
    gold = gold_for(BARNET)
    result = foiextract.extract(str(BARNET))
    pairs = result.pairs
    got = [(r.question, r.answer, r.kind, r.value, bool(r.shared), int(r.request_item))
           for r in pairs.itertuples()]
    want = [(g["question"], g["answer"], g["kind"], g["value"], g["shared"], g["request_item"])
            for g in gold["pairs"]]
    assert got == want


def test_reference_response_document_facts_and_flags() -> None:
    gold = gold_for(BARNET)["document"]
    doc = foiextract.extract(str(BARNET)).documents.iloc[0]
    for field in ("authority", "authority_code", "reference", "legislation"):
        assert doc[field] == gold[field], field
    for field in ("received_date", "response_date"):  # typed dates (issue 17)
        assert doc[field] == pd.Timestamp(gold[field]), field
    assert doc["exemptions"].split("; ") == gold["exemptions"]
    assert set(doc["flags"].split("; ")) == set(gold["flags"])
    assert doc["n_pairs"] == 22 and doc["n_request_items"] == 23 and doc["n_unanswered"] == 1


def test_reference_response_exemptions_table() -> None:
    exemptions = foiextract.extract(str(BARNET)).exemptions
    assert list(exemptions["provision"]) == ["s22(2)"]
    assert exemptions["text"].iloc[0]


def test_pairs_know_their_lines() -> None:
    pairs = foiextract.extract(str(BARNET)).pairs
    assert pairs["line_start"].notna().all()
    assert (pairs["line_end"] >= pairs["line_start"]).all()
    first = pairs.iloc[0]
    lines = BARNET.read_text("utf-8").splitlines()
    assert "Since January 1, 2019" in lines[int(first.line_start) - 1]


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.md"
    binary.write_bytes(bytes(range(256)) * 8)
    latin = tmp_path / "latin1.md"
    latin.write_bytes("**How many?**\n\nCaf\xe9 \xa3200\n".encode("latin-1"))
    return {"empty_file": empty, "unsupported_format": binary, "bad_encoding": latin,
            "not_found": tmp_path / "missing.md"}


def test_bad_inputs_become_error_rows_and_good_ones_still_come_out(
        bad_inputs: dict[str, Path]) -> None:
    result = foiextract.extract([*map(str, bad_inputs.values()), str(BARNET)])
    assert len(result.documents) == 1
    assert len(result.pairs) == 22
    errors = dict(zip(result.errors["source"], result.errors["kind"]))
    assert errors == {str(path): kind for kind, path in bad_inputs.items()}
    for message in result.errors["message"]:
        assert "\n" not in message and "Traceback" not in message
    assert set(result.errors["kind"]) <= set(ERROR_KINDS)


def test_folders_are_searched_and_gold_files_skipped() -> None:
    result = foiextract.extract("corpora/barnet-scr-dhr")
    sources = set(result.documents["source"]) | set(result.errors["source"])
    assert "corpora/barnet-scr-dhr/barnet_6015464.md" in sources
    assert not any(s.endswith(".json") for s in sources)


def test_shared_answer_gives_each_question_its_own_part(tmp_path: Path) -> None:
    letter = tmp_path / "merged.md"
    letter.write_text("**How many reviews has the borough completed?**\n\n"
                      "**Please provide the dates of completion.**\n\n"
                      "**How many of these have been published?**\n\n"
                      "One review has been completed, in December 2019. "
                      "It has not yet been published.\n", "utf-8")
    pairs = foiextract.extract(str(letter)).pairs
    assert list(zip(pairs["kind"], pairs["value"])) == [
        ("count", "1"), ("date", "2019-12"), ("count", "0")]


def test_long_shared_introduction_is_not_read_part_by_part(tmp_path: Path) -> None:
    letter = tmp_path / "intro.md"
    letter.write_text(
        "**How many crimes were logged on hospital grounds?**\n\n"
        "**Please could these be broken down by year.**\n\n"
        "Your request has been considered. The information was extracted from our system. "
        "A keyword search was conducted. Results that were irrelevant have been removed. "
        "Records kept in another field would not be identified by the search.\n", "utf-8")
    pairs = foiextract.extract(str(letter)).pairs
    assert list(pairs["kind"]) == ["text", "text"]


def test_reading_values_keeps_every_other_field_of_a_pair() -> None:
    from dataclasses import fields

    from foiextract.model import Block, Pair, Source, Span
    from foiextract.pipeline import _with_values

    # Every field set to something other than its default, so a field dropped or moved shows.
    block = Block("paragraph", (Span("Two"),))
    pair = Pair("How many?", "Two", shared=False, request_item=3, section="response",
                rule="question_emphasis", question_source=Source(line_start=4, line_end=4),
                answer_source=Source(line_start=6, line_end=7), answer_blocks=(block,))
    [read] = _with_values([pair])
    assert read.value is not None and read.value.value == "2"
    for f in fields(Pair):
        if f.name != "value":
            assert getattr(read, f.name) == getattr(pair, f.name), f.name


@pytest.mark.parametrize("notice, want", [
    # The letter relies on one exemption: the refusal that names none is under it.
    ("Section 43(2) of the Freedom of Information Act 2000 exempts information whose disclosure "
     "would prejudice commercial interests.", "s43(2)"),
    # Two exemptions: which is the answer's is not known, so it names none.
    ("Section 43(2) and section 40(2) of the Freedom of Information Act 2000 apply.", ""),
])
def test_a_refusal_naming_no_section_takes_the_letters_one_exemption(
        tmp_path: Path, notice: str, want: str) -> None:
    letter = tmp_path / "letter.md"
    letter.write_text(f"This letter is a refusal notice in part. {notice}\n\n"
                      "1. How many contracts do you hold with the supplier?\n\nThree.\n\n"
                      "2. Please provide copies of the contracts.\n\n"
                      "The council has deemed these contracts to be commercially sensitive and "
                      "therefore they will not be disclosed.\n")
    pairs = foiextract.extract(str(letter)).pairs
    assert list(pairs["kind"]) == ["count", "withheld"]
    assert list(pairs["value"].fillna("")) == ["3", want]
    if want:  # taken from the letter, not the answer: sent to review
        assert pairs["confidence"].iloc[1] < REVIEW_CONFIDENCE
