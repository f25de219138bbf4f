"""Markdown reader on markdown-it-py: one token stream into blocks of styled spans.

Strong and emphasis nest (``***x***`` is bold and italic); ``## **Response**``
is a heading; lists keep their enumerator in ``marker``; tables keep their
cells; each block keeps the line range markdown-it's ``Token.map`` gives.

>>> doc = parse("## **Response**\\n\\n***How many?***\\n\\nTwo\\n", "x.md")
>>> [(b.kind, b.text, b.all_bold, b.all_italic) for b in doc.blocks]
[('heading', 'Response', True, False), ('paragraph', 'How many?', True, True), ('paragraph', 'Two', False, False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Block, BlockKind, Cell, Document, Source, Span
from . import read_text_file

_SPACES = re.compile(r"[ \t\u00a0]+")
_BREAK_SPACES = re.compile(r" *\n *")
# A fence line: three backticks (and an info string with none) or three tildes.
_FENCE = re.compile(r"^ {0,3}(?:`{3,}[^`\n]*|~{3,}.*)$", re.MULTILINE)

# Deeply nested emphasis or blocks are cut off here: markdown-it recurses per level.
MAX_NESTING = 40
# A paragraph with more emphasis markers than this is read as plain text: markdown-it makes a
# token (some 600 bytes) of each marker and each run between, so a 2.7 MB "emphasis storm"
# took 900 MB. No letter emphasises anything near this often in one paragraph.
MAX_MARKERS = 2_000


@cache
def _parser() -> MarkdownIt:
    # A letter is not source code or a web page: a paragraph indented four spaces (as letters
    # converted from Word often are) or between ``` fences (see parse) is still a paragraph
    # with its emphasis, and text inside HTML tags (<div>…</div> left by a converter) is text,
    # not a block to drop. Escaped characters ("\\*") are read as text where they stand, so
    # markdown-it's pass joining them into the text around them is not needed (neighbouring
    # runs of one style are joined here).
    # Inline parsing is done a paragraph at a time by the walker (see _Walker.inline), so only
    # one paragraph's inline tokens are ever held.
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    return md.disable(["code", "fence", "html_block", "text_join", "inline"])


def read(path: str) -> Document:
    """Read a Markdown file into a :class:`Document`."""
    return parse(read_text_file(path), path)


def parse(text: str, source: str) -> Document:
    """Parse Markdown text (already decoded) into a :class:`Document`."""
    if "```" in text or "~~~" in text:
        text = _FENCE.sub("", text)  # the fence lines go (each leaves its line), the text stays
    env: dict[str, object] = {}
    tokens = _parser().parse(text, env)
    return Document(blocks=tuple(_Walker(env=env).walk(tokens)), format="markdown", source=source)


@dataclass
class _Walker:
    """Turns markdown-it's flat token stream into blocks, tracking list and quote context."""

    lists: list[dict[str, object]] = field(default_factory=list)
    quote_depth: int = 0
    table: list[list[Cell]] | None = None
    table_header_rows: int = 0
    in_thead: bool = False
    table_map: list[int] | None = None
    item_marker: str = ""
    env: dict[str, object] = field(default_factory=dict)  # link references, for inline parsing

    def inline(self, token: Token) -> tuple[Span, ...]:
        """The spans of a paragraph's (heading's, cell's) text, its tokens made and dropped here."""
        if token.content.count("*") + token.content.count("_") > MAX_MARKERS:
            return _tidy([token.content], [_PLAIN])
        children: list[Token] = []
        md = _parser()
        md.inline.parse(token.content, md, self.env, children)
        return _spans(children)

    def walk(self, tokens: list[Token]) -> list[Block]:
        blocks: list[Block] = []
        pending_kind: BlockKind = "paragraph"
        pending_level = 0
        pending_map: list[int] | None = None
        for token in tokens:
            kind = token.type
            if kind == "inline":  # the text of a paragraph, heading or cell: most tokens are these
                spans = self.inline(token)
                if self.table is not None:
                    self.table[-1].append(Cell(spans))
                elif spans:
                    marker = ""
                    if self.lists and pending_kind in ("list_item", "quote"):
                        marker, self.item_marker = self.item_marker, ""
                    blocks.append(Block(pending_kind, spans, level=pending_level, marker=marker,
                                        source=_source(pending_map)))
            elif kind == "paragraph_close" or kind == "heading_close":
                continue
            elif kind == "paragraph_open":
                pending_map = token.map
                if self.quote_depth:  # a list inside a quote is still the quoted request
                    pending_kind, pending_level = "quote", self.quote_depth
                elif self.lists:
                    pending_kind, pending_level = "list_item", len(self.lists)
                else:
                    pending_kind, pending_level = "paragraph", 0
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrGet("start") or 1)
                self.lists.append({"ordered": kind == "ordered_list_open", "n": start})
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                current = self.lists[-1]
                if current["ordered"]:
                    self.item_marker = f"{token.info or current['n']}{token.markup or '.'}"
                    current["n"] = int(str(current["n"])) + 1
                else:
                    self.item_marker = "•"
            elif kind == "blockquote_open":
                self.quote_depth += 1
            elif kind == "blockquote_close":
                self.quote_depth -= 1
            elif kind == "heading_open":
                pending_kind, pending_level, pending_map = "heading", int(token.tag[1:]), token.map
            elif kind == "table_open":
                self.table, self.table_header_rows, self.table_map = [], 0, token.map
            elif kind == "thead_open":
                self.in_thead = True
            elif kind == "thead_close":
                self.in_thead = False
            elif kind == "tr_open" and self.table is not None:
                self.table.append([])
                if self.in_thead:
                    self.table_header_rows += 1
            elif kind == "table_close" and self.table is not None:
                rows = tuple(tuple(row) for row in self.table)
                blocks.append(Block("table", rows=rows, header_rows=self.table_header_rows,
                                    source=_source(self.table_map)))
                self.table = None
        return blocks


def _source(line_map: list[int] | None) -> Source:
    if not line_map:
        return Source()
    return _lines(line_map[0], line_map[1])


@lru_cache(maxsize=4096)
def _lines(first: int, after: int) -> Source:
    """Token.map's ``[first_line, last_line_exclusive]`` (0-based) as a Source (shared: sources
    never change, and every document has a line 1)."""
    return Source(first + 1, max(after, first + 1))


Style = tuple[bool, bool, "str | None"]  # bold, italic, link target
_BR = re.compile(r"<br\s*/?>", re.I)
_PLAIN: Style = (False, False, None)


def _spans(children: list[Token]) -> tuple[Span, ...]:
    """Inline tokens to spans, merging neighbours of equal style."""
    if len(children) == 1 and children[0].type == "text":  # a paragraph of plain text
        return _tidy([children[0].content], [_PLAIN])
    bold = italic = 0
    href: str | None = None
    # Runs of one style as texts and styles side by side: a Span is made once a run is whole.
    texts: list[str] = []
    styles: list[Style] = []
    for child in children:
        kind = child.type
        if kind == "text" or kind == "text_special" or kind == "code_inline" or kind == "image":
            text = child.content
        elif kind == "softbreak":
            text = " "
        elif kind == "hardbreak" or kind == "html_inline" and _BR.fullmatch(child.content):
            text = "\n"  # (a "<br>" breaks a line as two trailing spaces do, in a table cell too)
        else:
            if kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "em_open":
                italic += 1
            elif kind == "em_close":
                italic -= 1
            elif kind == "link_open":
                href = str(child.attrGet("href") or "") or None
            elif kind == "link_close":
                href = None
            continue
        if not text:
            continue
        style = (bold > 0, italic > 0, href)
        if styles and styles[-1] == style:
            texts[-1] += text
        else:
            texts.append(text)
            styles.append(style)
    return _tidy(texts, styles)


def _tidy(runs: list[str], styles: list[Style]) -> tuple[Span, ...]:
    """Collapse runs of spaces, keep hard breaks, trim the ends."""
    texts: list[str] = []
    kept: list[Style] = []
    previous = "\n"
    for text, style in zip(runs, styles):
        if "  " in text or "\t" in text or "\u00a0" in text:
            text = _SPACES.sub(" ", text)
        if "\n" in text:
            text = _BREAK_SPACES.sub("\n", text)
        if previous[-1] in " \n":
            text = text.lstrip(" ")
        if text:
            texts.append(text)
            kept.append(style)
            previous = text
    while texts and not texts[-1].strip():
        texts.pop()
    if not texts:
        return ()
    texts[-1] = texts[-1].rstrip()
    texts[0] = texts[0].lstrip()
    if len(texts) == 1:  # one run, not blank (the loop above leaves none blank at the end)
        bold, italic, href = kept[0]
        return (Span(texts[0], bold, italic, None, href),)
    return tuple([Span(text, bold, italic, None, href)
                  for text, (bold, italic, href) in zip(texts, kept) if text])
