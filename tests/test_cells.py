"""Table cells: every figure of a table with its header path, value and totals checked."""

from __future__ import annotations

import pytest

from foiextract.cells import document_cells, table_cells
from foiextract.cells.checks import table_checks
from foiextract.model import Block, Cell, Document, Span
from foiextract.pipeline import extract_file


def _table(rows: list[list[str]], header_rows: int = 0, spans: dict | None = None) -> Block:
    spans = spans or {}
    return Block("table", header_rows=header_rows, rows=tuple(
        tuple(Cell((Span(text),), colspan=spans.get((r, c), 1)) for c, text in enumerate(row))
        for r, row in enumerate(rows)))


CASES = {
    "years across, crimes down, a total row": (
        _table([["Crime type", "2019/20", "2020/21", "Total"], ["Arson", "2", "3", "5"],
                ["Theft", "<5", "-", "4"], ["Grand Total", "6", "3", "9"]]),
        [(("Arson",), ("2019/20",), "count", "2", False),
         (("Theft",), ("2019/20",), "suppressed", "<5", False),
         (("Theft",), ("2020/21",), "count", "0", False),  # a dash among counts: nil
         (("Grand Total",), ("Total",), "count", "9", True)]),
    "a spanning header over two levels, a stub of two columns": (
        _table([["Hospital", "Outcome", "Year"], ["", "", "2022", "2023"],
                ["Royal", "Charged", "4", "1"], ["", "No further action", "", "7"]],
               header_rows=2, spans={(0, 2): 2}),
        [(("Royal", "Charged"), ("Year", "2022"), "count", "4", False),
         (("Royal", "No further action"), ("Year", "2022"), "missing", "", False),
         (("Royal", "No further action"), ("Year", "2023"), "count", "7", False)]),
    "a wrapped column header": (
        _table([["", "Brampton", "Keswick"], ["", "War Memorial", "Community"],
                ["", "Hospital", "Hospital"], ["Arson", "1", "0"]], header_rows=3),
        [(("Arson",), ("Brampton War Memorial Hospital",), "count", "1", False),
         (("Arson",), ("Keswick Community Hospital",), "count", "0", False)]),
    "years over labelled rows, no corner printed (a table set in plain text)": (
        _table([["2022", "2023"], ["Jan", "40", "41"], ["Nov", "39"]], header_rows=1),
        [(("Jan",), ("2022",), "count", "40", False),
         (("Jan",), ("2023",), "count", "41", False),
         (("Nov",), ("2022",), "count", "39", False)]),
}


@pytest.mark.parametrize("name", CASES)
def test_cells_carry_their_header_paths_and_values(name: str) -> None:
    table, expected = CASES[name]
    cells = {(c.row_labels, c.column_labels): c for c in table_cells(table, 1)}
    for rows, columns, kind, value, total in expected:
        cell = cells[(rows, columns)]
        assert (cell.kind, cell.value, cell.is_total) == (kind, value, total), (rows, columns)


def test_a_note_under_the_table_gives_a_mark_its_meaning() -> None:
    table = _table([["Year", "Cases"], ["2021", "*"], ["2022", "12"]])
    note = Block("paragraph", (Span("* denotes a figure between 1 and 4, suppressed."),))
    cells = document_cells(Document(blocks=(table, note), format="markdown", source="x.md"))
    assert [(c.kind, c.value) for c in cells] == [("suppressed", "<5"), ("count", "12")]


def test_period_labels_give_the_cells_period() -> None:
    cells = table_cells(_table([["Month", "Calls"], ["Jan-19", "40"], ["2019/20", "400"]]), 1)
    assert [(str(c.date_start), str(c.date_end)) for c in cells] == [
        ("2019-01-01", "2019-01-31"), ("2019-04-01", "2020-03-31")]


def test_printed_totals_are_checked_and_unreadable_cells_never_count_as_zero() -> None:
    table = _table([["Crime", "2019/20", "2020/21", "Total"], ["Arson", "2", "3", "5"],
                    ["Theft", "1", "<5", "4"], ["Fraud", "1", "1", "3"],
                    ["Total", "4", "8", "12"]])
    status = {(c.axis, c.label): c.status for c in table_checks(table_cells(table, 1))}
    assert status[("row", "Arson")] == "pass"
    assert status[("row", "Theft")] == "cannot tell"   # "<5" is no 0
    assert status[("row", "Fraud")] == "fail"          # 1 + 1 is not 3
    assert status[("column", "2019/20")] == "pass"


def test_a_table_answer_gives_cells_for_its_request_item() -> None:
    extraction = extract_file("corpora/singles/leeds_EIR-21-0457.md")[0]
    assert [(c.row_labels, c.value, c.request_item) for c in extraction.cells] == [
        (("2018/19",), "18442", 1), (("2019/20",), "21307", 1), (("2020/21",), "16985", 1)]
