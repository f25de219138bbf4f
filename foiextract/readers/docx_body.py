"""Walking a Word story (body, header, footer) into model blocks, in XML order.

Paragraphs and tables are taken in the order they stand in the XML (not
python-docx's ``paragraphs`` then ``tables``), looking inside content
controls (``w:sdt``), tracked insertions (``w:ins``), hyperlinks and simple
fields; tracked deletions (``w:del``, ``w:moveFrom``), hidden text and field
instructions are left out. lxml elements never leave this module.

>>> from docx import Document as new_docx
>>> word = new_docx()
>>> _ = word.add_paragraph("Reply")
>>> story = StoryReader(StyleSheet.from_element(word.styles.element),
...                     ListCounter(Numbering()), lambda rid: None)
>>> [b.text for b in story.blocks(word.element.body)]
['Reply']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Callable, Iterator

from ..model import Block, Cell, Source, Span
from .docx_numbering import ListCounter, Numbering
from .docx_styles import RunContext, RunProps, StyleSheet, numbering_properties, on_off, qn
from .whitespace import collapse

MAX_DEPTH = 24  # nested tables/content controls deeper than this are skipped
_P, _TBL, _TR, _TC, _R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
_SDT, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
_TXBX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_BLOCK_WRAPPERS = {qn("w:customXml"), qn("w:ins"), qn("w:moveTo")}
_INLINE_WRAPPERS = {qn("w:ins"), qn("w:moveTo"), qn("w:smartTag"), qn("w:customXml"),
                    qn("w:dir"), qn("w:bdo")}
_TEXT = {qn("w:t"): None, qn("w:tab"): " ", qn("w:ptab"): " ", qn("w:br"): "\n",
         qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-", qn("w:softHyphen"): ""}
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))?(.*)$', re.IGNORECASE)
# A run of spaces and breaks that collapses to something else: one with a break, or spaces.
_ANCHOR_SWITCH = re.compile(r'\\l\s+"([^"]*)"')
_LOOK_BITS = {"firstRow": 0x0020, "lastRow": 0x0040, "firstColumn": 0x0080,
              "lastColumn": 0x0100}

Style = tuple[bool, bool, "str | None", "str | None"]  # bold, italic, color, href
Piece = tuple[str, Style]
PLAIN: Style = (False, False, None, None)


@dataclass(slots=True)
class _Field:
    instruction: str = ""
    in_result: bool = False


@dataclass(frozen=True, slots=True)
class _TableCell:
    """Where a paragraph sits in a table: its style and conditional parts."""

    style: str | None = None
    conditions: tuple[str, ...] = ()


@dataclass(slots=True)
class StoryReader:
    """Reads one story (document body, header or footer) of one package part.

    ``links`` maps a relationship id to its target (for ``w:hyperlink``).
    """

    styles: StyleSheet
    counter: ListCounter
    links: Callable[[str], str | None]
    numbering: Numbering = field(default_factory=Numbering)
    _fields: list[_Field] = field(default_factory=list)

    def blocks(self, story: Any, numbered: bool = True) -> list[Block]:
        """The blocks of a ``w:body``, ``w:hdr`` or ``w:ftr``; ``numbered`` sets ``Source.paragraph``.

        A text box's paragraphs (a letterhead's address, reference and date are
        often set in one) follow the paragraph it is anchored to.
        """
        found: list[Block] = []
        for index, element in enumerate(_block_elements(story, 0), start=1):
            source = Source(paragraph=index) if numbered else Source()
            found.extend(self._element(element, source, 0))
        return found

    def _element(self, element: Any, source: Source, depth: int) -> list[Block]:
        block = (self._table(element, source, depth) if element.tag == _TBL
                 else self._paragraph(element, source))
        found = [block] if block is not None else []
        if element.tag == _P and depth < MAX_DEPTH:
            for box in _text_boxes(element):
                for inner in _block_elements(box, depth + 1):
                    found.extend(self._element(inner, source, depth + 1))
        return found

    def _paragraph(self, p: Any, source: Source, cell: _TableCell = _TableCell()) -> Block | None:
        ppr = p.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = style_el.get(qn("w:val")) if style_el is not None else None
        spans = normalise(list(self._inline(p, RunContext(style_id, None, cell.style,
                                                           cell.conditions), None, 0)))
        num_id, ilvl = numbering_properties(ppr)
        if num_id is None:
            num_id, ilvl = self.styles.numbering(style_id) or (None, None)
        marker = None
        if num_id is not None and self.counter.is_list(num_id):
            if ilvl is None:
                ilvl = self.numbering.level_for_style(num_id, style_id)
            marker = self.counter.marker(num_id, ilvl)
        if not spans:
            return None
        heading = self.styles.heading_level(style_id)
        if heading:
            return Block("heading", spans, level=heading, marker=marker or "", source=source)
        if marker is not None:
            return Block("list_item", spans, level=(ilvl or 0) + 1, marker=marker, source=source)
        return Block("paragraph", spans, source=source)

    def _inline(self, parent: Any, context: RunContext, href: str | None,
                depth: int) -> Iterator[Piece]:
        if depth > MAX_DEPTH:
            return
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _R:
                yield from self._run(child, context, href)
            elif tag == qn("w:hyperlink"):
                rid = child.get(qn("r:id"))
                anchor = child.get(qn("w:anchor"))
                target = (self.links(rid) if rid else None) or (f"#{anchor}" if anchor else None)
                yield from self._inline(child, context, target or href, depth + 1)
            elif tag == qn("w:fldSimple"):
                target = _field_href(child.get(qn("w:instr")) or "")
                yield from self._inline(child, context, target or href, depth + 1)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    yield from self._inline(content, context, href, depth + 1)
            elif tag in _INLINE_WRAPPERS:
                yield from self._inline(child, context, href, depth + 1)

    def _run(self, run: Any, context: RunContext, href: str | None) -> Iterator[Piece]:
        rpr = run.find(qn("w:rPr"))
        direct = RunProps.from_rpr(rpr)
        char_style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        context = RunContext(context.paragraph_style,
                             char_style.get(qn("w:val")) if char_style is not None else None,
                             context.table_style, context.table_conditions)
        hidden = self.styles.is_hidden(context, direct)
        fmt = self.styles.run_format(context, direct)
        for child in run.iterchildren():
            tag = child.tag
            if tag == qn("w:fldChar"):
                self._field_char(child.get(qn("w:fldCharType")) or "")
            elif tag == qn("w:instrText"):
                if self._fields and not self._fields[-1].in_result:
                    self._fields[-1].instruction += child.text or ""
            elif tag in _TEXT and not hidden and all(f.in_result for f in self._fields):
                text = child.text or "" if _TEXT[tag] is None else _TEXT[tag]
                if text:
                    yield text, (fmt.bold, fmt.italic, fmt.color, self._field_link() or href)

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            if len(self._fields) < MAX_DEPTH:
                self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            self._fields[-1].in_result = True
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _field_link(self) -> str | None:
        for open_field in reversed(self._fields):
            target = _field_href(open_field.instruction)
            if target:
                return target
        return None

    def _table(self, tbl: Any, source: Source, depth: int) -> Block | None:
        tbl_pr = tbl.find(qn("w:tblPr"))
        style_el = tbl_pr.find(qn("w:tblStyle")) if tbl_pr is not None else None
        style_id = style_el.get(qn("w:val")) if style_el is not None else None
        look = _table_look(tbl_pr)
        rows_el = list(_children(tbl, _TR, depth))
        rows: list[tuple[Cell, ...]] = []
        header_rows = 0
        above: dict[int, Cell] = {}
        for row_index, tr in enumerate(rows_el):
            tr_pr = tr.find(qn("w:trPr"))
            column = _grid_before(tr_pr)
            cells_el = list(_children(tr, _TC, depth))
            row: list[Cell] = []
            here: dict[int, Cell] = {}
            for cell_index, tc in enumerate(cells_el):
                tc_pr = tc.find(qn("w:tcPr"))
                span = _int_val(tc_pr, "w:gridSpan", 1)
                merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
                if merge is not None and (merge.get(qn("w:val")) or "continue") == "continue":
                    cell = Cell(above.get(column, Cell()).spans, colspan=span)
                else:
                    conditions = _conditions(look, row_index, len(rows_el), cell_index,
                                             len(cells_el))
                    cell = Cell(self._cell_spans(tc, _TableCell(style_id, conditions), depth),
                                colspan=span)
                row.append(cell)
                here[column] = cell
                column += span
            above = here
            if row:
                rows.append(tuple(row))
            header = tr_pr is not None and on_off(tr_pr.find(qn("w:tblHeader")))
            if header and header_rows == row_index:
                header_rows += 1
        if not any(c.text.strip() for row in rows for c in row):
            return None
        if header_rows == 0 and len(rows) > 1 and all(
                _all_bold(c.spans) for c in rows[0] if c.text.strip()):
            header_rows = 1
        return Block("table", rows=tuple(rows), header_rows=min(header_rows, len(rows)),
                     source=source)

    def _cell_spans(self, tc: Any, cell: _TableCell, depth: int) -> tuple[Span, ...]:
        parts: list[tuple[Span, ...]] = []
        for element in _block_elements(tc, depth + 1):
            if element.tag == _TBL:
                nested = self._table(element, Source(), depth + 1)
                if nested is not None:
                    parts.extend((Span(" | ".join(c.text for c in row)),) for row in nested.rows)
            else:
                block = self._paragraph(element, Source(), cell)
                if block is not None:
                    parts.append(block.spans)
        joined: list[Span] = []
        for spans in parts:
            if joined:
                last = joined[-1]
                joined.append(Span("\n", last.bold, last.italic, last.color, last.href))
            joined.extend(spans)
        return merge_spans(joined)


def normalise(pieces: list[Piece]) -> tuple[Span, ...]:
    """Styled pieces of text as spans: whitespace collapsed, no space around ``\\n``.

    >>> normalise([("  Two ", PLAIN), ("\\t apples\\n", (True, False, None, None))])
    (Span(text='Two ', bold=False, italic=False, color=None, href=None), \
Span(text='apples', bold=True, italic=False, color=None, href=None))
    """
    return collapse([(_printable(text), style) for text, style in pieces], many_breaks=False)


def _printable(text: str) -> str:
    """Tabs and odd spaces as spaces; soft hyphens, zero-width and control characters gone."""
    if text.isprintable():  # (a space is printable; a tab or a line break is not)
        return text
    return "".join(" " if char != "\n" and char.isspace() else char for char in text
                   if char == "\n" or char.isspace() or char.isprintable())


def merge_spans(spans: list[Span]) -> tuple[Span, ...]:
    """Adjacent spans with the same style joined into one."""
    return tuple(Span("".join(span.text for span in group), *style)
                 for style, group in groupby(spans, key=_style))


def _style(span: Span) -> Style:
    return (span.bold, span.italic, span.color, span.href)


def _all_bold(spans: tuple[Span, ...]) -> bool:
    return all(s.bold for s in spans if s.text.strip())


def _block_elements(parent: Any, depth: int) -> Iterator[Any]:
    """Paragraphs and tables under ``parent`` in order, unwrapping content controls."""
    if depth > MAX_DEPTH:
        return
    for child in parent.iterchildren():
        tag = child.tag
        if tag in (_P, _TBL):
            yield child
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_elements(content, depth + 1)
        elif tag in _BLOCK_WRAPPERS:
            yield from _block_elements(child, depth + 1)


def _text_boxes(p: Any) -> list[Any]:
    """The text boxes anchored in paragraph ``p`` (not those inside them: each box reads its own).

    A box drawn both ways (``mc:AlternateContent``: DrawingML, then VML as the
    ``mc:Fallback``) is read once, from its first form.
    """
    boxes = []
    for box in p.iter(_TXBX):
        parent = box.getparent()
        while parent is not None and parent is not p and parent.tag not in (_TXBX, _FALLBACK):
            parent = parent.getparent()
        if parent is p:
            boxes.append(box)
    return boxes


def _children(parent: Any, tag: str, depth: int) -> Iterator[Any]:
    """Rows of a table or cells of a row, unwrapping content controls around them."""
    if depth > MAX_DEPTH:
        return
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag, depth + 1)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, tag, depth + 1)


def _field_href(instruction: str) -> str | None:
    match = _HYPERLINK_FIELD.match(instruction)
    if not match:
        return None
    anchor = _ANCHOR_SWITCH.search(match.group(3) or "")
    target = match.group(1) or match.group(2) or ""
    return target + (f"#{anchor.group(1)}" if anchor else "") or None


def _table_look(tbl_pr: Any) -> set[str]:
    look = tbl_pr.find(qn("w:tblLook")) if tbl_pr is not None else None
    if look is None:
        return set()
    bits = int(look.get(qn("w:val")) or "0", 16) if re.fullmatch(
        r"[0-9A-Fa-f]{1,4}", look.get(qn("w:val")) or "") else 0
    flags = set()
    for name, bit in _LOOK_BITS.items():
        value = look.get(qn(f"w:{name}"))
        if (value is not None and value.lower() in ("1", "true", "on")) or (
                value is None and bits & bit):
            flags.add(name)
    return flags


def _conditions(look: set[str], row: int, rows: int, cell: int, cells: int) -> tuple[str, ...]:
    # Earlier conditions win: row formatting over column formatting, as in Word.
    found = []
    if "firstRow" in look and row == 0:
        found.append("firstRow")
    if "lastRow" in look and row == rows - 1 and rows > 1:
        found.append("lastRow")
    if "firstColumn" in look and cell == 0:
        found.append("firstCol")
    if "lastColumn" in look and cell == cells - 1 and cells > 1:
        found.append("lastCol")
    return tuple(found)


def _grid_before(tr_pr: Any) -> int:
    return _int_val(tr_pr, "w:gridBefore", 0)


def _int_val(props: Any, name: str, default: int) -> int:
    element = props.find(qn(name)) if props is not None else None
    value = element.get(qn("w:val")) if element is not None else None
    return int(value) if value is not None and value.isdigit() and int(value) < 1000 else default
