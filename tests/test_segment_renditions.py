"""A reply reads the same whether it comes as plain text, a web page, a Word file or a PDF.

An authority's e-mail reaches a journalist as the text a request platform shows, as the
HTML its mail program sent (its lines set with ``<br>``, a ``<p>`` a paragraph; or a ``<p>`` a
line, as Outlook saves it as a web page), pasted
into Word a paragraph a line, or that Word file printed to PDF (by LibreOffice here: those
cases skip without it). Each case takes a tuned real reply e-mail, renders it so,
and scores the rendition against the same gold: no pair found in the text may be lost,
and no value read right may go wrong. Likewise the tuned Word letters printed to PDF must
read as their Word files do (most letters published as PDFs were saved from Word).
"""

from __future__ import annotations

import html
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from foiextract.readers.convert import find_soffice

from .metamorphic import assert_reads_as_well, read_right, score_as

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
