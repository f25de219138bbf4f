"""How a section is cited: relied on, or named as a condition of another.

A letter refusing personal data relies on section 40(2) and may go on to name the condition
that engages it ("The condition contained in section 40(3A)(a) applies"). The condition is
part of the reasoning, not an exemption of its own; the facts and the value reader both leave
it out by this test.

>>> text = "exempt under section 40(2). The condition contained in section 40(3A)(a) applies"
>>> as_condition(text, text.index("section 40(3A)")), as_condition(text, text.index("section 40(2)"))
(True, False)
"""

from __future__ import annotations

import re

# "the condition (contained|set out|listed) in", "conditions under", right before the citation.
_CONDITION = re.compile(r"\bconditions?\s+(?:(?:contained|set\s+out|listed|found)\s+)?(?:in|under|at)"
                        r"\s+(?:the\s+)?$", re.I)


# ", (b)", " and (b)" after a cited part: another part of the same provision.
_NEXT_PART = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)\(\s?(?P<part>[a-z]{1,2}|[ivx]{1,5}|"
                        r"\d{1,2}[A-Za-z]?)\s?\)(?![\w(])", re.I)


def later_parts(subs: str, text: str, end: int) -> list[str]:
    """The parts of the same provision cited after ``subs`` (its parts as cited, "(1)(a)"),
    which ends at ``end`` of ``text``: each as a whole ("(1)(b)", "(1)(c)" for "35(1)(a), (b)
    and (c)"); none where ``subs`` has no part.

    >>> later_parts("(1)(a)", "section 35(1)(a), (b) and (c) of the Act", 16)
    ['(1)(b)', '(1)(c)']
    """
    parts = re.findall(r"\(\s?\w+\s?\)", subs)
    found: list[str] = []
    while parts and (m := _NEXT_PART.match(text, end)) is not None:
        found.append("".join(parts[:-1]) + f"({m.group('part')})")
        end = m.end()
    return found


def short_form(number: str, parts: str, regulation: bool = False) -> str:
    """A provision in the short form the tables give it: "s" or "reg", its number, and its
    parts as legislation prints them (:func:`printed_part`).

    >>> short_form("40", "(5b) (a)(I)"), short_form("12", "(4)(b)", regulation=True)
    ('s40(5B)(a)(i)', 'reg12(4)(b)')
    """
    return (("reg" if regulation else "s") + number
            + "".join(f"({printed_part(p)})" for p in re.findall(r"\(\s?(\w+)\s?\)", parts)))


def printed_part(part: str) -> str:
    """A subsection as legislation prints it: an inserted one keeps its capital ("5B", "4A"),
    paragraphs and sub-paragraphs are lower case ("a", "i").

    >>> [printed_part(p) for p in ("5b", "2", "A", "ii")]
    ['5B', '2', 'a', 'ii']
    """
    return part.upper() if part[:1].isdigit() else part.lower()


def as_condition(text: str, start: int) -> bool:
    """True when the citation starting at ``start`` in ``text`` is named as a condition."""
    return bool(_CONDITION.search(text[max(0, start - 40):start]))


def names_a_thing(text: str, end: int) -> bool:
    """True when the citation ending at ``end`` in ``text`` names a thing another law calls by
    its section ("Section 38 Highway Agreements", "the section 41 notice period", "section
    106 contributions"), not a section of the information laws.

    >>> names_a_thing("Section 38 Highway Agreements", 10), names_a_thing("section 21 applies", 10)
    (True, False)
    """
    return _NAMED_BY_SECTION.match(text, end, end + 40) is not None


def in_a_postcode(text: str, start: int) -> bool:
    """True when what reads as a citation at ``start`` is a postcode's outward part ("46
    Church Street, S35 9WE", "Sheffield S1 2HH"): a capital S, its district, then the inward
    part, a figure and two capitals.

    >>> in_a_postcode("46 Church Street, S35 9WE", 18), in_a_postcode("under s35 of the Act", 6)
    (True, False)
    """
    return _POSTCODE.match(text, start) is not None


_POSTCODE = re.compile(r"S\d{1,2}[A-Z]?\s?\d[A-Z]{2}\b")


_NAMED_BY_SECTION = re.compile(
    r"\s+(?:highways?\s+|planning\s+)?(?:agreements?|notices?|orders?|licen[cs]es?|applications?|"
    r"payments?|contributions?|works|assessments?|enquir(?:y|ies)|investigations?|obligations?|"
    r"certificates?|appeals?|monies|money|funding|duty|duties)\b", re.IGNORECASE)


# Illinois FOIA (5 ILCS 140): its exemptions are section 7 and 7.5, and a request "unduly
# burdensome" is refused under 3(g). Cited by the statute ("5 ILCS 140/7(1)(c)") or as a
# section of the Act ("Section 7(1)(c) of FOIA"); the other sections a letter cites (the duty
# to answer, review, judicial review) are not relied on.
_ILCS = re.compile(
    r"\b5\s*ILCS\s*140\s*/\s*(?P<num>\d+(?:\.\d+)?)(?P<subs>(?:\s?\(\s?[0-9a-z]{1,4}\s?\))*)"
    r"|\bSection\s+(?P<num2>\d+(?:\.\d+)?)(?P<subs2>(?:\s?\(\s?[0-9a-z]{1,4}\s?\))+)"
    r"(?=\s+of\s+(?:the\s+)?(?:Act|FOIA|(?:Illinois\s+)?Freedom\s+of\s+Information\s+Act)\b)",
    re.IGNORECASE)


def illinois_cited(text: str) -> list[tuple[str, int, int]]:
    """The Illinois FOIA provisions ``text`` relies on, in order of first citation, in the
    statute's short form; a bare section folded into a fuller citation of it.

    >>> [provision for provision, _start, _end in illinois_cited(
    ...     "redacted pursuant to Section 7(1)(c) of FOIA. See 5 ILCS 140/7(1)(c); "
    ...     "unduly burdensome under 5 ILCS 140/3(g). You may seek review under 5 ILCS 140/11.")]
    ['5 ILCS 140/7(1)(c)', '5 ILCS 140/3(g)']
    """
    found: list[tuple[str, int, int]] = []
    for m in _ILCS.finditer(text):
        num = m["num"] or m["num2"]
        subs = re.sub(r"\s+", "", (m["subs"] if m["num"] else m["subs2"]) or "").lower()
        if num not in ("7", "7.5") and not (num == "3" and subs.startswith("(g)")):
            continue
        provision = f"5 ILCS 140/{num}{subs}"
        if all(p != provision for p, _s, _e in found):
            found.append((provision, m.start(), m.end()))
    return [c for c in found if not any(o[0] != c[0] and o[0].startswith(c[0] + "(") for o in found)]


# Michigan's FOIA (MCL 15.231 et seq.): its exemptions are section 15.243 ("MCL 15.243(1)(a)").
_MICHIGAN = re.compile(r"\bMCL\s*15\.243\s?(?P<subs>(?:\s?\(\s?[0-9a-z]{1,4}\s?\))*)", re.I)
# Oregon's exempt public records, ORS 192.345 and 192.355 ("ORS 192.345(23)(b)"; not the fees of
# 192.329 or the review of 192.415), and Washington's, RCW 42.56.210 to 42.56.480 ("RCW
# 42.56.240(1)").
_OREGON = re.compile(r"\bORS\s*192\.(?P<n>3[45]5)\s?(?P<subs>(?:\s?\(\s?[0-9a-z]{1,4}\s?\))*)", re.I)
_WASHINGTON = re.compile(r"\bRCW\s*42\.56\.(?P<n>(?:2[1-9]|3\d|4[0-8])\d)\s?"
                         r"(?P<subs>(?:\s?\(\s?[0-9a-z]{1,4}\s?\))*)", re.I)
# The federal FOIA's exemptions, 5 U.S.C. 552(b)(1)-(9): "5 U.S.C. § 552 (b)(6)", "FOIA Exemption
# 6", "Exemption (b)(7)(C)".
_FEDERAL = re.compile(
    r"\b5\s+U\.?\s?S\.?\s?C\.?\s*(?:§+\s*)?552\s?\(b\)\s?\((?P<n>[1-9])\)(?P<subs>(?:\([A-F]\))*)"
    r"|\bExemptions?\s+(?:\(b\)\s?\((?P<n2>[1-9])\)(?P<subs2>(?:\([A-F]\))*)|(?P<n3>[1-9])\b)")


def us_cited(text: str) -> list[tuple[str, int, int]]:
    """The provisions of a US freedom of information law that ``text`` relies on, in order of
    first citation, each in its statute's form: Illinois (:func:`illinois_cited`), Michigan's
    section 15.243, Oregon's ORS 192.345 and 192.355, Washington's RCW 42.56.210 to .480 and the
    federal Act's exemptions 552(b)(1) to (9).

    >>> [provision for provision, _start, _end in us_cited(
    ...     "Portions are releasable pursuant to Title 5 U.S.C. § 552 (b)(6), FOIA Exemption 6. "
    ...     "Redacted under MCL 15.243(1)(a).")]
    ['5 U.S.C. 552(b)(6)', 'MCL 15.243(1)(a)']
    >>> [provision for provision, _start, _end in us_cited(
    ...     "The map is exempt pursuant to ORS 192.345(23)(b); review under ORS 192.415. Withheld "
    ...     "under RCW 42.56.240(1).")]
    ['ORS 192.345(23)(b)', 'RCW 42.56.240(1)']
    """
    found = illinois_cited(text) if "ILCS" in text or "Section" in text else []
    if "MCL" in text:
        for m in _MICHIGAN.finditer(text):
            subs = "".join(m["subs"].split()).lower()
            found.append((f"MCL 15.243{subs}", m.start(), m.end()))
    for statute, pattern, form in (("ORS", _OREGON, "ORS 192."), ("RCW", _WASHINGTON, "RCW 42.56.")):
        if statute in text:
            for m in pattern.finditer(text):
                found.append((f"{form}{m['n']}{''.join(m['subs'].split()).lower()}", m.start(), m.end()))
    if "552" in text or "xemption" in text:
        for m in _FEDERAL.finditer(text):
            number = m["n"] or m["n2"] or m["n3"]
            subs = (m["subs"] if m["n"] else m["subs2"] if m["n2"] else "") or ""
            found.append((f"5 U.S.C. 552(b)({number}){subs}", m.start(), m.end()))
    found.sort(key=lambda c: c[1])
    first: dict[str, tuple[str, int, int]] = {}
    for cited in found:
        first.setdefault(cited[0], cited)
    kept = list(first.values())
    # A bare exemption folded into a fuller citation of it ("…552(b)(7)" into "…552(b)(7)(C)").
    return [c for c in kept if not any(o[0] != c[0] and o[0].startswith(c[0] + "(") for o in kept)]
