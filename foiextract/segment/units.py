"""Units: the paragraphs the segmenter reasons about, with labels and enumerators read off.

A block becomes one unit, or several where a hard line break separates text
of different styles (``<strong>Question</strong><br>Response: …``) or a new
label starts a line. Each unit knows its enumerator (``1.``, ``Q3-Q5``,
``(ii)``), its label (``question`` or ``answer``) and its emphasis.

>>> from foiextract.model import Block, Span
>>> [u.text for u in units_of((Block("paragraph", (Span("Q1. How many?", bold=True),)),))]
['How many?']
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Literal

from ..lexicon.text import (COUNTS, FOLLOW_UP, NAMES_ITEM_BY_PLACE, NAMES_ITEMS, ORDINALS, RIDER,
                             name_line, opens_asking)
from .phrases import ASKED_AS_FOLLOWS, OWN_LEAD_IN, reads_as_question, signs_off
from ..model import Block, Cell, Source, Span, spans_text

Label = Literal["question", "answer", ""]

_WS = re.compile(r"\s+")
_ROMAN = r"(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)"
# "Question 3:", "Q3.", "Q3-Q5:", "Q16 – Q18", "Request 2", "Part 1)" (the word, then numbers)
_LABEL_HEAD = (r"^(?P<word>questions?|q|requests?|items?|parts?|points?|bullet(?:\s+points?)?|"
               r"bullets)(?:\s+nos?\.?)?"
               r"\s*(?P<n>\d{1,3}[a-z]?)")
_LABEL_END = r"\s*(?:[:.)–—-]\s*|\s+(?=\S)(?!\d{4}\b)|$)"
_WORD_LABEL = re.compile(
    _LABEL_HEAD + r"(?:\s*(?P<j>-|–|—|to|and|&)\s*(?:q(?:uestion)?\s*)?(?P<m>\d{1,3}))?"
    + _LABEL_END,
    re.IGNORECASE,
)
# The same label of one item, no range after it (its groups as _WORD_LABEL's).
_WORD_LABEL_ALONE = re.compile(_LABEL_HEAD + r"(?P<j>)(?P<m>)" + _LABEL_END, re.IGNORECASE)
# A sentence going on from the items it names ("Item 3 is granted.", "Parts 2 and 3 of …").
_NAMING_GOES_ON = re.compile(r"(?:is|are|was|were|has|have|had|asks?|asked|seeks?|sought|of|"
                             r"in|cannot|can|will|would)\b")
# One item's label, a spaced dash, then a bare figure ("Q1 – 214", "Question 3 - 71.3%"): the
# item's answer after its label, not a range of items (that is "Q3-5", "Q3 – Q5", "Questions
# 3 - 5").
_ANSWERED_ON_DASH = re.compile(
    r"^(?:question|q|request|item|part)(?:\s+no\.?)?\s*\d{1,3}\s+[–—-]\s+\d", re.IGNORECASE)
# "1.", "1)", "(1)", "1:", "a)", "(a)", "a.", "(iv)", "iv)" at the start of a line
_ENUMERATOR = re.compile(
    rf"^(?:\((?P<p>\d{{1,3}}|[a-z]|{_ROMAN})\)|(?P<n>\d{{1,3}})(?:\.\)|[.):])"
    rf"|(?P<l>[a-z]|{_ROMAN})(?:\.\)|[.)]))\s+"
    r"|^(?P<t>\d{1,3})[.)](?=[A-Z][a-z])",  # "2.The protocol": a typed item with no space
    re.IGNORECASE,
)
# "1-3. The council does not hold …", "2 and 3: None.", "4 – 6) See above.": an answer (or an
# item) numbered for a range of items, the stop after the last number (no stop, "1-3 days", is
# a range of figures).
_RANGE_ENUMERATOR = re.compile(r"^(?P<n>\d{1,2})\s*(?P<j>-|–|—|to|and|&)\s*(?P<m>\d{1,2})"
                               r"[.):]\s+(?=\S)", re.IGNORECASE)
_ANSWER_LABEL = re.compile(
    r"^(?:(?:our\s+)?(?:answer|response|reply)\s*(?P<n>\d{1,3})?\s*[:.–—-]|a\s*(?P<an>\d{1,3})?\s*:)\s*",
    re.IGNORECASE)
_BARE_ENUMERATOR = re.compile(r"^(?:\d{1,3}(?:\.\)|[.):])|\(\d{1,3}\))$")
# "1 – I can confirm…", "2 - 14", "1, Between July 2023 and…": a number and a dash (or a
# comma typed for the stop); read as an enumerator only where such paragraphs count 1, 2, 3…
# ("5 - 10 days" alone is a range, "1, 2 and 3 were…" a list of figures). Looser than the
# reader's lexicon.text.DASHED_ITEM (which breaks a wrapped line): here the count decides.
_DASHED_ENUMERATOR = re.compile(r"^(?P<n>\d{1,3})(?:\s?[–—-]|,)\s+(?=[A-Z0-9£$€(\"'“‘]|[a-h]\)\s)")
# "4 Please provide…": an item's number typed with no stop, read as one only where it fills a
# count's gap (see _number_gaps); a figure opening a sentence ("4 Officers were…") otherwise.
_BARE_NUMBER = re.compile(r"^(?P<n>\d{1,2})\s+(?=[A-Z][a-z])")
# A bullet typed as text: "·", "•", "▪", "◦", "●", "‣", "∙", "" (Symbol's), or ". " before a
# capital (a bullet lost in a conversion); "o " and "- " before a capital or a figure (Word's
# second-level bullet in Courier, a dash bullet, as a PDF prints them). "*" is left to the
# readers' own lists.
_TYPED_BULLET = re.compile(r"^([·•▪◦●‣∙\uf0b7\uf0a7]|\.(?=\s+[A-Z])|[o–-](?=\s+[A-Z0-9£$]))\s*")
# "Response:", "Our answer", "Answer 2", "Response to question 3", "Response to Item 3:" on a
# line of its own.
_ANSWER_WORD_ONLY = re.compile(r"^(?:our\s+)?(?:answer|response|reply)(?:\s*(?:to\s+(?:question|"
                               r"q|item|point|part|request(?:\s+no\.?)?)\s*)?(?P<n>\d{1,3}))?"
                               r"\s*[:.]?$",
                               re.IGNORECASE)
# "DWP Response:", "Council's response", "Trust Reply:": the body answering, named, alone on its
# line (one to three capitalised words; "Freedom of Information Response" is a title).
_BODY_ANSWERING = (r"(?:[A-Z][\w'’&.-]*\s+){1,3}"
                   r"(?:[Aa]nswer|[Rr]esponse|[Rr]eply|ANSWER|RESPONSE|REPLY)")
_NAMED_ANSWER_ONLY = re.compile(rf"^{_BODY_ANSWERING}\s*:?$")
# "CITY RESPONSE: The City has …", "Council response: 12": the same, the answer after it.
_NAMED_ANSWER = re.compile(rf"^(?!(?:Please|Kindly|If|And|Or)\b){_BODY_ANSWERING}\s*:\s*")
# "Q: How many …?", "Question – How many …?", "You asked: How many …?", "Request: …": a
# question's label with no number.
_UNNUMBERED_QUESTION_LABEL = re.compile(
    r"^(?:q|question|request|you\s+(?:(?:also|further|then|next)\s+)?(?:asked|requested)"
    r"|your\s+(?:(?:next|final|last|second|third|further)\s+)?(?:question|request))"
    r"\s*[:–—-]\s*(?=\S)", re.IGNORECASE)
_QUESTION_WORD_ONLY = re.compile(r"^(?:your\s+)?(?:question|request)\s*[:.]?$", re.IGNORECASE)


@dataclass(slots=True)
class Unit:
    """One paragraph-like piece of a document, as the segmenter sees it.

    Not frozen, though never changed once :func:`units_of` has made it
    (``dataclasses.replace`` makes the variants): there is one for every
    paragraph of every document, and a frozen class's ``__init__`` costs five
    times as much.
    """

    text: str
    raw: str
    kind: str
    bold: bool
    italic: bool
    colors: frozenset[str]
    heading: int
    marker: str
    label: Label
    numbers: tuple[int, ...]
    source: Source
    index: int
    block: Block = field(repr=False)
    restated: str = ""  # "question", "part" or "echo" when it repeats a quoted request paragraph
    titled: bool = False  # a numbered title with the request's sentences under it ("1. Closures: …")
    # A part's question, where the request named the part under it and the reply answers the
    # part alone ("Ahmed 22" for "Ahmed" under "How many people with these surnames …?").
    part_of: str = ""
    # The label of a "Number of social workers employed: 142" line, asked by the line itself.
    labelled_value: bool = False
    # An answer given on its question's own line ("3c) … confirm the provider. – N/A"): that
    # question's alone, not shared with a question above left unanswered.
    on_the_line: bool = False

    @property
    def emphasised(self) -> bool:
        return self.bold or self.italic


def units_of(blocks: Iterable[Block]) -> list[Unit]:
    """Every non-table block as units, in order (tables are kept as one unit each)."""
    units: list[Unit] = []
    for block in _unboxed(blocks):
        if block.kind == "table":
            units.append(_unit(block, block.spans, block.text, len(units)))
            continue
        if "\n" not in block.text:  # the usual paragraph: one line, one unit
            units.append(_unit(block, block.spans, block.text, len(units)))
            continue
        for line_spans in _split_lines(block.spans):
            units.append(_unit(block, line_spans, spans_text(line_spans), len(units)))
    units = _run_on_letters(_run_on_items(_body_colour_dropped(units)))
    _q_and_a_letters(units)
    _number_dashed(units)
    _dash_bulleted(units)
    _unnumber_figures(units)
    _number_gaps(units)
    units = _number_blurred(units)
    _pair_numbered_labels(units)
    units = _split_answers_inline(units)
    units = _opening_apart(units)
    units = _asked_again(units)
    units = _labelled_values(units)
    units = _bold_leads(units)
    units = _titled_items(units)
    units = _answer_parts_run_on(units)
    units = _inline_parts(units)
    units = _question_columns(units)
    units = _references_apart(units)
    units = _references_in_sentences(units)
    _number_references(units)
    _number_between_references(units)
    return _split_named_parts(units)


def _body_colour_dropped(units: list[Unit]) -> list[Unit]:
    """The units without the letter's body colour. Where hardly a paragraph is in black (an
    e-mail written in Outlook's dark blue, a letter typed in navy), the colour most
    paragraphs are in is the letter's black: it sets nothing apart, so it is no answer's
    colour and leaves no paragraph coloured. Another colour beside it (answers in a brighter
    blue) is kept, as is any colour in a letter mostly in black."""
    texts = [u for u in units if u.text and u.kind != "table"]
    if len(texts) < _BODY_COLOUR_UNITS or sum(
            1 for u in texts if not u.colors) > _BLACK_AT_MOST * len(texts):
        return units
    counts = Counter(colour for u in texts for colour in u.colors)
    colour, n = counts.most_common(1)[0]
    if 2 * n < len(texts):
        return units
    return [dataclasses.replace(u, colors=u.colors - {colour}) if colour in u.colors else u
            for u in units]


# A letter of at least this many paragraphs, at most this share of them in black, is written
# in a colour of its own.
_BODY_COLOUR_UNITS = 8
_BLACK_AT_MOST = 0.1


def _q_and_a_letters(units: list[Unit]) -> None:
    """ "Q. How many …?" over "A. 12": where two or more lines open "Q." each with one "A."
    under it, the letters label the question and its answer, as "Q:" and "A:" do (a list
    lettered on from "a." would not come to "q."); in place."""
    # (So too "Q1. How many …?" over "A. 214": the question keeps its number, the answer
    # takes it.)
    asked = [k for k, u in enumerate(units) if _Q_DOT.match(u.raw) or _Q_NUMBERED.match(u.marker)]
    answered = [next((j for j in range(k + 1, min(k + _Q_TO_A, len(units)))
                      if _A_DOT.match(units[j].raw) or units[j].marker in ("A.", "A)")), None)
                for k in asked]
    if len(asked) < 2 or None in answered:
        return
    for k, j in zip(asked, answered):
        numbers = units[k].numbers if _Q_NUMBERED.match(units[k].marker) else ()
        if not numbers:
            text = _Q_DOT.sub("", units[k].raw, count=1).strip()
            units[k] = dataclasses.replace(units[k], text=text, marker="", label="question",
                                           numbers=())
        assert j is not None
        text = units[j].text if units[j].marker in ("A.", "A)") else \
            _A_DOT.sub("", units[j].raw, count=1).strip()
        units[j] = dataclasses.replace(units[j], text=text, marker="", label="answer",
                                       numbers=numbers)


_Q_DOT = re.compile(r"^Q\.\s+(?=\S)")
_Q_NUMBERED = re.compile(r"^Q\d{1,3}[.:)]?$")
_A_DOT = re.compile(r"^A\.\s+(?=\S)")
_Q_TO_A = 4  # lines from a "Q." to the "A." under it, at most


def _unboxed(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks, with a one-column table of labelled boxes taken for what it is: a letter
    laid out in boxes ("Question:" in one, "Response:" in the next, or a question in one and
    its answer in the next), whose cells are paragraphs."""
    for block in blocks:
        if block.kind == "table" and any(len(row) != 1 for row in block.rows) and any(
                _text_box(row) for row in block.rows):
            yield from _text_rows_apart(block)
            continue
        if block.kind != "table" or any(len(row) != 1 for row in block.rows) or not (
                _one_box(block) or _asked_in_turn(block)
                or any(read_label(row[0].text.split("\n", 1)[0])[2] for row in block.rows)):
            yield block
            continue
        for row in block.rows:
            yield from _box_paragraphs(row[0], block.source)


def _box_paragraphs(cell: Cell, source: Source) -> Iterator[Block]:
    """A box's paragraphs, each a block."""
    for k, spans in enumerate(_paragraphs(cell.spans)):
        text = spans_text(spans).strip()
        # A box's own title ("Queries:") closes what the box before it said.
        titled = k == 0 and text.endswith(":") and len(text) < 40 and not read_label(text)[2]
        yield Block("heading" if titled else "paragraph", spans, level=3 if titled else 0,
                    source=source)


def _text_box(row: tuple[Cell, ...]) -> bool:
    """A row of one cell across the table holding paragraphs of text ("Request details: I
    would like …" under a form's "Date received | 3 May 2018" rows): text set in a box."""
    return len(row) == 1 and "\n" in row[0].text and len(row[0].text) >= _BOXED_TEXT


# The least text a box across a table must hold to be read as paragraphs, not a cell.
_BOXED_TEXT = 200


def _text_rows_apart(block: Block) -> Iterator[Block]:
    """A table with rows of text set in boxes across it: its other rows as tables, in their
    places, and each box's paragraphs as paragraphs."""
    rows: list[tuple[Cell, ...]] = []
    header = block.header_rows
    for row in block.rows:
        if not _text_box(row):
            rows.append(row)
            continue
        if rows:
            yield dataclasses.replace(block, rows=tuple(rows), header_rows=min(header, len(rows)))
            rows, header = [], 0
        yield from _box_paragraphs(row[0], block.source)
    if rows:
        yield dataclasses.replace(block, rows=tuple(rows), header_rows=min(header, len(rows)))


def _asked_in_turn(block: Block) -> bool:
    """A one-column table whose rows ask and answer by turns (a question's box, then its
    answer's), two times or more: a letter laid out in boxes, not a table of data."""
    asks = [reads_as_question(row[0].text) for row in block.rows if row[0].text.strip()]
    return sum(1 for this, after in zip(asks, asks[1:]) if this and not after) >= 2


def _one_box(block: Block) -> bool:
    """A table of one cell holding several paragraphs: a box drawn round text (a request set
    apart), never a table of figures."""
    rows = block.rows
    return len(rows) == 1 and len(rows[0]) == 1 and "\n" in rows[0][0].text


def _paragraphs(spans: tuple[Span, ...]) -> Iterator[tuple[Span, ...]]:
    """A cell's spans cut at its paragraph breaks (``\\n``), blank paragraphs left out."""
    paragraph: list[Span] = []
    for span in spans:
        pieces = span.text.split("\n")
        for k, piece in enumerate(pieces):
            if k:
                if "".join(s.text for s in paragraph).strip():
                    yield tuple(paragraph)
                paragraph = []
            if piece:
                paragraph.append(dataclasses.replace(span, text=piece))
    if "".join(s.text for s in paragraph).strip():
        yield tuple(paragraph)


# What an answer given on the question's own line opens with ("How many? 14", "…? None").
_INLINE_ANSWER = re.compile(
    r"^[-–—:]?\s*(?:(?:c\.|ca\.|circa|approx(?:\.|imately)?|around|about)\s*(?=£|\d))?"
    r"(?:yes|no|none|nil|zero|n/?a|not\s+applicable|not\s+held|£\s?\d[\d,.]*(?:\s?(?:m|bn|k))?|\d[\d,.]*%?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten)(?![\w/])", re.I)


# A date given as the answer ("01/11/2026", "1 November 2026").
_INLINE_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
                          r"|^\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}\b")
# Numbered questions with text after their question mark that make the layout a scheme.
_MIN_INLINE_SCHEME = 3
# The words an answer given on its question's line may run to, where only the layout tells it.
_FEW_WORDS = 8


def _split_answers_inline(units: list[Unit]) -> list[Unit]:
    """ "1. How many staff? 14": a question with its answer on the same line is two units.

    The answer opens with a figure, a yes or no, a date; or, where at least three numbered
    questions of the letter carry text after their question mark that asks nothing, it is
    whatever follows ("3. Who is your provider? Microsoft"): the letter's layout says so."""
    tails = [_tail(unit) for unit in units]
    free = [_loose_answer(unit, rest) for unit, rest in zip(units, tails)]  # read once
    # "1. Please state how many staff work in the team. There are 12.": asked, then told.
    told = [_told_after(unit) if not rest else -1 for unit, rest in zip(units, tails)]
    if sum(cut > 0 for cut in told) < _MIN_INLINE_SCHEME:
        told = [-1] * len(units)
    scheme = sum(free) + sum(cut > 0 for cut in told) >= _MIN_INLINE_SCHEME
    # "What software do you use? - Taranto": a dash after the question mark sets the answer
    # apart, where two or more lines of the letter run so, numbered or not.
    dashed = [bool(rest) and _DASHED_ANSWER.search(unit.text) is not None
              and _opens_answer(rest) for unit, rest in zip(units, tails)]
    if sum(dashed) < _MIN_DASHED:
        dashed = [False] * len(units)
    # "How many shelters are there? 1,942" line after line, unnumbered: where three or more
    # lines are answered on the line by a figure or a yes or no, a line beside one of them laid
    # out the same way is answered on it too, in a few words ("Who is the contractor? Clear
    # Channel UK").
    valued = [bool(rest) and bool(_INLINE_ANSWER.match(rest) or _INLINE_DATE.match(rest))
              for rest in tails]
    beside = [sum(valued) >= _MIN_INLINE_SCHEME and bool(rest)
              and len(rest.split()) <= _FEW_WORDS and _opens_answer(rest)
              and any(0 <= j < len(units) and valued[j] for j in (i - 1, i + 1))
              for i, rest in enumerate(tails)]
    out: list[Unit] = []
    for unit, rest, loose, dash, cut, alike in zip(units, tails, free, dashed, told, beside):
        at, verdict = _last_mark(unit.text), False
        if cut > 0:
            at, rest, verdict = cut - 1, unit.text[cut:].strip(), True
        # After the request's rider ("If so, please provide a timeline."), a sentence that
        # does not ask is the answer, whatever it says ("Possibly 2026, subject to funding.").
        after_rider = at > 0 and unit.text[at] == "." and loose
        if not rest and (cut := _verdict_split(unit)) > 0 and len(unit.text[:cut].split()) >= 5:
            at, rest, verdict = cut - 1, unit.text[cut:].strip(), True
        # "Q1. How many? A1. 57": the answer labelled with the question's own number.
        own = _SHORT_ANSWER_LABEL.match(rest) if rest[:1] == "A" else None
        own = own if own and rest[own.end():].strip() \
            and unit.numbers == (int(own.group("n")),) else None
        if not rest or not (verdict or after_rider or own or _INLINE_ANSWER.match(rest)
                            or _INLINE_DATE.match(rest) or scheme and loose or dash or alike):
            out.append(unit)
            continue
        asked = dataclasses.replace(unit, text=unit.text[:at + 1], index=len(out))
        if (label := _ANSWER_LABEL.match(rest)) and rest[label.end():].strip():
            rest = rest[label.end():].strip()  # "1. How many? Response: 1,120"
        elif own:
            rest = rest[own.end():].strip()
        answer = dataclasses.replace(unit, text=rest.lstrip("-–—: "), raw=rest, marker="",
                                     label="", numbers=(), kind="paragraph", bold=False,
                                     italic=False, index=len(out) + 1, on_the_line=True)
        out.extend((asked, answer))
    if len(out) != len(units):
        for index, unit in enumerate(out):
            unit.index = index
    return out


def _opening_apart(units: list[Unit]) -> list[Unit]:
    """ "Thanks for your enquiry on 21 March 2024 about the speed camera. We're not formally
    answering …": a reply's thanks run on into its answer in one paragraph is two units, the
    thanks (never part of an answer) and what follows it."""
    out: list[Unit] = []
    for unit in units:
        plain = unit.kind == "paragraph" and not unit.marker and not unit.label
        while plain and (found := _OPENING_SENTENCE.match(unit.text)) is not None \
                and len(unit.text) - found.end() >= _OPENING_REST:
            rest = unit.text[found.end():].strip()
            out.append(dataclasses.replace(unit, text=found.group(0).strip(), index=len(out)))
            unit = dataclasses.replace(unit, text=rest, raw=rest)
        out.append(unit)
    if len(out) != len(units):
        for index, unit in enumerate(out):
            unit.index = index
    return out


# A reply's thanks for the request, its apology for answering late, or "Please find our
# response.", as its paragraph's first sentence, then a sentence more.
_OPENING_SENTENCE = re.compile(
    r"^(?:(?:many\s+)?thanks?(?:\s+you)?\s+(?:very\s+much\s+)?for\s+your\s+(?:recent\s+)?"
    r"(?:request|enquiry|inquiry|e-?mail|message|freedom\s+of\s+information|foi|letter|"
    r"correspondence)\b|(?:we\s+|i\s+)?(?:apologi[sz]e|apologies|are\s+sorry)\s+for\s+"
    r"(?:the|this|our|any)\s+(?:\w+\s+){0,2}(?:delay|lateness)\b|"
    r"(?:please\s+)?(?:find|see)\s+(?:below\s+)?(?:our|the\s+council['’]s)\s+"
    r"(?:response|reply)(?=[.!]))"
    r"[^.!?]{0,300}[.!](?=\s+[A-Z“\"‘'])", re.I)
# How much must follow the opening for it to be set apart (not "… Please see below.").
_OPENING_REST = 40


def _asked_again(units: list[Unit]) -> list[Unit]:
    """ "Please could you provide more information on the camera. Specifically, whether …. If
    you're also able to confirm whether it monitors seatbelts that would be appreciated.": in
    the requester's own paragraph, a sentence that asks for something more ("also", "in
    addition") is an item of its own; the sentences before it are the item it adds to."""
    out: list[Unit] = []
    for unit in units:
        if unit.kind != "quote" or unit.marker or unit.label or len(unit.text) > 1200:
            out.append(unit)
            continue
        sentences = _SENTENCE_BREAK.split(unit.text)
        cuts = [k for k in range(1, len(sentences)) if _ASKS_MORE.search(sentences[k])
                and reads_as_question(sentences[k])]
        if not cuts or not reads_as_question(" ".join(sentences[:cuts[0]])):
            out.append(unit)
            continue
        for start, end in zip([0, *cuts], [*cuts, len(sentences)]):
            text = " ".join(sentences[start:end])
            out.append(dataclasses.replace(unit, text=text, raw=text, index=len(out)))
    if len(out) != len(units):
        for index, unit in enumerate(out):
            unit.index = index
    return out


_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+(?=[A-Z])")
# A sentence asking for more than the one before it.
_ASKS_MORE = re.compile(
    r"^(?:also|additionally|in\s+addition|furthermore|further(?:more)?|finally|lastly)\b[,:]?|"
    r"\b(?:could|can|would|will)\s+you\s+(?:please\s+)?also\b|\b(?:i|we)\s+would\s+also\s+like\b|"
    r"\bplease\s+(?:could\s+you\s+)?also\b|\balso\s+(?:able|like|want|wish|need)\b", re.I)


def _inline_parts(units: list[Unit]) -> list[Unit]:
    """ "Please could you tell me (a) the number of permits issued in 2023, (b) the number
    issued in 2022 and (c) the price of a permit." answered "(a) 12,450", "(b) 11,980",
    "(c) £60": the request's parts run on in one sentence, and the reply answers each by its
    letter. Each part is a question of its own, the words before the first its stem; a stem
    that only says the request is restated ("You asked for:") is no part of any."""
    answered = {_part_letter(u.marker) for u in units
                if u.marker and _PART_MARK.fullmatch(u.marker)}
    if len(answered) < 2:
        return units
    out: list[Unit] = []
    for unit in units:
        marks = _part_marks(unit)
        letters = [_part_letter(m.group(0)) for m in marks]
        stem = unit.text[:marks[0].start()].strip() if marks else ""
        restating = ASKED_AS_FOLLOWS.search(stem) is not None
        if not marks or not set(letters) <= answered \
                or not (restating or reads_as_question(stem or unit.text)):
            unit.index = len(out)
            out.append(unit)
            continue
        stem = "" if restating else stem
        ends = [m.start() for m in marks[1:]] + [len(unit.text)]
        for mark, end in zip(marks, ends):
            part = re.sub(r"(?:,|;|\s+and|\s+or)\s*$", "", unit.text[mark.end():end].strip())
            part = part.rstrip(" .?")
            out.append(dataclasses.replace(unit, text=f"{stem} {part}".strip(), raw=part,
                                           marker=mark.group(0), numbers=_marker_numbers(
                                               mark.group(0)), index=len(out),
                                           restated="question" if restating else unit.restated))
    return out


def _answer_parts_run_on(units: list[Unit]) -> list[Unit]:
    """ "a) 112 b) 17 c) £486,000" under a request whose parts run on in one sentence ("You
    asked for: a) the number of notices issued; b) the number cancelled; c) the income"): the
    answers run on in one paragraph too, each after its part's letter. Each is a unit of its
    own, marked with the letter, where an earlier paragraph runs on the same letters and each
    answer is a few words (a sentence listing "a) Taranto b) Civica" is one answer)."""
    asked: set[str] = set()
    out: list[Unit] = []
    for unit in units:
        marks, text = _part_marks(unit), unit.text
        if not marks and _PART_MARK.fullmatch(unit.marker or "") \
                and _part_letter(unit.marker) == "a" and ")" in unit.text:
            # "a) 112 b) 17": the paragraph's first letter read as its list marker.
            text = f"{unit.marker} {unit.text}"
            marks = _part_marks(dataclasses.replace(unit, text=text, marker=""))
        letters = [_part_letter(m.group(0)) for m in marks]
        lead = text[:marks[0].start()].strip() if marks else ""
        ends = [m.start() for m in marks[1:]] + [len(text)]
        short = all(len(text[m.end():end].split()) <= _FEW_WORDS for m, end in zip(marks, ends))
        if not marks or not short or not set(letters) <= asked \
                or lead and not (OWN_LEAD_IN.search(lead) and len(lead.split()) <= _FEW_WORDS):
            asked.update(letters)
            unit.index = len(out)
            out.append(unit)
            continue
        for mark, end in zip(marks, ends):
            told = text[mark.end():end].strip().rstrip(",;")
            out.append(dataclasses.replace(
                unit, text=told, raw=told, marker=mark.group(0), label="", kind="paragraph",
                numbers=_marker_numbers(mark.group(0)), index=len(out)))
    return out


def _part_marks(unit: Unit) -> list[re.Match[str]]:
    """The part letters run on in ``unit``'s text, "(a)" or "a)", when there are two or more
    in order from the first; none otherwise."""
    if unit.marker or unit.kind == "table" or ")" not in unit.text:
        return []
    marks = list(_PART_MARK.finditer(unit.text))
    letters = [_part_letter(m.group(0)) for m in marks]
    return marks if len(marks) >= 2 and letters == list("abcdefghij"[:len(letters)]) else []


def _part_letter(mark: str) -> str:
    return mark.strip("() ").lower()


_PART_MARK = re.compile(r"\([a-j]\)|(?<![\w()\[.])[a-j]\)")


def _labelled_values(units: list[Unit]) -> list[Unit]:
    """ "Number of social workers employed: 142", "Price charged for renewal - £465.70": a
    request's item as a label with its answer beside it, where three or more lines of the
    letter run so (a figure, a sum, "None", "Yes"), or two items one after the other of one
    list. The label is the question; the letterhead's "Reference: FOI 123" is no item (its
    label names no quantity), and lines standing right under a question are its answer."""
    found = [_LABELLED_VALUE.match(u.text) if u.kind != "table" and not u.label
             and not u.heading else None for u in units]
    if sum(m is not None for m in found) < _MIN_LABELLED_VALUES \
            and not _listed_pair(units, found):
        return units
    _numbered_siblings(units, found)
    for i in range(1, len(units)):
        above = units[i - 1].text.rstrip()
        if found[i] is not None and found[i - 1] is None and above.endswith("?") \
                and reads_as_question(above):
            # "What did you charge for licences?" over "Price for a new licence - £465.70" /
            # "Price for a renewal - £400": the lines under a question are its answer (under a
            # lead-in, "Please provide the following:", they are the items it leads to).
            k = i
            while k < len(units) and found[k] is not None:
                found[k] = None
                k += 1
    if not any(found):
        return units
    return _asked_and_told(units, [(m.group("label").strip(), m.group("value").strip())
                                   if m is not None else None for m in found],
                           labelled_value=True)


def _asked_and_told(units: list[Unit], cuts: list[tuple[str, str] | None], *,
                    bold: bool = False, labelled_value: bool = False) -> list[Unit]:
    """``units`` with each one cut (``cuts[i]``, what it asks and what it tells) as two: the
    asking part (bold, or a labelled value, where said) and its answer, a plain paragraph."""
    out: list[Unit] = []
    for unit, cut in zip(units, cuts):
        if cut is None:
            unit.index = len(out)
            out.append(unit)
            continue
        asked, told = cut
        out.append(dataclasses.replace(unit, text=asked, index=len(out), bold=unit.bold or bold,
                                       labelled_value=labelled_value))
        out.append(dataclasses.replace(unit, text=told, raw=told, marker="", numbers=(), label="",
                                       kind="paragraph", bold=False, italic=False,
                                       index=len(out)))
    return out


_MIN_LABELLED_VALUES = 3


def _bold_leads(units: list[Unit]) -> list[Unit]:
    """ "**8. A copy of the Highway Inspection Manual:** This information is …": an item set in
    bold at the head of its paragraph, its answer after it in plain type, is two units, where
    two or more paragraphs of the letter run so (the bold part numbered, or asking)."""
    cuts = [_bold_lead(unit) for unit in units]
    if sum(cut is not None for cut in cuts) < 2:
        return units
    return _asked_and_told(units, cuts, bold=True)


def _bold_lead(unit: Unit) -> tuple[str, str] | None:
    """The bold item heading ``unit`` and the plain answer after it, else None."""
    if unit.kind == "table" or unit.label or unit.heading or unit.labelled_value \
            or len(unit.block.spans) < 2 or not unit.block.spans[0].bold:
        return None
    spans = [s for s in unit.block.spans if s.text.strip()]
    k = next((n for n, s in enumerate(spans) if not s.bold), len(spans))
    if k == len(spans) or any(s.bold for s in spans[k:]):
        return None  # all bold, or bold again further on: not one lead and its answer
    lead = "".join(s.text for s in spans[:k]).strip()
    told = " ".join("".join(s.text for s in spans[k:]).split())
    if not lead.endswith((":", "?")) or len(lead.split()) < 3 or not told \
            or not unit.text.endswith(told):
        return None
    asked = unit.text[:len(unit.text) - len(told)].strip()
    asked = asked[:-1].rstrip() if asked.endswith(":") else asked
    if not asked or not (unit.marker or reads_as_question(asked)):
        return None
    return asked, told


def _numbered_siblings(units: list[Unit], found: list[re.Match[str] | None]) -> None:
    """ "3. The software used for permits: Taranto" numbered on from "2. Number of fines:
    4,512": in a numbered list of labelled values, an item laid out the same way is one too,
    whatever its answer says (a name, a date, a few words, a sentence of its own)."""
    changed = True
    while changed:
        changed = False
        for i, unit in enumerate(units):
            if found[i] is not None or not _counted(unit):
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(units) and found[j] is not None and _counted(units[j]) \
                        and abs(units[j].numbers[0] - unit.numbers[0]) == 1 \
                        and (match := _LABELLED_ANY.match(unit.text)
                             or _LABELLED_SENTENCE.match(unit.text)) is not None \
                        and not reads_as_question(match["value"]):
                    found[i] = match
                    changed = True
                    break


def _counted(unit: Unit) -> bool:
    """An item of a numbered list, the list's own or its numbers typed ("4. ")."""
    return (unit.kind == "list_item" or bool(unit.marker)) and len(unit.numbers) == 1


# An item's label then its answer in a few words: "The software used for permits: Taranto".
_LABELLED_ANY = re.compile(r"^(?P<label>[^:?]{8,100}?)\s*(?::|\s[-–]\s)\s*"
                           r"(?P<value>[^\s:?]+(?:\s+[^\s:?]+){0,7})\s*$")
# …or in a sentence or two of its own ("4. A copy of the consultation: There has been no
# consultation, so no information is held."), the label short.
_LABELLED_SENTENCE = re.compile(r"^(?P<label>[^:?]{8,100}?)\s*:\s*"
                                r"(?P<value>[A-Z0-9£$€][^\s:?]*(?:\s+[^\s:?]+){0,59}[.!])\s*$")


def _listed_pair(units: list[Unit], found: list[re.Match[str] | None]) -> bool:
    """Two labelled values, one item after the other of one list ("• Price charged for a new
    licence - £465.70" / "• Price charged for renewal - £465.70", or numbered "1." then "2."):
    the list sets them out as the request's items, as three lines of the letter would."""
    at = [i for i, m in enumerate(found) if m is not None]
    if len(at) != 2 or at[1] != at[0] + 1:
        return False
    first, second = units[at[0]], units[at[1]]
    # "1. Number of staff: 12" / "2. Number of fines - 4,512": numbered on by one, or bulleted alike.
    counted = len(first.numbers) == len(second.numbers) == 1 \
        and second.numbers[0] == first.numbers[0] + 1
    return all(u.kind == "list_item" for u in (first, second)) and (
        counted or second.marker == first.marker)


_LABELLED_VALUE = re.compile(
    r"^(?P<label>(?:(?:the\s+)?(?:total\s+|average\s+|annual\s+|monthly\s+|weekly\s+)?"
    r"(?:number|amount|cost|price|spend|budget|value|percentage|proportion|rate|count|"
    r"caseload|income|expenditure)s?\b|price|charge|fee)[^:?]{2,100}?)\s*(?::|\s[-–]\s)\s*"
    r"(?P<value>(?:[£$€]?\d[\d,.]*(?:\s?(?:m|bn|k|%|per\s+\w+))?|none|nil|n/a|yes|no|not\s+held|"
    r"zero)\b\.?(?:\s+\S+){0,5})\s*$", re.I)


def _loose_answer(unit: Unit, rest: str) -> bool:
    """True when what follows a numbered question's mark may be its answer, whatever it says
    ("Microsoft", "The contact details are …"): it opens as a sentence or a name does, asks
    nothing and leads on to nothing ("(i) Please answer: Yes or No? And:" goes on asking)."""
    return (bool(rest) and bool(unit.numbers) and bool(unit.marker)
            and (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "£$€–—-")
            and not _GOES_ON.match(rest) and not reads_as_question(rest))


_GOES_ON = re.compile(r"^(?:and|or|but|if|please|e\.g\.|i\.e\.)\b", re.I)
_DASHED_ANSWER = re.compile(r"\?\s*[-–—:]\s+\S[^?]*$")
_MIN_DASHED = 2


def _opens_answer(rest: str) -> bool:
    """What follows a question on its line opens as an answer does: as a sentence or a name,
    asking nothing and leading on to nothing."""
    return (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "£$€") \
        and not _GOES_ON.match(rest) and not reads_as_question(rest)


def _tail(unit: Unit) -> str:
    """What follows a unit's last question mark, where it may be an answer given on the line."""
    at = _last_mark(unit.text)
    rest = unit.text[at + 1:].strip().lstrip("-–—: ") if at > 0 else ""
    if not rest or unit.kind == "table" or rest.endswith("?") or len(rest) > 600:
        return ""
    return rest


def _last_mark(text: str) -> int:
    """Where the question ends before an answer on its line: the last question mark that a
    space or a dash follows ("…employ? 14", "…employ?- 1.5 FTE"), or the full stop of the
    request's rider after it ("…in the foreseeable future? If so, please provide an
    estimated timeline. Possibly 2026, …"); -1 if none."""
    found = -1
    for m in _MARK_THEN.finditer(text):
        found = m.start()
    if found > 0 and (rider := _RIDER_SENTENCE.match(text, found + 1)):
        return rider.end() - 1
    return found


# The request's rider after its question mark, ending its line's asking: "If so, please …".
_RIDER_SENTENCE = re.compile(rf"\s+(?:{FOLLOW_UP},?\s*)?(?:please|kindly)\b"
                             r"[^.?!]{3,200}\.(?=\s+[A-Z0-9£])", re.I)


_MARK_THEN = re.compile(r"\?(?=\s|[-–—:]\s*\S)")


# A verdict that answers a request worded as a statement, on its line: "… please disclose the
# email chains. Information not held."
_VERDICT = re.compile(r"(?:(?:no\s+)?information\s+(?:is\s+)?not\s+held|not\s+held|no\s+information"
                      r"\s+(?:is\s+)?held|none|nil|not\s+applicable|n/a|yes|no)\.?", re.I)


def _told_after(unit: Unit) -> int:
    """Where a numbered request's sentence ends and its answer starts on its line, or -1:
    "1. Please state how many staff work in the team. There are 12 staff." The sentence
    asks as a request does ("please state", "provide"); the rest asks nothing, opens as an
    answer and does not carry the request on ("Broken down by year.", "This should include …"). A sentence
    worded as a question ("Who provides …") would end in a question mark: without one, it
    is never cut."""
    if not (unit.numbers and unit.marker) or unit.kind in ("table", "quote") \
            or len(unit.text) > 1200:
        return -1
    parts = _SENTENCE_BREAK.split(unit.text, maxsplit=1)
    if len(parts) != 2 or not parts[0].endswith(".") or "?" in unit.text:
        return -1
    asked, rest = parts
    if _ABBREVIATED.search(asked) or _INTERROGATIVE.match(asked) \
            or not reads_as_question(asked, strict=True) \
            or _CARRIES_ON.match(rest) \
            or not _opens_answer(rest) or len(rest.split()) < 2:
        return -1
    return len(asked)


# A question worded as one ("Who provides your SIP trunks …") that ends in a full stop has
# no end of its own: its answer may be in the same sentence ("… spend Virgin Media.").
_INTERROGATIVE = re.compile(r"^(?:who|what|when|where|which|how|why|whose|whom|do|does|did|is|"
                            r"are|was|were|has|have|had|will|shall)\b", re.I)
# A full stop that ends an abbreviation, not a sentence: "… across the business e.g. E3, E5".
_ABBREVIATED = re.compile(r"(?:\b(?:e\.g|i\.e|etc|nos?|approx|inc|incl|ltd|vs?|cf|mr|mrs|ms|dr|st)"
                          r"|\b[A-Z](?:\.[A-Z])+)\.$", re.I)
# A request's second sentence that carries it on: "Broken down by year.", "This should
# include …", "For each of the last three years.", "Including agency staff."
_CARRIES_ON = re.compile(
    r"^(?:broken|split|separated|for\s+each|for\s+the|per\b|by\b|including|includ|this\s+"
    r"(?:should|would|could|may|might|can|is\s+to|request)|these\s+should|it\s+should|from\b|"
    r"between\b|over\b|during\b|in\s+(?:the|each|particular|addition)|within\b|where\b|"
    r"when\b|specifically|particularly|e\.g\.|i\.e\.|such\s+as|namely|i\s|i['’]|we\s+would|"
    r"my\b|to\s+clarify|for\s+clarity|for\s+example|note\b|n\.b\.|only\b|also\b)", re.I)


def _verdict_split(unit: Unit) -> int:
    """Where a numbered request's own line ends and its verdict starts, or -1."""
    if not (unit.numbers and unit.marker) or unit.kind == "table":
        return -1
    at = unit.text.rstrip(" .").rfind(". ")
    if at <= 0:
        return -1
    rest = unit.text[at + 2:].strip()
    if _VERDICT.fullmatch(rest.lstrip("-–— ")):
        return at + 1  # "… confirm the provider. – N/A": the dash is no part of the verdict
    if rest[:1] in "-–—" and len(rest.split()) <= 6 and _INLINE_ANSWER.match(rest) \
            and not reads_as_question(rest.lstrip("-–— ")):
        return at + 1  # "… the proportion of lights converted to LED. – 87%": set off by a dash
    return -1


# An item named by its number, or by its letter as its place: "(a)", "b)", "c" (items (a) and (b)).
# (Not the "9" of "question 1, 9,412 incidents were reported": a figure's thousands.)
_ITEM_KEY = r"(?:\d{1,3}\b(?!,\d{3}\b)|\(?[a-h]\)|[a-h]\b)"
# "Response to c) and d):", "Answer to questions 3 and 4 –", "Reply to Q2:": an answer's label
# naming the items it answers, the answer after it.
_ANSWER_TO_ITEMS = re.compile(
    rf"^(?:our\s+)?(?:answer|response|reply)\s+to\s+(?:(?:questions?|q|items?|points?|parts?)\s*)?"
    rf"(?P<list>{_ITEM_KEY}(?:\s*(?:,|and|&)\s*{_ITEM_KEY})*)\s*[:–—-]\s*", re.I)
# "In respect of questions 1 and 3, …", "With regard to question 2: …": an answer in prose
# that says which numbered questions it answers.
_REFERENCE_OPENING = re.compile(
    rf"^{NAMES_ITEMS}\s*(?P<list>{_ITEM_KEY}(?:\s*(?:,|and|&|-|–|to)\s*(?:q\s*)?{_ITEM_KEY})*)",
    re.I)
# "… are enclosed. With respect to item (c), your request is denied …": a reply naming the items
# it answers, sentence by sentence, within one paragraph.
_REFERENCE_WITHIN = re.compile(
    rf"(?<=[.;])\s+(?={NAMES_ITEMS}\s*{_ITEM_KEY})", re.I)


_REFERENCE_BY_PLACE = re.compile(rf"^{NAMES_ITEM_BY_PLACE}", re.I)


# An answer naming the questions it answers by their keys ("1", "1a", "Q3-Q5").
_KEY = r"\d{1,3}(?![\d,]*\d{3}\b)\s?(?:\(?[a-z]\)?(?![a-z]))?"
# "In relation to Question 1:", "Regarding question 2(b) -", "Questions 4, and 6:" (the
# question's own key, then the answer).
_NAMED = re.compile(
    r"^(?:(?:in\s+(?:relation|respect|response|reply|regard|answer)\s+(?:of|to)|with\s+(?:regard|"
    r"reference|respect)\s+to|regarding|turning\s+to|as\s+(?:for|regards|to))\s+)?(?:your\s+)?"
    rf"(?:questions?|q)\s*(?P<keys>{_KEY}(?:\s*(?:,\s*(?:and\s+)?|and|&|-|–|to)\s*(?:q\s*)?{_KEY})*)"
    r"\s*(?:[:.,–—-]+\s*|$|(?-i:\s+(?=[A-Z])))", re.I)
def keys_named(text: str) -> tuple[tuple[str, ...], str]:
    """The question keys an answer's opening names ("1a", "4"), and the answer after them.

    >>> keys_named("In relation to Question 1a – not applicable.")
    (('1a',), 'not applicable.')
    >>> keys_named("Questions 4, and 6: No information held")
    (('4', '6'), 'No information held')
    >>> keys_named("Q3-Q5 None of the reviews has been completed.")[0]
    ('3', '4', '5')
    >>> keys_named("In response to question 1, 9,412 incidents were reported.")
    (('1',), '9,412 incidents were reported.')
    >>> keys_named("The council holds 4 records.")
    ((), '')
    """
    match = _NAMED.match(text)
    if match is None:
        return (), ""
    keys: list[str] = []
    for part in re.split(r"\s*(?:,\s*(?:and\s+)?|and|&)\s*", match.group("keys")):
        ends = [re.sub(r"[\s()q]", "", k, flags=re.I).lower()
                for k in re.split(r"\s*(?:-|–|to)\s*", part) if k.strip()]
        if len(ends) == 2 and ends[0].isdigit() and ends[1].isdigit() \
                and 0 < int(ends[1]) - int(ends[0]) < 50:
            keys.extend(str(n) for n in range(int(ends[0]), int(ends[1]) + 1))  # "Q3-Q5"
        else:
            keys.extend(ends)
    return tuple(keys), text[match.end():].strip()


def _references_apart(units: list[Unit]) -> list[Unit]:
    """A paragraph opening by naming the items it answers, that names others further on ("With
    respect to items (a) and (b), records are enclosed. With respect to item (c), your request
    is denied …"), in a unit for each naming."""
    out: list[Unit] = []
    for unit in units:
        cuts = [] if unit.numbers or unit.marker or unit.label or unit.kind == "table" \
            or not _REFERENCE_OPENING.match(unit.text) \
            else [m.end() for m in _REFERENCE_WITHIN.finditer(unit.text)]
        if not cuts:
            unit.index = len(out)
            out.append(unit)
            continue
        for start, end in zip([0, *cuts], [*cuts, len(unit.text)]):
            piece = unit.text[start:end].strip()
            out.append(dataclasses.replace(unit, text=piece, raw=piece, index=len(out)))
    return out


def _references_in_sentences(units: list[Unit]) -> list[Unit]:
    """ "Your request is granted in part. Records responsive to items 1 and 2 are enclosed. The
    City does not possess any records responsive to item 3.": a paragraph whose sentences each
    name, anywhere in them, the items they answer, a different item each, is an answer to each:
    a unit numbered with the items named for each sentence that names them (and the sentences
    after it naming none), the sentences before the first apart, numbered with none."""
    out: list[Unit] = []
    for unit in units:
        pieces = _named_sentences(unit) if unit.kind == "paragraph" and not unit.numbers \
            and not unit.marker and not unit.label and _ITEMS_NAMED.search(unit.text) else []
        if not pieces:
            unit.index = len(out)
            out.append(unit)
            continue
        for text, numbers in pieces:
            out.append(dataclasses.replace(unit, text=text, raw=text, numbers=numbers,
                                           index=len(out)))
    return out


def _named_sentences(unit: Unit) -> list[tuple[str, tuple[int, ...]]]:
    """``unit``'s text cut where a sentence names items, with the items each piece names; []
    where fewer than two sentences name items, or two name the same one."""
    sentences = _SENTENCE_BREAK.split(unit.text)
    named = [_listed_numbers(_letters_counted(" and ".join(m.group("list") for m in found)))
             if (found := list(_ITEMS_NAMED.finditer(sentence))) else ()
             for sentence in sentences]
    items = [n for numbers in named for n in numbers]
    if sum(bool(numbers) for numbers in named) < 2 or len(items) != len(set(items)):
        return []
    pieces: list[tuple[str, tuple[int, ...]]] = []
    for sentence, numbers in zip(sentences, named):
        if numbers or not pieces:
            pieces.append((sentence, numbers))
        else:
            pieces[-1] = (f"{pieces[-1][0]} {sentence}", pieces[-1][1])
    return pieces


# "… responsive to items 1 and 2 …", "… your question 3 …", "… part (b) of your request …":
# items named by number or letter within a sentence (not "request 24-118", a reference).
_ITEMS_NAMED = re.compile(
    rf"\b(?:items?|questions?|parts?|points?)\s+(?P<list>{_ITEM_KEY}(?:\s*(?:,|and|&|-|–|to)"
    rf"\s*{_ITEM_KEY})*)(?![\w/.-]\d)", re.I)


def _number_references(units: list[Unit]) -> None:
    for unit in units:
        if unit.numbers or unit.marker or unit.label or unit.text[:1] not in "IiWwRrTtAaPpQqYy":
            continue
        match = _REFERENCE_OPENING.match(unit.text) or _PART_OF_REQUEST.match(unit.text) \
            or _ITEMS_SETTLED.match(unit.text)
        if match:
            unit.numbers = _listed_numbers(_letters_counted(match.group("list")))
        elif placed := _REFERENCE_BY_PLACE.match(unit.text):
            first = ORDINALS[placed.group("ordinal").lower()]
            count = COUNTS.get((placed.group("count") or "").lower(), 1)
            also = ORDINALS.get((placed.group("also") or "").lower())
            # "your first two questions", "the second and third points"
            unit.numbers = (first, also) if also and also > first else \
                tuple(range(first, first + count))


def _number_between_references(units: list[Unit]) -> None:
    """ "In answer to your first question, …", "Of these, 903 were …", "With regard to your
    third question, …", "The council's total … was £38.6 million.", "Regarding your fifth
    question, …", "Finally, the council's policy …": a reply naming every other item by its
    place, answering the ones between in turn. Where the paragraphs between two named items
    are exactly as many as the items skipped (none named anywhere), each answers the next
    item; a paragraph opening "Finally" or "Lastly" after the last one named answers the
    item after it."""
    named = [(k, unit) for k, unit in enumerate(units)
             if len(unit.numbers) == 1 and not unit.marker and not unit.label
             and _REFERENCE_BY_PLACE.match(unit.text)]
    if len(named) < 2:
        return  # the usual letter: no reply naming its items by their places
    # Numbers the reply gives (the request's own items above it count for nothing here).
    taken = {n for unit in units[named[0][0]:] for n in unit.numbers}
    runs = list(zip(named, named[1:]))
    if any(b.numbers[0] <= a.numbers[0] for (_i, a), (_j, b) in runs):
        return  # not named in order
    for (i, a), (j, b) in runs:
        between = units[i + 1:j]
        skipped = range(a.numbers[0] + 1, b.numbers[0])
        if len(between) != len(skipped) or taken.intersection(skipped) \
                or any(u.numbers or u.marker or u.label or u.kind == "table" for u in between):
            continue
        for unit, number in zip(between, skipped):
            unit.numbers = (number,)
    k, last = named[-1]
    after = next((u for u in units[k + 1:k + 4] if _LAST_ONE.match(u.text)), None)
    if after is not None and not after.numbers and not after.marker \
            and last.numbers[0] + 1 not in taken:
        after.numbers = (last.numbers[0] + 1,)


# "Finally, the council's policy …", "Lastly, …": the reply's answer to the last item.
_LAST_ONE = re.compile(r"(?:finally|lastly)\b,?\s", re.I)


def _split_named_parts(units: list[Unit]) -> list[Unit]:
    """ "Portion 4 of your request seeks, "+ Documents sufficient to show …". The Department
    has no records …": the part quoted is the question (numbered as named), what follows
    the quotation its answer."""
    out: list[Unit] = []
    for unit in units:
        named = _PART_QUOTED.match(unit.text) if unit.numbers and not unit.marker else None
        rest = unit.text[named.end():].lstrip(" .,;:") if named else ""
        if named is None or len(unit.numbers) != 1 or not rest:
            unit.index = len(out)
            out.append(unit)
            continue
        asked = named.group("asked").strip().lstrip("+•*-– ").rstrip(" .")
        out.append(dataclasses.replace(unit, text=asked, index=len(out), restated="question"))
        out.append(dataclasses.replace(unit, text=rest, raw=rest, numbers=(), label="",
                                       index=len(out)))
    return out


# "Portion 1 of your request seeks the following: "…"" (the quotation is the part asked).
_PART_QUOTED = re.compile(
    r"^(?:portions?|parts?|items?|points?)\s+\d{1,3}\s+of\s+(?:your|the)\s+(?:request|"
    r"application|letter|e-?mail)\s+(?:seeks|sought|asks?|asked|requests?|requested|reads?|"
    r"states?|stated)(?:\s+for)?(?:\s+the\s+following)?\s*[,:]?\s*[\"“](?P<asked>[^\"”]{4,})[\"”]",
    re.I)
# "Portion 1 of your request seeks the following: …", "Part 2 of your request asked …": the
# reply takes the request part by part, naming each.
_PART_OF_REQUEST = re.compile(
    r"^(?:portions?|parts?|items?|points?)\s+(?P<list>\d{1,3}(?:\s*(?:,|and|&|-|–|to)\s*"
    r"\d{1,3})*)\s+of\s+(?:your|the)\s+(?:request|application|letter|e-?mail)\b", re.I)


# "Item 3 is granted.", "Items 1 and 2 are denied.", "Request No. 4 was refused …": a sentence
# settling the items it names.
_ITEMS_SETTLED = re.compile(
    rf"^(?:items?|requests?|questions?|parts?|points?)(?:\s+nos?\.?)?\s+(?P<list>{_ITEM_KEY}"
    rf"(?:\s*(?:,|and|&|-|–|to)\s*{_ITEM_KEY})*)\s+(?=(?:is|are|was|were|has|have|had|cannot|can"
    r"|will|would)\b)", re.I)


def _letters_counted(listed: str) -> str:
    """Items named by letter as their places: "(a) and (c)" -> "1 and 3"."""
    return re.sub(r"\(?\b([a-h])\b\)?", lambda m: str(ord(m.group(1).lower()) - 96), listed,
                  flags=re.I)


def _listed_numbers(listed: str) -> tuple[int, ...]:
    """ "1 and 3" -> (1, 3); "2-4" -> (2, 3, 4); "1, 2 and 5" -> (1, 2, 5); "3, 212" -> (3,)
    (the answer's own figure after the comma: items are listed rising, a few apart).

    >>> _listed_numbers("3, 212")
    (3,)
    """
    numbers: list[int] = []
    for part in re.split(r"\s*(?:,|and|&)\s*", listed):
        ends = [int(n) for n in re.findall(r"\d+", part)]
        if numbers and ends and not 0 < ends[0] - numbers[-1] <= _ITEMS_APART:
            break
        if len(ends) == 2 and 0 < ends[1] - ends[0] < 50:
            numbers.extend(range(ends[0], ends[1] + 1))
        else:
            numbers.extend(ends)
    return tuple(dict.fromkeys(numbers))


_ITEMS_APART = 20


# "A1 Gwent Police uses…", "A 2 -": an answer's short label, told from a road or a paper size
# only by the question labels ("Q1 …", "Q2 …") it answers.
_SHORT_ANSWER_LABEL = re.compile(r"^A\s?(?P<n>\d{1,3})(?:\s*[:.)–—-]\s*|\s+(?=\S))")


def _pair_numbered_labels(units: list[Unit]) -> None:
    """Read "Q1 …" / "A1 …" labelling as a scheme: where at least two "A<n>" paragraphs carry
    the numbers of "Q<n>" questions before them, they are answers; and a "Q<n>" again straight
    after "Q<n>" (a slip for "A<n>") answers it."""
    asked: dict[int, int] = {}
    answers: list[tuple[Unit, int, int]] = []
    repeats: list[Unit] = []
    last = 0
    for unit in units:
        if unit.marker[:1] in "Qq" and unit.marker[1:2].isdigit() and len(unit.numbers) == 1:
            if unit.numbers[0] in asked and last == unit.numbers[0]:
                repeats.append(unit)
            asked.setdefault(unit.numbers[0], unit.index)
            last = unit.numbers[0]
        elif not unit.label and not unit.marker and unit.text[:1] == "A" and (
                match := _SHORT_ANSWER_LABEL.match(unit.text)):
            answers.append((unit, int(match.group("n")), match.end()))
    matched = [(unit, n, end) for unit, n, end in answers if asked.get(n, unit.index) < unit.index]
    if len(matched) < 2:
        return
    for unit, n, end in matched:
        unit.text, unit.label, unit.numbers = unit.text[end:].strip(), "answer", (n,)
    for unit in units:
        if unit.marker[:1] in "Qq" and unit.marker[1:2].isdigit() and not unit.label:
            unit.label = "question"  # "Q1" as a list's enumerator: a label all the same
    for unit in repeats:
        unit.label, unit.marker = "answer", ""


# A scan's blur of an enumerator read as letters ("OOS", "aN") before the item's first word.
_BLURRED_MARK = re.compile(r"^(?:[A-Za-z]{1,3}|[^\w\s]{1,3})\s+(?=[A-Z][a-z])")
_MERGED_ITEMS = re.compile(r"(?<=\?)\s+(?:[A-Za-z]{1,3}|[^\w\s]{1,3})\s+(?=(?:How|What|When|Where|"
                           r"Which|Who|Why|Since|Please|Do|Does|Did|Is|Are|Has|Have|If)\b)")
# How many items in a row, their marks lost, make a list whose first mark survived.
_MIN_BLURRED = 3


def _number_blurred(units: list[Unit]) -> list[Unit]:
    """A scanned request list whose marks the scan blurred away but for the first: "1. Since
    January 2019 how many…?" then "Please provide the dates…", "How many of these…?" with no
    mark. Each item after "1." that reads as a question takes the next number, and a line that
    carries the one before it on (in lower case, after no sentence's end) joins it; a blurred
    mark read as letters ("OOS How many…") is dropped. Scanned text only: a born-digital
    letter's marks are as printed."""
    for k, first in enumerate(units):
        if not (first.block.source.ocr and first.numbers == (1,) and _ENUMERATOR.match(
                first.marker + " ") and reads_as_question(first.text)):
            continue
        items: list[Unit] = [first]
        carried: set[int] = set()
        for unit in units[k + 1:]:
            if unit.marker or unit.label or not unit.block.source.ocr:
                break
            if unit.text[:1].islower() and not items[-1].text.rstrip(" .").endswith(("?", ".")):
                carried.add(unit.index)  # "the borough completed?": the line before, carried on
                items[-1] = dataclasses.replace(items[-1], text=items[-1].text + " " + unit.text)
                continue
            text = unit.text
            blurred = _BLURRED_MARK.match(text)
            if blurred and text[:blurred.end()].strip() not in ("A", "An", "I", "The", "In"):
                text = text[blurred.end():]
            if not reads_as_question(text):
                break
            # "…what is the reason? aN Since January 2019 how many…?": two items on one line,
            # the second's blurred mark between them.
            for part in _MERGED_ITEMS.split(text):
                n = len(items) + 1
                items.append(dataclasses.replace(unit, text=part, numbers=(n,),
                                                 marker=re.sub(r"\d+", str(n), first.marker)))
        if len(items) - 1 < _MIN_BLURRED:
            continue
        numbered: dict[int, list[Unit]] = {}
        for item in items:
            numbered.setdefault(item.index, []).append(item)
        out = [n for u in units if u.index not in carried for n in numbered.get(u.index, [u])]
        for index, unit in enumerate(out):
            unit.index = index
        return out
    return units


def _run_on_items(units: list[Unit]) -> list[Unit]:
    """ "1. The number replacing felled mature street trees; 2. The number replacing failed
    young trees; 3. …", "1. How many claims …? 2. How many of these …? 3. What was …":
    numbered items run on in one paragraph (their line breaks lost), each an item of its own
    where the numbers after the first count on from it. So too where the first item runs on
    from its lead-in ("I would like to know the following. (1) How many …? (2) …"), the
    lead-in then a paragraph of its own."""
    if not any(_RUN_ON_ITEM.search(u.text) for u in units):
        return units  # the usual letter: nothing to split, nothing to renumber
    out: list[Unit] = []
    for k, unit in enumerate(units):
        numbered = len(unit.numbers) == 1 and unit.marker[:1] in "0123456789(" \
            and unit.marker.strip("().").isdigit() and unit.kind != "table"
        head, first = "", unit
        if not numbered and not unit.marker and not unit.numbers and unit.kind != "table":
            opening = _FIRST_RUN_ON.search(unit.text)
            if opening is not None:
                marker = opening.group("mark")
                first = dataclasses.replace(unit, text=unit.text[opening.end():], marker=marker,
                                            numbers=(1,))
                parts = _run_on_parts(first)
                nxt = units[k + 1] if k + 1 < len(units) else None
                # The next item runs on too, or is the next paragraph, marked alike.
                if parts or nxt is not None and nxt.numbers == (2,) \
                        and nxt.marker.strip("().") == "2" and nxt.marker[:1] == marker[:1]:
                    head = unit.text[:opening.start() + 1].strip()
                    numbered = True
        parts = _run_on_parts(first) if numbered else []
        if head:
            out.append(dataclasses.replace(unit, text=head, raw=head, index=len(out)))
            if not parts:
                first.index = len(out)
                out.append(first)
                continue
        if len(parts) < 2:
            unit.index = len(out)
            out.append(unit)
            continue
        for number, text in parts:
            mark = f"({number})" if first.marker[:1] == "(" else \
                f"{number}{first.marker[-1] if first.marker[-1] in '.)' else '.'}"
            out.append(dataclasses.replace(first, text=text, marker=mark, numbers=(number,),
                                           index=len(out)))
    return out


def _run_on_letters(units: list[Unit]) -> list[Unit]:
    """ "… delivered in-house by the local authority a. What is the total amount spent per
    year?" and "d. What proportion … from other sources e. Please specify the grants …": a
    stem's lettered sub-questions run on into it, or into each other, where their line breaks
    were lost. Each letter that counts on from the one before (from "a." after a numbered
    stem) and opens a question is a sub-question of its own."""
    if not any(_LETTER_INSIDE.search(u.text) for u in units if u.marker):
        return units  # the usual letter: nothing runs on
    out: list[Unit] = []
    for unit in units:
        parts = _letter_parts(unit)
        if parts is None:
            unit.index = len(out)
            out.append(unit)
            continue
        head, rest = parts
        out.append(dataclasses.replace(unit, text=head, index=len(out)))
        for letter, text in rest:
            out.append(dataclasses.replace(unit, text=text, marker=f"{letter}.", numbers=(
                _marker_numbers(f"{letter}.")), label="", index=len(out), kind="list_item"))
    return out


def _letter_parts(unit: Unit) -> tuple[str, list[tuple[str, str]]] | None:
    """The unit's own text, and each (letter, text) run on into it; None where none runs on."""
    marker = unit.marker.rstrip(".)").lower()
    if marker.isdigit():
        expected = "a"
    elif len(marker) == 1 and "a" <= marker < "h":
        expected = chr(ord(marker) + 1)
    else:
        return None
    text = unit.text
    found: list[tuple[int, int, str]] = []
    for m in _LETTER_INSIDE.finditer(text):
        if m["letter"] != expected:
            continue
        found.append((m.start(), m.end(), expected))
        expected = chr(ord(expected) + 1)
    if not found:
        return None
    head = text[:found[0][0]].strip()
    letters = []
    for k, (_start, end, letter) in enumerate(found):
        stop = found[k + 1][0] if k + 1 < len(found) else len(text)
        letters.append((letter, text[end:stop].strip()))
    if not head or not all(reads_as_question(t) for _l, t in letters):
        return None
    return head, letters


# A sub-question's letter inside a line, after a word or a question's end: "… authority a. What
# is …", "… other sources e. Please specify …".
_LETTER_INSIDE = re.compile(r"(?<=[\w?)])\s+(?P<letter>[a-h])[.)]\s+(?=[A-Z])")


def _run_on_parts(unit: Unit) -> list[tuple[int, str]]:
    """The items a numbered paragraph runs on into, counting on from its own number."""
    number, text, at = unit.numbers[0], unit.text, 0
    parts: list[tuple[int, str]] = []
    for m in _RUN_ON_ITEM.finditer(text):
        if int(m["n"]) != number + len(parts) + 1:
            continue
        end = m.start() + (text[m.start()] != ";")  # "…to date?" keeps its mark; not a ";"
        parts.append((number + len(parts), text[at:end].strip().rstrip(";").strip()))
        at = m.end()
    if not parts:
        return []
    parts.append((number + len(parts), text[at:].strip().rstrip(";").strip()))
    return parts if all(t for _n, t in parts) else []


# "…felled mature street trees; 2. The number …", "…to date? 2. How many …", "…the
# contractor. 6. Please provide …": the next item's number after a sentence's end.
_RUN_ON_ITEM = re.compile(r"[;?.]\s+(?P<open>\()?(?P<n>\d{1,2})(?(open)\)|[.)])\s+(?=[A-Z])")
# "I would like to know the following. (1) How many …": the first item after its lead-in.
_FIRST_RUN_ON = re.compile(r"[.:]\s+(?P<mark>\(1\)|1[.)])\s+(?=[A-Z])")


def _number_dashed(units: list[Unit]) -> None:
    """Read "1 – I can confirm…", "2 - We consider…" (or "1, Between…") as enumerated, where such
    paragraphs count 1, 2, 3… in order: alone, "163 - Of the above" is a figure and what it
    counts. A number typed with no dash ("4 Please provide…") counts where it fills the gap
    between the dashed numbers around it ("3 - …" and "5 - …")."""
    dashed = [(unit, match) for unit in units if unit.text[:1].isdigit() and not unit.marker
              and not unit.label and (match := _DASHED_ENUMERATOR.match(unit.text)
                                      or _BARE_NUMBER.match(unit.text))]
    dashed = [(unit, match) for k, (unit, match) in enumerate(dashed)
              if match.re is _DASHED_ENUMERATOR or _fills_gap(dashed, k)]
    if len(dashed) < 2:
        return
    numbers = [int(m.group("n")) for _u, m in dashed]
    # "1.How many panels…?" then "2 - What the process is…": the dashes carry a count on.
    above = next((u.numbers[0] for u in reversed(units[:dashed[0][0].index])
                  if len(u.numbers) == 1 and u.marker[:1].isdigit()), None)
    if not _counts_from_one(([above] if above is not None and above + 1 == numbers[0] else [])
                            + numbers):
        return
    for unit, match in dashed:
        unit.text = unit.text[match.end():].strip()
        unit.marker = match.group(0).strip()
        unit.numbers = (int(match.group("n")),)


def _dash_bulleted(units: list[Unit]) -> None:
    """Read paragraphs typed "-copies of all contracts …", "-the number of notices …" one
    under another as bulleted: a dash before a word in lower case opens a list's item where
    two or more such stand together (alone, "-" may be a hyphen carried over); in place. (A
    dash before a capital or a figure is a bullet anyway: :data:`_TYPED_BULLET`.)"""
    dashed = [bool(not u.marker and not u.label and _DASH_ITEM.match(u.text)) for u in units]
    for k, unit in enumerate(units):
        if dashed[k] and (k and dashed[k - 1] or k + 1 < len(units) and dashed[k + 1]):
            unit.text = _DASH_ITEM.sub("", unit.text, count=1)
            unit.marker = "•"


_DASH_ITEM = re.compile(r"^[-–]\s*(?=[a-z]\S*\s)")


def _fills_gap(candidates: list[tuple[Unit, re.Match[str]]], k: int) -> bool:
    """True when candidate ``k`` (a bare number) is the one number missing between the
    dashed candidates on either side of it."""
    if not 0 < k < len(candidates) - 1:
        return False
    (_, before), (_, here), (_, after) = candidates[k - 1:k + 2]
    n = int(here.group("n"))
    return (before.re is after.re is _DASHED_ENUMERATOR
            and int(before.group("n")) + 1 == n == int(after.group("n")) - 1)


def _number_gaps(units: list[Unit]) -> None:
    """"4 Please provide all correspondence…" between "3. Please provide…" and "5. Does the
    council…": the number missing from the count, typed without its stop, is the item's."""
    numbered = [unit for unit in units if len(unit.numbers) == 1 and unit.marker[:1].isdigit()]
    for before, after in zip(numbered, numbered[1:]):
        missing = before.numbers[0] + 1
        if after.numbers[0] != missing + 1:
            continue
        for unit in units[before.index + 1:after.index]:
            match = _BARE_NUMBER.match(unit.text)
            if match and not unit.marker and not unit.label and int(match["n"]) == missing:
                unit.text = unit.text[match.end():].strip()
                unit.marker, unit.numbers = match["n"], (missing,)
                break


def _unnumber_figures(units: list[Unit]) -> None:
    """"20. Please see the explanation for Q4 above." between "5. How many…?" and "6. How
    many…?": a figure opening the answer, not an enumerator, where the numbers around it count
    on by one without it."""
    numbered = [unit for unit in units if len(unit.numbers) == 1 and unit.marker[:1].isdigit()]
    figures = [unit for before, unit, after in zip(numbered, numbered[1:], numbered[2:])
               if after.numbers[0] == before.numbers[0] + 1
               and unit.numbers[0] > after.numbers[0]]
    for unit in figures:
        unit.text = f"{unit.marker} {unit.text}"
        unit.marker, unit.numbers = "", ()


def _counts_from_one(numbers: list[int]) -> bool:
    """True for 1, 2, 3… or that count begun again ("1 - …", "2 - …" asked, then answered
    "1 - …", "2 - …"), with at least one count reaching 2."""
    if numbers[0] != 1 or max(numbers) < 2:
        return False
    # A number typed twice ("3 - …", "3 - …" for 3 and 4) does not break the count.
    return all(n in (previous + 1, previous, 1) for previous, n in zip(numbers, numbers[1:]))


def _split_lines(spans: tuple[Span, ...]) -> list[tuple[Span, ...]]:
    """Split at hard breaks where the emphasis changes or a label opens the next line."""
    lines: list[list[Span]] = [[]]
    for span in spans:
        parts = span.text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part:
                lines[-1].append(Span(part, span.bold, span.italic, span.color, span.href))
    lines = [line for line in lines if spans_text(tuple(line)).strip()]
    if len(lines) <= 1:
        return [tuple(_joined(lines))]
    groups: list[list[Span]] = [lines[0]]
    for line in lines[1:]:
        text = spans_text(tuple(line)).strip()
        new_style = _emphasis(line) != _emphasis(groups[-1])
        new_label = bool(_ANSWER_LABEL.match(text) or _WORD_LABEL.match(text)
                         or text[:1].isdigit() and _DASHED_ENUMERATOR.match(text)
                         or _answers_label_above(text, groups[-1])
                         or name_line(text) and _ends_sentence_or_name(groups[-1])
                         or signs_off(text) or _answered_below(groups[-1], text)
                         or _asked_and_answered_on_the_line(groups[-1], text)
                         or _REFERENCE_OPENING.match(text) is not None
                         or _LABELLED_VALUE.match(text) is not None
                         or _label_only(groups[-1]))
        if new_style or new_label:
            groups.append(list(line))
        else:
            groups[-1] = groups[-1] + [Span(" ")] + list(line)
    return [tuple(group) for group in groups]


def _label_only(above: list[Span]) -> bool:
    """ "Your request:" / "Our response:" on a line of their own: what follows is apart."""
    text = spans_text(tuple(above)).strip()
    return bool(_QUESTION_WORD_ONLY.match(text) or _ANSWER_WORD_ONLY.match(text))


def _answered_below(above: list[Span], text: str) -> bool:
    """A question's line ending on its "?" (in quotation marks or not), then a line of its
    own: the answer beneath its question ('"How many of these pupils had an EHCP?"' /
    "Fewer than 5."), or the next question."""
    last = spans_text(tuple(above)).rstrip().rstrip("\"'”’")
    if not (last.endswith("?") and (text[:1].isupper() or text[:1].isdigit())):
        return False
    # The next question on a line of its own apart too ("How much did they cost?"), but not
    # the rider that carries the question on ("Please give a breakdown by year.").
    return not reads_as_question(text) or not _RIDER_LINE.match(text)


def _asked_and_answered_on_the_line(above: list[Span], text: str) -> bool:
    """A question answered on its own line ("How many shelters are there? 1,942"), or a figure
    alone where the question above wrapped ("…on 1 April 2024?" / "112"), then the next
    question on the next line ("How many were replaced in 2023? 63"): each line a pair."""
    last = spans_text(tuple(above))
    at, mark = last.rfind("?"), text.find("?")
    told = last[at + 1:].strip() if at >= 0 else last.strip()
    if at < 0 and not (_INLINE_ANSWER.match(told) and len(told.split()) <= _BARE_WORDS):
        return False  # (a line above with no question mark is a figure alone, "112", or prose)
    if mark < 0 or not 0 < len(told) <= _ON_THE_LINE or opens_asking(told):
        return False  # (nothing told on the line above, or it asks on: "…? What platform")
    return reads_as_question(text[:mark + 1]) and (text[:1].isupper() or text[:1].isdigit())


# How long an answer given on its question's line may be, for the line to be a pair; and how
# many words a figure's line may hold ("112", "£486,000 a year") where its question wrapped
# above it.
_ON_THE_LINE = 80
_BARE_WORDS = 3


_RIDER_LINE = re.compile(rf"(?:{RIDER}|if\s+(?:possible|available)|and|or|also|including|broken|"
                         r"split)\b", re.I)


def _ends_sentence_or_name(line: list[Span]) -> bool:
    text = spans_text(tuple(line)).rstrip()
    return text.endswith((".", "!", "?")) or name_line(text)


def _answers_label_above(text: str, above: list[Span]) -> bool:
    """ "A2 …" on the line after "Q2 …": the answer's short label under its question's."""
    answer = _SHORT_ANSWER_LABEL.match(text)
    question = _WORD_LABEL.match(spans_text(tuple(above)).strip()) if answer else None
    return question is not None and question.group("word").lower() == "q" \
        and re.sub(r"\D", "", question.group("n")) == answer.group("n")  # type: ignore[union-attr]


def _joined(lines: list[list[Span]]) -> list[Span]:
    return lines[0] if lines else []


def _emphasis(spans: list[Span]) -> tuple[bool, bool]:
    bold = italic = True
    for span in spans:
        if not span.text.isspace() and span.text:
            bold = bold and span.bold
            italic = italic and span.italic
    return bold, italic


def _unit(block: Block, spans: tuple[Span, ...], raw: str, index: int) -> Unit:
    if "  " in raw or not raw.isprintable():  # a tab, a break, an odd space: fold them
        raw = _WS.sub(" ", raw)
    raw = raw.strip()
    if len(spans) == 1:  # the usual paragraph: one span, visible when the text is
        visible = list(spans) if raw else []
    else:
        visible = [s for s in spans if s.text and not s.text.isspace()]
    bold, italic = _emphasis(visible) if visible else (False, False)
    colors = frozenset(s.color for s in visible if s.color) if any(
        s.color for s in visible) else _NO_COLOURS
    text, marker, label, numbers = read_label(raw)
    if not marker and not label and (bullet := _TYPED_BULLET.match(text)):
        # "· Any briefing notes…", ". Any contracts…": a list typed by hand (a Symbol-font
        # bullet saved as text, or a full stop standing in for one).
        text, marker = text[bullet.end():], "•"  # a bullet, whatever glyph stood for it
    if block.marker and label == "question" or (
            label and raw[:4].lower() == "your" and not raw.endswith(":") and not text):
        # An enumerated item's own text opening "Q1 2021: …" is not a second label; "Your
        # Request" as a title sets out the request below it, as headings do ("Your request:"
        # is a label, as is "Your question: How many …?").
        text, marker, label, numbers = raw, "", "", ()
    if block.marker and not marker:
        marker = block.marker
        numbers = numbers or _marker_numbers(block.marker)
    # A bold label before plain text ("**Question 1:** How many?") says nothing of the question's style.
    if visible and label and not bold and visible[0].bold:
        rest = visible[1:]
        if rest:
            bold, italic = _emphasis(rest)
    return Unit(text, raw, block.kind, bold, italic, colors,
                block.level if block.kind == "heading" else 0, marker, label, numbers,
                block.source, index, block)


_NO_COLOURS: frozenset[str] = frozenset()


def read_label(text: str) -> tuple[str, str, Label, tuple[int, ...]]:
    """Strip a leading label or enumerator: ``(text, marker, label, numbers)``.

    >>> read_label("Q3-Q5: None.")
    ('None.', 'Q3-Q5', 'question', (3, 4, 5))
    >>> read_label("Answer: 1,204")
    ('1,204', '', 'answer', ())
    >>> read_label("1-3. The council does not hold this information.")
    ('The council does not hold this information.', '1-3.', '', (1, 2, 3))
    >>> read_label("(ii) how many were paid?")
    ('how many were paid?', '(ii)', '', (2,))
    >>> read_label("Q: How many were paid?")
    ('How many were paid?', '', 'question', ())
    >>> read_label("You asked: How many were paid?")
    ('How many were paid?', '', 'question', ())

    """
    text = _unquote(text.strip())
    named = _NAMED_ANSWER.match(text) if ":" in text[:40] else None
    if named and text[named.end():].strip():
        return text[named.end():].strip(), "", "answer", ()  # "CITY RESPONSE: 187 …"
    if not _may_be_labelled(text):
        if len(text) < 50 and _NAMED_ANSWER_ONLY.match(text):
            return "", "", "answer", ()
        return text, "", "", ()
    match = _WORD_LABEL.match(text)
    if match and _NAMING_GOES_ON.match(text, match.end()):
        match = None  # "Item 3 is granted.", "Parts 2 and 3 of your request …": prose naming them
    if match and match.group("m") and _ANSWERED_ON_DASH.match(text):
        match = _WORD_LABEL_ALONE.match(text)  # "Q1 – 214", "Q3 – 71.3%": the answer, no range
    if match and (match.group("word").lower() != "q" or match.group("n")):
        first = int(re.sub(r"\D", "", match.group("n")))
        last = int(match.group("m")) if match.group("m") else first
        numbers: tuple[int, ...]
        if match.group("j") in ("and", "&"):
            numbers = (first, last) if last > first else (first,)  # "Questions 1 and 3"
        else:
            numbers = tuple(range(first, last + 1)) if 0 < last - first < 50 else (first,)
        marker = match.group(0).strip().rstrip(":.)–—- ").strip()
        return text[match.end():].strip(), marker, "question", numbers
    if match := _ANSWER_WORD_ONLY.match(text):
        return "", "", "answer", (int(match.group("n")),) if match.group("n") else ()
    if _QUESTION_WORD_ONLY.match(text):
        return "", "", "question", ()  # "Question:" on a line of its own
    match = _UNNUMBERED_QUESTION_LABEL.match(text)
    if match and text[match.end():].strip():
        return text[match.end():].strip(), "", "question", ()  # "Q: How many …?"
    if (match := _ANSWER_TO_ITEMS.match(text)) and text[match.end():].strip():
        # "Response to c) and d): In 2023 …", "Answer to questions 3 and 4 – …": the answer
        # after a label naming the items it answers.
        return text[match.end():].strip(), "", "answer", _listed_numbers(_letters_counted(
            match.group("list")))
    match = _ANSWER_LABEL.match(text)
    if match:
        number = match.group("n") or match.group("an")
        rest = text[match.end():].strip()
        if not any(c.isalnum() for c in rest):
            rest = ""  # "Our Response:-"
        return rest, "", "answer", (int(number),) if number else ()
    if match := _RANGE_ENUMERATOR.match(text):
        first, last = int(match.group("n")), int(match.group("m"))
        if 0 < first < last <= first + 20:
            span = (first, last) if match.group("j").lower() in ("and", "&") \
                else tuple(range(first, last + 1))
            return text[match.end():].strip(), match.group(0).strip(), "", span
    bare = _BARE_ENUMERATOR.match(text)
    if bare:
        return "", text, "", _marker_numbers(text)
    match = _ENUMERATOR.match(text)
    if match:
        marker = match.group(0).strip()
        rest = text[match.end():].strip()
        # "c. 250" and "v. high" are words, not enumerators: a lettered item opens with a capital.
        lettered_dot = marker.endswith(".") and marker[:-1].isalpha()
        if rest and not (lettered_dot and not rest[0].isupper()):
            return rest, marker, "", _marker_numbers(marker)
    return text, "", "", ()


_OPENING = "“\"‘"
_CLOSING = "”\"’"


_LABEL_WORDS = frozenset({"question", "questions", "request", "requests", "item", "items", "part",
                          "parts", "point", "points", "bullet", "bullets", "answer", "response",
                          "reply", "our", "your", "you", "a"})
_SHORT_ENUMERATOR = re.compile(r"^(?:[a-z]|[ivx]{1,5})[.)]", re.IGNORECASE)


def _may_be_labelled(text: str) -> bool:
    """A quick look at the first word: could a label or an enumerator open this text?"""
    if not text:
        return False
    first = text[0]
    if first.isdigit() or first == "(":
        return True
    if not _LABEL_START.match(text):
        return False  # most paragraphs: one scan of their first characters tells
    word = text[:14].split(maxsplit=1)[0].lower() if text.strip() else ""
    if word.rstrip(":.)–—-0123456789") in _LABEL_WORDS or (word[:1] == "q" and (
            word[1:2].isdigit() or word[1:2] in (":", "–", "—", "-"))):
        return True
    return bool(_SHORT_ENUMERATOR.match(text))


# What can open a label or short enumerator, loosely: a label word with no letter after it, or an
# enumerator. Whatever the exact reading above accepts, this accepts (a test holds it to that).
_LABEL_START = re.compile(r"\s*(?:(?:questions?|q|requests?|items?|parts?|points?|bullets?|answer|"
                          r"response|reply|our"
                          r"|your|you|a)"
                          r"(?![a-z])|(?:[a-z]|[ivx]{1,5})[.)])", re.IGNORECASE)


def _unquote(text: str) -> str:
    """Drop a quotation mark left open or closed by a request quoted over several paragraphs."""
    if text[:1] not in _OPENING and text[-1:] not in _CLOSING:
        return text
    quotes = sum(text.count(q) for q in "“”\"")
    if quotes % 2 and text[:1] in _OPENING:
        return text[1:].lstrip()
    if quotes % 2 and text[-1:] in _CLOSING:
        return text[:-1].rstrip()
    return text


def _marker_numbers(marker: str) -> tuple[int, ...]:
    core = marker.strip("().:; ").lower()
    if core[:1] == "q" and core[1:].isdigit():  # "Q2:" from a text list
        core = core[1:]
    if core.isdigit():
        return (int(core),)
    if (m := re.fullmatch(rf"(\d{{1,3}})[.(]?([a-z]|{_ROMAN})", core)):  # "1a)", "1(a)", "2(ii)"
        return (int(m.group(1)),)
    if re.fullmatch(_ROMAN, core):
        return (_roman(core),)
    if len(core) == 1 and core.isalpha():
        return (ord(core) - ord("a") + 1,)
    return ()


def _roman(numeral: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for char, following in zip(numeral, numeral[1:] + " "):
        value = values[char]
        total += -value if following != " " and values.get(following, 0) > value else value
    return total


# "1. Playground Closures:": a numbered item that only titles what is asked beneath it.
_TITLE_WORDS = 6
_LONG_TITLE_WORDS = 12
_MIN_TITLES = 3
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9£•])")
# Words an answer says and a request statement ("The frequency with which …") does not.
_ANSWERING = re.compile(r"\b(?:we|our|us|i|is|was|were|has|have|had|hold|holds|held|does|do|"
                        r"did|not|no|none|nil|can|cannot|will|would|please\s+see|see)\b", re.I)


def _titled_items(units: list[Unit]) -> list[Unit]:
    """Numbered titles over what is asked ("1. Playground Closures:" then "The number of
    playgrounds permanently closed." and the answer, maybe on the same line): each title and
    the request's sentences beneath it are one question, the rest its answer. Only where
    three titles or more count on one by one: the letter's own layout."""
    titles = [k for k, unit in enumerate(units) if _title(unit)]
    run = [titles[0]] if titles else []
    for k in titles[1:]:
        if units[k].numbers[0] == units[run[-1]].numbers[0] + 1:
            run.append(k)
    if len(run) < _MIN_TITLES or any(units[k].numbers[0] != n + units[run[0]].numbers[0]
                                     for n, k in enumerate(run)):
        return units
    out: list[Unit] = []
    ends = run[1:] + [len(units)]
    k = 0
    for title, end in zip(run, ends):
        out.extend(units[k:title])
        asked: list[str] = []
        rest: list[Unit] = []
        for j in range(title + 1, end):
            unit = units[j]
            if rest or unit.marker or unit.kind == "table":
                rest.append(unit)
                continue
            sentences = _SENTENCE.split(unit.text)
            taken = 0
            for sentence in sentences:
                if _asks(sentence, first=not asked):
                    asked.append(sentence)
                    taken += 1
                else:
                    break
            if taken < len(sentences):
                remainder = " ".join(sentences[taken:])
                rest.append(unit if not taken else dataclasses.replace(
                    unit, text=remainder, raw=remainder, marker="", numbers=(), label=""))
        head = units[title]
        text = " ".join([head.text] + asked)
        out.append(dataclasses.replace(head, text=text, raw=" ".join([head.raw] + asked),
                                       titled=True))
        out.extend(rest)
        k = end
    out.extend(units[k:])
    for index, unit in enumerate(out):
        unit.index = index
    return out


def _title(unit: Unit) -> bool:
    """A numbered title ("1. Playground Closures:"); a longer one only where it names a thing
    and asks nothing ("2. Number of Bus Stops fitted with real time audio information
    systems:", not "1. For each year, please provide:")."""
    text = unit.text.rstrip()
    words = len(text.split())
    return bool(unit.numbers and unit.marker and text.endswith(":") and unit.kind != "table"
                and (words <= _TITLE_WORDS or words <= _LONG_TITLE_WORDS
                     and not _ASKING_WORD.search(text)))


# A word that asks or leads on, which no title of a thing holds.
_ASKING_WORD = re.compile(r"\b(?:please|provide|tell|confirm|each|following|below|if|whether|"
                          r"how|what|which|who|when|where|why|do|does|did|is|are|was|were|has|"
                          r"have|can|could|would|will)\b", re.I)


def _asks(sentence: str, first: bool) -> bool:
    """True when a sentence under a title is the request's ("The number of playgrounds
    closed.", "If available, provide …"), not the answer's."""
    if _VERDICT.fullmatch(sentence.strip()):
        return False  # "Information not held."
    if reads_as_question(sentence):
        return not sentence[:1].isdigit()  # "3 new playgrounds opened: …" answers
    return first and sentence.startswith("The ") and sentence.endswith(".") \
        and len(sentence.split()) <= 25 and not _ANSWERING.search(sentence) \
        and not re.search(r"\d", sentence)


# A table whose header cells ask ("2) If so, which supplier do you use?", "3) How much do you
# spend annually?"): each column answers its header.
_MIN_ASKING_COLUMNS = 2
_CELL_ENUMERATOR = re.compile(r"^\(?(?P<n>\d{1,3})[a-z]?(?:\.\)|[.):])\s*")


def _question_columns(units: list[Unit]) -> list[Unit]:
    """Each table whose header row's cells all ask, as its columns' questions and answers: the
    header cell, then the column's cells joined by "; "."""
    if not any(unit.kind == "table" for unit in units):
        return units
    out: list[Unit] = []
    for unit in units:
        rows = unit.block.rows if unit.kind == "table" else ()
        head = [cell.text.strip() for cell in rows[0]] if rows else []
        if (len(head) < _MIN_ASKING_COLUMNS or len(rows) < 2
                or not all(text.endswith("?") for text in head)
                or any(len(row) != len(head) for row in rows)):
            out.append(unit)
            continue
        for column, asked in enumerate(head):
            m = _CELL_ENUMERATOR.match(asked)
            text = asked[m.end():] if m else asked
            answer = "; ".join(" ".join(row[column].text.split()) for row in rows[1:]
                               if row[column].text.strip())
            question = Block("paragraph", (Span(text),), source=unit.source)
            out.append(dataclasses.replace(
                unit, text=text, raw=asked, kind="paragraph", block=question,
                marker=m.group(0).strip() if m else "", numbers=(int(m["n"]),) if m else (),
                label="question"))
            out.append(dataclasses.replace(
                unit, text=answer, raw=answer, kind="paragraph", marker="", numbers=(), label="",
                block=Block("paragraph", (Span(answer),), source=unit.source)))
    for index, unit in enumerate(out):
        unit.index = index
    return out
