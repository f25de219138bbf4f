"""Walk the letter in order: runs of questions, and the answer beneath each run.

A *run* is one or more questions standing one after another; its *answer* is
what follows up to the next question, heading or closing. A run of several
questions with one answer beneath gives each question that answer, marked
shared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import re

from ..lexicon.text import similarity
from .roles import Reading, continues
from .phrases import reopens, signs_off
from .tables import qa_rows
from .units import Unit


_SUB = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4})(?:\.\)|[.)])$", re.I)


@dataclass
class Question:
    """One question, possibly joined from several paragraphs."""

    units: list[Unit]
    rule: str
    section: str
    stem: Unit | None = None

    @property
    def text(self) -> str:
        return " ".join(u.text for u in self.units)

    @property
    def numbers(self) -> tuple[int, ...]:
        return self.units[0].numbers


@dataclass
class Run:
    """Questions standing together and the units of the answer beneath them."""

    questions: list[Question] = field(default_factory=list)
    answer: list[Unit] = field(default_factory=list)
    ended_by: str = ""  # what closed the answer: "question", "heading", "stop", "end"
    position: int = 0
    labelled: bool = False  # opened by a question label ("Question 1"): its questions are one


@dataclass
class Layout:
    """The runs of a letter, plus what the walk noticed on the way."""

    runs: list[Run]
    numbered_answers: list[tuple[Unit, list[Unit]]]
    template_text: bool
    empty_public_interest: bool


def walk(units: list[Unit], readings: list[Reading]) -> Layout:
    """Group units into runs of questions with their answers."""
    runs: list[Run] = []
    numbered: list[tuple[Unit, list[Unit]]] = []
    current: Run | None = None
    section = ""
    in_boilerplate = False
    template = False
    empty_pi = False
    pending_label = False
    stem: Unit | None = None
    answering: tuple[Unit, list[Unit]] | None = None

    def close(reason: str) -> None:
        nonlocal current
        if current is not None:
            current.ended_by = current.ended_by or reason
            runs.append(current)
            current = None

    signed_off = False
    for i, (unit, reading) in enumerate(zip(units, readings)):
        role = reading.role
        if signed_off:
            # After "Yours sincerely" come addresses and procedures, unless an annex of answers.
            if role == "heading" and reopens(unit.text) or role == "table" and qa_rows(unit.block):
                signed_off = False
            else:
                continue
        if unit.kind != "quote" and signs_off(unit.text):
            signed_off = True
            close("stop")
            answering = None
            continue
        if role == "template":
            template = True
            continue
        if role in ("note", "echo", "request"):
            continue
        if role == "heading":
            if reading.public_interest and _next_is_heading(readings, i):
                empty_pi = True
            kind = reading.section
            in_boilerplate = bool(kind in ("rights", "reuse", "marketing", "further_information",
                                           "data_protection"))
            section = unit.text
            close("heading")
            answering = None
            continue
        if in_boilerplate:
            continue
        if role == "stop":
            close("stop")
            answering = None
            continue
        if role == "label":
            if unit.heading:  # "## Response": names the section, and the answers follow
                section = unit.raw
            pending_label = unit.label == "question"
            if unit.numbers and not unit.label:  # "1." alone: the answer follows
                answering = (unit, [])
                numbered.append(answering)
            continue
        if role == "table":
            rows = qa_rows(unit.block)
            if rows:
                close("table")
                answering = None
                for asked, answered in rows:
                    runs.append(Run([Question([asked], "qa_table", section)],
                                    [answered] if answered else [], "table", i))
                continue
        if role == "stem":
            close("stem")
            stem = unit
            continue
        if role == "question":
            answering = None
            if stem is not None and not _SUB.match(unit.marker):
                stem = None
            if current is not None and current.answer:
                close("question")
            elif current is not None and _asked_again(current, unit):
                # The request restated as a list, then each question again with its answer
                # beside or beneath it: the list is one run, the answered questions others.
                close("restated")
            if current is None:
                current = Run(position=i, labelled=pending_label)
            last = current.questions[-1] if current.questions else None
            if last is not None and continues(last.units[-1], unit) and not pending_label:
                last.units.append(unit)
            else:
                current.questions.append(Question([unit], reading.rule, section, stem=stem))
            pending_label = False
            continue
        # Answer text or a table.
        if current is not None and current.questions and not current.answer and _continuation(
                current, unit, reading):
            current.questions[-1].units.append(unit)
            continue
        if stem is not None and _SUB.match(unit.marker) and unit.text and not unit.label and (
                current is None or current.answer or not current.questions) and not any(
                q.stem is stem and q.numbers == unit.numbers
                for run in (*runs[-3:], current) if run is not None for q in run.questions):
            # Under a stem ("2. Please give the number of:"), its lettered items are what is
            # asked, however they are worded ("a) complaints about pricing").
            if current is not None:
                close("question")
            answering = None
            current = Run([Question([unit], "question_sub_item", section, stem=stem)], position=i)
            continue
        if current is not None and current.answer and _next_item(current, unit):
            # "2. The protocol for …" after answer 1: the numbering says it is the next item,
            # whatever its wording.
            close("question")
            answering = None
            current = Run([Question([unit], "question_next_number", section)], position=i)
            continue
        if unit.numbers and not unit.heading:
            answering = (unit, [])
            numbered.append(answering)
        elif answering is not None:
            answering[1].append(unit)
        if current is not None:
            current.answer.append(unit)
    close("end")
    return Layout(runs=runs, numbered_answers=numbered, template_text=template,
                  empty_public_interest=empty_pi)


def _asked_again(run: Run, unit: Unit) -> bool:
    """True when a question repeats the opening question of the run it would join."""
    first = run.questions[0]
    return (len(run.questions) >= 2 and len(unit.text) >= 12 and unit.numbers == first.numbers
            and similarity(unit.text, first.text) >= 0.9)


def _next_item(run: Run, unit: Unit) -> bool:
    """True when an answer's paragraph carries the enumerator that comes next after its
    question's, in the same style ("1." then "2.", "Q1" then "Q2"), and the answer does not
    count a list of its own in that style."""
    if not unit.numbers or not unit.marker or unit.heading or unit.label == "answer" or not unit.text:
        return False
    question = run.questions[-1]
    shape = _shape(unit.marker)
    # The question's own enumerator, or its stem's ("3." after "2. … of:" and its "b)").
    before = [u for u in (question.units[0], question.stem) if u is not None and u.numbers
              and _shape(u.marker) == shape]
    if not any(unit.numbers[0] == u.numbers[-1] + 1 for u in before):
        return False
    return not any(u.marker and _shape(u.marker) == shape for u in run.answer)


def _shape(marker: str) -> str:
    """An enumerator's style with its number or letter taken out: "2." -> "#.", "(b)" -> "(a)"."""
    shape = re.sub(r"\d+", "#", marker.lower())
    return re.sub(r"(?<![a-z])(?:[ivx]+|[a-z])(?![a-z])", "a", shape) if shape == marker.lower() \
        else shape


def _continuation(run: Run, unit: Unit, reading: Reading) -> bool:
    """An emphasised paragraph that carries on a question cut short (no closing mark)."""
    last = run.questions[-1].units[-1]
    return reading.role == "text" and unit.emphasised and continues(last, unit)


def _next_is_heading(readings: list[Reading], i: int) -> bool:
    for reading in readings[i + 1:]:
        if reading.role == "template":
            continue
        return reading.role == "heading"
    return True
