"""Question | Answer tables: a response laid out as a table of questions and answers.

A table is read as questions and answers when its header names them
("Question | Answer", "Request | Response") or when most cells of its first
column read as questions. Each body row is then one pair; an empty answer
cell is an answer that is missing.
"""

from __future__ import annotations

import re

from ..model import Block
from .phrases import reads_as_question
from .units import Unit, units_of

# "Q", "No.", "#": a column that numbers the questions, named as the questions' own.
_NUMBER_HEAD = re.compile(r"^\s*(?:q|no\.?|#)\s*$", re.I)
_QUESTION_HEAD = re.compile(r"^\s*(your\s+)?(question|request|information requested|questions?\s+asked)"
                            rf"|{_NUMBER_HEAD.pattern}", re.I)
_ANSWER_HEAD = re.compile(r"^\s*(our\s+)?(answer|response|reply|information|council'?s? response)", re.I)


def qa_rows(table: Block) -> list[tuple[Unit, Unit | None]] | None:
    """The (question, answer) units of a Q/A table, or None when it is not one."""
    rows = [row for row in table.rows if any(cell.text.strip() for cell in row)]
    if not rows or max(len(r) for r in rows) < 2:
        return None
    header = [cell.text for cell in rows[0]]
    heads = [i for i, h in enumerate(header) if _QUESTION_HEAD.search(h)]
    # "No. | Request | Response": the worded head names the questions, "No." only numbers them.
    q_col = next((i for i in heads if not _NUMBER_HEAD.match(header[i])),
                 heads[0] if heads else None)
    a_col = next((i for i, h in enumerate(header) if i != q_col and _ANSWER_HEAD.search(h)), None)
    body = rows[1:] if q_col is not None and a_col is not None else rows[table.header_rows:]
    if q_col is None or a_col is None:
        q_col, a_col = 0, 1
        asked = [reads_as_question(r[0].text) for r in body if r and r[0].text.strip()]
        if len(asked) < 2 or sum(asked) < 0.6 * len(asked):
            return None
    pairs: list[tuple[Unit, Unit | None]] = []
    for row in body:
        if len(row) <= max(q_col, a_col):
            continue
        question = _cell_unit(table, row[q_col].spans)
        if question is None or (not reads_as_question(question.text) and len(question.text) < 8):
            continue
        answer_spans = tuple(s for cell in row[a_col:] for s in cell.spans + ())
        pairs.append((question, _cell_unit(table, answer_spans)))
    return pairs or None


def _cell_unit(table: Block, spans: tuple) -> Unit | None:  # type: ignore[type-arg]
    units = units_of((Block("paragraph", spans, source=table.source),))
    if not units or not units[0].text:
        return None
    if len(units) == 1:
        return units[0]
    first = units[0]
    text = " ".join(u.text for u in units)
    return Unit(text=text, raw=text, kind="paragraph", bold=first.bold, italic=first.italic,
                colors=first.colors, heading=0, marker=first.marker, label=first.label,
                numbers=first.numbers, source=table.source, index=first.index, block=first.block)
