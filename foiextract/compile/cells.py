"""One authority's answers to the request: a cell for every request item.

A response may come as several documents (a letter and its attachment, a
thread's messages). Each is aligned to the request on its own; the documents
are ranked by how many items they answer, and each item takes its answer from
the best-ranked document that gives one. A response refusing the whole request
under s12 (cost) or s14 (vexatious) withholds every item it does not answer.

>>> cell = missing_cell(3, "How many?")
>>> cell["kind"], cell["item"], cell["needs_review"]
('missing', 3, False)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..model import Value
from ..values import parse_answer
from .align import Match, align_pairs
from ..values.parts import value_of_part

# Refusals that cover a whole request, not one question.
WHOLE_REQUEST_EXEMPTIONS = re.compile(r"^s1[24]\b|^reg12\(4\)\([bc]\)")
VALUE_COLUMNS = ("kind", "value", "number", "unit", "low", "high", "date_start", "date_end",
                 "exemption", "url")
WHERE_COLUMNS = ("page", "bbox", "line_start", "line_end", "paragraph_start", "paragraph_end")
# Carried to the cell for review: was the answer read by OCR, and how surely.
OCR_COLUMNS = ("ocr", "ocr_confidence")
# Re-read the answer against the request's wording when the response gave none of its own.
_REREAD_RULES = frozenset({"item_range", "number_only"})


def missing_cell(item: int, question: str) -> dict[str, Any]:
    """The cell of an item the response does not answer."""
    return {"item": item, "question": question, "response_question": "", "answer": "",
            "kind": "missing", "value": "", "confidence": 1.0, "match": None, "shared": False,
            "align_rule": "", "value_rule": "", "needs_review": False}


def document_cells(items: Sequence[str], pairs: Sequence[Mapping[str, Any]],
                   restated: Sequence[str]) -> dict[int, dict[str, Any]]:
    """The cells one document fills: item number -> cell row (items it does not answer left out)."""
    matches = align_pairs(items, pairs, restated)
    by_item: dict[int, list[Match]] = {}
    for match in matches:
        by_item.setdefault(match.item, []).append(match)
    merged = merged_groups(matches, pairs)
    cells = {}
    for item, found in sorted(by_item.items()):
        question = items[item - 1]
        answered = [m for m in found if pairs[m.pair].get("kind") != "missing"] or found
        cell = _cell(item, question, answered, pairs)
        group = merged.get(answered[0].pair, [])
        if len(group) > 1:
            cell["shared"] = True
            _use_part(cell, [items[n - 1] for n in group])
        cells[item] = cell
    return cells


def merged_groups(matches: Sequence[Match], pairs: Sequence[Mapping[str, Any]]
                  ) -> dict[int, list[int]]:
    """Pair index -> the items its answer stands under, for answers that stand under several.

    An answer is merged when one pair covers several items ("Q3-Q5") or when a
    run of consecutive pairs shares one answer (the segmenter's ``shared``).
    """
    items_of: dict[int, list[int]] = {}
    for match in matches:
        items_of.setdefault(match.pair, []).append(match.item)
    runs: list[list[int]] = []
    for index in sorted(items_of):
        pair = pairs[index]
        previous = runs[-1][-1] if runs else None
        if (previous is not None and previous == index - 1 and pair.get("shared")
                and pairs[previous].get("shared")
                and pair.get("answer") == pairs[previous].get("answer")):
            runs[-1].append(index)
        else:
            runs.append([index])
    groups: dict[int, list[int]] = {}
    for run in runs:
        covered = sorted({item for index in run for item in items_of[index]})
        if len(covered) > 1:
            groups.update({index: covered for index in run})
    return groups


def _cell(item: int, question: str, found: Sequence[Match],
          pairs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    first = pairs[found[0].pair]
    rule = found[0].rule
    cell: dict[str, Any] = {
        "item": item, "question": question,
        "response_question": " / ".join(str(pairs[m.pair].get("question") or "") for m in found),
        "answer": str(first.get("answer") or ""), "shared": bool(first.get("shared")),
        "align_rule": rule, "value_rule": first.get("value_rule") or "",
        "pair_rule": first.get("rule") or "",
        "confidence": float(first.get("confidence") or 0.0), "match": found[0].score,
        **{c: first.get(c) for c in VALUE_COLUMNS + WHERE_COLUMNS + OCR_COLUMNS},
    }
    if len(found) > 1:
        cell["answer"] = " ".join(str(pairs[m.pair].get("answer") or "") for m in found).strip()
        cell["align_rule"] = "split"
        _set_value(cell, parse_answer(cell["answer"], question))
    elif rule in _REREAD_RULES:
        _set_value(cell, parse_answer(cell["answer"], question))
    return cell


def _use_part(cell: dict[str, Any], group: list[str]) -> None:
    """Give a merged answer's cell the value of the part that answers its item."""
    whole = Value(cell.get("kind") or "text", cell.get("value") or "")
    part = value_of_part(cell["answer"], cell["question"], group, whole)
    if part is not None and (part.kind, part.value) != (whole.kind, whole.value):
        _set_value(cell, replace(part, rule=f"part:{part.rule}"))


def _set_value(cell: dict[str, Any], value: Value) -> None:
    for column in VALUE_COLUMNS:
        cell[column] = getattr(value, column)
    cell["value_rule"] = value.rule
    cell["confidence"] = value.confidence


def response_cells(items: Sequence[str], documents: Sequence[dict[str, Any]]
                   ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Cells for every item from one response's documents, and the document that answers most.

    ``documents`` holds, per document, ``row`` (its documents-table row),
    ``pairs`` and ``restated`` (its own request) and ``source`` (as shown).
    """
    ranked: list[tuple[int, int, int, dict[int, dict[str, Any]], dict[str, Any]]] = []
    for document in documents:
        cells = document_cells(items, document["pairs"], document["restated"])
        answered = sum(1 for c in cells.values() if c["kind"] != "missing")
        ranked.append((answered, len(document["pairs"]), -len(ranked), cells, document))
    ranked.sort(key=lambda entry: entry[:3], reverse=True)
    best = ranked[0][4] if ranked and (ranked[0][0] or ranked[0][1]) else None
    out = []
    for item, question in enumerate(items, start=1):
        cell = next(({**entry[3][item], "source": entry[4]["source"]} for entry in ranked
                     if item in entry[3] and entry[3][item]["kind"] != "missing"), None)
        if cell is None:
            cell = next(({**entry[3][item], "source": entry[4]["source"]} for entry in ranked
                         if item in entry[3]), None)
        out.append(cell or {**missing_cell(item, question),
                            "source": best["source"] if best else ""})
    refusal = whole_request_refusal(out, [d["row"] for d in documents])
    if refusal is not None:
        best = best or next((d for d in documents if refusal in str(d["row"].get("exemptions"))),
                            None)
        for cell in out:
            if cell["kind"] == "missing":
                cell.update(kind="withheld", value=refusal, exemption=refusal, shared=True,
                            align_rule="whole_request", value_rule="whole_request",
                            confidence=0.7, match=1.0,
                            source=best["source"] if best else cell["source"])
    return out, best


def whole_request_refusal(cells: Sequence[Mapping[str, Any]],
                          rows: Sequence[Mapping[str, Any]]) -> str | None:
    """The s12/s14 provision refusing the whole request, when nothing else is answered."""
    answered = [c for c in cells if c["kind"] != "missing"]
    if answered:
        provisions = {str(c.get("value")) for c in answered}
        if len(provisions) != 1 or any(c["kind"] != "withheld" for c in answered):
            return None
        found = sorted(provisions)
    else:
        found = [p.strip() for row in rows for p in str(row.get("exemptions") or "").split(";")]
    whole = [p for p in found if WHOLE_REQUEST_EXEMPTIONS.match(p)]
    return whole[0] if whole else None
