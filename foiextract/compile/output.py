"""Writing a compiled batch: an Excel workbook for people, tables for programs.

The workbook has three sheets: ``dataset`` (one row per authority, numbers as
numbers), ``request`` (the questions and the column names they became) and
``review`` (the cells that need a look, with the text each came from). CSV,
Parquet and JSON Lines give one file per table in a folder; SQLite one table
per table in one file. Every file is written atomically, as ``extract`` does.

>>> SHEETS
('dataset', 'request', 'review')
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from ..writers import atomic_write, excel_text, fmt_for, save_workbook, write_sqlite, write_tables

if TYPE_CHECKING:
    from .run import Compilation

SHEETS = ("dataset", "request", "review")
# Column widths (characters) for the workbook: long text columns wider, numbers narrow.
_WIDE = {"question": 60, "answer": 60, "authority": 32}


def write_compilation(compilation: Compilation, out: str, fmt: str | None = None) -> list[str]:
    """Write ``compilation`` to ``out`` in ``fmt`` (default: from the extension, else csv)."""
    fmt = fmt_for(out, fmt)
    tables = dict(compilation.tables())
    if fmt == "xlsx":
        atomic_write(out, lambda tmp: write_workbook(tables, tmp))
        return [out]
    if fmt == "sqlite":
        atomic_write(out, lambda tmp: write_sqlite({n: [df] for n, df in tables.items()}, tmp))
        return [out]
    return write_tables(tables, out, fmt)


def write_workbook(tables: dict[str, pd.DataFrame], path: str) -> None:
    """The three-sheet workbook; text is always stored as text (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for name in SHEETS:
        df = tables[name]
        sheet = book.create_sheet(name)
        sheet.append(list(df.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in df.astype(object).itertuples(index=False, name=None):
            sheet.append([_excel(v) for v in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        for number, column in enumerate(df.columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = _WIDE.get(
                str(column), 14 if name == "dataset" else 18)
        sheet.freeze_panes = "C2" if name == "dataset" else "A2"
    save_workbook(book, path)


def _excel(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return excel_text(value)
    return value


