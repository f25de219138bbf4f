"""Comparing canonical values as GOLD-FORMAT.md says: numbers compare as numbers.

>>> same_value("amount", "12450.00 GBP", "12450 GBP")
True
>>> same_value("date", "2019-05; 2019-11", "2019-05;2019-11")
True
>>> same_value("count", "2", "3")
False
>>> same_value("withheld", "5 ILCS 140/3(g)", "s3(g)")
True
>>> same_value("withheld", "5 U.S.C. 552(b)(6); MCL 15.243(1)(a)", "s552(b)(6); s15.243(1)(a)")
True
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# A US FOIA section in full ("5 ILCS 140/7(1)(c)", "MCL 15.243(1)(a)", "5 U.S.C. 552(b)(6)") or
# short as a UK one ("s7(1)(c)", "s15.243(1)(a)", "s552(b)(6)").
_US_STATUTE = re.compile(r"\b(?:5\s*ILCS\s*140/|MCL\s*(?=15\.)|5\s+U\.S\.C\.\s*(?=552)|ORS\s*192\.|"
                         r"RCW\s*42\.56\.)", re.I)


def short_provision(provision: str) -> str:
    """A provision in the short form gold writes: "5 U.S.C. 552(b)(6)" as "s552(b)(6)".

    >>> short_provision("MCL 15.243(1)(a)"), short_provision("s40(2)")
    ('s15.243(1)(a)', 's40(2)')
    >>> short_provision("ORS 192.345(23)(b)"), short_provision("RCW 42.56.240(1)")
    ('s345(23)(b)', 's240(1)')
    """
    return _US_STATUTE.sub("s", provision)


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
        a, b = short_provision(a), short_provision(b)
    if kind == "date":
        return [p.replace(" ", "") for p in _parts(a)] == [p.replace(" ", "") for p in _parts(b)]
    pa, pb = _parts(a), _parts(b)
    if len(pa) != len(pb):
        return False
    return all(_same_atom(x, y) for x, y in zip(pa, pb))
