"""Corrections that stick (issue 15): made by key, applied by extract and compile on every run,
a stale one reported, never dropped."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from foiextract.bulk import BulkOptions, run_bulk
from foiextract.cli import main
from foiextract.corrections import (COLUMNS, Correction, Corrector, add_corrections,
                                    corrections_path, read_corrections)
from foiextract.writers import read_table

from .conftest import CORPORA

BATCH = CORPORA / "london-scr-dhr-batch"
REQUEST = BATCH / "request.md"
PDF = BATCH / "tower_hamlets_FOI13579.pdf"


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])


def _compile(out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["compile", str(BATCH), "-r", str(REQUEST),
                                       "-o", f"{out}/", *extra])
    return result.exit_code, result.output


def _write(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    add_corrections(str(path), [Correction(key, field, old, new, "tester", "2026-12-03", "")
                                for key, field, old, new in rows])  # type: ignore[arg-type]


def test_compile_applies_corrections_and_lists_a_stale_one(tmp_path: Path) -> None:
    out = tmp_path / "batch"
    code, _ = _compile(out)
    assert code == 0
    before = _csv(out / "answers.csv")
    flagged = before[before["needs_review"] == "True"]
    numeric = flagged[flagged["name"].str.startswith("q0")].iloc[0]
    dropped, relabelled, accepted = flagged.iloc[1], flagged.iloc[2], flagged.iloc[3]
    assert len({numeric.cell_key, dropped.cell_key, relabelled.cell_key, accepted.cell_key}) == 4
    _write(out / "corrections.csv", [
        (numeric.cell_key, "value", numeric.value, "Seven"),
        (dropped.cell_key, "not_an_answer", dropped.value, "true"),
        (relabelled.cell_key, "kind", relabelled.kind, "not_held"),
        (accepted.cell_key, "accept", accepted.value, accepted.value),
        ("000000000000-q99", "value", "1", "2"),
    ])
    code, output = _compile(out)
    assert code == 0
    after = _csv(out / "answers.csv").set_index("cell_key")
    fixed = after.loc[numeric.cell_key]
    assert (fixed["value"], fixed["kind"], fixed["number"], fixed["corrected"]) == \
        ("7", "count", "7.0", "True")
    assert after.loc[dropped.cell_key, "kind"] == "missing"
    assert after.loc[relabelled.cell_key, "kind"] == "not_held"
    assert after.loc[accepted.cell_key, "corrected"] == "False"
    decided = [numeric.cell_key, dropped.cell_key, relabelled.cell_key, accepted.cell_key]
    assert (after.loc[decided, "needs_review"] == "False").all()
    untouched = after.drop(index=decided)
    assert set(untouched["corrected"]) == {"False"}
    # The wide dataset and the review list are made from the corrected answers.
    dataset = _csv(out / "dataset.csv").set_index("authority")
    assert dataset.loc[fixed["authority"], fixed["name"]] == "7"
    review = _csv(out / "review.csv")
    assert len(review) == len(flagged) - 4
    report = _csv(out / "corrections_report.csv").set_index("key")
    assert report.loc["000000000000-q99", "status"] == "stale"
    assert report.loc[numeric.cell_key, "status"] == "applied"
    assert report.loc[accepted.cell_key, "status"] == "accepted"
    assert "000000000000-q99" in output and "[stale_correction]" in output


def test_extract_drops_a_pair_that_is_no_answer_and_types_a_new_value(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["extract", str(PDF), "-o", str(out)]).exit_code == 0
    pairs = read_table(str(out / "pairs.csv"), "pairs")
    values = read_table(str(out / "values.csv"), "values")
    with_values = set(values["value_key"].str.rsplit("-v", n=1).str[0])
    gone = pairs[pairs["pair_key"].isin(with_values)].iloc[0]
    kept = pairs[~pairs["pair_key"].isin(with_values)].iloc[0]
    _write(out / "corrections.csv", [(gone.pair_key, "not_an_answer", "", "true"),
                                      (kept.pair_key, "value", str(kept.value), "fewer than 5")])
    assert CliRunner().invoke(main, ["extract", str(PDF), "-o", str(out)]).exit_code == 0
    pairs = read_table(str(out / "pairs.csv"), "pairs").set_index("pair_key")
    assert gone.pair_key not in pairs.index
    fixed = pairs.loc[kept.pair_key]
    assert (fixed["kind"], fixed["value"], fixed["high"], bool(fixed["corrected"])) == \
        ("suppressed", "<5", 5.0, True)
    values = read_table(str(out / "values.csv"), "values")
    assert not values["value_key"].str.startswith(gone.pair_key + "-v").any()
    assert not values["corrected"].isna().any()


def test_new_corrections_read_no_document_again(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    first = run_bulk([str(PDF)], out)
    assert first.read == 1
    key = read_table(f"{out}/pairs.csv", "pairs")["pair_key"].iloc[0]
    corrector = Corrector([Correction(key, "value", "", "12")])
    again = run_bulk([str(PDF)], out, options=BulkOptions(corrections=corrector))
    assert (again.read, again.skipped) == (0, 1)
    pairs = read_table(f"{out}/pairs.csv", "pairs").set_index("pair_key")
    assert pairs.loc[key, "value"] == "12" and bool(pairs.loc[key, "corrected"])


def test_a_correction_follows_its_document_under_another_name(tmp_path: Path) -> None:
    # A key is made from the content, not the file's name or row number: renamed, moved and
    # read again from scratch, the letter's pair takes the same correction.
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["extract", str(PDF), "-o", str(out)]).exit_code == 0
    key = read_table(str(out / "pairs.csv"), "pairs")["pair_key"].iloc[2]
    corrections = tmp_path / "mine.csv"
    _write(corrections, [(key, "kind", "", "withheld")])
    moved = tmp_path / "elsewhere" / "renamed.pdf"
    moved.parent.mkdir()
    shutil.copy(PDF, moved)
    again = tmp_path / "again"
    result = CliRunner().invoke(main, ["extract", str(moved), "-o", str(again),
                                       "--corrections", str(corrections)])
    assert result.exit_code == 0, result.output
    pairs = read_table(str(again / "pairs.csv"), "pairs").set_index("pair_key")
    assert pairs.loc[key, "kind"] == "withheld"


def test_a_bad_corrections_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "corrections.csv"
    bad.write_text("cell,what\nx,y\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", str(PDF), "-o", str(tmp_path / "out"),
                                       "--corrections", str(bad)])
    assert result.exit_code == 1
    assert "not a corrections file" in result.output and "Traceback" not in result.output
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("key,field,new_value\nk,colour,red\n", "utf-8")
    result = CliRunner().invoke(main, ["compile", str(PDF), "-o", str(tmp_path / "b.xlsx"),
                                       "--corrections", str(unknown)])
    assert result.exit_code == 1 and "line 2: field 'colour'" in result.output


@pytest.mark.parametrize("out, expected", [("out/", "out/corrections.csv"),
                                           ("out", "out/corrections.csv"),
                                           ("data.db", "data.corrections.csv"),
                                           ("pairs.csv", "pairs.corrections.csv"),
                                           ("-", None)])
def test_where_the_corrections_of_an_output_are(out: str, expected: str | None) -> None:
    assert corrections_path(out) == expected


def test_corrections_file_round_trips_and_later_rows_win(tmp_path: Path) -> None:
    path = tmp_path / "corrections.csv"
    _write(path, [("k", "value", "1", "2"), ("k", "value", "2", "None")])
    with open(path, encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS
    read = read_corrections(str(path))
    assert [c.new_value for c in read] == ["2", "None"]
    row = Corrector(read).correct("pairs", {"pair_key": "k", "kind": "count", "value": "1",
                                            "question": "How many reviews?"})
    # "None" typed for a count is the count 0, read as the normaliser reads a letter.
    assert row is not None and (row["kind"], row["value"], row["number"]) == ("count", "0", 0.0)
