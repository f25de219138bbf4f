"""Corrections teach: repeated corrections become proposed vocabulary entries, as a diff.

When people keep making the same correction, the vocabulary lacks a phrase. Two kinds of
repeat are read from the corrections and the answers they were made on:

- the **kind** corrected to ``not_held``, ``not_applicable``, ``withheld`` or ``published``
  on answers that share a phrase the vocabulary does not know ("the records were lost"):
  the longest such phrase, in at least ``min_count`` answers, is proposed for that kind's
  list of ``values_vocab.json``;
- the **value** corrected to the same whole number on a short answer the reader could not
  count ("a brace"): proposed as a number word (``number_collectives``).

The proposals are the overlay file ``values_vocab.json`` of the data folder
(``FOIEXTRACT_DATA``, ``--data``) as it would become, shown as a unified diff; written, the
next run reads by them with no code changed.

>>> phrases_in(["The records were lost in 2015.", "Sadly the records were lost."], 2)
['the records were lost']
"""

from __future__ import annotations

import difflib
import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from ..lexicon.text import normalise
from .store import Correction

VOCABULARY = "values_vocab.json"
# The list of values_vocab.json a phrase goes to, by the kind it was corrected to.
PHRASE_LISTS = {"not_held": "not_held", "not_applicable": "not_applicable",
                "withheld": "withheld_triggers", "published": "published_phrases"}
NUMBER_WORDS = "number_collectives"
# A number word is a short answer: a phrase, not a sentence.
MAX_NUMBER_WORDS = 4
MAX_PHRASE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One proposed entry: the vocabulary list, the phrase, what it means, and how often."""

    list_name: str
    phrase: str
    meaning: Any
    support: int


def suggest(corrections: Sequence[Correction], answers: Mapping[str, str],
            min_count: int = 2) -> list[Suggestion]:
    """The entries repeated corrections call for. ``answers`` maps each key to the answer's
    text the correction was made on; a key it lacks is left out."""
    from ..values import parse_answer
    from ..values.vocab import has_phrase

    latest: dict[tuple[str, str], Correction] = {}
    for correction in corrections:
        latest[correction.key, correction.field] = correction
    by_kind: dict[str, list[str]] = defaultdict(list)
    by_words: dict[str, Counter[int]] = defaultdict(Counter)
    for (key, field), correction in latest.items():
        answer = answers.get(key)
        if not answer:
            continue
        if field == "kind" and correction.new_value in PHRASE_LISTS:
            if not has_phrase(PHRASE_LISTS[correction.new_value], answer):
                by_kind[correction.new_value].append(answer)
        elif field == "value" and _whole(correction.new_value) is not None:
            short = normalise(answer)
            if 0 < len(short.split()) <= MAX_NUMBER_WORDS and \
                    parse_answer(answer).number is None:
                by_words[short][int(_whole(correction.new_value) or 0)] += 1
    found = [Suggestion(PHRASE_LISTS[kind], phrase, kind, support)
             for kind, texts in sorted(by_kind.items())
             for phrase, support in _supported(texts, min_count)]
    for phrase, numbers in sorted(by_words.items()):
        (number, support), = numbers.most_common(1)
        if support >= min_count and len(numbers) == 1:  # people agree on what it counts
            found.append(Suggestion(NUMBER_WORDS, phrase, number, support))
    return found


def phrases_in(texts: Iterable[str], min_count: int) -> list[str]:
    """The longest word sequences found in at least ``min_count`` of the texts (none inside
    another as often found)."""
    return [phrase for phrase, _ in _supported(list(texts), min_count)]


def _supported(texts: list[str], min_count: int) -> list[tuple[str, int]]:
    support: Counter[str] = Counter()
    for text in texts:
        tokens = normalise(text).split()
        grams = {" ".join(tokens[i:i + n]) for n in range(2, MAX_PHRASE_WORDS + 1)
                 for i in range(len(tokens) - n + 1)}
        support.update(g for g in grams if any(len(w) > 3 for w in g.split()))
    common = {g: c for g, c in support.items() if c >= min_count}
    # The longest sequence of each support; then, most supported first, none holding a
    # phrase already kept (it would match wherever that one does).
    longest = [(g, c) for g, c in common.items()
               if not any(g != other and f" {g} " in f" {other} " and common[other] >= c
                          for other in common)]
    kept: list[tuple[str, int]] = []
    for phrase, count in sorted(longest, key=lambda item: (-item[1], len(item[0]), item[0])):
        if not any(f" {k} " in f" {phrase} " for k, _ in kept):
            kept.append((phrase, count))
    return kept


def _whole(text: str) -> int | None:
    try:
        number = float(text.replace(",", "").strip())
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def overlay_diff(folder: str, suggestions: Sequence[Suggestion]) -> tuple[str, str]:
    """The overlay file's new text with the suggestions added, and the diff from its text now
    (``{}`` when there is none yet)."""
    path = os.path.join(folder, VOCABULARY)
    old = open(path, encoding="utf-8").read() if os.path.isfile(path) else ""
    data: dict[str, Any] = json.loads(old) if old.strip() else {}
    for suggestion in suggestions:
        if suggestion.list_name == NUMBER_WORDS:
            data.setdefault(NUMBER_WORDS, {})[suggestion.phrase] = suggestion.meaning
        else:
            entries = data.setdefault(suggestion.list_name, [])
            if suggestion.phrase not in entries:
                entries.append(suggestion.phrase)
    new = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    diff = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                fromfile=f"a/{VOCABULARY}", tofile=f"b/{VOCABULARY}")
    return new, "".join(diff)
