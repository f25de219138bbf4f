"""Read a picture of a letter (PNG, JPEG, TIFF) by OCR into a :class:`~foiextract.model.Document`.

Each frame (a TIFF may hold several pages) is one page, read by
:func:`~.ocr.read_page` and laid out by the PDF reader's rules
(:mod:`.pdf_layout`, :mod:`.pdf_furniture`), so a photographed or faxed
letter gives the same blocks a scanned PDF does. Boxes are in points from
the top left, from the resolution the file states (300 dpi when it states
none).

>>> doc = read("letter.png")  # doctest: +SKIP
>>> doc.format, doc.ocr_pages, doc.blocks[0].source.ocr  # doctest: +SKIP
('image', 1, True)
"""

from __future__ import annotations

from typing import Any, Iterator

from ..errors import CorruptFile, NoTextLayer, TooLarge
from ..model import Block, Document, Source
from .ocr import Turns, current_settings, placed_as_fed, read_page, require_tesseract
from .pdf_tables import FoundTable
from .pdf_columns import borderless_tables
from .pdf_furniture import furniture_lines
from .pdf_layout import Line, bbox, paragraph_spans, paragraphs, right_margin

_DEFAULT_DPI = 300.0
# A frame larger than this (about 12,000 x 12,500 pixels; an A4 page at 600 dpi is 35
# million) is not a page of a letter. Pillow refuses past twice its own 89 million.
MAX_PIXELS = 150_000_000


def read(path: str) -> Document:
    """Read the image at ``path`` by OCR; raise NoTextLayer (OCR off or nothing found),
    NeedsOcr (no Tesseract) or CorruptFile."""
    settings = current_settings()
    if not settings.enabled:
        raise NoTextLayer(path, "the file is an image and OCR is off (--no-ocr)")
    require_tesseract(path, "the file is an image: it")
    pages: list[tuple[float, list[Line]]] = []
    ruled: list[list[FoundTable]] = []
    confidences: dict[int, float] = {}
    turns: Turns = {}
    for number, (image, scale) in enumerate(_frames(path), start=1):
        read = read_page(image, number, scale, path, settings)
        lines = read.lines
        words = [c for line in lines for c in line.confidences]
        confidences[number] = round(sum(words) / len(words), 3) if words else 0.0
        pages.append((read.height, lines))
        ruled.append(read.tables)
        if read.turn:
            turns[number] = (read.turn, read.width, read.height)
    if not any(lines for _, lines in pages) and not any(ruled):
        raise NoTextLayer(path, "the file is an image and OCR found no text on it")
    furniture_ids = furniture_lines(pages)
    blocks: list[Block] = []
    furniture: list[Block] = []
    for number, (_height, lines) in enumerate(pages, start=1):
        body = [line for line in lines if id(line) not in furniture_ids]
        furniture.extend(_block([line], line.x1) for line in lines if id(line) in furniture_ids)
        tables, body = borderless_tables(body, number) if any(ln.gutters for ln in body) \
            else ([], body)
        for table in ruled[number - 1] + tables:
            blocks.append(Block("table", rows=table.rows, header_rows=table.header_rows,
                                source=Source(page=number, bbox=table.bbox, ocr=True,
                                              ocr_confidence=confidences[number])))
        right = right_margin(body)
        blocks.extend(_block(group, right) for group in paragraphs(body, right))
    blocks.sort(key=lambda b: (b.source.page or 0, (b.source.bbox or (0, 0))[1]))
    if turns:  # a frame fed in on its side or upside down: each box where it stands on it
        blocks, furniture = placed_as_fed(blocks, turns), placed_as_fed(furniture, turns)
    return Document(blocks=tuple(b for b in blocks if b.text.strip()), format="image",
                    source=path, furniture=tuple(furniture), pages=len(pages),
                    ocr_pages=len(pages))


def _block(lines: list[Line], right: float) -> Block:
    words = [c for line in lines for c in line.confidences]
    return Block("paragraph", paragraph_spans(lines, right),
                 source=Source(page=lines[0].page, bbox=bbox(lines), ocr=True,
                               ocr_confidence=round(sum(words) / len(words), 3) if words
                               else None))


def _frames(path: str) -> Iterator[tuple[Any, float]]:
    """Each frame of the image, with the points one of its pixels measures."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(path)
    except Image.DecompressionBombError:
        raise TooLarge(path, f"the image has more than {MAX_PIXELS:,} pixels",
                       limit=MAX_PIXELS) from None
    except (UnidentifiedImageError, OSError, ValueError) as err:
        raise CorruptFile(path, f"the image could not be read ({type(err).__name__})") from None
    with image:
        for index in range(getattr(image, "n_frames", 1)):
            try:
                image.seek(index)
                if image.width * image.height > MAX_PIXELS:
                    raise TooLarge(path, f"frame {index + 1} has more than {MAX_PIXELS:,} "
                                   "pixels", page=index + 1, limit=MAX_PIXELS)
                frame = image.convert("L")
            except (OSError, ValueError, Image.DecompressionBombError) as err:
                raise CorruptFile(path, "the image is damaged and could not be read "
                                  f"({type(err).__name__})") from None
            dpi = image.info.get("dpi") or (_DEFAULT_DPI, _DEFAULT_DPI)
            try:
                resolution = float(dpi[0])
            except (TypeError, ValueError, IndexError):
                resolution = _DEFAULT_DPI
            if not 50 <= resolution <= 2400:
                resolution = _DEFAULT_DPI  # a stated 1 dpi or 72 000 dpi is not a page's
            yield frame, 72.0 / resolution
