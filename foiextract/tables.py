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

import os
from functools import cache
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import pandas as pd

if TYPE_CHECKING:
    from .compile.cells import Answer
    from .errors import FoiExtractError
    from .cells import TableCell
    from .cells.checks import Check
    from .cells.periods import Period
    from .extraction import Extraction
    from .foi.caveats import Caveat
    from .model import Pair, Source

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
        "part_of": TEXT, "question": TEXT, "answer": TEXT, "kind": TEXT, "value": TEXT, "shared": BOOL,
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
# The compile's tables (``dataset`` is wide, one column per request item: built by columns).
COMPILE_SCHEMAS: dict[str, dict[str, str]] = {
    "answers": {
        "authority": TEXT, "authority_code": TEXT, "source": TEXT, "item": INT,
        "cell_key": TEXT, "name": TEXT, "question": TEXT, "response_question": TEXT,
        "answer": TEXT, "kind": TEXT, "value": TEXT, "number": FLOAT, "unit": TEXT, "low": FLOAT,
        "high": FLOAT, "date_start": TEXT, "date_end": TEXT, "exemption": TEXT,
        "url": TEXT, "confidence": FLOAT, "match": FLOAT, "needs_review": BOOL,
        "review_reason": TEXT,
        "shared": BOOL, "align_rule": TEXT, "value_rule": TEXT, "page": INT,
        "bbox": TEXT, "line_start": INT, "line_end": INT, "paragraph_start": INT,
        "paragraph_end": INT, "corrected": BOOL,
    },
    "request": {
        "item": INT, "name": TEXT, "question": TEXT, "kind": TEXT,
        "numeric": BOOL, "answered": INT, "support": INT,
    },
    "review": {
        "authority": TEXT, "item": INT, "name": TEXT, "question": TEXT,
        "kind": TEXT, "value": TEXT, "reason": TEXT, "answer": TEXT,
        "source": TEXT, "where": TEXT,
    },
    # Every authority's table cells in one long table: the request item each table answers,
    # its period normalised and its labels mapped (``labels``).
    "cells": {
        "authority": TEXT, "authority_code": TEXT, "source": TEXT, "item": INT, "name": TEXT,
        "cell_key": TEXT, "table_no": INT, "row_no": INT, "col_no": INT,
        "row_labels": TEXT, "column_labels": TEXT, "row_label": TEXT, "column_label": TEXT,
        "text": TEXT, "kind": TEXT, "value": TEXT, "number": FLOAT, "unit": TEXT,
        "low": FLOAT, "high": FLOAT, "is_total": BOOL, "period_start": TEXT,
        "period_end": TEXT, "year_type": TEXT, "granularity": TEXT,
        "page": INT, "bbox": TEXT, "line_start": INT, "line_end": INT, "paragraph_start": INT,
    },
    # Raw label -> normalised label: the mapping a journalist edits and gives back (--labels).
    "labels": {
        "raw_label": TEXT, "label": TEXT, "edited": BOOL, "authorities": INT, "cells": INT,
        "items": TEXT,
    },
    # How each authority answered each item, and the sentences qualifying its figures.
    "audit": {
        "authority": TEXT, "authority_code": TEXT, "source": TEXT, "item": INT, "name": TEXT,
        "answered": TEXT, "format": TEXT, "kind": TEXT, "year_type": TEXT,
        "granularity": TEXT, "n_tables": INT, "n_cells": INT, "total": FLOAT,
        "caveats": TEXT, "n_caveats": INT,
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
Row = Mapping[str, Any]
RowKey = tuple[tuple[bool, Any], ...]


def row_key(table: str, row: Row) -> RowKey:
    """The sort key of a row: each key column in turn (:data:`SORT_KEYS`), missing values last.

    >>> row_key("errors", {"source": "a.md"}), row_key("errors", {})
    (((False, 'a.md'),), ((True, 0),))
    """
    key = []
    for column in SORT_KEYS[table]:
        value = row.get(column)
        key.append((True, 0) if value is None else (False, value))
    return tuple(key)


def sort_rows(table: str, rows: Iterable[Row]) -> list[Any]:
    """The rows in table order (stable): the order pandas' stable ``sort_values`` on
    :data:`SORT_KEYS` with missing values last gives, without building a frame."""
    return sorted(rows, key=lambda row: row_key(table, row))


# A row no correction touched is not corrected (foiextract.corrections sets the flag).
DEFAULTS: dict[str, object] = {"corrected": False}
DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    table: tuple(c for c, dtype in schema.items() if dtype == DATE) for table, schema in SCHEMAS.items()}


def extraction_rows(extraction: Extraction) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows from one document's extraction (``errors`` apart)."""
    from .cells.checks import table_checks

    e = extraction
    return {"documents": [document_row(e)], "pairs": pair_rows(e), "values": value_rows(e),
            "exemptions": exemption_rows(e), "requests": request_rows(e),
            "cells": cell_rows(e.doc_id, e.source, e.cells),
            "checks": check_rows(e.doc_id, e.source, table_checks(e.cells))}


def document_row(e: Extraction) -> dict[str, Any]:
    """The ``documents`` row: what the response says about itself, and how it was read."""
    facts = e.facts
    return {
        "doc_id": e.doc_id, "source": e.source, "format": e.format, "sha256": e.sha256,
        "pages": e.pages, "authority": facts.authority,
        "authority_code": facts.authority_code, "reference": facts.reference,
        "received_date": facts.received_date, "response_date": facts.response_date,
        "working_days": facts.working_days, "late": facts.late,
        "legislation": facts.legislation, "outcome": facts.outcome,
        "exemptions": "; ".join(c.provision for c in facts.exemptions),
        "flags": "; ".join(e.flags), "n_pairs": len(e.pairs), "n_request_items": len(e.request),
        "n_unanswered": len(e.unanswered),
        "unanswered_items": "; ".join(str(i) for i in e.unanswered),
        "ocr_pages": e.ocr_pages,
    }


def pair_rows(e: Extraction) -> list[dict[str, Any]]:
    """The ``pairs`` rows, numbered from 1 in reading order."""
    return [pair_row(e.doc_id, e.source, n, p) for n, p in enumerate(e.pairs, start=1)]


def pair_row(doc_id: str, source: str, number: int, pair: Pair) -> dict[str, Any]:
    """One pair's row: its texts, its value, which rule found it and where it stands."""
    value = pair.value
    row: dict[str, Any] = {
        "doc_id": doc_id, "source": source, "pair_no": number, "section": pair.section,
        "part_of": pair.part_of, "question": pair.question, "answer": pair.answer, "shared": pair.shared,
        "request_item": pair.request_item, "rule": pair.rule,
        **where_columns(pair.question_source, pair.answer_source), **ocr_columns(pair),
    }
    if value is not None:
        row.update({
            "kind": value.kind, "value": value.value, "number": value.number, "unit": value.unit,
            "low": value.low, "high": value.high, "date_start": value.date_start,
            "date_end": value.date_end, "exemption": value.exemption, "url": value.url,
            "confidence": value.confidence, "value_rule": value.rule,
        })
    row["pair_key"] = pair.key
    return row


def value_rows(e: Extraction) -> list[dict[str, Any]]:
    """The ``values`` rows: each atom of each pair's value (a list's items, a range's ends)."""
    from .keys import value_key

    return [
        {"doc_id": e.doc_id, "pair_no": n, "value_no": k, "value_key": value_key(p.key, k),
         "kind": atom.kind, "number": atom.number,
         "unit": atom.unit, "date_start": atom.date_start, "date_end": atom.date_end,
         "label": atom.label}
        for n, p in enumerate(e.pairs, start=1) if p.value is not None
        for k, atom in enumerate(p.value.atoms, start=1)
    ]


def exemption_rows(e: Extraction) -> list[dict[str, Any]]:
    """The ``exemptions`` rows: each provision the response relies on, with its sentence."""
    return [{"doc_id": e.doc_id, "source": e.source, "provision": c.provision, "name": c.name,
             "absolute": c.absolute, "pair_no": c.pair_no, "text": c.text}
            for c in e.facts.exemptions]


def request_rows(e: Extraction) -> list[dict[str, Any]]:
    """The ``requests`` rows: the request as the response restates it, item by item."""
    return [{"doc_id": e.doc_id, "item": i, "question": q, "answered": i not in e.unanswered}
            for i, q in enumerate(e.request, start=1)]


def ocr_columns(pair: Pair) -> dict[str, Any]:
    """``ocr`` and ``ocr_confidence`` of a pair: read by OCR when its question or answer was;
    the confidence is the answer's (its blocks' mean), else the question's."""
    answer = [b.source for b in pair.answer_blocks if b.source.ocr] or \
        ([pair.answer_source] if pair.answer_source.ocr else [])
    sources = answer or ([pair.question_source] if pair.question_source.ocr else [])
    if not sources:
        return {"ocr": False, "ocr_confidence": None}
    known = [s.ocr_confidence for s in sources if s.ocr_confidence is not None]
    return {"ocr": True,
            "ocr_confidence": round(sum(known) / len(known), 3) if known else None}


def where_columns(question: Source, answer: Source) -> dict[str, Any]:
    """Where a pair stands: page and box (PDF), line range (text), paragraph range (Word)."""
    if question.page is not None:
        bbox = question.bbox
        if bbox and answer.bbox and answer.page == question.page:
            bbox = (min(bbox[0], answer.bbox[0]), bbox[1], max(bbox[2], answer.bbox[2]),
                    answer.bbox[3])
        return {"page": question.page,
                "bbox": ",".join(f"{v:.1f}" for v in bbox) if bbox else None}
    if question.line_start is None and question.paragraph is not None:
        last = answer.paragraph if answer.paragraph is not None else question.paragraph
        return {"paragraph_start": question.paragraph, "paragraph_end": last}
    end = answer.line_end if answer.line_end is not None else question.line_end
    return {"line_start": question.line_start, "line_end": end}


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


def answer_row(answer: Answer, *, key: str, name: str, confidence: float,
               reasons: list[str]) -> dict[str, Any]:
    """The compile's ``answers`` row of one authority's answer to one item."""
    value, pair = answer.value, answer.pair
    where = where_columns(pair.question_source, pair.answer_source) if pair is not None else {}
    return {
        "authority": answer.authority, "authority_code": answer.authority_code,
        "source": answer.source, "item": answer.item, "cell_key": key, "name": name,
        "question": answer.question, "response_question": answer.response_question,
        "answer": answer.answer, "kind": value.kind, "value": value.value,
        "number": value.number, "unit": value.unit, "low": value.low, "high": value.high,
        "date_start": value.date_start, "date_end": value.date_end,
        "exemption": value.exemption, "url": value.url, "confidence": confidence,
        "match": answer.match, "needs_review": bool(reasons),
        "review_reason": "; ".join(reasons), "shared": answer.shared,
        "align_rule": answer.align_rule, "value_rule": value.rule, **where,
    }


def request_item_row(item: int, name: str, question: str, kind: str, *, numeric: bool,
                     answered: int, support: int | None) -> dict[str, Any]:
    """The compile's ``request`` row of one request item."""
    return {"item": item, "name": name, "question": question, "kind": kind, "numeric": numeric,
            "answered": answered, "support": support}


def review_row(answer: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The compile's ``review`` row of an ``answers`` row that needs a look."""
    columns = COMPILE_SCHEMAS["review"]
    return {**{c: answer.get(c) for c in columns if c in answer},
            "reason": answer["review_reason"], "where": where}


def compiled_cell_row(cell: Mapping[str, Any], *, authority: str, authority_code: str,
                      item: int | None, name: str | None, row_label: str, column_label: str,
                      period: Period | None) -> dict[str, Any]:
    """The compile's ``cells`` row of one table cell (its extract ``cells`` row, ``cell``):
    the authority, the item its table answers, its labels normalised and its period."""
    columns = COMPILE_SCHEMAS["cells"]
    return {**{c: cell.get(c) for c in columns if c in cell},
            "authority": authority, "authority_code": authority_code, "item": item,
            "name": name, "row_label": row_label, "column_label": column_label,
            "period_start": period.start if period else None,
            "period_end": period.end if period else None,
            "year_type": period.year_type if period else None,
            "granularity": period.granularity if period else None}


def label_row(raw: str, label: str, *, edited: bool, authorities: int, cells: int,
              items: Iterable[int]) -> dict[str, Any]:
    """The compile's ``labels`` row: a label as printed and the label it stands for."""
    return {"raw_label": raw, "label": label, "edited": edited, "authorities": authorities,
            "cells": cells, "items": "; ".join(str(i) for i in sorted(set(items)))}


def audit_row(answer: Mapping[str, Any], *, answered: str, form: str | None,
              year_type: str | None, granularity: str | None, tables: int, cells: int,
              total: float | None, caveats: Iterable[Caveat]) -> dict[str, Any]:
    """The compile's ``audit`` row of one authority x item (``answer``: its ``answers``
    row): how it was answered, in what form, by what period, and each caveat with its page."""
    quoted = [f'"{c.text}" ({c.where()})' for c in caveats]
    return {"authority": answer["authority"], "authority_code": answer["authority_code"],
            "source": answer["source"], "item": answer["item"], "name": answer["name"],
            "kind": answer["kind"], "answered": answered, "format": form,
            "year_type": year_type, "granularity": granularity, "n_tables": tables,
            "n_cells": cells, "total": total, "caveats": " | ".join(quoted) or None,
            "n_caveats": len(quoted)}


def compile_frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame of a compile table's schema (:data:`COMPILE_SCHEMAS`) from its rows."""
    schema = COMPILE_SCHEMAS[table]
    records = list(rows)
    data = {column: pd.array([None if missing(cell := row.get(column, DEFAULTS.get(column)))
                              else cell for row in records], dtype=dtype)
            for column, dtype in schema.items()}
    return pd.DataFrame(data, columns=list(schema))


def error_row(source: str, err: FoiExtractError) -> dict[str, str]:
    """The ``errors`` row for a failed input: stable kind, one-line message (a file name's
    bytes that are not UTF-8 shown as ``\\xe9``, so the table can still be written)."""
    from .errors import printable

    return {"source": printable(source), "kind": err.kind,
            "message": printable(str(err).replace("\n", " "))}


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame of ``table``'s schema from row dicts (unknown keys are an error)."""
    schema = SCHEMAS[table]
    records = list(rows)
    columns = schema.keys()
    for row in records:
        extra = row.keys() - columns
        if extra:
            raise KeyError(f"{table} has no column(s) {sorted(extra)}")
    storage = _string_storage()
    data = {}
    for column, dtype in schema.items():
        default = DEFAULTS.get(column)  # once a column: a bulk run writes every row through here
        data[column] = _array([row.get(column, default) for row in records], dtype, storage)
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


def _array(values: list[Any], dtype: str, storage: str | None = None) -> Any:
    if dtype == DATE:
        # An empty text is no date: "" and None both become NaT.
        values = [_iso_day(v) for v in values]
    return pd.array(values, dtype=_dtype(dtype, storage or _string_storage()))


def _string_storage() -> str:
    return str(pd.get_option("mode.string_storage"))


@cache
def _dtype(name: str, storage: str) -> Any:
    """The pandas dtype named ``name`` under pandas' string ``storage`` option (so a notebook
    that changes the option still gets what it asks for). Looked up once a name: pandas'
    lookup by name was a fifth of the cost of building a table (issue 18)."""
    return pd.api.types.pandas_dtype(name)


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


def missing(value: object) -> bool:
    """True for a missing value in any of its guises: None, ``pd.NA``, ``NaT``, NaN."""
    return _missing(value)


def review_item(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """An item of the review page's queue from a row of an output's ``answers`` (a compiled
    cell) or ``pairs`` (an extracted pair) table, read back as text: what is shown, why it is
    doubtful, and where it came from."""
    return _review_answer(row) if table == "answers" else _review_pair(row)


def _review_truth(text: str) -> bool:
    return text.strip().lower() in ("true", "1")


def _review_int(text: str) -> int | None:
    try:
        return int(float(text))
    except ValueError:
        return None


def _review_where(row: Mapping[str, Any]) -> dict[str, Any]:
    bbox = [float(v) for v in row.get("bbox", "").split(",") if v.strip()] or None
    return {"source": row.get("source", ""), "page": _review_int(row.get("page", "")),
            "bbox": bbox if bbox and len(bbox) == 4 else None,
            "line_start": _review_int(row.get("line_start", "")),
            "line_end": _review_int(row.get("line_end", "")),
            "paragraph": _review_int(row.get("paragraph_start", ""))}


def _review_answer(row: Mapping[str, Any]) -> dict[str, Any]:
    """A compiled cell: the authority's answer to one request item."""
    return {"key": row["cell_key"], "title": f"{row['authority']} · {row['name']}",
            "question": row.get("question", ""), "asked": row.get("response_question", ""),
            "answer": row.get("answer", ""), "kind": row.get("kind", ""),
            "value": row.get("value", ""), "reason": row.get("review_reason", ""),
            "doubtful": _review_truth(row.get("needs_review", "")),
            "corrected": _review_truth(row.get("corrected", "")), **_review_where(row)}


def _review_pair(row: Mapping[str, Any]) -> dict[str, Any]:
    """An extracted pair, doubtful by the reasons a compiled cell would be."""
    from .compile.tables import asks_number, doubts

    reasons = doubts(str(row.get("kind", "")), asks_number("", str(row.get("question", ""))),
                     confidence=_review_float(row.get("confidence", "")) or 0.0,
                     shared=_review_truth(row.get("shared", "")), placed_by=str(row.get("rule", "")),
                     ocr=_review_truth(row.get("ocr", "")),
                     ocr_confidence=_review_float(row.get("ocr_confidence", "")))
    name = os.path.basename(str(row.get("source", ""))) or str(row.get("doc_id", ""))
    return {"key": row["pair_key"], "title": f"{name} · pair {row.get('pair_no', '')}",
            "question": row.get("question", ""), "asked": "", "answer": row.get("answer", ""),
            "kind": row.get("kind", ""), "value": row.get("value", ""),
            "reason": "; ".join(reasons), "doubtful": bool(reasons),
            "corrected": _review_truth(row.get("corrected", "")), **_review_where(row)}


def _review_float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
