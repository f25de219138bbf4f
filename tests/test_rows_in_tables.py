"""Table rows are made in one place: ``foiextract/tables.py`` turns typed results into rows.

A dict display elsewhere in the package whose keys are most of a table row's columns is a
row built by hand, with the schema's columns repeated: the issue "Typed to the edge" ends
that. (Dicts of other things, a JSON document or a settings map, have few such keys.)
"""

from __future__ import annotations

import ast
from pathlib import Path

from foiextract.tables import COMPILE_SCHEMAS, SCHEMAS

PACKAGE = Path(__file__).resolve().parent.parent / "foiextract"
ROWS_MODULE = PACKAGE / "tables.py"
# A dict with this many keys that are columns of one table is taken to be that table's row.
MIN_COLUMNS = 3
TABLES = {**SCHEMAS, **COMPILE_SCHEMAS}


def _row_like(node: ast.Dict) -> str | None:
    if all(isinstance(v, ast.Constant) for v in node.values):
        return None  # a fixed mapping keyed by column (widths, labels), not data
    keys = {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
    for table, schema in TABLES.items():
        shared = keys & set(schema)
        if len(shared) >= min(MIN_COLUMNS, len(schema)) and len(shared) >= len(keys) / 2:
            return table
    return None


def hand_built_rows(path: Path) -> list[str]:
    """``file:line table`` for each dict display in ``path`` that reads as a table row."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Dict):
            table = _row_like(node)
            if table:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {table}")
    return found


def test_no_row_is_built_outside_tables_py() -> None:
    offenders = [hit for path in sorted(PACKAGE.rglob("*.py")) if path != ROWS_MODULE
                 for hit in hand_built_rows(path)]
    assert offenders == []


def test_the_finder_finds_a_hand_built_row(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('row = {"doc_id": d, "pair_no": n, "question": q, "answer": a}\n'
                      'settings = {"jobs": jobs, "timeout": 3.0}\n'
                      'widths = {"question": 60, "answer": 60, "authority": 32}\n', "utf-8")
    assert [hit.split()[-1] for hit in _scan(sample)] == ["pairs"]
    assert len(hand_built_rows(ROWS_MODULE)) > 5


def _scan(path: Path) -> list[str]:
    return [f"{path.name}:{node.lineno} {_row_like(node)}"
            for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.Dict) and _row_like(node)]
