"""Folding and comparing texts: what the segmenter, the value reader, the compiler and the
evaluation all compare questions by.

>>> normalise("Q1 – How many ‘reviews’?")
'q1 how many reviews'
>>> similarity("Please provide the dates of completion.", "please provide the dates of completion")
1.0
>>> sorted(stems("the dates of completion"))
['complet', 'dat']
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .data import load_json

_NON_WORD = re.compile(r"[^a-z0-9]+")
_STEM = re.compile(r"(?:ations|ation|ions|ion|ings|ing|ed|es|ly|s)$")
# How alike two questions must read to be the same question, and to be a likely match.
SAME = 0.85
LIKE = 0.55
# A request's follow-up to the question before it ("If so, …", "If not, …"), and the riders a
# question's line goes on with after its "?" ("Please give a breakdown …", "Kindly …").
FOLLOW_UP = r"if\s+(?:so|yes|not|no|applicable)\b"
RIDER = rf"(?:please|kindly|{FOLLOW_UP})"
# How a prose answer opens on naming the request's items it answers ("In response to questions
# 1 and 2,", "Regarding point 4"): the words up to the item word, before its number. The
# reader, the segmenter and the value reader each finish it as they need.
NAMES_ITEMS = (r"(?:in\s+(?:respect|response|relation|reply|regards?|answer)\s+(?:of|to)|with\s+"
               r"(?:regard|reference|respect)\s+to|regarding|turning\s+to|as\s+(?:for|regards|to))"
               r"\s+(?:your\s+)?(?:questions?|q|points?|items?|parts?|portions?)")
# The same naming by the item's place ("In answer to your first question,", "Regarding the
# third point"): the ordinal is the item's number (``ORDINALS``); "your first two questions"
# names the items from it on, as many as counted (``COUNTS``); "the second and third points"
# names two; "Your second question asked …" names it too.
NAMES_ITEM_BY_PLACE = (
    r"(?P<pre>(?:in\s+(?:respect|response|relation|reply|regards?|answer)\s+(?:of|to)|"
    r"with\s+(?:regard|reference|respect)\s+to|regarding|turning\s+to|"
    r"as\s+(?:for|regards|to))\s+)?(?:your|the)\s+(?P<ordinal>first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:(?:and|&)\s+(?P<also>"
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final)\s+|"
    r"(?P<count>two|three|four|five)\s+)?(?:question|point|item|part|request)s?\b"
    # (or the place named first: "Your second question asked …")
    r"(?(pre)|(?=\s+(?:asked|was|were|concerned|related|sought|requested)\b))")
ORDINALS = {word: n for n, word in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth"), start=1)}
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
# "3 - Start date and duration …", "1 – a) Please disclose …": an item numbered with a dash, as
# replies restate requests (alone, "5 - 10 days" is a range: the reader and the segmenter read
# it as an item only where such lines count 1, 2, 3…).
# The words no sentence ends on ("…in the financial years 2020-21, 2022-23, and"): a line
# or a cell that stops on one goes on in the next.
OPEN_END_WORDS = "and|or|of|the|for|in|on|a|an|with|by|from|to"
DASHED_ITEM = re.compile(r"^(?P<n>\d{1,3}) [-–—] (?=[A-Z]|[a-h]\)\s)")
# A period and its figure on a line of their own: "2018-19 - 216", "2023-24 (up to and including
# 29/02/24) - 272", "April 2022 = £1,250", "2023/24 – 12,977 (as at 31 January 2024)".
PERIOD_FIGURE = re.compile(r"^(?:\d{4}(?:[/-]\d{2,4})?|[A-Z][a-z]{2,8}\s+\d{4})\b[^\n]{0,60}?"
                           r"\s[-–:=]\s*[£$€]?\d[\d,.]*%?(?:\s*\([^()\n]{1,60}\))?\s*$")
# "Question 2: Do you have …", "Q2 …": a question's label and number opening a line.
LABEL_NUMBER = re.compile(r"^(?:questions?|q|request|item)\s*(?P<n>\d{1,3})(?![\d/.,])", re.I)


def counted_item(text: str) -> tuple[str, int] | None:
    """The kind and number of a line that opens with a counted item: "3 - Start date …"
    ("dashed", 3) or "Question 2: Do you …" ("label", 2); None for any other line.

    >>> counted_item("3 - Start date and duration."), counted_item("Question 2: Do you?")
    (('dashed', 3), ('label', 2))
    >>> counted_item("5 - 10 days"), counted_item("Q2/3 figures")
    (None, None)
    """
    if text[:1].isdigit():
        dashed = DASHED_ITEM.match(text)
        return ("dashed", int(dashed["n"])) if dashed else None
    label = LABEL_NUMBER.match(text) if text[:1] in "QqRrIi" else None
    return ("label", int(label["n"])) if label else None


def normalise(text: str) -> str:
    """Lower case, typographic quotes and punctuation folded to spaces."""
    return _NON_WORD.sub(" ", text.lower().replace("’", "'")).strip()


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, frozenset[str]]:
    """The text normalised, and its set of words."""
    folded = normalise(text)
    return folded, frozenset(folded.split())


def similarity(a: str, b: str) -> float:
    """How alike two questions read, from 0 to 1: the overlap of their sets of words (Dice).

    One question standing whole inside a longer one (a sub-question inside
    its request item) scores 0.9.
    """
    left, left_words = words(a)
    right, right_words = words(b)
    if not left or not right:
        return 0.0
    if left == right:
        return 1.0
    if min(len(left), len(right)) >= 10 and (left in right or right in left):
        return 0.9
    return 2 * len(left_words & right_words) / (len(left_words) + len(right_words))


@cache
def _filler() -> frozenset[str]:
    return frozenset(load_json("compile_words.json")["match_filler"])


# Cached: a shared answer's sentences and its group's questions are stemmed again for each
# question of the group (``values.parts.part_for``), a run of hundreds in a long request.
@lru_cache(maxsize=8192)
def stems(text: str) -> frozenset[str]:
    """Content words of a question, crudely stemmed ("completion", "completed" -> "complet")."""
    filler = _filler()
    return frozenset(_STEM.sub("", w) if len(w) > 4 else w
                     for w in normalise(text).split() if w not in filler)


_SMALL_WORDS = frozenset({"and", "of", "for", "the", "&", "-", "–", "to", "in", "on"})


def opens_asking(text: str) -> bool:
    """True when ``text`` opens as a question does, by the segmenter's interrogatives ("How
    many", "What", "Do", "Please", "If so").

    >>> opens_asking("What platform is used?"), opens_asking("1,942 shelters")
    (True, False)
    """
    return bool(interrogative_opening().match(text))


@cache
def interrogative_opening() -> re.Pattern[str]:
    """The pattern of a question's opening words (``segment_phrases.json``'s interrogatives),
    the longest first, a word's end after a word."""
    return re.compile(f"^(?:{alternation(load_json('segment_phrases.json')['interrogatives'])})",
                      re.I)


def alternation(words: list[str]) -> str:
    """A pattern matching any of ``words``, the longest first; a phrase ending in a letter ends
    on a word's end ("we " is "we", not the "We" of "Were")."""
    return "|".join(re.escape(w.strip()) + (r"\b" if w.strip()[-1:].isalnum() else "")
                    for w in sorted(words, key=len, reverse=True))


def name_line(text: str) -> bool:
    """A line of capitalised words with no sentence's end: a name, a team, the lines that sign a
    letter off ("Knowledge and Information Access Team").

    >>> name_line("Ministry of Housing, Communities and Local Government"), name_line("No records.")
    (True, False)
    """
    words = text.replace(",", " ").split()
    return (2 <= len(words) <= 10 and len(text) < 80 and text[-1:].isalnum()
            and all(w[:1].isupper() or w in _SMALL_WORDS for w in words))


def part_divider(text: str) -> bool:
    """True for a line that counts off the requests or parts a letter answers in turn ("First
    request", "Your second question", "Third part:"): what follows answers another one.

    >>> part_divider("Second request"), part_divider("The second request was refused.")
    (True, False)
    """
    return _PART_DIVIDER.fullmatch(text.strip()) is not None


_PART_DIVIDER = re.compile(
    r"(?:(?:your|the|my|our)\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|final|last)\s+(?:request|question|part|element|point|query|enquiry|set of questions)"
    r"\s*[:.-]?", re.I)
