"""Lists as answers write them: "A, B and C", one item a line, or items run together.

The segmenter joins list items with a space, so "Oxford Street Edgware Road"
has lost its line breaks; the items are found again from capitals and from
the words names end in ("Ltd", "Street", "Library").

>>> list_items("Islington, Haringey and the City of Westminster.")
['Islington', 'Haringey', 'City of Westminster']
>>> list_items("Oxford Street Edgware Road Marylebone High Street")
['Oxford Street', 'Edgware Road', 'Marylebone High Street']
>>> list_items("Persistent disruptive behaviour Physical assault against a pupil")
['Persistent disruptive behaviour', 'Physical assault against a pupil']
"""

from __future__ import annotations

import re
from functools import cache

from foiextract.values.vocab import vocab

_INTRO = re.compile(r"^(?P<intro>[^:]{8,200}):\s+(?P<rest>\S.*)$", re.S)
_WORD = re.compile(r"\S+")


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = vocab()
    return frozenset(data["list_item_heads"]), frozenset(data["list_connectors"])


def strip_intro(text: str) -> tuple[str, bool]:
    """The list after an introducing clause ending in ":", and whether there was one.

    >>> strip_intro("The following stations were unavailable: Dingwall Tain")
    ('Dingwall Tain', True)
    """
    m = _INTRO.match(text.strip())
    if m and not re.search(r"https?$", m.group("intro")):
        return m.group("rest").strip(), True
    return text.strip(), False


def _clean_item(item: str) -> str:
    item = item.strip().strip(".;,").strip()
    item = re.sub(r"^(?:and|or|&)\s+", "", item, flags=re.I)
    item = re.sub(r"^the\s+", "", item, flags=re.I)
    return item.strip()


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word[:1] == "("


# "1st –", "2^nd -": a place in a ranking, then what holds it.
_ORDINAL = re.compile(r"\s*\b\d{1,2}\^?(?:st|nd|rd|th)\s*[–—:-]\s*")


def is_ranking(text: str) -> bool:
    """True for places in a ranking one after another ("1st – A 2nd – B")."""
    return _ORDINAL.match(text) is not None and len(_ORDINAL.findall(text)) >= 2


def list_items(text: str, run_together: bool = True) -> list[str]:
    """The items of a list answer, cleaned ("and", a leading "the" and end stops removed).
    ``run_together=False`` where the answer is known to be one paragraph as printed: its
    items then need a separator (no line breaks were lost)."""
    body, had_intro = strip_intro(text)
    body = body.strip().rstrip(".")
    if not body:
        return []
    if is_ranking(body):
        parts = _ORDINAL.split(body)  # "1st – Bunzl Greenham 2nd – Arden Winch": a ranking
    elif re.search(r"\s[•·▪]\s", " " + body):
        parts = re.split(r"\s*[•·▪]\s*", body)
    elif ";" in body:
        parts = body.split(";")
    elif re.fullmatch(r"[^/]{1,40}(?:\s/\s[^/]{1,40})+", body):
        parts = body.split(" / ")  # "Tender / Framework": alternatives side by side
    elif "," in body:
        parts = body.split(",")
        last = re.split(r"\s+(?:and|&)\s+", parts[-1])
        parts = parts[:-1] + last
    elif re.search(r"\s(?:and|&)\s+(?:the\s+)?[A-Z]", body) and len(body.split()) <= 12 and \
            not re.search(r"\b[a-z]{3,}\b", re.sub(r"\b(?:and|the|of|upon|on)\b", "", body)):
        parts = re.split(r"\s+(?:and|&)\s+", body)
    elif run_together:
        parts = run_together_items(body, had_intro)
    else:
        parts = [body]
    return [item for item in (_clean_item(p) for p in parts) if item]


def run_together_items(body: str, split_names: bool) -> list[str]:
    """Split items whose line breaks were lost, by capitals and name endings.

    ``split_names`` allows splitting a run of bare proper names one a word
    ("Dingwall Lairg Tain"), which is only safe after an introducing clause.

    >>> run_together_items("Kestrel Advisory LLP Harbourside Consulting Ltd", False)
    ['Kestrel Advisory LLP', 'Harbourside Consulting Ltd']
    """
    heads, connectors = _words()
    words = _WORD.findall(body)
    has_lower = any(not _capitalised(w) and w.lower() not in connectors for w in words)
    if has_lower:
        return _sentence_case_items(words, connectors)
    repeated = _split_repeated_prefix(words)
    if repeated:
        return repeated
    if any(w.lower().rstrip(".,") in heads for w in words[:-1]):
        return _split_after_heads(words, heads)
    if split_names:
        return _split_names(words, connectors)
    return [" ".join(words)]


def _sentence_case_items(words: list[str], connectors: frozenset[str]) -> list[str]:
    items: list[list[str]] = [[]]
    i = 0
    while i < len(words):
        word = words[i]
        prev = items[-1][-1] if items[-1] else None
        lower_prev = prev is not None and not _capitalised(prev) and prev.lower() not in connectors
        if _capitalised(word) and not word.startswith("(") and (lower_prev or (prev or "").endswith(")")):
            items.append([])
        items[-1].append(word)
        i += 1
    out: list[str] = []
    for item in items:
        # "Provider Portal Client finance": the last capital before lower case opens a new item.
        caps = 0
        while caps < len(item) and _capitalised(item[caps]):
            caps += 1
        # ... but not at a figure: "Section 117 aftercare" is one item, the figure the section's.
        if 2 <= caps < len(item) and not item[caps].lower() in connectors \
                and not item[caps - 1][:1].isdigit():
            out.append(" ".join(item[:caps - 1]))
            out.append(" ".join(item[caps - 1:]))
        else:
            out.append(" ".join(item))
    return out


def _split_repeated_prefix(words: list[str]) -> list[str]:
    if len(words) < 4:
        return []
    prefix = words[:2]
    starts = [i for i in range(len(words) - 1) if words[i:i + 2] == prefix]
    if len(starts) < 2:
        return []
    bounds = starts + [len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]


def _split_after_heads(words: list[str], heads: frozenset[str]) -> list[str]:
    items: list[list[str]] = [[]]
    for word in words:
        items[-1].append(word)
        if word.lower().rstrip(".,") in heads:
            items.append([])
    return [" ".join(item) for item in items if item]


def _split_names(words: list[str], connectors: frozenset[str]) -> list[str]:
    items: list[list[str]] = []
    joined = False
    for word in words:
        if word.lower() in connectors and items:
            items[-1].append(word)
            joined = True
            continue
        if joined or not items:
            if items and joined:
                items[-1].append(word)
            else:
                items.append([word])
            joined = False
            continue
        items.append([word])
    return [" ".join(item) for item in items]
