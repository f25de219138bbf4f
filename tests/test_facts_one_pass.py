"""Readings done in one pass give what the reading of each piece alone gives.

``answer_citations`` reads every answer's citations from the answers joined;
``GUIDANCE_WORDS`` anchors the drafting-guidance pattern at the literal text
each of its branches starts with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from foiextract.foi.exemptions import raw_citations
from foiextract.foi.facts import answer_citations
from foiextract.lexicon.guidance import _GUIDANCE, drafting_guidance
from foiextract.model import Pair
from foiextract.readers import read_document
from foiextract.segment import segment

CORPORA = Path(__file__).resolve().parent.parent / "corpora"

# Answers ending where a citation, a range or "of the ... Act" could go on into the next answer.
BOUNDARY_ANSWERS = [
    "Withheld under section 40", "of the Data Protection Act 2018", "s", "40(2) applies", "reg",
    "to 44", "see s.", "12", "sections 23(5), 24(2) and", "31(3)", "", "r.", "13", "under the",
    "Act", "section 43 ", "(2)", "§", "7", "s 12 and ss 14 of the Equality Act 2010",
]
GUIDANCE_TEXTS = [
    "[Insert the date]", "  [x", "You will now need to apply", "YOU NOW NEED TO", "you need to",
    "you need  to", "You must also", "you must", "your request", "If you need help", "if you need",
    "It should be stated", "Details should also be given", "details should be given", "you\nneed to",
    "Thank you for your request", "We consider that section 22 applies.",
]


def _corpus_documents() -> list[Path]:
    return sorted(p for p in CORPORA.rglob("*")
                  if p.suffix in (".md", ".txt") and p.name not in ("README.md", "request.md"))


def _citations(answers: list[str]) -> list[list[tuple[str, bool, int, int]]]:
    return [[(c.provision, c.regulation, c.start, c.end) for c in cited]
            for cited in answer_citations([Pair("q", a) for a in answers])]


def test_answer_citations_at_answer_boundaries() -> None:
    expected = [[(c.provision, c.regulation, c.start, c.end) for c in raw_citations(a)]
                for a in BOUNDARY_ANSWERS]
    assert _citations(BOUNDARY_ANSWERS) == expected
    assert sum(map(len, expected)) >= 5


@pytest.mark.parametrize("path", _corpus_documents(), ids=lambda p: p.name)
def test_answer_citations_match_each_answer_alone(path: Path) -> None:
    document = read_document(str(path))
    answers = [pair.answer for pair in segment(document).pairs]
    expected = [[(c.provision, c.regulation, c.start, c.end) for c in raw_citations(a)]
                for a in answers]
    assert _citations(answers) == expected


def test_guidance_words_find_what_the_pattern_finds() -> None:
    texts = list(GUIDANCE_TEXTS)
    for path in _corpus_documents():
        texts.extend(block.text for block in read_document(str(path)).blocks)
    for text in texts:
        assert drafting_guidance(text) == bool(_GUIDANCE.search(text)), text
    assert sum(drafting_guidance(t) for t in GUIDANCE_TEXTS) >= 7
