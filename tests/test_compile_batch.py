"""foiextract compile on a request platform's batch ZIP, safe unpacking, outputs and the CLI."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from foiextract.cli import main
from foiextract.compile import archive, compile_responses
from foiextract.compile.inputs import authority_from_folder
from foiextract.errors import CorruptFile, TooLarge, UnsafePath, ZipBomb

from .conftest import CORPORA

BATCH = CORPORA / "london-scr-dhr-batch"
REQUEST = BATCH / "request.md"
GOLD = json.loads((BATCH / "batch.gold.json").read_text("utf-8"))
TITLE = "Serious Case Reviews and Domestic Homicide Reviews"


def _thread(authority: str, request_text: str, reply: str) -> str:
    """A correspondence export: the request, an acknowledgement, the covering reply."""
    return (f"===== OUTGOING 2020-01-28T09:00:00+00:00 message_id=1\n"
            f"Dear {authority},\n\n{request_text}\n\nYours faithfully,\n\nJ Morgan\n\n"
            f"===== INCOMING 2020-01-29T10:00:00+00:00 message_id=2\n"
            f"Dear J Morgan,\n\nThank you for your request for information, which we received "
            f"on 28 January 2020. We will respond within 20 working days.\n\n"
            f"===== INCOMING 2020-02-20T10:00:00+00:00 message_id=3\n{reply}\n")


def _batch_zip(path: Path, extra: dict[str, str] | None = None) -> Path:
    """The batch documents in a platform's layout: one folder per authority, the thread as
    .txt beside an ``attachments-<id>`` folder holding the response document."""
    request_text = "\n".join(f"{n}. {q}" for n, q in enumerate(GOLD["request"], start=1))
    authorities = {a["file"]: a["authority"] for a in GOLD["answers"]}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for number, (file, authority) in enumerate(sorted(authorities.items()), start=10):
            folder = f"{authority} - {TITLE}/2020-02-20"
            reply = ("Dear J Morgan,\n\nPlease find attached our response to your request."
                     "\n\nYours sincerely,\n\nInformation Governance")
            bundle.writestr(f"{folder}/correspondence.txt",
                            _thread(authority, request_text, reply))
            bundle.write(BATCH / file, f"{folder}/attachments-{number}/{file}")
        for name, text in (extra or {}).items():
            bundle.writestr(name, text)
    return path


@pytest.fixture(scope="module")
def folder_batch():  # type: ignore[no-untyped-def]
    return compile_responses(str(BATCH), request=str(REQUEST))


@pytest.fixture(scope="module")
def zip_batch(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = _batch_zip(tmp_path_factory.mktemp("batch") / "batch-download.zip")
    return compile_responses(str(path), request=str(REQUEST))


def test_batch_zip_compiles_to_the_same_dataset_as_the_folder(folder_batch, zip_batch) -> None:  # type: ignore[no-untyped-def]
    assert zip_batch.errors.empty
    left = folder_batch.dataset.drop(columns="source")
    right = zip_batch.dataset.drop(columns="source")
    pd.testing.assert_frame_equal(left, right)


def test_batch_zip_sources_name_the_attachment_inside_the_archive(zip_batch) -> None:  # type: ignore[no-untyped-def]
    sources = set(zip_batch.dataset["source"])
    assert all("batch-download.zip!" in s and "/attachments-" in s for s in sources)


def test_audit_says_an_answer_came_in_an_attachment(folder_batch, zip_batch) -> None:  # type: ignore[no-untyped-def]
    # The platform's download holds each reply in an attachments- folder; the loose files
    # are the letters themselves (Enfield's an email, its answers in the body).
    assert set(zip_batch.audit["format"].dropna()) == {"attachment text"}
    assert set(folder_batch.audit["format"].dropna()) == {"letter text"}
    assert list(zip_batch.audit["answered"]) == list(folder_batch.audit["answered"])


def test_authority_comes_from_the_folder_when_the_letter_does_not_say(tmp_path: Path) -> None:
    reply = ("Dear J Morgan,\n\n1. How many reviews have been started?\n\n14\n\n"
             "2. Please provide the dates.\n\nMay 2019\n\nYours sincerely,\n\nInformation team\n")
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr("London Borough of Bexley - Reviews/2020-02-20/attachments-7/reply.txt", reply)
    batch = compile_responses(str(path), request=["How many reviews have been started?",
                                                  "Please provide the dates."])
    row = batch.dataset.iloc[0]
    assert (row["authority"], row["authority_code"]) == ("London Borough of Bexley", "E09000004")
    assert list(batch.answers["kind"]) == ["count", "date"]


def test_an_authority_that_sent_nothing_readable_still_has_a_row(tmp_path: Path) -> None:
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr("London Borough of Bexley - Reviews/2020-02-20/correspondence.txt",
                        _thread("London Borough of Bexley", "1. How many reviews?",
                                "Dear J Morgan,\n\nWe need more time to answer."))
    batch = compile_responses(str(path), request=["How many reviews?"])
    assert list(batch.answers["kind"]) == ["missing"]
    assert list(batch.dataset["authority"]) == ["London Borough of Bexley"]


@pytest.mark.parametrize("name", ["../evil.txt", "/abs/evil.txt", "a/../../evil.txt", "C:/evil.txt"])
def test_unzip_refuses_paths_outside_the_folder(tmp_path: Path, name: str) -> None:
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr(name, "x")
    with pytest.raises(UnsafePath):
        archive.unpack(str(path), str(tmp_path / "out"))
    assert not (tmp_path / "evil.txt").exists()


def test_unzip_stops_a_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("A - B/big.txt", b"\0" * (4 * archive.RATIO_FLOOR))
    with pytest.raises(ZipBomb):
        archive.unpack(str(path), str(tmp_path / "out"))


def test_unzip_limits_members_and_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        for n in range(5):
            bundle.writestr(f"A - B/{n}.txt", "x" * 100)
    monkeypatch.setattr(archive, "MAX_MEMBERS", 4)
    with pytest.raises(TooLarge):
        archive.unpack(str(path), str(tmp_path / "out"))
    monkeypatch.setattr(archive, "MAX_MEMBERS", 10)
    monkeypatch.setattr(archive, "MAX_TOTAL", 250)
    with pytest.raises(TooLarge):
        archive.unpack(str(path), str(tmp_path / "out2"))


def test_a_damaged_zip_is_an_error_row_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "bad.zip"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 10)
    with pytest.raises(CorruptFile):
        archive.unpack(str(path), str(tmp_path / "out"))


def test_authority_folder_names() -> None:
    assert authority_from_folder("Enfield Council - SCRs - 2020") == "Enfield Council"
    assert authority_from_folder("attachments-123") == ""


def test_cli_writes_a_workbook_with_its_sheets(tmp_path: Path) -> None:
    out = tmp_path / "dataset.xlsx"
    result = CliRunner().invoke(main, ["compile", str(BATCH), "--request", str(REQUEST),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["dataset", "request", "review", "audit", "cells", "labels"]
    header = [c.value for c in book["dataset"][1]]
    rows = list(book["dataset"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len({a["authority"] for a in GOLD["answers"]})
    counts = [r[header.index("q14_domestic_homicide_reviews")] for r in rows]
    assert all(v is None or isinstance(v, int) for v in counts) and any(counts)
    questions = [r[2] for r in book["request"].iter_rows(min_row=2, values_only=True)]
    assert questions == GOLD["request"]
    columns = [c.value for c in book["review"][1]]
    review = [dict(zip(columns, r)) for r in book["review"].iter_rows(min_row=2, values_only=True)]
    assert review and all(r["answer"] for r in review if r["kind"] != "missing")
    assert {r["reason"] for r in review if r["kind"] == "missing"} == {
        "missing where a number was asked"}


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_cli_writes_table_folders(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["compile", str(BATCH), "-o", str(out), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "inferred" in result.output and "request.md" in result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{t}.{fmt}" for t in ("answers", "audit", "cells", "dataset",
                                                  "errors", "labels", "request", "review"))
    if fmt == "csv":
        answers = pd.read_csv(out / "answers.csv", dtype=str, keep_default_na=False)
        assert len(answers) == len(GOLD["answers"])


def test_cli_writes_sqlite(tmp_path: Path) -> None:
    out = tmp_path / "batch.db"
    result = CliRunner().invoke(main, ["compile", str(BATCH), "-r", str(REQUEST), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(out) as db:
        (total,) = db.execute('SELECT SUM("q14_domestic_homicide_reviews") FROM dataset').fetchone()
        (rows,) = db.execute("SELECT COUNT(*) FROM answers").fetchone()
    assert rows == len(GOLD["answers"])
    assert total == sum(int(a["value"]) for a in GOLD["answers"]
                        if a["item"] == 14 and a["kind"] == "count")


def test_cli_reports_an_unreadable_archive(tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as bundle:
        bundle.writestr("../evil.txt", "x")
    result = CliRunner().invoke(main, ["compile", str(bad), "-o", str(tmp_path / "o.xlsx")])
    assert result.exit_code == 1 and "leaves the archive" in result.output


def test_a_letter_pointing_at_an_attachment_not_sent_keeps_its_words(tmp_path: Path) -> None:
    # With its attachment read, the covering letter's "Please find attached …" answers nothing
    # (the zip test above); without it, those words are all the response says.
    path = tmp_path / "batch.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr("London Borough of Bexley - Reviews/2020-02-20/correspondence.txt",
                        _thread("London Borough of Bexley", "1. How many reviews?\n2. Please "
                                "provide the dates.", "Dear J Morgan,\n\nPlease see attached."
                                "\n\nYours sincerely,\n\nInformation team"))
    batch = compile_responses(str(path), request=["How many reviews?", "Please provide the dates."])
    assert list(batch.answers["kind"]) == ["text", "text"]
    assert list(batch.answers["answer"]) == ["Please see attached."] * 2
