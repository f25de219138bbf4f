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

from typing import Any, Iterable, Mapping

import pandas as pd

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
        "doc_id": TEXT, "source": TEXT, "pair_no": INT, "section": TEXT,
        "question": TEXT, "answer": TEXT, "kind": TEXT, "value": TEXT, "shared": BOOL,
        "request_item": INT, "number": FLOAT, "unit": TEXT, "low": FLOAT, "high": FLOAT,
        "date_start": DATE, "date_end": DATE, "exemption": TEXT, "url": TEXT,
        "confidence": FLOAT, "rule": TEXT, "value_rule": TEXT,
        "page": INT, "bbox": TEXT, "line_start": INT, "line_end": INT,
        "paragraph_start": INT, "paragraph_end": INT,
        "ocr": BOOL, "ocr_confidence": FLOAT,
    },
    "values": {
        "doc_id": TEXT, "pair_no": INT, "value_no": INT, "kind": TEXT, "number": FLOAT,
        "unit": TEXT, "date_start": DATE, "date_end": DATE, "label": TEXT,
    },
    "exemptions": {
        "doc_id": TEXT, "source": TEXT, "provision": TEXT, "name": TEXT, "absolute": BOOL,
        "pair_no": INT, "text": TEXT,
    },
    "requests": {
        "doc_id": TEXT, "item": INT, "question": TEXT, "answered": BOOL,
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
    "errors": ["source"],
}
DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    table: tuple(c for c, dtype in schema.items() if dtype == DATE) for table, schema in SCHEMAS.items()}


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame of ``table``'s schema from row dicts (unknown keys are an error)."""
    schema = SCHEMAS[table]
    records = list(rows)
    for row in records:
        extra = set(row) - set(schema)
        if extra:
            raise KeyError(f"{table} has no column(s) {sorted(extra)}")
    data = {column: _array([row.get(column) for row in records], dtype)
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
