"""The SQLite output is a database Datasette links and searches as it is (issue 17)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from foiextract.bulk import BulkOptions, run_bulk
from foiextract.cli import main
from foiextract.tables import SCHEMAS

from .conftest import BARNET


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("db") / "out.db"
    # The same letter at two paths: one content (doc_id), two documents.
    run_bulk([str(BARNET), "corpora/london-scr-dhr-batch/barnet_6015464.md",
              "corpora/singles"], str(out), options=BulkOptions(jobs=2, progress=False))
    return out


def test_every_table_has_its_key_and_links_to_documents(database: Path) -> None:
    db = sqlite_utils.Database(database)
    assert db["documents"].pks == ["source"]
    assert db["pairs"].pks == ["source", "pair_no"]
    assert db["values"].pks == ["source", "pair_no", "value_no"]
    assert db["exemptions"].pks == ["source", "provision"]
    assert db["requests"].pks == ["source", "item"]
    for table in ("pairs", "values", "exemptions", "requests"):
        links = [(fk.column, fk.other_table, fk.other_column) for fk in db[table].foreign_keys]
        assert links == [("source", "documents", "source")], table
    with sqlite3.connect(database) as con:
        con.execute("PRAGMA foreign_keys = ON")
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_columns_people_filter_by_are_indexed(database: Path) -> None:
    db = sqlite_utils.Database(database)
    indexed = {table: {tuple(i.columns) for i in db[table].indexes} for table in db.table_names()}
    assert {("authority",), ("outcome",), ("doc_id",)} <= indexed["documents"]
    assert {("kind",), ("request_item",)} <= indexed["pairs"]
    assert ("provision",) in indexed["exemptions"]


def test_questions_and_answers_are_searchable(database: Path) -> None:
    db = sqlite_utils.Database(database)
    assert db["pairs"].detect_fts() == "pairs_fts"
    hits = list(db["pairs"].search("Safeguarding", columns=["source", "question"]))
    assert hits and all(h["source"].endswith("barnet_6015464.md") for h in hits)
    with sqlite3.connect(database) as con:
        found = con.execute("SELECT count(*) FROM pairs_fts WHERE pairs_fts MATCH 'homicide'")
        assert found.fetchone()[0] > 0


def test_values_and_requests_take_their_documents_source(database: Path) -> None:
    db = sqlite_utils.Database(database)
    sources = {r["source"] for r in db["documents"].rows}
    assert {r["source"] for r in db["values"].rows} <= sources
    both = [r["source"] for r in db.query(
        "SELECT source FROM requests WHERE item = 1 AND source LIKE '%barnet_6015464.md'")]
    assert sorted(both) == sorted([str(BARNET), "corpora/london-scr-dhr-batch/barnet_6015464.md"])


def test_dates_are_iso_text_in_date_columns(database: Path) -> None:
    db = sqlite_utils.Database(database)
    with sqlite3.connect(database) as con:
        declared = {row[1]: row[2] for row in con.execute("PRAGMA table_info(documents)")}
    assert declared["received_date"] == "DATE" and declared["response_date"] == "DATE"
    row = db["documents"].get(str(BARNET))
    assert (row["received_date"], row["response_date"]) == ("2020-01-28", "2020-02-10")


def test_metadata_json_beside_it_describes_every_column(database: Path) -> None:
    meta = json.loads((database.parent / "metadata.json").read_text())
    tables = meta["databases"]["out"]["tables"]
    for table, schema in SCHEMAS.items():
        assert set(schema) <= set(tables[table]["columns"]), table
        assert tables[table]["description"]


def test_metadata_json_keeps_what_else_it_describes(tmp_path: Path) -> None:
    (tmp_path / "metadata.json").write_text(json.dumps({"title": "Mine", "databases": {
        "other": {"tables": {}}}}))
    result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "metadata.json").read_text())
    assert meta["title"] == "Mine" and set(meta["databases"]) == {"other", "a"}


def test_compile_database_searches_answers(tmp_path: Path) -> None:
    batch = "corpora/london-scr-dhr-batch"
    result = CliRunner().invoke(main, ["compile", batch, "--request", f"{batch}/request.md",
                                       "-o", str(tmp_path / "batch.db")])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(tmp_path / "batch.db")
    assert db["answers"].detect_fts() == "answers_fts"
    assert list(db["answers"].search("homicide"))
