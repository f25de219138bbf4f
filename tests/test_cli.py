"""The command line, as a user types it."""

from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner

from foiextract.cli import main
from foiextract.writers import read_table

from .conftest import BARNET, ROOT


def test_extract_writes_the_four_tables_and_more(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for table in ("documents", "pairs", "exemptions", "errors", "values", "requests"):
        assert (tmp_path / "out" / f"{table}.csv").is_file()
    pairs = read_table(str(tmp_path / "out" / "pairs.csv"), "pairs")
    assert len(pairs) == 22
    assert {"None", "N/A"} <= set(pairs["answer"])


def test_extract_to_sqlite_by_extension(tmp_path: Path) -> None:
    out = tmp_path / "out.db"
    result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(read_table(str(out), "pairs")) == 22


def test_some_inputs_failing_gives_exit_1_and_one_line_each(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(empty), str(tmp_path / "nope.pdf"),
                                       str(BARNET), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    error_lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 2
    assert len(read_table(str(tmp_path / "out" / "pairs.csv"), "pairs")) == 22


def test_usage_error_is_exit_2() -> None:
    assert CliRunner().invoke(main, ["extract", str(BARNET)]).exit_code == 2


def test_show_prints_each_pair() -> None:
    result = CliRunner().invoke(main, ["show", str(BARNET)])
    assert result.exit_code == 0, result.output
    assert result.output.count("->") == 22
    assert "unanswered request items: 3" in result.output


def test_show_explain_prints_each_paragraphs_reading() -> None:
    result = CliRunner().invoke(main, ["show", "--explain", str(BARNET)])
    assert result.exit_code == 0, result.output
    # Every pair's question stands as a question line, with the rule that made it.
    readings = [line.split() for line in result.output.splitlines() if line.startswith("  ")]
    assert sum(1 for words in readings if words[:1] == ["question"]) >= 22
    assert result.output.count("->") == 22


def test_show_says_when_no_pairs_are_found(tmp_path: Path) -> None:
    letter = tmp_path / "prose.md"
    letter.write_text("# Response\n\nWe hold the information and it is **attached**.\n", "utf-8")
    result = CliRunner().invoke(main, ["show", str(letter)])
    assert result.exit_code == 0, result.output
    assert "no question/answer pairs found" in result.output


def test_show_prints_each_table_with_its_totals_checked(tmp_path: Path) -> None:
    letter = tmp_path / "tables.md"
    letter.write_text("**How many crimes were recorded, by year?**\n\n"
                      "| Crime | 2019/20 | 2020/21 | Total |\n| --- | --- | --- | --- |\n"
                      "| Arson | 2 | 3 | 5 |\n| Theft | 1 | <5 | 6 |\n"
                      "| Total | 3 | 9 | 12 |\n", "utf-8")
    result = CliRunner().invoke(main, ["show", str(letter)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Table 1 [item 1]: 3 rows x 3 columns; totals: 3 pass, 1 fail, 2 cannot tell" in lines
    assert any(re.fullmatch(r"\s+Theft \|\s+1 \|\s+<5 \|\s+6", line) for line in lines)
    # 3 + 9 is 12, but 5 + 6 is not; "<5" is never added as 0, so its row cannot be told.
    assert not any(line.startswith('  ! row "Total"') for line in lines)
    assert '  ? row "Theft": printed 6, the figures add up to 1 (1 cell unreadable)' in lines
    assert '  ! column "Total": printed 12, the figures add up to 11' in lines
    assert "Table 1" not in CliRunner().invoke(main, ["show", "--no-tables", str(letter)]).output


def test_show_bad_file_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["show", str(tmp_path / "missing.md")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "no such file" in result.output


def test_eval_on_the_reference_is_perfect() -> None:
    result = CliRunner().invoke(main, ["eval", "corpora/barnet-scr-dhr", "--json"])
    assert result.exit_code == 0, result.output
    import json

    totals = json.loads(result.output)["totals"]
    md = [d for d in json.loads(result.output)["documents"] if d["path"].endswith(".md")]
    assert md and md[0]["f1"] == 1.0 and md[0]["answer_accuracy"] == 1.0
    assert md[0]["kind_accuracy"] == 1.0 and md[0]["value_accuracy"] == 1.0
    assert all(md[0]["fields"].values())
    assert totals["documents"] >= 1


def test_parse_prints_the_value() -> None:
    result = CliRunner().invoke(main, ["parse", "fewer than 5", "--question", "How many?"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("suppressed '<5'")


def test_every_command_has_an_example_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    names = main.list_commands(click.Context(main))  # lazy commands too
    assert {"extract", "compile", "review", "corrections"} <= set(names)
    for name in names:
        help_text = CliRunner().invoke(main, [name, "--help"]).output
        assert "Example" in help_text, name
        assert re.search(rf"foiextract {name}\b", readme), f"README does not show `{name}`"
