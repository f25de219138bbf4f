"""Pages ruled alike are given the cells found on the first (``pdf_tables.Layouts``): the
same tables, cells and left-over glyphs as the finder gives each page on its own."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from foiextract.readers.pdf_pdfium import PdfiumPages
from foiextract.readers.pdf_tables import Layouts, _grids, find_tables

ROOT = Path(__file__).resolve().parent.parent
ANNEX = str(ROOT / "corpora/real/HertfordshirePolice_hospital-crimes-mass-foi.pdf")


def test_pages_ruled_alike_share_the_cells_found_once() -> None:
    layouts = Layouts()
    found = []
    with pdfplumber.open(ANNEX) as pdf, PdfiumPages(ANNEX, pdf.rsrcmgr) as pages:
        for index in range(4):
            read = pages.read_page(index, pdf.pages[index].page_obj)
            assert read is not None
            box = (0.0, 0.0, read.content.width, read.content.height)
            glyphs = read.content.glyphs
            alone = find_tables(read.rulings, glyphs, index + 1, box)
            shared = find_tables(read.rulings, glyphs, index + 1, box, layouts)
            assert repr(shared) == repr(alone)
            found.append(layouts.find(read.rulings, box) is not None)
    assert all(found)  # every page's cells were kept (and the later pages' were found)


def test_cells_with_a_zero_coordinate_are_not_kept() -> None:
    """Equal rulings may differ in the sign of a zero, which could show in such cells."""
    line = {"object_type": "line", "x0": 0.0, "x1": 100.0, "top": 10.0, "bottom": 10.0,
            "doctop": 10.0, "width": 100.0, "height": 0.0}
    rulings = {"line": [dict(line, top=y, bottom=y, doctop=y) for y in (0.0, 10.0, 20.0)]
               + [dict(line, x0=x, x1=x, top=0.0, bottom=20.0, width=0.0, height=20.0)
                  for x in (0.0, 50.0, 100.0)]}
    box = (0.0, 0.0, 200.0, 200.0)
    grids = _grids(rulings, box)
    assert grids and grids[0].has_zero()
    layouts = Layouts()
    layouts.keep(rulings, box, grids)
    assert layouts.find(rulings, box) is None
