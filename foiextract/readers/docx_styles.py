"""Word styles: effective bold, italic and colour through the style chain.

python-docx reports ``run.bold is None`` whenever bold comes from a style, so
the reader resolves formatting itself, the way Word does (ECMA-376 17.7.2):
document defaults, then the table style, the paragraph style and the
character style (each through its ``basedOn`` chain, the nearest definition
winning), then the run's own properties. Bold and italic are *toggle*
properties: a style level that turns them on flips the state inherited from
the level below (17.7.3), and ``w:b w:val="0"`` on a style stops it.

>>> sheet = StyleSheet.empty()
>>> sheet.run_format(RunContext(), RunProps(bold=True))
RunFormat(bold=True, italic=False, color=None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterator

from docx.oxml.ns import qn as docx_qn

# The Clark name of a WordprocessingML tag or attribute (``"w:val"``): asked for at every
# run of every paragraph, so each is worked out once (python-docx's ``qn`` splits the
# prefix and formats the name again on every call).
qn = cache(docx_qn)

_OFF = {"0", "false", "off", "none"}
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$")
_BLACK = {"AUTO", "000000"}
MAX_CHAIN = 32  # a basedOn chain longer than this is a loop or an attack


def on_off(element: Any) -> bool | None:
    """The value of a WordprocessingML on/off element (absent ``w:val`` is on)."""
    if element is None:
        return None
    value = element.get(qn("w:val"))
    return value is None or value.lower() not in _OFF


@dataclass(frozen=True, slots=True)
class RunProps:
    """Run properties stated at one level; None where that level says nothing.

    ``color`` is ``""`` when the level says automatic or black.
    """

    bold: bool | None = None
    italic: bool | None = None
    color: str | None = None
    hidden: bool | None = None

    @classmethod
    def from_rpr(cls, rpr: Any) -> "RunProps":
        """Read a ``w:rPr`` element (or None)."""
        if rpr is None:
            return cls()
        color = None
        color_el = rpr.find(qn("w:color"))
        if color_el is not None:
            value = (color_el.get(qn("w:val")) or "auto").upper()
            color = "" if value in _BLACK or not re.fullmatch(r"[0-9A-F]{6}", value) else value
        return cls(on_off(rpr.find(qn("w:b"))), on_off(rpr.find(qn("w:i"))), color,
                   on_off(rpr.find(qn("w:vanish"))))

    def over(self, below: "RunProps") -> "RunProps":
        """These properties, falling back to ``below`` where unstated."""
        return RunProps(
            self.bold if self.bold is not None else below.bold,
            self.italic if self.italic is not None else below.italic,
            self.color if self.color is not None else below.color,
            self.hidden if self.hidden is not None else below.hidden,
        )


@dataclass(frozen=True, slots=True)
class RunFormat:
    """The effective formatting of a run, as the model wants it."""

    bold: bool = False
    italic: bool = False
    color: str | None = None


@dataclass(frozen=True, slots=True)
class RunContext:
    """Which styles stand over a run.

    ``table_conditions`` are the conditional parts of the table style that
    apply to the run's cell (``firstRow``, ``lastRow``, ``firstCol``, ``lastCol``).
    """

    paragraph_style: str | None = None
    character_style: str | None = None
    table_style: str | None = None
    table_conditions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StyleDef:
    """One ``w:style``, reduced to what the reader needs."""

    style_id: str
    name: str
    kind: str
    based_on: str | None = None
    run: RunProps = RunProps()
    num_id: str | None = None
    num_level: int | None = None
    conditional: tuple[tuple[str, RunProps], ...] = ()


@dataclass(frozen=True, slots=True)
class StyleSheet:
    """All styles of a document, with the defaults for each style type.

    >>> StyleSheet.empty().heading_level(None)
    0
    """

    styles: dict[str, StyleDef] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    doc_defaults: RunProps = RunProps()
    # The ``w:style`` elements not read yet, by id: a letter uses a handful of the hundreds of
    # styles (and their table parts) Word's template declares, so each is read when first used.
    unread: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # What each style chain gives a run, worked out the first time a run asks: every run
    # asks for its paragraph's, character and table styles' twice (format, hidden).
    _chain_cache: dict[tuple[str | None, str, tuple[str, ...]], RunProps] = field(
        default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def empty(cls) -> "StyleSheet":
        """A sheet for a document without ``styles.xml``."""
        return cls()

    @classmethod
    def from_element(cls, root: Any) -> "StyleSheet":
        """Read the root ``w:styles`` element of ``styles.xml``."""
        if root is None:
            return cls()
        doc_defaults = RunProps.from_rpr(root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}"
                                                   f"/{qn('w:rPr')}"))
        unread: dict[str, Any] = {}
        defaults: dict[str, str] = {}
        for element in root.iterchildren(qn("w:style")):
            style_id = element.get(qn("w:styleId"))
            if not style_id:
                continue
            unread.setdefault(style_id, element)
            if (element.get(qn("w:default")) or "").lower() in {"1", "true", "on"}:
                defaults.setdefault(element.get(qn("w:type")) or "paragraph", style_id)
        return cls({}, defaults, doc_defaults, unread)

    def style(self, style_id: str | None) -> StyleDef | None:
        """The style of this id (None if the document has none such)."""
        if style_id is None:
            return None
        if style_id not in self.styles and style_id in self.unread:
            self.styles[style_id] = _style_def(self.unread.pop(style_id))
        return self.styles.get(style_id)

    def chain(self, style_id: str | None, kind: str) -> Iterator[StyleDef]:
        """The style and its ``basedOn`` ancestors, nearest first (default style if None)."""
        current = style_id if self.style(style_id) is not None else self.defaults.get(kind)
        seen: set[str] = set()
        while current is not None and current not in seen and len(seen) < MAX_CHAIN:
            seen.add(current)
            style = self.style(current)
            if style is None:
                return
            yield style
            current = style.based_on

    def _chain_props(self, style_id: str | None, kind: str,
                     conditions: tuple[str, ...] = ()) -> RunProps:
        key = (style_id, kind, conditions)
        if key not in self._chain_cache:
            self._chain_cache[key] = self._resolve_chain(style_id, kind, conditions)
        return self._chain_cache[key]

    def _resolve_chain(self, style_id: str | None, kind: str,
                       conditions: tuple[str, ...]) -> RunProps:
        props = RunProps()
        for style in self.chain(style_id, kind):
            for condition in conditions:
                for cond_type, cond_props in style.conditional:
                    if cond_type == condition:
                        props = props.over(cond_props)
            props = props.over(style.run)
        return props

    def run_format(self, context: RunContext, direct: RunProps) -> RunFormat:
        """The effective formatting of a run with ``direct`` properties in ``context``."""
        levels = [self._chain_props(context.table_style, "table", context.table_conditions),
                  self._chain_props(context.paragraph_style, "paragraph"),
                  self._chain_props(context.character_style, "character")]
        bold = bool(self.doc_defaults.bold)
        italic = bool(self.doc_defaults.italic)
        color = self.doc_defaults.color
        for level in levels:
            bold = (not bold) if level.bold else bold
            italic = (not italic) if level.italic else italic
            color = level.color if level.color is not None else color
        if direct.bold is not None:
            bold = direct.bold
        if direct.italic is not None:
            italic = direct.italic
        if direct.color is not None:
            color = direct.color
        return RunFormat(bold, italic, color or None)

    def is_hidden(self, context: RunContext, direct: RunProps) -> bool:
        """True when the run is hidden text (``w:vanish``), which is never shown."""
        props = direct.over(self._chain_props(context.character_style, "character")).over(
            self._chain_props(context.paragraph_style, "paragraph")).over(self.doc_defaults)
        return bool(props.hidden)

    def heading_level(self, style_id: str | None) -> int:
        """1-6 for a paragraph in a Heading N or Title style (or one based on it), else 0.

        A direct ``w:outlineLvl`` is not enough: real letters put it on body text.
        """
        for style in self.chain(style_id, "paragraph"):
            name = style.name.strip().lower()
            match = _HEADING_NAME.match(name)
            if match:
                return min(int(match.group(1)), 6)
            if name == "title":
                return 1
        return 0

    def numbering(self, style_id: str | None) -> tuple[str, int | None] | None:
        """The ``(numId, ilvl)`` a paragraph style gives its paragraphs, if any."""
        for style in self.chain(style_id, "paragraph"):
            if style.num_id is not None:
                return style.num_id, style.num_level
        return None

    def numbering_style_num(self, style_id: str) -> str | None:
        """The numId of a numbering style (for ``w:numStyleLink``)."""
        style = self.style(style_id)
        return style.num_id if style is not None else None


def _style_def(element: Any) -> StyleDef:
    style_id = element.get(qn("w:styleId")) or ""
    name_el = element.find(qn("w:name"))
    based_el = element.find(qn("w:basedOn"))
    ppr = element.find(qn("w:pPr"))
    num_id, num_level = numbering_properties(ppr)
    conditional = tuple(
        (cond.get(qn("w:type")) or "", RunProps.from_rpr(cond.find(qn("w:rPr"))))
        for cond in element.iterchildren(qn("w:tblStylePr")))
    return StyleDef(
        style_id=style_id,
        name=(name_el.get(qn("w:val")) if name_el is not None else None) or style_id,
        kind=element.get(qn("w:type")) or "paragraph",
        based_on=based_el.get(qn("w:val")) if based_el is not None else None,
        run=RunProps.from_rpr(element.find(qn("w:rPr"))),
        num_id=num_id, num_level=num_level, conditional=conditional)


def numbering_properties(ppr: Any) -> tuple[str | None, int | None]:
    """``(numId, ilvl)`` from a ``w:pPr`` (None where not stated)."""
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numpr is None:
        return None, None
    num_el = numpr.find(qn("w:numId"))
    lvl_el = numpr.find(qn("w:ilvl"))
    return (num_el.get(qn("w:val")) if num_el is not None else None,
            _int(lvl_el.get(qn("w:val")) if lvl_el is not None else None))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
