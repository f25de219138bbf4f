"""Scanned pages of a PDF: told from their layout, rendered with pdfium, read by OCR.

A page is a scan when it has (almost) no visible text and images cover a good
part of it: a page of text with a logo is not, nor is a blank page. A scanned
page is rendered at :attr:`~.ocr.OcrSettings.dpi` with pypdfium2 and read by
:func:`~.ocr.read_page`; whatever few glyphs it had (a stamp, a page
number) are read again from the picture with the rest, so nothing is read twice.

>>> is_scan(glyphs=0, image_area=0.9), is_scan(glyphs=0, image_area=0.05)
(True, False)
>>> is_scan(glyphs=1500, image_area=1.0)
False
"""

from __future__ import annotations

from typing import Any, Iterable

from pdfminer.layout import LTFigure, LTImage

from .ocr import OcrPage, OcrSettings, read_page

# A page with fewer visible characters than this has no text layer worth reading.
MAX_GLYPHS = 25
# ... when images cover at least this share of it.
MIN_IMAGE_AREA = 0.3


def is_scan(glyphs: int, image_area: float) -> bool:
    """True for a page to OCR: fewer than :data:`MAX_GLYPHS` characters, mostly image."""
    return glyphs < MAX_GLYPHS and image_area >= MIN_IMAGE_AREA


def image_area(layout: Iterable[Any], width: float, height: float) -> float:
    """The share of the page its images cover (overlaps counted twice, at most 1)."""
    page = max(width * height, 1.0)
    covered = 0.0
    stack = list(layout)
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTImage):
            x0, y0 = max(obj.x0, 0.0), max(obj.y0, 0.0)
            x1, y1 = min(obj.x1, width), min(obj.y1, height)
            covered += max(0.0, x1 - x0) * max(0.0, y1 - y0)
        elif isinstance(obj, LTFigure):
            stack.extend(obj)
    return min(1.0, covered / page)


class PageRenderer:
    """Renders pages of one PDF with pdfium, opening it only when a scan is met.

    >>> with PageRenderer("corpora/singles/sheffield_FOI-21-312.pdf") as r:  # doctest: +SKIP
    ...     r.page(1, OcrSettings()).lines[0].text
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._pdf: Any = None

    def __enter__(self) -> "PageRenderer":
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def page(self, number: int, settings: OcrSettings) -> OcrPage:
        """Page ``number`` (1-based) read by OCR: lines and tables in PDF points from the top
        left."""
        import pypdfium2

        if self._pdf is None:
            self._pdf = pypdfium2.PdfDocument(self.path)
        page = self._pdf[number - 1]
        try:
            scale = settings.dpi / 72.0
            bitmap = page.render(scale=scale, grayscale=True)
            image = bitmap.to_pil()
            bitmap.close()
        finally:
            page.close()
        return read_page(image, number, 1.0 / scale, self.path, settings)
