"""Items a request runs together in one paragraph: "… a. Demographic information … b. Each
subject's score … c. …", "Please provide screenshots of the following screens: 1. … 2. …".

A letter that quotes the request often loses its line breaks, so its items stand one after
another in one paragraph, each behind its enumerator. The enumerators that count on by one
("a." then "b.", "1." then "2.", "(1)" then "(2)") mark the items; what stands before the
first is the request's opening, an item of its own where it asks for something ("all public
information located in the Dashboard.") and not where it only leads in ("This should include
but not be limited to:"); a lead-in run into the end of an item ("… Notification Letter Please
provide documents sufficient to show the following information:") is cut off it.

>>> inline_items("all records of the scheme. This should include: a. The name of each "
...              "officer b. The date of each review c. Any reports")
['all records of the scheme.', 'The name of each officer', 'The date of each review', 'Any reports']
>>> inline_items("all records of the scheme, 2019 to 2021.")
[]
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"(?:(?<=\s)|^)(?P<marker>\((?P<n1>\d{1,2}|[a-z])\)|(?P<n2>\d{1,2}|[a-z])[.)])"
                     r"\s+(?=[A-Z\"“‘(])")
# A sentence that only leads to what follows it: "This should include but not be limited to:",
# "the following documents or records regarding …: Please provide screenshots of the
# following screens:".
_LEAD_IN = re.compile(r"(?:^|(?<=[.\s]))(?:this\s+should\s+include|please\s+provide|the\s+following|"
                      r"i\s+(?:would|also)\s+(?:like|request)|including|for\s+each)\b[^.]*:\s*$",
                      re.I | re.S)


def inline_items(text: str) -> list[str]:
    """The items ``text`` runs together behind enumerators that count on by one, its opening
    first where it asks for something; [] where it holds no such run of three or more."""
    found = list(_MARKER.finditer(text))
    # Each enumerator by its style ("(1)" or "1." / "1)") and value, once: a mark counts where
    # the one before or after it in its count stands in the text too.
    present = {(m["n1"] is not None, m["n1"] or m["n2"]) for m in found}
    marks = [m for m in found if any((m["n1"] is not None, n) in present
                                     for n in _neighbours(m["n1"] or m["n2"]))]
    if len(marks) < 3:
        return []
    items = [text[:marks[0].start()]]
    for mark, after in zip(marks, marks[1:] + [None]):
        items.append(text[mark.end():after.start() if after is not None else len(text)])
    out = []
    for item in items:
        item = " ".join(item.split())
        cut = _LEAD_IN.search(item)
        if cut is not None:
            item = item[:cut.start()].strip()
        if len(item.split()) >= 2 and not item.endswith(":"):
            out.append(item)
    return out


def _neighbours(value: str) -> list[str]:
    return [n for n in (_step(value, -1), _step(value, 1)) if n]


def _step(value: str, by: int) -> str:
    if value.isdigit():
        return str(int(value) + by) if int(value) + by > 0 else ""
    code = ord(value) + by
    return chr(code) if ord("a") <= code <= ord("z") else ""
