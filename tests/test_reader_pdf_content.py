"""The text-showing operators of a content stream, read as pdfminer reads them."""

from __future__ import annotations

from foiextract.readers.pdf_content import text_shows


def test_strings_are_read_with_pdfminers_escapes() -> None:
    shows = text_shows(rb"BT /F1 9 Tf (a\(b\) (c) \101\9\
d) Tj <48 69> Tj ET")
    assert shows is not None
    assert [s.seq for s in shows] == [[b"a(b) (c) Ad"], [b"Hi"]]


def test_text_state_is_saved_and_restored_with_the_graphics_state() -> None:
    shows = text_shows(b"BT /F1 9 Tf 1 Tc 0.5 w q /F2 12 Tf 2 Tc 0 w (x) Tj Q (y) Tj "
                       b"3 4 (z) \" [(a) -250 (b)] TJ ET")
    assert shows is not None
    assert [(s.font, s.size, s.charspace, s.linewidth) for s in shows[:2]] == \
        [("F2", 12.0, 2.0, 0.0), ("F1", 9.0, 1.0, 0.5)]
    assert (shows[2].wordspace, shows[2].charspace, shows[2].seq) == (3.0, 4.0, [b"z"])
    assert shows[3].seq == [b"a", -250.0, b"b"]


def test_a_font_name_may_spell_bytes_in_hex() -> None:
    shows = text_shows(b"BT /F#31#2dA 9 Tf (x) Tj ET")
    assert shows is not None and shows[0].font == "F1-A"


def test_an_empty_string_shows_nothing() -> None:
    shows = text_shows(b"BT /F1 9 Tf () Tj [] TJ [-20] TJ (x) Tj ET")
    assert shows is not None and [s.seq for s in shows] == [[b"x"]]


def test_streams_not_followed_give_none() -> None:
    assert text_shows(b"q BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q BT /F1 9 Tf (x) Tj ET") \
        is None
    assert text_shows(b"/Span << /ActualText (fi) >> BDC BT /F1 9 Tf (x) Tj ET EMC") is None
    assert text_shows(b"BT /F1 9 Tf (((x))) Tj ET") is None  # nested deeper than one
