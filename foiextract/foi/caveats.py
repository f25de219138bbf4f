"""Caveats: the sentences of a response that qualify its figures.

"A keyword search may not identify all records", "figures are provisional", "this
response should not be used for comparison": a journalist quotes them beside any figure
published. Each sentence matching a pattern of ``data/caveat_phrases.json`` is a caveat,
kept with where it stands (its page, or its lines or paragraph).

>>> from foiextract.model import Block, Document, Source, Span
>>> doc = Document((Block("paragraph", (Span("Figures are provisional. Thank you."),),
...                       source=Source(page=2)),), "pdf", "x.pdf")
>>> [(c.text, c.source.page) for c in read_caveats(doc)]
[('Figures are provisional.', 2)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon.data import load_json
from ..model import Document, Source
from ..values.answer import clean, sentences

# Blocks whose sentences can be caveats: the letter's text, not its tables.
_TEXT_KINDS = frozenset({"paragraph", "list_item", "heading"})


@dataclass(frozen=True, slots=True)
class Caveat:
    """One sentence qualifying a response's figures, and where it stands."""

    text: str
    source: Source

    def where(self) -> str:
        """``page 2``, ``lines 4-6``, ``paragraph 7``: where the sentence stands."""
        return self.source.describe()


@cache
def _patterns() -> re.Pattern[str]:
    phrases: list[str] = load_json("caveat_phrases.json")["caveats"]
    return re.compile("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)


def is_caveat(sentence: str) -> bool:
    """True when ``sentence`` qualifies the figures.

    >>> is_caveat("A keyword search may not accurately identify all information held.")
    True
    >>> is_caveat("Please quote the reference number in any future communications.")
    False
    """
    return bool(_patterns().search(sentence))


def read_caveats(document: Document) -> list[Caveat]:
    """Every caveat sentence of ``document``, in reading order, each once."""
    found: list[Caveat] = []
    seen: set[str] = set()
    for block in document.blocks:
        if block.kind not in _TEXT_KINDS:
            continue
        for sentence in sentences(clean(block.text)):
            if sentence not in seen and is_caveat(sentence):
                seen.add(sentence)
                found.append(Caveat(sentence, block.source))
    return found
