"""When the request was received and when the reply was sent.

Received: a "Date received" or "Request date" field, "received on 28 January
2020", "which you requested by e-mail on 9 September 2017", else the date of a
thread's first message from the requester. Response: a "Date:" or "Date of response" field,
a line holding only a date in the letterhead or opening, else the date the
container gives (an e-mail's Date header, a thread message's date).

>>> received_in_text("Thank you for your request, which we received on 29\\nJanuary 2020.")
'2020-01-29'
>>> response_in_text("London Borough of Barnet\\n10 February 2020\\nOur ref: 6015464")
'2020-02-10'
>>> received_in_text("The Department received your request under the Illinois Freedom of "
...                  "Information Act, 5 ILCS 140/1 et seq., on August 10, 2015, in which")
'2015-08-10'
>>> received_in_text("We received your request and responded on 5 May 2020.")
''
>>> received_in_text("REQUEST DATE:   August 10, 2015"), response_in_text("REQUEST DATE: August 10, 2015")
('2015-08-10', '')
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Document
from .dates import DATE_PATTERN, DAY_MONTH, find_dates, is_date_only, on_or_before, parse_date
from ..lexicon.scan import folded, matches, starts
from .zones import reply_of, request_of, zones

_DATE = DATE_PATTERN.pattern
# Each pattern with the words its matches start with (case folded).
_RECEIVED = (
    (re.compile(r"\b(?:date\s+(?:request\s+)?received|received\s+date|date\s+of\s+(?:receipt|request)"
                r"|request\s+date|request\s+received|date\s+submitted|submitted\s+on)"
                r"\s*[:|]?\s*(?P<date>" + _DATE + ")", re.IGNORECASE),
     ("date", "received", "request", "submitted")),
    # (Up to a long body's name between them: "received by Manchester University NHS Foundation
    # Trust on 22/01/2024".)
    (re.compile(r"\breceived\b(?:(?!\b(?:respond|repl|sent|wrote|issued))[^.\n]){0,80}?\bon\s+"
                r"(?P<date>" + _DATE + ")", re.IGNORECASE), ("received",)),
    # "…received your request under the Illinois Freedom of Information Act, 5 ILCS 140/1 et
    # seq., on August 10, 2015": a longer way to the date, through abbreviations' stops, but
    # no other verb's date ("…received your request and responded on …").
    (re.compile(r"\breceived\s+your\b(?:(?!\b(?:respond|repl|sent|wrote|issued))"
                r"(?:[^.\n]|\.(?!\s+[A-Z]))){0,100}?\bon\s+(?P<date>" + _DATE + ")",
                re.IGNORECASE), ("received",)),
    (re.compile(r"\b(?:received|dated)\s+(?P<date>" + _DATE + ")", re.IGNORECASE), ("received", "dated")),
    # "On February 11, 2019, we received your request…", "You sent us a Freedom of Information
    # request on 01/05/2018", "…which you sent us in separate emails on 26 September 2023".
    (re.compile(r"\bon\s+(?P<date>" + _DATE + r"),?\s+(?:we|I|the(?:\s+[\w&'’-]+){1,4}?|(?-i:[A-Z][\w&'’-]*"
                r"(?:\s+[A-Z][\w&'’-]*){0,5}))\s+(?:(?:has|have|had)\s+)?received\s+your\b",
                re.IGNORECASE), ("on",)),
    (re.compile(r"\byou\s+sent\s+(?:to\s+)?us\b[^.\n]{0,80}?\bon\s+(?P<date>" + _DATE + ")",
                re.IGNORECASE), ("you",)),
    # "Thank you for your email of 6 March 2024 requesting…": the request came as that message.
    (re.compile(r"\b(?:request(?:ed)?|your\s+(?:e-?mail|letter|correspondence|message))\b"
                r"(?:(?!\b(?:respond|repl|sent|wrote|issued))[^.]){0,50}?"
                r"\b(?:on|of|dated)\s+(?P<date>" + _DATE + ")",
                re.IGNORECASE), ("request", "your")),
)
_FIELD_NAME = (r"(?:date\s+of\s+(?:response|reply|letter)|response\s+date|date\s+(?:sent|responded)"
               r"|date)")
_RESPONSE_FIELD = re.compile(
    r"(?:(?:^|\n|\|)[ \t]*" + _FIELD_NAME + r"[ \t]*(?::[ \t]*)?(?:\|[ \t]*)?"
    # "Request date:" (a US letter's "REQUEST DATE:") is the request's date, not the letter's
    r"|(?<![\w])(?<!request )" + _FIELD_NAME + r"[ \t]*:[ \t]*)(?P<date>" + _DATE + ")", re.IGNORECASE)
_PUBLISHED = re.compile(r"\b(?:published|date\s+published)\s*[:|]?\s*(?P<date>" + _DATE + ")",
                        re.IGNORECASE)
_PUBLISHED_STARTS = ("published", "date")


def _field_starts(low: str | None) -> list[int] | None:
    """Where a match of ``_RESPONSE_FIELD`` may start: at a field name, or at the line start, bar
    or text start before it (with only spaces and tabs between)."""
    names = starts(low, ("date", "response"))
    if low is None or names is None:
        return None
    found = set(names)
    for q in names:
        r = q
        while r > 0 and low[r - 1] in " \t":
            r -= 1
        if r == 0:
            found.add(0)
        elif low[r - 1] in "\n|":
            found.add(r - 1)
    return sorted(found)


def _first(pattern: re.Pattern[str], text: str, at: list[int] | None) -> str:
    for m in matches(pattern, text, at):
        iso = parse_date(m.group("date"))
        if iso:
            return iso
    return ""


def received_in_text(text: str) -> str:
    """The received date a letter's text states, or ``""``."""
    low = folded(text)
    seen: dict[str, list[int]] = {}  # each word looked for once
    for pattern, words in _RECEIVED:
        at = None
        if low is not None:
            for word in words:
                if word not in seen:
                    seen[word] = starts(low, (word,)) or []
            at = sorted({p for word in words for p in seen[word]})
        iso = _first(pattern, text, at)
        if iso:
            return iso
    return ""


def response_in_text(text: str) -> str:
    """The date of the letter in its opening text: a Date field or a line holding only a date
    above the salutation.

    >>> response_in_text("12 March 2024\\nDear Ms Patel,\\nThank you for your request.")
    '2024-03-12'
    >>> response_in_text("Dear Ms Patel,\\nStart date of the framework?\\n01 September 2022.")
    ''
    """
    iso = _first(_RESPONSE_FIELD, text, _field_starts(folded(text)))
    if iso:
        return iso
    # Above the salutation: under it, a date on a line of its own answers a question
    # ("Start date of the framework?" / "01 September 2022.").
    for line in _SALUTATION.split(text, maxsplit=1)[0].split("\n"):
        if is_date_only(line):
            return parse_date(line)
    return ""


def letterhead_date(text: str) -> str:
    """The first date above the salutation that no word ties to the request ("Reference:
    1-296727561 15 June 2015 Julia Snape", its lines run together), or ``""``.

    >>> letterhead_date("Reference: 1-296727561 15 June 2015 Julia Snape\\nDear Mr Sullivan\\nOn 3 May 2015…")
    '2015-06-15'
    >>> letterhead_date("Re: your request of 2 June 2015\\nDear Mr Sullivan")
    ''
    """
    above = _SALUTATION.split(text, maxsplit=1)[0]
    for m in DATE_PATTERN.finditer(above):
        line_start = above.rfind("\n", 0, m.start()) + 1
        if _TIED.search(above[max(line_start, m.start() - 40):m.start()]) or \
                above[m.start() - 1:m.start()] == "(":
            continue  # the request's date, or a date in brackets (an editor's note's)
        iso = parse_date(m.group(0))
        if iso:
            return iso
    return ""


_SALUTATION = re.compile(r"(?:^|\n)\s*(?:dear|to whom)\b", re.IGNORECASE)
# Words that make a date the request's, or another event's, not the letter's.
_TIED = re.compile(r"\b(?:received|request(?:ed)?|dated|of|on|since|from|until|to|between|"
                   r"before|after|by|sent|wrote|letter|email|e-mail|deadline|due|expires?|"
                   r"expiry)\W*$", re.IGNORECASE)


def received_date(document: Document) -> str:
    """The date the authority received the request (ISO), or ``""``."""
    # A thread focused on its request and reply (foiextract.correspondence.focus) keeps the dates.
    sent = parse_date(document.metadata.get("request_date", ""))
    for zone in zones(document):
        if zone.name == "body":
            iso = received_in_text(zone.text)
            if iso and (not sent or _soon_after(sent, iso)):
                return iso
            # (A reply to a complaint weeks on: "We received your complaint on 01/07/2024". The
            # request was sent on the date the thread gives.)
    if sent:
        return sent
    request = request_of(document)
    if request is not None:
        iso = parse_date(request.metadata.get("date", ""))
        if iso:
            return iso
    return _received_without_year(document)


def _soon_after(sent: str, received: str) -> bool:
    """True when ``received`` is the day ``sent`` was, or within the days a request takes to
    reach its officer (a weekend, a holiday)."""
    days = (dt.date.fromisoformat(received) - dt.date.fromisoformat(sent)).days
    return 0 <= days <= _DAYS_TO_ARRIVE


_DAYS_TO_ARRIVE = 7


def _received_without_year(document: Document) -> str:
    """"…which Ofcom received on 2 June": the day and month the letter gives, in the year that
    puts them on or before the letter's date."""
    for zone in zones(document):
        if zone.name != "body":
            continue
        m = _RECEIVED_NO_YEAR.search(zone.text)
        if m is None:
            return ""
        # The reply's date; else the latest full date the document prints (a quoted original's
        # "Sent: 03 July 2018"): the request was received on or before it.
        sent = response_date(document) or max(
            (d.iso for zone in zones(document) for d in find_dates(zone.text)), default="")
        return on_or_before(m.group("d1"), m.group("m1"), sent) if sent else ""
    return ""


_RECEIVED_NO_YEAR = re.compile(r"\breceived\b[^.\n]{0,80}?\bon\s+(?:the\s+)?" + DAY_MONTH, re.IGNORECASE)


def response_date(document: Document) -> str:
    """The date of the reply (ISO), or ``""``."""
    parts = zones(document)
    for zone in parts:
        if zone.name in ("furniture", "head"):
            iso = response_in_text(zone.text)
            if iso:
                return iso
    reply = reply_of(document)
    for source in (reply.metadata, document.metadata):
        iso = parse_date(source.get("reply_date", "")) or parse_date(source.get("date", ""))
        if iso:
            return iso
    for zone in parts:
        if zone.name == "head":
            iso = letterhead_date(zone.text)
            if iso:
                return iso
    for zone in parts:
        if zone.name in ("head", "metadata"):
            iso = _first(_PUBLISHED, zone.text, starts(folded(zone.text), _PUBLISHED_STARTS))
            if iso:
                return iso
    for zone in parts:
        if zone.name == "tail":
            # "Date: 8 April 2024" under the sign-off, before a date alone on a line (which
            # may be an answer's: "5. 1 September 2023").
            iso = _first(_RESPONSE_FIELD, zone.text, _field_starts(folded(zone.text)))
            if iso:
                return iso
            dates = [line for line in zone.text.split("\n") if is_date_only(line)]
            if dates:
                return parse_date(dates[-1])
    for source in (reply.metadata, document.metadata):
        iso = parse_date(source.get("creation_date", ""))
        if iso:
            return iso
    return ""


def dates_in(text: str) -> list[str]:
    """Every date in some text, as ISO strings (a helper for tests and notebooks)."""
    return [d.iso for d in find_dates(text)]
