"""One lexicon: the data files with a user's overlay, and the text helpers every stage shares."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from foiextract.lexicon import data, similarity, stems

PACKAGE = Path(__file__).resolve().parent.parent / "foiextract"


def _run(code: str, overlay: Path | None) -> str:
    """Run ``code`` in a fresh interpreter (vocabularies are built once a process)."""
    env = {"PATH": "/usr/bin:/bin"}
    if overlay is not None:
        env["FOIEXTRACT_DATA"] = str(overlay)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=True)
    return done.stdout.strip()


@pytest.mark.parametrize("name, content, code, before, after", [
    ("values_vocab.json", {"not_held": ["the records were lost in the move"]},
     "from foiextract.values import parse_answer as p; "
     "print(p('The records were lost in the move.', 'How many cases?').kind)", "text", "not_held"),
    ("segment_phrases.json", {"sign_offs": ["with every good wish"]},
     "from foiextract.segment.phrases import signs_off as s; print(s('With every good wish,'))",
     "False", "True"),
])
def test_an_overlay_adds_words_without_touching_the_code(tmp_path: Path, name: str, content: dict,
                                                        code: str, before: str, after: str) -> None:
    (tmp_path / name).write_text(json.dumps(content), "utf-8")
    assert _run(code, None) == before
    assert _run(code, tmp_path) == after


def test_an_overlay_adds_rows_to_the_gazetteer(tmp_path: Path) -> None:
    packaged = data.load_text("foi_gazetteer.csv")
    header = next(line for line in packaged.splitlines() if line and not line.startswith("#"))
    (tmp_path / "foi_gazetteer.csv").write_text(
        header + "\n,Anytown Harbour Board,other,Anytown Harbour Board,anytownharbour.org.uk\n",
        "utf-8")
    code = ("from foiextract.foi.authority import gazetteer as g; "
            "print(sum(a.name == 'Anytown Harbour Board' for a in g()))")
    assert _run(code, None) == "0"
    assert _run(code, tmp_path) == "1"


def test_json_overlays_merge_lists_objects_and_values() -> None:
    merged = data._merged({"a": [1, 2], "b": {"x": 1, "y": [3]}, "c": 1},
                          {"a": [2, 3], "b": {"y": [4], "z": 5}, "c": 2, "d": []})
    assert merged == {"a": [1, 2, 3], "b": {"x": 1, "y": [3, 4], "z": 5}, "c": 2, "d": []}


def test_text_helpers_fold_and_compare() -> None:
    assert similarity("How many reviews?", "how many reviews") == 1.0
    assert similarity("", "anything") == 0.0
    assert stems("The completed reviews") >= {"complet", "review"}


def test_only_the_lexicon_reads_the_data_folder() -> None:
    """Every vocabulary goes through the lexicon's loader, so every one takes the overlay."""
    readers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "lexicon":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and node.value == "foiextract.data":
                readers.append(str(path.relative_to(PACKAGE)))
    assert readers == [] or readers == ["foi/workdays.py"], readers


def test_the_command_line_takes_an_overlay_folder(tmp_path: Path) -> None:
    (tmp_path / "values_vocab.json").write_text(
        json.dumps({"not_held": ["the records were lost in the move"]}), "utf-8")
    command = [sys.executable, "-m", "foiextract", "--data", str(tmp_path), "parse",
               "The records were lost in the move.", "-q", "How many cases?"]
    done = subprocess.run(command, capture_output=True, text=True, check=True,
                          env={"PATH": "/usr/bin:/bin"})
    assert done.stdout.split()[0] == "not_held"


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).resolve().parent.parent
                                                         / "foiextract" / "data").glob("*.json")))
def test_no_word_list_holds_a_control_character(name: str) -> None:
    # "\b" written once where "\\b" was meant is a backspace, and a pattern that never matches.
    path = Path(__file__).resolve().parent.parent / "foiextract" / "data" / name

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        if isinstance(value, dict):
            return [s for item in value.values() for s in strings(item)]
        return []

    bad = [s for s in strings(json.loads(path.read_text(encoding="utf-8")))
           if any(ord(c) < 32 and c not in "\n\t" for c in s)]
    assert bad == []
