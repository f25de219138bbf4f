"""Read a PDF's text layer into a :class:`~foiextract.model.Document`.

Each page is interpreted once: by pdfium (:mod:`.pdf_pdfium`), which gives
the glyphs and rulings pdfminer would (character codes pdfium does not give
are read from the content stream: :mod:`.pdf_content`), or, for the pages that
need it (scans, rotated pages, Type 3 fonts), by pdfminer (:mod:`.pdf_glyphs`);
:func:`engine` says which (``FOIEXTRACT_PDF_ENGINE``). Either way: glyphs with
their effective bold/italic (font name, descriptor, render mode, slant) and
colour, text under black redaction boxes dropped. Pages that draw rulings go through
pdfplumber's table finder (:mod:`.pdf_tables`); the remaining glyphs become
lines and paragraphs (:mod:`.pdf_layout`). A page that is a picture (a scan:
next to no text, mostly image) is rendered and read by OCR (:mod:`.pdf_ocr`)
into lines like any other page's, so a letter with a scanned annex reads
both; its blocks say ``ocr`` and their confidence in their ``source``. Running
headers, footers, page numbers and protective markings go to ``furniture``
(:mod:`.pdf_furniture`).
A paragraph or a table broken by a page break is joined again. Each page is
closed as soon as it is read, so memory stays flat over long files.

>>> doc = read("corpora/singles/sheffield_FOI-21-312.pdf")  # doctest: +SKIP
>>> doc.blocks[0].source.page, doc.format  # doctest: +SKIP
(1, 'pdf')
"""

from __future__ import annotations

import gc
import logging
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Iterator

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfminer.psparser import PSLiteral

from ..errors import CorruptFile, Encrypted, FoiExtractError, NoTextLayer
from ..model import Block, Document, Source
from .ocr import (OcrSettings, Turns, current_settings, placed_as_fed, require_tesseract,
                  tesseract_available)
from .pdf_columns import borderless_tables
from .pdf_furniture import furniture_lines
from .pdf_glyphs import PageContent, StyleDevice, page_content, rulings_only
from .pdf_ocr import PageRenderer, image_area, is_scan
from .pdf_pdfium import PdfiumPages
from .pdf_structure import check_page_tree
from .pdf_layout import (Line, bbox, group_lines, paragraph_spans, paragraphs, right_margin,
                         starts_item, stopped_short)
from .pdf_tables import (FoundTable, Layouts, carried_into, carries_on, continue_table,
                         find_tables, header_wraps_joined, label_wraps_joined, same_columns)
from .text import quoted_original, read_as_text

# pdfminer logs a warning for each malformed font it meets ("Could not get FontBBox from font
# descriptor …"), a line on the user's terminal for every page: the reader reads on and says
# what matters in its own checks, so pdfminer's own log is kept to its errors.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# Which engine reads pages unless FOIEXTRACT_PDF_ENGINE says otherwise (see engine()).
DEFAULT_ENGINE = "pdfium"
_SENTENCE_END = re.compile(r"[.?!:;][\"'’”)]?$")


@dataclass(slots=True)
class _Paragraph:
    lines: list[Line]


@dataclass(slots=True)
class _Table:
    table: FoundTable
    page: int


_Element = _Paragraph | _Table


def read(path: str) -> Document:
    """Read the PDF at ``path``; raise Encrypted, NoTextLayer, NeedsOcr or CorruptFile when
    it cannot be."""
    with fewer_collections():
        return _read(path)


# The youngest generation's threshold while a PDF is read (Python's default is 700).
_GC_YOUNG = 20_000
_gc_lock = threading.Lock()
_gc_readers = 0
_gc_saved: tuple[int, ...] = ()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The garbage collector's youngest generation collected after ``_GC_YOUNG`` new
    objects rather than Python's 700, until the last reader in the process is done (then
    the thresholds are as they were). A page of tables makes thousands of glyphs, lines and
    cells; collected every 700 objects, those that live through the page are scanned again
    and again and moved on to the old generation, whose full collections then go over every
    object in the process (the annex of tables: about a seventh of its time). Nothing else
    changes: only when cycles are found, not what is read."""
    global _gc_readers, _gc_saved
    with _gc_lock:
        if not _gc_readers:
            _gc_saved = gc.get_threshold()
            young, *older = _gc_saved
            gc.set_threshold(max(young, _GC_YOUNG), *older)
        _gc_readers += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_readers -= 1
            if not _gc_readers:
                gc.set_threshold(*_gc_saved)


def _read(path: str) -> Document:
    try:
        pdf = pdfplumber.open(path)
    except Exception as err:  # noqa: BLE001 - pdfminer raises many kinds; none may escape
        raise _error(path, err) from None
    scans: dict[int, float | None] = {}
    turns: Turns = {}
    try:
        with pdf, PageRenderer(path) as renderer:
            fault = check_page_tree(pdf.doc)
            if fault:
                raise CorruptFile(path, fault)
            metadata = _metadata(pdf.metadata)
            pages = list(_read_pages(pdf, path, renderer, scans, turns))
    except FoiExtractError:
        raise
    except Exception as err:  # noqa: BLE001
        raise _error(path, err) from None
    if not pages:
        raise CorruptFile(path, "the PDF has no pages")
    ocr = _ocr_done(scans)
    if not any(lines or tables for _, _, lines, tables in pages):
        _no_text(path, scans, ocr)
    if scans and not ocr:
        metadata["scanned_pages_unread"] = ", ".join(str(n) for n in scans)
    furniture_ids = furniture_lines([(height, lines) for _, height, lines, _ in pages])
    furniture: list[Block] = []
    elements: list[tuple[int, _Element]] = []
    all_body: list[Line] = []
    for number, _height, lines, tables in pages:
        body = [line for line in lines if id(line) not in furniture_ids]
        furniture.extend(_line_block(line) for line in lines if id(line) in furniture_ids)
        all_body.extend(body)
        elements.extend((number, e) for e in _page_elements(body, tables, number))
    right = right_margin(all_body)
    blocks = [_block(element, right) for element in _join_pages(elements, right)]
    if ocr:
        blocks = [_ocr_table(b, scans) for b in blocks]
    blocks = [b for b in blocks if b.text.strip()]
    # An e-mail pasted into Word a paragraph a line, printed to PDF: read as its text.
    read = read_as_text(blocks, _placed) if not ocr else None
    if read is not None:
        blocks = read[0]
        furniture.extend(read[1])
    blocks, header = quoted_original(blocks)
    furniture.extend(header)
    if turns:
        blocks, furniture = placed_as_fed(blocks, turns), placed_as_fed(furniture, turns)
    return Document(blocks=tuple(blocks), format="pdf",
                    source=path, furniture=_dedupe(furniture), metadata=metadata,
                    pages=len(pages), ocr_pages=len(scans) if ocr else 0)


def _ocr_done(scans: dict[int, float | None]) -> bool:
    """True when the scanned pages were read by OCR (it is on and Tesseract is there)."""
    return bool(scans) and current_settings().enabled and tesseract_available()


def _no_text(path: str, scans: dict[int, float | None], ocr: bool) -> None:
    """Raise the error of a PDF that gave no text: a scan needs OCR, or OCR found nothing."""
    if not scans:
        raise NoTextLayer(path)
    if not current_settings().enabled:
        raise NoTextLayer(path, "the PDF is a scan (no text layer) and OCR is off (--no-ocr)")
    require_tesseract(path, "the PDF is a scan (no text layer): it")
    raise NoTextLayer(path, "the PDF is a scan and OCR found no text on it")


def _error(path: str, err: BaseException) -> FoiExtractError:
    chain: list[BaseException] = []
    seen: BaseException | None = err
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__ or (
            seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None)
    if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in chain):
        return Encrypted(path, "the PDF is encrypted and the empty password does not open it")
    if isinstance(err, RecursionError):
        return CorruptFile(path, "the PDF's structure nests too deeply to read")
    return CorruptFile(path, f"the PDF is damaged and could not be read ({type(err).__name__})")


def _read_pages(pdf: Any, path: str, renderer: PageRenderer, scans: dict[int, float | None],
                turns: Turns) -> Iterator[tuple[int, float, list[Line], list[FoundTable]]]:
    """Each page's number, height, lines and tables. A scanned page is read by OCR when OCR
    is on and Tesseract is there; ``scans`` gets its number and its words' mean confidence
    (None when it was not read).

    With the pdfium engine (:func:`engine`) each page is read by :mod:`.pdf_pdfium`,
    and by pdfminer only when it needs what pdfium cannot give (a scan, a rotated page,
    a Type 3 font, a character without Unicode; see there)."""
    settings = current_settings()
    fast = PdfiumPages.open(path, pdf.rsrcmgr) if engine() == "pdfium" else None
    layouts = Layouts()  # the tables pdfium's pages ruled alike share
    try:
        for number, page in enumerate(pdf.pages, start=1):
            read = fast.read_page(number - 1, _page_object(page)) if fast is not None else None
            if read is not None:
                content = read.content
                glyphs = content.glyphs
                tables: list[FoundTable] = []
                if content.rulings >= 2 and glyphs:
                    tables, glyphs = find_tables(read.rulings, glyphs, number,
                                                 (0.0, 0.0, content.width, content.height),
                                                 layouts)
                lines = group_lines(glyphs, number)
            else:
                content, lines, tables = _miner_page(pdf, page, number, renderer, settings,
                                                     scans, turns)
            if any(line.gutters for line in lines):
                borderless, lines = borderless_tables(lines, number)
                tables.extend(borderless)
            for line in lines:
                line.glyphs = []  # only the column finder needs them; keep memory flat
            page.close()
            yield number, content.height, lines, tables
    finally:
        if fast is not None:
            fast.close()


def _miner_page(pdf: Any, page: Any, number: int, renderer: PageRenderer,
                settings: OcrSettings, scans: dict[int, float | None], turns: Turns
                ) -> tuple[PageContent, list[Line], list[FoundTable]]:
    """One page read through pdfminer: its content, lines and ruled tables (or its OCR)."""
    rsrcmgr = pdf.rsrcmgr
    device = StyleDevice(rsrcmgr, pageno=number)
    PDFPageInterpreter(rsrcmgr, device).process_page(_page_object(page))
    layout = device.get_result()
    content = page_content(layout)
    glyphs = content.glyphs
    tables: list[FoundTable] = []
    visible = sum(1 for g in glyphs if g.text.strip())
    if is_scan(visible, image_area(layout, content.width, content.height)) \
            or _unmapped(glyphs, visible):
        if not (settings.enabled and tesseract_available()):
            scans[number] = None
            return content, [], []
        read = renderer.page(number, settings)
        lines, tables = read.lines, read.tables
        words = [c for line in lines for c in line.confidences]
        scans[number] = round(sum(words) / len(words), 3) if words else None
        if read.turn:
            turns[number] = (read.turn, read.width, read.height)
        return content._replace(height=read.height), lines, tables
    if content.rulings >= 2 and glyphs:
        page._layout = rulings_only(layout)  # the finder needs edges, not characters
        rulings = {"line": page.lines, "rect": page.rects, "curve": page.curves}
        tables, glyphs = find_tables(rulings, glyphs, number, tuple(page.bbox))
    return content, group_lines(glyphs, number), tables


def engine() -> str:
    """Which engine reads PDF pages: ``pdfium`` (pdfium's glyphs, pdfminer where a page
    needs it) or ``pdfminer`` (every page through pdfminer), from ``FOIEXTRACT_PDF_ENGINE``.

    >>> engine() in ("pdfium", "pdfminer")
    True
    """
    chosen = os.environ.get("FOIEXTRACT_PDF_ENGINE", DEFAULT_ENGINE).strip().lower()
    return chosen if chosen in ("pdfium", "pdfminer") else DEFAULT_ENGINE


# A page whose fonts were embedded without their character maps (some "print to PDF" tools
# leave them so) has no text to read: its characters come out as "(cid:12)" or as stray
# symbols ("(cid:24)(cid:28)!"(cid:28)#"), so fewer than this share of them are letters or
# figures (a page of text has nine in ten). Such a page is read by OCR, as a scan is.
_MIN_UNMAPPED = 20
_MIN_READABLE_SHARE = 0.6


def _unmapped(glyphs: list[Any], visible: int) -> bool:
    unmapped = sum(1 for g in glyphs if g.text.startswith("(cid:"))
    if unmapped < _MIN_UNMAPPED:
        return False
    return sum(1 for g in glyphs if g.text.isalnum()) < _MIN_READABLE_SHARE * visible


def _page_object(page: Any) -> PDFPage:
    obj: PDFPage = page.page_obj
    return obj


def _page_elements(lines: list[Line], tables: list[FoundTable], number: int) -> list[_Element]:
    """A page's paragraphs and tables, top to bottom; no paragraph runs across a table."""
    elements: list[_Element] = []
    pending = sorted(tables, key=lambda t: t.bbox[1])
    run: list[Line] = []

    def flush() -> None:
        if run:
            elements.extend(_Paragraph(group) for group in paragraphs(run, right_margin(run)))
            run.clear()

    for line in lines:
        while pending and pending[0].bbox[1] <= line.top:
            flush()
            elements.append(_Table(pending.pop(0), number))
        run.append(line)
    flush()
    elements.extend(_Table(t, number) for t in pending)
    return elements


def _join_pages(elements: list[tuple[int, _Element]], right: float) -> list[_Element]:
    """Rejoin a paragraph or a table that a page break cut in two."""
    joined: list[tuple[int, _Element]] = []
    carried: _Element | None = None  # the text a table's last row ran on with, atop a page
    for number, element in elements:
        first = _first_on_page(elements, number, element)
        if joined and joined[-1][0] == number - 1 and isinstance(joined[-1][1], _Table) and \
                first and isinstance(element, _Paragraph):
            column = _carried_column(joined[-1][1].table, element.lines)
            if column is not None:
                # The rest of a cell, alone atop the page (a borderless table's row that broke
                # across pages leaves no row of its own): back into its cell.
                joined[-1] = (number - 1, _Table(
                    carried_into(joined[-1][1].table, column, element.lines), joined[-1][1].page))
                carried = element
                continue
        if carried is not None and _next_after(elements, number, carried) is element:
            first = True  # what follows the carried text stands first on the page
        carried = None
        if joined and joined[-1][0] == number - 1 and first:
            prev = joined[-1][1]
            if isinstance(prev, _Table) and isinstance(element, _Table) and \
                    same_columns(prev.table, element.table):
                joined[-1] = (number, _Table(continue_table(prev.table, element.table), prev.page))
                continue
            if isinstance(prev, _Paragraph) and isinstance(element, _Paragraph) and \
                    _continues(prev.lines[-1], element.lines[0], right):
                prev.lines.extend(element.lines)
                joined[-1] = (number, prev)
                continue
        joined.append((number, element))
    return [element for _, element in joined]


def _first_on_page(elements: list[tuple[int, _Element]], number: int, element: _Element) -> bool:
    return next(e for n, e in elements if n == number) is element


def _next_after(elements: list[tuple[int, _Element]], number: int, element: _Element
                ) -> _Element | None:
    """The element after ``element`` on page ``number``."""
    on_page = [e for n, e in elements if n == number]
    at = next(k for k, e in enumerate(on_page) if e is element)
    return on_page[at + 1] if at + 1 < len(on_page) else None


def _carried_column(table: FoundTable, lines: list[Line]) -> int | None:
    """The column (not the first) that ``lines``, atop a page under ``table`` on the page
    before, stand in, when they carry on the sentence its last row's cell there left
    unfinished; None otherwise."""
    if len(table.columns) < 2 or not table.rows or len(lines) > 40:
        return None
    starts = table.last_columns or table.columns
    x0 = min(line.x0 for line in lines)
    column = max((k for k, start in enumerate(starts) if start <= x0 + 3), default=0)
    row = table.rows[-1]
    if column == 0 or column >= len(row) or any(line.x0 < starts[column] - 3 for line in lines):
        return None
    above = " ".join(row[column].text.split())
    return column if above and carries_on(above, lines[0].text.strip()) else None


def _continues(last: Line, first: Line, right: float) -> bool:
    """A paragraph ending without a full stop, continued in the same style on the next page
    (not an item numbered there under a line that stopped short: "67" / "7. How many …",
    as :data:`.pdf_layout.BREAK_RULES` part them on one page)."""
    if _SENTENCE_END.search(last.text) or last.bold != first.bold \
            or abs(last.size - first.size) > 1.0 \
            or (starts_item(first) and stopped_short(last, first, right)):
        return False
    return first.text[:1].islower() or (
        last.italic == first.italic and abs(last.x0 - first.x0) < 3 * last.size)


def _block(element: _Element, right: float) -> Block:
    if isinstance(element, _Table):
        table = label_wraps_joined(header_wraps_joined(element.table))
        return Block("table", rows=table.rows, header_rows=table.header_rows,
                     source=Source(page=element.page, bbox=table.bbox))
    lines = element.lines
    on_first = [line for line in lines if line.page == lines[0].page]
    return Block("paragraph", paragraph_spans(lines, right),
                 source=_source(lines[0].page, bbox(on_first), lines))


def _placed(block: Block, read_from: list[Block]) -> Block:
    """A block laid out again from the PDF's own (:func:`.text.relaid`), standing where they
    stood: on the page of the first, in the box of those on that page."""
    page = read_from[0].source.page
    boxes = [b.source.bbox for b in read_from if b.source.page == page and b.source.bbox]
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
           max(b[3] for b in boxes)) if boxes else None
    return replace(block, source=Source(page=page, bbox=box))


def _line_block(line: Line) -> Block:
    return Block("paragraph", paragraph_spans([line], line.x1),
                 source=_source(line.page, bbox([line]), [line]))


def _source(page: int, box: tuple[float, float, float, float], lines: list[Line]) -> Source:
    """Where a block stands; for lines read by OCR, that they were and how surely (the mean
    of their words' confidences)."""
    words = [c for line in lines for c in line.confidences]
    if not words:
        return Source(page=page, bbox=box)
    return Source(page=page, bbox=box, ocr=True,
                  ocr_confidence=round(sum(words) / len(words), 3))


def _ocr_table(block: Block, scans: dict[int, float | None]) -> Block:
    """A table found among OCR'd lines, marked as OCR with its page's mean confidence."""
    page = block.source.page
    if block.kind != "table" or page not in scans:
        return block
    return Block("table", rows=block.rows, header_rows=block.header_rows,
                 source=Source(page=page, bbox=block.source.bbox, ocr=True,
                               ocr_confidence=scans[page]))


def _dedupe(blocks: list[Block]) -> tuple[Block, ...]:
    seen: set[str] = set()
    kept: list[Block] = []
    for block in blocks:
        key = re.sub(r"\d+", "#", " ".join(block.text.lower().split()))
        if key not in seen:
            seen.add(key)
            kept.append(block)
    return tuple(kept)


def _metadata(raw: dict[str, Any]) -> dict[str, str]:
    """Title, author and creation date (ISO) as strings, where the PDF states them."""
    found: dict[str, str] = {}
    for key, name in (("Title", "title"), ("Author", "author"), ("Subject", "subject"),
                      ("Producer", "producer")):
        value = _text(raw.get(key))
        if value:
            found[name] = value
    created = _pdf_date(_text(raw.get("CreationDate")))
    if created:
        found["creation_date"] = created
    return found


def _text(value: Any) -> str:
    if isinstance(value, PSLiteral):
        value = value.name
    if isinstance(value, bytes):
        value = value.decode("latin-1", errors="replace")
    return " ".join(str(value).split()) if value is not None else ""


def _pdf_date(value: str) -> str:
    """``D:20200210143000+00'00'`` as ``2020-02-10T14:30:00+00:00``; "" when unreadable."""
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?"
                     r"(?:([+-])(\d{2})'?(\d{2})?'?|Z)?", value)
    if not match:
        return ""
    year, month, day, hour, minute, second, sign, tzh, tzm = match.groups()
    date = f"{year}-{month or '01'}-{day or '01'}"
    if hour is None:
        return date
    stamp = f"{date}T{hour}:{minute or '00'}:{second or '00'}"
    if sign:
        stamp += f"{sign}{tzh}:{tzm or '00'}"
    elif value.rstrip("'").endswith("Z"):
        stamp += "+00:00"
    return stamp

