"""The old Excel reader: ``.xls`` (Excel 97-2003, BIFF) workbooks through xlrd.

xlrd 2 reads only ``.xls`` (the format it was written for, no longer changing), offline and
in pure Python, with each cell's type (a number, a date, text, a formula's saved result),
its number format, merged ranges and which sheets are hidden. Without xlrd installed an
``.xls`` file is a :class:`~foiextract.errors.ConverterMissing` error saying how to install
it; a password-protected workbook is :class:`~foiextract.errors.Encrypted`.

>>> doc = read("corpora/sheets/midshire_police_hospital_crime.xls")  # doctest: +SKIP
>>> doc.metadata["workbook"]  # doctest: +SKIP
'xls'
"""

from __future__ import annotations

import warnings
from datetime import datetime
from typing import Any

from ..errors import ConverterMissing, CorruptFile, Encrypted, TooLarge
from ..model import Document
from .sheet import Merge, Sheet, SheetCell, cell_text, read_bytes, sheets_document

MAX_CELLS = 2_000_000
_INSTALL = "reading .xls workbooks needs xlrd: pip install xlrd"


def read(path: str) -> Document:
    """Read an Excel 97-2003 workbook into a :class:`Document`.

    >>> len(read("corpora/sheets/midshire_police_hospital_crime.xls").blocks)  # doctest: +SKIP
    11
    """
    try:
        import xlrd
    except ImportError:
        raise ConverterMissing(path, _INSTALL) from None
    data = read_bytes(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = xlrd.open_workbook(file_contents=data, formatting_info=True,
                                      logfile=_Quiet(), on_demand=True)
    except xlrd.biffh.XLRDError as err:
        if "encrypt" in str(err).lower():
            raise Encrypted(path, "the workbook is password-protected") from None
        raise CorruptFile(path, "the .xls workbook is damaged and could not be read") from None
    except Exception as err:  # struct, index and assertion errors on damaged records
        raise CorruptFile(path, f"the .xls workbook could not be read ({type(err).__name__})"
                          ) from None
    try:
        sheets = [_sheet(path, book, index) for index in range(book.nsheets)]
    except (TooLarge, CorruptFile):
        raise
    except Exception as err:
        raise CorruptFile(path, f"a sheet of the .xls workbook is damaged ({type(err).__name__})"
                          ) from None
    finally:
        book.release_resources()
    return sheets_document(path, sheets, "spreadsheet", {"workbook": "xls"})


def _sheet(path: str, book: Any, index: int) -> Sheet:
    import xlrd

    ws = book.sheet_by_index(index)
    if ws.nrows * ws.ncols > MAX_CELLS:
        raise TooLarge(path, f"a sheet of the workbook has more than {MAX_CELLS:,} cells",
                       limit=MAX_CELLS)
    rows = []
    for r in range(ws.nrows):
        cells = []
        for c in range(ws.row_len(r)):
            cell = ws.cell(r, c)
            xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
            shown = book.format_map[xf.format_key].format_str if xf is not None and \
                xf.format_key in book.format_map else "General"
            bold = xf is not None and bool(book.font_list[xf.font_index].bold)
            value: object = cell.value
            if cell.ctype == xlrd.XL_CELL_DATE:
                value = datetime(*xlrd.xldate_as_tuple(cell.value, book.datemode))
            elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                value = None
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(cell.value)
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                value = xlrd.error_text_from_code.get(cell.value, "#ERROR")
            text, number = cell_text(value, shown)
            cells.append(SheetCell(text, number, bold and bool(text)))
        while cells and not cells[-1].text:
            cells.pop()
        rows.append(tuple(cells))
    merges = tuple(Merge(top, left, bottom - 1, right - 1)
                   for top, bottom, left, right in ws.merged_cells)
    hidden_rows = frozenset(r for r, info in ws.rowinfo_map.items() if info.hidden)
    hidden_columns = frozenset(c for c, info in ws.colinfo_map.items() if info.hidden)
    return Sheet(ws.name, tuple(rows), merges, hidden=ws.visibility != 0,
                 hidden_rows=hidden_rows, hidden_columns=hidden_columns)


class _Quiet:
    """A log file that keeps nothing: xlrd writes warnings about odd records to its log."""

    def write(self, text: str) -> int:
        return len(text)
