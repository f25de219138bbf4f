"""Writers: CSV, Parquet, JSON Lines, SQLite and Excel, each written atomically.

Every file is written beside its destination under a temporary name and moved
into place only when complete, so a crash never leaves a half-written table
and never spoils one already there.

>>> fmt_for("out.db", None), fmt_for("out", None), fmt_for("out", "parquet")
('sqlite', 'csv', 'parquet')
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from typing import Callable, Iterable, Iterator, Mapping

import pandas as pd

from .tables import conform

FORMATS = ("csv", "parquet", "jsonl", "sqlite", "xlsx")
_BY_SUFFIX = {".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".xlsx": "xlsx"}
# Excel refuses longer cells.
EXCEL_CELL_LIMIT = 32_767


def fmt_for(out: str, fmt: str | None) -> str:
    """The format to write: as asked, else from the output's extension, else CSV."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
        return fmt
    return _BY_SUFFIX.get(os.path.splitext(out)[1].lower(), "csv")


def write_tables(tables: dict[str, pd.DataFrame], out: str, fmt: str | None = None) -> list[str]:
    """Write tables to ``out``: a folder of files (csv, parquet, jsonl) or one file (sqlite, xlsx)."""
    fmt = fmt_for(out, fmt)
    if fmt == "sqlite":
        atomic_write(out, lambda tmp: write_sqlite({n: [df] for n, df in tables.items()}, tmp))
        return [out]
    if fmt == "xlsx":
        atomic_write(out, lambda tmp: write_xlsx({n: [df] for n, df in tables.items()}, tmp))
        return [out]
    os.makedirs(out, exist_ok=True)
    written = []
    for name, df in tables.items():
        path = os.path.join(out, f"{name}.{fmt}")
        atomic_write(path, lambda tmp, df=df: _WRITE_ONE[fmt](df, tmp))  # type: ignore[misc]
        written.append(path)
    return written


def read_table(path: str, table: str) -> pd.DataFrame:
    """Read a table written by foiextract back with its dtypes ("None" and "N/A" stay text).

    CSV and Excel cannot tell an empty text from a missing one: both come back
    as ``""`` (the ``kind`` column always says what kind of nothing an answer is).

    >>> read_table("out/pairs.csv", "pairs")  # doctest: +SKIP
    """
    if path.endswith(".csv"):
        df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])
        return conform(table, df, blank_text="")
    if path.endswith(".parquet"):
        return conform(table, pd.read_parquet(path))
    if path.endswith(".jsonl"):
        df = pd.read_json(path, lines=True, dtype=False) if os.path.getsize(path) else pd.DataFrame()
        return conform(table, df)
    if path.endswith((".db", ".sqlite", ".sqlite3")):
        with contextlib.closing(sqlite3.connect(path)) as db:
            return conform(table, pd.read_sql_query(f'SELECT * FROM "{table}"', db))
    if path.endswith(".xlsx"):
        df = pd.read_excel(path, sheet_name=table, dtype=object, keep_default_na=False,
                           na_values=[])
        return conform(table, df, blank_text="")
    raise ValueError(f"{path}: not a table file foiextract writes")


def atomic_write(path: str, write: Callable[[str], None]) -> None:
    """Write ``path`` by calling ``write(tmp)`` on a temporary file beside it, then moving it in.

    A crash or an error part-way leaves whatever was at ``path`` untouched.
    """
    """Write a file by calling ``write(tmp)`` on a temporary file beside it, then move it into place."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _write_csv(df: pd.DataFrame, path: str) -> None:
    df.to_csv(path, index=False, lineterminator="\n")


def _write_jsonl(df: pd.DataFrame, path: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        if not df.empty:
            handle.write(df.to_json(orient="records", lines=True, force_ascii=False))


def _write_parquet(df: pd.DataFrame, path: str) -> None:
    df.to_parquet(path, index=False, engine="pyarrow")


_WRITE_ONE: dict[str, Callable[[pd.DataFrame, str], None]] = {
    "csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet,
}


def plain_rows(df: pd.DataFrame) -> Iterator[list[object]]:
    """Rows with pandas' missing values as None, for writers that want Python values."""
    for row in df.astype(object).itertuples(index=False, name=None):
        yield [None if value is pd.NA or (isinstance(value, float) and value != value) else value
               for value in row]


_SQL_TYPES = {"string": "TEXT", "object": "TEXT", "Int64": "INTEGER", "int64": "INTEGER",
              "Float64": "REAL", "float64": "REAL", "boolean": "INTEGER", "bool": "INTEGER"}


def write_sqlite(tables: Mapping[str, Iterable[pd.DataFrame]], path: str) -> None:
    """One SQLite table per entry, each given as frames (chunks) with the same columns."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        for name, frames in tables.items():
            created = False
            for df in frames:
                if not created:
                    columns = ", ".join(f'"{c}" {_SQL_TYPES.get(str(df[c].dtype), "TEXT")}'
                                        for c in df.columns)
                    db.execute(f'CREATE TABLE "{name}" ({columns})')
                    created = True
                marks = ", ".join("?" for _ in df.columns)
                db.executemany(f'INSERT INTO "{name}" VALUES ({marks})', plain_rows(df))
        db.commit()


def write_xlsx(tables: Mapping[str, Iterable[pd.DataFrame]], path: str) -> None:
    """One sheet per entry, each given as frames (chunks); text never becomes a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    for name, frames in tables.items():
        sheet = book.create_sheet(name)
        header = False
        for df in frames:
            if not header:
                sheet.append(list(df.columns))
                header = True
            for row in plain_rows(df):
                cells = []
                for value in row:
                    if isinstance(value, str):
                        value = value[:EXCEL_CELL_LIMIT]
                    cell = WriteOnlyCell(sheet, value=value)
                    if isinstance(value, str):
                        cell.data_type = "s"  # text stays text: never a formula ("=…")
                    cells.append(cell)
                sheet.append(cells)
    book.save(path)
