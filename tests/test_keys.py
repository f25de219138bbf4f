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


def test_every_compiled_cell_has_a_key_from_its_authority_and_item() -> None:
    from foiextract.compile import compile_responses

    batch = compile_responses(str(CORPORA / "london-scr-dhr-batch"),
                              request=str(CORPORA / "london-scr-dhr-batch" / "request.md"))
    keys = batch.answers["cell_key"]
    assert keys.is_unique and keys.notna().all()
    camden = batch.answers[batch.answers["authority_code"] == "E09000007"]
    assert all(k.endswith(f"-q{i}") for k, i in zip(camden["cell_key"], camden["item"]))
