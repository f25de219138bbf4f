"""MuckRock request pages saved as text: one Document a message, as a thread export is read.

MuckRock (muckrock.com) is where many US requesters file public-records requests; a request's
page, saved as text, names the requester and the agency ("Joey Scott filed this request with
the Irvine Police Department of Irvine, CA.") and then gives each communication under a
``From: <sender>`` line, a blank line and its date (``02/20/2025``), an optional
``Subject:`` line and the channel it came by (``Email``, ``Mail``, ``Portal``…), then its
text. The requester's messages, and MuckRock's own on their behalf, are outgoing; the rest
come from the agency. The site's menu before the first message and its footer after the last
are not part of any message; a message's files (a name over a `` Download`` line) are its
attachments.

>>> page = ("Log In\\nFleet Costs (Springfield Police Department)\\n"
...         "A Person filed this request with the Springfield Police Department of Springfield, IL."
...         "\\n\\nFrom: A Person\\n\\n01/02/2025\\n\\nSubject: Records Request: Fleet Costs\\n\\n"
...         "Email\\n\\nI request the fleet's costs for 2024.\\n\\n"
...         "From: Springfield Police Department\\n\\n01/20/2025\\n\\nEmail\\n\\n"
...         "No responsive records exist.\\n\\ncosts.pdf\\n\\n Download\\n\\nFor the Record\\n\\n"
...         "Keep up on new releases\\n")
>>> doc = read_page(page, "page.txt")
>>> [(m.metadata["direction"], m.metadata["date"], [b.text for b in m.blocks]) for m in doc.messages]
[('outgoing', '2025-01-02', ["I request the fleet's costs for 2024."]), ('incoming', '2025-01-20', ['No responsive records exist.'])]
>>> doc.messages[1].metadata["attachments"], doc.metadata["title"], doc.metadata["agency"]
('costs.pdf', 'Fleet Costs (Springfield Police Department)', 'Springfield Police Department')
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Document

# "Joey Scott filed this request with the Irvine Police Department of Irvine, CA."
_FILED = re.compile(r"^(?P<who>[^\n]{1,80}?) filed this request with [^\n]{2,250}\.[ \t]*$",
                    re.MULTILINE)
# "From: Irvine Police Department" / "" / "02/20/2025": a communication's head.
_FROM = re.compile(r"^From: (?P<who>[^\n]{1,200}?)[ \t]*\n[ \t]*\n(?P<month>\d{2})/(?P<day>\d{2})/"
                   r"(?P<year>\d{4})[ \t]*$", re.MULTILINE)
# "… filed this request with the Irvine Police Department of Irvine, CA.": the agency, then its
# jurisdiction (a city or county and its state, a state, or the United States of America).
_AGENCY = re.compile(r" filed this request with (?:the )?(?P<agency>.+?) of (?:the )?(?:United States "
                     r"of America|District of Columbia|[^,.]+, [A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
                     r"\.[ \t]*$")
_SUBJECT = re.compile(r"^Subject: (?P<subject>[^\n]*)$")
_CHANNEL = re.compile(r"^(?:E-?mail|Mail|Fax|Portal|Web Portal|Online Portal)$", re.IGNORECASE)
_DOWNLOAD = re.compile(r"^\s*Download\s*$")
# Where the site's own footer begins, after the last communication.
_FOOTER = re.compile(r"^(?:For the Record|Together, we hold power to account\b.*)$", re.MULTILINE)


def is_page(text: str) -> bool:
    """True for a saved MuckRock request page: its "filed this request with" line and at least
    one communication's head after it."""
    if " filed this request with " not in text:
        return False  # (most texts: told without the regular expression)
    filed = _FILED.search(text)
    return filed is not None and _FROM.search(text, filed.end()) is not None


def read_page(text: str, source: str, metadata: dict[str, str] | None = None) -> Document:
    """The page's communications as ``Document.messages`` (see the module's doc)."""
    from .text import layout

    meta = dict(metadata or {})
    filed = _FILED.search(text)
    assert filed is not None, "read_page needs a page is_page accepts"
    requester = filed["who"].strip()
    title = text[:filed.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
    if title:
        meta["title"] = title
    agency = _AGENCY.search(filed.group(0))
    if agency:
        meta["agency"] = agency["agency"].strip()
    heads = list(_FROM.finditer(text, filed.end()))
    footer = _FOOTER.search(text, heads[-1].end())
    end_of_last = footer.start() if footer else len(text)
    messages = []
    for n, head in enumerate(heads):
        end = heads[n + 1].start() if n + 1 < len(heads) else end_of_last
        who = head["who"].strip()
        outgoing = who == requester or who.lower().replace(" ", "").startswith("muckrock")
        msg_meta = {"direction": "outgoing" if outgoing else "incoming", "from": who}
        when = _date(head["year"], head["month"], head["day"])
        if when:
            msg_meta.update(date=when, datetime=when)
        body, subject, attachments = _body(text[head.end():end])
        if subject:
            msg_meta["subject"] = subject
        if attachments:
            msg_meta["attachments"] = "; ".join(attachments)
        first_line = text.count("\n", 0, head.end()) + 2
        lay = layout(body, first_line)
        messages.append(Document(lay.blocks, "text", source, lay.furniture, msg_meta))
    blocks = tuple(b for m in messages for b in m.blocks)
    return Document(blocks, "text", source, (), meta, messages=tuple(messages))


def _date(year: str, month: str, day: str) -> str:
    """The ISO date of a head's MM/DD/YYYY, or "" where it is no date ("13/45/2025")."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


def _body(text: str) -> tuple[str, str, list[str]]:
    """A communication's text without its Subject and channel lines (the subject apart) and
    without its files' names and "Download" lines (the names apart)."""
    lines = text.split("\n")
    subject = ""
    head = [k for k, line in enumerate(lines) if line.strip()][:2]
    for k in head:
        line = lines[k].strip()
        if (found := _SUBJECT.match(line)) and not subject:
            subject = found["subject"].strip()
            lines[k] = ""
        elif _CHANNEL.match(line):
            lines[k] = ""
            break
    attachments: list[str] = []
    for k, line in enumerate(lines):
        if _DOWNLOAD.match(line):
            named = next((j for j in range(k - 1, -1, -1) if lines[j].strip()), None)
            if named is not None:
                attachments.append(lines[named].strip())
                lines[named] = ""
            lines[k] = ""
    return "\n".join(lines), subject, attachments
