"""Question | Answer tables: a response laid out as a table of questions and answers.

A table is read as questions and answers when its header names them
("Question | Answer", "Request | Response"), when most cells of its first
column read as questions, when its rows are labelled by turns ("Request | …"
then "Response | …"), or when its first column numbers the request's items
and its last answers them in words. Each pair of cells is then one pair; an
empty answer cell is an answer that is missing.
"""

from __future__ import annotations

import re

from ..model import Block, Cell, Span
from .phrases import reads_as_question
from .units import Unit, units_of

# "Q", "No.", "#": a column that numbers the questions, named as the questions' own.
_NUMBER_HEAD = re.compile(r"^\s*(?:q|no\.?|#)\s*$", re.I)
# (A word may name who asks or answers: "Applicant Question", "Force Response".)
_QUESTION_HEAD = re.compile(r"^\s*(your\s+|applicant'?s?\s+|requester'?s?\s+)?(question|request|"
                            r"information requested|questions?\s+asked)"
                            rf"|{_NUMBER_HEAD.pattern}", re.I)
_ANSWER_HEAD = re.compile(r"^\s*(our\s+)?(answer|response|reply|information|council'?s? response)"
                          r"|^\s*[A-Z][\w'’]*\s+(?:answer|response|reply)\s*:?\s*$", re.I)
# "1", "2.", "3)", "(a)", "Q4", "4b": a cell that only numbers its row.
_ITEM_NUMBER = re.compile(r"^\s*(?:q\s*)?\(?(?:[0-9]{1,2}[a-z]?|[a-z])[.)]?\s*$", re.I)
_WORDS = re.compile(r"[^\W\d_]{2,}")
# A label is a few words: "Request", "Response", "Question 2 (continued)".
_LABEL_LENGTH = 30
Row = tuple[Cell, ...]


def qa_rows(table: Block) -> list[tuple[Unit, Unit | None]] | None:
    """The (question, answer) units of a Q/A table, or None when it is not one."""
    rows = [row for row in table.rows if any(cell.text.strip() for cell in row)]
    if not rows or max(len(r) for r in rows) < 2:
        return None
    labelled = _labelled_rows(table, rows)
    if labelled:
        return labelled
    # A title across the top ("Freedom of Information request 4512") heads no column.
    while len(rows) > 2 and len(rows[0]) == 1 and len(rows[1]) > 1:
        rows = rows[1:]
    header = [cell.text for cell in rows[0]]
    heads = [i for i, h in enumerate(header) if _QUESTION_HEAD.search(h)]
    # "No. | Request | Response": the worded head names the questions, "No." only numbers them.
    q_col = next((i for i in heads if not _NUMBER_HEAD.match(header[i])),
                 heads[0] if heads else None)
    a_col = next((i for i, h in enumerate(header) if i != q_col and _ANSWER_HEAD.search(h)), None)
    body = rows[1:] if q_col is not None and a_col is not None else rows[table.header_rows:]
    if q_col is None or a_col is None:
        numbered = _numbered_items(rows)
        if numbered is not None:
            body, q_col, a_col = numbered, 1, 2
        else:
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


def _labelled_rows(table: Block, rows: list[Row]) -> list[tuple[Unit, Unit | None]] | None:
    """Rows labelled by turns, "Request | <the item>" then "Response | <its answer>".

    A row of one cell across the table ("Question 1") heads the pair below it
    and is left out; a row with no label carries on the cell above it.
    """
    def label(row: Row) -> str | None:
        head = row[0].text.strip() if len(row) > 1 else ""
        if not head or len(head) > _LABEL_LENGTH:
            return None
        return "q" if _QUESTION_HEAD.search(head) else "a" if _ANSWER_HEAD.search(head) else None
    labels = [label(row) for row in rows]
    # One pair to a table ("Applicant Question | How many …?" over "Force Response | Nil."):
    # read so where its question asks.
    single = labels == ["q", "a"] and reads_as_question(rows[0][1].text)
    if not single and (labels.count("q") < 2 or labels.count("a") < 2):
        return None
    pairs: list[tuple[list[Span], list[Span]]] = []
    last = None
    for row, kind in zip(rows, labels):
        spans = tuple(s for cell in row[1:] for s in cell.spans)
        if kind == "q":
            if last == "q":
                pairs[-1][0].extend(spans)  # "Request" twice running: one item in two rows
            else:
                pairs.append((list(spans), []))
        elif kind == "a" and pairs:
            pairs[-1][1].extend(spans)
        elif kind is None and len(row) > 1 and pairs and last is not None:
            (pairs[-1][0] if last == "q" else pairs[-1][1]).extend(spans)
        if kind is not None:
            last = kind
        elif len(row) == 1 or sum(1 for c in row if c.text.strip()) == 1 and row[0].text.strip():
            last = None  # a heading row: what follows starts afresh
    out = [(q, _cell_unit(table, tuple(a)) if a else None)
           for q, a in ((_cell_unit(table, tuple(q)), a) for q, a in pairs) if q is not None]
    return out if len(out) >= 2 or single and out else None


def _numbered_items(rows: list[Row]) -> list[Row] | None:
    """The rows of a table whose first column numbers the items, the second
    words them and the last answers them in words ("1 | Staff in the parking
    team | The team has 12 officers."), or None.

    A table whose last column is figures ("1 | Ward A | 25") is data, not answers, unless its
    items ask ("2. | How many sites were vacant? | 17").
    """
    numbered = [r for r in rows if len(r) >= 3 and _ITEM_NUMBER.match(r[0].text)]
    if len(numbered) < 2 or len(numbered) < 0.6 * (len(rows) - 1):
        return None
    items = [r[1].text for r in numbered]
    answers = [" ".join(c.text for c in r[2:]).strip() for r in numbered]
    worded = [a for a in answers if a]
    asked = sum(reads_as_question(i) for i in items) >= 0.6 * len(items)
    if not worded or not asked and \
            sum(len(_WORDS.findall(a)) >= 2 for a in worded) < 0.6 * len(worded):
        return None
    if sum(len(_WORDS.findall(i)) >= 2 for i in items) < 0.8 * len(items):
        return None
    return numbered


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
