"""The compile's tables: ``answers`` (long), ``dataset`` (wide), ``request`` and ``review``.

``dataset`` has one row per authority and one column per request item, named
by :func:`~foiextract.compile.request.short_names`. An item most authorities
answer with a number (count, number, amount, percent) is a numeric column a
spreadsheet can sum: counts are whole numbers, and a cell that is not a number
("<5", withheld, not held, missing) is left empty with what it says in the
sibling ``<name>_note`` column. Any other item is a text column holding the
value (dates as ISO, lists joined by "; "), the answer's text for a free-text
answer, or what kind of nothing it is ("none", "not applicable", "missing").

>>> display("withheld", "s40(2)", "...")
'withheld s40(2)'
>>> display("count", "0", "None.")
'0'
>>> display("not_applicable", "", "N/A")
'not applicable'
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..keys import answer_key
from .request import Request, short_names

NUMERIC_KINDS = frozenset({"count", "number", "amount", "percent"})
# Below this confidence a cell goes on the review sheet.
REVIEW_CONFIDENCE = 0.7
# Below this text similarity, the response's question is taken to be reworded: worth a look.
REVIEW_MATCH = 0.7
# Below this mean word confidence, an answer read by OCR may hold misread words or digits.
REVIEW_OCR_CONFIDENCE = 0.8

ANSWERS: dict[str, str] = {
    "authority": "string", "authority_code": "string", "source": "string", "item": "Int64",
    "cell_key": "string", "name": "string", "question": "string", "response_question": "string", "answer": "string",
    "kind": "string", "value": "string", "number": "Float64", "unit": "string", "low": "Float64",
    "high": "Float64", "date_start": "string", "date_end": "string", "exemption": "string",
    "url": "string", "confidence": "Float64", "match": "Float64", "needs_review": "boolean",
    "review_reason": "string",
    "shared": "boolean", "align_rule": "string", "value_rule": "string", "page": "Int64",
    "bbox": "string", "line_start": "Int64", "line_end": "Int64", "paragraph_start": "Int64",
    "paragraph_end": "Int64", "corrected": "boolean",
}
REQUEST: dict[str, str] = {
    "item": "Int64", "name": "string", "question": "string", "kind": "string",
    "numeric": "boolean", "answered": "Int64", "support": "Int64",
}
REVIEW: dict[str, str] = {
    "authority": "string", "item": "Int64", "name": "string", "question": "string",
    "kind": "string", "value": "string", "reason": "string", "answer": "string",
    "source": "string", "where": "string",
}


def typed_frame(schema: Mapping[str, str], rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame with exactly ``schema``'s columns and dtypes (pandas' nullable ones)."""
    # A cell no correction touched is not corrected (foiextract.corrections sets the flag).
    data = {column: pd.array([_plain(row.get(column, False if column == "corrected" else None))
                              for row in rows], dtype=dtype)
            for column, dtype in schema.items()}
    return pd.DataFrame(data, columns=list(schema))


def _plain(value: Any) -> Any:
    missing = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
    return None if missing else value


def display(kind: str, value: str, answer: str) -> str:
    """What a text cell of the dataset shows."""
    if kind == "text":
        return answer
    if kind == "withheld":
        return f"withheld {value}".strip()
    return value or kind.replace("_", " ")


def item_kinds(request: Request, cells: Sequence[Mapping[str, Any]]) -> dict[int, str]:
    """The kind most authorities answer each item with (``missing`` when none answer)."""
    found: dict[int, Counter[str]] = {n: Counter() for n, _ in request.numbered()}
    for cell in cells:
        if cell["kind"] != "missing":
            found[int(cell["item"])][str(cell["kind"])] += 1
    return {n: (c.most_common(1)[0][0] if c else "missing") for n, c in found.items()}


def asks_number(kind: str, question: str) -> bool:
    """True when an item wants a number: most answers are numbers, or it asks how many/much."""
    lowered = question.lower()
    return kind in NUMERIC_KINDS or "how many" in lowered or "how much" in lowered


def answers_table(request: Request, cells: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """The long table: one row per authority and item, with why a cell needs review."""
    names = short_names(request.items)
    kinds = item_kinds(request, cells)
    rows = []
    for cell in cells:
        item = int(cell["item"])
        reasons = review_reasons(cell, asks_number(kinds[item], request.items[item - 1]))
        match = _plain(cell.get("match"))
        weight = 1.0 if match is None else min(1.0, match)
        confidence = float(cell.get("confidence") or 0.0) * weight
        key = answer_key(str(cell.get("authority") or ""), str(cell.get("authority_code") or ""),
                         item)
        rows.append({**cell, "cell_key": key, "name": names[item - 1],
                     "confidence": round(confidence, 3),
                     "needs_review": bool(reasons),
                     "review_reason": "; ".join(reasons)})
    return typed_frame(ANSWERS, rows)


# Segmenter rules that place an answer from weaker evidence than a marked question: the next
# number after an answer, a stem's items, the request as sent read by number, or one verdict
# taken to answer the whole request.
INFERRED_PLACEMENTS = frozenset({"question_next_number", "question_sub_item", "request_number",
                                 "request_verdict"})


def review_reasons(cell: Mapping[str, Any], number_asked: bool) -> list[str]:
    """Why a cell needs a look: a loose question match, a value read with low confidence,
    no number where one was asked, a merged answer, an answer OCR read unsurely. Free text is not "low confidence" by
    itself: it is flagged only where a number was asked."""
    reasons = []
    match = _plain(cell.get("match"))
    if match is not None and match < REVIEW_MATCH:
        reasons.append("question matched loosely")
    confidence = float(cell.get("confidence") or 0.0)
    if cell["kind"] not in ("missing", "text") and confidence < REVIEW_CONFIDENCE:
        reasons.append("low confidence")
    if number_asked and cell["kind"] in ("text", "missing"):
        reasons.append(f"{cell['kind']} where a number was asked")
    if cell.get("shared") and cell["kind"] != "missing":
        reasons.append("shared answer")
    if cell.get("pair_rule") in INFERRED_PLACEMENTS and cell["kind"] != "missing":
        reasons.append("answer placed by inference")
    ocr_confidence = _plain(cell.get("ocr_confidence"))
    if cell.get("ocr") and cell["kind"] != "missing" and ocr_confidence is not None \
            and ocr_confidence < REVIEW_OCR_CONFIDENCE:
        reasons.append("low OCR confidence")
    return reasons


def request_table(request: Request, answers: pd.DataFrame) -> pd.DataFrame:
    """The request's items: column name, question, usual kind, numeric or not, answered by how many."""
    names = short_names(request.items)
    cells = answers.to_dict("records")
    kinds = item_kinds(request, cells)
    rows = []
    for n, question in request.numbered():
        answered = sum(1 for c in cells if c["item"] == n and c["kind"] != "missing")
        rows.append({"item": n, "name": names[n - 1], "question": question, "kind": kinds[n],
                     "numeric": kinds[n] in NUMERIC_KINDS, "answered": answered,
                     "support": request.support[n - 1] if request.support else None})
    return typed_frame(REQUEST, rows)


def dataset_table(request: Request, answers: pd.DataFrame) -> pd.DataFrame:
    """The wide table: one row per authority, one typed column per item (see the module doc)."""
    questions = request_table(request, answers)
    authorities = answers[["authority", "authority_code", "source"]].drop_duplicates(
        ["authority", "authority_code"])
    by_cell = {(r["authority"], r["authority_code"], r["item"]): r
               for r in answers.to_dict("records")}
    columns: dict[str, pd.api.extensions.ExtensionArray] = {}
    keys = list(authorities.itertuples(index=False, name=None))
    columns["authority"] = pd.array([k[0] for k in keys], dtype="string")
    columns["authority_code"] = pd.array([k[1] for k in keys], dtype="string")
    columns["source"] = pd.array(list(authorities["source"]), dtype="string")
    for entry in questions.to_dict("records"):
        name, item = str(entry["name"]), int(entry["item"])
        cells = [by_cell.get((k[0], k[1], item)) for k in keys]
        if entry["numeric"]:
            whole = all(c is None or c["kind"] not in NUMERIC_KINDS or c["kind"] == "count"
                        for c in cells)
            numbers = [_plain(c["number"]) if c is not None and c["kind"] in NUMERIC_KINDS
                       else None for c in cells]
            columns[name] = pd.array(
                [None if v is None else (int(v) if whole else float(v)) for v in numbers],
                dtype="Int64" if whole else "Float64")
            columns[f"{name}_note"] = pd.array(
                [None if c is None or c["kind"] in NUMERIC_KINDS
                 else display(str(c["kind"]), str(c["value"] or ""), str(c["answer"] or ""))
                 for c in cells], dtype="string")
        else:
            columns[name] = pd.array(
                [None if c is None else display(str(c["kind"]), str(c["value"] or ""),
                                                str(c["answer"] or "")) for c in cells],
                dtype="string")
    return pd.DataFrame(columns)


def review_table(answers: pd.DataFrame) -> pd.DataFrame:
    """The cells that need a look, with the text each came from and where."""
    rows = []
    for cell in answers[answers["needs_review"].fillna(False)].to_dict("records"):
        rows.append({**cell, "reason": cell["review_reason"], "where": where(cell)})
    return typed_frame(REVIEW, rows)


def where(cell: Mapping[str, Any]) -> str:
    """Where a cell's answer stands: ``page 2 (x0,top,x1,bottom)``, ``lines 4-6``, ``paragraph 7``.
    """
    if _plain(cell.get("page")) is not None:
        bbox = cell.get("bbox")
        return f"page {cell['page']}" + (f" ({bbox})" if _plain(bbox) else "")
    if _plain(cell.get("line_start")) is not None:
        end = _plain(cell.get("line_end"))
        return f"lines {cell['line_start']}-{end}" if end not in (None, cell["line_start"]) \
            else f"line {cell['line_start']}"
    if _plain(cell.get("paragraph_start")) is not None:
        return f"paragraph {cell['paragraph_start']}"
    return ""
