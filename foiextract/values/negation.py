"""Negated existence: "we do not employ any X", "there were no X", "the council received no X".

To a how-many question such a sentence is the count 0 when what it denies is
a thing that could be counted (not "information", "a breakdown", "access") and
either it is what the question counts or no other figure competes with it in
the sentence. The first sentence that holds a figure or a denial decides: "No
complaints in 2019; 2 in 2020" has a figure beside the denial and is not 0.

>>> from foiextract.values.subject import question_subject
>>> denies_existence("We do not employ staff specialised in this",
...                  question_subject("How many staff specialise in autism?"))
True
>>> denies_existence("The council received no complaints over the 3 years",
...                  question_subject("How many complaints were received?"))
True
>>> denies_existence("We do not know how many complaints there were",
...                  question_subject("How many complaints were received?"))
False
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from foiextract.values.answer import sentences
from foiextract.values.figures import value_figures
from foiextract.values.numbers import NumberMatch
from foiextract.values.subject import Subject, singular
from foiextract.values.vocab import vocab

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# The figure of a superset: "none of the 3 sites", "of our 12 libraries, none ...".
_SUPERSET_BEFORE = re.compile(r"\b(?:of|out\s+of|across|among|from)\s+(?:the|our|its|their|these|those|"
                              r"all|all\s+of\s+the|all\s+our)?\s*$", re.I)
_OBJECT_ENDS = frozenset("""
are is was were be been being have has had do does did will would can could in on at for from by
with within to into during since between over under per across about as than or and but if
whether which who that because so although though while when where yet nor
""".split())
_MAX_SENTENCES = 3
# A word every denial holds: a quick test before the sentences are looked at one by one.
_ANY_CUE = re.compile(r"\b(?:no|none|not|never|nil|zero)\b|n't\b", re.I)
_MAX_OBJECT_WORDS = 4


@cache
def _cue() -> re.Pattern[str]:
    """A denial and what follows it: "no X", "none (of) X", "not any X", "do not <verb> (any) X"."""
    verbs = "|".join(sorted(map(re.escape, vocab()["existential_verbs"]), key=len, reverse=True))
    return re.compile(
        r"\b(?:"
        r"(?P<no>no|zero|nil)\s+(?=[A-Za-z])"
        r"|(?P<none>none)\b(?:\s+of\b)?(?:\s+(?:the|our|its|their|these|those|them)\b)?\s*"
        r"|not\s+(?:a\s+single|any)\s+"
        r"|(?:do|does|did|have|has|had|is|are|was|were|will|would|can|could)\s*(?:not|n't)\s+"
        r"(?:(?:currently|presently|yet|ever|previously|now|actually|directly)\s+)?"
        r"(?:(?P<verb>" + verbs + r")\b(?:\s+(?:out|up|with|on))?\s*(?:any\s+|a\s+single\s+)?)"
        r"|never\s+(?:(?P<verb2>" + verbs + r")\b(?:\s+(?:out|up))?\s*(?:any\s+)?)"
        r")", re.I)


def _object_words(sentence: str, start: int) -> list[str]:
    words: list[str] = []
    for w in _WORD.finditer(sentence, start, start + 80):
        low = w.group().lower()
        if low in _OBJECT_ENDS or len(words) >= _MAX_OBJECT_WORDS:
            break
        words.append(low)
    return words


def _competing(sentence: str, figures: list[NumberMatch], cue: re.Match[str], subject: Subject) -> bool:
    for n in figures:
        if cue.start() <= n.start <= cue.end():
            continue  # "no one", "zero": the denial's own word
        if _SUPERSET_BEFORE.search(sentence, max(0, n.start - 24), n.start):
            continue
        # "... but 2 staff have had training": a figure after the denial, of something the
        # question does not count. A figure before it ("There are 1279 children who do not
        # have ...") is what the denial qualifies.
        noun = _object_words(sentence, n.end)[:1]
        if n.start > cue.start() and noun and subject.words and not _matches(noun, subject):
            continue
        return True
    return False


Reading = Literal["zero", "figure", "uncounted", ""]


def _denial(sentence: str, subject: Subject, first: bool) -> Reading:
    """How ``sentence`` speaks to the count: ``zero`` (it denies a counted thing), ``figure``
    (a figure answers), ``uncounted`` (it denies something not counted: "no requirement",
    "not been able"), or "" (neither)."""
    low = sentence.lower()
    if "n" not in low and "zero" not in low:  # every cue holds an "n" but "zero"
        cue = None
    else:
        cue = _cue().search(sentence)
    figures = value_figures(sentence, subject.unit)
    if cue is None:
        return "figure" if figures else ""
    if _competing(sentence, figures, cue, subject):
        return "figure"
    obj = _object_words(sentence, cue.end())
    if cue.group("no") and not obj:
        return ""
    not_counted = _not_counted()
    if obj and (obj[0] in not_counted or (
            any(w in not_counted for w in obj[1:2]) and not _matches(obj, subject))):
        return "uncounted"
    # Past the first sentence, a denial answers only when it names what the question counts.
    return "zero" if first or _matches(obj, subject) else ""


def _matches(obj: list[str], subject: Subject) -> bool:
    return bool(subject.words) and not {singular(w) for w in obj}.isdisjoint(subject.words)


@cache
def _not_counted() -> frozenset[str]:
    return frozenset(vocab()["negated_not_counted"])


def denies_named(sentence: str, subject: Subject) -> bool:
    """True when ``sentence`` denies the very thing ``subject`` names, with no figure beside.

    >>> denies_named("The council sets no targets for notices.", Subject(("target",), ""))
    True
    >>> denies_named("We set no limits on targets.", Subject(("target",), ""))
    False
    """
    cue = _cue().search(sentence) if _ANY_CUE.search(sentence) else None
    return cue is not None and not value_figures(sentence, "") \
        and _matches(_object_words(sentence, cue.end()), subject)


def denies_existence(text: str, subject: Subject) -> bool:
    """True when the first sentence of ``text`` that speaks to the count denies the thing counted."""
    low = text.lower()
    if ("no" not in low and "n't" not in low and "never" not in low and "zero" not in low
            and "nil" not in low) or _ANY_CUE.search(text) is None:
        return False  # no denial anywhere: nothing to split into sentences
    for k, sentence in enumerate(sentences(text)[:_MAX_SENTENCES]):
        found = _denial(sentence, subject, k == 0)
        if found:
            return found == "zero"
    return False


def opening_denial(first: str, subject: Subject) -> Reading:
    """How the first sentence of an answer that opens with a denial ("None", "There were no
    ...", "We do not have ...") speaks to the count (see ``_denial``).

    >>> from foiextract.values.subject import question_subject
    >>> opening_denial("There is no requirement to record this.", question_subject("How many?"))
    'uncounted'
    >>> opening_denial("No complaints in 2019 but 2 in 2020.", question_subject("How many complaints?"))
    'figure'
    """
    return _denial(first, subject, True)
