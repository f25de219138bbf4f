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


Maker = Callable[[Path], Path]
CASES: dict[str, tuple[Maker, str | None, str]] = {
    "zero_bytes": (_zero_bytes, "empty_file", "a 0-byte file"),
    "html_as_pdf": (_html_as_pdf, None, "an HTML error page saved as .pdf: read as the HTML it is"),
    "truncated_pdf": (_truncated_pdf, "corrupt_file", "a PDF cut off at 40%"),
    "broken_xref": (_broken_xref, "corrupt_file", "a PDF whose xref and objects are mangled"),
    "recursive_pages": (_recursive_pages, "corrupt_file", "a page tree that is its own kid"),
    "flate_bomb": (_flate_bomb, "zip_bomb", "a FlateDecode stream inflating to 512 MB"),
    "encrypted_pdf": (_encrypted_pdf, "encrypted", "a password-protected PDF"),
    "scan": (_scan, "no_text_layer", "a page that is one image, no text"),
    "zip_bomb_docx": (_zip_bomb_docx, "zip_bomb", "a .docx whose document.xml unpacks to 512 MB"),
    "xxe_docx": (_xxe_docx, "unsafe_xml", "a .docx with an external entity"),
    "laughs_docx": (_laughs_docx, "unsafe_xml", "a .docx with a billion-laughs entity"),
    "deep_html": (_deep_html, "corrupt_file", "HTML nested 10,000 deep: refused, never recursed"),
    "windows_1252": (_windows_1252, None, "text in Windows-1252: the text reader decodes it"),
    "nul_bytes": (_nul_bytes, "unsupported_format", "text with NUL bytes"),
    "emphasis_storm": (_emphasis_storm, None, "a Markdown emphasis storm: read in time"),
    "symlink_loop": (_symlink_loop, "not_found", "a symlink pointing at itself"),
    "fifo": (_fifo, "not_found", "a named pipe: never opened"),
}
