"""The versioned vocabularies the value reader uses, loaded once from ``foiextract/data``.

>>> vocab()["months"]["march"]
3
>>> vocab()["version"] >= 1
True
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from ..lexicon.data import load_json


@cache
def vocab() -> dict[str, Any]:
    """Number words, months, nil/N/A/not-held phrases (``values_vocab.json``)."""
    data: dict[str, Any] = load_json("values_vocab.json")
    return data


@cache
def intents() -> dict[str, Any]:
    """Question-intent phrases (``values_intents.json``)."""
    data: dict[str, Any] = load_json("values_intents.json")
    return data


def alternation(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, bounded where a phrase ends in a letter.

    >>> bool(re.fullmatch(alternation(["no", "none"]), "none"))
    True
    """
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        start = r"\b" if word[:1].isalnum() else ""
        end = r"\b" if word[-1:].isalnum() else ""
        parts.append(start + re.escape(word) + end)
    return "(?:" + "|".join(parts) + ")"


@cache
def phrase_pattern(key: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any phrase of the vocabulary list ``key``."""
    return re.compile(alternation(list(vocab()[key])), re.I)


# Words too common in answers to tell whether a phrase may be there.
_COMMON = frozenset({"a", "are", "at", "be", "by", "can", "data", "did", "do", "does", "has", "have",
                     "information", "is", "it", "no", "not", "of", "on", "our", "the", "this", "to",
                     "via", "we"})
# Characters that match an ASCII letter under re.IGNORECASE but do not lower-case to it
# ("İ", "ı", "ſ"): a text holding one is searched without the word test.
FOLDS_APART = re.compile("[\u0130\u0131\u017f]")


@cache
def _phrase_keys(key: str) -> tuple[tuple[str, re.Pattern[str]], ...] | None:
    """The phrases of ``key`` grouped by a word each holds, with a pattern for lower-cased text
    that finds a phrase of the group; None when a phrase is not ASCII (lower-casing is then
    not what re.IGNORECASE does).

    A phrase's word is its longest uncommon one (else the whole phrase); a word holding
    another word is dropped for it. The pattern matches the word, then looks back at the
    phrase up to it and on at the rest: ``held(?<=\\bnot held)\\b`` for "not held", so the
    search jumps from one place the word is to the next. Lower-casing keeps each
    character's place and whether it is a word character (all but "İ", "ı" and "ſ",
    which ``has_phrase`` leaves to ``phrase_pattern``).
    """
    phrases = sorted({w.lower() for w in vocab()[key]}, key=lambda w: (-len(w), w))
    if not all(p.isascii() for p in phrases):
        return None
    words = set()
    for phrase in phrases:
        rare = [w for w in phrase.split() if w not in _COMMON]
        words.add(max(rare, key=len) if rare else phrase)
    words = {w for w in words if not any(o != w and o in w for o in words)}
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        word = min(w for w in words if w in phrase)
        at = phrase.index(word)
        start = r"\b" if phrase[:1].isalnum() else ""
        end = r"\b" if phrase[-1:].isalnum() else ""
        groups.setdefault(word, []).append(
            f"(?<={start}{re.escape(phrase[:at + len(word)])}){re.escape(phrase[at + len(word):])}{end}")
    return tuple((word, re.compile(re.escape(word) + "(?:" + "|".join(alts) + ")"))
                 for word, alts in sorted(groups.items()))


def has_phrase(key: str, text: str) -> bool:
    """True when a phrase of the vocabulary list ``key`` is in ``text``, as
    ``phrase_pattern(key).search(text)`` finds, searched from the words the phrases hold.

    >>> has_phrase("not_held", "We do NOT hold it."), has_phrase("not_held", "We hold it.")
    (True, False)
    """
    groups = _phrase_keys(key)
    # An ASCII text (``isascii`` reads a flag, it does not scan) holds none of them.
    if groups is None or (not text.isascii() and FOLDS_APART.search(text) is not None):
        return phrase_pattern(key).search(text) is not None
    low = text.lower()
    # A loop, not any() over a generator: this is called for most answers, several times.
    for word, pattern in groups:
        if word in low and pattern.search(low) is not None:
            return True
    return False
