"""Tables drawn with box-drawing characters in plain text.

A council's HTML e-mail with a table, saved as text by a request platform or a mail client,
comes out drawn in lines (``┌──┬──┐``, ``│Year │Amount │``, ``├──┼──┤``). Each run of lines
between two rules is a row; a first cell left blank beside filled ones carries on the cell above
(a label spanning several rows); a new box (``┌``) or a rule whose columns stand elsewhere starts
another table (rules that close and open the same columns set a group of rows apart); a row of
one cell is a title.

>>> tables = box_rows([(1, "┌──────┬─────┐"), (2, "│Year  │Spent│"), (3, "├──────┼─────┤"),
...                    (4, "│2017  │£82  │"), (5, "│      │£90  │"), (6, "└──────┴─────┘")])
>>> [[cells for _line, cells in rows] for rows in tables]
[[['Year', 'Spent'], ['2017', '£82 £90']]]
"""

from __future__ import annotations

import re

from ..model import Block, Cell, Source, Span

_BOX = re.compile(r"[\u2500-\u257f]")
_RULE = re.compile(r"^[\u2500-\u257f\s]+$")
_BAR = "│┃║"
_CROSSING = re.compile(r"[┬┼┴╦╬╩╋]")

Row = tuple[int, list[str]]


def is_box_line(text: str) -> bool:
    """True for a line of a drawn table: it opens with a box-drawing character."""
    return bool(text) and _BOX.match(text) is not None


def box_rows(lines: list[tuple[int, str]]) -> list[list[Row]]:
    """The tables drawn in ``(line number, text)`` lines, each a list of rows: the number of
    the row's first line and its cell texts (lines between two rules joined cell by cell)."""
    tables: list[list[Row]] = [[]]
    current: list[tuple[int, list[str]]] = []

    def close() -> None:
        nonlocal current
        if current:
            width = max(len(cells) for _, cells in current)
            row = [" ".join(cells[k] for _, cells in current if k < len(cells) and cells[k]).strip()
                   for k in range(width)]
            rows = tables[-1]
            if rows and len(row) > 1 and not row[0] and any(row[1:]) \
                    and len(rows[-1][1]) == len(row):
                row[0] = rows[-1][1][0]  # a label spanning rows: blank below its first line
            if any(row):
                rows.append((current[0][0], row))
        current = []

    columns: tuple[int, ...] = ()  # where the last full rule crossed the columns
    for number, line in lines:
        text = line.strip()
        if _RULE.match(text):
            close()
            if text[:1] in _BAR:
                continue  # "│ ├──┼──┤": a rule under a label that spans on; the table goes on
            crossing = tuple(m.start() for m in _CROSSING.finditer(line))
            if tables[-1] and (text[:1] in "┌╔" or crossing and columns and crossing != columns):
                tables.append([])  # a new box, or the columns moved: another table
            columns = crossing
            continue
        cells = [c.strip() for c in re.split(f"[{_BAR}]", text)]
        if cells and not cells[0]:
            cells = cells[1:]
        if cells and not cells[-1]:
            cells = cells[:-1]
        current.append((number, cells))
    close()
    return [rows for rows in tables if rows]


def box_table(lines: list[tuple[int, str]]) -> list[Block]:
    """A drawn table as blocks: a row of one cell as a paragraph (a title), each table as a
    table, its first row the header."""
    blocks: list[Block] = []
    for rows in box_rows(lines):
        titles = [(n, cells) for n, cells in rows if len(cells) == 1]
        if len(titles) == len(rows):
            blocks.extend(Block("paragraph", (Span(cells[0]),),
                                source=Source(line_start=n, line_end=n)) for n, cells in rows)
            continue
        while rows and len(rows[0][1]) == 1:  # a title row over the columns
            n, cells = rows.pop(0)
            blocks.append(Block("paragraph", (Span(cells[0]),), source=Source(line_start=n, line_end=n)))
        width = max(len(cells) for _, cells in rows)
        grid = tuple(tuple(Cell((Span(text),) if text else (), line=n)
                           for text in cells + [""] * (width - len(cells))) for n, cells in rows)
        blocks.append(Block("table", rows=grid, header_rows=1 if len(grid) > 1 else 0,
                            source=Source(line_start=rows[0][0], line_end=rows[-1][0])))
    return blocks


# A period heading a column ("2020", "2019/20", "2021-22", "Q1", "Jan-24") and a figure under it.
_PERIOD = re.compile(r"^(?:(?:19|20)\d\d(?:[/-]\d{2,4})?|\d\d/\d\d|Q[1-4]|[A-Z][a-z]{2}-?\d\d)$")
_FIGURE = re.compile(r"^[£$€]?\d[\d,]*(?:\.\d+)?%?$")
_MIN_COLUMNS = 3
_LABEL_WORDS = 4  # a grid row's label ("Jan", "Total spent") is a few words at most


def starts_with_period(text: str) -> bool:
    """The cheap test before :func:`figure_grid`: the line opens with a period ("2020 …")."""
    return bool(text) and (text[0].isdigit() or text[0] in "QJFMASOND") \
        and _PERIOD.match(text.split(" ", 1)[0]) is not None


def figure_grid(lines: list[tuple[int, str]]) -> int:
    """How many of ``lines``, from the first, are a table of figures under a row of periods set
    with single spaces ("2020 2021 2022 2023 2024" over "7,069 8,275 8,726 12,569 14,240"):
    the header, then lines of figures, each after a label of words or not ("Jan 4057 4401"),
    as many as the periods or fewer (a year not yet over); 0 where they are not one.

    >>> figure_grid([(1, "2020 2021 2022"), (2, "7,069 8,275 8,726"), (3, "These figures …")])
    2
    >>> figure_grid([(1, "2021 2022 2023"), (2, "Jan 40 41 39"), (3, "Total spent 90 81"),
    ...              (4, "In 2023 we had 4 more")])
    3
    >>> figure_grid([(1, "2020 2021 2022"), (2, "In 2020 we had")])
    0
    """
    if not lines:
        return 0
    head = lines[0][1].split()
    if len(head) < _MIN_COLUMNS or not all(_PERIOD.match(t) for t in head):
        return 0
    n = 1
    while n < len(lines):
        label, figures = _labelled_figures(lines[n][1])
        if not (len(figures) == len(head) or label and 2 <= len(figures) <= len(head)):
            break
        n += 1
    return n if n > 1 else 0


def _labelled_figures(line: str) -> tuple[str, list[str]]:
    """A grid line's label (its words before the first figure, "" for none) and its figures;
    ("", []) where a word follows a figure or the label is more than a few words."""
    cells = line.split()
    k = next((i for i, t in enumerate(cells) if _FIGURE.match(t)), len(cells))
    label, figures = cells[:k], cells[k:]
    if len(label) > _LABEL_WORDS or not all(_FIGURE.match(t) for t in figures) \
            or (label and not label[0][:1].isalpha()):
        return "", []
    return " ".join(label), figures


def grid_table(lines: list[tuple[int, str]]) -> Block:
    """The lines :func:`figure_grid` found as a table, its periods the header row and each
    row's label, where it has one, its first cell."""
    rows = []
    for n, line in lines[:1]:
        rows.append(tuple(Cell((Span(text),), line=n) for text in line.split()))
    for n, line in lines[1:]:
        label, figures = _labelled_figures(line)
        cells = ([label] if label else []) + figures
        rows.append(tuple(Cell((Span(text),), line=n) for text in cells))
    return Block("table", rows=tuple(rows), header_rows=1,
                 source=Source(line_start=lines[0][0], line_end=lines[-1][0]))
