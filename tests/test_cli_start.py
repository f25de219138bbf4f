"""Instant start (issue 18): the CLI loads only what the command named needs.

Each check runs the console script's own code in a fresh interpreter and looks at what
``sys.modules`` holds after: a real import walk, not a timing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "spacy", "numpy", "scipy", "pyarrow", "pdfplumber", "lxml", "markdown_it")

_WALK = """
import io, json, sys
from contextlib import redirect_stdout
from foiextract.cli import main
out = io.StringIO()
with redirect_stdout(out):
    try:
        main(sys.argv[1:], prog_name="foiextract")
    except SystemExit as done:
        code = done.code
print(json.dumps({"code": code, "help": out.getvalue(),
                  "loaded": sorted(m for m in sys.modules if "." not in m)}))
"""


def _walk(*argv: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _WALK, *argv], capture_output=True, text=True,
                          check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_help_loads_neither_pandas_nor_spacy() -> None:
    walked = _walk("--help")
    assert walked["code"] == 0
    assert "compile" in str(walked["help"]) and "review" in str(walked["help"])
    assert not [m for m in HEAVY if m in walked["loaded"]]  # type: ignore[operator]


@pytest.mark.parametrize("command", ["extract", "compile", "review", "show", "parse", "eval",
                                     "corrections"])
def test_a_commands_help_loads_no_parser(command: str) -> None:
    walked = _walk(command, "--help")
    assert walked["code"] == 0 and "Example" in str(walked["help"])
    assert not [m for m in HEAVY if m in walked["loaded"]]  # type: ignore[operator]


def test_the_walk_would_see_pandas_if_a_command_loaded_it() -> None:
    # The check above can fail: a command that builds a table does load pandas.
    walked = _walk("parse", "fewer than 5")
    assert walked["code"] == 0 and "suppressed" in str(walked["help"])
    assert "spacy" not in walked["loaded"]  # type: ignore[operator]
    loaded = _walk("compile", "/nonexistent-input", "-o", "-")["loaded"]
    assert "pandas" in loaded  # type: ignore[operator]
