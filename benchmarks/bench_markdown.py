"""Markdown documents per second end to end, beside markdown-it-py's bare parse of the same files.

Run from the repository root:  python benchmarks/bench_markdown.py [--rounds R]

spaCy and the vocabularies are loaded before timing. Each timed round reads
every Markdown response in corpora/ once, and starts with foiextract's
per-text caches emptied (the question-intent and word caches), so a round
never profits from having read the same documents in an earlier round. Both
rates are measured in the same run over the same files; the ratio is the
target (end to end within 3x of the bare parse).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

from markdown_it import MarkdownIt

from foiextract.pipeline import extract_file

ROOT = Path(__file__).resolve().parent.parent


def responses() -> list[Path]:
    return sorted(p for p in (ROOT / "corpora").rglob("*.md")
                  if p.name not in ("README.md", "request.md"))


def empty_text_caches() -> int:
    """Clear every bounded cache in foiextract (those keyed by text); data loads stay."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("foiextract") or module is None:
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if callable(info) and info().maxsize not in (None, 1):
                obj.cache_clear()
                cleared += 1
    return cleared


def seconds(step: Callable[[Path], object], work: list[Path], rounds: int,
            before: Callable[[], object] = lambda: None) -> float:
    best = float("inf")
    for _ in range(rounds):
        before()
        start = time.perf_counter()
        for path in work:
            step(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    work = responses()
    md = MarkdownIt("commonmark").enable("table")
    for path in work:  # load spaCy, vocabularies and the gazetteer once
        extract_file(str(path))
    caches = empty_text_caches()
    bare = seconds(lambda p: md.parse(p.read_text("utf-8")), work, args.rounds)
    full = seconds(lambda p: extract_file(str(p)), work, args.rounds, empty_text_caches)
    print(f"{len(work)} Markdown documents, best of {args.rounds} rounds "
          f"({caches} text caches emptied before each foiextract round)")
    print(f"markdown-it-py bare parse: {len(work) / bare:8.1f} documents/s")
    print(f"foiextract end to end:     {len(work) / full:8.1f} documents/s")
    print(f"ratio (end to end / bare): {full / bare:8.2f}x  (target <= 3x)")


if __name__ == "__main__":
    main()
