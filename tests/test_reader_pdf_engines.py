"""The pdfium glyph path reads every corpus PDF exactly as the pdfminer path does.

Each corpus PDF is extracted twice, once with ``FOIEXTRACT_PDF_ENGINE=pdfminer``
and once with ``pdfium``, and every table (documents, pairs, values,
exemptions, requests, cells, checks, errors) must come out the same, to the
last character and the last hundredth of a point of a box. Scans are left to
the pdfminer path on both (OCR off here: it would read the same pictures twice).
"""

from __future__ import annotations

import glob
from pathlib import Path

import pandas as pd
import pytest

import foiextract
from foiextract.limits import Limits

ROOT = Path(__file__).resolve().parent.parent
CORPUS_PDFS = sorted(glob.glob(str(ROOT / "corpora/**/*.pdf"), recursive=True))


def _tables(path: str, engine: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, pd.DataFrame]:
    monkeypatch.setenv("FOIEXTRACT_PDF_ENGINE", engine)
    result = foiextract.extract(path, limits=Limits(ocr=False))
    return dict(result.tables())


@pytest.mark.parametrize("pdf", CORPUS_PDFS, ids=lambda p: Path(p).name)
def test_pdfium_path_gives_the_same_tables_as_pdfminer(pdf: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    miner = _tables(pdf, "pdfminer", monkeypatch)
    fast = _tables(pdf, "pdfium", monkeypatch)
    for name, frame in miner.items():
        pd.testing.assert_frame_equal(fast[name], frame, check_exact=True, obj=name)
