"""One authority's answers to the request: an :class:`Answer` for every request item.

A response may come as several documents (a letter and its attachment, a
thread's messages). Each is aligned to the request on its own; the documents
are ranked by how many items they answer, and each item takes its answer from
the best-ranked document that gives one. A response refusing the whole request
under s12 (cost) or s14 (vexatious) withholds every item it does not answer.

>>> answer = missing_answer(3, "How many?")
>>> answer.kind, answer.item, answer.pair is None
('missing', 3, True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..extraction import Extraction
from ..model import Pair, Value
from ..segment import points_to_attachment
from ..values import parse_answer
from ..values.parts import value_of_part
from .align import Match, align_pairs

# Refusals that cover a whole request, not one question.
WHOLE_REQUEST_EXEMPTIONS = re.compile(r"^s1[24]\b|^reg12\(4\)\([bc]\)")
# Re-read the answer against the request's wording when the response gave none of its own.
_REREAD_RULES = frozenset({"item_range", "number_only"})
MISSING = Value("missing", "", confidence=1.0)


@dataclass(frozen=True, slots=True)
class Answer:
    """One authority's answer to one request item.

    ``value`` is the answer read in the light of the item; ``pair`` the response's pair it
    came from (None for an item nobody answered, or one refused with the whole request),
    which says where it stands and how it was found; ``match`` how well the response's
    question matched the item (None when there is none).
    """

    item: int
    question: str
    value: Value = MISSING
    answer: str = ""
    response_question: str = ""
    shared: bool = False
    align_rule: str = ""
    match: float | None = None
    pair: Pair | None = None
    source: str = ""
    authority: str = ""
    authority_code: str = ""

    @property
    def kind(self) -> str:
        return self.value.kind

    @property
    def pair_rule(self) -> str:
        return self.pair.rule if self.pair is not None else ""


def missing_answer(item: int, question: str, source: str = "") -> Answer:
    """The answer of an item the response does not answer."""
    return Answer(item, question, source=source)


def document_answers(items: Sequence[str], pairs: Sequence[Pair],
                     restated: Sequence[str]) -> dict[int, Answer]:
    """The answers one document gives: item number -> answer (items it does not answer left out)."""
    matches = align_pairs(items, pairs, restated)
    by_item: dict[int, list[Match]] = {}
    for match in matches:
        by_item.setdefault(match.item, []).append(match)
    merged = merged_groups(matches, pairs)
    answers = {}
    for item, found in sorted(by_item.items()):
        question = items[item - 1]
        answered = [m for m in found if _kind(pairs[m.pair]) != "missing"] or found
        answer = _answer(item, question, answered, pairs)
        group = merged.get(answered[0].pair, [])
        if len(group) > 1:
            answer = _use_part(replace(answer, shared=True), [items[n - 1] for n in group])
        answers[item] = answer
    return answers


def _kind(pair: Pair) -> str | None:
    return pair.value.kind if pair.value is not None else None


def merged_groups(matches: Sequence[Match], pairs: Sequence[Pair]) -> dict[int, list[int]]:
    """Pair index -> the items its answer stands under, for answers that stand under several.

    An answer is merged when one pair covers several items ("Q3-Q5") or when a
    run of consecutive pairs shares one answer (the segmenter's ``shared``).
    """
    items_of: dict[int, list[int]] = {}
    for match in matches:
        items_of.setdefault(match.pair, []).append(match.item)
    runs: list[list[int]] = []
    for index in sorted(items_of):
        pair = pairs[index]
        previous = runs[-1][-1] if runs else None
        if (previous is not None and previous == index - 1 and pair.shared
                and pairs[previous].shared and pair.answer == pairs[previous].answer):
            runs[-1].append(index)
        else:
            runs.append([index])
    groups: dict[int, list[int]] = {}
    for run in runs:
        covered = sorted({item for index in run for item in items_of[index]})
        if len(covered) > 1:
            groups.update({index: covered for index in run})
    return groups


def _answer(item: int, question: str, found: Sequence[Match], pairs: Sequence[Pair]) -> Answer:
    first = pairs[found[0].pair]
    rule = found[0].rule
    answer = Answer(
        item, question, value=first.value or Value("missing"), answer=first.answer,
        response_question=" / ".join(pairs[m.pair].question for m in found),
        shared=first.shared, align_rule=rule, match=found[0].score, pair=first)
    if len(found) > 1:
        text = " ".join(pairs[m.pair].answer for m in found).strip()
        return replace(answer, answer=text, align_rule="split", value=parse_answer(text, question))
    if rule in _REREAD_RULES:
        return replace(answer, value=parse_answer(answer.answer, question))
    return answer


def _use_part(answer: Answer, group: list[str]) -> Answer:
    """Give a merged answer the value of the part that answers its item."""
    whole = Value(answer.value.kind or "text", answer.value.value or "")
    part = value_of_part(answer.answer, answer.question, group, whole)
    if part is not None and (part.kind, part.value) != (whole.kind, whole.value):
        return replace(answer, value=replace(part, rule=f"part:{part.rule}"))
    return answer


def response_answers(items: Sequence[str], documents: Sequence[Extraction]
                     ) -> tuple[list[Answer], Extraction | None]:
    """Answers to every item from one response's documents, and the document that answers most."""
    ranked: list[tuple[int, int, int, dict[int, Answer], Extraction]] = []
    for document in documents:
        answers = document_answers(items, document.pairs, document.request)
        # (A covering letter's "Please find attached our response." answers every item only
        # by pointing at the attachment, which ranks above it where it is read too.)
        answered = sum(1 for a in answers.values() if _answers(a))
        ranked.append((answered, len(document.pairs), -len(ranked), answers, document))
    ranked.sort(key=lambda entry: entry[:3], reverse=True)
    best = ranked[0][4] if ranked and (ranked[0][0] or ranked[0][1]) else None
    out = []
    # A document's pointers at an attachment ("See attached Data Process Map") answer where no
    # other document of the response answers anything: its attachment was not read. Where one
    # does (the attachment itself), a pointer answers nothing.
    pointing = [not any(other[0] for other in ranked if other is not entry) for entry in ranked]
    for item, question in enumerate(items, start=1):
        given = [(replace(entry[3][item], source=entry[4].source), usable)
                 for entry, usable in zip(ranked, pointing) if item in entry[3]]
        # An answer given, else a pointer where it may stand, else what says it is missing.
        answer = next((a for a, _ in given if _answers(a)), None) \
            or next((a for a, usable in given if usable and a.kind != "missing"), None) \
            or next((a for a, usable in given if usable or a.kind == "missing"), None)
        out.append(answer or missing_answer(item, question, best.source if best else ""))
    refusal = whole_request_refusal(out, documents)
    if refusal is not None:
        best = best or next((d for d in documents if refusal in _provisions(d)), None)
        withheld = Value("withheld", refusal, exemption=refusal, confidence=0.7,
                         rule="whole_request")
        out = [replace(a, value=withheld, shared=True, align_rule="whole_request", match=1.0,
                       source=best.source if best else a.source)
               if a.kind == "missing" else a for a in out]
    return out, best


def _answers(answer: Answer) -> bool:
    """True for an answer given, not one only pointing at an attachment."""
    return answer.kind != "missing" and not (answer.kind == "text"
                                             and points_to_attachment(answer.answer))


def whole_request_refusal(answers: Sequence[Answer], documents: Sequence[Extraction]
                          ) -> str | None:
    """The s12/s14 provision refusing the whole request, when nothing else is answered."""
    answered = [a for a in answers if a.kind != "missing"]
    if answered:
        provisions = {str(a.value.value) for a in answered}
        if len(provisions) != 1 or any(a.kind != "withheld" for a in answered):
            return None
        found = sorted(provisions)
    else:
        found = [p.strip() for d in documents for p in _provisions(d).split(";")]
    whole = [p for p in found if WHOLE_REQUEST_EXEMPTIONS.match(p)]
    return whole[0] if whole else None


def _provisions(document: Extraction) -> str:
    return "; ".join(c.provision for c in document.facts.exemptions)
