"""Which figures in an answer can be its value, and which only qualify or name something.

A figure right after "Appendix", "Section", "Question", "page" or "Band" is a
label; a figure right before a time unit ("24 hours", "3 years", "10 minute")
is a duration; a year or financial year is the period the value is for.
None of them is the count a how-many question asks for, unless the question
counts that very unit ("How many hours of training?").

>>> [n.text for n in value_figures("Appendix 1 shows 14 cases in 2019/20")]
['14']
>>> [n.text for n in value_figures("In response to questions 2, 3 and 4: 7 cases")]
['7']
>>> [n.text for n in value_figures("No complaints over the 3 years")]
[]
>>> [n.text for n in value_figures("45 staff took 3 days", asked_unit="day")]
['45', '3']
"""

from __future__ import annotations

import re
from functools import cache

from foiextract.values.dates import find_dates
from foiextract.values.numbers import NumberMatch, all_numbers
from foiextract.values.subject import ENDS, Subject, singular
from foiextract.values.vocab import vocab


@cache
def _label_words() -> frozenset[str]:
    return frozenset(vocab()["label_words"])


@cache
def _time_words() -> tuple[dict[str, str], frozenset[str]]:
    return dict(vocab()["time_units"]), frozenset(vocab()["time_unit_qualifiers"])


_NEXT_WORDS = re.compile(r"[ -]{0,3}([A-Za-z]+)(?: ([A-Za-z]+))?")


def is_label(text: str, number: NumberMatch) -> bool:
    """True when ``number`` names something ("Appendix 1", "Section 47", "Band 5", "Q3", "No. 4").

    >>> is_label("Please see Appendix 1", all_numbers("Please see Appendix 1")[0])
    True
    """
    if number.words:
        return False  # "Appendix One" is rare; "page one of" is not a count either way
    # The word before the figure, past at most a stop, a "#" and a space ("No. 5", "Case #5").
    end = number.start
    floor = max(0, end - 3)
    while end > floor and text[end - 1] in " .#":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start < end and text[start:end].lower() in _label_words() and (
        start == 0 or not text[start - 1].isalnum())


def duration_unit(text: str, number: NumberMatch) -> str:
    """The time unit ``number`` is a count of ("hour" in "within 24 hours"), else "".

    >>> duration_unit("within 24 hours", all_numbers("within 24 hours")[0])
    'hour'
    >>> duration_unit("20 working days", all_numbers("20 working days")[0])
    'day'
    >>> duration_unit("3 times a year", all_numbers("3 times a year")[0])
    ''
    """
    end = number.end
    # A unit follows a space or a hyphen: most figures are followed by neither, or by a word
    # that is no unit, found without the pattern.
    if end >= len(text) or text[end] not in " -":
        return ""
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return ""
    units, qualifiers = _time_words()
    word = m.group(1).lower()
    if word in units:
        return units[word]
    following = m.group(2)
    if following and word in qualifiers:
        return units.get(following.lower(), "")
    return ""


def blank_dates(text: str) -> str:
    """``text`` with every date and period in it blanked (same length), so that a figure is
    never read across a date's edge ("2018-19, 219" holds the figure 219)."""
    found = find_dates(text)
    if not found:
        return text
    chars = list(text)
    for d in found:
        chars[d.start:d.end] = " " * (d.end - d.start)
    return "".join(chars)


# What stands between labels of a list: commas, "and", "or", "to", dashes, and figures that
# are not read as figures of their own ("2,3": the "3" after the comma).
_LABEL_LIST = re.compile(r"(?:[\s\d,&–-]|\band\b|\bor\b|\bto\b)+")


def value_figures(text: str, asked_unit: str | None = "") -> list[NumberMatch]:
    """The figures of ``text`` that can be a value: not in a date or period, not a label,
    not a duration unless its unit is ``asked_unit`` (``None``: a duration is a value, as it
    is to "How long ...?")."""
    plain = blank_dates(text)
    out = []
    labelled_end = -1
    for number in all_numbers(plain):
        # "questions 2, 3 and 4", "sections 40 and 43": a list of labels is labels throughout.
        if is_label(plain, number) or (labelled_end >= 0 and _LABEL_LIST.fullmatch(
                plain, labelled_end, number.start)):
            labelled_end = number.end
            continue
        labelled_end = -1
        if _QUANTIFIER.match(plain, number.end) and not plain[number.start:number.end].isdigit():
            continue  # "one or more licences", "one or two": a quantifier, not a figure
        if _by_month(plain, number):
            continue  # "From Apr 18 to Sept 19 we stored 20 lots", "on 3 May": a date's part
        if asked_unit is not None:
            unit = duration_unit(plain, number)
            if unit and unit != asked_unit:
                continue
        out.append(number)
    return out


_QUANTIFIER = re.compile(r"\s+or\s+(?:more|two|fewer|less)\b", re.I)


def _by_month(text: str, number: NumberMatch) -> bool:
    """True for a figure of one or two digits set beside a month's name in capitals: a day or
    a year's last digits ("Apr 18", "Sept 19", "3 May", "21st March"), not a count."""
    if not number.text.isdigit() or len(number.text) > 2:
        return False
    before, after = _month_patterns()
    return bool(before.search(text, max(0, number.start - 12), number.start)
                or after.match(text, number.end))


@cache
def _month_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = sorted(vocab()["months"], key=len, reverse=True)
    # Written in capitals, as a month is: "may", "march" in lower case are words of their own.
    months = "|".join(re.escape(n[:1].upper() + n[1:].rstrip(".")) for n in names)
    return (re.compile(rf"\b(?:{months})\.?\s+$"),
            re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})\b"))


_NOUN_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'-]*)")


def counted_noun(text: str, number: NumberMatch) -> str:
    """The noun a figure counts, singular: "patrol" in "46 school crossing patrols and ...".

    >>> text = "46 school crossing patrols and 5 posts are vacant"
    >>> [counted_noun(text, n) for n in all_numbers(text)]
    ['patrol', 'post']
    """
    last = ""
    at = number.end
    for _ in range(5):
        m = _NOUN_WORD.match(text, at)
        if m is None:
            break
        word = m.group(1).lower()
        if word in ENDS:
            break
        if word != "of":
            last = word
        at = m.end()
    return singular(last) if last else ""


def figure_for_subject(text: str, figures: list[NumberMatch], subject: Subject) -> NumberMatch | None:
    """The one figure of several that counts what the question counts ("How many posts are
    vacant?": 5 in "46 patrols and 5 posts are vacant"), else None."""
    if not subject.head or len(figures) < 2:
        return None
    nouns = [counted_noun(text, n) for n in figures]
    found = [n for n, noun in zip(figures, nouns) if noun == subject.head]
    if not found:
        # "How many officers work in …?" (its words run on past the noun to the verb): "38
        # officers and 12 police staff" counts officers by any of the subject's words.
        found = [n for n, noun in zip(figures, nouns) if noun in subject.words]
    return found[0] if len(found) == 1 else None
