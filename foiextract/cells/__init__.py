"""Every figure in a response's tables, one row a data cell, with its header path and value.

A table block (any format: the readers all give rows of cells) is read as a journalist
reads it: the header rows at the top give each column its labels (a spanning header
repeated over the columns it spans), the stub columns at the left give each row its labels
(a label left blank under a merged cell carries down), and every other cell is a data cell,
read by the same value reader as answers ("<5", "*", "-", "n/a" and "0" stay apart; a mark
that a note under the table defines takes that meaning). Rows and columns labelled total
are marked, and :mod:`.checks` adds them up again.

>>> from foiextract.model import Block, Cell, Span
>>> t = Block("table", rows=tuple(tuple(Cell((Span(x),)) for x in row) for row in
...     [["Crime", "2019/20", "2020/21"], ["Arson", "2", "<5"], ["Total", "7", "4"]]))
>>> [(c.row_labels, c.column_labels, c.kind, c.value, c.is_total) for c in table_cells(t, 1)][:2]
[(('Arson',), ('2019/20',), 'count', '2', False), (('Arson',), ('2020/21',), 'suppressed', '<5', False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

from ..model import Block, Document, Source
from ..values import parse_answer
from .periods import read_period

__all__ = ["TableCell", "document_cells", "is_total_label", "table_captions", "table_cells"]

_TOTAL = re.compile(r"\b(?:grand\s+)?totals?\b|\bsum\b|\ball\s+(?:years|crimes|cases)\b", re.I)
# A figure-like cell: what a data cell holds rather than a label.
_FIGURE = re.compile(r"^\s*(?:[<>≤≥~]|c\.|approx\.?)?\s*[£$€]?\s*\d[\d,.]*\s*(?:%|[kmb]n?)?\s*$"
                     r"|^\s*(?:[-–—*†‡]|n/?a|nil|none|x|\.\.|:)\s*$|^\s*$", re.I)
# A note under a table saying what a mark means: "* denotes a figure between 1 and 4".
_NOTE = re.compile(r"(?P<mark>[*†‡]|[-–—](?=\s*(?:=|denotes|means|indicates|represents|shows)))"
                   r"\s*(?:=|:|denotes|means|indicates|represents|shows|signifies|is)\s+"
                   r"(?P<meaning>[^.;\n]{2,120})", re.I)


def is_total_label(label: str) -> bool:
    """True for a label naming a total ("Total", "Grand Total", "All years").

    >>> is_total_label("Grand Total"), is_total_label("Arson")
    (True, False)
    """
    return bool(_TOTAL.search(label))


@dataclass(frozen=True, slots=True)
class TableCell:
    """One data cell of a table, with where it stands and what it says."""

    table_no: int
    row_no: int          # 1-based among the table's data rows
    col_no: int          # 1-based among the table's data columns
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    text: str
    kind: str
    value: str
    number: float | None
    unit: str | None
    low: float | None
    high: float | None
    date_start: str | None   # the period the cell's labels name (2019/20, Q2 2021, Jan-19), ISO
    date_end: str | None
    is_total: bool
    source: Source
    request_item: int | None = None  # the request item the table answers, where known


def document_cells(document: Document,
                   items: Mapping[int, int | None] | None = None) -> list[TableCell]:
    """The data cells of every table in a document, table by table. ``items`` maps a table
    block's ``id()`` to the request item it answers (the pair whose answer holds it)."""
    cells: list[TableCell] = []
    blocks = document.blocks
    number = 0
    for index, block in enumerate(blocks):
        if block.kind != "table" or not block.rows:
            continue
        number += 1
        notes = " ".join(b.text for b in blocks[index + 1:index + 4] if b.kind != "table")
        cells.extend(table_cells(block, number, notes, (items or {}).get(id(block)),
                                 _heading_period(blocks[:index])))
    return cells


def _heading_period(before: Sequence[Block]) -> tuple[str | None, str | None]:
    """The period the headings over a table name ("2022-23", a spreadsheet's sheet for a
    financial year), for cells whose own labels name none: the nearest heading that names
    one, looking back no further than the first top-level heading."""
    for block in reversed(before[-8:]):
        if block.kind != "heading":
            continue
        period = _period([block.text])
        if period[0] is not None or block.level <= 1:
            return period
    return None, None


# A caption is short: a title over a table, not the letter's paragraph before it.
_CAPTION_LENGTH = 200


def table_captions(document: Document) -> list[str]:
    """The words standing over each table of a document, numbered as :func:`document_cells`
    numbers them: the short paragraphs or headings since the table before it ("Total No.
    of Crimes at Hospitals"); empty for a table with none."""
    captions: list[str] = []
    above: list[str] = []
    for block in document.blocks:
        if block.kind != "table":
            text = " ".join(block.text.split())
            above = (above + [text])[-2:] if 0 < len(text) <= _CAPTION_LENGTH else []
            continue
        if block.rows:
            captions.append(" ".join(above))
        above = []
    return captions


def table_cells(block: Block, table_no: int, notes: str = "",
                request_item: int | None = None,
                period: tuple[str | None, str | None] = (None, None)) -> list[TableCell]:
    """The data cells of one table block; ``notes`` is the text under it (mark meanings),
    ``period`` the one its headings name, for cells whose labels name none."""
    grid, spanned = _grid(block)
    if len(grid) < 2 or max(len(row) for row in grid) < 2:
        return []
    width = max(len(row) for row in grid)
    if _corner_unprinted(grid, width):
        grid[0], spanned[0] = [""] + grid[0], [False] + spanned[0]
    grid = [row + [""] * (width - len(row)) for row in grid]
    spanned = [row + [False] * (width - len(row)) for row in spanned]
    header = _header_rows(block, grid)
    stub = _stub_columns(grid, header)
    meanings = _meanings(notes)
    column_labels = [_column_path(grid[:header], spanned[:header], col) for col in range(width)]
    cells: list[TableCell] = []
    carried = [""] * stub
    # A reader that knows each row's line (a spreadsheet's row) gives each cell its own.
    lines = [next((c.line for c in row if c.line is not None), None) for row in block.rows]
    for row_no, (row, spans) in enumerate(zip(grid[header:], spanned[header:]), start=1):
        line = lines[header + row_no - 1]
        source = block.source if line is None else Source(line_start=line, line_end=line)
        labels = []
        for col in range(stub):
            if row[col].strip():
                carried[col] = row[col]
                carried[col + 1:] = [""] * (stub - col - 1)
            labels.append(carried[col])
        row_labels = tuple(label for label in labels if label)
        if all(not text.strip() for text in row[stub:]):
            continue  # a spacer or a section label across the table
        col = stub
        while col < width:
            # A data cell spanning columns stands once, under the one of them that has a label.
            end = col + 1
            while spans[col] and end < width and spans[end] and row[end] == row[col]:
                end += 1
            under = next((c for c in range(col, end) if column_labels[c]), col)
            cells.append(_cell(table_no, row_no, col - stub + 1, row_labels, column_labels[under],
                               row[col], meanings, source, request_item, period))
            col = end
    return _dashes_as_nil(cells)


def _dashes_as_nil(cells: list[TableCell]) -> list[TableCell]:
    """A dash with no note, in a table of counts, is nil: the count 0 (as official statistics
    print it, and as the printed totals add up)."""
    counted = [c for c in cells if c.kind in ("count", "none")]
    if not counted or sum(c.kind == "count" for c in counted) < len(counted) / 2:
        return cells
    return [replace(c, kind="count", value="0", number=0.0) if c.kind == "none" and c.text.strip()
            in ("-", "–", "—") else c for c in cells]


def _grid(block: Block) -> tuple[list[list[str]], list[list[bool]]]:
    """The table's text as rows of columns, a spanning cell repeated over what it spans, and
    which places a spanning cell fills."""
    grid, spanned = [], []
    for row in block.rows:
        texts: list[str] = []
        spans: list[bool] = []
        for cell in row:
            text = " ".join(cell.text.split())
            texts.extend([text] * max(1, cell.colspan))
            spans.extend([cell.colspan > 1] * max(1, cell.colspan))
        grid.append(texts)
        spanned.append(spans)
    return grid, spanned


def _corner_unprinted(grid: list[list[str]], width: int) -> bool:
    """Whether the top row is the column headings over rows that each open with a label,
    with no cell printed above the labels (a table set in plain text: "2018 2019 2020" over
    "Jan 40 41 39"): it is one cell short of the widest row, its first cell is a heading,
    and every row that wide opens with words."""
    full = [row for row in grid[1:] if len(row) == width]
    return len(grid[0]) == width - 1 and bool(grid[0][0]) and bool(full) and all(
        row[0] and not _FIGURE.match(row[0]) for row in full)


def _header_rows(block: Block, grid: list[list[str]]) -> int:
    """How many rows at the top are headers: the reader's count (and the rows after it that
    carry on its labels: "Grand" over "Total"), else the leading rows whose cells past the
    first are labels while the rows below hold figures."""
    if block.header_rows:
        count = block.header_rows
        while count < len(grid) - 1 and not grid[count][0].strip() and not any(
                _FIGURE.match(t) and t.strip() for t in grid[count]):
            count += 1
        return min(count, len(grid) - 1)
    count = 0
    for row in grid[:-1]:
        rest = [text for text in row[1:] if text.strip()]
        if rest and not any(_FIGURE.match(text) for text in rest) or _is_period_row(rest):
            count += 1
            continue
        break
    if count == 0:
        count = 1 if not any(_FIGURE.match(t) and t.strip() for t in grid[0][1:]) else 0
    return min(count, len(grid) - 1)


def _is_period_row(texts: Sequence[str]) -> bool:
    """A row of years ("2019", "2019/20"): column labels, though they look like figures."""
    return bool(texts) and all(re.fullmatch(r"(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?", t.strip())
                               for t in texts)


def _stub_columns(grid: list[list[str]], header: int) -> int:
    """How many columns at the left are row labels: those whose data cells are mostly words."""
    body = grid[header:]
    stub = 0
    for col in range(len(grid[0]) - 1):
        texts = [row[col] for row in body if row[col].strip()]
        if texts and sum(bool(_FIGURE.match(t)) and not _is_period_row([t]) for t in texts) \
                <= len(texts) // 4:
            stub += 1
            continue
        break
    return max(stub, 1 if header else 0)


def _column_path(header: list[list[str]], spanned: list[list[bool]],
                 col: int) -> tuple[str, ...]:
    """A column's header path, outermost first. A label that spans several columns is a
    level of its own; a label that only this column carries, run on over several header
    rows, is one label wrapped ("Brampton" / "War Memorial" / "Hospital")."""
    path: list[str] = []
    wrapped = ""
    for row, spans_here in zip(header, spanned):
        text = row[col].strip()
        if not text:
            continue
        if spans_here[col]:
            if wrapped:
                path.append(wrapped)
                wrapped = ""
            if not path or path[-1] != text:
                path.append(text)
        else:
            wrapped = f"{wrapped} {text}".strip()
    if wrapped:
        path.append(wrapped)
    return tuple(path)


def _meanings(notes: str) -> dict[str, str]:
    """Mark -> its meaning, from a table's notes ("* = between 1 and 4")."""
    return {m.group("mark").replace("–", "-").replace("—", "-"): m.group("meaning").strip()
            for m in _NOTE.finditer(notes)}


def _cell(table_no: int, row_no: int, col_no: int, row_labels: tuple[str, ...],
          column_labels: tuple[str, ...], text: str, meanings: dict[str, str],
          source: Source, request_item: int | None,
          period: tuple[str | None, str | None] = (None, None)) -> TableCell:
    mark = text.strip().replace("–", "-").replace("—", "-")
    read = text
    if mark in meanings:
        read = _meaning(meanings[mark])  # "-" under "- denotes nil" reads as nil
    if not mark:
        value = parse_answer("")
    elif mark in ("-", "--") and mark not in meanings:
        value = None
    else:
        value = parse_answer(read, "How many?") if _FIGURE.match(read) else parse_answer(read)
    start, end = _period(row_labels + column_labels)
    if start is None:
        start, end = period
    is_total = any(_TOTAL.search(label) for label in row_labels + column_labels)
    if value is None:  # a dash with no note: an explicit nothing, not a blank
        return TableCell(table_no, row_no, col_no, row_labels, column_labels, text, "none", "",
                         None, None, None, None, start, end, is_total, source, request_item)
    return TableCell(table_no, row_no, col_no, row_labels, column_labels, text, value.kind,
                     value.value, value.number, value.unit, value.low, value.high, start, end,
                     is_total, source, request_item)


_BETWEEN = re.compile(r"\b(?:between\s+)?(\d+)\s*(?:and|to|-|–)\s*(\d+)\b", re.I)
_BELOW = re.compile(r"\b(?:fewer|less)\s+than\s+(\d+)\b", re.I)
_NIL = re.compile(r"\b(?:nil|zero|none)\b", re.I)


def _meaning(meaning: str) -> str:
    """A note's meaning for a mark, as an answer the value reader takes: a range of small
    numbers left out ("a figure between 1 and 4") is "<5", nil is "0"."""
    below = _BELOW.search(meaning)
    if below:
        return f"<{below.group(1)}"
    between = _BETWEEN.search(meaning)
    if between and int(between.group(1)) <= 1 and int(between.group(2)) < 20:
        return f"<{int(between.group(2)) + 1}"
    if _NIL.search(meaning):
        return "0"
    return meaning


def _period(labels: Iterable[str]) -> tuple[str | None, str | None]:
    """The period a cell's labels name: a year, a financial year, a quarter, a month."""
    # Each label is read once (periods caches them): the cells of a row or a column share it.
    period = read_period(labels)
    return (period.start, period.end) if period is not None else (None, None)
