"""The source beside each cell: a PDF page rendered to PNG, or the lines around a text answer.

A PDF answer's page is rendered once with pypdfium2 (whatever the number of cells on it);
the page shows the answer's box, which the review page draws over the image in PDF points.
A pair's box is where its question stands (with its answer when both share a page); an
answer printed elsewhere (``Q3-Q5: None …`` on page 2 under a list of questions on page 1)
is found by its words in the page's text (:meth:`Sources.locate`), so the page shown is the
answer's.
An answer from a text format (Markdown, text, e-mail, HTML, Word) gets the blocks around it,
read again by foiextract's own reader, the answer's own blocks marked. A source that cannot
be found or read any more gets neither: the page shows the answer's text alone.

>>> sources = Sources("out/review-page", base="out")  # doctest: +SKIP
>>> sources.page_image("letter.pdf", 1)  # doctest: +SKIP
{'src': 'pages/1a2b3c4d5e6f-p1.png', 'width': 595.3, 'height': 841.9}
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

from ..errors import FoiExtractError

# Pixels per PDF point: 1.5 renders an A4 page 893 pixels wide, sharp enough to read figures.
SCALE = 1.5
# Blocks shown each side of a text answer.
CONTEXT_BLOCKS = 4
# Words of an answer searched for in a PDF's text: its first ones (a line break in the PDF's
# text breaks a match, so few), and its last ones to find where it ends.
HEAD_WORDS, TAIL_WORDS = 4, 3


class Sources:
    """Renders and reads each source once, for the page written in ``folder``."""

    def __init__(self, folder: str, base: str) -> None:
        self.folder = folder
        self.base = base
        self._images: dict[tuple[str, int], dict[str, Any] | None] = {}
        self._documents: dict[str, list[dict[str, Any]] | None] = {}
        self._texts: dict[str, list[Any] | None] = {}

    def find(self, source: str) -> str | None:
        """The file a table's ``source`` names: as given (from where the run was made), else
        beside the output."""
        for candidate in (source, os.path.join(self.base, source)):
            if source and os.path.isfile(candidate):
                return candidate
        return None

    def page_image(self, source: str, page: int) -> dict[str, Any] | None:
        """``{src, width, height}`` of the page's PNG (width and height in PDF points)."""
        if (source, page) not in self._images:
            self._images[source, page] = self._render(source, page)
        return self._images[source, page]

    def _render(self, source: str, page: int) -> dict[str, Any] | None:
        import pypdfium2 as pdfium

        path = self.find(source)
        if path is None or not path.lower().endswith(".pdf"):
            return None
        name = f"{hashlib.blake2b(path.encode(), digest_size=6).hexdigest()}-p{page}.png"
        try:
            pdf = pdfium.PdfDocument(path)
            try:
                if not 1 <= page <= len(pdf):
                    return None
                sheet = pdf[page - 1]
                width, height = sheet.get_size()
                image = sheet.render(scale=SCALE).to_pil()
                os.makedirs(os.path.join(self.folder, "pages"), exist_ok=True)
                image.save(os.path.join(self.folder, "pages", name), optimize=True)
            finally:
                pdf.close()
        except (pdfium.PdfiumError, OSError):
            return None
        return {"src": f"pages/{name}", "width": round(width, 1), "height": round(height, 1)}

    def locate(self, source: str, answer: str, page: int | None
               ) -> tuple[int, tuple[float, float, float, float]] | None:
        """The page and box (PDF points from the top left) where ``answer``'s words are
        printed, searching from ``page`` on, then the pages before; None if not found."""
        words = answer.split()
        pages = self._text_pages(source)
        if not words or not pages:
            return None
        start = min(max(page or 1, 1), len(pages))
        for number in [*range(start, len(pages) + 1), *range(1, start)]:
            text, height = pages[number - 1]
            hit = text.search(" ".join(words[:HEAD_WORDS])).get_next()
            if hit is None:
                continue
            first, end = hit[0], hit[0] + hit[1]
            if len(words) > HEAD_WORDS:
                tail = text.search(" ".join(words[-TAIL_WORDS:]), index=end).get_next()
                if tail is not None:
                    end = tail[0] + tail[1]
            rects = [text.get_rect(n) for n in range(text.count_rects(first, end - first))]
            if rects:
                return number, (min(r[0] for r in rects), height - max(r[3] for r in rects),
                                max(r[2] for r in rects), height - min(r[1] for r in rects))
        return None

    def _text_pages(self, source: str) -> list[Any] | None:
        """Each page's text (pypdfium2's, searchable) and height, read once per file."""
        import pypdfium2 as pdfium

        if source not in self._texts:
            path = self.find(source)
            self._texts[source] = None
            if path is not None and path.lower().endswith(".pdf"):
                try:
                    pdf = pdfium.PdfDocument(path)
                    self._texts[source] = [(sheet.get_textpage(), sheet.get_size()[1])
                                           for sheet in pdf]
                except pdfium.PdfiumError:
                    pass
        return self._texts[source]

    def blocks(self, source: str) -> list[dict[str, Any]] | None:
        """The document's blocks, each ``{text, lines: [start, end], paragraph}``."""
        if source not in self._documents:
            self._documents[source] = self._read(source)
        return self._documents[source]

    def _read(self, source: str) -> list[dict[str, Any]] | None:
        from ..correspondence import focus
        from ..readers import read_document

        path = self.find(source)
        if path is None or path.lower().endswith(".pdf"):
            return None
        try:
            document = read_document(path)
        except FoiExtractError:
            return None
        if document.messages:
            document = focus(document)
        return [{"text": block.text, "lines": [block.source.line_start, block.source.line_end],
                 "paragraph": block.source.paragraph} for block in document.blocks]

    def context(self, item: dict[str, Any]) -> dict[str, Any] | None:
        """The blocks around a text answer: ``{doc, first, last, marked: [first, last]}``,
        indexes into :meth:`blocks` of the document ``doc``."""
        blocks = self.blocks(item["source"])
        if not blocks:
            return None
        marked = [n for n, block in enumerate(blocks) if _overlaps(block, item)]
        if not marked:
            return None
        return {"doc": item["source"], "first": max(0, marked[0] - CONTEXT_BLOCKS),
                "last": min(len(blocks) - 1, marked[-1] + CONTEXT_BLOCKS),
                "marked": [marked[0], marked[-1]]}


def _overlaps(block: dict[str, Any], item: dict[str, Any]) -> bool:
    start, end = block["lines"]
    if item.get("line_start") is not None and start is not None:
        last = item.get("line_end") or item["line_start"]
        return bool(start <= last and (end or start) >= item["line_start"])
    paragraph = item.get("paragraph")
    return paragraph is not None and block["paragraph"] == paragraph
