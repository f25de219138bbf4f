"""Captioned tables: a request restated in plain paragraphs, answered by tables under short captions.

Police forces answering one mass request often set the request out under a
heading ("Your Request") or after "You asked:", then answer with tables, each
under a caption ("Crime Outcomes Breakdown"). Nothing in such a letter reads as
a question, so the walk finds no pairs. This rule (``captioned_table``) pairs
each captioned table with the request item its caption (and the table's header
row) names, and only where one item clearly stands out.

>>> from foiextract.readers.markdown import parse
>>> from foiextract.segment import segment
>>> doc = parse("## Your Request\\n\\nThe number of thefts in 2023.\\n\\n"
...             "The outcome of each theft.\\n\\n## Response\\n\\nTheft Outcomes\\n\\n"
...             "| Outcome | 2023 |\\n|---|---|\\n| Charged | 4 |\\n", "x.md")
>>> [(p.question, p.answer, p.request_item, p.rule) for p in segment(doc).pairs]
[('The outcome of each theft.', 'Outcome | 2023; Charged | 4', 2, 'captioned_table')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..model import Pair, Source
from .phrases import phrases, reads_as_request_intro
from ..lexicon.text import normalise
from .roles import Reading
from .tables import qa_rows
from .units import Unit

RULE = "captioned_table"
_MAX_REQUEST = 8  # paragraphs read after a request heading: a request restated is short
_CAPTION_WORDS = 10
_HEADER_WEIGHT = 0.5  # a table's header row says less of what it answers than its caption
_CLEAR = 1.0  # at least one word the caption shares with no other item, or as much
_MARGIN = 2.0  # the best item scores at least twice the next


@dataclass(frozen=True, slots=True)
class Item:
    """One request item as restated: its text and the paragraph it stands in."""

    text: str
    unit: Unit | None  # None for an item of the known request, not printed in the letter


def captioned_pairs(units: list[Unit], readings: list[Reading], known: Sequence[str] = ()
                    ) -> tuple[list[str], list[Pair]] | None:
    """The request items and the pairs of captioned tables matched to them, or None.

    The items are the request the letter restates in plain paragraphs, else the ``known``
    request (a round-robin's, given to ``compile``). None when there is neither, or no
    captioned table clearly matches one of its items. A caption that names several items
    each by a word of its own ("Crime Nature, Outcome & Hospital Name Breakdown") answers
    them all, shared.
    """
    found = _request(units, readings)
    if found is None and not known:
        return None
    items, end = found if found is not None else ([Item(text, None) for text in known], 0)
    bags = [_words(item.text) for item in items]
    spread = _spread(bags)
    pairs: list[tuple[int, Pair]] = []
    used: set[int] = set()
    for caption, table in _captioned_tables(units, readings, end):
        named = [item for item in _named_items(caption, table, bags, spread) if item not in used]
        used.update(named)
        pairs.extend((item, _pair(items[item], caption, table, item + 1, len(named) > 1))
                     for item in named)
    if not pairs:
        return None
    return [item.text for item in items], [pair for _, pair in pairs]


def _named_items(caption: Unit, table: Unit, bags: list[frozenset[str]],
                 spread: dict[str, int]) -> list[int]:
    """The 0-based items a caption names: the one it clearly names, else every item both it and
    the table's header name by a word no other item has (two or more; a caption may promise
    a column the table lacks), else none."""
    best = _best_item(caption, table, bags, spread)
    if best is not None:
        return [best]
    words, header = _words(caption.text), _header_words(table)
    own = [k for k, bag in enumerate(bags)
           if any(spread[w] == 1 for w in bag & words)
           and any(spread[w] == 1 for w in bag & header)]
    return own if len(own) >= 2 else []


def _request(units: list[Unit], readings: list[Reading]) -> tuple[list[Item], int] | None:
    """The items of a request restated under a request heading or after "You asked…:", and
    the index where the request ends."""
    headings = frozenset(phrases()["request_headings"])
    for i, (unit, reading) in enumerate(zip(units, readings)):
        heading = reading.role == "heading" and normalise(unit.text) in headings
        intro = (reading.role == "text" and unit.text.endswith(":")
                 and reads_as_request_intro(unit.text) and len(unit.text) < 200)
        if heading or intro:
            items, end = _items(units, readings, i + 1)
            return (items, end) if items else None
    return None


def _items(units: list[Unit], readings: list[Reading], start: int) -> tuple[list[Item], int]:
    items: list[Item] = []
    listed = False
    end = start
    for unit, reading in zip(units[start:start + _MAX_REQUEST], readings[start:start + _MAX_REQUEST]):
        if reading.role not in ("text", "question", "stem") or unit.kind == "table" or (
                _subheading(unit.text)):
            break  # "Locations of Interest", a heading, a table: the request is over
        end = unit.index + 1
        if unit.text.endswith(":"):
            listed = True  # "Please could these be broken down as follows:" leads in a list
            continue
        lines = _listed_lines(unit) if listed else []
        items.extend(Item(line, unit) for line in lines or [unit.text])
        listed = False
    return items, end


def _listed_lines(unit: Unit) -> list[str]:
    """The lines of a list written as one paragraph, one item a line.

    A PDF often keeps a list under "…broken down as follows:" as one paragraph
    whose lines are the items ("For each year\\nBy the nature of each crime
    description\\n…"); its folded text runs them together. Only a paragraph
    straight after such a lead-in, of several short lines none ending a
    sentence, is split, so a wrapped sentence is never cut up.
    """
    lines = [line.strip() for line in unit.block.text.split("\n") if line.strip()]
    if len(lines) < 2 or unit.raw != " ".join(lines):
        return []
    if any(len(line.split()) > 12 or line.endswith((".", ",", ";")) for line in lines[:-1]):
        return []
    return lines


def _subheading(text: str) -> bool:
    """A short title-case line with no closing mark ("Locations of Interest")."""
    words = text.split()
    return (0 < len(words) <= 4 and not text.endswith((".", ":", "?", ";", ","))
            and all(w[:1].isupper() for w in words if len(w) > 3))


def _captioned_tables(units: list[Unit], readings: list[Reading], start: int
                      ) -> list[tuple[Unit, Unit]]:
    """Each (caption, table) after the request: a short line with a table straight beneath."""
    found: list[tuple[Unit, Unit]] = []
    for i in range(start, len(units) - 1):
        if readings[i].role == "stop":
            break
        caption, table = units[i], units[i + 1]
        if (table.kind == "table" and readings[i].role in ("text", "heading", "question")
                and 0 < len(caption.text.split()) <= _CAPTION_WORDS
                and not caption.text.endswith((".", ":", "?", ";", ","))
                and not qa_rows(table.block)):
            found.append((caption, table))
    return found


def _best_item(caption: Unit, table: Unit, bags: list[frozenset[str]],
               spread: dict[str, int]) -> int | None:
    """The 0-based item the caption clearly names, or None.

    A word counts for one over the number of items it stands in, so "crime",
    asked of in every item, says little and "outcome" says much.
    """
    weights = dict.fromkeys(_header_words(table), _HEADER_WEIGHT)
    weights.update(dict.fromkeys(_words(caption.text), 1.0))
    scores = [sum(weights[w] / spread[w] for w in bag if w in weights) for bag in bags]
    ranked = sorted(range(len(scores)), key=lambda k: -scores[k])
    best = ranked[0]
    runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
    if scores[best] >= _CLEAR and scores[best] >= _MARGIN * runner_up:
        return best
    return None


def _header_words(table: Unit) -> frozenset[str]:
    rows = table.block.rows
    return _words(" ".join(cell.text for cell in rows[0])) if rows else frozenset()


def _spread(bags: list[frozenset[str]]) -> dict[str, int]:
    spread: dict[str, int] = {}
    for bag in bags:
        for word in bag:
            spread[word] = spread.get(word, 0) + 1
    return spread


def _words(text: str) -> frozenset[str]:
    """The telling words of a caption or item: no filler, no figures, plurals folded, and
    a word of a family ("type", "group") read as its head ("nature")."""
    filler, families = _vocabulary()
    words = set()
    for word in normalise(text).split():
        if len(word) < 3 or word in filler or any(c.isdigit() for c in word):
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(families.get(word, word))
    return frozenset(words)


@cache
def _vocabulary() -> tuple[frozenset[str], dict[str, str]]:
    data = phrases()
    families = {member: head for head, members in data["caption_word_families"].items()
                for member in members}
    return frozenset(data["caption_filler_words"]), families


def _pair(item: Item, caption: Unit, table: Unit, number: int, shared: bool = False) -> Pair:
    return Pair(question=item.text, answer=table.text, shared=shared, section=caption.text,
                rule=RULE, request_item=number,
                question_source=item.unit.source if item.unit is not None else Source(),
                answer_source=table.source, answer_blocks=(table.block,))
