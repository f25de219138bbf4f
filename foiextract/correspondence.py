"""Request threads: the request and the authority's substantive reply, picked out of the messages.

A request platform's thread (``Document.messages``) holds the requester's
request, the authority's acknowledgement, perhaps a clarification, the reply,
sometimes a re-issued reply. :func:`focus` returns one Document whose blocks
are the request (the first outgoing message, as ``quote`` blocks) followed by
the reply that answers it, so the segmenter reads a thread as it reads a
letter. Acknowledgements ("we will respond within 20 working days") and
clarification requests are passed over; among the replies, the one with the
most answer content wins, and a later re-issue of it wins over it. The
phrases live in ``foiextract/data/correspondence_phrases.json``.

>>> from foiextract.model import Block, Document, Span
>>> ask = Document((Block("list_item", (Span("How many?"),), level=1, marker="1."),), "text", "t",
...                metadata={"direction": "outgoing", "date": "2024-01-02"})
>>> ack = Document((Block("paragraph", (Span("We have received your request."),)),), "text", "t",
...                metadata={"direction": "incoming", "date": "2024-01-03"})
>>> reply = Document((Block("paragraph", (Span("Please find our response: 2."),)),), "text", "t",
...                  metadata={"direction": "incoming", "date": "2024-01-20"})
>>> doc = focus(Document((), "text", "t", messages=(ask, ack, reply)))
>>> [(b.kind, b.marker, b.text) for b in doc.blocks], doc.metadata["reply_date"]
([('quote', '1.', 'How many?'), ('paragraph', '', 'Please find our response: 2.')], '2024-01-20')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from .lexicon.data import load_json
from .lexicon.text import counted_item
from .model import Block, Document
from .foi.reference import find_reference_in

# A later reply at least this share of the best reply's score is taken as its re-issue.
REISSUE_SHARE = 0.75
_WEIGHTS = {"substantive": 3.0, "acknowledgement": -4.0, "clarification": -6.0,
            "list_item": 2.0, "request_item": 3.0, "attachment": 3.0}
_WORDS_PER_POINT = 50
_MAX_WORD_POINTS = 10.0


@dataclass(frozen=True, slots=True)
class ReplyScore:
    """How much a message reads as the substantive reply, and why.

    >>> ReplyScore(2, 0, 0, 5, 0, 0, 120).total > 0
    True
    """

    substantive: int
    acknowledgement: int
    clarification: int
    list_items: int
    request_items: int
    attachments: int
    words: int

    @property
    def total(self) -> float:
        return (_WEIGHTS["substantive"] * self.substantive
                + _WEIGHTS["acknowledgement"] * self.acknowledgement
                + _WEIGHTS["clarification"] * self.clarification
                + _WEIGHTS["list_item"] * self.list_items
                + _WEIGHTS["request_item"] * self.request_items
                + _WEIGHTS["attachment"] * self.attachments
                + min(self.words / _WORDS_PER_POINT, _MAX_WORD_POINTS))


@cache
def _phrases() -> dict[str, re.Pattern[str]]:
    data: dict[str, Any] = load_json("correspondence_phrases.json")
    return {key: re.compile("|".join(f"(?:{p})" for p in data[key]), re.IGNORECASE)
            for key in ("acknowledgement", "clarification", "substantive", "review_outcome",
                        "delay_notice")}


def focus(document: Document) -> Document:
    """The request followed by the substantive reply, as one Document.

    A Document without messages is returned unchanged. The result keeps the
    thread's format, source and metadata (adding ``request_date`` and
    ``reply_date`` where known), takes the reply's furniture and attachments,
    and has no messages of its own.
    """
    if not document.messages:
        return document
    outgoing = [m for m in document.messages if m.metadata.get("direction") == "outgoing"]
    incoming = [m for m in document.messages if m.metadata.get("direction") == "incoming"]
    request = outgoing[0] if outgoing else None
    reply = substantive_reply(incoming, request)
    metadata = dict(document.metadata)
    blocks: list[Block] = []
    if request is not None:
        blocks.extend(_as_quote(b) for b in request.blocks)
        if request.metadata.get("date"):
            metadata["request_date"] = request.metadata["date"]
    furniture: tuple[Block, ...] = ()
    attachments = document.attachments
    if reply is not None:
        blocks.extend(_without_request_reprinted(_without_quoted_original(reply.blocks),
                                                 request))
        furniture = reply.furniture
        attachments = attachments + reply.attachments
        if reply.metadata.get("date"):
            metadata["reply_date"] = reply.metadata["date"]
        if reply.metadata.get("attachments"):
            metadata["reply_attachments"] = reply.metadata["attachments"]
    elif incoming:
        # Only acknowledgements or clarification requests: the request is not answered yet. The
        # last one's words stay as the letter's furniture (its reference, its authority), not
        # as an answer.
        furniture = tuple(_without_quoted_original(incoming[-1].blocks)) + incoming[-1].furniture
        metadata["unanswered"] = "awaiting reply"
    # "This has been logged as a request under the Environmental Information Regulations":
    # said in the acknowledgement, often not again in the reply.
    logged = next((law for m in incoming if (law := _handled_under(m))), "")
    if logged:
        metadata["logged_under"] = logged
    else:
        # "…under the Freedom of Information Act 2000" in another of the authority's messages:
        # the law its reply stands under, where the reply names none.
        named = _named_law(incoming)
        if named:
            metadata["thread_law"] = named
    # "Subject: Re: Clarification Request – … – Reference – FOI / 2021-22-1114", in the header
    # of an e-mail a message quotes: the reference the authority gave, where the reply does
    # not say it again.
    if "subject" not in metadata:
        subject = next((s for m in document.messages for s in _quoted_subjects(m)
                        if find_reference_in(s)), "")
        if subject:
            metadata["subject"] = subject
    return replace(document, blocks=tuple(blocks), furniture=furniture, metadata=metadata,
                   attachments=attachments, messages=())


def _named_law(messages: list[Document]) -> str:
    from .foi.legislation import legislation_of_text

    return legislation_of_text("\n".join(b.text for m in messages for b in m.blocks))


def _handled_under(message: Document) -> str:
    from .foi.legislation import handled_under

    return handled_under("\n".join(b.text for b in message.blocks))


def substantive_reply(incoming: list[Document], request: Document | None = None) -> Document | None:
    """The incoming message that answers the request (None when there are no incoming messages).

    Falls back to the last incoming message when none reads as a reply, unless every one is
    an acknowledgement or a clarification request (or asks for the requester's full name):
    a thread the authority has not answered yet has no reply (None), not its "we will
    respond by 16/05/2025" read as the answer.
    """
    if not incoming:
        return None
    request_items = _request_items(request)
    scores = [score(m, request_items) for m in incoming]
    scored = [(found.total, n, m) for n, (found, m) in enumerate(zip(scores, incoming))]
    holding = {n for n, (found, m) in enumerate(zip(scores, incoming))
               if _holding(found) or _delay_notice(m)}
    replies = [entry for entry in scored if entry[0] > 0 and entry[1] not in holding]
    if not replies:
        return next((m for n, m in reversed(list(enumerate(incoming))) if n not in holding), None)
    # An internal review's outcome answers the requester's complaint: the reply it reviews,
    # where the thread holds one, is the answer to the request.
    answers = [entry for entry in replies if not _review_outcome(entry[2])]
    replies = answers or replies
    best = max(total for total, _, _ in replies)
    return max((e for e in replies if e[0] >= REISSUE_SHARE * best), key=lambda e: e[1])[2]


def score(message: Document, request_items: tuple[str, ...] = ()) -> ReplyScore:
    """Score one message as a reply (quoted text and furniture left out)."""
    body = [b for b in _without_quoted_original(message.blocks) if b.kind != "quote"]
    text = " ".join(" ".join(b.text.split()) for b in body)
    folded = _fold(text)
    phrases = _phrases()
    attachments = message.metadata.get("attachments", "")
    return ReplyScore(
        substantive=len(phrases["substantive"].findall(text)),
        acknowledgement=len(phrases["acknowledgement"].findall(text)),
        clarification=len(phrases["clarification"].findall(text)),
        list_items=sum(1 for b in body if b.kind == "list_item" and b.marker != "•"
                       or b.kind == "paragraph" and counted_item(b.text) is not None),
        request_items=sum(1 for item in request_items if item and item in folded),
        attachments=len([a for a in attachments.split(";") if a.strip()]) + len(message.attachments),
        words=len(text.split()),
    )


def _review_outcome(message: Document) -> bool:
    """A message that gives the outcome of an internal review ("Thank you for your request for
    an internal review relating to …", "I have carried out an internal review"), said
    near its start."""
    body = [b for b in _without_quoted_original(message.blocks) if b.kind != "quote"]
    opening = " ".join(" ".join(b.text.split()) for b in body)[:_REVIEW_OPENING]
    return _phrases()["review_outcome"].search(opening) is not None


# How far into a message its being a review's outcome is said.
_REVIEW_OPENING = 600


def _delay_notice(message: Document) -> bool:
    """A message that opens by saying the reply will be late ("… we will not be able to provide
    a response to your request within the initial timescale", "we are extending the deadline"):
    however many sections and exemptions it names in explaining why, it answers nothing."""
    body = [b for b in _without_quoted_original(message.blocks) if b.kind != "quote"]
    opening = " ".join(" ".join(b.text.split()) for b in body)[:_REVIEW_OPENING]
    return _phrases()["delay_notice"].search(opening) is not None


def _holding(found: ReplyScore) -> bool:
    """An acknowledgement or a clarification request: such wording and no reply wording, or
    more of it than of reply wording ("…cannot process your requests because you have not given
    us your full name. Section 8 of the Freedom of Information Act states …")."""
    return found.acknowledgement + found.clarification > found.substantive


def _request_items(request: Document | None) -> tuple[str, ...]:
    if request is None:
        return ()
    return tuple(_fold(b.text)[:60] for b in request.blocks
                 if b.kind == "list_item" and len(b.text) >= 15)


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


def _as_quote(block: Block) -> Block:
    if block.kind in ("table", "quote"):
        return block if block.kind == "table" else replace(block, level=max(block.level, 1))
    return Block("quote", block.spans, level=1, marker=block.marker, source=block.source)


def _without_quoted_original(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Drop the quoted original message a reply ends with (its trailing quote blocks)."""
    end = len(blocks)
    while end and blocks[end - 1].kind == "quote":
        end -= 1
    return blocks[:end] if end else blocks


def _without_request_reprinted(blocks: tuple[Block, ...], request: Document | None
                               ) -> tuple[Block, ...]:
    """Drop the request the reply's e-mail carries below its own text, word for word and
    unmarked (a public-records office answering through a platform's mailbox): the reply's
    last paragraphs, three or more, that repeat the request's, with nothing between them
    longer than a line. A restatement the reply answers, with answers after it, stays.

    >>> from foiextract.model import Span
    >>> said = [Block("paragraph", (Span(t),)) for t in ("I ask for A.", "I ask for B.", "Bye.")]
    >>> ask = Document(tuple(said), "text", "t")
    >>> reply = (Block("paragraph", (Span("No records exist."),)), Block("paragraph",
    ...          (Span("May 1, 2025"),)), *said)
    >>> [b.text for b in _without_request_reprinted(reply, ask)]
    ['No records exist.', 'May 1, 2025']
    >>> [b.text for b in _without_request_reprinted((*said[:2], reply[0]), ask)]
    ['I ask for A.', 'I ask for B.', 'No records exist.']
    """
    if request is None:
        return blocks
    asked = {_fold(b.text) for b in request.blocks if b.text.strip()}
    same = [_fold(b.text) in asked for b in blocks]
    start = len(blocks)
    for k in range(len(blocks) - 1, -1, -1):
        if same[k]:
            start = k
        elif len(blocks[k].text.split()) > _REPRINT_GAP_WORDS:
            break
    if start == len(blocks) or not any(same[-1:]) or sum(same[start:]) < _REPRINT_MIN \
            or not any(not s and b.text.strip() for s, b in zip(same[:start], blocks[:start])):
        return blocks
    return blocks[:start]


# A re-printed request is this many paragraphs or more; a line between them (its date, the
# office's address) is at most this many words.
_REPRINT_MIN = 3
_REPRINT_GAP_WORDS = 12


def _quoted_subjects(message: Document) -> list[str]:
    """The Subject lines of the e-mail headers a message quotes (a long one wrapped onto the
    next line joined)."""
    found = []
    for block in message.furniture:
        lines = block.text.split("\n")
        for k, line in enumerate(lines):
            if line.lower().startswith("subject:"):
                more = lines[k + 1] if k + 1 < len(lines) and not _HEADER.match(lines[k + 1]) else ""
                found.append(f"{line[8:].strip()} {more}".strip())
    return found


_HEADER = re.compile(r"^(?:from|sent|to|cc|date|subject)\s*:", re.I)
