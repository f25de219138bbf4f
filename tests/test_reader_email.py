"""The email reader: headers, decoded bodies, the richer of plain and HTML, attachments."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from foiextract.errors import EmptyFile
from foiextract.readers import email as email_reader
from foiextract.readers import read_document

from .conftest import CORPORA, folded as _norm, gold_for, unmatched_gold

ENFIELD = CORPORA / "london-scr-dhr-batch" / "enfield_FOI3471.eml"
CORNWALL = CORPORA / "singles" / "cornwall_101003456.eml"





@pytest.mark.parametrize("message", [ENFIELD, CORNWALL], ids=lambda p: p.name)
def test_every_gold_question_and_answer_is_in_the_email_in_order(message: Path) -> None:
    doc = read_document(message)
    assert doc.format == "email"
    assert unmatched_gold(doc, gold_for(message)) == []


def test_headers_go_to_metadata_with_an_iso_date() -> None:
    meta = email_reader.read(str(ENFIELD)).metadata
    assert meta["from"] == "Enfield Council FOI <foi@enfield.gov.uk>"
    assert meta["subject"].startswith("RE: Freedom of Information request - Serious Case Reviews, Child"
                                      " Safeguarding")  # the folded header is unfolded
    assert meta["date"] == "2020-02-26T14:12:09+00:00"


def test_quoted_request_is_one_quote_block_per_quoted_paragraph() -> None:
    doc = email_reader.read(str(ENFIELD))
    gold = gold_for(ENFIELD)
    quotes = [b for b in doc.blocks if b.kind == "quote" and not b.marker]
    # Questions 5-7 are quoted together, one paragraph each, before their shared answer.
    for pair in gold["pairs"][4:7]:
        assert any(_norm(q.text) == _norm(pair["question"]) for q in quotes), pair["question"]
    # The original request quoted again at the bottom is a numbered run of quote blocks.
    numbered = [b for b in doc.blocks if b.kind == "quote" and b.marker]
    assert [b.marker for b in numbered] == [f"{n}." for n in range(1, 24)]
    assert [_norm(b.text) for b in numbered] == [_norm(q) for q in gold["request"]]
    assert any(b.text.startswith("-----Original Message-----") for b in doc.furniture)


def test_quoted_printable_body_is_decoded() -> None:
    raw = CORNWALL.read_text("ascii")
    assert "=E2=80=93" in raw and "th=\ne" in raw
    text = email_reader.read(str(CORNWALL)).text
    assert "Freedom of Information Act 2000 \u2013 request reference 101003456" in text
    assert "section 14(1) of the Freedom of Information Act 2000" in text and "=\n" not in text


def _message(plain: str | None, html: str | None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "FOI Team <foi@council.example>"
    message["To"] = "requester@example.org"
    message["Subject"] = "FOI 123"
    message["Date"] = "Tue, 16 Mar 2021 10:41:55 +0000"
    if plain is not None:
        message.set_content(plain)
    if html is not None:
        if plain is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message


def test_html_alternative_with_emphasis_wins_over_plain() -> None:
    message = _message("How many?\nTwo.\n", "<p><b>How many?</b></p><p>Two.</p>")
    doc = email_reader.parse(message.as_bytes(), "m.eml")
    assert [(b.text, b.all_bold) for b in doc.blocks] == [("How many?", True), ("Two.", False)]


def test_plain_wins_when_the_html_alternative_adds_nothing() -> None:
    message = _message("> How many?\n\nTwo.\n", "<p>&gt; How many?</p><p>Two.</p>")
    doc = email_reader.parse(message.as_bytes(), "m.eml")
    assert [b.kind for b in doc.blocks] == ["quote", "paragraph"]


def test_base64_html_only_body_is_read_through_the_html_reader(tmp_path: Path) -> None:
    message = _message(None, None)
    message.set_content("<h2>Response</h2><ul><li>Caf\u00e9 \u00a35</li></ul>", subtype="html",
                        cte="base64")
    path = tmp_path / "b64.eml"
    path.write_bytes(message.as_bytes())
    assert b"Caf" not in path.read_bytes()
    doc = read_document(path)
    assert [(b.kind, b.marker, b.text) for b in doc.blocks] == [
        ("heading", "", "Response"), ("list_item", "\u2022", "Caf\u00e9 \u00a35")]


def test_attachments_are_read_and_an_unreadable_one_is_named(tmp_path: Path) -> None:
    message = _message("Please find our response attached.\n", None)
    message.add_attachment(b"1. How many?\n\nTwo.\n", maintype="text", subtype="plain",
                           filename="response.txt")
    message.add_attachment(b"%PDF-1.7 this is not really a pdf", maintype="application",
                           subtype="pdf", filename="broken.pdf")
    message.add_attachment(b"\x89PNG\r\n\x1a\n", maintype="image", subtype="png",
                           filename="logo.png")
    path = tmp_path / "with-attachments.eml"
    path.write_bytes(message.as_bytes())
    doc = read_document(path)
    assert doc.text == "Please find our response attached."
    [attachment] = doc.attachments
    assert attachment.source == f"{path}#response.txt"
    assert [(b.kind, b.marker, b.text) for b in attachment.blocks] == [
        ("list_item", "1.", "How many?"), ("paragraph", "", "Two.")]
    assert doc.metadata["unreadable_attachments"] == "broken.pdf"


def test_emails_attached_inside_emails_stop_at_the_nesting_limit(tmp_path: Path) -> None:
    inner = _message("Innermost answer.\n", None)
    for _ in range(email_reader.MAX_NESTING + 2):
        outer = _message("Forwarded.\n", None)
        outer.add_attachment(inner)
        inner = outer
    path = tmp_path / "nested.eml"
    path.write_bytes(inner.as_bytes())
    doc = read_document(path)
    depth = 0
    while doc.attachments:
        doc, depth = doc.attachments[0], depth + 1
    assert depth == email_reader.MAX_NESTING


def test_headers_only_email_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.eml"
    path.write_text("From: a@council.example\nTo: b@example.org\nSubject: FOI 1\n"
                    "Date: Tue, 16 Mar 2021 10:41:55 +0000\n\n")
    with pytest.raises(EmptyFile) as err:
        read_document(path)
    assert err.value.kind == "empty_file" and err.value.path == str(path)
