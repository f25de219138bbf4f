"""Every output format keeps "None", "N/A", not held and a blank apart, and writes atomically."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from foiextract.result import Result
from foiextract.tables import SCHEMAS, frame
from foiextract.writers import read_table, write_tables

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
