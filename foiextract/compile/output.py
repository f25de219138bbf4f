"""Writing a compiled batch: an Excel workbook for people, tables for programs.

The workbook has six sheets: ``dataset`` (one row per authority, numbers as
numbers), ``request`` (the questions and the column names they became),
``review`` (the cells that need a look, with the text each came from), ``audit``
(how each authority answered each item, with its caveats), ``cells`` (every
table figure, long) and ``labels`` (raw label -> label, to edit), each with a
bold, frozen header row, filters and widths. CSV, Parquet and JSON
Lines give one file per table in a folder (a .csv or .jsonl file, or ``-``,
one table: ``dataset`` unless asked); SQLite one table per table in one file,
the answers searchable, with a ``metadata.json`` beside it. Every file is
written atomically, as ``extract`` does.

>>> SHEETS
('dataset', 'request', 'review', 'audit', 'cells', 'labels')
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from ..database import COMPILE_KEYS
from ..writers import (DATE_FORMAT, atomic_write, check_output, excel_text, one_table,
                       save_workbook, write_tables)

if TYPE_CHECKING:
    from .run import Compilation

SHEETS = ("dataset", "request", "review", "audit", "cells", "labels")
# Column widths (characters) for the workbook: long text columns wider, numbers narrow.
_WIDE = {"question": 60, "answer": 60, "authority": 32, "caveats": 80, "row_labels": 40,
         "row_label": 40, "raw_label": 40, "label": 40}


def write_compilation(compilation: Compilation, out: str, fmt: str | None = None,
                      table: str = "dataset") -> list[str]:
    """Write ``compilation`` to ``out`` in ``fmt`` (default: from the extension, else csv);
    a one-table output (.csv, .jsonl, ``-``) takes ``table``."""
    tables = dict(compilation.tables())
    fmt = check_output(out, fmt, table, tables)
    if fmt == "xlsx" and not one_table(out):
        atomic_write(out, lambda tmp: write_workbook(tables, tmp))
        return [out]
    return write_tables(tables, out, fmt, table=table, keys=COMPILE_KEYS)


def write_workbook(tables: dict[str, pd.DataFrame], path: str) -> None:
    """The workbook of :data:`SHEETS`; text is always stored as text (never a formula)."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
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
        # Cells made before they are appended: asking the sheet for its last row each time
        # costs a pass over every cell, which a long ``cells`` sheet cannot afford.
        for row in df.astype(object).itertuples(index=False, name=None):
            cells = [Cell(sheet, value=_excel(v)) for v in row]
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = DATE_FORMAT
            sheet.append(cells)
        for number, column in enumerate(df.columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = _WIDE.get(
                str(column), 14 if name == "dataset" else 18)
        sheet.freeze_panes = "C2" if name == "dataset" else "A2"
        if len(df.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
    save_workbook(book, path)


def _excel(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return excel_text(value)
    return value


