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


def test_pdfminer_reads_a_page_pdfium_leaves_text_out_of(tmp_path: Path) -> None:
    """pdfium drops a line drawn twice (fake bold) from its text: that page is pdfminer's,
    and the line is still read once, bold."""
    import pdfplumber

    from foiextract.readers.pdf_pdfium import PdfiumPages
    from tests.test_reader_pdf import make_pdf, text_at, write

    struck = text_at(72, 580, "Struck twice") + text_at(72.4, 580, "Struck twice")
    plain = "".join(text_at(72, 700 - 14 * k, "Plain words on a line of their own")
                    for k in range(3))
    path = write(tmp_path, make_pdf([plain, plain + struck]))
    with pdfplumber.open(path) as pdf, PdfiumPages(path, pdf.rsrcmgr) as pages:
        assert pages.read_page(0, pdf.pages[0].page_obj) is not None
        assert pages.read_page(1, pdf.pages[1].page_obj) is None
        assert "struck twice" in pages.fallbacks[2]


def test_engine_is_chosen_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from foiextract.readers.pdf import engine

    monkeypatch.setenv("FOIEXTRACT_PDF_ENGINE", "pdfminer")
    assert engine() == "pdfminer"
    monkeypatch.setenv("FOIEXTRACT_PDF_ENGINE", "PDFium ")
    assert engine() == "pdfium"
