"""Hostile inputs, made at test time (never committed): files built to break or stall a reader.

:func:`make_hostile` writes every case into a folder and returns, for each,
the file and the ``errors`` kind it must end as. The files are small on disk;
the bombs are large only once unpacked.

>>> cases = make_hostile(tmp_path)  # doctest: +SKIP
>>> cases["zero_bytes"].kind
'empty_file'
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from foiextract.readers.ocr import tesseract_available

ROOT = Path(__file__).resolve().parent.parent
A_PDF = ROOT / "corpora" / "singles" / "dft_F0021345.pdf"
A_DOCX = ROOT / "corpora" / "singles" / "bristol_CRN00451233.docx"
BOMB_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One hostile file and the errors kind it must give (``None``: it may be read)."""

    path: Path
    kind: str | None
    why: str


def make_hostile(folder: Path) -> dict[str, Case]:
    """Write every hostile case into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = {}
    for name, (make, kind, why) in CASES.items():
        cases[name] = Case(make(folder), kind, why)
    return cases


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def pdf(objects: list[bytes], root: int = 1, *, xref: bool = True) -> bytes:
    """A PDF of the numbered objects (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, start if xref else start + 99_999)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _text_page(text: bytes, parent: int = 2, content: int = 4, font: int = 5) -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, content, font))


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_HELLO = b"BT /F1 12 Tf 72 720 Td (How many cases were there? Three.) Tj ET"


def _html_as_pdf(folder: Path) -> Path:
    page = (b"<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
            b"<body><h1>Not Found</h1><p>The requested URL was not found.</p></body></html>")
    return _write(folder, "download_error_page.pdf", page)


def _truncated_pdf(folder: Path) -> Path:
    data = A_PDF.read_bytes()
    return _write(folder, "truncated.pdf", data[: len(data) * 2 // 5])


def _broken_xref(folder: Path) -> Path:
    # The xref points nowhere and its entries are garbage; no object can be found by offset.
    body = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                _text_page(b""), _stream(_HELLO), _FONT], xref=False)
    cut = body.index(b"xref\n")
    garbage = b"xref\n0 6\n" + b"9999999999 99999 n \n" * 6
    tail = body[body.index(b"trailer"):]
    mangled = body[:cut].replace(b" 0 obj", b" 0 jbo") + garbage + tail
    return _write(folder, "broken_xref.pdf", mangled)


def _recursive_pages(folder: Path) -> Path:
    # Two page-tree nodes, each the other's only kid.
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"])
    return _write(folder, "recursive_page_tree.pdf", data)


def _flate_bomb(folder: Path) -> Path:
    compressor = zlib.compressobj(9)
    zeros = b"\0" * (16 * 1024 * 1024)
    packed = b"".join(compressor.compress(zeros) for _ in range(BOMB_BYTES // len(zeros)))
    packed += compressor.flush()
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                _text_page(b""), _stream(packed, b"/Filter /FlateDecode "), _FONT])
    return _write(folder, "flate_bomb.pdf", data)


def _encrypted_pdf(folder: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(A_PDF).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return _write(folder, "password_protected.pdf", buffer.getvalue())


def _scan(folder: Path) -> Path:
    pixels = bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(64))
    image = _stream(zlib.compress(pixels), b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                    b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ")
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /XObject << /Im1 5 0 R >> >> >>")
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                page, _stream(b"q 500 0 0 700 50 50 cm /Im1 Do Q"), image])
    return _write(folder, "scan_without_text.pdf", data)


def _zip_bomb_docx(folder: Path) -> Path:
    path = folder / "zip_bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * (16 * 1024 * 1024)
            for _ in range(BOMB_BYTES // len(block)):
                member.write(block)
    return path


def _docx_with(folder: Path, name: str, document_xml: bytes) -> Path:
    path = folder / name
    with zipfile.ZipFile(A_DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = document_xml if item.filename == "word/document.xml" else source.read(item)
            out.writestr(item, data)
    return path


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CONTENT_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                  b'package/2006/content-types"><Override PartName="/word/document.xml" '
                  b'ContentType="application/vnd.openxmlformats-officedocument.'
                  b'wordprocessingml.document.main+xml"/></Types>')


def _xxe_docx(folder: Path) -> Path:
    xml = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           b"<w:document " + _W + b"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body>"
           b"</w:document>")
    return _docx_with(folder, "external_entity.docx", xml)


def _laughs_docx(folder: Path) -> Path:
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, b"&lol%d;" % (n - 1) * 10) for n in range(1, 10))
    xml = (b'<?xml version="1.0"?><!DOCTYPE w:document [' + entities + b"]><w:document " + _W +
           b"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    return _docx_with(folder, "billion_laughs.docx", xml)


def _deep_html(folder: Path) -> Path:
    depth = 10_000
    page = (b"<!DOCTYPE html><html><body>" + b"<div>" * depth + b"<p>How many? Three.</p>" +
            b"</div>" * depth + b"</body></html>")
    return _write(folder, "nested_10000_deep.html", page)


def _windows_1252(folder: Path) -> Path:
    text = "Dear Requester,\n\nQ1. How many caf\u00e9s were inspected?\n\n\u201cTwelve\u201d \u2013 in 2021.\n"
    return _write(folder, "windows_1252.txt", text.encode("cp1252"))


def _nul_bytes(folder: Path) -> Path:
    return _write(folder, "nul_bytes.txt", b"Q1. How many?\x00\x00\x00 Three.\n" * 20)


def _emphasis_storm(folder: Path) -> Path:
    storm = ("**1. How many?**\n\n" + "*a **b _c __d " * 20_000 + "\n").encode()
    return _write(folder, "emphasis_storm.md", storm)


def _symlink_loop(folder: Path) -> Path:
    link = folder / "symlink_loop.md"
    if not link.is_symlink():
        os.symlink(link.name, link)  # points at itself
    return link


def _fifo(folder: Path) -> Path:
    path = folder / "named_pipe.md"
    if not path.exists():
        os.mkfifo(path)
    return path


def _zero_bytes(folder: Path) -> Path:
    return _write(folder, "zero_bytes.pdf", b"")


def _control_characters(folder: Path) -> Path:
    # \x1a (SUB) and friends come with text pasted from old systems; Excel cannot hold them.
    text = "Dear Requester,\n\nQ1. How many cases were there?\x1a\n\nThree\x0b in 2021.\x1f\n"
    return _write(folder, "control_characters.txt", text.encode())


def _utf16_bom(folder: Path) -> Path:
    text = "Dear Requester,\n\nQ1. How many caf\u00e9s were inspected?\n\nTwelve in 2021.\n"
    return _write(folder, "utf16_with_bom.txt", text.encode("utf-16"))


def _utf32_bom(folder: Path) -> Path:
    text = "Dear Requester,\n\nQ1. How many caf\u00e9s were inspected?\n\nTwelve in 2021.\n"
    return _write(folder, "utf32_with_bom.txt", text.encode("utf-32"))


def _utf16_broken(folder: Path) -> Path:
    # A BOM, then a lone high surrogate: not UTF-16, and not to be read as Windows-1252 junk.
    return _write(folder, "utf16_broken.txt",
                  b"\xff\xfe" + "Q1. How many?".encode("utf-16-le") + b"\x00\xd8A\x00")


def _utf16_html(folder: Path) -> Path:
    page = "<html><body><p><b>1. How many caf\u00e9s?</b></p><p>Twelve.</p></body></html>"
    return _write(folder, "utf16_with_bom.html", page.encode("utf-16"))


_EML = ("From: foi@council.gov.uk\nTo: a@b.org\nSubject: FOI 123\nMIME-Version: 1.0\n")


def _mime_no_boundary(folder: Path) -> Path:
    # The boundary the header names never comes: the parts cannot be found.
    return _write(folder, "mime_boundary_never_found.eml", (
        _EML + 'Content-Type: multipart/mixed; boundary="XYZ"\n\n--WRONG\n'
        "Content-Type: text/plain\n\nQ1. How many cases were there?\n\nThree.\n--WRONG--\n"
    ).encode())


def _mime_no_boundary_parameter(folder: Path) -> Path:
    return _write(folder, "mime_multipart_without_boundary.eml", (
        _EML + "Content-Type: multipart/mixed\n\n--XYZ\nContent-Type: text/plain\n\n"
        "Q1. How many cases were there?\n\nThree.\n--XYZ--\n").encode())


def _mime_bad_base64(folder: Path) -> Path:
    return _write(folder, "mime_damaged_base64.eml", (
        _EML + "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
        "!!!!How many cases were there####\n").encode())


def _no_pairs(folder: Path) -> Path:
    # Read, but no question/answer pairs: outcome unknown and flagged, never "granted".
    return _write(folder, "cover_note_no_pairs.md",
                  b"Dear Requester,\n\nPlease find attached our response.\n\nYours sincerely\n")


def _symlink_outside(folder: Path) -> Path:
    secret = folder.parent / "outside_secret.txt"
    secret.write_bytes(b"Q1. How many passwords?\n\nThree.\n")
    link = folder / "link_to_outside.txt"
    if not link.is_symlink():
        os.symlink(secret, link)
    return link


def _zip_in_folder(folder: Path) -> Path:
    path = folder / "batch_download.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Camden - SCRs/reply.txt", "Q1. How many cases were there? Three.")
    return path


def _zip_too_many_members(folder: Path) -> Path:
    path = folder / "zip_20000_members.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(20_000):
            archive.writestr(f"A - B/{n}.txt", b"")
    return path


def _zip_bomb(folder: Path) -> Path:
    path = folder / "zip_bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("A - B/big.txt", "w", force_zip64=True) as member:
            block = b"\0" * (16 * 1024 * 1024)
            for _ in range(BOMB_BYTES // len(block)):
                member.write(block)
    return path


def _pdf_loop_beside_a_page(folder: Path) -> Path:
    # A real page, and a second kid whose only kid is the root again.
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>", _text_page(b""),
                _stream(_HELLO), _FONT, b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"])
    return _write(folder, "page_tree_loop_beside_a_page.pdf", data)


def _pdf_own_kid(folder: Path) -> Path:
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>", _text_page(b""),
                _stream(_HELLO), _FONT])
    return _write(folder, "page_tree_own_kid.pdf", data)


def _pdf_count_lie(folder: Path) -> Path:
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>", _text_page(b""),
                _stream(_HELLO), _FONT])
    return _write(folder, "page_count_999999999.pdf", data)


Maker = Callable[[Path], Path]
CASES: dict[str, tuple[Maker, str | None, str]] = {
    "zero_bytes": (_zero_bytes, "empty_file", "a 0-byte file"),
    "html_as_pdf": (_html_as_pdf, None, "an HTML error page saved as .pdf: read as the HTML it is"),
    "truncated_pdf": (_truncated_pdf, "corrupt_file", "a PDF cut off at 40%"),
    "broken_xref": (_broken_xref, "corrupt_file", "a PDF whose xref and objects are mangled"),
    "recursive_pages": (_recursive_pages, "corrupt_file", "a page tree that is its own kid"),
    "flate_bomb": (_flate_bomb, "zip_bomb", "a FlateDecode stream inflating to 512 MB"),
    "encrypted_pdf": (_encrypted_pdf, "encrypted", "a password-protected PDF"),
    "scan": (_scan, "no_text_layer" if tesseract_available() else "needs_ocr",
             "a page that is one image of noise: OCR finds no text (no Tesseract: needs OCR)"),
    "zip_bomb_docx": (_zip_bomb_docx, "zip_bomb", "a .docx whose document.xml unpacks to 512 MB"),
    "xxe_docx": (_xxe_docx, "unsafe_xml", "a .docx with an external entity"),
    "laughs_docx": (_laughs_docx, "unsafe_xml", "a .docx with a billion-laughs entity"),
    "deep_html": (_deep_html, "corrupt_file", "HTML nested 10,000 deep: refused, never recursed"),
    "windows_1252": (_windows_1252, None, "text in Windows-1252: the text reader decodes it"),
    "nul_bytes": (_nul_bytes, "unsupported_format", "text with NUL bytes"),
    "emphasis_storm": (_emphasis_storm, None, "a Markdown emphasis storm: read in time"),
    "symlink_loop": (_symlink_loop, "not_found", "a symlink pointing at itself"),
    "fifo": (_fifo, "not_found", "a named pipe: never opened"),
    "control_characters": (_control_characters, None, "\\x1a and \\x0b in the text: read, kept"),
    "utf16_bom": (_utf16_bom, None, "UTF-16 text with a BOM: decoded"),
    "utf32_bom": (_utf32_bom, None, "UTF-32 text with a BOM: decoded"),
    "utf16_html": (_utf16_html, None, "a UTF-16 web page with a BOM: decoded"),
    "utf16_broken": (_utf16_broken, "bad_encoding", "a UTF-16 BOM, then bytes that are not UTF-16"),
    "mime_no_boundary": (_mime_no_boundary, "corrupt_file", "multipart, its boundary never found"),
    "mime_no_boundary_parameter": (_mime_no_boundary_parameter, "corrupt_file",
                                   "multipart with no boundary named"),
    "mime_bad_base64": (_mime_bad_base64, "corrupt_file", "a base64 body that is not base64"),
    "no_pairs": (_no_pairs, None, "a cover note: read, 0 pairs, outcome unknown"),
    "symlink_outside": (_symlink_outside, "unsafe_path", "a symlink out of the folder given"),
    "zip_in_folder": (_zip_in_folder, "unsupported_format", "a batch ZIP inside a folder"),
    "zip_too_many_members": (_zip_too_many_members, "too_large", "a ZIP of 20,000 members"),
    "zip_bomb": (_zip_bomb, "zip_bomb", "a ZIP whose member unpacks to 512 MB"),
    "pdf_loop_beside_a_page": (_pdf_loop_beside_a_page, "corrupt_file",
                               "a page tree looping back to its root beside a real page"),
    "pdf_own_kid": (_pdf_own_kid, "corrupt_file", "a page-tree node that is its own kid"),
    "pdf_count_lie": (_pdf_count_lie, "corrupt_file", "/Count 999999999 over one page"),
}


def _docx_parts(folder: Path, name: str, parts: dict[str, bytes | None]) -> Path:
    """A copy of :data:`A_DOCX` with the named parts replaced (``None``: left out)."""
    path = folder / name
    with zipfile.ZipFile(A_DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = parts.get(item.filename, source.read(item))
            if data is not None:
                out.writestr(item, data)
    return path


def _numbered_paragraphs(count: int, num_ids: int) -> bytes:
    paragraph = (b'<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>'
                 b"</w:pPr><w:r><w:t>How many cases were there in year %d?</w:t></w:r></w:p>"
                 b"<w:p><w:r><w:t>Three.</w:t></w:r></w:p>")
    body = b"".join(paragraph % (n % 9, 1 + n % num_ids, n) for n in range(count))
    return b"<w:document " + _W + b"><w:body>" + body + b"</w:body></w:document>"


def _docx_huge_numbering(folder: Path) -> Path:
    # 5,000 list definitions of 9 levels each (a 7 MB part), and 5,000 instances using them.
    level = (b'<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="lowerRoman"/>'
             b'<w:lvlText w:val="%%1.%%2.%%3.%%4.%%5.%%6.%%7.%%8.%%9)"/></w:lvl>')
    abstracts = b"".join(b'<w:abstractNum w:abstractNumId="%d">' % n +
                         b"".join(level % (i, 3999 - i) for i in range(9)) + b"</w:abstractNum>"
                         for n in range(5000))
    nums = b"".join(b'<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>' % (n + 1, n)
                    for n in range(5000))
    numbering = b"<w:numbering " + _W + b">" + abstracts + nums + b"</w:numbering>"
    return _docx_parts(folder, "numbering_5000_lists.docx", {
        "word/numbering.xml": numbering, "word/document.xml": _numbered_paragraphs(2000, 5000)})


def _docx_numbering_loop(folder: Path) -> Path:
    # Each list is defined through a numbering style whose list is the other: a loop.
    numbering = (b"<w:numbering " + _W + b">"
                 b'<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListA"/>'
                 b'<w:styleLink w:val="ListB"/></w:abstractNum>'
                 b'<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ListB"/>'
                 b'<w:styleLink w:val="ListA"/></w:abstractNum>'
                 b'<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
                 b'<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>')
    return _docx_parts(folder, "numbering_style_loop.docx", {
        "word/numbering.xml": numbering, "word/document.xml": _numbered_paragraphs(20, 2)})


def _docx_no_document_part(folder: Path) -> Path:
    return _docx_parts(folder, "no_document_part.docx", {"word/document.xml": None})


def _docx_not_xml(folder: Path) -> Path:
    return _docx_parts(folder, "document_part_not_xml.docx",
                       {"word/document.xml": b"<w:document " + _W + b"><w:body><w:p>\x00\xff"})


def _zero_bytes_docx(folder: Path) -> Path:
    return _write(folder, "zero_bytes.docx", b"")


def _html_100000_deep(folder: Path) -> Path:
    depth = 100_000
    page = (b"<!DOCTYPE html><html><body>" + b"<div><span>" * depth + b"<p>How many? Three.</p>")
    return _write(folder, "nested_100000_deep_unclosed.html", page)


def _html_wide_row(folder: Path) -> Path:
    # Each cell's column used to be summed over the row so far: 200 million steps here.
    row = b"<tr>" + b"<td>1</td>" * 20_000 + b"</tr>"
    page = (b"<!DOCTYPE html><html><body><p><b>1. How many cases were there?</b></p><p>Three."
            b"</p><table>" + row + b"</table></body></html>")
    return _write(folder, "table_row_of_20000_cells.html", page)


def _markdown_wide_table(folder: Path) -> Path:
    columns = 10_000
    table = ("| " + " | ".join(f"c{n}" for n in range(columns)) + " |\n" +
             "|" + "---|" * columns + "\n" + "| " + " | ".join("1" for _ in range(columns)) +
             " |\n")
    text = "# Response\n\n**1. How many cases were there?**\n\nThree.\n\n" + table
    return _write(folder, "table_10000_columns.md", text.encode())


def _markdown_deep_quotes(folder: Path) -> Path:
    text = "**1. How many cases were there?**\n\nThree.\n\n" + ">" * 100_000 + " quoted\n"
    return _write(folder, "blockquote_100000_deep.md", text.encode())


def _markdown_deep_lists(folder: Path) -> Path:
    text = "**1. How many cases were there?**\n\nThree.\n\n" + "- " * 50_000 + "item\n"
    return _write(folder, "list_50000_deep.md", text.encode())


def _eml_many_attachments(folder: Path) -> Path:
    parts = "".join(f"--XYZ\nContent-Type: text/plain\nContent-Disposition: attachment; "
                    f'filename="note{n}.txt"\n\nQ1. How many? {n}.\n' for n in range(1000))
    return _write(folder, "attachments_1000.eml", (
        _EML + 'Content-Type: multipart/mixed; boundary="XYZ"\n\n--XYZ\nContent-Type: text/plain'
        "\n\nQ1. How many cases were there?\n\nThree.\n" + parts + "--XYZ--\n").encode())


def _eml_nested_messages(folder: Path) -> Path:
    # A message/rfc822 attachment holding one holding one ... 300 deep.
    message = "Content-Type: text/plain\n\nQ1. How many cases were there?\n\nThree.\n"
    for n in range(300):
        message = (f'{_EML}Content-Type: multipart/mixed; boundary="B{n}"\n\n--B{n}\n'
                   "Content-Type: text/plain\n\nPlease see the message attached.\n"
                   f"--B{n}\nContent-Type: message/rfc822\n\n{message}\n--B{n}--\n")
    return _write(folder, "message_rfc822_300_deep.eml", message.encode())


def _eml_bomb_attachment(folder: Path) -> Path:
    import base64

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", b" " * (64 * 1024 * 1024))  # 1,000 to 1
    bomb = packed.getvalue()
    encoded = base64.encodebytes(bomb).decode()
    return _write(folder, "attachment_zip_bomb.eml", (
        _EML + 'Content-Type: multipart/mixed; boundary="XYZ"\n\n--XYZ\nContent-Type: text/plain'
        "\n\nQ1. How many cases were there?\n\nThree.\n--XYZ\nContent-Type: application/vnd."
        "openxmlformats-officedocument.wordprocessingml.document\nContent-Transfer-Encoding: "
        'base64\nContent-Disposition: attachment; filename="reply.docx"\n\n' + encoded +
        "--XYZ--\n").encode())


def _eml_headers_only(folder: Path) -> Path:
    return _write(folder, "headers_only.eml", (_EML + "Content-Type: text/plain\n\n").encode())


def _pdf_xref_offsets_wrong(folder: Path) -> Path:
    # The objects are whole; only the xref's offsets are wrong (a file edited by hand).
    body = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                _text_page(b""), _stream(_HELLO), _FONT])
    cut = body.index(b"xref\n")
    table = b"xref\n0 6\n0000000000 65535 f \n" + b"0000000003 00000 n \n" * 5
    tail = body[body.index(b"trailer"):]
    return _write(folder, "xref_offsets_wrong.pdf", body[:cut] + table + tail)


def _pdf_header_only(folder: Path) -> Path:
    return _write(folder, "header_only.pdf", b"%PDF-1.7\n%%EOF\n")


def _pdf_length_lies(folder: Path) -> Path:
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                _text_page(b""), _stream(_HELLO).replace(b"/Length %d" % len(_HELLO),
                                                         b"/Length 999999"), _FONT])
    return _write(folder, "stream_length_lies.pdf", data)


def _pdf_large_flate_stream(folder: Path) -> Path:
    # A page whose compressed content inflates past the checker's 4 MiB step, with the line
    # break every writer puts before "endstream": the check once looped on it for ever.
    content = zlib.compress(_HELLO + b" " * (5 * 1024 * 1024))
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                _text_page(b""), _stream(content, b"/Filter /FlateDecode "), _FONT])
    return _write(folder, "large_flate_stream.pdf", data)


def _only_bom(folder: Path) -> Path:
    return _write(folder, "only_a_bom.txt", b"\xef\xbb\xbf")


def _bom_and_blanks(folder: Path) -> Path:
    return _write(folder, "bom_and_blank_lines.md", b"\xef\xbb\xbf\n \n\t\r\n\n")


def _utf16_bom_only(folder: Path) -> Path:
    return _write(folder, "only_a_utf16_bom.txt", b"\xff\xfe")


def _one_long_line(folder: Path) -> Path:
    return _write(folder, "one_line_2mb.txt", b"How many cases were there? Three. " * 60_000)


def _many_plain_questions(folder: Path) -> Path:
    # Every line a question standing with the others under one answer: each of them shares it,
    # which must not cost each question a pass over all the others.
    lines = "".join(f"How many cases were there in area {n}?\n" for n in range(10_000))
    return _write(folder, "ten_thousand_questions.txt", f"Dear Sir,\n{lines}Twelve.\n".encode())


def _folder_named_like_a_file(folder: Path) -> Path:
    # A folder called reply.docx is searched, not opened: the letter inside it is read.
    inner = folder / "folder_named_like_a_file.docx" / "reply.md"
    inner.parent.mkdir(exist_ok=True)
    inner.write_bytes(b"**1. How many cases were there?**\n\nThree.\n")
    return inner


def _newline_in_name(folder: Path) -> Path:
    return _write(folder, "reply with\na newline.md",
                  b"**1. How many cases were there?**\n\nThree.\n")


def _non_utf8_name(folder: Path) -> Path:
    name = os.fsdecode(b"caf\xe9 reply.md")  # Latin-1 bytes in a Linux file name
    return _write(folder, name, b"**1. How many cases were there?**\n\nThree.\n")


MORE_CASES: dict[str, tuple[Maker, str | None, str]] = {
    "docx_huge_numbering": (_docx_huge_numbering, None,
                            "5,000 list definitions and 2,000 numbered paragraphs: read in time"),
    "docx_numbering_loop": (_docx_numbering_loop, None,
                            "two lists each defined through the other's style: no loop"),
    "docx_no_document_part": (_docx_no_document_part, "corrupt_file",
                              "a .docx without word/document.xml"),
    "docx_not_xml": (_docx_not_xml, "corrupt_file", "a .docx whose document part is not XML"),
    "zero_bytes_docx": (_zero_bytes_docx, "empty_file", "a 0-byte .docx"),
    "html_100000_deep": (_html_100000_deep, "corrupt_file",
                         "HTML 100,000 tags deep, never closed: refused, never recursed"),
    "html_wide_row": (_html_wide_row, None, "a table row of 20,000 cells: read in time"),
    "markdown_wide_table": (_markdown_wide_table, None, "a table of 10,000 columns: read in time"),
    "markdown_deep_quotes": (_markdown_deep_quotes, None, "100,000 nested quotes: read"),
    "markdown_deep_lists": (_markdown_deep_lists, None, "50,000 nested list items: read"),
    "eml_many_attachments": (_eml_many_attachments, None, "an email with 1,000 attachments"),
    "eml_nested_messages": (_eml_nested_messages, None,
                            "message/rfc822 attachments 300 deep: read to a depth, no further"),
    "eml_bomb_attachment": (_eml_bomb_attachment, None,
                            "a zip-bomb .docx attached: the email is read, the bomb is not"),
    "eml_headers_only": (_eml_headers_only, "empty_file", "an email of headers and no body"),
    # pdfminer trusts an xref that parses: the page tree is not found, and says so.
    "pdf_xref_offsets_wrong": (_pdf_xref_offsets_wrong, "corrupt_file",
                               "whole objects, every xref offset wrong: no pages found"),
    "pdf_header_only": (_pdf_header_only, "corrupt_file", "a PDF header and nothing else"),
    # pdfminer took the stream to the end of the file and lost the page's text; pdfium reads
    # the stream to its "endstream", so the letter is read.
    "pdf_length_lies": (_pdf_length_lies, None,
                        "a content stream whose /Length runs past the end of the file: read"),
    "pdf_large_flate_stream": (_pdf_large_flate_stream, None,
                               "a content stream inflating to 5 MB, then a line break: read"),
    "only_bom": (_only_bom, "empty_file", "a file of only a UTF-8 byte-order mark"),
    "bom_and_blanks": (_bom_and_blanks, "empty_file", "a BOM and blank lines"),
    "utf16_bom_only": (_utf16_bom_only, "empty_file", "a file of only a UTF-16 byte-order mark"),
    "one_long_line": (_one_long_line, None, "2 MB of text on one line: read in time"),
    "many_plain_questions": (_many_plain_questions, None,
                             "10,000 questions sharing one answer: read in time"),
    "folder_named_like_a_file": (_folder_named_like_a_file, None,
                                 "a folder named reply.docx: searched, its letter read"),
    "newline_in_name": (_newline_in_name, None, "a file name holding a newline"),
    "non_utf8_name": (_non_utf8_name, None, "a file name holding a byte that is not UTF-8"),
}
CASES.update(MORE_CASES)


def _zip_with(folder: Path, name: str, members: dict[str, bytes]) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


def _zip_dotdot(folder: Path) -> Path:
    return _zip_with(folder, "zip_dotdot.zip", {"A - B/../../evil.txt": b"x"})


def _zip_absolute(folder: Path) -> Path:
    return _zip_with(folder, "zip_absolute.zip", {"/tmp/evil.txt": b"x"})


def _zip_damaged(folder: Path) -> Path:
    return _write(folder, "zip_damaged.zip", b"PK\x03\x04" + b"\0" * 40)


def _zip_small_bomb(folder: Path) -> Path:
    return _zip_with(folder, "zip_small_bomb.zip", {"A - B/zeros.txt": b"\0" * 8_000_000})


# Batch downloads given to compile: each bad one is one errors row, the rest compiles.
ZIP_CASES: dict[str, tuple[Maker, str, str]] = {
    "zip_dotdot": (_zip_dotdot, "unsafe_path", "a member path climbing out with .."),
    "zip_absolute": (_zip_absolute, "unsafe_path", "a member with an absolute path"),
    "zip_damaged": (_zip_damaged, "corrupt_file", "a ZIP cut short"),
    "zip_small_bomb": (_zip_small_bomb, "zip_bomb", "a member compressed 8,000 to 1"),
    "zip_too_many_members": (_zip_too_many_members, "too_large", "a ZIP of 20,000 members"),
}


def make_zip_cases(folder: Path) -> dict[str, Case]:
    """Write every bad batch ZIP into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return {name: Case(make(folder), kind, why) for name, (make, kind, why) in ZIP_CASES.items()}
