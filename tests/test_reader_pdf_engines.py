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


def _both_engines(path: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    from foiextract.readers import read_document

    read = []
    for engine in ("pdfminer", "pdfium"):
        monkeypatch.setenv("FOIEXTRACT_PDF_ENGINE", engine)
        read.append(read_document(path))
    return read[0], read[1]


def test_pdfium_reads_text_struck_twice_as_pdfminer_does(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """pdfium drops a line drawn twice (fake bold) from its text; its characters are taken
    from the content stream, so the page stays pdfium's and the line is read once, bold."""
    import pdfplumber

    from foiextract.readers.pdf_pdfium import PdfiumPages
    from tests.test_reader_pdf import make_pdf, text_at, write

    struck = text_at(72, 580, "Struck twice") + text_at(72.4, 580, "Struck twice")
    plain = "".join(text_at(72, 700 - 14 * k, "Plain words on a line of their own")
                    for k in range(3))
    path = write(tmp_path, make_pdf([plain, plain + struck]))
    with pdfplumber.open(path) as pdf, PdfiumPages(path, pdf.rsrcmgr) as pages:
        assert pages.read_page(0, pdf.pages[0].page_obj) is not None
        assert pages.read_page(1, pdf.pages[1].page_obj) is not None
        assert not pages.fallbacks
    miner, fast = _both_engines(path, monkeypatch)
    assert fast == miner
    struck_block = [b for b in fast.blocks if "Struck" in b.text]  # type: ignore[attr-defined]
    assert struck_block[0].spans[-1].text == "Struck twice" and struck_block[0].spans[-1].bold


def test_pdfminer_reads_a_page_whose_stream_is_not_followed(tmp_path: Path) -> None:
    """Text pdfium leaves out, on a page whose content stream holds an inline image (not
    tokens this reader follows): that page is pdfminer's."""
    import pdfplumber

    from foiextract.readers.pdf_pdfium import PdfiumPages
    from tests.test_reader_pdf import make_pdf, text_at, write

    struck = text_at(72, 580, "Struck twice") + text_at(72.4, 580, "Struck twice")
    image = "q 4 0 0 4 300 300 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q\n"
    path = write(tmp_path, make_pdf([image + struck]))
    with pdfplumber.open(path) as pdf, PdfiumPages(path, pdf.rsrcmgr) as pages:
        assert pages.read_page(0, pdf.pages[0].page_obj) is None
        assert "not followed" in pages.fallbacks[1]


def test_text_drawn_outlined_without_a_line_width_is_bold_on_neither_engine(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Render mode 2 makes text bold only with a line width set by ``w``: pdfminer starts
    at 0 (pdfium at 1) and ignores an ExtGState's LW; the pdfium path reads it as pdfminer."""
    from tests.test_reader_pdf import make_pdf, text_at, write

    content = (text_at(72, 700, "Plain words here")
               + "q BT 2 Tr /F1 12 Tf 72 660 Td (Outlined with no width) Tj ET Q\n"
               + "q BT 2 Tr 0.4 w /F1 12 Tf 72 620 Td (Outlined with a width) Tj ET Q\n")
    miner, fast = _both_engines(write(tmp_path, make_pdf([content])), monkeypatch)
    assert fast == miner
    bold = {span.text: span.bold for block in fast.blocks  # type: ignore[attr-defined]
            for span in block.spans}
    assert bold.get("Outlined with no width") is False
    assert bold.get("Outlined with a width") is True


def test_engine_is_chosen_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from foiextract.readers.pdf import engine

    monkeypatch.setenv("FOIEXTRACT_PDF_ENGINE", "pdfminer")
    assert engine() == "pdfminer"
    monkeypatch.setenv("FOIEXTRACT_PDF_ENGINE", "PDFium ")
    assert engine() == "pdfium"


LIGATURE_PDFS = sorted(glob.glob(str(ROOT / "corpora/real/cold-r/CityOfAnnArbor_*.pdf")))


@pytest.mark.parametrize("pdf", LIGATURE_PDFS, ids=lambda p: Path(p).name)
def test_a_page_pdfium_cannot_place_is_placed_from_its_content_stream(pdf: str) -> None:
    """Word's "fi" ligatures in these letters draw ink past their advance, so pdfium's text
    page cannot give the advance pdfminer reads: the page's glyphs are placed from the
    character codes in its content stream instead, and no page is left to pdfminer
    (the tables they give are compared with pdfminer's above)."""
    import pdfplumber

    from foiextract.readers.pdf_pdfium import PdfiumPages

    with pdfplumber.open(pdf) as opened, PdfiumPages(pdf, opened.rsrcmgr) as pages:
        read = [pages.read_page(k, page.page_obj) for k, page in enumerate(opened.pages)]
        assert pages.fallbacks == {}
        assert all(page is not None and page.content.glyphs for page in read)



@pytest.mark.parametrize("pdf", CORPUS_PDFS, ids=lambda p: Path(p).name)
def test_the_pdfium_path_reads_each_font_as_pdfminer_builds_it(pdf: str) -> None:
    """FontFacts, read from a font's dictionary, says what pdfminer's font object says:
    name, kind, direction, bold and italic, descent, whole widths and marks."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdffont import PDFType3Font
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFObjRef, dict_value

    from foiextract.readers.pdf_fonts import FontFacts, _marks
    from foiextract.readers.pdf_glyphs import font_style

    with open(pdf, "rb") as handle:
        for page in PDFPage.create_pages(PDFDocument(PDFParser(handle))):
            for name, spec in dict_value(dict_value(page.resources).get("Font")).items():
                objid = spec.objid if isinstance(spec, PDFObjRef) else None
                spec = dict_value(spec)
                try:
                    miner = PDFResourceManager(caching=False).get_font(objid, spec)
                except Exception:  # noqa: BLE001 - a font pdfminer cannot build: both skip it
                    with pytest.raises(Exception):
                        FontFacts(PDFResourceManager(caching=False), objid, spec)
                    continue
                facts = FontFacts(PDFResourceManager(caching=False), objid, spec)
                assert facts.basefont == getattr(miner, "basefont", "unknown"), name
                assert facts.type3 == isinstance(miner, PDFType3Font), name
                assert facts.is_vertical() == miner.is_vertical(), name
                assert facts.whole_widths() == all(
                    not isinstance(w, float) or w.is_integer() for w in miner.widths.values()
                ), name
                assert facts.marks() == _marks(miner), name
                if not facts.type3:
                    assert font_style(facts) == font_style(miner), name
                    assert facts.get_descent() == miner.get_descent(), name
