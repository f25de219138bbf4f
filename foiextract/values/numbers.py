"""Numbers as FOI answers write them: digits with separators, number words, "both".

>>> words_to_int("Twenty-three")
23
>>> words_to_int("one hundred and five thousand, two hundred")
105200
>>> first_number("33, 000 +")
NumberMatch(start=0, end=7, value=Decimal('33000'), text='33, 000', words=False)
>>> first_number("fewer than five").value
Decimal('5')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from foiextract.values.vocab import vocab

# "1,204", "33, 000" (a stray space after the comma), "2.5", "1 204" is not accepted:
# a space alone separates two figures as often as it groups thousands.
# The first digit is matched before the look back at the character ahead of it
# ("(?<![\w.,/£$€].)"), so the search jumps from digit to digit instead of trying every position.
DIGITS = r"\d(?<![\w.,/£$€].)(?:\d{0,2}(?:,\s?\d{3})+|\d*)(?:\.\d+)?(?![\w/]|\.\d)"
DIGITS_RE = re.compile(DIGITS)
_WORD_RE = re.compile(r"[A-Za-z]+")
# "nine hundred and ninety-nine million nine hundred and ninety-nine thousand nine hundred
# and ninety-nine" is 17 words; no number a person writes is longer.
_MAX_NUMBER_WORDS = 24


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number found in text: where it is, its value, and whether it was written in words."""

    start: int
    end: int
    value: Decimal
    text: str
    words: bool


@cache
def _word_values() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    data = vocab()
    return dict(data["number_units"]), dict(data["number_tens"]), dict(data["number_scales"])


def words_to_int(text: str) -> int | None:
    """The whole ``text`` read as English number words (0 to 999,999,999,999), else None.

    >>> words_to_int("nine hundred and ninety-nine thousand nine hundred and ninety-nine")
    999999
    >>> words_to_int("fewer than five") is None
    True
    """
    tokens = [t for t in re.split(r"[\s\-–,]+", text.strip().lower()) if t]
    return _tokens_to_int(tokens)


_ENDS = re.compile(r"\s*(?:[.;,)!]|$)")


def _tokens_to_int(tokens: list[str]) -> int | None:
    units, tens, scales = _word_values()
    if not tokens or tokens[-1] in ("and", "a") or tokens[0] == "and":
        return None
    total = current = 0
    seen = False
    last_scale = 10**13
    for i, tok in enumerate(tokens):
        if tok in units:
            if tok == "nil" and len(tokens) > 1:
                return None
            current += units[tok]
        elif tok in tens:
            current += tens[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in scales:
            scale = scales[tok]
            if scale >= last_scale:
                return None
            total += (current or 1) * scale
            current = 0
            last_scale = scale
        elif tok == "and" and seen:
            continue
        elif tok == "a" and i + 1 < len(tokens) and tokens[i + 1] in scales:
            current = 1
        else:
            return None
        seen = True
    return total + current


@cache
def _number_word_pattern() -> re.Pattern[str]:
    """Any number word standing alone among letters, as ``_WORD_RE`` would find it."""
    units, tens, scales = _word_values()
    words = sorted({*units, *tens, *scales}, key=lambda w: (-len(w), w))
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, words)) + r")(?![A-Za-z])", re.I)


def is_number_word(word: str) -> bool:
    """True when the lower-cased ``word`` is a number word ("two", "forty", "thousand")."""
    return _is_number_word(word)


def _is_number_word(word: str) -> bool:
    units, tens, scales = _word_values()
    return word in units or word in tens or word in scales


def word_numbers(text: str) -> list[NumberMatch]:
    """Every run of number words in ``text``, in order.

    >>> [int(m.value) for m in word_numbers("Two reviews, and forty-one cases")]
    [2, 41]
    """
    found: list[NumberMatch] = []
    if _number_word_pattern().search(text) is None:  # no run can start: no number word at all
        return found
    words = list(_WORD_RE.finditer(text))
    i = 0
    while i < len(words):
        if not _is_number_word(words[i].group().lower()) or (
                words[i].group().lower() == "nil" and not _ENDS.match(text, words[i].end())):
            # "nil" counts where it closes what is said ("The figure is nil."), not where it
            # names something ("a nil return", "Nil Hours Contracts").
            i += 1
            continue
        j = i
        best: tuple[int, int] | None = None
        while j < len(words) and j - i < _MAX_NUMBER_WORDS:
            low = words[j].group().lower()
            gap = text[words[j - 1].end():words[j].start()] if j > i else ""
            if j > i and not re.fullmatch(r"[\s\-–]*|\s*,\s*", gap):
                break
            if not (_is_number_word(low) or low in ("and", "a")):
                break
            value = _tokens_to_int([w.group().lower() for w in words[i:j + 1]])
            if value is not None:
                best = (j, value)
            j += 1
        if best is None:
            i += 1
            continue
        end_word = words[best[0]]
        found.append(NumberMatch(words[i].start(), end_word.end(), Decimal(best[1]),
                                 text[words[i].start():end_word.end()], True))
        i = best[0] + 1
    return found


def digit_numbers(text: str) -> list[NumberMatch]:
    """Every figure written in digits in ``text`` ("1,204", "2.5"), in order.

    >>> [str(m.value) for m in digit_numbers("1,204 claims; 2.5 days")]
    ['1204', '2.5']
    """
    found = []
    for m in DIGITS_RE.finditer(text):
        value = to_decimal(m.group())
        if value is not None:
            found.append(NumberMatch(m.start(), m.end(), value, m.group(), False))
    return found


def opening_digits(text: str) -> NumberMatch | None:
    """The figure in digits that opens ``text`` (``digit_numbers(text)[0]`` when it starts at 0),
    else None; the pattern is tried at 0 alone.

    >>> opening_digits("18,442 in all").value, opening_digits("In all 18,442")
    (Decimal('18442'), None)
    """
    m = DIGITS_RE.match(text)
    value = None if m is None else to_decimal(m.group())
    return None if m is None or value is None else NumberMatch(0, m.end(), value, m.group(), False)


def to_decimal(figure: str) -> Decimal | None:
    """A figure as printed ("1,204", "33, 000", "2.50") as a Decimal, else None.

    >>> to_decimal("33, 000")
    Decimal('33000')
    """
    try:
        return Decimal(re.sub(r"[,\s]", "", figure))
    except InvalidOperation:
        return None


def all_numbers(text: str) -> list[NumberMatch]:
    """Digit figures and number words together, in order of position."""
    return sorted(digit_numbers(text) + word_numbers(text), key=lambda m: m.start)


def first_number(text: str) -> NumberMatch | None:
    """The first number in ``text``, digits or words, else None."""
    found = all_numbers(text)
    return found[0] if found else None


def format_number(value: Decimal) -> str:
    """A canonical figure: no exponent, no trailing ``.0`` on whole numbers.

    >>> format_number(Decimal("1.2") * 1000000), format_number(Decimal("2.50"))
    ('1200000', '2.5')
    """
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text
