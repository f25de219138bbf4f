"""The corrections file: a person's decisions about cells, kept beside the output.

``corrections.csv`` has one row a decision: the stable ``key`` of the row it is about
(a pair's ``pair_key``, a value's ``value_key``, a table cell's or a compiled answer's
``cell_key``), the ``field`` decided (``value``, ``kind``, ``not_an_answer`` or
``accept``), the ``old_value`` seen and the ``new_value`` given, ``who`` and ``when``, and a
free ``note``. It is plain CSV, to read and edit by hand; a later row about the same key
and field wins.

>>> import io
>>> text = "key,field,old_value,new_value,who,when,note\\nk1,value,3,4,ann,2026-12-03,\\n"
>>> [(c.key, c.field, c.new_value) for c in parse_corrections(io.StringIO(text), "c.csv")]
[('k1', 'value', '4')]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import astuple, dataclass
from typing import Iterable, Literal, TextIO

from ..errors import CorruptFile, NotFound
from ..writers import BY_SUFFIX, STDOUT, atomic_write, one_table

Field = Literal["value", "kind", "not_an_answer", "accept"]
FIELDS: tuple[Field, ...] = Field.__args__  # type: ignore[attr-defined]
COLUMNS = ("key", "field", "old_value", "new_value", "who", "when", "note")
FILE_NAME = "corrections.csv"


@dataclass(frozen=True, slots=True)
class Correction:
    """One decision about one row, by key.

    >>> Correction("k1", "kind", "text", "not_held").field
    'kind'
    """

    key: str
    field: Field
    old_value: str = ""
    new_value: str = ""
    who: str = ""
    when: str = ""
    note: str = ""

    def row(self) -> dict[str, str]:
        """The CSV row."""
        return dict(zip(COLUMNS, astuple(self)))


def corrections_path(out: str) -> str | None:
    """Where the corrections of an output live: ``OUT/corrections.csv`` for a folder,
    ``<name>.corrections.csv`` beside a one-file output, none for standard output.

    >>> corrections_path("out/"), corrections_path("dataset.xlsx"), corrections_path("-")
    ('out/corrections.csv', 'dataset.corrections.csv', None)
    """
    if out == STDOUT:
        return None
    stripped = out.rstrip("/" + os.sep)
    stem, suffix = os.path.splitext(stripped)
    if one_table(out) or BY_SUFFIX.get(suffix.lower()) in ("sqlite", "xlsx"):
        return f"{stem}.{FILE_NAME}"
    return os.path.join(out, FILE_NAME)


def read_corrections(path: str) -> list[Correction]:
    """The corrections in ``path``, in file order; a missing file or one without the columns
    is a one-line error (:class:`~foiextract.errors.NotFound`, ``CorruptFile``)."""
    if not os.path.isfile(path):
        raise NotFound(path, "no such corrections file")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return parse_corrections(handle, path)


def parse_corrections(handle: TextIO, path: str) -> list[Correction]:
    """The corrections of an open CSV file (``path`` names it in errors)."""
    reader = csv.DictReader(handle)
    missing = [c for c in ("key", "field", "new_value") if c not in (reader.fieldnames or [])]
    if missing:
        raise CorruptFile(path, f"not a corrections file: no column(s) {', '.join(missing)} "
                          f"(the columns are {', '.join(COLUMNS)})")
    corrections = []
    for line, row in enumerate(reader, start=2):
        key, field = (row.get("key") or "").strip(), (row.get("field") or "").strip()
        if not key and not field:
            continue
        if field not in FIELDS:
            raise CorruptFile(path, f"line {line}: field {field!r} is not one of "
                              f"{', '.join(FIELDS)}")
        corrections.append(Correction(
            key, field, *((row.get(c) or "") for c in COLUMNS[2:])))
    return corrections


def write_corrections(path: str, corrections: Iterable[Correction]) -> None:
    """Write ``path`` whole (atomically): the header and one row a correction."""
    text = io.StringIO()
    writer = csv.DictWriter(text, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(c.row() for c in corrections)

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            handle.write(text.getvalue())

    atomic_write(path, write)


def add_corrections(path: str, new: Iterable[Correction]) -> list[Correction]:
    """Append ``new`` to the corrections in ``path`` (made if missing); returns them all."""
    known = read_corrections(path) if os.path.isfile(path) else []
    merged = known + list(new)
    write_corrections(path, merged)
    return merged


def now() -> str:
    """The time a correction is made, in UTC to the second (ISO 8601)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
