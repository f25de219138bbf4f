"""The period a table's row or column labels name, normalised: its first and last day, the
kind of year it counts in, and how long it is.

Police forces count in financial years ("2019/20", "2019/2020", "Apr 2019 - Mar 2020"),
councils in calendar years ("2021") or months ("Jan-19"), schools in academic years; a
compiled dataset lines them up only once each label is a span of days that says which.

>>> read_period(["2019/20"])
Period(start='2019-04-01', end='2020-03-31', year_type='financial', granularity='year')
>>> read_period(["Violence", "Q2 2021"])
Period(start='2021-04-01', end='2021-06-30', year_type='calendar', granularity='quarter')
>>> read_period(["Jan-19"]).granularity, read_period(["Jan-19"]).year_type
('month', None)
>>> read_period(["Academic year 2019/20"]).start
'2019-09-01'
>>> read_period(["Arson"]) is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Literal

from ..values import parse_answer

YearType = Literal["financial", "calendar", "academic"]
Granularity = Literal["day", "month", "quarter", "year", "period"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_YEAR = re.compile(r"^(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
                         r"[a-z]*[\s\-/']*(?P<year>\d{4}|\d{2})$", re.I)
# Words around a year that say which kind of year it is, taken off before it is read.
_FINANCIAL = re.compile(r"\b(?:financial|fiscal)\s+years?\b|\bf\.?y\.?(?=\s*\d)|\bfin\.?\s*yr\b",
                        re.I)
_ACADEMIC = re.compile(r"\b(?:academic|school)\s+years?\b|\bacademic\b", re.I)
_CALENDAR = re.compile(r"\bcalendar\s+years?\b", re.I)
_QUARTER = re.compile(r"^(?:q(?P<q1>[1-4])\s*[-/ ]?\s*(?P<y1>\d{4}(?:\s*[/-]\s*\d{2,4})?)"
                      r"|(?P<y2>\d{4}(?:\s*[/-]\s*\d{2,4})?)\s*[-/ ]?\s*q(?P<q2>[1-4]))$", re.I)
_SPLIT_YEAR = re.compile(r"\d{4}\s*[/-]\s*\d{2,4}$")
_OPENING_MONTH: dict[int, YearType] = {1: "calendar", 4: "financial", 8: "academic",
                                        9: "academic"}
# A label longer than this is a sentence, not a period.
_LONGEST = 40


@dataclass(frozen=True, slots=True)
class Period:
    """A span of days a label names (ISO dates, inclusive), with its year type (None for a
    month or a day, which belong to every kind of year) and its length."""

    start: str
    end: str
    year_type: YearType | None
    granularity: Granularity


def period_label(period: Period) -> str:
    """A period's label in one spelling, whatever the letter printed: ``FY 2019/20``,
    ``AY 2019/20``, ``2021``, ``2021 Q2`` (``FY 2021/22 Q2``), ``2019-01``, or its days.

    >>> period_label(read_period(["Apr 2019 - Mar 2020"])), period_label(read_period(["Jan-19"]))
    ('FY 2019/20', '2019-01')
    """
    start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
    split = f"{start.year}/{(start.year + 1) % 100:02d}"
    if period.granularity == "year":
        if period.year_type == "calendar":
            return str(start.year)
        if period.year_type in ("financial", "academic"):
            return f"{'FY' if period.year_type == 'financial' else 'AY'} {split}"
    if period.granularity == "quarter":
        if period.year_type == "financial":
            first = start.year - (start.month < 4)
            number = (start.month - 4) % 12 // 3 + 1
            return f"FY {first}/{(first + 1) % 100:02d} Q{number}"
        return f"{start.year} Q{(start.month - 1) // 3 + 1}"
    if period.granularity == "month":
        return f"{start.year}-{start.month:02d}"
    if period.granularity == "day":
        return period.start
    return f"{period.start}/{period.end}"


def read_period(labels: Iterable[str]) -> Period | None:
    """The period the first label that names one names (a cell's row labels, then its
    column's); a label naming a kind of year ("Financial Year") tells how the others read."""
    labels = [" ".join(label.split()) for label in labels]
    hint = next((kind for label in labels if (kind := _year_hint(label))), None)
    for label in labels:
        period = period_of_label(label, hint)
        if period is not None:
            return period
    return None


@lru_cache(maxsize=8192)
def period_of_label(label: str, hint: YearType | None = None) -> Period | None:
    """The period one label names, or None. ``hint`` is the kind of year the table counts in.

    >>> period_of_label("Apr 2019 - Mar 2020").year_type
    'financial'
    >>> period_of_label("2021").year_type, period_of_label("2021", "financial").start
    ('calendar', '2021-04-01')
    """
    text = " ".join(label.split())
    if not text or len(text) > _LONGEST or not any(ch.isdigit() for ch in text):
        return None
    hint = _year_hint(text) or hint
    text = _CALENDAR.sub(" ", _ACADEMIC.sub(" ", _FINANCIAL.sub(" ", text)))
    text = " ".join(text.strip(" :-–,()").split())
    quarter = _QUARTER.match(text)
    if quarter:
        return _quarter(int(quarter.group("q1") or quarter.group("q2")),
                        quarter.group("y1") or quarter.group("y2") or "", hint)
    start, end = _span(text)
    if start is None or end is None:
        return None
    if _SPLIT_YEAR.fullmatch(text) and hint == "academic":
        start, end = start.replace(month=9), end.replace(month=8, day=31)
    elif re.fullmatch(r"\d{4}", text) and hint in ("financial", "academic"):
        first = 4 if hint == "financial" else 9
        start, end = date(start.year, first, 1), _last_day(start.year + 1, first - 1)
    return Period(start.isoformat(), end.isoformat(), _year_type(start, end),
                  _granularity(start, end))


def _span(text: str) -> tuple[date | None, date | None]:
    match = _MONTH_YEAR.match(text)
    if match:
        year = int(match.group("year"))
        year += 2000 if year < 100 else 0
        month = _MONTHS.index(match.group("month").lower()[:3]) + 1
        return date(year, month, 1), _last_day(year, month)
    value = parse_answer(text)
    if value.kind != "date" or not value.date_start or not value.date_end:
        return None, None
    return date.fromisoformat(value.date_start[:10]), date.fromisoformat(value.date_end[:10])


def _quarter(number: int, year_text: str, hint: YearType | None) -> Period | None:
    years = re.findall(r"\d{2,4}", year_text)
    if not years:
        return None
    year = int(years[0])
    financial = hint == "financial" or len(years) > 1
    first = (3 * (number - 1) + (4 if financial else 1) - 1) % 12 + 1
    if financial and number == 4:
        year += 1
    start = date(year, first, 1)
    end = _last_day(year + (first + 2 > 12), (first + 1) % 12 + 1)
    return Period(start.isoformat(), end.isoformat(), "financial" if financial else "calendar",
                  "quarter")


def _last_day(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


@lru_cache(maxsize=8192)
def _year_hint(label: str) -> YearType | None:
    if _ACADEMIC.search(label):
        return "academic"
    if _FINANCIAL.search(label):
        return "financial"
    if _CALENDAR.search(label):
        return "calendar"
    return None


def _granularity(start: date, end: date) -> Granularity:
    days = (end - start).days + 1
    if days == 1:
        return "day"
    if 28 <= days <= 31 and start.day == 1:
        return "month"
    if 89 <= days <= 92 and start.day == 1:
        return "quarter"
    if 365 <= days <= 366:
        return "year"
    return "period"


def _year_type(start: date, end: date) -> YearType | None:
    """The kind of year a span counts in, by the month a year opens: January a calendar
    year, April a financial one, August or September an academic one; a quarter read
    without a financial year's label is a calendar quarter. A month or a day has none."""
    granularity = _granularity(start, end)
    if granularity in ("day", "month"):
        return None
    if granularity == "quarter":
        return "calendar"
    return _OPENING_MONTH.get(start.month)
