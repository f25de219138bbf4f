"""The anchored scans of the facts reader find what a full scan finds, on every corpus document."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from foiextract.foi import exemptions, legislation, reference, timeline
from foiextract.lexicon import guidance as flags
from foiextract.foi.authority import _FOLDED_TOKEN_OR_BREAK, _TOKEN_OR_BREAK
from foiextract.foi.dates import find_dates, is_date_only
from foiextract.lexicon.scan import folded, matches, starts
from foiextract.foi.zones import zones
from foiextract.readers import read_document

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
DOCUMENTS = sorted(p for p in CORPORA.rglob("*") if p.is_file() and not p.name.endswith(".json")
                   and p.name != "README.md")


def _texts() -> list[str]:
    texts = []
    for path in DOCUMENTS:
        try:
            document = read_document(str(path))
        except Exception:  # noqa: BLE001 - a document no reader takes has no text to test
            continue
        texts.extend(z.text for z in zones(document))
    return texts


TEXTS = _texts()
# Each anchored pattern with where its matches are looked for (None: the text cannot be folded).
ANCHORED: list[tuple[str, re.Pattern[str], object]] = [
    *[(law, pattern, lambda t, law=law: legislation._law_starts(law, t, folded(t)))
      for law, pattern in legislation.LAW_NAMES],
    ("handled", legislation._HANDLED_UNDER, lambda t: starts(folded(t), legislation._HANDLED_STARTS)),
    *[(f"received{i}", pattern, lambda t, w=words: starts(folded(t), w))
      for i, (pattern, words) in enumerate(timeline._RECEIVED)],
    ("response_field", timeline._RESPONSE_FIELD, lambda t: timeline._field_starts(folded(t))),
    ("published", timeline._PUBLISHED, lambda t: starts(folded(t), timeline._PUBLISHED_STARTS)),
    ("label", reference._LABEL, lambda t: starts(folded(t), reference._LABEL_STARTS)),
    ("citation", exemptions.CITATION,
     lambda t: [m.start() for m in exemptions._CITATION_START.finditer(folded(t) or "")]),
    ("guidance", flags._GUIDANCE, lambda t: [0, *(starts(folded(t), flags.GUIDANCE_WORDS) or [])]),
]


def test_corpus_has_text() -> None:
    assert len(TEXTS) > 50 and sum(map(len, TEXTS)) > 100_000


@pytest.mark.parametrize(("name", "pattern", "where"), ANCHORED, ids=[a[0] for a in ANCHORED])
def test_anchored_matches_are_full_matches(name: str, pattern: re.Pattern[str], where) -> None:  # type: ignore[no-untyped-def]
    found = 0
    for text in TEXTS + [t.upper() for t in TEXTS[:40]]:
        full = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        quick = [(m.span(), m.groupdict()) for m in matches(pattern, text, where(text))]
        assert quick == full, name
        found += len(full)
    assert found > 0 or name in ("FOIA-US", "EIRS", "published"), name


def test_folded_tokens_are_the_tokens() -> None:
    for text in TEXTS:
        source = text.replace("’", "'")
        low = folded(source)
        assert low is not None
        assert _FOLDED_TOKEN_OR_BREAK.findall(low) == [t.lower() for t in _TOKEN_OR_BREAK.findall(source)]


def test_date_lines_read_as_before() -> None:
    lines = [line for text in TEXTS for line in text.split("\n")]
    assert sum(is_date_only(line) for line in lines) > 5
    for line in lines:
        stripped = line.strip().rstrip(".,")
        dates = find_dates(stripped)
        assert is_date_only(line) == (len(dates) == 1 and dates[0].start == 0
                                      and dates[0].end == len(stripped))


@pytest.mark.parametrize(("text", "cited"), [
    ("exempt under section 41of the Freedom of Information Act 2000", "41"),  # no space typed
    ("exempt under section 31A of the Act", "31A"),
    ("refused under s40(2) and s41", "40"),
])
def test_a_sections_letter_stands_alone(text: str, cited: str) -> None:
    match = exemptions.CITATION.search(text)
    assert match is not None and match.group("num") == cited
