"""One answer given to several questions, divided among them where its paragraphs say which
question each answers.

A reply often answers a request's items in prose, a paragraph or two to each, without
restating them: "In response to your request for the name, gender … of every officer, …",
"Start date (9161) is the day an individual began …", "SPP stands for start date in present
position." The segmenter first reads such a reply as one answer shared by every item. A
paragraph that names one item in that item's own words (the words no other item of the group
uses) clearly more than any other paragraph does, or names it by number ("In regards to your
first two questions, …"), answers that item; the paragraphs after it go with it up to the
next paragraph so placed. The items asked before the first one placed take what stands
before its paragraph (not the reply's thanks); any other item no paragraph names keeps the
whole answer. Where nothing is placed, or only one paragraph with nothing before it, or the
paragraphs would answer the items out of their order, or the reply refuses the request as
a whole, the answer stays shared whole.

>>> from foiextract.readers.markdown import parse
>>> from foiextract.segment.units import units_of
>>> units = units_of(parse("We hold the parking fines data attached.\\n\\n"
...                        "The enforcement contract with the operator is published here.\\n",
...                        "x.md").blocks)
>>> [[u.text[:12] for u in part] for part in divide(
...     ["How many parking fines were issued?", "Please send the enforcement contract."], units)]
[['We hold the '], ['The enforcem']]
"""

from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from ..lexicon.data import load_json
from ..lexicon.text import stems
from .phrases import reply_opening
from .units import Unit

__all__ = ["divide", "placements", "refuses_whole"]

# How much of an item's own wording a paragraph must carry to answer it: two of its words
# (or all of them, for an item of one word: "SPP"), and half as much again as the paragraph
# next best at it.
_ENOUGH = 2.0
_AHEAD = 1.5


# A reply refusing the request as a whole ("…decided to refuse your request under section
# 14(1)", "the cost of meeting your request would exceed the cost limit"): its paragraphs
# argue the refusal, naming the items as they go, and answer none of them apart.
_REFUSES_WHOLE = re.compile(
    r"\brefus\w*\s+(?:to\s+comply\s+with\s+)?(?:your|this|the)\s+(?:whole\s+|entire\s+)?request\b"
    r"|\bsection\s+14\b|\bvexatious\b"
    r"|\b(?:cost\s+of\s+(?:meeting|complying\s+with|answering|dealing\s+with)|complying\s+with|"
    r"(?:to\s+)?(?:answer|meet)(?:ing)?)\s+(?:your|this|the)\s+(?:whole\s+|entire\s+|current\s+)?"
    r"request\s+would\s+exceed\b"
    r"|\bnot\s+(?:therefore\s+)?obliged\s+to\s+comply\s+with\s+(?:your|this|the)\s+request\b",
    re.I)


def refuses_whole(text: str) -> bool:
    """True where ``text`` refuses the request as a whole (:data:`_REFUSES_WHOLE`).

    >>> refuses_whole("The cost of complying with your request would exceed the limit.")
    True
    >>> refuses_whole("We do not hold the figures for 2019.")
    False
    """
    return bool(_REFUSES_WHOLE.search(text.replace("’", "'")))


@cache
def _filler() -> frozenset[str]:
    """The words of asking and answering that name no item: a caption's filler ("number",
    "breakdown", "details") and more ("council", "held", "year"); ``stems`` leaves out the
    commonest ("the", "please", "provide") itself."""
    phrases = load_json("segment_phrases.json")
    words = [*phrases["caption_filler_words"], *phrases["division_filler_words"]]
    return frozenset(w for word in words for w in stems(word)) | frozenset(words)


def divide(questions: Sequence[str], pieces: Sequence[Unit]) -> list[list[Unit]] | None:
    """Each question's paragraphs of the answer ``pieces`` they share, in the questions'
    order; None where the paragraphs do not say plainly which question each answers (see the
    module's account).

    A paragraph that opens by naming questions by number ("In respect of questions 1 and 3,
    …": its ``Unit.numbers``, with no list marker or label of its own) names them by their
    place in ``questions``.
    """
    if len(questions) < 2 or len(pieces) < 2 \
            or any(refuses_whole(p.text) for p in pieces):
        return None
    asked, said, weight, placed = _placed(questions, pieces)
    if placed and len(set(placed.values())) == len(placed):
        # (Where one paragraph names several items, a table's header row naming its columns,
        # the answer is not laid out an item to a paragraph.)
        _place_between(placed, asked, said, weight, pieces)
    starts = sorted(set(placed.values()))
    order = [placed[i] for i in sorted(placed)]
    if not starts or order != sorted(order):
        return None  # a reply takes the items in their order: placed out of it, not placed
    ends = starts[1:] + [len(pieces)]
    part_at = {start: list(pieces[start:end]) for start, end in zip(starts, ends)}
    before = list(pieces[:starts[0]])
    if before and reply_opening(before[0].text):
        before = []  # "Thank you for your request.": no item's answer
    # The items asked before the first one placed take what stands before its paragraph
    # ("Please see the attached spreadsheet." / "Our policy on collecting … can be found at …").
    early = min(placed)
    if len(starts) < 2 and not (early and before):
        return None
    if before and not early and not pieces[starts[0]].numbers:
        # Every item placed from the first: what stands before its paragraph opens its answer
        # (but "In answer to your first question, …" opens it itself).
        part_at[starts[0]] = before + part_at[starts[0]]
    whole = list(pieces)
    return [part_at[placed[i]] if i in placed else before if i < early and before else whole
            for i in range(len(questions))]


def placements(questions: Sequence[str], pieces: Sequence[Unit]) -> dict[int, int]:
    """Each question placed at a paragraph of ``pieces`` that names it, by number or in its own
    words, as :func:`divide` places them (in turn or not): question -> paragraph."""
    return _placed(questions, pieces)[3]


def _placed(questions: Sequence[str], pieces: Sequence[Unit]) -> tuple[
        list[frozenset[str]], list[frozenset[str]], dict[str, float], dict[int, int]]:
    """The questions' own words, the paragraphs' words, each word's weight, and the paragraph
    each question is placed at, by a number or its own words."""
    filler = _filler()
    asked = [stems(q) - filler for q in questions]
    counts: dict[str, int] = {}
    for words in asked:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    # A word is an item's own where no other item of the group uses it; one two items share
    # still tells them from the rest of a long request.
    weight = {w: 1.0 if n == 1 else 0.5 if n == 2 and len(questions) >= 4 else 0.0
              for w, n in counts.items()}
    said = [stems(p.text) for p in pieces]
    placed: dict[int, int] = {}
    for k, piece in enumerate(pieces):
        if piece.marker or piece.label:
            continue  # "1." numbering a list of its own, not naming the questions
        for number in piece.numbers:
            if 0 < number <= len(questions):
                placed.setdefault(number - 1, k)
    for i, words in enumerate(asked):
        if i in placed:
            continue
        own = sum(weight[w] for w in words)
        scores = [sum(weight[w] for w in words & s) for s in said]
        best = max(scores)
        if best < min(_ENOUGH, own) or best == 0:
            continue
        at = scores.index(best)
        if best >= _AHEAD * max((s for k, s in enumerate(scores) if k != at), default=0.0):
            placed[i] = at  # (a tie is never half as much again: a tie places nothing)
    return asked, said, weight, placed


def _place_between(placed: dict[int, int], asked: list[frozenset[str]],
                   said: list[frozenset[str]], weight: dict[str, float],
                   pieces: Sequence[Unit]) -> None:
    """Place the items left over by their order: an item asked between two placed items (or
    after the last) is answered between their paragraphs, so one word of its own there is
    enough ("…clarify which responsibilities they hold" and "The role has the following
    responsibilities …" after "We do employ a 'Planning Officer Access'."), where no paragraph
    outside the part it would open carries as much of it."""
    for i in range(len(asked)):
        if i in placed:
            continue
        before = [placed[j] for j in placed if j < i]
        after = [placed[j] for j in placed if j > i]
        if not before:
            continue  # asked before the first placed: it takes what stands before that
        low, high = max(before) + 1, min(after) if after else len(pieces)
        scores = [sum(weight[w] for w in asked[i] & s) for s in said]
        window = [k for k in range(low, high) if not (pieces[k].marker or pieces[k].label)]
        if not window:
            continue
        at = max(window, key=lambda k: scores[k])
        # (What follows it up to the next placed paragraph is its answer's own, not a rival.)
        rest = max((s for k, s in enumerate(scores) if not at <= k < high), default=0.0)
        if scores[at] >= 1.0 and scores[at] > rest:
            placed[i] = at
