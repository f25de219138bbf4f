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
            scored.append((shared + shared / len(said), int(figure.value)))
    scored.sort(reverse=True)
    if not scored or len(scored) > 1 and scored[0][0] - scored[1][0] < 0.5:
        return None
    return scored[0][1]


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
