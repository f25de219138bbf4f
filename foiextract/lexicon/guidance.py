"""Drafting guidance left in a letter, and public-interest headings (the segmenter and the facts
both read by these).

>>> drafting_guidance("[You will now need to apply this exemption to the requested information.]")
True
>>> drafting_guidance("We consider that section 22 applies.")
False
>>> drafting_guidance("[Address redacted] – 3 key holders")
False
"""

from __future__ import annotations

import re

from .scan import first, folded, starts

_GUIDANCE = re.compile(
    # "[Insert …]", "[Officer guidance: delete this note …]" instruct; "[Address redacted]" and
    # WDTK's "[ email address ]" mark what was taken out of the letter, "[…]" what was left out,
    # "[6 accompanying attachments]" what came with it: none instructs.
    r"^\s*\[(?![^\]]{0,40}\b(?:redacted|removed|withheld)\s*\]|\s*email\s+address\s*\])"
    r"(?=[^\]]{0,200}?\b(?:insert|delete|guidance|officer|drafting|template|amend|as\s+appropriate|"
    r"(?:if|where)\s+(?:applicable|appropriate|relevant|known)|complete\s+this|select|choose)\b"
    # or a slot left to fill: "[Name]", "[Date of decision]", "[XX]"
    r"|\s*(?:the\s+)?(?:name|date|title|address|ref(?:erence)?|department|team|x{2,}|number|amount)\b"
    r"[^\]]{0,30}\])"
    r"|\[insert\b|\byou (will )?(now )?need to\b|\byou must (also )?\b|\bif you need help\b"
    r"|\bit should be stated\b|\bdetails should (also )?be given\b",
    re.IGNORECASE,
)
# Where an instruction may start, beside the paragraph's start: a paragraph without one of
# these (case folded) is no instruction. Each is the literal text every match of its branches of
# _GUIDANCE starts with ("you" alone stood at every "your" of a letter).
GUIDANCE_WORDS = ("[", "you will ", "you now ", "you need to", "you must ", "if you need help",
                  "it should be stated", "details should ")
_PUBLIC_INTEREST_HEADING = re.compile(
    r"^\s*(public interest )?(factors|arguments|considerations) (in favour of|for|against)\b"
    r"|^\s*public interest (test|arguments)\b",
    re.IGNORECASE,
)


def drafting_guidance(text: str) -> bool:
    """True when a paragraph is an instruction to the officer drafting the letter."""
    low = folded(text)
    if low is None:
        return bool(_GUIDANCE.search(text))
    return guidance_at(text, starts(low, GUIDANCE_WORDS) or [])


def guidance_at(text: str, at: list[int]) -> bool:
    """:func:`drafting_guidance` when ``at`` are the places of ``GUIDANCE_WORDS`` in ``text``
    (case folded), in order.

    >>> guidance_at("[Insert the name]", [0])
    True
    """
    return first(_GUIDANCE, text, [0, *at]) is not None


def public_interest_heading(text: str) -> bool:
    """True for a public-interest test heading ("Factors in favour of disclosure")."""
    return bool(_PUBLIC_INTEREST_HEADING.search(text)) and len(text) < 120
