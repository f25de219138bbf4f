"""The versioned vocabularies the value reader uses, loaded once from ``foiextract/data``.

>>> vocab()["months"]["march"]
3
>>> vocab()["version"] >= 1
True
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def vocab() -> dict[str, Any]:
    """Number words, months, nil/N/A/not-held phrases (``values_vocab.json``)."""
    data: dict[str, Any] = json.loads(
        files("foiextract.data").joinpath("values_vocab.json").read_text("utf-8"))
    return data


@cache
def intents() -> dict[str, Any]:
    """Question-intent phrases (``values_intents.json``)."""
    data: dict[str, Any] = json.loads(
        files("foiextract.data").joinpath("values_intents.json").read_text("utf-8"))
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
