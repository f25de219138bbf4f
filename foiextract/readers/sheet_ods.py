"""The OpenDocument spreadsheet reader: ``.ods`` files (LibreOffice Calc, and Excel's "Save
as ODS") read from their ``content.xml`` with lxml.

pandas' ``odf`` engine (on odfpy) gives a sheet's values but not what a table's layout
needs: its merged ranges, which sheets are hidden, which cells are bold. The format is one
XML part, so it is read here directly, after the package is checked as a Word file's is
(zip bombs, entity declarations: :mod:`.docx_package`), with a parser that resolves no
entity and fetches nothing. A cell's typed value is read where the file gives one (a
number, a percentage, an amount, a date, a formula's saved result), else its text; a run
of empty rows or columns repeated to the sheet's end (as Calc writes them) is skipped, not
spelt out.

>>> doc = read("corpora/sheets/midshire_police_hospital_crime.ods")  # doctest: +SKIP
>>> doc.metadata["workbook"]  # doctest: +SKIP
'ods'
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any

from lxml import etree

from ..errors import CorruptFile, TooLarge
from ..model import Document
from .docx_package import check_package
from .sheet import Merge, Sheet, SheetCell, cell_text, read_bytes, sheets_document

MAX_CELLS = 2_000_000
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
_CURRENCY = {"GBP": "£", "USD": "$", "EUR": "€"}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_ROW, _CELL = _q("table:table-row"), _q("table:table-cell")
_COVERED = _q("table:covered-table-cell")


def read(path: str) -> Document:
    """Read an OpenDocument spreadsheet into a :class:`Document`.

    >>> doc = read("corpora/sheets/midshire_police_hospital_crime.ods")  # doctest: +SKIP
    >>> doc.metadata["sheets"]  # doctest: +SKIP
    'Crimes by year; Outcomes 2022-2023'
    """
    data = read_bytes(path)
    check_package(path, data, what="spreadsheet")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
    except KeyError:
        raise CorruptFile(path, "the spreadsheet has no content.xml part") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise CorruptFile(path, "a part of the spreadsheet package cannot be unpacked") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError:
        raise CorruptFile(path, "the spreadsheet's content.xml is damaged") from None
    hidden, bold = _styles(root)
    sheets = [_sheet(path, table, hidden, bold)
              for table in root.iter(_q("table:table"))
              if table.getparent() is not None and
              table.getparent().tag == _q("office:spreadsheet")]
    return sheets_document(path, sheets, "spreadsheet", {"workbook": "ods"})


def _styles(root: Any) -> tuple[set[str], set[str]]:
    """The automatic styles that hide a sheet, and those that set a cell's text in bold."""
    hidden, bold = set(), set()
    for style in root.iter(_q("style:style")):
        name = style.get(_q("style:name"), "")
        table = style.find(_q("style:table-properties"))
        if table is not None and table.get(_q("table:display")) == "false":
            hidden.add(name)
        text = style.find(_q("style:text-properties"))
        if text is not None and text.get(_q("fo:font-weight")) in ("bold", "700", "800", "900"):
            bold.add(name)
    return hidden, bold


def _sheet(path: str, table: Any, hidden: set[str], bold: set[str]) -> Sheet:
    rows: dict[int, tuple[SheetCell, ...]] = {}
    merges: list[Merge] = []
    hidden_rows: set[int] = set()
    r = 0
    for row in table.iter(_ROW):
        repeat = _count(row, "table:number-rows-repeated")
        cells, row_merges = _row(row, r, bold)
        if any(cell.text for cell in cells):
            if row.get(_q("table:visibility"), "visible") != "visible":  # collapse, filter
                hidden_rows.update(range(r, r + repeat))
            if repeat * len(cells) > MAX_CELLS or len(rows) * len(cells) > MAX_CELLS:
                raise TooLarge(path, f"a sheet of the workbook has more than {MAX_CELLS:,} "
                               "cells", limit=MAX_CELLS)
            for k in range(repeat):
                rows[r + k] = cells
            merges.extend(row_merges)
        r += repeat
    last = max(rows, default=-1)
    grid = tuple(rows.get(k, ()) for k in range(last + 1))
    return Sheet(table.get(_q("table:name"), ""), grid, tuple(merges),
                 hidden=table.get(_q("table:style-name"), "") in hidden,
                 hidden_rows=frozenset(hidden_rows),
                 hidden_columns=_hidden_columns(table, max((len(row) for row in grid), default=0)))


def _hidden_columns(table: Any, width: int) -> frozenset[int]:
    """The columns, of the ``width`` holding something, that the sheet's column definitions
    hide (``table:visibility`` not visible; Calc repeats the last to the sheet's end)."""
    hidden: set[int] = set()
    c = 0
    for column in table.iter(_q("table:table-column")):
        repeat = _count(column, "table:number-columns-repeated")
        if column.get(_q("table:visibility"), "visible") != "visible":
            hidden.update(range(c, min(c + repeat, width)))
        c += repeat
        if c >= width:
            break
    return frozenset(hidden)


def _row(row: Any, r: int, bold: set[str]) -> tuple[tuple[SheetCell, ...], list[Merge]]:
    cells: list[SheetCell] = []
    merges: list[Merge] = []
    c = 0
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        repeat = _count(cell, "table:number-columns-repeated")
        sheet_cell = _cell(cell, bold) if cell.tag == _CELL else SheetCell()
        if sheet_cell.text:
            cells.extend([SheetCell()] * (c - len(cells)))
            cells.extend([sheet_cell] * min(repeat, MAX_CELLS))
        across = _count(cell, "table:number-columns-spanned")
        down = _count(cell, "table:number-rows-spanned")
        if cell.tag == _CELL and (across > 1 or down > 1):
            merges.append(Merge(r, c, r + down - 1, c + across - 1))
        c += repeat
    return tuple(cells), merges


def _cell(cell: Any, bold: set[str]) -> SheetCell:
    kind = cell.get(_q("office:value-type"))
    shown = "\n".join("".join(p.itertext()) for p in cell.iter(_q("text:p"))).strip()
    value: object = shown
    form = "General"
    if kind in ("float", "percentage", "currency"):
        value = _float(cell.get(_q("office:value")))
        form = "0%" if kind == "percentage" else "General"
        if kind == "currency":
            form = _CURRENCY.get(cell.get(_q("office:currency"), ""), "") + "0.00"
    elif kind == "date":
        value = _date(cell.get(_q("office:date-value"), ""))
        # The shown text says whether the day is printed ("Jan-19" against "01/01/2019").
        form = "mmm-yy" if re.search(r"[A-Za-z]", shown) and len(re.findall(r"\d+", shown)) <= 1 \
            else "yyyy-mm-dd"
    elif kind == "boolean":
        value = cell.get(_q("office:boolean-value")) == "true"
    if value is None:
        value = shown
    text, number = cell_text(value, form)
    return SheetCell(text, number, bool(text) and cell.get(_q("table:style-name")) in bold)


def _count(element: Any, attribute: str) -> int:
    try:
        return max(1, int(element.get(_q(attribute), "1")))
    except ValueError:
        return 1


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text[:19])
    except ValueError:
        return None
