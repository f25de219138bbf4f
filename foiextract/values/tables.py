"""Figures by year or row: a table answer (``a | b; c | d``) or a prose breakdown
("Q1 2021: 148; Q2 2021: 97") read into one :class:`Atom` per figure.

>>> [(a.label, a.number) for a in table_atoms("Year | Deployments; 2019 | 611; 2020 | 1,147")]
[('2019', 611.0), ('2020', 1147.0)]
>>> [(a.label, a.number) for a in breakdown_atoms("Q1 2021: 148; Q2 2021: 97.")]
[('Q1 2021', 148.0), ('Q2 2021', 97.0)]
"""

from __future__ import annotations

import re

from foiextract.model import AnswerKind, Atom
from foiextract.values.dates import find_dates
from foiextract.values.money import opening_amount, opening_percent
from foiextract.values.numbers import format_number, opening_digits

_BREAKDOWN_ITEM = re.compile(r"^\s*(?P<label>[^:;]{1,80}?)\s*:\s*(?P<figure>[£$€]?\d[\d,.]*\s?[%mkMK]?)\W*$")


def is_table(text: str) -> bool:
    """True when ``text`` holds a table written ``cell | cell; cell | cell``."""
    return text.count(" | ") >= 2 or (" | " in text and "; " in text)


def figure_atom(cell: str, label: str, dated: str) -> Atom | None:
    """One figure in a cell as an Atom labelled ``label``; dated from ``dated`` when it is a period."""
    cell = cell.strip()
    # Only a figure that opens the cell counts: the searches start and stop at 0 (a cell runs
    # on into the text after a table).
    amount = opening_amount(cell)
    kind: AnswerKind
    unit: str | None
    if amount is not None:
        kind, number, unit = "amount", float(amount.number), amount.unit
    elif (percent := opening_percent(cell)) is not None:
        kind, number, unit = "percent", float(percent.number), "%"
    else:
        figure = opening_digits(cell)
        if figure is None:
            return None
        value = figure.value
        kind = "count" if value == value.to_integral_value() else "number"
        number, unit = float(value), None
    dates = find_dates(dated)
    start = dates[0].date_start if dates else None
    end = dates[0].date_end if dates else None
    return Atom(kind, number=number, unit=unit, date_start=start, date_end=end, label=label,
                text=format_number(amount.number) if amount is not None else cell)


def table_atoms(text: str) -> tuple[Atom, ...]:
    """One Atom per figure of a ``a | b; c | d`` table; the header row names the columns."""
    start = text.find(" | ")
    cut = text.rfind("; ", 0, start) if start >= 0 else -1
    body = text if cut < 0 else text[cut + 2:]
    rows = [[c.strip() for c in row.split(" | ")] for row in body.split("; ")]
    rows = [r for r in rows if len(r) > 1]
    if len(rows) < 2:
        return ()
    header = rows[0]
    atoms: list[Atom] = []
    for row in rows[1:]:
        row_label = row[0]
        for j, cell in enumerate(row[1:], start=1):
            if not cell:
                continue
            column = header[j] if j < len(header) else ""
            label = row_label if len(header) <= 2 else f"{row_label} | {column}"
            dated = row_label if find_dates(row_label) else column
            atom = figure_atom(cell, label, dated)
            if atom is not None:
                atoms.append(atom)
    return tuple(atoms)


# "Min = £730p/w Max = £1,043p/w Avg. = £913p/w": labelled figures one after another.
_LABELLED_FIGURE = re.compile(
    r"\s*(?P<label>[A-Za-z][\w.'’ -]{0,30}?|\d{2,4}[/-]\d{2,4}|(?:19|20)\d\d)\s*[=:]\s*"
    r"(?P<figure>[£$€]?\d[\d,.]*(?:[mk]\b)?)"
    r"(?:\s?(?:p/?w|pw|pcm|p/?a|pa|per\s+(?:week|month|year|annum|hour|day)|%|[mk]\b))?[.,;]?\s*")


def breakdown_atoms(text: str) -> tuple[Atom, ...]:
    """Atoms of a prose breakdown "label: figure; label: figure" or "Min = £730 Max = £1,043"
    (at least two items), else ()."""
    parts = [p for p in re.split(r";\s*", text.strip().rstrip(".")) if p.strip()]
    if len(parts) < 2:
        return _labelled_figures(text)
    atoms: list[Atom] = []
    for part in parts:
        m = _BREAKDOWN_ITEM.match(part)
        if m is None:
            return ()
        label = re.sub(r"\s*\([^)]*\)\s*$", "", m.group("label")).strip()
        atom = figure_atom(m.group("figure"), label, label)
        if atom is None:
            return ()
        atoms.append(atom)
    return tuple(atoms)


# "12 (2019), 14 (2020)": figures each with its label in brackets after it.
_FIGURE_LABELLED = re.compile(
    r"\s*(?P<figure>[£$€]?\d[\d,.]*)\s*\((?P<label>[^()]{1,40})\)[.,;]?\s*(?:and\s+)?")


def _labelled_figures(text: str) -> tuple[Atom, ...]:
    """Atoms of "label = figure" (or "figure (label)") items standing one after another, the
    whole text (two or more)."""
    text = text.strip()
    for pattern in (_LABELLED_FIGURE, _FIGURE_LABELLED):
        atoms = _figures_by(pattern, text)
        if atoms:
            return atoms
    return ()


def _figures_by(pattern: re.Pattern[str], text: str) -> tuple[Atom, ...]:
    at, atoms = 0, []
    while at < len(text):
        m = pattern.match(text, at)
        if m is None or m.end() == at:
            return ()
        label = m.group("label").strip(" .")
        atom = figure_atom(m.group("figure"), label, label)
        if atom is None:
            return ()
        atoms.append(atom)
        at = m.end()
    return tuple(atoms) if len(atoms) >= 2 else ()
