"""The result of an extraction: one DataFrame a table, and how to write them.

>>> r = Result.from_rows([], [])
>>> list(r.tables())
['documents', 'pairs', 'values', 'exemptions', 'requests', 'errors']
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

import pandas as pd

from .tables import SORT_KEYS, TABLES, frame

if TYPE_CHECKING:
    from .extraction import Extraction


@dataclass(frozen=True)
class Result:
    """Tidy tables from one run: ``documents``, ``pairs``, ``values``, ``exemptions``,
    ``requests`` and ``errors``, each a pandas DataFrame with a fixed schema."""

    documents: pd.DataFrame
    pairs: pd.DataFrame
    values: pd.DataFrame
    exemptions: pd.DataFrame
    requests: pd.DataFrame
    cells: pd.DataFrame
    checks: pd.DataFrame
    errors: pd.DataFrame

    @classmethod
    def from_rows(cls, extractions: Sequence["Extraction"],
                  errors: Sequence[Mapping[str, Any]]) -> "Result":
        """Build the tables from per-document rows, sorted so output never depends on order."""
        by_document = [e.rows() for e in extractions]
        tables = {
            **{name: frame(name, [r for rows in by_document for r in rows[name]])
               for name in TABLES if name != "errors"},
            "errors": frame("errors", errors),
        }
        return cls(**{name: sort_table(name, df) for name, df in tables.items()})

    def tables(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """``(name, frame)`` for every table, in a fixed order."""
        for name in TABLES:
            yield name, getattr(self, name)

    def write(self, out: str | os.PathLike[str], fmt: str | None = None) -> list[str]:
        """Write every table to ``out`` (a folder, or a .db/.sqlite/.xlsx file); returns the paths."""
        from .writers import write_tables

        return write_tables(dict(self.tables()), os.fspath(out), fmt)

    @property
    def failed(self) -> bool:
        """True when some input could not be read."""
        return len(self.errors) > 0


def sort_table(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Rows in a stable order, whatever order the documents were read in."""
    keys = [k for k in SORT_KEYS[name] if k in df.columns]
    if df.empty or not keys:
        return df.reset_index(drop=True)
    return df.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)
