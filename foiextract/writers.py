"""Writers: CSV, Parquet, JSON Lines, SQLite and Excel, each written atomically.

Every file is written beside its destination under a temporary name and moved
into place only when complete, so a crash never leaves a half-written table
and never spoils one already there. A folder of tables is written as one set
(:func:`write_table_set`): every file is staged first, and only once all are
whole are they moved in, so a run killed part-way leaves the old set or the
new one, never a mix (the next write finishes or drops what a killed one left).
Temporary files carry the id of the process writing them; those of a process
that is gone are removed by the next write.

Excel cannot hold control characters (``\\x1a`` from old systems): they become
U+FFFD in a workbook and stay as they are in every other format. Workbooks are
reproducible: the same tables give the same bytes (fixed timestamps).

>>> fmt_for("out.db", None), fmt_for("out", None), fmt_for("out", "parquet")
('sqlite', 'csv', 'parquet')
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from typing import Callable, Iterable, Iterator, Mapping

import pandas as pd

from .tables import conform

FORMATS = ("csv", "parquet", "jsonl", "sqlite", "xlsx")
_BY_SUFFIX = {".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".xlsx": "xlsx"}
# Excel refuses longer cells.
EXCEL_CELL_LIMIT = 32_767
# Characters an xlsx cell cannot hold (XML 1.0 forbids them; openpyxl raises on the first three
# ranges): C0 controls but tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
_NOT_IN_EXCEL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Every workbook entry and its docProps/core.xml dates: the ZIP format's first day.
XLSX_DATE_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")
_STAGING = ".foiextract-staging."
_COMMIT = "COMMIT"


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
    files = {f"{name}.{fmt}": (lambda tmp, df=df: _WRITE_ONE[fmt](df, tmp))  # type: ignore[misc]
             for name, df in tables.items()}
    return write_table_set(files, out)


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

    A crash or an error part-way leaves whatever was at ``path`` untouched; the
    temporary files a killed writer left beside ``path`` are removed first.
    """
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    remove_stale(folder, os.path.basename(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.{os.getpid()}-", suffix=".tmp",
                               dir=folder)
    os.close(fd)
    try:
        write(tmp)
        _fsync(tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_table_set(files: Mapping[str, Callable[[str], None]], folder: str) -> list[str]:
    """Write the files ``{name: write}`` into ``folder`` as one set; returns their paths.

    Each ``write(path)`` writes one file (or folder) into a staging folder
    beside the others. When all are whole a ``COMMIT`` list is written, then
    each is moved into place. A run killed before the commit leaves the old
    set (its staging is dropped by the next write); one killed after it has its
    moves finished by the next write. So the set at ``folder`` is always the
    old one or the new one, as of the end of the next write at the latest.

    >>> write_table_set({"a.csv": lambda p: open(p, "w").close()}, "out")  # doctest: +SKIP
    ['out/a.csv']
    """
    os.makedirs(folder, exist_ok=True)
    recover(folder)
    for name in files:
        remove_stale(folder, name)  # left by a writer of one file at a time, since killed
    staging = tempfile.mkdtemp(prefix=f"{_STAGING}{os.getpid()}-", dir=folder)
    try:
        for name, write in files.items():
            write(os.path.join(staging, name))
            _fsync(os.path.join(staging, name))
        commit = os.path.join(staging, _COMMIT)
        with open(commit + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(list(files), handle)
        _fsync(commit + ".tmp")
        os.replace(commit + ".tmp", commit)
        _fsync(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _install(staging, folder)
    return [os.path.join(folder, name) for name in files]


def recover(folder: str) -> None:
    """Finish or drop what a killed :func:`write_table_set` left in ``folder``.

    A staging folder with its ``COMMIT`` list is moved in (the new set wins);
    one without is removed (the old set stays). Staging of a live process is
    left alone.
    """
    if not os.path.isdir(folder):
        return
    for entry in sorted(os.listdir(folder)):
        if not entry.startswith(_STAGING) or not left_by_dead_writer(entry[len(_STAGING):]):
            continue
        staging = os.path.join(folder, entry)
        if os.path.isfile(os.path.join(staging, _COMMIT)):
            _install(staging, folder)
        else:
            shutil.rmtree(staging, ignore_errors=True)


def remove_stale(folder: str, name: str) -> None:
    """Remove the temporary files writers of ``name`` left in ``folder`` and are gone."""
    prefix = f".{name}."
    with contextlib.suppress(FileNotFoundError):
        for entry in os.listdir(folder):
            if entry.startswith(prefix) and entry.endswith(".tmp") and \
                    left_by_dead_writer(entry[len(prefix):]):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, entry))


def _install(staging: str, folder: str) -> None:
    """Move every file the staging folder's COMMIT names into place, then drop the staging."""
    with open(os.path.join(staging, _COMMIT), encoding="utf-8") as handle:
        names = [str(n) for n in json.load(handle)]
    for name in names:
        source, target = os.path.join(staging, name), os.path.join(folder, name)
        if not os.path.lexists(source):
            continue  # moved in before a kill
        if os.path.isdir(source) and os.path.isdir(target):
            # A folder (partitioned Parquet) cannot be renamed over a full one: move the old aside.
            os.replace(target, os.path.join(staging, f"{name}.old"))
        os.replace(source, target)
    _fsync(folder)
    shutil.rmtree(staging, ignore_errors=True)


def left_by_dead_writer(name: str) -> bool:
    """True when a temporary name ``<pid>-<random>…`` was made by a process that is gone.

    A name without a pid comes from before pids were kept: its writer is long gone.

    >>> left_by_dead_writer(f"{os.getpid()}-abc.tmp"), left_by_dead_writer("abc.tmp")
    (False, True)
    """
    head = name.split("-", 1)[0]
    if not head.isdigit():
        return True
    pid = int(head)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


def _fsync(path: str) -> None:
    if os.path.isdir(path):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    elif os.path.isfile(path):
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())


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


def write_frame(df: pd.DataFrame, path: str, fmt: str) -> None:
    """Write one table to ``path`` as csv, parquet or jsonl (not atomically: see
    :func:`write_table_set`)."""
    _WRITE_ONE[fmt](df, path)


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
                        value = excel_text(value)
                    cell = WriteOnlyCell(sheet, value=value)
                    if isinstance(value, str):
                        cell.data_type = "s"  # text stays text: never a formula ("=…")
                    cells.append(cell)
                sheet.append(cells)
    save_workbook(book, path)


def excel_text(text: str) -> str:
    """Text as an xlsx cell can hold it: control characters as U+FFFD, cut at Excel's limit.

    >>> excel_text("EOF" + chr(0x1a) + "end") == "EOF" + chr(0xFFFD) + "end"
    True
    """
    return _NOT_IN_EXCEL.sub("\ufffd", text)[:EXCEL_CELL_LIMIT]


def save_workbook(book: object, path: str) -> None:
    """Save an openpyxl workbook so that the same sheets give the same bytes.

    openpyxl stamps docProps/core.xml with the time of saving and every ZIP
    entry with the clock; both are set to :data:`XLSX_DATE_TIME` here.
    """
    book.save(path)  # type: ignore[attr-defined]
    fixed = "%04d-%02d-%02dT%02d:%02d:%02dZ" % XLSX_DATE_TIME
    again = path + ".tmp"
    try:
        with zipfile.ZipFile(path) as source, \
                zipfile.ZipFile(again, "w", zipfile.ZIP_DEFLATED) as target:
            for member in source.infolist():
                entry = zipfile.ZipInfo(member.filename, date_time=XLSX_DATE_TIME)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o600 << 16
                if member.filename == "docProps/core.xml":
                    core = _CORE_DATES.sub(rb"\g<1>" + fixed.encode() + rb"\g<3>",
                                           source.read(member))
                    target.writestr(entry, core)
                    continue
                with source.open(member) as reader, \
                        target.open(entry, "w", force_zip64=member.file_size > 1 << 30) as writer:
                    shutil.copyfileobj(reader, writer, 1 << 20)
        os.replace(again, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(again)
