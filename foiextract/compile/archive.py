"""Unpacking a request platform's batch download safely.

A batch ZIP holds one folder per authority. Members are checked before a byte
is written: at most :data:`MAX_MEMBERS` members, :data:`MAX_TOTAL` bytes
unpacked, no member expanding more than :data:`MAX_RATIO` times, and no
absolute path, ``..``, drive letter or symbolic link. Sizes are counted as the
bytes are written, so a member lying about its size in the directory cannot
get past the limits either.

>>> safe_member_name("Camden - SCRs/2020-02-10/correspondence.txt")
'Camden - SCRs/2020-02-10/correspondence.txt'
>>> safe_member_name("../etc/passwd") is None
True
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import PurePosixPath

from ..errors import CorruptFile, NotFound, TooLarge, UnsafePath, ZipBomb

MAX_MEMBERS = 5_000
MAX_TOTAL = 1_000_000_000
MAX_MEMBER = 200_000_000
MAX_RATIO = 200
# Small members compress well (a page of spaces); the ratio test starts above this size.
RATIO_FLOOR = 1_000_000
_CHUNK = 1 << 16


def safe_member_name(name: str) -> str | None:
    """The member's relative path, or None when it would land outside the target folder."""
    name = name.replace("\\", "/")
    path = PurePosixPath(name)
    if not name or name.startswith("/") or path.is_absolute():
        return None
    parts = [p for p in path.parts if p not in ("", ".")]
    if not parts or any(p == ".." or ":" in p or "\x00" in p for p in parts):
        return None
    return "/".join(parts)


def unpack(archive: str, into: str) -> list[str]:
    """Unpack ``archive`` below ``into``; returns the files written (relative paths, sorted).

    Raises :class:`~foiextract.errors.ZipBomb`, :class:`~foiextract.errors.TooLarge`,
    :class:`~foiextract.errors.UnsafePath` or :class:`~foiextract.errors.CorruptFile`;
    never writes outside ``into``. The caller removes ``into`` when it raises.

    >>> unpack("batch.zip", "/tmp/batch")  # doctest: +SKIP
    ['Camden - SCRs/2020-02-10/attachments-1/response.pdf', ...]
    """
    if not os.path.isfile(archive):
        raise NotFound(archive)
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = bundle.infolist()
            if len(members) > MAX_MEMBERS:
                raise TooLarge(archive, "the archive has too many members", limit=MAX_MEMBERS)
            written: list[str] = []
            total = 0
            root = os.path.realpath(into)
            for member in members:
                if member.is_dir() or _is_link(member):
                    continue
                name = safe_member_name(member.filename)
                if name is None:
                    raise UnsafePath(archive, "an archive member's path leaves the archive")
                if name.rsplit("/", 1)[-1].startswith((".", "__MACOSX")) or "__MACOSX/" in name:
                    continue
                target = os.path.realpath(os.path.join(root, name))
                if not target.startswith(root + os.sep):
                    raise UnsafePath(archive, "an archive member's path leaves the archive")
                total += _copy(bundle, member, target, archive, MAX_TOTAL - total)
                written.append(name)
    except zipfile.BadZipFile:
        raise CorruptFile(archive, "the ZIP archive is damaged") from None
    except (RuntimeError, NotImplementedError):  # encrypted or unknown compression
        raise CorruptFile(archive, "an archive member could not be unpacked") from None
    except (EOFError, ValueError, zlib.error):  # truncated, or a member whose data is damaged
        raise CorruptFile(archive, "the ZIP archive is damaged") from None
    return sorted(written)


def _is_link(member: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(member.external_attr >> 16)


def _copy(bundle: zipfile.ZipFile, member: zipfile.ZipInfo, target: str, archive: str,
          room: int) -> int:
    """Write one member, counting bytes as they come; returns the bytes written."""
    limit = min(MAX_MEMBER, room)
    ratio_limit = max(RATIO_FLOOR, MAX_RATIO * max(member.compress_size, 1))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    size = 0
    with bundle.open(member) as source, open(target, "wb") as sink:
        while chunk := source.read(_CHUNK):
            size += len(chunk)
            if size > ratio_limit:
                raise ZipBomb(archive, limit=MAX_RATIO)
            if size > limit:
                raise TooLarge(archive, "the archive unpacks to more than the size limit",
                               limit=limit)
            sink.write(chunk)
    return size
