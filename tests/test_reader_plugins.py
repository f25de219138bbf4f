"""Readers a plug-in adds through the ``foiextract.readers`` entry point group."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import foiextract
from foiextract import readers

PLUGIN = '''
from foiextract.model import Block, Document, Span
from foiextract.readers import Reader

def _read(path):
    lines = open(path, encoding="utf-8").read().splitlines()[1:]
    blocks = tuple(Block("paragraph", (Span(text, bold=text.endswith("?")),)) for text in lines)
    return Document(blocks=blocks, format="text", source=path)

READER = Reader(kind="memo", sniff=lambda head: head.startswith(b"MEMO\\n"), read=_read)
'''


def _install(folder: Path, name: str, entry: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed distribution: a .dist-info on the path declaring ``entry`` as a reader."""
    info = folder / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n",
                                   "utf-8")
    (info / "entry_points.txt").write_text(f"[foiextract.readers]\n{entry}\n", "utf-8")
    monkeypatch.syspath_prepend(str(folder))


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real installed distribution (a .dist-info on the path) declaring a reader."""
    (tmp_path / "memo_reader.py").write_text(PLUGIN, "utf-8")
    _install(tmp_path, "memo_reader", "memo = memo_reader:READER", monkeypatch)
    readers.plugins.cache_clear()
    yield tmp_path
    readers.plugins.cache_clear()
    sys.modules.pop("memo_reader", None)


def test_a_plugin_reads_the_files_it_claims(installed_plugin: Path, tmp_path: Path) -> None:
    assert [r.kind for r in readers.plugins()] == ["memo"]
    memo = tmp_path / "note.memo"
    memo.write_text("MEMO\nHow many bins were collected?\n1,204\n", "utf-8")
    result = foiextract.extract(str(memo))
    assert list(result.pairs["question"]) == ["How many bins were collected?"]
    assert list(result.pairs["value"]) == ["1204"]


def test_files_it_does_not_claim_go_to_the_built_in_readers(installed_plugin: Path) -> None:
    result = foiextract.extract("corpora/singles/leeds_EIR-21-0457.md")
    assert result.documents["format"].iloc[0] == "markdown" and len(result.pairs) == 9


def test_a_broken_plugin_is_left_out_with_a_warning(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _install(tmp_path, "broken_reader", "broken = no_such_module:READER", monkeypatch)
    readers.plugins.cache_clear()
    try:
        with pytest.warns(UserWarning, match="broken"):
            assert readers.plugins() == ()
        assert readers.read_document("corpora/singles/kent_11045221.txt").format == "text"
    finally:
        readers.plugins.cache_clear()
