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

from collections.abc import Iterable, Sequence

from foiextract.model import Block, Value
from foiextract.values.answer import Answer
from foiextract.values.rules import apply_rules

__all__ = ["parse_answer"]


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
        return apply_rules(read, frozenset(disabled))
    except Exception:  # noqa: BLE001 - a pure stage never raises on any text (STYLE.md)
        return Value("text", rule="error", confidence=0.0)
