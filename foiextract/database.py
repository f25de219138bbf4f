"""SQLite output through sqlite-utils: keys, links, indexes and full-text search for Datasette.

``foiextract extract ... -o out.db`` gives a database that ``datasette out.db``
browses as it is: each table has a primary key, every table that belongs to a
document links to ``documents`` by its ``source`` (a foreign key, so Datasette
shows the document beside each pair and counts a document's pairs, values and
exemptions), the columns people filter by are indexed, and the questions and
answers are searchable (``pairs_fts``, SQLite FTS5). Dates are ISO text in
columns declared ``DATE``. A ``metadata.json`` beside the file describes each
table and column (:func:`datasette_metadata`).

Keys (``source`` is the path read; an attachment's path names the email and it):

- ``documents``: ``source``; ``pairs``: ``source, pair_no``;
  ``values``: ``source, pair_no, value_no``; ``exemptions``: ``source, provision``;
  ``requests``: ``source, item``; ``errors``: none (rowid).

``values`` and ``requests`` carry no ``source`` in the other formats (their rows
depend only on the document's content, ``doc_id``); here each gets the
``source`` of its document, so that they link like the others. The same bytes
at two paths give identical rows twice, one copy for each path.

>>> write_sqlite({"errors": [frame("errors", [])]}, "out.db")  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping

import pandas as pd



@dataclass(frozen=True, slots=True)
class Keys:
    """How one table is laid out in SQLite: its key, its link to documents, what is indexed
    and what is searchable."""

    pk: tuple[str, ...] = ()
    # The column linking each row to documents.source.
    link: str | None = None
    indexes: tuple[str, ...] = ()
    search: tuple[str, ...] = ()
    # Add a ``source`` column after ``doc_id``, filled from documents (values, requests).
    add_source: bool = False


EXTRACT_KEYS: dict[str, Keys] = {
    "documents": Keys(pk=("source",), indexes=("doc_id", "authority", "authority_code",
                                               "legislation", "outcome", "received_date",
                                               "response_date", "late")),
    "pairs": Keys(pk=("source", "pair_no"), link="source",
                  indexes=("doc_id", "kind", "request_item", "unit", "date_start"),
                  search=("question", "answer")),
    "values": Keys(pk=("source", "pair_no", "value_no"), link="source",
                   indexes=("doc_id", "kind", "unit", "date_start"), add_source=True),
    "exemptions": Keys(pk=("source", "provision"), link="source",
                       indexes=("doc_id", "provision", "absolute")),
    "requests": Keys(pk=("source", "item"), link="source", indexes=("doc_id",),
                     search=("question",), add_source=True),
    "cells": Keys(pk=("source", "cell_key"), link="source",
                  indexes=("doc_id", "table_no", "kind", "request_item", "is_total")),
    "checks": Keys(link="source", indexes=("doc_id", "status")),
    "errors": Keys(indexes=("kind",)),
}
# compile's tables: the answers are searchable and the usual filters indexed.
COMPILE_KEYS: dict[str, Keys] = {
    "answers": Keys(indexes=("authority", "item", "kind", "needs_review"),
                    search=("question", "response_question", "answer")),
    "review": Keys(indexes=("authority", "item")),
    "cells": Keys(indexes=("authority", "item", "row_label", "column_label", "kind", "is_total",
                           "period_start", "year_type")),
    "labels": Keys(pk=("raw_label",), indexes=("label",)),
    "audit": Keys(indexes=("authority", "item", "answered", "format", "granularity"),
                  search=("caveats",)),
    "errors": Keys(indexes=("kind",)),
}

_SQL_TYPES = {"string": "TEXT", "object": "TEXT", "str": "TEXT", "Int64": "INTEGER",
              "int64": "INTEGER", "Float64": "REAL", "float64": "REAL", "boolean": "INTEGER",
              "bool": "INTEGER"}
_BATCH = 500


def write_sqlite(tables: Mapping[str, Iterable[pd.DataFrame]], path: str,
                 keys: Mapping[str, Keys] | None = None) -> None:
    """One SQLite table per entry, each given as frames (chunks) with the same columns; ``path``
    must not exist or be empty.

    ``keys`` lays the tables out (default: :data:`EXTRACT_KEYS`); a table it does not name
    is written plain. ``documents`` is written first, so the rows of the others can take
    their document's ``source``.
    """
    import sqlite_utils

    keys = EXTRACT_KEYS if keys is None else keys
    order = sorted(tables, key=lambda name: name != "documents")
    # Built beside the target, then copied into it whole with VACUUM INTO: the copy's bytes
    # depend only on the rows, not on how many batches or transactions put them there.
    build = path + ".build.tmp"  # a name the next write removes if this one is killed
    with contextlib.suppress(FileNotFoundError):
        os.unlink(build)
    db = sqlite_utils.Database(build)
    try:
        sources = _Sources()
        for name in order:
            spec = keys.get(name, Keys())
            created = False
            for df in tables[name]:
                if not created:
                    db.execute(_create_table(name, df, spec, has_documents="documents" in tables))
                    created = True
                rows = _records(df)
                if name == "documents":
                    rows = sources.watch(rows)
                elif spec.add_source:
                    rows = sources.fill(rows)
                # A duplicate key is the same file named twice: its rows are the same rows.
                db.table(name).insert_all(rows, batch_size=_BATCH, ignore=bool(spec.pk))
            if created:
                _finish(db, name, spec)
        db.conn.commit()
        db.execute("VACUUM INTO ?", [path])
    finally:
        db.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(build)


def _create_table(name: str, df: pd.DataFrame, spec: Keys, has_documents: bool) -> str:
    columns = [(str(c), _sql_type(df[c])) for c in df.columns]
    if spec.add_source and "source" not in df.columns:
        at = 1 if columns and columns[0][0] == "doc_id" else 0
        columns.insert(at, ("source", "TEXT"))
    lines = [f"[{column}] {kind}" for column, kind in columns]
    if spec.pk:
        lines.append("PRIMARY KEY (" + ", ".join(f"[{c}]" for c in spec.pk) + ")")
    if spec.link and has_documents:
        lines.append(f"FOREIGN KEY ([{spec.link}]) REFERENCES [documents]([source])")
    return f"CREATE TABLE [{name}] (\n   " + ",\n   ".join(lines) + "\n)"


def _sql_type(series: pd.Series) -> str:
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return "DATE"  # ISO text (YYYY-MM-DD): sorts and compares as dates, and Datasette shows it
    return _SQL_TYPES.get(str(series.dtype), "TEXT")


def _finish(db: Any, name: str, spec: Keys) -> None:
    table = db.table(name)
    present = set(table.columns_dict)
    for column in spec.indexes:
        if column in present:
            table.create_index([column], if_not_exists=True)
    search = [c for c in spec.search if c in present]
    if search:
        table.enable_fts(search, fts_version="FTS5", replace=True)


def _records(df: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """Rows as dicts of plain values: missing as None, dates as ISO text, booleans as 0/1."""
    dates = {str(c) for c in df.columns if pd.api.types.is_datetime64_any_dtype(df[c].dtype)}
    columns = [str(c) for c in df.columns]
    for row in df.astype(object).itertuples(index=False, name=None):
        record: dict[str, Any] = {}
        for column, value in zip(columns, row):
            if value is None or value is pd.NA or value is pd.NaT or \
                    (isinstance(value, float) and value != value):
                value = None
            elif column in dates:
                value = value.strftime("%Y-%m-%d")
            elif isinstance(value, bool):
                value = int(value)
            record[column] = value
        yield record


class _Sources:
    """The ``source`` of each ``doc_id``, learnt from documents, given to values and requests.

    Content read at n paths gives each of its rows n times over; the k-th copy of a row
    goes to the k-th path, so each path has one whole copy.
    """

    def __init__(self) -> None:
        self._by_doc: dict[Any, list[str | None]] = {}
        self._seen: Counter[tuple[Any, ...]] = Counter()

    def watch(self, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            self._by_doc.setdefault(row["doc_id"], []).append(row["source"])
            yield row

    def fill(self, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            sources = self._by_doc.get(row.get("doc_id"), [None])
            if len(sources) == 1:
                source = sources[0]
            else:
                key = tuple(row.values())
                source = sources[self._seen[key] % len(sources)]
                self._seen[key] += 1
            yield {"doc_id": row.get("doc_id"), "source": source,
                   **{k: v for k, v in row.items() if k != "doc_id"}}


def column_docs() -> dict[str, Any]:
    """The descriptions of foiextract's tables and columns (``data/table_columns.json``)."""
    from .lexicon.data import load_json

    tables: dict[str, Any] = load_json("table_columns.json")["tables"]
    return tables


def compile_column_docs() -> dict[str, Any]:
    """The descriptions of the compile's own tables (``cells``, ``labels``, ``audit``)."""
    from .lexicon.data import load_json

    tables: dict[str, Any] = load_json("table_columns.json").get("compile_tables", {})
    return tables


def datasette_metadata(db_path: str, tables: Iterable[str],
                       existing: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Datasette metadata for the database at ``db_path``: each table's and column's meaning.

    Merged into ``existing`` (a ``metadata.json`` already beside it) so one file can describe
    several databases in a folder (``datasette folder/`` reads it).

    >>> meta = datasette_metadata("out.db", ["pairs"])
    >>> meta["databases"]["out"]["tables"]["pairs"]["columns"]["kind"][:24]
    'What the answer is: coun'
    """
    meta: dict[str, Any] = json.loads(json.dumps(existing)) if existing else {}
    meta.setdefault("title", "foiextract")
    meta.setdefault("about", "foiextract")
    meta.setdefault("about_url", "https://pypi.org/project/foiextract/")
    databases = meta.setdefault("databases", {})
    name = os.path.splitext(os.path.basename(db_path))[0]
    described: dict[str, Any] = {}
    tables = list(tables)
    # A compile's database (its answers table says so) describes its own cells table.
    docs = {**column_docs(), **(compile_column_docs() if "answers" in tables else {})}
    for table in tables:
        if table in docs:
            described[table] = {"description": docs[table]["description"],
                                "columns": dict(docs[table]["columns"])}
    databases[name] = {"tables": described}
    return meta


def metadata_path(db_path: str) -> str:
    """Where the ``metadata.json`` for a database goes: beside it."""
    return os.path.join(os.path.dirname(os.path.abspath(db_path)), "metadata.json")


def read_metadata(path: str) -> dict[str, Any] | None:
    """A ``metadata.json`` already there, or None (absent, or not a JSON object)."""
    with contextlib.suppress(OSError, ValueError):
        with open(path, encoding="utf-8") as handle:
            found = json.load(handle)
        if isinstance(found, dict):
            return found
    return None
