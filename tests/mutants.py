"""Mutated corpus documents, made at test time: the fuzz driver's inputs.

Every document of the corpora named in :data:`CORPUS_DIRS` (not ``corpora/real``)
is damaged in many small ways: bits flipped, cut short, chunks deleted or
doubled, control bytes and broken UTF-8 put in, and, for the containers, their
structure broken (a ZIP member's XML cut, its directory mangled; a PDF's xref,
lengths and page counts lying). Each mutant comes from a :class:`random.Random`
seeded with the document's name and the mutant's number, so the same mutants
are made on every machine and run.

>>> mutants = make_mutants(tmp_path)  # doctest: +SKIP
>>> len(mutants) >= 500  # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
import io
import random
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIRS = ("corpora/singles", "corpora/barnet-scr-dhr", "corpora/london-scr-dhr-batch")
# Gold, notes and the like are not documents.
_NOT_DOCUMENTS = (".json", "README.md")
CONTROL_BYTES = (b"\x00", b"\x1a", b"\x0b", b"\x1b", b"\x7f", b"\x0c", b"\x08", b"\xff\xfe",
                 b"\xfe\xff", b"\xef\xbb\xbf", b"\r", b"\x00\x00\x00")
BROKEN_UTF8 = (b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80",
               b"\x80", b"\xff")


@dataclass(frozen=True)
class Mutant:
    """One damaged copy of a corpus document: where it is, what it came from, how it was made."""

    path: Path
    original: Path
    operations: tuple[str, ...]


def corpus_documents() -> list[Path]:
    """Every document under :data:`CORPUS_DIRS`, sorted, by its path from the repository root."""
    found = set()
    for folder in CORPUS_DIRS:
        for path in (ROOT / folder).rglob("*"):
            # Scans are left out: the fuzz run reads with OCR off, so a scan is an error row.
            if path.is_file() and not path.name.endswith(_NOT_DOCUMENTS) \
                    and not path.name.endswith("_scanned.pdf"):
                found.add(path.relative_to(ROOT))
    return sorted(found)


Mutator = Callable[[bytes, random.Random], bytes]


def _span(data: bytes, rng: random.Random, most: int = 512) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.randint(1, most))


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(max(1, len(data)))]


def delete_chunk(data: bytes, rng: random.Random) -> bytes:
    start, end = _span(data, rng, 4096)
    return data[:start] + data[end:]


def duplicate_chunk(data: bytes, rng: random.Random) -> bytes:
    start, end = _span(data, rng, 4096)
    times = rng.choice((1, 2, 50))
    return data[:end] + data[start:end] * times + data[end:]


def insert_control(data: bytes, rng: random.Random) -> bytes:
    out = data
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(len(out) + 1)
        out = out[:at] + rng.choice(CONTROL_BYTES) + out[at:]
    return out


def break_utf8(data: bytes, rng: random.Random) -> bytes:
    out = data
    for _ in range(rng.randint(1, 10)):
        at = rng.randrange(len(out) + 1)
        out = out[:at] + rng.choice(BROKEN_UTF8) + out[at:]
    return out


def overwrite_random(data: bytes, rng: random.Random) -> bytes:
    start, end = _span(data, rng, 256)
    return data[:start] + rng.randbytes(end - start) + data[end:]


def swap_chunks(data: bytes, rng: random.Random) -> bytes:
    a, b = sorted(rng.randrange(len(data) + 1) for _ in range(2))
    c = rng.randrange(b, len(data) + 1)
    return data[:a] + data[b:c] + data[a:b] + data[c:]


def zip_member(data: bytes, rng: random.Random) -> bytes:
    """A container (.docx) rebuilt with one member damaged, dropped or doubled."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(item, archive.read(item)) for item in archive.infolist()]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return flip_bits(data, rng)
    xml = [n for n, (item, _) in enumerate(members) if item.filename.endswith((".xml", ".rels"))]
    target = rng.choice(xml or list(range(len(members))))
    how = rng.choice(("cut", "flip", "drop", "double", "control", "utf8", "tags", "entity"))
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore", UserWarning)  # a doubled member's name, on purpose
        for n, (item, body) in enumerate(members):
            if n == target:
                if how == "drop":
                    continue
                body = _damaged_xml(body, how, rng)
                if how == "double":
                    archive.writestr(item.filename, body)
            archive.writestr(item.filename, body)
    return out.getvalue()


def _damaged_xml(body: bytes, how: str, rng: random.Random) -> bytes:
    if how == "cut":
        return truncate(body, rng)
    if how == "flip":
        return flip_bits(body, rng)
    if how == "control":
        return insert_control(body, rng)
    if how == "utf8":
        return break_utf8(body, rng)
    if how == "tags":
        # An element left open, or closed twice.
        at = body.find(b"</", rng.randrange(len(body) + 1))
        if at == -1:
            return body + b"<w:p>"
        end = body.find(b">", at)
        return body[:at] + body[end + 1:] if rng.random() < 0.5 else \
            body[:end + 1] + body[at:end + 1] + body[end + 1:]
    if how == "entity":
        return body.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e "e">]>', 1)
    return body


def zip_directory(data: bytes, rng: random.Random) -> bytes:
    """A ZIP whose central directory or local headers lie (sizes, offsets, counts, methods)."""
    at = data.rfind(b"PK\x05\x06") if rng.random() < 0.5 else data.find(b"PK\x01\x02")
    if at == -1:
        at = data.find(b"PK\x03\x04")
    if at == -1:
        return flip_bits(data, rng)
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        position = at + rng.randrange(4, 30)
        if position < len(out):
            out[position] = rng.randrange(256)
    return bytes(out)


def pdf_structure(data: bytes, rng: random.Random) -> bytes:
    """A PDF whose xref, stream lengths, page counts or object ends lie or are gone."""
    how = rng.choice(("xref", "startxref", "length", "count", "endobj", "endstream", "trailer",
                      "kids", "filter"))
    if how == "xref":
        at = data.rfind(b"xref")
        if at != -1:
            body = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                position = at + rng.randrange(5, 400)
                if position < len(body):
                    body[position] = rng.choice(b"0123456789 fn")
            return bytes(body)
    if how == "startxref":
        at = data.rfind(b"startxref")
        if at != -1:
            return data[:at] + b"startxref\n%d\n%%%%EOF\n" % rng.randrange(10 ** 9)
    replacements = {"length": (b"/Length ", b"/Length 9" if rng.random() < 0.5 else b"/Length -"),
                    "count": (b"/Count ", b"/Count 99999999"),
                    "endobj": (b"endobj", b""),
                    "endstream": (b"endstream", b""),
                    "trailer": (b"trailer", b"trai1er"),
                    "kids": (b"/Kids [", b"/Kids [1 0 R "),
                    "filter": (b"/FlateDecode", b"/LZWDecode")}
    old, new = replacements.get(how, (b"obj", b"ojb"))
    positions = _occurrences(data, old)
    if not positions:
        return flip_bits(data, rng)
    chosen = rng.sample(positions, min(len(positions), rng.randint(1, 3)))
    out = data
    for at in sorted(chosen, reverse=True):
        out = out[:at] + new + out[at + len(old):]
    return out


def _occurrences(data: bytes, needle: bytes) -> list[int]:
    found, at = [], data.find(needle)
    while at != -1 and len(found) < 10_000:
        found.append(at)
        at = data.find(needle, at + 1)
    return found


def splice(data: bytes, rng: random.Random) -> bytes:
    """The head of this document joined to the tail of another corpus document."""
    others = corpus_documents()
    other = (ROOT / rng.choice(others)).read_bytes()
    return data[:rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1):]


def text_structure(data: bytes, rng: random.Random) -> bytes:
    """Text formats with their markup broken: tags, fences, MIME boundaries, table pipes."""
    how = rng.choice((b"<", b">", b"|", b"**", b"--", b"\n\n", b"=\n", b"```\n", b"<div>",
                      b"Content-Type: multipart/mixed; boundary=x\n", b"[", b"&#x0;",
                      b"&#1114112;"))
    out = data
    for _ in range(rng.randint(1, 40)):
        at = rng.randrange(len(out) + 1)
        out = out[:at] + how + out[at:]
    return out


GENERAL: tuple[Mutator, ...] = (flip_bits, truncate, delete_chunk, duplicate_chunk,
                                insert_control, break_utf8, overwrite_random, swap_chunks, splice)
BY_FORMAT: dict[str, tuple[Mutator, ...]] = {
    ".docx": (zip_member, zip_member, zip_member, zip_directory),
    ".pdf": (pdf_structure, pdf_structure, pdf_structure),
    ".md": (text_structure,), ".txt": (text_structure,), ".html": (text_structure,),
    ".eml": (text_structure,),
}


def mutate(original: Path, number: int) -> tuple[bytes, tuple[str, ...]]:
    """The ``number``-th mutant of ``original`` and the names of the operations that made it."""
    rng = random.Random(f"{original.as_posix()}:{number}")
    data = (ROOT / original).read_bytes()
    pool = GENERAL + BY_FORMAT.get(original.suffix, ())
    operations = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        mutator = rng.choice(pool)
        data = mutator(data, rng)
        operations.append(mutator.__name__)
    return data, tuple(operations)


def make_mutants(folder: Path, per_document: int = 22, per_format: int = 60) -> list[Mutant]:
    """Write ``per_document`` mutants of every corpus document into ``folder``, more of a
    format with few documents, so that each format has at least ``per_format``.

    A mutant that comes out byte for byte as its original or as another mutant is
    made again with the next number, so every file is distinct.
    """
    folder.mkdir(parents=True, exist_ok=True)
    documents = corpus_documents()
    seen = {hashlib.sha256((ROOT / p).read_bytes()).digest() for p in documents}
    formats = Counter(p.suffix for p in documents)
    mutants = []
    for original in documents:
        stem = "_".join(original.with_suffix("").parts[1:])
        wanted = max(per_document, -(-per_format // formats[original.suffix]))
        number = 0
        made = 0
        while made < wanted:
            data, operations = mutate(original, number)
            number += 1
            digest = hashlib.sha256(data).digest()
            if digest in seen:
                continue
            seen.add(digest)
            path = folder / f"{stem}.m{made:03d}{original.suffix}"
            path.write_bytes(data)
            mutants.append(Mutant(path, original, operations))
            made += 1
    return mutants
