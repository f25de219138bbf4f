"""The compile's ``audit``: how each authority answered each item, before anyone compares.

One row per authority x item: whether it was answered (``yes``, ``partly``, ``no``,
``refused``), the form it came in (``letter text``, ``letter table``, ``attachment text``,
``attachment table``), the kind of year its figures count in and how finely they are cut
(``year``, ``quarter``, ``month``, ``day``, ``incident`` for a table of records, ``total``
for one figure for the whole span), and every caveat sentence of the response quoted with
its page ("A keyword search may not accurately identify all information held").

>>> answered_state("withheld", "Exempt under Section 40(2) of the Act 2000.", [])
'refused'
>>> answered_state("withheld", "Section 40(2) applies to figures under five; the rest is 12.", [])
'partly'
>>> answered_state("count", "14, of which some withheld under section 40(2).", [])
'partly'
>>> answered_state("text", "See the table below.", ["count", "suppressed"])
'partly'
>>> answered_state("not_held", "We do not hold this.", [])
'no'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import pandas as pd

from ..cells.periods import period_of_label
from ..foi.caveats import Caveat
from ..tables import audit_row, compile_frame, missing
from .long import Response

Answered = Literal["yes", "partly", "no", "refused"]
Form = Literal["letter text", "letter table", "attachment text", "attachment table"]

_NUMERIC = frozenset({"count", "number", "amount", "percent"})
# Kinds of a cell that hold a figure (or say there is none): a table of such cells counts.
_COUNTED = _NUMERIC | {"suppressed", "none", "missing", "range"}
# A provision cited in an answer that still gives something.
_CITES = re.compile(r"\b(?:s|section|reg(?:ulation)?)\.?\s*\d+\s*\(", re.I)
# A provision as cited, numbers and all: "section 40(2)", "s.12", "regulation 12(4)(b)".
_CITATION = re.compile(r"\b(?:s|ss|sections?|reg(?:ulation)?s?)\.?\s*\d+[a-z]?(?:\s*\(\w+\))*", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Periods named in an answer's text: "2019/20", "2019/2020", "Q2 2021", "Jan-19", "2021".
_PERIOD_TEXT = re.compile(
    r"\b(?:q[1-4]\s*)?(?:19|20)\d\d(?:\s*[/–-]\s*\d{2,4})?\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/']*(?:19|20)?\d\d\b",
    re.I)
_GRAIN_ORDER = ("day", "month", "quarter", "year", "period")


def answered_state(kind: str, answer: str, cell_kinds: Sequence[str]) -> Answered:
    """Whether an item was answered, from its kind, its text and its table cells' kinds."""
    if kind == "withheld":
        # A refusal that still gives a figure ("the remaining figure is 12") is a partial one.
        figures = _YEAR.sub(" ", _CITATION.sub(" ", answer or ""))
        return "partly" if re.search(r"\b\d+\b", figures) else "refused"
    if kind in ("missing", "not_held") and not cell_kinds:
        return "no"
    if kind == "suppressed" or "suppressed" in cell_kinds or "withheld" in cell_kinds \
            or _CITES.search(answer or ""):
        return "partly"
    return "yes"


_FORMS: dict[tuple[bool, bool], Form] = {
    (False, False): "letter text", (False, True): "letter table",
    (True, False): "attachment text", (True, True): "attachment table"}


def form_of(source: str, in_table: bool) -> Form:
    """The form an answer came in: from the letter or an attachment (an email's, or a
    platform batch's ``attachments-`` folder), as text or as a table.

    >>> form_of("batch.zip!Camden - SCRs/2020-02-24/attachments-9/reply.pdf", True)
    'attachment table'
    >>> form_of("enfield.eml", False)
    'letter text'
    """
    attached = "#" in source or "/attachments-" in source.replace("\\", "/")
    return _FORMS[(attached, in_table)]


def granularity(cells: pd.DataFrame, kind: str, answer: str) -> tuple[str | None, str | None]:
    """(year type, granularity) of an item's answer: from its table cells' periods, a table
    of records being ``incident``; from the periods its text gives figures for; one figure
    is ``total``.

    >>> empty = pd.DataFrame({"kind": [], "year_type": [], "granularity": []})
    >>> granularity(empty, "text", "2019/2020 635 2020/2021 505")
    ('financial', 'year')
    >>> granularity(empty, "list", "The reviews started in March 2019 and October 2019.")
    (None, None)
    """
    if len(cells):
        kinds = Counter(str(k) for k in cells["kind"])
        counted = sum(n for k, n in kinds.items() if k in _COUNTED)
        if counted < len(cells) / 2:
            return _year_type(cells["year_type"]), "incident"
        grains = [str(g) for g in cells["granularity"] if not missing(g)]
        finest = min(grains, key=_GRAIN_ORDER.index) if grains else "total"
        return _year_type(cells["year_type"]), finest
    periods = [p for p in (period_of_label(m.group(0)) for m in _PERIOD_TEXT.finditer(answer))
               if p is not None]
    # Periods with figures beside them ("2019/2020 635 2020/2021 505") cut the answer by
    # period; periods alone ("started in March 2019 and October 2019") are its value.
    figures = re.search(r"\d", _PERIOD_TEXT.sub(" ", answer))
    if figures and kind not in ("date", "list") and len({p.start for p in periods}) > 1:
        finest = min((p.granularity for p in periods), key=_GRAIN_ORDER.index)
        return _year_type(pd.Series([p.year_type for p in periods])), finest
    if kind in _NUMERIC:
        return None, "total"
    return None, None


def _year_type(types: pd.Series) -> str | None:
    found = Counter(str(t) for t in types if not missing(t))
    return found.most_common(1)[0][0] if found else None


def response_caveats(responses: Sequence[Response]) -> dict[tuple[str, str], tuple[Caveat, ...]]:
    """(authority, authority_code) -> the caveats of every document of its response."""
    return {(r.authority, r.authority_code): tuple(c for d in r.documents for c in d.caveats)
            for r in responses}


def audit_table(answers: pd.DataFrame, cells: pd.DataFrame,
                caveats: Mapping[tuple[str, str], Sequence[Caveat]],
                totals: Mapping[tuple[str, str, int], float]) -> pd.DataFrame:
    """The compile's ``audit``: one row per ``answers`` row (authority x item); ``caveats``
    by authority (:func:`response_caveats`), ``totals`` the tables' (``long.table_totals``)."""
    by_item = {key: table for key, table in cells.groupby(
        ["authority", "authority_code", "item"], dropna=False)} if len(cells) else {}
    records = answers.to_dict("records")
    # An answer shared by several items ("Questions 1c and 1d": two tables) holds its tables
    # for each of them, though its cells are filed under the first.
    shared_cells: dict[tuple[str, str, str], pd.DataFrame] = {}
    for answer in records:
        who = (str(answer["authority"]), _text(answer["authority_code"]))
        found = by_item.get((*who, answer["item"]))
        if found is not None and bool(answer.get("shared")):
            shared_cells.setdefault((*who, _text(answer["answer"])), found)
    rows = []
    for answer in records:
        who = (str(answer["authority"]), _text(answer["authority_code"]))
        item_cells = by_item.get((*who, answer["item"]))
        if item_cells is None and bool(answer.get("shared")):
            item_cells = shared_cells.get((*who, _text(answer["answer"])))
        if item_cells is None:
            item_cells = cells.iloc[0:0]
        kind, text = str(answer["kind"]), _text(answer["answer"])
        state = answered_state(kind, text, [str(k) for k in item_cells["kind"]])
        year_type, grain = granularity(item_cells, kind, text)
        tables = item_cells[["source", "table_no"]].drop_duplicates()
        # A table's form is where the table stands, which may be another document.
        where = _text(tables["source"].iloc[0]) if len(tables) else _text(answer["source"])
        form = None if state == "no" and not len(tables) else form_of(where, bool(len(tables)))
        rows.append(audit_row(answer, answered=state, form=form, year_type=year_type,
                              granularity=grain, tables=len(tables), cells=len(item_cells),
                              total=totals.get((*who, int(answer["item"]))),
                              caveats=caveats.get(who, ()) if state != "no" else ()))
    return compile_frame("audit", rows)


def _text(value: Any) -> str:
    return "" if missing(value) else str(value)
