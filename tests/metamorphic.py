"""Scoring a letter rewritten or rendered otherwise against its own gold.

The metamorphic checks (``test_segment_numbering_styles``, ``test_segment_paragraph_spacing``,
``test_segment_renditions``) each dress a tuned letter differently and hold the new dress to
what the letter as published reads: no pair lost, no value read right gone wrong.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from foiextract.evaluate import DocumentScore, score_document


def gold_of(letter: Path) -> Path:
    """The gold file beside a letter."""
    return letter.with_name(letter.name[: -len(letter.suffix)] + ".gold.json")


@cache
def read_right(letter: Path) -> tuple[int, int]:
    """Pairs found and values read right on the letter as published (read once a run)."""
    score = score_document(gold_of(letter))
    return score.matched, score.values_right


def score_as(letter: Path, dressed: Path) -> DocumentScore:
    """``dressed`` (the letter rewritten or rendered, under a name of its own) scored against
    the letter's gold."""
    gold = json.loads(gold_of(letter).read_text("utf-8"))
    gold["file"] = dressed.name
    gold_path = dressed.parent / gold_of(letter).name
    gold_path.write_text(json.dumps(gold), "utf-8")
    return score_document(gold_path)


def assert_reads_as_well(score: DocumentScore, published: tuple[int, int]) -> None:
    """No pair the published letter gives lost, no value it reads right gone wrong."""
    matched, values = published
    assert matched > 0, "the letter as published must give pairs to hold the dress to"
    misses = "\n".join(score.misses)
    assert score.matched >= matched, misses
    assert score.values_right >= values, misses


def rewritten_reads_as_well(letter: Path, rewritten: str, folder: Path) -> None:
    """The letter's text rewritten, saved in ``folder`` under its own name, reads as well as
    the letter as published."""
    dressed = folder / letter.name
    dressed.write_text(rewritten, "utf-8")
    assert_reads_as_well(score_as(letter, dressed), read_right(letter))
