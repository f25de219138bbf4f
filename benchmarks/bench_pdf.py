"""Cost per page of the PDF reader, through each engine, against bare pypdfium2 text extraction.

Run from the repository root::

    python benchmarks/bench_pdf.py [--repeat 3] [PDF ...]

Without arguments it reads every PDF with a text layer under ``corpora/``, and
the 61-page annex of tables (Hertfordshire) on its own. Every figure is
measured in the same run, each the best of ``--repeat`` runs in CPU time (the
least disturbed), and printed as a RATIO to the baseline: pypdfium2 opening each
page, loading its text page and taking its text
(``page.get_textpage().get_text_range()``). The reader is timed end to end
(``read_document``) through the pdfminer engine (every page interpreted by
pdfminer, as pdfplumber does) and through the pdfium engine (pdfium's glyphs,
pdfminer only for the pages that need it). pdfplumber's own ``page.chars`` is
shown too, for scale. The target for the pdfium engine is at most 5x.
"""

from __future__ import annotations

import argparse
import glob
import os
import time
from pathlib import Path
from typing import Callable

import pdfplumber
import pypdfium2

from foiextract.errors import FoiExtractError
from foiextract.readers import read_document
from foiextract.readers.ocr import OcrSettings, ocr_settings

ROOT = Path(__file__).resolve().parent.parent
ANNEX = "HertfordshirePolice_hospital-crimes-mass-foi.pdf"


def corpus_pdfs() -> list[str]:
    """Every PDF under corpora/ except scans (which have no text layer to time), once each."""
    found = sorted(glob.glob(str(ROOT / "corpora" / "**" / "*.pdf"), recursive=True))
    seen: set[str] = set()
    unique = []
    for path in found:
        name = os.path.basename(path)
        if name.endswith("_scanned.pdf") or name in seen:
            continue
        seen.add(name)
        unique.append(path)
    return unique


def bare_pdfium(paths: list[str]) -> int:
    """The baseline: pypdfium2's plain text of every page."""
    pages = 0
    for path in paths:
        pdf = pypdfium2.PdfDocument(path)
        for page in pdf:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


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


def reader(engine: str) -> Callable[[list[str]], int]:
    """The whole reader, end to end, through read_document, with one engine."""
    def run(paths: list[str]) -> int:
        os.environ["FOIEXTRACT_PDF_ENGINE"] = engine
        pages = 0
        with ocr_settings(OcrSettings(enabled=False)):
            for path in paths:
                try:
                    pages += read_document(path).pages or 0
                except FoiExtractError:
                    pass
        return pages
    return run


def best_of(repeat: int, work: Callable[[list[str]], int], paths: list[str]) -> tuple[float, int]:
    """The fastest of ``repeat`` runs, in seconds of this process's CPU time (on a shared
    machine wall time mostly measures the neighbours), and the pages it covered."""
    best, pages = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        pages = work(paths)
        best = min(best, time.process_time() - start)
    return best, pages


def report(title: str, paths: list[str], repeat: int) -> None:
    """Time the baseline and each reader over ``paths`` and print ratios per page."""
    before = os.environ.get("FOIEXTRACT_PDF_ENGINE")
    base, pages = best_of(repeat, bare_pdfium, paths)
    rows = [("pdfplumber page.chars", best_of(repeat, bare_chars, paths)),
            ("reader, pdfminer engine", best_of(repeat, reader("pdfminer"), paths)),
            ("reader, pdfium engine", best_of(repeat, reader("pdfium"), paths))]
    if before is None:
        os.environ.pop("FOIEXTRACT_PDF_ENGINE", None)
    else:
        os.environ["FOIEXTRACT_PDF_ENGINE"] = before
    per_page = base / max(pages, 1)
    print(f"{title}: {len(paths)} PDFs, {pages} pages")
    print(f"  {'bare pypdfium2 text':26s} {1000 * per_page:7.2f} ms/page   1.00x (baseline)")
    for name, (seconds, counted) in rows:
        ms = 1000 * seconds / max(counted, 1)
        print(f"  {name:26s} {ms:7.2f} ms/page {ms / (1000 * per_page):6.2f}x")
    print("  target: pdfium engine <= 5.00x")


def main() -> None:
    """Print per-page ratios for the corpus and for the annex of tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.pdfs:
        report("given PDFs", args.pdfs, args.repeat)
        return
    paths = corpus_pdfs()
    report("corpus", [p for p in paths if not p.endswith(ANNEX)], args.repeat)
    report("annex of tables", [p for p in paths if p.endswith(ANNEX)], args.repeat)


if __name__ == "__main__":
    main()
