"""The CSV reader: comma-, semicolon- or tab-separated text as a one-sheet spreadsheet.

A CSV file is told from its content (:func:`looks_like_csv`: most lines split into the same
number of fields, some of them figures), read as text is (UTF-8, Windows-1252, or UTF-16
with a byte-order mark), and laid out as a sheet is (:mod:`.sheet`): a title line and notes
above and below the table are paragraphs, the table's header rows its labels.

>>> looks_like_csv("Crime,2019,2020\\nArson,2,<5\\nTheft,14,9\\n")
True
>>> looks_like_csv("Dear Sir, thank you for your request.\\nYours, the FOI team\\n")
False
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

from ..errors import BadEncoding, CorruptFile, EmptyFile
from ..model import Document
from .sheet import Sheet, SheetCell, read_bytes, sheets_document

_DELIMITERS = (",", "\t", ";")
_FIGURE = re.compile(r"^\s*(?:[<>]\s*)?[£$€]?\s*-?\d[\d,.]*\s*%?\s*$|^\s*[-*]\s*$")
# The lines of the head looked at to tell a CSV file.
_SNIFF_LINES = 60
# A field longer than this is a sentence, not a cell.
_SENTENCE = 80


def looks_like_csv(text: str) -> bool:
    """True when the text is a table of delimited fields: at least three lines, and half of
    them (a title and notes not padded to the table's width are the others) split into the
    same number (two or more) of fields, half of those (and two or more) holding a figure
    in a field of their own."""
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    if len(lines) < 3:
        return False
    for delimiter in _DELIMITERS:
        if delimiter not in text:
            continue
        try:
            rows = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:
            continue
        width, count = Counter(len(row) for row in rows).most_common(1)[0]
        if width < 2 or count < 0.5 * len(rows) or count < 3:
            continue
        same = [row for row in rows if len(row) == width]
        figures = sum(any(_FIGURE.match(field) and not _thousands(row, k)
                          and not _thousands(row, k + 1) for k, field in enumerate(row))
                      for row in same)
        sentences = sum(any(len(field) > _SENTENCE for field in row) for row in same)
        if figures >= max(2, len(same) // 2) and sentences <= len(same) // 4:
            return True
    return False


def _thousands(row: list[str], k: int) -> bool:
    """Field ``k`` is three digits after a field ending in a digit: "1,024" in a line of
    text split at its comma, not a figure of its own (nor is the "1" before it).

    >>> _thousands(["1 - 1", "024"], 1), _thousands(["Arson", "024"], 1)
    (True, False)
    """
    return 0 < k < len(row) and row[k - 1].rstrip()[-1:].isdigit() and bool(
        re.match(r"\d{3}(?:\D|$)", row[k]))


def read(path: str) -> Document:
    """Read a CSV file into a :class:`Document` of one sheet.

    >>> read("corpora/sheets/library_visits_by_branch.csv").metadata["delimiter"]  # doctest: +SKIP
    ','
    """
    text = _decode(path, read_bytes(path))
    delimiter = max(_DELIMITERS, key=lambda d: (_consistency(text[:64 * 1024], d), d == ","))
    try:
        rows = tuple(tuple(_cell(field) for field in row)
                     for row in csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:  # a NUL byte, a field past the csv module's size limit
        raise CorruptFile(path, "the CSV file could not be split into fields") from None
    if not any(cell.text for row in rows for cell in row):
        raise EmptyFile(path)
    return sheets_document(path, [Sheet("", rows)], "csv", {"delimiter": delimiter})


def _cell(field: str) -> SheetCell:
    text = field.strip()
    return SheetCell(text, number=bool(_FIGURE.match(text)) and any(c.isdigit() for c in text))


def _consistency(text: str, delimiter: str) -> int:
    """How many lines share the commonest field count (two or more) under ``delimiter``."""
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    try:
        counts = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter))
    except csv.Error:
        return 0
    return max((n for width, n in counts.items() if width >= 2), default=0)


def _decode(path: str, data: bytes) -> str:
    """UTF-8 (a byte-order mark dropped), UTF-16/32 with a mark, else Windows-1252 as Excel
    saves "CSV" on Windows."""
    from . import bom_encoding  # the package imports this module to sniff: not at the top

    encoding = bom_encoding(data)
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeError:
        if encoding:
            raise BadEncoding(path, f"the text is not valid {encoding.upper()}") from None
        try:
            text = data.decode("cp1252")
        except UnicodeError:
            raise BadEncoding(path, "the text is neither UTF-8 nor Windows-1252") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
