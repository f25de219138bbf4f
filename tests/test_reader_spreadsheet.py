"""Spreadsheet and CSV responses (issue 13, "Tables are data"): sheets read as tables, every
data cell a ``cells`` row, the text around the tables read as the document's paragraphs.

The constructed files are in ``corpora/sheets/`` (built by its ``src/build_sheets.py``; the
gold written by hand from what the sheets print); a few odd workbooks are built here.
"""

from __future__ import annotations

import json
import random
import shutil
from datetime import datetime
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

import foiextract
from foiextract.cells.checks import table_checks
from foiextract.cli import main
from foiextract.compile import compile_responses
from foiextract.errors import CorruptFile, Encrypted, EmptyFile, FoiExtractError, TooLarge
from foiextract.limits import Limits
from foiextract.pipeline import extract_file
from foiextract.readers import read_document, sniff
from foiextract.readers import sheet_xlsx

SHEETS = Path(__file__).resolve().parent.parent / "corpora" / "sheets"
POLICE = "midshire_police_hospital_crime"
WORKBOOKS = [SHEETS / f"{POLICE}.xlsx", SHEETS / f"{POLICE}.xls", SHEETS / f"{POLICE}.ods"]
CSV = SHEETS / "library_visits_by_branch.csv"


def _gold(path: Path) -> dict:
    name = "library_visits_by_branch.gold.json" if path == CSV else (
        f"{POLICE}.gold.json" if path.suffix == ".xlsx" else f"{path.name}.gold.json")
    return json.loads((SHEETS / name).read_text("utf-8"))


def _cells(path: Path) -> dict[tuple[tuple[str, ...], tuple[str, ...]], object]:
    extraction = extract_file(str(path))[0]
    return {(c.row_labels, c.column_labels): c for c in extraction.cells}


@pytest.mark.parametrize("path", WORKBOOKS + [CSV], ids=lambda p: p.name)
def test_every_data_cell_comes_out_as_the_gold_says(path: Path) -> None:
    gold = _gold(path)
    cells = _cells(path)
    assert len(cells) == len(gold["cells"])
    for want in gold["cells"]:
        cell = cells[(tuple(want["row_labels"]), tuple(want["column_labels"]))]
        assert (cell.table_no, cell.text, cell.kind, cell.value, cell.is_total) == (
            want["table"], want["text"], want["kind"], want["value"], want["is_total"]), want


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.suffix)
def test_suppressed_nil_and_figures_stay_apart(path: Path) -> None:
    cells = _cells(path)
    theft = cells[(("Theft from the person",), ("2020",))]
    assert (theft.text, theft.kind, theft.value, theft.number) == ("<5", "suppressed", "<5", None)
    assert (theft.source.line_start, theft.source.line_end) == (8, 8)  # its row in the sheet
    dash = cells[(("Sexual offences",), ("2020",))]
    assert (dash.text, dash.kind, dash.number) == ("-", "count", 0.0)  # "- denotes no crimes"
    five = cells[(("Sexual offences",), ("2022",))]
    assert (five.kind, five.number) == ("count", 5.0)


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.suffix)
def test_totals_are_formulas_read_as_their_saved_values_and_checked(path: Path) -> None:
    cells = _cells(path)
    grand = cells[(("Total",), ("Total",))]
    assert (grand.value, grand.is_total) == ("1118", True)
    assert not cells[(("Criminal damage",), ("2019",))].is_total
    checks = {(c.axis, c.label): c.status for c in table_checks(cells.values())}
    assert checks[("row", "Violence with injury")] == "pass"
    assert checks[("column", "2022")] == "pass"          # no "<5" in 2022: it adds up
    assert checks[("row", "Theft from the person")] == "cannot tell"  # "<5" is never 0
    assert "fail" not in checks.values()


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.suffix)
def test_a_year_merged_over_two_hospitals_heads_both(path: Path) -> None:
    cells = _cells(path)
    assert cells[(("No suspect identified",), ("2023", "General Hospital"))].value == "10"
    assert cells[(("Charged/summonsed",), ("2022", "Royal Infirmary"))].table_no == 2


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.suffix)
def test_title_and_notes_are_text_the_facts_are_read_from(path: Path) -> None:
    document = read_document(str(path))
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert ("heading", "Crimes recorded on hospital grounds, 2019 to 2023") in kinds
    paragraphs = [text for kind, text in kinds if kind == "paragraph"]
    assert any(text.startswith("We do not hold information on the ward") for text in paragraphs)
    assert not any("Crime type" in text for text in paragraphs)  # the header is the table's
    table = next(b for b in document.blocks if b.kind == "table")
    assert (table.header_rows, table.source.line_start, table.source.line_end) == (1, 4, 12)
    extraction = extract_file(str(path))[0]
    assert extraction.facts.reference == "FOI 004512/25"


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.suffix)
def test_hidden_sheets_rows_and_columns_are_left_out_and_flagged(path: Path) -> None:
    extraction = extract_file(str(path))[0]
    assert {"hidden_sheets", "hidden_cells"} <= set(extraction.flags)
    assert not any("X123" in c.text or "Raw extract" in c.row_labels for c in extraction.cells)
    assert not any("Test records" in " ".join(c.row_labels) or "notes" in
                   " ".join(c.column_labels) for c in extraction.cells)
    document = read_document(str(path))
    assert "Check the 2020 figure" not in document.text
    assert document.metadata["hidden_sheets"] == "Workings"
    assert document.metadata["hidden_cells"] == "Crimes by year: 1 rows, 1 columns"


def test_a_csv_file_is_told_from_its_content_not_its_name(tmp_path: Path) -> None:
    renamed = tmp_path / "reply.txt"
    shutil.copy(CSV, renamed)
    document = read_document(str(renamed))
    assert document.format == "csv"
    assert document.blocks[0].kind == "heading"  # the title line, padded with commas
    northfield = _cells(renamed)[(("Northfield",), ("2022/23",))]
    assert (northfield.kind, northfield.value) == ("suppressed", "<10")  # "* = fewer than 10"
    mobile = _cells(renamed)
    assert [(mobile[(("Mobile library",), (y,))].text, mobile[(("Mobile library",), (y,))].kind)
            for y in ("2021/22", "2023/24")] == [("0", "count"), ("-", "count")]


def test_a_csv_file_whose_title_and_notes_are_not_padded(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Hospital crime by month\n\nMonth,Crimes\nJan-24,12\nFeb-24,<5\n"
                    "Mar-24,9\n\nFigures under 5 are suppressed.\nSource: crime system\n",
                    "utf-8")
    document = read_document(str(path))
    assert [b.kind for b in document.blocks] == ["heading", "table", "paragraph", "paragraph"]
    feb = _cells(path)[(("Feb-24",), ("Crimes",))]
    assert (feb.kind, str(feb.date_start)) == ("suppressed", "2024-02-01")


def test_semicolons_and_a_letter_with_commas(tmp_path: Path) -> None:
    assert sniff(b"Ward;Visits\nNorth;12\nSouth;<5\nEast;7\n") == "csv"
    letter = (b"Dear Ms Example,\n\nThank you for your request, which we received on 3 May.\n"
              b"We hold 12 records, of which 4 are relevant.\nYours sincerely,\nThe FOI team\n")
    assert sniff(letter) == "text"
    # A letter whose answers are figures with thousands commas ("1,245.", "£98,400."): the
    # comma splits a number, not two fields, and neither half is a figure of a table.
    answers = (b"Dear Ms Example,\n\nOur answers are beneath your questions.\n\n"
               b"> 1. How many notices did you issue?\n\n1,245.\n\n"
               b"> 2. What income did they bring?\n\n\xc2\xa398,400.\n\n"
               b"> 3. Do you use a contractor?\n\nNo, our officers issue them.\n\nRegards,\nFOI Team\n")
    assert sniff(answers) == "text"
    path = tmp_path / "wards.csv"
    path.write_bytes("Ward;Visits\nNorth;12\nSouth;<5\nEast;7\n".encode("cp1252"))
    assert [c.value for c in extract_file(str(path))[0].cells] == ["12", "<5", "7"]


def _workbook(tmp_path: Path, name: str, build: Callable[[Workbook], None]) -> Path:
    """A workbook written by openpyxl, as ``build`` fills it."""
    book = Workbook()
    build(book)
    path = tmp_path / name
    book.save(path)
    return path


def test_dates_read_as_dates_and_empty_sheets_ignored(tmp_path: Path) -> None:
    def build(book: Workbook) -> None:
        book.active.title = "Notes"  # left empty
        ws = book.create_sheet("Calls")
        ws.append(["Service", datetime(2024, 1, 1), datetime(2024, 2, 1), "Last call"])
        for cell in ws[1][1:3]:
            cell.number_format = "mmm-yy"
        ws.append(["Ambulance", 40, 0, datetime(2024, 2, 27)])
        ws.append(["Fire", None, 3, datetime(2024, 2, 3)])
    path = _workbook(tmp_path, "calls.xlsx", build)
    document = read_document(str(path))
    assert [b.text for b in document.blocks if b.kind == "heading"] == ["Calls"]
    cells = _cells(path)
    jan = cells[(("Ambulance",), ("Jan 2024",))]
    assert (jan.value, str(jan.date_start), str(jan.date_end)) == ("40", "2024-01-01", "2024-01-31")
    assert (cells[(("Ambulance",), ("Feb 2024",))].kind, cells[(("Fire",), ("Jan 2024",))].kind) \
        == ("count", "missing")  # 0 and a blank are different facts
    last = cells[(("Ambulance",), ("Last call",))]
    assert (last.kind, last.value) == ("date", "2024-02-27")


def test_a_row_label_merged_down_labels_every_row_it_covers(tmp_path: Path) -> None:
    def build(book: Workbook) -> None:
        ws = book.active
        ws.append(["Hospital", "Outcome", "2023"])
        ws.append(["Royal Infirmary", "Charged", 4])
        ws.append([None, "No further action", 7])
        ws.merge_cells("A2:A3")
    cells = _cells(_workbook(tmp_path, "merged.xlsx", build))
    assert cells[(("Royal Infirmary", "No further action"), ("2023",))].value == "7"


def test_a_damaged_workbook_is_one_error_row_and_one_line(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes((SHEETS / f"{POLICE}.xlsx").read_bytes()[:3000])
    with pytest.raises(CorruptFile):
        read_document(str(damaged))
    locked = tmp_path / "locked.xlsx"
    shutil.copy(SHEETS / "password_protected.xlsx", locked)
    with pytest.raises(Encrypted):
        read_document(str(locked))
    result = foiextract.extract([str(damaged), str(locked), str(CSV)])
    assert list(result.errors["kind"]) == ["corrupt_file", "encrypted"]
    assert len(result.documents) == 1
    run = CliRunner().invoke(main, ["extract", str(damaged), str(locked),
                                    "-o", str(tmp_path / "out")])
    assert run.exit_code == 1 and "Traceback" not in run.output
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "password-protected" in errors[1]


def test_a_damaged_xls_and_an_empty_workbook(tmp_path: Path) -> None:
    data = bytearray((SHEETS / f"{POLICE}.xls").read_bytes())
    data[2048:6000] = bytes(len(data[2048:6000]))  # the workbook stream zeroed
    damaged = tmp_path / "damaged.xls"
    damaged.write_bytes(bytes(data))
    with pytest.raises(CorruptFile):
        read_document(str(damaged))
    empty = _workbook(tmp_path, "empty.xlsx", lambda book: None)
    with pytest.raises(EmptyFile):
        read_document(str(empty))


def test_size_limits_hold_for_workbooks(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    result = foiextract.extract(str(SHEETS / f"{POLICE}.xlsx"), limits=Limits(max_bytes=1000))
    assert list(result.errors["kind"]) == ["too_large"]
    monkeypatch.setattr(sheet_xlsx, "MAX_CELLS", 20)
    with pytest.raises(TooLarge):
        read_document(str(SHEETS / f"{POLICE}.xlsx"))


def test_a_folder_search_reads_spreadsheets_but_not_our_own_outputs(tmp_path: Path) -> None:
    shutil.copy(CSV, tmp_path / "library.csv")
    shutil.copy(SHEETS / f"{POLICE}.ods", tmp_path / "police.ods")
    foiextract.extract(str(tmp_path / "library.csv")).write(str(tmp_path / "out"))
    assert (tmp_path / "out" / "pairs.csv").is_file()
    result = foiextract.extract(str(tmp_path))
    assert sorted(Path(s).name for s in result.documents["source"]) == [
        "library.csv", "police.ods"]


def test_bulk_extract_with_jobs_writes_cells_and_checks(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (f"{POLICE}.xlsx", f"{POLICE}.xls", "library_visits_by_branch.csv",
                 "password_protected.xlsx"):
        shutil.copy(SHEETS / name, folder / name)
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "--jobs", "2",
                                    "--timeout", "60", "-q"])
    assert run.exit_code == 1  # the password-protected one
    cells = foiextract.read_table(str(out / "cells.csv"), "cells")
    assert len(cells) == 2 * 54 + 15
    checks = foiextract.read_table(str(out / "checks.csv"), "checks")
    assert set(checks["status"]) == {"pass", "cannot tell"}
    errors = foiextract.read_table(str(out / "errors.csv"), "errors")
    assert list(errors["kind"]) == ["encrypted"]


def test_compile_takes_a_spreadsheet_answer_beside_letters() -> None:
    batch = compile_responses(str(SHEETS / "batch"), request=str(SHEETS / "batch" / "request.md"))
    answers = batch.answers.set_index(["authority", "item"])
    midshire = answers.loc["Midshire Police"]
    assert midshire.loc[1, "source"].endswith("hospital_crime_2023.xlsx")
    assert (midshire.loc[1, "kind"], midshire.loc[1, "value"]) == ("count", "214")
    assert midshire.loc[2, "answer"].startswith("Crime type | Crimes; Violence with injury | 49")
    assert (midshire.loc[3, "kind"], midshire.loc[3, "value"]) == ("boolean", "yes")
    assert answers.loc[("Northshire Police", 1), "value"] == "187"
    assert answers.loc[("Southshire Constabulary", 1), "kind"] == "suppressed"
    assert batch.errors.empty


BY_YEAR = SHEETS / "midshire_police_by_financial_year.xlsx"


def test_tables_side_by_side_are_tables_of_their_own() -> None:
    gold = _gold_named("midshire_police_by_financial_year.gold.json")
    extraction = extract_file(str(BY_YEAR))[0]
    got = [(c.table_no, c.row_labels, c.column_labels, c.kind, c.value) for c in extraction.cells]
    assert got == [(w["table"], tuple(w["row_labels"]), tuple(w["column_labels"]), w["kind"],
                    w["value"]) for w in gold["cells"]]
    tables = [b for b in read_document(str(BY_YEAR)).blocks if b.kind == "table"]
    assert [b.rows[0][0].text for b in tables[:3]] == ["Crime type", "Offence code", "Outcome"]


def test_a_sheet_named_for_a_financial_year_gives_its_cells_that_period() -> None:
    periods = {(c.table_no, str(c.date_start), str(c.date_end))
               for c in extract_file(str(BY_YEAR))[0].cells}
    assert periods == {(n, "2022-04-01", "2023-03-31") for n in (1, 2, 3)} | {
        (n, "2023-04-01", "2024-03-31") for n in (4, 5, 6)}


def _gold_named(name: str) -> dict:
    return json.loads((SHEETS / name).read_text("utf-8"))


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.suffix)
def test_damaged_bytes_never_raise_a_library_error(tmp_path: Path, path: Path, seed: int) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    damaged = tmp_path / f"damaged{seed}{path.suffix}"
    damaged.write_bytes(bytes(data))
    try:
        extract_file(str(damaged))
    except FoiExtractError as err:
        assert "\n" not in str(err) and str(damaged) in str(err)


def test_a_spreadsheet_attached_to_an_email_gives_its_cells(tmp_path: Path) -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "foi@midshire.police.example"
    message["To"] = "requester@example.org"
    message["Subject"] = "FOI 004512/25: crimes on hospital grounds"
    message["Date"] = "Fri, 10 Oct 2025 09:30:00 +0100"
    message.set_content("Dear Requester,\n\nPlease find our response attached.\n")
    workbook = (SHEETS / f"{POLICE}.xlsx").read_bytes()
    message.add_attachment(workbook, maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           filename="response.xlsx")
    message.add_attachment(CSV.read_bytes(), maintype="text", subtype="csv",
                           filename="library.csv")
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(message))
    letter, sheet, csv_file = extract_file(str(path))
    assert (sheet.format, csv_file.format) == ("spreadsheet", "csv")
    assert (len(sheet.cells), len(csv_file.cells), len(letter.cells)) == (54, 15, 0)


def test_an_excel_binary_workbook_says_what_to_do(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "extract.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    result = foiextract.extract(str(path))
    assert list(result.errors["kind"]) == ["unsupported_format"]
    assert "save it as .xlsx" in result.errors["message"].iloc[0]


def test_show_says_how_many_cells_a_spreadsheet_gave_and_how_its_totals_checked() -> None:
    run = CliRunner().invoke(main, ["show", "--no-tables", str(SHEETS / f"{POLICE}.ods")])
    assert run.exit_code == 0
    assert "54 table cells in 2 table(s); printed totals: 6 cannot tell, 7 pass" in run.output
    assert "hidden_sheets" in run.output
    grids = CliRunner().invoke(main, ["show", str(SHEETS / f"{POLICE}.ods")]).output
    headings = [line for line in grids.splitlines() if line.startswith("Table ")]
    assert len(headings) == 2 and "table cells in" not in grids
    assert sum(int(h.split("totals: ")[1].split(" pass")[0]) for h in headings
               if "totals: " in h) == 7


def test_a_word_file_holding_a_worksheet_object_is_still_word() -> None:
    def entry(name: str) -> bytes:
        encoded = name.encode("utf-16-le")
        return encoded + bytes(64 - len(encoded)) + bytes([len(encoded) + 2, 0, 2])

    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert sniff(ole + entry("Workbook") + bytes(64)) == "xls"
    assert sniff(ole + entry("WordDocument") + entry("Workbook") + bytes(64)) == "legacy"
