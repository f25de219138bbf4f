"""Benchmark bulk runs: throughput with 1 and all cores, peak memory at 100 and 1,000 documents,
and the cost of a PDF page beside pdfplumber's bare ``page.chars``.

Documents are copies of corpus documents with a small variation each (a comment
appended, or a ZIP comment), so every copy has its own content hash. Each
memory run is a fresh process, so its peak is its own.

    python benchmarks/bench_bulk.py                 # about 1-2 minutes on 2 cores
    python benchmarks/bench_bulk.py --speed-docs 200 --memory-docs 100 2000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foiextract.bulk import BulkOptions, cores, run_bulk  # noqa: E402

# Every format; PDFs carry the pages. Slow outliers (a 61-page PDF, .doc via LibreOffice) left out.
MIX = sorted(p for folder in ("singles", "london-scr-dhr-batch", "barnet-scr-dhr/renditions")
             for p in (ROOT / "corpora" / folder).iterdir()
             if p.suffix in (".md", ".txt", ".html", ".eml", ".pdf", ".docx"))
LIGHT = [p for p in MIX if p.suffix in (".md", ".txt", ".html", ".eml")]


def make_copies(folder: Path, n: int, sources: list[Path]) -> None:
    """``n`` copies of the sources in turn, each with different bytes."""
    folder.mkdir(parents=True)
    for k in range(n):
        source = sources[k % len(sources)]
        target = folder / f"{k:05d}_{source.name}"
        if source.suffix == ".docx":
            with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
                for item in old.infolist():
                    new.writestr(item, old.read(item))
                new.comment = f"copy {k}".encode()
        elif source.suffix == ".pdf":
            target.write_bytes(source.read_bytes() + f"\n% copy {k}\n".encode())
        elif source.suffix == ".html":
            target.write_bytes(source.read_bytes() + f"\n<!-- copy {k} -->\n".encode())
        else:
            target.write_bytes(source.read_bytes() + f"\n\nCopy {k}.\n".encode())


def throughput(work: Path, n: int) -> None:
    docs = work / "speed"
    make_copies(docs, n, MIX)
    results = {}
    for jobs in sorted({1, cores()}):
        summary = run_bulk([str(docs)], str(work / f"speed-{jobs}"), "csv",
                           BulkOptions(jobs=jobs, progress=False))
        results[jobs] = summary
        print(f"jobs={jobs}: {summary.inputs} documents ({summary.pages} PDF pages, "
              f"{len(summary.errors)} failed) in {summary.seconds:.1f} s: "
              f"{summary.inputs / summary.seconds:.1f} docs/s, "
              f"{summary.pages / summary.seconds:.1f} pages/s")
    if len(results) > 1:
        one, every = results[1], results[cores()]
        print(f"speed-up with {cores()} cores: {one.seconds / every.seconds:.2f}x")


_MEASURE = """
import json, sys
from foiextract.bulk import BulkOptions, run_bulk
s = run_bulk([sys.argv[1]], sys.argv[2], "parquet", BulkOptions(progress=False))
print(json.dumps({"seconds": s.seconds, "documents": s.documents, "pairs": s.pairs,
                  "parent": s.parent_peak_rss_kb, "worker": s.worker_peak_rss_kb}))
"""


def memory(work: Path, sizes: list[int]) -> None:
    peaks = {}
    for n in sizes:
        docs = work / f"memory-{n}"
        make_copies(docs, n, LIGHT)
        done = subprocess.run([sys.executable, "-c", _MEASURE, str(docs), str(work / f"mem-out-{n}")],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        run = json.loads(done.stdout.strip().splitlines()[-1])
        peaks[n] = run
        print(f"{n} documents ({run['pairs']} pairs) in {run['seconds']:.1f} s: parent peak "
              f"{run['parent'] / 1024:.0f} MB, largest worker peak {run['worker'] / 1024:.0f} MB")
    small, large = peaks[sizes[0]], peaks[sizes[-1]]
    print(f"peak growth {sizes[0]} -> {sizes[-1]} documents: parent "
          f"{large['parent'] / small['parent']:.2f}x, worker {large['worker'] / small['worker']:.2f}x")


def per_page() -> None:
    import pdfplumber

    from foiextract.pipeline import extract_file

    pdfs = [p for p in MIX if p.suffix == ".pdf"]
    for pdf in pdfs:
        extract_file(str(pdf))  # warm: lazy loads are not a page's cost
    pages = 0
    started = time.perf_counter()
    for _ in range(3):
        for pdf in pdfs:
            pages += extract_file(str(pdf))[0].document["pages"] or 0
    ours = (time.perf_counter() - started) / pages
    chars = 0
    started = time.perf_counter()
    for _ in range(3):
        for pdf in pdfs:
            with pdfplumber.open(pdf) as document:
                chars += sum(len(page.chars) for page in document.pages)
    bare = (time.perf_counter() - started) / pages
    print(f"per PDF page: foiextract {ours * 1000:.1f} ms, pdfplumber page.chars "
          f"{bare * 1000:.1f} ms ({ours / bare:.1f}x), over {pages // 3} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--speed-docs", type=int, default=120)
    parser.add_argument("--memory-docs", type=int, nargs=2, default=[100, 1000])
    args = parser.parse_args()
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as folder:
        work = Path(folder)
        throughput(work, args.speed_docs)
        memory(work, args.memory_docs)
    per_page()


if __name__ == "__main__":
    main()
