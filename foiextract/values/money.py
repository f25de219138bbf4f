"""Money and percentages: "£12,450.00", "£1.2m", "£3.4 million", "6.5%", "12 per cent".

>>> find_amount("Approximately £6.4m.").value
'6400000 GBP'
>>> find_amount("£187,420.50").value
'187420.50 GBP'
>>> find_percent("87.3% of them").value
'87.3%'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from foiextract.values.numbers import format_number, to_decimal, word_numbers
from foiextract.values.vocab import vocab


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure with a unit found in text: canonical ``value``, ``number`` and ``unit``."""

    start: int
    end: int
    value: str
    number: Decimal
    unit: str


@cache
def _amount_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    mult = "|".join(sorted(vocab()["money_multipliers"], key=len, reverse=True))
    figure = r"(\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # "£1,204", and the code before the figure: "GBP 1,204,512", "USD 450".
    symbol = re.compile(rf"([£$€]|\b(?:GBP|USD|EUR)(?=\s?\d))\s?{figure}(?:\s?({mult})\b)?", re.I)
    # "(?<![\w.])" before the figure, looked at from its first digit (see ``numbers.DIGITS``).
    lead = r"(\d(?<![\w.].)(?:\d{0,2}(?:,\s?\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))"
    word = re.compile(rf"{lead}(?:\s?({mult})\b)?\s?(GBP|USD|EUR|pounds?|dollars|euros)\b", re.I)
    return symbol, word


def _canonical(figure: str, multiplier: str | None) -> Decimal | None:
    value = to_decimal(figure)
    if value is None:
        return None
    if multiplier:
        return value * Decimal(vocab()["money_multipliers"][multiplier.lower()])
    return value


def _money_text(value: Decimal, figure: str, multiplier: str | None) -> str:
    # Pence as printed stay ("187420.50"); a scaled figure ("£1.2m") is written whole.
    if multiplier:
        return format_number(value)
    return str(value) if "." in figure else format_number(value)


def find_amounts(text: str) -> list[Quantity]:
    """Every sum of money in ``text``, in order.

    >>> [a.value for a in find_amounts("£0 in 2019 and £3.4 million in 2020")]
    ['0 GBP', '3400000 GBP']
    """
    currencies = vocab()["currencies"]
    symbol, word = _amount_patterns()
    found: list[Quantity] = []
    for m in symbol.finditer(text):
        value = _canonical(m.group(2), m.group(3))
        if value is not None:
            unit = currencies[m.group(1).lower()]
            found.append(Quantity(m.start(), m.end(),
                                  f"{_money_text(value, m.group(2), m.group(3))} {unit}", value, unit))
    for m in word.finditer(text):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        value = _canonical(m.group(1), m.group(2))
        if value is not None:
            unit = currencies[m.group(3).lower()]
            found.append(Quantity(m.start(), m.end(),
                                  f"{_money_text(value, m.group(1), m.group(2))} {unit}", value, unit))
    return sorted(found, key=lambda q: q.start)


def find_amount(text: str) -> Quantity | None:
    """The first sum of money in ``text``, else None."""
    found = find_amounts(text)
    return found[0] if found else None


def opening_amount(text: str) -> Quantity | None:
    """The sum of money that opens ``text`` (``find_amount(text)`` when it starts at 0), else None.

    The patterns are tried at 0 alone: a match there is the first ``find_amounts`` finds, a
    "£" one before a worded one ("12 pounds"), which it would skip as overlapping.

    >>> opening_amount("£450 a day").value, opening_amount("It cost £450.")
    ('450 GBP', None)
    """
    symbol, word = _amount_patterns()
    m = symbol.match(text)
    if m is not None:
        value = _canonical(m.group(2), m.group(3))
        if value is not None:
            unit = vocab()["currencies"][m.group(1).lower()]
            return Quantity(0, m.end(), f"{_money_text(value, m.group(2), m.group(3))} {unit}", value, unit)
    m = word.match(text)
    if m is not None:
        value = _canonical(m.group(1), m.group(2))
        if value is not None:
            unit = vocab()["currencies"][m.group(3).lower()]
            return Quantity(0, m.end(), f"{_money_text(value, m.group(1), m.group(2))} {unit}", value, unit)
    return None


# "per cent" after a number in words ("Eighty per cent").
_PERCENT_WORD = re.compile(r"\s?(?:per\s?cent|percent)\b", re.I)
_PERCENT = re.compile(r"(\d(?<![\w.].)\d*(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)", re.I)


def find_percents(text: str) -> list[Quantity]:
    """Every percentage in ``text``, in order, in figures or in words.

    >>> [p.value for p in find_percents("6.5% and 12 per cent")]
    ['6.5%', '12%']
    >>> [p.value for p in find_percents("Eighty per cent of calls; twenty-five percent")]
    ['80%', '25%']
    """
    found = []
    for m in _PERCENT.finditer(text):
        value = Decimal(m.group(1))
        found.append(Quantity(m.start(), m.end(), f"{m.group(1)}%", value, "%"))
    if _PERCENT_WORD.search(text):
        for number in word_numbers(text):
            sign = _PERCENT_WORD.match(text, number.end)
            if sign is not None:
                figure = format_number(number.value)
                found.append(Quantity(number.start, sign.end(), f"{figure}%", number.value, "%"))
        found.sort(key=lambda q: q.start)
    return found


def find_percent(text: str) -> Quantity | None:
    """The first percentage in ``text``, else None."""
    found = find_percents(text)
    return found[0] if found else None


def opening_percent(text: str) -> Quantity | None:
    """The percentage that opens ``text`` (``find_percent(text)`` when it starts at 0), else None.

    >>> opening_percent("6.5% of them").value, opening_percent("Of them 6.5%")
    ('6.5%', None)
    """
    m = _PERCENT.match(text)
    if m is not None:
        return Quantity(0, m.end(), f"{m.group(1)}%", Decimal(m.group(1)), "%")
    if not _PERCENT_WORD.search(text):
        return None
    first = find_percents(text)
    return first[0] if first and first[0].start == 0 else None  # "Eighty per cent"
