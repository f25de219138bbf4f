"""The outcome of a request: granted in full, in part, refused, not held, or unknown.

From the answers' values when there are pairs: every answer withheld is
``refused``; every answer "not held" is ``not_held``; some withheld, or an
exemption relied on beside answers given, is ``partial``; else ``granted``.
Without pairs the letter's words decide (a refusal of the whole request under
s12 or s14, "neither confirm nor deny", "we do not hold", "we hold the
information"); a letter with no pairs whose words say none of these is
``unknown``, never ``granted`` (an email whose body could not be read, a
letter that answers in a form foiextract does not see).

>>> outcome_of_text("We have decided to refuse your request under section 14(1).", ("s14(1)",))
'refused'
>>> outcome_of_text("The council holds the information you asked for.", ())
'granted'
>>> outcome("Please find attached our response.", (), ())
'unknown'
"""

from __future__ import annotations

import re
from typing import Literal, Sequence

from ..model import Pair

Outcome = Literal["granted", "partial", "refused", "not_held", "unknown", ""]

_REFUSE_ALL = re.compile(
    r"\brefus(?:e|ing|ed)\s+(?:your|this|the)\s+(?:whole\s+)?request\b|\bnot\s+obliged\s+to\s+comply\s+with\s+"
    r"(?:your|this|the)\s+request\b|\bwill\s+not\s+(?:be\s+)?(?:respond|comply)", re.IGNORECASE)
_NOT_HELD = re.compile(
    r"\b(?:do(?:es)?\s+not|don't|doesn't)\s+hold\s+(?:the|any|this)\s+information\b|\binformation\s+(?:is\s+)?"
    r"not\s+held\b", re.IGNORECASE)
_HOLDS = re.compile(r"\b(?:hold|holds)\s+(?:the|some\s+of\s+the|most\s+of\s+the)?\s*information\b",
                    re.IGNORECASE)


def outcome_of_pairs(pairs: Sequence[Pair], exemptions: Sequence[str]) -> Outcome:
    """The outcome read from answered pairs; ``""`` when the pairs carry no values yet."""
    kinds = [p.value.kind for p in pairs if p.value is not None]
    if not kinds:
        return ""
    given = [k for k in kinds if k not in ("withheld", "not_held", "missing")]
    if "withheld" in kinds:
        return "partial" if given or "not_held" in kinds else "refused"
    if not given:
        return "not_held" if "not_held" in kinds else ("refused" if exemptions else "")
    return "partial" if exemptions else "granted"


def outcome_of_text(text: str, exemptions: Sequence[str], *, default: Outcome = "granted"
                    ) -> Outcome:
    """The outcome read from the letter's words and the exemptions it relies on;
    ``default`` when they say nothing either way."""
    refusals_of_request = [e for e in exemptions if e.startswith(("s12", "s14", "reg12(4)(b)"))]
    if exemptions and _REFUSE_ALL.search(text):
        return "refused"
    if refusals_of_request and len(refusals_of_request) == len(exemptions) and not _HOLDS.search(text):
        return "refused"
    if exemptions:
        return "partial"
    if _NOT_HELD.search(text) and not _HOLDS.search(text.replace("not hold", "")):
        return "not_held"
    return "granted" if default == "granted" or _HOLDS.search(text) else default


def outcome(text: str, pairs: Sequence[Pair], exemptions: Sequence[str]) -> Outcome:
    """The outcome from pairs when they carry values, else from the text (``unknown``
    for a letter with no pairs that says nothing either way)."""
    return outcome_of_pairs(pairs, exemptions) or outcome_of_text(
        text, exemptions, default="granted" if pairs else "unknown")
