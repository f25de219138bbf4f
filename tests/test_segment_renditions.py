"""A reply reads the same whether it comes as plain text, a web page, a Word file or a PDF.

An authority's e-mail reaches a journalist as the text a request platform shows, as the
HTML its mail program sent (its lines set with ``<br>``, a ``<p>`` a paragraph; or a ``<p>`` a
line, as Outlook saves it as a web page), pasted
into Word a paragraph a line, or that Word file printed to PDF (by LibreOffice here: those
cases skip without it). Each case takes a tuned real reply e-mail, renders it so,
and scores the rendition against the same gold: no pair found in the text may be lost,
and no value read right may go wrong. Likewise the tuned Word letters printed to PDF must
read as their Word files do (most letters published as PDFs were saved from Word), and a
tuned letter's questions and answers set in a two-column Word table, ruled or borderless and
printed to PDF, must read as that Word table does, rows a page break cut in two and web
addresses broken over lines included.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from foiextract.readers import read_document
from foiextract.readers.convert import find_soffice

from .metamorphic import assert_reads_as_well, gold_of, read_right, score_as

ROOT = Path(__file__).resolve().parent.parent


def _html_lines(text: str, path: Path) -> None:
    """A ``<p>`` a paragraph, its lines set with ``<br>``, as a mail program sends plain text."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = "\n".join("<p>" + "<br>\n".join(html.escape(line) for line in p.split("\n")) + "</p>"
                     for p in paragraphs)
    path.write_text(f"<html><body>\n{body}\n</body></html>\n", "utf-8")


def _html_paragraph_lines(text: str, path: Path) -> None:
    """A ``<p>`` a line, as Outlook saves a plain-text e-mail as a web page."""
    body = "\n".join(f'<p class="MsoPlainText">{html.escape(line)}</p>'
                     for line in text.split("\n") if line.strip())
    path.write_text(f"<html><body>\n{body}\n</body></html>\n", "utf-8")


def _word_lines(text: str, path: Path) -> None:
    """A Word paragraph a line, as an e-mail pasted into Word gives it."""
    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(str(path))


RENDITIONS: dict[str, tuple[str, Callable[[str, Path], None]]] = {
    "html_lines": (".html", _html_lines),
    "html_paragraph_lines": (".html", _html_paragraph_lines),
    "word_lines": (".docx", _word_lines),
    "word_lines_pdf": (".pdf", lambda text, path: None),  # made by printed_letters, at once
}

# Tuned reply e-mails (not threads): questions restated with answers beneath or on their
# line, bullets nested under questions, a refusal among answers, figures by period, a table
# drawn with box characters whose header asks the questions.
LETTERS = [
    "corpora/real/cold-a/SheffieldCC_wdtk_email-security-26_response.txt",
    "corpora/real/cold-a/SheffieldCC_wdtk_gas-electricity-supply-9_response.txt",
    "corpora/real/cold-d/SheffieldCC_wdtk_playground-closures-281_response.txt",
    "corpora/real/cold-g/SheffieldCC_wdtk_dog-breeding-licences-230_response.txt",
    "corpora/real/cold-g/SheffieldCC_wdtk_tutoring-funding-25_response.txt",
    "corpora/real/cold-h/SheffieldCC_wdtk_snug-scheme_response.txt",
    "corpora/real/cold-i/SheffieldCC_wdtk_live-video-streaming-via-cellula-376_response.txt",
    "corpora/real/cold-k/SheffieldCC_wdtk_definitive-map-modification-orders-143_response.txt",
    "corpora/real/cold-n/SheffieldCC_wdtk_ai-in-organisation-9_response.txt",
    "corpora/real/cold-n/SheffieldCC_wdtk_council-house-waiting-lists-281_response.txt",
    "corpora/real/cold-n/SheffieldCC_wdtk_council-tax-summons-18_response.txt",
    "corpora/real/cold-f/SheffieldCC_wdtk_survey-tools-300_response.txt",  # a box-drawn table
]


def _print_to_pdf(documents: list[Path], work: Path) -> None:
    """Print Word files to PDF in ``work``, all in one LibreOffice run (skip without it)."""
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF is printed from Word")
    subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}",
                    "--headless", "--norestore", "--nologo", "--convert-to", "pdf",
                    "--outdir", str(work), *map(str, documents)],
                   check=True, capture_output=True, timeout=600,
                   env=dict(os.environ, HOME=str(work)))


@pytest.fixture(scope="module")
def printed_letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each letter's Word rendition printed to PDF."""
    work = tmp_path_factory.mktemp("printed")
    for letter in LETTERS:
        source = ROOT / letter
        _word_lines(source.read_text("utf-8"), work / (source.stem + ".docx"))
    _print_to_pdf(sorted(work.glob("*.docx")), work)
    return work


# What is not read the same yet, and why (strict: a case that comes right fails until it is
# taken off this list).
GAPS = {
    ("cold-f/SheffieldCC_wdtk_survey-tools-300_response.txt", "word_lines_pdf"):
        "a table drawn with box characters, printed to PDF, reads as lines of glyphs",
    ("cold-g/SheffieldCC_wdtk_dog-breeding-licences-230_response.txt", "word_lines_pdf"):
        "one of 15 pairs: a bullet run on from the line above in the print",
}


def _cases() -> list[Any]:
    cases = []
    for letter in LETTERS:
        for rendition in sorted(RENDITIONS):
            gap = GAPS.get((letter.split("real/", 1)[1], rendition))
            marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
            cases.append(pytest.param(letter, rendition, marks=marks,
                                      id=f"{Path(letter).stem[:40]}-{rendition}"))
    return cases


@pytest.mark.parametrize("letter,rendition", _cases())
def test_rendition_reads_the_same(letter: str, rendition: str, tmp_path: Path,
                                  request: pytest.FixtureRequest) -> None:
    source = ROOT / letter
    suffix, render = RENDITIONS[rendition]
    rendered = tmp_path / (source.stem + suffix)
    if rendition == "word_lines_pdf":
        printed: Path = request.getfixturevalue("printed_letters")
        rendered.write_bytes((printed / rendered.name).read_bytes())
    else:
        render(source.read_text("utf-8"), rendered)
    assert_reads_as_well(score_as(source, rendered), read_right(source))


# Tuned Word letters, and their gold: printed to PDF, each must read as its Word file does.
WORD_LETTERS = [
    "corpora/barnet-scr-dhr/renditions/barnet_6015464.docx",
    "corpora/london-scr-dhr-batch/hackney_FOI20-0188.docx",
    "corpora/patterns/boxed_letter.docx",
    "corpora/patterns/wrapped_email.docx",
    "corpora/singles/bristol_CRN00451233.docx",
    "corpora/singles/essex_ECC-FOI-14433.docx",
    "corpora/singles/nnuh_FOI-2021-0872.docx",
    "corpora/real/VOSA_MOT-make-model-BBC-Rosenbaum.doc",
    "corpora/real/batch3/DurhamPolice_DC-FOI-295-18_experian-mosaic.docx",
    "corpora/real/batch3/DurhamPolice_DC-FOI-59-18_HART.docx",
    "corpora/real/more/DurhamPolice_DC-FOI-422-18_data-analytics.docx",
    "corpora/real/more/EssexCC_ECC4537301_data-analytics-s12.docx",
    "corpora/real/more/GMCA_GM-0259_data-analytics.docx",
    "corpora/real/more/GwentPolice_qlikview-djl.docx",
    "corpora/real/more/KentCC_FOI-1189733_integrated-dataset.docx",
    "corpora/real/more/SuffolkCC_16079_connect-measure-software.doc",
    "corpora/real/more/data-analytics-batch/BristolCC_CRN00166467_data-analytics-review.docx",
    "corpora/real/more/data-analytics-batch/SuffolkCC_data-analytics-djl-16274.doc",
]

PRINT_GAPS = {
    "barnet_6015464.docx": "one value of 22",
    "boxed_letter.docx": "a short letter in a box: its few full lines set the right margin "
                         "short, so 'Response:' runs on from the line above",
    "nnuh_FOI-2021-0872.docx": "one value of 8",
    "BristolCC_CRN00166467_data-analytics-review.docx": "two pairs of 10",
    "SuffolkCC_data-analytics-djl-16274.doc": "one pair of 11",
}


@pytest.fixture(scope="module")
def printed_word_letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each Word letter printed to PDF."""
    work = tmp_path_factory.mktemp("printed-word")
    _print_to_pdf([ROOT / letter for letter in WORD_LETTERS], work)
    return work


# Not strict: where a print breaks its lines depends on the LibreOffice and the fonts
# installed (the Suffolk letter reads whole printed by LibreOffice 7.4.7 with Debian's fonts).
@pytest.mark.parametrize("letter", [
    pytest.param(letter, id=Path(letter).stem[:40], marks=[pytest.mark.xfail(
        strict=False, reason=PRINT_GAPS[Path(letter).name])] if Path(letter).name in PRINT_GAPS
        else []) for letter in WORD_LETTERS])
def test_a_word_letter_printed_to_pdf_reads_as_the_word_file(
        letter: str, tmp_path: Path, printed_word_letters: Path) -> None:
    source = ROOT / letter
    printed = tmp_path / (source.stem + ".pdf")
    printed.write_bytes((printed_word_letters / printed.name).read_bytes())
    assert_reads_as_well(score_as(source, printed), read_right(source))


def _qa_table(gold: dict[str, Any], path: Path, ruled: bool) -> None:
    """The letter's questions and answers set as a two-column Word table under a "Your
    request" / "Our response" header, ruled or with no borders at all, as many authorities
    lay out their replies."""
    document = docx.Document()
    document.add_paragraph("Dear Requester,")
    document.add_paragraph("Thank you for your request for information, which we have dealt "
                           "with under the Freedom of Information Act 2000.")
    table = document.add_table(rows=1, cols=2)
    if ruled:
        table.style = "Table Grid"
    else:
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            rule = OxmlElement(f"w:{edge}")
            rule.set(qn("w:val"), "nil")
            borders.append(rule)
        table._tbl.tblPr.append(borders)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Your request", "Our response"
    for pair in gold["pairs"]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = pair["question"], pair["answer"]
    document.add_paragraph("Yours sincerely,")
    document.save(str(path))


# Tuned letters whose answers, set in a table, run over a page break: a row Word lets break
# across pages, its rest atop the next page (alone in its column where the table has no
# borders), must be read back into its cell.
QA_TABLES = [
    ("corpora/real/threads-more/SheffieldCC_wdtk_current_applicant_tracking_syste_18.txt", True),
    ("corpora/real/threads-more/SheffieldCC_wdtk_current_applicant_tracking_syste_18.txt", False),
    ("corpora/real/cold-h/SheffieldCC_wdtk_snug-scheme_response.txt", True),
    ("corpora/real/cold-j/SheffieldCC_wdtk_playgrounds-metropolitan-24_response.txt", False),
    ("corpora/real/cold-n/SheffieldCC_wdtk_council-tax-summons-18_response.txt", True),
    ("corpora/real/cold-n/SheffieldCC_wdtk_council-tax-summons-18_response.txt", False),
    ("corpora/real/cold-c/SheffieldCC_wdtk_care-act-charging-22_response.txt", True),
    ("corpora/real/cold-c/SheffieldCC_wdtk_care-act-charging-22_response.txt", False),
]


@pytest.fixture(scope="module")
def printed_qa_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each letter's question-and-answer table, ruled and borderless, as Word and as PDF."""
    work = tmp_path_factory.mktemp("qa-tables")
    for letter, ruled in QA_TABLES:
        source = ROOT / letter
        gold = json.loads(gold_of(source).read_text("utf-8"))
        _qa_table(gold, work / f"{source.stem}-{'ruled' if ruled else 'borderless'}.docx", ruled)
    _print_to_pdf(sorted(work.glob("*.docx")), work)
    return work


@pytest.mark.parametrize("letter,ruled", QA_TABLES,
                         ids=[f"{Path(p).stem[:40]}-{'ruled' if r else 'borderless'}"
                              for p, r in QA_TABLES])
def test_a_question_answer_table_printed_to_pdf_reads_as_the_word_file(
        letter: str, ruled: bool, tmp_path: Path, printed_qa_tables: Path) -> None:
    source = ROOT / letter
    name = f"{source.stem}-{'ruled' if ruled else 'borderless'}"
    word, printed = tmp_path / f"{name}.docx", tmp_path / f"{name}.pdf"
    word.write_bytes((printed_qa_tables / word.name).read_bytes())
    printed.write_bytes((printed_qa_tables / printed.name).read_bytes())
    as_word, as_pdf = score_as(source, word), score_as(source, printed)
    assert as_word.matched == as_word.gold_pairs, as_word.misses  # the table itself reads whole
    assert (as_pdf.matched, as_pdf.answers_right) >= (as_word.matched, as_word.answers_right), \
        "\n".join(as_pdf.misses)


# Web addresses as letters give them, too long for a narrow column: Word breaks them at a
# "/" or "-", or anywhere when it must.
ADDRESSES = [
    "https://www.ibm.com/uk-en/marketplace/data-management",
    "https://democracy.kent.gov.uk/documents/s43602/Item%207%20b%20HWBB%20integrated%20intelligence.pdf",
    "https://solutions.hsj.co.uk/kent-integrated-dataset-improves-partnership-working/7014997.article",
    "https://www.gov.uk/government/publications/adult-social-care-outcomes-framework-handbook-of-definitions",
]


def test_a_web_address_broken_over_lines_reads_whole(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=len(ADDRESSES), cols=2)
    table.style = "Table Grid"
    for row, address in zip(table.rows, ADDRESSES):
        row.cells[0].text = "Where is the information published?"
        row.cells[1].text = f"It can be found at: {address} and in our annual report."
    document.add_paragraph("Further details: " + " and ".join(ADDRESSES) + ".")
    _print_to_pdf([_saved(document, tmp_path / "addresses.docx")], tmp_path)
    read = read_document(str(tmp_path / "addresses.pdf"))
    text = " ".join(" ".join(block.text.split()) for block in read.blocks)  # a table's: its cells
    for address in ADDRESSES:
        assert text.count(address) == 2, address  # in its cell and in the paragraph


def _saved(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path
