"""Spreadsheets as documents: every sheet's tables, and the text around them, as blocks.

The spreadsheet readers (:mod:`.sheet_xlsx`, :mod:`.sheet_xls`, :mod:`.sheet_ods`,
:mod:`.sheet_csv`) each turn a file into :class:`Sheet` grids of :class:`SheetCell`; this
module lays a grid out as a person reads it. Blank rows part a sheet into bands. In a band,
rows with two or more cells filled make a table; the lines above it (a title, "Source:",
"Date:") and below it (footnotes: "* denotes 1 to 4", "we do not hold data before 2019")
are paragraphs of the document, so its facts are read as a letter's are. A table's header
rows are the leading rows holding no figure (a row of years is a header). A merged cell
spreads over the columns it covers (a ``colspan``, as Word's and HTML's merged cells do);
down the rows it covers it is repeated in the body (a row label merged over three rows
labels all three) and stands once in the header (so "Total" merged over two header rows is
one label, not "Total Total"). Each block's ``Source`` gives its sheet rows as lines.

>>> grid = [["Crimes on hospital grounds"], [],
...         ["Crime", "2019", "2020"], ["Arson", "2", "<5"], ["Total", "4", "3"], [],
...         ["<5: fewer than five, suppressed"]]
>>> sheet = Sheet("Sheet1", tuple(tuple(SheetCell(t) for t in row) for row in grid))
>>> doc = sheets_document("x.csv", [sheet], "csv")
>>> [(b.kind, b.header_rows, b.source.line_start) for b in doc.blocks]
[('heading', 0, 1), ('table', 1, 3), ('paragraph', 0, 7)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Sequence

from ..errors import EmptyFile, NotFound, TooLarge
from ..model import Block, Cell, Document, Format, Source, Span

__all__ = ["Merge", "Sheet", "SheetCell", "cell_text", "read_bytes", "sheets_document"]

MAX_FILE_BYTES = 256 * 1024 * 1024

# Sheet names a program gives on its own, and bare question numbers ("Q1", "Question 2",
# which the title row under them restates in full): a sheet so named is not announced by a
# heading (a lone "Q2" would read as a label opening a question).
_DEFAULT_NAME = re.compile(r"^(?:(?:sheet|feuil|tabelle|hoja|foglio|blad|arkusz)\s*\d*"
                           r"|(?:q|question)\s*\d+[a-z]?)$", re.I)
# What a data cell holds rather than a label: a figure, a suppression mark, a dash.
_FIGURE_TEXT = re.compile(r"^\s*(?:[<>≤≥~]\s*)?[£$€]?\s*-?\d[\d,.]*\s*%?\s*$"
                          r"|^\s*(?:[-–—*†‡]|\.\.|n/?a|nil|x)\s*$", re.I)
_YEAR_TEXT = re.compile(r"^\s*(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?\s*$")
# A title longer than this is a sentence of notes, not a heading.
_TITLE_CHARS = 150


@dataclass(frozen=True, slots=True)
class SheetCell:
    """One cell as shown: its text, whether it holds a number (not text that looks like
    one), and whether it is set in bold.

    >>> SheetCell("2019", number=True).is_figure, SheetCell("259", number=True).is_figure
    (False, True)
    """

    text: str = ""
    number: bool = False
    bold: bool = False

    @property
    def is_figure(self) -> bool:
        """A data cell's content: a number that is not a year, or a mark such as "<5" or "-"."""
        if self.number:
            return not _YEAR_TEXT.match(self.text)
        return bool(self.text.strip()) and bool(_FIGURE_TEXT.match(self.text)) and not (
            _YEAR_TEXT.match(self.text))


@dataclass(frozen=True, slots=True)
class Merge:
    """A merged range, 0-based and inclusive, in the sheet's grid.

    >>> Merge(2, 1, 2, 2)  # B3:C3, a year over two hospitals
    Merge(top=2, left=1, bottom=2, right=2)
    """

    top: int
    left: int
    bottom: int
    right: int


@dataclass(frozen=True, slots=True)
class Sheet:
    """One sheet: its rows of cells from A1 (row 0 is the sheet's row 1), its merged ranges,
    whether it is hidden, and its hidden rows and columns (0-based), which are left out as
    a reader of the sheet never sees them.

    >>> Sheet("Workings", ((SheetCell("x"),),), hidden=True).empty
    False
    """

    name: str
    rows: tuple[tuple[SheetCell, ...], ...]
    merges: tuple[Merge, ...] = ()
    hidden: bool = False
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()

    @property
    def empty(self) -> bool:
        return not any(cell.text.strip() for row in self.rows for cell in row)

    def hidden_filled(self) -> tuple[int, int]:
        """How many hidden rows, and hidden columns, hold something."""
        rows = sum(1 for r in self.hidden_rows if r < len(self.rows) and any(
            cell.text.strip() for cell in self.rows[r]))
        columns = sum(1 for c in self.hidden_columns if any(
            c < len(row) and row[c].text.strip() for row in self.rows))
        return rows, columns


def read_bytes(path: str) -> bytes:
    """A spreadsheet file's bytes (:class:`NotFound`, :class:`TooLarge`, :class:`EmptyFile`
    as for any file).

    >>> read_bytes("corpora/sheets/library_visits_by_branch.csv")[:6]  # doctest: +SKIP
    b'Librar'
    """
    file = Path(path)
    try:
        if not file.is_file():
            raise NotFound(path, "not a regular file")
        if file.stat().st_size > MAX_FILE_BYTES:
            raise TooLarge(path, f"the file is over {MAX_FILE_BYTES // (1024 * 1024)} MB",
                           limit=MAX_FILE_BYTES)
        data = file.read_bytes()
    except OSError as err:
        raise NotFound(path, f"the file cannot be opened ({type(err).__name__})") from None
    if not data.strip():
        raise EmptyFile(path)
    return data


def cell_text(value: object, number_format: str = "General") -> tuple[str, bool]:
    """A cell's value as the sheet shows it (close enough to read), and whether it is a number.

    Dates are ISO dates, or month and year where the format shows no day; percentages and
    pounds keep their sign; a whole number loses its ``.0``.

    >>> cell_text(259.0), cell_text(0.125, "0.0%"), cell_text(1234.5, '"£"#,##0.00')
    (('259', True), ('12.5%', True), ('£1234.50', True))
    >>> cell_text(datetime(2019, 1, 1), "mmm-yy"), cell_text(date(2019, 5, 3))
    (('Jan 2019', False), ('2019-05-03', False))
    """
    if value is None:
        return "", False
    if isinstance(value, bool):
        return ("Yes" if value else "No"), False
    if isinstance(value, (datetime, date)):
        shown = number_format.lower().split(";")[0]
        without_day = "d" not in re.sub(r'"[^"]*"|\[[^\]]*\]', "", shown)
        if without_day and ("m" in shown or "y" in shown):
            return value.strftime("%b %Y"), False
        return (value.date() if isinstance(value, datetime) else value).isoformat(), False
    if isinstance(value, time):
        return value.isoformat(), False
    if isinstance(value, (int, float)):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            return "", False
        shown = number_format.split(";")[0]
        if "%" in shown:
            return f"{number * 100:.10g}%", True
        text = str(int(number)) if number.is_integer() else f"{number:.10g}"
        for sign in ("£", "$", "€"):
            if sign in shown:
                return f"{sign}{number:.2f}" if not number.is_integer() or ".00" in shown \
                    else f"{sign}{text}", True
        return text, True
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip(), False


def sheets_document(path: str, sheets: Sequence[Sheet], format: Format,
                    metadata: dict[str, str] | None = None) -> Document:
    """The document of a workbook's (or a CSV file's) sheets: hidden and empty sheets left
    out (the hidden ones named in ``metadata["hidden_sheets"]``), each other sheet's blocks
    in order, under a heading of its name (level 1; a sheet's title is level 2) where it has
    one of its own: a sheet named for a financial year gives its tables' cells that period."""
    shown = [s for s in sheets if not s.hidden and not s.empty]
    blocks: list[Block] = []
    for sheet in shown:
        if sheet.name.strip() and not _DEFAULT_NAME.match(sheet.name.strip()):
            blocks.append(Block("heading", (Span(sheet.name.strip(), bold=True),), level=1,
                                source=Source(line_start=1, line_end=1)))
        blocks.extend(_Layout(sheet).blocks())
    if not blocks:
        raise EmptyFile(path, "the spreadsheet has no cells with anything in them")
    meta = dict(metadata or {})
    meta["sheets"] = "; ".join(s.name for s in shown)
    hidden = [s.name for s in sheets if s.hidden and not s.empty]
    if hidden:
        meta["hidden_sheets"] = "; ".join(hidden)
    left_out = [(s.name, *s.hidden_filled()) for s in shown]
    if any(rows or columns for _, rows, columns in left_out):
        meta["hidden_cells"] = "; ".join(
            f"{name or 'the sheet'}: {rows} rows, {columns} columns"
            for name, rows, columns in left_out if rows or columns)
    return Document(blocks=tuple(blocks), format=format, source=path, metadata=meta)


class _Layout:
    """One sheet's grid, its merges resolved, laid out into blocks."""

    def __init__(self, sheet: Sheet) -> None:
        width = max((len(row) for row in sheet.rows), default=0)
        self.grid = [list(row) + [SheetCell()] * (width - len(row)) for row in sheet.rows]
        self.width = width
        self.window = range(width)  # the columns being laid out (tables side by side)
        self.hidden_rows, self.hidden_columns = sheet.hidden_rows, sheet.hidden_columns
        # (row, col) of a merge's first cell -> the merge; (row, col) covered -> the merge.
        self.starts: dict[tuple[int, int], Merge] = {}
        self.covered: dict[tuple[int, int], Merge] = {}
        for merge in sheet.merges:
            if merge.top >= len(self.grid) or merge.left >= width:
                continue
            merge = Merge(merge.top, merge.left, min(merge.bottom, len(self.grid) - 1),
                          min(merge.right, width - 1))
            self.starts[(merge.top, merge.left)] = merge
            for r in range(merge.top, merge.bottom + 1):
                for c in range(merge.left, merge.right + 1):
                    if (r, c) != (merge.top, merge.left):
                        self.covered[(r, c)] = merge

    def filled(self, row: int) -> list[int]:
        """The columns of a row, in the columns being laid out, holding something (a merged
        cell counted once)."""
        cells = self.grid[row]
        return [c for c in self.window if c < len(cells) and cells[c].text.strip()
                and c not in self.hidden_columns]

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        self.window = range(self.width)
        for band in self.bands(range(len(self.grid))):
            # Tables side by side, blank columns between them, are laid out one by one.
            for window in self.column_groups(band):
                self.window = window
                for part in self.bands(band):
                    out.extend(self.band_blocks(part, first=not out))
                self.window = range(self.width)
        return out

    def bands(self, rows: Sequence[int]) -> list[list[int]]:
        """The runs of rows with something in the columns being laid out, blank rows between."""
        bands: list[list[int]] = [[]]
        for row in rows:
            if row in self.hidden_rows:
                continue  # neither read nor a break between tables
            if self.filled(row):
                bands[-1].append(row)
            elif bands[-1]:
                bands.append([])
        return [band for band in bands if band]

    def column_groups(self, band: list[int]) -> list[range]:
        """The band's runs of columns with something in them, a blank column between each. A
        run whose first column holds figures rather than labels carries on the table to its
        left (a spacer column inside one table, not two tables)."""
        shown = [c for c in range(self.width) if c not in self.hidden_columns]
        used = [i for i, c in enumerate(shown) if any(
            self.grid[r][c].text.strip() or (r, c) in self.covered for r in band)]
        groups: list[list[int]] = []
        for index in used:  # a hidden column between two is no gap
            if groups and index == groups[-1][-1] + 1:
                groups[-1].append(index)
            else:
                groups.append([index])
        groups = [[shown[i] for i in group] for group in groups]
        windows: list[range] = []
        for group in groups:
            texts = [self.grid[r][group[0]] for r in band if self.grid[r][group[0]].text.strip()]
            figures = sum(cell.is_figure for cell in texts)
            if windows and figures * 2 > len(texts):
                windows[-1] = range(windows[-1].start, group[-1] + 1)
            else:
                windows.append(range(group[0], group[-1] + 1))
        return windows or [range(self.width)]

    def band_blocks(self, band: list[int], first: bool) -> list[Block]:
        """A run of rows with no blank row among them: text lines, tables, text lines."""
        counts = [len(self.filled(r)) for r in band]
        wide = [i for i, count in enumerate(counts) if count >= 2]  # indices into the band
        # "Force: | Leicestershire" over a table four columns wide is a line of text.
        while len(wide) >= 2 and max(counts) >= 4 and counts[wide[0]] <= 2 and \
                counts[wide[1]] > 2:
            wide.pop(0)
        if len(wide) < 2:
            return [self.line(r, heading=first and i == 0) for i, r in enumerate(band)]
        start, end = wide[0], wide[-1]
        out = [self.line(r, heading=first and i == 0) for i, r in enumerate(band[:start])]
        table: list[int] = []
        for index in range(start, end + 1):
            r = band[index]
            # A line of text across a table, over a header, starts a table of its own.
            if table and len(self.filled(r)) < 2 and self.header_like(band[index + 1]):
                out.extend(self.table_blocks(table))
                out.append(self.line(r))
                table = []
                continue
            table.append(r)
        out.extend(self.table_blocks(table))
        out.extend(self.line(r) for r in band[end + 1:])
        return out

    def header_like(self, row: int) -> bool:
        """A row of labels: two or more cells filled and no figure past the first."""
        cols = self.filled(row)
        return len(cols) >= 2 and not any(self.grid[row][c].is_figure for c in cols[1:])

    def line(self, row: int, heading: bool = False) -> Block:
        """A row of text as a paragraph (its cells joined by a space, a label and its figure
        by a colon: "Crimes recorded in 2023: 214"); a sheet's first line, when short, is
        its title."""
        cells = [self.grid[row][c] for c in self.filled(row)]
        texts = [cell.text.strip() for cell in cells]
        if len(cells) == 2 and cells[1].is_figure and not cells[0].is_figure and \
                not texts[0].endswith((":", "-", "–")):
            texts[0] += ":"
        text = " ".join(texts)
        source = Source(line_start=row + 1, line_end=row + 1)
        if heading and len(text) <= _TITLE_CHARS and "\n" not in text:
            return Block("heading", (Span(text, bold=True),), level=2, source=source)
        return Block("paragraph", (Span(text, bold=all(c.bold for c in cells)),), source=source)

    def table_blocks(self, rows: list[int]) -> list[Block]:
        if not rows:
            return []
        if len(rows) < 2:
            return [self.line(rows[0])]
        header = 0
        while header < len(rows) - 1 and self.header_like(rows[header]):
            header += 1
        # Columns with nothing in any row of the table (spacers), and hidden ones, are left out.
        kept = [c for c in self.window if c not in self.hidden_columns and (any(
            self.grid[r][c].text.strip() for r in rows) or self._merged(rows, c))]
        block_rows = tuple(self.table_row(r, kept, in_header=i < header)
                           for i, r in enumerate(rows))
        return [Block("table", rows=block_rows, header_rows=header,
                      source=Source(line_start=rows[0] + 1, line_end=rows[-1] + 1))]

    def _merged(self, rows: list[int], col: int) -> bool:
        return any((r, col) in self.covered or (r, col) in self.starts for r in rows)

    def table_row(self, row: int, kept: list[int], in_header: bool) -> tuple[Cell, ...]:
        cells: list[Cell] = []
        index = 0
        while index < len(kept):
            col = kept[index]
            merge = self.starts.get((row, col)) or self.covered.get((row, col))
            if merge is None:
                cells.append(self._cell(self.grid[row][col], row))
                index += 1
                continue
            # The merge's columns among those kept, from here: one cell spanning them.
            span = 1
            while index + span < len(kept) and kept[index + span] <= merge.right:
                span += 1
            first = self.grid[merge.top][merge.left]
            if merge.top == row or not in_header:
                cells.append(self._cell(first, row, span))
            else:  # a header row the merge reaches down into: the label stands once, above
                cells.extend(Cell(line=row + 1) for _ in range(span))
            index += span
        return tuple(cells)

    @staticmethod
    def _cell(cell: SheetCell, row: int, span: int = 1) -> Cell:
        text = " ".join(cell.text.split())
        return Cell((Span(text, bold=cell.bold),) if text else (), colspan=span, line=row + 1)
