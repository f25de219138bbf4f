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
from ..writers import (append_frames, arrow_table, check_output, one_table, write_database,
                       write_frame, write_one_table, write_table_set, write_xlsx, atomic_write)

CHUNK_ROWS = 2_000


def write_streams(streams: Mapping[str, Iterable[Mapping[str, Any]]], out: str,
                  fmt: str | None = None, *, partitioned: bool = False,
                  chunk_rows: int = CHUNK_ROWS, table: str = "pairs") -> list[str]:
    """Write each table's rows (already in table order) to ``out``; returns the paths written.

    A .csv or .jsonl ``out`` (or ``-``, standard output) takes the one ``table``.
    """
    fmt = "parquet" if partitioned else check_output(out, fmt, table, streams)
    chunks = {name: _frames(name, rows, chunk_rows) for name, rows in streams.items()}
    if one_table(out) and not partitioned:
        for name, frames in chunks.items():
            if name == table:
                write_one_table(frames, out, fmt)
            else:
                for _ in frames:  # the other tables' rows still stream past (the tally counts)
                    pass
        return [out]
    if fmt == "sqlite" and not partitioned:
        return write_database(chunks, out)
    if fmt == "xlsx" and not partitioned:
        atomic_write(out, lambda tmp: write_xlsx(chunks, tmp))
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
    append_frames(itertools.chain([first, second], frames), path, fmt)


def _write_partitioned(frames: Iterator[pd.DataFrame], folder: str) -> None:
    import pyarrow.parquet as pq

    os.makedirs(folder)
    for n, df in enumerate(frames):
        pq.write_table(arrow_table(df), os.path.join(folder, f"part-{n:05d}.parquet"))
