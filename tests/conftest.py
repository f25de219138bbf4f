"""Shared fixtures: the corpora and their gold; a reader that notes which process read each
document (for the bulk engines' worker processes)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

import foiextract.pipeline
from foiextract.evaluate import split_of
from foiextract.limits import Limits
from foiextract.model import Document
from foiextract.readers.convert import find_soffice

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
BARNET = CORPORA / "barnet-scr-dhr" / "barnet_6015464.md"


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paths in tests and docs are relative to the repository root.
    monkeypatch.chdir(ROOT)


def gold_for(document: Path) -> dict:
    """The gold annotation beside a document."""
    gold = document.with_name(document.name.rsplit(".", 1)[0] + ".gold.json")
    return json.loads(gold.read_text("utf-8"))


# Old Word files (.doc, .odt, .rtf) are read through LibreOffice: without it their tests skip.
NEEDS_SOFFICE = (".doc", ".odt", ".rtf")
SOFFICE_ABSENT = "LibreOffice (soffice) is not installed: old Word files cannot be read"


def readable(document: Path) -> bool:
    """Whether this machine can read the document (old Word files need LibreOffice)."""
    return not document.name.lower().endswith(NEEDS_SOFFICE) or find_soffice() is not None


DEVELOPMENT = ("constructed", "real-tune")


# Scans (``*_scanned.pdf``) are read by OCR, which needs Tesseract: tests/test_ocr.py holds
# them to their own targets, and the born-digital targets leave them out.
SCANNED = "_scanned.pdf"


def documents_with_gold(*suffixes: str, splits: tuple[str, ...] = DEVELOPMENT,
                        scans: bool = False) -> list[Path]:
    """Every corpus document with gold whose name ends with one of the suffixes, in the given
    splits (``constructed``, ``real-tune``, ``real-heldout``; by default the development
    documents), scans only with ``scans``. The held-out real letters are measured by
    ``foiextract eval``, never held to the development targets."""
    found = []
    for gold in sorted(CORPORA.rglob("*.gold.json")):
        if gold.name == "batch.gold.json":
            continue
        document = gold.parent / json.loads(gold.read_text("utf-8"))["file"]
        if document.is_file() and document.name.endswith(suffixes) and \
                split_of(document) in splits and (scans or not document.name.endswith(SCANNED)):
            found.append(document)
    return found


def ids(paths: list[Path]) -> list[str]:
    return [os.path.relpath(p, CORPORA) for p in paths]


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def folded(value: str) -> str:
    """Whitespace collapsed and typographic quotes made plain, for comparing texts."""
    return " ".join(value.translate(_QUOTES).split())


def found_in_order(document: Document, gold: dict) -> tuple[int, list[str]]:
    """How many gold request items, questions and answers stand in the block texts in order,
    and which do not. Answers stand in order, each after its own question (a letter may
    restate all the questions first and answer them in a block below)."""
    haystack = " ".join(folded(b.text) for b in document.blocks)
    missing: list[str] = []
    cursor = found = 0
    for item in gold["request"]:
        at = haystack.find(folded(item), cursor)
        if at < 0:
            missing.append(f"request: {item[:60]}")
        else:
            found, cursor = found + 1, at + len(folded(item))
    q_cursor = a_cursor = 0
    for pair in gold["pairs"]:
        question, answer = folded(pair["question"]), folded(pair["answer"])
        q_at = haystack.find(question, q_cursor)
        if q_at < 0:
            missing.append(f"question: {question[:60]}")
            continue
        q_cursor = q_at + len(question)
        a_at = haystack.find(answer, max(q_cursor, a_cursor))
        if a_at < 0:
            missing.append(f"answer to: {question[:60]}")
            continue
        found += 2
        a_cursor = a_at if pair["shared"] else a_at + len(answer)
    return found, missing


def unmatched_gold(document: Document, gold: dict) -> list[str]:
    """Gold request items, questions and answers not found in order in the blocks' text."""
    return found_in_order(document, gold)[1]


_REAL_EXTRACT_FILE = foiextract.pipeline.extract_file
PIDS = "FOIEXTRACT_TEST_PIDS"


def _recording_extract_file(source: str, limits: Limits = Limits()
                            ) -> list[foiextract.pipeline.Extraction]:
    """Note which process read the document; misbehave as its name says."""
    with open(os.environ[PIDS], "a", encoding="ascii") as handle:
        handle.write(f"{os.path.basename(source)} {os.getpid()}\n")
    return misbehaving_extract_file(source, limits)


def misbehaving_extract_file(source: str, limits: Limits = Limits()
                             ) -> list[foiextract.pipeline.Extraction]:
    """Read the document as the pipeline does, but misbehave as its name says: "hang…" sleeps
    past any deadline, "hog…" takes 4 GB, "crash…" kills its process."""
    name = os.path.basename(source)
    if name.startswith("hang"):
        time.sleep(60)
    if name.startswith("hog"):
        hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
        del hoard
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return _REAL_EXTRACT_FILE(source, limits)


@pytest.fixture()
def recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file where each document's reading process is noted (see :func:`readers_of`)."""
    # Workers are forked from this process, so they read with the recording reader.
    monkeypatch.setattr(foiextract.pipeline, "extract_file", _recording_extract_file)
    monkeypatch.setenv(PIDS, str(tmp_path / "pids.txt"))
    return tmp_path / "pids.txt"


def readers_of(pids: Path) -> dict[str, int]:
    """Which process read each document (the parent's warm-up sample left out)."""
    return {name: int(pid) for name, pid in
            (line.split() for line in pids.read_text("ascii").splitlines())
            if name != "sample.md"}


def barnet_copies(tmp_path: Path, names: list[str]) -> Path:
    """A folder of copies of the Barnet letter (22 pairs) under the given names."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(BARNET, folder / name)
    return folder
