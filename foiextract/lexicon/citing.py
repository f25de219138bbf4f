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
