"""Every authority's table cells in one long table, and the total each table prints.

A force answers "crimes by type, for each year" with a table; the compiled ``cells`` table
holds every figure of every force's tables, one row a figure, with the authority, the
request item the table answers (the item whose answer holds it, else the one its caption
names), the period its labels
name (``period_start``/``period_end``, ``year_type``, ``granularity``) and its labels
normalised through a :class:`~foiextract.compile.labels.Labels` mapping. ``labels`` lists
each raw label with the label it became, for a journalist to correct and give back.

:func:`table_totals` gives, for each authority x item answered by a table, the total the
table prints: its grand total (the cell both a total row and a total column), else the sum
of its one total row over columns that are distinct periods (or of its one total column over
rows that are). The dataset's numeric column shows that total; the breakdown is in ``cells``.

>>> import pandas as pd
>>> cells = pd.DataFrame({"authority": ["A", "A", "A"], "authority_code": ["", "", ""],
...     "item": [1, 1, 1], "source": ["a.pdf"] * 3, "table_no": [1, 1, 1],
...     "row_labels": ["Total", "Total", "Arson"], "column_labels": ["2019/20", "2020/21", "2019/20"],
...     "number": [5.0, 7.0, 2.0], "kind": ["count"] * 3, "is_total": [True, True, False],
...     "period_start": ["2019-04-01", "2020-04-01", "2019-04-01"]})
>>> table_totals(cells)
{('A', '', 1): 12.0}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..cells import TableCell, is_total_label
from ..cells.periods import period_of_label, read_period
from ..extraction import Extraction
from ..lexicon.text import stems
from ..model import Source
from ..tables import cell_rows, compile_frame, compiled_cell_row, label_row, missing
from .cells import Answer
from .labels import Labels

# Kinds of figure a total adds up.
_FIGURES = frozenset({"count", "number", "amount"})


@dataclass(frozen=True)
class Response:
    """One authority's response: its documents and its answer to every request item."""

    authority: str
    authority_code: str
    documents: tuple[Extraction, ...]
    answers: tuple[Answer, ...]


def table_items(response: Response, questions: Sequence[str]
                ) -> dict[tuple[str, int], int]:
    """(document source, table_no) -> the request item the table answers: the item whose
    answer holds it, else the one item its caption names (:func:`caption_item`)."""
    held: dict[tuple[str, Source], int] = {}
    for answer in response.answers:
        if answer.pair is None or answer.kind == "missing":
            continue
        for block in answer.pair.answer_blocks:
            if block.kind == "table":
                place = (answer.source, block.source)
                held[place] = min(held.get(place, answer.item), answer.item)
    items: dict[tuple[str, int], int] = {}
    for document in response.documents:
        for cell in document.cells:
            key = (document.source, cell.table_no)
            if key in items:
                continue
            item = held.get((document.source, cell.source))
            if item is None and cell.table_no <= len(document.captions):
                item = caption_item(document.captions[cell.table_no - 1], questions)
            if item is not None:
                items[key] = item
    return items


# How much of a caption's words an item must share to be the item the table answers, and
# how far ahead of the next item it must be.
CAPTION_SHARE = 0.4
CAPTION_LEAD = 2.0


def caption_item(caption: str, questions: Sequence[str]) -> int | None:
    """The request item a table's caption names, where one stands out: most of the
    caption's words are the item's, twice as many as any other item's.

    >>> caption_item("Total No. of Crimes at Hospitals",
    ...              ["How many crimes were recorded at hospitals in total?", "Name each hospital"])
    1
    >>> caption_item("Crime outcome and hospital name", ["Crime outcomes?", "Hospital names?"])
    """
    words = {w for w in stems(caption) if not any(ch.isdigit() for ch in w)}
    if len(words) < 2:
        return None
    shares = sorted(((len(words & stems(q)) / len(words), n)
                     for n, q in enumerate(questions, start=1)), reverse=True)
    best, item = shares[0] if shares else (0.0, 0)
    runner_up = shares[1][0] if len(shares) > 1 else 0.0
    return item if best >= CAPTION_SHARE and best >= CAPTION_LEAD * runner_up else None


def cells_table(responses: Sequence[Response], questions: Sequence[str], names: Sequence[str],
                labels: Labels) -> pd.DataFrame:
    """The compile's ``cells``: every table cell of every authority's response."""
    rows = []
    for response in responses:
        items = table_items(response, questions)
        for document in response.documents:
            extracted = cell_rows(document.doc_id, document.source, document.cells)
            for cell, row in zip(document.cells, extracted):
                item = items.get((document.source, cell.table_no))
                rows.append(compiled_cell_row(
                    row, authority=response.authority, authority_code=response.authority_code,
                    item=item, name=names[item - 1] if item else None,
                    row_label=labels.path(cell.row_labels),
                    column_label=labels.path(cell.column_labels),
                    period=read_period(cell.row_labels + cell.column_labels)))
    return compile_frame("cells", rows)


def category_labels(cell: TableCell) -> list[str]:
    """The labels of a cell that name categories: not periods, not running numbers."""
    return [label for label in cell.row_labels + cell.column_labels
            if any(ch.isalpha() for ch in label) and period_of_label(label) is None]


def labels_table(responses: Sequence[Response], questions: Sequence[str],
                 labels: Labels) -> pd.DataFrame:
    """The compile's ``labels``: each raw label of the batch's tables, the label it stands
    for, whether the mapping given said so, and how many authorities and cells use it."""
    authorities: dict[str, set[tuple[str, str]]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    items: dict[str, set[int]] = defaultdict(set)
    for response in responses:
        by_table = table_items(response, questions)
        for document in response.documents:
            for cell in document.cells:
                item = by_table.get((document.source, cell.table_no))
                for raw in dict.fromkeys(category_labels(cell)):
                    authorities[raw].add((response.authority, response.authority_code))
                    counts[raw] += 1
                    if item:
                        items[raw].add(item)
    rows = [label_row(raw, labels.label(raw), edited=labels.edited(raw),
                      authorities=len(authorities[raw]), cells=counts[raw], items=items[raw])
            for raw in sorted(counts, key=lambda r: (labels.label(r), r))]
    return compile_frame("labels", rows)


def table_totals(cells: pd.DataFrame) -> dict[tuple[str, str, int], float]:
    """(authority, authority_code, item) -> the total its table prints (see the module doc);
    the first table of an item that prints one."""
    totals: dict[tuple[str, str, int], float] = {}
    answered = cells[cells["item"].notna()] if len(cells) else cells
    for (authority, code, item, _source, _table), table in answered.groupby(
            ["authority", "authority_code", "item", "source", "table_no"], sort=True,
            dropna=False):
        key = (str(authority), "" if missing(code) else str(code), int(item))
        if key in totals:
            continue
        total = printed_total(table.to_dict("records"))
        if total is not None:
            totals[key] = total
    return totals


def printed_total(table: Sequence[Mapping[str, Any]]) -> float | None:
    """The total one table prints: its grand total, else its one total row (column) summed
    over distinct periods; None when it prints none or a total cell is not a figure."""
    def total_on(cell: Mapping[str, Any], axis: str) -> bool:
        return any(is_total_label(label) for label in str(cell[axis] or "").split(" / "))

    grand = [c for c in table if total_on(c, "row_labels") and total_on(c, "column_labels")]
    if grand:
        return _figure(grand[0])
    for axis in ("row_labels", "column_labels"):
        line = [c for c in table if total_on(c, axis)]
        if not line or len({str(c[axis]) for c in line}) != 1:
            continue
        periods = [c.get("period_start") for c in line]
        if len(line) > 1 and (any(missing(p) for p in periods) or len(set(periods)) < len(line)):
            return None
        figures = [f for f in (_figure(c) for c in line) if f is not None]
        return float(sum(figures)) if len(figures) == len(line) else None
    return None


def _figure(cell: Mapping[str, Any]) -> float | None:
    if cell.get("kind") not in _FIGURES or missing(cell.get("number")):
        return None
    return float(cell["number"])
