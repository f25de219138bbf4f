"""Bulk extraction: many documents, in worker processes, resumable, with flat memory.

Documents are read by long-lived worker processes (:mod:`.pool`), each document
under a wall-clock limit and a memory cap of its own: a worker that breaks one
is killed and replaced. Whatever happens to a document ends as its rows or one
``errors`` row, kept as a part file beside the output. A second run skips what
is done. The tables are merged from the parts in one streaming pass, so they are the same
bytes whatever the number of workers, and only whole tables are ever written.

>>> from foiextract.bulk import BulkOptions, run_bulk
>>> summary = run_bulk(["corpora/singles"], "out/", options=BulkOptions(jobs=2))  # doctest: +SKIP
>>> summary.documents, len(summary.errors)  # doctest: +SKIP
(12, 0)
"""

from __future__ import annotations

from ..limits import Limits, parse_size
from .runner import BulkOptions, BulkSummary, cores, run_bulk

__all__ = ["BulkOptions", "BulkSummary", "Limits", "cores", "parse_size", "run_bulk"]
