"""Seconds per scanned page of the OCR reader, beside bare ``tesseract`` on the same images.

Run from the repository root::

    python benchmarks/bench_ocr.py [--repeat 1] [PDF ...]

Without arguments it reads the scanned PDFs in ``corpora/real/`` (``*_scanned.pdf``).
Each page is rendered once, as the reader renders it (pypdfium2, grey, at the
reader's resolution), and saved as a PNG; the baseline is the ``tesseract``
program reading those PNGs to TSV (words, boxes, confidences: what the reader
asks for), one process a page, with one thread as the reader runs it. The
reader is timed end to end through ``read_document``: parsing the PDF,
finding the scanned pages, rendering, OCR, rebuilding lines and paragraphs.
Each measurement is the best of ``--repeat`` runs. The target is a ratio
(reader time / bare tesseract time) of at most 1.3.
"""

from __future__ import annotations

import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import pypdfium2

from foiextract.readers import read_document
from foiextract.readers.ocr import OcrSettings, tesseract_available

ROOT = Path(__file__).resolve().parent.parent


def render(paths: list[str], folder: str, dpi: int) -> list[str]:
    """Every page of the PDFs as a grey PNG at ``dpi``, as the reader renders them."""
    images = []
    for path in paths:
        pdf = pypdfium2.PdfDocument(path)
        for index in range(len(pdf)):
            page = pdf[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            name = os.path.join(folder, f"{Path(path).stem}-{index + 1}.png")
            image.save(name)
            images.append(name)
        pdf.close()
    return images


def bare_tesseract(images: list[str], language: str) -> int:
    """The ``tesseract`` program on each page image, TSV to standard output."""
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    for image in images:
        subprocess.run(["tesseract", image, "stdout", "-l", language, "--psm", "3", "tsv"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return len(images)


def reader(paths: list[str]) -> int:
    """The whole reader, end to end; returns the pages it OCRed."""
    return sum(read_document(path).ocr_pages for path in paths)


def best_of(repeat: int, work: Callable[[], int]) -> tuple[float, int]:
    """The fastest of ``repeat`` runs, in seconds, and the pages it covered."""
    best, pages = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        pages = work()
        best = min(best, time.perf_counter() - start)
    return best, pages


def main() -> None:
    """Time both and print seconds per page and their ratio."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not tesseract_available():
        sys.exit("Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-eng")
    paths = args.pdfs or sorted(glob.glob(str(ROOT / "corpora" / "real" / "*_scanned.pdf")))
    settings = OcrSettings()
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as folder:
        images = render(paths, folder, settings.dpi)
        bare_time, pages = best_of(args.repeat, lambda: bare_tesseract(images, settings.language))
    read_time, read_pages = best_of(args.repeat, lambda: reader(paths))
    print(f"{len(paths)} scanned PDFs, {pages} pages at {settings.dpi} dpi "
          f"(reader OCRed {read_pages})")
    print(f"bare tesseract (TSV)      : {bare_time / pages:6.2f} s/page  ({bare_time:.1f} s)")
    print(f"foiextract read_document  : {read_time / max(read_pages, 1):6.2f} s/page  "
          f"({read_time:.1f} s)")
    print(f"ratio reader / bare tesseract: {read_time / bare_time:.2f}x (target <= 1.30x)")


if __name__ == "__main__":
    main()
