"""Give each unit its role in the letter: question, answer text, heading, stem, template, stop.

The role rules run in order and each is named, so a rule can be switched off
and the name of the rule that made a question is kept on the pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..lexicon.guidance import drafting_guidance, public_interest_heading
from .phrases import (boilerplate_section, closing, reads_as_question, reads_as_request_intro,
                      section_of)
from .units import Unit

Role = Literal["question", "text", "heading", "stem", "template", "note", "stop", "table", "label",
               "echo", "request"]

_ANSWERS_TO = re.compile(
    r"^(?:our\s+)?(?:response|answer|reply)s?\s+to\s+(?:questions?|q)\s*\d+", re.I)
_REFERENCE = re.compile(r"^\[\d{1,3}\]")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_TERMINAL = re.compile(r"[.?!:;)\]]$")
_SUB_MARKER = re.compile(r"^\(?(?:[a-z]|i|ii|iii|iv|v|vi|vii|viii|ix|x)(?:\.\)|[.)])$", re.I)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a unit is in the letter."""

    role: Role
    rule: str = ""
    section: str | None = None  # for headings: the kind of section it opens
    public_interest: bool = False


@dataclass
class Context:
    """Facts about the whole document that the role rules consult."""

    answer_colours: frozenset[str] = frozenset()
    labelled_answers: bool = False
    disabled: frozenset[str] = field(default_factory=frozenset)
    # Paragraphs asked between "You asked:" and a labelled answer ("Our response — …").
    introduced: frozenset[int] = frozenset()


def context_of(units: list[Unit], disabled: frozenset[str]) -> Context:
    """Read document-wide cues: answers told apart by colour, labelled answers.

    Answers are told by colour only when several wholly coloured paragraphs
    (not links) stand right after plain paragraphs that read as questions.
    """
    coloured = [i for i, u in enumerate(units)
                if u.colors and u.kind != "heading" and _wholly_coloured(u)]
    after_question = [i for i in coloured if i > 0 and not units[i - 1].colors
                      and reads_as_question(units[i - 1].text)]
    colours: frozenset[str] = frozenset()
    if len(coloured) >= 3 and len(after_question) >= 2:
        colours = frozenset(c for i in coloured for c in units[i].colors)
    labelled = sum(1 for u in units if u.label == "answer") >= 2
    return Context(answer_colours=colours, labelled_answers=labelled, disabled=disabled,
                   introduced=_introduced(units))


_MAX_INTRODUCED = 4


def _introduced(units: list[Unit]) -> frozenset[int]:
    """The paragraphs a request intro ("You asked:") sets out, when a labelled answer ("Our
    response — …") follows them: they are the request, however they are worded."""
    found: set[int] = set()
    for k in [k for k, unit in enumerate(units) if unit.text.endswith(":")]:
        asked: list[Unit] = []
        for unit in units[k + 1:k + 2 + _MAX_INTRODUCED]:
            if unit.label == "answer" or not _plain(unit):
                break
            asked.append(unit)
        else:
            continue
        intro = units[k]
        # The cheap tests first: most lines ending in ":" have no labelled answer close after them.
        if (asked and unit.label == "answer" and len(intro.text) < 120 and _plain(intro)
                and not any(closing(u.text) for u in asked) and reads_as_request_intro(intro.text)):
            found.update(u.index for u in asked)
    return frozenset(found)


def _plain(unit: Unit) -> bool:
    """A paragraph of running text in any style: no heading, label, table or answer colour."""
    return (unit.kind in ("paragraph", "list_item", "quote") and not unit.label
            and not unit.colors and bool(unit.text))


def _wholly_coloured(unit: Unit) -> bool:
    spans = [s for s in unit.block.spans if s.text.strip()]
    return bool(spans) and all(s.color and not s.href for s in spans)


def read_roles(units: list[Unit], ctx: Context) -> list[Reading]:
    """One :class:`Reading` per unit, in order."""
    readings = [_read(u, i, units, ctx) for i, u in enumerate(units)]
    return _siblings(units, readings)


def _siblings(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """An item of a numbered list of questions is a question too ("2. By the nature of each crime")."""
    out = list(readings)
    for i in range(1, len(units) - 1):
        unit, before, after = units[i], units[i - 1], units[i + 1]
        style = (unit.bold, unit.italic)
        if (out[i].role == "text" and unit.marker and unit.emphasised and not unit.label
                and out[i - 1].role in ("question", "stem") and before.marker
                and (before.bold, before.italic) == style
                and out[i + 1].role == "question" and after.marker
                and (after.bold, after.italic) == style):
            out[i] = Reading("question", "question_sibling")
        elif (out[i].role == "text" and out[i - 1].rule == "question_label"
              and reads_as_question(unit.text)):
            out[i] = Reading("question", "question_label")
    return out


def _read(unit: Unit, i: int, units: list[Unit], ctx: Context) -> Reading:
    nxt = units[i + 1] if i + 1 < len(units) else None
    if unit.restated == "echo":
        return Reading("echo", "restated_request")
    if unit.restated == "question" and not _stem(unit, nxt):
        return Reading("question", "question_restated")
    if unit.kind == "table":
        return Reading("table", "table")
    if unit.label == "question" and not unit.text:
        return Reading("label", "question_label")
    if not unit.text and unit.numbers:
        return Reading("label", "bare_enumerator")
    if unit.label == "answer" and not unit.text:
        return Reading("label", "answer_label")
    if _template(unit):
        return Reading("template", "drafting_guidance")
    if _URL.fullmatch(unit.text):
        return Reading("text", "link")
    if unit.heading or unit.bold:
        numbers = _ANSWERS_TO.match(unit.text)
        if numbers:
            return Reading("label", "answers_to_questions")
    if unit.italic and unit.text.startswith("(") and unit.text.endswith(")"):
        return Reading("note", "editorial_note")
    if unit.label == "answer":
        return Reading("text", "answer_label")
    if unit.index in ctx.introduced and "question_intro" not in ctx.disabled:
        return Reading("question", "question_intro")
    if _stem(unit, nxt):
        return Reading("stem", "sub_question_stem")
    if "request_lead_in" not in ctx.disabled and _lead_in(unit, nxt):
        return Reading("request", "request_lead_in")
    cue = _question_cue(unit, nxt, ctx)
    # "Q15: The dates … are withheld" is an answer given by number, not a question.
    if cue and "question_" + cue not in ctx.disabled and reads_as_question(
            unit.text, strict=cue in ("label", "numbered") and unit.marker.lower().startswith("q")
            and not unit.marker.lower().startswith("question")):
        return Reading("question", "question_" + cue)
    if unit.heading or (unit.bold and _short_heading(unit.text)):
        return Reading("heading", "heading", section=section_of(unit.text),
                       public_interest=public_interest_heading(unit.text))
    if _plain_section_heading(unit.text):
        return Reading("heading", "plain_section_heading", section=section_of(unit.text))
    if closing(unit.text):
        return Reading("stop", "closing")
    return _TEXT


_TEXT = Reading("text", "text")  # most paragraphs: one reading shared (readings never change)


def _stem(unit: Unit, nxt: Unit | None) -> bool:
    """A lead-in such as "2. In 2020/21:" over sub-questions "(i) …", "(ii) …".

    The next question carries a sub-enumerator, or starts the numbering again
    under a numbered lead-in ("1. The total number of crimes…:" then "1. By…").
    """
    if nxt is not None and nxt.restated == "question" and _SUB_MARKER.match(nxt.marker or ""):
        return unit.restated == "question" and not _SUB_MARKER.match(unit.marker or "")
    if (nxt is not None and unit.numbers and unit.marker[:1].isdigit() and nxt.marker[:1] in "(abi"
            and _SUB_MARKER.match(nxt.marker) and nxt.numbers == (1,)
            and (nxt.bold, nxt.italic) == (unit.bold, unit.italic) and reads_as_question(unit.text)):
        # "4.) Have you had incidents of the following?" over "a.) …", "b.) …": a numbered
        # question whose own sub-items start at once is their stem, however it ends.
        return True
    if nxt is None or not unit.text.rstrip().endswith(":") or not (unit.marker or unit.emphasised):
        return False
    if _SUB_MARKER.match(nxt.marker or ""):
        return reads_as_question(nxt.text)
    return (bool(unit.numbers) and nxt.numbers[:1] == unit.numbers[:1] and bool(nxt.marker)
            and (nxt.bold, nxt.italic) == (unit.bold, unit.italic))


# A request's own lead-in: "I would like to request the following:", "Please could I have
# details on the following points:-" (an answer's "the following agencies…:" is no lead-in).
_FOLLOWING = re.compile(r"\b(?:i|we)\b.{0,40}\b(?:request|like|ask|want|have|know|obtain|receive)\b"
                        r".{0,60}\bfollowing\b|\bfollowing\s+(?:questions?|points?|requests?)\b",
                        re.I)


def _lead_in(unit: Unit, nxt: Unit | None) -> bool:
    """ "I would like to request the following:" over a list of items: it introduces what is
    asked and asks nothing itself."""
    if nxt is None or not nxt.marker or unit.marker or unit.label or unit.kind == "table":
        return False
    text = unit.text.rstrip(" -–—")
    return text.endswith(":") and len(text) < 200 and bool(_FOLLOWING.search(text))


def _template(unit: Unit) -> bool:
    text = unit.text
    if _REFERENCE.match(text):
        return False  # "[2]": a link reference left by an email or web export
    if "[" in text and "[insert" in text.lower():
        return True
    # Cheap tests first: the guidance reading runs only on italic or bracketed paragraphs.
    return (unit.italic or text.startswith("[") or text.endswith("]")) and drafting_guidance(text)


def _question_cue(unit: Unit, nxt: Unit | None, ctx: Context) -> str:
    """Why a question-like unit stands as a question, or "" if nothing marks it."""
    if unit.label == "question":
        return "label"
    if unit.heading:
        return "heading"
    if unit.kind == "quote":
        return "quote"
    if unit.emphasised and not unit.colors & ctx.answer_colours:
        return "emphasis"
    if unit.marker == "•":
        # A bullet is as often an answer's item as a question: only a question mark tells.
        return "numbered" if unit.text.rstrip().endswith("?") else ""
    if unit.marker or unit.kind == "list_item":
        return "numbered"
    if nxt is not None and nxt.label == "answer":
        return "before_answer_label"
    if ctx.answer_colours and not unit.colors:
        return "colour"
    return ""


def _short_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 12 and not text.endswith((".", ",", ";")) or len(words) <= 4


def _plain_section_heading(text: str) -> bool:
    """A short unstyled line naming a boilerplate section ("Internal review", "Re-use")."""
    if not text[:1].isupper() or text.endswith((".", ",", ";", "?")) or len(text) > 120:
        return False  # the cheap tests first (section_of reads no line over 120 characters)
    return len(text.split()) <= 8 and boilerplate_section(section_of(text))


def continues(first: Unit, second: Unit) -> bool:
    """True when a question runs on from one emphasised paragraph into the next."""
    same_style = second.bold == first.bold and second.italic == first.italic
    if same_style and _URL.fullmatch(second.text):
        return True  # "…as detailed here:" then the link on a line of its own
    return (not _TERMINAL.search(first.text) and not second.marker and not second.label
            and same_style)
