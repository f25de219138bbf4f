"""Corrections that stick: a person's decisions, by key, applied on every run.

``extract`` and ``compile`` read ``corrections.csv`` (``--corrections FILE``, by default the
one beside the output: :func:`corrections_path`) and apply it to the finished rows just
before they are written, so a bulk re-run with new corrections reads no document again.
What became of each correction goes to ``corrections_report.csv`` beside the output; a
correction whose key no row has any more is ``stale`` there and a warning, never dropped.

>>> corrector = load_corrector(None, "out/")  # doctest: +SKIP
>>> streams = correct_streams(streams, corrector)  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import os
from typing import Any, Iterable, Mapping

from .apply import KEY_COLUMNS, Corrector
from .store import (COLUMNS, FIELDS, FILE_NAME, Correction, add_corrections, corrections_path,
                    read_corrections, write_corrections)

__all__ = ["COLUMNS", "FIELDS", "KEY_COLUMNS", "Correction", "Corrector", "add_corrections",
           "correct_streams", "corrections_path", "finish", "load_corrector",
           "read_corrections", "report_path", "write_corrections"]

REPORT_COLUMNS = (*COLUMNS, "status")


def load_corrector(given: str | None, out: str) -> Corrector:
    """The corrections of a run: the file ``given``, else the one beside ``out`` if it exists
    (else none). A file given that is missing or malformed is a one-line error."""
    if given is not None:
        return Corrector(read_corrections(given))
    default = corrections_path(out)
    if default is None or not os.path.isfile(default):
        return Corrector([])
    return Corrector(read_corrections(default))


def correct_streams(streams: Mapping[str, Iterable[Mapping[str, Any]]], corrector: Corrector
                    ) -> dict[str, Iterable[Mapping[str, Any]]]:
    """Every table's row stream with the corrections applied (rows keep their order)."""
    return {table: corrector.rows(table, rows) if table in KEY_COLUMNS else rows
            for table, rows in streams.items()}


def report_path(out: str) -> str | None:
    """Where the report on a run's corrections goes: beside ``out``'s corrections file.

    >>> report_path("out/")
    'out/corrections_report.csv'
    """
    path = corrections_path(out)
    return None if path is None else path[: -len(".csv")] + "_report.csv"


def finish(corrector: Corrector, out: str) -> list[str]:
    """After the tables are written: the report beside ``out`` (an old one removed when there
    are no corrections), and one warning line a stale correction."""
    path = report_path(out)
    if path is not None and corrector:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, REPORT_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(corrector.report())
    elif path is not None and os.path.isfile(path):
        os.unlink(path)
    return [f"warning: correction of {c.field} for {c.key} matches no row of this output: "
            f"kept, listed as stale in {path or 'the report'} [stale_correction]"
            for c in corrector.stale()]
