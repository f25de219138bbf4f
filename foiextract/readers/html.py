"""Web-page reader on lxml: the page's text as blocks of styled spans, site chrome dropped.

Bold and italic come from ``<strong>``/``<b>``/``<em>``/``<i>``, headings and
table header cells, inline ``font-weight``/``font-style``/``color`` and simple
``<style>`` rules (``.class``, ``tag``, ``tag.class``). Headings, lists
(markers from ``type``/``start``, ``"•"`` for ``<ul>``), quotes, tables
(``<th>`` rows are header rows) and definition lists (a two-column table)
keep their structure; ``<br>`` is ``"\\n"`` and ``<br><br>`` ends a paragraph. A
paragraph in one look set in ``<br>`` lines (a mail program's plain text) is read as
the plain-text reader reads lines, at the page's wrap width: each line that is not
wrapped its own paragraph, enumerated lines items.
Navigation, scripts, cookie banners, breadcrumbs, search forms and footers are
dropped (``foiextract/data/html_chrome.json``). A saved request platform page
(WhatDoTheyKnow) is read into ``Document.messages``.

Nothing the page links to is fetched, and entities it declares are never
expanded. The tree is walked without recursion; libxml2 refuses nesting
deeper than 256 levels, which is reported as :class:`CorruptFile`.

>>> doc = parse(b"<p><strong>How many?</strong><br>Response: 2</p><ul><li>One</li></ul>", "x.html")
>>> [(b.kind, b.marker, b.text, b.spans[0].bold) for b in doc.blocks]
[('paragraph', '', 'How many?\\nResponse: 2', True), ('list_item', '•', 'One', False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from ..lexicon.data import load_json
from ..errors import CorruptFile, EmptyFile
from ..model import Block, BlockKind, Cell, Document, Source, Span
from . import text as plain_text
from . import utf8_bytes
from .html_style import BLOCK_TAGS, WHITESPACE, Style, style_of, stylesheet
from .html_thread import platform_messages
from .whitespace import collapse

_CHARSET = re.compile(rb"<meta[^>]+charset\s*=", re.IGNORECASE)
# A run of spaces and breaks that collapses to something else: one with a break, or spaces.
_BLANK_LINE = re.compile(r"\n{2,}")
_NAME_WORDS = re.compile(r"[\s_-]+")  # the words of class and id names: "site-footer"
_INTERNAL_SUBSET = re.compile(rb"(<!DOCTYPE[^\[>]*)\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_LIST_TYPES = {"lower-alpha": "a", "lower-latin": "a", "upper-alpha": "A", "upper-latin": "A",
               "lower-roman": "i", "upper-roman": "I", "decimal": "1"}


def read(path: str) -> Document:
    """Read a saved web page (``.html``) into a :class:`Document`."""
    return parse(utf8_bytes(Path(path).read_bytes(), path), path)


def parse(data: bytes, source: str) -> Document:
    """Parse a page's bytes (the encoding is taken from the page) into a :class:`Document`."""
    root = _tree(data, source)
    title = " ".join(root.findtext(".//title", default="").split())
    metadata = {"title": title} if title else {}
    sheet = stylesheet(root)
    thread = platform_messages(root, source)
    if thread:
        blocks = tuple(b for m in thread for b in m.blocks)
        return Document(blocks, "html", source, (), metadata, messages=thread)
    content = _content_root(root)
    _drop_chrome(content)
    blocks = tuple(_Walker(sheet).walk(content))
    if not blocks:
        raise EmptyFile(source, "the page has no text")
    furniture: tuple[Block, ...] = ()
    # An e-mail put on the web a paragraph a line (as pasted into Word: see .docx): read as
    # its text, each block standing on the page lines it was read from.
    read = plain_text.read_as_text(blocks, _on_lines_of)
    if read is not None:
        blocks, furniture = tuple(read[0]), tuple(read[1])
    return Document(blocks, "html", source, furniture, metadata)


def _on_lines_of(block: Block, read_from: list[Block]) -> Block:
    """A block laid out again from the page's paragraphs, on the lines they stood on."""
    first, last = read_from[0].source, read_from[-1].source
    return replace(block, source=Source(line_start=first.line_start,
                                        line_end=last.line_end or last.line_start))


def _tree(data: bytes, source: str) -> Any:
    encoding: str | None = None
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif not _CHARSET.search(data[:4096]):
        # libxml2 assumes Latin-1 when a page declares nothing; most such pages are UTF-8.
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "windows-1252"
    # The HTML parser never expands entities, but an internal DTD subset would leak into the text.
    data = _INTERNAL_SUBSET.sub(rb"\1>", data[:65536], count=1) + data[65536:]
    parser = lxml.html.HTMLParser(encoding=encoding, no_network=True, remove_comments=True,
                                  remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except etree.ParserError:
        raise EmptyFile(source, "the page has no content") from None
    except (etree.LxmlError, ValueError, LookupError):
        raise CorruptFile(source, "the page could not be parsed as HTML") from None
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise CorruptFile(source, "the page nests elements deeper than the parser allows")
    return root


@cache
def _chrome() -> dict[str, frozenset[str]]:
    data: dict[str, Any] = load_json("html_chrome.json")
    return {key: frozenset(data[key])
            for key in ("drop_tags", "page_tags", "drop_roles", "drop_words")}


def _is_chrome(element: Any) -> bool:
    chrome = _chrome()
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in chrome["drop_tags"] or (element.get("role") or "").lower() in chrome["drop_roles"]:
        return True
    if tag in chrome["page_tags"] and not any(a.tag in ("article", "main")
                                               for a in element.iterancestors()):
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    if element.get("hidden") is not None or element.get("aria-hidden") == "true" \
            or "display:none" in style or "visibility:hidden" in style:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(word in chrome["drop_words"] for word in _NAME_WORDS.split(names) if word)


def _drop_chrome(root: Any) -> None:
    doomed = [e for e in root.iter() if e is not root and (
        not isinstance(e.tag, str) or _is_chrome(e))]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the element's tail text


def _content_root(root: Any) -> Any:
    found = root.find(".//main")
    if found is None:
        found = next(iter(root.xpath(".//*[@role='main']")), None)
    if found is not None:
        return found
    articles = root.findall(".//article")
    if len(articles) == 1:
        return articles[0]
    body = root.find("body")
    return body if body is not None else root


@dataclass
class _Context:
    kind: BlockKind
    level: int = 0
    marker: str = ""


@dataclass
class _Table:
    layout: bool
    rows: list[list[Cell]] = field(default_factory=list)
    header_rows: int = 0
    header_open: bool = True
    cell: list[tuple[str, Style]] | None = None
    colspan: int = 1
    rowspan: int = 1
    line: int | None = None
    # Cells reaching down into later rows (rowspan), by column: the cell and the rows it has left.
    below: dict[int, tuple[Cell, int]] = field(default_factory=dict)
    # The current row, how many of its cells are counted and the columns they take: summing
    # the row again for every cell made a row of 1,000 cells cost a million steps.
    counted: tuple[int, int, int] = (0, 0, 0)

    def width(self) -> int:
        """The columns the current row's cells take so far."""
        row = self.rows[-1]
        ident, counted, columns = self.counted
        if ident != id(row) or counted > len(row):
            counted = columns = 0
        columns += sum(c.colspan for c in row[counted:])
        self.counted = (id(row), len(row), columns)
        return columns

    def carry_down(self, through: int | None = None) -> None:
        """Put the cells reaching down from rows above into the current row, at their columns,
        up to the column where a new cell starts (``None``: to the end of the row)."""
        row = self.rows[-1]
        while True:
            column = self.width()
            if column not in self.below or (through is not None and column > through):
                return
            cell, left = self.below.pop(column)
            row.append(cell)
            if left > 1:
                self.below[column] = (cell, left - 1)


def _span(value: str | None) -> int:
    """A colspan or rowspan attribute as a count of columns or rows (1 when absent or odd)."""
    value = (value or "1").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 1000 else 1


class _Walker:
    """Turns the element tree into blocks, tracking list, quote and table context."""

    def __init__(self, sheet: dict[tuple[str, str], Style]) -> None:
        self.sheet = sheet
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, Style]] = []
        self.contexts: list[_Context] = []
        self.lists: list[list[Any]] = []
        self.tables: list[_Table] = []
        self.styles: list[Style] = [Style()]
        self.quote_depth = 0
        self.pre = 0
        self.line_start: int | None = None
        self.line = 0
        # paragraphs set in <br> lines (see _plain_lines): where they go, their text, look, source
        self.plain: list[tuple[int, str, Span, Source]] = []

    def walk(self, root: Any) -> list[Block]:
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            if not isinstance(element.tag, str):
                continue
            if event == "start":
                self.line = element.sourceline or self.line
                self.start(element)
                self.text(element.text)
            else:
                self.end(element)
                if element is not root:
                    self.text(element.tail)
        self.flush()
        if self.plain:
            # Where its writer's program wrapped the lines: the page's own width, or none
            # when too few lines are long to tell ("one<br>two" is two lines, not one).
            width = plain_text.wrap_width(
                [len(line) for _, lines, _, _ in self.plain for line in lines.split("\n")],
                unknown=_UNWRAPPED)
            for at, lines, look, source in reversed(self.plain):
                self.blocks[at:at] = _laid_out(lines, look, source, width)
        return self.blocks

    def start(self, element: Any) -> None:
        tag = element.tag
        self.styles.append(style_of(element, self.styles[-1], self.sheet))
        if tag == "br":
            self.add("\n")
        if tag not in BLOCK_TAGS:
            return
        if tag in ("td", "th", "dt", "dd") and self.tables and not self.tables[-1].layout:
            self.open_cell(element)
            return
        self.flush()
        if tag in ("ul", "ol"):
            self.lists.append(_list_state(element))
        elif tag == "li":
            marker = self.next_marker(element)
            if self.tables and self.tables[-1].cell is not None:
                self.add(marker + " ")
            else:
                self.contexts.append(_Context("list_item", len(self.lists) or 1, marker))
        elif tag == "pre":
            self.pre += 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.contexts.append(_Context("heading", int(tag[1])))
        elif tag == "blockquote":
            self.quote_depth += 1
        elif tag in ("table", "dl"):
            self.open_table(element)
        elif tag == "tr" and self.tables and not self.tables[-1].layout:
            self.tables[-1].rows.append([])
            if self.tables[-1].header_open and element.getparent().tag not in ("thead",) \
                    and any(c.tag == "td" for c in element):
                self.tables[-1].header_open = False

    def end(self, element: Any) -> None:
        tag = element.tag
        self.styles.pop()
        if tag not in BLOCK_TAGS:
            return
        table = self.tables[-1] if self.tables else None
        if tag in ("td", "th", "dt", "dd") and table is not None and not table.layout:
            self.close_cell()
            return
        self.flush()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.contexts \
                or tag == "li" and self.contexts and self.contexts[-1].kind == "list_item":
            self.contexts.pop()
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        elif tag == "blockquote":
            self.quote_depth = max(0, self.quote_depth - 1)
        elif tag == "tr" and table is not None and not table.layout:
            if table.rows and table.below:
                table.carry_down()
            if table.header_open and table.rows and table.rows[-1]:
                table.header_rows = len(table.rows)
        elif tag in ("table", "dl") and table is not None:
            self.close_table()

    def next_marker(self, element: Any) -> str:
        if not self.lists or self.lists[-1][0] is None:
            return "•"
        state = self.lists[-1]
        value = element.get("value")
        if value and value.strip().isdigit():
            state[1] = int(value)
        marker = _format_marker(state[1], state[0])
        state[1] += 1
        return marker

    def open_table(self, element: Any) -> None:
        cells = [len([c for c in row if c.tag in ("td", "th")]) for row in element.iter("tr")]
        nested = any(t is not element for t in element.iter("table", "dl"))
        in_cell = bool(self.tables and self.tables[-1].cell is not None)
        layout = element.tag == "table" and (nested or max(cells, default=0) <= 1
                                             or element.get("role") == "presentation")
        self.tables.append(_Table(layout or in_cell, line=element.sourceline))
        if element.tag == "dl":
            self.tables[-1].header_open = False

    def close_table(self) -> None:
        table = self.tables.pop()
        rows = tuple(tuple(r) for r in table.rows if r)
        if not table.layout and rows:
            header = min(table.header_rows, len(rows))
            self.blocks.append(Block("table", rows=rows, header_rows=header,
                                     source=Source(line_start=table.line, line_end=self.line)))

    def open_cell(self, element: Any) -> None:
        table = self.tables[-1]
        if element.tag == "dt" or (element.tag == "dd" and (not table.rows or len(table.rows[-1]) != 1)):
            table.rows.append([] if element.tag == "dt" else [Cell()])
        elif not table.rows:
            table.rows.append([])
        table.colspan = _span(element.get("colspan"))
        table.rowspan = _span(element.get("rowspan")) if element.tag in ("td", "th") else 1
        if element.tag in ("td", "th"):
            table.carry_down(through=table.width())
        table.cell = []

    def close_cell(self) -> None:
        table = self.tables[-1]
        if table.cell is not None:
            cell = Cell(_spans(table.cell), colspan=table.colspan)
            if table.rowspan > 1:  # the cell stands in the rows below too, as Word's merged cells do
                table.below[table.width()] = (cell, table.rowspan - 1)
            table.rows[-1].append(cell)
        table.cell = None

    def add(self, text: str) -> None:
        style = self.styles[-1]
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.append((text, style))
            return
        if not self.pieces:
            if not text.strip():
                return
            self.line_start = self.line
        self.pieces.append((text, style))

    def text(self, text: str | None) -> None:
        if text and self.pre:
            for n, line in enumerate(text.split("\n")):
                self.add(("\n" if n else "") + WHITESPACE.sub(" ", line))
        elif text:
            self.add(WHITESPACE.sub(" ", text))

    def flush(self) -> None:
        """End the paragraph being collected (inside a table cell: start a new line)."""
        if self.tables and self.tables[-1].cell is not None:
            cell = self.tables[-1].cell
            if cell and cell[-1][0] != "\n":
                cell.append(("\n", Style()))
            return
        pieces, self.pieces = self.pieces, []
        if not pieces:
            return
        context = self.contexts[-1] if self.contexts else _Context("paragraph")
        kind, level = context.kind, context.level
        if self.quote_depth and kind in ("paragraph", "list_item"):
            kind, level = "quote", self.quote_depth
        source = Source(line_start=self.line_start, line_end=max(self.line, self.line_start or 0))
        paragraphs = _paragraphs(_spans(pieces))
        if kind == "paragraph" and not self.contexts:
            plain = _plain_lines(paragraphs)
            if plain is not None:  # laid out once the page's wrap width is known
                self.plain.append((len(self.blocks), *plain, source))
                return
        for spans in paragraphs:
            self.blocks.append(Block(kind, spans, level=level, marker=context.marker,
                                     source=source))
            context.marker = ""  # a list item's later paragraphs carry no marker


def _plain_lines(paragraphs: list[tuple[Span, ...]]) -> tuple[str, Span] | None:
    """The text of a paragraph set in lines with ``<br>`` and in one look throughout (an
    e-mail's plain text put on the web, a line each, wrapped where its writer's program
    wrapped it), its ``<br><br>`` as blank lines, and a span in its look; None when it is
    one line, or its looks vary (a bold question over its answer: the looks tell the parts
    apart)."""
    spans = [span for spans in paragraphs for span in spans]
    inked = [s for s in spans if s.text.strip()]
    if len({(s.bold, s.italic, s.color) for s in inked}) != 1 \
            or any(s.color and s.href for s in spans):
        return None
    texts = ["".join(s.text for s in spans) for spans in paragraphs]
    if not any("\n" in text for text in texts):
        return None
    return "\n\n".join(texts), inked[0]


# A width no line reaches: the lines were not wrapped.
_UNWRAPPED = 10_000


def _laid_out(lines: str, look: Span, source: Source, width: int) -> list[Block]:
    """Lines set with ``<br>`` read as plain text is read (:func:`.text.layout`): wrapped
    lines joined, each line that is not wrapped a paragraph, enumerated and bulleted lines
    list items, ``>`` lines quotes; furniture (a signature, a disclaimer) stays text here,
    where the segmenter tells it as it tells the page's other paragraphs."""
    lay = plain_text.layout(lines, width=width)
    furniture = {id(b) for b in lay.furniture}
    kept = sorted((*lay.blocks, *lay.furniture), key=lambda b: b.source.line_start or 0)
    return [Block("table", rows=b.rows, header_rows=b.header_rows, source=source)
            if b.kind == "table" else
            Block("paragraph" if id(b) in furniture else b.kind,
                  (Span(b.text, look.bold, look.italic, look.color),), level=b.level,
                  marker=b.marker, source=source) for b in kept]


def _list_state(element: Any) -> list[Any]:
    if element.tag == "ul":
        return [None, 0]
    kind = element.get("type") or ""
    style = (element.get("style") or "").lower()
    for name, code in _LIST_TYPES.items():
        if name in style:
            kind = code
    start = element.get("start") or "1"
    return [kind if kind in ("1", "a", "A", "i", "I") else "1",
            int(start) if start.lstrip("-").isdigit() else 1]


def _format_marker(n: int, kind: str) -> str:
    if kind in ("a", "A") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return (letter.upper() if kind == "A" else letter) + "."
    if kind in ("i", "I") and 1 <= n < 4000:
        roman = ""
        for value, numeral in _ROMAN:
            while n >= value:
                roman, n = roman + numeral, n - value
        return (roman.upper() if kind == "I" else roman) + "."
    return f"{n}."


def _spans(pieces: list[tuple[str, Style]]) -> tuple[Span, ...]:
    """Pieces of text to spans: whitespace collapsed, every line break kept (see
    :mod:`.whitespace`)."""
    return collapse(pieces, many_breaks=True)


def _paragraphs(spans: tuple[Span, ...]) -> list[tuple[Span, ...]]:
    """Split spans at blank lines (``<br><br>``); line breaks at the edges are dropped."""
    out: list[list[Span]] = [[]]
    for span in spans:
        parts = _BLANK_LINE.split(span.text)
        for n, part in enumerate(parts):
            if n:
                out.append([])
            if part:
                out[-1].append(Span(part, span.bold, span.italic, span.color, span.href))
    result = []
    for group in out:
        if group:
            first, last = group[0], group[-1]
            group[0] = Span(first.text.lstrip("\n"), first.bold, first.italic, first.color, first.href)
            group[-1] = Span(group[-1].text.rstrip("\n"), last.bold, last.italic, last.color,
                             last.href)
            kept = tuple(s for s in group if s.text)
            if "".join(s.text for s in kept).strip():
                result.append(kept)
    return result


