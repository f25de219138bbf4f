"""How long parse_answer takes per short answer once loaded (microseconds).

Run: ``python benchmarks/bench_values.py``. The answers are every gold pair in
corpora/ with an answer under 200 characters, plus the case table; the first
pass loads the vocabularies and spaCy, and is not timed. Each round starts
with the per-text caches emptied (the answers' cleaned text, dates and rule
results), so no answer is read from an earlier round's cache; the question
intents are kept in the first figure and read afresh in the second.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from foiextract.values import parse_answer
from foiextract.values.intent import question_intent

ROOT = Path(__file__).resolve().parent.parent


def answers() -> list[tuple[str, str | None]]:
    pairs: list[tuple[str, str | None]] = []
    for path in sorted((ROOT / "corpora").rglob("*.gold.json")):
        if path.name == "batch.gold.json":
            continue
        for pair in json.loads(path.read_text("utf-8"))["pairs"]:
            if len(pair["answer"]) < 200:
                pairs.append((pair["answer"], pair["question"]))
    cases = ROOT / "tests" / "data" / "values_cases.tsv"
    for line in cases.read_text("utf-8").splitlines():
        if line and not line.startswith("# "):
            answer, question, _kind, _value = line.split("\t")
            pairs.append((answer, question or None))
    return pairs


def empty_answer_caches(keep: object = None) -> None:
    """Clear every bounded per-text cache in foiextract except ``keep``."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("foiextract") or module is None:
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if obj is not keep and callable(info) and info().maxsize not in (None, 1):
                obj.cache_clear()


def main() -> None:
    pairs = answers()
    for answer, question in pairs:  # warm up: load spaCy, vocabularies, compiled patterns
        parse_answer(answer, question)
    rounds = []
    for _ in range(5):
        empty_answer_caches(keep=question_intent)
        start = time.perf_counter()
        for answer, question in pairs:
            parse_answer(answer, question)
        rounds.append((time.perf_counter() - start) / len(pairs) * 1e6)
    empty_answer_caches()
    start = time.perf_counter()
    for answer, question in pairs:
        parse_answer(answer, question)
    cold = (time.perf_counter() - start) / len(pairs) * 1e6
    print(f"{len(pairs)} short answers")
    print(f"parse_answer: {statistics.median(rounds):.1f} us per answer (median of 5 rounds, "
          f"question intents cached)")
    print(f"parse_answer: {cold:.1f} us per answer with every question intent read afresh (spaCy)")


if __name__ == "__main__":
    main()
