"""Shared fixtures: the corpora and their gold."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from foiextract.model import Document

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
BARNET = CORPORA / "barnet-scr-dhr" / "barnet_6015464.md"


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in tests and docs are relative to the repository root.
    monkeypatch.chdir(ROOT)


def gold_for(document: Path) -> dict:
    """The gold annotation beside a document."""
    gold = document.with_name(document.name.rsplit(".", 1)[0] + ".gold.json")
    return json.loads(gold.read_text("utf-8"))


def documents_with_gold(*suffixes: str) -> list[Path]:
    """Every corpus document with gold whose name ends with one of the suffixes."""
    found = []
    for gold in sorted(CORPORA.rglob("*.gold.json")):
        if gold.name == "batch.gold.json":
            continue
        document = gold.parent / json.loads(gold.read_text("utf-8"))["file"]
        if document.is_file() and document.name.endswith(suffixes):
            found.append(document)
    return found


def ids(paths: list[Path]) -> list[str]:
    return [os.path.relpath(p, CORPORA) for p in paths]


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def folded(value: str) -> str:
    """Whitespace collapsed and typographic quotes made plain, for comparing texts."""
    return " ".join(value.translate(_QUOTES).split())


def unmatched_gold(document: Document, gold: dict) -> list[str]:
    """Gold questions and answers not found, in order, in the blocks' text."""
    body = folded(" ".join(b.text for b in document.blocks))
    missing, at = [], 0
    for pair in gold["pairs"]:
        question, answer = folded(pair["question"]), folded(pair["answer"])
        found = body.find(question, at)
        if found < 0:
            missing.append(f"question: {question[:60]}")
            continue
        at = found + len(question)
        if answer and body.find(answer, at) < 0:
            missing.append(f"answer: {answer[:60]}")
    return missing
