"""Writers: CSV, Parquet, JSON Lines, SQLite and Excel, each written atomically.

Every file is written beside its destination under a temporary name and moved
into place only when complete, so a crash never leaves a half-written table
and never spoils one already there. A folder of tables is written as one set
(:func:`write_table_set`): every file is staged first, and only once all are
whole are they moved in, so a run killed part-way leaves the old set or the
new one, never a mix (the next write finishes or drops what a killed one left).
Temporary files carry the id of the process writing them; those of a process
that is gone are removed by the next write. Files get the mode a plain ``open``
would give them (0644 under umask 022), not the owner-only mode of a
temporary file, so a colleague or a Datasette service can read them.

Excel cannot hold control characters (``\\x1a`` from old systems): they become
U+FFFD in a workbook and stay as they are in every other format. Workbooks are
reproducible: the same tables give the same bytes (fixed timestamps).

>>> fmt_for("out.db", None), fmt_for("out", None), fmt_for("out", "parquet")
('sqlite', 'csv', 'parquet')
>>> fmt_for("pairs.csv", None), one_table("pairs.csv"), one_table("-"), one_table("out/")
('csv', True, True, False)
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import zipfile
from typing import Any, Callable, Iterable, Iterator, Mapping

import pandas as pd

from .database import (Keys, datasette_metadata, metadata_path, read_metadata,
                       write_sqlite as write_sqlite)
from .tables import conform

FORMATS = ("csv", "parquet", "jsonl", "sqlite", "xlsx")
# An output path's extension names its format; a .csv or .jsonl path is one table's file.
BY_SUFFIX = {".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".xlsx": "xlsx",
             ".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet"}
ONE_TABLE_SUFFIXES = (".csv", ".jsonl")
# What standard output (``-o -``) and a one-table file can hold.
ONE_TABLE_FORMATS = ("csv", "jsonl")
STDOUT = "-"
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
# Workbook column widths (characters): long text wider, the rest as their header needs.
XLSX_WIDTHS = {"question": 60, "answer": 60, "response_question": 50, "text": 60,
               "message": 60, "source": 40, "authority": 32, "name": 30, "value": 20,
               "label": 24, "sha256": 20, "bbox": 24, "section": 30, "unanswered_items": 18}
DATE_FORMAT = "yyyy-mm-dd"


class FormatConflict(ValueError):
    """The output's extension names one format and ``--format`` another."""


def fmt_for(out: str, fmt: str | None) -> str:
    """The format to write: as asked, else from the output's extension, else CSV.

    An extension that names a format other than ``fmt`` is a :class:`FormatConflict`
    (``-o out.db --format csv``).
    """
    if fmt and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    named = BY_SUFFIX.get(os.path.splitext(out.rstrip("/" + os.sep))[1].lower())
    if fmt and named and fmt != named:
        raise FormatConflict(f"{out} names the {named} format but the format asked is {fmt}: "
                             "change one")
    return fmt or named or "csv"


def one_table(out: str) -> bool:
    """Whether ``out`` holds one table: standard output (``-``), or a .csv or .jsonl file."""
    return out == STDOUT or (not out.endswith(("/", os.sep)) and
                             out.lower().endswith(ONE_TABLE_SUFFIXES))


def check_output(out: str, fmt: str | None, table: str | None = None,
                 tables: Iterable[str] = ()) -> str:
    """The format to write ``out`` in, or a ValueError saying why it cannot be written.

    >>> check_output("-", "parquet")
    Traceback (most recent call last):
    ...
    foiextract.writers.FormatConflict: standard output takes one table as csv or jsonl, not parquet
    """
    fmt = fmt_for(out, fmt)
    if one_table(out) and fmt not in ONE_TABLE_FORMATS:
        where = "standard output" if out == STDOUT else out
        raise FormatConflict(f"{where} takes one table as csv or jsonl, not {fmt}")
    names = list(tables)
    if table is not None and names and table not in names:
        raise ValueError(f"no table {table!r}: choose from {', '.join(names)}")
    return fmt


def write_tables(tables: dict[str, pd.DataFrame], out: str, fmt: str | None = None,
                 table: str = "pairs", keys: Mapping[str, Keys] | None = None) -> list[str]:
    """Write tables to ``out``: a folder of files (csv, parquet, jsonl), one file (sqlite,
    xlsx), or the one ``table`` to a .csv or .jsonl file or standard output (``-``)."""
    fmt = check_output(out, fmt, table, tables)
    if one_table(out):
        write_one_table(tables[table], out, fmt)
        return [out]
    if fmt == "sqlite":
        return write_database({n: [df] for n, df in tables.items()}, out, keys)
    if fmt == "xlsx":
        atomic_write(out, lambda tmp: write_xlsx({n: [df] for n, df in tables.items()}, tmp))
        return [out]
    files = {f"{name}.{fmt}": (lambda tmp, df=df: _WRITE_ONE[fmt](df, tmp))
             for name, df in tables.items()}
    return write_table_set(files, out)


def write_one_table(df: pd.DataFrame | Iterable[pd.DataFrame], out: str, fmt: str) -> None:
    """One table (a frame, or frames in order) to a file, atomically, or to standard output."""
    frames = [df] if isinstance(df, pd.DataFrame) else df

    def write(path: str) -> None:
        _APPEND[fmt](frames, path)

    if out == STDOUT:
        to_stdout(write)
    else:
        atomic_write(out, write)


def to_stdout(write: Callable[[str], None]) -> None:
    """Call ``write(path)`` on a temporary file, then copy it to standard output."""
    folder = tempfile.mkdtemp(prefix="foiextract-stdout-")
    try:
        path = os.path.join(folder, "table")
        write(path)
        copy_to_stdout(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def copy_to_stdout(path: str) -> None:
    """Copy a whole file to standard output, as bytes."""
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    with open(path, "rb") as handle:
        if out is None:
            sys.stdout.write(handle.read().decode("utf-8"))
        else:
            shutil.copyfileobj(handle, out, 1 << 20)
            out.flush()


def write_database(tables: Mapping[str, Iterable[pd.DataFrame]], out: str,
                   keys: Mapping[str, Keys] | None = None) -> list[str]:
    """The SQLite file at ``out`` (atomically) and the ``metadata.json`` beside it, which
    Datasette reads for the tables' and columns' descriptions; returns both paths."""
    atomic_write(out, lambda tmp: write_sqlite(tables, tmp, keys))
    meta = metadata_path(out)
    body = datasette_metadata(out, list(tables), read_metadata(meta))

    def write_meta(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(body, handle, indent=2, ensure_ascii=False)
            handle.write("\n")

    atomic_write(meta, write_meta)
    return [out, meta]


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
        with contextlib.closing(sqlite3.connect(path)) as db:  # dates: ISO text, read by conform
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
        os.chmod(tmp, file_mode())  # mkstemp makes it owner-only
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def file_mode() -> int:
    """The mode a new file gets from ``open``: 0666 less the process's umask.

    >>> oct(file_mode())  # under umask 022  # doctest: +SKIP
    '0o644'
    """
    try:
        # Linux says it without changing it (os.umask would, for a moment, for every thread).
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


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
            handle.write(json_ready(df).to_json(orient="records", lines=True, force_ascii=False))


def _write_parquet(df: pd.DataFrame, path: str) -> None:
    import pyarrow.parquet as pq

    pq.write_table(arrow_table(df), path)


def json_ready(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with its dates as ISO text (``"2020-01-28"``) and missing ones as null."""
    dates = [c for c in df.columns if pd.api.types.is_datetime64_any_dtype(df[c].dtype)]
    if not dates:
        return df
    df = df.copy()
    for column in dates:
        df[column] = pd.array([None if pd.isna(v) else v.strftime("%Y-%m-%d")
                               for v in df[column]], dtype="string")
    return df


def arrow_table(df: pd.DataFrame) -> Any:
    """A pyarrow Table of the frame with its dates as ``date32`` (Parquet's date type)."""
    import pyarrow as pa

    table = pa.Table.from_pandas(df, preserve_index=False)
    fields = [pa.field(f.name, pa.date32()) if pa.types.is_timestamp(f.type) else f
              for f in table.schema]
    return table.cast(pa.schema(fields, metadata=table.schema.metadata))


_WRITE_ONE: dict[str, Callable[[pd.DataFrame, str], None]] = {
    "csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet,
}


def write_frame(df: pd.DataFrame, path: str, fmt: str) -> None:
    """Write one table to ``path`` as csv, parquet or jsonl (not atomically: see
    :func:`write_table_set`)."""
    _WRITE_ONE[fmt](df, path)


def _append_csv(frames: Iterable[pd.DataFrame], path: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for n, df in enumerate(frames):
            df.to_csv(handle, index=False, header=n == 0, lineterminator="\n")


def _append_jsonl(frames: Iterable[pd.DataFrame], path: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for df in frames:
            if not df.empty:
                handle.write(json_ready(df).to_json(orient="records", lines=True,
                                                    force_ascii=False))


def _append_parquet(frames: Iterable[pd.DataFrame], path: str) -> None:
    import pyarrow.parquet as pq

    writer = None
    try:
        for df in frames:
            table = arrow_table(df)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table.cast(writer.schema))
    finally:
        if writer is not None:
            writer.close()


# Writers of a table given as frames (chunks) in order, for long tables and one-table outputs.
_APPEND: dict[str, Callable[[Iterable[pd.DataFrame], str], None]] = {
    "csv": _append_csv, "jsonl": _append_jsonl, "parquet": _append_parquet,
}


def append_frames(frames: Iterable[pd.DataFrame], path: str, fmt: str) -> None:
    """Write one table given as frames (chunks) to ``path`` as csv, parquet or jsonl."""
    _APPEND[fmt](frames, path)


def plain_rows(df: pd.DataFrame) -> Iterator[list[object]]:
    """Rows with pandas' missing values as None and dates as ``datetime.date``, for writers
    that want Python values."""
    dates = [pd.api.types.is_datetime64_any_dtype(df[c].dtype) for c in df.columns]
    for row in df.astype(object).itertuples(index=False, name=None):
        yield [None if value is pd.NA or value is pd.NaT or
               (isinstance(value, float) and value != value)
               else value.date() if is_date else value
               for value, is_date in zip(row, dates)]


def write_xlsx(tables: Mapping[str, Iterable[pd.DataFrame]], path: str) -> None:
    """One sheet per entry, each given as frames (chunks); text never becomes a formula.

    Each sheet is laid out as ``compile``'s: a bold, frozen header row with filters,
    columns as wide as their contents need, numbers as numbers and dates as dates.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    for name, frames in tables.items():
        sheet = book.create_sheet(name)
        sheet.freeze_panes = "A2"
        rows = 0
        columns: list[str] = []
        for df in frames:
            if not columns:
                columns = [str(c) for c in df.columns]
                for number, column in enumerate(columns, start=1):
                    sheet.column_dimensions[get_column_letter(number)].width = \
                        column_width(column)
                header = []
                for column in columns:
                    cell = WriteOnlyCell(sheet, value=column)
                    cell.font = Font(bold=True)
                    header.append(cell)
                sheet.append(header)
            for row in plain_rows(df):
                sheet.append([excel_cell(sheet, value) for value in row])
                rows += 1
        if columns:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"
    save_workbook(book, path)


def column_width(column: str) -> float:
    """A workbook column's width in characters: wide for long text, else its header's.

    >>> column_width("answer"), column_width("pair_no")
    (60, 9)
    """
    return XLSX_WIDTHS.get(column, max(len(column) + 2, 9))


def excel_cell(sheet: Any, value: object) -> Any:
    """A write-only cell for ``value``: text as text (never a formula), a date as a date."""
    import datetime as dt

    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        value = excel_text(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text stays text: never a formula ("=…")
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    return cell


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
