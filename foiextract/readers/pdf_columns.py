"""Borderless two-column tables: a question column and an answer column with no rules drawn.

Some letters set ``Question | Answer`` side by side with white space only, so
pdfplumber's ruled-table finder sees nothing. Here a run of lines is such a
table when at least three of its lines hold one wide white gutter (over two
ems) at the same place, and the lines between them sit wholly left or wholly
right of it (a wrapped question or answer), or break just where the right
column starts (a left cell filled to its edge). Rows start where more white
space than leading stands above a line. Lines with two gutters or more
(data tables) are left to the body text.

>>> borderless_tables([], 1)
([], [])
"""

from __future__ import annotations

from .pdf_glyphs import Glyph
from .pdf_layout import Line
from .pdf_tables import FoundTable, cell_spans
from ..model import Cell

_MIN_GUTTER_LINES = 3
_ROW_GAP = 0.5      # of the font size: white above a line that starts a new row
_RUN_GAP = 2.5      # of the font size: white that ends the table


def borderless_tables(lines: list[Line], number: int) -> tuple[list[FoundTable], list[Line]]:
    """The page's borderless two-column tables, and the lines that are not in one."""
    tables: list[FoundTable] = []
    rest: list[Line] = []
    index = 0
    while index < len(lines):
        end, gutter = _run(lines, index)
        table = _table(lines[index:end], gutter, number) if gutter is not None else None
        if table is not None and len(table.rows) >= 2:
            tables.append(table)
            index = end
        else:
            rest.append(lines[index])
            index += 1
    return tables, rest


def _run(lines: list[Line], start: int) -> tuple[int, tuple[float, float] | None]:
    first = lines[start]
    if len(first.gutters) != 1:
        return start + 1, None
    gutter = first.gutters[0]
    with_gutter, last_with_gutter = 1, start
    end = start + 1
    while end < len(lines):
        line, prev = lines[end], lines[end - 1]
        if line.page != prev.page or line.top - prev.bottom > _RUN_GAP * line.size:
            break
        if len(line.gutters) == 1:
            low = max(gutter[0], line.gutters[0][0])
            high = min(gutter[1], line.gutters[0][1])
            if high - low < 0.5 * line.size:
                break
            gutter = (low, high)
            with_gutter += 1
            last_with_gutter = end
        elif not line.gutters and _splits_at(line, gutter):
            with_gutter += 1  # a full left cell leaves less white, but the right one starts there
            last_with_gutter = end
        elif line.gutters or not (line.x1 <= gutter[1] - 2 or line.x0 >= gutter[1] - 2):
            break
        end += 1
    # lines after the last two-column line belong only while they continue its row
    for k in range(last_with_gutter + 1, end):
        if lines[k].top - lines[k - 1].bottom > _ROW_GAP * lines[k].size:
            end = k
            break
    if with_gutter < _MIN_GUTTER_LINES:
        return start + 1, None
    return end, gutter


_NARROW_GUTTER = 0.6  # of the font size: more than a word space, where the right cell starts


def _splits_at(line: Line, gutter: tuple[float, float]) -> bool:
    """True when a line's glyphs break, wider than a word space, just where the right column
    starts (a left cell filled to its edge: "…placed in bed   During 2022/23 the…")."""
    for before, after in zip(line.glyphs, line.glyphs[1:]):
        if (abs(after.x0 - gutter[1]) <= 2 and after.x0 - before.x1 > _NARROW_GUTTER * after.size
                and before.x1 < gutter[1]):
            return True
    return False


def _table(lines: list[Line], gutter: tuple[float, float], number: int) -> FoundTable:
    split = (gutter[0] + gutter[1]) / 2
    rows: list[list[Line]] = []
    for line in lines:
        if not rows or line.top - rows[-1][-1].bottom > _ROW_GAP * line.size:
            rows.append([line])
        else:
            rows[-1].append(line)
    left_right = max((g.x1 for line in lines for g in line.glyphs if g.x0 < split), default=split)
    right_right = max((line.x1 for line in lines), default=split)
    cells: list[tuple[Cell, ...]] = []
    for row in rows:
        left: list[Glyph] = [g for line in row for g in line.glyphs if (g.x0 + g.x1) / 2 < split]
        right: list[Glyph] = [g for line in row for g in line.glyphs if (g.x0 + g.x1) / 2 >= split]
        cells.append((Cell(cell_spans(left, number, left_right)),
                      Cell(cell_spans(right, number, right_right))))
    header = 1 if cells and all(
        all(s.bold for s in c.spans if s.text.strip()) and c.text.strip() for c in cells[0]) else 0
    box = (round(min(line.x0 for line in lines), 2), round(min(line.top for line in lines), 2),
           round(max(line.x1 for line in lines), 2), round(max(line.bottom for line in lines), 2))
    columns = (round(min(line.x0 for line in lines), 1), round(gutter[1], 1))
    return FoundTable(box, tuple(cells), columns, header)
