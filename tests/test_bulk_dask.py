"""The Dask engine against a small LocalCluster: partitioned Parquet equal to a local run."""

from __future__ import annotations

import glob
from pathlib import Path

import pandas as pd
import pytest

from foiextract.bulk import BulkOptions, Limits, run_bulk
from foiextract.tables import TABLES, conform
from foiextract.writers import read_table

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
