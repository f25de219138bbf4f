"""Email reader (``.eml``) on the standard library's email package.

Headers go to ``metadata`` (from, to, cc, subject, date as ISO, message_id).
Quoted-printable and base64 bodies are decoded. A ``text/plain`` body is laid
out as plain text (``> `` lines are quote blocks); a ``text/html`` body is
read by the web-page reader and preferred when it carries structure the
plain text cannot (emphasis, tables, lists, headings). Attachments (PDF,
Word, …) are read as documents in their own right into
``Document.attachments``; one that cannot be read is skipped and named in
``metadata["unreadable_attachments"]``.

>>> doc = parse(b"From: a@b.org\\nSubject: FOI 1\\n\\n> How many?\\n\\nTwo.\\n", "x.eml")
>>> doc.metadata["subject"], [(b.kind, b.text) for b in doc.blocks]
('FOI 1', [('quote', 'How many?'), ('paragraph', 'Two.')])
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import re
import tempfile
from contextvars import ContextVar
from dataclasses import replace
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from pathlib import Path

from ..errors import CorruptFile, EmptyFile
from ..model import Block, Document
from . import html as html_reader
from . import utf8_bytes
from . import text as text_reader

_HEADERS = {"from": "from", "to": "to", "cc": "cc", "subject": "subject",
            "message-id": "message_id"}
_SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}$")
_SKIPPED_TYPES = ("image", "audio", "video")
# An email attached to an email attached to …: read this many levels, no deeper.
MAX_NESTING = 3
_depth: ContextVar[int] = ContextVar("foiextract_email_depth", default=0)
# Defects that mean the parts of a multipart email could not be found.
_NO_PARTS = (email.errors.StartBoundaryNotFoundDefect, email.errors.NoBoundaryInMultipartDefect,
             email.errors.MultipartInvariantViolationDefect)
_BAD_BASE64 = (email.errors.InvalidBase64CharactersDefect, email.errors.InvalidBase64LengthDefect,
               email.errors.InvalidBase64PaddingDefect)


class _BrokenMime(Exception):
    """A part the email's MIME structure promises cannot be read; ``args[0]`` says why."""


def read(path: str) -> Document:
    """Read an ``.eml`` file into a :class:`Document`."""
    return parse(utf8_bytes(Path(path).read_bytes(), path), path)


def parse(data: bytes, source: str) -> Document:
    """Parse an email's bytes into a :class:`Document` (``format="email"``)."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        metadata = _metadata(message)
        body = _body(message, source)
        attachments, unreadable = _attachments(message, source)
    except _BrokenMime as err:
        raise CorruptFile(source, f"the email's MIME structure is broken ({err.args[0]})") from None
    except (LookupError, ValueError, TypeError, AttributeError, IndexError) as err:
        raise CorruptFile(source, f"the email could not be decoded ({type(err).__name__})") from None
    if unreadable:
        metadata["unreadable_attachments"] = "; ".join(unreadable)
    if body is None and not attachments:
        if any(isinstance(d, _NO_PARTS) for part in message.walk() for d in part.defects):
            raise CorruptFile(source, "the email's MIME structure is broken (its parts' "
                              "boundary is missing or never found)")
        raise EmptyFile(source, "the email has no body text and no readable attachments")
    blocks, furniture = (body.blocks, body.furniture) if body else ((), ())
    return Document(blocks, "email", source, furniture, metadata, attachments=attachments)


def _metadata(message: Message) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for header, key in _HEADERS.items():
        value = message.get(header)
        if value is not None and str(value).strip():
            metadata[key] = " ".join(str(value).split())
    date = message.get("date")
    if date:
        try:
            metadata["date"] = parsedate_to_datetime(str(date)).isoformat()
        except (TypeError, ValueError, IndexError):
            metadata["date"] = " ".join(str(date).split())
    return metadata


def _body(message: Message, source: str) -> Document | None:
    """The richer of the plain and HTML bodies, as a Document (None when there is no text)."""
    plain = _part(message, "plain")
    html = _part(message, "html")
    plain_doc = html_doc = None
    if plain is not None:
        text = _decoded_text(plain)
        if text.strip():
            lay = text_reader.layout(text.replace("\r\n", "\n").replace("\r", "\n"))
            plain_doc = Document(lay.blocks, "email", source, lay.furniture)
    if html is not None:
        payload = html.get_payload(decode=True)
        if isinstance(payload, bytes) and payload.strip():
            try:
                html_doc = html_reader.parse(_as_utf8_html(html, payload), source)
            except EmptyFile:
                html_doc = None
    if html_doc is not None and (plain_doc is None or _richer(html_doc.blocks)):
        return html_doc
    if plain_doc is not None and (plain_doc.blocks or plain_doc.furniture):
        return plain_doc
    return html_doc


def _part(message: Message, subtype: str) -> Message | None:
    if isinstance(message, EmailMessage):
        part = message.get_body(preferencelist=(subtype,))
        if part is not None and part.get_content_subtype() == subtype:
            return part
    return None


def _decoded_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    if any(isinstance(d, email.errors.InvalidBase64LengthDefect) for d in part.defects):
        raise _BrokenMime("a text part's base64 is damaged")  # the payload came back undecoded
    bad_base64 = any(isinstance(d, _BAD_BASE64) for d in part.defects)
    for encoding in (charset, "utf-8") if bad_base64 else (charset, "utf-8", "cp1252"):
        try:
            return payload.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    if bad_base64:
        # Damaged base64 decodes to bytes of no charset: reading them as Windows-1252 gives junk.
        raise _BrokenMime("a text part's base64 is damaged")
    return payload.decode("utf-8", errors="replace")


def _as_utf8_html(part: Message, payload: bytes) -> bytes:
    """The HTML part re-encoded as UTF-8 with a charset the HTML parser will see."""
    text = _decoded_text(part)
    return b'<meta charset="utf-8">' + text.encode("utf-8") if text else payload


def _richer(blocks: tuple[Block, ...]) -> bool:
    """True when blocks carry structure plain text cannot: emphasis, tables, lists, headings."""
    for block in blocks:
        if block.kind in ("table", "heading", "list_item"):
            return True
        if any(s.bold or s.italic or s.color for s in block.spans if s.text.strip()):
            return True
    return False


def _attachments(message: Message, source: str) -> tuple[tuple[Document, ...], list[str]]:
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        return (), []
    documents: list[Document] = []
    unreadable: list[str] = []
    for n, part in enumerate(message.iter_attachments(), 1):
        name = part.get_filename() or f"attachment-{n}"
        if part.get_content_maintype() in _SKIPPED_TYPES:
            continue
        document = _read_attachment(part, name, source)
        if document is None:
            unreadable.append(name)
        else:
            documents.append(document)
    return tuple(documents), unreadable


def _read_attachment(part: EmailMessage, name: str, source: str) -> Document | None:
    """An attachment read through :func:`read_document`, or None when it cannot be read."""
    from . import read_document  # the package imports this module lazily

    if _depth.get() >= MAX_NESTING:
        return None
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        try:
            data = inner[0].as_bytes() if isinstance(inner, list) and inner \
                and isinstance(inner[0], Message) else b""
        except Exception:  # noqa: BLE001 - e.g. RecursionError: messages nested hundreds deep
            return None
        suffix = ".eml"
    else:
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        match = _SAFE_SUFFIX.search(name)
        suffix = match.group(0) if match else ""
    if not data.strip():
        return None
    token = _depth.set(_depth.get() + 1)
    try:
        with tempfile.TemporaryDirectory(prefix="foiextract-") as folder:
            path = Path(folder) / f"attachment{suffix}"
            path.write_bytes(data)
            document = read_document(path)
    except Exception:  # noqa: BLE001 - an unreadable attachment must never fail its email
        return None
    finally:
        _depth.reset(token)
    return replace(document, source=f"{source}#{name}")
