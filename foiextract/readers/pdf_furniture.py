"""Running headers and footers of a PDF: lines that belong to the page, not the letter.

A line in the header band (top fifth) or footer band (bottom sixth) of a page
is furniture when it is a page number (``Page 2 of 3``, ``- 2 -``,
``FOI/21/312 – page 1``), a protective marking (``OFFICIAL``), or when the same
text (digits blurred) stands at the same height on two pages or more (a
letterhead repeated on each page, a footer address). The vocabulary is
``foiextract/data/pdf_furniture.json``.

>>> is_marker("Page 2 of 3"), is_marker("OFFICIAL"), is_marker("Yes")
(True, True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..lexicon.data import load_json
from .pdf_layout import Line

_HEADER_BAND = 0.2
_FOOTER_BAND = 0.84


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    data: dict[str, Any] = load_json("pdf_furniture.json")
    markings = frozenset(str(m) for m in data["protective_markings"])
    patterns = tuple(re.compile(str(p)) for p in data["page_number_patterns"])
    return markings, patterns


def _blur(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def is_marker(text: str) -> bool:
    """True for a page number or a protective marking standing alone on a line."""
    markings, patterns = _vocabulary()
    key = _blur(text)
    return key in markings or any(p.match(key) for p in patterns)


def furniture_lines(pages: list[tuple[float, list[Line]]]) -> set[int]:
    """``id`` of every line that is furniture; ``pages`` gives each page's height and lines."""
    banded: list[tuple[Line, str]] = []
    for height, lines in pages:
        for line in lines:
            if line.bottom < _HEADER_BAND * height or line.top > _FOOTER_BAND * height:
                banded.append((line, line.key))
    seen: dict[str, list[tuple[int, float]]] = {}
    for line, key in banded:
        seen.setdefault(_loose(line, key), []).append((line.page, line.top))
    in_flow = _in_flow(pages)
    found: set[int] = set()
    repeated: set[int] = set()
    for line, key in banded:
        if (is_marker(line.text) and id(line) not in in_flow) or _contact_line(line.text):
            found.add(id(line))
        elif _repeated(seen[_loose(line, key)], line):
            # A scan's specks read as letters stand anywhere: its header is found as before.
            (found if line.confidences else repeated).add(id(line))
    return found | _beyond_body(pages, found, repeated)


def _beyond_body(pages: list[tuple[float, list[Line]]], found: set[int],
                 repeated: set[int]) -> set[int]:
    """The repeated lines that stand above the page's body, or below it: a running header has
    no line of the letter above it, a footer none below. "Police Board case number" in the top
    band of an e-mail's print, under the letter's first paragraphs, is the letter's, though the
    thread quotes the same list at that height on the next page. (Not on a scan, where specks
    read as letters stand above its header.)"""
    kept: set[int] = set()
    for _height, lines in pages:
        ordered = sorted(lines, key=lambda line: line.top)
        for run in (ordered, ordered[::-1]):
            for line in run:
                if id(line) in repeated:
                    kept.add(id(line))
                elif id(line) not in found:
                    break  # the body starts: what follows is the letter's, or the other band's
    return kept


def _in_flow(pages: list[tuple[float, list[Line]]]) -> set[int]:
    """``id`` of every line that is a bare figure ("67") set in the run of the body's lines:
    on the left edge of the line above, one line's pitch below it (the page's commonest),
    as an answer under its question is. A page number stands apart from the body, in a
    footer or header of its own, or centred or to the right."""
    found: set[int] = set()
    for _height, lines in pages:
        ordered = sorted(lines, key=lambda line: line.top)
        steps = sorted(round(b.top - a.top, 1) for a, b in zip(ordered, ordered[1:])
                       if b.top > a.top)
        if not steps:
            continue
        pitch = steps[len(steps) // 2]
        for above, line in zip(ordered, ordered[1:]):
            if _blur(line.text) == "#" and abs(line.x0 - above.x0) < 3 \
                    and 0 < line.top - above.top <= 1.25 * pitch:
                found.add(id(line))
    return found


def _contact_line(text: str) -> bool:
    """True for a footer or header line of the body's contact details alone ("Emergency and TTY:
    9-1-1 · … (312) 746-6000", "E-mail: police@… · Website: www.…"): two or more of a
    telephone numbers, an e-mail address and a web address, and few other words.

    >>> _contact_line("E-mail: police@cityofchicago.org · Website: www.cityofchicago.org/police")
    True
    >>> _contact_line("Please write to foi@example.gov.uk if you have any questions.")
    False
    """
    phones, mail, web = _CONTACTS
    kinds = len(phones.findall(text)) + bool(mail.search(text)) + bool(web.search(text))
    words = len(re.findall(r"[A-Za-z]{4,}", _CONTACT_PARTS.sub(" ", text)))
    return kinds >= 2 and words <= 8


_CONTACTS = (re.compile(r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\b\d{3,5}\s\d{3}\s?\d{3,4}\b|\b\d-\d-\d\b"),
             re.compile(r"[\w.-]+@[\w-]+\.[\w.]+"), re.compile(r"\bwww\.|https?://", re.I))
_CONTACT_PARTS = re.compile(r"[\w.-]+@[\w.-]+|\bwww\.\S+|https?://\S+|\b(?:e-?mail|website|web|tel|"
                            r"telephone|phone|fax|emergency|non|tty|and|within|outside|city|limits)\b",
                            re.I)


def _loose(line: Line, key: str) -> str:
    """A scanned line's key without its stops and commas, which OCR reads one way on one page
    and another on the next ("312,743.COPA" / "312.743.COPA"); a born-digital line's as is."""
    return re.sub(r"[^\w#]+", "", key) if line.confidences else key


def _repeated(places: list[tuple[int, float]], line: Line) -> bool:
    # A scan's pages sit a little higher or lower on the glass: a footer moves with them.
    slack = _SCAN_SLACK if line.confidences else 3
    return any(page != line.page and abs(top - line.top) <= slack for page, top in places)


# How far (points) a scanned page's repeated line may stand from where it stood on another page.
_SCAN_SLACK = 15

