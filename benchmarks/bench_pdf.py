"""Pages per second of the PDF reader, beside pdfplumber's bare ``page.chars`` over the same pages.

Run from the repository root::

    python benchmarks/bench_pdf.py [--repeat 3] [PDF ...]

Without arguments it reads every PDF with a text layer under ``corpora/``.
Each measurement is the best of ``--repeat`` runs (the least disturbed).
The target is a ratio (reader time / bare chars time) of at most 1.3.
"""

from __future__ import annotations

import argparse
import glob
import time
from pathlib import Path

import pdfplumber

from foiextract.errors import FoiExtractError
from foiextract.readers import read_document

ROOT = Path(__file__).resolve().parent.parent


def corpus_pdfs() -> list[str]:
    """Every PDF under corpora/ except scans (which have no text layer to time)."""
    found = sorted(glob.glob(str(ROOT / "corpora" / "**" / "*.pdf"), recursive=True))
    return [f for f in found if not f.endswith("_scanned.pdf")]


def bare_chars(paths: list[str]) -> int:
    """pdfplumber's own char extraction, page by page, closing each page."""
    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.chars  # noqa: B018 - the work being timed
                page.close()
                pages += 1
    return pages


def reader(paths: list[str]) -> int:
    """The whole reader, end to end, through read_document."""
    pages = 0
    for path in paths:
        try:
            pages += read_document(path).pages or 0
        except FoiExtractError:
            pass
    return pages


def best_of(repeat: int, work: object, paths: list[str]) -> tuple[float, int]:
    """The fastest of ``repeat`` runs, in seconds, and the pages it covered."""
    best, pages = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        pages = work(paths)  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best, pages


def main() -> None:
    """Time both and print pages per second and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = args.pdfs or corpus_pdfs()
    chars_time, pages = best_of(args.repeat, bare_chars, paths)
    read_time, read_pages = best_of(args.repeat, reader, paths)
    print(f"{len(paths)} PDFs, {pages} pages (reader counted {read_pages})")
    print(f"pdfplumber page.chars : {pages / chars_time:8.1f} pages/s  ({chars_time:.2f} s)")
    print(f"foiextract read_document: {read_pages / read_time:8.1f} pages/s  ({read_time:.2f} s)")
    print(f"ratio reader / bare chars: {read_time / chars_time:.2f}x (target <= 1.30x)")


if __name__ == "__main__":
    main()
