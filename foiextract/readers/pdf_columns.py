"""Borderless two-column tables: a question column and an answer column with no rules drawn.

Some letters set ``Question | Answer`` side by side with white space only, so
pdfplumber's ruled-table finder sees nothing. Here a run of lines is such a
table when at least three of its lines hold one wide white gutter (over two
ems) at the same place, and the lines between them sit wholly left or wholly
right of it (a wrapped question or answer), or break just where the right
column starts (a left cell filled to its edge). Rows start where more white
space than leading stands above a line. A first column holding only the
items' numbers ("No. | Question | Answer") is a third column of the table, and
each of its numbers starts a row. Lines with two gutters or more besides
(data tables) are left to the body text.

>>> borderless_tables([], 1)
([], [])
"""

from __future__ import annotations

import re

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
        run = lines[index:end]
        head, by_line = 0, False
        if gutter is not None:
            head = _header_lines(run, gutter)
            by_line = _figures_beside_labels(run[head:], gutter)
        header = run[:head] if by_line else []
        pulled = 0
        if gutter is not None and by_line:
            # A label | figure table set one row a line ("2019/2020   635"): its header is its
            # first lines that hold no figure, and the lines just above that could head its
            # columns ("Number of" over "Financial Year   Crimes Recorded").
            while rest and len(header) < _MAX_HEADER_LINES \
                    and _heads(rest[-1], (header or run)[0], gutter):
                header.insert(0, rest.pop())
                pulled += 1
        body = run[len(header) - pulled:]
        table = _table(header + body, gutter, number, len(header), by_line) \
            if gutter is not None else None
        if table is not None and len(table.rows) >= 2 and not _list_marks(table):
            tables.append(table)
            index = end
        else:
            rest.extend(header[:pulled])
            rest.append(lines[index])
            index += 1
    return tables, rest


def _run(lines: list[Line], start: int) -> tuple[int, tuple[float, float] | None]:
    first = lines[start]
    if len(_gutters(first)) != 1:
        return start + 1, None
    gutter = _gutters(first)[0]
    with_gutter, last_with_gutter = 1, start
    end = start + 1
    while end < len(lines):
        line, prev = lines[end], lines[end - 1]
        if line.page != prev.page or line.top - prev.bottom > _RUN_GAP * line.size:
            break
        gutters = _gutters(line)
        if len(gutters) == 1:
            low = max(gutter[0], gutters[0][0])
            high = min(gutter[1], gutters[0][1])
            if high - low < 0.5 * line.size:
                break
            gutter = (low, high)
            with_gutter += 1
            last_with_gutter = end
        elif not gutters and _splits_at(line, gutter):
            with_gutter += 1  # a full left cell leaves less white, but the right one starts there
            last_with_gutter = end
        elif gutters or not (line.x1 <= gutter[1] - 2 or line.x0 >= gutter[1] - 2):
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


def _gutters(line: Line) -> list[tuple[float, float]]:
    """The line's gutters but one after an item's number alone at its start (a "No. | Question |
    Answer" table's first column): the number is read with the question it numbers."""
    if line.gutters:
        number = "".join(g.text for g in line.glyphs if g.x1 <= line.gutters[0][0] + 0.5).strip()
        if _NUMBER_CELL.match(number):
            return line.gutters[1:]
    return line.gutters


# An item's number, or the header of a column of them ("No.", "#", "Q3", "2.", "b)").
_NUMBER_CELL = re.compile(r"^(?:No\.?|#|Ref\.?|Q|Item|Q?\d{1,3}[a-z]?[.)]?|\(?[a-z][.)])$",
                          re.IGNORECASE)
_NARROW_GUTTER = 0.6  # of the font size: more than a word space, where the right cell starts
_MAX_HEADER_LINES = 3


def _splits_at(line: Line, gutter: tuple[float, float]) -> bool:
    """True when a line's glyphs break, wider than a word space, just where the right column
    starts (a left cell filled to its edge: "…placed in bed   During 2022/23 the…")."""
    for before, after in zip(line.glyphs, line.glyphs[1:]):
        if (abs(after.x0 - gutter[1]) <= 2 and after.x0 - before.x1 > _NARROW_GUTTER * after.size
                and before.x1 < gutter[1]):
            return True
    return False


# A cell holding only a figure, as a data table's right column does ("635", "2,500", "<5", "-").
_FIGURE_CELL = re.compile(r"^[<>]?\s*[£$]?\d[\d,.]*%?$|^[-–*]$")


def _header_lines(run: list[Line], gutter: tuple[float, float]) -> int:
    """How many lines open ``run`` with no figure right of the gutter (a table's header)."""
    head = 0
    while head < min(_MAX_HEADER_LINES, len(run) - 1) \
            and not _FIGURE_CELL.match(_sides(run[head], gutter)[1]):
        head += 1
    return head


def _sides(line: Line, gutter: tuple[float, float]) -> tuple[str, str]:
    """A line's text left and right of the gutter's middle."""
    split = (gutter[0] + gutter[1]) / 2
    left = "".join(g.text for g in line.glyphs if (g.x0 + g.x1) / 2 < split).strip()
    right = "".join(g.text for g in line.glyphs if (g.x0 + g.x1) / 2 >= split).strip()
    return left, right


def _figures_beside_labels(run: list[Line], gutter: tuple[float, float]) -> bool:
    """True when every line of a two-column run is a row of its own: a label left of the
    gutter and a figure alone right of it, the lines evenly spaced (no white marks rows)."""
    if len(run) < _MIN_GUTTER_LINES:
        return False
    for line in run:
        left, right = _sides(line, gutter)
        if not left or not _FIGURE_CELL.match(right):
            return False
    gaps = [b.top - a.top for a, b in zip(run, run[1:])]
    return max(gaps) - min(gaps) <= 0.25 * run[0].size


def _heads(line: Line, below: Line, gutter: tuple[float, float]) -> bool:
    """True when ``line`` can head the columns of the table below it: close above it, and
    either wholly one side of the gutter or in two parts whose white meets the gutter (a
    header centred over its figures may reach into it)."""
    if line.page != below.page \
            or not -_ROW_GAP * below.size <= below.top - line.bottom <= _ROW_GAP * 2 * below.size:
        return False
    glyphs = sorted((g for g in line.glyphs if g.text.strip()), key=lambda g: g.x0)
    if not glyphs:
        return False
    if glyphs[-1].x1 <= gutter[1] or glyphs[0].x0 >= gutter[0]:
        return True
    white, before, after = max((b.x0 - a.x1, a, b) for a, b in zip(glyphs, glyphs[1:]))
    return white > _NARROW_GUTTER * line.size and before.x1 < gutter[1] and after.x0 > gutter[0]


# A bullet ("•", "o", "-") or an enumerator ("3.", "b)") standing alone in a left cell, or a
# bullet before whatever of a wrapped line's first word fell left of the gutter ("• sys").
_LIST_MARK = re.compile(r"^(?:[^\w\s]|o|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])$"
                        r"|^(?:[•·▪◦●‣\uf0b7\uf0a7]|o)\s", re.IGNORECASE)


def _list_marks(table: FoundTable) -> bool:
    """True when every left cell holding text is a bullet or an enumerator, or opens with a
    bullet: a list whose marks stand a tab's width from their text, not a table."""
    if any(len(row) > 2 for row in table.rows):
        return False  # the marks have a column of their own, beside the two of the table
    marks = [row[0].text.strip() for row in table.rows if row[0].text.strip()]
    return bool(marks) and all(_LIST_MARK.match(mark) for mark in marks)


def _table(lines: list[Line], gutter: tuple[float, float], number: int,
           header_lines: int = 0, by_line: bool = False) -> FoundTable:
    """The table of a run of lines. Rows start where white stands above a line; in a label |
    figure table (``by_line``) every line after its ``header_lines`` (one row) is a row. The
    right column starts where the gutter ends: a wrapped left cell's line may run past the
    gutter's middle, as the widest of its lines does."""
    split = max((gutter[0] + gutter[1]) / 2, gutter[1] - 2)
    # The items' numbers in a column of their own, where the lines' first gutters set them apart:
    # each number starts a row, white above it or not.
    numbered = [line.gutters[0][1] for line in lines
                if line.gutters and len(_gutters(line)) < len(line.gutters)]
    first = min(numbered) - 1 if len(numbered) >= _MIN_GUTTER_LINES else None
    rows: list[list[Line]] = []
    for k, line in enumerate(lines):
        if 0 < k < header_lines:
            rows[-1].append(line)
        elif by_line or not rows or (line.x0 < first if first is not None else
                                     line.top - rows[-1][-1].bottom > _ROW_GAP * line.size):
            rows.append([line])
        else:
            rows[-1].append(line)
    left_right = max((g.x1 for line in lines for g in line.glyphs if g.x0 < split), default=split)
    right_right = max((line.x1 for line in lines), default=split)
    cells: list[tuple[Cell, ...]] = []
    for row in rows:
        left: list[Glyph] = [g for line in row for g in line.glyphs if (g.x0 + g.x1) / 2 < split]
        right: list[Glyph] = [g for line in row for g in line.glyphs if (g.x0 + g.x1) / 2 >= split]
        if first is None:
            cells.append((Cell(cell_spans(left, number, left_right)),
                          Cell(cell_spans(right, number, right_right))))
            continue
        marks = [g for g in left if g.x1 <= first]
        words = [g for g in left if g.x1 > first]
        cells.append((Cell(cell_spans(marks, number, first)),
                      Cell(cell_spans(words, number, left_right)),
                      Cell(cell_spans(right, number, right_right))))
    header = 1 if header_lines or cells and all(
        all(s.bold for s in c.spans if s.text.strip()) and c.text.strip() for c in cells[0]) else 0
    box = (round(min(line.x0 for line in lines), 2), round(min(line.top for line in lines), 2),
           round(max(line.x1 for line in lines), 2), round(max(line.bottom for line in lines), 2))
    columns = (round(min(line.x0 for line in lines), 1),) + (
        (round(first + 1, 1),) if first is not None else ()) + (round(gutter[1], 1),)
    return FoundTable(box, tuple(cells), columns, header)
