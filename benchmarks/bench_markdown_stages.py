"""Where the Markdown end-to-end time goes: each stage in ms per document, beside the bare parse.

Run from the repository root:  python benchmarks/bench_markdown_stages.py [--rounds R]

The same documents and cache emptying as bench_markdown.py; each stage is timed
on its own (reading from the file, then segmenting, reading values and reading
facts from the stage before's results), best of R rounds, and printed with its
share of markdown-it-py's bare parse measured in the same run. The stages sum
to a little less than end to end: run together they share the processor's
caches less well. The target (end to end within 3x) is bench_markdown.py's.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

from markdown_it import MarkdownIt

from bench_markdown import empty_text_caches, responses, seconds
from foiextract.foi import read_facts
from foiextract.pipeline import _with_values, extract_document, extract_file
from foiextract.readers import read_document
from foiextract.segment import segment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    work = responses()
    for path in work:  # load spaCy, vocabularies and the gazetteer once
        extract_file(str(path))
    documents = [read_document(p) for p in work]
    segmented = [segment(d) for d in documents]
    valued = [_with_values(s.pairs) for s in segmented]
    md = MarkdownIt("commonmark").enable("table")

    def each(step: Callable[[int], object]) -> Callable[[Path], object]:
        index = {p: k for k, p in enumerate(work)}
        return lambda p: step(index[p])

    stages: list[tuple[str, Callable[[Path], object]]] = [
        ("bare parse", lambda p: md.parse(p.read_text("utf-8"))),
        ("read", lambda p: read_document(str(p))),
        ("segment", each(lambda k: segment(documents[k]))),
        ("values", each(lambda k: _with_values(segmented[k].pairs))),
        ("facts", each(lambda k: read_facts(documents[k], valued[k]))),
        ("all after reading", each(lambda k: extract_document(documents[k], doc_id="x"))),
        ("end to end", lambda p: extract_file(str(p))),
    ]
    bare = 0.0
    print(f"{len(work)} Markdown documents, best of {args.rounds} rounds, caches emptied each round")
    for name, step in stages:
        took = seconds(step, work, args.rounds, empty_text_caches) / len(work) * 1000
        bare = bare or took
        print(f"{name:22s} {took:6.2f} ms/doc  {took / bare:5.2f}x the bare parse")


if __name__ == "__main__":
    main()
