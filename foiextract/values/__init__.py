"""Answers read as structured values: counts, sums, dates, refusals, lists.

``parse_answer`` reads one answer in the light of its question and returns a
:class:`foiextract.model.Value` with its kind, canonical value (as
GOLD-FORMAT.md says), typed columns and the name of the rule that decided.
It never raises and gives the same value for the same input.

>>> parse_answer("None", "How many reviews have been published?").value
'0'
>>> parse_answer("None", "Please send me a copy of every review.").kind
'none'
>>> parse_answer("Fewer than 5.").value
'<5'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from foiextract.model import Block, Value
from foiextract.values.answer import Answer
from foiextract.values.rules import apply_rules

__all__ = ["parse_answer"]

# A question that asks for a length of time ("How many weeks into the process…?", "How many
# days on average…?"): its figure is a quantity, not a count of things (GOLD-FORMAT: count is
# "a whole number of things").
_ASKS_DURATION = re.compile(r"\bhow\s+many\s+(?:working\s+|calendar\s+|whole\s+)?"
                            r"(?:minutes|hours|days|weeks|months|years)\b", re.I)


def parse_answer(answer: str, question: str | None = None, *, blocks: Sequence[Block] = (),
                 disabled: Iterable[str] = ()) -> Value:
    """Read ``answer`` (to ``question``) as a :class:`Value`.

    ``blocks`` are the answer's blocks when the caller has them (the
    segmenter's ``Pair.answer_blocks``): list items are then taken from them.
    ``disabled`` names rules to skip (see ``foiextract.values.rules.RULES``).

    >>> parse_answer("£1.2m").value
    '1200000 GBP'
    """
    try:
        if not isinstance(answer, str):
            answer = "" if answer is None else str(answer)
        if question is not None and not isinstance(question, str):
            question = str(question)
        read = Answer.read(answer, question, tuple(blocks))
        value = apply_rules(read, frozenset(disabled))
        if value.kind == "count" and question and _ASKS_DURATION.search(question):
            return replace(value, kind="number")
        return value
    except Exception:  # noqa: BLE001 - a pure stage never raises on any text (STYLE.md)
        return Value("text", rule="error", confidence=0.0)
