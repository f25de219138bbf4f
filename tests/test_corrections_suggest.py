"""Corrections teach (issue 15): the same correction made again and again becomes a proposed
vocabulary entry, shown as a diff; written, the next run reads by it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from foiextract.cli import main
from foiextract.corrections.suggest import phrases_in

LETTER = """# Freedom of Information request FOI-10{n}

Dear Ms Morgan,

Thank you for your request. Our response is below.

1. How many reviews were started in 2019?

The records were lost in 201{n}.

2. How many reviews were completed?

Sadly the records were lost.

3. How many staff worked on the reviews?

A brace.

Yours sincerely,

Information Officer
"""


def _extract(folder: Path, out: Path, data: Path | None = None) -> pd.DataFrame:
    # A fresh interpreter: vocabularies are built once a process.
    command = [sys.executable, "-m", "foiextract", *(["--data", str(data)] if data else []),
               "extract", str(folder), "-o", str(out), "-q"]
    subprocess.run(command, check=True, cwd=Path(__file__).resolve().parent.parent)
    return pd.read_csv(out / "pairs.csv", dtype=str, keep_default_na=False)


def test_repeated_corrections_become_entries_the_next_run_reads_by(tmp_path: Path) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    for n in (1, 2):
        (letters / f"letter{n}.md").write_text(LETTER.format(n=n), "utf-8")
    pairs = _extract(letters, tmp_path / "out")
    assert set(pairs["kind"]) == {"text"}  # what the packaged vocabulary makes of them
    with open(tmp_path / "out" / "corrections.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "field", "old_value", "new_value", "who", "when", "note"])
        for row in pairs.itertuples():
            lost = "lost" in row.answer
            writer.writerow([row.pair_key, "kind" if lost else "value", row.kind if lost else "",
                             "not_held" if lost else "2", "ann", "2026-12-03", ""])
    words = tmp_path / "words"
    shown = CliRunner().invoke(main, ["corrections", "suggest", str(tmp_path / "out"),
                                      "--to", str(words)])
    assert shown.exit_code == 0, shown.output
    assert '+    "the records were lost"' in shown.output and '+    "a brace": 2' in shown.output
    assert not words.exists()  # a diff to accept, nothing written yet
    written = CliRunner().invoke(main, ["corrections", "suggest", str(tmp_path / "out"),
                                        "--to", str(words), "--write"])
    assert written.exit_code == 0, written.output
    assert json.loads((words / "values_vocab.json").read_text("utf-8")) == {
        "not_held": ["the records were lost"], "number_collectives": {"a brace": 2}}
    again = _extract(letters, tmp_path / "again", data=words)
    lost = again["answer"].str.contains("lost")
    assert set(again.loc[lost, "kind"]) == {"not_held"}
    assert set(zip(again.loc[~lost, "kind"], again.loc[~lost, "value"])) == {("count", "2")}


def test_a_phrase_needs_repeating_and_the_longest_shared_one_is_proposed() -> None:
    texts = ["The file was destroyed under our retention schedule.",
             "Sadly the file was destroyed under our retention schedule in 2012.",
             "The council holds no such file."]
    assert phrases_in(texts, 2) == ["the file was destroyed under our retention schedule"]
    assert phrases_in(texts[:1], 2) == []


def test_suggest_without_a_data_folder_is_a_usage_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FOIEXTRACT_DATA", raising=False)
    result = CliRunner().invoke(main, ["corrections", "suggest", str(tmp_path)])
    assert result.exit_code == 2 and "--to" in result.output
