"""The responses a compile reads: files, folders, and request platforms' batch downloads.

A batch download (a ZIP, or the folder it unpacks to) holds one folder per
authority, named ``<Authority> - <request title>``, with the correspondence as
``.txt`` files and the attachments in ``<date>/attachments-<id>/`` folders.
Everything below one authority folder is one response (:class:`ResponseFiles`):
the letter, its attachments and the rest of the thread, from which the compile
picks the substantive reply. Any other file is a response of its own.

Each ZIP, whether named or found in a folder named, is an input of its own: one
that is damaged, a bomb, too big or holds a path leaving it becomes one
``errors`` row and the rest of the batch compiles. A symbolic link in a folder
that leads out of it is refused the same way unless links are followed.

>>> authority_from_folder("London Borough of Camden - Serious Case Reviews")
'London Borough of Camden'
>>> authority_from_folder("2020-02-10")
''
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import FoiExtractError
from ..limits import check_inside
from ..pipeline import iter_inputs
from ..tables import error_row
from .archive import unpack

# Members that make a ZIP a document (OOXML, OpenDocument, EPUB), not an archive of files.
_DOCUMENT_MARKERS = frozenset({"[Content_Types].xml", "mimetype"})
_PEEK = 50
_AUTHORITY_FOLDER = re.compile(r"^(?P<authority>[^/]*?\S)\s+[-–]\s+(?P<title>\S.*)$")


@dataclass(frozen=True, slots=True)
class ResponseFiles:
    """The files of one authority's response.

    ``paths`` are the files to read; ``names`` how each is shown in the
    output (``batch.zip!Camden - SCRs/2020-02-10/reply.pdf`` for an archive
    member); ``authority_hint`` is the authority the folder name gives.

    >>> ResponseFiles(("a.pdf",), ("a.pdf",)).authority_hint
    ''
    """

    paths: tuple[str, ...]
    names: tuple[str, ...]
    authority_hint: str = ""


def authority_from_folder(name: str) -> str:
    """The authority in a batch folder's name ``<Authority> - <request title>``, or ``""``."""
    found = _AUTHORITY_FOLDER.match(name.strip())
    if not found or re.fullmatch(r"[\d\s._-]+", found.group("authority")):
        return ""
    return found.group("authority")


def is_archive(path: str) -> bool:
    """True for a ZIP archive of files (told from its bytes, whatever its name), but not for
    a document that is a ZIP inside (Word, OpenDocument)."""
    if not os.path.isfile(path):
        return False
    if not zipfile.is_zipfile(path):
        return path.lower().endswith(".zip")  # a damaged one: unpacking says what is wrong
    try:
        with zipfile.ZipFile(path) as bundle:
            names = set(bundle.namelist()[:_PEEK])
    except (zipfile.BadZipFile, OSError):
        return path.lower().endswith(".zip")
    return not names & _DOCUMENT_MARKERS


@dataclass(frozen=True, slots=True)
class Collected:
    """The responses found in the inputs, and the ``errors`` rows of inputs refused on the way."""

    responses: list[ResponseFiles]
    errors: list[dict[str, str]]


def collect(paths: Iterable[str], workdir: str, exclude: Iterable[str] = (), *,
            follow_symlinks: bool = False) -> Collected:
    """Group the inputs into responses; ZIPs are unpacked safely below ``workdir``.

    ``exclude`` names files to leave out (the request file). A ZIP that cannot
    be unpacked is an ``errors`` row, and nothing of it is read.
    """
    skip = {os.path.realpath(p) for p in exclude}
    found = _Found(workdir, skip, follow_symlinks)
    for path in paths:
        if is_archive(path):
            found.archive(path)
        elif os.path.isdir(path):
            found.folder(path)
        elif os.path.realpath(path) not in skip:
            found.responses.append(ResponseFiles((path,), (path,)))
    return Collected(found.responses, found.errors)


class _Found:
    """Responses and refusals, gathered input by input."""

    def __init__(self, workdir: str, skip: set[str], follow_symlinks: bool) -> None:
        self.workdir, self.skip, self.follow_symlinks = workdir, skip, follow_symlinks
        self.responses: list[ResponseFiles] = []
        self.errors: list[dict[str, str]] = []
        self.archives = 0

    def archive(self, path: str) -> None:
        self.archives += 1
        into = os.path.join(self.workdir, f"archive-{self.archives}")
        try:
            unpack(path, into)
        except FoiExtractError as err:
            shutil.rmtree(into, ignore_errors=True)  # nothing half-unpacked is read
            self.errors.append(error_row(path, err))
            return
        self.responses.extend(_folder(into, f"{path}!", self.skip, batch=True))

    def folder(self, root: str) -> None:
        kept = []
        for path in iter_inputs([root]):
            try:
                if not self.follow_symlinks:
                    check_inside(path, root)
            except FoiExtractError as err:
                self.errors.append(error_row(path, err))
                continue
            if is_archive(path):
                self.archive(path)
            else:
                kept.append(path)
        self.responses.extend(_folder(root, "", self.skip, batch=False, listed=kept))


def _folder(root: str, prefix: str, skip: set[str], *, batch: bool,
            listed: list[str] | None = None) -> Iterator[ResponseFiles]:
    """One response per authority folder (every top folder, in an archive), else per file."""
    groups: dict[str, list[str]] = {}
    for path in iter_inputs([root]) if listed is None else listed:
        if os.path.realpath(path) in skip:
            continue
        relative = os.path.relpath(path, root).replace(os.sep, "/")
        top = relative.split("/", 1)[0] if "/" in relative else ""
        key = top if top and (batch or authority_from_folder(top)) else relative
        groups.setdefault(key, []).append(path)
    for key in sorted(groups):
        found = groups[key]
        names = tuple(_shown(root, p, prefix) for p in found)
        yield ResponseFiles(tuple(found), names, authority_from_folder(key))


def _shown(root: str, path: str, prefix: str) -> str:
    if not prefix:
        return path
    return prefix + os.path.relpath(path, root).replace(os.sep, "/")
