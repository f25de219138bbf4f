"""eval tells constructed, real tuned-on and real held-out documents apart, and scores batches."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from foiextract.evaluate import SPLITS, evaluate, render, split_of

from .conftest import CORPORA


def test_every_real_document_with_gold_is_listed_with_a_split() -> None:
    """A real document nobody has listed counts as held out; every one we ship is listed."""
    for gold in sorted((CORPORA / "real").rglob("*.gold.json")):
        if gold.name == "batch.gold.json":
            continue
        document = gold.parent / json.loads(gold.read_text("utf-8"))["file"]
        splits = []
        for folder in [document.parent, *document.parent.parents]:
            sources = folder / "SOURCES.tsv"
            if sources.is_file():
                with sources.open(encoding="utf-8", newline="") as handle:
                    listed = {row["filename"]: row.get("split", "")
                              for row in csv.DictReader(handle, delimiter="\t")}
                # listed by its name, or by its path from the list's folder ("batch/x.pdf")
                splits.append(listed.get(document.name)
                              or listed.get(document.relative_to(folder).as_posix()))
            if folder.name == "real":
                break
        assert next((s for s in splits if s), None) in ("tune", "heldout"), document
        assert split_of(document) == {"tune": "real-tune", "heldout": "real-heldout"}[
            next(s for s in splits if s)], document


def test_splits_follow_the_folders_and_sources(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "batch").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "c.txt"):
        (real / name).write_text("Dear Sir,\n\n1. How many?\n\nTwo\n", "utf-8")
    shutil.copy(real / "a.txt", real / "batch" / "a.txt")
    (real / "SOURCES.tsv").write_text("filename\tsplit\na.txt\ttune\nb.txt\theldout\n", "utf-8")
    (tmp_path / "made.txt").write_text("x", "utf-8")
    assert split_of(tmp_path / "made.txt") == "constructed"
    assert split_of(real / "a.txt") == "real-tune"
    assert split_of(real / "batch" / "a.txt") == "real-tune"  # listed further up
    assert split_of(real / "b.txt") == "real-heldout"
    assert split_of(real / "c.txt") == "real-heldout"  # listed nowhere: nobody tuned on it


def _corpus(tmp_path: Path) -> Path:
    real = tmp_path / "real"
    real.mkdir()
    letter = "Dear Sir,\n\n1. How many staff do you employ?\n\nTwelve\n\nYours faithfully,\n"
    pair = {"question": "How many staff do you employ?", "answer": "Twelve", "kind": "count",
            "value": "12", "shared": False, "request_item": 1}
    for name, split in (("tuned.txt", "tune"), ("secret.txt", "heldout")):
        (real / name).write_text(letter.replace("staff", f"{name[:-4]} staff"), "utf-8")
        gold = {"file": name, "document": {}, "request": [], "unanswered_request_items": [],
                "pairs": [dict(pair, question=pair["question"].replace("staff",
                                                                       f"{name[:-4]} staff"))]}
        (real / name.replace(".txt", ".gold.json")).write_text(json.dumps(gold), "utf-8")
    (real / "SOURCES.tsv").write_text("filename\tsplit\ntuned.txt\ttune\nsecret.txt\theldout\n",
                                      "utf-8")
    return tmp_path


def test_held_out_rows_and_misses_are_shown_only_when_asked(tmp_path: Path) -> None:
    report = evaluate([str(_corpus(tmp_path))])
    assert sorted(d.split for d in report.documents) == ["real-heldout", "real-tune"]
    assert report.split("real-heldout").totals["documents"] == 1
    text = render(report)
    assert "tuned.txt" in text and "secret.txt" not in text
    assert "real, held out (untouched):" in text
    assert "secret.txt" in render(report, heldout_details=True)
    assert set(report.as_dict()["splits"]) == set(SPLITS)


@pytest.mark.parametrize("split", ["constructed"])
def test_the_constructed_batch_is_scored_cell_by_cell(split: str) -> None:
    report = evaluate([str(CORPORA / "london-scr-dhr-batch")])
    (batch,) = report.batches
    assert batch.cells == {split: 161}
    assert report.totals["cell_accuracy"] >= 0.95


@pytest.mark.parametrize("gold, found, aligned", [
    # The gold's one answer to a request the letter never states is the one pair found.
    ([""], ["Business Rate Collection"], [(0, 0)]),
    (["", "How many?"], ["Business Rate Collection"], [(0, None), (1, None), (None, 0)]),
    (["How many staff?"], ["How many staff?"], [(0, 0)]),
])
def test_questions_are_aligned_by_their_words(gold: list[str], found: list[str],
                                              aligned: list[tuple[int | None, int | None]]) -> None:
    from foiextract.evaluate import _align

    assert _align(gold, found) == aligned


def test_a_us_exemption_in_full_or_short_is_the_same_exemption() -> None:
    from foiextract.values.compare import same_value, short_provision

    assert short_provision("5 U.S.C. 552(b)(6)") == "s552(b)(6)"
    assert same_value("withheld", "MCL 15.243(1)(a)", "s15.243(1)(a)")
    assert not same_value("withheld", "MCL 15.243(1)(a)", "s15.243(1)(b)")
