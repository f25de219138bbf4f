"""The Excel reader: ``.xlsx`` (and ``.xlsm``) workbooks through openpyxl.

The package is checked before openpyxl parses any XML (zip bombs, entity declarations: see
:mod:`.docx_package`); a password-protected workbook (an OLE file wrapping encrypted OOXML)
is an :class:`~foiextract.errors.Encrypted` error. Formulas are read as the values Excel
saved with them (``data_only``: a workbook saved by a program that computes nothing has
none, and such a cell is blank), dates as dates, merged ranges, hidden sheets and hidden
rows and columns as the workbook records them; :mod:`.sheet` lays the sheets out as blocks.

>>> doc = read("corpora/sheets/midshire_police_by_financial_year.xlsx")  # doctest: +SKIP
>>> [b.kind for b in doc.blocks][3:8]  # doctest: +SKIP
['heading', 'heading', 'table', 'table', 'table']
"""

from __future__ import annotations

import io
import warnings
from typing import Any

import openpyxl
from openpyxl.utils import column_index_from_string

from ..errors import CorruptFile, FoiExtractError, TooLarge, UnsupportedFormat
from ..model import Document
from .docx_package import check_not_encrypted, check_package, is_ole
from .sheet import Merge, Sheet, SheetCell, cell_text, read_bytes, sheets_document

# A sheet may hold this many cells (rows x columns as the sheet's dimension says) at most:
# an FOI table is a few thousand; millions are a data dump or a sheet formatted to its end.
MAX_CELLS = 2_000_000


def read(path: str) -> Document:
    """Read an Excel workbook into a :class:`Document` (see the module's notes).

    >>> doc = read("corpora/sheets/midshire_police_hospital_crime.xlsx")  # doctest: +SKIP
    >>> doc.metadata["hidden_sheets"]  # doctest: +SKIP
    'Workings'
    """
    data = read_bytes(path)
    if is_ole(data):
        check_not_encrypted(path, data, "workbook")
        raise CorruptFile(path, "not an Excel workbook (an old .xls file that could not be read)")
    check_package(path, data, what="spreadsheet")
    if b"xl/workbook.bin" in data:  # a member's name stands in its local header and directory
        raise UnsupportedFormat(path, "an Excel binary workbook (.xlsb), which foiextract does "
                                "not read: save it as .xlsx")
    book = _open(path, data)
    try:
        sheets = [_sheet(path, ws) for ws in book.worksheets]
    except FoiExtractError:
        raise
    except Exception as err:  # a malformed part openpyxl only trips on when it is read
        raise CorruptFile(path, f"the workbook's structure is damaged ({type(err).__name__})"
                          ) from None
    finally:
        book.close()
    return sheets_document(path, sheets, "spreadsheet", {"workbook": "xlsx"})


def _open(path: str, data: bytes) -> Any:
    try:
        with warnings.catch_warnings():  # "Data Validation extension is not supported" and kin
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
    except Exception as err:  # zipfile's, lxml's and openpyxl's own errors alike
        raise CorruptFile(path, f"the workbook could not be opened ({type(err).__name__})"
                          ) from None


def _sheet(path: str, ws: Any) -> Sheet:
    if ws.max_row * ws.max_column > MAX_CELLS:
        raise TooLarge(path, f"a sheet of the workbook has more than {MAX_CELLS:,} cells",
                       limit=MAX_CELLS)
    rows: list[tuple[SheetCell, ...]] = []
    for row in ws.iter_rows():
        cells = []
        for cell in row:
            text, number = cell_text(cell.value, cell.number_format or "General")
            bold = bool(text) and bool(cell.font is not None and cell.font.b)
            cells.append(SheetCell(text, number, bold))
        while cells and not cells[-1].text:
            cells.pop()
        rows.append(tuple(cells))
    while rows and not rows[-1]:
        rows.pop()
    merges = tuple(Merge(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
                   for r in ws.merged_cells.ranges)
    hidden_rows = frozenset(r - 1 for r, row in ws.row_dimensions.items() if row.hidden)
    hidden_columns = frozenset(
        c - 1 for key, column in ws.column_dimensions.items() if column.hidden
        for c in range(column.min or column_index_from_string(key),
                       (column.max or column_index_from_string(key)) + 1))
    return Sheet(str(ws.title), tuple(rows), merges, hidden=ws.sheet_state != "visible",
                 hidden_rows=hidden_rows, hidden_columns=hidden_columns)
