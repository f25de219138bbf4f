"""Tallies: "1 x Team Manager, 3 x Social Workers" (or "Nurse x 2"), one entry a line.

Staffing and equipment answers often list each role or item with how many
there are. The answer to "how many" is then the sum of the entries; each
entry is an atom. The thing after "N x" may open with a measure ("2 x 10
minute sessions"), never with a bare figure ("4 x 4 vehicles" is a kind of
vehicle, "3 x 2" a product).

>>> [(e.count, e.thing) for e in tally_entries("1 x Team Manager, 3 x Social Workers")]
[(1, 'Team Manager'), (3, 'Social Workers')]
>>> [(e.count, e.thing) for e in tally_entries("Nurse x 2 Social worker x 1")]
[(2, 'Nurse'), (1, 'Social worker')]
>>> tally_entries("4 x 4 vehicles")
()
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from foiextract.values.vocab import vocab

# "3 x ", "3x ", "3 × ": a count before the sign; "x 3": a count after it.
_COUNT_FIRST = re.compile(r"(?<![\w.,/£$€])(\d{1,4})\s?[x×X](?=\s|$)")
_COUNT_LAST = re.compile(r"(?<=\S)\s[x×X]\s?(\d{1,4})(?![\w/]|[.,]\d)")
# What may stand between entries: separators, "and", bullets; and before the first, an intro.
_BETWEEN = re.compile(r"[\s,;.&+/•·▪\-–—]*(?:(?:and|plus)[\s,;.]*)?", re.I)
_INTRO = re.compile(r"^[^:\d]{0,120}:\s*")
_LEAD_IN = re.compile(r"[A-Za-z'\s]{0,80}\s")
_THING_END = re.compile(r"[\s,;.&+/•·▪\-–—]+(?:(?:and|plus)[\s,;.]*)?$", re.I)
_MAX_THING_WORDS = 8


@dataclass(frozen=True, slots=True)
class TallyEntry:
    """One entry of a tally: how many, of what, and its text as printed."""

    count: int
    thing: str
    text: str


@cache
def _measure_start() -> re.Pattern[str]:
    units = sorted({*vocab()["time_units"], *vocab()["measure_units"]}, key=len, reverse=True)
    return re.compile(r"\d+(?:\.\d+)?\s?-?\s?(?:" + "|".join(map(re.escape, units)) + r")\b", re.I)


def _good_thing(thing: str) -> bool:
    if not thing or not re.search(r"[A-Za-z]", thing) or len(thing.split()) > _MAX_THING_WORDS:
        return False
    if thing[0].isdigit():  # "2 x 10 minute sessions" yes, "4 x 4 vehicles" no
        return _measure_start().match(thing) is not None
    return not re.match(r"[£$€%]", thing)


def tally_entries(text: str) -> tuple[TallyEntry, ...]:
    """The entries of ``text`` when all of it (after an intro ending ":") is a tally, else ()."""
    if "x" not in text and "X" not in text and "×" not in text:
        return ()
    body = _INTRO.sub("", text.strip(), count=1).rstrip(" .;")
    entries = _count_first(body) or _count_last(body)
    return entries if len(entries) >= 1 else ()


def _count_first(body: str) -> tuple[TallyEntry, ...]:
    marks = list(_COUNT_FIRST.finditer(body))
    # "The team comprises 2 x Nurse, ...": a few words without figures may lead in.
    if not marks or (marks[0].start() and not _LEAD_IN.fullmatch(body, 0, marks[0].start())):
        return ()
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(body)
        chunk = body[m.start():end]
        thing = _THING_END.sub("", body[m.end():end]).strip()
        if not _good_thing(thing):
            return ()
        out.append(TallyEntry(int(m.group(1)), thing, _THING_END.sub("", chunk).strip()))
    return tuple(out)


def _count_last(body: str) -> tuple[TallyEntry, ...]:
    marks = list(_COUNT_LAST.finditer(body))
    if not marks or marks[-1].end() != len(body):
        return ()
    out = []
    start = 0
    for m in marks:
        lead = _BETWEEN.match(body, start)
        begin = lead.end() if lead else start
        thing = body[begin:m.start()].strip()
        if not _good_thing(thing):
            return ()
        out.append(TallyEntry(int(m.group(1)), thing, body[begin:m.end()].strip()))
        start = m.end()
    return tuple(out)
