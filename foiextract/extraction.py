"""What one document gives: its rows for every table, and its table cells, typed.

The pipeline makes an :class:`Extraction` for each document it reads; the result, the bulk
runner and the compiler take their rows from :meth:`Extraction.rows`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .cells import TableCell
from .cells.checks import table_checks
from .tables import cell_rows, check_rows


@dataclass(frozen=True, slots=True)
class Extraction:
    """The rows one document gives, for every table but ``errors``."""

    document: dict[str, Any]
    pairs: list[dict[str, Any]] = field(default_factory=list)
    values: list[dict[str, Any]] = field(default_factory=list)
    exemptions: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    cells: list[TableCell] = field(default_factory=list)

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every table's rows from this document (``errors`` apart), cells and checks too."""
        doc_id, source = str(self.document["doc_id"]), str(self.document["source"])
        return {"documents": [self.document], "pairs": self.pairs, "values": self.values,
                "exemptions": self.exemptions, "requests": self.requests,
                "cells": cell_rows(doc_id, source, self.cells),
                "checks": check_rows(doc_id, source, table_checks(self.cells))}
