"""Working days between receipt and reply, with England and Wales bank holidays.

An authority must reply "promptly and in any event not later than the
twentieth working day following the date of receipt" (FOIA s10(1)); working
days leave out weekends and bank holidays (s10(6)). The holidays are data:
``foiextract/data/foi_bank_holidays.csv`` (2000-2030).

>>> working_days("2020-01-28", "2020-02-10")
9
>>> is_late("2020-01-28", "2020-03-09")
True
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from functools import cache
from importlib.resources import files

DEADLINE_WORKING_DAYS = 20


@cache
def bank_holidays() -> frozenset[dt.date]:
    """England and Wales bank holidays, loaded once from the data file.

    >>> dt.date(2020, 5, 8) in bank_holidays()
    True
    """
    text = files("foiextract.data").joinpath("foi_bank_holidays.csv").read_text("utf-8")
    days = set()
    for line in text.splitlines():
        if line and not line.startswith("#") and not line.startswith("date,"):
            days.add(dt.date.fromisoformat(line.split(",", 1)[0]))
    return frozenset(days)


@cache
def _weekday_holidays() -> tuple[dt.date, ...]:
    """The bank holidays falling Monday to Friday, in order."""
    return tuple(sorted(day for day in bank_holidays() if day.weekday() < 5))


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a bank holiday.

    >>> is_working_day(dt.date(2020, 12, 25)), is_working_day(dt.date(2020, 12, 24))
    (False, True)
    """
    return day.weekday() < 5 and day not in bank_holidays()


def working_days(received: str, responded: str) -> int | None:
    """Working days after the day of receipt up to and including the reply day.

    None when either date is missing or the reply is dated before receipt.

    >>> working_days("2020-12-23", "2021-01-05")  # Christmas, Boxing Day (Monday 28th), New Year
    6
    """
    try:
        start = dt.date.fromisoformat(received)
        end = dt.date.fromisoformat(responded)
    except ValueError:
        return None
    if end < start:
        return None
    # The weekdays after ``start`` up to ``end``, a week at a time, less the bank holidays that
    # fall on those weekdays: the same count as trying each day with is_working_day.
    whole_weeks, rest = divmod((end - start).days, 7)
    weekday = start.weekday()
    weekdays = whole_weeks * 5 + sum((weekday + k) % 7 < 5 for k in range(1, rest + 1))
    holidays = _weekday_holidays()
    return weekdays - (bisect_right(holidays, end) - bisect_right(holidays, start))


def is_late(received: str, responded: str, limit: int = DEADLINE_WORKING_DAYS) -> bool | None:
    """True when the reply took more than ``limit`` working days; None when unknown.

    >>> is_late("2020-01-28", "2020-02-10")
    False
    """
    taken = working_days(received, responded)
    return None if taken is None else taken > limit
