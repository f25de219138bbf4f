"""Scans made from born-digital PDFs: pages rendered to pictures, wrapped again.

A page is rendered with pypdfium2 (as a scanner would see it), optionally
turned by a slight skew and given a scanner's noise, and saved as an
image-only PDF (Pillow) or a PNG. The born-digital original is the gold: its
pairs are what the scan must give.

The noise is drawn from a seeded generator, so a scan is the same picture every
time it is made. ``corpora/barnet-scr-dhr/scanned/barnet_6015464_scanned.pdf``
(the reference letter scanned, scored by ``foiextract eval``) is made here;
to make it again, from the repository root::

    python -m tests.scans
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy
import pypdfium2
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
BARNET_PDF = ROOT / "corpora/barnet-scr-dhr/renditions/barnet_6015464_arialmt.pdf"
BARNET_SCAN = ROOT / "corpora/barnet-scr-dhr/scanned/barnet_6015464_scanned.pdf"


class Noise:
    """A scanner's noise, drawn from ``seed``: grey grain (``grain``: its standard deviation
    in grey levels), specks (``specks``: the share of pixels turned black or white), and with
    ``bilevel`` the page made black and white at mid grey, as a fax or an office scanner's
    black-and-white mode does (the grain then roughens the letters' edges)."""

    def __init__(self, grain: float = 0.0, specks: float = 0.0, bilevel: bool = False,
                 seed: int = 0) -> None:
        self.grain, self.specks, self.bilevel, self.seed = grain, specks, bilevel, seed

    def apply(self, image: Any, page: int) -> Any:
        """``image`` (grey) with this noise, the same for the same page every time."""
        rng = numpy.random.default_rng([self.seed, page])
        pixels = numpy.asarray(image, dtype=numpy.float32)
        if self.grain:
            pixels = pixels + rng.normal(0.0, self.grain, pixels.shape)
        if self.specks:
            flipped = rng.random(pixels.shape) < self.specks
            pixels[flipped] = numpy.where(rng.random(int(flipped.sum())) < 0.5, 0.0, 255.0)
        if self.bilevel:
            return Image.fromarray(pixels >= 128)  # mode "1": saved in a PDF as CCITT G4
        return Image.fromarray(numpy.clip(pixels, 0, 255).astype(numpy.uint8), "L")


def page_images(pdf: str | Path, dpi: int = 200, skew: float = 0.0,
                pages: list[int] | None = None, noise: Noise | None = None) -> list[Any]:
    """Grey pictures of a PDF's pages (1-based ``pages``; all by default) at ``dpi``, turned
    ``skew`` degrees (anticlockwise) and with ``noise``."""
    document = pypdfium2.PdfDocument(str(pdf))
    images = []
    try:
        for number in pages or range(1, len(document) + 1):
            page = document[number - 1]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if skew:
                image = image.rotate(skew, resample=Image.BICUBIC, fillcolor=255)
            if noise is not None:
                image = noise.apply(image, number)
            images.append(image)
    finally:
        document.close()
    return images


def scanned_pdf(pdf: str | Path, out: Path, dpi: int = 200, skew: float = 0.0,
                pages: list[int] | None = None, noise: Noise | None = None) -> Path:
    """An image-only PDF of ``pdf``'s pages, as a scanner would make it (the same bytes each
    time, wherever it is written: its dates are fixed and its title is the original's)."""
    images = page_images(pdf, dpi, skew, pages, noise)
    fixed = time.gmtime(0)
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi,
                   title=Path(pdf).stem, creationDate=fixed, modDate=fixed)
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


# The reference letter as a reader of a scan sees it: 200 dpi, turned a degree, in black and
# white with ragged edges and specks (as the real scans in corpora/real are: about 50 kB a
# page). Its gold is the letter's own.
BARNET_NOISE = Noise(grain=40.0, specks=0.0005, bilevel=True, seed=14)
BARNET_SKEW = 1.0


def barnet_scan(out: Path = BARNET_SCAN) -> Path:
    """The scanned Barnet reference letter, made from its Arial PDF rendition."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return scanned_pdf(BARNET_PDF, out, dpi=200, skew=BARNET_SKEW, noise=BARNET_NOISE)


if __name__ == "__main__":
    print(barnet_scan())
