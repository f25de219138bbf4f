"""UK dates as letters print them, read into ISO ``YYYY-MM-DD``.

Day first, as in the UK: ``10/02/2020`` is 10 February (a US letter's month
first: see ``month_first``). Ordinals (``3rd March 2021``), an optional weekday,
``of`` (``10th of February 2020``), US order in prose (``October 11, 2023``),
ISO dates and e-mail ``Date`` headers are read.
Text wrapped over lines (``1 September\\n2021``) reads as one date.

>>> [d.iso for d in find_dates("received on 3rd March 2021 and replied 07/04/2021")]
['2021-03-03', '2021-04-07']
>>> parse_date("Wed, 26 Feb 2020 14:12:09 +0000")
'2020-02-26'
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Iterator

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
_DAY_FIRST = (_WEEKDAY + r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(g="m1")
              + r",?\s+(?P<y1>(?:19|20)\d\d)\b")
_MONTH_FIRST = (_WEEKDAY + _MONTH.format(g="m2") + r"\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
                r"(?P<y2>(?:19|20)\d\d)\b")
_NUMERIC = r"(?<![\d/.-])(?P<d3>[0-3]?\d)[/.](?P<m3>[01]?\d)[/.](?P<y3>(?:19|20)?\d\d)(?![\d/])"
_ISO = r"(?<![\d/-])(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)(?![\d])"

DATE_PATTERN = re.compile(
    rf"\b(?:{_DAY_FIRST}|{_MONTH_FIRST})|{_NUMERIC}|{_ISO}", re.IGNORECASE)
# A day and a month with no year after them ("which we received on 2 June").
DAY_MONTH = (r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.format(g="m1")
             + r"(?![a-z])(?!,?\s*(?:19|20)\d\d)")


# How a date in figures is ordered: day first (the UK's, the default) or month first (a US
# letter's "10/02/2025", 2 October); see ``month_first``.
_NUMERIC_ORDER: ContextVar[str] = ContextVar("numeric_order", default="day")


@contextmanager
def month_first(on: bool = True) -> Iterator[None]:
    """Read dates in figures month first ("10/02/2025" as 2 October 2025), as a US letter
    prints them, inside the block.

    >>> with month_first():
    ...     parse_date("Submitted on: 10/02/2025")
    '2025-10-02'
    >>> parse_date("Submitted on: 10/02/2025")
    '2025-02-10'
    """
    token = _NUMERIC_ORDER.set("month" if on else "day")
    try:
        yield
    finally:
        _NUMERIC_ORDER.reset(token)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text: its ISO form and where it stood.

    >>> find_dates("Date: 24 February 2020")[0]
    FoundDate(iso='2020-02-24', start=6, end=22)
    """

    iso: str
    start: int
    end: int


def _iso(year: str, month: int, day: str) -> str | None:
    y = int(year)
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return dt.date(y, month, int(day)).isoformat()
    except ValueError:
        return None


def on_or_before(day: str, month: str, iso: str) -> str:
    """The date ``day`` ``month`` in the year that puts it on or before the date ``iso``.

    >>> on_or_before("2", "June", "2015-06-15"), on_or_before("14", "Dec", "2016-01-08")
    ('2015-06-02', '2015-12-14')
    """
    year, number = int(iso[:4]), _month_number(month)
    if (number, int(day)) > (int(iso[5:7]), int(iso[8:10])):
        year -= 1
    return _iso(str(year), number, day) or ""


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key[:4] if key.startswith("sept") else key[:3], 0)


def find_dates(text: str) -> list[FoundDate]:
    """Every full date (day, month and year) in ``text``, in order.

    >>> [d.iso for d in find_dates("Wednesday, October 11, 2023 10:29 AM")]
    ['2023-10-11']
    """
    found: list[FoundDate] = []
    for m in DATE_PATTERN.finditer(text):
        iso = _found(m)
        if iso:
            found.append(FoundDate(iso, m.start(), m.end()))
    return found


def _found(m: re.Match[str]) -> str | None:
    """The ISO form of a match of ``DATE_PATTERN``, or None when it is no real day."""
    g = m.groupdict()
    if g["d1"]:
        return _iso(g["y1"], _month_number(g["m1"]), g["d1"])
    if g["d2"]:
        return _iso(g["y2"], _month_number(g["m2"]), g["d2"])
    if g["d3"]:
        if _NUMERIC_ORDER.get() == "month" and int(g["d3"]) <= 12:
            return _iso(g["y3"], int(g["d3"]), g["m3"])  # "10/02/2025" in a US letter: 2 October
        return _iso(g["y3"], int(g["m3"]), g["d3"])
    return _iso(g["y4"], int(g["m4"]), g["d4"])


def parse_date(text: str) -> str:
    """The first date in ``text`` as ISO, or ``""``; reads e-mail ``Date`` headers too.

    >>> parse_date("2024-04-25T14:48:39.831+01:00")
    '2024-04-25'
    >>> parse_date("no date here")
    ''
    """
    if not text or text.isspace():
        return ""  # nothing to read (an e-mail date parser refuses it too)
    for m in DATE_PATTERN.finditer(text):
        iso = _found(m)
        if iso:
            return iso
    try:
        return parsedate_to_datetime(text.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def is_date_only(text: str) -> bool:
    """True when ``text`` is a date and nothing else (a letter's date line).

    >>> is_date_only("10 February 2020"), is_date_only("Date: 10 February 2020")
    (True, False)
    """
    stripped = text.strip().rstrip(".,")
    # The first date found starts the text and ends it only when the date matched at its start
    # is a real one and runs to its end: no need to look for dates further on.
    m = DATE_PATTERN.match(stripped)
    return m is not None and m.end() == len(stripped) and _found(m) is not None
