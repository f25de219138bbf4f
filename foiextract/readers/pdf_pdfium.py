"""A PDF page's glyphs and rulings read through pdfium, in the form pdfminer's path gives them.

pdfminer interprets every content stream in Python; pdfium does it in C. This
module asks pdfium (``pypdfium2.raw``) for what :mod:`.pdf_glyphs` and
:mod:`.pdf_tables` take from pdfminer, and builds exactly that:

- **glyphs**: each character's text (pdfium's Unicode), its origin, advance
  (the font's width for it) and the text object's matrix, font size, render
  mode, fill colour and line width. The box is pdfminer's, not pdfium's: from
  the origin, the advance and the font's descent up to one em, through the
  text matrix. Bold and italic are decided by the same
  :func:`~.pdf_glyphs.font_style`, on what pdfminer's font object would say:
  pdfium does not expose a font descriptor's ``FontWeight`` nor its exact
  ``Descent``, so each font's dictionary is read by pdfminer's value functions
  (:class:`~.pdf_fonts.FontFacts`, once a document; pdfminer's font itself,
  with its character maps, is built only for the pages that need it).
- **rulings**: the page's path objects, split into subpaths and classed as
  lines, rectangles and curves as pdfminer classes them, as pdfplumber's
  object dicts (top-left origin) for the table finder, plus the dark filled
  boxes that redact text drawn before them.

Only the page's own content counts: text and paths inside form XObjects stay
out, as they do on the pdfminer path (pdfminer nests them in figures the
layout does not read).

What pdfium's API does not give, a text object's character codes, is read
from the page's content stream (:mod:`.pdf_content`) where it is needed:

- a text object pdfium's text page leaves out: a copy of the one before
  (struck twice to look bold, or a shadow) or one that draws no ink in a font
  with zero-width characters (Chrome's U+200B); one that draws no ink in
  another font is a run of spaces, and one space at its start stands for it;
- every text object of a page whose fonts state fractional glyph widths
  (pdfium rounds them to whole thousandths of an em, and a line's positions
  would drift from pdfminer's);
- the line width of text drawn filled and stroked (render mode 2), which is
  bold by pdfminer's line width, not pdfium's.

Each such object's glyphs are pdfminer's (its ``render_string``: its font's
Unicode and widths for each code, the kerning and spacing) at the origin and
in the look pdfium gives the object.

A ligature whose ink overhangs its advance (Word's "fi") leaves pdfium's text page
without the advance pdfminer reads: that page's glyphs are all placed from the content
stream, as on a page of fractional widths, and the page is pdfminer's only when that
fails too.

Some pages still need pdfminer, and :func:`read_page` returns None for them,
with the reason, so the caller reads that page with pdfminer (in the corpus:
the scans, the rotated pages of a scan, and a Google Docs print whose Type 3
fonts map no character, which pdfminer finds unreadable and OCR reads):

- a page with next to no text that images cover (a scan: see :mod:`.pdf_ocr`), or
  that draws forms (whose images pdfium gives in the form's own space): pdfminer's
  layout tells a scan, and the OCR path takes it from there;
- a MediaBox not at the origin, or a rotated page (pdfminer shifts and turns
  its coordinates);
- a character pdfium cannot map to Unicode (pdfminer writes ``(cid:N)`` and may
  send the page to OCR), characters sharing an origin (ActualText), a vertical or
  Type 3 font (glyph boxes through the font's own matrix), or a font pdfium names
  that the page's resources do not hold unambiguously;
- where the content stream is needed but not followed (an inline image, ActualText;
  see :mod:`.pdf_content`), or its text operators do not match pdfium's text objects
  one for one, or an object read from it opens with a kerning, is scaled (``Tz``) or
  raised (``Ts``), or holds a code its font maps to no Unicode.

>>> PdfiumPages  # doctest: +ELLIPSIS
<class '...PdfiumPages'>
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left
from itertools import islice
from operator import itemgetter
from typing import Any, NamedTuple

import pypdfium2
import pypdfium2.raw as pdfium_c
import pypdfium2_raw.bindings as _bindings
from pdfminer.pdffont import PDFFont, PDFType3Font, PDFUnicodeNotDefined
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, dict_value, list_value, stream_value
from pdfminer.pdfinterp import PDFResourceManager

from .pdf_content import TextShow, text_shows
from .pdf_fonts import FontFacts
from .pdf_glyphs import _SLANT, Glyph, PageContent, font_style, matrix_slant
from .pdf_ocr import MAX_GLYPHS, is_scan

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_TEXT, _PATH = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH
_IMAGE, _FORM = pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
_MOVE, _LINE = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO

_P, _INT, _UINT, _FLOAT = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_float
_PF, _PD, _PU = (ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_double),
                 ctypes.POINTER(ctypes.c_uint))


def _lean(name: str, restype: Any, *argtypes: Any) -> Any:
    """Our own prototype of a pdfium function, taking and giving handles as plain ints:
    pypdfium2's typed pointers cost a ``ctypes.cast`` per character to compare."""
    function = _bindings._libs["pdfium"][name]  # a new function object, not pypdfium2's
    function.restype = restype
    function.argtypes = argtypes
    return function


def _bare(name: str, restype: Any) -> Any:
    """A pdfium function called with no prototype (``argtypes``): ctypes then converts no
    argument, and a call costs two thirds of a prototyped one. Only for the three calls
    made for every character; their callers pass exactly the C types (the text page as a
    ``c_void_p``, the index as an int, outputs by ``byref``)."""
    function = _bindings._libs["pdfium"][name]
    function.restype = restype
    function.argtypes = None
    return function


_char_count = _lean("FPDFText_CountChars", _INT, _P)
_each_char_object = _bare("FPDFText_GetTextObject", _P)
_each_char_origin = _bare("FPDFText_GetCharOrigin", _INT)
_each_char_unmapped = _bare("FPDFText_HasUnicodeMapError", _INT)
_page_text_range = _lean("FPDFText_GetText", _INT, _P, _INT, _INT,
                         ctypes.POINTER(ctypes.c_ushort))
_char_unicode = _lean("FPDFText_GetUnicode", _UINT, _P, _INT)
_char_box = _lean("FPDFText_GetCharBox", _INT, _P, _INT, _PD, _PD, _PD, _PD)
_char_loose_box = _lean("FPDFText_GetLooseCharBox", _INT, _P, _INT,
                        ctypes.POINTER(pdfium_c.FS_RECTF))
_page_object = _lean("FPDFPage_GetObject", _P, _P, _INT)
_object_type = _lean("FPDFPageObj_GetType", _INT, _P)
_object_matrix = _lean("FPDFPageObj_GetMatrix", _INT, _P, ctypes.POINTER(pdfium_c.FS_MATRIX))
_object_bounds = _lean("FPDFPageObj_GetBounds", _INT, _P, _PF, _PF, _PF, _PF)
_object_fill = _lean("FPDFPageObj_GetFillColor", _INT, _P, _PU, _PU, _PU, _PU)
_text_font = _lean("FPDFTextObj_GetFont", _P, _P)
_text_size = _lean("FPDFTextObj_GetFontSize", _INT, _P, _PF)
_text_render = _lean("FPDFTextObj_GetTextRenderMode", _INT, _P)
_font_name = _lean("FPDFFont_GetBaseFontName", ctypes.c_ulong, _P, ctypes.c_char_p,
                   ctypes.c_ulong)
_font_width = _lean("FPDFFont_GetGlyphWidth", _INT, _P, _UINT, _FLOAT, _PF)
_path_draw_mode = _lean("FPDFPath_GetDrawMode", _INT, _P, ctypes.POINTER(_INT),
                        ctypes.POINTER(_INT))
_path_count = _lean("FPDFPath_CountSegments", _INT, _P)
_path_segment = _lean("FPDFPath_GetPathSegment", _P, _P, _INT)
_segment_point = _lean("FPDFPathSegment_GetPoint", _INT, _P, _PF, _PF)
_segment_type = _lean("FPDFPathSegment_GetType", _INT, _P)
_segment_close = _lean("FPDFPathSegment_GetClose", _INT, _P)


class PdfiumPage(NamedTuple):
    """What the layout needs from one page: its content and its rulings as pdfplumber
    object dicts (``line``, ``rect``, ``curve``), top-left origin."""

    content: PageContent
    rulings: dict[str, list[dict[str, Any]]]


class _Style(NamedTuple):
    """One text object's share of its glyphs' looks."""

    order: int                 # drawing order among the page's objects
    matrix: tuple[float, float, float, float]
    size: float                # the font size set with Tf
    descent: float             # the font's descent, per unit of size (pdfminer's)
    bold: bool
    italic: bool
    color: str | None
    font: int                  # pdfium's FPDF_FONT, for glyph widths
    skip: bool                 # rotated, clipping-only: never read
    facts: FontFacts           # the font: what it maps codes to, asked when needed
    upright: bool              # b == c == 0: the box needs no turning
    low: float                 # upright: the box's bottom and top over the origin
    high: float


class _Fallback(Exception):
    """This page needs pdfminer; the message says why."""


class _ByStream(_Fallback):
    """pdfium's text page cannot place this page's glyphs, but their character codes in
    the content stream may: the page is read again by :func:`_stream_glyphs`, and is
    pdfminer's only when that fails too."""


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _hex(r: int, g: int, b: int) -> str | None:
    """:func:`~.pdf_glyphs.color_hex` of a colour pdfium gives as 0-255 channels."""
    if max(r, g, b) / 255 < 0.15:
        return None
    return f"{r:02X}{g:02X}{b:02X}"


class PdfiumPages:
    """A PDF opened in pdfium beside pdfminer's document, read page by page.

    >>> with PdfiumPages("corpora/singles/sheffield_FOI-21-312.pdf", rsrcmgr) as pages:  # doctest: +SKIP
    ...     page = pages.read_page(0, pdfminer_page)
    """

    def __init__(self, path: str, rsrcmgr: PDFResourceManager) -> None:
        self._pdf = pypdfium2.PdfDocument(path)
        self._rsrcmgr = rsrcmgr
        self.fallbacks: dict[int, str] = {}  # page number -> why pdfminer read it
        self._facts: dict[Any, FontFacts | None] = {}  # font object id -> its facts

    @classmethod
    def open(cls, path: str, rsrcmgr: PDFResourceManager) -> "PdfiumPages | None":
        """The PDF opened in pdfium, or None when pdfium cannot open what pdfminer did
        (then pdfminer reads every page)."""
        try:
            return cls(path, rsrcmgr)
        except Exception:  # noqa: BLE001 - pypdfium2 raises PdfiumError and OSError
            return None

    def __enter__(self) -> "PdfiumPages":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the pdfium document."""
        self._pdf.close()

    def __len__(self) -> int:
        return len(self._pdf)

    def read_page(self, index: int, miner_page: PDFPage) -> PdfiumPage | None:
        """Page ``index`` (0-based) as pdfminer's path would see it, or None when it needs
        pdfminer (the reason is kept in :attr:`fallbacks`)."""
        try:
            page = self._pdf[index]
        except Exception:  # noqa: BLE001 - a page pdfium cannot load is pdfminer's
            self.fallbacks[index + 1] = "pdfium cannot load the page"
            return None
        try:
            fonts = self._fonts(miner_page)
            by_stream = not all(font.whole_widths() for font in _each(fonts))
            try:
                return _read(page, fonts, _Shown(miner_page, self._rsrcmgr), by_stream)
            except _ByStream:
                if by_stream:
                    raise
                return _read(page, fonts, _Shown(miner_page, self._rsrcmgr), by_stream=True)
        except _Fallback as why:
            self.fallbacks[index + 1] = str(why)
            return None
        except Exception:  # noqa: BLE001 - never worse than the pdfminer path
            self.fallbacks[index + 1] = "pdfium failed on the page"
            return None
        finally:
            page.close()

    def _fonts(self, miner_page: PDFPage) -> dict[str, list[FontFacts]]:
        """The page's fonts as pdfminer reads them, by base font name without subset tag
        (each font object read once a document, as pdfminer caches its fonts)."""
        fonts: dict[str, list[FontFacts]] = {}
        resources = dict_value(miner_page.resources)
        for spec in dict_value(resources.get("Font")).values():
            objid = spec.objid if isinstance(spec, PDFObjRef) else None
            font = self._facts.get(objid) if objid is not None else None
            if font is None and (objid is None or objid not in self._facts):
                try:
                    font = FontFacts(self._rsrcmgr, objid, dict_value(spec))
                except Exception:  # noqa: BLE001 - pdfminer would fail the same way later
                    font = None
                if objid is not None:
                    self._facts[objid] = font
            if font is not None:
                fonts.setdefault(_SUBSET.sub("", str(font.basefont)), []).append(font)
        return fonts


def _each(fonts: dict[str, list[FontFacts]]) -> list[FontFacts]:
    return [font for named in fonts.values() for font in named]


def _read(page: Any, fonts: dict[str, list[FontFacts]], shown: "_Shown", by_stream: bool
          ) -> PdfiumPage:
    """The page's content. ``by_stream``: its glyphs are placed from the character codes
    of its content stream (:func:`_stream_glyphs`), not by pdfium's text page."""
    raw = page.raw
    if pdfium_c.FPDFPage_GetRotation(raw) != 0:
        raise _Fallback("rotated page")
    left, bottom, right, top = page.get_mediabox()
    if left or bottom:
        raise _Fallback("MediaBox not at the origin")
    width, height = right - left, top - bottom
    order: dict[int, int] = {}
    paths: list[tuple[int, int]] = []
    images: list[int] = []
    forms = 0
    address = _address(raw)
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = _page_object(address, i)
        kind = _object_type(obj)
        if kind == _TEXT:
            order[obj] = i
        elif kind == _PATH:
            paths.append((i, obj))
        elif kind == _IMAGE:
            images.append(obj)
        elif kind == _FORM:
            forms += 1
    shown.drawn = list(order.values())
    if by_stream:
        glyphs, glyph_order = _stream_glyphs(order, fonts, height, shown)
    else:
        textpage = page.get_textpage()
        try:
            glyphs, glyph_order = _glyphs(_address(textpage.raw), order, fonts, height, shown)
        finally:
            textpage.close()
    # Counted only up to MAX_GLYPHS: all a scan's test asks is whether there are fewer.
    visible = sum(1 for _ in islice((g for g in glyphs if g.text.strip()), MAX_GLYPHS))
    if visible < MAX_GLYPHS and (forms or is_scan(visible, _image_area(images, width, height))):
        raise _Fallback("next to no text and images over it (or forms that may hold them): "
                        "a scan is pdfminer's to tell and OCR's to read")
    rulings, redactions, count = _rulings(paths, height)
    if redactions:
        glyphs = [g for g, i in zip(glyphs, glyph_order) if not _redacted(g, i, redactions)]
    return PdfiumPage(PageContent(glyphs, width, height, count), rulings)


def _image_area(images: list[int], width: float, height: float) -> float:
    """:func:`~.pdf_ocr.image_area` of the page's own images (pages with forms are
    pdfminer's: pdfium gives a form's images in the form's space)."""
    page = max(width * height, 1.0)
    covered = 0.0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in images:
        _object_bounds(obj, left, bottom, right, top)
        x0, y0 = max(left.value, 0.0), max(bottom.value, 0.0)
        x1, y1 = min(right.value, width), min(top.value, height)
        covered += max(0.0, x1 - x0) * max(0.0, y1 - y0)
    return min(1.0, covered / page)


def _glyphs(textpage: int, order: dict[int, int], fonts: dict[str, list[FontFacts]],
            height: float, shown: "_Shown") -> tuple[list[Glyph], list[int]]:
    """The page's glyphs in pdfminer's order (drawing order), and each one's drawing index.

    pdfium lists characters text object by text object: a run of characters shares one
    drawing index, and runs come in drawing order but for a few pages. So the drawing
    order is noted once a run (``runs``), not once a glyph, and on the pages that need
    it whole runs are sorted, which puts the glyphs in the order sorting each would.
    """
    count = _char_count(textpage)
    text = _page_text(textpage, count)
    # each character's text, from the page's text in one call where it serves
    chars = text if text is not None else [chr(_char_unicode(textpage, i)) for i in range(count)]
    styles: dict[int, _Style | None] = {}
    widths: dict[tuple[int, float], dict[str, float]] = {}
    font_names: dict[int, _FontLooks | str] = {}
    probe = _Probe()
    x, y = ctypes.c_double(), ctypes.c_double()
    text_page, at_x, at_y = ctypes.c_void_p(textpage), ctypes.byref(x), ctypes.byref(y)
    glyphs: list[Glyph] = []
    runs: list[tuple[int, int, int]] = []  # (drawing index, first character, first glyph)
    last_placed = -2  # the character of the last glyph placed
    read: set[int] = set()
    get_object, get_origin = _each_char_object, _each_char_origin
    unmapped, place = _each_char_unmapped, glyphs.append
    make = tuple.__new__  # a Glyph without NamedTuple's keyword handling, per character
    # The text object of the characters before, and its look unpacked (most characters
    # share the object of the one before).
    current = last_x = last_y = None
    style: _Style | None = None
    advances: dict[str, float] = {}
    drawn, upright, skip, a, low, high = 0, True, False, 1.0, 0.0, 0.0
    bold, italic, color = False, False, None
    # an upright glyph's top, bottom and height, worked out again when its baseline moves
    line_y: float | None = None
    top = bottom = tall = 0.0
    for i, char in enumerate(chars):
        key = get_object(text_page, i)
        if not key:
            continue  # generated by pdfium (a space or line break it inferred)
        if key != current:
            current = key
            if key in styles:
                style = styles[key]
            else:
                style = styles[key] = _style(key, order.get(key), fonts, font_names, shown,
                                             probe)
                read.add(key)
            if style is not None:
                advances = widths.setdefault((style.font, style.size), {})
                drawn, upright, skip, a, low, high = (style.order, style.upright, style.skip,
                                                      style.matrix[0], style.low, style.high)
                bold, italic, color = style.bold, style.italic, style.color
                runs.append((drawn, i, len(glyphs)))
                line_y = None
            last_x = last_y = None
        if style is None:
            continue  # inside a form XObject: not read on pdfminer's path either
        if unmapped(text_page, i):
            raise _Fallback("a character without Unicode")
        get_origin(text_page, i, at_x, at_y)
        ox, oy = x.value, y.value
        if char in _HYPHEN_MARKS:  # pdfium's mark for a hyphen ending a line
            if style.facts.marks()[0]:
                raise _Fallback("a line-end hyphen that may be a soft one")
            char = "-"
        if ox == last_x and oy == last_y:
            if not skip:
                _ligature(textpage, i, glyphs, last_placed, char, style)
            continue
        last_x, last_y = ox, oy
        if skip:
            continue
        adv = advances.get(char)
        if adv is None:
            adv = advances[char] = _width(style, char)
        if not adv:
            adv = _loose_advance(textpage, i, ox, style)
        if upright:
            if oy != line_y:  # a text object's glyphs mostly share a baseline
                line_y = oy
                y0, y1 = oy + low, oy + high
                top, bottom, tall = height - y1, height - y0, y1 - y0
            x1 = ox + a * adv
            if x1 >= ox:
                place(make(Glyph, (char, ox, x1, top, bottom, tall, bold, italic, color)))
            else:
                place(make(Glyph, (char, x1, ox, top, bottom, tall, bold, italic, color)))
        else:
            place(_glyph(char, ox, oy, adv, style, height))
        last_placed = i
    return _in_drawing_order(glyphs, runs, [
        (index, _unread(key, index, fonts, font_names, height, shown))
        for key, index in order.items() if key not in read])


def _in_drawing_order(glyphs: list[Glyph], runs: list[tuple[int, int, int]],
                      unread: list[tuple[int, list[Glyph]]]) -> tuple[list[Glyph], list[int]]:
    """``glyphs`` (in pdfium's order, cut in ``runs``) and the ``unread`` objects' glyphs in
    drawing order, as sorting each glyph by (drawing index, character) would put them (an
    unread object's glyphs first at its index); and each glyph's drawing index."""
    ends = [start for _, _, start in runs[1:]] + [len(glyphs)]
    pieces = [(drawn, first, start, end)
              for (drawn, first, start), end in zip(runs, ends) if end > start]
    in_order = all(pieces[k][0] <= pieces[k + 1][0] for k in range(len(pieces) - 1))
    if in_order and not unread:
        drawing = []
        for drawn, _first, start, end in pieces:
            drawing.extend([drawn] * (end - start))
        return glyphs, drawing
    found = [(drawn, first, glyphs[start:end]) for drawn, first, start, end in pieces]
    found.extend((index, -1, run) for index, run in unread if run)
    found.sort(key=itemgetter(0, 1))
    ordered: list[Glyph] = []
    drawing = []
    for drawn, _first, run in found:
        ordered.extend(run)
        drawing.extend([drawn] * len(run))
    return ordered, drawing


# pdfium writes a hyphen it takes to end a line as U+0002 in a character, U+FFFE in text.
_HYPHEN_MARKS = frozenset("\u0002\ufffe")


def _page_text(textpage: int, count: int) -> str | None:
    """The text page's characters in one call, when its text is one code unit for each
    (no characters left out of the text, none beyond the Basic Multilingual Plane);
    else None, and each character is asked for on its own."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = _page_text_range(textpage, 0, count, buffer)
    text = bytes(buffer)[: max(0, written - 1) * 2].decode("utf-16-le", errors="replace")
    return text if len(text) == count else None


def _ligature(textpage: int, i: int, glyphs: list[Glyph], last_placed: int, char: str,
              style: _Style) -> None:
    """Character ``i`` shares its glyph with the one before: a ligature whose Unicode is
    several characters ("ti"), which pdfminer reads as one glyph and pdfium splits. The
    glyph before takes the character, and its advance is the ligature's, from pdfium's
    loose box (which spans the advance unless the ink overhangs it: then pdfminer reads
    the page). Characters drawn for ActualText share an origin too, but not a box: those
    pages are pdfminer's, which ignores ActualText."""
    boxes = []
    for k in (i - 1, i):
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        _char_box(textpage, k, left, right, bottom, top)
        boxes.append((left.value, bottom.value, right.value, top.value))
    if boxes[0] != boxes[1] or not glyphs or last_placed != i - 1 or style.matrix[0] <= 0 \
            or not style.upright:
        raise _Fallback("characters sharing an origin (ActualText)")
    loose = pdfium_c.FS_RECTF()
    _char_loose_box(textpage, i, loose)
    if loose.right <= boxes[1][2]:
        raise _ByStream("a ligature whose ink overhangs its advance")
    glyph = glyphs[-1]
    glyphs[-1] = glyph._replace(text=glyph.text + char, x1=loose.right)


def _glyph(char: str, ox: float, oy: float, adv: float, style: _Style, height: float) -> Glyph:
    """pdfminer's LTChar box: from the descent up one em, the advance wide, through the
    text matrix at the glyph's origin."""
    a, b, c, d = style.matrix
    low = style.descent * style.size
    high = low + style.size
    xs = (ox + c * low, ox + a * adv + c * low, ox + a * adv + c * high, ox + c * high)
    ys = (oy + d * low, oy + b * adv + d * low, oy + b * adv + d * high, oy + d * high)
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    return Glyph(char, x0, x1, height - y1, height - y0, y1 - y0, style.bold, style.italic,
                 style.color)


def _width(style: _Style, char: str) -> float:
    width = ctypes.c_float()
    if not _font_width(style.font, ord(char), style.size, width):
        raise _Fallback("a glyph without width")
    return width.value


def _loose_advance(textpage: int, i: int, ox: float, style: _Style) -> float:
    """The advance of a glyph whose Unicode does not lead back to its code (a symbol font's
    bullet): from pdfium's loose box, which spans the advance (and any overhang)."""
    box = pdfium_c.FS_RECTF()
    _char_loose_box(textpage, i, box)
    a = style.matrix[0]
    return (box.right - ox) / a if a else 0.0


def _unread(obj: int, index: int, fonts: dict[str, list[FontFacts]],
            font_names: dict[int, _FontLooks | str], height: float, shown: "_Shown"
            ) -> list[Glyph]:
    """The glyphs of a text object pdfium's text page left out, as pdfminer reads them.

    One that draws no ink is a run of spaces or of zero-width characters (pdfium drops
    it; pdfminer reads them, and a space parts two words). In a font that has no
    zero-width character, one space at its start stands for it. Otherwise (zero-width
    characters, or ink: a copy of the object before, struck twice to look bold or as a
    shadow) its characters are taken from the content stream (:mod:`.pdf_content`)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    _object_bounds(obj, left, bottom, right, top)
    inked = right.value - left.value >= 0.01 and top.value - bottom.value >= 0.01
    style = _style(obj, index, fonts, font_names, shown)
    if style is None or style.skip:
        return []
    matrix = pdfium_c.FS_MATRIX()
    _object_matrix(obj, matrix)
    if not inked and not style.facts.marks()[1]:
        return [_glyph(" ", matrix.e, matrix.f, _width(style, " "), style, height)]
    show, font = shown.show(index, obj)
    return _shown_glyphs(show, font, style, matrix.e, matrix.f, height)


def _stream_glyphs(order: dict[int, int], fonts: dict[str, list[FontFacts]], height: float,
                   shown: "_Shown") -> tuple[list[Glyph], list[int]]:
    """Every text object's glyphs from its character codes in the content stream (at the
    origin pdfium gives it, in the look it gives it), for a page whose fonts state
    fractional widths (see :meth:`PdfiumPages._whole_widths`); and each glyph's drawing
    index."""
    font_names: dict[int, _FontLooks | str] = {}
    probe = _Probe()
    glyphs: list[Glyph] = []
    drawing: list[int] = []
    matrix = pdfium_c.FS_MATRIX()
    for obj, index in order.items():
        style = _style(obj, index, fonts, font_names, shown, probe)
        if style is None or style.skip:
            continue
        show, font = shown.show(index, obj)
        _object_matrix(obj, matrix)
        run = _shown_glyphs(show, font, style, matrix.e, matrix.f, height)
        glyphs.extend(run)
        drawing.extend([index] * len(run))
    return glyphs, drawing


def _shown_glyphs(show: TextShow, font: PDFFont, style: _Style, e: float, f: float,
                  height: float) -> list[Glyph]:
    """pdfminer's glyphs of one text-showing operator (its ``render_string``), from the
    origin pdfium gives its text object."""
    if abs(show.size - style.size) > 1e-3 * max(1.0, abs(style.size)) \
            or show.scaling != 100 or show.rise:
        raise _Fallback("a text object not matched in the content stream, or scaled or "
                        "raised (Tz, Ts)")
    if isinstance(show.seq[0], float):
        # Whether pdfium's origin of the object counts a kerning before its first string
        # (pdfminer counts it in the advance) is not settled here: left to pdfminer.
        raise _Fallback("a text object read from the content stream opening with a kerning")
    a, b = style.matrix[0], style.matrix[1]
    upright, low, high, bold, italic, color = (style.upright, style.low, style.high,
                                               style.bold, style.italic, style.color)
    make = tuple.__new__
    size = show.size
    charspace = show.charspace
    wordspace = 0.0 if font.is_multibyte() else show.wordspace
    glyphs: list[Glyph] = []
    x = 0.0
    needcharspace = False
    for item in show.seq:
        if isinstance(item, float):
            x -= item * 0.001 * size
            needcharspace = True
            continue
        for cid in font.decode(item):
            if needcharspace:
                x += charspace
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                # pdfminer's "(cid:N)": on the pdfminer path such a page may go to OCR
                raise _Fallback("a character without Unicode") from None
            adv = font.char_width(cid) * size
            if text and upright:  # as _glyph has it, without turning the box
                ox, oy = e + a * x, f + b * x
                x1 = ox + a * adv
                x0, x1 = (ox, x1) if x1 >= ox else (x1, ox)
                y0, y1 = oy + low, oy + high
                glyphs.append(make(Glyph, (text, x0, x1, height - y1, height - y0, y1 - y0,
                                           bold, italic, color)))
            elif text:
                glyphs.append(_glyph(text, e + a * x, f + b * x, adv, style, height))
            x += adv
            if cid == 32 and wordspace:
                x += wordspace
            needcharspace = True
    return glyphs


class _Shown:
    """The page's text-showing operators (:mod:`.pdf_content`), read from its content
    stream the first time a text object asks for its own (one pdfium left out of its
    text page, one on a page read :func:`_stream_glyphs`, one drawn outlined)."""

    def __init__(self, miner_page: PDFPage, rsrcmgr: PDFResourceManager) -> None:
        self._page = miner_page
        self._rsrcmgr = rsrcmgr
        self._shows: list[TextShow] | None = None
        self.drawn: list[int] = []  # the drawing index of each text object, in order
        self._fonts: dict[tuple[str, int], PDFFont | None] = {}  # (resource, pdfium font)

    def show(self, index: int, obj: int) -> tuple[TextShow, PDFFont]:
        """The operator that drew the text object ``obj`` (drawing index ``index``) and
        its pdfminer font; raises _Fallback unless there is one operator for each of
        the page's text objects and this one's font is the object's."""
        if self._shows is None:
            self._shows = self._read()
        k = bisect_left(self.drawn, index)
        if len(self._shows) != len(self.drawn) or k >= len(self.drawn) \
                or self.drawn[k] != index:
            raise _Fallback("a content stream whose text operators are not pdfium's objects")
        show = self._shows[k]
        handle = _text_font(obj) or 0
        key = (show.font, handle)
        if key not in self._fonts:
            self._fonts[key] = self._font(show.font, handle)
        font = self._fonts[key]
        if font is None:
            raise _Fallback("a text object whose font is not the one its operator sets")
        return show, font

    def _font(self, resource: str, handle: int) -> PDFFont | None:
        """The pdfminer font of ``resource`` when it is the font pdfium names ``handle``
        (and neither vertical nor Type 3)."""
        spec = dict_value(dict_value(self._page.resources).get("Font")).get(resource)
        objid = spec.objid if isinstance(spec, PDFObjRef) else None
        font = self._rsrcmgr.get_font(objid, dict_value(spec))  # as _fonts made it: cached
        name = _SUBSET.sub("", str(getattr(font, "basefont", "")))
        if name != _pdfium_font_name(handle) or font.is_vertical() \
                or isinstance(font, PDFType3Font):
            return None
        return font

    def _read(self) -> list[TextShow]:
        contents = self._page.contents
        data = b"\n".join(stream_value(s).get_data() for s in list_value(contents))
        shows = text_shows(data)
        if shows is None:
            raise _Fallback("text read from a content stream not followed here")
        return shows


class _FontLooks(NamedTuple):
    """What pdfminer's font object says of a font's glyphs."""

    bold: bool | None
    italic: bool | None
    descent: float
    facts: FontFacts


class _Probe:
    """The ctypes outputs :func:`_style` reads a text object's look into, made once a page
    rather than once an object (a page of tables has hundreds of text objects)."""

    def __init__(self) -> None:  # noqa: D107
        self.matrix = pdfium_c.FS_MATRIX()
        self.size = ctypes.c_float()
        self.rgba = (ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())
        self.colors: dict[tuple[int, int, int], str | None] = {}  # _hex of each fill


def _style(obj: int, index: int | None, fonts: dict[str, list[FontFacts]],
           font_names: dict[int, _FontLooks | str], shown: "_Shown",
           probe: _Probe | None = None) -> _Style | None:
    """The look of a text object's glyphs, as pdfminer's StyleDevice decides it."""
    if index is None:
        return None
    if probe is None:
        probe = _Probe()
    matrix = probe.matrix
    _object_matrix(obj, matrix)
    a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
    size = probe.size
    _text_size(obj, size)
    handle = _text_font(obj) or 0
    looks = _font_looks(handle, fonts, font_names)
    render = _text_render(obj)
    bold, italic = looks.bold, looks.italic
    if bold is None:
        # pdfminer's line width, not pdfium's: see .pdf_content
        bold = render == 2 and shown.show(index, obj)[0].linewidth > 0
    if italic is None:
        italic = matrix_slant((a, b, c, d, 0, 0)) > _SLANT
    r, g, bl, alpha = probe.rgba
    _object_fill(obj, r, g, bl, alpha)
    fill = (r.value, g.value, bl.value)
    color = probe.colors.get(fill, "")
    if color == "":
        color = probe.colors[fill] = _hex(*fill)
    skip = abs(b) > abs(a) * 0.3 or render == 7
    font_size = size.value
    low = looks.descent * font_size
    high = low + font_size
    return _Style(index, (a, b, c, d), font_size, looks.descent, bool(bold), bool(italic),
                  color, handle, skip, looks.facts, b == 0 and c == 0 and d > 0, d * low,
                  d * high)


def _font_looks(handle: int, fonts: dict[str, list[FontFacts]],
                cache: dict[int, _FontLooks | str]) -> _FontLooks:
    """The pdfminer font of the page that pdfium's font ``handle`` is, matched by base
    font name, and what it says; raises _Fallback when there is no single such font."""
    found = cache.get(handle)
    if found is None:
        found = cache[handle] = _match_font(handle, fonts)
    if isinstance(found, str):
        raise _Fallback(found)
    return found


def _pdfium_font_name(handle: int) -> str:
    """The base font name pdfium gives a font, without its subset tag."""
    buffer = ctypes.create_string_buffer(512)
    size = _font_name(handle, buffer, 512) if handle else 0
    return _SUBSET.sub("", buffer.value.decode("utf-8", errors="replace")) if size else ""


def _match_font(handle: int, fonts: dict[str, list[FontFacts]]) -> _FontLooks | str:
    name = _pdfium_font_name(handle)
    candidates = fonts.get(name, [])
    if not candidates:
        return "a font the page's resources do not name"
    first = candidates[0]
    if first.type3 or first.is_vertical():
        return "a Type 3 or vertical font"
    if len({(font_style(f), f.get_descent()) for f in candidates}) > 1:
        return "two fonts of one name that look different"
    bold, italic = font_style(first)
    return _FontLooks(bold, italic, first.get_descent(), first)


# ---------------------------------------------------------------- rulings

def _rulings(paths: list[tuple[int, int]], height: float
             ) -> tuple[dict[str, list[dict[str, Any]]], list[tuple[int, float, float, float, float]], int]:
    """pdfplumber's line, rect and curve dicts of the page's paths; the redaction boxes
    (drawing index, x0, top, x1, bottom); how many rulings (non-white shapes) there are."""
    rulings: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}
    redactions: list[tuple[int, float, float, float, float]] = []
    count = 0
    matrix = pdfium_c.FS_MATRIX()
    fillmode, stroke = ctypes.c_int(), ctypes.c_int()
    r, g, b, alpha = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    px, py = ctypes.c_float(), ctypes.c_float()
    for index, obj in paths:
        _path_draw_mode(obj, fillmode, stroke)
        fill, stroked = fillmode.value != 0, bool(stroke.value)
        if not fill and not stroked:
            continue
        _object_matrix(obj, matrix)
        m = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        _object_fill(obj, r, g, b, alpha)
        fill_rgb = (r.value, g.value, b.value)
        # the path's fill, the same for each of its subpaths
        color = tuple(v / 255 for v in fill_rgb)
        dark = fill and _hex(*fill_rgb) is None
        white = fill and not stroked and _hex(*fill_rgb) == "FFFFFF"
        for shape, pts in _subpaths(obj, m, px, py):
            kind, bbox_pts = _classify(shape, pts)
            if kind is None:
                continue
            xs = [p[0] for p in bbox_pts]
            ys = [p[1] for p in bbox_pts]
            x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
            top, bottom = height - y1, height - y0
            item: dict[str, Any] = {
                "object_type": kind, "x0": x0, "x1": x1, "y0": y0, "y1": y1,
                "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
                "height": y1 - y0, "fill": fill, "stroke": stroked,
                "non_stroking_color": color,
                "pts": [(px_, height - py_) for px_, py_ in bbox_pts]}
            rulings[kind].append(item)
            if dark and x1 - x0 > 4 and y1 - y0 > 4:
                redactions.append((index, x0, top, x1, bottom))
            elif not white:
                count += 1
    return rulings, redactions, count


def _subpaths(obj: int, m: tuple[float, ...], px: Any, py: Any
              ) -> list[tuple[str, list[tuple[float, float]]]]:
    """The path's subpaths as pdfminer sees them: a shape string (``m``, ``l``, ``c``,
    ``h``) and each operator's end point, in page space."""
    a, b, c, d, e, f = m
    subpaths: list[tuple[str, list[tuple[float, float]]]] = []
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    bezier = 0
    for k in range(_path_count(obj)):
        segment = _path_segment(obj, k)
        _segment_point(segment, px, py)
        x0, y0 = px.value, py.value
        point = (a * x0 + c * y0 + e, b * x0 + d * y0 + f)
        kind = _segment_type(segment)
        if kind == _MOVE:
            if shape:
                subpaths.append(("".join(shape), pts))
            shape, pts, bezier = ["m"], [point], 0
            continue
        if not shape:
            shape, pts = ["m"], [point]  # pdfminer drops a path not opened by m
            shape[0] = "?"
        if kind == _LINE:
            shape.append("l")
            pts.append(point)
        else:
            bezier += 1
            if bezier % 3 == 0:
                shape.append("c")
                pts.append(point)
        if _segment_close(segment):
            # pdfium closes onto the start point: pdfminer's "h"
            if point == pts[0] and shape[-1] == "l":
                shape[-1] = "h"
            else:
                shape.append("h")
                pts.append(pts[0])
    if shape:
        subpaths.append(("".join(shape), pts))
    return subpaths


def _classify(shape: str, pts: list[tuple[float, float]]
              ) -> tuple[str | None, list[tuple[float, float]]]:
    """pdfminer's ``paint_path`` for one subpath: a line, a rectangle or a curve."""
    if not shape.startswith("m") or len(shape) < 2:
        return None, pts
    pts = list(pts)
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop(-2)
    if shape in ("mlh", "ml"):
        return "line", pts[:2]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or \
            (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return "rect", [pts[0], pts[2]]
    return "curve", pts


def _redacted(glyph: Glyph, index: int,
              boxes: list[tuple[int, float, float, float, float]]) -> bool:
    cx = (glyph.x0 + glyph.x1) / 2
    cy = (glyph.top + glyph.bottom) / 2
    for drawn, x0, top, x1, bottom in boxes:
        if x0 <= cx <= x1 and top <= cy <= bottom and (drawn > index or glyph.color is None):
            return True
    return False
