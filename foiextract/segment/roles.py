"""Give each unit its role in the letter: question, answer text, heading, stem, template, stop.

The role rules run in order and each is named, so a rule can be switched off
and the name of the rule that made a question is kept on the pair.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Callable, Literal

from ..lexicon.guidance import drafting_guidance, public_interest_heading
from ..lexicon.text import PERIOD_FIGURE, RIDER, normalise, part_divider, similarity, words
from .phrases import (OPENING_MARKS, OWN_LEAD_IN, STATES, boilerplate_section, closing,
                      names_what_is_asked, phrases, reads_as_question, reads_as_request_intro,
                      requester_procedure, section_of)
from .units import Unit, keys_named

Role = Literal["question", "text", "heading", "stem", "template", "note", "stop", "table", "label",
               "echo", "request"]

_ANSWERS_TO = re.compile(
    r"^(?:our\s+)?(?:response|answer|reply)s?\s+to\s+(?:questions?|q)\s*\d+", re.I)
_REFERENCE = re.compile(r"^\[\d{1,3}\]")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_TERMINAL = re.compile(r"[.?!:;)\]]$")
# "Question 1", "Question 2a" spelt out as a label (not "Questions 1c and 1d", not "Q1").
_SPELT_OUT_LABEL = re.compile(r"^question\s+\d", re.I)
# What opens an answer given by its question's number ("Question 4 Not held. …", "Question 7
# No. No review has been …"), not the question's own words ("Question 3 - No. of staff …").
_VERDICT_OPENING = re.compile(r"(?:not\s+held|none|nil|n/?a)\b|(?:yes|no)\b(?:[.,;]\s+(?!of\b)|$)",
                              re.I)
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
    # Paragraphs asked between "You asked:" and a labelled answer ("Our response — …"), and
    # the rest of such a request where it lists its items (its preamble, refinements).
    introduced: frozenset[int] = frozenset()
    request_context: frozenset[int] = frozenset()
    # Paragraphs that state the answer in the question's words ("The total number of
    # individuals … is 3723." under "The total number of individuals …"): answers.
    stating: frozenset[int] = frozenset()
    # Plain paragraphs that ask, in a letter where several do, each with its answer under it.
    plain_asks: frozenset[int] = frozenset()
    # The requester's items that finish the sentence leading to them ("Please disclose on how
    # many occasions the team has" over "1) carried out a joint inspection …"): asked.
    led_on: frozenset[int] = frozenset()
    # The requester's bullets that are options, not questions: a run of them most of which
    # do not ask ("• respond to complaints …", "• prepare adaptation programmes …").
    options: frozenset[int] = frozenset()
    # Paragraphs right under an answer's label alone on its line ("Response to Item 2:"): that
    # answer, whatever follows them.
    labelled_below: frozenset[int] = frozenset()
    # The emphasis a letter sets its answers in, under questions set in another ("**How many
    # …?**" over "*1,247*", twice or more): such a paragraph is an answer, however it reads.
    answer_style: tuple[bool, bool] | None = None
    # "Question 7 The council issued 41,380 passes …" under the request set out above with its
    # item 7: a label naming an item already asked, over words that do not ask, is an answer.
    answered_by_number: frozenset[int] = frozenset()
    # The role rules that are on, in order (ROLE_RULES less those disabled).
    rules: tuple[tuple[str, "RoleRule"], ...] = ()


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
    introduced, request_context = _introduced(units)
    return Context(answer_colours=colours, labelled_answers=labelled, disabled=disabled,
                   introduced=introduced, request_context=request_context,
                   stating=_stating(units), plain_asks=_plain_asks(units),
                   led_on=_led_on(units) | _named_after_lead(units), options=_options(units),
                   labelled_below=frozenset(u.index + 1 for u in units
                                            if u.label == "answer" and not u.text),
                   answer_style=_answer_style(units),
                   answered_by_number=_answered_by_number(units, introduced),
                   rules=tuple((n, r) for n, r in ROLE_RULES if n not in disabled))


def _answered_by_number(units: list[Unit], introduced: frozenset[int]) -> frozenset[int]:
    """Answers given by number under the request set out above: question labels ("Question 7
    …") naming an item it asked, whose own words do not ask; and, under the answers' label
    ("Our response"), numbered paragraphs that do not say their item again ("4. The names of
    our caseworkers are their personal data …" under "4. The names of the caseworkers who
    …"). (Units are found by their place in ``units``; what is returned are their indexes.)"""
    place = {u.index: k for k, u in enumerate(units)}
    label = next((k for k, u in enumerate(units) if u.label == "answer"), None)
    # The items asked: those "You asked:" sets out, or numbered above the answers' label.
    listed = sorted(place[i] for i in introduced if i in place) or [
        k for k, u in enumerate(units[:label]) if u.marker[:1].isdigit()
        and len(u.numbers) == 1 and reads_as_question(u.text)]
    asked: dict[int, int] = {}
    for k in listed:
        for n in units[k].numbers:
            asked.setdefault(n, k)
    if not asked:
        return frozenset()
    found = {u.index for k, u in enumerate(units) if u.label == "question" and u.numbers
             and u.text and all(asked.get(n, k) < k for n in u.numbers)
             and not reads_as_question(u.text)}
    if label is not None and label < listed[-1]:
        label = next((k for k in range(listed[-1] + 1, len(units))
                      if units[k].label == "answer"), None)
    if label is not None and len(asked) >= 2:
        # (Each number once under the label: "1." again and again is a list renumbered.)
        told = [u for u in units[label + 1:] if u.marker[:1].isdigit() and len(u.numbers) == 1]
        once = {n for n, c in Counter(u.numbers[0] for u in told).items() if c == 1}
        found.update(u.index for u in told if u.numbers[0] in asked and u.numbers[0] in once
                     and similarity(u.text, units[asked[u.numbers[0]]].text) < _SAID_AGAIN)
    return frozenset(found)


# How alike a numbered paragraph must read to the item of its number to say it again.
_SAID_AGAIN = 0.5


def _answer_style(units: list[Unit]) -> tuple[bool, bool] | None:
    """(bold, italic) of the letter's answers where they are set apart from its questions by
    emphasis alone: two or more paragraphs asking ("…?") in one emphasis, each right over a
    paragraph in another, and never a paragraph of that other emphasis asking."""
    styles = Counter((b.bold, b.italic) for a, b in zip(units, units[1:])
                     if a.emphasised and b.emphasised and (a.bold, a.italic) != (b.bold, b.italic)
                     and a.text.rstrip().endswith("?") and not b.text.rstrip().endswith("?"))
    if not styles:
        return None
    style, n = styles.most_common(1)[0]
    if n < 2 or any((u.bold, u.italic) == style and u.text.rstrip().endswith("?") for u in units):
        return None
    return style


def _plain_asks(units: list[Unit]) -> frozenset[int]:
    """Plain paragraphs that are questions by their words and their "?" alone ("Does the
    Authority use live streaming in any part of its operations?"), where two or more such
    questions, plain or bulleted, stand in the letter each over a paragraph that does not
    ask (two that share a paragraph count as two): the reply restates its questions, some or
    all unmarked (a bullet lost on the first), and answers each beneath it."""
    # An item the letter set out above as asked, said again word for word ("(5) Please provide a
    # list of the addresses …" then "Please provide a list of the addresses …"): asked again.
    set_out = {words(u.text)[0] for u in units if u.numbers and u.marker}
    asking = [u.kind in ("paragraph", "list_item") and not u.label and not u.heading
              and (not u.marker or u.marker == "•")
              and (_ends_asking(u.text) or _over_figures(units, i) or words(u.text)[0] in set_out)
              and len(u.text.split()) >= 4
              and reads_as_question(u.text) for i, u in enumerate(units)]
    asks = []
    after = len(units)  # the first unit after i's run of asking paragraphs (walked backwards)
    for i in range(len(units) - 1, -1, -1):
        if not asking[i]:
            after = i
        elif after < len(units) and units[after].kind != "heading" \
                and not _ends_asking(units[after].text):
            asks.append(i)
    # two questions may share a paragraph ("Can you tell me …? Can you also tell me …?")
    if sum(max(1, len(_ASKED_SENTENCE.findall(units[i].text))) for i in asks) < 2:
        return frozenset()
    return frozenset(i for i in asks if not units[i].marker)


# A sentence ending on its "?" and opening as questions do, one of several in a paragraph.
_ASKED_SENTENCE = re.compile(r"(?:^|(?<=[.?!]\s))\W*(?:can|could|would|will|do|does|did|is|are|"
                             r"was|were|has|have|how|what|which|who|when|where|why|please)\b"
                             r"[^?.!]{3,}\?", re.I)


def _led_on(units: list[Unit]) -> frozenset[int]:
    """The requester's listed items (quoted, two or more marked in a row) under a paragraph
    whose last sentence asks and breaks off for them ("Please disclose on how many occasions
    the health and safety team has" / "1) carried out …" / "2) shared data …"; "I am seeking
    to know:" / "a. If and when the council was informed …"): each item finishes that
    question, however it is worded."""
    found: set[int] = set()
    for k, lead in enumerate(units[:-2]):
        if lead.kind != "quote" or lead.marker or not (lead.text[-1:].isalnum()
                                                       or lead.text.endswith(":")):
            continue
        run: list[Unit] = []
        for unit in units[k + 1:k + 1 + _MAX_LISTED]:
            if unit.kind != "quote" or not unit.marker or run and _family(unit) != _family(run[0]):
                break
            run.append(unit)
        if len(run) < 2:
            continue
        last = _LAST_SENTENCE.split(lead.text)[-1]
        pure = _asks_for_nothing_named(last) or bool(_FOLLOWING.search(last))
        if lead.text[-1:].isalnum():
            # Broken off mid-sentence, the items carry it on ("carried out …").
            carried = run[0].text[:1].islower()
        else:
            # After a colon, items numbered under words that name nothing ("Please provide me
            # the following:") are asked however short ("2. Number and individual cost of
            # placements in for profit settings"); others where each is a sentence of its own
            # ("a. If and when the council was informed …."), not the options of a breakdown
            # ("• A mainstream school", "a. The quality of the water").
            carried = pure and _family(run[0]) != "bullet" or all(
                u.text.rstrip().endswith((".", "?")) and len(u.text.split()) >= 4 for u in run)
        if carried and (pure or reads_as_question(last) or _SEEKING.search(last)):
            found.update(u.index for u in run)
    return frozenset(found)


def _named_after_lead(units: list[Unit]) -> frozenset[int]:
    """The requester's unmarked paragraphs under a lead that names nothing itself ("Pursuant
    to the Freedom of Information Act, I hereby request the following records:" / "An audit
    log of all "Lookup Tool" searches performed …"): each names a record asked for, up to the
    first that does not (the platform's "The requested documents will be made available …")."""
    found: set[int] = set()
    for k, lead in enumerate(units[:-1]):
        if lead.kind != "quote" or lead.marker or not lead.text.endswith(":"):
            continue
        last = _LAST_SENTENCE.split(lead.text)[-1]
        if not (_FOLLOWING.search(last) or _asks_for_nothing_named(last)):
            continue
        for unit in units[k + 1:k + 1 + _MAX_LISTED]:
            if unit.kind != "quote" or unit.marker:
                break
            if _GREETING.match(unit.text):
                continue  # "Hello,"
            if not _NAMES_A_RECORD.match(unit.text) or requester_procedure(unit.text) \
                    or STATES.search(_LAST_SENTENCE.split(unit.text)[0]):
                break
            found.add(unit.index)
    return frozenset(found)


_GREETING = re.compile(r"^(?:hello|hi|dear\b[^,:]{0,40}|good\s+(?:morning|afternoon))\W*$", re.I)
# What names a record: "An audit log of …", "All emails between …", "Copies of …".
_NAMES_A_RECORD = re.compile(
    r"^(?:an?|the|all|any|every|each|copies|(?:a\s+)?(?:copy|list)\s+of|records?|documents?|"
    r"e-?mails?|correspondence|communications?|data|details|information|minutes|reports?|"
    r"contracts?|invoices?|policies|logs?)\b", re.I)


def _options(units: list[Unit]) -> frozenset[int]:
    """The requester's bullets (quoted, three or more in a row) of which fewer than half read
    as questions: a list of options or duties, its odd imperative ("• give advice on access
    design …") asking no more than the rest."""
    found: set[int] = set()
    run: list[Unit] = []
    for unit in [*units, None]:
        if unit is not None and unit.kind == "quote" and unit.marker == "•":
            run.append(unit)
            continue
        if len(run) >= 3 and 2 * sum(1 for u in run if reads_as_question(u.text)) < len(run):
            found.update(u.index for u in run)
        run = []
    return frozenset(found)


def _family(unit: Unit) -> str:
    """The kind of mark a list item has: a bullet, a number, a "Q" number or a letter."""
    mark = unit.marker.strip("().:-").lower()
    return "bullet" if unit.marker == "•" else "number" if mark[:1].isdigit() else \
        "q" if mark.startswith("q") else "letter"


# "I am seeking to know:", "I wish to find out:": the requester's lead on to what they ask.
_SEEKING = re.compile(r"\b(?:i|we)\b.{0,30}\b(?:know|find\s+out|learn|understand|establish|see)"
                      r"\W*$", re.I)
_LAST_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z])")


def _over_figures(units: list[Unit], i: int) -> bool:
    """Stands over two or more lines giving a figure for a period ("2018-19 - 216", "2019-20 -
    203"): what those figures answer ("The number of school pupils who were newly registered
    as EHE each academic year for:")."""
    below = units[i + 1:i + 3]
    return len(below) == 2 and all(PERIOD_FIGURE.match(u.text) for u in below)



def _ends_asking(text: str) -> bool:
    """Ends on its "?", or on the request's short rider after it ("How do you procure
    support? Please indicate all options that apply.")."""
    text = text.rstrip().rstrip("\"'”’")  # '"How many pupils …?"': a question in quotation marks
    if text.endswith("?"):
        return True
    rider = text[text.rfind("?") + 1:].strip() if "?" in text else ""
    return bool(_RIDER.match(rider)) and len(rider.split()) <= 20


_RIDER = re.compile(RIDER, re.I)


def _stating(units: list[Unit]) -> frozenset[int]:
    """The paragraphs that take an earlier paragraph's words and go on to give its figure or
    fact ("The total number of individuals holding … Licences is 3723."): the answer to that
    question in its own words, however it is styled."""
    said: set[str] = set()
    longest = 0  # no earlier paragraph is longer: a verb further in cannot follow its words
    found: set[int] = set()
    for unit in units:
        text = " ".join(unit.text.lower().split())
        if said:
            for m in _STATES_VERB.finditer(text, 0, longest + 40):
                if m.start() >= 20 and text[:m.start()].rstrip(" ,") in said:
                    found.add(unit.index)
                    break
        if len(text) >= 20:
            said.add(text.rstrip(" .?:;"))
            longest = max(longest, len(text))
    return frozenset(found)


_STATES_VERB = re.compile(r"\s(?:is|are|was|were|totals?|stands?\s+at|comes?\s+to|amounts?\s+to)\s+\S")


_MAX_INTRODUCED = 4
# How far a request intro may stand from the labelled answer when the request lists its items.
_MAX_REQUEST_REGION = 40
# How many unmarked items may follow a request's lead-on line.
_MAX_LISTED = 12


def _introduced(units: list[Unit]) -> tuple[frozenset[int], frozenset[int]]:
    """The paragraphs a request intro ("You asked:", "Your request:") sets out, when a
    labelled answer ("Our response — …", "Response") follows them: they are the request,
    however they are worded. Where the request lists its items (numbered, bulleted), the
    items are the questions and the rest (its preamble, later refinements, quoted sources)
    is context, no one's answer: ``(questions, context)``."""
    found: set[int] = set()
    context: set[int] = set()
    for k in [k for k, unit in enumerate(units) if unit.text.rstrip(" -–—").endswith(":")
              or unit.label == "question" and not unit.text or _request_heading(unit)]:
        if k in found or k in context:
            continue
        region = _request_region(units, k)
        if region is None:
            apart = _set_apart(units, k) or _asked_plainly(units, k)
            # Of a request set apart, the paragraphs that ask are its questions; its lead-in
            # ("I would like to know the following."), the context and the requester's terms
            # ("Please do not include club call signs.") are not, where any paragraph asks.
            # An item the request numbers or letters is asked whatever its wording ("b. By
            # the nature of each crime description").
            marked = sum(1 for u in apart if u.marker) >= 2
            asking = [u for u in apart if marked and u.marker or not requester_procedure(u.text)
                      and (reads_as_question(u.text) or _CONDITIONAL.match(u.text)
                           and reads_as_question(_CONDITIONAL.sub("", u.text)))]
            found.update(u.index for u in asking or apart)
            context.update(u.index for u in apart if asking and u not in asking)
            continue
        listed = _listed_items(region)
        closer = units[region[-1].index + 1] if region and region[-1].index + 1 < len(units) \
            else None
        if _request_heading(units[k]) and closer is not None and closer.heading and not any(
                u.emphasised for u in region):
            # "Your Request", the request in plain paragraphs, a "Response" section: its
            # tables' captions say what each answers (``captions``), not this reading.
            continue
        if listed:
            found.update(u.index for u in listed)
            context.update(u.index for u in region if u not in listed)
        elif len(region) <= _MAX_INTRODUCED:
            # "Could you please release to me … the following information regarding …:" leads
            # in to the questions under it, however it asks: context, not a question.
            leading = [u for u in region if not u.marker and _leads_to_what_follows(u.text)]
            if len(leading) == len(region):
                leading = []
            found.update(u.index for u in region if u not in leading)
            context.update(u.index for u in leading)
        else:
            # A longer request with its questions set apart in a style of their own: those
            # are asked; the requester's notes between them and the answer are context.
            styled = [u for u in region if u.emphasised and reads_as_question(u.text)]
            if styled and len(styled) < len(region):
                found.update(u.index for u in styled)
                context.update(u.index for u in region if u not in styled)
    return frozenset(found), frozenset(context)


def _request_heading(unit: Unit) -> bool:
    """A heading that titles the request set out under it ("Your request", "Request")."""
    return (bool(unit.heading) or unit.bold and len(unit.text) < 40) \
        and normalise(unit.text) in _request_headings()


@cache
def _request_headings() -> frozenset[str]:
    return frozenset(phrases()["request_headings"])


def _set_apart(units: list[Unit], k: int) -> list[Unit]:
    """The request a request intro ("You asked for the following information:") sets out in
    a style of its own (italic, bold, quoted), the reply then going on in plain text: the
    request, however it is worded. Nothing where no such style change follows."""
    intro = units[k]
    if not intro.text or len(intro.text) >= 120 or not _plain(intro) or intro.emphasised \
            or not reads_as_request_intro(intro.text):
        return []
    style = _style(units[k + 1]) if k + 1 < len(units) else None
    if style is None or style == ("paragraph", False, False):
        return []
    asked: list[Unit] = []
    for unit in units[k + 1:k + 1 + _MAX_LISTED]:
        if asked and closing(unit.text):
            # "Yours faithfully,": the request signed off, the reply to come; but under the
            # reply's own lead-in ("Our response is as follows:"), the reply signed off.
            return [] if OWN_LEAD_IN.search(intro.text) else asked
        if _style(unit) != style or unit.label or unit.heading:
            break
        asked.append(unit)
    after = units[asked[-1].index + 1] if asked and asked[-1].index + 1 < len(units) else None
    if after is None or _style(after) == style or after.kind == "table" or after.heading:
        return []
    return asked


def _asked_plainly(units: list[Unit], k: int) -> list[Unit]:
    """The request a request intro ("You requested the following information:") sets out in
    plain paragraphs that ask in the requester's words ("Please provide the number of …"), the
    reply then going on in a paragraph that does not ask: those asking paragraphs. Nothing
    where the paragraphs after the intro never stop asking before the letter closes."""
    intro = units[k]
    if not intro.text or len(intro.text) >= 120 or not _plain(intro) or intro.emphasised \
            or OWN_LEAD_IN.search(intro.text) or not reads_as_request_intro(intro.text) \
            or _ASKS_FOR.match(intro.text) or reads_as_question(intro.text) \
            or intro.kind == "quote" or not _TO_THE_REQUESTER.search(intro.text):
        return []  # (the reply's own lead-in sets out its answers; the requester's, "Please
        # could these be broken down as follows:", is itself part of the request)
    asked: list[Unit] = []
    for unit in units[k + 1:k + 1 + _MAX_INTRODUCED]:
        if unit.kind != "paragraph" or unit.marker or not _plain(unit) or unit.heading \
                or unit.emphasised or closing(unit.text) \
                or requester_procedure(unit.text) or not reads_as_question(unit.text):
            break
        asked.append(unit)
    after = units[asked[-1].index + 1] if asked and asked[-1].index + 1 < len(units) else None
    # Sentences each, the request's and the reply's: a list of items typed a paragraph each
    # ("The number of agency staff", "The policy on agency staff") is the lists' readings'.
    if after is None or not _plain(after) or closing(after.text) \
            or reads_as_request_intro(after.text) \
            or not all(u.text.rstrip(" ”\"’'").endswith((".", "?")) for u in [*asked, after]):
        return []
    return asked


# The reply telling the requester what they asked: "You requested …", "Your request was …".
_TO_THE_REQUESTER = re.compile(r"\byour?\b", re.I)
# "If you do not record this information, please provide …": a request on a condition.
_CONDITIONAL = re.compile(r"^(?:if|where|should|in\s+case)\b[^,]{3,120},\s*", re.I)


def _style(unit: Unit) -> tuple[str, bool, bool]:
    kind = "quote" if unit.kind == "quote" else "paragraph"
    return kind, unit.bold, unit.italic


def _request_region(units: list[Unit], k: int) -> list[Unit] | None:
    """The paragraphs from a request intro at ``k`` to the labelled answer after them, or
    None where no such answer closes them (or the intro introduces no request)."""
    intro = units[k]
    # The cheap tests first: most lines ending in ":" open no request. "Question:" standing
    # alone opens one, as does a "Your request" heading.
    labelled_only = False
    if intro.text and not _request_heading(intro):
        if len(intro.text) >= 120 or not _plain(intro):
            return None
        if not reads_as_request_intro(intro.text):
            if not _ASKS_FOR.match(intro.text):
                return None
            # The requester's own lead-in ("I would like to request the following:") sets out
            # a request only over a labelled answer ("Response:"): unlabelled, it may be the
            # request quoted above the reply's own reading of it.
            labelled_only = True
    region: list[Unit] = []
    signed = False  # the requester's own closing lines seen after the items
    signed_end: int | None = None
    for unit in units[k + 1:k + 2 + _MAX_REQUEST_REGION]:
        if signed and signed_end is None and not requester_procedure(unit.text):
            signed_end = len(region)
        if unit.label == "answer" or region and _names_asked(unit, region):
            quoted = quotation(region)
            return region if region and not any(closing(u.text) for u in region
                                                if u.index not in quoted) else None
        if unit.kind == "table" or unit.label or unit.heading and not (
                _sub_intro(unit) or _URL_ONLY.match(unit.text)):
            break
        region.append(unit)
        signed = signed or requester_procedure(unit.text) and _one_list(region)
    if signed_end is None or labelled_only:
        return None
    # No labelled answer: "We would like to receive electronic copies of this information."
    # ended the request the reply repeats, and the reply goes on from there.
    region = region[:signed_end]
    procedure = {u.index for u in region if requester_procedure(u.text)}
    return region if not any(closing(u.text) for u in region if u.index not in procedure) else None


# The requester's own lead-in to what they ask ("I would like to request the following:",
# "Could you please tell me:"), as the reply sets it out over the items and its answer.
_ASKS_FOR = re.compile(r"^(?:(?:specifically|in\s+particular|in\s+detail|namely|therefore|so|"
                       r"and|also|further(?:more)?|additionally|accordingly),?\s+)?"
                       r"(?:please|kindly|(?:could|can|would)\s+you|(?:i|we)\s+(?:would|should)\s+"
                       r"(?:like|be\s+grateful)|(?:i'd|we'd)\s+like|(?:i\s+(?:am\s+)?|we\s+(?:are\s+)?)"
                       r"(?:request|requesting|asking|wish|want))\b[^:.?!]*:\s*$", re.I)
_URL_ONLY = re.compile(r"^\S*(?:https?:|www\.|\.gov\.|\.org|\.com|/)\S*$", re.I)


def _one_list(region: list[Unit]) -> bool:
    """True when the region's list items stand together, two or more (a page's footer link
    aside): a request set out as one list, not questions with answers between them."""
    marked = [k for k, u in enumerate(region) if u.marker or u.kind == "list_item"]
    between = region[marked[0]:marked[-1] + 1] if marked else []
    return len(marked) >= 2 and all(u.marker or u.kind == "list_item" or _URL_ONLY.match(u.text)
                                    for u in between)


def _names_asked(unit: Unit, region: list[Unit]) -> bool:
    """An answer that names an item the region lists ("In relation to Question 1: …" under
    "1. …"): it answers, as a labelled answer does."""
    keys = keys_named(unit.text)[0] if not unit.marker else ()
    marked = [k for k, u in enumerate(region) if u.numbers and u.marker]
    if not keys or len(marked) < 2 or marked[-1] - marked[0] + 1 != len(marked):
        return False  # the request set out as one list, not questions with answers between
    listed = {str(region[k].numbers[0]) for k in marked}
    return any(key.rstrip("abcdefghijklmnopqrstuvwxyz") in listed for key in keys)


_OPENING_QUOTES = ("“", '"', "‘")
_CLOSING_QUOTES = ("”", '"', "’")


def quotation(region: list[Unit]) -> frozenset[int]:
    """The paragraphs of a request quoted in its own words, from one that opens a quotation
    mark to the one that closes it: their closings ("I trust this will not be necessary.")
    are the requester's, not the letter's."""
    if not region or not region[0].raw.startswith(_OPENING_QUOTES):
        return frozenset()
    for end, unit in enumerate(region):
        if unit.raw.rstrip(" .,;").endswith(_CLOSING_QUOTES):
            return frozenset(u.index for u in region[:end + 1])
    return frozenset()


def _sub_intro(unit: Unit) -> bool:
    """ "Specifically, we are requesting:" inside a request: a short line that leads on."""
    return len(unit.text) < 120 and unit.text.endswith(":")


def _listed_items(region: list[Unit]) -> list[Unit]:
    """The first run of two or more list items (enumerated or bulleted) in a request; else the
    paragraphs after its last lead-on line ("Specifically, we are requesting:"), its items
    with their list marks lost."""
    runs: list[list[Unit]] = [[]]
    for unit in region:
        if unit.marker or unit.kind == "list_item":
            runs[-1].append(unit)
        elif _URL_ONLY.match(unit.text):
            continue  # a page's footer link between two items
        elif runs[-1]:
            runs.append([])
    listed = next((run for run in runs if len(run) >= 2), [])
    if listed:
        return listed
    lead = max((k for k, unit in enumerate(region) if _sub_intro(unit)), default=None)
    after = region[lead + 1:] if lead is not None else []
    return after if 2 <= len(after) <= _MAX_LISTED else []


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
    readings = _nested_answers(units, _listed_under_intro(
        units, _quoted_siblings(units, _siblings(units, readings))))
    readings = _group_titles(units, _first_of_numbered(units, _bulleted_siblings(units, readings)))
    readings = _options_asked(units, _numbered_items(units, _over_bulleted_answers(units, readings)))
    return _document_quoted(units, readings)


def _document_quoted(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """Another document the requester copies into their request ("For easy identification, a
    copy of the letter is as follows:" / "-- Letter start --" … "-- Letter end --") is what
    the request is about, not what it asks: its own numbered questions are not the items."""
    out = list(readings)
    start: int | None = None
    for i, unit in enumerate(units):
        if unit.kind != "quote":
            start = None
            continue
        if start is None and _COPY_STARTS.search(unit.text):
            start = i
        elif start is not None and _COPY_ENDS.search(unit.text):
            for k in range(start + 1, i):
                if out[k].role == "question":
                    out[k] = _QUOTED_CONTEXT
            start = None
    return out


# A copy of another document set out in the request: its first line and its last.
_COPY_STARTS = re.compile(
    r"^[\s*=~–—-]*(?:letter|copy|quote|document|e-?mail|message)\s+(?:start|begins?)[\s*=~–—-]*$"
    r"|^[\s*=~–—-]*(?:start|begin(?:ning)?)\s+of\s+(?:the\s+)?(?:letter|copy|quote|document|"
    r"e-?mail|message)[\s*=~–—-]*$", re.I)
_COPY_ENDS = re.compile(
    r"^[\s*=~–—-]*(?:letter|copy|quote|document|e-?mail|message)\s+ends?[\s*=~–—-]*$"
    r"|^[\s*=~–—-]*end\s+of\s+(?:the\s+)?(?:letter|copy|quote|document|e-?mail|message)"
    r"[\s*=~–—-]*$", re.I)
_QUOTED_CONTEXT = Reading("request", "request_context")


def _options_asked(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """A quoted question over lettered items none of which asks ("2) What are the reasons for
    the complaints?" over "a. The quality of the water", "b. The water pressure", … "h.
    Other, please specify") asks itself: the items are the choices it offers, not questions
    of their own, and nothing answers them apart."""
    out = list(readings)
    for i, reading in enumerate(readings):
        if reading is not _STEM or units[i].kind != "quote" \
                or not units[i].text.rstrip().endswith("?"):
            continue
        parts = []
        for k in range(i + 1, len(units)):
            if units[k].kind != "quote" or not _SUB_MARKER.match(units[k].marker or ""):
                break
            parts.append(k)
        if len(parts) >= 2 and all(readings[k].role == "text" for k in parts):
            out[i] = _QUESTIONS["quote"]
    return out


def _numbered_items(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """A reply that asks nothing in its own words but numbers what it answers ("1: Contact
    email for children's placements services …" / "• [email address]" / "2: Contact number
    for …" / "• 0114 273 4567"): items counting 1, 2, 3… each over an answer of its own are
    the request's items, whatever their wording. Only where no paragraph of the reply reads
    as a question, and not in the request quoted."""
    if any(r.role == "question" for r in readings):
        return readings
    numbered = [i for i, u in enumerate(units) if len(u.numbers) == 1 and u.marker[:1].isdigit()
                and u.kind not in ("quote", "table") and readings[i].role == "text"]
    if len(numbered) < 2 or [units[i].numbers[0] for i in numbered] != list(
            range(1, len(numbered) + 1)):
        return readings
    ends = numbered[1:] + [len(units)]
    if not all(i + 1 < end and readings[i + 1].role in ("text", "table")
               and not units[i + 1].numbers for i, end in zip(numbered, ends)):
        return readings  # a list numbered 1, 2, 3 with nothing beneath its items: an answer
    out = list(readings)
    for i in numbered:
        out[i] = _NUMBERED_ITEM
    return out


_NUMBERED_ITEM = Reading("question", "question_numbered_item")


def _first_of_numbered(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """Item 1 worded as a statement ("1. The total spend on temporary accommodation …,
    categorised as follows:") is asked where the next numbered item is item 2 ("2.", "2a)"),
    a question, and nothing between them asks: the numbering says they are the request's."""
    out = list(readings)
    for i, unit in enumerate(units):
        if unit.numbers != (1,) or not unit.marker or readings[i].role != "text" \
                or unit.kind == "table" or len(unit.text.split()) < 5:
            continue
        for k in range(i + 1, min(len(units), i + _MAX_FIRST_ANSWER)):
            numbered = bool(units[k].marker) and units[k].marker != "•" and units[k].numbers
            if readings[k].role == "question" or numbered:
                # Item 2 in any style of the same count ("2.", "2a)"), asking.
                if units[k].numbers[:1] == (2,) and readings[k].role == "question" and \
                        units[k].marker[:1].isdigit() == unit.marker[:1].isdigit():
                    out[i] = Reading("question", "question_sibling")
                break
    return out


# How far item 2 may stand below item 1 (item 1's answer, its sub-items, between them).
_MAX_FIRST_ANSWER = 40


def _bulleted_siblings(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """A bulleted item worded as a statement ("• Actual spend on this framework from the start
    of the contract") is asked where two or more bulleted questions of its level each stand
    over a plain answer, and it does the same: it stands over a plain paragraph, after an
    answer or the opening (not under a question, not after a bullet of its own list)."""
    def over_answer(i: int) -> bool:
        return i + 1 < len(units) and units[i + 1].kind == "paragraph" \
            and readings[i + 1].role == "text"

    def bullet(i: int) -> bool:
        return units[i].kind == "list_item" and units[i].marker == "•"

    asked = [i for i in range(len(units)) if bullet(i) and readings[i].role == "question"
             and over_answer(i)]
    levels = {units[i].block.level for i in asked}
    out = list(readings)
    for level in levels:
        if sum(1 for i in asked if units[i].block.level == level) < 2:
            continue
        for i in range(1, len(units)):
            if (bullet(i) and units[i].block.level == level and readings[i].role == "text"
                    and over_answer(i) and not bullet(i - 1)
                    and readings[i - 1].role not in ("question", "stem")
                    and not _leads_list(units[i].text)):
                out[i] = _BULLETED
    return out


_BULLETED = Reading("question", "question_sibling")


def _over_bulleted_answers(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """A plain paragraph that asks ("Could you also tell me … how much was spent on appeals.")
    is a question where the reply answers in bullets: two or more questions each stand over a
    bulleted answer ("3. How many weeks …?" / "• The draft is sent …"), and this paragraph,
    after such an answer, stands over one too. A paragraph that does not read as asking
    ("Amount spent 2022/23 - £169,410.90") stays the answer's."""
    def bullet(i: int) -> bool:
        return 0 <= i < len(units) and units[i].kind == "list_item" and units[i].marker == "•" \
            and readings[i].role == "text"

    asking = sum(1 for i, r in enumerate(readings) if r.role == "question" and bullet(i + 1)
                 and units[i].marker != "•")
    if asking < 2:
        return readings
    out = list(readings)
    for i in range(1, len(units) - 1):
        unit = units[i]
        if (readings[i].role == "text" and unit.kind == "paragraph" and not unit.marker
                and not unit.label and bullet(i - 1) and bullet(i + 1)
                and reads_as_question(unit.text)):
            out[i] = _BULLETED
    return out


def _group_titles(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """Short plain titles that each stand over a question, after an answer or the letter's
    opening ("Staffing" / "How many library staff …?"), where two or more do: the letter
    groups its questions under headings, and a title ends the answer above it. A line right
    under a question is its answer ("Capita"), never a title."""
    titles = [i for i in range(1, len(units) - 1)
              if readings[i].role == "text" and readings[i + 1].role == "question"
              and readings[i - 1].role not in ("question", "stem") and _title_line(units[i])]
    if len(titles) < 2:
        return readings
    out = list(readings)
    for i in titles:
        out[i] = Reading("heading", "group_title", section=section_of(units[i].text))
    return out


def _title_line(unit: Unit) -> bool:
    text = unit.text.strip()
    return (unit.kind == "paragraph" and not unit.marker and not unit.label
            and bool(_TITLE.fullmatch(text)) and len(text.split()) <= 5
            and not ANSWER_WORDS.match(text))


_TITLE = re.compile(r"[A-Z][A-Za-z’'&/ -]{2,48}")
# The first words of short answers and notes, which a title never opens with.
ANSWER_WORDS = re.compile(r"(?:yes|no|none|nil|not|n/a|see|please|attached|unknown|we|our|all|"
                           r"nothing|zero|refer|enclosed|as\s+above|information)\b", re.I)


def _nested_answers(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """The items of one list whose answers stand nested beneath them are asked, however
    they are worded: "• Number of applications for a new licence" over "o 2", "• Price
    charged" over a plain line giving it, "1. Violation notice dates." over "a. For impound
    request records … citation creation date is provided.". It takes three such items with a
    nested list under them, as many as the list's other items in their span, for the list to
    be the request's; an item that ends ":" or "–" leads its list in ("• New clubs created:").
    An item over plain paragraphs that run to the list's next item counts as one too ("•
    Number of applications refused" / "None" / "• …"): item and answer take turns, unless the
    item is an entry of a question's answer (from the one right under a question on), is
    worded as an answer ("• We have had no closures …") or leaves a bracket open.
    A list is one level of one family of markers: bullets, or numbers and letters.

    An item read as a heading (a short line) or as the stem of sub-questions is asked too,
    where nothing nested beneath it asks in so many words (a "?", an interrogative, a
    "please"): its sub-items are then what answers it, not its parts."""
    out = list(readings)
    levels = [u.block.level if u.kind == "list_item" else 0 for u in units]
    lists = [(lv, units[i].marker == "•") if lv else None for i, lv in enumerate(levels)]
    for key in sorted({k for k in lists if k}):
        level = key[0]
        items = [i for i, k in enumerate(lists) if k == key]
        # The items that give a question's answer: from the one right under a question up to
        # the list's next question.
        entries: set[int] = set()
        answering = False
        for i in items:
            if i > 0 and out[i - 1].role in ("question", "stem"):
                answering = True
            elif out[i].role == "question":
                answering = False
            if answering:
                entries.add(i)

        def answered_plainly(i: int) -> bool:
            # a plain paragraph under the item, then the list's next item, a heading or the
            # letter's close: item and answer take turns ("• Number of applications refused" /
            # "None");
            # not an entry of a question's answer, nor an item worded as an answer ("• We
            # have had no closures …"), nor one whose bracket the line under it closes
            text = units[i].text
            if i == 0 or i in entries or ANSWER_WORDS.match(text) \
                    or text.count("(") != text.count(")"):
                return False
            k = i + 1
            while k < len(units) and units[k].kind == "paragraph" and out[k].role == "text" \
                    and not units[k].marker and not units[k].label:
                k += 1
            return k > i + 1 and (k == len(units) or lists[k] == key
                                  or out[k].role in ("stop", "heading"))

        parents = [i for i in items if i + 1 < len(units)
                   and (levels[i + 1] > level or answered_plainly(i))
                   and not _leads_list(units[i].text)]
        if len(parents) < 3:
            continue
        first = items[0]
        if first > 0 and not any(levels[i + 1] > level for i in parents) and (
                out[first - 1].role in ("question", "stem")
                or units[first - 1].text.rstrip().endswith(("?", ":"))):
            continue  # a list beneath a question, each entry explained, answers it
        # The span runs on past the last parent while the list's items are answered beneath.
        last = parents[-1]
        for i in items:
            if i > last:
                if any(out[k].role == "stop" for k in range(last, i)):
                    break
                last = i
        span = [i for i in items if parents[0] <= i <= last]
        if 2 * len(parents) < len(span) - len([i for i in span if out[i].role == "question"]):
            continue
        for i in span:
            below = i + 1 < len(units) and (levels[i + 1] > level or (
                units[i + 1].kind == "paragraph" and out[i + 1].role == "text"))
            if not below or _leads_list(units[i].text):
                continue
            if out[i].role == "text":
                out[i] = _NESTED
            elif out[i].role in ("heading", "stem") and units[i].kind == "list_item":
                nested = _nested_under(levels, i)
                if nested and not any(reads_as_question(units[k].text, strict=True)
                                      for k in nested):
                    out[i] = _NESTED
                    for k in nested:
                        if out[k].role == "question":
                            out[k] = _TEXT
    return out


def _nested_under(levels: list[int], i: int) -> list[int]:
    """The units nested beneath list item ``i`` (deeper items, up to the next of its level)."""
    nested = []
    for k in range(i + 1, len(levels)):
        if levels[k] <= levels[i]:
            break
        nested.append(k)
    return nested


def _leads_list(text: str) -> bool:
    return text.rstrip().endswith((":", "–", "-", "—")) and "?" not in text


_NESTED = Reading("question", "question_nested")


def _quoted_siblings(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """The numbered items of a quoted request ("1) The list of local authorities …", "2) The
    reasons for each request …?") are its questions together, however each is worded, where
    one of them asks and most are worded out as sentences, or where most of them ask (a list of
    short field names, "(a) Address", "(b) Licence holder", is what one request asks for,
    though a field or two reads as asking): a run of quoted paragraphs numbered on by one; so
    too a run set apart in a style of its own ("a. For each year", "b. By the nature of each
    crime", "c. What the crime outcome was …", all in italic)."""
    out = list(readings)
    k = 0
    while k < len(units):
        run = [k]
        while (run[-1] + 1 < len(units) and _set_apart_alike(units[run[-1]], units[run[-1] + 1])
               and units[run[-1]].numbers
               and units[run[-1] + 1].numbers[:1] == (units[run[-1]].numbers[0] + 1,)):
            run.append(run[-1] + 1)
        asked = sum(1 for i in run if out[i].role == "question")
        if len(run) >= 3 and (asked * 2 >= len(run) or asked and _worded_out(units, run)):
            for i in run:
                if out[i].role == "text":
                    out[i] = Reading("question", "question_sibling")
            before = run[0] - 1
            if (before >= 0 and not units[before].numbers and _style(units[before]) == _style(
                    units[run[0]]) and units[before].text.rstrip().endswith(":")
                    and out[before].role in ("question", "text")):
                out[before] = _LEAD_IN  # "Please provide for 2016/17 to 2018/19 …:" leads in
        k = run[-1] + 1
    return _quoted_bullets(units, out)


def _worded_out(units: list[Unit], run: list[int]) -> bool:
    """The items are sentences, not the names of fields ("(b) Licence holder's name", "(c)
    Number of bedrooms" list what one request asks for): most run to eight words or more."""
    return 2 * sum(1 for i in run if len(units[i].text.split()) >= _SENTENCE_WORDS) > len(run)


_SENTENCE_WORDS = 8


def _quoted_bullets(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """The bulleted items of a quoted request are its questions together where most of them
    ask ("- The number of data breaches …", "- How many people were affected …", "- What type
    of data breach each one was."): an indirect question worded as a statement is an item of
    the list too. Not a list none or few of whose items ask ("It includes: - Malware attack -
    Phishing attack"), nor an item that leads on (":") or says how to answer."""
    out = list(readings)
    k = 0
    while k < len(units):
        run = [k]
        while (run[-1] + 1 < len(units) and _quoted_bullet(units[run[0]])
               and _quoted_bullet(units[run[-1] + 1])
               and units[run[-1] + 1].marker == units[run[0]].marker
               and units[run[-1] + 1].block.level == units[run[0]].block.level):
            run.append(run[-1] + 1)
        asked = sum(1 for i in run if out[i].role == "question")
        if asked >= 2 and asked * 2 >= len(run):
            for i in run:
                text = units[i].text.rstrip()
                if out[i] is _TEXT and len(text.split()) >= 4 and not text.endswith(":") \
                        and not requester_procedure(text):
                    out[i] = Reading("question", "question_sibling")
        k = run[-1] + 1
    return out


def _listed_under_intro(units: list[Unit], readings: list[Reading]) -> list[Reading]:
    """The items a request intro sets out ("…requesting the following information:" over "a)
    the number of taxi licences issued in 2023;", "b) the number revoked; and", "c) the fee
    charged for a new licence.") are asked together where most of them ask: an item worded
    as a plain noun phrase is one of them too. The items: marked alike and numbered (or
    lettered) on by one, straight under the intro; the answers lettered again below are not."""
    out = list(readings)
    for k, intro in enumerate(units[:-2]):
        text = intro.text.rstrip()
        if intro.marker or intro.label or not text.endswith(":") or len(text) >= 300 \
                or OWN_LEAD_IN.search(text) or not reads_as_request_intro(text):
            continue  # (the reply's own intro sets out what may be answers)
        run: list[int] = []
        for i in range(k + 1, min(len(units), k + 1 + _MAX_LISTED)):
            item = units[i]
            if not item.marker or item.label or item.kind == "table" or run and not _next_item(
                    units[run[-1]], item):
                break
            run.append(i)
        asked = sum(1 for i in run if out[i].role == "question")
        if asked < 2 or asked * 2 <= len(run):
            continue
        for i in run:
            said = units[i].text.rstrip()
            if out[i].role == "text" and len(said.split()) >= 3 and not said.endswith(":") \
                    and not requester_procedure(said):
                out[i] = Reading("question", "question_sibling")
    return out


def _next_item(unit: Unit, after: Unit) -> bool:
    """``after`` is the list item after ``unit``: the same family of mark, numbered on by one
    (a bullet the same bullet), at the same level."""
    if _family(after) != _family(unit) or after.block.level != unit.block.level:
        return False
    if _family(unit) == "bullet":
        return after.marker == unit.marker
    return bool(unit.numbers) and after.numbers[:1] == (unit.numbers[0] + 1,)


def _quoted_bullet(unit: Unit) -> bool:
    return unit.kind == "quote" and bool(unit.marker) and not unit.numbers


def _set_apart_alike(unit: Unit, after: Unit) -> bool:
    """Both quoted, or both marked items in one emphasis (not plain text)."""
    if unit.kind == "quote" or after.kind == "quote":
        return unit.kind == after.kind == "quote"
    return (bool(unit.marker) and bool(after.marker) and unit.emphasised and not unit.label
            and not after.label and _style(unit) == _style(after))


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
              and not (before.text and before.text.rstrip().endswith("?"))
              and unit.label != "answer" and (reads_as_question(unit.text)
                                              or unit.kind == "quote" and "?" in unit.text)
              and not _GIVES_FIGURE.search(unit.text)):
            # (Not "Number of main applicants …: 28.": a figure given is the answer. In the
            # request quoted, "REQUEST 4" over a paragraph that asks in its course is asked.)
            out[i] = Reading("question", "question_label")
        elif (out[i].role == "heading" and unit.numbers and not unit.heading
              and out[i - 1].role == out[i + 1].role == "text"
              and before.numbers[:1] == (unit.numbers[0] - 1,)
              and after.numbers[:1] == (unit.numbers[0] + 1,)):
            out[i] = _TEXT  # "2. A slide pack …" set bold between items 1 and 3: an item
        elif (out[i].role in ("text", "question") and out[i + 1].role == "question"
              and not unit.marker and _GROUP_LEAD_IN.match(
                unit.text) and not unit.label):
            # "Please can you confirm the following information regarding the gas contracts:"
            # before the next questions: it leads them in, and ends the answer above; so does
            # the group's title over it ("- Gas Contracts").
            out[i] = _LEAD_IN
            if out[i - 1].role == "text" and _GROUP_TITLE.match(before.text) and (
                    before.kind == "list_item" or before.marker):
                out[i - 1] = Reading("heading", "group_heading", section=section_of(before.text))
    return out


_GIVES_FIGURE = re.compile(r"[:=]\s*[£$€]?\d")
_GROUP_LEAD_IN = re.compile(r"^(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?"
                            r"(?:confirm|provide|answer|advise|tell\s+me)\b[^?]{0,40}\bthe\s+"
                            r"following\b[^?]{0,100}[:?]\s*$", re.I)
_GROUP_TITLE = re.compile(r"^[^.:;?!]{2,60}$")


def _read(unit: Unit, i: int, units: list[Unit], ctx: Context) -> Reading:
    nxt = units[i + 1] if i + 1 < len(units) else None
    for name, rule in ctx.rules:
        reading = rule(unit, nxt, ctx)
        if reading is not None:
            return reading
    return _TEXT


# The role rules, in the order they are tried: the first that gives a reading decides. Each
# is named (the name is kept on the pair as its ``rule``, or names the family of rules it
# gives), and ``segment(document, disabled={name, …})`` switches it off.
RoleRule = Callable[[Unit, "Unit | None", Context], "Reading | None"]
_ECHO = Reading("echo", "restated_request")
_RESTATED = Reading("question", "question_restated")
_PART = Reading("question", "question_part")
_TABLE = Reading("table", "table")
_QUESTION_LABEL = Reading("label", "question_label")
_BARE_ENUMERATOR = Reading("label", "bare_enumerator")
_ANSWER_LABEL = Reading("label", "answer_label")
_TEMPLATE = Reading("template", "drafting_guidance")
_LINK = Reading("text", "link")
_ANSWERS_TO_LABEL = Reading("label", "answers_to_questions")
_NOTE = Reading("note", "editorial_note")
_LABELLED_ANSWER = Reading("text", "answer_label")
_INTRODUCED = Reading("question", "question_intro")
_STEM = Reading("stem", "sub_question_stem")
_REQUEST_CONTEXT = Reading("request", "request_context")
_LEAD_IN = Reading("request", "request_lead_in")
_CLOSING = Reading("stop", "closing")


def _restated_echo(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _ECHO if unit.restated == "echo" else None


def _restated_question(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    if unit.restated == "part":
        return _PART
    return _RESTATED if unit.restated == "question" and not _stem(unit, nxt) else None


def _table(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _TABLE if unit.kind == "table" else None


def _bare_label(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    """A label or an enumerator standing alone: "Question 1", "2.", "Answer:"."""
    if unit.text:
        return None
    if unit.label == "question":
        return _QUESTION_LABEL
    if unit.numbers:
        return _BARE_ENUMERATOR
    return _ANSWER_LABEL if unit.label == "answer" else None


def _drafting_guidance(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _TEMPLATE if _template(unit) else None


def _link(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _LINK if _URL.fullmatch(unit.text) else None


def _answers_to_questions(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    """ "Our response to questions 3 and 4" set as a heading: the answers follow."""
    return _ANSWERS_TO_LABEL if (unit.heading or unit.bold) and _ANSWERS_TO.match(unit.text) \
        else None


def _editorial_note(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _NOTE if unit.italic and unit.text.startswith("(") and unit.text.endswith(")") \
        else None


def _labelled_answer(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _LABELLED_ANSWER if unit.label == "answer" else None


def _question_intro(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _INTRODUCED if unit.index in ctx.introduced else None


def _request_context(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _REQUEST_CONTEXT if unit.index in ctx.request_context else None


def _sub_question_stem(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _STEM if _stem(unit, nxt) else None


def _request_lead_in(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    if nxt is not None and nxt.index in ctx.led_on and not unit.marker \
            and unit.text.endswith(":"):
        return _LEAD_IN  # "…can the council please provide it? I am seeking to know:"
    if nxt is not None and nxt.index in ctx.options and _names_its_list(unit.text):
        return None  # "…provide me with your list of all … data, including the following fields:"
    return _LEAD_IN if _lead_in(unit, nxt) else None


def _names_its_list(text: str) -> bool:
    """A lead over options that asks for something it names, the options only saying what it
    is to hold ("… could you please provide me with your complete list of all business
    property rates data, including the following fields:")."""
    last = _LAST_SENTENCE.split(text.strip())[-1]
    return reads_as_question(last) and not _asks_for_nothing_named(last) \
        and not _FOLLOWING.search(last) and bool(_INCLUDING.search(last))


# "…, including the following fields:", "…, to include:": what the thing asked for is to hold.
_INCLUDING = re.compile(r"\b(?:including|to\s+include|which\s+includes?|with)\b[^.?!]{0,40}:\s*$",
                        re.I)


def _question(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    """A paragraph that reads as a question where something marks it: a label, a heading, a
    quote, emphasis, an enumerator, a following answer label, or the answers' colour. Each
    mark is a rule of its own name (``question_emphasis``…)."""
    if unit.index in ctx.stating or unit.index in ctx.answered_by_number:
        return None  # the question's words with its answer, or an answer by number
    if unit.index in ctx.led_on and "question_led_on" not in ctx.disabled:
        return _LED_ON
    if unit.index in ctx.options:
        return None
    cue = _question_cue(unit, nxt, ctx)
    if cue == "label" and (ctx.labelled_answers or _SPELT_OUT_LABEL.match(unit.marker)
                           and unit.text.lstrip(OPENING_MARKS)[:1].isupper()
                           and not _VERDICT_OPENING.match(unit.text)) \
            and "question_label" not in ctx.disabled:
        # Where answers are labelled, so are questions, however worded; and "Question 1 - …"
        # spelt out is a question whatever its wording ("REQUEST FOR DOCUMENTS …", or the
        # request quoted: 'Question 1 - "The list of polling stations …"').
        return _QUESTIONS[cue]
    if cue in ("quote", "emphasis") and requester_procedure(unit.text):
        return None  # the requester's own words on how to answer, set apart: no question
    # "Q15: The dates … are withheld" is an answer given by number, not a question; "Q1. The
    # total number of road works carried out …" names what is asked.
    strict = cue in ("label", "numbered") and unit.marker.lower().startswith("q") \
        and not unit.marker.lower().startswith("question")
    if cue and "question_" + cue not in ctx.disabled and (
            reads_as_question(unit.text, strict=strict)
            or strict and names_what_is_asked(unit.text)):
        return _QUESTIONS[cue]
    if cue == "quote" and "question_quote" not in ctx.disabled and _CONDITIONAL.match(unit.text) \
            and not requester_procedure(unit.text) and not closing(unit.text) \
            and reads_as_question(_CONDITIONAL.sub("", unit.text)):
        return _QUESTIONS[cue]  # "If an employee is responsible for the above, please clarify …"
    return None


def _heading(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    if unit.heading or (unit.bold and _short_heading(unit.text)
                        and not _BARE_VALUE.match(unit.text)):
        return Reading("heading", "heading", section=section_of(unit.text),
                       public_interest=public_interest_heading(unit.text))
    return None


# A figure, a sum or a word answering alone ("£486,000", "17", "No", "N/A"): set in bold, an
# answer (on a line of its own where its question filled the line above), never a heading. (A
# year alone, "2019", may head the figures for it.)
_BARE_VALUE = re.compile(r"^(?!(?:19|20)\d\d\b)(?:[<>]?\s*[£$€]?\d[\d,.]*(?:\s?(?:m|k|bn|%))?"
                         r"|yes|no|none|nil|zero|n/?a)\.?$", re.IGNORECASE)


def _plain_heading(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    if _plain_section_heading(unit.text):
        return Reading("heading", "plain_section_heading", section=section_of(unit.text))
    if not unit.marker and part_divider(unit.text):
        return _ORDINAL_HEADING  # "Second request": what follows answers another request
    return None


_ORDINAL_HEADING = Reading("heading", "part_divider")


def _closing(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    return _CLOSING if closing(unit.text) else None


def _titled_question(unit: Unit, nxt: Unit | None, ctx: Context) -> Reading | None:
    """ "1. Playground Closures: The number of playgrounds closed.": a titled item, asked;
    so is the label of "Number of agency social workers: 31"."""
    if unit.labelled_value:
        return _LABELLED_VALUE
    return _TITLED if unit.titled else None


_LABELLED_VALUE = Reading("question", "question_labelled_value")


_TITLED = Reading("question", "question_titled")
_LED_ON = Reading("question", "question_led_on")

ROLE_RULES: tuple[tuple[str, RoleRule], ...] = (
    ("restated_request", _restated_echo),
    ("question_restated", _restated_question),
    ("question_titled", _titled_question),
    ("table", _table),
    ("bare_label", _bare_label),
    ("drafting_guidance", _drafting_guidance),
    ("request_context", _request_context),
    ("link", _link),
    ("answers_to_questions", _answers_to_questions),
    ("editorial_note", _editorial_note),
    ("answer_label", _labelled_answer),
    ("question_intro", _question_intro),
    ("sub_question_stem", _sub_question_stem),
    ("request_lead_in", _request_lead_in),
    ("question", _question),
    ("heading", _heading),
    ("plain_section_heading", _plain_heading),
    ("closing", _closing),
)
_QUESTIONS = {cue: Reading("question", "question_" + cue)
              for cue in ("label", "heading", "quote", "emphasis", "numbered",
                          "before_answer_label", "colour", "plain")}


_TEXT = Reading("text", "text")  # most paragraphs: one reading shared (readings never change)


def _stem(unit: Unit, nxt: Unit | None) -> bool:
    """A lead-in such as "2. In 2020/21:" over sub-questions "(i) …", "(ii) …".

    The next question carries a sub-enumerator, or starts the numbering again
    under a numbered lead-in ("1. The total number of crimes…:" then "1. By…").
    """
    if nxt is not None and nxt.restated == "part":
        return unit.restated == "question"  # "1. How many…?" over "• 2022 - 5", "• 2023 - 65"
    if nxt is not None and nxt.restated == "question" and _SUB_MARKER.match(nxt.marker or ""):
        return unit.restated == "question" and not _SUB_MARKER.match(unit.marker or "")
    if (nxt is not None and unit.numbers and (unit.marker[:1].isdigit() or unit.label == "question"
                                              and not reads_as_question(unit.text))
            and nxt.marker[:1] in "(abi"
            and _SUB_MARKER.match(nxt.marker) and nxt.numbers == (1,)
            and (nxt.bold, nxt.italic) == (unit.bold, unit.italic)
            and (reads_as_question(unit.text) or reads_as_question(nxt.text))):
        # "4.) Have you had incidents of the following?" over "a.) …", "b.) …": a numbered
        # question whose own sub-items start at once is their stem, however it ends; so is a
        # numbered topic over parts that ask ("1. Advice delivered in-house" over "a. What is
        # the total amount spent per year?"; "Question 1: Recruitment agents" over "(a) How
        # many …?").
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
    if unit.kind == "quote" and nxt is not None and nxt.kind == "quote" and not unit.marker \
            and _asks_for_nothing_named(unit.text):
        # "Please can you tell me:", "I would like to know:", "I request the above information
        # below.": the requester's words leading to the items, naming nothing themselves.
        return True
    if nxt is None or not nxt.marker or unit.marker or unit.label or unit.kind == "table":
        return False
    text = unit.text.rstrip(" -–—")
    # (or a stop for its colon: "I would like to request the following information under the
    # Freedom of Information Act 2000 regarding agency nursing staff." over "1) …")
    if not (text.endswith(":") or text.endswith(".") and _THE_FOLLOWING.search(text)) \
            or len(text) >= 300:
        return False
    # In the requester's own message, whatever names "the following" leads in ("Please provide
    # the following data regarding children for whom …:"); in a reply, only the requester's
    # words quoted ("I would like to request the following:").
    return bool(_FOLLOWING.search(text)) and len(text) < 200 \
        or unit.kind == "quote" and bool(_THE_FOLLOWING.search(text))


_THE_FOLLOWING = re.compile(r"\bthe\s+following\b", re.I)


def _leads_to_what_follows(text: str) -> bool:
    """A paragraph ending ":" that asks for "the following …": a lead-in."""
    return text.rstrip(" -–—").endswith(":") and _THE_FOLLOWING.search(text) is not None


def _asks_for_nothing_named(text: str) -> bool:
    """True when a line asks in words that name nothing asked for: "Please can you tell me:",
    "Could you provide the following information:", "I request the above information below."
    (only such words, ending ":" or "."; "I would like to know the cost:" names the cost)."""
    text = text.strip()
    if not text.endswith((":", ".")) or len(text) > 120:
        return False
    said = re.findall(r"[a-z']+", text.lower())
    return bool(said) and all(word in _LEAD_IN_WORDS for word in said)


# The words a request's lead-in is made of, naming nothing asked for.
_LEAD_IN_WORDS = frozenset("""
please kindly can could would will you i we i'd we'd like to know tell me us let provide supply
send give confirm advise answer request requesting ask asking am are is the following
information details data with also questions question for these this below above as follows
under act freedom of foi in relation respect regarding my our further some
""".split())


_LINK_AT_END = re.compile(r"\[\d{1,3}\]$")
# A paragraph wholly in square brackets: the drafter's note, however it is worded.
_BRACKETED = re.compile(r"\s*\[[^\]]*\]\s*", re.S)


def _template(unit: Unit) -> bool:
    text = unit.text
    if _REFERENCE.match(text):
        return False  # "[2]": a link reference left by an email or web export
    if "[" in text and "[insert" in text.lower():
        return True
    if text.rstrip().endswith("?") and not _BRACKETED.fullmatch(text):
        return False  # "What training do you need to complete …?", "[1] Must you …?": asked
    # Cheap tests first: the guidance reading runs only on italic or bracketed paragraphs.
    # (A closing "[3]" is a link's reference, not a bracketed note.)
    bracketed = text.startswith("[") or text.endswith("]") and not _LINK_AT_END.search(text)
    return (unit.italic or bracketed) and drafting_guidance(text)


def _question_cue(unit: Unit, nxt: Unit | None, ctx: Context) -> str:
    """Why a question-like unit stands as a question, or "" if nothing marks it."""
    if unit.label == "question":
        return "label"
    if unit.heading:
        return "heading"
    if unit.kind == "quote":
        return "quote"
    if unit.emphasised and not unit.colors & ctx.answer_colours \
            and (unit.bold, unit.italic) != ctx.answer_style:
        return "emphasis"
    if unit.marker == "•":
        # A bullet is as often an answer's item as a question: only a question mark tells.
        return "numbered" if unit.text.rstrip().endswith("?") else ""
    if unit.marker or unit.kind == "list_item":
        return "numbered"
    if nxt is not None and nxt.label == "answer" and unit.index not in ctx.labelled_below:
        return "before_answer_label"
    if ctx.answer_colours and not unit.colors:
        return "colour"
    if unit.index in ctx.plain_asks:
        return "plain"
    return ""


def _short_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 12 and not text.endswith((".", ",", ";")) or len(words) <= 4


def _plain_section_heading(text: str) -> bool:
    """A short unstyled line naming a boilerplate section ("Internal review", "Re-use")."""
    if not text[:1].isupper() or text.endswith((".", ",", ";", "?")) or len(text) > 120:
        return False  # the cheap tests first (section_of reads no line over 120 characters)
    if text.endswith(":") and len(text.split()) > 4:
        return False  # "The first data protection principle states:" leads on, names nothing
    return len(text.split()) <= 8 and boilerplate_section(section_of(text))


def continues(first: Unit, second: Unit) -> bool:
    """True when a question runs on from one emphasised paragraph into the next."""
    same_style = second.bold == first.bold and second.italic == first.italic
    if same_style and _URL.fullmatch(second.text):
        return True  # "…as detailed here:" then the link on a line of its own
    return (not _TERMINAL.search(first.text) and not second.marker and not second.label
            and same_style)
