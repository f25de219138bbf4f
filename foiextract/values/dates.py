"""Dates as FOI answers write them, read day-first and kept at the precision given.

>>> [d.iso for d in find_dates("3rd March 2021, 03/03/2021 and March 2021")]
['2021-03-03', '2021-03-03', '2021-03']
>>> [d.iso for d in find_dates("Q2 2021; 2021/22; April 2019 to March 2020")]
['2021-04/2021-06', '2021-04/2022-03', '2019-04/2020-03']
>>> [d.iso for d in find_dates("between 1 May 2020 and 3 June 2020")]
['2020-05-01/2020-06-03']
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from foiextract.values.vocab import FOLDS_APART, alternation, has_phrase, vocab

Precision = str  # "day", "month", "year", "interval"


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date or interval found in text, in ISO 8601 at the precision given.

    ``start``/``end`` are the text positions; ``date_start``/``date_end`` are
    full ISO days for a spreadsheet column; ``bare_year`` marks a lone "2019".
    """

    start: int
    end: int
    iso: str
    date_start: str
    date_end: str
    precision: Precision
    bare_year: bool = False


_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(year: int, month: int) -> int:
    # calendar.monthrange(year, month)[1], without the weekday it also works out.
    return 29 if month == 2 and calendar.isleap(year) else _DAYS[month]


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not (1 <= month <= 12 and 1000 <= year <= 2999):
        return False
    return day is None or 1 <= day <= _month_end(year, month)


def _day(year: int, month: int, day: int) -> tuple[str, str, str]:
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso, iso, iso


def _month(year: int, month: int) -> tuple[str, str, str]:
    return (f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-01",
            f"{year:04d}-{month:02d}-{_month_end(year, month):02d}")


def _interval(y1: int, m1: int, y2: int, m2: int) -> tuple[str, str, str]:
    return (f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", f"{y1:04d}-{m1:02d}-01",
            f"{y2:04d}-{m2:02d}-{_month_end(y2, m2):02d}")


# What each ASCII letter matches under re.IGNORECASE besides its two cases.
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _letter_led(words: list[str]) -> str:
    """``alternation(words)`` for re.IGNORECASE, its first letter matched case by case with the
    "\\b" ahead of it looked back at from it, so a search jumps between the letters the words
    start with; each word is tried where and in the order ``alternation`` tries it.

    >>> bool(re.fullmatch(_letter_led(["may", "march"]), "MARCH", re.I))
    True
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if not all(w[:1].isascii() and w[:1].isalpha() for w in ordered):
        return alternation(words)
    groups: dict[str, list[str]] = {}
    for word in ordered:
        end = r"\b" if word[-1].isalnum() else ""
        groups.setdefault(word[0].lower(), []).append(re.escape(word[1:]) + end)
    cases = {c: c + c.upper() + _FOLDS.get(c, "") for c in groups}
    return ("(?-i:[" + "".join(cases.values()) + r"])(?<!\w.)(?:"
            + "|".join(f"(?<=(?-i:[{cases[c]}]))(?:{'|'.join(alts)})" for c, alts in groups.items()) + ")")


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    months = alternation(list(vocab()["months"]))
    led = _letter_led(list(vocab()["months"]))  # "\b" + months
    year = r"((?:19|20)\d{2})"
    ordinal = r"(\d{1,2})(?:st|nd|rd|th)?"
    day = r"(\d(?<!\w.)\d?)(?:st|nd|rd|th)?"  # "\b" + ordinal
    # A look back ahead of a figure ("(?<![\w/])1999") is written after its first characters
    # ("(19(?<![\w/]..)99"), so the search jumps to where a figure starts.
    return [
        ("financial_year", re.compile(r"((?:19|20)(?<![\w/]..)\d{2})\s?[/–-]\s?"
                                      r"(\d{2}|(?:19|20)\d{2})(?![\w/])")),
        ("quarter", re.compile(r"(?-i:[Qq])(?<!\w.)([1-4])\s*(?:of\s*)?" + year + r"\b", re.I)),
        ("day_month_year", re.compile(rf"{day}\s*(?:of\s+)?({months})\.?,?\s+{year}\b", re.I)),
        ("month_day_year", re.compile(rf"({led})\.?\s+{ordinal},?\s+{year}\b", re.I)),
        ("iso_date", re.compile(r"((?:19|20)(?<!\w..)\d{2})-(\d{2})-(\d{2})\b")),
        ("numeric_date", re.compile(r"(\d(?<![\d/].)\d?)[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/])")),
        ("month_year", re.compile(rf"({led})\.?,?(?:\s+(?:of\s+)?|-){year}\b", re.I)),
        # "Nov-23", "Mar '24": a spreadsheet's month and year (not "March 23", a day).
        ("month_short_year",
         re.compile(rf"({led})\.?(?:-|\s?[’'])(\d{{2}})(?![\d/:.,-]\d|\w)", re.I)),
        ("bare_year", re.compile(r"((?:19|20)(?<![\w/£$€.,-]..)\d{2})(?![\w/%]|,\d|\.\d)")),
    ]


def _month_number(name: str) -> int:
    return int(vocab()["months"][name.lower().rstrip(".")])


def _read(rule: str, m: re.Match[str]) -> tuple[tuple[str, str, str], str] | None:
    g = m.groups()
    if rule == "financial_year":
        y1 = int(g[0])
        y2 = int(g[1]) if len(g[1]) == 4 else (y1 // 100) * 100 + int(g[1])
        if y2 != y1 + 1:
            return None
        return _interval(y1, 4, y2, 3), "interval"
    if rule == "quarter":
        q, y = int(g[0]), int(g[1])
        return _interval(y, 3 * q - 2, y, 3 * q), "interval"
    if rule in ("day_month_year", "month_day_year"):
        day, month = (g[0], g[1]) if rule == "day_month_year" else (g[1], g[0])
        y, mo, d = int(g[2]), _month_number(month), int(day)
        return (_day(y, mo, d), "day") if _valid(y, mo, d) else None
    if rule == "iso_date":
        y, mo, d = int(g[0]), int(g[1]), int(g[2])
        return (_day(y, mo, d), "day") if _valid(y, mo, d) else None
    if rule == "numeric_date":
        d, mo, y = int(g[0]), int(g[1]), int(g[2])
        y = y + 2000 if y < 100 else y
        return (_day(y, mo, d), "day") if _valid(y, mo, d) else None
    if rule == "month_year":
        y, mo = int(g[1]), _month_number(g[0])
        return (_month(y, mo), "month") if _valid(y, mo) else None
    if rule == "month_short_year":
        y, mo = 2000 + int(g[1]), _month_number(g[0])
        return (_month(y, mo), "month") if _valid(y, mo) else None
    y = int(g[0])
    return (str(y), f"{y}-01-01", f"{y}-12-31"), "year"


_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|through|–|—|-)\s*$", re.I)
_BETWEEN_JOIN = re.compile(r"^\s*and\s*$", re.I)


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text`` in order; "X to Y" between two dates becomes one interval.

    >>> [d.iso for d in find_dates("The reviews started in March 2019 and October 2019.")]
    ['2019-03', '2019-10']
    >>> find_dates("Two")
    []
    """
    return list(_find_dates(text))


_DIGIT = re.compile(r"\d")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
# A character each of these rules' patterns must match (from a class read without
# re.IGNORECASE): a text holding none of them is not searched with the pattern.
_NEEDS = {rule: re.compile(chars) for rule, chars in (
    ("financial_year", "[/–-]"), ("quarter", "[Qq]"), ("iso_date", "-"), ("numeric_date", "[/.]"),
    ("month_short_year", "[-’']"))}
# The rules whose matches hold a month name, and those whose matches start with it.
_MONTH_RULES = frozenset({"day_month_year", "month_day_year", "month_year", "month_short_year"})
_MONTH_LED = frozenset({"month_day_year", "month_year", "month_short_year"})


@cache
def _yearless() -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that need no year of four figures: "01/02/20", "Nov-23"."""
    return [(rule, pattern) for rule, pattern in _patterns()
            if rule in ("numeric_date", "month_short_year")]


@cache
def _month_heads() -> tuple[str, ...] | None:
    """The first three letters of the month names; None when a name is not three ASCII letters
    or more."""
    names = list(vocab()["months"])
    if not all(len(name) >= 3 and name.isascii() and name.isalpha() for name in names):
        return None
    return tuple(sorted({name[:3].lower() for name in names}))


def _month_starts(text: str) -> list[int] | None:
    """Every place in ``text`` a month name may start, in order; None when not known.

    Lower-casing keeps each character's place and makes what re.IGNORECASE reads as an ASCII
    letter that letter, but for "İ", "ı" and "ſ" (``FOLDS_APART``), so in a text without them a
    month name starts where the lower-cased text holds the first three letters of a name.
    """
    heads = _month_heads()
    if heads is None or (not text.isascii() and FOLDS_APART.search(text) is not None):
        return None
    low = text.lower()
    starts: list[int] = []
    for head in heads:
        at = low.find(head)
        while at >= 0:
            starts.append(at)
            at = low.find(head, at + 1)
    starts.sort()
    return starts


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches can only begin at ``starts``:
    the first place that matches at or after the end of the last match, as finditer takes it
    (``match`` at a position still looks back at the text before it)."""
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m is not None:
                yield m
                end = m.end()


@lru_cache(maxsize=4096)
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    # Every pattern needs a digit; most answers asked about dates twice have none.
    if _DIGIT.search(text) is None:
        return ()
    # Every pattern but "01/02/20" and "Nov-23" needs a year of 19xx or 20xx: without one, those
    # are all to try.
    year = _YEAR_DIGITS.search(text) is not None
    patterns = _patterns() if year else _yearless()
    # The month patterns are slow to search (a month starts with a common letter): they are
    # tried only where a month name may start, and not at all where none can.
    months = _month_starts(text)
    taken = bytearray(len(text))
    found: list[DateMatch] = []
    for rule, pattern in patterns:
        needs = _NEEDS.get(rule)
        if needs is not None and needs.search(text) is None:
            continue
        matches: Iterable[re.Match[str]] = pattern.finditer(text)
        if months is not None and rule in _MONTH_RULES:
            if not months:
                continue
            if rule in _MONTH_LED:
                matches = _matches_at(pattern, text, months)
        for m in matches:
            if taken.find(1, m.start(), m.end()) >= 0:  # a date found already holds part of it
                continue
            read = _read(rule, m)
            if read is None:
                continue
            (iso, start, end), precision = read
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            found.append(DateMatch(m.start(), m.end(), iso, start, end, precision,
                                   bare_year=rule == "bare_year"))
    found.sort(key=lambda d: d.start)
    return tuple(_join_ranges(text, found))


def _join_ranges(text: str, found: list[DateMatch]) -> list[DateMatch]:
    joined: list[DateMatch] = []
    for date in found:
        prev = joined[-1] if joined else None
        if (prev is not None and prev.precision in ("month", "day") and prev.precision == date.precision
                and (_RANGE_JOIN.match(text[prev.end:date.start])
                     or (_BETWEEN_JOIN.match(text[prev.end:date.start])
                         and re.search(r"\bbetween\s*$", text[:prev.start], re.I)))):
            joined[-1] = DateMatch(prev.start, date.end, f"{prev.iso}/{date.iso}",
                                   prev.date_start, date.date_end, "interval")
            continue
        joined.append(date)
    return joined


def vague_time(text: str) -> bool:
    """True when ``text`` speaks of time vaguely ("early 2021", "summer 2020", "later in 2020").

    >>> vague_time("Completion is expected in spring 2020"), vague_time("June 2020")
    (True, False)
    """
    # The same search as ``phrase_pattern("vague_time_words")``, from the words the phrases hold.
    return has_phrase("vague_time_words", text)
