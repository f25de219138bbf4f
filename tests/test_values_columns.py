"""Typed columns, atoms, rule names and the rule switch of parse_answer."""

from __future__ import annotations

import pytest

from foiextract.values import parse_answer
from foiextract.values.rules import RULES


def test_amount_columns() -> None:
    value = parse_answer("£3.4 million", "How much was spent?")
    assert (value.number, value.unit, value.rule) == (3_400_000.0, "GBP", "leading_figure")


def test_percent_columns() -> None:
    value = parse_answer("6.5%", "What percentage?")
    assert (value.number, value.unit) == (6.5, "%")


def test_date_columns_at_month_precision() -> None:
    value = parse_answer("February 2020", "When did it start?")
    assert (value.value, value.date_start, value.date_end) == ("2020-02", "2020-02-01", "2020-02-29")


def test_several_dates_give_one_atom_each() -> None:
    value = parse_answer("March 2019, June 2019 and November 2019.", "Please provide the dates.")
    assert [a.label for a in value.atoms] == ["2019-03", "2019-06", "2019-11"]
    assert [a.date_end for a in value.atoms] == ["2019-03-31", "2019-06-30", "2019-11-30"]
    assert (value.date_start, value.date_end) == ("2019-03-01", "2019-11-30")


def test_withheld_and_published_columns() -> None:
    assert parse_answer("Withheld under section 43(2).").exemption == "s43(2)"
    url = "https://example.org/a"
    assert parse_answer(f"It is published at {url}.", "Please send a copy.").url == url


def test_table_of_figures_by_year_gives_atoms_per_cell() -> None:
    value = parse_answer("Financial year | Potholes reported; 2018/19 | 18,442; 2019/20 | 21,307",
                         "How many potholes were reported?")
    assert (value.kind, value.value) == ("text", "")
    assert [(a.label, a.kind, a.number) for a in value.atoms] == [
        ("2018/19", "count", 18442.0), ("2019/20", "count", 21307.0)]
    assert value.atoms[0].date_start == "2018-04-01"


def test_wide_table_labels_row_and_column() -> None:
    value = parse_answer("Library | 2019/20 | 2020/21; Central | 612,480 | 143,205")
    assert [a.label for a in value.atoms] == ["Central | 2019/20", "Central | 2020/21"]
    assert value.atoms[1].date_end == "2021-03-31"


def test_money_table_atoms_are_amounts() -> None:
    value = parse_answer("Quarter | Spend; Q1 2021 | £4,812,300; Q2 2021 | £5,267,950")
    assert [(a.kind, a.unit, a.number) for a in value.atoms] == [
        ("amount", "GBP", 4812300.0), ("amount", "GBP", 5267950.0)]


def test_list_atoms_are_the_items() -> None:
    value = parse_answer("Camden, Islington and Hackney", "Please list the boroughs.")
    assert [a.label for a in value.atoms] == ["Camden", "Islington", "Hackney"]


def test_every_value_names_a_known_rule_and_a_confidence() -> None:
    names = {rule.name for rule in RULES} | {"fallback"}
    for text in ("Nil", "£1", "Yes", "N/A", "words and more words", ""):
        value = parse_answer(text, "How many?")
        assert value.rule in names
        assert 0.0 < value.confidence <= 1.0


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("disabled", "kind"), [((), "published"), (("published",), "text")])
def test_a_rule_can_be_switched_off_by_name(disabled: tuple[str, ...], kind: str) -> None:
    value = parse_answer("The report is available at https://example.org/r", "Please send a copy.",
                         disabled=disabled)
    assert value.kind == kind


def test_list_items_come_from_blocks_when_given() -> None:
    from foiextract.model import Block, Span

    blocks = tuple(Block("list_item", (Span(t),), marker="•")
                   for t in ("NHS Professionals", "Medstaff Solutions Ltd"))
    value = parse_answer("NHS Professionals Medstaff Solutions Ltd", "Which agencies were used?",
                         blocks=blocks)
    assert value.value == "NHS Professionals; Medstaff Solutions Ltd"
