"""What one document gives, typed: its facts, its pairs with their values and keys, the
request it restates, and its table cells.

The pipeline makes an :class:`Extraction` for each document it reads; the result, the bulk
runner, ``show`` and ``eval`` take table rows from :meth:`Extraction.rows`, which only
:mod:`foiextract.tables` builds; the compiler works on the typed pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .cells import TableCell
from .foi import Facts
from .foi.caveats import Caveat
from .model import Pair


@dataclass(frozen=True, slots=True)
class Extraction:
    """One document's extraction. ``flags`` are the document's flags in their fixed order;
    ``request`` is the request as the document restates it, ``unanswered`` the numbers of
    its items left unanswered; ``caveats`` the sentences qualifying its figures;
    ``captions`` the words over each of its tables (``captions[table_no - 1]``)."""

    doc_id: str
    source: str
    format: str
    sha256: str
    pages: int | None
    ocr_pages: int | None
    facts: Facts
    flags: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    request: tuple[str, ...] = ()
    unanswered: tuple[int, ...] = ()
    cells: tuple[TableCell, ...] = ()
    caveats: tuple[Caveat, ...] = ()
    captions: tuple[str, ...] = ()

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every table's rows from this document (``errors`` apart), cells and checks too."""
        from .tables import extraction_rows

        return extraction_rows(self)

    def shown_as(self, source: str) -> Extraction:
        """The same extraction with its source shown as ``source`` (a file unpacked from a
        batch ZIP or read from standard input)."""
        return replace(self, source=source)
