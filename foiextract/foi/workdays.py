"""Working days between receipt and reply, with the UK's bank holidays.

An authority must reply "promptly and in any event not later than the
twentieth working day following the date of receipt" (FOIA s10(1); FOISA
s10(1) in Scotland); working days leave out weekends and bank holidays
(FOIA s10(6)), which differ between the nations: Scotland keeps 2 January and
St Andrew's Day and not Easter Monday, Northern Ireland St Patrick's Day and
12 July. The holidays come from the ``holidays`` package (substitute days,
jubilees, the VE day move and state funerals included), for any year.

The region defaults to England and Wales, the one every document is counted
for today (a letter under FOISA too): :data:`REGIONS` names the others.

>>> working_days("2020-01-28", "2020-02-10")
9
>>> is_late("2020-01-28", "2020-03-09")
True
>>> working_days("2020-11-27", "2020-12-01", region="scotland")  # St Andrew's Day, 30 Nov
1
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from functools import cache
from typing import Iterable, Literal

DEADLINE_WORKING_DAYS = 20
Region = Literal["england-and-wales", "scotland", "northern-ireland"]
# The holidays package's subdivisions of GB: Wales keeps England's bank holidays.
REGIONS: dict[str, str] = {"england-and-wales": "ENG", "scotland": "SCT",
                           "northern-ireland": "NIR"}
DEFAULT_REGION: Region = "england-and-wales"


@cache
def _year(region: str, year: int) -> tuple[dt.date, ...]:
    """The bank holidays of one region and year falling Monday to Friday, in order."""
    import holidays

    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}: choose from {', '.join(REGIONS)}")
    found = holidays.country_holidays("GB", subdiv=REGIONS[region], years=year)
    return tuple(sorted(day for day in found if day.weekday() < 5 and day.year == year))


def bank_holidays(region: Region = DEFAULT_REGION,
                  years: Iterable[int] = range(2000, 2031)) -> frozenset[dt.date]:
    """A region's bank holidays that fall on weekdays, for the years given.

    >>> dt.date(2020, 5, 8) in bank_holidays()
    True
    >>> dt.date(2035, 12, 25) in bank_holidays(years=[2035])
    True
    """
    return frozenset(day for year in years for day in _year(region, year))


def is_working_day(day: dt.date, region: Region = DEFAULT_REGION) -> bool:
    """Monday to Friday and not a bank holiday.

    >>> is_working_day(dt.date(2020, 12, 25)), is_working_day(dt.date(2020, 12, 24))
    (False, True)
    """
    return day.weekday() < 5 and day not in _year(region, day.year)


def working_days(received: str, responded: str, region: Region = DEFAULT_REGION) -> int | None:
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
    holidays = [day for year in range(start.year, end.year + 1) for day in _year(region, year)]
    return weekdays - (bisect_right(holidays, end) - bisect_right(holidays, start))


def is_late(received: str, responded: str, limit: int = DEADLINE_WORKING_DAYS,
            region: Region = DEFAULT_REGION) -> bool | None:
    """True when the reply took more than ``limit`` working days; None when unknown.

    >>> is_late("2020-01-28", "2020-02-10")
    False
    """
    taken = working_days(received, responded, region)
    return None if taken is None else taken > limit
