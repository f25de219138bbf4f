"""One road through the product: read, segment, read values, facts and table cells.

>>> result = extract(["corpora/barnet-scr-dhr/barnet_6015464.md"])  # doctest: +SKIP
>>> len(result.pairs)  # doctest: +SKIP
22
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import Iterable, Iterator, Sequence

from .cells import document_cells, table_captions
from .foi.caveats import read_caveats
from .extraction import Extraction
from .errors import FoiExtractError
from .keys import Occurrences, pair_key
from .lexicon.text import normalise
from .foi import read_facts
from .limits import Limits, check_content, check_inside, probe
from .model import Document, Pair
from .readers import read_document
from .readers.ocr import OcrSettings, ocr_settings
from .result import Result
from .segment import segment
from .tables import COMPILE_SCHEMAS, SCHEMAS, error_row
from .values import parse_answer
from .values.parts import sentences, value_of_part
from .values.references import resolve_references

DEFAULT_LIMITS = Limits()
# Files a folder search passes over: our own gold and outputs, data and code. A ZIP is not
# passed over: extract gives it an errors row, compile unpacks it.
# Pictures (.png, .jpg, .tif) are read: a letter may come scanned or photographed, and so are
# spreadsheets and CSV files (an authority may answer with one), except our own outputs.
SKIPPED_SUFFIXES = (".gold.json", ".json", ".tsv", ".py", ".sh", ".parquet",
                    ".db", ".sqlite", ".gif", ".ipynb")
# The tables extract and compile write (out/pairs.csv, out/dataset.csv) and the corrections
# files beside them: a .csv or .xlsx of one of these names is our own output, not a response.
OUTPUT_NAMES = frozenset(SCHEMAS) | frozenset(COMPILE_SCHEMAS) | {
    "corrections", "corrections_report"}


def iter_inputs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """The files named, and the files found below any folder named.

    A folder search is sorted and passes over hidden files, README files, gold
    annotations and data or code files (:data:`SKIPPED_SUFFIXES`); a file named
    directly is always read.
    """
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            found = []
            for root, dirs, files in os.walk(name, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in files:
                    if file.startswith(".") or file.lower().endswith(SKIPPED_SUFFIXES) or \
                            file.lower().startswith("readme.") or _is_output(root, file):
                        continue
                    found.append(os.path.join(root, file))
            yield from sorted(found)
        else:
            yield name


def _is_output(folder: str, file: str) -> bool:
    """A table foiextract wrote (``pairs.csv``, ``dataset.xlsx``), or a workbook whose run
    state (``.NAME.foiextract/``) stands beside it."""
    stem, suffix = os.path.splitext(file.lower())
    if suffix not in (".csv", ".xlsx"):
        return False
    return stem in OUTPUT_NAMES or os.path.isdir(
        os.path.join(folder, f".{os.path.splitext(file)[0]}.foiextract"))


def extract(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *,
            limits: Limits = DEFAULT_LIMITS) -> Result:
    """Extract every document named (files and folders) into tables.

    A file that cannot be read becomes a row of ``errors``; the others still come out.
    ``limits`` also says how scans are read (``Limits(ocr=False)`` reads none).

    >>> import foiextract
    >>> result = foiextract.extract("corpora/barnet-scr-dhr/barnet_6015464.md")  # doctest: +SKIP
    >>> result.pairs[["question", "kind", "value"]].head(2)  # doctest: +SKIP
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    extractions: list[Extraction] = []
    errors: list[dict[str, str]] = []
    for path in paths:
        # A symbolic link found in a folder that leads out of it is refused (unsafe_path), as
        # on the command line; a file named directly is always read.
        root = os.fspath(path) if os.path.isdir(path) else None
        for source in iter_inputs([path]):
            try:
                if root is not None:
                    check_inside(source, root)
                extractions.extend(extract_file(source, limits))
            except FoiExtractError as err:
                errors.append(error_row(source, err))
    return Result.from_rows(extractions, errors)


def extract_file(source: str, limits: Limits = DEFAULT_LIMITS,
                 request: Sequence[str] | None = None) -> list[Extraction]:
    """Read one file and extract it (and any documents attached to it).

    Scans (a PDF's pages that are pictures, image files) are read by OCR as
    ``limits`` says (:func:`ocr_of`).

    The file is checked against ``limits`` before any parser sees it: a FIFO
    or device is never opened, an oversized file never read, a PDF or ZIP
    that would inflate far past its size never parsed. ``request`` is the
    request as sent, where it is known: a reply that restates none of its
    questions is read against it.
    """
    sha = probe(source, limits)
    check_content(source, limits)
    with ocr_settings(ocr_of(limits)):
        document = read_document(source)
    extractions = [extract_document(document, doc_id=sha[:16], sha256=sha, request=request)]
    for k, attachment in enumerate(document.attachments, start=1):
        extractions.append(extract_document(attachment, doc_id=f"{sha[:16]}-{k}", sha256="",
                                            request=request))
    return extractions


def ocr_of(limits: Limits) -> OcrSettings:
    """How scans are read under ``limits``.

    >>> ocr_of(Limits(ocr=False, ocr_language="cym")).language
    'cym'
    """
    return OcrSettings(enabled=limits.ocr, language=limits.ocr_language,
                       page_timeout=limits.ocr_page_timeout)


def extract_document(document: Document, *, doc_id: str, sha256: str = "",
                     request: Sequence[str] | None = None) -> Extraction:
    """Segment a document, read its answers' values, its facts and its table cells."""
    if document.messages:
        from .correspondence import focus  # threads only: most documents never need it

        document = focus(document)
    seg = segment(document, request=request)
    pairs = resolve_references(_with_values(seg.pairs))
    facts = read_facts(document, pairs)
    pairs = _refused_under(pairs, [c.provision for c in facts.exemptions])
    # A letter that gave no pairs is worth a look: its outcome is a guess from its words.
    warnings = (() if pairs else ("no_pairs",)) + (
        ("scanned_pages_unread",) if document.metadata.get("scanned_pages_unread") else ()) + (
        ("hidden_sheets",) if document.metadata.get("hidden_sheets") else ()) + (
        ("hidden_cells",) if document.metadata.get("hidden_cells") else ()) + (
        ("awaiting_reply",) if document.metadata.get("unanswered") else ())
    flags = sorted(set(seg.flags) | set(facts.flags) | set(warnings), key=_FLAG_ORDER.index)
    seen = Occurrences()
    keyed = tuple(replace(p, key=pair_key(doc_id, p.question, p.request_item,
                                          seen.next(normalise(p.question), p.request_item)))
                  for p in pairs)
    answered_by = {id(b): p.request_item for p in pairs for b in p.answer_blocks
                   if b.kind == "table"}
    return Extraction(
        doc_id=doc_id, source=document.source, format=document.format, sha256=sha256,
        pages=document.pages, ocr_pages=document.ocr_pages if document.pages is not None else None,
        facts=facts, flags=tuple(flags), pairs=keyed, request=tuple(seg.request),
        unanswered=tuple(seg.unanswered), cells=tuple(document_cells(document, answered_by)),
        caveats=tuple(read_caveats(document)), captions=tuple(table_captions(document)))


def _with_values(pairs: Sequence[Pair]) -> list[Pair]:
    """Each pair's answer read as a value in the light of its question.

    An answer shared by several questions ("Q16-Q18: One review has been
    completed, in December 2019. It has not yet been published.") gives each
    question the part of it that answers that question, where one stands out.
    """
    out: list[Pair] = []
    groups = _shared_groups(pairs)
    for n, pair in enumerate(pairs):
        question = f"{pair.part_of} {pair.question}" if pair.part_of else pair.question
        if n and _ELLIPTIC.match(question):
            # "Same for CIN plans?" after "How many were placed on CP plans?": asks the same.
            question = f"{pairs[n - 1].question} {question}"
        whole = parse_answer(pair.answer, question, blocks=pair.answer_blocks)
        value = whole
        if pair.shared:
            group = groups[n]
            # Only a short answer is read part by part: one sentence a question, or near it.
            if len(sentences(pair.answer)) <= len(group) + 1:
                value = value_of_part(pair.answer, question, group, whole) or whole
        # replace(pair, value=value), field by field: dataclasses.replace costs as much again.
        out.append(Pair(pair.question, pair.answer, pair.shared, pair.request_item, pair.section,
                        pair.rule, pair.question_source, pair.answer_source, pair.answer_blocks,
                        value, part_of=pair.part_of))
    return out


# How sure a value is that the letter, not its answer, completes (under compile's review line).
INFERRED_CONFIDENCE = 0.65

# A question that asks again what the one before it asked, of something else.
_ELLIPTIC = re.compile(r"(?:the\s+)?same\s+(?:for|of|with|in)\b|(?:and|what)\s+about\b|"
                       r"and\s+(?:for|in)\b", re.I)


def _refused_under(pairs: list[Pair], provisions: list[str]) -> list[Pair]:
    """A refusal that names no section ("…deemed these contracts to be commercially sensitive
    and therefore they will not be disclosed") in a letter that relies on one exemption only
    (its refusal notice: "Section 43(2) … states …") is refused under that one. With several
    exemptions cited, which one is the answer's is not known: it stays unnamed. Read from the
    letter, not the answer, it is below the confidence that `compile` sends to review."""
    if len(provisions) != 1:
        return pairs
    return [replace(p, value=replace(p.value, value=provisions[0], exemption=provisions[0],
                                     rule=f"{p.value.rule}+letter",
                                     confidence=min(p.value.confidence, INFERRED_CONFIDENCE)))
            if p.value is not None and p.value.kind == "withheld" and not p.value.value else p
            for p in pairs]


def _shared_groups(pairs: Sequence[Pair]) -> list[list[str]]:
    """For each pair, the questions of the run of shared pairs around it that stand under the
    same answer (made in one pass: a letter may hold thousands of questions under one answer)."""
    groups: list[list[str]] = []
    run: list[str] = []
    for n, pair in enumerate(pairs):
        if not (n and pair.shared and pairs[n - 1].shared and pairs[n - 1].answer == pair.answer):
            run = []  # a new run (a list shared by every pair of the run)
        run.append(pair.question)
        groups.append(run)
    return groups


_FLAG_ORDER = ["template_text", "empty_public_interest_test", "unanswered_items", "late",
               "no_pairs", "awaiting_reply", "scanned_pages_unread", "hidden_sheets",
               "hidden_cells"]
