"""Comparing canonical values as GOLD-FORMAT.md says: numbers compare as numbers.

>>> same_value("amount", "12450.00 GBP", "12450 GBP")
True
>>> same_value("date", "2019-05; 2019-11", "2019-05;2019-11")
True
>>> same_value("count", "2", "3")
False
>>> same_value("withheld", "5 ILCS 140/3(g)", "s3(g)")
True
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# An Illinois FOIA section in full ("5 ILCS 140/7(1)(c)") or short as a UK one ("s7(1)(c)").
_ILLINOIS = re.compile(r"\b5\s*ILCS\s*140/", re.I)


def _parts(value: str) -> list[str]:
    return [p.strip() for p in value.split(";") if p.strip()] if ";" in value else [value.strip()]


def _same_atom(a: str, b: str) -> bool:
    if a == b:
        return True
    # Compare as the same text with every figure read as a Decimal ("12450.00" == "12450").
    na, nb = _NUMBER.findall(a), _NUMBER.findall(b)
    if len(na) != len(nb) or not na:
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    if _NUMBER.sub("#", a).strip().casefold() != _NUMBER.sub("#", b).strip().casefold():
        return False
    try:
        return all(Decimal(x) == Decimal(y) for x, y in zip(na, nb))
    except InvalidOperation:
        return False


def same_value(kind: str, a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are the same canonical value of an answer of ``kind``.

    Dates compare as ISO strings (they are not numbers); lists and several
    values compare item by item, in order; text compares case-insensitively
    with whitespace collapsed.
    """
    a, b = a or "", b or ""
    if kind == "withheld":
        a, b = _ILLINOIS.sub("s", a), _ILLINOIS.sub("s", b)
    if kind == "date":
        return [p.replace(" ", "") for p in _parts(a)] == [p.replace(" ", "") for p in _parts(b)]
    pa, pb = _parts(a), _parts(b)
    if len(pa) != len(pb):
        return False
    return all(_same_atom(x, y) for x, y in zip(pa, pb))
