"""What the pdfium path needs to know of a page's font, read from its dictionary.

pdfium gives each glyph's place and Unicode, but the look the pdfminer path gives a
glyph comes from pdfminer's font object: its name and descriptor (bold, italic), its
``Descent`` (the glyph box), and its ``Widths`` (whether they are whole thousandths,
:meth:`FontFacts.whole_widths`). Building that object parses the font's ``ToUnicode``
CMap and, for some fonts, the embedded font program; on the corpus PDFs that was a
seventh of the pdfium path's time. :class:`FontFacts` reads the same entries the same
way (pdfminer's own value functions, in the order its font classes take them) and builds
pdfminer's font only when a page asks what it maps a code to
(:meth:`FontFacts.marks`). ``tests/test_reader_pdf_engines.py`` checks every font of every
corpus PDF against pdfminer's.

>>> FontFacts.__name__
'FontFacts'
"""

from __future__ import annotations

from typing import Any, Mapping

from pdfminer.cmapdb import CMapDB
from pdfminer.pdffont import FontMetricsDB, PDFCIDFont, PDFFont, get_widths, get_widths2
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import dict_value, int_value, list_value, num_value, resolve1, resolve_all
from pdfminer.psparser import PSLiteral, literal_name

_SIMPLE = ("Type1", "MMType1", "TrueType")
_CID = ("CIDFontType0", "CIDFontType2")

# Characters that draw nothing yet are not white space to str.strip(): pdfium leaves a
# text object of them out with the spaces, but pdfminer reads them as text.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


class FontFacts:
    """One font of a page as pdfminer's ``PDFResourceManager.get_font`` would read it:
    ``basefont``, ``fontname``, ``descriptor``, ``flags``, ``italic_angle`` (what
    :func:`~.pdf_glyphs.font_style` reads), :meth:`get_descent`, :meth:`is_vertical`,
    ``type3``, and :meth:`whole_widths`.

    Reading a dictionary pdfminer cannot make a font of raises, as pdfminer would.
    """

    def __init__(self, rsrcmgr: PDFResourceManager, objid: Any, spec: Mapping[str, Any]
                 ) -> None:
        self._rsrcmgr, self._objid, self._spec = rsrcmgr, objid, spec
        self._marks: tuple[bool, bool] | None = None
        self._whole: bool | None = None
        self.type3 = self.vertical = False
        subtype = literal_name(spec["Subtype"]) if "Subtype" in spec else "Type1"
        if subtype == "Type0":
            # pdfminer reads the first descendant, with the Type 0 font's encoding and map
            descendants = list_value(spec["DescendantFonts"])
            assert descendants
            spec = dict_value(descendants[0]).copy()
            subtype = literal_name(spec["Subtype"]) if "Subtype" in spec else "Type1"
        self.basefont = literal_name(spec["BaseFont"]) if "BaseFont" in spec else "unknown"
        self._widths: Mapping[Any, Any]
        if subtype in _CID:
            try:  # an unknown CMap pdfminer reads as horizontal
                self.vertical = CMapDB.get_cmap(PDFCIDFont._get_cmap_name(spec, False)
                                                ).is_vertical()
            except CMapDB.CMapNotFound:
                pass
            descriptor = dict_value(spec["FontDescriptor"]) if "FontDescriptor" in spec else {}
            if self.vertical:
                self._widths = {cid: w for cid, (w, _) in
                                get_widths2(list_value(spec.get("W2", []))).items()}
            else:
                self._widths = get_widths(list_value(spec.get("W", [])))
        elif subtype == "Type3":
            self.type3 = True
            descriptor = dict_value(spec["FontDescriptor"]) if "FontDescriptor" in spec else {}
            self._widths = _listed_widths(spec, resolve=False)
        else:  # Type1, MMType1, TrueType, and what pdfminer reads as Type 1
            try:
                descriptor, self._widths = FontMetricsDB.get_metrics(self.basefont)
            except KeyError:
                descriptor = dict_value(spec.get("FontDescriptor", {}))
                self._widths = _listed_widths(spec, resolve=True)
        self.descriptor: Mapping[str, Any] = descriptor
        fontname = resolve1(descriptor.get("FontName", "unknown"))
        self.fontname = literal_name(fontname) if isinstance(fontname, PSLiteral) else fontname
        self.flags = int_value(descriptor.get("Flags", 0))
        descent = num_value(descriptor.get("Descent", 0))
        self._descent = -descent if descent > 0 else descent
        self.italic_angle = num_value(descriptor.get("ItalicAngle", 0))

    def get_descent(self) -> float:
        """The descent in text space units per unit of size, as pdfminer's font gives it
        (never asked of a Type 3 font: those pages are pdfminer's)."""
        return self._descent * 0.001

    def is_vertical(self) -> bool:
        """Whether the font writes top to bottom (a CID font with a vertical CMap)."""
        return self.vertical

    def whole_widths(self) -> bool:
        """Whether every glyph width the font states is a whole number of thousandths of
        an em: pdfium keeps no more (pdfminer keeps the fraction, and a line's positions
        drift apart by a hundredth of a point every few glyphs)."""
        if self._whole is None:
            widths = resolve_all(dict(self._widths))
            self._whole = all(not isinstance(w, float) or w.is_integer()
                              for w in widths.values())
        return self._whole

    def marks(self) -> tuple[bool, bool]:
        """Whether the font maps some code to a soft hyphen (pdfium marks a line-end hyphen
        and a soft one alike), and to a zero-width character that is not white space.
        Asked seldom: only here is pdfminer's font built (its character maps parsed)."""
        if self._marks is None:
            self._marks = _marks(self._rsrcmgr.get_font(self._objid, self._spec))
        return self._marks


def _listed_widths(spec: Mapping[str, Any], resolve: bool) -> dict[int, Any]:
    """A simple font's ``Widths`` from ``FirstChar`` on, as pdfminer keys them."""
    first = int_value(spec.get("FirstChar", 0))
    listed = list_value(spec.get("Widths", [0] * 256))
    return {i + first: resolve1(w) if resolve else w for i, w in enumerate(listed)}


def _marks(font: PDFFont) -> tuple[bool, bool]:
    unicode_map = getattr(font, "unicode_map", None)
    mapped = set(getattr(unicode_map, "cid2unichr", {}).values()) if unicode_map else set()
    mapped |= set(getattr(font, "cid2unicode", {}).values())
    return "\u00ad" in mapped, bool(mapped & INVISIBLE)
