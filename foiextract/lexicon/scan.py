"""Finding a pattern's matches quickly where they can only start at known words.

A case-insensitive pattern such as ``\\bdealt\\s+with ... under`` is tried by
the regex engine at every position of a letter. When every match must start
where one of a few words stands (an *anchor*: ``"dealt"``), finding those words
with ``str.find`` in the lower-cased text and trying the pattern only there
gives the same matches, in the same order, as ``pattern.finditer`` at a
fraction of the cost.

Lower-casing keeps every position and every ASCII letter's case-insensitive
match only when the text holds none of four characters (dotted and dotless I,
long s, the Kelvin sign); :func:`folded` returns ``None`` for such a text and
the callers then scan it in full.

>>> import re
>>> pattern = re.compile(r"\\bunder\\s+the\\s+(?P<law>\\w+)", re.IGNORECASE)
>>> text = "Handled UNDER the Act; not under  the rules."
>>> [m.group("law") for m in matches(pattern, text, starts(folded(text), ("under",)))]
['Act', 'rules']
>>> [m.group("law") for m in pattern.finditer(text)]
['Act', 'rules']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

# Characters whose case-insensitive match or lower case involves an ASCII letter, or whose lower
# case is longer than one character: found by testing every code point.
_UNFOLDABLE = ("\u0130", "\u0131", "\u017f", "\u212a")


# Each rule folds the texts it reads and most rules read the same few texts of a letter (its
# reply, its head): keep the last few, as lower-casing a long non-ASCII text is slow.
@lru_cache(maxsize=16)
def folded(text: str) -> str | None:
    """``text`` lower-cased when that keeps positions and ASCII matching, else None.

    >>> folded("Kent COUNTY"), folded("\u0130stanbul")
    ('kent county', None)
    """
    for char in _UNFOLDABLE:
        if char in text:
            return None
    return text.lower()


def starts(text: str | None, words: Iterable[str]) -> list[int] | None:
    """Every position in ``text`` where one of ``words`` stands, in order (a place where two
    words stand comes twice); None when ``text`` is.

    >>> starts("a cat and a dog", ("a ", "dog", "d"))
    [0, 8, 10, 12, 12]
    """
    if text is None:
        return None
    found: list[int] = []
    for word in words:
        at = text.find(word)
        while at != -1:
            found.append(at)
            at = text.find(word, at + 1)
    found.sort()
    return found


def matches(pattern: re.Pattern[str], text: str, at: list[int] | None) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of the positions ``at``.

    ``at`` None (the text could not be folded) scans the whole text.

    >>> [m.group(0) for m in matches(re.compile("b+"), "abba b", [1, 2, 5])]
    ['bb', 'b']
    """
    if at is None:
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    end = 0
    tried = -1
    for position in at:
        if position < end or position == tried:
            continue
        tried = position
        m = pattern.match(text, position)
        if m is not None:
            found.append(m)
            # A pattern of these readers never matches the empty string.
            end = max(m.end(), position + 1)
    return found


def first(pattern: re.Pattern[str], text: str, at: list[int] | None) -> re.Match[str] | None:
    """``pattern.search(text)`` when every match starts at one of the positions ``at``.

    >>> first(re.compile("b+"), "abba b", [1, 2, 5]).span()
    (1, 3)
    """
    if at is None:
        return pattern.search(text)
    for position in at:
        m = pattern.match(text, position)
        if m is not None:
            return m
    return None
