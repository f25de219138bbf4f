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


def as_condition(text: str, start: int) -> bool:
    """True when the citation starting at ``start`` in ``text`` is named as a condition."""
    return bool(_CONDITION.search(text[max(0, start - 40):start]))


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
