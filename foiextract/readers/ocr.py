"""Read a page image with Tesseract, and rebuild its words into the PDF reader's lines.

A scanned page has no text layer: it is rendered (:mod:`.pdf_ocr`) or opened
(:mod:`.image`) and handed to Tesseract, whose ``image_to_data`` gives each
word with its box, its confidence and the block, paragraph and line it stands
in. Each word becomes one glyph in PDF points from the top left, and the
glyphs are grouped into lines as a born-digital page's are
(:func:`~.pdf_layout.group_lines`: words on one baseline, columns side by side
on one line with a gutter between), so the PDF reader's paragraph rules,
furniture and borderless-table finder read a scan as they read a born-digital
page. Ruled tables are found from the rules in the picture (:mod:`.ocr_tables`).
Tesseract's own lines give each word's baseline and font size.

A word's box depends on its letters ("was" has no ascender, "Judy" has both),
so each line is given the box its font would give it: the baseline from the
words that do not descend, the height from the font size the words' letters
imply. Two lines of a paragraph then stand as far apart as their leading says,
whatever letters they hold.

Bold is not something Tesseract's LSTM engine reports: it is read from the
image instead, as stroke width over font size (strokes of a bold face are about
half as thick again as the regular one's).

How scans are read is set per document by :class:`OcrSettings` (whether to
OCR, the language, the time a page may take), through :func:`ocr_settings`.

>>> OcrSettings().language, OcrSettings(enabled=False).enabled
('eng', False)
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import statistics
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Iterator, NamedTuple

import numpy

from ..errors import NeedsOcr, Timeout
from .pdf_glyphs import Glyph
from .ocr_tables import ruled_tables
from .pdf_layout import Line, group_lines
from .pdf_tables import FoundTable

INSTALL_HINT = ("install Tesseract (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng; "
                "macOS: brew install tesseract) and pytesseract, or pass --no-ocr")
# Letters that reach the ascender line, and those that hang below the baseline.
_ASCENDING = frozenset("bdfhkltiIj0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ()[]{}/\\|!?£$%&@#'\"")
_DESCENDING = frozenset("gjpqyQ()[]{}|@,;")
# Height of a word's ink over the font size, by which lines it reaches (a typical text face).
_HEIGHT_RATIO = {(True, True): 0.93, (True, False): 0.72, (False, True): 0.71,
                 (False, False): 0.50}
_ASCENT = 0.72    # baseline to the ascender line, of the font size
_DESCENT = 0.21   # baseline to the descender line
# How much thicker than its page's regular words' strokes a bold face's are, at least.
_BOLD_STROKE = 1.3
_WORD = re.compile(r"\S")
_ALNUM = re.compile(r"[^\W_]")
# A word of punctuation alone read less surely than this is speckle ("‘", "_", "«"), not a
# mark on the letter.
_SPECKLE_CONFIDENCE = 0.75
# A Tesseract line read less surely than this is a logo, a signature or a stamp read as
# letters ("®|iPiA"), not text: it is left out.
MIN_LINE_CONFIDENCE = 0.35


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How scanned pages are read.

    ``enabled`` False reads no scan (a scanned PDF is then a ``no_text_layer``
    error); ``language`` is Tesseract's (``"eng"``, ``"eng+cym"``);
    ``page_timeout`` the seconds one page may take (None: no limit); ``dpi``
    the resolution a PDF page is rendered at.

    >>> OcrSettings(language="cym").language
    'cym'
    """

    enabled: bool = True
    language: str = "eng"
    page_timeout: float | None = 60.0
    dpi: int = 300


_SETTINGS: ContextVar[OcrSettings] = ContextVar("foiextract_ocr", default=OcrSettings())


def current_settings() -> OcrSettings:
    """The settings scans are read with now (see :func:`ocr_settings`)."""
    return _SETTINGS.get()


@contextlib.contextmanager
def ocr_settings(settings: OcrSettings) -> Iterator[None]:
    """Read scans with ``settings`` inside the ``with`` block (email attachments too).

    >>> with ocr_settings(OcrSettings(enabled=False)):
    ...     current_settings().enabled
    False
    """
    token = _SETTINGS.set(settings)
    try:
        yield
    finally:
        _SETTINGS.reset(token)


def tesseract_available() -> bool:
    """True when the ``tesseract`` program and the pytesseract binding are both installed."""
    return shutil.which("tesseract") is not None and \
        importlib.util.find_spec("pytesseract") is not None


def require_tesseract(path: str, what: str) -> None:
    """Raise :class:`NeedsOcr` (with the install hint) when Tesseract cannot be run."""
    if not tesseract_available():
        raise NeedsOcr(path, f"{what} needs OCR and Tesseract is not installed: {INSTALL_HINT}")


@dataclass(slots=True)
class _Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    stroke: float  # mean width of its strokes in pixels


class OcrPage(NamedTuple):
    """One page read by OCR: its ruled tables and the lines outside them, in PDF points."""

    lines: list[Line]
    tables: list[FoundTable]


def read_page(image: Any, page: int, scale: float, path: str,
              settings: OcrSettings | None = None) -> OcrPage:
    """Tesseract's words on one page image as lines and ruled tables, in PDF points
    (``scale``: points a pixel).

    Each line carries its words' confidences (0-1) in ``confidences``.
    Raises :class:`Timeout` when the page takes longer than the settings allow.
    """
    import pytesseract

    # One thread a page: Tesseract's OpenMP threads cost several times over on a busy machine
    # (a page took 17 s instead of 3.4 s on 2 cores), and bulk runs read pages in parallel
    # processes already. A value the user set is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    settings = settings or current_settings()
    gray = image.convert("L")
    try:
        data = pytesseract.image_to_data(
            gray, lang=settings.language, config="--psm 3",
            output_type=pytesseract.Output.DICT, timeout=settings.page_timeout or 0)
    except pytesseract.TesseractError as err:  # a RuntimeError too: caught first
        if "language" in str(err).lower():
            raise NeedsOcr(path, f"Tesseract has no language '{settings.language}' installed "
                           f"(Debian/Ubuntu: apt-get install tesseract-ocr-<lang>)",
                           page=page) from None
        raise NeedsOcr(path, f"Tesseract failed on page {page} (exit status {err.status})",
                       page=page) from None
    except RuntimeError as err:
        if "timeout" in str(err).lower():
            raise Timeout(path, f"OCR of page {page} took longer than {settings.page_timeout:g} s",
                          page=page, limit=settings.page_timeout) from None
        raise
    dark = numpy.asarray(gray) < 128
    grouped: dict[tuple[int, int, int], list[_Word]] = {}
    for i, text in enumerate(data["text"]):
        confidence = float(data["conf"][i])
        if confidence < 0 or not _WORD.search(text or "") or \
                (confidence < _SPECKLE_CONFIDENCE and not _ALNUM.search(text)):
            continue
        box = (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        grouped.setdefault(key, []).append(
            _Word(text.strip(), *box, confidence / 100.0, _strokes(dark, *box)))
    kept = [_bars(words) for words in grouped.values()
            if sum(w.confidence for w in words) / len(words) >= MIN_LINE_CONFIDENCE]
    shaped = [_shape(words) for words in kept if words]
    threshold = bold_threshold([w.stroke / size for words, size, _ in shaped for w in words
                                if len(w.text) >= 3 and w.stroke > 0])
    glyphs: list[Glyph] = []
    confidence_of: dict[Glyph, float] = {}
    for words, size, baseline in shaped:
        for glyph, word in _glyphs(words, size, baseline, scale, threshold):
            glyphs.append(glyph)
            if word is not None:
                confidence_of[glyph] = word.confidence
    tables, glyphs = ruled_tables(dark, scale, glyphs, page)
    lines = group_lines(glyphs, page)
    for line in lines:
        line.confidences = [confidence_of[g] for g in line.glyphs if g in confidence_of]
    return OcrPage(lines, tables)


def _strokes(dark: Any, left: int, top: int, width: int, height: int) -> float:
    """The mean width of a word's dark runs, row by row (every other row), in pixels.

    A stroke's thickness, whatever the letters: bold strokes are about half as
    thick again as regular ones. Speckle is set aside first (a scan's noise
    would split strokes and add one-pixel runs): white gaps of up to two
    pixels are filled, then dark runs of up to two pixels dropped.
    """
    box = dark[top:top + height:2, left:left + width]
    if box.size == 0 or box.shape[1] < 3:
        return 0.0
    box = _erode(_dilate(box))    # closing: fills gaps of 1-2 pixels
    box = _dilate(_erode(box))    # opening: drops runs of 1-2 pixels
    starts = int(box[:, 0].sum()) + int((box[:, 1:] & ~box[:, :-1]).sum())
    return float(box.sum()) / starts if starts else 0.0


def _dilate(box: Any) -> Any:
    out = box.copy()
    out[:, 1:] |= box[:, :-1]
    out[:, :-1] |= box[:, 1:]
    return out


def _erode(box: Any) -> Any:
    out = box.copy()
    out[:, 1:] &= box[:, :-1]
    out[:, :-1] &= box[:, 1:]
    return out


def bold_threshold(strokes: list[float]) -> float | None:
    """The stroke (over font size) above which a word is bold, or None when the page is set in
    one weight.

    The strokes are split in two where they part best (Otsu's threshold); the
    page has two weights when the thicker group's strokes are at least
    :data:`_BOLD_STROKE` times the thinner's and each has a few words.

    >>> bold_threshold([0.11] * 20 + [0.17] * 10)
    0.11
    >>> bold_threshold([0.11, 0.112, 0.108] * 10) is None
    True
    """
    values = sorted(strokes)
    if len(values) < 6:
        return None
    total = sum(values)
    best, split, low_sum = -1.0, 0, 0.0
    for i in range(1, len(values)):
        low_sum += values[i - 1]
        low, high = low_sum / i, (total - low_sum) / (len(values) - i)
        between = i * (len(values) - i) * (high - low) ** 2
        if between > best:
            best, split = between, i
    low = sum(values[:split]) / split
    high = sum(values[split:]) / (len(values) - split)
    if split < 3 or len(values) - split < 3 or high < _BOLD_STROKE * low:
        return None
    return values[split - 1]


def _bars(words: list[_Word]) -> list[_Word]:
    """A line's words less the bars a table's rules are read as ("|"); a bar before a word
    in lower case is the pronoun "I" ("| can confirm")."""
    kept = []
    for n, word in enumerate(words):
        if word.text == "|":
            following = words[n + 1].text if n + 1 < len(words) else ""
            if not following[:1].islower():
                continue
            word.text = "I"
        kept.append(word)
    return kept


def _letters(text: str) -> tuple[bool, bool]:
    return any(c in _ASCENDING for c in text), any(c in _DESCENDING for c in text)


def _shape(words: list[_Word]) -> tuple[list[_Word], float, float]:
    """A line's words with its font size and baseline in pixels, from the words' letters."""
    size = statistics.median(w.height / _HEIGHT_RATIO[_letters(w.text)] for w in words)
    flat = [w.top + w.height for w in words if not _letters(w.text)[1]]
    baseline = statistics.median(flat) if flat else \
        statistics.median(w.top + w.height for w in words) - _DESCENT * size
    return words, max(size, 1.0), baseline


def _glyphs(words: list[_Word], size_px: float, baseline: float, scale: float,
            threshold: float | None) -> Iterator[tuple[Glyph, _Word | None]]:
    """A Tesseract line's words as glyphs in points, a space between each two, all in the
    box the line's font gives it. A word is bold when its strokes are thick for its size;
    a line mostly bold or mostly regular is taken to be wholly so (a short word's strokes
    say little)."""
    bold = [threshold is not None and w.stroke / size_px > threshold for w in words]
    sure = [b for b, w in zip(bold, words) if len(w.text) >= 3] or bold
    share = sum(sure) / len(sure)
    if share >= 0.7 or share <= 0.3:
        bold = [share >= 0.7] * len(words)
    size = round(size_px * scale * 2) / 2  # half points: a line's letters do not move its size
    top = round((baseline - _ASCENT * size_px) * scale, 2)
    bottom = round((baseline + _DESCENT * size_px) * scale, 2)
    for n, w in enumerate(words):
        x0, x1 = round(w.left * scale, 2), round((w.left + w.width) * scale, 2)
        if n:
            yield Glyph(" ", x0, x0, top, bottom, size, False, False, None), None
        yield Glyph(w.text, x0, x1, top, bottom, size, bold[n], False, None), w
