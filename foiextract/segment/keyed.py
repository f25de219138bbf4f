"""Answers that name the question they answer, under a request set out before them.

A police force's reply often sets the request out first (numbered questions, lettered
sub-questions: "1. Does your force use…? a. If yes, what is it used for?"), then answers
by naming each question ("In relation to Question 1: …", "In relation to Question 1a – not
applicable", "Questions 4 and 6: No information held"), and refuses the rest in one go
("I have carefully considered all the other parts of the request…"). Each question gets the
answer that names it; those no answer names get the refusal of the rest, shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .flow import Layout, Question
from .roles import Reading
from .units import Unit, keys_named

# "all the other parts of the request", "the remainder of your request", "the rest of the
# questions": what the answers above leave, answered together.
_REMAINDER = re.compile(
    r"\b(?:(?:all\s+)?(?:the\s+)?(?:other|remaining)\s+(?:parts?|questions?|elements?|points?|"
    r"aspects?)\s+of\s+(?:the|your)\s+(?:request|questions?)|the\s+(?:remainder|rest)\s+of\s+"
    r"(?:the|your)\s+(?:request|questions?))\b", re.I)


@dataclass(frozen=True, slots=True)
class Keyed:
    """One question asked (the ``item``-th of the request), its key, and its answer."""

    question: Question
    key: str
    item: int
    answer: list[Unit]
    shared: bool


def keyed_answers(layout: Layout, units: list[Unit], readings: list[Reading]) -> list[Keyed] | None:
    """Each question of the request set out above, with the answer that names it (or the
    refusal of the rest); None unless at least two answers name questions asked."""
    asked = _asked(layout)
    if len(asked) < 2:
        return None
    last = max(u.index for q, _ in asked for u in q.units)
    known = {key for _, key in asked}
    named: dict[str, list[Unit]] = {}
    shared: dict[str, bool] = {}
    remainder: list[Unit] = []
    current: list[Unit] | None = None
    for unit, reading in zip(units[last + 1:], readings[last + 1:]):
        if reading.role == "stop":
            break
        keys, rest = keys_named(unit.raw if unit.marker else unit.text)
        if keys and set(keys) <= known:
            current = [_with_text(unit, rest)] if rest else []
            for key in keys:
                named[key] = current
                shared[key] = len(keys) > 1
            continue
        if reading.role == "question" and current == [] and not unit.marker:
            continue  # "Question 1a" then the question again, in its words: the answer follows
        if reading.role not in ("text", "table"):
            if reading.role != "heading":  # a heading may title a part of the answer
                current = None
            continue
        if not remainder and _REMAINDER.search(unit.text):
            current = remainder
        if current is not None:
            current.append(unit)
    if len(named) < 2 or not (remainder or any(not k.isdigit() for k in known)):
        return None  # plain numbers answered by number, and nothing left: the walk's own reading
    # A question whose lettered parts are answered by name ("Question 1a", "Questions 1c and
    # 1d") and itself by none is their stem, not a question left unanswered.
    stems = {key for key in known if key.isdigit() and key not in named
             and any(re.fullmatch(key + "[a-z]", other) for other in named)}
    asked = [(question, key) for question, key in asked if key not in stems]
    found = [Keyed(question, key, item, named.get(key, remainder),
                   shared[key] if key in named else len(asked) - len(named) > 1)
             for item, (question, key) in enumerate(asked, start=1)]
    # In the order the answers stand (those refused together last), as a reader meets them.
    end = len(units)
    return sorted(found, key=lambda k: k.answer[0].index if k.answer else end)


def _asked(layout: Layout) -> list[tuple[Question, str]]:
    """The questions set out in the runs before any answer, each with its key: a stem's or a
    numbered question's number ("1"), a lettered sub-question's number and letter ("1a")."""
    questions: list[Question] = []
    for run in layout.runs:
        questions.extend(run.questions)
        if run.answer:
            break
    out: list[tuple[Question, str]] = []
    stems: set[int] = set()
    number = ""
    for question in questions:
        first, stem = question.units[0], question.stem
        letter = re.sub(r"[^a-z]", "", first.marker.lower())
        if stem is not None and stem.numbers:
            number = str(stem.numbers[0])
            if stem.index not in stems:
                stems.add(stem.index)
                out.append((Question([stem], "question_stem", question.section), number))
        if _SUB.match(first.marker) and len(letter) == 1 and number:
            out.append((question, number + letter))  # "a." under "1.": "1a"
        elif first.numbers and first.marker and not _SUB.match(first.marker):
            number = str(first.numbers[0])
            out.append((question, number))
        else:
            return []
    keys = [k for _, k in out]
    return out if len(set(keys)) == len(keys) else []


_SUB = re.compile(r"^\(?[a-z](?:\.\)|[.)])$", re.I)


def _with_text(unit: Unit, text: str) -> Unit:
    return replace(unit, text=text, marker="", numbers=(), label="")
