"""Ruled tables on a PDF page, found by pdfplumber's table finder and filled from our glyphs.

The finder runs only on pages that draw lines or rectangles (see
:func:`foiextract.readers.pdf_glyphs.page_content`), over a copy of the page
without white filled boxes (Word paints those behind logos, and their edges
would cut rows in two). A page ruled exactly as one of the last few read is
given the cells the finder found there (:class:`Layouts`). Each cell's glyphs
are laid out like body text, so a cell keeps bold and italic and its
paragraphs are joined by ``"\\n"``.

A table that ends one page and one that starts the next with the same columns
are one table (:func:`continue_table`); a repeated header row is dropped.

>>> t = FoundTable((0, 0, 10, 10), ((Cell((Span("Q", bold=True),)),),), (0.0,), 1)
>>> continue_table(t, t).rows
((Cell(spans=(Span(text='Q', bold=True, italic=False, color=None, href=None),), colspan=1, line=None),),)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
import copy
from operator import itemgetter
import re
from typing import Any, NamedTuple

import numpy as np

from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges
from pdfplumber.table import Table, TableFinder, TableSettings

from ..lexicon.text import OPEN_END_WORDS
from ..model import Cell, Span
from .pdf_glyphs import Glyph
from .pdf_layout import group_lines, merge_runs, one_line_runs, paragraph_spans, paragraphs

_SETTINGS: dict[str, Any] = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
                             "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3}


class FoundTable(NamedTuple):
    """A table on a page: its box, its rows of cells, its column starts, its header rows."""

    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[Cell, ...], ...]
    columns: tuple[float, ...]
    header_rows: int
    # The column starts of the last row (a header may be cut differently from the body).
    last_columns: tuple[float, ...] = ()


def _visible(obj: dict[str, Any]) -> bool:
    if obj.get("object_type") != "rect" or not obj.get("fill") or obj.get("stroke"):
        return True
    color = obj.get("non_stroking_color")
    values = color if isinstance(color, (tuple, list)) else (color,)
    try:
        return not (len(values) in (1, 3) and min(float(v) for v in values) > 0.97)
    except (TypeError, ValueError):
        return True


Rulings = dict[str, list[dict[str, Any]]]


def edges_of(rulings: Rulings) -> list[dict[str, Any]]:
    """The edges pdfplumber's ``page.edges`` gives for these lines, rects and curves
    (in its order: lines, then rectangles' sides, then curves' segments)."""
    edges = [line_to_edge(line) for line in rulings.get("line", [])]
    for rect in rulings.get("rect", []):
        edges.extend(rect_to_edges(rect))
    for curve in rulings.get("curve", []):
        edges.extend(curve_to_edges(curve))
    return edges


class _EdgesPage:
    """What pdfplumber's TableFinder reads of a page: its edges and its box."""

    def __init__(self, edges: list[dict[str, Any]], bbox: tuple[float, float, float, float]):
        self.edges = edges
        self.bbox = bbox


def find_tables(rulings: Rulings, glyphs: list[Glyph], number: int,
                bbox: tuple[float, float, float, float], layouts: Layouts | None = None
                ) -> tuple[list[FoundTable], list[Glyph]]:
    """The page's ruled tables (two columns or more) and the glyphs left outside them.

    ``rulings`` are the page's lines, rectangles and curves as pdfplumber object dicts
    (from pdfplumber's page or from :mod:`.pdf_pdfium`); cells are filled from ``glyphs``.
    ``layouts`` keeps the tables' cells found on a document's earlier pages by their
    rulings (see :class:`Layouts`): a page ruled as one before is not searched again.
    """
    found = layouts.find(rulings, bbox) if layouts is not None else None
    if found is None:
        found = _grids(rulings, bbox)
        if layouts is not None:
            layouts.keep(rulings, bbox, found)
    if not found:
        return [], glyphs
    grids = [grid.emptied() for grid in found]
    # Each glyph goes to the first table that holds it: the first table takes all it
    # holds, the next is offered the rest, and so on (each glyph's cell, and the order of
    # the glyphs in a cell, as offering each glyph to the tables in turn gives).
    outside = glyphs
    for grid in grids:
        outside = grid.take_all(outside)
    return [grid.found(number) for grid in grids], outside


def _grids(rulings: Rulings, bbox: tuple[float, float, float, float]) -> list[_Grid]:
    """The tables (two columns or more) pdfplumber's finder finds from the rulings, each's
    cells with no glyph filed yet."""
    visible = {kind: [o for o in objects if _visible(o)] for kind, objects in rulings.items()}
    edges = edges_of(visible)
    settings = dict(_SETTINGS, explicit_horizontal_lines=closing_rules(edges))
    finder = _Finder(_EdgesPage(edges, bbox), settings)
    # pdfplumber works a table's rows out again each time they are asked for: once here
    rows_of = [(t, t.rows) for t in finder.tables]
    return [_Grid(t, rows) for t, rows in rows_of
            if len(rows) >= 2 and max(len(r.cells) for r in rows) >= 2]


class Layouts:
    """The tables' cells found on a document's last few pages, with the rulings they were
    found from: an annex of tables repeats one ruled grid page after page (59 of the 61
    pages of the Hertfordshire annex), and the finder would search each page afresh.

    A page whose rulings (every ruling dict, in order) and box compare equal to a kept
    page's is given that page's cells. Equal floats can differ only in the sign of a
    zero, and a zero's sign changes no other value the finder works out from it (it
    adds, compares, takes means): cells none of whose coordinates is zero are the same,
    to the bit, as the finder would find again, and only those are kept.

    >>> layouts, rulings = Layouts(), {"line": [{"x0": 1.0, "pts": [(1.0, 2.0)]}]}
    >>> layouts.keep(rulings, (0, 0, 10, 10), [])
    >>> layouts.find({"line": [{"x0": 1.0, "pts": [(1.0, 2.0)]}]}, (0, 0, 10, 10))
    []
    """

    _KEPT = 4  # a few pages' worth, so memory stays flat over a long document

    def __init__(self) -> None:  # noqa: D107
        self._kept: list[tuple[tuple[float, float, float, float], Rulings, list[_Grid]]] = []

    def find(self, rulings: Rulings, bbox: tuple[float, float, float, float]
             ) -> list[_Grid] | None:
        """The tables kept for rulings and a box equal to these, or None."""
        for kept_bbox, kept_rulings, grids in self._kept:
            if kept_bbox == bbox and kept_rulings == rulings:
                return grids
        return None

    def keep(self, rulings: Rulings, bbox: tuple[float, float, float, float],
             grids: list[_Grid]) -> None:
        """Keep the tables found from these rulings, unless a coordinate is zero."""
        if any(grid.has_zero() for grid in grids):
            return
        self._kept.append((bbox, rulings, grids))
        if len(self._kept) > self._KEPT:
            del self._kept[0]


class _Finder(TableFinder):
    """pdfplumber's TableFinder with its cell search made linear (same cells, same order)."""

    def __init__(self, page: Any, settings: dict[str, Any]) -> None:  # noqa: D107
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance,
            self.settings.intersection_y_tolerance)
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]


Edge = dict[str, Any]


def edges_to_intersections(edges: list[Edge], x_tolerance: float, y_tolerance: float
                           ) -> dict[tuple[float, float], dict[str, list[Edge]]]:
    """pdfplumber's ``edges_to_intersections``, without trying every vertical edge against
    every horizontal one: the horizontal edges (sorted by top, as there) whose top could be
    near a vertical edge are found by bisection, with a point to spare, and each is then
    tried by pdfplumber's own test, in pdfplumber's order. The points and their edges are
    the same, in the same order.

    >>> v = {"orientation": "v", "x0": 5, "x1": 5, "top": 0, "bottom": 10}
    >>> h = {"orientation": "h", "x0": 0, "x1": 10, "top": 4, "bottom": 4}
    >>> list(edges_to_intersections([v, h], 1, 1))
    [(5, 4)]
    """
    intersections: dict[tuple[float, float], dict[str, list[Edge]]] = {}
    verticals = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    horizontals = sorted((e for e in edges if e["orientation"] == "h"),
                         key=itemgetter("top", "x0"))
    tops = [h["top"] for h in horizontals]
    for v in verticals:
        v_top, v_bottom, v_x0 = v["top"], v["bottom"], v["x0"]
        first = bisect_left(tops, v_top - y_tolerance - 1)
        last = bisect_right(tops, v_bottom + y_tolerance + 1)
        for h in horizontals[first:last]:
            if v_top <= h["top"] + y_tolerance and v_bottom >= h["top"] - y_tolerance \
                    and v_x0 >= h["x0"] - x_tolerance and v_x0 <= h["x1"] + x_tolerance:
                vertex = (v_x0, h["top"])
                if vertex not in intersections:
                    intersections[vertex] = {"v": [], "h": []}
                intersections[vertex]["v"].append(v)
                intersections[vertex]["h"].append(h)
    return intersections


def cells_to_tables(cells: list[tuple[float, float, float, float]]
                    ) -> list[list[tuple[float, float, float, float]]]:
    """pdfplumber's ``cells_to_tables`` (cells grouped into tables by shared corners, pass
    after pass over the cells left), without removing each cell taken from a list one by
    one: the same tables, their cells in the same order.

    >>> cells_to_tables([(0, 0, 1, 1), (1, 0, 2, 1), (5, 5, 6, 6)])
    [[(0, 0, 1, 1), (1, 0, 2, 1)]]
    """
    remaining = list(cells)
    tables: list[list[tuple[float, float, float, float]]] = []
    while remaining:
        corners: set[tuple[float, float]] = set()
        table: list[tuple[float, float, float, float]] = []
        added = True
        while added:  # a pass over the cells left; another while one joins the table
            added = False
            left = []
            for cell in remaining:
                x0, top, x1, bottom = cell
                cell_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
                if not table or any(c in corners for c in cell_corners):
                    corners.update(cell_corners)
                    table.append(cell)
                    added = True
                else:
                    left.append(cell)
            remaining = left
        tables.append(table)
    ordered = sorted(tables, key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in ordered if len(t) > 1]


_EDGE_BOX = itemgetter("x0", "top", "x1", "bottom")  # pdfplumber's obj_to_bbox, without a call


def intersections_to_cells(intersections: dict[tuple[float, float], dict[str, list[Any]]]
                           ) -> list[tuple[float, float, float, float]]:
    """pdfplumber's ``intersections_to_cells``, without its quadratic scans: the points
    below and right of each are looked up by column and row, and each point's edges are
    made a set once. The cells and their order are the same.

    >>> e = {"x0": 0, "top": 0, "x1": 0, "bottom": 1}
    >>> intersections_to_cells({})
    []
    """
    vertical = {p: set(map(_EDGE_BOX, i["v"])) for p, i in intersections.items()}
    horizontal = {p: set(map(_EDGE_BOX, i["h"])) for p, i in intersections.items()}

    def connects(p1: tuple[float, float], p2: tuple[float, float]) -> bool:
        return (p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2])) or \
            (p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2]))

    points = sorted(intersections)
    columns: dict[float, list[tuple[float, float]]] = {}
    rows: dict[float, list[tuple[float, float]]] = {}
    place: dict[tuple[float, float], tuple[int, int]] = {}
    for point in points:
        column, row = columns.setdefault(point[0], []), rows.setdefault(point[1], [])
        place[point] = (len(column), len(row))
        column.append(point)
        row.append(point)
    cells: list[tuple[float, float, float, float]] = []
    for pt in points:
        in_column, in_row = place[pt]
        below = columns[pt[0]][in_column + 1:]
        right = rows[pt[1]][in_row + 1:]
        cell = _smallest_cell(pt, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(pt: tuple[float, float], below: list[tuple[float, float]],
                   right: list[tuple[float, float]], intersections: dict[Any, Any],
                   connects: Any) -> tuple[float, float, float, float] | None:
    if not right:  # (the last point of a row: no cell, whatever connects below it)
        return None
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            bottom_right = (right_pt[0], below_pt[1])
            if bottom_right in intersections and connects(bottom_right, right_pt) \
                    and connects(bottom_right, below_pt):
                return (pt[0], pt[1], bottom_right[0], bottom_right[1])
    return None


_X0, _X1, _TOP, _BOTTOM = itemgetter(1), itemgetter(2), itemgetter(3), itemgetter(4)


class _Grid:
    """A found table's cells, indexed by row top and column start for quick lookup."""

    def __init__(self, table: Any, rows: list[Any]) -> None:
        self.bbox: tuple[float, float, float, float] = tuple(table.bbox)  # computed on each access
        self.rows: list[tuple[float, float, list[float], list[tuple[float, float, float] | None]]] = []
        # Each row's drawn cells, left to right: their starts, ends and columns, for a
        # search by position; None when their starts do not rise left to right.
        self.drawn: list[tuple[np.ndarray, np.ndarray, np.ndarray] | None] = []
        for row in rows:
            boxes = [(b[0], b[2], b[3]) if b is not None else None for b in row.cells]
            starts = [b[0] if b is not None else float("inf") for b in row.cells]
            self.rows.append((row.bbox[1], row.bbox[3], starts, boxes))
            drawn = [(c, box) for c, box in enumerate(boxes) if box is not None]
            lefts = [box[0] for _, box in drawn]
            if drawn and all(a <= b for a, b in zip(lefts, lefts[1:])):
                self.drawn.append((np.array(lefts), np.array([box[1] for _, box in drawn]),
                                   np.array([c for c, _ in drawn])))
            else:
                self.drawn.append(None)
        self.tops = [r[0] for r in self.rows]
        self.sorted_tops = all(a <= b for a, b in zip(self.tops, self.tops[1:]))
        self.glyphs: dict[tuple[int, int], list[Glyph]] = {}

    def emptied(self) -> _Grid:
        """The same table's cells (shared: they are not changed) with no glyph filed."""
        grid = copy.copy(self)
        grid.glyphs = {}
        return grid

    def has_zero(self) -> bool:
        """Whether a coordinate of the table's box, its rows or its cells is zero."""
        values = [*self.bbox, *(v for top, bottom, _starts, boxes in self.rows
                                for v in (top, bottom, *(x for box in boxes if box is not None
                                                         for x in box)))]
        return 0 in values

    def take_all(self, glyphs: list[Glyph]) -> list[Glyph]:
        """File each glyph the table holds under its cell (:meth:`take`); the others, in order.

        This runs for every glyph of a page of tables, so the common case, a glyph inside
        a cell of its own row, is found for all of them at once (:meth:`_own_cells`), and
        only the others are looked up one by one.
        """
        if not glyphs:
            return []
        count = len(glyphs)
        cx = (np.fromiter(map(_X0, glyphs), float, count)
              + np.fromiter(map(_X1, glyphs), float, count)) / 2
        cy = (np.fromiter(map(_TOP, glyphs), float, count)
              + np.fromiter(map(_BOTTOM, glyphs), float, count)) / 2
        x0, top, x1, bottom = self.bbox
        inside = (x0 <= cx) & (cx <= x1) & (top <= cy) & (cy <= bottom)
        rows, columns = self._own_cells(cx, cy, inside)
        if not (inside & (columns < 0)).any():
            return self._file_all(glyphs, inside, rows, columns)
        filed = self.glyphs
        outside: list[Glyph] = []
        row, column = -1, -1  # the cell filed into last: its glyphs mostly come together
        bucket: list[Glyph] = []
        for glyph, within, r, c, x, y in zip(glyphs, inside.tolist(), rows.tolist(),
                                             columns.tolist(), cx.tolist(), cy.tolist()):
            if not within:
                outside.append(glyph)
            elif c >= 0:
                if r != row or c != column:
                    row, column = r, c
                    bucket = filed.setdefault((r, c), [])
                bucket.append(glyph)
            else:
                self.take(glyph, x, y)
        return outside

    def _file_all(self, glyphs: list[Glyph], inside: np.ndarray, rows: np.ndarray,
                  columns: np.ndarray) -> list[Glyph]:
        """:meth:`take_all` when every glyph inside the table has a cell of its own row:
        each cell's glyphs in their order (a stable sort by cell), the others in theirs."""
        pick = np.flatnonzero(inside)
        if len(pick):
            width = int(columns.max()) + 1
            cell = rows[pick] * width + columns[pick]
            order = np.argsort(cell, kind="stable")
            pick, cell = pick[order], cell[order]
            starts = [0, *(np.flatnonzero(np.diff(cell)) + 1).tolist()]
            ends = [*starts[1:], len(pick)]
            taken = [glyphs[i] for i in pick.tolist()]
            filed = self.glyphs
            for r, c, start, end in zip(rows[pick[starts]].tolist(),
                                        columns[pick[starts]].tolist(), starts, ends):
                filed.setdefault((r, c), []).extend(taken[start:end])
        return [glyphs[i] for i in np.flatnonzero(~inside).tolist()]

    def _own_cells(self, cx: np.ndarray, cy: np.ndarray, inside: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
        """The row and column of the cell of its own row that :meth:`take` files each glyph
        under (the last cell from the left that starts at or before its centre, if it
        reaches past it), or column -1 where that takes more (or the rows are not in
        order: then :meth:`take` looks up every glyph)."""
        rows = np.full(len(cx), -1)
        columns = np.full(len(cx), -1)
        if not self.sorted_tops:
            return rows, columns
        # bisect_right on each glyph, as take() does, for all glyphs at once
        row_of = np.searchsorted(np.array(self.tops), cy, side="right") - 1
        # the glyphs inside, sorted by row once (not every glyph looked at for every row)
        by_row = np.flatnonzero(inside)
        by_row = by_row[np.argsort(row_of[by_row], kind="stable")]
        present, starts = np.unique(row_of[by_row], return_index=True)
        ends = [*starts[1:].tolist(), len(by_row)]
        for r, start, end in zip(present.tolist(), starts.tolist(), ends):
            drawn = self.drawn[r] if r >= 0 else None
            if drawn is None:
                continue
            lefts, rights, cells = drawn
            pick = by_row[start:end]
            pick = pick[cy[pick] <= self.rows[r][1] + 1]
            k = np.searchsorted(lefts, cx[pick], side="right") - 1
            found = (k >= 0) & (cx[pick] <= rights[np.maximum(k, 0)])
            rows[pick[found]] = r
            columns[pick[found]] = cells[k[found]]
        return rows, columns

    def take(self, glyph: Glyph, cx: float, cy: float) -> bool:
        """File the glyph under its cell; False when it is not inside this table."""
        x0, top, x1, bottom = self.bbox
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            return False
        r = bisect_right(self.tops, cy) - 1
        if r < 0 or cy > self.rows[r][1] + 1:
            return True  # inside the table's box but in no cell: a stray mark
        # The cell under the glyph: in its own row, or (merged down over rows, as a header
        # cell often is) the cell of a row above whose box reaches down past it.
        for row in range(r, -1, -1):
            boxes = self.rows[row][3]
            for c in range(len(boxes) - 1, -1, -1):
                box = boxes[c]
                if box is not None and box[0] <= cx <= box[1] and (row == r or box[2] >= cy):
                    self.glyphs.setdefault((row, c), []).append(glyph)
                    return True
            if row < r and any(b is not None and b[0] <= cx <= b[1] for b in boxes):
                break  # a cell above that does not reach down: the glyph is a stray mark
        return True


    def _body_columns(self) -> tuple[int, ...]:
        """The column starts most rows share (the body's), or () when the rows agree."""
        starts = [tuple(round(b[0]) for b in boxes if b is not None) for *_, boxes in self.rows]
        if len(set(starts)) <= 1:
            return ()
        return _mode(starts)

    def _rebucketed(self, r: int, boxes: list[tuple[float, float, float] | None],
                    body: tuple[int, ...], number: int) -> tuple[Cell, ...]:
        glyphs: list[list[Glyph]] = [[] for _ in body]
        spans = [1] * len(body)
        for c, box in enumerate(boxes):
            if box is None:
                continue  # covered by a cell of a row above
            covered = [k for k, start in enumerate(body) if box[0] - 3 <= start < box[1] - 3]
            if len(covered) > 1 and (r, c) in self.glyphs:
                spans[covered[0]] = len(covered)  # a cell spanning body columns stays one
                glyphs[covered[0]].extend(self.glyphs[(r, c)])
                continue
            k = max(0, bisect_right(list(body), (box[0] + box[1]) / 2) - 1)
            glyphs[k].extend(self.glyphs.get((r, c), []))
        ends = [*body[1:], self.bbox[2]]
        cells: list[Cell] = []
        k = 0
        while k < len(body):
            last = min(k + spans[k], len(body))
            # A spanning cell holds what was filed under the columns it covers too (a cell
            # drawn inside it, "(85, 511)" over "(207, 511)": none of its text is lost).
            held = glyphs[k] if last == k + 1 else [g for j in range(k, last) for g in glyphs[j]]
            cells.append(Cell(cell_spans(sorted(held, key=lambda x: (x.top, x.x0)), number,
                                         ends[last - 1] - 6), spans[k]))
            k += spans[k]
        return tuple(cells)

    def found(self, number: int) -> FoundTable:
        """The table with its cells' text laid out."""
        rows: list[tuple[Cell, ...]] = []
        body = self._body_columns()
        for r, (_top, _bottom, _starts, boxes) in enumerate(self.rows):
            if body:
                # Rows ruled otherwise than one another (a total row cut by short rules, a
                # header cut differently): every row's text filed under the body's columns.
                rows.append(self._rebucketed(r, boxes, body, number))
                continue
            cells: list[Cell] = []
            for c, box in enumerate(boxes):
                if box is None:
                    if cells and cells[-1].spans:
                        last = cells.pop()
                        cells.append(Cell(last.spans, last.colspan + 1))
                    else:
                        cells.append(Cell())
                    continue
                cells.append(Cell(cell_spans(self.glyphs.get((r, c), []), number, box[1] - 6)))
            rows.append(tuple(cells))
        columns = tuple(round(b[0], 1) for b in self.rows[0][3] if b is not None)
        if body and len(columns) > len(body):
            columns = tuple(round(start, 1) for start in body)
        last_columns = tuple(round(b[0], 1) for b in self.rows[-1][3] if b is not None)
        header = 1 if rows and all(_all_bold(c) for c in rows[0] if c.text.strip()) \
            and any(c.text.strip() for c in rows[0]) else 0
        x0, top, x1, bottom = self.bbox
        return FoundTable((round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)),
                          tuple(rows), columns, header, last_columns)


def _mode(values: list[tuple[int, ...]]) -> tuple[int, ...]:
    counts: dict[tuple[int, ...], int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda v: (counts[v], -len(v)))


def closing_rules(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Horizontal rules a table's column lines imply but the page does not draw.

    Word leaves out the top border of a table continued on a new page, so the
    first row there has no upper edge and the finder would drop it.
    """
    verticals = sorted((e for e in edges if e.get("orientation") == "v"), key=lambda e: e["top"])
    horizontals = [e for e in edges if e.get("orientation") == "h"]
    groups: list[list[dict[str, Any]]] = []
    lowest = 0.0  # the lowest bottom of the last group
    for edge in verticals:
        if groups and edge["top"] <= lowest + 2:
            groups[-1].append(edge)
            lowest = max(lowest, edge["bottom"])
        else:
            groups.append([edge])
            lowest = edge["bottom"]
    rules: list[dict[str, Any]] = []
    for group in groups:
        if len(group) < 2:
            continue
        x0, x1 = min(e["x0"] for e in group), max(e["x1"] for e in group)
        for y in (min(e["top"] for e in group), max(e["bottom"] for e in group)):
            if not any(abs(h["top"] - y) <= 2 and h["x0"] <= x0 + 3 and h["x1"] >= x1 - 3
                       for h in horizontals):
                rules.append({"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y,
                              "width": x1 - x0, "height": 0})
    return rules


def _all_bold(cell: Cell) -> bool:
    return all(s.bold for s in cell.spans if s.text.strip())


def cell_spans(glyphs: list[Glyph], number: int, inner_right: float) -> tuple[Span, ...]:
    """A cell's text as spans: its paragraphs joined by a line break.

    ``inner_right`` is where the cell's text could run to (its right edge less padding).
    """
    runs = one_line_runs(glyphs)
    if runs is not None:  # most cells: one line, its spans as paragraph_spans gives them
        return merge_runs(runs)
    lines = group_lines(glyphs, number)
    if not lines:
        return ()
    if len(lines) == 1:  # most cells: one line, its spans as paragraph_spans gives them
        return merge_runs(lines[0].runs)
    right = max(inner_right, max(line.x1 for line in lines))
    spans: list[Span] = []
    for group in paragraphs(lines, right):
        if spans:
            last = spans.pop()
            spans.append(Span(last.text + "\n", last.bold, last.italic, last.color))
        spans.extend(paragraph_spans(group, right))
    return tuple(spans)


def _row_text(row: tuple[Cell, ...]) -> tuple[str, ...]:
    return tuple(" ".join(c.text.split()) for c in row)


def same_columns(first: FoundTable, second: FoundTable) -> bool:
    """True when two tables have the same column starts (to within 3 points): the first's
    header or last row against the second's first row (a table continued over a page break
    whose header is cut differently from its body)."""
    return any(len(columns) == len(second.columns) and all(
        abs(a - b) <= 3 for a, b in zip(columns, second.columns))
        for columns in (first.columns, first.last_columns) if columns)


def continue_table(first: FoundTable, second: FoundTable) -> FoundTable:
    """``second`` appended to ``first``, its repeated header row dropped, and a row the page
    break cut in two made whole again (see :func:`_carries_on`)."""
    rows = second.rows
    if rows and first.rows and _row_text(rows[0]) == _row_text(first.rows[0]):
        rows = rows[1:]
    if rows and first.rows and _carries_on(first.rows[-1], rows[0]):
        whole = tuple(Cell(a.spans + (Span(" "),) + b.spans, a.colspan, a.line) if b.text.strip()
                      else a for a, b in zip(first.rows[-1], rows[0]))
        return first._replace(rows=first.rows[:-1] + (whole,) + rows[1:])
    return first._replace(rows=first.rows + rows)


# A cell's text stopping short: on a word that needs the next ("and", "of", "the") or a comma.
_UNFINISHED = re.compile(rf"(?:,|\b(?:{OPEN_END_WORDS}))$", re.I)


def _carries_on(last: tuple[Cell, ...], first: tuple[Cell, ...]) -> bool:
    """True when ``first``, the first row on a new page, is the rest of ``last`` (Word lets a
    row break across pages): some of its cells empty, and each of the others under a cell of
    ``last`` whose sentence it carries on, in lower case or after a word that needs more
    ("…to ensure the complaint is resolved, if" / "this is not possible…"). A new row of
    figures, or one opening a new sentence, stands on its own."""
    if len(last) != len(first):
        return False
    filled = [(a.text.strip(), b.text.strip()) for a, b in zip(last, first) if b.text.strip()]
    return 0 < len(filled) < len(first) and all(carries_on(above, below) for above, below in filled)


def carries_on(above: str, below: str) -> bool:
    """True when ``below`` carries on the sentence ``above`` left unfinished: in lower case, or
    after a word that needs more ("…resolved, if" / "this is not possible…"; "…maintaining
    the" / "exemption.")."""
    return bool(above) and bool(below) and (below[:1].islower() or bool(_UNFINISHED.search(above)))


def carried_into(table: FoundTable, column: int, lines: list[Any]) -> FoundTable:
    """``table`` with the text of ``lines`` added to its last row's cell in ``column``."""
    row = table.rows[-1]
    text = " ".join(" ".join(line.text.split()) for line in lines)
    cell = row[column]
    whole = Cell(cell.spans + (Span(" " + text),), cell.colspan, cell.line)
    return table._replace(rows=table.rows[:-1] + (row[:column] + (whole,) + row[column + 1:],))


# A cell of figures: digits with their signs and marks ("1,204", "£3.5m", "12%", "<5").
_FIGURE = re.compile(r"^[£$<>~≈*(+-]*\d[\d,.\s]*[%mkb)]*$", re.I)
_MAX_HEADER_WRAPS = 4


def header_wraps_joined(table: FoundTable) -> FoundTable:
    """A header whose cells wrap onto rows of their own ("Grand" over "Total", "Maryport" over
    "Victoria" over "Cottage"), where the table's rules cut each line apart: those rows,
    their first cell empty and none of their cells a figure, standing between the header and
    the first row of figures, joined into the header cell by cell.

    >>> t = FoundTable((0, 0, 1, 1), ((Cell((Span("Year"),)), Cell((Span("Grand"),))),
    ...     (Cell(), Cell((Span("Total"),))), (Cell((Span("2020"),)), Cell((Span("5"),)))), (0, 1), 0)
    >>> [[c.text for c in row] for row in header_wraps_joined(t).rows]
    [['Year', 'Grand Total'], ['2020', '5']]
    """
    rows = table.rows
    shape = [c.colspan for c in rows[0]] if rows else []
    wraps = 0
    for row in rows[1:1 + _MAX_HEADER_WRAPS]:
        texts = [c.text.strip() for c in row]
        if [c.colspan for c in row] != shape or texts[0] or not any(texts) \
                or any(_FIGURE.match(t) for t in texts if t):
            break
        wraps += 1
    body = rows[1 + wraps:]
    if not wraps or not any(_FIGURE.match(c.text.strip()) for row in body[:3] for c in row):
        return table
    header = tuple(Cell(merge_runs([(s.text + " ", s.bold, s.italic, s.color)
                                    for cell in column if cell.text.strip() for s in cell.spans]),
                        column[0].colspan) for column in zip(*rows[:1 + wraps]))
    return table._replace(rows=(header,) + body)


def label_wraps_joined(table: FoundTable) -> FoundTable:
    """A row label wrapped onto a row of its own ("Named suspect identified: victim supports
    police" over "action but evidential difficulties …", the rest of that row empty), joined
    to the label it goes on: a first cell that starts in lower case, alone in its row.

    >>> t = FoundTable((0, 0, 1, 1), ((Cell((Span("Victim supports"),)), Cell((Span("5"),))),
    ...     (Cell((Span("police action"),)), Cell())), (0, 1), 0)
    >>> [[c.text for c in row] for row in label_wraps_joined(t).rows]
    [['Victim supports police action', '5']]
    """
    rows: list[tuple[Cell, ...]] = []
    for row in table.rows:
        first = row[0].text.strip() if row else ""
        if rows and first[:1].islower() and rows[-1][0].text.strip() \
                and not any(c.text.strip() for c in row[1:]) and len(row) == len(rows[-1]):
            label = rows[-1][0]
            spans = merge_runs([(s.text + " ", s.bold, s.italic, s.color)
                                for s in label.spans + row[0].spans])
            rows[-1] = (Cell(spans, label.colspan),) + rows[-1][1:]
            continue
        rows.append(row)
    return table._replace(rows=tuple(rows)) if len(rows) < len(table.rows) else table
