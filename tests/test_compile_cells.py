"""compile, long and audited: every authority's table cells in one table (item, period, labels
normalised), the labels mapping fed back with --labels, the audit of how each item was
answered, and the dataset taking a table's printed total.

On the real police round-robin (hospital crimes: Cumbria, Durham, Hertfordshire,
Humberside) and on a constructed two-force batch whose tables spell their categories and
years differently (``tests/data/hospital-labels``: the batch, the labels file a journalist
gives back, and ``expected.json``, what compiling it gives).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from foiextract.cells.periods import Period, read_period
from foiextract.cli import main
from foiextract.compile import compile_responses
from foiextract.compile.labels import Labels, fold_label, read_labels
from foiextract.foi.caveats import is_caveat
from foiextract.tables import COMPILE_SCHEMAS

ROOT = Path(__file__).resolve().parent.parent
HOSPITAL = ROOT / "corpora" / "real" / "hospital-crimes-batch"
CONSTRUCTED = Path(__file__).resolve().parent / "data" / "hospital-labels"
LABELS_BATCH = CONSTRUCTED / "batch"
EXPECTED = json.loads((CONSTRUCTED / "expected.json").read_text("utf-8"))
CUMBRIA = "Cumbria Constabulary"


@pytest.fixture(scope="module")
def hospital():  # type: ignore[no-untyped-def]
    return compile_responses(str(HOSPITAL), request=str(HOSPITAL / "request.md"))


@pytest.fixture(scope="module")
def labelled():  # type: ignore[no-untyped-def]
    return compile_responses(str(LABELS_BATCH), request=str(LABELS_BATCH / "request.md"))


def test_cumbria_grand_total_row_is_marked_total_by_financial_year(hospital) -> None:  # type: ignore[no-untyped-def]
    cells = hospital.cells
    row = cells[(cells["authority"] == CUMBRIA) & (cells["row_labels"] == "Grand Total")
                & cells["period_start"].notna()].sort_values("period_start")
    assert list(row["number"]) == [635, 505, 569, 513, 278]
    assert list(row["period_start"]) == [f"{y}-04-01" for y in range(2019, 2024)]
    assert list(row["period_end"]) == [f"{y}-03-31" for y in range(2020, 2025)]
    assert row["is_total"].all() and set(row["year_type"]) == {"financial"}
    assert set(row["granularity"]) == {"year"} and set(row["item"]) == {2}
    assert set(row["column_label"]) == {f"FY {y}/{(y + 1) % 100:02d}" for y in range(2019, 2024)}


def test_every_authoritys_cells_are_in_the_long_table(hospital) -> None:  # type: ignore[no-untyped-def]
    per_authority = hospital.cells.groupby("authority").size()
    assert set(per_authority.index) == set(hospital.dataset["authority"])
    humberside = hospital.cells[hospital.cells["authority"] == "Humberside Police"]
    years = humberside.dropna(subset=["period_start"])
    assert set(years["year_type"]) == {"calendar"}
    assert set(years["period_start"].str[:4]) == {str(y) for y in range(2019, 2025)}


@pytest.mark.parametrize("authority, column, total", [
    (CUMBRIA, "q02_nature_crime_description", 2500),        # the grand total printed
    ("Durham Constabulary", "q01_total_number_crimes", 1343),  # its Total row over five years
    ("Durham Constabulary", "q02_nature_crime_description", 1343),
    # A bare table no question stands over, placed by its caption ("Total No. of Crimes at
    # Hospitals"): its Grand Total.
    ("Hertfordshire Constabulary", "q01_total_number_crimes", 4492),
])
def test_dataset_takes_the_tables_printed_total(hospital, authority: str, column: str,  # type: ignore[no-untyped-def]
                                                total: int) -> None:
    row = hospital.dataset.set_index("authority").loc[authority]
    assert row[column] == total and pd.isna(row[f"{column}_note"])
    assert str(hospital.dataset[column].dtype) == "Int64"
    audit = hospital.audit.set_index(["authority", "name"]).loc[(authority, column)]
    assert audit["total"] == total and audit["format"] == "letter table"


def test_a_table_without_a_total_gives_no_number(hospital) -> None:  # type: ignore[no-untyped-def]
    # Durham's outcomes table prints no total: the dataset does not make one up.
    questions = hospital.questions.set_index("name")
    assert not questions.loc["q03_crime_outcome", "numeric"]
    assert questions.loc["q01_total_number_crimes", "numeric"]


@pytest.mark.parametrize("authority, item, answered, form, year_type, granularity", [
    (CUMBRIA, 1, "yes", "letter table", "financial", "year"),  # its per-year table
    (CUMBRIA, 2, "yes", "letter table", "financial", "year"),
    # "Questions 1c and 1d": outcome-by-hospital tables answer both items, shared.
    (CUMBRIA, 3, "yes", "letter table", None, "total"),
    (CUMBRIA, 4, "yes", "letter table", None, "total"),
    ("Hertfordshire Constabulary", 1, "yes", "letter table", "financial", "year"),
    ("Humberside Police", 2, "yes", "letter table", "calendar", "year"),
    ("Humberside Police", 4, "refused", "letter text", None, None),
])
def test_audit_says_how_each_item_was_answered(hospital, authority: str, item: int,  # type: ignore[no-untyped-def]
                                               answered: str, form: str | None,
                                               year_type: str | None,
                                               granularity: str | None) -> None:
    row = hospital.audit.set_index(["authority", "item"]).loc[(authority, item)]
    assert row["answered"] == answered
    assert (None if pd.isna(row["format"]) else row["format"]) == form
    assert (None if pd.isna(row["year_type"]) else row["year_type"]) == year_type
    assert (None if pd.isna(row["granularity"]) else row["granularity"]) == granularity


def test_audit_quotes_each_caveat_with_its_page(hospital) -> None:  # type: ignore[no-untyped-def]
    row = hospital.audit.set_index(["authority", "item"]).loc[(CUMBRIA, 2)]
    assert ('"Please also note: A keyword search may not accurately identify all information '
            'held by the Constabulary." (page 1)') in row["caveats"]
    assert "should not be used for comparison" in row["caveats"] and "(page 5)" in row["caveats"]
    assert row["n_caveats"] == row["caveats"].count('" (page ')


def test_labels_fold_case_punctuation_and_spacing(labelled) -> None:  # type: ignore[no-untyped-def]
    labels = labelled.labels.set_index("raw_label")
    assert dict(labels["label"]) == EXPECTED["labels"]
    assert not labels["edited"].any()
    assert set(labelled.cells["column_label"]) == set(EXPECTED["column_labels"])
    assert set(labelled.cells["row_label"]) == set(EXPECTED["labels"].values())


def test_labels_fed_back_merge_two_spellings(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["compile", str(LABELS_BATCH), "-r", str(LABELS_BATCH / "request.md"), "-o", str(out),
            "--format", "csv"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    # The journalist edits the labels table written beside the cells and gives it back.
    mapping = read_labels(CONSTRUCTED / "labels.csv")
    labels = pd.read_csv(out / "labels.csv", dtype=str, keep_default_na=False)
    labels["label"] = [mapping.given.get(raw, label) for raw, label in
                       zip(labels["raw_label"], labels["label"])]
    labels.to_csv(out / "labels.csv", index=False)
    again = CliRunner().invoke(main, args + ["--labels", str(out / "labels.csv")])
    assert again.exit_code == 0, again.output
    cells = pd.read_csv(out / "cells.csv", dtype=str, keep_default_na=False)
    for category, by_year in EXPECTED["merged_with_labels_csv"].items():
        rows = cells[(cells["row_label"] == category) & (cells["is_total"] == "False")]
        assert set(rows["authority"]) == set(EXPECTED["dataset"])
        summed = rows.groupby("column_label")["number"].apply(lambda s: sum(float(v) for v in s))
        assert dict(summed) == by_year
    written = pd.read_csv(out / "labels.csv", dtype=str, keep_default_na=False).set_index("raw_label")
    for raw, label in mapping.given.items():
        assert EXPECTED["labels"][raw] not in set(cells["row_label"])  # the old spelling is gone
        assert (written.loc[raw, "label"], written.loc[raw, "edited"]) == (label, "True")


def test_the_labels_file_maps_as_printed_or_folded() -> None:
    mapping = read_labels(CONSTRUCTED / "labels.csv")
    assert mapping.label("Violence W/O Injury") == "violence without injury"
    assert mapping.label("Arson") == "arson"


def test_a_labels_file_without_its_columns_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "labels.csv"
    bad.write_text("from,to\nA,b\n", "utf-8")
    result = CliRunner().invoke(main, ["compile", str(LABELS_BATCH), "-o", str(tmp_path / "o"),
                                       "--labels", str(bad)])
    assert result.exit_code == 1 and "raw_label" in result.output


@pytest.mark.parametrize("authority", sorted(EXPECTED["dataset"]))
def test_constructed_batch_dataset_takes_table_totals(labelled, authority: str) -> None:  # type: ignore[no-untyped-def]
    row = labelled.dataset.set_index("authority").loc[authority]
    for column, figure in EXPECTED["dataset"][authority].items():
        assert row[column] == figure, column


@pytest.mark.parametrize("want", EXPECTED["audit"], ids=lambda w: f"{w['authority']}-{w['item']}")
def test_constructed_batch_audit(labelled, want: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    row = labelled.audit.set_index(["authority", "item"]).loc[(want["authority"], want["item"])]
    for column in ("answered", "format", "year_type", "granularity", "total"):
        got = None if pd.isna(row[column]) else row[column]
        assert got == want[column], column
    assert all(str(phrase) in row["caveats"] for phrase in want["caveats"])  # type: ignore[attr-defined]


def test_compile_database_holds_cells_labels_and_audit(tmp_path: Path) -> None:
    out = tmp_path / "batch.db"
    result = CliRunner().invoke(main, ["compile", str(LABELS_BATCH), "-r",
                                       str(LABELS_BATCH / "request.md"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(out) as db:
        (cells,) = db.execute("SELECT COUNT(*) FROM cells WHERE is_total = 1").fetchone()
        (labels,) = db.execute("SELECT COUNT(*) FROM labels").fetchone()
        found = db.execute("SELECT authority FROM audit_fts JOIN audit ON audit.rowid = "
                           "audit_fts.rowid WHERE audit_fts MATCH 'provisional'").fetchall()
    assert cells == 10 and labels == 7 and {a for (a,) in found} == {"Northshire Police"}
    described = json.loads((tmp_path / "metadata.json").read_text("utf-8"))
    tables = described["databases"]["batch"]["tables"]
    for name in ("cells", "labels", "audit"):
        assert set(tables[name]["columns"]) == set(COMPILE_SCHEMAS[name]), name


@pytest.mark.parametrize("label, period", [
    ("2019/20", Period("2019-04-01", "2020-03-31", "financial", "year")),
    ("2019/2020", Period("2019-04-01", "2020-03-31", "financial", "year")),
    ("Apr 2019 - Mar 2020", Period("2019-04-01", "2020-03-31", "financial", "year")),
    ("FY 2019/20", Period("2019-04-01", "2020-03-31", "financial", "year")),
    ("Academic year 2019/20", Period("2019-09-01", "2020-08-31", "academic", "year")),
    ("Sep 2019 - Aug 2020", Period("2019-09-01", "2020-08-31", "academic", "year")),
    ("2021", Period("2021-01-01", "2021-12-31", "calendar", "year")),
    ("Q2 2021", Period("2021-04-01", "2021-06-30", "calendar", "quarter")),
    ("2021 Q2", Period("2021-04-01", "2021-06-30", "calendar", "quarter")),
    ("Q2 2021/22", Period("2021-07-01", "2021-09-30", "financial", "quarter")),
    ("Q4 2021/22", Period("2022-01-01", "2022-03-31", "financial", "quarter")),
    ("Jan-19", Period("2019-01-01", "2019-01-31", None, "month")),
    ("Arson", None),
    ("Grand Total", None),
])
def test_periods_are_normalised(label: str, period: Period | None) -> None:
    assert read_period([label]) == period


def test_a_financial_year_header_makes_a_bare_year_financial() -> None:
    assert read_period(["Financial Year", "2021"]) == Period("2021-04-01", "2022-03-31",
                                                             "financial", "year")


@pytest.mark.parametrize("raw, label", [
    ("Violence without Injury", "violence without injury"),
    ("VIOLENCE  WITHOUT INJURY:", "violence without injury"),
    ("Criminal Damage & Arson", "criminal damage and arson"),
    ("Stalking and Harassment ", "stalking and harassment"),
])
def test_fold_label(raw: str, label: str) -> None:
    assert fold_label(raw) == label == Labels().label(raw)


@pytest.mark.parametrize("sentence, caveat", [
    ("A keyword search may not identify all records.", True),
    ("Figures are provisional.", True),
    ("The data was extracted from a live system and may change.", True),
    ("Please quote the reference number in any future communications.", False),
    ("Yours sincerely,", False),
])
def test_caveat_sentences(sentence: str, caveat: bool) -> None:
    assert is_caveat(sentence) is caveat
