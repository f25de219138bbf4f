"""The Word reader: corpus documents against their gold, the style chain, and bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from foiextract.model import Block
from foiextract.readers import read_document
from foiextract.readers.convert import find_soffice
from foiextract.readers.docx import read

from .conftest import folded as flat
from .conftest import found_in_order

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) absent")

GOLD_DOCUMENTS = [
    pytest.param("barnet-scr-dhr/renditions/barnet_6015464.docx", id="barnet"),
    pytest.param("london-scr-dhr-batch/hackney_FOI20-0188.docx", id="hackney"),
    pytest.param("singles/nnuh_FOI-2021-0872.docx", id="nnuh"),
    pytest.param("singles/essex_ECC-FOI-14433.docx", id="essex"),
    pytest.param("singles/bristol_CRN00451233.docx", id="bristol"),
    pytest.param("real/BirminghamCC_cipfa-library-stats.docx", id="birmingham"),
    pytest.param("real/BarnsleyMBC_cipfa-library-stats.doc", id="barnsley-doc",
                 marks=needs_soffice),
]


@pytest.mark.parametrize("name", GOLD_DOCUMENTS)
def test_gold_texts_found_in_order(name: str) -> None:
    path = CORPORA / name
    gold = json.loads(path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json").read_text())
    doc = read(str(path))
    found, missing = found_in_order(doc, gold)
    assert missing == []
    assert found == len(gold["request"]) + 2 * len(gold["pairs"])
    assert doc.format == "docx" and doc.source == str(path)


def _markdown_paragraphs(text: str) -> list[tuple[str, str]]:
    """(style class, text key) of each paragraph of a simple Markdown letter."""
    found = []
    for para in re.split(r"\n\s*\n", text.strip()):
        para = para.strip()
        if para.startswith("#"):
            cls = "heading"
        elif re.fullmatch(r"\*\*\*[^*].*\*\*\*", para, re.DOTALL):
            cls = "bold_italic"
        elif re.fullmatch(r"\*\*[^*].*\*\*", para, re.DOTALL):
            cls = "bold"
        elif re.fullmatch(r"\*[^*].*\*", para, re.DOTALL):
            cls = "italic"
        else:
            cls = "plain"
        para = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", para)
        found.append((cls, _key(para)))
    return found


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())[:40]


def _block_class(block: Block) -> str:
    if block.kind == "heading":
        return "heading"
    if block.all_bold:
        return "bold_italic" if block.all_italic else "bold"
    return "italic" if block.all_italic else "plain"


def test_barnet_docx_has_the_markdown_paragraph_structure() -> None:
    markdown = (CORPORA / "barnet-scr-dhr/barnet_6015464.md").read_text(encoding="utf-8")
    doc = read(str(CORPORA / "barnet-scr-dhr/renditions/barnet_6015464.docx"))
    expected = _markdown_paragraphs(markdown)
    got = [(_block_class(b), _key(b.text)) for b in doc.blocks]
    assert got == expected
    assert {cls for cls, _ in got} == {"heading", "bold", "bold_italic", "italic", "plain"}


def test_hackney_table_has_header_row_and_two_paragraph_cell() -> None:
    doc = read(str(CORPORA / "london-scr-dhr-batch/hackney_FOI20-0188.docx"))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert table.header_rows == 1
    assert [c.text for c in table.rows[0]] == ["Question", "Answer"]
    assert all(len(row) == 2 for row in table.rows)
    assert any("\n" in cell.text for row in table.rows for cell in row)
    # the table stands between the intro paragraph and the s22 heading, in XML order
    kinds = [b.kind for b in doc.blocks]
    assert kinds.index("table") == next(
        i for i, b in enumerate(doc.blocks) if "Please find our response" in b.text) + 1


def test_nnuh_headings_and_table_by_quarter() -> None:
    doc = read(str(CORPORA / "singles/nnuh_FOI-2021-0872.docx"))
    gold = json.loads((CORPORA / "singles/nnuh_FOI-2021-0872.gold.json").read_text())
    headings: dict[int, list[str]] = {b.level: [] for b in doc.blocks if b.kind == "heading"}
    for block in doc.blocks:
        if block.kind == "heading":
            headings[block.level].append(block.text)
    assert [flat(q) for q in headings[3]] == [flat(p["question"]) for p in gold["pairs"]]
    assert any("Complaints" in text for text in headings[2])
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.header_rows == 1 and len(table.rows) == 3
    assert [b.marker for b in doc.blocks if b.kind == "list_item"] == ["•"] * 4


def test_essex_blue_answers_and_letterhead_in_furniture() -> None:
    doc = read(str(CORPORA / "singles/essex_ECC-FOI-14433.docx"))
    gold = json.loads((CORPORA / "singles/essex_ECC-FOI-14433.gold.json").read_text())
    blue = [b for b in doc.blocks if all(s.color for s in b.spans if s.text.strip())]
    assert blue and {s.color for b in blue for s in b.spans} == {"0070C0"}
    first_answers = [flat(p["answer"]).split(". ")[0] for p in gold["pairs"]]
    blue_text = " ".join(flat(b.text) for b in blue)
    assert all(answer in blue_text for answer in first_answers)
    assert [b.marker for b in blue if b.kind == "list_item"] == ["•"] * 4
    assert any("Essex County Council" == b.text for b in doc.furniture)
    assert not any(b.text in {f.text for f in doc.furniture} - {"Essex County Council"}
                   for b in doc.blocks)


def test_bristol_drafting_notes_italic_and_three_column_table() -> None:
    doc = read(str(CORPORA / "singles/bristol_CRN00451233.docx"))
    notes = [b for b in doc.blocks if b.text.startswith("[")]
    assert len(notes) == 3 and all(b.all_italic and not b.all_bold for b in notes)
    table = next(b for b in doc.blocks if b.kind == "table")
    assert {len(row) for row in table.rows} == {3} and table.header_rows == 1


@needs_soffice
def test_vosa_doc_is_converted_with_its_bullets() -> None:
    doc = read_document(CORPORA / "real/VOSA_MOT-make-model-BBC-Rosenbaum.doc")
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == ["Initial MOT passes;", "MOT failures; and",
                                       "a list of reasons for failures"]
    assert any(b.text == "FREEDOM OF INFORMATION ACT 2000" and b.all_bold for b in doc.blocks)


def test_reading_twice_gives_equal_documents() -> None:
    path = str(CORPORA / "singles/essex_ECC-FOI-14433.docx")
    assert read(path) == read(path)
