"""The quick search for where citations may start finds every place the one-pattern search finds."""

from __future__ import annotations

from pathlib import Path

from foiextract.foi.exemptions import _CITATION_START, _citation_starts
from foiextract.lexicon.scan import folded
from foiextract.foi.zones import zones
from foiextract.readers import read_document

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def _folded_texts() -> list[str]:
    texts = []
    for path in sorted(p for p in CORPORA.rglob("*") if p.is_file() and not p.name.endswith(".json")):
        try:
            document = read_document(str(path))
        except Exception:  # noqa: BLE001 - a document no reader takes has no text to test
            continue
        texts.extend(low for z in zones(document) if (low := folded(z.text)) is not None)
    return texts


def test_citation_starts_match_the_single_pattern() -> None:
    texts = _folded_texts()
    found = 0
    for low in texts + ["s.40, ss 1, §5, reg. 12; r.3; class 3; as 4; 'section 2", "’s 40 x§1 yreg"]:
        expected = [m.start() for m in _CITATION_START.finditer(low)]
        assert _citation_starts(low) == expected
        found += len(expected)
    assert found > 20
