"""Benchmark the HTML and Word readers beside a bare parse of the same files (issue 18, item 5).

For the corpus's ``.html`` and ``.docx`` files, times in the same run, alternately, the best of
``--rounds`` (CPU time, ``time.process_time``; wall time printed beside it):

- HTML: the baseline is ``lxml.html.fromstring`` on each file's bytes; the reader is
  ``foiextract.readers.read_document``, which parses with lxml too, then styles, lays out and
  makes the blocks.
- Word: the baseline is ``docx.Document(path)`` and the text of its paragraphs and tables'
  cells (python-docx); the reader is ``read_document``, which opens the package itself.

Prints each format's ratio (reader / baseline) and the load average. Issue 18 asks for HTML
within 6x and Word within 3x.

    python benchmarks/bench_readers.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foiextract.readers import read_document  # noqa: E402

TARGETS = {"HTML": 6.0, "Word": 3.0}


def _lxml(path: Path) -> None:
    import lxml.html

    lxml.html.fromstring(path.read_bytes())


def _python_docx(path: Path) -> None:
    import docx

    word = docx.Document(str(path))
    for paragraph in word.paragraphs:
        paragraph.text
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text


def _reader(path: Path) -> None:
    read_document(path)


def timed(step: Callable[[Path], None], files: list[Path]) -> tuple[float, float]:
    """CPU and wall seconds to run ``step`` over ``files``."""
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    for path in files:
        step(path)
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    corpora = ROOT / "corpora"
    sets = {"HTML": (sorted(corpora.rglob("*.html")), _lxml),
            "Word": (sorted(corpora.rglob("*.docx")), _python_docx)}
    for name, (files, baseline) in sets.items():
        for path in files:  # warm: imports, caches, the files in the page cache
            baseline(path)
            _reader(path)
        best_base, best_read = (float("inf"), float("inf")), (float("inf"), float("inf"))
        for _ in range(args.rounds):
            base = timed(baseline, files)
            read = timed(_reader, files)
            best_base = min(best_base, base)
            best_read = min(best_read, read)
        cpu = best_read[0] / best_base[0]
        wall = best_read[1] / best_base[1]
        print(f"{name}: {len(files)} files; baseline {best_base[0] * 1000:.0f} ms CPU, reader "
              f"{best_read[0] * 1000:.0f} ms CPU: {cpu:.1f}x CPU, {wall:.1f}x wall "
              f"(target {TARGETS[name]:g}x)")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
