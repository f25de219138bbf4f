"""The request a batch of responses answers: read from a file, or inferred from the responses.

A request file holds the questions as sent, one numbered item each (``1.``,
``2)``, ``Q3``), in any format foiextract reads. Lettered or roman
sub-questions beneath an item belong to it. Without a file, the request is the
question list most of the responses restate (:func:`infer_request`), each item
in the wording most of them share.

>>> req = infer_request([["How many reviews?", "When did they start?"],
...                      ["How many reviews?", "When did they start?"],
...                      ["How many reviews were there?"]])
>>> req.items, req.inferred
(('How many reviews?', 'When did they start?'), True)
>>> short_names(req.items)
['q01_reviews', 'q02_start']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..lexicon.data import load_json
from ..errors import EmptyFile
from ..model import Block
from ..lexicon.text import SAME, normalise, similarity

_NUMBERED = re.compile(r"^(?:q(?:uestion)?\s*)?(\d{1,3})\s*[.):]?$", re.IGNORECASE)
_NUMBERED_TEXT = re.compile(r"^\s*(?:q(?:uestion)?\s*)?(\d{1,3})\s*[.):]\s+(\S.*)$",
                            re.IGNORECASE | re.DOTALL)
_SUB_MARKER = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4})[.)]$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Request:
    """The request's items in order (item ``n`` is ``items[n - 1]``).

    ``source`` is the file it was read from, or ``""`` when inferred;
    ``support`` says, for an inferred request, how many responses restate each item.

    >>> Request(("How many?",)).numbered()
    [(1, 'How many?')]
    """

    items: tuple[str, ...]
    source: str = ""
    inferred: bool = False
    support: tuple[int, ...] = ()

    def numbered(self) -> list[tuple[int, str]]:
        """``(item number, question)`` for every item."""
        return list(enumerate(self.items, start=1))


def read_request(path: str) -> Request:
    """The numbered questions of a request file (Markdown, text, Word, PDF, ...).

    >>> read_request("corpora/london-scr-dhr-batch/request.md").items[1]  # doctest: +SKIP
    'Please provide the dates for when these reviews started.'
    """
    from ..readers import read_document

    document = read_document(path)
    items = request_items(document.blocks)
    if not items:
        raise EmptyFile(path, "the request file has no numbered questions")
    return Request(tuple(items), source=path)


def request_items(blocks: Sequence[Block]) -> list[str]:
    """The numbered questions among some blocks; sub-questions joined to their item."""
    items: list[str] = []
    for block in blocks:
        if block.kind == "table":
            continue
        text = " ".join(block.text.split())
        if block.marker and _NUMBERED.match(block.marker.strip()):
            items.append(text)
            continue
        found = _NUMBERED_TEXT.match(text) if not block.marker else None
        if found:
            items.append(" ".join(found.group(2).split()))
        elif items and block.kind == "list_item" and _SUB_MARKER.match(block.marker.strip()):
            items[-1] = f"{items[-1]} {block.marker} {text}"
    return [item for item in items if item]


def infer_request(lists: Sequence[Sequence[str]]) -> Request:
    """The question list most responses share, each item in its most common wording.

    ``lists`` holds each response's restated request (or its questions in
    order). The list that most of the others match item by item is the
    skeleton; an item no other response asks is dropped when there are three
    or more responses (unless no item is shared at all); each item takes the wording
    closest to all its variants.
    """
    candidates = [[q for q in qs if normalise(q)] for qs in lists]
    candidates = [qs for qs in candidates if qs]
    if not candidates:
        return Request((), inferred=True)

    def matches(question: str, other: Sequence[str]) -> list[str]:
        return [o for o in other if similarity(question, o) >= SAME]

    best: tuple[float, int, int] | None = None
    skeleton: list[str] = []
    for n, qs in enumerate(candidates):
        support = sum(1 for q in qs for k, other in enumerate(candidates)
                      if k != n and matches(q, other))
        key = (float(support), len(qs), -n)
        if best is None or key > best:
            best, skeleton = key, qs
    items: list[str] = []
    counts: list[int] = []
    for question in skeleton:
        variants = [question] + [max(found, key=lambda v: similarity(question, v))
                                 for other in candidates if other is not skeleton
                                 for found in [matches(question, other)] if found]
        if len(candidates) >= 3 and len(variants) == 1:
            continue
        items.append(max(variants, key=lambda v: (sum(similarity(v, w) for w in variants),
                                                  variants.count(v))))
        counts.append(len(variants))
    if not items:  # no two responses share a question: the best list is all there is
        items, counts = list(skeleton), [1] * len(skeleton)
    return Request(tuple(items), inferred=True, support=tuple(counts))


@cache
def _name_vocab() -> dict[str, Any]:
    data: dict[str, Any] = load_json("compile_words.json")
    return data


_WORD = re.compile(r"[a-z][a-z0-9]*")


def short_names(items: Sequence[str]) -> list[str]:
    """A short, unique, spreadsheet-friendly column name for each request item.

    ``q<NN>_`` and up to three words that tell the item apart: stop words and
    words most of the items share ("reviews" in a request about reviews) are
    left out.
    """
    vocab = _name_vocab()
    stop = set(vocab["name_stopwords"])
    words = [[w for w in _WORD.findall(normalise(item)) if w not in stop] for item in items]
    common = {w for w in {w for ws in words for w in ws}
              if sum(1 for ws in words if w in ws) > max(2, len(items) // 2)}
    width = max(2, len(str(len(items))))
    names = []
    for number, item_words in enumerate(words, start=1):
        kept: list[str] = []
        for word in item_words:
            if word not in common and word not in kept:
                kept.append(word)
        label = "_".join(kept[: int(vocab["max_name_words"])])
        names.append(f"q{number:0{width}d}_{label}" if label else f"q{number:0{width}d}")
    return names
