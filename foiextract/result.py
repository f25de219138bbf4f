"""The result of an extraction: one DataFrame a table, built when it is first asked for.

``extract()`` keeps each table's rows, already in table order (sorted as rows, not as a
frame); a table becomes a pandas DataFrame on first access, once. A notebook that looks at
``result.pairs`` pays for that table alone.

>>> r = Result.from_rows([], [])
>>> [name for name, _ in r.tables()]
['documents', 'pairs', 'values', 'exemptions', 'requests', 'cells', 'checks', 'errors']
>>> r.failed, len(r.pairs)
(False, 0)
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

import pandas as pd

from .tables import TABLES, frame, sort_rows

if TYPE_CHECKING:
    from .extraction import Extraction


class _Table:
    """A table of a :class:`Result`: its frame, built from its rows on first access."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, result: Result | None, owner: type | None = None) -> Any:
        if result is None:
            return self
        return result.table(self.name)

    def __set__(self, result: Result, value: Any) -> None:
        raise AttributeError(f"a Result's tables are not reassigned: {self.name}")


class Result:
    """Tidy tables from one run: ``documents``, ``pairs``, ``values``, ``exemptions``,
    ``requests``, ``cells``, ``checks`` and ``errors``, each a pandas DataFrame with a fixed
    schema (:data:`foiextract.tables.SCHEMAS`), in a stable row order.

    Made by :meth:`from_rows` (what ``foiextract.extract`` does), a table's frame is built
    the first time it is asked for; made from frames, it holds them as given.

    >>> r = Result.from_rows([], [{"source": "a.md", "kind": "empty_file", "message": "empty"}])
    >>> r.failed, list(r.errors["kind"])
    (True, ['empty_file'])
    """

    __slots__ = ("_rows", "_frames")

    documents = _Table()
    pairs = _Table()
    values = _Table()
    exemptions = _Table()
    requests = _Table()
    cells = _Table()
    checks = _Table()
    errors = _Table()

    def __init__(self, documents: pd.DataFrame, pairs: pd.DataFrame, values: pd.DataFrame,
                 exemptions: pd.DataFrame, requests: pd.DataFrame, cells: pd.DataFrame,
                 checks: pd.DataFrame, errors: pd.DataFrame) -> None:
        self._rows: dict[str, list[Any]] = {}
        self._frames: dict[str, pd.DataFrame] = {
            "documents": documents, "pairs": pairs, "values": values, "exemptions": exemptions,
            "requests": requests, "cells": cells, "checks": checks, "errors": errors}

    @classmethod
    def from_rows(cls, extractions: Sequence["Extraction"],
                  errors: Sequence[Mapping[str, Any]]) -> "Result":
        """The tables of per-document rows, sorted so output never depends on order.

        The rows are sorted here (as rows: cheap); no frame is built until one is asked for.
        """
        by_document = [e.rows() for e in extractions]
        rows = {name: sort_rows(name, [r for doc in by_document for r in doc[name]])
                for name in TABLES if name != "errors"}
        rows["errors"] = sort_rows("errors", errors)
        result = cls.__new__(cls)
        result._rows = rows
        result._frames = {}
        return result

    def table(self, name: str) -> pd.DataFrame:
        """The frame of table ``name`` (built from its rows the first time)."""
        found = self._frames.get(name)
        if found is None:
            # Two threads may both build it: the same frame either way, and no lock to hold.
            found = self._frames[name] = frame(name, self._rows[name])
        return found

    def tables(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """``(name, frame)`` for every table, in a fixed order."""
        for name in TABLES:
            yield name, self.table(name)

    def write(self, out: str | os.PathLike[str], fmt: str | None = None) -> list[str]:
        """Write every table to ``out`` (a folder, or a .db/.sqlite/.xlsx file); returns the paths."""
        from .writers import write_tables

        return write_tables(dict(self.tables()), os.fspath(out), fmt)

    @property
    def failed(self) -> bool:
        """True when some input could not be read."""
        return self._length("errors") > 0

    def _length(self, name: str) -> int:
        rows = self._rows.get(name)
        return len(rows) if rows is not None else len(self._frames[name])

    def __repr__(self) -> str:
        return "Result(" + ", ".join(f"{name}={self._length(name)} rows" for name in TABLES) + ")"

