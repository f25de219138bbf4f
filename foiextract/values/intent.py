"""What a question asks for: a count, an amount, a date, yes/no, a list, a copy, a reason.

Read with spaCy rules (a PhraseMatcher for phrases, a Matcher for the
auxiliary verb that opens a yes/no question) on a blank English pipeline, so
no trained model is needed. The phrases are ``foiextract/data/values_intents.json``.

>>> question_intent("Since January 2019, how many reviews have been started?")
'count'
>>> question_intent("Please send me a copy of every review.")
'copy'
>>> question_intent("Does the council use CCTV cameras?")
'boolean'
>>> question_intent(None)
'unknown'
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, Literal

from foiextract.values.vocab import intents

Intent = Literal["count", "amount", "percent", "number", "date", "boolean", "list", "copy",
                 "reason", "who", "period", "unknown"]

_PERIOD_LABEL = re.compile(
    r"^\s*(?:(?:19|20)\d{2}(?:\s?[/–-]\s?\d{2,4})?|Q[1-4]\s*(?:19|20)\d{2}|[A-Z][a-z]+\s+(?:19|20)\d{2})"
    r"(?:\s*\([^)]*\))?\s*:?\s*$")


@cache
def _matchers() -> tuple[Any, Any, Any]:
    import spacy
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = spacy.blank("en")
    data = intents()
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    for intent, words in data["phrases"].items():
        phrases.add(intent, [nlp.make_doc(w) for w in words])
    openers = Matcher(nlp.vocab)
    openers.add("boolean", [[{"LOWER": {"IN": list(data["boolean_openers"])}}]])
    return nlp, phrases, openers


@lru_cache(maxsize=8192)
def question_intent(question: str | None) -> Intent:
    """The intent of ``question`` (cached: questions repeat across a batch).

    A question that is only a period label ("2019", "2023 (to date)") is
    ``period``: a row of a breakdown, which is read like a count.
    """
    if not question or not question.strip():
        return "unknown"
    if _PERIOD_LABEL.match(question):
        return "period"
    nlp, phrases, openers = _matchers()
    doc = nlp.make_doc(question[:2000])
    matched: set[str] = set()
    for match_id, _start, _end in phrases(doc):
        matched.add(nlp.vocab.strings[match_id])
    first = next((t.i for t in doc if t.is_alpha), None)
    for match_id, start, _end in openers(doc):
        if start == first:
            matched.add("boolean")
    for intent in intents()["priority"]:
        if intent in matched:
            return _normal(intent)
    return "unknown"


def _normal(intent: str) -> Intent:
    if intent == "date_strong":
        return "date"
    if intent == "list_strong":
        return "list"
    if intent == "boolean_whether":
        return "boolean"
    return intent  # type: ignore[return-value]
