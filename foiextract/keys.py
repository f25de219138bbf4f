"""Stable keys: a name for every pair, value and table cell that holds across runs.

A row's position (``pair_no``) changes when the segmenter finds one more pair above it; a
key does not. Each key is made from the document's content hash (its ``doc_id``, the same
whatever the file is called) and what the row is about, normalised: a pair's question and
request item, a cell's table number and header path. A question asked twice in a letter
gets its occurrence counted, so keys stay unique. Corrections and reviews point at keys.

>>> pair_key("9f2c41d07a3b5e68", "How many reviews?", 1)
'9f2c41d07a3b5e68-p-ce919d26ff11'
>>> pair_key("9f2c41d07a3b5e68", "how many  REVIEWS", 1) == pair_key("9f2c41d07a3b5e68", "How many reviews?", 1)
True
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from .lexicon.text import normalise


def _digest(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def pair_key(doc_id: str, question: str, request_item: int | None, occurrence: int = 1) -> str:
    """The key of a document's pair: its question (normalised) and request item."""
    return f"{doc_id}-p-{_digest(normalise(question), request_item, occurrence)}"


def value_key(key_of_pair: str, value_no: int) -> str:
    """The key of one atomic value of a pair's answer."""
    return f"{key_of_pair}-v{value_no}"


def cell_key(doc_id: str, table_no: int, row_labels: Iterable[str],
             column_labels: Iterable[str], occurrence: int = 1) -> str:
    """The key of a table cell: its table and its header path (normalised)."""
    rows = " / ".join(normalise(r) for r in row_labels)
    columns = " / ".join(normalise(c) for c in column_labels)
    return f"{doc_id}-t{table_no}-{_digest(rows, columns, occurrence)}"


def answer_key(authority: str, authority_code: str, item: int) -> str:
    """The key of a compiled dataset cell: the authority (its code where it has one) and the
    request item."""
    return f"{_digest(authority_code or normalise(authority))}-q{item}"


class Occurrences:
    """Counts how often each base has been seen, for keys of repeated questions or cells."""

    def __init__(self) -> None:
        self._seen: dict[tuple[object, ...], int] = {}

    def next(self, *base: object) -> int:
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        return count
