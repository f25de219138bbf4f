"""Every output format keeps "None", "N/A", not held and a blank apart, and writes atomically."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from foiextract.result import Result
from foiextract.tables import SCHEMAS, frame
from foiextract.writers import read_table, write_table_set, write_tables

# A pid no process has (above Linux's pid_max): what a killed writer's files carry.
DEAD = 999_999_999

ROWS = [
    {"doc_id": "d1", "source": "a.md", "pair_no": 1, "question": "How many?", "answer": "None",
     "kind": "count", "value": "0", "number": 0.0, "shared": False, "request_item": 1},
    {"doc_id": "d1", "source": "a.md", "pair_no": 2, "question": "When?", "answer": "N/A",
     "kind": "not_applicable", "value": "", "shared": True, "request_item": None},
    {"doc_id": "d1", "source": "a.md", "pair_no": 3, "question": "Why?", "answer": "Not held",
     "kind": "not_held", "value": "", "shared": False},
    {"doc_id": "d1", "source": "a.md", "pair_no": 4, "question": "Who?", "answer": "",
     "kind": "missing", "value": "", "shared": False},
    {"doc_id": "d1", "source": "a.md", "pair_no": 5, "question": "=SUM(A1)", "answer": "null",
     "kind": "text", "value": "", "shared": False},
]


def _tables() -> dict[str, pd.DataFrame]:
    tables = {name: frame(name, []) for name in SCHEMAS}
    tables["pairs"] = frame("pairs", ROWS)
    return tables


@pytest.mark.parametrize("fmt,target", [("csv", "out"), ("parquet", "out"), ("jsonl", "out"),
                                        ("sqlite", "out.db"), ("xlsx", "out.xlsx")])
def test_none_na_not_held_and_blank_stay_apart(tmp_path: Path, fmt: str, target: str) -> None:
    out = tmp_path / target
    written = write_tables(_tables(), str(out), fmt)
    path = next(p for p in written if "pairs" in p) if fmt in ("csv", "parquet", "jsonl") \
        else written[0]
    back = read_table(path, "pairs")
    assert list(back["answer"]) == ["None", "N/A", "Not held", "", "null"]
    assert list(back["kind"]) == ["count", "not_applicable", "not_held", "missing", "text"]
    assert back["question"].iloc[4] == "=SUM(A1)"
    assert back["number"].iloc[0] == 0 and pd.isna(back["number"].iloc[1])
    assert list(back["shared"]) == [False, True, False, False, False]
    assert list(back.dtypes) == list(frame("pairs", []).dtypes)


def test_a_failed_write_leaves_the_old_table_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                   ) -> None:
    write_tables(_tables(), str(tmp_path))
    before = (tmp_path / "pairs.csv").read_bytes()

    def explode(df: pd.DataFrame, path: str) -> None:
        Path(path).write_text("half a tab")
        raise OSError("disk full")

    monkeypatch.setitem(__import__("foiextract.writers").writers._WRITE_ONE, "csv", explode)
    with pytest.raises(OSError):
        write_tables(_tables(), str(tmp_path))
    assert (tmp_path / "pairs.csv").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_empty_result_has_every_table_with_its_columns(tmp_path: Path) -> None:
    result = Result.from_rows([], [])
    written = result.write(tmp_path)
    assert sorted(Path(p).name for p in written) == sorted(f"{t}.csv" for t in SCHEMAS)
    for name in SCHEMAS:
        header = (tmp_path / f"{name}.csv").read_text().splitlines()[0]
        assert header.split(",") == list(SCHEMAS[name])


def _with_control_characters() -> dict[str, pd.DataFrame]:
    tables = _tables()
    rows = [dict(ROWS[0], question="How many?\x1a\x0b\x1f", answer="None\x00")]
    tables["pairs"] = frame("pairs", rows)
    return tables


@pytest.mark.parametrize("fmt,target", [("csv", "out"), ("jsonl", "out"), ("parquet", "out"),
                                        ("sqlite", "out.db")])
def test_control_characters_are_kept_where_the_format_holds_them(tmp_path: Path, fmt: str,
                                                                 target: str) -> None:
    written = write_tables(_with_control_characters(), str(tmp_path / target), fmt)
    path = written[0] if fmt == "sqlite" else next(p for p in written if "pairs" in p)
    back = read_table(path, "pairs")
    assert (back["question"][0], back["answer"][0]) == ("How many?\x1a\x0b\x1f", "None\x00")


def test_control_characters_become_replacement_marks_in_a_workbook(tmp_path: Path) -> None:
    write_tables(_with_control_characters(), str(tmp_path / "out.xlsx"))
    back = read_table(str(tmp_path / "out.xlsx"), "pairs")
    assert (back["question"][0], back["answer"][0]) == ("How many?\ufffd\ufffd\ufffd", "None\ufffd")


def test_a_workbook_is_the_same_bytes_whenever_it_is_written(tmp_path: Path) -> None:
    write_tables(_tables(), str(tmp_path / "a.xlsx"))
    time.sleep(2.1)  # past the 2-second resolution of ZIP entry times
    write_tables(_tables(), str(tmp_path / "b.xlsx"))
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.xlsx") as book:
        assert {m.date_time for m in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2000" not in book.read("docProps/core.xml")
        assert book.read("docProps/core.xml").count(b"1980-01-01T00:00:00Z") == 2


def test_a_table_set_is_swapped_in_whole_or_not_at_all(tmp_path: Path) -> None:
    write_tables(_tables(), str(tmp_path))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    calls = []

    def write(path: str) -> None:
        calls.append(path)
        Path(path).write_text("new")
        if len(calls) == 3:
            raise OSError("disk full")

    with pytest.raises(OSError):
        write_table_set({name: write for name in before}, str(tmp_path))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_set_killed_before_its_commit_is_dropped_and_after_it_is_finished(tmp_path: Path
                                                                            ) -> None:
    write_tables(_tables(), str(tmp_path))
    old = (tmp_path / "pairs.csv").read_bytes()
    # Killed while staging: no COMMIT; the old set stays.
    dropped = tmp_path / f".foiextract-staging.{DEAD}-a"
    dropped.mkdir()
    (dropped / "pairs.csv").write_text("half")
    # Killed while moving in: COMMIT written, errors.csv moved, pairs.csv not yet.
    finished = tmp_path / f".foiextract-staging.{DEAD}-b"
    finished.mkdir()
    (finished / "pairs.csv").write_text("new pairs")
    (finished / "COMMIT").write_text(json.dumps(["errors.csv", "pairs.csv"]))
    write_table_set({"extra.csv": lambda path: Path(path).write_text("x")}, str(tmp_path))
    assert (tmp_path / "pairs.csv").read_text() == "new pairs" != old.decode()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_stale_temporary_files_are_removed_and_a_live_writers_kept(tmp_path: Path) -> None:
    stale = tmp_path / f".pairs.csv.{DEAD}-x1.tmp"
    old_style = tmp_path / ".out.db.x2abc.tmp"
    live = tmp_path / f".pairs.csv.{os.getppid()}-x3.tmp"
    for path in (stale, old_style, live):
        path.write_text("half")
    write_tables(_tables(), str(tmp_path))
    write_tables(_tables(), str(tmp_path / "out.db"))
    assert not stale.exists() and not old_style.exists() and live.exists()
