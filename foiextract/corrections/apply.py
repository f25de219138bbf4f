"""Applying corrections to output rows, by key, as the last step before writing.

A :class:`Corrector` holds the corrections of one run (the last per key and field wins)
and rewrites each row whose key it knows: a new ``value`` (read again by the value
normaliser, so "Two" is the count 2 and "<5" suppressed, unless the kind was corrected
too), a new ``kind``, ``not_an_answer`` (a pair or table cell is dropped, with its values;
a compiled cell becomes ``missing``), or ``accept`` (the cell stays as it is and leaves the
review list). A corrected row carries ``corrected: true``. What it could not place is in
:meth:`Corrector.report`: a correction whose key no row has any more is ``stale``, one
with an unknown kind ``invalid``.

>>> from foiextract.corrections.store import Correction
>>> fix = Corrector([Correction("d-p-1", "value", "Two", "3")])
>>> row = fix.correct("pairs", {"pair_key": "d-p-1", "kind": "count", "value": "2", "number": 2.0})
>>> row["value"], row["number"], row["corrected"]
('3', 3.0, True)
>>> [r["status"] for r in fix.report()]
['applied']
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Sequence

from ..model import ANSWER_KINDS
from .store import Correction, Field

# The column that keys each table's rows.
KEY_COLUMNS = {"pairs": "pair_key", "values": "value_key", "cells": "cell_key",
               "answers": "cell_key"}
# The columns a new value sets, from the value normaliser's reading of it.
_VALUE_COLUMNS = ("number", "unit", "low", "high", "date_start", "date_end")
_NOTHING = {column: None for column in _VALUE_COLUMNS}


class Corrector:
    """The corrections of one run, applied row by row; it remembers which keys it met."""

    def __init__(self, corrections: Sequence[Correction]) -> None:
        self.corrections = list(corrections)
        self._by_key: dict[str, dict[Field, Correction]] = {}
        for correction in self.corrections:
            self._by_key.setdefault(correction.key, {})[correction.field] = correction
        self._dropped_pairs = {key for key, fields in self._by_key.items()
                               if "not_an_answer" in fields and _truthy(fields["not_an_answer"])}
        self._met: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self.corrections)

    def correct(self, table: str, row: Mapping[str, Any]) -> dict[str, Any] | None:
        """The row as corrected (``corrected`` set), or None when it is to be dropped."""
        out = dict(row)
        column = KEY_COLUMNS.get(table)
        if column is None:
            return out
        out.setdefault("corrected", False)
        if out["corrected"] is None:
            out["corrected"] = False
        key = str(row.get(column) or "")
        if table == "values" and key.rsplit("-v", 1)[0] in self._dropped_pairs:
            return None  # a value of a pair that is no answer
        fields = self._by_key.get(key)
        if not fields:
            return out
        self._met.add(key)
        if "not_an_answer" in fields and _truthy(fields["not_an_answer"]):
            if table != "answers":
                return None
            out.update(_NOTHING, kind="missing", value="", needs_review=False, review_reason="",
                       corrected=True)
            return out
        kind = fields.get("kind")
        if kind is not None and kind.new_value in ANSWER_KINDS:
            out["kind"] = kind.new_value
            out["corrected"] = True
        value = fields.get("value")
        if value is not None:
            out.update(_typed_value(value.new_value, str(row.get("question") or ""),
                                    out.get("kind"), kind_given=kind is not None))
            out["corrected"] = True
        if table == "answers" and ("accept" in fields or out["corrected"]):
            out.update(needs_review=False, review_reason="")
        return out

    def rows(self, table: str, rows: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
        """The table's rows corrected, dropped ones left out (a stream stays a stream)."""
        for row in rows:
            corrected = self.correct(table, row)
            if corrected is not None:
                yield corrected

    def report(self) -> list[dict[str, str]]:
        """Every correction in force and what became of it: ``applied``, ``accepted``,
        ``stale`` (no row has its key any more) or ``invalid`` (a kind there is not)."""
        rows = []
        for key, fields in self._by_key.items():
            for field, correction in fields.items():
                if key not in self._met:
                    status = "stale"
                elif field == "kind" and correction.new_value not in ANSWER_KINDS:
                    status = "invalid"
                else:
                    status = "accepted" if field == "accept" else "applied"
                rows.append({**correction.row(), "status": status})
        return rows

    def stale(self) -> list[Correction]:
        """The corrections whose key no row had."""
        return [c for key, fields in self._by_key.items() if key not in self._met
                for c in fields.values()]


def _truthy(correction: Correction) -> bool:
    return correction.new_value.strip().lower() not in ("false", "0", "no")


def _typed_value(text: str, question: str, kind: object, kind_given: bool) -> dict[str, Any]:
    """The columns a value a person typed sets: the normaliser reads it ("Two" the count 2,
    "<5" suppressed); what it cannot read is kept as typed, under the row's kind."""
    from ..values import parse_answer

    parsed = parse_answer(text, question or None)
    readable = parsed.kind != "text"
    columns: dict[str, Any] = {column: getattr(parsed, column, None) for column in _VALUE_COLUMNS}
    columns["value"] = parsed.value if readable and parsed.value else text
    if not kind_given and readable:
        columns["kind"] = parsed.kind
    elif not readable and kind in (None, "", "missing"):
        columns["kind"] = "text"
    return columns
