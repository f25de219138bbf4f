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

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..keys import answer_key
from ..tables import (answer_row, compile_frame, missing, ocr_columns, request_item_row,
                      review_row)
from .cells import Answer
from .request import Request, short_names

NUMERIC_KINDS = frozenset({"count", "number", "amount", "percent"})
# Below this confidence a cell goes on the review sheet.
REVIEW_CONFIDENCE = 0.7
# Below this text similarity, the response's question is taken to be reworded: worth a look.
REVIEW_MATCH = 0.7
# Below this mean word confidence, an answer read by OCR may hold misread words or digits.
REVIEW_OCR_CONFIDENCE = 0.8

def display(kind: str, value: str, answer: str) -> str:
    """What a text cell of the dataset shows."""
    if kind == "text":
        return answer
    if kind == "withheld":
        return f"withheld {value}".strip()
    return value or kind.replace("_", " ")


def item_kinds(request: Request, answers: Sequence[Answer] | Sequence[Mapping[str, Any]]
               ) -> dict[int, str]:
    """The kind most authorities answer each item with (``missing`` when none answer)."""
    found: dict[int, Counter[str]] = {n: Counter() for n, _ in request.numbered()}
    for answer in answers:
        item, kind = ((answer.item, answer.kind) if isinstance(answer, Answer)
                      else (int(answer["item"]), str(answer["kind"])))
        if kind != "missing":
            found[item][kind] += 1
    return {n: (c.most_common(1)[0][0] if c else "missing") for n, c in found.items()}


def asks_number(kind: str, question: str) -> bool:
    """True when an item wants a number: most answers are numbers, or it asks how many/much."""
    lowered = question.lower()
    return kind in NUMERIC_KINDS or "how many" in lowered or "how much" in lowered


def answers_table(request: Request, answers: Sequence[Answer]) -> pd.DataFrame:
    """The long table: one row per authority and item, with why an answer needs review."""
    names = short_names(request.items)
    kinds = item_kinds(request, answers)
    rows = []
    for answer in answers:
        item = answer.item
        reasons = review_reasons(answer, asks_number(kinds[item], request.items[item - 1]))
        weight = 1.0 if answer.match is None else min(1.0, answer.match)
        confidence = float(answer.value.confidence or 0.0) * weight
        key = answer_key(answer.authority, answer.authority_code, item)
        rows.append(answer_row(answer, key=key, name=names[item - 1],
                               confidence=round(confidence, 3), reasons=reasons))
    return compile_frame("answers", rows)


# Segmenter rules that place an answer from weaker evidence than a marked question: the next
# number after an answer, a stem's items, the request as sent read by number, or one verdict
# taken to answer the whole request.
INFERRED_PLACEMENTS = frozenset({"question_next_number", "question_sub_item", "request_number",
                                 "request_verdict", "answer_in_order"})


def review_reasons(answer: Answer, number_asked: bool) -> list[str]:
    """Why a compiled answer needs a look (see :func:`doubts`)."""
    ocr = ocr_columns(answer.pair) if answer.pair is not None else {}
    return doubts(answer.kind, number_asked, match=answer.match,
                  confidence=float(answer.value.confidence or 0.0), shared=answer.shared,
                  placed_by=answer.pair_rule, ocr=bool(ocr.get("ocr")),
                  ocr_confidence=ocr.get("ocr_confidence"))


def doubts(kind: str, number_asked: bool, *, match: float | None = None,
           confidence: float = 0.0, shared: bool = False, placed_by: str = "",
           ocr: bool = False, ocr_confidence: float | None = None) -> list[str]:
    """Why an answer of ``kind`` needs a look: a loose question match, a value read with low
    confidence, no number where one was asked, a merged answer, an answer placed by
    inference, an answer OCR read unsurely. Free text is not "low confidence" by itself: it
    is flagged only where a number was asked. An extracted pair (the review page) and a
    compiled answer are doubted alike."""
    reasons = []
    if match is not None and match < REVIEW_MATCH:
        reasons.append("question matched loosely")
    if kind not in ("missing", "text") and confidence < REVIEW_CONFIDENCE:
        reasons.append("low confidence")
    if number_asked and kind in ("text", "missing"):
        reasons.append(f"{kind} where a number was asked")
    if shared and kind != "missing":
        reasons.append("shared answer")
    if placed_by in INFERRED_PLACEMENTS and kind != "missing":
        reasons.append("answer placed by inference")
    if ocr and kind != "missing" and ocr_confidence is not None \
            and ocr_confidence < REVIEW_OCR_CONFIDENCE:
        reasons.append("low OCR confidence")
    return reasons


Totals = Mapping[tuple[str, str, int], float]


def request_table(request: Request, answers: pd.DataFrame,
                  totals: Totals | None = None) -> pd.DataFrame:
    """The request's items: column name, question, usual kind, numeric or not, answered by how
    many. An item is numeric when most answers are numbers, or when at least half of those
    answered give a number (an answer that is a table printing a total gives that total)."""
    names = short_names(request.items)
    cells = answers.to_dict("records")
    kinds = item_kinds(request, cells)
    totals = totals or {}
    rows = []
    for n, question in request.numbered():
        given = [c for c in cells if c["item"] == n and c["kind"] != "missing"]
        figures = sum(1 for c in given if c["kind"] in NUMERIC_KINDS
                      or _cell_key(c, n) in totals)
        numeric = kinds[n] in NUMERIC_KINDS or (
            any(_cell_key(c, n) in totals for c in given) and 2 * figures >= len(given))
        rows.append(request_item_row(
            n, names[n - 1], question, kinds[n], numeric=numeric,
            answered=len(given), support=request.support[n - 1] if request.support else None))
    return compile_frame("request", rows)


def _cell_key(cell: Mapping[str, Any], item: int) -> tuple[str, str, int]:
    code = cell.get("authority_code")
    return (str(cell["authority"]), "" if missing(code) else str(code), item)


def dataset_table(request: Request, answers: pd.DataFrame,
                  totals: Totals | None = None) -> pd.DataFrame:
    """The wide table: one row per authority, one typed column per item (see the module doc).
    ``totals`` are the totals the tables answering items print (``long.table_totals``)."""
    totals = totals or {}
    questions = request_table(request, answers, totals)
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
            tabled = [totals.get(_cell_key(c, item)) if c is not None
                      and c["kind"] not in NUMERIC_KINDS else None for c in cells]
            whole = all(c is None or c["kind"] not in NUMERIC_KINDS or c["kind"] == "count"
                        for c in cells) and all(t is None or float(t).is_integer() for t in tabled)
            numbers = [_known(c["number"]) if c is not None and c["kind"] in NUMERIC_KINDS
                       else t for c, t in zip(cells, tabled)]
            columns[name] = pd.array(
                [None if v is None else (int(v) if whole else float(v)) for v in numbers],
                dtype="Int64" if whole else "Float64")
            columns[f"{name}_note"] = pd.array(
                [None if c is None or c["kind"] in NUMERIC_KINDS or t is not None
                 else display(str(c["kind"]), str(c["value"] or ""), str(c["answer"] or ""))
                 for c, t in zip(cells, tabled)], dtype="string")
        else:
            columns[name] = pd.array(
                [None if c is None else display(str(c["kind"]), str(c["value"] or ""),
                                                str(c["answer"] or "")) for c in cells],
                dtype="string")
    return pd.DataFrame(columns)


def review_table(answers: pd.DataFrame) -> pd.DataFrame:
    """The cells that need a look, with the text each came from and where."""
    rows = [review_row(cell, where(cell))
            for cell in answers[answers["needs_review"].fillna(False)].to_dict("records")]
    return compile_frame("review", rows)


def where(cell: Mapping[str, Any]) -> str:
    """Where a cell's answer stands: ``page 2 (x0,top,x1,bottom)``, ``lines 4-6``, ``paragraph 7``.
    """
    if _known(cell.get("page")) is not None:
        bbox = cell.get("bbox")
        return f"page {cell['page']}" + (f" ({bbox})" if _known(bbox) else "")
    if _known(cell.get("line_start")) is not None:
        end = _known(cell.get("line_end"))
        return f"lines {cell['line_start']}-{end}" if end not in (None, cell["line_start"]) \
            else f"line {cell['line_start']}"
    if _known(cell.get("paragraph_start")) is not None:
        return f"paragraph {cell['paragraph_start']}"
    return ""


def _known(value: Any) -> Any:
    return None if missing(value) else value
