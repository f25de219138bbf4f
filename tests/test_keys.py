"""Stable keys: every pair, value and table cell has one, the same across runs and file names."""

from __future__ import annotations

import shutil
from pathlib import Path

import foiextract

from .conftest import CORPORA

LETTER = CORPORA / "singles" / "leeds_EIR-21-0457.md"


def test_the_same_document_under_two_names_gives_the_same_keys(tmp_path: Path) -> None:
    copy = tmp_path / "renamed-response.md"
    shutil.copy(LETTER, copy)
    one, two = foiextract.extract(str(LETTER)), foiextract.extract(str(copy))
    for table, column in (("pairs", "pair_key"), ("values", "value_key"), ("cells", "cell_key")):
        left, right = list(getattr(one, table)[column]), list(getattr(two, table)[column])
        assert left == right, table
    assert len(one.pairs) == 9 and len(one.cells) == 3


def test_keys_are_unique_and_do_not_follow_positions() -> None:
    result = foiextract.extract(str(CORPORA / "london-scr-dhr-batch"))
    for table, column in (("pairs", "pair_key"), ("values", "value_key"), ("cells", "cell_key")):
        keys = list(getattr(result, table)[column])
        assert len(keys) == len(set(keys)), table
    # A pair found one more time above does not move the keys of the pairs below it.
    pairs = result.pairs[result.pairs["source"].str.endswith("camden_CAM8842.md")]
    keys = dict(zip(pairs["pair_no"], pairs["pair_key"]))
    assert keys[2] != keys[3] and all(k.startswith(pairs["doc_id"].iloc[0]) for k in keys.values())


def test_a_question_asked_twice_gets_two_keys(tmp_path: Path) -> None:
    letter = tmp_path / "twice.md"
    letter.write_text("**How many?**\n\nTwo\n\n**How many?**\n\nThree\n", "utf-8")
    keys = list(foiextract.extract(str(letter)).pairs["pair_key"])
    assert len(keys) == 2 and keys[0] != keys[1]
