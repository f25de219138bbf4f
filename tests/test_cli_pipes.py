"""Unix habits: - reads standard input, -o - writes one table to standard output, the output's
extension names its format, show --json, -q and -v (issue 17)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from foiextract.cli import main
from foiextract.writers import read_table

from .conftest import BARNET


def test_extract_writes_the_pairs_table_to_stdout_as_csv() -> None:
    result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", "-"])
    assert result.exit_code == 0, result.output
    pairs = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
    assert len(pairs) == 22 and "question" in pairs.columns
    assert "1 document(s)" in result.stderr and "1 document(s)" not in result.stdout


def test_extract_reads_stdin_and_writes_json_lines_of_the_table_asked() -> None:
    result = CliRunner().invoke(main, ["extract", "-", "-o", "-", "--format", "jsonl",
                                       "--table", "documents"], input=BARNET.read_bytes())
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"], r["format"], r["n_pairs"]) for r in rows] == [("-", "markdown", 22)]
    assert rows[0]["received_date"] == "2020-01-28"


def test_stdout_takes_only_csv_or_json_lines() -> None:
    result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", "-", "--format", "parquet"])
    assert result.exit_code == 2
    assert "standard output" in result.stderr


def test_an_output_path_extension_names_the_format(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / "pairs.csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pairs.csv").is_file()  # a file, not a folder named pairs.csv
    assert len(read_table(str(tmp_path / "pairs.csv"), "pairs")) == 22
    result = runner.invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / "docs.jsonl"),
                                  "-t", "documents"])
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "docs.jsonl").read_text().splitlines()) == 1
    result = runner.invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / "out.parquet")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.parquet" / "pairs.parquet").is_file()


def test_an_extension_contradicting_format_is_a_usage_error(tmp_path: Path) -> None:
    for out, fmt in (("x.db", "csv"), ("x.xlsx", "sqlite"), ("x.csv", "jsonl")):
        result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / out),
                                           "--format", fmt])
        assert result.exit_code == 2, (out, fmt, result.output)
        assert "format" in result.stderr
    assert not list(tmp_path.iterdir())


def test_show_json_reads_stdin() -> None:
    result = CliRunner().invoke(main, ["show", "-", "--json"], input=BARNET.read_bytes())
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert len(documents) == 1
    document = documents[0]
    assert document["document"]["source"] == "-"
    assert document["document"]["authority"] == "London Borough of Barnet"
    assert len(document["pairs"]) == 22
    assert document["pairs"][0]["kind"] == "count" and "values" in document["pairs"][0]
    assert [e["provision"] for e in document["exemptions"]] == ["s22(2)"]


def test_quiet_prints_only_errors_and_verbose_each_document(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.pdf")
    quiet = CliRunner().invoke(main, ["extract", str(BARNET), missing, "-q",
                                      "-o", str(tmp_path / "q")])
    assert quiet.exit_code == 1
    assert [line.split(":")[0] for line in quiet.stderr.splitlines()] == ["error"]
    verbose = CliRunner().invoke(main, ["extract", str(BARNET), "-v", "-o", str(tmp_path / "v")])
    assert verbose.exit_code == 0
    assert f"read: {BARNET}: 22 pair(s)" in verbose.stderr
    assert CliRunner().invoke(main, ["extract", str(BARNET), "-q", "-v",
                                     "-o", str(tmp_path / "x")]).exit_code == 2


def test_compile_writes_one_table_to_stdout() -> None:
    batch = "corpora/london-scr-dhr-batch"
    result = CliRunner().invoke(main, ["compile", batch, "--request", f"{batch}/request.md",
                                       "-o", "-", "-q"])
    assert result.exit_code == 0, result.output
    dataset = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
    assert len(dataset) == 7 and dataset.columns[0] == "authority"
    assert result.stderr == ""
