"""The tidy tables foiextract writes, with a fixed schema and explicit dtypes.

Every table is built through :func:`frame`, so its columns and dtypes never
depend on the data (an empty run gives the same columns as a full one).
Text columns use pandas' ``string`` dtype: a missing text is ``<NA>``, never
the string "None" or NaN, and the answer's kind always says what kind of
nothing an answer is ("None" the count, "N/A", not held, missing). Dates
(``received_date``, ``date_start``…) are ``datetime64[s]`` at midnight; a missing
one is ``NaT``. Each writer stores them as the format's date: ISO text in CSV
and JSON Lines, ``date32`` in Parquet, a ``DATE`` column of ISO text in SQLite,
a date cell in Excel.

>>> str(frame("errors", [{"source": "a.md", "kind": "empty_file", "message": "a.md: the file is empty"}]).dtypes["kind"])
'string'
>>> str(frame("documents", [{"received_date": "2020-01-28"}]).dtypes["received_date"])
'datetime64[s]'

"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping

import pandas as pd

if TYPE_CHECKING:
    from .cells import TableCell
    from .cells.checks import Check

TEXT = "string"
INT = "Int64"
FLOAT = "Float64"
BOOL = "boolean"
DATE = "datetime64[s]"

SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": TEXT, "source": TEXT, "format": TEXT, "sha256": TEXT, "pages": INT,
        "authority": TEXT, "authority_code": TEXT, "reference": TEXT,
        "received_date": DATE, "response_date": DATE, "working_days": INT, "late": BOOL,
        "legislation": TEXT, "outcome": TEXT, "exemptions": TEXT, "flags": TEXT,
        "n_pairs": INT, "n_request_items": INT, "n_unanswered": INT, "unanswered_items": TEXT,
        "ocr_pages": INT,
    },
    "pairs": {
        "doc_id": TEXT, "source": TEXT, "pair_no": INT, "pair_key": TEXT, "section": TEXT,
        "question": TEXT, "answer": TEXT, "kind": TEXT, "value": TEXT, "shared": BOOL,
        "request_item": INT, "number": FLOAT, "unit": TEXT, "low": FLOAT, "high": FLOAT,
        "date_start": DATE, "date_end": DATE, "exemption": TEXT, "url": TEXT,
        "confidence": FLOAT, "rule": TEXT, "value_rule": TEXT,
        "page": INT, "bbox": TEXT, "line_start": INT, "line_end": INT,
        "paragraph_start": INT, "paragraph_end": INT,
        "ocr": BOOL, "ocr_confidence": FLOAT, "corrected": BOOL,
    },
    "values": {
        "doc_id": TEXT, "pair_no": INT, "value_no": INT, "value_key": TEXT, "kind": TEXT,
        "number": FLOAT, "unit": TEXT, "date_start": DATE, "date_end": DATE, "label": TEXT,
        "corrected": BOOL,
    },
    "exemptions": {
        "doc_id": TEXT, "source": TEXT, "provision": TEXT, "name": TEXT, "absolute": BOOL,
        "pair_no": INT, "text": TEXT,
    },
    "requests": {
        "doc_id": TEXT, "item": INT, "question": TEXT, "answered": BOOL,
    },
    "cells": {
        "doc_id": TEXT, "source": TEXT, "cell_key": TEXT, "table_no": INT, "row_no": INT,
        "col_no": INT, "row_labels": TEXT, "column_labels": TEXT, "text": TEXT, "kind": TEXT,
        "value": TEXT, "number": FLOAT, "unit": TEXT, "low": FLOAT, "high": FLOAT,
        "date_start": DATE, "date_end": DATE, "is_total": BOOL, "request_item": INT,
        "page": INT, "bbox": TEXT, "line_start": INT, "line_end": INT, "paragraph_start": INT,
        "corrected": BOOL,
    },
    "checks": {
        "doc_id": TEXT, "source": TEXT, "table_no": INT, "axis": TEXT, "label": TEXT,
        "printed": FLOAT, "summed": FLOAT, "cells": INT, "unreadable": INT, "status": TEXT,
    },
    "errors": {
        "source": TEXT, "kind": TEXT, "message": TEXT,
    },
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)
SORT_KEYS: dict[str, list[str]] = {
    "documents": ["source", "doc_id"],
    "pairs": ["source", "doc_id", "pair_no"],
    "values": ["doc_id", "pair_no", "value_no"],
    "exemptions": ["source", "doc_id", "provision"],
    "requests": ["doc_id", "item"],
    "cells": ["doc_id", "table_no", "row_no", "col_no"],
    "checks": ["doc_id", "table_no", "axis", "label"],
    "errors": ["source"],
}
# A row no correction touched is not corrected (foiextract.corrections sets the flag).
DEFAULTS: dict[str, object] = {"corrected": False}
DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    table: tuple(c for c, dtype in schema.items() if dtype == DATE) for table, schema in SCHEMAS.items()}


def cell_rows(doc_id: str, source: str, cells: Iterable[TableCell]) -> list[dict[str, Any]]:
    """The ``cells`` rows of one document's table cells, each with its stable key."""
    from .keys import Occurrences, cell_key

    seen = Occurrences()
    rows = []
    for c in cells:
        where = c.source
        rows.append({
            "doc_id": doc_id, "source": source,
            "cell_key": cell_key(doc_id, c.table_no, c.row_labels, c.column_labels,
                                 seen.next(c.table_no, c.row_labels, c.column_labels)),
            "table_no": c.table_no, "row_no": c.row_no, "col_no": c.col_no,
            "row_labels": " / ".join(c.row_labels), "column_labels": " / ".join(c.column_labels),
            "text": c.text, "kind": c.kind, "value": c.value, "number": c.number, "unit": c.unit,
            "low": c.low, "high": c.high, "date_start": _iso(c.date_start),
            "date_end": _iso(c.date_end),
            "is_total": c.is_total, "request_item": c.request_item, "page": where.page,
            "bbox": ",".join(f"{v:.1f}" for v in where.bbox) if where.bbox else None,
            "line_start": where.line_start, "line_end": where.line_end,
            "paragraph_start": where.paragraph,
        })
    return rows


def _iso(day: object) -> str | None:
    return None if day is None else str(day)


def check_rows(doc_id: str, source: str, checks: Iterable[Check]) -> list[dict[str, Any]]:
    """The ``checks`` rows: each printed total of a document's tables against its cells."""
    return [{"doc_id": doc_id, "source": source, "table_no": c.table_no, "axis": c.axis,
             "label": c.label, "printed": c.printed, "summed": c.summed, "cells": c.cells,
             "unreadable": c.unreadable, "status": c.status} for c in checks]


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame of ``table``'s schema from row dicts (unknown keys are an error)."""
    schema = SCHEMAS[table]
    records = list(rows)
    for row in records:
        extra = set(row) - set(schema)
        if extra:
            raise KeyError(f"{table} has no column(s) {sorted(extra)}")
    data = {column: _array([row.get(column, DEFAULTS.get(column)) for row in records], dtype)
            for column, dtype in schema.items()}
    return pd.DataFrame(data, columns=list(schema))


def empty(table: str) -> pd.DataFrame:
    """An empty table with the right columns and dtypes."""
    return frame(table, [])


_TRUTH = {"true": True, "false": False, "1": True, "0": False}


def conform(table: str, df: pd.DataFrame, *, blank_text: str | None = None) -> pd.DataFrame:
    """Give a frame read back from disk the table's dtypes and column order.

    ``blank_text`` is what an empty text cell means in formats that cannot
    tell an empty string from a missing one (CSV, Excel): pass ``""``.
    """
    schema = SCHEMAS[table]
    out = pd.DataFrame(index=df.index)
    for column, dtype in schema.items():
        values = list(df[column]) if column in df.columns else [None] * len(df)
        values = [None if _missing(v) else v for v in values]
        if dtype == DATE:
            pass  # _array reads ISO text, dates and timestamps alike
        elif dtype == BOOL:
            values = [_TRUTH.get(str(v).strip().lower()) if v is not None else None for v in values]
        elif dtype in (INT, FLOAT):
            values = [None if v is None or str(v).strip() == "" else float(v) for v in values]
        else:
            values = [blank_text if v is None else str(v) for v in values]
        out[column] = _array(values, dtype)
    return out.reset_index(drop=True)


def _array(values: list[Any], dtype: str) -> Any:
    if dtype == DATE:
        # An empty text is no date: "" and None both become NaT.
        values = [_iso_day(v) for v in values]
    return pd.array(values, dtype=dtype)


def _iso_day(value: Any) -> str | None:
    """``"2020-01-28"`` from ISO text (a time part dropped), a date or a timestamp; None if none.

    >>> _iso_day("2020-01-28T00:00:00"), _iso_day(""), _iso_day(pd.Timestamp("2020-01-28"))
    ('2020-01-28', None, '2020-01-28')
    """
    if _missing(value) or value is pd.NaT or value == "":
        return None
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    return str(value).strip()[:10] or None


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or \
        (isinstance(value, float) and value != value)
