"""The Word reader: ``.docx`` through python-docx; ``.doc``, ``.odt``, ``.rtf`` via LibreOffice.

The package is checked before any XML is parsed (zip bombs, entity
declarations, encryption: see :mod:`.docx_package`). The body is walked in
XML order with formatting resolved through the style chain
(:mod:`.docx_styles`) and automatic numbering rendered into list markers
(:mod:`.docx_numbering`). Page headers and footers go to
``Document.furniture``, never into the body.

>>> doc = read("corpora/london-scr-dhr-batch/hackney_FOI20-0188.docx")  # doctest: +SKIP
>>> [b.kind for b in doc.blocks][-3:]  # doctest: +SKIP
['table', 'paragraph', 'paragraph']
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import docx as python_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ..errors import CorruptFile, EmptyFile, FoiExtractError, NotFound, TooLarge
from ..model import Block, Document, Source
from .convert import convert_to_docx
from .docx_body import StoryReader
from .docx_numbering import ListCounter, Numbering
from .docx_package import check_not_encrypted, check_package, is_ole
from .docx_styles import StyleSheet
from .text import quoted_original, read_as_text

MAX_FILE_BYTES = 256 * 1024 * 1024
_FURNITURE_RELS = (RT.HEADER, RT.FOOTER)
_METADATA_FIELDS = ("title", "author", "subject", "created", "modified")


def read(path: str) -> Document:
    """Read a Word document (or a .doc, .odt or .rtf, converted first) into a Document.

    Raises :class:`~foiextract.errors.ConverterMissing` for an old format
    without LibreOffice, and the container errors of :mod:`.docx_package`.

    >>> read("corpora/singles/essex_ECC-FOI-14433.docx").furniture[0].text  # doctest: +SKIP
    'Essex County Council'
    """
    data = _read_bytes(path)
    if is_ole(data):
        # Word and Excel wrap a password-protected file alike: nothing says which it is.
        check_not_encrypted(path, data, "Office file (Word or Excel)")
        data = convert_to_docx(path, data)
    elif _is_opendocument(data):
        check_package(path, data)  # an .odt is a ZIP of XML too: refuse bombs before LibreOffice
        data = convert_to_docx(path, data)
    elif data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        data = convert_to_docx(path, data)
    elif not data.startswith(b"PK"):
        raise CorruptFile(path, "not a Word file (no ZIP container)")
    return read_docx_bytes(path, data)


def read_docx_bytes(path: str, data: bytes) -> Document:
    """Read the bytes of a ``.docx`` (``path`` names it in errors and in ``Document.source``)."""
    check_package(path, data)
    word = _open(path, data)
    try:
        return _document(path, word)
    except FoiExtractError:
        raise
    except Exception as err:  # a malformed part python-docx or lxml trips on
        raise CorruptFile(path, f"the Word file's structure is damaged ({type(err).__name__})"
                          ) from None


def _read_bytes(path: str) -> bytes:
    file = Path(path)
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise NotFound(path, "not a regular file")
        if size > MAX_FILE_BYTES:
            raise TooLarge(path, f"the file is over {MAX_FILE_BYTES // (1024 * 1024)} MB",
                           limit=MAX_FILE_BYTES)
        data = file.read_bytes()
    except FileNotFoundError:
        raise NotFound(path) from None
    except OSError as err:
        raise NotFound(path, f"the file cannot be opened ({type(err).__name__})") from None
    if not data.strip():
        raise EmptyFile(path)
    return data


def _is_opendocument(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and b"mimetypeapplication/vnd.oasis.opendocument" in (
        data[:200])


def _open(path: str, data: bytes) -> Any:
    try:
        return python_docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError):
        raise CorruptFile(path, "not a valid Word file (the ZIP container is damaged)") from None
    except KeyError:
        raise CorruptFile(path, "a required part of the Word package is missing") from None
    except ValueError:
        raise CorruptFile(path, "the package is not a Word document") from None
    except Exception as err:  # python-docx's PackageNotFoundError, lxml syntax errors
        raise CorruptFile(path, f"the Word file could not be opened ({type(err).__name__})"
                          ) from None


def _document(path: str, word: Any) -> Document:
    part = word.part
    styles = StyleSheet.from_element(_styles_element(part))
    numbering = Numbering.from_element(_numbering_element(part), styles.numbering_style_num)
    counter = ListCounter(numbering)
    body = StoryReader(styles, counter, _links(part), numbering).blocks(part.element.body)
    furniture = _furniture(part, styles, numbering)
    # An e-mail pasted into Word a paragraph a line: each block keeps the number of its first
    # paragraph.
    read = read_as_text(body, lambda block, paragraphs: replace(
        block, source=Source(paragraph=paragraphs[0].source.paragraph)))
    if read is not None:
        body = read[0]
        furniture += tuple(read[1])
    body, header = quoted_original(body)
    furniture += tuple(header)
    return Document(blocks=tuple(body), format="docx", source=path, furniture=furniture,
                    metadata=_metadata(word))


def _furniture(part: Any, styles: StyleSheet, numbering: Numbering) -> tuple[Block, ...]:
    """Blocks of every page header and footer, each text once."""
    found: list[Block] = []
    seen: set[str] = set()
    for rel in sorted(part.rels.values(), key=lambda r: (r.reltype != RT.HEADER, r.rId)):
        if rel.reltype not in _FURNITURE_RELS or rel.is_external:
            continue
        story_part = rel.target_part
        reader = StoryReader(styles, ListCounter(numbering), _links(story_part), numbering)
        for block in reader.blocks(story_part.element, numbered=False):
            if block.text not in seen:
                seen.add(block.text)
                found.append(block)
    return tuple(found)


def _links(part: Any) -> Callable[[str], str | None]:
    def target(rid: str) -> str | None:
        rel = part.rels.get(rid)
        if rel is None or not rel.is_external:
            return None
        ref: str = rel.target_ref
        return ref
    return target


def _styles_element(part: Any) -> Any:
    try:
        return part._styles_part.element
    except (KeyError, AttributeError, NotImplementedError):
        return None


def _numbering_element(part: Any) -> Any:
    try:
        return part.numbering_part.element
    except (KeyError, AttributeError, NotImplementedError):
        return None


def _metadata(word: Any) -> dict[str, str]:
    try:
        core = word.core_properties
        values = {name: getattr(core, name) for name in _METADATA_FIELDS}
    except Exception:  # a damaged docProps/core.xml costs the metadata, not the document
        return {}
    metadata: dict[str, str] = {}
    for name, value in values.items():
        if isinstance(value, datetime):
            metadata[name] = value.isoformat()
        elif isinstance(value, str) and value.strip():
            metadata[name] = value.strip()
    return metadata
