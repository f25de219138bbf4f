"""Cross-references: "See answer to Question 3", "Please see our response to Q2 above", "As above".

Such an answer has no value of its own: it takes the value of the answer it
points to. ``cross_reference`` reads where an answer points;
``parse_answer`` reads such an answer as ``text`` under the rule
``cross_reference``; ``resolve_references`` then gives it, among the pairs of
its document, the value of the pair it points to (by request item, or by
place when the letter numbers nothing), with ``value_rule`` saying so
(``cross_reference:q3``, ``cross_reference:previous``).

>>> cross_reference("Please see our response to question 2.")
Reference(items=((2, ''),), where='')
>>> cross_reference("See answer to Q3(a) above")
Reference(items=((3, 'a'),), where='')
>>> cross_reference("As above.")
Reference(items=(), where='previous')
>>> cross_reference("See answer to Q3: there were 5 more.") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from foiextract.model import Pair, Value
from foiextract.values.answer import clean
from foiextract.values.intent import question_intent
from foiextract.values.numbers import all_numbers
from foiextract.values.vocab import alternation, has_phrase, vocab

RULE = "cross_reference"
_ONE_ITEM = r"\d{1,3}(?:\s?\([a-z]\)|[a-z](?![a-z]))?"
_ITEM = re.compile(r"(\d{1,3})(?:\s?\(([a-z])\)|([a-z])(?![a-z]))?")
_LABEL = r"(?:questions?|qu\.?|q\.?|items?|points?|parts?|requests?|nos?\.)\s*"
_ANSWER_WORD = (r"(?:(?:the|our|my|your)\s+)?(?:(?:same\s+)?(?:answers?|responses?|replies|reply|information|"
                r"figures?|details)\s+(?:(?:provided|given|supplied|set\s+out)\s+)?"
                r"(?:to|at|for|in|under|of|with)?\s*)?(?:(?:the|our|my|your)\s+)?")
_WHERE = {"above": "previous", "previous": "previous", "previously": "previous", "preceding": "previous",
          "earlier": "previous", "last": "previous", "below": "next", "next": "next",
          "following": "next"}
_WHERE_WORD = r"(above|below|previous(?:ly)?|preceding|earlier|last|next|following)"
_TRAILING_WORDS = 20


@dataclass(frozen=True, slots=True)
class Reference:
    """Where an answer points: request items (number, letter) or ``previous`` / ``next``."""

    items: tuple[tuple[int, str], ...] = ()
    where: str = ""

    @property
    def name(self) -> str:
        """A short name for ``value_rule``: ``q3``, ``q2a+q4``, ``previous``."""
        return "+".join(f"q{n}{letter}" for n, letter in self.items) or self.where


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    leads = alternation(list(vocab()["cross_reference_leads"]))
    # A number after a comma, with no label of its own, goes on the list only if no noun follows
    # it: "As stated in Q1, 219 tenants were evicted" states a figure.
    more = (rf"(?:{_LABEL}{_ONE_ITEM}|{_ONE_ITEM}(?!\s+(?!(?:above|below|earlier|previously|and|or|"
            rf"to|for|of|in|respectively|which|where|as|is|are|was|were|that)\b)[a-z]{{3,}}))")
    items = (rf"(?:{_LABEL}|(?<=\bto\s))(?P<items>{_ONE_ITEM}(?:\s*(?:,|and|&|or|to|-|–)\s*{more})*)"
             rf"(?:\s+(?:above|below|earlier|previously))?")
    numbered = re.compile(rf"^{leads}\s+{_ANSWER_WORD}{items}", re.I)
    placed = re.compile(
        rf"^{leads}\s+{_ANSWER_WORD}(?:to\s+(?:the\s+)?)?(?:{_WHERE_WORD}\s*)?"
        rf"(?:(?:questions?|answers?|responses?|reply|replies)\b\s*)?{_WHERE_WORD}?", re.I)
    return numbered, placed


def cross_reference(answer: str) -> Reference | None:
    """Where ``answer`` points, when all it says is where the answer is; else None."""
    return reference_in(clean(answer))


# Words one of which every pointer holds ("q" for "question", "Q3", "qu.").
_POINTER_WORDS = ("q", "above", "below", "previous", "preceding", "earlier", "last", "next",
                  "following", "item", "point", "part", "answer", "respons", "repl", "no.")


@lru_cache(maxsize=4096)
def reference_in(text: str) -> Reference | None:
    """``cross_reference`` of an answer already cleaned (``answer.clean``)."""
    if len(text) > 400 or not text[:1].isalpha():
        return None
    low = text.lower()
    if not any(word in low for word in _POINTER_WORDS):
        return None
    numbered, placed = _patterns()
    m = numbered.match(text)
    if m is not None:
        ref = Reference(items=tuple((int(i.group(1)), (i.group(2) or i.group(3) or "").lower())
                                    for i in _ITEM.finditer(m.group("items"))))
    else:
        m = placed.match(text)
        where = [w for w in (m.groups() if m else ()) if w]
        if m is None or not where:
            return None
        ref = Reference(where=_WHERE[where[-1].lower()])
    rest = text[m.end():]
    # Only a pointer: what follows may explain it ("for details"), but holds no figure.
    if rest[:1].isalnum() or len(rest.split()) > _TRAILING_WORDS or all_numbers(rest) \
            or has_phrase("not_held", rest) or has_phrase("withheld_triggers", rest):
        return None
    return ref


def resolve_references(pairs: Sequence[Pair]) -> list[Pair]:
    """``pairs`` (one document's, in order) with each cross-reference given the value of the
    answer it points to; a reference that points nowhere certain keeps its ``text`` value.

    >>> pairs = [Pair("How many?", "Two", request_item=1, value=Value("count", "2", rule="leading_figure")),
    ...          Pair("And now?", "See answer to Q1", request_item=2, value=Value("text", rule=RULE))]
    >>> resolve_references(pairs)[1].value.value, resolve_references(pairs)[1].value.rule
    ('2', 'cross_reference:q1')
    """
    if not any(p.value is not None and p.value.rule == RULE for p in pairs):
        return list(pairs)
    out = list(pairs)
    for n, pair in enumerate(pairs):
        if pair.value is not None and pair.value.rule == RULE:
            value = _resolved(pairs, n, frozenset({n}))
            if value is not None:
                out[n] = Pair(pair.question, pair.answer, pair.shared, pair.request_item, pair.section,
                              pair.rule, pair.question_source, pair.answer_source, pair.answer_blocks,
                              value, part_of=pair.part_of)
    return out


def _resolved(pairs: Sequence[Pair], n: int, seen: frozenset[int]) -> Value | None:
    ref = cross_reference(pairs[n].answer)
    if ref is None:
        return None
    targets = _targets(pairs, n, ref)
    if not targets:
        return None
    values = []
    for t in targets:
        value = pairs[t].value
        if value is not None and value.rule == RULE:
            value = None if t in seen else _resolved(pairs, t, seen | {t})
        if value is None or value.kind == "missing":
            return None
        values.append(value)
    if any((v.kind, v.value) != (values[0].kind, values[0].value) for v in values[1:]):
        return None  # "see answers to Q3 and Q4" with different answers: no one value
    first = values[0]
    rule = first.rule if first.rule.startswith(RULE + ":") else f"{RULE}:{ref.name}"
    return Value(first.kind, first.value, first.number, first.low, first.high, first.unit,
                 first.date_start, first.date_end, first.exemption, first.url,
                 round(min(v.confidence for v in values) * 0.9, 3), rule, first.atoms)


def _targets(pairs: Sequence[Pair], n: int, ref: Reference) -> list[int]:
    """The pairs ``ref`` (in pair ``n``) points to, or [] when not one pair for each item."""
    if ref.where:
        step = -1 if ref.where == "previous" else 1
        k = n + step
        # Questions sharing this very answer are not what it points to.
        while 0 <= k < len(pairs) and pairs[k].answer == pairs[n].answer:
            k += step
        # "As above" to "When do the contracts end?" under "Which resellers?": the same as in the
        # section above, not the resellers' names. Only a question asking the same kind of thing
        # is what "above" means.
        if not 0 <= k < len(pairs) or question_intent(pairs[k].question) != question_intent(
                pairs[n].question):
            return []
        return [k]
    numbered = any(p.request_item is not None for p in pairs)
    out = []
    for item, letter in ref.items:
        if numbered:
            found = [k for k, p in enumerate(pairs) if p.request_item == item and k != n]
        else:  # a letter that numbers nothing: the n-th question is item n
            found = [item - 1] if 0 < item <= len(pairs) and item - 1 != n else []
        if len(found) > 1 and letter:
            at = ord(letter) - ord("a")
            found = found[at:at + 1]
        if not found:
            return []
        out.extend(found)
    return out
