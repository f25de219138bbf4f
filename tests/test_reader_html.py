"""The web-page reader: structure and emphasis from the corpus pages, chrome dropped, bad pages."""

from __future__ import annotations

import re
import socket
import time
from pathlib import Path

import pytest

from foiextract.errors import CorruptFile, EmptyFile
from foiextract.readers import html, read_document

from .conftest import CORPORA, folded as _norm, gold_for, unmatched_gold

CROYDON = CORPORA / "london-scr-dhr-batch" / "croydon_FOI-6612.html"
WESTMINSTER = CORPORA / "singles" / "westminster_FOI-2021-09921.html"
GMP = CORPORA / "singles" / "gmp_FOI-4113-21.html"
WDTK_PAGES = sorted((CORPORA / "real").glob("MHCLG_wdtk-*.html"))





@pytest.mark.parametrize("page", [CROYDON, WESTMINSTER, GMP], ids=lambda p: p.name)
def test_every_gold_question_and_answer_is_in_the_page_in_order(page: Path) -> None:
    assert unmatched_gold(html.read(str(page)), gold_for(page)) == []


@pytest.mark.parametrize("page,chrome", [
    (CROYDON, ["Bins and recycling", "Skip to main content", "Accessibility statement",
               "Disclosure log"]),
    (WESTMINSTER, ["We use cookies", "Cookie settings", "About the council", "Privacy"]),
    (GMP, ["FOI library", ">Apply<"]),
], ids=lambda p: getattr(p, "name", ""))
def test_site_chrome_is_dropped(page: Path, chrome: list[str]) -> None:
    source = page.read_text("utf-8")
    text = html.read(str(page)).text
    for phrase in chrome:
        assert phrase in source and phrase.strip("<>") not in text, phrase


def test_strong_question_and_br_response_stay_one_paragraph_with_a_line_break() -> None:
    doc = html.read(str(CROYDON))
    gold = gold_for(CROYDON)["pairs"][0]
    block = next(b for b in doc.blocks if _norm(b.text).startswith(_norm(gold["question"])))
    assert block.kind == "paragraph"
    question, answer = block.text.split("\n")
    assert _norm(question) == _norm(gold["question"]) and answer == "Response: 2"
    assert block.spans[0].bold and not block.spans[-1].bold


def test_lists_get_their_markers() -> None:
    croydon = [b for b in html.read(str(CROYDON)).blocks if b.kind == "list_item"]
    assert [(b.marker, b.level) for b in croydon] == [("•", 1), ("•", 1)]
    westminster = [b for b in html.read(str(WESTMINSTER)).blocks if b.kind == "list_item"]
    assert [b.marker for b in westminster] == ["1.", "2.", "3.", "4.", "5."]


def test_ordered_list_type_start_and_value() -> None:
    page = b"<ol type='a' start='3'><li>c</li><li>d</li></ol><ol type='i'><li>x</li>" \
           b"<li value='4'>y</li></ol><ol style='list-style-type: upper-alpha'><li>z</li></ol>"
    doc = html.parse(page, "t.html")
    assert [b.marker for b in doc.blocks] == ["c.", "d.", "i.", "iv.", "A."]


def test_nested_list_levels_and_blockquote() -> None:
    page = b"<ul><li>a<ul><li>b</li></ul></li></ul><blockquote><p>q1</p><p>q2</p></blockquote>"
    doc = html.parse(page, "t.html")
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("list_item", 1, "a"), ("list_item", 2, "b"), ("quote", 1, "q1"), ("quote", 1, "q2")]


def test_th_row_is_a_header_row_and_a_th_column_is_not() -> None:
    westminster = next(b for b in html.read(str(WESTMINSTER)).blocks if b.kind == "table")
    assert westminster.header_rows == 1 and len(westminster.rows) == 4
    gmp = [b for b in html.read(str(GMP)).blocks if b.kind == "table"]
    assert [t.header_rows for t in gmp] == [0, 1]
    assert gmp[0].rows[0][0].spans[0].bold  # th cells are bold as the browser shows them


def test_headings_keep_their_level() -> None:
    headings = [(b.level, b.text) for b in html.read(str(WESTMINSTER)).blocks
                if b.kind == "heading"]
    gold = gold_for(WESTMINSTER)["pairs"]
    assert [_norm(t) for level, t in headings if level == 3] == [_norm(p["question"]) for p in gold]


def test_css_emphasis_inline_and_class_rules() -> None:
    page = (b"<style>.q { font-weight: bold } p.note { font-style: italic }</style>"
            b"<p class='q'>Asked</p><p class='note'>Aside</p>"
            b"<p><span style='font-weight:700'>Heavy</span> plain "
            b"<strong><span style='font-weight: normal'>light</span></strong></p>"
            b"<p style='color:#00f'>Blue</p>")
    blocks = html.parse(page, "t.html").blocks
    assert blocks[0].all_bold and blocks[1].all_italic and not blocks[1].all_bold
    assert [(s.text, s.bold) for s in blocks[2].spans] == [("Heavy", True), (" plain light", False)]
    assert blocks[3].spans[0].color == "0000FF"


def _rows(page: bytes) -> list[list[str]]:
    table = next(b for b in html.parse(page, "t.html").blocks if b.kind == "table")
    return [[c.text for c in row] for row in table.rows]


def test_a_cell_spanning_rows_stands_in_each_row_it_spans() -> None:
    # As Word's vertically merged cells: the answer beside two questions is beside each.
    page = (b"<table><tr><th>Question</th><th>Response</th></tr>"
            b"<tr><td>How many cameras?</td><td>42</td></tr>"
            b"<tr><td>How many in car parks?</td><td rowspan='2'>Not held.</td></tr>"
            b"<tr><td>How many record sound?</td></tr>"
            b"<tr><td>When upgraded?</td><td>May 2019</td></tr></table>")
    assert _rows(page)[2:] == [["How many in car parks?", "Not held."],
                               ["How many record sound?", "Not held."],
                               ["When upgraded?", "May 2019"]]


def test_row_spans_keep_every_cell_in_its_column() -> None:
    # A year label spanning three rows, a middle cell spanning two, and colspan beside them.
    page = (b"<table><tr><td rowspan='3'>2020</td><td>Q1</td><td rowspan='2'>x</td><td>1</td></tr>"
            b"<tr><td>Q2</td><td>2</td></tr>"
            b"<tr><td colspan='2'>H2</td><td>3</td></tr>"
            b"<tr><td>2021</td><td>Q1</td><td>y</td><td rowspan='0'>4</td></tr>"
            b"<tr><td>2021</td><td>Q2</td><td>z</td></tr></table>")
    assert _rows(page) == [["2020", "Q1", "x", "1"], ["2020", "Q2", "x", "2"],
                           ["2020", "H2", "3"], ["2021", "Q1", "y", "4"], ["2021", "Q2", "z"]]


def test_a_rowspan_past_the_last_row_adds_no_row() -> None:
    page = b"<table><tr><td rowspan='5'>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
    assert _rows(page) == [["a", "b"], ["a", "c"]]


def test_definition_list_is_a_two_column_table() -> None:
    table = html.read(str(CROYDON)).blocks[1]
    assert table.kind == "table"
    assert [[c.text for c in row] for row in table.rows][0] == ["Reference", "FOI/6612"]


def test_a_styled_paragraph_keeps_its_br_lines_in_one_block() -> None:
    doc = html.parse(b"<p><b>How many?</b><br>Two<br><br>three</p>", "t.html")
    assert [b.text for b in doc.blocks] == ["How many?\nTwo", "three"]


def test_lines_set_with_br_read_as_plain_text_lines() -> None:
    # An e-mail's plain text put on the web a <br> a line: each line that is not wrapped a
    # paragraph, numbered lines items, lines wrapped at the page's width joined.
    wrapped = "".join(f"Line {n} of a letter wrapped at its width, which goes on and<br>"
                      f"on.<br><br>" for n in range(5))
    page = (b"<p>one<br>two<br><br>three</p><p>Dear Sir,<br>1. How many?<br>Two<br>"
            b"2. How much?<br>None</p><p>" + wrapped.encode() + b"</p>")
    blocks = html.parse(page, "t.html").blocks
    assert [(b.kind, b.marker, b.text) for b in blocks[:7]] == [
        ("paragraph", "", "one"), ("paragraph", "", "two"), ("paragraph", "", "three"),
        ("paragraph", "", "Dear Sir,"), ("list_item", "1.", "How many?"),
        ("paragraph", "", "Two"), ("list_item", "2.", "How much?")]
    assert blocks[8].text == "Line 0 of a letter wrapped at its width, which goes on and on."


@pytest.mark.parametrize("data,expected", [
    ("<meta charset='windows-1252'><p>Caf\u00e9 \u2013 \u00a35</p>".encode("cp1252"), "Café – £5"),
    ("<p>Caf\u00e9 \u2013 \u00a35</p>".encode("utf-8"), "Café – £5"),
    (b"\xef\xbb\xbf" + "<p>Caf\u00e9</p>".encode("utf-8"), "Café"),
])
def test_encoding_is_taken_from_the_page(data: bytes, expected: str) -> None:
    assert html.parse(data, "t.html").text == expected


@pytest.mark.parametrize("tag", ["div", "b", "blockquote", "ul><li"])
def test_html_nested_10000_deep_is_refused_without_recursion(tmp_path: Path, tag: str) -> None:
    close = tag.split("><")[-1]
    page = tmp_path / "deep.html"
    page.write_text(f"<html><body><p>top</p>{f'<{tag}>' * 10000}DEEPTEXT{f'</{close}>' * 10000}"
                    "</body></html>")
    started = time.monotonic()
    try:
        doc = read_document(page)
    except CorruptFile as err:
        assert err.kind == "corrupt_file" and "DEEPTEXT" not in str(err)
    else:
        assert "top" in doc.text
    assert time.monotonic() - started < 5


def test_declared_entities_are_never_expanded_and_nothing_is_fetched(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    page = tmp_path / "xxe.html"
    page.write_text(
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY big "BIGBIGBIG">]>\n'
        '<html><head><title>T</title><link rel="stylesheet" href="http://192.0.2.1/x.css">'
        '</head><body><p>Before &xxe; &big; after</p>'
        '<img src="http://192.0.2.1/x.png"><iframe src="http://192.0.2.1/"></iframe></body></html>')

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    doc = read_document(page)
    assert "TOP-SECRET-VALUE" not in doc.text and "BIGBIGBIG" not in doc.text
    assert doc.blocks[0].text.startswith("Before") and "]>" not in doc.text
    assert doc.metadata["title"] == "T"


def test_a_page_of_chrome_only_is_empty(tmp_path: Path) -> None:
    page = tmp_path / "chrome.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav><footer>© x</footer></body></html>")
    with pytest.raises(EmptyFile):
        read_document(page)


@pytest.mark.parametrize("page", WDTK_PAGES, ids=lambda p: p.name)
def test_saved_request_platform_page_becomes_messages(page: Path) -> None:
    doc = html.read(str(page))
    source = page.read_text("utf-8")
    assert len(doc.messages) == len(re.findall(r'class="(?:incoming|outgoing) correspondence', source))
    for message in doc.messages:
        assert message.metadata["direction"] in ("incoming", "outgoing")
        assert len(message.metadata["date"]) == 10 and message.metadata["date"][4] == "-"
        assert message.blocks
        assert all(b.source.line_start and b.source.line_start > 300 for b in message.blocks)
    assert doc.messages[0].metadata["direction"] == "outgoing"
    assert "Collapse all correspondence" not in doc.text and "Link to this" not in doc.text
