"""Walk the letter in order: runs of questions, and the answer beneath each run.

A *run* is one or more questions standing one after another; its *answer* is
what follows up to the next question, heading or closing. A run of several
questions with one answer beneath gives each question that answer, marked
shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable, Collection

from ..lexicon.text import FOLLOW_UP, similarity
from .roles import ANSWER_WORDS, Reading, continues
from .phrases import boilerplate_section, reads_as_question, reopens, reply_opening, signs_off
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
    breakdown: bool = False  # its last question goes on in the bullets of its own breakdown


@dataclass
class Layout:
    """The runs of a letter, plus what the walk noticed on the way."""

    runs: list[Run]
    numbered_answers: list[tuple[Unit, list[Unit]]]
    template_text: bool
    empty_public_interest: bool


def walk(units: list[Unit], readings: list[Reading],
         disabled: Collection[str] = ()) -> Layout:
    """Group units into runs of questions with their answers.

    Each unit goes to the handler of its role; a unit of answer text first meets the
    :data:`TEXT_RULES`, which may read it as a question after all (each switchable by name
    through ``disabled``).
    """
    walker = _Walker(units, readings, tuple(r for n, r in TEXT_RULES if n not in disabled))
    for i, (unit, reading) in enumerate(zip(units, readings)):
        walker.step(i, unit, reading)
    walker.close("end")
    return Layout(runs=walker.runs, numbered_answers=walker.numbered,
                  template_text=walker.template, empty_public_interest=walker.empty_pi)


# Headings that open a part of the letter of their own, never an answer's sub-heading.
_SECTIONS_APART = frozenset({"response"})
# A heading that names a part of the reply by what it is about ("In relation to the tool").
_REPLY_PART = re.compile(r"^(?:in\s+relation\s+to|with\s+regard\s+to|regarding|in\s+respect\s+of"
                         r"|as\s+regards|concerning)\s+\w", re.I)
_BOILERPLATE = frozenset({"rights", "reuse", "marketing", "further_information",
                          "data_protection"})


class _Walker:
    """The walk's state: the runs so far, the open run, the section, the stem, the answer
    being given by number, and what the walk noticed."""

    def __init__(self, units: list[Unit], readings: list[Reading],
                 text_rules: tuple[TextRule, ...]) -> None:
        self.units, self.readings, self.text_rules = units, readings, text_rules
        self.runs: list[Run] = []
        self.numbered: list[tuple[Unit, list[Unit]]] = []
        self.current: Run | None = None
        self.section = ""
        self.in_boilerplate = self.template = self.empty_pi = False
        self.pending_label = self.signed_off = False
        self.stem: Unit | None = None
        self.answering: tuple[Unit, list[Unit]] | None = None
        self.handlers = {"template": self.on_template, "heading": self.on_heading,
                         "stop": self.on_stop, "label": self.on_label, "table": self.on_table,
                         "stem": self.on_stem, "question": self.on_question}

    def close(self, reason: str) -> None:
        if self.current is not None:
            self.current.ended_by = self.current.ended_by or reason
            self.runs.append(self.current)
            self.current = None

    def open(self, i: int, question: Question) -> None:
        """Close the open run and start one with ``question``."""
        self.close("question")
        self.answering = None
        self.current = Run([question], position=i)

    def step(self, i: int, unit: Unit, reading: Reading) -> None:
        role = reading.role
        if self.signed_off:
            # After "Yours sincerely" come addresses and procedures, unless an annex of answers,
            # or the request the e-mail quotes with its answers set in it ("Please see our
            # responses in-line below." above "-----Original Message-----" … "1. How many …?" /
            # "Response: 1,420 km").
            if not (role == "heading" and reopens(unit.text)
                    or role == "table" and qa_rows(unit.block)
                    or role == "question" and unit.kind == "quote" and self._answered_in_line(i)
                    or role == "text" and self._counts_on(unit)):
                return
            self.signed_off = False
        if unit.kind != "quote" and signs_off(unit.text):
            self.signed_off = True
            self.close("stop")
            self.answering = None
            return
        if role in ("note", "echo", "request"):
            return
        if self.in_boilerplate and role not in ("heading", "template"):
            if not (role == "question" and self._next_asked(unit)):
                return
            self.in_boilerplate = False  # "2. …" after question 1: the letter goes on answering
        handler = self.handlers.get(role)
        if handler is None or not handler(i, unit, reading):
            self.on_text(i, unit, reading)

    def _counts_on(self, unit: Unit) -> bool:
        """True when ``unit`` is the numbered answer after the last one given ("Question 6 312"
        after "Question 5 …", an officer's signature between them)."""
        last = self.numbered[-1][0].numbers if self.numbered else ()
        return bool(unit.numbers) and bool(last) and unit.numbers[0] == last[-1] + 1 \
            and bool(unit.text)

    def _answer_below(self, i: int) -> bool:
        """True when the label ``i`` only names its items ("Item 3", "Items 1 and 2") and the
        paragraph under it is text, not a question."""
        return not self.units[i].text and i + 1 < len(self.units) \
            and self.readings[i + 1].role == "text" and bool(self.units[i + 1].text)

    def _answered_in_line(self, i: int) -> bool:
        """True when the unit after the quoted question ``i`` is labelled as its answer, or is
        the reply's own paragraph under it (the original quoted line by line with "> ")."""
        after = i + 1
        if after >= len(self.units) or not self.units[after].text:
            return False
        return self.units[after].label == "answer" or self.units[after].kind != "quote"

    def _numbered_on(self, run: Run, i: int) -> bool:
        """True when the next question after ``i`` carries the number after ``run``'s last."""
        last = run.questions[-1].units[0]
        after = next((u for u, r in zip(self.units[i + 1:], self.readings[i + 1:])
                      if r.role in ("question", "stem")), None)
        return bool(last.numbers and last.marker and after is not None and after.numbers
                    and after.numbers[0] == last.numbers[-1] + 1
                    and _shape(after.marker) == _shape(last.marker))

    def _next_asked(self, unit: Unit) -> bool:
        """True when ``unit`` carries the number after the last question's, in its style."""
        last = next((q for run in (self.current, *reversed(self.runs)) if run is not None
                     for q in reversed(run.questions)), None)
        if last is None or not unit.numbers or not unit.marker:
            return False
        first = last.units[0]
        return bool(first.numbers) and first.numbers[-1] + 1 == unit.numbers[0] \
            and _shape(first.marker) == _shape(unit.marker)

    def on_template(self, i: int, unit: Unit, reading: Reading) -> bool:
        # The request a reply quotes is the requester's, template and all ("… under the Freedom
        # of Information Act [insert applicable legislation, if known] …"): not the letter's.
        self.template = self.template or unit.kind != "quote"
        # "A full list … is published on our website at [INSERT LINK TO CONTRACTS REGISTER].":
        # an answer with a slot left unfilled is still the answer (the flag says so).
        return not _slot_in_prose(unit.text)

    def on_heading(self, i: int, unit: Unit, reading: Reading) -> bool:
        run = self.current
        if (run is not None and run.questions and reading.section not in _SECTIONS_APART
                and not boilerplate_section(reading.section)
                and _next_role(self.readings, i) == "text"
                and (not run.answer or self._numbered_on(run, i)
                     or _REPLY_PART.match(unit.text))):
            # A topic heading over text, straight under a question ("1. Any briefing notes…"
            # then "Briefing notes and evaluations" in bold, then the answer), inside an
            # answer that runs on to the next numbered question, or naming the part of the
            # reply that follows ("In relation to the Harm Assessment Risk Tool"): the
            # answer's own.
            run.answer.append(unit)
            return True
        if reading.public_interest and _next_is_heading(self.readings, i):
            self.empty_pi = True
        self.in_boilerplate = reading.section in _BOILERPLATE
        self.section = unit.text
        self.close("heading")
        self.answering = None
        return True

    def on_stop(self, i: int, unit: Unit, reading: Reading) -> bool:
        self.close("stop")
        self.answering = None
        return True

    def on_label(self, i: int, unit: Unit, reading: Reading) -> bool:
        if unit.heading:  # "## Response": names the section, and the answers follow
            self.section = unit.raw
        self.pending_label = unit.label == "question"
        if unit.numbers and (unit.label != "question" or self._answer_below(i)):
            # "1." or "Response to Item 1:" alone: the answer follows (as it does under "Item
            # 3" alone, where what follows does not ask)
            self.answering = (unit, [])
            self.numbered.append(self.answering)
        return True

    def on_table(self, i: int, unit: Unit, reading: Reading) -> bool:
        rows = qa_rows(unit.block)
        if not rows:
            return False  # a table of figures: part of the answer
        self.close("table")
        self.answering = None
        for asked, answered in rows:
            self.runs.append(Run([Question([asked], "qa_table", self.section)],
                                 [answered] if answered else [], "table", i))
        return True

    def on_stem(self, i: int, unit: Unit, reading: Reading) -> bool:
        self.close("stem")
        self.stem = unit
        return True

    def on_question(self, i: int, unit: Unit, reading: Reading) -> bool:
        self.answering = None
        if self.stem is not None and not (_SUB.match(unit.marker) or reading.rule == "question_part"):
            self.stem = None
        current = self.current
        if current is not None and current.answer:
            self.close("question")
        elif current is not None and i > 0 and self.units[i - 1].label == "answer" \
                and not self.units[i - 1].text and self.readings[i - 1].role == "label":
            # "Q6 …?" / "Answer:" with nothing after it / "Q7 …": Q6 left unanswered, not
            # sharing Q7's answer
            self.close("question")
        elif current is not None and _asked_again(current, unit):
            # The request restated as a list, then each question again with its answer
            # beside or beneath it: the list is one run, the answered questions others.
            self.close("restated")
        if self.current is None:
            self.current = Run(position=i, labelled=self.pending_label)
        run = self.current
        last = run.questions[-1] if run.questions else None
        if last is not None and continues(last.units[-1], unit) and not self.pending_label:
            last.units.append(unit)
        else:
            run.questions.append(Question([unit], reading.rule, self.section, stem=self.stem))
            run.breakdown = False
        self.pending_label = False
        return True

    def on_text(self, i: int, unit: Unit, reading: Reading) -> None:
        """Answer text (or a table of figures), unless a text rule reads it as a question."""
        for rule in self.text_rules:
            if rule(self, i, unit, reading):
                return
        if self.current is not None and _footnote(unit, self.current.answer):
            return  # "(1) Amendments to the Act…" under an answer that calls "(1)": a note
        if self.current is not None and self.current.questions and all(
                u.kind == "quote" for q in self.current.questions for u in q.units):
            # More of a quoted request (its context, its examples) is no one's answer; but
            # "Response: 1,420 km" set in it is the reply's answer, given in-line.
            if unit.kind == "quote" and unit.label != "answer":
                return
            if not self.current.answer and reply_opening(unit.text):
                return  # "Dear …," / "Thank you for your request…" under the request it quotes
        if unit.numbers and not unit.heading:
            self.answering = (unit, [])
            self.numbered.append(self.answering)
        elif self.answering is not None:
            self.answering[1].append(unit)
        if self.current is not None:
            if unit.on_the_line and not self.current.answer and len(self.current.questions) > 1:
                # "3b) …" unanswered, then "3c) … provider. – N/A": the answer on 3c's line is
                # 3c's alone; 3b stands without one.
                above = Run(self.current.questions[:-1], [], "question", self.current.position,
                            self.current.labelled)
                self.runs.append(above)
                self.current.questions = self.current.questions[-1:]
            self.current.answer.append(unit)


# Rules a unit of answer text meets first: each may take it (returns True) as part of a
# question. Named, in order; ``segment(document, disabled={name})`` switches one off.
TextRule = Callable[[_Walker, int, Unit, Reading], bool]


def _question_continued(walker: _Walker, i: int, unit: Unit, reading: Reading) -> bool:
    """An emphasised paragraph that carries on a question cut short (no closing mark)."""
    run = walker.current
    if run is None or not run.questions or run.answer:
        return False
    if not _continuation(run, unit, reading) and not (
            reading.role == "text" and _qualifies(unit) and _answer_follows(walker, i)):
        return False
    # "Please break this down by:" leads on to the fields it names, a line each, before the answer.
    run.breakdown = run.breakdown or unit.text.rstrip().endswith(":")
    run.questions[-1].units.append(unit)
    return True


def _qualifies(unit: Unit) -> bool:
    """A paragraph that says what the question above it means or how to break it down
    ("Broken down by year.", "(e.g. CCTV, ANPR)", "Including agency staff.", "For the financial
    years 2019/20 to 2022/23.", "By this I mean …"): the requester's, not the answer's."""
    return not unit.marker and not unit.label and len(unit.text) <= 300 \
        and bool(_QUALIFIER.match(unit.text.strip())) and not _STATES.search(unit.text)


def _answer_follows(walker: _Walker, i: int) -> bool:
    """True when the paragraph after ``i`` is answer text (so ``i`` is not the answer itself)."""
    return i + 1 < len(walker.units) and walker.readings[i + 1].role == "text" \
        and walker.units[i + 1].kind == walker.units[i].kind


# Words that state what is so, as an answer does ("For the financial year 2022/23 we spent …").
_STATES = re.compile(r"\b(?:we|our|us|is|are|was|were|has|have|had|there|spends?|spent|costs?|"
                     r"employs|holds|pays|paid|received|receives|records|recorded)\b|[£$€]\s?\d",
                     re.I)
# How the requester qualifies what they ask, on a line of its own under the question.
_QUALIFIER = re.compile(
    r"\(?(?:e\.\s?g\.|i\.\s?e\.)|(?:broken|split)\s+down\b|(?:split|broken|categori[sz]ed)\s+by\b"
    r"|(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:break|split)\s+"
    r"(?:this|these|that|it|them|the\s+\w+(?:\s+\w+)?)\s+down\b"
    r"|(?:per|by|for\s+each|each)\s+(?:year|month|quarter|week|ward|area|district|school|team|"
    r"department|financial\s+year|calendar\s+year)\b"
    r"|for\s+(?:the\s+)?(?:last|past|previous)\s+(?:\w+\s+)?(?:years?|months?)\b"
    r"|for\s+(?:each\s+of\s+)?the\s+(?:financial|calendar|academic|school|tax)\s+years?\b"
    r"|(?:including|excluding|not\s+including)\s+(?:\w+\s+){0,4}?\w+[.)]?\s*$"
    r"|(?:if|where|when)\s+(?:possible|available|applicable|known|held),?\s+(?:please|by|per|"
    r"broken|split|for\s+each)\b"
    r"|by\s+this\s+(?:i|we)\s+mean\b|this\s+(?:should|would|will|may)\s+include\b"
    r"|(?:this|the\s+question)\s+(?:refers|relates)\s+(?:only\s+)?to\b", re.I)


def _sub_item(walker: _Walker, i: int, unit: Unit, reading: Reading) -> bool:
    """Under a stem ("2. Please give the number of:"), its lettered items are what is asked,
    however they are worded ("a) complaints about pricing")."""
    stem, run = walker.stem, walker.current
    if stem is None or not _SUB.match(unit.marker) or not unit.text or unit.label:
        return False
    if run is not None and run.questions and not run.answer:
        return False
    if any(q.stem is stem and q.numbers == unit.numbers  # "(i) 1,412": answered by number
           for r in (*walker.runs[-3:], run) if r is not None for q in r.questions):
        return False
    walker.open(i, Question([unit], "question_sub_item", walker.section, stem=stem))
    return True


def _next_number(walker: _Walker, i: int, unit: Unit, reading: Reading) -> bool:
    """ "2. The protocol for …" after answer 1: the numbering says it is the next item,
    whatever its wording."""
    run = walker.current
    if run is None or not run.answer:
        return False
    # "4 Please provide all correspondence …" after answer 3: the item without its figure.
    asked = unit if _next_item(run, unit) else _bare_next(run, unit)
    if asked is None:
        return False
    walker.open(i, Question([asked], "question_next_number", walker.section))
    return True


def _bare_next(run: Run, unit: Unit) -> Unit | None:
    """A paragraph that asks behind the number after its run's question's, with no stop or
    bracket after the figure ("4 Please provide all correspondence …" after "3."), as that
    item: its text without the figure. None for anything else ("5 people were …")."""
    first = run.questions[-1].units[0]
    m = _BARE_NUMBER.match(unit.text) if not unit.marker and not unit.label else None
    if m is None or not first.numbers or not first.marker[:1].isdigit() \
            or int(m["n"]) != first.numbers[0] + 1:
        return None
    text = unit.text[m.end():]
    return replace(unit, text=text, marker=m["n"], numbers=(int(m["n"]),)) \
        if reads_as_question(text) else None


_BARE_NUMBER = re.compile(r"(?P<n>\d{1,2})\s+(?=[A-Z])")


TEXT_RULES: tuple[tuple[str, TextRule], ...] = (
    ("question_continued", _question_continued),
    ("question_sub_item", _sub_item),
    ("question_next_number", _next_number),
)


_NOTE_MARK = re.compile(r"\(\d{1,2}\)|\[\d{1,2}\]")


def _footnote(unit: Unit, answer: list[Unit]) -> bool:
    """True for a footnote under an answer: a paragraph marked "(1)" (or "[1]") whose mark the
    answer calls inside a sentence before it ("…listed in the legislation.(1) The …")."""
    if not _NOTE_MARK.fullmatch(unit.marker) or not answer:
        return False
    mark = unit.marker
    return any(mark in u.text[1:] for u in answer if not u.marker or u.marker != mark)


def _asked_again(run: Run, unit: Unit) -> bool:
    """True when a question repeats the opening question of the run it would join: word for
    word, or near it where the questions between are unlike the first. A series of questions
    worded alike ("How many … in Abbey ward in 2021?", "… in Bridge ward …", "… in Abbey ward
    in 2022?") asks each in turn, not the first again."""
    first, *others = run.questions
    if not others or len(unit.text) < 12 or unit.numbers != first.numbers:
        return False
    again = similarity(unit.text, first.text)
    if again >= _SAID_AGAIN:
        return True
    return again >= _ASKED_AGAIN and similarity(unit.text, others[-1].text) < _ASKED_AGAIN \
        and all(similarity(q.text, first.text) < _ALIKE for q in others)


# How alike a question must be to the run's first to ask it again; alike as this, it is the
# first word for word (a capital or a stop apart). Questions alike as _ALIKE are a series.
_ASKED_AGAIN = 0.9
_SAID_AGAIN = 0.97
_ALIKE = 0.8


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
    """An emphasised paragraph that carries on a question cut short (no closing mark); or,
    in any style, the request's follow-up to it ("If so, please provide details of …")."""
    last = run.questions[-1].units[-1]
    if reading.role != "text":
        return False
    if not unit.marker and not unit.label and (_FOLLOW_UP.match(unit.text)
                                               or _CONDITIONAL_ASK.match(unit.text)
                                               or _ASKS_MORE.match(unit.text)):
        return True
    asked = run.questions[-1].numbers
    if asked and _part_of(unit) == asked[0] and not unit.label \
            and (run.breakdown or last.text.rstrip().endswith(":")):
        # "3. Please provide all complaints received by the council about:" / "3.1 apartment
        # 305, …" / "3.2 apartment 418, …": the parts of item 3, numbered under it.
        run.breakdown = True
        return True
    if not unit.marker and not unit.label and (run.breakdown or _ASKS_FOR_WHAT_FOLLOWS.search(
            last.text)) and _NAMES_A_FIELD.fullmatch(unit.text.strip()) \
            and not ANSWER_WORDS.match(unit.text):  # (a short answer's opening word)
        # "If available, please provide:" / "Start date" / "End date (or indicate if still
        # ongoing)": the fields asked for, a line each, before the answer.
        run.breakdown = True
        return True
    if unit.marker == "•" and (run.breakdown or last.text.rstrip().endswith(":") and (
            last.marker == "•" or last.numbers) and _FOLLOWS_AS.search(last.text)):
        # "1. The total spend …, categorised as follows:" / "- Private sector accommodation
        # leased …": the breakdown the question asks for, bullet by bullet.
        run.breakdown = True
        return True
    if unit.marker == "•" and unit.kind == "quote" and last.kind == "quote" and not last.marker \
            and (run.breakdown or last.text.rstrip().endswith(":") and _FOLLOWS_AS.search(last.text)):
        # The requester's "… could you please provide me with your list of all … data,
        # including the following fields:" / "• Firm's Trading Name", "• Occupation status":
        # the fields of what is asked, each a bullet that asks nothing of its own.
        run.breakdown = True
        return True
    return unit.emphasised and continues(last, unit)


def _part_of(unit: Unit) -> int | None:
    """The item a part numbered under it belongs to: 3 for "3.1 …" or "(3, 1)"; else None."""
    if len(unit.numbers) == 2:
        return unit.numbers[0]
    m = _PART_NUMBER.match(unit.text) if not unit.numbers else None
    return int(m[1]) if m else None


_PART_NUMBER = re.compile(r"(\d{1,2})\.\d{1,2}\.?\s+[^\W\d]")
# A question that leads into its own breakdown: "…, categorised as follows:", "broken down by:".
_FOLLOWS_AS = re.compile(r"\b(?:as\s+follows|the\s+following|broken\s+down|split|categori[sz]ed|"
                         r"by|for\s+each|per)\b[^.?]{0,60}:\s*$", re.I)
# "Please also include the following details:", "Could you also break this down by year?": the
# requester asking on (an answer's "Please see …", "Please note …" ask nothing of the authority).
_ASKS_MORE = re.compile(r"(?:please\s+(?:also\s+)?|(?:could|can|would)\s+you\s+(?:also\s+)?"
                        r"(?:please\s+)?)(?:provide|include|supply|state|list|give|break|detail|"
                        r"specify|indicate)\b", re.I)
# "If available, please provide:", "Please also include the following:": an ask whose object is
# what follows it, line by line.
_ASKS_FOR_WHAT_FOLLOWS = re.compile(
    r"\b(?:provide|supply|give|include|state|list|send|show)(?:\s+(?:me|us))?(?:\s+with)?"
    r"(?:\s+the\s+following(?:\s+\w+){0,2})?\s*:\s*$", re.I)
# A field's name on a line of its own: a few words, no figure, no sentence's stop ("Start date",
# "End date (or indicate if still ongoing)").
_NAMES_A_FIELD = re.compile(r"[A-Z][^\d.:;?!]{1,30}(?:\s*\([^)\d]{1,60}\))?")
# "If available, please provide:", "If the closure lasted less than a day, please provide the
# length in hours": the request asking on a condition, never an answer.
_CONDITIONAL_ASK = re.compile(
    r"^if\s[^.?;]{2,120}?,\s*(?:(?:then\s+)?(?:please|kindly)\s+|(?:could|can|would)\s+you\s+"
    r"(?:please\s+)?)(?:provide|state|give|list|detail|explain|confirm|include|send|supply|"
    r"break|tell|indicate|specify|advise|share)\b", re.I | re.S)
# "If so, please provide details …", "If not, why not?": a request's follow-up, never an answer.
_FOLLOW_UP = re.compile(
    rf"^{FOLLOW_UP}[,:]?\s+(?:.*\?\s*$|(?:please|can|could|would|"
    r"provide|state|confirm|give|list|detail|explain|why|what|which|how|when|who|where)\b)",
    re.I | re.S)


def _slot_in_prose(text: str) -> bool:
    """True when a paragraph opens with a sentence's words (eight or more) and a bracketed slot
    stands later in it ("… is published on our website at [INSERT LINK].")."""
    head, bracket, _rest = text.partition("[")
    return bool(bracket) and len(head.split()) >= _PROSE_BEFORE_SLOT


_PROSE_BEFORE_SLOT = 8


def _next_role(readings: list[Reading], i: int) -> str:
    """The role of the next unit after ``i`` that is not drafting guidance ("" at the end)."""
    return next((r.role for r in readings[i + 1:] if r.role != "template"), "")


def _next_is_heading(readings: list[Reading], i: int) -> bool:
    for reading in readings[i + 1:]:
        if reading.role == "template":
            continue
        return reading.role == "heading"
    return True
