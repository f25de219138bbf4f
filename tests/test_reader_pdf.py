"""The PDF reader, checked against the corpora's gold files and against PDFs made in the test."""

from __future__ import annotations

import glob
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from foiextract.errors import CorruptFile, Encrypted, FoiExtractError, NoTextLayer
from foiextract.model import Block, Document
from foiextract.readers.pdf_layout import Line, paragraphs
from foiextract.readers import read_document
from foiextract.segment.units import units_of
from foiextract.readers.ocr import OcrSettings, ocr_settings
from foiextract.readers.pdf import read
from foiextract.readers.pdf_glyphs import color_hex, font_name_style

ROOT = Path(__file__).resolve().parent.parent
BARNET = sorted(glob.glob(str(ROOT / "corpora/barnet-scr-dhr/renditions/*.pdf")))
BARNET_MD = ROOT / "corpora/barnet-scr-dhr/barnet_6015464.md"
GOLD_PDFS = [str(ROOT / p) for p in (
    "corpora/london-scr-dhr-batch/lambeth_IR219384.pdf",
    "corpora/london-scr-dhr-batch/tower_hamlets_FOI13579.pdf",
    "corpora/singles/sheffield_FOI-21-312.pdf",
    "corpora/singles/dft_F0021345.pdf",
    "corpora/singles/sfrs_FOI-0789-21.pdf",
    "corpora/real/HumbersidePolice_hospital-crimes-mass-foi.pdf",
)] + BARNET
REAL_PDFS = sorted(glob.glob(str(ROOT / "corpora/real/*.pdf")))


def norm(text: str) -> str:
    """Whitespace collapsed and typographic quotes made plain, as verify.py compares."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def gold(pdf: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(Path(pdf).with_suffix(".gold.json").read_text("utf-8"))
    return data


def name(path: str) -> str:
    return Path(path).name


def find_run(blocks: tuple[Block, ...], text: str, start: int) -> tuple[int, int] | None:
    """The first run of consecutive blocks from ``start`` whose joined text is ``text``."""
    target = norm(text)
    for i in range(start, len(blocks)):
        joined = ""
        for j in range(i, len(blocks)):
            joined = norm(joined + " " + blocks[j].text)
            if joined == target:
                return i, j
            if not target.startswith(joined):
                break
    return None


# ------------------------------------------------------------ Barnet renditions

@pytest.fixture(scope="module", params=BARNET, ids=name)
def barnet(request: pytest.FixtureRequest) -> tuple[Document, dict[str, object]]:
    return read(request.param), gold(request.param)


def test_barnet_request_questions_are_bold_paragraphs(barnet: tuple[Document, dict]) -> None:
    doc, data = barnet
    cursor = 0
    for question in data["request"]:
        run = find_run(doc.blocks, question, cursor)
        assert run is not None, question
        assert all(b.kind == "paragraph" and b.all_bold for b in doc.blocks[run[0]:run[1] + 1])
        cursor = run[1] + 1


def test_barnet_response_questions_bold_answers_plain(barnet: tuple[Document, dict]) -> None:
    doc, data = barnet
    # the response part starts after the restated request: its last question
    cursor = find_run(doc.blocks, data["request"][-1], 0)[1] + 1  # type: ignore[index]
    italic_questions = 0
    for pair in data["pairs"]:
        run = find_run(doc.blocks, pair["question"], cursor)
        assert run is not None, pair["question"]
        question_blocks = doc.blocks[run[0]:run[1] + 1]
        assert all(b.all_bold for b in question_blocks), pair["question"]
        italic_questions += all(b.all_italic for b in question_blocks)
        cursor = run[1] + 1
        if pair["answer"] and not pair["shared"]:
            answer = find_run(doc.blocks, pair["answer"], cursor)
            assert answer is not None and answer[0] == cursor, pair["answer"]
            assert not any(s.bold for b in doc.blocks[answer[0]:answer[1] + 1] for s in b.spans)
            cursor = answer[1] + 1
    # as in the Markdown: the first group of response questions bold-italic, the rest bold
    md_bold_italic = len(re.findall(r"^\*\*\*[^*]", BARNET_MD.read_text("utf-8"), re.M))
    assert italic_questions >= 10 and md_bold_italic >= 10


def test_barnet_first_response_question_split_as_printed(barnet: tuple[Document, dict]) -> None:
    doc, data = barnet
    start = find_run(doc.blocks, data["request"][-1], 0)[1] + 1  # type: ignore[index]
    run = find_run(doc.blocks, data["pairs"][0]["question"], start)
    assert run is not None and run[1] - run[0] == 1  # two paragraphs, as the PDF shows


def test_barnet_drafting_guidance_is_italic(barnet: tuple[Document, dict]) -> None:
    doc, _ = barnet
    guidance = [norm(line.replace("*", "")) for line in
                BARNET_MD.read_text("utf-8").splitlines()
                if line.startswith("*") and not line.startswith("**")]
    assert len(guidance) >= 8
    texts = {norm(b.text): b for b in doc.blocks}
    for text in guidance:
        assert text in texts, text
        assert texts[text].all_italic, text


def test_barnet_blocks_carry_page_and_bbox(barnet: tuple[Document, dict]) -> None:
    doc, _ = barnet
    assert doc.pages == 5 and doc.format == "pdf"
    for block in doc.blocks:
        assert block.source.page is not None and 1 <= block.source.page <= 5
        x0, top, x1, bottom = block.source.bbox  # type: ignore[misc]
        assert 0 <= x0 < x1 and 0 <= top < bottom


def test_barnet_headings_keep_their_colour(barnet: tuple[Document, dict]) -> None:
    doc, _ = barnet
    colours = {s.color for b in doc.blocks for s in b.spans if norm(b.text) == "Refusal Notice"}
    assert colours and None not in colours


# ------------------------------------------------------------ gold pairs in order

def match_pairs(doc: Document, data: dict[str, object]) -> tuple[int, list[str]]:
    """How many gold pairs have question then answer in the block texts, in order."""
    text = norm(" ".join(b.text for b in doc.blocks))
    cursor, matched, missed = 0, 0, []
    for pair in data["pairs"]:  # type: ignore[attr-defined]
        question = text.find(norm(pair["question"]), cursor)
        if question < 0:
            missed.append("Q " + pair["question"])
            continue
        cursor = question + 1
        after = question + len(norm(pair["question"]))
        if pair["answer"] and text.find(norm(pair["answer"]), after) < 0:
            missed.append("A " + pair["answer"])
            continue
        matched += 1
    return matched, missed


@pytest.mark.parametrize("pdf", GOLD_PDFS, ids=name)
def test_gold_pairs_found_in_order(pdf: str) -> None:
    data = gold(pdf)
    matched, missed = match_pairs(read(pdf), data)
    assert not missed
    assert matched == len(data["pairs"])  # type: ignore[arg-type]


def test_dft_table_continues_over_page_with_empty_cell() -> None:
    doc = read(str(ROOT / "corpora/singles/dft_F0021345.pdf"))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert table.header_rows == 1
    assert [norm(c.text) for c in table.rows[0]] == ["Your request", "Our response"]
    assert sum(norm(c.text) == "Your request" for row in table.rows for c in row) == 1
    questions = [norm(q) for q in gold(str(ROOT / "corpora/singles/dft_F0021345.pdf"))["request"]]
    assert [norm(row[0].text) for row in table.rows[1:]] == questions
    empty = [row for row in table.rows if not row[1].text.strip()]
    assert len(empty) == 1 and empty[0][1].spans == ()
    assert {b.source.page for b in doc.blocks} == {1, 2}


def test_dft_list_cell_keeps_one_name_per_line() -> None:
    doc = read(str(ROOT / "corpora/singles/dft_F0021345.pdf"))
    table = next(b for b in doc.blocks if b.kind == "table")
    cell = next(row[1] for row in table.rows if "Kestrel" in row[1].text)
    assert cell.text.count("\n") == 4


def test_sheffield_ruled_table_and_footer() -> None:
    doc = read(str(ROOT / "corpora/singles/sheffield_FOI-21-312.pdf"))
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.text.startswith("Financial year | Commission paid; 2018/19 | £2,310,400")
    assert len(table.rows) == 4 and table.source.page == 1
    assert any("page" in b.text for b in doc.furniture)
    assert not any(re.search(r"page \d", b.text) for b in doc.blocks)


def test_sfrs_bold_label_then_italic_question() -> None:
    doc = read(str(ROOT / "corpora/singles/sfrs_FOI-0789-21.pdf"))
    labelled = [b for b in doc.blocks if b.text.startswith("Question ")]
    assert len(labelled) == 9
    for block in labelled:
        assert block.spans[0].bold and not block.spans[0].italic
        assert all(s.italic and not s.bold for s in block.spans[1:] if s.text.strip())


def test_humberside_tables_join_across_pages_and_letterhead_is_furniture() -> None:
    doc = read(str(ROOT / "corpora/real/HumbersidePolice_hospital-crimes-mass-foi.pdf"))
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 2
    answers = [p["answer"] for p in gold(str(ROOT / "corpora/real/"
                                             "HumbersidePolice_hospital-crimes-mass-foi.pdf"))["pairs"]]
    assert [len(t.rows) for t in tables] == [a.count("; ") + 1 for a in answers[:2]]
    assert [t.text for t in tables] == answers[:2]
    assert "HUMBERSIDE POLICE" in {b.text for b in doc.furniture}
    assert not any(b.text == "HUMBERSIDE POLICE" for b in doc.blocks)


def test_blue_answers_keep_colour() -> None:
    doc = read(str(ROOT / "corpora/real/HumbersidePolice_hospital-crimes-mass-foi.pdf"))
    assert any(s.color == "0000FF" for b in doc.blocks for s in b.spans)


# ------------------------------------------------------------ real PDFs

@pytest.mark.parametrize("pdf", REAL_PDFS, ids=name)
def test_real_pdfs_read_or_need_ocr(pdf: str) -> None:
    if pdf.endswith("_scanned.pdf"):  # read by OCR in test_ocr.py; here with OCR off
        with ocr_settings(OcrSettings(enabled=False)), pytest.raises(NoTextLayer) as err:
            read_document(pdf)
        assert err.value.kind == "no_text_layer" and "OCR" in str(err.value)
        return
    doc = read_document(pdf)
    assert doc.format == "pdf" and doc.pages and doc.blocks
    assert all(b.text.strip() and b.source.page for b in doc.blocks)


# ------------------------------------------------------------ font names

@pytest.mark.parametrize("fontname, style", [
    ("ABCDEF+Arial-BoldMT", (True, None)),
    ("Calibri-Bold", (True, None)),
    ("LiberationSans-BoldItalic", (True, True)),
    ("TimesNewRomanPS-BoldItalicMT", (True, True)),
    ("Helvetica-Oblique", (None, True)),
    ("MyriadPro-Semibold", (True, None)),
    ("Futura-Demi", (True, None)),
    ("Arial-Black", (True, None)),
    ("Avenir-Heavy", (True, None)),
    ("MinionPro-It", (None, True)),
    ("MinionPro-BoldIt", (True, True)),
    ("BCDLEE+Aptos Narrow,Bold", (True, None)),
    ("Times New Roman,Italic", (None, True)),
    ("ArialMT", (None, None)),
    ("Caladea-Regular", (False, False)),
    ("FOIRegularOnly", (None, None)),
])
def test_font_name_style(fontname: str, style: tuple[bool | None, bool | None]) -> None:
    assert font_name_style(fontname) == style


def test_color_hex() -> None:
    assert color_hex((0.0, 0.0, 1.0)) == "0000FF"
    assert color_hex((0.0,)) is None and color_hex((0, 0, 0, 1)) is None
    assert color_hex((0.3098039215, 0.5058823529, 0.7411764705)) == "4F81BD"


# ------------------------------------------------------------ PDFs made here

def make_pdf(pages: list[str]) -> bytes:
    """A minimal PDF with Helvetica as /F1 and one content stream a page."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    font = 3
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for content in pages:
        stream = content.encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{content}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {len(objects)} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_at(x: float, y: float, text: str, size: int = 12, extra: str = "") -> str:
    return f"BT /F1 {size} Tf {extra} {x} {y} Td ({text}) Tj ET\n"


def write(tmp_path: Path, data: bytes, filename: str = "made.pdf") -> str:
    path = tmp_path / filename
    path.write_bytes(data)
    return str(path)


def test_drawn_bold_slanted_italic_and_double_strike(tmp_path: Path) -> None:
    content = (
        text_at(72, 700, "Plain words here")
        + "q BT 2 Tr 0.4 w /F1 12 Tf 72 660 Td (Outlined bold words) Tj ET Q\n"
        + "BT /F1 12 Tf 1 0 0.27 1 72 620 Tm (Slanted italic words) Tj ET\n"
        + text_at(72, 580, "Struck twice") + text_at(72.4, 580, "Struck twice"))
    doc = read(write(tmp_path, make_pdf([content])))
    styles = {b.text: (b.all_bold, b.all_italic) for b in doc.blocks}
    assert styles == {"Plain words here": (False, False), "Outlined bold words": (True, False),
                      "Slanted italic words": (False, True), "Struck twice": (True, False)}


def test_borderless_question_answer_columns_become_a_table(tmp_path: Path) -> None:
    bold = "q BT 2 Tr 0.3 w /F1 11 Tf {x} {y} Td ({t}) Tj ET Q\n"
    content = (text_at(72, 720, "Our answers are set out beside your questions.", size=11)
               + bold.format(x=72, y=690, t="Question") + bold.format(x=320, y=690, t="Answer")
               + text_at(72, 665, "How many staff were", size=11)
               + text_at(320, 665, "Forty-two.", size=11)
               + text_at(72, 652, "employed in 2020?", size=11)
               + text_at(72, 627, "Do you hold a policy?", size=11)
               + text_at(320, 627, "Yes, it was adopted", size=11)
               + text_at(320, 614, "in March 2019.", size=11)
               + text_at(72, 580, "Yours sincerely,", size=11))
    doc = read(write(tmp_path, make_pdf([content])))
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "table", "paragraph"]
    table = doc.blocks[1]
    assert table.header_rows == 1
    assert table.text == ("Question | Answer; How many staff were employed in 2020? | Forty-two.; "
                          "Do you hold a policy? | Yes, it was adopted in March 2019.")


def test_text_under_black_redaction_box_is_not_read(tmp_path: Path) -> None:
    content = (text_at(72, 700, "The officer was Jane Smith today")
               + "0 0 0 rg 165 695 70 16 re f\n")
    doc = read(write(tmp_path, make_pdf([content])))
    assert "Jane" not in doc.text and "Smith" not in doc.text
    assert doc.text.startswith("The officer was")


def test_paragraph_broken_by_page_break_is_joined_and_footer_moved(tmp_path: Path) -> None:
    first = (text_at(72, 700, "Opening paragraph ends here.")
             + text_at(72, 670, "This sentence runs on to")
             + text_at(280, 40, "Page 1 of 2", size=9) + text_at(72, 770, "OFFICIAL", size=9))
    second = (text_at(72, 740, "the next page and ends there.")
              + text_at(280, 40, "Page 2 of 2", size=9) + text_at(72, 770, "OFFICIAL", size=9))
    doc = read(write(tmp_path, make_pdf([first, second])))
    assert [b.text for b in doc.blocks] == [
        "Opening paragraph ends here.", "This sentence runs on to the next page and ends there."]
    assert {b.text for b in doc.furniture} == {"Page 1 of 2", "OFFICIAL"}


def test_no_text_layer(tmp_path: Path) -> None:
    path = write(tmp_path, make_pdf(["0.5 g 72 72 400 600 re f\n"]))
    with pytest.raises(NoTextLayer) as err:
        read_document(path)
    assert err.value.kind == "no_text_layer" and "OCR" in err.value.detail


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    data = (ROOT / "corpora/singles/sheffield_FOI-21-312.pdf").read_bytes()
    for cut in (len(data) // 2, len(data) - 150, 40):
        path = write(tmp_path, data[:cut], f"cut{cut}.pdf")
        with pytest.raises(CorruptFile) as err:
            read_document(path)
        assert err.value.path == path and "Sheffield" not in str(err.value)


def test_broken_xref_reads_or_is_corrupt_never_a_traceback(tmp_path: Path) -> None:
    data = make_pdf([text_at(72, 700, "Still readable text")])
    broken = re.sub(rb"startxref\n\d+", b"startxref\n999999", data)
    try:
        doc = read(write(tmp_path, broken))
    except FoiExtractError as err:
        assert err.kind == "corrupt_file"
    else:
        assert doc.text == "Still readable text"


def test_damaged_bytes_never_a_traceback(tmp_path: Path) -> None:
    original = (ROOT / "corpora/london-scr-dhr-batch/tower_hamlets_FOI13579.pdf").read_bytes()
    rng = random.Random(312)
    for attempt in range(25):
        data = bytearray(original)
        start = rng.randrange(len(data) - 64)
        data[start:start + 64] = bytes(rng.randrange(256) for _ in range(64))
        try:
            read(write(tmp_path, bytes(data), f"damaged{attempt}.pdf"))
        except FoiExtractError as err:
            assert err.kind in ("corrupt_file", "no_text_layer")


def test_html_saved_as_pdf(tmp_path: Path) -> None:
    path = write(tmp_path, b"<!doctype html><html><body><p>Hello</p></body></html>", "page.pdf")
    with pytest.raises(CorruptFile):
        read(path)  # read_document would sniff it as HTML and never call the PDF reader


def encrypted_copy(tmp_path: Path, user: str, filename: str) -> str:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(ROOT / "corpora/singles/sheffield_FOI-21-312.pdf"))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="RC4-128")
    path = tmp_path / filename
    with open(path, "wb") as handle:
        writer.write(handle)
    return str(path)


def test_encrypted_with_user_password_raises(tmp_path: Path) -> None:
    path = encrypted_copy(tmp_path, "user-secret", "locked.pdf")
    with pytest.raises(Encrypted) as err:
        read_document(path)
    assert err.value.kind == "encrypted"


def test_encrypted_with_empty_user_password_opens(tmp_path: Path) -> None:
    path = encrypted_copy(tmp_path, "", "open.pdf")
    doc = read_document(path)
    assert any("Financial year" in b.text for b in doc.blocks)


def test_a_superscript_set_small_and_raised_is_part_of_its_line() -> None:
    # "13th October 2025" with "th" at 7pt raised above the 11pt baseline: one line, one word.
    from foiextract.readers.pdf_glyphs import Glyph
    from foiextract.readers.pdf_layout import group_lines

    def glyphs(text: str, x: float, top: float, size: float) -> list[Glyph]:
        width = size * 0.5
        return [Glyph(ch, x + n * width, x + (n + 1) * width, top, top + size, size, False, False,
                      None) for n, ch in enumerate(text)]

    line = glyphs("13", 72, 100, 11) + glyphs("th", 83, 98, 7) + glyphs("October", 93, 100, 11)
    footnote = glyphs("1", 300, 300, 7)  # a small figure standing alone far below: its own line
    lines = group_lines(line + footnote, page=1)
    assert [l.text for l in lines] == ["13th October", "1"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "B", " ", "fi", "\u200b", "1", "."]),
                          st.floats(0, 12), st.floats(0, 1.4), st.booleans(), st.booleans(),
                          st.sampled_from([None, "#ff0000"])), max_size=25))
def test_a_one_line_cell_reads_as_its_grouped_line(specs: list[tuple[str, float, float, bool, bool,
                                                                     str | None]]) -> None:
    # one_line_runs is make_line's run loop kept apart for table cells, for speed: the two must
    # give the same runs for any glyphs on one baseline.
    from foiextract.readers.pdf_glyphs import Glyph
    from foiextract.readers.pdf_layout import group_lines, one_line_runs

    glyphs, x = [], 72.0
    for text, gap, drop, bold, italic, color in specs:
        x += gap
        glyphs.append(Glyph(text, x, x + 5, 100 + drop, 110 + drop, 10, bold, italic, color))
        x += 5
    lines = group_lines(glyphs, page=1)
    runs = one_line_runs(glyphs)
    assert runs is not None
    assert runs == (list(lines[0].runs) if lines else [])


@pytest.mark.parametrize("line, opens", [
    ("a. For each year", True), ("(b) By the nature of each crime", True), ("c) What", True),
    ("12. The name", True), ("e.g. the name of the hospital", False),
    ("i.e. each year", False), ("a. and b. above", False)])
def test_a_line_opens_a_list_item_by_its_enumerator(line: str, opens: bool) -> None:
    # A line starting with an enumerator after a finished or short line opens a paragraph of
    # its own: lettered parts ("a. For each year") are not run into the lead-in above them.
    from foiextract.readers.pdf_layout import _ENUMERATOR
    assert bool(_ENUMERATOR.match(line)) is opens


def _printed(text: str, top: float, x1: float) -> Line:
    """A line of 11-point type at the left margin (72 pt), each character 5.5 pt wide."""
    first = text.split(" ", 1)[0]
    return Line([(text, False, False, None)], 72.0, x1, top, top + 11, 11.0, 5.5 * len(first), 1,
                text=text)


@pytest.mark.parametrize("lines,expected", [
    # a label opens its own paragraph under a line that stopped short, ended or not
    (["Request Number 5521", "Question:", "We understand the trust runs a shared care"],
     [["Request Number 5521"], ["Question:"], ["We understand the trust runs a shared care"]]),
    # a Symbol-font bullet (U+F0B7) opens an item under a line ending in ":"
    (["the number of:", "\uf0b7 Initial MOT passes;", "\uf0b7 MOT failures; and"],
     [["the number of:"], ["\uf0b7 Initial MOT passes;"], ["\uf0b7 MOT failures; and"]]),
    # a wrapped sentence runs on
    (["The supplier is Healthlink Systems Ltd and its records of", "patients were viewed."],
     [["The supplier is Healthlink Systems Ltd and its records of", "patients were viewed."]]),
])
def test_printed_lines_part_into_paragraphs(lines: list[str],
                                            expected: list[list[str]]) -> None:
    right = 72.0 + 5.5 * max(len(t) for t in lines)
    printed = [_printed(t, 72.0 + 13 * k, 72.0 + 5.5 * len(t)) for k, t in enumerate(lines)]
    assert [[line.text for line in group] for group in paragraphs(printed, right)] == expected


def test_a_malformed_font_leaves_no_pdfminer_chatter_on_the_terminal(tmp_path: Path) -> None:
    # Font descriptors renamed away: pdfminer warns once a font ("Could not get FontBBox …");
    # the document still reads, and the terminal shows foiextract's own summary only.
    import subprocess
    import sys

    source = (Path(__file__).resolve().parent.parent / "corpora" / "real"
              / "CumbriaPolice_hospital-crimes-mass-foi.pdf")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(source.read_bytes().replace(b"/FontDescriptor", b"/FontDescriptoX"))
    done = subprocess.run([sys.executable, "-m", "foiextract", "extract", str(broken), "-o",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "FontBBox" not in done.stderr and "1 document(s)" in done.stderr + done.stdout


def test_a_box_across_a_ruled_form_keeps_the_text_of_a_cell_drawn_inside_it(tmp_path: Path) -> None:
    """A form's rows of three cells, then a box across the table with a second box drawn
    inside its right part (as a form's "Request details" often is): every word of the lines
    running across both is kept, in order, and read as the letter's paragraphs."""
    rects = "".join(f"{x} {y} {w} {h} re S\n" for x, y, w, h in [
        (85, 662, 122, 30), (207, 662, 177, 30), (384, 662, 127, 30),
        (85, 632, 122, 30), (207, 632, 177, 30), (384, 632, 127, 30),
        (85, 452, 426, 180), (207, 612, 304, 20)])
    lines = ["I would like to request the following information about analytics:",
             "- Any contracts relating to the systems and to their suppliers.",
             "- The number of staff working on the systems in each year.",
             "- The sources of data that the systems use for their scores."]
    content = (rects + text_at(90, 672, "Received", 10) + text_at(212, 672, "3 May 2018", 10)
               + text_at(389, 672, "Ref 123", 10) + text_at(90, 642, "Due", 10)
               + text_at(212, 642, "1 June 2018", 10) + text_at(389, 642, "Open", 10)
               + "".join(text_at(90, 596 - 16 * k, line, 10) for k, line in enumerate(lines)))
    document = read_document(write(tmp_path, make_pdf([content])))
    text = " ".join(" ".join(b.text.split()) for b in document.blocks)
    for line in lines:
        assert line in text
    assert [u.text for u in units_of(document.blocks) if u.marker] == [
        line[2:] for line in lines[1:]]


def test_borderless_table_numbering_its_rows_in_a_column_of_their_own(tmp_path: Path) -> None:
    # "No. | Question | Answer" with white alone between the columns and between the rows (the
    # rows set at the leading of their lines): each number starts a row, and a question's line
    # may run up close to the answer beside it.
    from pdfminer.fontmetrics import FONT_METRICS

    def width(text: str) -> float:
        return sum(FONT_METRICS["Helvetica"][1][c] for c in text) * 11 / 1000

    close = "What was the cost of agency staff"
    answers = 110 + width(close) + 10  # less white than two ems beside that line
    rows = [("1", ["How many staff were", "employed in 2020?"], ["Forty-two."]),
            ("2", ["Do you hold a policy?"], ["Yes, it was adopted", "in March 2019."]),
            ("3", [close, "in 2021/22?"], ["£1.2m"])]
    content = text_at(72, 720, "Our answers are set out beside your questions.", size=11)
    content += (text_at(72, 695, "No.", size=11) + text_at(110, 695, "Question", size=11)
                + text_at(answers, 695, "Answer", size=11))
    y = 682
    for number, question, answer in rows:
        content += text_at(72, y, number, size=11)
        for k in range(max(len(question), len(answer))):
            if k < len(question):
                content += text_at(110, y, question[k], size=11)
            if k < len(answer):
                content += text_at(answers, y, answer[k].replace("£", "\\243"), size=11)
            y -= 13
    content += text_at(72, y - 30, "Yours sincerely,", size=11)
    doc = read(write(tmp_path, make_pdf([content])))
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]
    assert doc.blocks[1].text == (
        "No. | Question | Answer; 1 | How many staff were employed in 2020? | Forty-two.; "
        "2 | Do you hold a policy? | Yes, it was adopted in March 2019.; "
        "3 | What was the cost of agency staff in 2021/22? | £1.2m")


@pytest.mark.parametrize("above", [True, False], ids=["under-the-letter", "at-the-top"])
def test_a_line_repeated_at_one_height_is_a_running_header_only_above_the_body(
        tmp_path: Path, above: bool) -> None:
    # An e-mail's print: the reply's list starts in the top band of page 1, and the thread
    # quotes the request's list at the same height on page 2. Under the messages' own words it
    # is theirs; with nothing above it on either page it is a running header.
    opening = (text_at(72, 760, "Dear Mr Lee,") + text_at(72, 700, "Attached is the data:")) \
        if above else ""
    first = opening + text_at(72, 660, "Police Board case number") \
        + text_at(72, 400, "The data is attached to this e-mail as a spreadsheet.")
    second = (text_at(72, 740, "I would like this data for every case:") if above else "") \
        + text_at(72, 660, "Police Board case number") \
        + text_at(72, 400, "I would like the same data for all cases, please.")
    doc = read(write(tmp_path, make_pdf([first, second])))
    header = "Police Board case number"
    assert (header in {b.text for b in doc.furniture}) is not above
    assert sum(header in b.text for b in doc.blocks) == (2 if above else 0)
