"""Benchmark the tables of ``foiextract.extract()``: what building them costs beside reading.

For Markdown, Word and HTML responses, times in the same run (best of ``--rounds``):

- ``read``: ``extract_file`` alone (read, segment, values, facts): the baseline;
- ``eager``: the way ``extract()`` built its tables before issue 18, every table a pandas
  frame at once, then sorted as a frame;
- ``extract()``: the result as it is now (rows sorted as rows, no frame until asked for);
- ``extract() + pairs``: the same, then ``result.pairs`` (what a notebook does first);
- ``extract() + every table``: every table asked for (what ``result.write`` does).

Each is printed as a ratio to ``read``, and the share of the whole spent on tables.

    python benchmarks/bench_frames.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import foiextract  # noqa: E402
from foiextract.pipeline import extract_file  # noqa: E402
from foiextract.tables import SORT_KEYS, TABLES, frame  # noqa: E402

FORMATS = {".md": "Markdown", ".docx": "Word", ".html": "HTML"}


def eager(path: str) -> dict[str, Any]:
    """The tables as ``Result.from_rows`` made them before issue 18."""
    by_document = [e.rows() for e in extract_file(path)]
    tables = {name: frame(name, [r for rows in by_document for r in rows[name]])
              for name in TABLES if name != "errors"}
    tables["errors"] = frame("errors", [])
    out = {}
    for name, df in tables.items():
        keys = [k for k in SORT_KEYS[name] if k in df.columns]
        out[name] = df.reset_index(drop=True) if df.empty or not keys else \
            df.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)
    return out


def every_table(path: str) -> None:
    result = foiextract.extract(path)
    for _ in result.tables():
        pass


def timed(step: Callable[[str], object], files: list[str]) -> float:
    gc.collect()  # no step pays for another's garbage
    started = time.perf_counter()
    for path in files:
        step(path)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    corpus = sorted(p for p in (ROOT / "corpora").rglob("*")
                    if p.suffix in FORMATS and p.name not in ("README.md", "request.md"))
    steps: dict[str, Callable[[str], object]] = {
        "read": lambda p: extract_file(p),
        "eager (before)": eager,
        "extract()": lambda p: foiextract.extract(p),
        "extract() + pairs": lambda p: foiextract.extract(p).pairs,
        "extract() + every table": every_table,
    }
    print(f"best of {args.rounds} rounds; ratio to read alone, and the share spent on tables")
    for suffix, name in FORMATS.items():
        files = [str(p) for p in corpus if p.suffix == suffix]
        for path in files:
            every_table(path)  # warm: spaCy, vocabularies, pandas
        times = dict.fromkeys(steps, float("inf"))
        for _ in range(args.rounds):  # steps take turns, so a busy moment hits them alike
            for label, step in steps.items():
                times[label] = min(times[label], timed(step, files))
        read = times["read"]
        print(f"{name} ({len(files)} documents, read {read / len(files) * 1000:.1f} ms each):")
        for label, seconds in times.items():
            if label != "read":
                print(f"  {label:26} {seconds / read:5.2f}x  tables "
                      f"{max(0.0, seconds - read) / seconds:4.0%} of the whole")


if __name__ == "__main__":
    main()
