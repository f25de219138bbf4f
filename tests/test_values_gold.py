"""Kind-and-value accuracy of parse_answer over every gold pair in corpora/.

Each gold pair's question and answer go in; its kind and value are what must
come out (values compared as ``foiextract eval`` compares them). Run with
``-s`` to see the accuracy by document.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foiextract.values import parse_answer
from foiextract.values.compare import same_value

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
GOLD_FILES = sorted(p for p in CORPORA.rglob("*.gold.json") if p.name != "batch.gold.json")
THRESHOLD = 0.95


def score(path: Path) -> tuple[int, int, list[str]]:
    gold = json.loads(path.read_text("utf-8"))
    right, misses = 0, []
    for pair in gold["pairs"]:
        got = parse_answer(pair["answer"], pair["question"])
        if got.kind == pair["kind"] and same_value(pair["kind"], got.value, pair["value"]):
            right += 1
        else:
            misses.append(f"{pair['answer'][:60]!r}: {got.kind} {got.value!r} "
                          f"(gold {pair['kind']} {pair['value']!r})")
    return right, len(gold["pairs"]), misses


def test_gold_files_are_found() -> None:
    assert len(GOLD_FILES) >= 20


def test_kind_and_value_accuracy_over_all_gold_pairs() -> None:
    total_right = total = 0
    lines = []
    for path in GOLD_FILES:
        right, n, misses = score(path)
        total_right += right
        total += n
        lines.append(f"{right:3d}/{n:3d}  {path.relative_to(CORPORA)}")
        lines.extend(f"          miss {m}" for m in misses)
    accuracy = total_right / total
    print("\n".join(lines) + f"\naccuracy {accuracy:.4f} ({total_right}/{total})")
    assert total > 400
    assert accuracy >= THRESHOLD, "\n".join(lines)


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_each_document_mostly_right(path: Path) -> None:
    right, n, misses = score(path)
    assert n == 0 or right / n >= 0.8, misses
