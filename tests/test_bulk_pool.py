"""Reusable workers (issue 18): a few worker processes read many documents, and a document
that breaks a limit costs its worker, never the next document."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from foiextract.bulk import BulkOptions, Limits, run_bulk
from foiextract.bulk import pool as pool_module
from foiextract.bulk.isolate import Task
from foiextract.bulk.pool import WorkerPool
from foiextract.writers import read_table

from .conftest import BARNET, barnet_copies, readers_of


def test_two_workers_read_every_document(tmp_path: Path, recorded: Path) -> None:
    folder = barnet_copies(tmp_path, [f"doc{k:02d}.md" for k in range(12)])
    summary = run_bulk([str(folder)], str(tmp_path / "out"), "csv",
                       BulkOptions(jobs=2, progress=False))
    assert summary.documents == 12 and not summary.errors
    readers = readers_of(recorded)
    assert len(readers) == 12 and len(set(readers.values())) <= 2
    assert os.getpid() not in readers.values()  # never the parent


def test_a_hang_costs_its_worker_and_only_its_own_row(tmp_path: Path, recorded: Path) -> None:
    # Read in this order (a folder is read sorted), one document at a time (jobs=1).
    names = ["a.md", "b.md", "crash.md", "d.md", "hang.md", "hog.md", "i.md", "j.md"]
    folder = barnet_copies(tmp_path, names)
    limits = Limits(timeout=2.0, memory_limit=256 * 1024 * 1024)
    summary = run_bulk([str(folder)], str(tmp_path / "out"), "csv",
                       BulkOptions(jobs=1, progress=False, limits=limits))
    kinds = {os.path.basename(e["source"]): e["kind"] for e in summary.errors}
    assert kinds == {"hang.md": "timeout", "crash.md": "worker_crash", "hog.md": "memory_limit"}
    pairs = read_table(str(tmp_path / "out" / "pairs.csv"), "pairs")
    assert len(pairs) == 22 * 5
    readers = readers_of(recorded)
    # One worker until the crash; a new one after each document that broke a limit.
    assert readers["a.md"] == readers["b.md"] == readers["crash.md"]
    assert readers["d.md"] == readers["hang.md"] != readers["crash.md"]
    assert readers["hog.md"] != readers["hang.md"]
    assert readers["i.md"] == readers["j.md"] != readers["hog.md"]


def test_a_worker_is_retired_after_its_share_of_documents(
        tmp_path: Path, recorded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "MAX_DOCUMENTS", 3)
    folder = barnet_copies(tmp_path, [f"doc{k}.md" for k in range(7)])
    summary = run_bulk([str(folder)], str(tmp_path / "out"), "csv",
                       BulkOptions(jobs=1, progress=False))
    assert summary.documents == 7 and not summary.errors
    readers = readers_of(recorded)
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


def test_a_worker_killed_while_idle_costs_no_document() -> None:
    # On a Dask worker a pool outlives runs: its workers may die between documents (the OOM
    # killer, stop_all after an interrupted run). The next document is not to blame.
    with WorkerPool(Limits()) as workers:
        assert not workers.run(Task(str(BARNET), "k")).failed
        (worker,) = workers._workers
        os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.join(5)
        record = workers.run(Task(str(BARNET), "k"))
        (replacement,) = workers._workers
    assert not record.failed and len(record.tables["pairs"]) == 22
    assert replacement is not worker


def test_the_worker_of_a_thread_that_ended_is_stopped() -> None:
    with WorkerPool(Limits()) as workers:
        reader = threading.Thread(target=workers.run, args=(Task(str(BARNET), "k"),))
        reader.start()
        reader.join()
        (orphan,) = workers._workers
        pid = orphan.process.pid
        assert not workers.run(Task(str(BARNET), "k")).failed
        assert list(workers._workers.values()) == [threading.current_thread()]
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the ended thread's worker is still running")
