"""Which request item each of a response's pairs answers.

Rules, tried in order, each named in the output (``align_rule``):

- ``request_item``: the response restates the whole request in the same order,
  so its own item numbers are the request's;
- ``restated_request``: it restates the request reworded, reordered or cut;
  its items are matched to the request's, and its pairs follow their items;
- ``number_only``: an answer given by number alone ("2. 14"), no restated request;
- ``item_range``: a question that is only a range of item numbers ("Q3-Q5");
- ``question_text``: the pair's question matched to the items by text, one to
  one, with an order-aware assignment (Hungarian via scipy, else a
  monotone dynamic programme);
- ``split``: a further pair whose question reads like an item already matched
  (one item answered in several parts).

>>> from foiextract.model import Pair
>>> [(m.item, m.pair, m.rule) for m in align_pairs(
...     ["How many reviews started?", "How many reviews completed?"],
...     [Pair("How many reviews have been completed?", ""),
...      Pair("How many reviews were started?", "")], [])]
[(2, 0, 'question_text'), (1, 1, 'question_text')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon.text import LIKE, normalise, similarity, stems
from ..model import Pair

# Below this, a question is not taken to ask a request item.
MIN_SCORE = 0.5
# How much a match far from its expected place costs, against text similarity (0-1).
ORDER_WEIGHT = 0.15
# Share of positions that must agree for a restated request to count as the same list.
SAME_ORDER_SHARE = 0.7
_RANGE = re.compile(
    r"^\s*(?:q(?:uestions?)?\s*)?(\d{1,3})\s*(?:-|–|to|and|&)\s*"
    r"(?:q(?:uestion)?\s*)?(\d{1,3})\s*[.:)]?\s*$",
    re.IGNORECASE)



@dataclass(frozen=True, slots=True)
class Match:
    """Pair ``pair`` (index into the response's pairs) answers request item ``item``.

    >>> Match(3, 0, "item_range", 1.0).item
    3
    """

    item: int
    pair: int
    rule: str
    score: float


def item_similarity(question: str, item: str) -> float:
    """How well a response's question reads as a request item: text, or shared content words."""
    by_text = similarity(question, item)
    left, right = stems(question), stems(item)
    if not left or not right:
        return by_text
    dice = 2 * len(left & right) / (len(left) + len(right))
    return max(by_text, dice)


def align_pairs(items: Sequence[str], pairs: Sequence[Pair],
                restated: Sequence[str]) -> list[Match]:
    """Match a response's pairs (their ``question`` and ``request_item``) to items.

    ``restated`` is the response's own restatement of the request (may be empty).
    A pair may answer several items (a range) and an item may take several pairs (a split).
    """
    by_own_item, rule = _restated_map(items, restated)
    matches: list[Match] = []
    left: list[int] = []
    for index, pair in enumerate(pairs):
        own = pair.request_item
        question = pair.question
        span = _RANGE.match(question)
        if own is not None and own in by_own_item:
            item, score = by_own_item[own]
            matches.append(Match(item, index, rule, score))
        elif (own is not None and not restated and not normalise(question)
              and 1 <= own <= len(items)):
            matches.append(Match(int(own), index, "number_only", 1.0))
        elif span:
            low, high = sorted((int(span.group(1)), int(span.group(2))))
            matches.extend(Match(i, index, "item_range", 1.0)
                           for i in range(low, min(high, len(items)) + 1) if i >= 1)
        elif normalise(question):
            left.append(index)
    taken = {m.item for m in matches}
    free = [n for n in range(1, len(items) + 1) if n not in taken]
    questions = [pairs[i].question for i in left]
    chosen = assign(questions, [items[n - 1] for n in free])
    placed = set()
    for q, k, score in chosen:
        matches.append(Match(free[k], left[q], "question_text", score))
        placed.add(q)
    for q, index in enumerate(left):
        if q in placed:
            continue
        scores = [(item_similarity(questions[q], item), n) for n, item in enumerate(items, 1)]
        best, item = max(scores, default=(0.0, 0))
        if best >= LIKE:
            matches.append(Match(item, index, "split", best))
    return sorted(matches, key=lambda m: (m.pair, m.item))


def _restated_map(items: Sequence[str], restated: Sequence[str]
                  ) -> tuple[dict[int, tuple[int, float]], str]:
    """The response's own item numbers mapped to the request's, and the rule that did it."""
    if not restated:
        return {}, ""
    if len(restated) == len(items):
        scores = [item_similarity(own, item) for own, item in zip(restated, items)]
        agree = sum(1 for s in scores if s >= LIKE)
        if agree >= SAME_ORDER_SHARE * len(items):
            return {n: (n, s) for n, s in enumerate(scores, start=1)}, "request_item"
    found = assign(restated, items)
    return {q + 1: (k + 1, score) for q, k, score in found}, "restated_request"


def assign(questions: Sequence[str], items: Sequence[str]) -> list[tuple[int, int, float]]:
    """One-to-one ``(question index, item index, similarity)`` matches, order-aware.

    >>> assign(["When did they start?", "How many?"], ["How many?", "When did they start?"])
    [(0, 1, 1.0), (1, 0, 1.0)]
    """
    if not questions or not items:
        return []
    sims = [[item_similarity(q, item) for item in items] for q in questions]
    nq, ni = len(questions), len(items)
    cost = [[1.0 - sims[q][k] + ORDER_WEIGHT * abs(q / nq - k / ni) for k in range(ni)]
            for q in range(nq)]
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError:  # pragma: no cover - scipy is a dependency; the DP keeps order
        chosen = _monotone(sims)
    else:
        rows, cols = linear_sum_assignment(cost)
        chosen = list(zip((int(r) for r in rows), (int(c) for c in cols)))
    return sorted((q, k, sims[q][k]) for q, k in chosen if sims[q][k] >= MIN_SCORE)


def _monotone(sims: list[list[float]]) -> list[tuple[int, int]]:
    """The order-keeping matching with the most similarity above MIN_SCORE (a DP)."""
    nq, ni = len(sims), len(sims[0])
    best = [[0.0] * (ni + 1) for _ in range(nq + 1)]
    for q in range(1, nq + 1):
        for k in range(1, ni + 1):
            gain = sims[q - 1][k - 1] - MIN_SCORE
            best[q][k] = max(best[q - 1][k], best[q][k - 1],
                             best[q - 1][k - 1] + gain if gain >= 0 else float("-inf"))
    chosen, q, k = [], nq, ni
    while q and k:
        if best[q][k] == best[q - 1][k]:
            q -= 1
        elif best[q][k] == best[q][k - 1]:
            k -= 1
        else:
            chosen.append((q - 1, k - 1))
            q, k = q - 1, k - 1
    return chosen[::-1]
