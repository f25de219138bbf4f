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

A page fed in at a slant (a degree or two is common) is measured
(:func:`skew_angle`) and its words' boxes turned straight, with the rules its
tables are found from: a line then stands on one baseline from end to end (a
short last line of a paragraph at the left is not set lower than the long
line above it), as the line rules expect. Tesseract itself reads the page as
scanned.

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
import math
import os
import re
import shutil
import statistics
import time
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any, Iterator, NamedTuple

import numpy

from ..errors import NeedsOcr, Timeout
from ..model import Block
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
# Words Tesseract misreads that are no English word: "lf I can be of further assistance".
_MISREAD = {"lf": "If"}
_ALNUM = re.compile(r"[^\W_]")
# A word of punctuation alone read less surely than this is speckle ("‘", "_", "«"), not a
# mark on the letter.
_SPECKLE_CONFIDENCE = 0.75
# A Tesseract line read less surely than this is a logo, a signature or a stamp read as
# letters ("®|iPiA"), not text: it is left out.
MIN_LINE_CONFIDENCE = 0.35
# A line carries on the paragraph above it when the white between them is under this share of
# the font size (a paragraph gap is half the size or more) and it starts within _INDENT sizes
# of the line above's start, at a size within _SAME_SIZE times its own.
_LEADING_GAP = 0.4
_INDENT = 3.0
_SAME_SIZE = 1.25   # a line of one or two words
_NEAR_SIZE = 1.12   # a longer line, whose size is read from more letters
# A line with fewer letters and digits than this shows too little stroke to tell its weight.
_SURE_LETTERS = 8
# Skew is looked for up to this many degrees either way, to a tenth of a degree, and a page
# turned less than _MIN_SKEW is left as it is (a born-digital page measures within 0.1).
_MAX_SKEW = 3.0
_MIN_SKEW = 0.3
# Skew is measured on the page shrunk to about this many pixels across (a dark pixel where any
# of the pixels it stands for is dark): enough to see text lines, a tenth of the work.
_SKEW_WIDTH = 640
# A row of a word's box holds its ink, not a speck, when this many of its pixels are dark.
_INK_ROW = 3
# A page whose words Tesseract reads less surely than this on the whole (0-100; a scanned letter
# reads at 90-95, one fed in upside down at 35-40) is looked at for its orientation, and read
# again turned when the orientation finder is at least _SURE_ORIENTATION sure.
_UPRIGHT_CONFIDENCE = 60.0
_SURE_ORIENTATION = 2.0


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
    """One page read by OCR: its ruled tables and the lines outside them, in PDF points,
    and its height as read (a page fed in on its side is read turned upright); ``turn``, the
    degrees clockwise it was turned to be read (0, 90, 180, 270), and ``width``, its width as
    read, say how to place what was read on the page as fed in (:func:`unturned`)."""

    lines: list[Line]
    tables: list[FoundTable]
    height: float
    turn: int = 0
    width: float = 0.0


# The scanned pages read turned upright: each one's turn (degrees clockwise) and its width and
# height as read.
Turns = dict[int, tuple[int, float, float]]


def placed_as_fed(blocks: list[Block], turns: Turns) -> list[Block]:
    """Blocks read from pages turned upright placed on their pages as fed in (where the review
    page marks them): each box turned back."""
    out = []
    for block in blocks:
        turn = turns.get(block.source.page or 0)
        box = block.source.bbox
        out.append(block if turn is None or box is None else
                   replace(block, source=replace(block.source, bbox=unturned(box, *turn))))
    return out


def unturned(box: tuple[float, float, float, float], turn: int, width: float, height: float
             ) -> tuple[float, float, float, float]:
    """A box ``(x0, top, x1, bottom)`` on a page read turned ``turn`` degrees clockwise
    (``width`` by ``height`` as read), on the page as it was fed in.

    >>> unturned((10, 20, 30, 40), 180, 100, 200)
    (70, 160, 90, 180)
    >>> unturned((10, 20, 30, 40), 90, 100, 200)
    (20, 70, 40, 90)
    >>> unturned((10, 20, 30, 40), 0, 100, 200)
    (10, 20, 30, 40)
    """
    x0, top, x1, bottom = box
    if turn == 90:  # read turned a quarter clockwise: its left edge was the page's bottom
        return (top, width - x1, bottom, width - x0)
    if turn == 180:
        return (width - x1, height - bottom, width - x0, height - top)
    if turn == 270:
        return (height - bottom, x0, height - top, x1)
    return box


def read_page(image: Any, page: int, scale: float, path: str,
              settings: OcrSettings | None = None) -> OcrPage:
    """Tesseract's words on one page image as lines and ruled tables, in PDF points
    (``scale``: points a pixel).

    Each line carries its words' confidences (0-1) in ``confidences``.
    Raises :class:`Timeout` when the page takes longer than the settings allow.
    """
    # One thread a page: Tesseract's OpenMP threads cost several times over on a busy machine
    # (a page took 17 s instead of 3.4 s on 2 cores), and bulk runs read pages in parallel
    # processes already. A value the user set is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    settings = settings or current_settings()
    gray = image.convert("L")
    started = time.monotonic()
    data = _tesseract(gray, page, path, settings)
    sideways = _runs_down(data)
    turned_by = 0
    if sideways or _mean_confidence(data) < _UPRIGHT_CONFIDENCE:
        # A page fed in upside down reads as nonsense words, read unsurely; one fed in on its
        # side is read well, but a line at a time down the page. It is turned the way
        # Tesseract's orientation finder says, and read again; the surer upright reading is
        # kept.
        # (Both readings and the finder within the page's time limit.)
        turn = _turn(gray, _left(settings, started))
        if turn:
            turned = gray.rotate(-turn, expand=True)
            again = _tesseract(turned, page, path, settings, _left(settings, started))
            if (sideways and not _runs_down(again)) or \
                    _mean_confidence(again) > _mean_confidence(data):
                gray, data, turned_by = turned, again, turn
    dark = numpy.asarray(gray) < 128
    grouped: dict[tuple[int, int, int], list[_Word]] = {}
    for i, text in enumerate(data["text"]):
        confidence = float(data["conf"][i])
        if confidence < 0 or not _WORD.search(text or "") or \
                (confidence < _SPECKLE_CONFIDENCE and not _ALNUM.search(text)):
            continue
        box = _inked(dark, data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        grouped.setdefault(key, []).append(
            _Word(_MISREAD.get(text.strip(), text.strip()), *box, confidence / 100.0,
                  _strokes(dark, *box)))
    skew = skew_angle(gray)
    if abs(skew) >= _MIN_SKEW:
        # Tesseract reads a slanted page well, better than the page turned straight (turning
        # blurs a scan's specks into marks): its words are turned straight instead, and the
        # rules of its tables.
        _straighten([w for words in grouped.values() for w in words], skew, dark.shape)
        dark = _turned(dark, -skew)
    kept = [_bullet(_bars(row)) for words in grouped.values()
            if sum(w.confidence for w in words) / len(words) >= MIN_LINE_CONFIDENCE
            for row in _rows(words)]
    shaped = [_shape(words) for words in kept if words]
    threshold = bold_threshold([w.stroke / line.size for line in shaped for w in line.words
                                if len(w.text) >= 3 and w.stroke > 0])
    for row in shaped:
        row.bold = _weights(row.words, row.size, threshold)
    _carry_into_continuations(shaped)
    glyphs: list[Glyph] = []
    confidence_of: dict[Glyph, float] = {}
    for row in shaped:
        for glyph, word in _glyphs(row, scale):
            glyphs.append(glyph)
            if word is not None:
                confidence_of[glyph] = word.confidence
    tables, glyphs = ruled_tables(dark, scale, glyphs, page)
    lines = group_lines(glyphs, page)
    for line in lines:
        line.confidences = [confidence_of[g] for g in line.glyphs if g in confidence_of]
    return OcrPage(lines, tables, gray.height * scale, turned_by, gray.width * scale)


def _tesseract(gray: Any, page: int, path: str, settings: OcrSettings,
               timeout: float | None = None) -> dict[str, list[Any]]:
    """Tesseract's words on a grey page image (``image_to_data`` as a dict of columns), within
    ``timeout`` seconds (the page's limit, by default)."""
    import pytesseract

    try:
        data: dict[str, list[Any]] = pytesseract.image_to_data(
            gray, lang=settings.language, config="--psm 3", output_type=pytesseract.Output.DICT,
            timeout=(settings.page_timeout or 0) if timeout is None else timeout)
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
    return data


def _left(settings: OcrSettings, started: float) -> float:
    """The seconds left of the page's time limit since ``started`` (0: no limit)."""
    if not settings.page_timeout:
        return 0
    return max(settings.page_timeout - (time.monotonic() - started), 0.001)


def _mean_confidence(data: dict[str, list[Any]]) -> float:
    """How surely Tesseract read a page's words on the whole, 0-100 (100 with no words)."""
    sure = [float(c) for c, text in zip(data["conf"], data["text"])
            if float(c) >= 0 and (text or "").strip()]
    return sum(sure) / len(sure) if sure else 100.0


def _runs_down(data: dict[str, list[Any]]) -> bool:
    """True when most of a page's words of four letters or more stand taller than they are
    wide: its lines run down the page, which was fed in on its side."""
    boxes = [(w, h) for text, w, h in zip(data["text"], data["width"], data["height"])
             if len((text or "").strip()) >= 4]
    return len(boxes) >= 3 and sum(h > w for w, h in boxes) * 2 > len(boxes)


def _turn(gray: Any, timeout: float) -> int:
    """The degrees clockwise (0, 90, 180 or 270) a page image must be turned to stand upright,
    by Tesseract's orientation finder (within ``timeout`` seconds; 0: no limit); 0 when it
    cannot tell (too few letters, no ``osd`` data installed, out of time, or less sure than
    :data:`_SURE_ORIENTATION`)."""
    import pytesseract

    try:
        found = pytesseract.image_to_osd(gray, timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return 0
    turn = re.search(r"Rotate:\s*(\d+)", found)
    sure = re.search(r"Orientation confidence:\s*([\d.]+)", found)
    if turn is None or sure is None or float(sure.group(1)) < _SURE_ORIENTATION:
        return 0
    return int(turn.group(1)) % 360


def skew_angle(gray: Any) -> float:
    """The angle in degrees (anticlockwise) a grey page image's text lines are turned by.

    Text lines are where the dark pixels stand in rows: the angle is the one
    whose slanted rows gather them most tightly (the sum of squares of the row
    counts, a projection profile, is largest), looked for in half degrees up to
    :data:`_MAX_SKEW` and then in tenths around the best. A page with too little
    ink to tell is taken as straight.

    >>> from PIL import Image, ImageDraw
    >>> page = Image.new("L", (800, 600), 255)
    >>> for y in range(100, 500, 40): ImageDraw.Draw(page).rectangle((100, y, 700, y + 8), 0)
    >>> skew_angle(page), skew_angle(page.rotate(1.5, fillcolor=255))
    (0.0, 1.5)
    """
    dark = numpy.asarray(gray) < 128
    step = max(1, round(dark.shape[1] / _SKEW_WIDTH))
    height, width = dark.shape[0] // step, dark.shape[1] // step
    small = numpy.zeros((height, width), dtype=bool)
    for down in range(step):  # slices ORed: many times faster than a reshaped any()
        for across_ in range(step):
            small |= dark[down:height * step:step, across_:width * step:step]
    ys, xs = numpy.nonzero(small)
    if len(ys) < 200:
        return 0.0
    rows = ys.astype(numpy.float64) + height
    across = xs.astype(numpy.float64) - width / 2

    def gathered(angle: float) -> float:
        shifted = numpy.rint(rows + across * numpy.tan(numpy.radians(angle))).astype(numpy.int64)
        counts = numpy.bincount(numpy.clip(shifted, 0, 3 * height)).astype(numpy.float64)
        return float((counts * counts).sum())

    coarse = max((round(a * 0.5, 1) for a in range(-int(2 * _MAX_SKEW), int(2 * _MAX_SKEW) + 1)),
                 key=gathered)
    return max((round(coarse + a / 10, 1) for a in range(-4, 5)), key=gathered)


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """A Tesseract line's words split where they stand in two rows: on a slanted page
    Tesseract now and then runs the end of one printed line into the start of the next.
    Rows are told by the words with letters or digits; a mark alone ("." of speckle) goes
    with the row nearest it.

    >>> w = lambda text, left, top: _Word(text, left, top, 40, 20, 0.9, 2.0)
    >>> [[x.text for x in row] for row in _rows([w("a", 0, 0), w("b", 50, 2), w("c", 100, 30),
    ...                                          w(".", 150, 14)])]
    [['a', 'b', '.'], ['c']]
    """
    def middle(word: _Word) -> float:
        return word.top + word.height / 2

    lettered = sorted((w for w in words if _ALNUM.search(w.text)), key=middle)
    if len(lettered) < 2:
        return [words]
    lettered.sort(key=lambda w: w.top)
    height = statistics.median(w.height for w in lettered)
    rows = [[lettered[0]]]
    for word in lettered[1:]:
        # below the row's foot: the next printed line (a descender reaches a little way into
        # the next line's ascenders)
        if word.top > statistics.median(w.top + w.height for w in rows[-1]) - 0.2 * height:
            rows.append([])
        rows[-1].append(word)
    if len(rows) == 1:
        return [words]
    for word in words:
        if not _ALNUM.search(word.text):
            min(rows, key=lambda row: abs(statistics.median(map(middle, row)) - middle(word))
                ).append(word)
    return [sorted(row, key=lambda w: w.left) for row in rows]


def _straighten(words: list[_Word], skew: float, shape: tuple[int, ...]) -> None:
    """Move each word's box as turning the page back by ``skew`` degrees about its centre
    moves the box's centre (a word is short: its box keeps its size)."""
    radians = math.radians(skew)
    cos, sin = math.cos(radians), math.sin(radians)
    middle_y, middle_x = shape[0] / 2, shape[1] / 2
    for w in words:
        dx = w.left + w.width / 2 - middle_x
        dy = w.top + w.height / 2 - middle_y
        w.left = round(middle_x + dx * cos - dy * sin - w.width / 2)
        w.top = round(middle_y + dx * sin + dy * cos - w.height / 2)


def _turned(dark: Any, degrees: float) -> Any:
    """A dark-pixel mask turned anticlockwise by ``degrees`` about its centre (no blur)."""
    from PIL import Image

    picture = Image.fromarray(dark.astype(numpy.uint8) * 255, "L")
    return numpy.asarray(picture.rotate(degrees, resample=Image.Resampling.NEAREST, fillcolor=0)) > 127


def _inked(dark: Any, left: int, top: int, width: int, height: int
           ) -> tuple[int, int, int, int]:
    """A word's box with the rows at its top and bottom that hold only specks cut off.

    Tesseract's box takes in a speck of a noisy scan just above or below a word, and a word
    whose box is a third taller reads as a larger size ("element:" ending a line at 18.5 pt
    under lines of 12.5 pt): its paragraph would break there. A row holds the word's ink when
    at least :data:`_INK_ROW` pixels are dark in it (one letter's ascender is; a speck is not).
    """
    rows = dark[top:top + height, left:left + width].sum(axis=1)
    if rows.size == 0:
        return left, top, width, height
    inked = numpy.flatnonzero(rows >= _INK_ROW)
    if inked.size == 0:
        return left, top, width, height
    first, last = int(inked[0]), int(inked[-1])
    return left, top + first, width, last - first + 1


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


# What Tesseract reads a bullet ("•") as, standing first on a line before a capital.
_BULLET_MISREAD = frozenset({"e", "©", "«", "»", "°", "¢", "*", "+"})


def _bullet(words: list[_Word]) -> list[_Word]:
    """A line's words with a misread bullet ("e Any briefing notes…") read as the bullet."""
    if len(words) >= 2 and words[0].text in _BULLET_MISREAD and words[1].text[:1].isupper():
        words[0].text = "•"
    return words


@dataclass(slots=True)
class _OcrLine:
    """A Tesseract line in pixels: its words, the font size and baseline they imply, and each
    word's weight."""

    words: list[_Word]
    size: float
    baseline: float
    bold: list[bool]

    @property
    def top(self) -> float:
        return self.baseline - _ASCENT * self.size

    @property
    def bottom(self) -> float:
        return self.baseline + _DESCENT * self.size

    @property
    def left(self) -> float:
        return min(w.left for w in self.words)

    @property
    def right(self) -> float:
        return max(w.left + w.width for w in self.words)


def _letters(text: str) -> tuple[bool, bool]:
    return any(c in _ASCENDING for c in text), any(c in _DESCENDING for c in text)


def _shape(words: list[_Word]) -> _OcrLine:
    """A line's words with its font size and baseline in pixels, from the words' letters."""
    size = statistics.median(w.height / _HEIGHT_RATIO[_letters(w.text)] for w in words)
    flat = [w.top + w.height for w in words if not _letters(w.text)[1]]
    baseline = statistics.median(flat) if flat else \
        statistics.median(w.top + w.height for w in words) - _DESCENT * size
    return _OcrLine(words, max(size, 1.0), baseline, [False] * len(words))


def _weights(words: list[_Word], size_px: float, threshold: float | None) -> list[bool]:
    """Whether each word of a line is bold: its strokes are thick for its size. A line mostly
    bold or mostly regular is taken to be wholly so (a short word's strokes say little)."""
    bold = [threshold is not None and w.stroke / size_px > threshold for w in words]
    sure = [b for b, w in zip(bold, words) if len(w.text) >= 3] or bold
    share = sum(sure) / len(sure)
    if share >= 0.7 or share <= 0.3:
        bold = [share >= 0.7] * len(words)
    return bold


def _carry_into_continuations(lines: list[_OcrLine]) -> None:
    """Give a line that carries on the paragraph above it that line's size, and its weight
    when the line is too short to show its own.

    A size read from one line's letters is off by a point now and then (a
    lone "on?" or "below/attached." ending a paragraph), and the paragraph
    rules would break the paragraph there. A line set at the leading of the
    line above (no paragraph gap), starting near its start, in the same weight
    and near its size (a quarter either way for a line of one or two words, an
    eighth for a longer one) is the same paragraph's: it takes the size above.
    A line of fewer than :data:`_SURE_LETTERS` letters takes the weight above
    as well. A line after a paragraph gap ("N/A" under a bold question) keeps
    its own.
    """
    ordered = sorted(lines, key=lambda line: line.baseline)
    for n, line in enumerate(ordered):
        above = next((prev for prev in reversed(ordered[:n])
                      if prev.baseline < line.baseline - 0.5 * line.size
                      and prev.left < line.right and line.left < prev.right), None)
        # Measured from the top of its ink: a word's ascenders stand where the font says, its
        # foot may hang lower than the letters tell ("/" in some faces).
        ascending = [w.top for w in line.words if _letters(w.text)[0]]
        ink_top = min(ascending) if ascending else line.top
        if above is None or ink_top - above.bottom > _LEADING_GAP * above.size or \
                abs(line.left - above.left) > _INDENT * above.size:
            continue
        short = sum(len(_ALNUM.findall(w.text)) for w in line.words) < _SURE_LETTERS
        # A size read from one or two words may be further off; a line that shows another
        # weight (body text under a heading) is not the paragraph above.
        same = _SAME_SIZE if len(line.words) <= 2 else _NEAR_SIZE
        if not 1 / same < line.size / above.size < same or \
                (not short and any(line.bold) != any(above.bold)):
            continue
        line.size = above.size
        if ascending:
            line.baseline = ink_top + _ASCENT * line.size
        if short and len(set(above.bold)) == 1:
            line.bold = [above.bold[0]] * len(line.words)


def _glyphs(line: _OcrLine, scale: float) -> Iterator[tuple[Glyph, _Word | None]]:
    """A Tesseract line's words as glyphs in points, a space between each two, all in the
    box the line's font gives it."""
    size_px, baseline = line.size, line.baseline
    size = round(size_px * scale * 2) / 2  # half points: a line's letters do not move its size
    top = round((baseline - _ASCENT * size_px) * scale, 2)
    bottom = round((baseline + _DESCENT * size_px) * scale, 2)
    for n, w in enumerate(line.words):
        x0, x1 = round(w.left * scale, 2), round((w.left + w.width) * scale, 2)
        if n:
            yield Glyph(" ", x0, x0, top, bottom, size, False, False, None), None
        yield Glyph(w.text, x0, x1, top, bottom, size, line.bold[n], False, None), w
