"""What a review is about: the cells of an extract or compile output, doubtful ones first.

:func:`load_output` reads an output (a folder of csv, parquet or jsonl files, a SQLite file,
an extract workbook) back as the rows a person checks: a compile's ``answers`` (each a
dataset cell, with ``needs_review`` and its reason) or an extract's ``pairs`` (doubtful by
the same reasons a compile gives: low confidence, an answer placed by inference or shared,
low OCR confidence, no number where one was asked), each under its stable key.

>>> output = load_output("out/")  # doctest: +SKIP
>>> output.kind, output.items[0]["key"]  # doctest: +SKIP
('compile', '9f65f36053c3-q5')
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..errors import CorruptFile, NotFound
from ..tables import review_item
from ..writers import BY_SUFFIX

# The tables whose keys a correction can point at, and their key column.
KEYED = {"answers": "cell_key", "pairs": "pair_key", "values": "value_key", "cells": "cell_key"}


@dataclass(frozen=True)
class Output:
    """An output read back: ``kind`` (``compile`` or ``extract``), the ``items`` to review in
    order (doubtful first), and every key its keyed tables hold."""

    path: str
    kind: str
    items: list[dict[str, Any]]
    keys: set[str] = field(default_factory=set)


def load_output(path: str) -> Output:
    """Read the output at ``path`` for review (a one-line error when it is none)."""
    tables = {name: _read(path, name) for name in ("answers", "pairs", "values", "cells")}
    keys = {str(k) for name, df in tables.items() if df is not None
            for k in df.get(KEYED[name], []) if k}
    if tables["answers"] is not None:
        items = [review_item("answers", row) for row in tables["answers"].to_dict("records")]
        kind = "compile"
    elif tables["pairs"] is not None:
        items = [review_item("pairs", row) for row in tables["pairs"].to_dict("records")]
        kind = "extract"
    else:
        raise NotFound(path, "no answers or pairs table here: give the -o of an extract or "
                       "compile run (a folder, a .db file, an extract's .xlsx, a pairs or "
                       "answers .csv)")
    items.sort(key=lambda item: not item["doubtful"])  # stable: table order within each
    return Output(path, kind, items, keys)


def _read(path: str, table: str) -> pd.DataFrame | None:
    """One table of an output as text (blank for missing), or None when it has no such table."""
    suffix = BY_SUFFIX.get(os.path.splitext(path.rstrip("/" + os.sep))[1].lower())
    try:
        if os.path.isdir(path):
            for ext in ("csv", "parquet", "jsonl"):
                file = os.path.join(path, f"{table}.{ext}")
                if os.path.isfile(file):
                    return _text(_read_file(file, ext))
            return None
        if not os.path.isfile(path):
            raise NotFound(path, "no such output")
        ext = os.path.splitext(path)[1].lower().lstrip(".")
        if ext in ("csv", "jsonl"):  # one table's file: it is this table if it has its key
            df = _read_file(path, ext)
            is_it = KEYED[table] in df.columns and (table != "answers" or "needs_review" in df)
            return _text(df) if is_it and table in ("answers", "pairs") else None
        if suffix == "sqlite":
            with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
                found = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                                   (table,)).fetchone()
                return _text(pd.read_sql_query(f'SELECT * FROM "{table}"', db)) if found else None
        if suffix == "xlsx":
            sheets = pd.read_excel(path, sheet_name=None, dtype=object, keep_default_na=False,
                                   na_values=[])
            return _text(sheets[table]) if table in sheets else None
    except (ValueError, sqlite3.Error, OSError, KeyError) as err:
        raise CorruptFile(path, f"could not read its {table} table ({type(err).__name__})") \
            from None
    raise NotFound(path, "not an output foiextract writes (a folder, a .db or an .xlsx file)")


def _read_file(file: str, ext: str) -> pd.DataFrame:
    if ext == "csv":
        return pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[])
    if ext == "parquet":
        return pd.read_parquet(file)
    return pd.read_json(file, lines=True, dtype=False) if os.path.getsize(file) else pd.DataFrame()


def _text(df: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text, a missing one as ``""`` (the kind says what kind of nothing)."""
    return df.astype(object).map(lambda v: "" if v is None or v is pd.NA or v is pd.NaT
                                 or (isinstance(v, float) and v != v) else str(v))
