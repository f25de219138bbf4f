"""Errors foiextract raises, each with a stable kind and a one-line message.

Every error is a :class:`FoiExtractError`; its ``kind`` is one of
:data:`ERROR_KINDS` and is what the ``errors`` table records. Messages never
contain document text, so an errors table can be shared safely.

>>> err = EmptyFile("responses/a.md")
>>> err.kind, str(err)
('empty_file', 'responses/a.md: the file is empty')
"""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal[
    "not_found",
    "empty_file",
    "unsupported_format",
    "corrupt_file",
    "bad_encoding",
    "encrypted",
    "no_text_layer",
    "needs_ocr",
    "converter_missing",
    "too_large",
    "zip_bomb",
    "unsafe_xml",
    "unsafe_path",
    "timeout",
    "memory_limit",
    "worker_crash",
]
ERROR_KINDS: tuple[ErrorKind, ...] = ErrorKind.__args__  # type: ignore[attr-defined]


def printable(text: str) -> str:
    """``text`` as UTF-8 can hold it: a file name's bytes that are not UTF-8 (which Python
    keeps as lone surrogates) shown as ``\\xe9``, any other lone surrogate as U+FFFD.

    A table holding one such character cannot be written at all, so every value leaving a
    reader passes through here.

    >>> printable("caf\\udce9.md"), printable("reply.md")
    ('caf\\\\xe9.md', 'reply.md')
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else
                       "\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


class FoiExtractError(Exception):
    """Base class: something about one input (or the call) is wrong.

    ``path`` is the input the error is about; ``detail`` completes the
    sentence ``"<path>: <detail>"``.
    """

    kind: ErrorKind = "corrupt_file"
    default_detail = "the file could not be read"

    def __init__(self, path: str, detail: str | None = None, *, page: int | None = None,
                 limit: float | None = None) -> None:
        self.path = str(path)
        self.detail = detail or self.default_detail
        self.page = page
        self.limit = limit
        super().__init__(printable(f"{self.path}: {self.detail}"))

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries in bulk runs; keep them picklable.
        return (_rebuild, (type(self), self.path, self.detail, self.page, self.limit))


def _rebuild(cls: type[FoiExtractError], path: str, detail: str, page: int | None,
             limit: float | None) -> FoiExtractError:
    return cls(path, detail, page=page, limit=limit)


class NotFound(FoiExtractError):
    """The path does not exist or is not a regular file."""

    kind: ErrorKind = "not_found"
    default_detail = "no such file"


class EmptyFile(FoiExtractError):
    """The file has no bytes, or no text at all."""

    kind: ErrorKind = "empty_file"
    default_detail = "the file is empty"


class UnsupportedFormat(FoiExtractError):
    """The content is not a format foiextract reads (told from its bytes)."""

    kind: ErrorKind = "unsupported_format"
    default_detail = ("not a format foiextract reads (Markdown, PDF, Word, HTML, email, text, "
                      "a spreadsheet or CSV)")


class CorruptFile(FoiExtractError):
    """The file claims a format but its structure is broken."""

    kind: ErrorKind = "corrupt_file"
    default_detail = "the file is damaged and could not be read"


class BadEncoding(FoiExtractError):
    """Text that is not in the encoding it must be in (UTF-8 unless it says otherwise)."""

    kind: ErrorKind = "bad_encoding"
    default_detail = "the text is not valid UTF-8"


class Encrypted(FoiExtractError):
    """A password is needed to open the file."""

    kind: ErrorKind = "encrypted"
    default_detail = "the file is encrypted and needs a password"


class NoTextLayer(FoiExtractError):
    """A PDF with no text layer (a scan) that was not OCRed (``--no-ocr``), or whose OCR
    found no words."""

    kind: ErrorKind = "no_text_layer"
    default_detail = "the PDF has no text layer (a scan?): run OCR on it first"


class NeedsOcr(FoiExtractError):
    """A scan (a PDF whose pages are images, or an image file) and Tesseract cannot read it:
    it is not installed, or the language asked for is not."""

    kind: ErrorKind = "needs_ocr"
    default_detail = ("the document is a scan and needs OCR: install Tesseract "
                      "(apt-get install tesseract-ocr tesseract-ocr-eng)")


class ConverterMissing(FoiExtractError):
    """An old format (.doc, .odt, .rtf) needs LibreOffice, which is not installed."""

    kind: ErrorKind = "converter_missing"
    default_detail = "this format needs LibreOffice (soffice) on the PATH to convert it"


class TooLarge(FoiExtractError):
    """The input is over a size limit (bytes, pages, members)."""

    kind: ErrorKind = "too_large"
    default_detail = "the file is over the size limit"


class ZipBomb(FoiExtractError):
    """A compressed container that would unpack to far more than it holds."""

    kind: ErrorKind = "zip_bomb"
    default_detail = "the archive would expand far beyond its size (zip bomb)"


class UnsafeXml(FoiExtractError):
    """XML with entity declarations (external entities, billion laughs)."""

    kind: ErrorKind = "unsafe_xml"
    default_detail = "the XML declares entities, which are never resolved"


class UnsafePath(FoiExtractError):
    """A path that leads outside where it may: an archive member's ``..`` or absolute path,
    or a symbolic link out of the folder given."""

    kind: ErrorKind = "unsafe_path"
    default_detail = "the path leads outside the folder it belongs to"


class Timeout(FoiExtractError):
    """Reading the document took longer than its wall-clock limit."""

    kind: ErrorKind = "timeout"
    default_detail = "reading the document took longer than the time limit"


class MemoryLimit(FoiExtractError):
    """Reading the document needed more memory than its cap."""

    kind: ErrorKind = "memory_limit"
    default_detail = "reading the document needed more memory than the limit"


class WorkerCrash(FoiExtractError):
    """The process reading the document died."""

    kind: ErrorKind = "worker_crash"
    default_detail = "the worker process reading the document crashed"


ERROR_CLASSES: dict[str, type[FoiExtractError]] = {
    cls.kind: cls
    for cls in (NotFound, EmptyFile, UnsupportedFormat, CorruptFile, BadEncoding, Encrypted,
                NoTextLayer, NeedsOcr, ConverterMissing, TooLarge, ZipBomb, UnsafeXml, UnsafePath, Timeout,
                MemoryLimit, WorkerCrash)
}
