"""Write tables from row streams, a chunk at a time, each file atomically.

A table that fits in one chunk is written by :func:`foiextract.writers.write_tables`
itself, so a small bulk run gives the very bytes a one-shot run gives. A
longer table is written chunk by chunk (CSV and JSON Lines append, Parquet
adds row groups, SQLite inserts, Excel streams rows), so memory holds one
chunk whatever the number of documents. Partitioned Parquet writes one file a
chunk under ``OUT/<table>/``. The tables of a folder are swapped in as one set
(:func:`foiextract.writers.write_table_set`).

>>> write_streams({"errors": iter([])}, "out", "csv")  # doctest: +SKIP
['out/errors.csv']
"""

from __future__ import annotations

import itertools
import os
from typing import Any, Callable, Iterable, Iterator, Mapping

import pandas as pd

from ..tables import frame
from ..writers import (atomic_write, fmt_for, write_frame, write_sqlite, write_table_set,
                       write_xlsx)

CHUNK_ROWS = 2_000


def write_streams(streams: Mapping[str, Iterable[Mapping[str, Any]]], out: str,
                  fmt: str | None = None, *, partitioned: bool = False,
                  chunk_rows: int = CHUNK_ROWS) -> list[str]:
    """Write each table's rows (already in table order) to ``out``; returns the paths written."""
    fmt = fmt_for(out, fmt)
    chunks = {name: _frames(name, rows, chunk_rows) for name, rows in streams.items()}
    if fmt in ("sqlite", "xlsx") and not partitioned:
        atomic_write(out, lambda tmp: (write_sqlite if fmt == "sqlite" else write_xlsx)(chunks, tmp))
        return [out]
    files: dict[str, Callable[[str], None]] = {}
    for name, frames in chunks.items():
        if partitioned:
            files[name] = lambda path, f=frames: _write_partitioned(f, path)  # type: ignore[misc]
        else:
            files[f"{name}.{fmt}"] = (
                lambda path, f=frames: _write_table(f, path, fmt))  # type: ignore[misc]
    return write_table_set(files, out)


def _frames(table: str, rows: Iterable[Mapping[str, Any]], size: int) -> Iterator[pd.DataFrame]:
    """The rows as frames of at most ``size`` rows; always at least one (maybe empty)."""
    iterator = iter(rows)
    first = True
    while True:
        batch = list(itertools.islice(iterator, size))
        if batch or first:
            yield frame(table, batch)
        if len(batch) < size:
            return
        first = False


def _write_table(frames: Iterator[pd.DataFrame], path: str, fmt: str) -> None:
    first = next(frames)
    second = next(frames, None)
    if second is None:
        write_frame(first, path, fmt)  # one chunk: the bytes a one-shot run writes
        return
    _APPEND[fmt](itertools.chain([first, second], frames), path)


def _append_csv(frames: Iterable[pd.DataFrame], path: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for n, df in enumerate(frames):
            df.to_csv(handle, index=False, header=n == 0, lineterminator="\n")


def _append_jsonl(frames: Iterable[pd.DataFrame], path: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for df in frames:
            if not df.empty:
                handle.write(df.to_json(orient="records", lines=True, force_ascii=False))


def _append_parquet(frames: Iterable[pd.DataFrame], path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    try:
        for df in frames:
            table = pa.Table.from_pandas(df, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table.cast(writer.schema))
    finally:
        if writer is not None:
            writer.close()


_APPEND = {"csv": _append_csv, "jsonl": _append_jsonl, "parquet": _append_parquet}


def _write_partitioned(frames: Iterator[pd.DataFrame], folder: str) -> None:
    os.makedirs(folder)
    for n, df in enumerate(frames):
        df.to_parquet(os.path.join(folder, f"part-{n:05d}.parquet"), index=False, engine="pyarrow")
