"""Colour in Word letters: a colour on every paragraph (an e-mail written in Outlook's dark
blue) sets nothing apart, while a colour on the answers alone marks them."""

from __future__ import annotations

from pathlib import Path

import docx as python_docx
import pytest
from docx.shared import RGBColor

from foiextract.pipeline import extract_file
from foiextract.readers import read_document
from foiextract.segment import explain

_ITEMS = ["Any contracts for the supply of parking enforcement cameras.",
          "Any reports on the accuracy of the cameras.",
          "The number of penalty notices issued from camera evidence in 2018."]
_ANSWER = ("The council does not hold any information within the scope of your request, as no "
           "cameras are used for parking enforcement.")
_RESTATED = [
    ("Dear Ms Jones,", ""), ("Thank you for your request, which we received on 3 May 2018.", ""),
    ("You requested the following:", ""),
    ("we are writing to ask for documents about the parking enforcement cameras the council "
     "uses, and the contracts under which they are supplied, for the years 2016 to 2019", "i"),
    *[("\u2022\t" + item, "") for item in _ITEMS],
    ("Our response", "b"), (_ANSWER, ""),
    ("If you are unhappy with this response you may ask for an internal review.", ""),
    ("Yours sincerely,", ""), ("Information Governance", ""),
]
_BLUE = RGBColor(0x00, 0x70, 0xC0)
_QUESTIONS = ["How many parking cameras does the council operate?",
              "How many penalty notices were issued from camera evidence in 2018?",
              "Which company maintains the cameras?"]
_REPLIES = ["Twelve.", "4,310 notices were issued.", "Acme Camera Services Ltd."]
_IN_BLUE = [("Dear Ms Jones,", ""), ("Please find our response below.", ""),
            *[line for q, a in zip(_QUESTIONS, _REPLIES) for line in ((q, ""), (a, "blue"))],
            ("If you are unhappy with this response you may ask for an internal review.", ""),
            ("Yours sincerely,", ""), ("Information Governance", "")]


def _letter(lines: list[tuple[str, str]], body: RGBColor | None, path: Path) -> str:
    word = python_docx.Document()
    for text, style in lines:
        run = word.add_paragraph().add_run(text)
        run.bold, run.italic = style == "b", style == "i"
        colour = _BLUE if style == "blue" else body
        if colour is not None:
            run.font.color.rgb = colour
    word.save(str(path))
    return str(path)


@pytest.mark.parametrize("body", [None, RGBColor(0x1F, 0x49, 0x7D), RGBColor(0x00, 0x00, 0x80)])
def test_a_letter_written_in_one_colour_reads_as_one_in_black(body: RGBColor | None,
                                                              tmp_path: Path) -> None:
    pairs = extract_file(_letter(_RESTATED, body, tmp_path / "restated.docx"))[0].pairs
    assert [(p.question, p.answer, p.value.kind) for p in pairs] == [
        (item, _ANSWER, "not_held") for item in _ITEMS]


@pytest.mark.parametrize("body", [None, RGBColor(0x1F, 0x49, 0x7D)])
def test_answers_in_a_colour_of_their_own_are_answers_whatever_the_body_is_written_in(
        body: RGBColor | None, tmp_path: Path) -> None:
    pairs = extract_file(_letter(_IN_BLUE, body, tmp_path / "blue.docx"))[0].pairs
    assert [(p.question, p.answer) for p in pairs] == list(zip(_QUESTIONS, _REPLIES))


@pytest.mark.parametrize("lines", [_RESTATED, _IN_BLUE], ids=["restated", "blue_answers"])
@pytest.mark.parametrize("body", [RGBColor(0x1F, 0x49, 0x7D), RGBColor(0x00, 0x00, 0x80)])
def test_each_paragraph_of_a_letter_in_one_colour_is_read_as_in_black(
        lines: list[tuple[str, str]], body: RGBColor, tmp_path: Path) -> None:
    # Paragraph by paragraph, not only the pairs in the end: the request's bullets are its
    # items by the reading of roles, not by a later pass that finds a list answered whole.
    black = read_document(Path(_letter(lines, None, tmp_path / "black.docx")))
    coloured = read_document(Path(_letter(lines, body, tmp_path / "coloured.docx")))
    assert explain(coloured) == explain(black)
