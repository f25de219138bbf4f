"""What reading tables costs a PDF, end to end: extraction with tables against the same run
with the table finders and the cell reader switched off.

Run from the repository root::

    python benchmarks/bench_tables.py [--repeat 3] [PDF ...]

Without arguments it reads every PDF with a text layer under ``corpora/`` (the police
responses with many pages of tables among them). Both runs go through
``pipeline.extract_file``; "without tables" replaces the ruled-table finder, the
borderless-table finder and the cell reader with ones that find nothing, so its pages are
read as text alone. Each measurement is the best of ``--repeat`` runs, interleaved, so that
a busy machine slows both alike. The target is a ratio (with / without) of at most 1.25.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import time
from pathlib import Path
from typing import Any, Iterator

from foiextract import pipeline
from foiextract.errors import FoiExtractError
from foiextract.readers import pdf

ROOT = Path(__file__).resolve().parent.parent


def corpus_pdfs() -> list[str]:
    """Every PDF under corpora/ except scans (OCR would swamp the table reading)."""
    found = sorted(glob.glob(str(ROOT / "corpora" / "**" / "*.pdf"), recursive=True))
    return [f for f in found if not f.endswith("_scanned.pdf")]


@contextlib.contextmanager
def without_tables() -> Iterator[None]:
    """The table finders and the cell reader switched off for the time being."""
    saved = pdf.find_tables, pdf.borderless_tables, pipeline.document_cells
    pdf.find_tables = lambda rulings, glyphs, *rest: ([], glyphs)  # type: ignore[assignment]
    pdf.borderless_tables = lambda lines, *rest: ([], lines)  # type: ignore[assignment]
    pipeline.document_cells = lambda *args, **kwargs: ()  # type: ignore[assignment]
    try:
        yield
    finally:
        pdf.find_tables, pdf.borderless_tables, pipeline.document_cells = saved


def extract_all(paths: list[str]) -> tuple[int, int]:
    """Pages read and table cells found, every PDF end to end."""
    pages = cells = 0
    for path in paths:
        try:
            for extraction in pipeline.extract_file(path):
                pages += extraction.pages or 0
                cells += len(extraction.cells)
        except FoiExtractError:
            pass
    return pages, cells


def timed(paths: list[str], context: Any) -> tuple[float, int, int]:
    with context:
        start = time.perf_counter()
        pages, cells = extract_all(paths)
        return time.perf_counter() - start, pages, cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = args.pdfs or corpus_pdfs()
    extract_all(paths[:1])  # load the readers and the value rules before timing
    best_with = best_without = float("inf")
    for _ in range(args.repeat):
        took, pages, cells = timed(paths, contextlib.nullcontext())
        best_with = min(best_with, took)
        took, bare_pages, bare_cells = timed(paths, without_tables())
        best_without = min(best_without, took)
    if bare_pages != pages:
        raise SystemExit(f"the runs read {pages} and {bare_pages} pages: not comparable")
    print(f"{len(paths)} PDFs, {pages} pages; {cells} table cells with tables, "
          f"{bare_cells} without")
    print(f"with tables    : {1000 * best_with / pages:7.1f} ms a page ({best_with:.2f} s)")
    print(f"without tables : {1000 * best_without / bare_pages:7.1f} ms a page "
          f"({best_without:.2f} s)")
    print(f"ratio with / without tables: {best_with / best_without:.2f}x (target <= 1.25x)")


if __name__ == "__main__":
    main()
