"""The text a page's content stream shows, operator by operator, for what pdfium leaves out.

pdfium's text page leaves out some text objects that pdfminer reads: a copy of
the text object just drawn (text struck twice, or a shadow under it) and an
object whose glyphs draw no ink (a run of spaces, or zero-width characters
such as the U+200B that Chrome writes in a font of its own). pdfium's API
gives neither such an object's character codes nor its text, so
:mod:`.pdf_pdfium` takes them from here: each text-showing operator (``Tj``,
``TJ``, ``'``, ``"``) of the page's own content stream, with the font resource and
size set by ``Tf``, the text state (``Tc``, ``Tw``, ``Tz``, ``Ts``, and
``"``'s spacings) and the line width (``w``) it is shown in, saved and
restored with the graphics state (``q``, ``Q``) as pdfminer does. Positions
are not followed: pdfium gives each object's origin.

The line width is pdfminer's too: it ignores an ExtGState's ``LW`` and starts
at 0 where pdfium starts at 1, so text drawn filled and stroked (render mode
2, pdfminer's fake bold) is bold only after a ``w``.

A stream this reader does not follow operator by operator (an inline image,
whose data is not tokens; ActualText, which pdfium and pdfminer read
differently) gives None, and the page is read by pdfminer.

>>> [(s.font, s.size, s.seq) for s in text_shows(b"BT /F1 12 Tf (Hi) Tj [(a) -20 (b)] TJ ET")]
[('F1', 12.0, [b'Hi']), ('F1', 12.0, [b'a', -20.0, b'b'])]
"""

from __future__ import annotations

import re
from typing import NamedTuple

# The stream's tokens, found in one pass: a literal string (parentheses nested one deep;
# a deeper one leaves a lone "(" and the page is pdfminer's), a hex string, a dictionary's
# brackets, an array's, a name, a number or operator, a comment; a stray character.
_TOKENS = re.compile(rb"""
    \((?:[^\\()]|\\.|\((?:[^\\()]|\\.)*\))*\)
  | <[0-9A-Fa-f\x00\t\n\x0c\r ]*>
  | <<|>>|\[|\]
  | /?[^\x00\t\n\x0c\r ()<>\[\]{}/%]+
  | %[^\r\n]*
  | [^\x00\t\n\x0c\r ]
""", re.VERBOSE | re.DOTALL)
_NUMBER_START = frozenset(b"0123456789+-.")
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b",
            ord("f"): b"\f", ord("("): b"(", ord(")"): b")", ord("\\"): b"\\"}
# An escape: octal digits, a line break (dropped: the string goes on), any other byte.
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|.)", re.DOTALL)
_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# Operators this reader cannot follow: the page is pdfminer's.
_UNFOLLOWED = frozenset((b"BI",))
_FOLLOWED = frozenset((b"Tj", b"TJ", b"'", b'"', b"Tf", b"Tc", b"Tw", b"Tz", b"Ts", b"w", b"q",
                       b"Q"))
_ODD = frozenset((b"'", b'"', b"T*", b"f*", b"B*", b"b*", b"W*", b"d0", b"d1"))  # not letters


class TextShow(NamedTuple):
    """One text-showing operator: the font resource and size, the strings and kerning
    numbers shown (``TJ``'s array; ``Tj``'s one string) and the text state."""

    font: str
    size: float
    seq: list[bytes | float]
    charspace: float
    wordspace: float
    scaling: float   # Tz, percent
    rise: float
    linewidth: float  # as pdfminer has it: set by w only (0 until then; it ignores gs)


class _State(NamedTuple):
    font: str
    size: float
    charspace: float
    wordspace: float
    scaling: float
    rise: float
    linewidth: float


def text_shows(data: bytes) -> list[TextShow] | None:
    """Each operator of the content stream ``data`` that shows some text (a non-empty
    string: pdfium makes no text object of the others), in order; None when the stream
    holds what is not followed here (see the module's docstring)."""
    if b"ActualText" in data:
        return None
    shows: list[TextShow] = []
    state = _State("", 0.0, 0.0, 0.0, 100.0, 0.0, 0.0)
    saved: list[_State] = []
    operands: list[object] = []
    arrays: list[list[object]] = []
    values = operands  # where an operand goes: the operands, or the array being read
    for token in _TOKENS.findall(data):
        first = token[0]
        if first in _NUMBER_START:
            try:
                values.append(float(token))
            except ValueError:
                return None
        elif first == 0x28:  # (
            if len(token) == 1:
                return None
            values.append(_literal(token[1:-1]) if 0x5C in token else token[1:-1])
        elif first == 0x2F:  # /
            name = token[1:]
            if 0x23 in name:  # "#" and two hex digits stand for a byte
                name = _NAME_ESCAPE.sub(lambda m: bytes.fromhex(m.group(1).decode()), name)
            values.append(name.decode("latin-1"))
        elif first == 0x3C:  # <
            if token != b"<<":
                digits = _NOT_HEX.sub(b"", token[1:-1])
                if len(digits) % 2:
                    return None  # pdfminer keeps the odd digit as it is
                values.append(bytes.fromhex(digits.decode()))
        elif first == 0x5B:  # [
            arrays.append([])
            values = arrays[-1]
        elif first == 0x5D:  # ]
            if not arrays:
                return None
            array = arrays.pop()
            values = arrays[-1] if arrays else operands
            values.append(array)
        elif first == 0x25 or token == b">>":  # a comment, the end of a dictionary
            continue
        elif arrays or token in _UNFOLLOWED or not token.isalpha() and token not in _ODD:
            return None  # an operator inside an array, or not one followed here
        else:
            if token in _FOLLOWED:
                state = _operate(token, operands, state, saved, shows)
            operands.clear()
    return shows


def _operate(operator: bytes, operands: list[object], state: _State, saved: list[_State],
             shows: list[TextShow]) -> _State:
    """The text state after ``operator``; a text-showing one is added to ``shows``."""
    last = operands[-1] if operands else None
    if operator == b'"' and len(operands) >= 3 and isinstance(operands[-3], float) \
            and isinstance(operands[-2], float):
        state = state._replace(wordspace=operands[-3], charspace=operands[-2])
        operator = b"Tj"
    if operator in (b"Tj", b"'") and isinstance(last, bytes):
        if last:
            shows.append(TextShow(*state[:2], [last], *state[2:]))
    elif operator == b"TJ" and isinstance(last, list):
        seq = [v for v in last if isinstance(v, (bytes, float))]
        if any(isinstance(v, bytes) and v for v in seq):
            shows.append(TextShow(*state[:2], seq, *state[2:]))
    elif operator == b"Tf" and len(operands) >= 2 and isinstance(operands[-2], str) \
            and isinstance(last, float):
        state = state._replace(font=operands[-2], size=last)
    elif operator == b"Tc" and isinstance(last, float):
        state = state._replace(charspace=last)
    elif operator == b"Tw" and isinstance(last, float):
        state = state._replace(wordspace=last)
    elif operator == b"Tz" and isinstance(last, float):
        state = state._replace(scaling=last)
    elif operator == b"Ts" and isinstance(last, float):
        state = state._replace(rise=last)
    elif operator == b"w" and isinstance(last, float):
        state = state._replace(linewidth=last)
    elif operator == b"q":
        saved.append(state)
    elif operator == b"Q" and saved:
        state = saved.pop()
    return state


def _literal(inner: bytes) -> bytes:
    """A literal string's bytes from what its parentheses hold, escapes read as
    pdfminer reads them (an unknown escape is dropped with its backslash)."""
    return _ESCAPE.sub(_unescape, inner)


def _unescape(escape: re.Match[bytes]) -> bytes:
    code = escape.group(1)
    if 0x30 <= code[0] <= 0x37:
        return bytes((int(code, 8) & 0xFF,))
    return _ESCAPES.get(code[0], b"")
