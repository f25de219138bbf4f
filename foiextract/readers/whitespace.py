"""Styled pieces of text to spans, whitespace collapsed as a page shows it: what the HTML and
Word readers both do with the text they gather.

A run of spaces and line breaks becomes its line break(s), or else one space (none after a
space or a break, or at the start); a break also takes away a space just before it; the ends
are trimmed. ``many_breaks`` keeps every break of a run (HTML's ``<br><br>`` marks a new
paragraph); without it a run of breaks is one (Word's breaks inside a paragraph).

>>> collapse([("  Two ", (False,) * 2), ("\\n apples", (True, False))], many_breaks=False)
(Span(text='Two', bold=False, italic=False, color=None, href=None), \
Span(text='\\napples', bold=True, italic=False, color=None, href=None))
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Any, Sequence

from ..model import Span

_SPACES_AND_BREAKS = re.compile(r"[ \n]*\n[ \n]*| {2,}")


def collapse(pieces: Sequence[tuple[str, Any]], *, many_breaks: bool) -> tuple[Span, ...]:
    """``(text, style)`` pieces to spans; a style is ``(bold, italic, color, href)`` or its first
    fields (the rest ``None``)."""
    runs: list[tuple[str, Any]] = []  # the text kept, piece by piece
    for text, style in pieces:
        body = text.lstrip(" \n")
        lead = text[:len(text) - len(body)]  # its collapse depends on the text before
        if "\n" in lead:
            if runs and runs[-1][0].endswith(" "):  # no space before a line break
                runs[-1] = (runs[-1][0][:-1], runs[-1][1])
                if not runs[-1][0]:
                    runs.pop()
            if many_breaks:
                runs.append(("\n" * lead.count("\n"), style))
            elif runs and not runs[-1][0].endswith("\n"):
                runs.append(("\n", style))
        elif lead and runs and not runs[-1][0].endswith((" ", "\n")):
            runs.append((" ", style))
        if body:
            runs.append((_SPACES_AND_BREAKS.sub(_many if many_breaks else _one, body), style))
    while runs and not runs[-1][0].strip(" \n"):
        runs.pop()
    while runs and not runs[0][0].strip(" \n"):
        runs.pop(0)
    if runs:
        runs[-1] = (runs[-1][0].rstrip(" \n"), runs[-1][1])
        runs[0] = (runs[0][0].lstrip(" \n"), runs[0][1])
    return tuple(Span("".join(text for text, _ in group), *style)
                 for style, group in groupby(runs, key=lambda run: run[1]))


def _one(spaces: re.Match[str]) -> str:
    return "\n" if "\n" in spaces[0] else " "


def _many(spaces: re.Match[str]) -> str:
    return "\n" * spaces[0].count("\n") or " "
