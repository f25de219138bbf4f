"""A response's tables as a journalist checks them on screen: each a grid of its labels and
cells as printed, with the result of every printed total checked under it.

>>> from foiextract.model import Block, Cell, Span
>>> from foiextract.cells import table_cells
>>> t = Block("table", rows=tuple(tuple(Cell((Span(x),)) for x in row) for row in
...     [["Crime", "2019/20", "2020/21", "Total"], ["Arson", "2", "3", "5"],
...      ["Theft", "1", "<5", "6"], ["Total", "3", "8", "11"]]))
>>> cells = table_cells(t, 1)
>>> print("\\n".join(render_tables(cells, table_checks(cells), width=60)))
Table 1: 3 rows x 3 columns; totals: 4 pass, 2 cannot tell
        | 2019/20 | 2020/21 | Total
  Arson |       2 |       3 |     5
  Theft |       1 |      <5 |     6
  Total |       3 |       8 |    11
  ? row "Theft": printed 6, the figures add up to 1 (1 cell unreadable)
  ? column "2020/21": printed 8, the figures add up to 3 (1 cell unreadable)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Sequence

from . import TableCell
from .checks import Check, table_checks

__all__ = ["render_tables", "table_checks"]

_LABEL_WIDTH = 36
_CELL_WIDTH = 14
_MARKS = {"fail": "!", "cannot tell": "?"}


def render_tables(cells: Iterable[TableCell], checks: Iterable[Check], width: int = 100
                  ) -> list[str]:
    """The lines that show every table among ``cells``: a heading line (its page, the request
    item it answers, its size and how its totals checked), the grid (columns that do not fit
    in ``width`` left out and counted), and a line for every total that failed or could not
    be told."""
    by_table: dict[int, list[TableCell]] = defaultdict(list)
    for cell in cells:
        by_table[cell.table_no].append(cell)
    checked: dict[int, list[Check]] = defaultdict(list)
    for check in checks:
        checked[check.table_no].append(check)
    lines: list[str] = []
    for number in sorted(by_table):
        if lines:
            lines.append("")
        lines.extend(_table_lines(number, by_table[number], checked[number], width))
    return lines


def _table_lines(number: int, cells: Sequence[TableCell], checks: Sequence[Check],
                 width: int) -> list[str]:
    rows = _ordered({c.row_no: _label(c.row_labels) for c in cells})
    columns = _ordered({c.col_no: _label(c.column_labels) for c in cells})
    text = {(c.row_no, c.col_no): c.text for c in cells}
    first = cells[0]
    where = f" (page {first.source.page})" if first.source.page is not None else ""
    item = f" [item {first.request_item}]" if first.request_item else ""
    lines = [f"Table {number}{where}{item}: {len(rows)} rows x {len(columns)} columns"
             f"{_tally(checks)}"]
    stub = min(_LABEL_WIDTH, max([len(label) for _n, label in rows] + [0]))
    widths = {n: min(_CELL_WIDTH, max([len(label)] + [len(text.get((r, n), ""))
                                                       for r, _l in rows]))
              for n, label in columns}
    shown: list[tuple[int, str]] = []
    used = 2 + stub
    for n, label in columns:
        if used + 3 + widths[n] > width and shown:
            break
        shown.append((n, label))
        used += 3 + widths[n]
    more = f"  ... {len(columns) - len(shown)} more columns" if len(shown) < len(columns) else ""
    lines.append(" " * (2 + stub) + "".join(f" | {_cut(label, widths[n]):<{widths[n]}}"
                                            for n, label in shown).rstrip() + more)
    for r, label in rows:
        lines.append(f"  {_cut(label, stub):<{stub}}" + "".join(
            f" | {_cut(text.get((r, n), ''), widths[n]):>{widths[n]}}" for n, _l in shown))
    for check in checks:
        if check.status in _MARKS:
            lines.append(f"  {_MARKS[check.status]} {_describe(check)}")
    return lines


def _ordered(labels: dict[int, str]) -> list[tuple[int, str]]:
    return sorted(labels.items())


def _label(path: Sequence[str]) -> str:
    return " / ".join(part for part in path if part)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _tally(checks: Sequence[Check]) -> str:
    if not checks:
        return ""
    counts = Counter(check.status for check in checks)
    return "; totals: " + ", ".join(f"{counts[s]} {s}" for s in ("pass", "fail", "cannot tell")
                                    if counts[s])


def _describe(check: Check) -> str:
    printed = _figure(check.printed) if check.printed is not None else "nothing"
    left = f" ({check.unreadable} cell{'s' * (check.unreadable != 1)} unreadable)" \
        if check.unreadable else ""
    return (f'{check.axis} "{check.label}": printed {printed}, the figures add up to '
            f"{_figure(check.summed)}{left}")


def _figure(number: float) -> str:
    return f"{number:,.0f}" if number == int(number) else f"{number:,}"
