"""Answers that quote the part of the request they answer.

A reply may take the request apart by quoting each element it answers, the element in
quotation marks inside the answer's own sentence: "The City has determined that it does not
possess records responsive to “non email records that detail how … camera locations were
selected …”", "The City is the custodian of any “maps, schedules, or location lists
associated with the deployment plan”, however …". The quoted words are the request's own,
said earlier (the requester's message, or the reply's "The City is in receipt of your public
records request for: “…”"), so they name the item; the paragraphs from the quoting one up to
the next that quotes another element are its answer. The last element's answer is its own
paragraph: what follows it (fees, the right of review) is the letter's, not the element's.

A PDF may break a quotation over paragraphs, so quotations are found in the reply's text run
together and placed back in the paragraphs they open in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from .units import Unit

# The fewest words an element quoted from the request has, and the fewest of the answer's own
# before it in its paragraph.
MIN_WORDS = 5
_WORDS_BEFORE = 2
_WORD = re.compile(r"[^\W_]+")


class Element(NamedTuple):
    """An element of the request quoted in the reply: its words, and the paragraphs (indexes
    into the units) that answer it."""

    text: str
    answer: list[int]


def quoted_elements(units: list[Unit]) -> list[Element]:
    """The request's elements the units quote in answering them, in order (see the module's
    doc). Only a quotation in the reply's own words (not in the request it quotes) whose words
    were all said before it, in order, in an earlier paragraph counts; one paragraph answers
    one element.

    >>> from foiextract.model import Block, Span
    >>> from foiextract.segment.units import units_of
    >>> texts = ["We received your request for: “all contracts with Acme Ltd since 2020” and "
    ...          "“any invoices paid to Acme Ltd in 2023”.",
    ...          "We hold no records responsive to “all contracts with Acme Ltd since 2020”.",
    ...          "The records responsive to “any invoices paid to Acme Ltd in 2023” are exempt.",
    ...          "You may pay the fee online."]
    >>> units = units_of(tuple(Block("paragraph", (Span(t),)) for t in texts))
    >>> [(e.text, e.answer) for e in quoted_elements(units)]
    [('all contracts with Acme Ltd since 2020', [1]), ('any invoices paid to Acme Ltd in 2023', [2])]
    """
    starts: list[int] = []
    at = 0
    for unit in units:
        starts.append(at)
        at += len(unit.text) + 1
    stream = " ".join(u.text for u in units)
    quotations = _quotations(stream, starts)[:_MOST_QUOTATIONS]
    if not quotations:
        return []
    # The units' words run together, and where each unit's begin in that run.
    folded_starts: list[int] = []
    folded_parts: list[str] = []
    at = 1
    for unit in units:
        folded_starts.append(at)
        part = _folded(unit.text)
        if part:
            folded_parts.append(part)
            at += len(part) + 1
    folded = f" {' '.join(folded_parts)} "
    found: list[tuple[int, str]] = []
    for opening, quoted in quotations:
        words = _folded(quoted)
        opens = bisect_right(starts, opening) - 1
        said_first = stream[starts[opens]:opening].split()
        if len(words.split()) < MIN_WORDS or not quoted[:1].isalnum() \
                or units[opens].kind == "quote" or len(said_first) < _WORDS_BEFORE \
                or found and (found[-1][0] == opens or any(words == _folded(t) for _, t in found)):
            # (The reply's own sentence quotes the element: a paragraph opening on a quotation
            # quotes someone; one paragraph answers one element, and each element once.)
            continue
        said = folded.find(f" {words} ")
        if 0 <= said and said + len(words) + 1 < folded_starts[opens]:
            found.append((opens, quoted.rstrip(" ,;:")))
    elements = []
    for n, (opens, text) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else opens + 1
        elements.append(Element(text, list(range(opens, end))))
    return elements


def _quotations(stream: str, starts: list[int]) -> list[tuple[int, str]]:
    """Each quotation's opening offset and its words. A curly quotation runs to the first
    closing mark that leaves no opening mark unclosed inside it (a quotation
    may hold one: "siting plans (“camera placement plans”)”"); straight ones pair in turn within
    a paragraph (``starts``: where each paragraph starts in the stream)."""
    found = []
    for opening in _OPENING.finditer(stream):
        start = opening.end()
        depth, end = 0, -1
        for mark in _CURLY.finditer(stream, start, min(len(stream), start + _LONGEST)):
            if mark.group() == "“":
                depth += 1
            elif depth:
                depth -= 1
            else:
                end = mark.start()
                break
        if end > start:
            found.append((opening.start(), " ".join(stream[start:end].split())))
    for k, start in enumerate(starts):
        text = stream[start:starts[k + 1] - 1] if k + 1 < len(starts) else stream[start:]
        found.extend((start + m.start(), " ".join(m["straight"].split()))
                     for m in _STRAIGHT.finditer(text))  # (a paragraph's own pairs only)
    return sorted(found)


_OPENING = re.compile(r"“")
_CURLY = re.compile(r"[“”]")
_STRAIGHT = re.compile(r"\"(?P<straight>[^\"]{20,1200})\"")
_LONGEST = 1200
# A reply answering its request's elements quotes a few: past this many quotations a document
# is something else (a transcript, a quoted exchange), and the rest are not looked at.
_MOST_QUOTATIONS = 200


def _folded(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
