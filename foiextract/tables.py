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


def conform(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Give a frame read back from disk the table's dtypes (and column order)."""
    schema = SCHEMAS[table]
    out = pd.DataFrame(index=df.index)
    for column, dtype in schema.items():
        series = df[column] if column in df.columns else pd.Series([None] * len(df), index=df.index)
        if dtype == BOOL and series.dtype == object:
            series = series.map(lambda v: {"true": True, "false": False, "True": True,
                                           "False": False}.get(v, v) if isinstance(v, str) else v)
            series = series.map(lambda v: None if v == "" else v)
        if dtype in (INT, FLOAT) and series.dtype == object:
            series = pd.to_numeric(series.replace("", None))
        out[column] = series.astype(dtype)
    return out.reset_index(drop=True)
