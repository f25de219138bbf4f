"""What a how-many question counts: the words of the thing counted, and the time unit asked.

"How many members of staff are employed in the team?" counts ``staff``
(``members of staff``); "How many working days did it take?" asks for a
figure in ``day`` s, so "20 working days" answers it, where "within 24
hours" does not answer "How often are checks carried out?".

>>> question_subject("How many play specialists does the trust employ?")
Subject(words=('play', 'specialist'), unit='')
>>> question_subject("Please give the number of hours of training each officer had.")
Subject(words=('hour', 'training'), unit='hour')
>>> question_subject("Does the council use CCTV?")
Subject(words=(), unit='')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from foiextract.values.vocab import vocab

# "how many", "the (total) number of", "count of", then "of these", "of the" and the like.
_COUNTED = re.compile(
    r"\b(?:how\s+many|number\s+of|count\s+of|total\s+of)\s+"
    r"(?:(?:of\s+)?(?:these|those|them|the|your|our|its|their|all|such|any|each)\s+)*", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Words that end the name of the thing counted: verbs, prepositions, pronouns, conjunctions.
ENDS = frozenset("""
are is was were be been being have has had do does did will would can could shall should may
might must that which who whom whose where when while in on at for from by with within to into
during since between over under per across about as than or and but if whether this these those
it they we you he she there their your our its currently presently still now each every
""".split())
_MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class Subject:
    """The thing a question counts (its words, crudely singular) and the time unit it asks for."""

    words: tuple[str, ...] = ()
    unit: str = ""

    @property
    def head(self) -> str:
        """The noun the words end in: "patrol" of "school crossing patrols"."""
        return self.words[-1] if self.words else ""


NO_SUBJECT = Subject()


def singular(word: str) -> str:
    """``word`` lower-cased, a plural "s" or "es" taken off ("complaints" -> "complaint").

    >>> singular("Complaints"), singular("staff"), singular("cases"), singular("libraries")
    ('complaint', 'staff', 'case', 'library')
    """
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("shes", "ches", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Pieces of the words a rule reads the subject for: denials ("no", "not", "none", "n't",
# "never", "nil", "zero") and time units ("hour", "hrs", "day", "week", "wk", "fortnight",
# "month", "mth", "year", "yr", "min", "sec").
_SUBJECT_CUES = ("no", "n't", "never", "nil", "zero", "hour", "hr", "day", "week", "wk",
                 "fortnight", "mth", "month", "year", "yr", "min", "sec")


def may_read_subject(answer: str) -> bool:
    """True when ``answer`` holds a denial, a time unit or two figures, which the rules read in
    the light of the question's subject; False means the subject cannot change how it reads.

    >>> may_read_subject("We do not employ any"), may_read_subject("14 cases")
    (True, False)
    >>> may_read_subject("46 patrols and 5 vacant posts")
    True
    """
    low = answer.lower()
    for cue in _SUBJECT_CUES:
        if cue in low:
            return True
    # Two figures: the subject says which one answers.
    return _TWO_FIGURES.search(answer) is not None


_TWO_FIGURES = re.compile(r"\d\D+\d")


@lru_cache(maxsize=8192)
def question_subject(question: str | None) -> Subject:
    """The subject of a how-many question ("How many X ..."), or ``NO_SUBJECT``."""
    if not question:
        return NO_SUBJECT
    low = question[:2000].lower()
    if "many" not in low and "number" not in low and "count" not in low and "total" not in low:
        return NO_SUBJECT
    m = _COUNTED.search(question[:2000])
    if m is None:
        return NO_SUBJECT
    words: list[str] = []
    for w in _WORD.finditer(question, m.end(), m.end() + 120):
        low = w.group().lower()
        if low in ENDS or len(words) >= _MAX_WORDS:
            break
        if low != "of":
            words.append(singular(low))
    units = _time_units()
    unit = next((units[w] for w in words[:2] if w in units), "")
    return Subject(tuple(words), unit)


@cache
def _time_units() -> dict[str, str]:
    """Time units by their singular ("hour", "hr", "day") -> canonical unit."""
    return {singular(word): unit for word, unit in vocab()["time_units"].items()}
