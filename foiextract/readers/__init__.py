"""Readers: one module a format, each turning a file into a :class:`~foiextract.model.Document`.

The format is told from the content (magic bytes and a look at the text),
never from the file name. Only modules in this package import pdfplumber,
python-docx, lxml or markdown-it.

Readers are chosen through a registry that a plug-in extends, as spaCy's
components are: a package that declares an entry point in the group
``foiextract.readers`` naming a :class:`Reader` (a kind, a ``sniff(head)`` that
claims a file from its first bytes, and a ``read(path)``) is asked first about
every file, and reads the files it claims.

>>> sniff(b"%PDF-1.7 ...")
'pdf'
>>> sniff(b"\\x89PNG\\r\\n\\x1a\\n...")
'image'
>>> sniff(b"# Response\\n\\n**How many?**\\n\\nTwo\\n")
'markdown'
>>> sniff(b"Crime,2019,2020\\nArson,2,<5\\nTheft,14,9\\n")
'csv'
"""

from __future__ import annotations

import importlib
import os
import re
import warnings
import zipfile
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Callable, Literal

from ..errors import (BadEncoding, CorruptFile, EmptyFile, FoiExtractError, NotFound,
                      UnsupportedFormat)
from ..model import Document
from .alaveteli import is_thread as alaveteli_thread
from .muckrock import is_page as muckrock_page
from .sheet_csv import looks_like_csv

Sniffed = Literal["markdown", "pdf", "docx", "html", "email", "text", "legacy", "zip", "image",
                  "xlsx", "xls", "ods", "csv"]

HEAD_BYTES = 64 * 1024
# Byte-order marks of the UTF-16 and UTF-32 text Windows tools save; UTF-32's first, as
# UTF-32-LE's mark begins with UTF-16-LE's. The codecs named drop the mark as they decode.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

# Module that reads each sniffed kind; each exposes ``read(path: str) -> Document``.
READER_MODULES: dict[str, str] = {
    "markdown": "markdown",
    "pdf": "pdf",
    "docx": "docx",
    "legacy": "docx",  # .doc, .odt, .rtf: converted to .docx through LibreOffice
    "html": "html",
    "email": "email",
    "text": "text",
    "image": "image",  # PNG, JPEG, TIFF: read by OCR
    "xlsx": "sheet_xlsx",
    "xls": "sheet_xls",
    "ods": "sheet_ods",
    "csv": "sheet_csv",
}
# Magic bytes of the pictures of letters read by OCR.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An OLE compound file's directory entry of an Excel 97-2003 workbook's stream: its name in
# UTF-16 padded to 64 bytes, the name's length in bytes, and type 2 (a stream). A Word file
# has "WordDocument" instead; text that merely says "Workbook" has no such entry.
_XLS_STREAM = re.compile(b"(?:" + b"|".join(
    re.escape(name.encode("utf-16-le")) + bytes(64 - 2 * len(name)) +
    bytes([2 * len(name) + 2, 0, 2]) for name in ("Workbook", "Book")) + b")")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ODS_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"

_EMAIL_HEADER = re.compile(
    rb"^(from|to|subject|date|received|return-path|message-id|mime-version|content-type|"
    rb"delivered-to|reply-to|cc|x-[a-z0-9-]+):[ \t]", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"<(p|div|table|strong|b|h[1-6]|ul|ol|li|br)\b[^>]*>", re.IGNORECASE)
_THREAD = re.compile(r"^={3,} ?(INCOMING|OUTGOING)\b", re.MULTILINE)
_HEADINGS = re.compile(r"^#{1,6} \S", re.MULTILINE)
_MARKDOWN_SIGNS = (
    # strong emphasis ("**Yes**"), not a rule of underscores ("_______", an e-mail's separator)
    re.compile(r"(\*\*|__)[^\s*_].*?(\*\*|__)"),
    re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.MULTILINE),    # table delimiter row
    re.compile(r"\[[^\]]+\]\([^)]+\)"),                       # inline links
    re.compile(r"<https?://[^>]+>"),                          # autolinks
)


def sniff(head: bytes) -> Sniffed:
    """Tell a document's format from its first bytes.

    Raises :class:`UnsupportedFormat` for binary content foiextract does not
    read (the caller adds the path).
    """
    encoding = bom_encoding(head)
    if encoding:
        # The head may end inside a character: its last bytes are dropped, not an error.
        head = head.decode(encoding, errors="ignore").encode("utf-8")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"xl/" in head and b"word/" not in head:
            return "xlsx"
        if b"word/" in head or b"[Content_Types].xml" in head:
            return "docx"
        if _ODS_MIMETYPE in head:
            return "ods"
        if b"mimetypeapplication/vnd.oasis.opendocument" in head:
            return "legacy"
        return "zip"
    if head.startswith(_OLE_MAGIC) and _WORD_STREAM not in head and _XLS_STREAM.search(head):
        return "xls"  # (a Word file holding a worksheet object has both streams: Word's)
    if head.startswith(_OLE_MAGIC) or stripped.startswith(b"{\\rtf"):
        return "legacy"
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if b"\x00" in head[:8192]:
        raise UnsupportedFormat("", "binary content that is not a format foiextract reads")
    if _HTML_START.match(stripped) or (stripped.startswith(b"<")
                                       and len(_HTML_TAGS.findall(head[:8192])) >= 3):
        return "html"
    first_lines = stripped.split(b"\n", 6)[:6]
    if first_lines and _EMAIL_HEADER.match(first_lines[0]) and sum(
            bool(_EMAIL_HEADER.match(line)) for line in first_lines) >= 2:
        return "email"
    text = head.decode("utf-8", errors="replace")
    if _THREAD.search(text) or muckrock_page(text) or alaveteli_thread(text):
        return "text"  # a request platform's thread, rendered to text, or its page saved
    if looks_like_csv(text[:len(text) - 1] if len(head) == HEAD_BYTES else text):
        return "csv"
    if any(sign.search(text) for sign in _MARKDOWN_SIGNS) or len(_HEADINGS.findall(text)) >= 2:
        return "markdown"
    return "text"


ENTRY_POINTS = "foiextract.readers"


@dataclass(frozen=True)
class Reader:
    """A reader a plug-in adds: the files whose first bytes ``sniff`` claims, ``read`` reads."""

    kind: str
    sniff: Callable[[bytes], bool]
    read: Callable[[str], Document]


@cache
def plugins() -> tuple[Reader, ...]:
    """The readers installed packages declare in the ``foiextract.readers`` entry point group,
    in name order (a plug-in that fails to load is left out, with a warning)."""
    found = []
    for point in sorted(entry_points(group=ENTRY_POINTS), key=lambda p: p.name):
        try:
            reader = point.load()
        except Exception as err:  # a broken plug-in must not stop the built-in readers
            warnings.warn(f"foiextract reader plug-in {point.name!r} did not load: "
                          f"{type(err).__name__}", stacklevel=2)
            continue
        if isinstance(reader, Reader):
            found.append(reader)
    return tuple(found)


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read any supported file into a :class:`Document`.

    >>> read_document("corpora/barnet-scr-dhr/barnet_6015464.md").format  # doctest: +SKIP
    'markdown'
    """
    name = os.fspath(path)
    file = Path(name)
    if not file.is_file():
        raise NotFound(name, "no such file" if not file.exists() else "not a regular file")
    with open(file, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    if not head.strip():
        raise EmptyFile(name)
    for plugin in plugins():
        if plugin.sniff(head):
            return plugin.read(name)
    try:
        kind = sniff(head)
    except FoiExtractError as err:
        raise type(err)(name, err.detail) from None
    kind = _refined(name, kind)
    if kind == "zip":
        if not zipfile.is_zipfile(name):
            raise CorruptFile(name, "the ZIP archive is damaged")
        raise UnsupportedFormat(name, "a ZIP archive of files, not a document: unpack it, "
                                "or give it to foiextract compile")
    return reader_for(kind)(name)


def _refined(path: str, kind: Sniffed) -> Sniffed:
    """What a container's first bytes left open, told from the whole file: a ZIP whose
    members make a workbook (its parts past the first 64 KB), an OLE file whose directory
    (past the first 64 KB) names an Excel stream."""
    if kind == "text" and path.lower().endswith((".md", ".markdown")):
        return "markdown"  # named Markdown, with no sign of it but emphasis in single stars
    if kind == "zip" and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            return kind
        if "xl/workbook.xml" in names:
            return "xlsx"
    if kind == "legacy":
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
            if head.startswith(_OLE_MAGIC) and _WORD_STREAM not in head and \
                    _XLS_STREAM.search(head + handle.read()):
                return "xls"
    return kind


def reader_for(kind: str) -> Callable[[str], Document]:
    """The ``read`` function of the module for a sniffed kind."""
    module = importlib.import_module(f"{__name__}.{READER_MODULES[kind]}")
    read: Callable[[str], Document] = module.read
    return read


def bom_encoding(data: bytes) -> str | None:
    """``"utf-16"`` or ``"utf-32"`` when ``data`` opens with that encoding's byte-order mark.

    >>> bom_encoding("Q1".encode("utf-16")), bom_encoding(b"Q1")
    ('utf-16', None)
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding
    return None


def utf8_bytes(data: bytes, path: str) -> bytes:
    """UTF-16 or UTF-32 text (told by its byte-order mark) as UTF-8; other bytes as they are."""
    encoding = bom_encoding(data)
    if encoding is None:
        return data
    try:
        return data.decode(encoding).encode("utf-8")
    except UnicodeError:
        raise BadEncoding(path, f"the text is not valid {encoding.upper()}") from None


def read_text_file(path: str) -> str:
    """A text file's contents as ``str``: UTF-8, or UTF-16/UTF-32 with a byte-order mark (the
    mark is dropped), else :class:`BadEncoding`."""
    data = Path(path).read_bytes()
    encoding = bom_encoding(data)
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeError:
        raise BadEncoding(path, f"the text is not valid {(encoding or 'utf-8').upper()}") from None
    if not text.strip():
        raise EmptyFile(path)
    return text.replace("\r\n", "\n").replace("\r", "\n")
