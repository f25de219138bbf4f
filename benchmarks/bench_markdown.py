"""Markdown documents per second end to end, beside markdown-it-py's bare parse of the same files.

Run from the repository root:  python benchmarks/bench_markdown.py [--rounds N]
Prints both rates, measured in the same run, and their ratio (target: end to end
within 3x of the bare parse; spaCy and the vocabularies load once, before timing).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from markdown_it import MarkdownIt

from foiextract.pipeline import extract_file

ROOT = Path(__file__).resolve().parent.parent


def documents() -> list[Path]:
    return sorted(p for p in (ROOT / "corpora").rglob("*.md") if p.name != "README.md"
                  and p.name != "request.md")


def rate(work: list[Path], step, rounds: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for path in work:
            step(path)
        best = min(best, time.perf_counter() - start)
    return len(work) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    work = documents()
    md = MarkdownIt("commonmark").enable("table")
    for path in work:  # warm up: load spaCy, vocabularies, gazetteer once
        extract_file(str(path))
    bare = rate(work, lambda p: md.parse(p.read_text("utf-8")), args.rounds)
    full = rate(work, lambda p: extract_file(str(p)), args.rounds)
    print(f"{len(work)} Markdown documents, best of {args.rounds} rounds")
    print(f"markdown-it-py bare parse: {bare:8.1f} documents/s")
    print(f"foiextract end to end:     {full:8.1f} documents/s")
    print(f"ratio (bare / end to end): {bare / full:8.2f}x  (target <= 3x)")


if __name__ == "__main__":
    main()
