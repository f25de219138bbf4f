"""Request threads downloaded as plain text from an Alaveteli site: one Document a message.

Alaveteli runs WhatDoTheyKnow, OPRAmachine (New Jersey), Right to Know (Australia), FYI (New
Zealand), AsktheEU and others; each offers a thread as plain text. The download opens "This
is a plain-text version of the Freedom of Information request "<title>". The latest, full
version is available online at <url>." and gives each message under ``From:``, ``To:`` and
``Date:`` lines (``Date: May 14, 2024``), the messages parted by a line of dashes. The first
message is the requester's; a message from the same sender is outgoing, any other incoming.

>>> thread = ('This is a plain-text version of the Freedom of Information request "Fleet '
...           'costs".  The latest, full version is available online at '
...           'https://example.org/request/fleet_costs.\\n\\n'
...           '        From: A Person\\n  To: Springfield Council\\n  Date: January 02, 2025\\n'
...           '  Dear Springfield Council,\\n\\n  Please send me the fleet costs for 2024.\\n\\n'
...           '-------------------------------\\n'
...           '        From: Springfield Council\\n  To: A Person\\n  Date: January 20, 2025\\n\\n'
...           ' The fleet cost £12,000 in 2024.\\n\\n-------------------------------\\n')
>>> doc = read_thread(thread, "thread.txt")
>>> [(m.metadata["direction"], m.metadata["date"], m.blocks[-1].text) for m in doc.messages]
[('outgoing', '2025-01-02', 'Please send me the fleet costs for 2024.'), ('incoming', '2025-01-20', 'The fleet cost £12,000 in 2024.')]
>>> doc.metadata["title"]
'Fleet costs'
"""

from __future__ import annotations

import re
import textwrap
from datetime import datetime

from ..model import Document

_OPENING = re.compile(r"\A\s*This is a plain-text version of the (?P<law>[^\n\"]{2,120}) request "
                      r"\"(?P<title>[^\n]*)\"\.\s+The latest, full version is available online at "
                      r"(?P<url>\S+?)\.?[ \t]*$", re.MULTILINE)
_SEPARATOR = re.compile(r"^-{25,}[ \t]*$", re.MULTILINE)
_HEAD = re.compile(r"\A\s*From: (?P<who>[^\n]*)\n[ \t]*To: [^\n]*\n[ \t]*Date: (?P<date>[^\n]*)\n")


def is_thread(text: str) -> bool:
    """True for an Alaveteli thread downloaded as plain text (its opening line)."""
    return _OPENING.match(text) is not None


def read_thread(text: str, source: str, metadata: dict[str, str] | None = None) -> Document:
    """The thread's messages as ``Document.messages`` (see the module's doc)."""
    from .text import layout

    meta = dict(metadata or {})
    opening = _OPENING.match(text)
    assert opening is not None, "read_thread needs a thread is_thread accepts"
    meta["title"] = opening["title"].strip()
    chunks: list[tuple[int, str]] = []  # each message's first line and its text
    at = opening.end()
    for separator in [*_SEPARATOR.finditer(text, at), None]:
        end = separator.start() if separator else len(text)
        chunk = text[at:end]
        if _HEAD.match(chunk) or not chunks:
            chunks.append((text.count("\n", 0, at) + 1, chunk))
        else:
            line, before = chunks[-1]
            chunks[-1] = (line, before + chunk)  # a rule of dashes inside a message
        at = separator.end() if separator else end
    messages = []
    requester = ""
    for line, chunk in chunks:
        head = _HEAD.match(chunk)
        if head is None:
            continue
        who = head["who"].strip()
        requester = requester or who
        msg_meta = {"direction": "outgoing" if who == requester else "incoming", "from": who}
        when = _date(head["date"])
        if when:
            msg_meta.update(date=when, datetime=when)
        body = textwrap.dedent(chunk[head.end():])
        lay = layout(body, line + chunk.count("\n", 0, head.end()))
        messages.append(Document(lay.blocks, "text", source, lay.furniture, msg_meta))
    blocks = tuple(b for m in messages for b in m.blocks)
    return Document(blocks, "text", source, (), meta, messages=tuple(messages))


def _date(text: str) -> str:
    try:
        return datetime.strptime(" ".join(text.split()), "%B %d, %Y").date().isoformat()
    except ValueError:
        return ""
