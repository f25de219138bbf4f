"""Where in a document the facts reader looks, in order of trust.

A letter's facts sit in its letterhead (``furniture``), its first blocks
(``head``: address, date, reference), its sign-off (``tail``), its body and
what the container says (``metadata``: e-mail From, Date and Subject, a web
page's title). For a correspondence thread the substantive reply is read: the
last message from the authority.

>>> from foiextract.model import Block, Document, Span
>>> doc = Document((Block("paragraph", (Span("Our ref: 123"),)),), "text", "a.txt")
>>> [(z.name, z.text) for z in zones(doc)][:2]
[('head', 'Our ref: 123'), ('body', 'Our ref: 123')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from ..model import Block, Document, Span

ZoneName = Literal["furniture", "head", "body", "tail", "metadata"]

HEAD_BLOCKS = 14
TAIL_BLOCKS = 12


@dataclass(frozen=True, slots=True)
class Zone:
    """Some text of a document and the part of it it came from."""

    name: ZoneName
    text: str


# A request platform's thread export read as plain text or Markdown before anything split it
# into messages: "===== INCOMING 2024-04-25T14:48:39+01:00 message_id=..." opens each message.
_THREAD_MARKER = re.compile(r"^=+\s*(?P<direction>INCOMING|OUTGOING)\s+(?P<date>\S+)[^\n]*?(?:message_id=\S+)?\s*")


def messages_of(document: Document) -> tuple[Document, ...]:
    """A thread's messages: the reader's, else those marked in an exported thread's text.

    >>> doc = Document((Block("paragraph", (Span("===== OUTGOING 2024-04-19T16:40 Dear council"),)),
    ...                 Block("paragraph", (Span("===== INCOMING 2024-04-25T14:48 Dear David"),))),
    ...                "text", "t.txt")
    >>> [(m.metadata["direction"], m.blocks[0].text) for m in messages_of(doc)]
    [('outgoing', 'Dear council'), ('incoming', 'Dear David')]
    """
    if document.messages:
        return document.messages
    if _last and _last[0].document is document:
        return _last[0].messages
    return _messages_of(document)


def _messages_of(document: Document) -> tuple[Document, ...]:
    if document.messages:
        return document.messages
    found: list[tuple[dict[str, str], list[Block]]] = []
    for block in document.blocks:
        # A marker starts with "=".
        m = (_THREAD_MARKER.match(block.text) if block.kind != "table" and block.text.startswith("=")
             else None)
        if m:
            rest = block.text[m.end():].strip()
            found.append(({"direction": m.group("direction").lower(), "date": m.group("date")}, []))
            if rest:
                found[-1][1].append(replace(block, spans=(Span(rest),)))
        elif found:
            found[-1][1].append(block)
    return tuple(Document(tuple(blocks), document.format, document.source, metadata=meta)
                 for meta, blocks in found)


def reply_of(document: Document) -> Document:
    """The message a thread's facts come from: the last one from the authority.

    A document that is not a thread is its own reply.
    """
    if _last and _last[0].document is document:
        return _last[0].reply
    return _reply_of(messages_of(document), document)


def _reply_of(messages: tuple[Document, ...], document: Document) -> Document:
    incoming = [m for m in messages if m.metadata.get("direction") == "incoming"]
    return incoming[-1] if incoming else document


def request_of(document: Document) -> Document | None:
    """A thread's first message from the requester, if there is one."""
    for message in messages_of(document):
        if message.metadata.get("direction") == "outgoing":
            return message
    return None


def block_text(block: Block) -> str:
    """A block's text; a table as one line a row, cells joined by `` | ``."""
    if block.kind == "table":
        return "\n".join(" | ".join(c.text for c in row) for row in block.rows)
    return block.text


@dataclass(frozen=True, slots=True)
class _Reading:
    """What every fact reads of one document: its reply, the reply's block texts, its zones."""

    document: Document
    messages: tuple[Document, ...]
    reply: Document
    texts: tuple[str, ...]
    zones: tuple[Zone, ...]


_last: list[_Reading] = []


def _reading(document: Document) -> _Reading:
    # Every fact reads the same document in turn: keep the last one read.
    if _last and _last[0].document is document:
        return _last[0]
    messages = _messages_of(document)
    reply = _reply_of(messages, document)
    texts = tuple(block_text(b) for b in reply.blocks)
    found = _Reading(document, messages, reply, texts, _zones(document, reply, texts))
    _last[:] = [found]
    return found


def reply_texts(document: Document) -> tuple[str, ...]:
    """The texts of the blocks of the document's reply (see :func:`block_text`)."""
    return _reading(document).texts


def own_text(document: Document) -> str | None:
    """The reply's own words: its blocks' texts without the earlier messages it quotes; None
    where it quotes none (its own words are then all its text, read already)."""
    reading = _reading(document)
    if not any(b.kind == "quote" for b in reading.reply.blocks):
        return None
    return "\n".join(t for b, t in zip(reading.reply.blocks, reading.texts) if b.kind != "quote")


def zones(document: Document) -> tuple[Zone, ...]:
    """The document's text, zone by zone: furniture, head, body, tail, metadata."""
    return _reading(document).zones


def _zones(document: Document, reply: Document, texts: tuple[str, ...]) -> tuple[Zone, ...]:
    # The head is the authority's own opening: a quoted request (an e-mail reply, a focused
    # thread) is not its letterhead.
    own = [t for b, t in zip(reply.blocks, texts) if b.kind != "quote"]
    out: list[Zone] = [Zone("furniture", block_text(b)) for b in reply.furniture]
    out.append(Zone("head", "\n".join(own[:HEAD_BLOCKS])))
    out.append(Zone("body", "\n".join(texts)))
    out.append(Zone("tail", "\n".join(texts[-TAIL_BLOCKS:])))
    for key in ("from", "subject", "title"):
        value = reply.metadata.get(key) or document.metadata.get(key)
        if value:
            out.append(Zone("metadata", value))
    return tuple(z for z in out if z.text.strip())
