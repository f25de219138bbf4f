"""Bulk runs: same tables as a one-shot run, whatever the jobs, resumable, isolated."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import foiextract.pipeline
from foiextract.bulk import BulkOptions, Limits, run_bulk
from foiextract.bulk.progress import Progress
from foiextract.cli import main
from foiextract.pipeline import extract
from foiextract.tables import TABLES
from foiextract.writers import read_table

from .conftest import BARNET, CORPORA, misbehaving_extract_file

# One document of every format, plus a failure (a scan, OCR off), so every table has rows.
MIXED = ["corpora/singles", "corpora/london-scr-dhr-batch/hackney_FOI20-0188.docx",
         "corpora/real/ChicagoCOPA_FOIA-18-060-062_response_scanned.pdf"]
# Scans are read by OCR in tests/test_ocr.py; here the scan stays the one failure.
NO_OCR = Limits(ocr=False)


def _bytes(folder: Path, fmt: str) -> dict[str, bytes]:
    return {t: (folder / f"{t}.{fmt}").read_bytes() for t in TABLES}


def _options(**kw: object) -> BulkOptions:
    options = {"jobs": 2, "progress": False, "limits": NO_OCR, **kw}
    return BulkOptions(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_bulk_writes_the_bytes_a_one_shot_run_writes(tmp_path: Path, fmt: str) -> None:
    extract(MIXED, limits=NO_OCR).write(tmp_path / "one", fmt)
    summary = run_bulk(MIXED, str(tmp_path / "bulk"), fmt, _options())
    assert _bytes(tmp_path / "bulk", fmt) == _bytes(tmp_path / "one", fmt)
    assert summary.documents == 13 and summary.failed
    assert [e["kind"] for e in summary.errors] == ["no_text_layer"]


def test_bulk_to_sqlite_gives_the_one_shot_file(tmp_path: Path) -> None:
    extract(MIXED, limits=NO_OCR).write(tmp_path / "one.db")
    run_bulk(MIXED, str(tmp_path / "bulk.db"), None, _options())
    assert (tmp_path / "bulk.db").read_bytes() == (tmp_path / "one.db").read_bytes()
    assert (tmp_path / ".bulk.db.foiextract" / "manifest.jsonl").is_file()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "sqlite"])
def test_tables_written_in_small_chunks_equal_one_piece(tmp_path: Path, fmt: str) -> None:
    # Chunks of 7 rows: every table is merged from many parts and written in many pieces.
    out = "one.db" if fmt == "sqlite" else "one"
    run_bulk(MIXED, str(tmp_path / out), fmt, _options())
    chunked = "chunked.db" if fmt == "sqlite" else "chunked"
    run_bulk(MIXED, str(tmp_path / chunked), fmt, _options(chunk_rows=7))
    if fmt == "sqlite":
        assert (tmp_path / chunked).read_bytes() == (tmp_path / out).read_bytes()
    else:
        assert _bytes(tmp_path / chunked, fmt) == _bytes(tmp_path / out, fmt)


def test_parquet_in_row_groups_reads_back_the_same_tables(tmp_path: Path) -> None:
    run_bulk(MIXED, str(tmp_path / "one"), "parquet", _options())
    run_bulk(MIXED, str(tmp_path / "chunked"), "parquet", _options(chunk_rows=7))
    for table in TABLES:
        pd.testing.assert_frame_equal(read_table(str(tmp_path / "chunked" / f"{table}.parquet"), table),
                                      read_table(str(tmp_path / "one" / f"{table}.parquet"), table))


def test_jobs_1_and_jobs_2_give_byte_identical_tables(tmp_path: Path) -> None:
    paths = ["corpora/singles", "corpora/london-scr-dhr-batch", "corpora/real/SheffieldCC_wdtk_common_surnames_23.txt"]
    run_bulk(paths, str(tmp_path / "j1"), "csv", _options(jobs=1))
    run_bulk(paths, str(tmp_path / "j2"), "csv", _options(jobs=2))
    assert _bytes(tmp_path / "j1", "csv") == _bytes(tmp_path / "j2", "csv")


def test_a_second_run_skips_what_is_done_and_retries_only_failures(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    first = run_bulk(MIXED, out, "csv", _options())
    assert (first.read, first.skipped) == (14, 0)
    before = _bytes(Path(out), "csv")
    again = run_bulk(MIXED, out, "csv", _options())
    assert (again.read, again.skipped) == (0, 14)
    retried = run_bulk(MIXED, out, "csv", _options(retry_failed=True))
    assert (retried.read, retried.skipped) == (1, 13)
    assert _bytes(Path(out), "csv") == before
    runs = (Path(out) / ".foiextract" / "runs.jsonl").read_text().splitlines()
    assert len(runs) == 3


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    shutil.copy(BARNET, doc)
    run_bulk([str(doc)], str(tmp_path / "out"), "csv", _options())
    doc.write_text(doc.read_text("utf-8").replace("Barnet", "Camden"), "utf-8")
    summary = run_bulk([str(doc)], str(tmp_path / "out"), "csv", _options())
    assert summary.read == 1
    pairs = read_table(str(tmp_path / "out" / "pairs.csv"), "pairs")
    assert not pairs["answer"].str.contains("Barnet").any()


def _copies(folder: Path, n: int) -> None:
    sources = sorted(p for p in (CORPORA / "singles").iterdir() if p.suffix in (".md", ".txt", ".html"))
    folder.mkdir()
    for k in range(n):
        source = sources[k % len(sources)]
        data = source.read_bytes() + f"\n\n<!-- copy {k} -->\n".encode()
        (folder / f"{k:03d}_{source.name}").write_bytes(data)


def test_a_run_killed_half_way_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _copies(docs, 60)
    clean = tmp_path / "clean"
    run_bulk([str(docs)], str(clean), "csv", _options())
    out = tmp_path / "killed"
    command = [sys.executable, "-c", "from foiextract.cli import main; main()", "extract",
               str(docs), "-o", str(out), "--jobs", "1", "--no-progress", "--no-ocr"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    parts = out / ".foiextract" / "parts"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(parts.rglob("*.json"))) < 10:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    done = len(list(parts.rglob("*.json")))
    assert 10 <= done < 60 and not (out / "pairs.csv").exists()
    resumed = run_bulk([str(docs)], str(out), "csv", _options())
    assert resumed.skipped == done and resumed.read == 60 - done
    assert _bytes(out, "csv") == _bytes(clean, "csv")


def test_a_hang_a_memory_hog_and_a_crash_are_recorded_and_the_run_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Children are forked from this process, so they read with the misbehaving reader.
    monkeypatch.setattr(foiextract.pipeline, "extract_file", misbehaving_extract_file)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("hang.md", "hog.md", "crash.md", "good.md"):
        shutil.copy(BARNET, folder / name)
    limits = Limits(timeout=2.0, memory_limit=256 * 1024 * 1024)
    started = time.monotonic()
    summary = run_bulk([str(folder)], str(tmp_path / "out"), "csv", _options(limits=limits))
    assert time.monotonic() - started < 20
    kinds = {os.path.basename(e["source"]): e["kind"] for e in summary.errors}
    assert kinds == {"hang.md": "timeout", "hog.md": "memory_limit", "crash.md": "worker_crash"}
    pairs = read_table(str(tmp_path / "out" / "pairs.csv"), "pairs")
    assert set(pairs["source"]) == {str(folder / "good.md")} and len(pairs) == 22
    assert "SIGSEGV" in next(e["message"] for e in summary.errors if e["kind"] == "worker_crash")


def test_limits_checked_before_parsing(tmp_path: Path) -> None:
    pdf = "corpora/london-scr-dhr-batch/lambeth_IR219384.pdf"  # 4 pages
    docx = "corpora/singles/bristol_CRN00451233.docx"
    big = "corpora/real/SheffieldCC_wdtk_freedom_of_information_request_r_179.txt"
    limits = Limits(max_pages=3, max_members=3, max_bytes=os.path.getsize(big) - 1)
    summary = run_bulk([pdf, docx, big], str(tmp_path / "out"), "csv", _options(limits=limits))
    messages = {e["source"]: (e["kind"], e["message"]) for e in summary.errors}
    assert messages[pdf] == ("too_large", f"{pdf}: the PDF has more than 3 pages")
    assert messages[docx] == ("too_large", f"{docx}: the archive has more than 3 members")
    assert messages[big][0] == "too_large"


def test_progress_line_shows_done_failed_and_rate_and_clears_itself() -> None:
    stream = io.StringIO()
    progress = Progress(2, stream=stream, enabled=True)
    progress.update(failed=True)
    progress.update(failed=False)
    progress.close()
    text = stream.getvalue()
    assert "2/2 documents, 1 failed" in text and "docs/s" in text and text.endswith("\r")


def test_cli_extract_is_quiet_when_not_a_terminal_and_exits_1_on_failures(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", *MIXED, "-o", str(tmp_path / "out"),
                                       "--jobs", "2", "--timeout", "30", "--memory-limit", "1G",
                                       "--no-ocr"])
    assert result.exit_code == 1, result.output
    assert "\r" not in result.output
    assert result.output.splitlines()[0].startswith("13 document(s), ")
    assert result.output.count("error: ") == 1


def test_cli_rejects_a_bad_memory_limit(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(BARNET), "-o", str(tmp_path / "o"),
                                       "--memory-limit", "lots"])
    assert result.exit_code == 2 and "not a size" in result.output
