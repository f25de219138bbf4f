"""Scans made in the test from born-digital PDFs: pages rendered to pictures, wrapped again.

A page is rendered with pypdfium2 (as a scanner would see it), optionally
turned by a slight skew, and saved as an image-only PDF (Pillow) or a PNG. The
born-digital original is the gold: its pairs are what the scan must give.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2
from PIL import Image


def page_images(pdf: str | Path, dpi: int = 200, skew: float = 0.0,
                pages: list[int] | None = None) -> list[Any]:
    """Grey pictures of a PDF's pages (1-based ``pages``; all by default) at ``dpi``."""
    document = pypdfium2.PdfDocument(str(pdf))
    images = []
    try:
        for number in pages or range(1, len(document) + 1):
            page = document[number - 1]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if skew:
                image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=255)
            images.append(image)
    finally:
        document.close()
    return images


def scanned_pdf(pdf: str | Path, out: Path, dpi: int = 200, skew: float = 0.0,
                pages: list[int] | None = None) -> Path:
    """An image-only PDF of ``pdf``'s pages, as a scanner would make it."""
    images = page_images(pdf, dpi, skew, pages)
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    return out


def scanned_png(pdf: str | Path, out: Path, page: int = 1, dpi: int = 200) -> Path:
    """A PNG of one page of ``pdf``, with its resolution stated."""
    page_images(pdf, dpi, pages=[page])[0].save(out, dpi=(dpi, dpi))
    return out


def mixed_pdf(born_digital: str | Path, scanned: str | Path, out: Path) -> Path:
    """``born_digital``'s pages followed by ``scanned``'s (a letter and its scanned annex)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for source in (born_digital, scanned):
        for page in PdfReader(str(source)).pages:
            writer.add_page(page)
    with open(out, "wb") as handle:
        writer.write(handle)
    return out
