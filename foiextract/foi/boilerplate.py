"""Standard sections every reply carries: rights of review, re-use, copyright, marketing, privacy.

The segmenter calls :func:`boilerplate_heading` on headings and on paragraphs
that might open such a section, and never takes what follows for pairs.

>>> boilerplate_heading("Your right to request a review")
'rights'
>>> boilerplate_heading("If you are unhappy with the way your request has been handled, you can ask for an internal review.")
'rights'
>>> boilerplate_heading("How many complaints were made about the use of drones in 2020?") is None
True
"""

from __future__ import annotations

import re
from typing import Literal

BoilerplateKind = Literal["rights", "reuse", "copyright", "marketing", "data_protection",
                          "further_information"]

# Headings: short texts naming the section. Order matters: "Advice and Assistance: Direct
# Marketing" is marketing, not further information.
HEADINGS: tuple[tuple[BoilerplateKind, re.Pattern[str]], ...] = (
    ("marketing", re.compile(r"\bdirect\s+marketing\b", re.I)),
    ("reuse", re.compile(r"\bre-?\s?use\b|\bopen\s+government\s+licen[cs]e\b|\bOGL\b", re.I)),
    ("copyright", re.compile(r"\bcopyright\b", re.I)),
    ("data_protection", re.compile(r"\bdata\s+protection\b|\bprivacy\s+(?:notice|statement)\b|\bhow\s+we\s+"
                                   r"use\s+your\s+(?:personal\s+)?(?:information|data)\b|\bGDPR\b", re.I)),
    ("rights", re.compile(
        r"\byour\s+rights?\b|\bright\s+(?:to|of)\s+(?:request\s+|ask\s+for\s+|an?\s+)?(?:internal\s+)?"
        r"(?:review|appeal|complain)|\binternal\s+review\b|^complaints?(?:\s+(?:and\s+internal\s+review|"
        r"procedure|rights))?:?$|^appeals?(?:\s+procedure)?:?$|"
        r"\breconsideration\b|\bif\s+you\s+are\s+(?:unhappy|dissatisfied|not\s+(?:satisfied|happy|content))"
        r"\b|\binformation\s+commissioner\b|\breview\s+procedure\b", re.I)),
    ("further_information", re.compile(r"\bfurther\s+information\b|\bfurther\s+(?:queries|questions)\b"
                                       r"|\bcontact\s+us\b|\bany\s+(?:further\s+)?queries\b", re.I)),
)
# Paragraph openers: the first words of a standard paragraph.
OPENERS: tuple[tuple[BoilerplateKind, re.Pattern[str]], ...] = (
    ("rights", re.compile(
        r"^\s*(?:if\s+you\s+are\s+(?:unhappy|dissatisfied|not\s+(?:satisfied|happy|content))\s+with"
        r"|if\s+you\s+(?:remain|are\s+still)\s+(?:dissatisfied|unhappy|not\s+satisfied)"
        r"|you\s+(?:have\s+the|can|may)\s+(?:right\s+to\s+)?(?:ask\s+for|request)\s+an?\s+internal\s+review"
        r"|if\s+you\s+wish\s+to\s+(?:complain|appeal|request\s+(?:an?\s+)?(?:internal\s+)?review))", re.I)),
    ("reuse", re.compile(r"^\s*(?:the\s+information\s+(?:provided|supplied)[^.]{0,60}\bre-?use\b"
                         r"|(?:most|all|any)\s+of\s+the\s+information[^.]{0,60}\bre-?use\b"
                         r"|you\s+(?:are|may\s+be)\s+free\s+to\s+(?:re-?use|use))", re.I)),
    ("copyright", re.compile(r"^\s*(?:the\s+)?(?:information|material|documents?)[^.]{0,60}\bcopyright\b"
                             r"|^\s*copyright\b", re.I)),
    ("marketing", re.compile(r"^\s*if\s+you\s+are\s+a\s+company\s+that\s+intends\s+to\s+use", re.I)),
    ("data_protection", re.compile(r"^\s*(?:the\s+)?(?:personal\s+)?(?:information|data)\s+you\s+(?:have\s+)?"
                                   r"provided[^.]{0,80}\b(?:held|processed|kept|used)\b", re.I)),
)
MAX_HEADING_CHARS = 90


def boilerplate_heading(text: str) -> BoilerplateKind | None:
    """The kind of standard section a heading or opening paragraph starts, else None.

    >>> boilerplate_heading("Advice and Assistance : Direct Marketing")
    'marketing'
    """
    stripped = " ".join(text.split())
    if not stripped or stripped.endswith("?"):
        return None
    if len(stripped) <= MAX_HEADING_CHARS:
        for kind, pattern in HEADINGS:
            if pattern.search(stripped):
                return kind
    for kind, pattern in OPENERS:
        if pattern.search(stripped):
            return kind
    return None
