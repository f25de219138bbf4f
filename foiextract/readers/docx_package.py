"""Safety checks on a Word file's container before any XML parser sees it.

A ``.docx`` is a ZIP of XML parts. Before python-docx opens one we check the
archive's member count, its declared uncompressed size and compression ratio
(:class:`~foiextract.errors.ZipBomb`), and every XML part's raw bytes for a
DOCTYPE or ENTITY declaration (:class:`~foiextract.errors.UnsafeXml`), so no
entity is ever expanded. An OLE compound file holding an ``EncryptionInfo``
stream is a password-protected OOXML file (:class:`~foiextract.errors.Encrypted`).

>>> is_ole(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1" + bytes(8))
True
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from ..errors import CorruptFile, Encrypted, UnsafeXml, ZipBomb

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
# An XML part may be stored as UTF-8 or UTF-16; look for the markup in each.
_DECLARATIONS = tuple(
    re.compile(pattern.encode(encoding), re.IGNORECASE)
    for pattern in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_XML_SUFFIXES = (".xml", ".rels", ".vml")


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """How big a Word package may be before it is refused.

    Real FOI letters are a few MB at most; the limits leave a wide margin.
    ``max_ratio`` applies to members over ``ratio_floor`` bytes, since tiny
    members (and Word's repetitive ``styles.xml``) compress very well.

    >>> ZipLimits().max_members
    5000
    """

    max_members: int = 5000
    max_total_bytes: int = 512 * 1024 * 1024
    max_ratio: float = 200.0
    ratio_floor: int = 4 * 1024 * 1024
    max_xml_part_bytes: int = 256 * 1024 * 1024


def is_ole(data: bytes) -> bool:
    """True for an OLE compound file (Word 97 ``.doc``, or encrypted OOXML)."""
    return data.startswith(OLE_MAGIC)


def check_not_encrypted(path: str, data: bytes, what: str = "Word file") -> None:
    """Raise :class:`Encrypted` for an OLE file that wraps encrypted OOXML.

    Office stores a password-protected ``.docx`` as an OLE file with the
    streams ``EncryptionInfo`` and ``EncryptedPackage``; stream names sit in
    the OLE directory as UTF-16LE.

    >>> check_not_encrypted("a.doc", OLE_MAGIC + bytes(100)) is None
    True
    """
    if is_ole(data) and _ENCRYPTION_STREAM in data:
        raise Encrypted(path, f"the {what} is password-protected (encrypted OOXML)")


def check_package(path: str, data: bytes, limits: ZipLimits = ZipLimits(),
                  what: str = "Word") -> None:
    """Refuse a ZIP that is broken, a bomb, or holds XML with declarations. ``what`` names
    the kind of file in messages (``"Word"``, ``"spreadsheet"``).

    >>> check_package("a.docx", b"not a zip")
    Traceback (most recent call last):
    ...
    foiextract.errors.CorruptFile: a.docx: not a valid Word file (the ZIP container is damaged)
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # NotImplementedError: a directory claiming a ZIP version past 6.3 (a damaged one).
        raise CorruptFile(path, f"not a valid {what} file (the ZIP container is damaged)"
                          ) from None
    with archive:
        members = archive.infolist()
        _check_sizes(path, members, limits, what)
        for member in members:
            if member.filename.lower().endswith(_XML_SUFFIXES):
                _check_xml_part(path, archive, member, limits, what)


def _check_sizes(path: str, members: list[zipfile.ZipInfo], limits: ZipLimits,
                 what: str) -> None:
    if len(members) > limits.max_members:
        raise ZipBomb(path, f"the {what} package has more than {limits.max_members} members",
                      limit=limits.max_members)
    total = sum(m.file_size for m in members)
    if total > limits.max_total_bytes:
        raise ZipBomb(path, f"the {what} package would unpack to more than "
                      f"{limits.max_total_bytes // (1024 * 1024)} MB",
                      limit=limits.max_total_bytes)
    for member in members:
        if member.file_size > limits.ratio_floor and (
                member.file_size > limits.max_ratio * max(member.compress_size, 1)):
            raise ZipBomb(path, f"a member of the {what} package is compressed more than "
                          f"{limits.max_ratio:.0f} to 1", limit=limits.max_ratio)


def _check_xml_part(path: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo,
                    limits: ZipLimits, what: str) -> None:
    if member.file_size > limits.max_xml_part_bytes:
        raise ZipBomb(path, f"an XML part of the {what} package is too large to parse",
                      limit=limits.max_xml_part_bytes)
    try:
        with archive.open(member) as handle:
            # zipfile stops at the declared size, so this read is bounded.
            raw = handle.read(limits.max_xml_part_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError):
        # RuntimeError: a member encrypted with the ZIP's own password scheme.
        raise CorruptFile(path, f"a part of the {what} package cannot be unpacked") from None
    if any(pattern.search(raw) for pattern in _DECLARATIONS):
        raise UnsafeXml(path, f"an XML part of the {what} file declares a DOCTYPE or entities, "
                        "which are never resolved")
