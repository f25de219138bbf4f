"""Ruled tables in a page picture: ruling lines found in the pixels, words put in their cells.

A born-digital PDF draws a table's rules as lines pdfplumber can see; a scan
only shows them. Here a ruling is a long straight run of dark pixels (a
horizontal one at least 30 points long, a vertical one at least 14), found
with a sliding window over the dark-pixel mask. Rulings that cross make a
table when there are at least two of each; its rows lie between the
horizontal rulings and its cells between the vertical rulings that cross that
row (a missing rule joins two cells into one, ``colspan``). The OCR'd words
are placed in the cell their centre falls in, and each cell's words are laid
out as a born-digital cell's (:func:`~.pdf_tables.cell_spans`).

>>> import numpy
>>> dark = numpy.zeros((400, 400), dtype=bool)
>>> for y in (50, 150, 250): dark[y, 50:351] = True
>>> for x in (50, 200, 350): dark[50:251, x] = True
>>> yes = Glyph("Yes", 110.0, 125.0, 45.0, 55.0, 10.0, False, False, None)
>>> tables, rest = ruled_tables(dark, 0.5, [yes], 1)
>>> tables[0].bbox, [[c.text for c in row] for row in tables[0].rows], rest
((25.0, 25.0, 175.0, 125.0), [['', 'Yes']], [])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy

from ..model import Cell
from .pdf_glyphs import Glyph
from .pdf_tables import FoundTable, cell_spans

_H_LENGTH = 30.0   # points: a horizontal rule is at least this long
_V_LENGTH = 14.0   # points: a vertical rule at least this tall
_THICKEST = 4.0    # points: thicker than this is a filled box (a redaction), not a rule
_FILL = 0.9        # share of a window that must be dark
_RULE_ONLY = frozenset("|[]_-—–=")


@dataclass(slots=True)
class _Rule:
    at: float      # y of a horizontal rule, x of a vertical one (pixels)
    start: float
    end: float


def ruled_tables(dark: Any, scale: float, glyphs: list[Glyph], number: int
                 ) -> tuple[list[FoundTable], list[Glyph]]:
    """The ruled tables of a page (``dark``: its dark-pixel mask; ``scale``: points a pixel),
    and the glyphs outside them. A table with no words in it is not kept.

    >>> ruled_tables(numpy.zeros((10, 10), dtype=bool), 1.0, [], 1)
    ([], [])
    """
    if dark.shape[0] >= 1000 and dark.shape[1] >= 1000:
        # Rules are found at half the resolution: a quarter of the work, and a rule one
        # pixel thin still shows (a pooled pixel is dark when any of its four is).
        height, width = dark.shape[0] // 2 * 2, dark.shape[1] // 2 * 2
        dark = dark[0:height:2, 0:width:2] | dark[1:height:2, 0:width:2] | \
            dark[0:height:2, 1:width:2] | dark[1:height:2, 1:width:2]
        scale *= 2
    across = _rules(dark, max(8, int(_H_LENGTH / scale)), int(_THICKEST / scale) + 1)
    down = _rules(dark.T, max(8, int(_V_LENGTH / scale)), int(_THICKEST / scale) + 1)
    tables: list[FoundTable] = []
    rest = list(glyphs)
    for rows, columns in _grids(across, down, tol=max(3.0, 2.0 / scale)):
        inside = [g for g in rest if _within(g, rows, columns, scale)]
        table = _table(rows, columns, inside, scale, number)
        if table is not None:
            tables.append(table)
            rest = [g for g in rest if not _within(g, rows, columns, scale)]
    return tables, rest


def _rules(mask: Any, length: int, thickest: int) -> list[_Rule]:
    """Runs of at least ``length`` dark pixels along each row of ``mask``, rows merged."""
    height, width = mask.shape
    if width <= length:
        return []
    sums = numpy.zeros((height, width + 1), dtype=numpy.int32)
    numpy.cumsum(mask, axis=1, out=sums[:, 1:])
    window = sums[:, length:] - sums[:, :-length] >= _FILL * length
    found: list[_Rule] = []
    band: list[tuple[int, int, int]] = []
    for row in numpy.flatnonzero(window.any(axis=1)):
        hits = numpy.flatnonzero(window[row])
        span = (int(row), int(hits[0]), int(hits[-1]) + length)
        if band and span[0] - band[-1][0] > 1:
            found.extend(_merge(band, thickest))
            band = []
        band.append(span)
    found.extend(_merge(band, thickest))
    return found


def _merge(band: list[tuple[int, int, int]], thickest: int) -> list[_Rule]:
    """One rule from adjacent rows of hits; none for a band thicker than a rule (a filled
    box, a shaded header)."""
    if not band:
        return []
    if len(band) > thickest:
        return []
    return [_Rule(sum(r for r, _, _ in band) / len(band), min(s for _, s, _ in band),
                  max(e for _, _, e in band))]


def _grids(across: list[_Rule], down: list[_Rule], tol: float
           ) -> list[tuple[list[_Rule], list[_Rule]]]:
    """Groups of crossing rules with at least two of each way: one group a table."""
    groups: list[tuple[list[_Rule], list[_Rule]]] = []
    for h in across:
        crossing = [v for v in down if v.start - tol <= h.at <= v.end + tol
                    and h.start - tol <= v.at <= h.end + tol]
        if not crossing:
            continue
        for rows, columns in groups:
            if any(v in columns for v in crossing):
                rows.append(h)
                columns.extend(v for v in crossing if v not in columns)
                break
        else:
            groups.append(([h], list(crossing)))
    return [(sorted(_distinct(rows, tol), key=lambda r: r.at),
             sorted(_distinct(columns, tol), key=lambda r: r.at))
            for rows, columns in groups if len(rows) >= 2 and len(columns) >= 2]


def _distinct(rules: list[_Rule], tol: float) -> list[_Rule]:
    kept: list[_Rule] = []
    for rule in sorted(rules, key=lambda r: r.at):
        if kept and rule.at - kept[-1].at <= tol:
            last = kept[-1]
            kept[-1] = _Rule(last.at, min(last.start, rule.start), max(last.end, rule.end))
        else:
            kept.append(rule)
    return kept


def _within(glyph: Glyph, rows: list[_Rule], columns: list[_Rule], scale: float) -> bool:
    x, y = (glyph.x0 + glyph.x1) / 2 / scale, (glyph.top + glyph.bottom) / 2 / scale
    return columns[0].at <= x <= columns[-1].at and rows[0].at <= y <= rows[-1].at


def _table(rows: list[_Rule], columns: list[_Rule], glyphs: list[Glyph], scale: float,
           number: int) -> FoundTable | None:
    words = [g for g in glyphs if g.text.strip() and not set(g.text) <= _RULE_ONLY]
    if not words:
        return None
    cells: list[tuple[Cell, ...]] = []
    for top, bottom in zip(rows, rows[1:]):
        middle = (top.at + bottom.at) / 2
        # The column rules that cross this row; a missing one joins two cells.
        cuts = [c for c in columns if c.start - 2 <= middle <= c.end + 2]
        if len(cuts) < 2:
            cuts = [columns[0], columns[-1]]
        row_glyphs = [g for g in glyphs if top.at <= (g.top + g.bottom) / 2 / scale < bottom.at
                      and (g.text == " " or not set(g.text) <= _RULE_ONLY)]
        row: list[Cell] = []
        for left, right in zip(cuts, cuts[1:]):
            inside = [g for g in row_glyphs if left.at <= (g.x0 + g.x1) / 2 / scale < right.at]
            span = sum(1 for c in columns if left.at <= c.at < right.at)
            row.append(Cell(cell_spans(inside, number, right.at * scale - 2), colspan=span))
        if any(c.text.strip() for c in row):
            cells.append(tuple(row))
    if not cells:
        return None
    header = 1 if len(cells) > 1 and all(
        c.text.strip() and all(s.bold for s in c.spans if s.text.strip()) for c in cells[0]) else 0
    box = (round(columns[0].at * scale, 2), round(rows[0].at * scale, 2),
           round(columns[-1].at * scale, 2), round(rows[-1].at * scale, 2))
    starts = tuple(round(c.at * scale, 1) for c in columns[:-1])
    return FoundTable(box, tuple(cells), starts, header, starts)
