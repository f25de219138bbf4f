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

Legislation = Literal["FOIA", "EIR", "FOISA", "EIRS", "FOIA-US", ""]

# Longest, most specific names first: the Scottish Act contains the UK Act's words.
LAW_NAMES: tuple[tuple[Legislation, re.Pattern[str]], ...] = (
    ("FOIA-US", re.compile(
        r"\b5\s+ILCS\s+140|\bIllinois\s+Freedom\s+of\s+Information\s+Act|\b5\s+U\.?\s?S\.?\s?C\.?\s+"
        r"(?:§\s*)?552\b|\bFOIA\s+Officer\b|\bPublic\s+Access\s+Counselor\b|\bFOIA\s+(?:file|request)\s+"
        r"no\b|\bIllinois\b|\bChicago,\s+IL\b", re.IGNORECASE)),
    ("EIRS", re.compile(r"Environmental\s+Information\s+\(Scotland\)\s+Regulations|\bEIRS\b|\bEISRs?\b",
                        re.IGNORECASE)),
    ("FOISA", re.compile(r"Freedom\s+of\s+Information\s+\(Scotland\)\s+Act|\bFOISA\b|\bFoISA\b",
                         re.IGNORECASE)),
    ("EIR", re.compile(r"Environmental\s+Information\s+Regulations(?!\s+\(Scotland\))|\bEIRs?\b")),
    ("FOIA", re.compile(r"Freedom\s+of\s+Information\s+Act(?!\s+\(Scotland\))|\bFOIA\b|\bFoI\s+Act\b",
                        re.IGNORECASE)),
)
_HANDLED_UNDER = re.compile(
    r"\b(?:handled|dealt\s+with|considered|processed|treated|responded\s+to|respond(?:ing)?|"
    r"answered|logged|assessed|deal\s+with|consider(?:ed)?)\b[^.;]{0,60}?\b(?:under|in\s+accordance\s+"
    r"with)\s+(?:the\s+)?(?P<law>[^.;]{0,90})",
    re.IGNORECASE)


def _named(text: str) -> Legislation:
    """The law named first in the text: full names before acronyms ("FOI-DPA-EIR Requests")."""
    earliest: tuple[int, int, Legislation] | None = None
    for law, pattern in LAW_NAMES:
        for m in pattern.finditer(text):
            rank = (0 if " " in m.group(0).strip() else 1, m.start(), law)
            if earliest is None or rank < earliest:
                earliest = rank
    return earliest[2] if earliest else ""


def handled_under(text: str) -> Legislation:
    """The law the letter says it handled the request under, or ``""``.

    >>> handled_under("We have processed this request under the Freedom of Information Act 2000.")
    'FOIA'
    """
    for m in _HANDLED_UNDER.finditer(text):
        law_text = re.split(r"\brather\s+than\b|\binstead\s+of\b|\bnot\s+under\b", m.group("law"))[0]
        law = _named(law_text)
        if law:
            return law
    return ""


def legislation_of_text(text: str, cited_families: tuple[str, ...] = ()) -> Legislation:
    """The law a letter's text is under; ``cited_families`` are the families of provisions it relies on."""
    if LAW_NAMES[0][1].search(text):
        return "FOIA-US"
    stated = handled_under(text)
    scottish = bool(LAW_NAMES[1][1].search(text) or LAW_NAMES[2][1].search(text)
                    or re.search(r"Scottish\s+Information\s+Commissioner", text))
    if stated:
        if scottish and stated in ("FOIA", "EIR"):
            return "FOISA" if stated == "FOIA" else "EIRS"
        return stated
    for family in cited_families:
        if family in ("EIR", "EIRS", "FOISA"):
            return "EIRS" if family == "EIR" and scottish else family  # type: ignore[return-value]
    named = _named(text)
    if named:
        return named
    return "FOISA" if scottish else ""
