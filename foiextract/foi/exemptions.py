"""Exemptions relied on: every way a letter cites a provision, read into one short form.

"section 40(2)", "s.40(2)", "s40 (2)", "Section 22 subsection 2", "sections
23(5), 24(2) and 31(3)", "regulation 12(4)(b)", "Reg. 12(5)(e)" and "section
38(1)(b) of FOISA" all read. Only provisions an authority can rely on count:
FOIA Part II (ss21-44) and ss12, 14; FOISA Part 2 (ss25-41) and ss12, 14; EIR
regs 12(4), 12(5), 13; EIRS regs 10(4), 10(5), 11. Sections 1, 16, 17 and 50,
"regulation 12(2)" and "regulation 11" reconsideration are procedure, not
reliance, and a provision of another Act ("regulation 32 of the Public
Contracts Regulations 2015") is not one. A bare "section 36" beside "section
36(2)(b)(ii)" is the same reliance.

>>> [c.provision for c in raw_citations("withheld under sections 23(5), 24(2) and 31(3)")]
['s23(5)', 's24(2)', 's31(3)']
>>> relied_on(raw_citations("Section 22 subsection 2 applies; see section 16 for advice."), "FOIA")
('s22(2)',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lexicon.citing import (as_condition, in_a_postcode, later_parts, names_a_thing, short_form,
                              us_cited)
from ..lexicon.data import load_json
from ..lexicon.scan import folded, matches

_SUBS = r"(?P<subs>(?:\s?\(\s?[0-9]{1,2}[A-Za-z]?\s?\)|\s?\(\s?[a-z]{1,2}\s?\)|\s?\(\s?[ivx]{1,5}\s?\))*)"
_SUBSECTION_WORDS = (r"(?P<words>(?:,?\s+sub-?section\s+\(?(?P<w1>\d{1,2})\)?)?"
                     r"(?:,?\s+(?:paragraph|para\.?)\s+\(?(?P<w2>[a-z])\)?)?)")
# (A section's letter stands alone: "section 41of the Act" is section 41, typed without a space.)
_NUMBER = r"(?P<num>\d{1,2}(?:[A-Z](?![A-Z]))?)(?!\d)(?![.,]\d)"  # (not the "21" of "section 211")
_ITEM = r"\d{1,2}(?:[A-Z](?![A-Z]))?(?:\s?\(\s?\w{1,5}\s?\))*"
CITATION = re.compile(
    r"(?<![\w'’])(?P<word>sections?|ss?\.|ss?(?=\s?\d)|§§?|regulations?|regs?\.?|r\.(?=\s?\d))\s?"
    + _NUMBER + _SUBS + _SUBSECTION_WORDS
    + rf"(?P<more>(?:\s*,\s*{_ITEM}|\s*,?\s+(?:and|or|&)\s+{_ITEM})*)",
    re.IGNORECASE)
# Where a citation may start, in the lower-cased text: "s", "§" or "r" not inside a word, going on as
# "section", "ss", "s.", "s 40", "reg" or "r.".
_CITATION_START = re.compile(r"[s§r](?<![\w'’].)(?:(?<=s)(?:ection|s|\.|\s?\d)|(?<=§)|(?<=r)(?:eg|\.))")
# The same split by first character (see _citation_starts): a pattern that starts with one literal
# character is searched for far faster than one starting with a class such as [s§r].
_CITATION_STARTS = (
    re.compile(r"s(?<![\w'’]s)(?:ection|s|\.|\s?\d)"),
    re.compile(r"r(?<![\w'’]r)(?:eg|\.)"),
    re.compile(r"§(?<![\w'’]§)"),
)
_ITEM_RE = re.compile(r"(?P<num>\d{1,2}(?:[A-Z](?![A-Za-z]))?)" + _SUBS)
_RANGE_AFTER = re.compile(r"^\s*(?:to|-|–)\s*\d")
# "of the Local Government (Miscellaneous Provisions) Act 1982": a law's name may hold brackets.
_OF_LAW = re.compile(r"^\s*(?:of|under)\s+(?:the\s+)?(?P<law>(?:[^.;,()]|\([^().;]{0,60}\)){0,80})",
                     re.IGNORECASE)
_OUR_LAWS = re.compile(
    r"^(?:freedom\s+of\s+information|environmental\s+information|act\b|regulations\b|foi|eir|"
    r"foisa|eirs|the\s+act\b|fo[il]\s+act)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RawCitation:
    """A provision as cited, before deciding whether it is relied on.

    ``regulation`` tells a regulation from a section; ``provision`` is the
    short form for the UK Act or EIR numbering.
    """

    provision: str
    regulation: bool
    start: int
    end: int


def _other_law(text: str, end: int) -> bool:
    m = _OF_LAW.match(text[end:end + 100])
    if not m:
        return False
    law = m.group("law").strip()
    if not re.search(r"\b(?:Act|Regulations|Order|Rules|Code)\b", law):
        return False
    return not _OUR_LAWS.match(law)


def _citation_starts(low: str) -> list[int]:
    """Where a citation may start in lower-cased text, in order: the starts of ``_CITATION_START``.

    >>> _citation_starts("see s.40 and reg 12; class 3; §5")
    [4, 13, 30]
    """
    # The three patterns never match at one place (each starts with its own letter).
    return sorted(m.start() for pattern in _CITATION_STARTS for m in pattern.finditer(low))


def raw_citations(text: str) -> list[RawCitation]:
    """Every citation of a section or regulation in ``text`` (of our laws), in order."""
    found: list[RawCitation] = []
    low = folded(text)
    at = None if low is None else _citation_starts(low)
    for m in matches(CITATION, text, at):
        if (_RANGE_AFTER.match(text[m.end():m.end() + 8]) or _other_law(text, m.end())
                or as_condition(text, m.start())
                or names_a_thing(text, m.end()) or in_a_postcode(text, m.start())):
            continue
        regulation = m.group("word").lower().startswith(("reg", "r."))
        subs = m.group("subs") or ""
        if m.group("w1"):
            subs += f"({m.group('w1')})"
        if m.group("w2"):
            subs += f"({m.group('w2')})"
        found.append(RawCitation(short_form(m.group("num"), subs, regulation), regulation,
                                 m.start(), m.end()))
        if not m.group("more"):
            # "section 35(1)(a) and (b)": the next part of the same provision, by its last part
            found.extend(RawCitation(short_form(m.group("num"), other, regulation), regulation,
                                     m.start(), m.end()) for other in later_parts(subs, text, m.end()))
        for item in re.finditer(_ITEM, m.group("more") or ""):
            im = _ITEM_RE.match(item.group(0))
            if im:
                found.append(RawCitation(
                    short_form(im.group("num"), im.group("subs") or "", regulation),
                    regulation, m.start(), m.end()))
    return found


def _section_number(provision: str) -> tuple[int, str]:
    m = re.match(r"(?:s|reg)(\d+)([A-Z]?)", provision)
    return (int(m.group(1)), m.group(2)) if m else (0, "")


def _counts(provision: str, regulation: bool, legislation: str) -> bool:
    if legislation == "FOIA-US":
        return False  # US exemptions (5 ILCS 140/7) are not in the UK tables
    number, letter = _section_number(provision)
    scottish = legislation in ("FOISA", "EIRS")
    if regulation:
        main, personal = (10, 11) if scottish else (12, 13)
        if number == personal:
            return True
        # 12(3) (10(3) in Scotland) withholds a third party's personal data by way of 13 (11):
        # cited with it, it is relied on too.
        return number == main and provision.startswith((f"reg{main}(3)", f"reg{main}(4)",
                                                        f"reg{main}(5)"))
    if number in (12, 14):
        return True
    if scottish:
        return 25 <= number <= 41 and not letter
    return 21 <= number <= 44 and (not letter or provision.startswith("s22A"))


def _family(regulation: bool, legislation: str) -> str:
    if legislation == "FOIA-US":
        return "FOIA-US"
    scottish = legislation in ("FOISA", "EIRS")
    if regulation:
        return "EIRS" if scottish else "EIR"
    return "FOISA" if scottish else "FOIA"


def relied_on(citations: list[RawCitation], legislation: str) -> tuple[str, ...]:
    """The provisions relied on, in order of first citation, a bare section folded into a fuller one."""
    kept: list[str] = []
    for c in citations:
        if _counts(c.provision, c.regulation, legislation):
            if c.provision not in kept:
                kept.append(c.provision)
    return tuple(p for p in kept if not any(q != p and q.startswith(p + "(") for q in kept))


@cache
def exemption_table() -> dict[str, Any]:
    """Names and absolute/qualified status by law and provision (loaded once)."""
    data: dict[str, Any] = load_json("foi_exemptions.json")
    return data


def describe(provision: str, regulation: bool, legislation: str) -> tuple[str, bool | None]:
    """The provision's name and whether it is absolute, from the most specific table entry.

    >>> describe("s40(2)", False, "FOIA")
    ('Personal information of third parties', True)
    >>> describe("s38(1)(b)", False, "FOISA")
    ('Personal information', True)
    """
    table: dict[str, dict[str, Any]] = exemption_table().get(_family(regulation, legislation), {})
    key = provision
    while key:
        if key in table:
            entry = table[key]
            return str(entry["name"]), entry["absolute"]
        # "5 ILCS 140/7(1)(d)(v)" then "…/7(1)(d)", "…/7(1)", "…/7"
        key = key[:key.rfind("(")] if "(" in key else ""
    return "", None



def us_relied_on(text: str) -> list[RawCitation]:
    """The provisions of a US freedom of information law ``text`` relies on
    (:func:`~..lexicon.citing.us_cited`).

    >>> [c.provision for c in us_relied_on("unduly burdensome under 5 ILCS 140/3(g)")]
    ['5 ILCS 140/3(g)']
    """
    return [RawCitation(provision, False, start, end)
            for provision, start, end in us_cited(text)]