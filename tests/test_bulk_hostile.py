"""Hostile inputs beside good documents: each hostile file ends as one row, the good ones intact."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from foiextract.bulk import BulkOptions, Limits, run_bulk
from foiextract.writers import read_table

from .hostile import Case, make_hostile

GOOD = ["corpora/singles/leeds_EIR-21-0457.md", "corpora/singles/sheffield_FOI-21-312.pdf",
        "corpora/singles/essex_ECC-FOI-14433.docx", "corpora/singles/gmp_FOI-4113-21.html",
        "corpora/singles/cornwall_101003456.eml", "corpora/singles/kent_11045221.txt"]
# Text from inside the hostile files; no error message may quote it.
INSIDE = ("How many", "Three", "lol", "passwd", "Not Found", "cases were")
TIME_LIMIT = 20.0


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Case], Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    cases = make_hostile(root / "in")
    for good in GOOD:
        shutil.copy(good, root / "in" / Path(good).name)
    options = BulkOptions(jobs=2, progress=False, limits=Limits(timeout=TIME_LIMIT))
    started = time.monotonic()
    run_bulk([str(root / "in")], str(root / "mixed"), "csv", options)
    assert time.monotonic() - started < 60
    run_bulk([str(root / "in" / Path(g).name) for g in GOOD], str(root / "clean"), "csv", options)
    return cases, root / "mixed", root / "clean"


def test_every_hostile_file_is_one_row_of_its_kind(mixed_run: tuple[dict[str, Case], Path, Path]
                                                  ) -> None:
    cases, mixed, _ = mixed_run
    errors = read_table(str(mixed / "errors.csv"), "errors")
    documents = read_table(str(mixed / "documents.csv"), "documents")
    assert errors["source"].is_unique
    for name, case in cases.items():
        rows = errors[errors["source"] == str(case.path)]
        read = documents[documents["source"] == str(case.path)]
        if case.kind is None:
            assert (len(rows), len(read)) == (0, 1), f"{name}: {case.why}"
        else:
            assert list(rows["kind"]) == [case.kind], f"{name}: {case.why}: {list(rows['message'])}"
            assert len(read) == 0


def test_error_messages_name_the_file_and_never_quote_it(
        mixed_run: tuple[dict[str, Case], Path, Path]) -> None:
    _, mixed, _ = mixed_run
    errors = read_table(str(mixed / "errors.csv"), "errors")
    for source, message in zip(errors["source"], errors["message"]):
        assert message.startswith(f"{source}: ") and "\n" not in message
        assert not any(text in message for text in INSIDE), message


def test_good_documents_beside_them_come_out_as_in_a_clean_run(
        mixed_run: tuple[dict[str, Case], Path, Path]) -> None:
    _, mixed, clean = mixed_run
    for table in ("pairs", "values", "exemptions", "requests"):
        clean_rows = read_table(str(clean / f"{table}.csv"), table)
        mixed_rows = read_table(str(mixed / f"{table}.csv"), table)
        ids = set(clean_rows["doc_id"])
        kept = mixed_rows[mixed_rows["doc_id"].isin(ids)].reset_index(drop=True)
        assert len(clean_rows) > 0 or table == "exemptions"
        pd.testing.assert_frame_equal(kept, clean_rows)


def test_windows_1252_text_is_decoded_not_mangled(
        mixed_run: tuple[dict[str, Case], Path, Path]) -> None:
    cases, mixed, _ = mixed_run
    pairs = read_table(str(mixed / "pairs.csv"), "pairs")
    rows = pairs[pairs["source"] == str(cases["windows_1252"].path)]
    assert rows["question"].str.contains("cafés").any()
