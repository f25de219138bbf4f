"""Output files: normal permissions, typed dates in every format that holds them, and an
extract workbook laid out like compile's (issue 17)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from foiextract.result import Result
from foiextract.tables import SCHEMAS, frame
from foiextract.writers import read_table, write_tables

from .conftest import BARNET

DOCUMENT = {"doc_id": "d1", "source": "a.md", "received_date": "2020-01-28",
            "response_date": "", "n_pairs": 1}
PAIR = {"doc_id": "d1", "source": "a.md", "pair_no": 1, "question": "When?",
        "answer": "May 2019", "kind": "date", "value": "2019-05", "shared": False,
        "date_start": "2019-05-01", "date_end": "2019-05-31"}


def _tables() -> dict[str, pd.DataFrame]:
    tables = {name: frame(name, []) for name in SCHEMAS}
    tables["documents"] = frame("documents", [DOCUMENT])
    tables["pairs"] = frame("pairs", [PAIR])
    return tables


@pytest.fixture
def umask_022() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize("target,fmt", [("out", "csv"), ("out", "parquet"), ("out", "jsonl"),
                                        ("out.db", None), ("out.xlsx", None),
                                        ("pairs.csv", None)])
def test_output_files_are_0644_under_umask_022(tmp_path: Path, umask_022: object, target: str,
                                               fmt: str | None) -> None:
    written = write_tables(_tables(), str(tmp_path / target), fmt)
    for path in written:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o644, path


def test_bulk_files_and_parts_respect_a_stricter_umask(tmp_path: Path) -> None:
    from foiextract.bulk import BulkOptions, run_bulk

    old = os.umask(0o027)
    try:
        run_bulk([str(BARNET)], str(tmp_path / "out.db"), options=BulkOptions(progress=False))
    finally:
        os.umask(old)
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "lock"]
    assert files and {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o640}


@pytest.mark.parametrize("target,fmt", [("out", "csv"), ("out", "parquet"), ("out", "jsonl"),
                                        ("out.db", None), ("out.xlsx", None)])
def test_dates_come_back_as_dates(tmp_path: Path, target: str, fmt: str | None) -> None:
    written = write_tables(_tables(), str(tmp_path / target), fmt)
    path = written[0] if target != "out" else next(p for p in written if "pairs." in p)
    pairs = read_table(path, "pairs")
    assert str(pairs["date_start"].dtype) == "datetime64[s]"
    assert pairs["date_start"][0] == pd.Timestamp("2019-05-01")
    documents = read_table(path.replace("pairs.", "documents.") if target == "out" else path,
                           "documents")
    assert documents["received_date"][0] == pd.Timestamp("2020-01-28")
    assert pd.isna(documents["response_date"][0])


def test_parquet_holds_date32_and_csv_iso_text(tmp_path: Path) -> None:
    write_tables(_tables(), str(tmp_path / "p"), "parquet")
    assert str(pq.read_schema(tmp_path / "p" / "pairs.parquet").field("date_start").type) == \
        "date32[day]"
    write_tables(_tables(), str(tmp_path / "c"), "csv")
    line = (tmp_path / "c" / "documents.csv").read_text().splitlines()[1]
    assert ",2020-01-28,," in line


def test_extract_workbook_is_laid_out_like_compiles(tmp_path: Path) -> None:
    result = Result.from_rows([], [])
    result = Result(**{**dict(result.tables()), "documents": frame("documents", [DOCUMENT]),
                       "pairs": frame("pairs", [PAIR])})
    result.write(tmp_path / "out.xlsx")
    book = load_workbook(tmp_path / "out.xlsx")
    sheet = book["pairs"]
    assert sheet.freeze_panes == "A2"
    last = get_column_letter(len(SCHEMAS["pairs"]))
    assert sheet.auto_filter.ref == f"A1:{last}2"  # the filter covers every column
    assert sheet["A1"].font.b
    question = [c.column_letter for c in sheet[1] if c.value == "question"][0]
    assert sheet.column_dimensions[question].width == 60
    date_start = [c.column for c in sheet[1] if c.value == "date_start"][0]
    cell = sheet.cell(row=2, column=date_start)
    assert cell.value == dt.datetime(2019, 5, 1) and cell.number_format == "yyyy-mm-dd"
    assert cell.is_date


def test_compile_workbook_has_filters(tmp_path: Path) -> None:
    from foiextract.compile import compile_responses

    batch = "corpora/london-scr-dhr-batch"
    compile_responses(batch, request=f"{batch}/request.md").write(str(tmp_path / "b.xlsx"))
    sheet = load_workbook(tmp_path / "b.xlsx")["dataset"]
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
