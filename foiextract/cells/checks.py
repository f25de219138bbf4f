"""Checks on a table's figures, as a journalist makes them before using a table: printed
totals against the sums of the cells they total.

For each row (and each column) that has a total cell and figures beside it, the figures
are added up and compared with the printed total. Suppressed ("<5") and non-figure cells
are counted and reported, never added as 0: a row with any of them "cannot tell" unless the
printed total is already less than the sum of what can be read. Blank cells and dashes
add nothing.

>>> from foiextract.model import Block, Cell, Span
>>> from foiextract.cells import table_cells
>>> t = Block("table", rows=tuple(tuple(Cell((Span(x),)) for x in row) for row in
...     [["Crime", "2019/20", "2020/21", "Total"], ["Arson", "2", "3", "5"],
...      ["Theft", "1", "<5", "4"], ["Total", "3", "6", "9"]]))
>>> [(c.axis, c.label, c.status) for c in table_checks(table_cells(t, 1))]  # doctest: +NORMALIZE_WHITESPACE
[('row', 'Arson', 'pass'), ('row', 'Theft', 'cannot tell'), ('row', 'Total', 'pass'),
 ('column', '2019/20', 'pass'), ('column', '2020/21', 'cannot tell'), ('column', 'Total', 'pass')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from . import TableCell

_FIGURES = frozenset({"count", "number", "amount"})


@dataclass(frozen=True, slots=True)
class Check:
    """One printed total checked against the cells it totals."""

    table_no: int
    axis: str            # "row": a row's total column; "column": a column's total row
    label: str           # the row's or column's label
    printed: float | None
    summed: float
    cells: int           # figures added up
    unreadable: int      # suppressed, blank or non-figure cells left out of the sum
    status: str          # "pass", "fail" or "cannot tell"


def table_checks(cells: Iterable[TableCell]) -> list[Check]:
    """Every total check of every table among ``cells``."""
    by_table: dict[int, list[TableCell]] = defaultdict(list)
    for cell in cells:
        by_table[cell.table_no].append(cell)
    checks: list[Check] = []
    for number, table in by_table.items():
        checks.extend(_line_checks(number, table, "row"))
        checks.extend(_line_checks(number, table, "column"))
    return checks


def _line_checks(number: int, table: Sequence[TableCell], axis: str) -> list[Check]:
    lines: dict[tuple[str, ...], list[TableCell]] = defaultdict(list)
    for cell in table:
        lines[cell.row_labels if axis == "row" else cell.column_labels].append(cell)
    checks = []
    for labels, line in lines.items():
        totals = [c for c in line if _is_total(c.column_labels if axis == "row" else c.row_labels)]
        parts = [c for c in line if c not in totals]
        if len(totals) != 1 or not parts:
            continue
        total = totals[0]
        figures = [c for c in parts if c.kind in _FIGURES and c.number is not None]
        # Blank cells and a dash ("-", nil) add nothing to a total.
        blanks = sum(1 for c in parts if c.kind == "none" or c.kind == "missing" and
                     not c.text.strip())
        unreadable = len(parts) - len(figures)
        summed = sum(c.number for c in figures if c.number is not None)
        printed = total.number if total.kind in _FIGURES else None
        if printed is None:
            status = "cannot tell"
        elif unreadable == blanks:  # blank cells add nothing to a printed total
            status = "pass" if abs(printed - summed) < 0.005 else "fail"
        else:  # "<5", "*": the sum is known only to be at least what can be read
            status = "fail" if printed < summed else "cannot tell"
        checks.append(Check(number, axis, " / ".join(labels), printed, summed, len(figures),
                            unreadable, status))
    return checks


def _is_total(labels: tuple[str, ...]) -> bool:
    from . import _TOTAL

    return any(_TOTAL.search(label) for label in labels)
