"""Limits on one document, and the checks made before any parser sees it.

Two kinds of check. :func:`probe` runs in the parent before a document is
scheduled: it looks only at what ``stat`` says (a FIFO is never opened, a
symlink loop is not followed, an oversized file is never read) and hashes the
content. :func:`check_content` runs in the worker, before the reader: it counts
a PDF's pages, inflates its compressed streams in bounded steps, and reads a
ZIP's directory for its member count and compression ratio. The wall-clock
limit and the memory cap are enforced around the reader by
:mod:`foiextract.bulk.isolate` in bulk runs.

>>> parse_size("512M"), parse_size("2G"), parse_size("0")
(536870912, 2147483648, None)
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import zipfile
import zlib
from dataclasses import asdict, dataclass

from .errors import NotFound, TooLarge, UnsafePath, ZipBomb

MiB = 1024 * 1024
_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "KIB": 1024, "M": MiB, "MB": MiB, "MIB": MiB,
          "G": 1024 * MiB, "GB": 1024 * MiB, "GIB": 1024 * MiB}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$")
# A page object; "/Pages" (a page-tree node) does not count.
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_STREAM = re.compile(rb"stream\r?\n")
_INFLATE_STEP = 4 * MiB


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document may cost. ``None`` switches a limit off.

    >>> Limits().timeout
    120.0
    """

    timeout: float | None = 120.0
    memory_limit: int | None = 2048 * MiB
    max_bytes: int | None = 256 * MiB
    max_pages: int | None = 5000
    max_members: int = 10_000
    # A compressed stream or member is a bomb when it inflates past both of these.
    max_ratio: float = 200.0
    ratio_floor: int = 64 * MiB
    # Scans: read them by OCR (off: a scan is a no_text_layer error), in which Tesseract
    # language, and how long one page may take.
    ocr: bool = True
    ocr_language: str = "eng"
    ocr_page_timeout: float | None = 60.0

    def fingerprint(self) -> str:
        """A short stable digest of the limits (part of every manifest key)."""
        text = repr(sorted(asdict(self).items()))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def parse_size(text: str) -> int | None:
    """Bytes from ``"512M"``, ``"2G"``, ``"1.5GiB"`` or a plain number; ``"0"``/``"none"``: no limit."""
    if text.strip().lower() in ("0", "none", "off", "unlimited"):
        return None
    match = _SIZE.match(text)
    unit = match.group(2).upper() if match else ""
    if not match or unit not in _UNITS:
        raise ValueError(f"not a size: {text!r} (try 512M or 2G)")
    return int(float(match.group(1)) * _UNITS[unit])


def probe(source: str, limits: Limits) -> str:
    """The content's SHA-256, after checking from ``stat`` alone that it may be opened.

    Raises :class:`NotFound` for a missing path, a symlink loop, a FIFO, a
    socket or a device, and :class:`TooLarge` for a file over ``max_bytes``.

    >>> probe("/nonexistent/a.pdf", Limits())
    Traceback (most recent call last):
    foiextract.errors.NotFound: /nonexistent/a.pdf: no such file
    """
    try:
        info = os.stat(source)
    except OSError as err:
        detail = "a symbolic link loop" if err.errno == 40 else "no such file"
        raise NotFound(source, detail) from None
    if not stat.S_ISREG(info.st_mode):
        raise NotFound(source, "not a regular file")
    if limits.max_bytes is not None and info.st_size > limits.max_bytes:
        raise TooLarge(source, f"the file is over {limits.max_bytes // MiB} MB",
                       limit=limits.max_bytes)
    digest = hashlib.sha256()
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after stat, open still returns.
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise NotFound(source, "not a regular file")
            for chunk in iter(lambda: handle.read(MiB), b""):
                digest.update(chunk)
    except OSError:
        raise NotFound(source, "the file could not be opened") from None
    return digest.hexdigest()


def check_inside(source: str, root: str) -> None:
    """Raise :class:`UnsafePath` when ``source``, found by searching the folder ``root``,
    is (or passes through) a symbolic link leading out of it.

    >>> check_inside("corpora/singles/kent_11045221.txt", "corpora")
    """
    real_root = os.path.realpath(root)
    real = os.path.realpath(source)
    if os.path.commonpath([real_root, real]) != real_root:
        raise UnsafePath(source, "a symbolic link to a file outside the folder given "
                         "(--follow-symlinks reads it)")


def check_content(source: str, limits: Limits) -> None:
    """Raise :class:`TooLarge` or :class:`ZipBomb` when a PDF or ZIP is over its limits.

    Damaged containers pass: telling what is wrong with them is the reader's job.
    """
    with open(source, "rb") as handle:
        head = handle.read(1024)
        is_pdf = head.find(b"%PDF-") != -1
        if not is_pdf and not head.startswith(b"PK\x03\x04"):
            return  # neither a PDF nor a ZIP: nothing inflates, and the rest need not be read
        rest = handle.read(-1 if limits.max_bytes is None else max(0, limits.max_bytes + 1 - len(head)))
    data = head + rest
    if is_pdf:
        _check_pdf(source, data, limits)
    else:
        _check_zip(source, data, limits)


def _check_pdf(source: str, data: bytes, limits: Limits) -> None:
    pages = len(_PAGE.findall(data))
    if limits.max_pages is not None and pages > limits.max_pages:
        raise TooLarge(source, f"the PDF has more than {limits.max_pages} pages",
                       limit=limits.max_pages)
    if b"FlateDecode" not in data:
        return
    for match in _STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        raw = data[match.end():end if end != -1 else len(data)]
        if _inflates_past(raw, limits):
            raise ZipBomb(source, "a compressed stream in the PDF would inflate more than "
                          f"{limits.max_ratio:.0f} to 1", limit=limits.max_ratio)


def _inflates_past(raw: bytes, limits: Limits) -> bool:
    """True when ``raw`` (zlib data) inflates past the ratio and the floor; stops as soon as it does."""
    bound = max(limits.ratio_floor, limits.max_ratio * len(raw))
    inflater = zlib.decompressobj()
    total = 0
    pending = raw
    try:
        # Until the stream ends: bytes after its end stay in the tail, and would loop forever.
        while pending and not inflater.eof:
            total += len(inflater.decompress(pending, _INFLATE_STEP))
            if total > bound:
                return True
            pending = inflater.unconsumed_tail
    except zlib.error:
        return False  # not zlib, or damaged: the reader decides
    return False


def _check_zip(source: str, data: bytes, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # NotImplementedError: a directory claiming a ZIP version past 6.3 (a damaged one).
        return
    with archive:
        members = archive.infolist()
    if len(members) > limits.max_members:
        raise TooLarge(source, f"the archive has more than {limits.max_members} members",
                       limit=limits.max_members)
    for member in members:
        if member.file_size > max(limits.ratio_floor,
                                  limits.max_ratio * max(member.compress_size, 1)):
            raise ZipBomb(source, "a member of the archive is compressed more than "
                          f"{limits.max_ratio:.0f} to 1", limit=limits.max_ratio)
