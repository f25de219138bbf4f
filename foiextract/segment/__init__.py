"""Split a document into question/answer pairs, reading the letter as a careful person does.

The segmenter sees only the document model. It reads each paragraph's role
(question, answer text, heading, drafting guidance…), walks the letter into
runs of questions with the answer beneath each, recognises a restated request,
answers given by number, and Question | Answer tables, then matches each pair
to its request item.

>>> from foiextract.readers.markdown import parse
>>> seg = segment(parse("**How many?**\\n\\nTwo\\n\\n**When?**\\n\\nMay 2019\\n", "x.md"))
>>> [(p.question, p.answer, p.request_item) for p in seg.pairs]
[('How many?', 'Two', 1), ('When?', 'May 2019', 2)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Collection, NamedTuple, Sequence

from ..model import Document, Pair, Source
from ..lexicon.text import name_line, normalise, similarity
from ..values import parse_answer
from ..values.answer import sentences
from ..values.refusals import says_not_held
from .flow import Layout, Question, Run, walk
from .inline import inline_items
from .request import align, restated
from . import requote
from .captions import captioned_pairs
from .divide import divide, placements, refuses_whole
from .keyed import keyed_answers
from .phrases import (ASKED_AS_FOLLOWS, OPENING_MARKS, OWN_LEAD_IN, asks_whether,
                      boilerplate_section,
                      closing_within, reads_as_question, reads_as_request_intro,
                      reads_as_statement, reply_opening, requester_procedure, signs_off,
                      whole_request_verdict)
from .quoted import quoted_elements
from .roles import Reading, context_of, quotation, read_roles
from .units import Unit, units_of

__all__ = ["Segmentation", "explain", "segment"]


@dataclass(frozen=True, slots=True)
class Segmentation:
    """What the segmenter found: the request as restated, the pairs, and quality flags."""

    request: tuple[str, ...]
    pairs: tuple[Pair, ...]
    unanswered: tuple[int, ...]
    flags: tuple[str, ...]


def segment(document: Document, *, disabled: Collection[str] = (),
            request: Sequence[str] | None = None) -> Segmentation:
    """Find the question/answer pairs of a document.

    ``disabled`` names role rules to switch off (``"question_colour"``…). ``request`` is the
    request as sent, where it is known (``compile --request``): a reply that never restates
    the questions is then read against it, by the numbers its answers give ("Q2: …",
    "In respect of questions 1 and 3, …") or as a verdict on the whole request.
    Never raises on any document.
    """
    known = list(request or ())
    units, readings, quoted = _reading(document, frozenset(disabled))
    if known and "question_known" not in disabled:
        readings = _known_questions(units, readings, known)
    layout = walk(units, readings, frozenset(disabled))
    keyed = keyed_answers(layout, units, readings) if "answer_names_question" not in disabled \
        else None
    if keyed is not None:
        # The request set out, then answers naming their questions ("In relation to Question
        # 1a: …") and the rest refused together.
        request_ = [k.question.text for k in sorted(keyed, key=lambda k: k.item)]
        pairs = [_pair(_Found(k.question, k.question.text, _answer_text(k.answer), k.shared,
                              k.answer), k.item) for k in keyed]
    else:
        request_, pairs = _pairs(layout, layout.runs, list(quoted.items) if quoted else None,
                                 frozenset(disabled))
    if not pairs and known and "request_number" not in disabled:
        request_, pairs = _by_known_number(layout, known) or (request_, pairs)
    if not pairs and "captioned_table" not in disabled:
        # A request restated in plain paragraphs, answered by tables under captions.
        request_, pairs = captioned_pairs(units, readings) or (request_, pairs)
    if known and "captioned_table" not in disabled:
        # A round-robin's request known, and tables under captions that name more of its
        # items than the letter's own questions stand for ("Total No. of Crimes at
        # Hospitals", "Crime Nature, Outcome & Hospital Name Breakdown").
        captioned = captioned_pairs(units, readings, known)
        if captioned is not None and len(captioned[1]) > len(pairs):
            request_, pairs = captioned
    if not any(p.answer for p in pairs) and "whole_request_verdict" not in disabled:
        # A reply that answers no question by its text or number but settles the request whole
        # (none found, or every question found with nothing beneath it: each is settled so).
        request_, pairs = _settled_whole(layout, units, readings, known, every_run=bool(pairs),
                                         disabled=frozenset(disabled)) or (request_, pairs)
    if not pairs and not known:
        # A reply refusing the whole request, or answering its items one each by number, above
        # the requester's message it quotes after its sign-off ("-----Original Message-----" …
        # "1. How many permits …?"): the quoted request is the request as sent.
        quoted_request = [u.text for u, r in zip(units, readings)
                          if u.kind == "quote" and r.role == "question"]
        # (A reply naming the items it answers, "In answer to your first question, …", gives
        # no verdict on the whole: its body is read against them below.)
        names_items = any(u.numbers and u.kind != "quote" and r.role == "text"
                          for u, r in zip(units, readings))
        if quoted_request and not names_items and "whole_request_verdict" not in disabled:
            request_, pairs = _settled_whole(layout, units, readings, quoted_request) \
                or (request_, pairs)
        if quoted_request and not pairs and "request_number" not in disabled:
            request_, pairs = _numbered_one_each(layout, units, readings, quoted_request) \
                or (request_, pairs)
        if quoted_request and not pairs and "whole_request_verdict" not in disabled:
            request_, pairs = _answered_above(units, readings) or (request_, pairs)
    if not pairs and "restated_answered_whole" not in disabled:
        # A reply that restates the request's items, then answers them all at once.
        request_, pairs = _restated_then_answered(units, readings) or (request_, pairs)
    if not known and "request_listed" not in disabled:
        # "…your letter in which you made the following request:" then its items a bullet each,
        # then the reply's body answering them ("Attached is a spreadsheet …"). Read so too
        # where the pairs found otherwise are fewer, ask none of the items listed and stand
        # in that body or after it (a clause of a statute the reply quotes, a form in the
        # records it encloses).
        listed = _listed_then_answered(units, readings)
        if listed is not None and (not pairs or len(listed[1]) > len(pairs) and (
                not _asks_any(pairs, listed[0]) and _all_after(pairs, listed[1], units)
                or _asks_only(pairs, listed[0])
                or _read_in_list(pairs, listed, units))):
            # (Or the pairs found ask some of the items listed and nothing else, one item read
            # as another's answer: "2. The software that comprises the systems." under 1; or
            # only the items worded as questions were read where the list stands: "6. Number
            # of enforcement officers" kept, "4. Income" passed over or read as an answer.)
            request_, pairs = listed
    if not pairs and not known and "request_named" not in disabled:
        # A letter that only names what was asked ("Thank you for your request … asking for an
        # updated list of call signs, which we received on 2 June"), then answers it.
        request_, pairs = _named_then_answered(units, readings) or (request_, pairs)
    if not pairs and "verdict_listed" not in disabled:
        # "There are no documents responsive to your request for the following items:" over
        # the items it settles.
        request_, pairs = _verdict_over_list(units, readings) or (request_, pairs)
    if not known and "quoted_element" not in disabled:
        # "The City has determined that it does not possess records responsive to “non email
        # records that detail …”": answers that quote the elements of the request they answer.
        quoted_ = _quoted_then_answered(units)
        if quoted_ is not None and len(quoted_[1]) > len(pairs):
            request_, pairs = quoted_
    if "whole_request_verdict" not in disabled:
        pairs = _refusal_for_the_unanswered(pairs)
    request = request_
    answered = {p.request_item for p in pairs if p.request_item is not None and p.answer}
    # (An item the reply restates joined to the one before it, "… abandoned vehicles. If
    # possible, please also include the make and model …", is answered with it.)
    asked_with = [normalise(p.question) for p in pairs if p.answer]
    unanswered = tuple(i for i, item in enumerate(request, start=1) if i not in answered
                       and not _restated_within(item, asked_with))
    flags = []
    if layout.template_text:
        flags.append("template_text")
    if layout.empty_public_interest:
        flags.append("empty_public_interest_test")
    if unanswered:
        flags.append("unanswered_items")
    return Segmentation(tuple(request), tuple(pairs), unanswered, tuple(flags))


# The fewest characters an item must have to be found inside another question's wording.
_MIN_ITEM_WITHIN = 20


def _restated_within(item: str, questions: list[str]) -> bool:
    """True when ``item``'s first sentence stands whole inside a longer question answered
    (``questions`` normalised; the restatement may leave out the item's asides, "Please
    provide this as an Excel spreadsheet")."""
    opening = normalise(next(iter(sentences(item)), ""))
    return len(opening) >= _MIN_ITEM_WITHIN and any(
        opening in q and normalise(item) != q for q in questions)


def _refusal_for_the_unanswered(pairs: list[Pair]) -> list[Pair]:
    """Questions left with nothing beneath them in a letter whose one answer refuses the request
    as a whole ("…the cost of complying with your request would exceed the appropriate limit",
    beneath the last of the request's items): each is refused with the rest."""
    given = [p for p in pairs if p.answer]
    if not given or len(given) == len(pairs) or len({p.answer for p in given}) > 1 \
            or not refuses_whole(given[0].answer):
        return pairs
    refusal = given[0]
    return [p if p.answer else replace(p, answer=refusal.answer, shared=True,
                                       answer_source=refusal.answer_source,
                                       answer_blocks=refusal.answer_blocks)
            for p in pairs]


def _reading(document: Document, disabled: frozenset[str]
             ) -> tuple[list[Unit], list[Reading], requote.QuotedRequest | None]:
    units = units_of(document.blocks)
    quoted = requote.find(units) if "quoted_request" not in disabled else None
    if quoted is not None:
        units = requote.restate(units, quoted)
    elif "quoted_request" not in disabled:
        units = requote.repeated(units)
    readings = read_roles(units, context_of(units, disabled))
    if quoted is not None:
        readings = [Reading("request", "quoted_request") if u.index in quoted.quotes
                    and u.kind == "quote" else r for u, r in zip(units, readings)]
    return units, readings, quoted


_KNOWN = Reading("question", "question_known")
_TEXT_READING = Reading("text", "text")
# How alike a paragraph must read to an item of the request as sent to be that item asked.
KNOWN_SIMILARITY = 0.9


def _known_questions(units: list[Unit], readings: list[Reading],
                     known: list[str]) -> list[Reading]:
    """A paragraph that restates an item of the request as sent ("The software that comprises
    the systems.") is that item asked, however it is styled, where it stands as answer text
    among questions the letter marks otherwise (the one item a letter left in plain type).
    A letter that marks no question is left to the readings against the whole request."""
    out = list(readings)
    first = next((k for k, r in enumerate(readings) if r.role == "question"), None)
    if first is None:
        return out
    for k, (unit, reading) in enumerate(zip(units, readings)):
        if k < first or reading.role not in ("text", "heading") or unit.label \
                or len(unit.text) < 12:
            continue
        size = len(unit.text.split())
        if any(0.7 * len(item.split()) <= size <= 1.3 * len(item.split())
               and similarity(unit.text, item) >= KNOWN_SIMILARITY for item in known):
            out[k] = _KNOWN
    return out


def explain(document: Document, *, disabled: Collection[str] = ()) -> list[str]:
    """How the segmenter read each paragraph: its role, the rule, and its text (for debugging).

    >>> from foiextract.readers.markdown import parse
    >>> explain(parse("**How many?**\\n\\nTwo\\n", "x.md"))
    ['question  question_emphasis  How many?', 'text      text               Two']
    """
    units, readings, _ = _reading(document, frozenset(disabled))
    return [f"{r.role:<9} {r.rule:<18} {u.marker + ' ' if u.marker else ''}{u.text}"
            for u, r in zip(units, readings)]


def _pairs(layout: Layout, runs: list[Run], quoted: list[str] | None = None,
           disabled: frozenset[str] = frozenset()) -> tuple[list[str], list[Pair]]:
    """Pairs from each run: skipped when it restates the request, by number, or from beneath."""
    texts = [[q.text for q in run.questions] for run in runs]
    restatements = set()
    for i, questions in enumerate(texts):
        if len(questions) < 2:
            continue  # one question alone never restates a request
        others = [q for j, qs in enumerate(texts) if j != i for q in qs]
        if restated(questions, others) and (not runs[i].answer or _before_others(runs, i)
                                            or runs[i].ended_by in ("end", "stop")) \
                and not _asked_under_each(runs, texts, i):
            restatements.add(i)
    pairs: list[_Found] = []
    asked: list[Question] = []
    for i, run in enumerate(runs):
        if i in restatements:
            continue
        numbered = _answered_by_number(layout, runs, i)
        if numbered is not None:
            asked.extend(run.questions)
            pairs.extend(numbered)
            continue
        if not run.answer and run.ended_by != "table" and not _answered_later(runs, i):
            # Questions with nothing beneath and no answer anywhere: a list of what was asked.
            if i == len(runs) - 1 or run.ended_by in ("stop", "end"):
                continue
        in_order = _one_each(run) if "answer_in_order" not in disabled else None
        if in_order is not None:
            for question, unit in zip(run.questions, in_order):
                asked.append(question)
                placed = Question(question.units, "answer_in_order", question.section,
                                  question.stem)
                pairs.append(_Found(placed, question.text, _answer_text([unit]), False, [unit]))
            continue
        if run.ended_by in ("stop", "end"):
            run = Run(run.questions, _without_signature(run.answer), run.ended_by, run.position,
                      run.labelled)
        answer = _answer_text(run.answer)
        if len(run.questions) > 1 and not run.labelled and all(
                q.rule == "question_restated" for q in run.questions) and not (
                run.answer and whole_request_verdict(run.answer[0].text)) \
                and len({q.units[0].index for q in run.questions}) > 1 \
                and _grouped_apart(run.questions):
            # A reply restating each question answers each beneath it: one left bare is unanswered
            # (unless a label such as "Question 1" groups them under one answer, what follows
            # them is a verdict on them together: a refusal, nothing held; or the reply set
            # them in one paragraph, to be answered together; or it numbered them alike, "2."
            # and "3.", "•" and "•", grouping them). A part of one item left bare before the
            # next item ("f) 2023" then "Q7) …") is unanswered, as is a bare unnumbered one.
            for question in run.questions[:-1]:
                asked.append(question)
                pairs.append(_Found(question, question.text, "", False, []))
            run = Run(run.questions[-1:], run.answer, run.ended_by, run.position, run.labelled)
        shared = len(run.questions) > 1 and bool(answer)
        for question in run.questions:
            asked.append(question)
            pairs.append(_Found(question, question.text, answer, shared, run.answer))
    asked_in_thread = [f for f in pairs if f.question.units[0].kind == "quote"]
    if asked_in_thread and not any(f.answer for f in asked_in_thread) and any(
            f.answer for f in pairs if f.question.units[0].kind != "quote"):
        # A thread whose reply answers questions as it words them, and none of the requester's
        # message beneath it: the requester's questions are the request, not pairs of the reply.
        pairs = [f for f in pairs if f.question.units[0].kind != "quote"]
        asked = [f.question for f in asked_in_thread]
    if "answer_divided" not in disabled:
        pairs = _divided(pairs)
    if quoted:
        request = quoted
    elif restatements:
        request = [q.text for q in runs[min(restatements)].questions]
    else:
        request = _request_from(asked)
    return request, [_pair(p, item) for p, item in zip(pairs, _items_of(request, pairs))]


def _divided(found: list[_Found]) -> list[_Found]:
    """Questions sharing one answer of several paragraphs, the answer divided among them where
    its paragraphs say which question each answers (:func:`divide`); the rest as found."""
    groups: dict[int, list[int]] = {}
    for k, f in enumerate(found):
        if f.shared and f.answer:
            groups.setdefault(id(f.units), []).append(k)
    out = list(found)
    for ks in groups.values():
        parts = divide([found[k].text for k in ks], found[ks[0]].units) if len(ks) > 1 else None
        if parts is None:
            continue
        for k, part in zip(ks, parts):
            question = found[k].question
            if question.rule != "question_part":
                question = Question(question.units, "answer_divided", question.section,
                                    question.stem)
            out[k] = _Found(question, found[k].text, _answer_text(part),
                            sum(p is part for p in parts) > 1, part)
    return out


def _grouped_apart(questions: list[Question]) -> bool:
    """Whether restated questions standing together were set apart from one another: numbered
    in different styles (a part of one item, then the next item), or not numbered at all."""
    styles = {_marker_style(q.units[0].marker) for q in questions}
    return len(styles) > 1 or styles == {""}


def _marker_style(marker: str) -> str:
    """An enumerator's style without its count: "2." and "3." alike ("9."), "f)" and "ii)"
    alike ("a)"), "Q7)" apart ("a9)")."""
    return _COUNT.sub("9", _LETTERS.sub("a", marker.lower()))


_COUNT = re.compile(r"\d+")
_LETTERS = re.compile(r"[a-z]+")


def _items_of(request: list[str], pairs: list[_Found]) -> list[int | None]:
    """Each pair's request item. The parts a question named ("2022", "2023" under "How many
    retailers…?") take their question's item, found once, by the question."""
    texts: list[str] = []
    slots: list[int] = []
    last: Unit | None = None
    last_named = ""
    for found in pairs:
        stem = found.question.stem if found.question.rule == "question_part" else None
        named = found.question.units[0].part_of if found.question.rule == "question_part" \
            and stem is None else ""
        if named:  # a part answered alone: its question's item, as the request quoted it
            if named != last_named:
                texts.append(named)
            last_named, last = named, None
            slots.append(len(texts) - 1)
            continue
        if stem is None or stem is not last:
            texts.append(stem.text if stem is not None else found.text)
        last, last_named = stem, ""
        slots.append(len(texts) - 1)
    items = align(request, texts)
    return [items[slot] for slot in slots]


# The lines a letter's head sets above its salutation: its reference, a rule.
_LETTER_HEAD = re.compile(r"(?:our|your)\s+ref(?:erence)?\b|ref(?:erence)?\s*(?:no\.?\s*)?:|[-_=–—]{5,}\s*$"
                          # "Re – Freedom of Information Request – Reference – FOI / 2049": the
                          # letter's subject line
                          r"|re\s*[:–—-]\s*(?:freedom\s+of\s+information|foi|environmental|"
                          r"information\s+request|your\s+(?:request|enquiry))",
                          re.I)


def _set_in_capitals(text: str) -> bool:
    """True for a line of four words or more in capitals, with no sentence in it: a
    letterhead's address or a heading, not what a reply says."""
    return len(text.split()) >= 4 and text.isupper() and not _SENTENCE_STOP.search(text)


_SENTENCE_STOP = re.compile(r"[.!?]\s*$")


# How far into the reply its salutation may stand under an address block; what it opens with.
_ADDRESS_LINES = 8
_SALUTATION = re.compile(r"^dear\b[^.?!]{0,60}[,:]?$", re.I)


def _reply_body(units: list[Unit], readings: list[Reading], *, sections: bool = False,
                asked: str = "") -> list[Unit]:
    """The body of the reply after a quoted request: its text and tables from past its opening
    lines to the first closing, or nothing where it says nothing more. With ``sections``, the
    body goes on under its own headings ("II. Responsive Documents", "III. Partial Denial") up
    to one that opens the letter's boilerplate ("IV. Right of Review"), and through what reads
    as a question once it has begun (the request is already set out above: a clause of a
    statute it quotes, "(v) disclose unique or specialized investigative techniques …", is not
    one). A body shorter than a line counts where it reads as a value for ``asked``, the
    question it answers."""
    body: list[Unit] = []
    sent: Unit | None = None  # "Please see attached.", passed over as an opening line
    # "e e" / "MuckRock News, DEPT MR176401" / "RE: ICE FOIA Case Number …" / "Dear Requester:":
    # the letter's address block, down to its salutation.
    own = [k for k, u in enumerate(units) if u.kind != "quote"][:_ADDRESS_LINES]
    salutation = next((k for k in own if _SALUTATION.match(units[k].text)), -1)
    for k, (unit, reading) in enumerate(zip(units, readings)):
        if k < salutation and unit.kind != "quote":
            continue
        if sections and body and reading.role == "question" and unit.kind != "quote":
            reading = _TEXT_READING
        if sections and body and reading.role == "heading":
            if boilerplate_section(reading.section):
                break
            continue
        if reading.role == "stop":
            if body or unit.kind != "quote":
                break  # the reply signed off, or closed before it said anything
            continue  # the requester's own "Yours faithfully"
        if reading.role == "echo" and unit.kind != "quote" and unit.restated == "echo":
            continue  # the reply saying the request's words again, before its answer
        if unit.kind == "quote" or reading.role in ("request", "echo", "note", "template"):
            if body:
                break
            continue
        if not body and (reading.role not in ("text", "table") or reply_opening(unit.text)
                         or _LETTER_HEAD.match(unit.text) or _set_in_capitals(unit.text)):
            if reading.role == "text" and _SENDS.match(unit.text):
                sent = unit  # (what it sends may be the answer: "Please find attached traffic
                # flow information for … We have supplied the data we hold for …")
            continue  # "Dear James Hart," / "Thank you for your request…" / "…set out below:"
            # / "Our reference: 4011595 Information request" / "--------" / "121 NORTH LASALLE
            # STREET, ROOM 1100, CHICAGO, ILLINOIS 60602" (a letterhead's line)
        if reading.role in ("text", "table"):
            body.append(unit)
        elif body:
            break
    if not body and sent is not None:
        body = [sent]  # "…set out below:" / "Please see attached.": what it sends answers
    text = " ".join(u.text for u in body)
    # A figure, or more than a line: "We need more time to answer." answers nothing; "We have
    # no active equal pay claims that have been issued." answers what was asked (none).
    if any(c.isdigit() for c in text) or len(text) >= 80 or _SENT_WITH.match(text):
        return body
    return body if asked and body and _reads_as_a_value(text, asked) else []


# A line opening with what the reply sends: "Please find attached …", "Attached is …".
_SENDS = re.compile(r"^(?:(?:please\s+)?(?:see|find)\s+(?:the\s+)?(?:attached|enclosed)|"
                    r"(?:attached|enclosed)(?:\s+(?:is|are|please\s+find))?|"
                    # "Please find Sheffield City Council's response to your request attached."
                    r"please\s+find\s+(?:[^\s.!?]+\s+){1,8}?(?:attached|enclosed)"
                    r"(?=\s*[.!]?\s*$))\b",
                    re.I)
# A short body that answers by what it sends: "Please see attached.", "Please find the attached
# spreadsheet.", "Please find attached the council's response." (the answer is in the
# attachment, and that is what the letter says beneath the request, as gold reads it).
_SENT_WITH = re.compile(rf"{_SENDS.pattern}[^.!?]{{0,60}}[.!]?$", re.I)


def points_to_attachment(answer: str) -> bool:
    """True for an answer that only says it is attached ("Please see attached.", "Please find
    attached our response to your request."): where the attachment is read too, its own answer
    is the one to take.

    >>> points_to_attachment("Please find attached our response to your request.")
    True
    >>> points_to_attachment("Please find attached a list. We hold 14 contracts.")
    False
    """
    return bool(_SENT_WITH.match(answer.strip()))


# A follow-up asked only on a yes ("If yes:", "If so, what tools do you use?", "If there are
# any, please list them"): moot where the reply says no.
_ON_A_YES = re.compile(r"^\W*if\s+(?:yes|so|you\s+do|(?:there\s+)?(?:are|is|were|was)\s+(?:any|some)"
                       r"|any|the\s+answer\s+(?:to\s+[\w\s]{1,30}?)?is\s+yes)\b", re.I)


def _moot(questions: Sequence[Question], units: list[Unit], answer: str) -> set[int]:
    """The positions of the follow-ups asked only on a yes to the question before them ("Do you
    have any known equal pay liabilities? If yes: What is the current status …?"), where the
    reply's one answer says no, none or nothing to that question ("We have no known equal pay
    liabilities."): they are not answered, only made moot."""
    conditional = [k for k, q in enumerate(questions) if k and (
        _ON_A_YES.match(q.text) or any(_ON_A_YES.match(u.text) and len(u.text) < 60
                                       for u in units[questions[k - 1].units[-1].index + 1:
                                                      q.units[0].index]))]
    if not conditional or any(asks_whether(q.text) for q in questions[conditional[0]:]):
        return set()  # (another yes/no question after the follow-ups: which no, not known)
    first = questions[conditional[0] - 1].text
    value = parse_answer(answer, first)
    if not (value.kind == "boolean" and value.value == "no" or value.kind == "none"
            or value.kind == "count" and value.number == 0):
        return set()
    # Under a lead "If yes:", every follow-up after it hangs on the same yes.
    return set(range(conditional[0], len(questions)))


def _reads_as_a_value(text: str, asked: str) -> bool:
    """True when a short reply reads as a value for the question (none, a count, not held, a
    refusal), not as words about the request."""
    return parse_answer(text, asked).kind not in ("text", "missing")


def _answered_above(units: list[Unit], readings: list[Reading]
                    ) -> tuple[list[str], list[Pair]] | None:
    """A reply written above the message it quotes ("-----Original Message-----", the request's
    questions below the reply's sign-off), which answers them in its own words without
    restating them ("The Service carried out 1,146 inspections in 2023. Of these, 37 …"): its
    body answers the quoted questions whole (divided among them where its sentences say which
    answers which)."""
    asked = [k for k, (u, r) in enumerate(zip(units, readings))
             if u.kind == "quote" and r.role == "question"]
    start = next((k for k, u in enumerate(units) if u.kind == "quote"), len(units))
    if not asked or start == 0 or any(u.kind != "quote" for u in units[asked[0]:]):
        return None
    body = _reply_body(units[:start], readings[:start], asked=units[asked[0]].text)
    if not body:
        return None
    text = _answer_text(_without_signature(body))
    found = [_Found(Question([units[k]], "request_answered_whole", readings[k].section or ""),
                    units[k].text, text, len(asked) > 1, body) for k in asked]
    found = _divided(found)
    return [f.text for f in found], [_pair(f, n) for n, f in enumerate(found, start=1)]


def _settled_whole(layout: Layout, units: list[Unit], readings: list[Reading],
                   known: list[str], every_run: bool = False,
                   disabled: frozenset[str] = frozenset()
                   ) -> tuple[list[str], list[Pair]] | None:
    """The request's questions each answered by the reply's one verdict on the whole of it
    ("Unfortunately I am unable to provide this information, because we do not have it."):
    the last run of questions with nothing beneath (``every_run``: every such run, where no
    question found has an answer; or the request as sent, where the letter restates none), and
    the first paragraph after it that settles a request (nothing held, a refusal)."""
    asked = [run for run in layout.runs if run.questions and not run.answer]
    if not asked and not known:
        return None
    if asked and every_run:
        asked = [Run([q for run in asked for q in run.questions], asked[-1].answer,
                     asked[-1].ended_by, asked[-1].position, asked[-1].labelled)]
    after = asked[-1].questions[-1].units[-1].index if asked else -1
    # (The requester's own words, quoted, never settle their request: "This request for
    # information falls within the parameters of the Act …" under it is theirs.)
    verdict = next((u for u, r in zip(units[after + 1:], readings[after + 1:])
                    if r.role == "text" and u.kind != "quote" and not u.numbers
                    and whole_request_verdict(u.text)),
                   None)
    quoted_request = bool(asked) and all(u.kind == "quote" for q in asked[-1].questions
                                         for u in q.units)
    if quoted_request and "answer_in_order" not in disabled:
        # The reply answering the thread's request in turn, a paragraph to each item, none
        # restated ("On 31 December 2023 there were 5,208 households …" / "Of these, 3,611 …").
        questions = asked[-1].questions
        body = _without_signature(_reply_body(units[after + 1:], readings[after + 1:]))
        texts = [q.text for q in questions]
        # As many paragraphs as items: where they name the items, divided by what they name
        # (named out of turn, not in turn); where none does, a paragraph to each.
        in_turn = _one_to_each(questions, body)
        divided = _divided([_Found(Question(q.units, "request_answered_whole", q.section,
                                            q.stem), q.text, _answer_text(body), True, body)
                            for q in questions]) if in_turn else []
        if any(f.question.rule == "answer_divided" for f in divided):
            return texts, [_pair(f, n) for n, f in enumerate(divided, start=1)]
        if in_turn and not placements(texts, body):
            return texts, [_pair(_Found(
                Question(q.units, "answer_in_order", q.section, q.stem), q.text,
                _answer_text([unit]), False, [unit]), n)
                for n, (q, unit) in enumerate(zip(questions, body), start=1)]
    if verdict is None and quoted_request:
        # A thread's request, quoted, and a reply that answers it without restating it ("Please
        # find our response below:", then the figures): the reply's body answers it whole.
        body = _reply_body(units[after + 1:], readings[after + 1:],
                           asked=asked[-1].questions[0].text)
        if body:
            questions = asked[-1].questions
            text = _answer_text(_without_signature(body))
            moot = _moot(questions, units, text)
            kept = [q for k, q in enumerate(questions) if k not in moot]
            found = [_Found(Question(q.units, "request_answered_whole", q.section, q.stem), q.text,
                            text, len(kept) > 1, body) for q in questions]
            found = _divided(found)
            return [f.text for f in found], [_pair(f, n) for n, f in enumerate(found, start=1)
                                             if n - 1 not in moot]
    if verdict is None:
        return None
    if asked:
        questions = asked[-1].questions
        # The verdict with what the reply's body says around it ("…publishes details of HMO
        # licences at: [link]. As this information is accessible by other means it is exempt…").
        body = _reply_body(units[after + 1:], readings[after + 1:])
        answer = _around(verdict, body, [q.text for q in questions]) if verdict in body \
            else [verdict]
        found = [_Found(q, q.text, _answer_text(answer), len(questions) > 1, answer)
                 for q in questions]
    else:
        stand_in = Question([verdict], "request_verdict", "")
        # A yes/no item the reply answers in so many words ("The answer is yes, the borough does
        # send its return") takes that answer; the rest, the verdict.
        said = next((u for u, r in zip(units, readings)
                     if r.role == "text" and _SAYS_YES_OR_NO.match(u.text)), None) \
            if any(asks_whether(item) for item in known) else None
        found = [_Found(Question([said], "request_yes_no", ""), item, said.text, False, [said])
                 if said is not None and asks_whether(item)
                 else _Found(stand_in, item, verdict.text, len(known) > 1, [verdict])
                 for item in known]
    return [f.text for f in found], [_pair(f, n) for n, f in enumerate(found, start=1)]


def _one_to_each(questions: Sequence[Question], body: list[Unit]) -> bool:
    """True when ``body`` answers ``questions`` in turn, a paragraph to each: three or more
    questions, as many plain paragraphs (no table, list, label, note pointing elsewhere or
    refusal of the whole), each saying something of its own."""
    return len(questions) >= _IN_TURN and len(body) == len(questions) and not any(
        u.kind == "table" or u.marker or u.label or u.numbers or _ASIDE.match(u.text)
        or refuses_whole(u.text) or reply_opening(u.text) or _TITLE_LINE.match(u.text)
        or _set_in_capitals(u.text) for u in body) and len({u.text for u in body}) == len(body)


# The fewest items a reply answers in turn, a paragraph to each, for the count to say so.
_IN_TURN = 3
# A paragraph that speaks of the answers rather than giving one: "Please note …", "Please see
# the attached …", "Note: …".
_ASIDE = re.compile(r"(?:please\s+(?:note|see|find|be\s+aware)|note\b|n\.?b\.?\b|"
                    r"(?:attached|enclosed)\b)", re.I)


# A title over the answer ("Cost of barristers, advocates, and agency workers in SEND
# tribunals"): a line in a capital, a few words, no sentence.
_TITLE_LINE = re.compile(r"^[A-Z][^.:;?!]{2,100}$")


def _around(verdict: Unit, body: list[Unit], asked: list[str]) -> list[Unit]:
    """The verdict on a whole request with what the reply says with it: from past the reply's
    last opening line, label, title or echoed question (or one asked in so many words) before
    it ("Please find below the council's response:"; the body's start where none stands), to
    its end or the name that signs it."""
    at = body.index(verdict)
    start = next((k + 1 for k in range(at - 1, -1, -1) if reply_opening(body[k].text)
                  or body[k].label or reads_as_question(body[k].text, strict=True)
                  or not body[k].marker and _TITLE_LINE.match(body[k].text)
                  or any(similarity(body[k].text, q) >= ECHO_SIMILARITY for q in asked)), 0)
    end = next((k for k in range(at + 1, len(body)) if name_line(body[k].text)), len(body))
    return body[start:end]


def _listed_then_answered(units: list[Unit], readings: list[Reading]
                          ) -> tuple[list[str], list[Pair]] | None:
    """The request as the letter sets it out after its opening ("…in which you made the
    following request: I request documentation … • Date CPB was contacted • CR number …"), a
    bullet, a number or a line an item (:func:`_items_listed`), then the reply's body after it:
    one answer to them all, but for a paragraph that names an item by its place ("Regarding the
    second bullet point above, …") or in its words ("Finally, with regard to the portion of
    your request seeking payments of …"), which answers that item."""
    for k, unit in enumerate(units[:20]):
        sets_out = _sets_out_request(unit.text)
        # (Or "Please find below our response to your request for:" then each item with its
        # answer beneath it: the reply's lead-in, the request's items.)
        if not sets_out and not _sets_out_request(unit.text, own=True):
            continue
        interleaved = _items_answered_in_turn(units[k + 1:], readings[k + 1:])
        if interleaved is not None:
            return interleaved
        if not sets_out:
            continue
        items, j = _items_listed(units, k + 1)
        if len(items) < 2:
            return None
        # The request quoted, its quotation still open after the list: what follows up to the
        # closing mark is the request's too ("Additionally, I am looking for …").
        quoted = quotation(units[k + 1:j + 3])
        still_quoted = [u for u in units[j:j + 3] if u.index in quoted]
        items.extend((u, u.text) for u in still_quoted)
        j += len(still_quoted)
        rest = [(u, r) for u, r in zip(units[j:], readings[j:]) if not requester_procedure(u.text)]
        body = _reply_body([u for u, _ in rest], [r for _, r in rest], sections=True)
        if not body:
            return None
        # A paragraph naming an item by its place answers it in its first sentence; what it
        # goes on to say ("Attached is … the information you requested in the other bullet
        # points.") is the others' answer.
        own: dict[int, tuple[Unit, str]] = {}
        said: list[str] = []
        for unit in body:
            n = _place_named(unit.text, len(items))
            if n is None:
                n = _content_named(unit.text, [text for _, text in items])
            if n is None or n in own:
                said.append(unit.text)
                continue
            first, *more = sentences(unit.text)
            own[n] = (unit, first)
            said.extend(more)
        shared_text = _cut_at_closing(" ".join(said).strip())
        found = []
        asked = [_LIST_JOINER.sub("", text) for _, text in items]  # "Usage policies; and"
        for n, ((item, _), text) in enumerate(zip(items, asked), start=1):
            question = Question([item], "request_listed", "")
            if n in own:
                found.append(_Found(question, text, own[n][1], False, [own[n][0]]))
            else:
                found.append(_Found(question, text, shared_text, len(items) - len(own) > 1, body))
        # The paragraphs no item was named in are the others' answer, to divide among them.
        unnamed = [unit for unit in body if all(unit is not u for u, _ in own.values())]
        divided = _divided([f._replace(units=unnamed) if f.units is body else f for f in found])
        if any(f.question.rule == "answer_divided" for f in divided):
            found = divided
        return asked, [_pair(f, n) for n, f in enumerate(found, start=1)]
    return None


def _asks_only(pairs: Sequence[Pair], items: Sequence[str]) -> bool:
    """True when every pair asks one of the items listed, word for word, and an item listed
    is read as an answer: the items run together, not answered in turn."""
    listed = {normalise(item) for item in items}
    return _listed_all(pairs, items) and any(normalise(p.answer) in listed for p in pairs)


def _listed_all(pairs: Sequence[Pair], items: Sequence[str]) -> bool:
    """True when every pair asks one of the items listed, word for word."""
    listed = {normalise(item) for item in items}
    return all(normalise(p.question) in listed for p in pairs)


def _read_in_list(pairs: Sequence[Pair], listed: tuple[list[str], list[Pair]],
                  units: list[Unit]) -> bool:
    """True when every pair's question is one of the listed items where the list stands (not
    an echo of it further on), and either one answer stands beneath them all (the reply's
    body, not answers given in turn: "Q1 Fewer than 5.", "Q8 2") or an answer opens with an
    item listed."""
    items, found = listed
    where = [p.question_source for p in found]
    if not all(p.question_source in where for p in pairs):
        return False
    opens = [normalise(item) for item in items]
    return len({p.answer for p in pairs}) == 1 and _all_after(pairs, found, units) or any(
        normalise(p.answer).startswith(item) for p in pairs for item in opens)


def _asks_any(pairs: Sequence[Pair], items: Sequence[str]) -> bool:
    """True when a pair's question reads like one of the request's ``items``."""
    return any(similarity(p.question, item) >= _ASKS_ITEM for p in pairs for item in items)


def _all_after(pairs: Sequence[Pair], listed: Sequence[Pair], units: list[Unit]) -> bool:
    """True when every pair of ``pairs`` is answered after the listed request's answer begins."""
    where = {id(u.block): u.index for u in units}
    start = min((where.get(id(b), len(units)) for p in listed for b in p.answer_blocks),
                default=len(units))
    return all(p.answer_blocks and where.get(id(p.answer_blocks[0]), -1) >= start for p in pairs)


# How alike a pair's question and a listed item must read for the pair to ask the item.
_ASKS_ITEM = 0.5


def _sets_out_request(text: str, own: bool = False) -> bool:
    """True for the lead-in under which a reply sets out the request's items ("…in which you
    made the following request:", "In your request you indicate that you are seeking the
    following:", "…is in receipt of your … request for:"), not its own ("Our reply to your
    request is:"), unless ``own``: then a lead-in naming the reply too ("Please find below our
    response to your request for:")."""
    text = text.strip()
    if not text.endswith(":"):
        return False  # (most paragraphs: the sentences are not split)
    if _SETS_OUT_REQUEST.search(text):
        return True
    # The reply telling the requester what they asked ("you", "your"), in its last sentence
    # (not "…handled your request, … address it to:"): not the request's own lead-in to the
    # parts of an item ("Please could these be broken down as follows:").
    last = (sentences(text) or [text])[-1]
    return last.endswith(":") and len(last) < 400 and bool(_TO_REQUESTER.search(last)) and \
        (own or not OWN_LEAD_IN.search(last)) and not says_not_held(last) and \
        (reads_as_request_intro(last) or bool(ASKED_AS_FOLLOWS.search(last)))


_TO_REQUESTER = re.compile(r"\byour?\b", re.I)


def _items_listed(units: list[Unit], start: int) -> tuple[list[tuple[Unit, str]], int]:
    """The items listed from ``units[start]`` on, each with its unit, and the index after them.

    The list is of one shape throughout: bulleted or numbered paragraphs, a paragraph typed a
    line an item, or one-line paragraphs of their own (plain text). Up to two paragraphs may
    stand before it (the lead-in's continuation), and a further lead-in inside it ("…for the
    following checks … The checks are:") before more of the same. A list of more than
    :data:`_MOST_ITEMS` is data the reply gives, not what was asked: no items."""
    items: list[tuple[Unit, str]] = []
    shape = ""
    j = start
    while j < len(units) and len(items) <= _MOST_ITEMS:
        found, took = _listed_at(units, j, shape)
        if found:
            shape = took
            items.extend(found)
            j += len({id(u) for u, _ in found})
        elif items and j + 1 < len(units) and units[j].text.rstrip().endswith(":") and \
                _listed_at(units, j + 1, shape)[0]:
            j += 1  # "Additionally we are requesting … the following checks … The checks are:"
        elif items or j >= start + 2:
            break
        else:
            j += 1
    return (items, j) if len(items) <= _MOST_ITEMS else ([], j)


_MOST_ITEMS = 30


def _listed_at(units: list[Unit], j: int, shape: str) -> tuple[list[tuple[Unit, str]], str]:
    """The items listed at ``units[j]`` in the given shape (any, where ``shape`` is empty),
    and their shape: ``"marked"``, ``"lines"``, ``"paragraphs"`` or ``"continued"``."""
    unit = units[j]
    if unit.marker:
        return ([(unit, unit.text)], "marked") if shape in ("", "marked") else ([], "")
    if shape in ("", "lines"):
        lines = _listed_lines(unit)
        if lines:
            return [(unit, line) for line in lines], "lines"
    if shape in ("", "paragraphs"):
        run = 0
        while j + run < len(units) and not units[j + run].marker and \
                "\n" not in units[j + run].block.text.strip() and _listed_line(units[j + run].text):
            run += 1
        if run >= 2 or (shape and run):
            return [(u, u.text) for u in units[j:j + run]], "paragraphs"
    if shape in ("", "continued"):
        run = 0
        while j + run < len(units) and _continues_lead_in(units[j + run], first=not run):
            run += 1
        if run >= 2 or (shape and run):
            return [(u, u.text) for u in units[j:j + run]], "continued"
    return [], ""


def _continues_lead_in(unit: Unit, first: bool) -> bool:
    """True for a paragraph that carries on the lead-in's sentence as one of its items ("…in
    which you asked for:" / "copies of all contracts with …;" / "the number of notices …"):
    it opens in lower case (inside quotation marks, too), however long, as the reply's own
    sentences do not; the first item may open with a capital where it ends as an item does
    ("The number of fines issued;")."""
    text = unit.text.strip()
    if unit.marker or unit.label or "\n" in unit.block.text.strip() or \
            len(text) > _CONTINUED_ITEM or len(text.split()) < 2:
        return False
    opening = text.lstrip(OPENING_MARKS)
    return opening[:1].islower() or first and opening[:1].isupper() and \
        bool(_LIST_JOINER.search(text)) and not reads_as_statement(text)


# An item carrying on the lead-in's sentence: at most this long (a paragraph, not a page).
_CONTINUED_ITEM = 1000


def _listed_lines(unit: Unit) -> list[str]:
    """Each line of a paragraph that is a list typed a line an item, unmarked ("Check #14961
    dated 07/14/2010 for the amount $132593.39" / "Check #14969 …"); else nothing. Two lines
    or more, each reading as an item (:func:`_listed_line`)."""
    if unit.kind not in ("paragraph", "quote"):
        return []
    lines = [line.strip() for line in unit.block.text.splitlines() if line.strip()]
    if 2 <= len(lines) <= _MOST_ITEMS and all(_listed_line(line) for line in lines):
        return [line.strip(" ,;\"'“”") for line in lines]
    return []


def _listed_line(line: str) -> bool:
    """True for a line that reads as an item of a list typed a line an item: short, opening as
    an item does (a capital, a figure, "#" or "$": not a sentence carried over from the line
    above), not a lead-in (":") and not the reply's own statement ("We …", "The council …")."""
    line = line.strip()
    return len(line) <= _LISTED_LINE and bool(_OPENS_ITEM.match(line)) and \
        not line.endswith(":") and \
        len(line.split()) >= 2 and not reads_as_statement(line) and not says_not_held(line)


# An item typed a line: at most this long, and opening with a capital, a figure or a sign.
_LISTED_LINE = 120
_OPENS_ITEM = re.compile(r"[\"'“]?[A-Z0-9#$£€]")


def _items_answered_in_turn(units: list[Unit], readings: list[Reading]
                            ) -> tuple[list[str], list[Pair]] | None:
    """The request's items set out one by one, each bullet with its answer beneath it ("- any
    correspondence between …" / "Our Library service cannot locate any information …" / "-
    any reports …" / "We are sending you 12 reports …"), up to the letter's closing."""
    found: list[tuple[Unit, list[Unit]]] = []
    led = False  # a further lead-in before the items ("I would like the following:")
    for unit, reading in zip(units, readings):
        if reading.role == "stop" or reading.role == "heading" and found:
            break
        if unit.marker == "•":
            if found and not found[-1][1]:
                return None  # bullets one under another: a list, not items answered in turn
            found.append((unit, []))
        elif found and reading.role in ("text", "table"):
            found[-1][1].append(unit)
        elif not found and not led and not unit.marker and unit.text.rstrip().endswith(":"):
            led = True
        elif not found:
            return None  # the items come first, under the lead-in
    if len(found) < 2 or not all(answer for _item, answer in found):
        return None
    asked = [_LIST_JOINER.sub("", item.text) for item, _answer in found]
    return asked, [_pair(_Found(Question([item], "request_listed", ""), text,
                                _answer_text(answer), False, answer), n)
                   for n, ((item, answer), text) in enumerate(zip(found, asked), start=1)]


# What joins a list's items at an item's end: "Usage policies; and", "Letters of Interest;".
_LIST_JOINER = re.compile(r"\s*(?:[;,]\s*(?:and|or)?|\s(?:and|or))\s*$")


def _verdict_over_list(units: list[Unit], readings: list[Reading]
                       ) -> tuple[list[str], list[Pair]] | None:
    """A verdict leading in the items it settles ("There are no documents responsive to your
    request for the following items:", "We do not hold the following information:") over two
    or more bullets: each bullet an item asked, the verdict its answer."""
    for k, unit in enumerate(units):
        if readings[k].role not in ("text", "request") or not unit.text.rstrip().endswith(":") \
                or not says_not_held(unit.text):
            continue
        items: list[Unit] = []
        for after in units[k + 1:k + 31]:
            if after.marker != "•":
                break
            items.append(after)
        if len(items) < 2:
            continue
        answer = unit.text.strip()
        asked = [_LIST_JOINER.sub("", i.text) for i in items]
        return asked, [_pair(_Found(Question([i], "verdict_listed", ""), text, answer, True,
                                    [unit]), n)
                       for n, (i, text) in enumerate(zip(items, asked), start=1)]
    return None


# "…your May 1, 2017, letter in which you made the following Freedom of Information Act
# request:", "Your request was as follows:".
_SETS_OUT_REQUEST = re.compile(r"\b(?:you\s+made\s+the\s+following|your\s+request\s+(?:was|reads)"
                               r"\s+as\s+follows|you\s+requested\s+the\s+following)\b[^:]{0,80}:\s*$"
                               # "On February 11, 2019, we received your request for all
                               # documents pertaining to …, including:"
                               r"|\bwe\s+received\s+your\s+request\s+for\b[^:]{0,200}\b(?:including|"
                               r"as\s+follows|the\s+following)\s*:\s*$"
                               # "There were two aspects to your request:"
                               r"|\b(?:aspects|parts|elements)\s+(?:to|of)\s+your\s+request\s*:\s*$"
                               # "I refer to the BBC's request of 3rd July 2008 for … the number of:"
                               r"|^(?:i|we)\s+refer\s+to\s+(?:your|the)\b[^:]{0,40}\brequest\b[^:]{0,200}:\s*$",
                               re.I)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth")
_NAMES_PLACE = re.compile(r"^(?:regarding|in\s+regards?\s+to|with\s+regard\s+to|as\s+to|for)\s+"
                          r"(?:the\s+)?(?P<ordinal>" + "|".join(_ORDINALS) + r")\s+(?:bullet(?:\s+point)?|"
                          r"item|point|question|part)\b", re.I)


def _place_named(text: str, count: int) -> int | None:
    """The item a paragraph opens by naming by its place ("Regarding the second bullet point
    above, …"), where there is such an item."""
    m = _NAMES_PLACE.match(text)
    if m is None:
        return None
    n = _ORDINALS.index(m["ordinal"].lower()) + 1
    return n if n <= count else None


# A paragraph that opens by naming what it answers: "Finally, with regard to the portion of your
# request seeking payments of … into either CPIC or OEMC offices, the department has no …"
_NAMES_CONTENT = re.compile(r"^(?:(?:finally|also|additionally|lastly|further(?:more)?),?\s+)?"
                            r"(?:regarding|in\s+regards?\s+to|with\s+regards?\s+to|in\s+relation"
                            r"\s+to|with\s+respect\s+to|concerning|as\s+(?:to|for))\s+"
                            r"(?P<what>[^,;:]{12,400})[,;:]", re.I)
# How alike what such a paragraph names and an item must read for it to name the item.
_NAMES_ITEM = 0.5


def _content_named(text: str, asked: list[str]) -> int | None:
    """The item (1-based) a paragraph opens by naming in the item's own words, where one
    reads clearly more like what it names than any other."""
    m = _NAMES_CONTENT.match(text.strip())
    if m is None or len(asked) < 2:
        return None
    scores = sorted(((similarity(m["what"], item), n) for n, item in enumerate(asked, start=1)),
                    reverse=True)
    (best, n), (second, _) = scores[0], scores[1]
    return n if best >= _NAMES_ITEM and best - second >= 0.15 else None


def _named_then_answered(units: list[Unit], readings: list[Reading]
                         ) -> tuple[list[str], list[Pair]] | None:
    """The request as the letter's opening names it, answered by the letter's body after it;
    in a thread, the request in the requester's own words (:func:`_requesters_words`), which the
    reply's name for it ("…relating to tree felling on Abbey Lane…") only stands for."""
    return _named_in_opening(units, readings, _requesters_words(units, readings))


def _requesters_words(units: list[Unit], readings: list[Reading]) -> list[Unit]:
    """The paragraphs of a thread's first message, the requester's, that say what they ask
    for: after "Dear …" and up to the sign-off, without the requester's words on the Act or on
    how to answer ("I am writing to make a request under the Freedom of Information Act
    2000.", "Please send the information by email.") or their thanks."""
    first = next((k for k, u in enumerate(units) if u.kind == "quote"), None)
    if first is None:
        return []
    own = []
    for unit, reading in zip(units[first:], readings[first:]):
        if unit.kind != "quote" or reading.role == "stop" or signs_off(unit.text):
            break
        text = unit.text.strip()
        if _SALUTATION.match(text) or _MAKES_A_REQUEST.match(text) or _COURTESY.match(text) \
                or requester_procedure(text) or _EDITORS_NOTE.match(text):
            continue
        own.append(unit)
    if own:
        # "I am writing to make a request under the … Act 2000. Under the FOI Act, I seek …" /
        # "… the list of trees to be felled. Thank you for your help.": run on to what is asked.
        said = sentences(own[0].text)
        if len(said) > 1 and _MAKES_A_REQUEST.match(said[0].strip()):
            own[0] = replace(own[0], text=" ".join(k.strip() for k in said[1:]))
        said = sentences(own[-1].text)
        while len(said) > 1 and _COURTESY.match(said[-1].strip()):
            said.pop()
            own[-1] = replace(own[-1], text=" ".join(k.strip() for k in said))
    return own if 0 < len(own) <= _REQUESTERS_PARAGRAPHS else []


# "I am writing to make a Freedom of Information request." (and nothing about what); "Thank you
# for your help." / "I look forward to hearing from you."
_MAKES_A_REQUEST = re.compile(
    r"^(?:i\s+am|i'm|i’m)\s+(?:writing\s+to\s+)?(?:make|making|submit|submitting)\s+a\s+"
    r"[^.?]{0,60}?request\b(?:\s+(?:under|in\s+accordance\s+with|pursuant\s+to)\s+[^.?]{0,80}?"
    r"(?:act|regulations)(?:\s+\(?(?:19|20)\d\d\)?)?)?\s*[.:]?$", re.I)
_COURTESY = re.compile(r"^(?:(?:many\s+)?thanks?(?:\s+you)?(?:\s+(?:in\s+advance|for\s+your\s+"
                       r"(?:help|time|assistance)))?|i\s+look\s+forward\s+to\b[^.]{0,60})[.!]?$",
                       re.I)
# "> Note: converted from the PDF published on …", "> Editor's note: …": whoever set the letter
# out, speaking of it, not the requester.
_EDITORS_NOTE = re.compile(r"^(?:editor['’]?s\s+)?note\s*[:–—-]", re.I)
# The most paragraphs a requester's message may have to be read as one request, whole.
_REQUESTERS_PARAGRAPHS = 12


def _named_in_opening(units: list[Unit], readings: list[Reading], own: list[Unit]
                      ) -> tuple[list[str], list[Pair]] | None:
    """The request as the letter's opening names it (or as the requester worded it, ``own``),
    answered by the letter's body after it."""
    for k, (unit, reading) in enumerate(zip(units[:16], readings[:16])):
        if unit.kind == "quote" or reading.role == "stop":
            continue
        named = _NAMES_REQUEST.search(unit.text)
        seeking = _REQUEST_SEEKING.search(unit.text) or _ASKED_QUOTED.search(unit.text)
        # (An opening names the request near its start: a long paragraph is read that far.)
        opening = unit.text[:_OPENING_CHARS]
        settled = (_REQUEST_SETTLED.search(opening) or _YOU_SEEK.search(opening)
                   or _named_in_sentence(opening)) \
            if named is None and seeking is None else None
        verdict = ""  # what the paragraph naming the request goes on to say of it
        if seeking is not None:
            what = _unquoted(seeking.group("what"))  # "…responding to your request seeking: …"
        elif settled is not None:
            # "I am responding to your request … received May 20, 2015, for records of … Your
            # request is granted in part …": the request named, its verdict after it.
            what = _innermost(settled.group("what").strip(" ,"))
            verdict = _VERDICT_ON_NAMED.sub("", unit.text[settled.end("what"):]).lstrip(" .")
            # (What is left of the naming sentence, ", which we received on 3 March 2024.", is
            # no verdict.)
            verdict = _CLAUSE_LEFT.sub("", verdict).rstrip()
        elif named is not None:
            what = _innermost(named.group("what").strip(" ,"))
        elif ASKED_AS_FOLLOWS.search(unit.text):
            what = "the following"  # "…received your request …, in which you requested:"
        else:
            continue
        asked: list[Unit] = [unit]
        set_out = seeking is not None  # the request's own words, not the letter's name for it
        if _FOLLOWING.match(what):
            # "…in which you asked for the following information:" then the request quoted
            # ("“Please provide the number of …”"): the quoted words are what was asked.
            quoted = _quoted_run(units[k + 1:])
            if quoted:
                asked, what, k = quoted, _unquoted(" ".join(u.text for u in quoted)), k + len(quoted)
                set_out = True
        # (A short reply answers the requester's own words where it reads as a value for them.)
        body = _reply_body(units[k + 1:], readings[k + 1:],
                           asked=" ".join(u.text for u in own) if own else "")
        held = 0
        while held < len(body) and _HOLDING.search(body[held].text):
            held += 1
        if 0 < held < len(body) and len(_answer_text(body[held:]).split()) >= _MIN_ANSWER_WORDS:
            # "This has been logged as a Freedom of Information Request and will be dealt with
            # …" kept from the acknowledgement, then the answer: the answer is what follows (an
            # acknowledgement's own last line, "We will contact you if …", is too short to be).
            body = body[held:]
        if verdict:
            body = [replace(unit, text=verdict), *body]
        if not what.split() or _FOLLOWING.fullmatch(what) or not body \
                or _HOLDING.search(_answer_text(body)):
            return None  # nothing named ("the following", then no quotation), nothing said, or
            # only when it will be answered
        rule = "request_named"
        if own and own[-1].index < unit.index:
            asked, what, set_out = own, " ".join(u.text for u in own), False
            rule = "request_as_sent"
        question = Question(asked, rule, "")
        answer = _answer_text(_without_signature(body))
        # A quoted request whose items run together behind their enumerators ("… a. … b. …"):
        # each item asked, the one answer beneath them all.
        items = inline_items(what) if set_out else []
        if len(items) < 2:
            return [what], [_pair(_Found(question, what, answer, False, body), 1)]
        return items, [_pair(_Found(question, item, answer, True, body), n)
                       for n, item in enumerate(items, start=1)]
    return None


_FOLLOWING = re.compile(r"(?:the\s+)?following\b", re.I)
# The rest of a sentence that named the request: a clause after a comma, to the sentence's end.
_CLAUSE_LEFT = re.compile(r"^,[^.]*\.(?:\s+|$)")
# A request for a review of the answer to another: "an internal review of our response to your
# request for the number of permits issued": what was asked is the request reviewed.
_REVIEW_OF = re.compile(
    r"^(?:an?\s+|the\s+)?(?:internal\s+)?review\s+of\b.{0,80}?\byour\s+(?:[\w()“”\"/-]+\s+){0,4}?"
    r"request\s+(?:for|seeking|about|regarding|asking\s+for)\s+(?P<what>\w.{8,})$", re.I | re.S)


def _innermost(what: str) -> str:
    """What a named request asked: the request a review request is about, else ``what``.

    >>> _innermost("an internal review of our response to your request for the number of "
    ...            "parking permits issued in 2023")
    'the number of parking permits issued in 2023'
    >>> _innermost("the number of parking permits issued in 2023")
    'the number of parking permits issued in 2023'
    """
    inner = _REVIEW_OF.match(what)
    return inner.group("what").strip(" ,") if inner else what


def _named_in_sentence(opening: str) -> re.Match[str] | None:
    """:data:`_NAMED_IN_SENTENCE` where what it names is a request in particular."""
    found = _NAMED_IN_SENTENCE.search(opening)
    if found is None or _NAMES_NOTHING.match(found.group("what")):
        return None
    return found


# The fewest words an answer after an acknowledgement's lines must have to be one.
_MIN_ANSWER_WORDS = 12
_OPENING_CHARS = 3000
# "I am responding to your request under the … Act received May 20, 2015, for records of … .
# Your request is granted …", "Your revised FOIA request on April 27th 2015 for records … is
# granted.": what was asked, up to the verdict or the next sentence on it.
_REQUEST_SETTLED = re.compile(
    r"\b(?:(?:responding|respond|in\s+response)\s+to\s+your|your)\s+(?:[\w()“”\"-]+\s+){0,4}?"
    r"request\b[^.]{0,160}?,?\s+for\s+(?P<what>\w.{8,600}?)(?=\s+(?:is|was)\s+(?:hereby\s+)?"
    r"(?:granted|denied)\b|\.\s+(?:your|the|this|we|i|please)\s)", re.I | re.S)
# The request named in a sentence of the opening, however the letter puts it, where none of the
# ways above does: "I write in response to your … request dated February 18, 2017, received in
# the office of the Police Board on February 21, for data on … from 2011.", "This letter is in
# response to your … request received on …, in which you requested …", "On March 3, 2017, this
# office received your request for …", "Your request seeks …", "Specifically, you requested …".
# What was asked runs to the sentence's end, its verdict ("… is denied"), or a clause on the
# request itself (", which we received …").
_NAMED_IN_SENTENCE = re.compile(
    r"(?:\byour\s+(?:[\w()“”\"/-]+\s+){0,5}?request\b(?:(?!request)[^.;:]){0,160}?(?:,\s*|\s+)"
    r"(?:for|seeking|requesting|asking\s+for|in\s+which\s+you\s+(?:requested|asked\s+for|sought|"
    r"seek|are\s+seeking)|which\s+(?:sought|seeks|asked\s+for))"
    r"|\byour\s+request\s+(?:seeks|sought|asks\s+for|asked\s+for)"
    r"|(?:^|[.,]\s+|\bspecifically,?\s+)you\s+(?:have\s+)?(?:requested|asked\s+for|sought|"
    r"are\s+seeking|were\s+seeking|seek))"
    r"\s+(?P<what>\w[^.]{8,600}?)(?=\s+(?:is|was|has\s+been)\s+(?:hereby\s+)?(?:granted|denied)\b"
    r"|,\s+(?:which|received|dated)\b|\.(?:\s|$)|$)", re.I)
# What names no request in particular: "your request for information, which …", "…for records,
# attached please find …", "…for information in accordance with the … Act", "…for the following
# items:" (the items set out after it).
_NAMES_NOTHING = re.compile(
    r"(?:the\s+)?following\b|(?:the\s+|some\s+)?(?:information|records?|documents?|data)\b"
    r"(?!\s+(?:on|about|regarding|relating|related|concerning|pertaining|of|for|from|held|"
    r"showing|that|which|in\s+relation|with\s+regard|in\s+respect)\b)", re.I)


# "…received by this office on October 14, 2020. You are seeking all emails sent to/from …".
_YOU_SEEK = re.compile(r"\byou\s+(?:are|were)\s+(?:seeking|requesting)\s+(?P<what>\w.{8,400}?)"
                       r"\.(?=\s|$)", re.I | re.S)
_VERDICT_ON_NAMED = re.compile(r"^\s*(?:is|was)\s+(?:hereby\s+)?(?:granted|denied)[^.]*\.\s*"
                               r"(?=\S)", re.I)
# "COPA is now timely responding to your request seeking: information for all CR …": the
# request set out after the colon, to the paragraph's end.
# A request portal's notice gives it under a label: "Description of records requested: …".
_REQUEST_SEEKING = re.compile(r"(?:\byour\s+(?:[\w()“”\"]+\s+){0,6}?request\s+(?:seeking|for|asking\s+for)"
                              r"|\bdescription\s+of\s+(?:the\s+)?records?\s+requested|^records?\s+"
                              r"requested|\brequest\s+(?:details|description)"
                              r"|\byou\s+(?:have\s+)?(?:requested|asked(?:\s+(?:us\s+)?for)?|"
                              r"sought|wrote))"
                              r"\s*:\s*(?P<what>\S.{8,})$", re.I | re.S | re.M)
# The request quoted where the letter says it was asked, however the sentence opens: "In your
# request you asked for “the number of …”", "On 14 June 2024 you requested “…”".
_ASKED_QUOTED = re.compile(r"\byou\s+(?:have\s+)?(?:requested|asked(?:\s+(?:us\s+)?for)?|sought|"
                           r"wrote)\s*[:,]?\s*[“\"](?P<what>[^”\"]{8,1200})[”\"]", re.I)
_OPENING_QUOTES = "\"“‘'"
_CLOSING_QUOTES = "\"”’'"


def _quoted_run(units: list[Unit]) -> list[Unit]:
    """The paragraphs at the start of ``units`` that quote the request: from one opening with a
    quotation mark to the one that closes it (at most a few); none where no quote opens."""
    if not units or not units[0].text.lstrip()[:1] in _OPENING_QUOTES:
        return []
    for end, unit in enumerate(units[:8]):
        if unit.text.rstrip(" .")[-1:] in _CLOSING_QUOTES:
            return units[:end + 1]
    return []


def _unquoted(text: str) -> str:
    return text.strip().strip(_OPENING_QUOTES + _CLOSING_QUOTES + " ").strip()


# "Thank you for your request for information asking for X which …", "…regarding X, received …".
_NAMES_REQUEST = re.compile(
    r"\b(?:(?:thank\s+you\s+for|further\s+to|(?:in\s+)?(?:response|reply)\s+to|with\s+reference\s+to|"
    r"(?:we|i)\s+(?:refer|write\s+in\s+(?:response|reply)|am\s+writing\s+in\s+(?:response|reply))\s+to)"
    # "your request", "your recent request", "your Freedom of Information (FOI) request", "your
    # e-mail of 2 June"
    r"\s+your\s+(?:[\w()-]+\s+){0,5}?(?:request|e-?mail|letter|enquiry)"
    r"(?:\s+for\s+information)?(?:\s+(?:dated|of|received\s+on)\s+[^,.]{3,20}?)?\s*,?\s*"
    r"(?:(?:in\s+which\s+you\s+|which\s+|where\s+you\s+)?(?:asking|asked|ask)\s+(?:us\s+)?"
    r"(?:for|about)|about|regarding|concerning|relating\s+to|in\s+relation\s+to)"
    # "You asked for …", "You have asked us for information about …", "You requested …"
    r"|^(?:you\s+(?:have\s+)?(?:asked\s+(?:us\s+)?(?:for|about)|requested|sought)"
    r"(?:\s+information\s+(?:about|on|regarding|concerning))?))\s+"
    r"(?P<what>.{8,300}?)(?=,?\s+(?:which|that|received|dated|sent|and\s+(?:has|have|was|is)|"
    r"we\s+received|on\s+\d)\b|[.;:]|$)", re.I)


# A paragraph that says yes or no ("The answer is yes the borough does…"; not "No information
# held").
_SAYS_YES_OR_NO = re.compile(r"(?:the\s+answer\s+(?:to\s+\w+(?:\s+\w+)?\s+)?is\s+)?(?:yes|no)\b"
                             r"(?!\s+(?:information|data|records?)\b)", re.I)
# An acknowledgement's words: the answer is still to come.
_HOLDING = re.compile(r"\b(?:will\s+(?:respond|reply|aim\s+to|endeavour|be\s+in\s+touch)|"
                      r"within\s+(?:20|twenty)\s+working\s+days|has\s+been\s+logged|"
                      r"(?:is|are)\s+being\s+(?:dealt\s+with|processed|considered))\b", re.I)


# How alike a line of the reply must read to a question asked to be that question echoed.
ECHO_SIMILARITY = 0.8

# Where the one answer to a restated request stops.
_ENDS_ANSWER = frozenset({"stop", "heading", "question", "stem", "label", "echo", "request",
                          "template"})


def _restated_then_answered(units: list[Unit], readings: list[Reading]
                            ) -> tuple[list[str], list[Pair]] | None:
    """The items of a restated request ("Specifically you have asked for … in particular:
    • Any briefing notes… • Any contracts…"), then one answer to them all ("In respect of your
    request, we have made enquiries…"): each item asked, the answer shared. The items are the
    first run of two or more that restate the quoted request (a line carrying one on in lower
    case may stand between them); the answer, the text after them up to the first heading,
    closing or question."""
    echoes = [k for k, r in enumerate(readings) if r.role == "echo"]
    if len(echoes) < 2:
        return None
    items = [echoes[0]]
    for k in echoes[1:]:
        if any(readings[j].role != "text" or not units[j].text[:1].islower()
               for j in range(items[-1] + 1, k)):
            break
        items.append(k)
    answer: list[Unit] = []
    for unit, reading in zip(units[items[-1] + 1:], readings[items[-1] + 1:]):
        if reading.role in _ENDS_ANSWER:
            break
        answer.append(unit)
    text = _answer_text(answer)
    if len(items) < 2 or not text:
        return None
    found = [_Found(Question([units[k]], "restated_answered_whole", ""), units[k].text, text,
                    True, answer) for k in items]
    return [f.text for f in found], [_pair(f, n) for n, f in enumerate(found, start=1)]


def _quoted_then_answered(units: list[Unit]) -> tuple[list[str], list[Pair]] | None:
    """Pairs for a reply that answers the request element by element, quoting each (see
    ``segment.quoted``): two elements or more."""
    elements = quoted_elements(units)
    if len(elements) < 2:
        return None
    found = [_Found(Question([units[e.answer[0]]], "quoted_element", ""), e.text,
                    _answer_text([units[k] for k in e.answer]), False,
                    [units[k] for k in e.answer]) for e in elements]
    return [f.text for f in found], [_pair(f, n) for n, f in enumerate(found, start=1)]


def _numbered_one_each(layout: Layout, units: list[Unit], readings: list[Reading],
                       quoted: list[str]) -> tuple[list[str], list[Pair]] | None:
    """:func:`_by_known_number` for a reply above the request it quotes, where its numbered
    paragraphs stand before the quotation and answer every item quoted, one each, in order
    ("1. 1,234 permits were issued." … over "1. How many permits …?" …)."""
    first_quoted = next((u.index for u, r in zip(units, readings)
                         if u.kind == "quote" and r.role == "question"), -1)
    numbers = [unit.numbers for unit, _ in layout.numbered_answers
               if unit.index < first_quoted and unit.kind != "quote"]
    if len(quoted) < 2 or numbers != [(n,) for n in range(1, len(quoted) + 1)]:
        return None
    return _by_known_number(layout, quoted)


def _by_known_number(layout: Layout, known: list[str]) -> tuple[list[str], list[Pair]] | None:
    """Pairs for a reply that answers the request as sent by number only ("Q2: …", "2. 14",
    "In respect of questions 1 and 3, …"), with no question of its own."""
    answers = [(unit, rest) for unit, rest in layout.numbered_answers
               if unit.numbers and all(0 < n <= len(known) for n in unit.numbers)]
    numbers = [n for unit, _ in answers for n in unit.numbers]
    if not answers or len(set(numbers)) < min(2, len(known)):
        return None
    found: list[tuple[int, _Found]] = []
    for unit, rest in answers:
        answer = _answer_text([unit, *rest])
        for number in unit.numbers:
            stand_in = Question([unit], "request_number", "")
            found.append((number, _Found(stand_in, known[number - 1], answer,
                                         len(unit.numbers) > 1, [unit, *rest])))
    return known, [_pair(f, number) for number, f in found]


# How many items a request block must list for its answers to be read one each, in order.
_MIN_IN_ORDER = 3


def _one_each(run: Run) -> list[Unit] | None:
    """The answer's paragraphs, one for each item of a request block, when a reply answers
    the listed items in order with their numbers lost: as many plain paragraphs as items
    (three or more; no heading or emphasis among them), under the block's answer label. A
    bold name on the label's line ("Response: NHS Manchester CCG") titles the answers and is
    none of them. None otherwise."""
    paragraphs = list(run.answer)
    if paragraphs and paragraphs[0].label == "answer" and paragraphs[0].bold \
            and not paragraphs[0].text.endswith((".", "?", "!")) and len(paragraphs[0].text) < 60:
        paragraphs = paragraphs[1:]
    questions = run.questions
    # (The request restated from the requester's message under a label of its own counts as
    # one set out: "Your request:" / the items / "Response:" / a paragraph to each.)
    if len(questions) < _MIN_IN_ORDER or len(paragraphs) != len(questions) \
            or any(q.rule != "question_intro" and not (q.rule == "question_restated"
                                                       and run.labelled) for q in questions) \
            or any(u.kind != "paragraph" or u.label or u.marker or u.emphasised or u.heading
                   or not u.text for u in paragraphs):
        return None
    return paragraphs


def _asked_under_each(runs: list[Run], texts: list[list[str]], i: int) -> bool:
    """True when a run's questions are asked again in two or more other runs and every one of
    those runs is answered: the same parts asked of each heading ("a. What is the total amount
    spent per year?" under 1, 2 and 3), not a request restated, which is asked twice."""
    if not runs[i].answer:
        return False
    again = [j for j, qs in enumerate(texts) if j != i and restated(texts[i], qs)]
    return len(again) >= 2 and all(runs[j].answer for j in again)


def _before_others(runs: list[Run], i: int) -> bool:
    return i == 0 or all(not r.answer for r in runs[:i])


def _answered_later(runs: list[Run], i: int) -> bool:
    return any(r.answer for r in runs[i + 1:])


def _answered_by_number(layout: Layout, runs: list[Run], i: int) -> list[_Found] | None:
    """Pairs for a run of numbered questions answered by number further on ("1. 31,460", "Q3-Q5: …")."""
    run = runs[i]
    numbers = [q.numbers[0] for q in run.questions if q.numbers]
    in_order = not numbers  # the questions unnumbered: numbered by their order, answered so
    if len(run.questions) >= 2 and not in_order and len(numbers) == len(run.questions) \
            and len(set(numbers)) < len(numbers):
        return _answered_by_marker(layout, runs, i)  # "1a.", "1b.", "2.": the item's own mark
    if len(run.questions) < 2 or not in_order and (
            len(numbers) < len(run.questions) or len(set(numbers)) < len(numbers)):
        return None
    by_number = {n: q for n, q in enumerate(run.questions, start=1)} if in_order else \
        {q.numbers[0]: q for q in run.questions}
    start = run.questions[-1].units[-1].index
    end = runs[i + 1].position if i + 1 < len(runs) else float("inf")
    answers = _first_count([(unit, rest) for unit, rest in layout.numbered_answers
                            if start < unit.index < end and set(unit.numbers) <= set(by_number)])
    if in_order and sorted(n for unit, _ in answers for n in unit.numbers) != list(by_number):
        return None  # "How many …?" / "How much …?" then "1. 14", "2. £2.3m": one each, all
    if len(answers) < 2 and not any(len(unit.numbers) > 1 for unit, _ in answers):
        return None
    pairs: list[_Found] = []
    for unit, rest in answers:
        answer = _answer_text([unit, *rest])
        for number in unit.numbers:
            question = by_number[number]
            pairs.append(_Found(question, question.text, answer, len(unit.numbers) > 1,
                                [unit, *rest]))
    return pairs


def _answered_by_marker(layout: Layout, runs: list[Run], i: int) -> list[_Found] | None:
    """Pairs for a run of questions marked "1a.", "1b.", "2." (two sharing a number) answered
    further on under the same marks, one answer each."""
    run = runs[i]
    by_mark = {_mark_key(q.units[0].marker): q for q in run.questions}
    if len(by_mark) < len(run.questions) or "" in by_mark:
        return None
    start = run.questions[-1].units[-1].index
    end = runs[i + 1].position if i + 1 < len(runs) else float("inf")
    answers: list[tuple[Unit, list[Unit]]] = []
    for unit, rest in layout.numbered_answers:
        key = _mark_key(unit.marker)
        if start < unit.index < end and key in by_mark:
            if any(_mark_key(u.marker) == key for u, _ in answers):
                break  # the count starts again: a list of the letter's own
            answers.append((unit, rest))
    if len(answers) < 2:
        return None
    return [_Found(by_mark[_mark_key(unit.marker)], by_mark[_mark_key(unit.marker)].text,
                   _answer_text([unit, *rest]), False, [unit, *rest]) for unit, rest in answers]


def _mark_key(marker: str) -> str:
    """An enumerator as its number and letter: "1a." -> "1a", "1(b)" -> "1b", "2." -> "2"."""
    return re.sub(r"[^0-9a-z]", "", marker.lower())


def _first_count(answers: list[tuple[Unit, list[Unit]]]) -> list[tuple[Unit, list[Unit]]]:
    """The numbered answers up to where their count starts again: a list of the letter's own
    numbered from 1 below them (a form's notes, "1. All government records are subject to …")
    answers nothing.

    >>> from foiextract.model import Block, Span
    >>> units = units_of(tuple(Block("list_item", (Span(t),), marker=f"{n}.")
    ...                        for n, t in ((1, "14"), (2, "None"), (1, "All records are open."))))
    >>> [u.text for u, _ in _first_count([(u, []) for u in units])]
    ['14', 'None']
    """
    seen: set[int] = set()
    for k, (unit, _rest) in enumerate(answers):
        if seen & set(unit.numbers):
            return answers[:k]
        seen.update(unit.numbers)
    return answers


def _request_from(questions: list[Question]) -> list[str]:
    """The request when the letter does not restate it: the questions, sub-questions under their stem."""
    request: list[str] = []
    stems: dict[int, int] = {}
    for question in questions:
        if question.stem is not None:
            key = question.stem.index
            if key in stems:
                request[stems[key]] += " " + question.text
                continue
            stems[key] = len(request)
            request.append(question.stem.text + " " + question.text)
            continue
        if request and question.text == request[-1]:
            continue
        request.append(question.text)
    return request


def _without_signature(units: list[Unit]) -> list[Unit]:
    """The last answer of a letter without the name lines that sign it off with no "Yours
    sincerely" ("…sets out the details." / "Knowledge and Information Access Team" / "Ministry
    of Housing, Communities and Local Government")."""
    end = len(units)
    while end > 1 and name_line(units[end - 1].text):
        end -= 1
    if end < len(units) and units[end - 1].text.rstrip().endswith((".", "!", "?")):
        return units[:end]
    return units


def _answer_text(units: list[Unit]) -> str:
    """The answer's paragraphs joined, up to a closing sentence run into its last one ("…
    /research_database Please note if you are not satisfied with this response…")."""
    return _cut_at_closing(" ".join(u.text for u in units if u.text).strip())


def _cut_at_closing(text: str) -> str:
    at = closing_within(text)
    return text[:at].rstrip() if at else text


class _Found(NamedTuple):
    """A question and its answer as found, before the request item is known."""

    question: Question
    text: str  # the question's text, joined once
    answer: str
    shared: bool
    units: list[Unit]  # the answer's


def _pair(found: _Found, item: int | None) -> Pair:
    question, units = found.question, found.units
    q_source = _span_source(question.units[0].source, question.units[-1].source)
    a_source = _span_source(units[0].source, units[-1].source) if units else Source()
    part_of = (question.stem.text if question.stem is not None else question.units[0].part_of) \
        if question.rule == "question_part" else ""
    return Pair(_question_unquoted(found.text), found.answer, found.shared, item,
                question.section, question.rule, q_source, a_source,
                tuple(u.block for u in units), part_of=part_of)


def _question_unquoted(question: str) -> str:
    """The question without the quotation marks it is quoted in (“How many …?”), where they
    enclose the whole of it and no other double quotation mark stands inside.

    >>> _question_unquoted('“How many staff?”'), _question_unquoted('"The number of fines".')
    ('How many staff?', 'The number of fines.')
    >>> _question_unquoted('“Fines” issued and “warnings” given')
    '“Fines” issued and “warnings” given'
    """
    found = _QUOTED_WHOLE.fullmatch(question)
    return found.group("inner").strip() + found.group("after") if found else question


_QUOTED_WHOLE = re.compile(r"[“\"](?P<inner>[^“”\"]+)[”\"](?P<after>[.?!]?)", re.S)


def _span_source(first: Source, last: Source) -> Source:
    if first.page is not None:
        bbox = first.bbox
        if first.bbox and last.bbox and last.page == first.page:
            bbox = (min(first.bbox[0], last.bbox[0]), first.bbox[1],
                    max(first.bbox[2], last.bbox[2]), last.bbox[3])
        return Source(page=first.page, bbox=bbox)
    return Source(line_start=first.line_start,
                  line_end=last.line_end if last.line_end is not None else first.line_end,
                  paragraph=first.paragraph)
