"""The Word reader on small documents built here with python-docx: style chain, lists, markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx as python_docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import RGBColor

from foiextract.model import Block, Document
from foiextract.readers.docx import read

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def saved(word: Any, tmp_path: Path, name: str = "built.docx") -> Document:
    path = tmp_path / name
    word.save(str(path))
    return read(str(path))


def only(doc: Document, text: str) -> Block:
    (block,) = [b for b in doc.blocks if b.text == text]
    return block


def body_xml(word: Any, xml: str) -> None:
    """Append raw WordprocessingML to the body (before the section properties)."""
    element = parse_xml(f'<w:wrap xmlns:w="{W}" xmlns:r="{R}">{xml}</w:wrap>')
    body = word.element.body
    for child in list(element):
        body.insert(len(body) - 1, child)


def test_bold_from_paragraph_style_and_its_base(tmp_path: Path) -> None:
    word = python_docx.Document()
    question = word.styles.add_style("Question", WD_STYLE_TYPE.PARAGRAPH)
    question.font.bold = True
    sub = word.styles.add_style("Sub question", WD_STYLE_TYPE.PARAGRAPH)
    sub.base_style = question
    plain = word.styles.add_style("Not bold", WD_STYLE_TYPE.PARAGRAPH)
    plain.base_style = question
    plain.font.bold = False  # w:b w:val="0"
    p1 = word.add_paragraph("How many?", style="Question")
    word.add_paragraph("Which ones?", style="Sub question")
    word.add_paragraph("Answer in a bold-based style", style="Not bold")
    run_off = word.add_paragraph(style="Question").add_run("Direct off")
    run_off.bold = False
    assert p1.runs[0].bold is None  # python-docx cannot see style bold: the reader must
    doc = saved(word, tmp_path)
    assert only(doc, "How many?").all_bold
    assert only(doc, "Which ones?").all_bold
    assert not only(doc, "Answer in a bold-based style").spans[0].bold
    assert not only(doc, "Direct off").spans[0].bold


def test_character_style_and_toggle(tmp_path: Path) -> None:
    word = python_docx.Document()
    strong = word.styles.add_style("Answer emphasis", WD_STYLE_TYPE.CHARACTER)
    strong.font.italic = True
    strong.font.color.rgb = RGBColor(0x00, 0x70, 0xC0)
    para = word.add_paragraph("Plain then ")
    para.add_run("styled", style="Answer emphasis")
    black = word.add_paragraph().add_run("Black is no colour")
    black.font.color.rgb = RGBColor(0, 0, 0)
    doc = saved(word, tmp_path)
    spans = only(doc, "Plain then styled").spans
    assert [(s.text, s.italic, s.color) for s in spans] == [
        ("Plain then ", False, None), ("styled", True, "0070C0")]
    assert only(doc, "Black is no colour").spans[0].color is None


def test_headings_by_style(tmp_path: Path) -> None:
    word = python_docx.Document()
    word.add_heading("Letter title", level=0)
    word.add_heading("Response", level=2)
    word.add_paragraph("Body")
    doc = saved(word, tmp_path)
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 1), ("heading", 2),
                                                         ("paragraph", 0)]


NUMBERING = f"""
<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>"""


def numbered(text: str, num_id: int, ilvl: int) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
            f'</w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>')


def test_automatic_numbering_rendered_into_markers(tmp_path: Path) -> None:
    word = python_docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="91"><w:abstractNumId w:val="90"/>'
                               "</w:num>"))
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W}" w:numId="92"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'))
    items = [("One", 91, 0), ("One a", 91, 1), ("One b", 91, 1), ("One b i", 91, 2),
             ("One b ii", 91, 2), ("Two", 91, 0), ("Two a", 91, 1), ("Dot", 91, 3),
             ("Five", 92, 0), ("Three", 91, 0)]
    body_xml(word, "".join(numbered(*item) for item in items))
    doc = saved(word, tmp_path)
    assert [(b.text, b.marker, b.level) for b in doc.blocks] == [
        ("One", "1.", 1), ("One a", "(a)", 2), ("One b", "(b)", 2), ("One b i", "i)", 3),
        ("One b ii", "ii)", 3), ("Two", "2.", 1), ("Two a", "(a)", 2), ("Dot", "•", 4),
        ("Five", "5.", 1), ("Three", "3.", 1)]
    assert all(b.kind == "list_item" for b in doc.blocks)


def test_list_style_numbering_from_the_template(tmp_path: Path) -> None:
    word = python_docx.Document()
    for text in ("First", "Second"):
        word.add_paragraph(text, style="List Number")
    word.add_paragraph("Bullet", style="List Bullet")
    doc = saved(word, tmp_path)
    assert [(b.kind, b.marker) for b in doc.blocks] == [
        ("list_item", "1."), ("list_item", "2."), ("list_item", "•")]


def test_tracked_changes_content_controls_and_fields(tmp_path: Path) -> None:
    word = python_docx.Document()
    body_xml(word, """
      <w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r>
        <w:ins w:id="1" w:author="a"><w:r><w:t>inserted</w:t></w:r></w:ins>
        <w:del w:id="2" w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>
      <w:sdt><w:sdtPr/><w:sdtContent>
        <w:p><w:r><w:t xml:space="preserve">Control </w:t></w:r>
          <w:sdt><w:sdtPr/><w:sdtContent><w:r><w:rPr><w:b/></w:rPr><w:t>inline</w:t></w:r>
          </w:sdtContent></w:sdt></w:p>
      </w:sdtContent></w:sdt>
      <w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>
        <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>
        <w:r><w:fldChar w:fldCharType="end"/></w:r>
        <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r></w:p>
      <w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r></w:p>""")
    doc = saved(word, tmp_path)
    assert [b.text for b in doc.blocks] == ["Kept inserted", "Control inline", "Page 3",
                                            "Line one\nline two"]
    assert [s.bold for s in doc.blocks[1].spans] == [False, True]


def test_hyperlink_text_and_target_kept(tmp_path: Path) -> None:
    word = python_docx.Document()
    rid = word.part.relate_to("https://example.org/report", RT.HYPERLINK, is_external=True)
    body_xml(word, f"""<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>
        <w:hyperlink r:id="{rid}"><w:r><w:t>the report</w:t></w:r></w:hyperlink></w:p>""")
    doc = saved(word, tmp_path)
    assert doc.blocks[0].text == "See the report"
    assert doc.blocks[0].spans[-1].href == "https://example.org/report"


def test_header_and_footer_kept_out_of_the_body(tmp_path: Path) -> None:
    word = python_docx.Document()
    section = word.sections[0]
    section.header.paragraphs[0].text = "Council letterhead"
    section.footer.paragraphs[0].text = "OFFICIAL"
    word.add_paragraph("Body text")
    doc = saved(word, tmp_path)
    assert [b.text for b in doc.blocks] == ["Body text"]
    assert [b.text for b in doc.furniture] == ["Council letterhead", "OFFICIAL"]


def test_tables_in_body_order_with_merged_cells(tmp_path: Path) -> None:
    word = python_docx.Document()
    word.add_paragraph("Before")
    table = word.add_table(rows=3, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r}c{c}"
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    table.cell(1, 0).merge(table.cell(1, 1))  # gridSpan
    table.cell(1, 2).merge(table.cell(2, 2))  # vMerge
    table.cell(2, 1).add_paragraph("second paragraph")
    word.add_paragraph("After")
    doc = saved(word, tmp_path)
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]
    assert [b.source.paragraph for b in doc.blocks] == [1, 2, 3]
    block = doc.blocks[1]
    assert block.header_rows == 1
    assert [c.colspan for c in block.rows[1]] == [2, 1]
    assert block.rows[2][-1].text == block.rows[1][-1].text  # vertical merge repeated
    assert block.rows[2][1].text == "r2c1\nsecond paragraph"
    assert block.text.startswith("r0c0 | r0c1 | r0c2; ")


@pytest.mark.parametrize("fmt,expected", [("upperLetter", "A."), ("upperRoman", "I."),
                                          ("decimalZero", "01.")])
def test_number_formats(tmp_path: Path, fmt: str, expected: str) -> None:
    word = python_docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="80"><w:lvl w:ilvl="0">'
        f'<w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W}" w:numId="81"><w:abstractNumId w:val="80"/>'
                               "</w:num>"))
    body_xml(word, numbered("Item", 81, 0))
    assert saved(word, tmp_path).blocks[0].marker == expected


def test_table_style_makes_header_row_and_first_column_bold(tmp_path: Path) -> None:
    word = python_docx.Document()
    table = word.add_table(rows=2, cols=2, style="Light List Accent 1")  # firstRow/firstCol bold
    for r in range(2):
        for c in range(2):
            table.cell(r, c).text = f"r{r}c{c}"
    block = saved(word, tmp_path).blocks[0]
    assert [[cell.spans[0].bold for cell in row] for row in block.rows] == [[True, True],
                                                                          [True, False]]
    assert block.header_rows == 1


_BOX_NAMESPACES = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"')


def _box(*lines: str) -> str:
    return "<w:txbxContent>" + "".join(
        f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines) + "</w:txbxContent>"


def test_text_box_paragraphs_follow_their_anchor_and_are_read_once(tmp_path: Path) -> None:
    # Word writes a text box twice: as a DrawingML shape and, for older readers, as VML.
    drawn_twice = (
        "<mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:wsp><wps:txbx>"
        + _box("London Borough of Barnet", "Our ref: 6015464")
        + "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        + _box("London Borough of Barnet", "Our ref: 6015464")
        + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>")
    vml_only = "<w:pict><v:shape><v:textbox>" + _box("10 February 2020") + "</v:textbox></v:shape></w:pict>"
    element = parse_xml(
        f"<w:wrap {_BOX_NAMESPACES}>"
        f"<w:p><w:r><w:t>Dear requester</w:t></w:r><w:r>{drawn_twice}</w:r></w:p>"
        f"<w:p><w:r>{vml_only}</w:r></w:p>"
        "<w:p><w:r><w:t>How many?</w:t></w:r></w:p></w:wrap>")
    word = python_docx.Document()
    body = word.element.body
    for child in list(element):
        body.insert(len(body) - 1, child)
    doc = saved(word, tmp_path)
    assert [b.text for b in doc.blocks] == ["Dear requester", "London Borough of Barnet",
                                            "Our ref: 6015464", "10 February 2020", "How many?"]
    # A box's paragraphs stand where its anchor does.
    assert [b.source.paragraph for b in doc.blocks] == [1, 1, 1, 2, 3]
