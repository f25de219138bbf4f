"""The Dask engine against a small LocalCluster: partitioned Parquet equal to a local run, and
each Dask worker reading its documents in a few long-lived worker processes under the limits."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pandas as pd
import pytest

from foiextract.bulk import BulkOptions, Limits, run_bulk
from foiextract.tables import TABLES, conform
from foiextract.limits import MiB
from foiextract.writers import read_table

from .conftest import barnet_copies, readers_of

distributed = pytest.importorskip("distributed")

PATHS = ["corpora/london-scr-dhr-batch", "corpora/real/ChicagoCOPA_FOIA-18-060-062_response_scanned.pdf"]
NO_OCR = Limits(ocr=False)  # the scan stays the one failure; OCR is tested in test_ocr.py


def test_dask_engine_writes_partitioned_parquet_equal_to_a_local_run(tmp_path: Path) -> None:
    local = run_bulk(PATHS, str(tmp_path / "local"), "parquet",
                     BulkOptions(jobs=2, progress=False, limits=NO_OCR))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        summary = run_bulk(PATHS, str(tmp_path / "dask"), None,
                           BulkOptions(engine="dask", scheduler=cluster.scheduler_address,
                                       progress=False, chunk_rows=50, limits=NO_OCR))
    assert (summary.documents, summary.pairs) == (local.documents, local.pairs)
    assert [e["kind"] for e in summary.errors] == ["no_text_layer"]
    parts = sorted(glob.glob(str(tmp_path / "dask" / "pairs" / "part-*.parquet")))
    assert len(parts) == -(-local.pairs // 50) > 1
    for table in TABLES:
        partitioned = conform(table, pd.read_parquet(tmp_path / "dask" / table))
        expected = read_table(str(tmp_path / "local" / f"{table}.parquet"), table)
        pd.testing.assert_frame_equal(partitioned, expected)


def _in_process_cluster() -> object:
    # The Dask worker runs in this process, so its worker processes are forked from it and
    # read with the recording reader (see ``recorded`` in conftest.py).
    return distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                    dashboard_address=None)


def test_dask_engine_reads_many_documents_in_few_worker_processes(
        tmp_path: Path, recorded: Path) -> None:
    folder = barnet_copies(tmp_path, [f"doc{k:02d}.md" for k in range(12)])
    with _in_process_cluster() as cluster:
        summary = run_bulk([str(folder)], str(tmp_path / "out"), None,
                           BulkOptions(engine="dask", scheduler=cluster.scheduler_address,
                                       progress=False))
    assert summary.documents == 12 and summary.pairs == 12 * 22 and not summary.errors
    readers = readers_of(recorded)
    # One worker process for each Dask thread, not one for each document.
    assert len(readers) == 12 and len(set(readers.values())) <= 2
    assert os.getpid() not in readers.values()  # never the Dask worker itself


def test_dask_engine_a_document_that_breaks_a_limit_is_only_its_own_row(
        tmp_path: Path, recorded: Path) -> None:
    names = [f"doc{k:02d}.md" for k in range(9)] + ["crash.md", "hang.md", "hog.md"]
    folder = barnet_copies(tmp_path, names)
    limits = Limits(timeout=2.0, memory_limit=256 * MiB)
    with _in_process_cluster() as cluster:
        summary = run_bulk([str(folder)], str(tmp_path / "out"), None,
                           BulkOptions(engine="dask", scheduler=cluster.scheduler_address,
                                       progress=False, limits=limits))
    kinds = {os.path.basename(e["source"]): e["kind"] for e in summary.errors}
    assert kinds == {"hang.md": "timeout", "crash.md": "worker_crash", "hog.md": "memory_limit"}
    assert summary.documents == 9 and summary.pairs == 9 * 22
    readers = readers_of(recorded)
    # Two worker processes to start with, and a fresh one after each document that broke a limit.
    assert len(readers) == 12 and len(set(readers.values())) <= 2 + 3
