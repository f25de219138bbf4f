"""Clear errors: the Dask extra missing, a scheduler not there, and one status a file in
compile (issue 17)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from foiextract.cli import main

from .conftest import BARNET


def test_dask_engine_without_the_extra_says_how_to_install_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises
    result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / "out"),
                                       "--engine", "dask"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "pip install 'foiextract[dask]'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unreachable_scheduler_is_not_a_write_error(tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / "out"),
                                           "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "could not reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "could not write" not in result.stderr


def test_dask_engine_to_a_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / "x.db"),
                                       "--engine", "dask"])
    assert result.exit_code == 2


def test_compile_gives_each_file_one_status(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    batch = "corpora/london-scr-dhr-batch"
    result = CliRunner().invoke(main, ["compile", str(empty), f"{batch}/barnet_6015464.md",
                                       "--request", f"{batch}/request.md",
                                       "-o", str(tmp_path / "out.xlsx")])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if str(empty) in line]
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
