"""One road through the product: read, segment, read values and facts, make rows.

>>> result = extract(["corpora/barnet-scr-dhr/barnet_6015464.md"])  # doctest: +SKIP
>>> len(result.pairs)  # doctest: +SKIP
22
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Iterator, Sequence

from .cells import document_cells
from .extraction import Extraction
from .errors import FoiExtractError, printable
from .keys import Occurrences, pair_key, value_key
from .lexicon.text import normalise
from .foi import read_facts
from .limits import Limits, check_content, check_inside, probe
from .model import Document, Pair, Source
from .readers import read_document
from .readers.ocr import OcrSettings, ocr_settings
from .result import Result
from .segment import segment
from .values import parse_answer
from .values.parts import sentences, value_of_part
from .values.references import resolve_references

DEFAULT_LIMITS = Limits()
# Files a folder search passes over: our own gold and outputs, data and code. A ZIP is not
# passed over: extract gives it an errors row, compile unpacks it.
# Pictures (.png, .jpg, .tif) are read: a letter may come scanned or photographed.
SKIPPED_SUFFIXES = (".gold.json", ".json", ".tsv", ".csv", ".py", ".sh", ".xlsx", ".parquet",
                    ".db", ".sqlite", ".gif", ".ipynb")


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
                            file.lower().startswith("readme."):
                        continue
                    found.append(os.path.join(root, file))
            yield from sorted(found)
        else:
            yield name


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


def error_row(source: str, err: FoiExtractError) -> dict[str, str]:
    """The ``errors`` row for a failed input: stable kind, one-line message (a file name's
    bytes that are not UTF-8 shown as ``\\xe9``, so the table can still be written)."""
    return {"source": printable(source), "kind": err.kind,
            "message": printable(str(err).replace("\n", " "))}


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
    """Segment a document, read its answers' values and its facts, and make its rows."""
    if document.messages:
        from .correspondence import focus  # threads only: most documents never need it

        document = focus(document)
    seg = segment(document, request=request)
    pairs = resolve_references(_with_values(seg.pairs))
    facts = read_facts(document, pairs)
    # A letter that gave no pairs is worth a look: its outcome is a guess from its words.
    warnings = (() if pairs else ("no_pairs",)) + (
        ("scanned_pages_unread",) if document.metadata.get("scanned_pages_unread") else ())
    flags = sorted(set(seg.flags) | set(facts.flags) | set(warnings), key=_FLAG_ORDER.index)
    source = document.source
    doc_row = {
        "doc_id": doc_id, "source": source, "format": document.format, "sha256": sha256,
        "pages": document.pages, "authority": facts.authority,
        "authority_code": facts.authority_code, "reference": facts.reference,
        "received_date": facts.received_date, "response_date": facts.response_date,
        "working_days": facts.working_days, "late": facts.late,
        "legislation": facts.legislation, "outcome": facts.outcome,
        "exemptions": "; ".join(c.provision for c in facts.exemptions),
        "flags": "; ".join(flags), "n_pairs": len(pairs), "n_request_items": len(seg.request),
        "n_unanswered": len(seg.unanswered),
        "unanswered_items": "; ".join(str(i) for i in seg.unanswered),
        "ocr_pages": document.ocr_pages if document.pages is not None else None,
    }
    seen = Occurrences()
    keys = [pair_key(doc_id, p.question, p.request_item, seen.next(normalise(p.question),
                                                                   p.request_item))
            for p in pairs]
    pair_rows = [{**_pair_row(doc_id, source, n, p), "pair_key": key}
                 for n, (p, key) in enumerate(zip(pairs, keys), start=1)]
    value_rows = [
        {"doc_id": doc_id, "pair_no": n, "value_no": k, "value_key": value_key(keys[n - 1], k),
         "kind": atom.kind, "number": atom.number,
         "unit": atom.unit, "date_start": atom.date_start, "date_end": atom.date_end,
         "label": atom.label}
        for n, p in enumerate(pairs, start=1) if p.value is not None
        for k, atom in enumerate(p.value.atoms, start=1)
    ]
    exemption_rows = [
        {"doc_id": doc_id, "source": source, "provision": c.provision, "name": c.name,
         "absolute": c.absolute, "pair_no": c.pair_no, "text": c.text}
        for c in facts.exemptions
    ]
    request_rows = [
        {"doc_id": doc_id, "item": i, "question": q, "answered": i not in seg.unanswered}
        for i, q in enumerate(seg.request, start=1)
    ]
    answered_by = {id(b): p.request_item for p in pairs for b in p.answer_blocks
                   if b.kind == "table"}
    cells = document_cells(document, answered_by)
    return Extraction(doc_row, pair_rows, value_rows, exemption_rows, request_rows, cells)


def _with_values(pairs: Sequence[Pair]) -> list[Pair]:
    """Each pair's answer read as a value in the light of its question.

    An answer shared by several questions ("Q16-Q18: One review has been
    completed, in December 2019. It has not yet been published.") gives each
    question the part of it that answers that question, where one stands out.
    """
    out: list[Pair] = []
    for n, pair in enumerate(pairs):
        whole = parse_answer(pair.answer, pair.question, blocks=pair.answer_blocks)
        value = whole
        if pair.shared:
            group = [p.question for p in _shared_group(pairs, n)]
            # Only a short answer is read part by part: one sentence a question, or near it.
            if len(sentences(pair.answer)) <= len(group) + 1:
                value = value_of_part(pair.answer, pair.question, group, whole) or whole
        # replace(pair, value=value), field by field: dataclasses.replace costs as much again.
        out.append(Pair(pair.question, pair.answer, pair.shared, pair.request_item, pair.section,
                        pair.rule, pair.question_source, pair.answer_source, pair.answer_blocks,
                        value))
    return out


def _shared_group(pairs: Sequence[Pair], n: int) -> list[Pair]:
    """The run of shared pairs around pair ``n`` that stand under the same answer."""
    start = n
    while start > 0 and pairs[start - 1].shared and pairs[start - 1].answer == pairs[n].answer:
        start -= 1
    end = n
    while end + 1 < len(pairs) and pairs[end + 1].shared and pairs[end + 1].answer == pairs[n].answer:
        end += 1
    return list(pairs[start:end + 1])


_FLAG_ORDER = ["template_text", "empty_public_interest_test", "unanswered_items", "late",
               "no_pairs", "scanned_pages_unread"]


def _pair_row(doc_id: str, source: str, number: int, pair: Pair) -> dict[str, Any]:
    value = pair.value
    where = _where(pair.question_source, pair.answer_source)
    row: dict[str, Any] = {
        "doc_id": doc_id, "source": source, "pair_no": number, "section": pair.section,
        "question": pair.question, "answer": pair.answer, "shared": pair.shared,
        "request_item": pair.request_item, "rule": pair.rule, **where, **_ocr(pair),
    }
    if value is not None:
        row.update({
            "kind": value.kind, "value": value.value, "number": value.number, "unit": value.unit,
            "low": value.low, "high": value.high, "date_start": value.date_start,
            "date_end": value.date_end, "exemption": value.exemption, "url": value.url,
            "confidence": value.confidence, "value_rule": value.rule,
        })
    return row


def _ocr(pair: Pair) -> dict[str, Any]:
    """``ocr`` and ``ocr_confidence`` of a pair: read by OCR when its question or answer was;
    the confidence is the answer's (its blocks' mean), else the question's."""
    answer = [b.source for b in pair.answer_blocks if b.source.ocr] or \
        ([pair.answer_source] if pair.answer_source.ocr else [])
    sources = answer or ([pair.question_source] if pair.question_source.ocr else [])
    if not sources:
        return {"ocr": False, "ocr_confidence": None}
    known = [s.ocr_confidence for s in sources if s.ocr_confidence is not None]
    return {"ocr": True,
            "ocr_confidence": round(sum(known) / len(known), 3) if known else None}


def _where(question: Source, answer: Source) -> dict[str, Any]:
    if question.page is not None:
        bbox = question.bbox
        if bbox and answer.bbox and answer.page == question.page:
            bbox = (min(bbox[0], answer.bbox[0]), bbox[1], max(bbox[2], answer.bbox[2]),
                    answer.bbox[3])
        return {"page": question.page,
                "bbox": ",".join(f"{v:.1f}" for v in bbox) if bbox else None}
    if question.line_start is None and question.paragraph is not None:
        last = answer.paragraph if answer.paragraph is not None else question.paragraph
        return {"paragraph_start": question.paragraph, "paragraph_end": last}
    end = answer.line_end if answer.line_end is not None else question.line_end
    return {"line_start": question.line_start, "line_end": end}
