"""A reply that quotes the request, then restates each question with its answer.

Request-platform threads often arrive this way: the request quoted (from the
requester's message), then the authority's reply repeating each question and
putting the answer after it, in the same paragraph ("Q1) Do you…? No – Policy
attached.", "a) 2018 - None"). When the reply restates the quoted request, the
quotes are the request (never pairs), a restated question becomes a question
unit, and what follows it on the line becomes its answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .phrases import reads_as_question
from .request import normalise
from .units import Unit

_SUB = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4})[.)]$", re.I)
_SEPARATOR = re.compile(r"^[\s\-–—:.;,]+")


@dataclass(frozen=True, slots=True)
class QuotedRequest:
    """The request as quoted, and which units quote it."""

    items: tuple[str, ...]
    quotes: frozenset[int]


def find(units: list[Unit]) -> QuotedRequest | None:
    """The quoted request, when the reply restates at least two of its paragraphs."""
    quotes = [u for u in units if u.kind == "quote" and u.text]
    if len(quotes) < 2:
        return None
    restating = sum(1 for u in units if u.kind != "quote" and _restates(u, quotes) is not None)
    if restating < 2:
        return None
    return QuotedRequest(tuple(_items(quotes)), frozenset(u.index for u in quotes))


def restate(units: list[Unit], request: QuotedRequest) -> list[Unit]:
    """Split each reply paragraph that restates a quoted one into its question and answer."""
    quotes = [u for u in units if u.index in request.quotes]
    units = _rejoin(units, quotes, request)
    out: list[Unit] = []
    for k, unit in enumerate(units):
        quoted = _restates(unit, quotes) if unit.index not in request.quotes else None
        if quoted is None:
            out.append(unit)
            continue
        asked = _is_item(quoted, quotes)
        rest = _SEPARATOR.sub("", unit.text[_prefix_length(unit.text, quoted.text):]).strip()
        head = replace(unit, text=quoted.text, restated="question" if asked else "echo")
        out.append(head)
        if rest:
            out.append(replace(unit, text=rest, marker="", numbers=(), label="", restated=""))
    return out


def _rejoin(units: list[Unit], quotes: list[Unit], request: QuotedRequest) -> list[Unit]:
    """Join a restated question broken across two lines ("…from dual-heritage" / "families? 4")."""
    out: list[Unit] = []
    skip = False
    for k, unit in enumerate(units):
        if skip:
            skip = False
            continue
        following = units[k + 1] if k + 1 < len(units) else None
        text = normalise(unit.text)
        if following is not None and unit.index not in request.quotes and len(text) >= 25:
            for quote in quotes:
                said = normalise(quote.text)
                if said.startswith(text + " ") and normalise(following.text).startswith(
                        said[len(text):].strip()):
                    unit = replace(unit, text=unit.text + " " + following.text)
                    skip = True
                    break
        out.append(unit)
    return out


def _restates(unit: Unit, quotes: list[Unit]) -> Unit | None:
    text = normalise(unit.text)
    if not text:
        return None
    best: Unit | None = None
    for quote in quotes:
        said = normalise(quote.text)
        if not said or not text.startswith(said):
            continue
        if len(said) < 25 and (not quote.marker or quote.marker != unit.marker):
            continue  # short items ("2018", "Pubwatch") only under the same enumerator
        if best is None or len(said) > len(normalise(best.text)):
            best = quote
    return best


def _prefix_length(text: str, prefix: str) -> int:
    """Where in ``text`` the words of ``prefix`` end, with its closing punctuation."""
    wanted = normalise(prefix)
    tail = set("?!.,;:\"'’”)] ")
    for end in range(len(prefix) // 2, len(text) + 1):
        if normalise(text[:end]) == wanted and (end == len(text) or not text[end].isalnum()):
            while end < len(text) and text[end] in tail | {" "}:
                end += 1
            return end
    return len(text)


def _is_item(quote: Unit, quotes: list[Unit]) -> bool:
    """A quoted paragraph that is a request item of its own (not a bullet, not a lead-in)."""
    position = quotes.index(quote)
    following = quotes[position + 1] if position + 1 < len(quotes) else None
    if following is not None and _SUB.match(following.marker) and not _SUB.match(quote.marker):
        return False  # a lead-in over sub-items: the sub-items are the items
    if quote.marker == "•":
        return False
    return bool(_SUB.match(quote.marker) or quote.numbers or reads_as_question(quote.text))


def _items(quotes: list[Unit]) -> list[str]:
    """The request's items: questions and sub-items; bullets join the item above them."""
    items: list[str] = []
    for quote in quotes:
        if _is_item(quote, quotes):
            items.append(quote.text)
        elif quote.marker == "•" and items:
            items[-1] += " " + quote.text
    return items
