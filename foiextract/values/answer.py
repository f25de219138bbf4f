"""An answer made ready for the rules: cleaned text, first sentence, question intent.

>>> a = Answer.read("c. 250. This is an estimate.", "How many agency workers?")
>>> a.first, a.intent
('c. 250.', 'count')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from foiextract.lexicon.text import NAMES_ITEMS, PERIOD_FIGURE
from foiextract.model import Block
from foiextract.values.described import asked_words
from foiextract.values.intent import Intent, asks_for_a_list, named_records, question_intent
from foiextract.values.refusals import says_not_held
from foiextract.values.subject import (NO_SUBJECT, Subject, may_read_subject, question_subject,
                                       singular)
from foiextract.values.vocab import alternation, vocab

# Abbreviations that end in a stop without ending a sentence.
_ABBREVIATIONS = frozenset({"c", "ca", "approx", "no", "nos", "s", "ss", "reg", "regs", "e.g", "i.e",
                            "etc", "para", "st", "mr", "mrs", "ms", "dr", "ltd", "co", "vs", "fig"})
@cache
def _preamble() -> re.Pattern[str]:
    return re.compile(alternation(list(vocab()["preambles"])) + r"\s*[.:]?", re.I)
# A stop, then the space after it (group 1) before a capital, figure, "£", "(" or quote. The stop
# is matched, not looked behind at, so the search jumps from stop to stop.
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-Z0-9£(\"“])")
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_MAX_CHARS = 8000
_LEADING_BULLET = re.compile(r"^(?:[-•·▪‣◦–—]|\*(?=\s+\w))\s+(?=\S)")


def clean(text: str) -> str:
    """Whitespace collapsed, Markdown escapes and typographic quotes made plain.

    >>> clean("  \\\\*  ")
    '*'
    >>> clean("As of Jan 24^th, there were 43")
    'As of Jan 24th, there were 43'
    """
    text = text[:_MAX_CHARS]
    text = text.replace("\\*", "*").replace("\\_", "_").replace("\u00a0", " ")
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = " ".join(text.split())
    if "^" in text:  # a request platform's superscript ordinal ("Jan 24^th"): "24th"
        text = _CARET_ORDINAL.sub(r"\1\2", text)
    # A bullet or dash left in front of the answer ("- Yes.") is not part of it.
    return _LEADING_BULLET.sub("", text)


# A prose answer's opening naming the items it answers ("In response to questions 1 and 2,").
_NAMED_ITEM = re.compile(
    rf"^{NAMES_ITEMS}\s*\d{{1,3}}(?:\s*(?:,|and|&|-|–|to)\s*\d{{1,3}}"
    r"(?=\s*(?:,(?!\d{3}\b)|and|&|-|–|to|:|\.)))*"  # (not the "9" of "question 1, 9,412 …")
    r"\s*[,:.–-]\s*", re.I)
_CARET_ORDINAL = re.compile(r"(\d)\^(st|nd|rd|th)\b", re.I)


def sentences(text: str) -> list[str]:
    """``text`` split into sentences, not at "c." or "No." or "s."."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start(1)]
        # The letters and stops that end the sentence, less the last stop ("e.g", "No", "c").
        last = before[len(before.rstrip(_WORD_CHARS)):-1] if before[-1] == "." else ""
        if last and last.lower().rstrip(".") in _ABBREVIATIONS:
            continue
        out.append(before.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


@lru_cache(maxsize=4096)
def _prepared(answer: str) -> tuple[str, str]:
    """The cleaned text of ``answer`` and its first sentence (cached: one answer often stands
    under several questions)."""
    text = clean(answer)
    if text[:1] in "IiRrWw":  # "In response to question 3, 212 notices …": the item named, then
        text = _NAMED_ITEM.sub("", text, count=1) or text  # the answer
    parts = sentences(text)
    # "The council holds this information." says nothing of the value; the next sentence does.
    while len(parts) > 1 and _preamble().fullmatch(parts[0]):
        parts = parts[1:]
        text = " ".join(parts)
    return text, parts[0] if parts else ""


# A bullet typed as text, or a PDF's bullet glyph (Symbol's "\uf0b7"), then white space.
_TYPED_BULLET = re.compile(r"^[•·▪◦●‣∙\uf0b7\uf0a7]\s+")


def list_items_of(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """The text of each list item among ``blocks``, whitespace collapsed.

    >>> from foiextract.model import Span
    >>> list_items_of((Block("list_item", (Span("Leeds  City"),)), Block("paragraph", (Span("x"),))))
    ('Leeds City',)
    >>> list_items_of((Block("paragraph", (Span("Marstons\\nEquita"),)),))
    ('Marstons', 'Equita')
    >>> list_items_of((Block("paragraph", (Span("We use these bailiffs:\\nMarstons\\nEquita"),)),))
    ('Marstons', 'Equita')
    >>> list_items_of((Block("paragraph", (Span("2018-19 - 216"),)), Block("paragraph", (Span("2019-20 - 203"),))))
    ('2018-19 - 216', '2019-20 - 203')
    >>> list_items_of((Block("paragraph", (Span("\uf0b7 Total  Mobile"),)),
    ...                Block("paragraph", (Span("• Verint"),))))
    ('Total Mobile', 'Verint')
    """
    items = tuple(" ".join(b.text.split()) for b in blocks if b.kind == "list_item" and b.text.strip())
    if items:
        return items
    # "• Northgate Housing" / "• Total Mobile": bullets typed (or a PDF's glyphs), a paragraph
    # each, after a lead-in at most (a list in the middle of an account is the account's).
    typed = [_TYPED_BULLET.sub("", b.text, count=1) for b in blocks
             if b.kind == "paragraph" and _TYPED_BULLET.match(b.text)]
    if len(typed) >= 2 and len(blocks) - len(typed) <= 1:
        return tuple(" ".join(t.split()) for t in typed if t.strip())
    # "Marstons / Equita / Sheffield City Council Enforcement", a name a line: a list.
    lines = [line.strip() for b in blocks if b.kind == "paragraph" for line in b.text.split("\n")
             if line.strip()]
    if len(lines) >= 3 and lines[0].endswith(":"):
        lines = lines[1:]  # "Amey uses the following machinery:" / "Whacker plate" / "JCB" …
    if len(lines) >= 2 and all(_NAME_ITEM.fullmatch(line) or PERIOD_FIGURE.match(line)
                               for line in lines):
        # ("2018-19 - 216" / "2019-20 - 203": a figure a period, a line each, as printed.)
        return tuple(" ".join(line.split()) for line in lines)
    return ()


@lru_cache(maxsize=4096)
def topic_words(text: str, verbs: bool = False) -> frozenset[str]:
    """The words of ``text`` that say what it is about: of four letters or more, not the words
    every question or letter uses, a plural's "s" taken off. With ``verbs``, also the verb a
    yes/no question asks with: "have" for "Does it have / Has it", "be" for "Is it / Are they".

    >>> sorted(topic_words("Do you use your own internal teams for repairs?"))
    ['internal', 'repair', 'team']
    >>> sorted(topic_words("Does the council have a contract?", verbs=True))
    ['contract', 'have']
    """
    low = text.lower()
    words = {w[:-1] if w.endswith("s") and not w.endswith("ss") else w
             for w in re.findall(r"[a-z]{4,}", low) if w not in _COMMON_WORDS}
    if verbs:
        words |= {w for w in re.findall(r"[a-z]+", low) if w in ASKING_VERBS}
        if re.search(r"\b(?:has|have|had)\b", low):
            words.add("have")
        if re.match(r"\s*(?:is|are|was|were)\b", low):
            words.add("be")
    return frozenset(words)


def denies_what_was_asked(text: str, question: str | None) -> bool:
    """True when a sentence of ``text`` says not held what ``question`` asks of, in words the
    rest of the answer leaves out while it speaks of something else: "Here is the spend on
    agency solicitors' fees: … We do not hold information on the spend on barristers' fees." to
    "How much was spent on barristers' fees?". Where the rest names a thing asked that the
    denial does not ("45 complaints were received. We do not hold data on compliments."), or
    names nothing else ("5. We do not hold data on X before 2019."), it answers.

    >>> denies_what_was_asked("Agency solicitors' fees for tribunal hearings: £17,447. We do "
    ...     "not hold information on barristers' fees.", "How much was spent on barristers' fees?")
    True
    >>> denies_what_was_asked("We received 45 complaints. We do not hold data on compliments.",
    ...                       "How many complaints and compliments did you receive?")
    False
    """
    if not question or not says_not_held(text):
        return False
    asked = topic_words(question) - _SAID_OF_ANY
    said = sentences(text[:_MAX_CHARS])
    if not asked or len(said) < 2:
        return False
    for k, sentence in enumerate(said):
        if not says_not_held(sentence):
            continue
        denied = topic_words(sentence) & asked
        rest = topic_words(" ".join(said[:k] + said[k + 1:]))
        if denied - rest and rest & asked <= denied and len(rest - asked - _SAID_OF_ANY) >= 2:
            return True
    return False


# Words a question or its answer uses of any subject: they do not tell which thing is meant.
_SAID_OF_ANY = frozenset(
    "information data record detail document figure statistic number total amount year annual "
    "annually spend spent cost held hold request breakdown list copy provide given available "
    "period date time".split())


_COMMON_WORDS = frozenset(
    "your yours have does this that these those with from what which there their they them "
    "where when will would could should been being were please provide confirm whether also "
    "into onto only other than then such some same very more most many much each every "
    "council councils authority authorities local currently current about over under".split())
# Short verbs a yes/no question asks with, kept though under four letters or common.
ASKING_VERBS = frozenset({"use", "run", "pay", "own", "hold", "have", "keep", "send", "sell"})


# A line that names one thing: a few words, no figure, no sentence's punctuation.
_NAME_ITEM = re.compile(r"[^\W\d][^\d.:;?!]{0,60}", re.UNICODE)


# A figure in digits: an answer with two or more may be read by the question's words; so may
# one that counts refusals ("12 were refused" to "How many … were refused?").
_FIGURES = re.compile(r"\d[\d,]*")
# Refusals as a thing counted: "refused", "rejected", "denied", "declined", "withheld".
COUNTED_REFUSALS = re.compile(r"\b(?:refus|reject|deni|declin|withheld)\w*", re.I)


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer as the rules see it."""

    # The rules read neither ``raw`` nor ``question`` (they read ``intent`` and, for a how-many
    # question, ``subject``), nor ``blocks`` (they read ``items``, the list items of the blocks),
    # so answers alike in the rest are equal and ``rules.apply_rules`` reads them once; hashing
    # strings, not blocks, is also quicker.
    raw: str = field(compare=False)
    text: str
    question: str | None = field(compare=False)
    intent: Intent
    first: str
    blocks: tuple[Block, ...] = field(default=(), compare=False)
    items: tuple[str, ...] = ()
    subject: Subject = NO_SUBJECT
    # A yes/no question's words (:func:`topic_words`): what a bare statement must speak of, and
    # with which verb, to answer it yes.
    topic: frozenset[str] = frozenset()
    # A how-many question's telling words and whether it asks of a denial, where the answer
    # gives several figures (:func:`described.asked_words`): which figure its words describe
    # (or counts refusals: whether the question asks for refusals counted).
    asked: tuple[frozenset[str], bool] = (frozenset(), False)
    # A list asked for in so many words ("Please list …"), not "Which supplier …?".
    list_asked: bool = False
    # A sentence says not held the very thing asked, which the rest leaves out
    # (:func:`denies_what_was_asked`).
    asked_not_held: bool = False

    @classmethod
    def read(cls, answer: str, question: str | None = None, blocks: tuple[Block, ...] = ()) -> Answer:
        """Clean ``answer``, read the intent of ``question`` and the list items of ``blocks``."""
        text, first = _prepared(answer)
        intent = question_intent(question)
        # Only a how-many question has a subject the rules look at, and only an answer with a
        # denial or a time unit in it is read by it: the rest keep NO_SUBJECT and so stay equal
        # across questions (``rules.apply_rules`` reads them once).
        subject = question_subject(question) if intent in ("count", "period") and \
            may_read_subject(text) else NO_SUBJECT
        if intent == "copy" and (named := named_records(question)) and may_read_subject(text):
            subject = Subject((singular(named),), "")  # "Any targets set for …": the targets
        # A list item the answer only ends ("1. Please name the resellers: Right Digital
        # Solutions and …", the question and its answer on one line) is not an item of it.
        spaced = " ".join(text.split())
        items = tuple(item for item in list_items_of(blocks) if item in spaced)
        topic = topic_words(question, verbs=True) if intent == "boolean" and question else \
            frozenset()
        asked = asked_words(question) if intent in ("count", "period") and question and (
            len(_FIGURES.findall(text)) >= 2 or COUNTED_REFUSALS.search(text)) \
            else (frozenset(), False)
        list_asked = intent == "list" and asks_for_a_list(question)
        asked_not_held = intent != "boolean" and denies_what_was_asked(text, question)
        return cls(answer, text, question, intent, first, blocks, items, subject, topic, asked,
                   list_asked, asked_not_held)

    @property
    def lower(self) -> str:
        return self.text.lower()
