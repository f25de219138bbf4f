"""Table-driven cases: answer (and question) -> kind and canonical value.

The cases live in ``tests/data/values_cases.tsv`` (answer, question, kind,
value; an empty question means none was given), so adding a case is adding a
line. An answer printed over several paragraphs writes ``\\n`` between them: the case
then reads it with those paragraphs as its blocks, as the segmenter gives them. Values
compare as ``foiextract eval`` compares them (numbers as numbers).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from foiextract.model import Block, Span
from foiextract.values import parse_answer
from foiextract.values.compare import same_value

CASES_FILE = Path(__file__).parent / "data" / "values_cases.tsv"


def load_cases() -> list[tuple[str, str | None, str, str]]:
    cases = []
    for line in CASES_FILE.read_text("utf-8").splitlines():
        if not line or line.startswith("# "):
            continue
        answer, question, kind, value = line.split("\t")
        cases.append((answer, question or None, kind, value))
    return cases


CASES = load_cases()


def test_case_table_is_large_enough() -> None:
    assert len(CASES) >= 200
    assert {kind for _, _, kind, _ in CASES} >= {
        "count", "number", "amount", "percent", "range", "suppressed", "date", "boolean", "list",
        "none", "not_applicable", "not_held", "withheld", "published", "text", "missing"}


@pytest.mark.parametrize(("answer", "question", "kind", "value"), CASES,
                         ids=[f"{i}:{c[0][:30]}" for i, c in enumerate(CASES)])
def test_answer_value(answer: str, question: str | None, kind: str, value: str) -> None:
    paragraphs = answer.split("\\n")
    blocks = [Block("paragraph", (Span(text),)) for text in paragraphs] if len(paragraphs) > 1 \
        else []
    got = parse_answer(" ".join(paragraphs), question, blocks=blocks)
    assert (got.kind, got.value) == (kind, got.value) and same_value(kind, got.value, value), (
        f"{answer!r} -> {got.kind} {got.value!r} ({got.rule}); expected {kind} {value!r}")


@pytest.mark.parametrize("answer", [
    "We do not have a policy on this. Please see the attached guidance, which staff follow.",
    "The council does not have a single policy, but the procedures it follows are enclosed.",
])
def test_a_record_not_had_with_something_sent_in_its_place_is_not_not_held(answer: str) -> None:
    assert parse_answer(answer, "A copy of the policy on agency staff.").kind != "not_held"
