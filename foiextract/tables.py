"""The tidy tables foiextract writes, with a fixed schema and explicit dtypes.

Every table is built through :func:`frame`, so its columns and dtypes never
depend on the data (an empty run gives the same columns as a full one).
Text columns use pandas' ``string`` dtype: a missing text is ``<NA>``, never
the string "None" or NaN, and the answer's kind always says what kind of
nothing an answer is ("None" the count, "N/A", not held, missing).

>>> frame("errors", [{"source": "a.md", "kind": "empty_file", "message": "a.md: the file is empty"}]).dtypes["kind"]
string[python]
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

import pandas as pd

TEXT = "string"
INT = "Int64"
FLOAT = "Float64"
BOOL = "boolean"

SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": TEXT, "source": TEXT, "format": TEXT, "sha256": TEXT, "pages": INT,
        "authority": TEXT, "authority_code": TEXT, "reference": TEXT,
        "received_date": TEXT, "response_date": TEXT, "working_days": INT, "late": BOOL,
        "legislation": TEXT, "outcome": TEXT, "exemptions": TEXT, "flags": TEXT,
        "n_pairs": INT, "n_request_items": INT, "n_unanswered": INT, "unanswered_items": TEXT,
    },
    "pairs": {
        "doc_id": TEXT, "source": TEXT, "pair_no": INT, "section": TEXT,
        "question": TEXT, "answer": TEXT, "kind": TEXT, "value": TEXT, "shared": BOOL,
        "request_item": INT, "number": FLOAT, "unit": TEXT, "low": FLOAT, "high": FLOAT,
        "date_start": TEXT, "date_end": TEXT, "exemption": TEXT, "url": TEXT,
        "confidence": FLOAT, "rule": TEXT, "value_rule": TEXT,
        "page": INT, "bbox": TEXT, "line_start": INT, "line_end": INT,
        "paragraph_start": INT, "paragraph_end": INT,
    },
    "values": {
        "doc_id": TEXT, "pair_no": INT, "value_no": INT, "kind": TEXT, "number": FLOAT,
        "unit": TEXT, "date_start": TEXT, "date_end": TEXT, "label": TEXT,
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


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame of ``table``'s schema from row dicts (unknown keys are an error)."""
    schema = SCHEMAS[table]
    records = list(rows)
    for row in records:
        extra = set(row) - set(schema)
        if extra:
            raise KeyError(f"{table} has no column(s) {sorted(extra)}")
    data = {column: pd.array([row.get(column) for row in records], dtype=dtype)
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
        if dtype == BOOL:
            values = [_TRUTH.get(str(v).strip().lower()) if v is not None else None for v in values]
        elif dtype in (INT, FLOAT):
            values = [None if v is None or str(v).strip() == "" else float(v) for v in values]
        else:
            values = [blank_text if v is None else str(v) for v in values]
        out[column] = pd.array(values, dtype=dtype)
    return out.reset_index(drop=True)


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)
