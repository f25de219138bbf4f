"""From a page's glyphs to lines, and from lines to paragraphs, by geometry alone.

Glyphs sharing a baseline make a :class:`Line` (words split where the gap is
wider than a fraction of the font size; a glyph struck twice in the same place
is read once and counted bold). Lines make a paragraph until one of the named
:data:`BREAK_RULES` fires: a vertical gap, a change of size, a change of
whole-line style (a bold question over a plain answer), an enumerator after a
finished sentence, or a finished sentence on a line that stopped short. Inside
a paragraph a line that stopped short although the next word would have fitted
is a hard break (``"\\n"``); a line ending in a hyphen joins without a space.

>>> g = [Glyph(c, 10 + 6 * i, 16 + 6 * i, 100, 112, 12, False, False, None)
...      for i, c in enumerate("Hi there")]
>>> [line.text for line in group_lines(g, page=1)]
['Hi there']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable, Iterable

from ..model import Span
from .pdf_glyphs import Glyph
from .text import label_line

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\u00a0": " ", "\u2002": " ", "\u2003": " ",
                            "\u2009": " ", "\t": " "})
_ENUMERATOR = re.compile(r"^(?:\d{1,3}[.)]|\(?[a-zA-Z]\)|[a-z]\.(?=\s+[A-Z])|\(?[ivxIVX]{1,5}\)"
                         r"|[•▪●◦■➢►‣·\uf0b7\uf0a7-]|o)\s")
# (a bullet: "o" is Word's second level typed as a letter; U+F0B7 and U+F0A7 are the Symbol
# and Wingdings bullets a PDF maps to no standard character)
_SENTENCE_END = re.compile(r"[.?!:;][\"'’”)]?$")
_WORD_GAP = 0.17      # of the font size: wider than kerning, narrower than a word space
_PARA_GAP = 0.5       # of the font size: more white between lines than leading gives
_GUTTER = 2.0         # of the font size: white between two columns, not between two words


@dataclass(slots=True)
class Line:
    """One printed line: styled runs plus geometry, used only inside the PDF reader."""

    runs: list[tuple[str, bool, bool, str | None]]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    first_word: float      # width of the first word: would it have fitted on the line above?
    page: int
    bold: bool | None = None    # the whole line's style, None when mixed
    italic: bool | None = None
    text: str = field(default="")
    glyphs: list[Glyph] = field(default_factory=list)
    gutters: list[tuple[float, float]] = field(default_factory=list)  # white wider than 2 em
    confidences: list[float] = field(default_factory=list)  # OCR: each word's, 0-1; else empty

    @property
    def key(self) -> str:
        """The text with digits blurred, to recognise running headers and page numbers."""
        return re.sub(r"\d+", "#", " ".join(self.text.lower().split()))


def group_lines(glyphs: Iterable[Glyph], page: int) -> list[Line]:
    """Glyphs into lines, top to bottom, each line's glyphs left to right."""
    # Glyph fields by position (text, x0, x1, top, bottom, size, ...): this runs for every
    # glyph of every page and table cell, where a NamedTuple's named access costs twice.
    # A zero-width character (Chrome's U+200B between runs) is no text: it would only keep a
    # repeated footer from reading the same on each page.
    ordered = sorted((g for g in glyphs if g[0] not in _ZERO_WIDTH), key=_BOTTOM)
    clusters: list[list[Glyph]] = []
    current: list[Glyph] = []
    base = 0.0
    for glyph in ordered:
        bottom = glyph[4]
        if current:
            tolerance = 0.3 * glyph[5]
            if abs(bottom - base) > (tolerance if tolerance > 1.5 else 1.5):
                clusters.append(current)
                current = []
                base = bottom
        else:
            base = bottom
        current.append(glyph)
    if current:
        clusters.append(current)
    if len(clusters) > 1:
        clusters = _superscripts_joined(clusters)
    lines = [make_line(cluster, page) for cluster in clusters]
    return [line for line in lines if line.text]


def _superscripts_joined(clusters: list[list[Glyph]]) -> list[list[Glyph]]:
    """A superscript ("st" of "1st", a footnote's "1") set small and raised above its line is
    part of that line, not a line of its own: joined to the line whose letters it stands
    beside, where its foot is above that line's baseline and below its top."""
    out: list[list[Glyph]] = []
    for k, cluster in enumerate(clusters):
        marks = [g for g in cluster if g[0].strip()]
        if 0 < len(marks) <= 6 and k + 1 < len(clusters):
            host = clusters[k + 1]
            size = max(g[5] for g in host)
            foot = max(g[4] for g in marks)
            if (max(g[5] for g in marks) <= 0.8 * size
                    and min(g[3] for g in host) - 0.2 * size < foot < max(g[4] for g in host)
                    and any(abs(g[1] - m[2]) < 0.5 * size or abs(m[1] - g[2]) < 0.5 * size
                            for m in marks for g in host)):
                clusters[k + 1] = host + cluster
                continue
        out.append(cluster)
    return out


_X0, _TOP, _BOTTOM = itemgetter(1), itemgetter(3), itemgetter(4)
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def _struck_once(glyphs: list[Glyph]) -> list[Glyph]:
    """Glyphs left to right, a glyph struck twice (fake bold) kept once and made bold."""
    glyphs.sort(key=_X0)
    if not glyphs:
        return []
    prev = glyphs[0]
    kept = [prev]
    for glyph in glyphs[1:]:
        # the same text again is rare: compare it first, the geometry only then
        if glyph[0] == prev[0] and glyph.text.strip() and \
                abs(glyph.x0 - prev.x0) < 0.3 * max(prev.x1 - prev.x0, 0.5) and \
                abs(glyph.top - prev.top) < 1.0:
            prev = kept[-1] = prev._replace(bold=True)
            continue
        kept.append(glyph)
        prev = glyph
    return kept


def make_line(glyphs: list[Glyph], page: int) -> Line:
    """One line from its glyphs (any order): styled runs, words split at gaps, its geometry."""
    glyphs = _struck_once(glyphs)
    runs: list[tuple[str, bool, bool, str | None]] = []
    chars: list[str] = []
    # the style of the run being built: (False, False, None) before the first glyph
    bold: bool = False
    italic: bool = False
    color: str | None = None
    seen = False  # a visible glyph read yet
    prev_x1 = 0.0
    pending_space = False
    gutters: list[tuple[float, float]] = []
    first_word_end: float | None = None
    sizes: dict[float, int] = {}
    last_size: float | None = None
    size = 0.0
    streak = 0  # the glyphs of the last size met
    x0 = 0.0
    for text, gx0, gx1, _top, _bottom, gsize, gbold, gitalic, gcolor in glyphs:
        if not text.strip():
            pending_space = seen
            continue
        if not seen:
            x0 = gx0
            seen = True
        elif pending_space or gx0 - prev_x1 > _WORD_GAP * gsize:
            if gx0 - prev_x1 > _GUTTER * gsize:
                gutters.append((prev_x1, gx0))
            chars.append(" ")
            if first_word_end is None:
                first_word_end = prev_x1
        pending_space = False
        if gbold != bold or gitalic != italic or gcolor != color:
            if chars:
                # ligatures and odd spaces mapped once a run, not once a glyph
                runs.append(("".join(chars).translate(_LIGATURES), bold, italic, color))
            chars = []
            bold, italic, color = gbold, gitalic, gcolor
        chars.append(text)
        if gsize != last_size:
            # Most glyphs of a line share a size: it is rounded once and its glyphs counted
            # once a streak (each size still enters ``sizes`` in the order first met).
            if streak:
                sizes[size] = sizes.get(size, 0) + streak
            last_size, size, streak = gsize, round(gsize, 1), 0
        streak += 1
        prev_x1 = gx1
    if not seen:
        return Line([], 0, 0, 0, 0, 0, 0, page)
    sizes[size] = sizes.get(size, 0) + streak
    if chars:
        runs.append(("".join(chars).translate(_LIGATURES), bold, italic, color))
    # every visible glyph is in a run of its own style: the line's style is the runs'
    bold_all, bold_any = all(r[1] for r in runs), any(r[1] for r in runs)
    italic_all, italic_any = all(r[2] for r in runs), any(r[2] for r in runs)
    line = Line(runs, x0, prev_x1, min(map(_TOP, glyphs)), max(map(_BOTTOM, glyphs)),
                max(sizes, key=sizes.__getitem__),
                (first_word_end if first_word_end is not None else prev_x1) - x0, page,
                bold=True if bold_all else (None if bold_any else False),
                italic=True if italic_all else (None if italic_any else False),
                text="".join([r[0] for r in runs]), glyphs=glyphs, gutters=gutters)
    return line


Run = tuple[str, bool, bool, "str | None"]


def one_line_runs(glyphs: list[Glyph]) -> list[Run] | None:
    """The runs :func:`make_line` gives when :func:`group_lines` would make the glyphs one
    line (their bottoms within 1.5 points, the least tolerance), without the rest of a
    :class:`Line`; None when they may make more (then group them). Most table cells hold
    one line, and this runs for every one of them: ``[]`` when no glyph is visible."""
    # the glyphs and order group_lines hands make_line (zero-width characters left out)
    ordered = sorted((g for g in glyphs if g[0] not in _ZERO_WIDTH), key=_BOTTOM)
    if not ordered:
        return []
    if ordered[-1][4] - ordered[0][4] > 1.5:
        return None
    runs: list[Run] = []
    chars: list[str] = []
    bold: bool = False
    italic: bool = False
    color: str | None = None
    seen = pending_space = False
    prev_x1 = 0.0
    for text, gx0, gx1, _top, _bottom, gsize, gbold, gitalic, gcolor in _struck_once(ordered):
        # make_line's loop, keeping only what makes the runs
        if not text.strip():
            pending_space = seen
            continue
        if not seen:
            seen = True
        elif pending_space or gx0 - prev_x1 > _WORD_GAP * gsize:
            chars.append(" ")
        pending_space = False
        if gbold != bold or gitalic != italic or gcolor != color:
            if chars:
                runs.append(("".join(chars).translate(_LIGATURES), bold, italic, color))
            chars = []
            bold, italic, color = gbold, gitalic, gcolor
        chars.append(text)
        prev_x1 = gx1
    if chars:
        runs.append(("".join(chars).translate(_LIGATURES), bold, italic, color))
    return runs


# ---------------------------------------------------------------- paragraphs

BreakRule = Callable[[Line, Line, float], bool]


def _gap(prev: Line, line: Line, right: float) -> bool:
    return line.top - prev.bottom > _PARA_GAP * min(prev.size, line.size) \
        or line.top < prev.top - 2  # went back up: a new column or region


def _size_change(prev: Line, line: Line, right: float) -> bool:
    return abs(prev.size - line.size) > 1.0


def _style_change(prev: Line, line: Line, right: float) -> bool:
    return (prev.bold is not None and line.bold is not None and prev.bold != line.bold) or \
        (prev.italic is not None and line.italic is not None and prev.italic != line.italic)


def starts_item(line: Line) -> bool:
    """True when the line opens with an enumerator ("7.", "b)", "(iv)") or a bullet."""
    return bool(_ENUMERATOR.match(line.text))


def _enumerator(prev: Line, line: Line, right: float) -> bool:
    return starts_item(line) and (
        bool(_SENTENCE_END.search(prev.text)) or stopped_short(prev, line, right))


def _labelled(prev: Line, line: Line, right: float) -> bool:
    """ "Question:" or "Response: …" under a line that stopped short ("Request Number 5521"):
    a label opens its own paragraph, as in plain text."""
    return label_line(line.text.lstrip()) and stopped_short(prev, line, right)


def _finished_short(prev: Line, line: Line, right: float) -> bool:
    first = line.text.lstrip()[:1]
    return stopped_short(prev, line, right) and bool(_SENTENCE_END.search(prev.text)) \
        and (first.isupper() or first.isdigit())


BREAK_RULES: tuple[tuple[str, BreakRule], ...] = (
    ("vertical_gap", _gap),
    ("size_change", _size_change),
    ("style_change", _style_change),
    ("enumerator", _enumerator),
    ("label", _labelled),
    ("finished_short_line", _finished_short),
)


def stopped_short(prev: Line, line: Line, right: float) -> bool:
    """True when the next line's first word would have fitted at the end of ``prev``."""
    return prev.x1 + 0.3 * prev.size + line.first_word < right - 1.0


def paragraphs(lines: list[Line], right: float) -> list[list[Line]]:
    """Consecutive lines grouped into paragraphs by :data:`BREAK_RULES`."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and not any(rule(groups[-1][-1], line, right) for _, rule in BREAK_RULES):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


# A web address broken where the line ran out: "https://www.ibm.com/uk-en/marketp" /
# "lace/data-management", "…/Item%207%20b" / "%20HWBB…". The rest carries a path's marks
# ("/", "%", "=") and no space; "and/or" is a word.
_URL_END = re.compile(r"(?:https?://|www\.)[^\s]*[\w/%-]$", re.I)
_URL_TAIL = re.compile(r"^[^\s]*[\w/%-]$")  # a line that is all address, carried on
_URL_REST = re.compile(r"(?!and/or\b)(?:[\w%.~#?=&/-]*[/%=][\w%.~#?=&/-]*"
                       r"|[\w%~-]+\.(?:html?|aspx?|php|pdf|article|docx?|xlsx?|csv))(?:\s|$)", re.I)


def paragraph_spans(lines: list[Line], right: float) -> tuple[Span, ...]:
    """The styled spans of a paragraph's lines, joined as printed.

    When most lines of a paragraph stopped short (a list typed one item a
    line), every line break in it is kept, even where the next item would
    just not have fitted.
    """
    # a page break is never a hard line break
    short = [lines[i - 1].page == lines[i].page and stopped_short(lines[i - 1], lines[i], right)
             for i in range(1, len(lines))]
    line_per_item = sum(short) >= 2 and sum(short) * 2 >= len(short)
    runs: list[tuple[str, bool, bool, str | None]] = []
    in_address = False  # the line above ended inside a web address it broke
    for index, line in enumerate(lines):
        if index:
            text, bold, italic, color = runs[-1]
            tail = text.rstrip(" ")
            address = bool(_URL_END.search(tail) or in_address and _URL_TAIL.search(tail))
            in_address = False
            if text.endswith("\u00ad"):
                runs[-1] = (text[:-1], bold, italic, color)
            elif address and (not short[index - 1] or tail.endswith(("/", "-"))) \
                    and line.runs and _URL_REST.match(line.runs[0][0]):
                runs[-1] = (tail, bold, italic, color)  # a web address broken
                in_address = True
            elif not _HYPHEN_END.search(text):
                sep = "\n" if line_per_item or short[index - 1] else " "
                runs[-1] = (text.rstrip(" ") + sep, bold, italic, color)
            else:
                in_address = address  # "https://solutions.hsj.co.uk/kent-" / "integrated-…"
        runs.extend(line.runs)
    return merge_runs(runs)


def merge_runs(runs: list[tuple[str, bool, bool, str | None]]) -> tuple[Span, ...]:
    """Runs with equal style merged, whitespace collapsed, outer whitespace dropped."""
    if len(runs) == 1:  # most table cells: what the loop below makes of one run
        text, bold, italic, color = runs[0]
        text = _collapsed(_collapsed(text, _BLANKS), _SPACES).strip()
        return (Span(text, bool(bold), bool(italic), color if isinstance(color, str) else None),
                ) if text else ()
    merged: list[list[object]] = []
    for text, bold, italic, color in runs:
        text = _collapsed(text, _BLANKS)
        if merged and (merged[-1][1], merged[-1][2], merged[-1][3]) == (bold, italic, color):
            merged[-1][0] = str(merged[-1][0]) + text
        elif merged and not text.strip():
            merged[-1][0] = str(merged[-1][0]) + text
        else:
            merged.append([text, bold, italic, color])
    spans = [Span(_collapsed(str(t), _SPACES), bool(b), bool(i),
                  c if isinstance(c, str) else None) for t, b, i, c in merged]
    if spans:
        # made again only when stripping changes them (seldom: a line holds no outer space)
        first = spans[0]
        if first.text != first.text.lstrip():
            spans[0] = Span(first.text.lstrip(), first.bold, first.italic, first.color)
        last = spans[-1]
        if last.text != last.text.rstrip():
            spans[-1] = Span(last.text.rstrip(), last.bold, last.italic, last.color)
    return tuple(s for s in spans if s.text)


_HYPHEN_END = re.compile(r"\w-$")
_BLANKS = re.compile(r"[ \t]+")
_SPACES = re.compile(r" {2,}")
_PADDED_BREAK = re.compile(r" *\n *")


def _collapsed(text: str, blanks: re.Pattern[str]) -> str:
    """``text`` with ``blanks`` made one space, then the spaces around a line break dropped.

    Most runs hold no tab, no two spaces and no line break, and come back as they are
    without a regular expression run over them (this runs for every run of every line).
    """
    if "  " in text or ("\t" in text and blanks is _BLANKS):
        text = blanks.sub(" ", text)
    if "\n" in text:
        text = _PADDED_BREAK.sub("\n", text)
    return text


def bbox(lines: list[Line]) -> tuple[float, float, float, float]:
    """The box around some lines: (x0, top, x1, bottom)."""
    return (round(min(ln.x0 for ln in lines), 2), round(min(ln.top for ln in lines), 2),
            round(max(ln.x1 for ln in lines), 2), round(max(ln.bottom for ln in lines), 2))


def right_margin(lines: list[Line]) -> float:
    """Where full lines end: a high quantile of line ends, so one stray long line does not count."""
    ends = sorted(line.x1 for line in lines)
    if not ends:
        return 0.0
    return ends[min(len(ends) - 1, int(len(ends) * 0.9))]
