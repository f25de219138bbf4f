"""The searches that start and stop at 0 give what the full searches give at 0.

``opening_amount``, ``opening_percent`` and ``opening_digits`` stand in for
``find_amount``, ``find_percent`` and ``digit_numbers(...)[0]`` where only a
figure that opens the text counts (table cells, the head of an answer).
"""

from __future__ import annotations

import itertools

from foiextract.values.money import find_amount, find_percent, opening_amount, opening_percent
from foiextract.values.numbers import digit_numbers, opening_digits

PIECES = ["£", "$", "€", "1,204", "33, 000", "2.5", "12", "0", " per cent", "%", " GBP", " pounds",
          "m", " million", "(", ")", "a", "x1", ".", ",", " ", "-", "/", "2019/20", "Two "]


def _texts() -> list[str]:
    texts = ["", " ", "£", "18,442", "4,738 As regards £450 and 12%"]
    for n in (1, 2, 3):
        texts += ["".join(p) for p in itertools.product(PIECES, repeat=n)]
    return texts


def test_openings_match_the_full_searches_at_0() -> None:
    for text in _texts():
        amount = find_amount(text)
        assert opening_amount(text) == (amount if amount is not None and amount.start == 0 else None), text
        percent = find_percent(text)
        assert opening_percent(text) == (percent if percent is not None and percent.start == 0 else None), text
        figures = digit_numbers(text)
        assert opening_digits(text) == (figures[0] if figures and figures[0].start == 0 else None), text
