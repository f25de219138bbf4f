"""Glyphs of one PDF page with their effective style, read in one pass through pdfminer.

pdfplumber's char dicts say neither how a glyph was drawn (text render mode)
nor what the font descriptor claims, so the page is interpreted here with a
device that notes both on each ``LTChar`` as it is made. The same layout is
then handed to pdfplumber (``page._layout``) so its table finder reuses it.

A glyph is bold when its font name says so (``Arial-BoldMT``, ``Calibri-Bold``,
``Aptos Narrow,Bold``), else when its descriptor does (FontWeight >= 600, the
ForceBold flag), else when it is drawn bold (render mode 2: filled and
stroked). It is italic when the name says so (``-Italic``, ``-Oblique``,
``-It``), else when the descriptor does (Italic flag, ItalicAngle), else when
its text matrix is slanted. Double-struck glyphs are caught later, in
:mod:`foiextract.readers.pdf_layout`.

>>> font_name_style("ABCDEF+TimesNewRomanPS-BoldItalicMT")
(True, True)
>>> font_name_style("Helvetica-Oblique"), font_name_style("MinionPro-It")
((None, True), (None, True))
>>> font_name_style("ArialMT")
(None, None)
"""

from __future__ import annotations

import re
from typing import Any, Mapping, NamedTuple, Protocol

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTPage
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager, PDFTextState
from pdfminer.psparser import PSLiteral
from pdfminer.utils import Matrix

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_BOLD_WORDS = re.compile(r"bold|black|heavy|semibold|demi|extrabold|ultrabold|[-,]bd$|[-,]hv$")
_ITALIC_WORDS = re.compile(r"italic|oblique|slanted|inclined|kursiv")
# "-It", "-BoldIt", "-SemiboldIt" (Adobe's short style names), optionally with an MT/PS tail.
_ITALIC_SHORT = re.compile(r"[-,](?:[a-z]*?)it(?:mt|ps)?$")
_REGULAR_WORDS = re.compile(r"regular|roman|book|medium|light|thin|normal|plain")

_FLAG_ITALIC = 1 << 6
_FLAG_FORCE_BOLD = 1 << 18
_SLANT = 0.12  # tan of ~7 degrees: true italics and synthetic obliques lean 10-20 degrees


class Glyph(NamedTuple):
    """One visible character: text, box (top-left origin), size and effective style."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    color: str | None


class PageContent(NamedTuple):
    """What a page holds for the layout: glyphs in drawing order and ruling hints."""

    glyphs: list[Glyph]
    width: float
    height: float
    rulings: int  # visible lines and non-white rectangles: a table finder is worth running


def font_name_style(fontname: str) -> tuple[bool | None, bool | None]:
    """(bold, italic) as the font name states them; None where the name says nothing."""
    name = _SUBSET.sub("", fontname).lower()
    cut = max(name.rfind("-"), name.rfind(","))
    style = name[cut:] if cut >= 0 else name
    bold = bool(_BOLD_WORDS.search(style)) if cut >= 0 else bool(_BOLD_WORDS.search(name))
    italic = bool(_ITALIC_WORDS.search(name)) or bool(_ITALIC_SHORT.search(style))
    if bold or italic:
        return (True if bold else None, True if italic else None)
    if cut >= 0 and _REGULAR_WORDS.search(style):
        return (False, False)
    return (None, None)


class FontLike(Protocol):
    """What :func:`font_style` reads of a font: pdfminer's ``PDFFont`` or the pdfium
    path's :class:`~.pdf_fonts.FontFacts`."""

    fontname: Any
    descriptor: Mapping[str, Any]
    flags: int
    italic_angle: float


def font_style(font: FontLike) -> tuple[bool | None, bool | None]:
    """(bold, italic) from the font name, then from its descriptor; None: undecided."""
    bold, italic = font_name_style(str(font.fontname))
    if bold is None:
        weight = _number(font.descriptor.get("FontWeight"))
        if (weight is not None and weight >= 600) or font.flags & _FLAG_FORCE_BOLD:
            bold = True
        elif weight is not None:
            bold = False
    if italic is None and (font.flags & _FLAG_ITALIC or abs(font.italic_angle) >= 5):
        italic = True
    return bold, italic


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def matrix_slant(matrix: Matrix) -> float:
    """How far a glyph's vertical axis leans (0 upright; tan of the angle)."""
    a, b, c, d, _e, _f = matrix
    det = a * d - b * c
    return (a * c + b * d) / det if det else 0.0


class StyleDevice(PDFPageAggregator):
    """pdfminer's page aggregator, noting each glyph's effective (bold, italic) on the LTChar."""

    def __init__(self, rsrcmgr: PDFResourceManager, pageno: int = 1) -> None:
        super().__init__(rsrcmgr, pageno=pageno, laparams=None)
        self._render = 0
        self._fonts: dict[int, tuple[bool | None, bool | None]] = {}

    def render_string(self, textstate: PDFTextState, seq: Any, ncs: PDFColorSpace,
                      graphicstate: PDFGraphicState) -> None:
        self._render = textstate.render
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_char(self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float,
                    rise: float, cid: int, ncs: PDFColorSpace,
                    graphicstate: PDFGraphicState) -> float:
        adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        style = self._fonts.get(id(font))
        if style is None:
            style = self._fonts[id(font)] = font_style(font)
        bold, italic = style
        if bold is None:
            bold = self._render == 2 and graphicstate.linewidth > 0
        if italic is None:
            italic = matrix_slant(matrix) > _SLANT
        item = self.cur_item._objs[-1]
        item.foi_style = (bold, italic, self._render)  # type: ignore[attr-defined]
        return adv


def color_hex(color: Any) -> str | None:
    """An upper-case RGB hex string for a fill colour, None for black or unknown.

    >>> color_hex((0.0, 0.0, 1.0)), color_hex(0.0), color_hex((0, 0, 0, 1))
    ('0000FF', None, None)
    """
    if isinstance(color, PSLiteral) or color is None:
        return None
    values = color if isinstance(color, (tuple, list)) else (color,)
    try:
        nums = [min(1.0, max(0.0, float(v))) for v in values]
    except (TypeError, ValueError):
        return None
    if len(nums) == 1:
        rgb = (nums[0],) * 3
    elif len(nums) == 3:
        rgb = (nums[0], nums[1], nums[2])
    elif len(nums) == 4:
        c, m, y, k = nums
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return None
    if max(rgb) < 0.15:
        return None
    return "".join(f"{round(v * 255):02X}" for v in rgb)


def _dark_fill(curve: LTCurve) -> bool:
    return bool(curve.fill) and color_hex(curve.non_stroking_color) is None \
        and curve.non_stroking_color is not None


def _white_fill(curve: LTCurve) -> bool:
    return bool(curve.fill) and not curve.stroke and color_hex(curve.non_stroking_color) == "FFFFFF"


def page_content(layout: LTPage) -> PageContent:
    """The page's visible glyphs (top-left origin), dropping text hidden under black boxes.

    A dark filled rectangle drawn after a glyph, over its centre, is a
    redaction; the glyph beneath it is not read.
    """
    height = layout.height
    glyphs: list[Glyph] = []
    order: list[int] = []
    colors: dict[Any, str | None] = {}
    redactions: list[tuple[int, float, float, float, float]] = []
    rulings = 0
    for index, obj in enumerate(layout):
        if isinstance(obj, LTChar):
            text = obj._text
            a, b = obj.matrix[0], obj.matrix[1]
            if not text or abs(b) > abs(a) * 0.3:
                continue  # rotated text (stamps, watermarks) stays out of the flow
            ncolor = obj.graphicstate.ncolor
            key = ncolor if isinstance(ncolor, (tuple, float, int)) else id(ncolor)
            color = colors.get(key, "")
            if color == "":
                color = colors[key] = color_hex(ncolor)
            bold, italic, render = getattr(obj, "foi_style", (False, False, 0))
            if render == 7:
                continue  # clipping only: never painted
            glyphs.append(Glyph(text, obj.x0, obj.x1, height - obj.y1, height - obj.y0,
                                obj.size, bold, italic, color))
            order.append(index)
        elif isinstance(obj, LTCurve):
            if _dark_fill(obj) and obj.width > 4 and obj.height > 4:
                redactions.append((index, obj.x0, height - obj.y1, obj.x1, height - obj.y0))
            elif not _white_fill(obj):
                rulings += 1
    if redactions:
        glyphs = [g for g, i in zip(glyphs, order) if not _redacted(g, i, redactions)]
    return PageContent(glyphs, layout.width, height, rulings)


def _redacted(glyph: Glyph, index: int,
              boxes: list[tuple[int, float, float, float, float]]) -> bool:
    cx = (glyph.x0 + glyph.x1) / 2
    cy = (glyph.top + glyph.bottom) / 2
    for drawn, x0, top, x1, bottom in boxes:
        if x0 <= cx <= x1 and top <= cy <= bottom and (drawn > index or glyph.color is None):
            return True
    return False


def rulings_only(layout: LTPage) -> LTPage:
    """A copy of the page layout holding only its lines, rectangles and curves."""
    page = LTPage(layout.pageid, layout.bbox, layout.rotate)
    for obj in layout:
        if isinstance(obj, LTCurve):
            page.add(obj)
    return page
