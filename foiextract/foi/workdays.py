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
    count = 0
    day = start + dt.timedelta(days=1)
    while day <= end:
        if is_working_day(day):
            count += 1
        day += dt.timedelta(days=1)
    return count


def is_late(received: str, responded: str, limit: int = DEADLINE_WORKING_DAYS) -> bool | None:
    """True when the reply took more than ``limit`` working days; None when unknown.

    >>> is_late("2020-01-28", "2020-02-10")
    False
    """
    taken = working_days(received, responded)
    return None if taken is None else taken > limit
