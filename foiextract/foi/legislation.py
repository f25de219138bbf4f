"""Which law a request was handled under: FOIA, EIR, FOISA, EIRS or FOIA-US.

Rules in order: what the letter says it handled the request under ("dealt
with under the Environmental Information Regulations 2004 ... rather than the
Freedom of Information Act 2000"), then the family of the provisions it cites,
then which laws it names at all (Scottish before UK, regulations before Act).

>>> legislation_of_text("We have handled it under the Environmental Information Regulations 2004 (EIR) rather than the Freedom of Information Act 2000.")
'EIR'
>>> legislation_of_text("exempt under section 38(1)(b) of FOISA")
'FOISA'
"""

from __future__ import annotations

import re
from typing import Literal

from ..lexicon.scan import first, folded, matches, starts

Legislation = Literal["FOIA", "EIR", "FOISA", "EIRS", "FOIA-US", ""]

# The states of the United States, each with a freedom of information (or public records) law of
# its own.
US_STATES = ("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
             "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
             "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
             "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
             "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
             "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
             "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
             "Washington", "West Virginia", "Wisconsin", "Wyoming")
_STATE = "|".join(s.replace(" ", r"\s+") for s in US_STATES)
# Longest, most specific names first: the Scottish Act contains the UK Act's words.
LAW_NAMES: tuple[tuple[Legislation, re.Pattern[str]], ...] = (
    ("FOIA-US", re.compile(
        r"\b5\s+ILCS\s+140|\b5\s+U\.?\s?S\.?\s?C\.?\s+"
        r"(?:§\s*)?552\b|\bFOIA\s+Officer\b|\bPublic\s+Access\s+Counselor\b|\bFOIA\s+(?:file|request)\s+"
        rf"no\b|\b(?:{_STATE})(?:['’]s)?\s+(?:Freedom\s+of\s+Information|Public\s+Records|Open\s+Records|"
        r"Open\s+Public\s+Records|Public\s+Information)\s+(?:Act|Law)\b|\bMCL\s+15\.2\d\d\b|\bIllinois\b|"
        r"\bChicago,\s+IL\b"
        # The states' own laws by their names and sections: New Jersey's Open Public Records Act
        # (OPRA, N.J.S.A. 47:1A), Oregon's (ORS 192.3xx-192.4xx), Washington's (RCW 42.56),
        # California's (CPRA), New York's Freedom of Information Law (FOIL), Pennsylvania's
        # Right-to-Know Law.
        r"|\bOpen\s+Public\s+Records\s+Act\b|(?-i:\bOPRA\b)|\bN\.?\s?J\.?\s?S\.?\s?A\.?\s+47:1A|\bORS\s+192\.[345]\d\d"
        r"|\bRCW\s+42\.56\b|(?-i:\bCPRA\b|\bFOIL\b)|\bRight[\s-]to[\s-]Know\s+Law\b", re.IGNORECASE)),
    ("EIRS", re.compile(r"Environmental\s+Information\s+\(Scotland\)\s+Regulations|\bEIRS\b|\bEISRs?\b",
                        re.IGNORECASE)),
    ("FOISA", re.compile(r"Freedom\s+of\s+Information\s+\(Scotland\)\s+Act|\bFOISA\b|\bFoISA\b",
                         re.IGNORECASE)),
    ("EIR", re.compile(r"Environmental\s+Information\s+Regulations(?!\s+\(Scotland\))|\bEIRs?\b")),
    # "Freedom of Information – Response – 16079", "This is a freedom of information request":
    # the regime named, if not its Act.
    ("FOIA", re.compile(r"Freedom\s+of\s+Information\s+(?:Act(?!\s+\(Scotland\))|(?:[–—-]\s+)?(?:request|"
                        r"response)s?\b)|\bFOIA\b|\bFoI\s+Act\b", re.IGNORECASE)),
)
# The words every match of a pattern starts with, case folded (``EIR`` is case-sensitive).
LAW_STARTS: dict[Legislation, tuple[str, ...]] = {
    # and "5" before ILCS or U.S.C. 552
    "FOIA-US": ("illinois", "foia", "public", "chicago", "mcl", "open", "opra", "n.j.s.a", "njsa",
                "ors", "rcw", "cpra", "foil", "right",
                *dict.fromkeys(s.split()[0].lower() for s in US_STATES)),
    "EIRS": ("environmental", "eirs", "eisr"),
    "FOISA": ("freedom", "foisa"),
    "EIR": ("Environmental", "EIR"),
    "FOIA": ("freedom", "foi"),
}
_SIC = re.compile(r"Scottish\s+Information\s+Commissioner")
_HANDLED_STARTS = ("handled", "deal", "consider", "processed", "treated", "respond", "answered",
                   "logged", "assessed")
_HANDLED_UNDER = re.compile(
    r"\b(?:handled|dealt\s+with|considered|processed|treated|responded\s+to|respond(?:ing)?|"
    r"answered|logged|assessed|deal\s+with|consider(?:ed)?)\b[^.;]{0,60}?\b(?:under|in\s+accordance\s+"
    r"with)\s+(?:the\s+)?(?P<law>[^.;]{0,90})",
    re.IGNORECASE)


def _law_starts(law: Legislation, text: str, low: str | None) -> list[int] | None:
    if law == "EIR":
        return starts(text, LAW_STARTS[law])
    words = LAW_STARTS[law]
    if law == "FOIA-US" and low is not None and ("ilcs" in low or "552" in low):
        words += ("5",)
    return starts(low, words)


class _LazyStarts(dict[Legislation, "list[int] | None"]):
    """Where each law's names may start in one text, found when first asked for."""

    def __init__(self, text: str, low: str | None) -> None:
        super().__init__()
        self.text, self.low = text, low

    def __missing__(self, law: Legislation) -> list[int] | None:
        found = self[law] = _law_starts(law, self.text, self.low)
        return found


def _named(text: str, at: dict[Legislation, list[int] | None] | None = None) -> Legislation:
    """The law named first in the text: full names before acronyms ("FOI-DPA-EIR Requests")."""
    if at is None:
        at = _LazyStarts(text, folded(text))
    earliest: tuple[int, int, Legislation] | None = None
    for law, pattern in LAW_NAMES:
        for m in matches(pattern, text, at[law]):
            rank = (0 if " " in m.group(0).strip() else 1, m.start(), law)
            if earliest is None or rank < earliest:
                earliest = rank
    return earliest[2] if earliest else ""


def handled_under(text: str, low: str | None = None) -> Legislation:
    """The law the letter says it handled the request under, or ``""``.

    >>> handled_under("We have processed this request under the Freedom of Information Act 2000.")
    'FOIA'
    """
    if low is None:
        low = folded(text)
    for m in matches(_HANDLED_UNDER, text, starts(low, _HANDLED_STARTS)):
        law_text = re.split(r"\brather\s+than\b|\binstead\s+of\b|\bnot\s+under\b", m.group("law"))[0]
        law = _named(law_text)
        if law:
            return law
    return ""


def legislation_of_text(text: str, cited_families: tuple[str, ...] = ()) -> Legislation:
    """The law a letter's text is under; ``cited_families`` are the families of provisions it relies on."""
    low = folded(text)
    at = _LazyStarts(text, low)
    if first(LAW_NAMES[0][1], text, at["FOIA-US"]):
        return "FOIA-US"
    stated = handled_under(text, low)
    scottish = bool(first(LAW_NAMES[1][1], text, at["EIRS"])
                    or first(LAW_NAMES[2][1], text, at["FOISA"])
                    or ("Scottish" in text and _SIC.search(text)))
    if stated:
        if scottish and stated in ("FOIA", "EIR"):
            return "FOISA" if stated == "FOIA" else "EIRS"
        return stated
    for family in cited_families:
        if family in ("EIR", "EIRS", "FOISA"):
            return "EIRS" if family == "EIR" and scottish else family  # type: ignore[return-value]
    named = _named(text, at)
    if named:
        return named
    return "FOISA" if scottish else ""
