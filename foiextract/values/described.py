"""Figures each with their own words: the one the question's words describe.

An answer may give several counts, each followed by what it counts ("46 households have not
yet had a decision. 8 have been found in priority need, 1 not in priority need."). The
question's words pick one: "how many were considered to have a priority need" is the 8, "how
many were not considered to have a priority need" the 1 (a denial in the question asks for
the figure its words deny). Only where one figure's words clearly fit best; else nothing.

>>> described_figure("46 households have not yet had a priority need decision. 8 have been "
...                  "found in priority need, 1 not in priority need.",
...                  asked_words("Of this number, how many were not considered to have a "
...                              "priority need for housing?"))
1
>>> described_figure("4 in 2019 and 6 in 2020.", asked_words("How many cases in 2020?"))
6
>>> described_figure("4 cautions and 6 charges.", asked_words("How many arrests?")) is None
True
"""

from __future__ import annotations

import re
from typing import TypeVar

from foiextract.values.numbers import all_numbers

_WORD = re.compile(r"[a-z]+|\d{4}")
_DENIAL = re.compile(r"\b(?:not|no|never|n't|without)\b", re.I)
# Words that tell nothing of what is counted.
_PLAIN = frozenset("""
how many number total the a an of in on at for to by with from and or is are was were be been
have has had this that these those there their they it its which who what when where yet any
all each per as than into out up so such do does did will would can could should may might
please provide give confirm tell many much also only just your our you we not never without
""".split())
# Where a figure opens its own clause: the answer's start, a stop or comma, "and" or "but".
_OPENS = re.compile(r"(?:^|[.,;:]|\band|\bbut|\bwhile)\s*$", re.I)
_MIN_FIGURES = 2


def asked_words(question: str) -> tuple[frozenset[str], bool]:
    """The telling words of a how-many question, and whether it asks of a denial (a question
    asking two things, "… and how many …", gets a mark that no figure is chosen for it)."""
    low = question.lower()
    two = _TWO_QUESTIONS.search(low) is not None
    return _telling(low) | (_TWO_ASKED if two else frozenset()), bool(_DENIAL.search(low))


_TWO_QUESTIONS = re.compile(r"\band\s+(?:how|what|which|who|when|where|whether|the\s+number)\b")
_TWO_ASKED = frozenset({"\u2016two"})


def described_figure(text: str, asked: tuple[frozenset[str], bool]) -> int | None:
    """The whole figure of ``text`` whose own words the question's fit best, or None."""
    words, denied = asked
    if not words or asked[0] & _TWO_ASKED:
        return None
    figures = [n for n in all_numbers(text) if n.value == n.value.to_integral_value()
               and not (1900 <= n.value <= 2100 and not n.words)]
    # Each figure heads its own words ("8 have been found …, 1 not …"); in "We received 12
    # complaints and upheld 3 of them" the words around the figures are shared, not theirs.
    if len(figures) < _MIN_FIGURES or not all(_OPENS.search(text[:n.start]) for n in figures):
        return None
    scored: list[tuple[float, int]] = []
    years = {w for w in words if w.isdigit()}
    for figure, after in zip(figures, figures[1:] + [None]):
        own = text[figure.end:after.start if after is not None else len(text)]
        own = re.split(r"[.;:]\s", own, maxsplit=1)[0]
        said = _telling(own.lower())
        shared = len(said & words)
        if not shared and not (years and any(w.isdigit() for w in said)):
            return None  # a figure of something else beside them: a breakdown, not a choice
        if bool(_DENIAL.search(own)) != denied:
            continue
        if shared:
            scored.append((_fit(shared, said), int(figure.value)))
    return _clear_best(scored)


def _fit(shared: int, said: frozenset[str]) -> float:
    """How well a figure's own words fit the question's: the words shared, and their share."""
    return shared + shared / len(said)


_Figure = TypeVar("_Figure", int, float)


def _clear_best(scored: list[tuple[float, _Figure]]) -> _Figure | None:
    """The figure that fits best, where it fits clearly better than the next; else None."""
    scored.sort(key=lambda entry: entry[0], reverse=True)
    if not scored or len(scored) > 1 and scored[0][0] - scored[1][0] < 0.5:
        return None
    return scored[0][1]


# A whole and a part of it: "48 complaints, of which 12 were upheld", "Of the 2,310 notices
# issued, 145 were cancelled", "12 of the 48 complaints received were upheld" (the part's own
# words after the whole's verb). The figures are the groups ``whole`` and ``part``; a part's
# words run to the next stop.
# A figure, never a year, nor "12" of "12,400" (matched from a run's start only, and one way:
# a long run of digits or "1,1,1,…" costs a step a character).
_FIGURE = r"(?<![\d,.])(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![,.]?\d)"
_WORDS = r"(?:[^.;:\d]|\b(?:19|20)\d\d\b)"  # words, and the years among them ("… in 2022")
_WHOLE_THEN_PART = re.compile(
    rf"(?P<whole>{_FIGURE})(?P<whole_words>{_WORDS}{{0,80}}?),?\s+(?:of\s+(?:which|whom|these|"
    rf"those|them)|including)\s+(?P<part>{_FIGURE})(?P<part_words>{_WORDS}{{0,80}})", re.I)
_OF_THE_WHOLE = re.compile(
    rf"\b(?:out\s+)?of\s+(?:(?:the|these|those|all|our|its|their)\s+)?(?P<whole>{_FIGURE})"
    rf"(?P<whole_words>{_WORDS}{{0,80}}?),\s*(?P<part>{_FIGURE})(?P<part_words>{_WORDS}{{0,80}})",
    re.I)
_PART_OF_THE = re.compile(
    rf"(?P<part>{_FIGURE})\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|all\s+)?"
    rf"(?P<whole>{_FIGURE})(?P<whole_words>{_WORDS}{{0,80}}?)\s+(?P<part_words>(?:were|was|are|is|"
    rf"have|has|had)\b{_WORDS}{{0,80}})", re.I)


# The most of a sentence read for a whole and its part.
_MAX_SENTENCE = 1000


def part_or_whole(text: str, asked: tuple[frozenset[str], bool]) -> int | None:
    """Of a whole and a part of it, the figure the question asks for: the part where the
    question's words say what only the part is ("How many complaints were upheld?"), the whole
    where they speak of the whole alone ("How many complaints were received?"); else None.

    >>> part_or_whole("The council received 48 complaints, of which 12 were upheld.",
    ...               asked_words("How many complaints were upheld?"))
    12
    >>> part_or_whole("The council received 48 complaints, of which 12 were upheld.",
    ...               asked_words("How many complaints did the council receive?"))
    48
    >>> part_or_whole("12 of the 48 complaints received were upheld.",
    ...               asked_words("How many complaints were upheld?"))
    12
    >>> part_or_whole("Of the 2,310 notices issued, 145 were cancelled.",
    ...               asked_words("How many notices were issued?"))
    2310
    >>> part_or_whole("Officers issued 57 notices in 2022, of which 41 have been paid.",
    ...               asked_words("How many notices were issued in 2022?"))
    57
    >>> part_or_whole("Records of 12,400 patients were viewed, 30 by the GP.",
    ...               asked_words("How many patients' records were viewed?"))
    12400
    """
    words, denied = asked
    if not words or words & _TWO_ASKED or denied:
        return None
    text = text[:_MAX_SENTENCE]
    found = [m for m in (p.search(text) for p in (_WHOLE_THEN_PART, _OF_THE_WHOLE, _PART_OF_THE))
             if m is not None]
    if len(found) != 1:
        return None  # none, or a sentence read two ways
    m = found[0]
    whole_words = _telling(text[:m.start("whole")].lower() + " " + m["whole_words"].lower())
    part_words = _telling(m["part_words"].lower())
    if (words & part_words) - whole_words:
        chosen = m["part"]
    elif words & whole_words and not words & part_words:
        chosen = m["whole"]
    else:
        return None
    value = float(chosen.replace(",", ""))
    return int(value) if value.is_integer() else None


def labelled_figure(labelled: list[tuple[str, float]], asked: tuple[frozenset[str], bool]
                    ) -> float | None:
    """Of figures each under a label of its own ("Complaints received: 48", "Upheld: 12"), the
    one whose label the question's words fit best and clearly (as :func:`described_figure`
    scores a figure's words); None where none does, or the question asks two things.

    >>> labelled_figure([("Complaints received", 48.0), ("Upheld", 12.0)],
    ...                 asked_words("How many complaints were upheld?"))
    12.0
    >>> labelled_figure([("2022", 48.0), ("2023", 12.0)],
    ...                 asked_words("How many complaints were upheld?")) is None
    True
    """
    words, denied = asked
    if not words or words & _TWO_ASKED or len(labelled) < _MIN_FIGURES:
        return None
    scored: list[tuple[float, float]] = []
    for label, figure in labelled:
        said = _telling(label.lower())
        shared = len(said & words)
        if shared and bool(_DENIAL.search(label)) == denied:
            scored.append((_fit(shared, said), figure))
    return _clear_best(scored)


def year_figure(text: str, asked: tuple[frozenset[str], bool]) -> int | None:
    """The figure of the one year the question names, where the answer gives one figure
    for each of several years, each beside its year ("In 2021 there were 12, and in 2022
    there were 15.", "2021: 12. 2022: 15.", "12 in 2021 and 15 in 2022"); else None.

    >>> year_figure("In 2021 there were 12, and in 2022 there were 15.",
    ...             asked_words("How many complaints were received in 2022?"))
    15
    >>> year_figure("12 complaints in 2021. In 2022 there were 15, 3 of them upheld.",
    ...             asked_words("How many complaints were received in 2022?")) is None
    True
    """
    words = asked[0]
    years = {w for w in words if w.isdigit()}
    if len(years) != 1 or words & _TWO_ASKED:
        return None
    numbers = all_numbers(text)
    if len(numbers) < 4 or len(numbers) % 2:
        return None
    is_year = [not n.words and n.text.isdigit() and len(n.text) == 4
               and 1900 <= n.value <= 2100 for n in numbers]
    # Years and figures take turns, each year once, every figure a whole one of its own.
    if any(is_year[k] == is_year[k + 1] for k in range(len(numbers) - 1)):
        return None
    marked = [n for n, y in zip(numbers, is_year) if y]
    figures = [n for n, y in zip(numbers, is_year) if not y]
    if len({n.text for n in marked}) != len(marked) \
            or any(n.value != n.value.to_integral_value() for n in figures):
        return None
    for year, figure in zip(marked, figures):
        if year.text in years:
            return int(figure.value)
    return None


def _telling(text: str) -> frozenset[str]:
    return frozenset(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w
                     for w in _WORD.findall(text) if w not in _PLAIN and len(w) > 2)
