"""The Word reader on hostile and broken input, all generated here (never committed)."""

from __future__ import annotations

import io
import random
import subprocess
import zipfile
from pathlib import Path
from typing import Callable

import docx as python_docx
import pytest

from foiextract.errors import (ConverterMissing, CorruptFile, EmptyFile, Encrypted,
                               FoiExtractError, Timeout, UnsafeXml, ZipBomb)
from foiextract.readers import read_document
from foiextract.readers.convert import convert_to_docx, find_soffice
from foiextract.readers.docx import read
from foiextract.readers.docx_package import OLE_MAGIC

SECRET = "SECRET-PAYLOAD-TEXT"
needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) absent")


def good_docx() -> bytes:
    word = python_docx.Document()
    word.add_paragraph(f"Question? {SECRET}")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def with_document_xml(data: bytes, rewrite: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = rewrite(content)
            target.writestr(info.filename, content)
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def assert_clean(err: FoiExtractError, path: str) -> None:
    assert err.path == path and SECRET not in str(err) and "\n" not in str(err)


def test_zip_bomb_named_docx(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\x20" * (1024 * 1024)
            for _ in range(64):  # 64 MB of spaces: about 64 KB compressed
                member.write(chunk)
    path = write(tmp_path, "bomb.docx", out.getvalue())
    with pytest.raises(ZipBomb) as err:
        read_document(path)
    assert_clean(err.value, path)


def test_zip_with_too_many_members(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for index in range(5001):
            archive.writestr(f"word/m{index}.bin", b"")
    path = write(tmp_path, "many.docx", out.getvalue())
    with pytest.raises(ZipBomb):
        read(path)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    def add_xxe(xml: bytes) -> bytes:
        head, _, rest = xml.partition(b"?>")
        return (head + b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                + rest.replace(SECRET.encode(), b"&xxe;"))
    path = write(tmp_path, "xxe.docx", with_document_xml(good_docx(), add_xxe))
    with pytest.raises(UnsafeXml) as err:
        read_document(path)
    assert_clean(err.value, path)


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10))

    def add_laughs(xml: bytes) -> bytes:
        head, _, rest = xml.partition(b"?>")
        return (head + f"?><!DOCTYPE w:document [{entities}]>".encode()
                + rest.replace(SECRET.encode(), b"&lol9;"))
    path = write(tmp_path, "laughs.docx", with_document_xml(good_docx(), add_laughs))
    with pytest.raises(UnsafeXml):
        read(path)


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    data = good_docx()
    path = write(tmp_path, "truncated.docx", data[: len(data) // 2])
    with pytest.raises(CorruptFile) as err:
        read_document(path)
    assert_clean(err.value, path)
    with pytest.raises(CorruptFile):
        read(path)


def test_zero_byte_docx_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.docx", b"")
    with pytest.raises(EmptyFile):
        read_document(path)
    with pytest.raises(EmptyFile):
        read(path)


def test_zip_without_a_document_is_corrupt(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/other.txt", "x")
    path = write(tmp_path, "hollow.docx", out.getvalue())
    with pytest.raises(CorruptFile):
        read(path)


def test_encrypted_ooxml_is_reported(tmp_path: Path) -> None:
    # Office wraps a password-protected .docx in an OLE file with these streams.
    directory = "".join(f"{name}\0" for name in ("EncryptionInfo", "EncryptedPackage"))
    data = OLE_MAGIC + bytes(504) + directory.encode("utf-16-le") + bytes(1024)
    path = write(tmp_path, "locked.docx", data)
    with pytest.raises(Encrypted) as err:
        read_document(path)
    assert_clean(err.value, path)


@pytest.mark.parametrize("seed", range(40))
def test_damaged_bytes_never_raise_a_library_error(tmp_path: Path, seed: int) -> None:
    data = bytearray(good_docx())
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path = write(tmp_path, f"damaged{seed}.docx", bytes(data))
    try:
        doc = read(path)
    except FoiExtractError as err:
        assert_clean(err, path)
    else:
        assert doc.format == "docx"


def test_doc_without_libreoffice_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    path = write(tmp_path, "old.rtf", b"{\\rtf1\\ansi Hello\\par}")
    with pytest.raises(ConverterMissing) as err:
        read_document(path)
    assert "LibreOffice" in str(err.value) and "\n" not in str(err.value)


@needs_soffice
def test_rtf_converted_with_bold_question(tmp_path: Path) -> None:
    path = write(tmp_path, "letter.rtf",
                 b"{\\rtf1\\ansi{\\b How many libraries?\\b0}\\par Two.\\par}")
    doc = read_document(path)
    assert [(b.text, b.all_bold) for b in doc.blocks] == [("How many libraries?", True),
                                                          ("Two.", False)]
    assert doc.source == path


@needs_soffice
def test_odt_is_converted(tmp_path: Path) -> None:
    rtf = write(tmp_path, "seed.rtf", b"{\\rtf1\\ansi Answer text\\par}")
    odt = tmp_path / "letter.odt"
    subprocess.run([str(find_soffice()), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--headless", "--convert-to", "odt", "--outdir", str(tmp_path), rtf],
                   check=True, capture_output=True, timeout=120)
    (tmp_path / "seed.odt").rename(odt)
    assert [b.text for b in read_document(odt).blocks] == ["Answer text"]


@needs_soffice
def test_conversion_timeout(tmp_path: Path) -> None:
    with pytest.raises(Timeout):
        convert_to_docx("slow.rtf", b"{\\rtf1\\ansi Hello\\par}", timeout=0.01)


def test_odt_zip_bomb_is_refused_before_libreoffice(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        with archive.open("content.xml", "w") as member:
            for _ in range(64):
                member.write(b"\x20" * (1024 * 1024))
    path = write(tmp_path, "bomb.odt", out.getvalue())
    with pytest.raises(ZipBomb):
        read_document(path)
