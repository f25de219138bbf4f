"""The request as the letter restates it, and which request item each answer belongs to.

>>> similarity("Please provide the dates of completion.", "please provide the dates of completion")
1.0
>>> align(["How many?", "When?"], ["how many", "when", "how many"])
[1, 2, 1]
"""

from __future__ import annotations

from typing import Sequence

from ..lexicon.text import LIKE, SAME, similarity
from ..lexicon.text import words as _words

def restated(questions: Sequence[str], others: Sequence[str]) -> bool:
    """True when most of a run of questions is asked again elsewhere in the letter."""
    if len(questions) < 2 or not others:
        return False
    exact = {_words(o)[0] for o in others}
    found = sum(1 for q in questions
                if _words(q)[0] in exact or any(similarity(q, o) >= SAME for o in others))
    return found >= max(2, 0.6 * len(questions))


def align(items: Sequence[str], questions: Sequence[str]) -> list[int | None]:
    """The 1-based request item each question answers, in order, or None.

    Prefers the first good match after the item matched last, so repeated
    questions ("Please provide the dates of completion.") go to the right item.
    """
    found: list[int | None] = []
    last = 0
    folded = [_words(item)[0] for item in items]
    for question in questions:
        same = _words(question)[0]
        exact = next((i for i in range(last, len(items)) if folded[i] == same), None)
        if exact is not None:  # the usual case, settled without scoring every item
            found.append(exact + 1)
            last = exact + 1
            continue
        inside = next((i for i in range(last, len(items)) if len(same) >= 20
                       and f" {same} " in f" {folded[i]} "), None)
        if inside is not None and exact is None and not any(
                similarity(question, items[i]) >= SAME for i in range(len(items))):
            # A sub-question joined into its stem's item ("Have you had incidents of the
            # following? … Employees using … Employees sharing …"): that item, shared.
            found.append(inside + 1)
            last = inside
            continue
        scores = [similarity(question, item) for item in items]
        ahead = [(s, i) for i, s in enumerate(scores) if i >= last and s >= LIKE]
        best_all = max(((s, -i) for i, s in enumerate(scores)), default=(0.0, 0))
        pick: int | None = None
        if ahead:
            top = max(s for s, _ in ahead)
            pick = next(i for s, i in ahead if s >= top - 0.02)
            if best_all[0] > top + 0.1:
                pick = -best_all[1]
        elif best_all[0] >= LIKE:
            pick = -best_all[1]
        found.append(pick + 1 if pick is not None else None)
        if pick is not None:
            # An exact match uses its item up; a partial one (a sub-question) may share it.
            last = pick + 1 if scores[pick] == 1.0 else pick
    return found
