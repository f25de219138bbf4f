"""Reusable workers (issue 18): a few worker processes read many documents, and a document
that breaks a limit costs its worker, never the next document."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

import foiextract.pipeline
from foiextract.bulk import BulkOptions, Limits, run_bulk
from foiextract.bulk import pool as pool_module
from foiextract.bulk.isolate import Task
from foiextract.bulk.pool import WorkerPool
from foiextract.writers import read_table

from .conftest import BARNET

_REAL_EXTRACT_FILE = foiextract.pipeline.extract_file
PIDS = "FOIEXTRACT_TEST_PIDS"


def _recording_extract_file(source: str, limits: Limits = Limits()
                            ) -> list[foiextract.pipeline.Extraction]:
    """Note which process read the document; misbehave as its name says."""
    with open(os.environ[PIDS], "a", encoding="ascii") as handle:
        handle.write(f"{os.path.basename(source)} {os.getpid()}\n")
    name = os.path.basename(source)
    if name.startswith("hang"):
        time.sleep(60)
    if name.startswith("hog"):
        hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
        del hoard
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return _REAL_EXTRACT_FILE(source, limits)


@pytest.fixture()
def recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Workers are forked from this process, so they read with the recording reader.
    monkeypatch.setattr(foiextract.pipeline, "extract_file", _recording_extract_file)
    monkeypatch.setenv(PIDS, str(tmp_path / "pids.txt"))
    return tmp_path / "pids.txt"


def _readers(pids: Path) -> dict[str, int]:
    """Which process read each document (the parent's warm-up sample left out)."""
    return {name: int(pid) for name, pid in
            (line.split() for line in pids.read_text("ascii").splitlines())
            if name != "sample.md"}


def _folder(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(BARNET, folder / name)
    return folder


def test_two_workers_read_every_document(tmp_path: Path, recorded: Path) -> None:
    folder = _folder(tmp_path, [f"doc{k:02d}.md" for k in range(12)])
    summary = run_bulk([str(folder)], str(tmp_path / "out"), "csv",
                       BulkOptions(jobs=2, progress=False))
    assert summary.documents == 12 and not summary.errors
    readers = _readers(recorded)
    assert len(readers) == 12 and len(set(readers.values())) <= 2
    assert os.getpid() not in readers.values()  # never the parent


def test_a_hang_costs_its_worker_and_only_its_own_row(tmp_path: Path, recorded: Path) -> None:
    # Read in this order (a folder is read sorted), one document at a time (jobs=1).
    names = ["a.md", "b.md", "crash.md", "d.md", "hang.md", "hog.md", "i.md", "j.md"]
    folder = _folder(tmp_path, names)
    limits = Limits(timeout=2.0, memory_limit=256 * 1024 * 1024)
    summary = run_bulk([str(folder)], str(tmp_path / "out"), "csv",
                       BulkOptions(jobs=1, progress=False, limits=limits))
    kinds = {os.path.basename(e["source"]): e["kind"] for e in summary.errors}
    assert kinds == {"hang.md": "timeout", "crash.md": "worker_crash", "hog.md": "memory_limit"}
    pairs = read_table(str(tmp_path / "out" / "pairs.csv"), "pairs")
    assert len(pairs) == 22 * 5
    readers = _readers(recorded)
    # One worker until the crash; a new one after each document that broke a limit.
    assert readers["a.md"] == readers["b.md"] == readers["crash.md"]
    assert readers["d.md"] == readers["hang.md"] != readers["crash.md"]
    assert readers["hog.md"] != readers["hang.md"]
    assert readers["i.md"] == readers["j.md"] != readers["hog.md"]


def test_a_worker_is_retired_after_its_share_of_documents(
        tmp_path: Path, recorded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "MAX_DOCUMENTS", 3)
    folder = _folder(tmp_path, [f"doc{k}.md" for k in range(7)])
    summary = run_bulk([str(folder)], str(tmp_path / "out"), "csv",
                       BulkOptions(jobs=1, progress=False))
    assert summary.documents == 7 and not summary.errors
    readers = _readers(recorded)
    assert len({readers[f"doc{k}.md"] for k in range(3)}) == 1
    assert len(set(readers.values())) == 3


def test_a_closed_pool_leaves_no_worker_behind(tmp_path: Path) -> None:
    with WorkerPool(Limits()) as workers:
        record = workers.run(Task(str(BARNET), "k"))
        (worker,) = workers._workers
        pid = worker.process.pid
    assert not record.failed and len(record.tables["pairs"]) == 22
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(RuntimeError):
        workers.run(Task(str(BARNET), "k"))
