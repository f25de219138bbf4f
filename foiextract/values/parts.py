"""The part of a shared answer that belongs to one of the questions it stands under.

One answer often stands under several items ("Q16-Q18: One review has been
completed, in December 2019. It has not yet been published."). Each item
should get the sentence that answers it: the sentence sharing the most
content words with the item's question, each word weighted by how few of the
merged items ask about it. A part is used only when it reads as a value; a
negated part ("It has not yet been published.") answers a how-many question
with 0.

>>> group = ["How many reviews has the borough completed?",
...          "Please provide the dates of completion.",
...          "How many of these have been published?"]
>>> answer = "One review has been completed, in December 2019. It has not yet been published."
>>> part_for(answer, group[2], group)
'It has not yet been published.'
>>> value_of_part(answer, group[2], group).value
'0'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..lexicon.text import stems
from ..model import Value
from . import parse_answer

_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z0-9])")
_HOW_MANY = re.compile(r"\bhow many\b|\bnumber of\b", re.IGNORECASE)
_NEGATED = re.compile(
    r"\b(?:has|have|had|is|are|was|were)\s+(?:not|n[o']t)\s+(?:yet\s+)?(?:been\s+)?\w+"
    r"|\bno\s+(?:\w+\s+){0,3}(?:has|have|had|is|are|was|were)\s+(?:yet\s+)?(?:been\s+)?\w+"
    r"|\bnone\s+(?:\w+\s+){0,4}(?:has|have|is|are|was|were)\b",
    re.IGNORECASE)
# Kinds that speak for the whole answer: a refusal or a pointer is never cut into parts.
WHOLE_KINDS = frozenset({"withheld", "not_held", "published", "not_applicable"})
# Kinds that are a reading of a part; "text" and "missing" are not.
VALUE_KINDS = frozenset({"count", "number", "amount", "percent", "range", "suppressed", "date",
                         "boolean", "list", "none", "not_applicable", "not_held", "withheld",
                         "published"})


def sentences(answer: str) -> list[str]:
    """An answer cut into sentences."""
    return [s.strip() for s in _SENTENCE.split(answer) if s.strip()]


def part_for(answer: str, question: str, group: Sequence[str]) -> str | None:
    """The sentence of ``answer`` that answers ``question``, one of the merged ``group``.

    None when the answer is one sentence or no sentence stands out.
    """
    parts = sentences(answer)
    if len(parts) < 2 or len(group) < 2:
        return None
    asked = [stems(q) for q in group]
    # A word of no question in the group (the question read apart from the group's wording)
    # counts once.
    weights = {w: 1.0 / max(1, sum(1 for a in asked if w in a)) for w in stems(question)}
    scored = sorted(((sum(weights.get(w, 0.0) for w in stems(p)), n) for n, p in enumerate(parts)),
                    reverse=True)
    if scored[0][0] <= 0 or scored[0][0] - scored[1][0] < 0.25:
        return None
    # The sentence must name something this question alone of the group asks about, where it
    # asks about anything alone ("…unable to provide the length of the hearing…" is not the
    # answer to "Date of hearing", though it is the only sentence naming a hearing).
    own = {w for w, weight in weights.items() if weight == 1.0}
    if own and not own & set(stems(parts[scored[0][1]])):
        return None
    return parts[scored[0][1]]


def labelled_part(answer: str, question: str, group: Sequence[str]) -> str | None:
    """The clause of a one-sentence answer labelled with what ``question`` alone of the merged
    ``group`` names: its year, its ward, its team ("10,250 in 2019/20, 8,120 in 2020/21 and
    9,400 in 2021/22" under "How many … in 2020/21?" gives "8,120 in 2020/21"). None unless
    one clause, and only one, names it.

    >>> group = ["How many fines were issued in 2019/20?", "How many in 2020/21?"]
    >>> labelled_part("We issued 10,250 fines in 2019/20 and 8,120 in 2020/21.", group[1], group)
    '8,120 in 2020/21.'
    """
    if not 2 <= len(group) <= _LABELLED_WORDS or len(answer.split()) > _LABELLED_WORDS \
            or "|" in answer or question not in group or len(sentences(answer)) > 1:
        return None  # (a table's cells are read as its cells, not as clauses; no sentence of
        # at most _LABELLED_WORDS words labels more figures than it has words)
    clauses = [c.strip(" ,;") for c in _CLAUSE.split(answer) if c.strip(" ,;")]
    if len(clauses) < 2:
        return None
    # Each question's label: its words no other question of the group has.
    asked = [stems(q) for q in group]
    times = Counter(w for words_ in asked for w in words_)
    labels = [{w for w in words_ if times[w] == 1} for words_ in asked]
    own = labels[group.index(question)]
    said = [stems(c) for c in clauses]
    naming = [c for c, words_ in zip(clauses, said) if own & words_]
    if len(naming) != 1:
        return None
    # Each clause naming one question's own label gives a figure beside it: not "Figures for
    # 2019/20 and 2020/21 are 10,250 and 8,120", labels and figures apart.
    labelled = [c for c, words_ in zip(clauses, said) if any(label & words_ for label in labels)]
    if not all(_FIGURE_BESIDE.search(_PERIOD.sub(" ", c)) for c in labelled):
        return None
    return naming[0]


# A figure, and the years and periods that label one ("2019", "2019/20", "2019-2020").
_FIGURE_BESIDE = re.compile(r"\d")
_PERIOD = re.compile(r"\b(?:19|20)\d\d(?:\s?[/-]\s?\d{2,4})?\b")
# The most words a one-sentence answer giving a figure a label has.
_LABELLED_WORDS = 60
# The kinds a labelled clause is read for: its figure.
_FIGURES = frozenset({"count", "number", "amount", "percent", "range", "suppressed"})
# Where a sentence's clauses part: a semicolon, a comma before a space, "and".
_CLAUSE = re.compile(r";|,(?=\s)|\band\b", re.IGNORECASE)


def value_of_part(answer: str, question: str, group: Sequence[str],
                  whole: Value | None = None) -> Value | None:
    """The value of the part of a merged answer that answers ``question``, or None to keep
    the whole answer's value (``whole``, when given)."""
    if whole is not None and whole.kind in WHOLE_KINDS:
        return None
    nth = respective(answer, question, group)
    if nth is not None:
        return nth
    part = part_for(answer, question, group)
    if part is None:
        part = labelled_part(answer, question, group)
        value = parse_answer(part, question) if part is not None else None
        return value if value is not None and value.kind in _FIGURES else None
    value = parse_answer(part, question)
    if value.kind in VALUE_KINDS:
        return value
    if _HOW_MANY.search(question) and _NEGATED.search(part):
        return Value("count", "0", number=0.0, confidence=0.6, rule="negated_part")
    return None


def respective(answer: str, question: str, group: Sequence[str]) -> Value | None:
    """The figure a "respectively" sentence gives ``question``: the n-th of as many figures
    as the group has questions, in the group's order ("the numbers were 3,410 and 3,922
    respectively" under questions 1 and 2), each read in its question's light.

    >>> group = ["How many incidents were reported in 2022?", "How many in 2023?"]
    >>> respective("The numbers were 3,410 and 3,922 respectively.", group[1], group).value
    '3922'
    """
    if "respectively" not in answer.lower() or question not in group:
        return None
    said = next((s for s in sentences(answer) if _RESPECTIVELY.search(s)), None)
    if said is None:
        return None
    listed = _FIGURE_LIST.search(said)
    figures = _FIGURE.findall(listed.group(0)) if listed else []
    if len(figures) != len(group):
        return None
    value = parse_answer(figures[group.index(question)], question)
    return value if value.kind in VALUE_KINDS else None


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_FIGURE = re.compile(r"[£$€]?\d[\d,]*(?:\.\d+)?%?(?:\s?(?:m|bn|k)\b)?")
# The figures listed before "respectively": "3,410 and 3,922", "12, 15 and 9".
_FIGURE_LIST = re.compile(r"[£$€]?\d[\d,.]*%?(?:\s?(?:m|bn|k)\b)?(?:\s*(?:,|and|&)\s*"
                          r"[£$€]?\d[\d,.]*%?(?:\s?(?:m|bn|k)\b)?)+(?=[^\d]*\brespectively\b)",
                          re.I)
