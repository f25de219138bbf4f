"""Build the constructed spreadsheet responses in corpora/sheets/ (their gold is written by
hand, beside them, from what the sheets say).

Run from the repository root:

    python corpora/sheets/src/build_sheets.py

openpyxl (a dependency of foiextract) writes the police workbook: a title row merged across
the table, a line of notes, a header row of years, crime types down the side, a Total row
and column of formulas, "<5" and "-" cells, footnotes, a hidden row and a hidden column, a
second sheet whose header merges a year over two hospitals, and a hidden sheet of workings. Formulas written by openpyxl have
no saved results, so LibreOffice (``soffice``, as Excel would on saving) opens the workbook
and saves it again, which stores them; it also saves the same workbook as ``.ods`` and as
``.xls`` (Excel 97-2003). The CSV file is written as Excel exports one: every line padded
with commas to the table's width. The password-protected copy is made with msoffcrypto-tool
where it is installed (``pip install msoffcrypto-tool``; it is not a dependency).

Everything is made up: no real force, hospital or figure.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

OUT = Path(__file__).resolve().parent.parent
NAME = "midshire_police_hospital_crime"
YEARS = [2019, 2020, 2021, 2022, 2023]
# Crime types x years; "<5" and "-" as the force prints them.
CRIMES = [
    ("Violence with injury", [41, 38, 45, 52, 49]),
    ("Violence without injury", [120, 98, 131, 144, 139]),
    ("Criminal damage", [22, 17, 19, 25, 21]),
    ("Theft from the person", [9, "<5", 6, 8, "<5"]),
    ("Sexual offences", ["<5", "-", "<5", 5, "<5"]),
    ("Public order offences", [30, 26, 33, 29, "-"]),
]
OUTCOMES = [
    ("Charged/summonsed", [6, 3, 7, "<5"]),
    ("Evidential difficulties", [14, 11, 18, 12]),
    ("No suspect identified", [9, 12, "-", 10]),
]
HOSPITALS = ["Royal Infirmary", "General Hospital"]
# The figures behind each "<5" (row, year): the printed totals include them, as the note says.
HIDDEN = {("Theft from the person", 2020): 3, ("Theft from the person", 2023): 2,
          ("Sexual offences", 2019): 2, ("Sexual offences", 2021): 1,
          ("Sexual offences", 2023): 3}


def police_workbook(path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.title = "Crimes by year"
    ws["A1"] = "Crimes recorded on hospital grounds, 2019 to 2023"
    ws["A1"].font = Font(bold=True)
    ws.merge_cells("A1:G1")
    ws["A2"] = ("Our reference: FOI 004512/25. Data extracted from the crime recording system "
                "on 3 October 2025.")
    ws.append([])
    ws.append(["Crime type", *YEARS, "Total"])
    for cell in ws[4]:
        cell.font = Font(bold=True)
    first = 5
    # Totals are formulas (read back as the values saved with them), plus what "<5" hides.
    for n, (crime, counts) in enumerate(CRIMES):
        row = first + n
        hidden = sum(v for (name, _), v in HIDDEN.items() if name == crime)
        ws.append([crime, *counts, f"=SUM(B{row}:F{row})+{hidden}"])
    # A row and a column the force hid before sending: never read (the document is flagged).
    row = first + len(CRIMES)
    ws.append(["Test records (not for disclosure)", 0, 0, 0, 0, 0, f"=SUM(B{row}:F{row})"])
    ws.row_dimensions[row].hidden = True
    ws["H4"] = "Disclosure officer's notes"
    ws["H8"] = "Check the 2020 figure with the analyst"
    ws.column_dimensions["H"].hidden = True
    last = row
    ws.append(["Total", *[f"=SUM({col}{first}:{col}{last})+{_hidden_in(year)}"
                          for col, year in zip("BCDEF", YEARS)],
               f"=SUM(G{first}:G{last})"])
    ws.append([])
    ws.append(["<5 denotes a figure between 1 and 4, suppressed to protect the people involved; "
               "totals include them."])
    ws.append(["- denotes no crimes recorded."])
    ws.append(["We do not hold information on the ward or department where each crime took place."])

    outcomes = book.create_sheet("Outcomes 2022-2023")
    outcomes["A1"] = "Outcomes of crimes on hospital grounds, by hospital"
    outcomes["A1"].font = Font(bold=True)
    outcomes.append([])
    outcomes.append(["Outcome", 2022, None, 2023, None])
    outcomes.append([None, *HOSPITALS, *HOSPITALS])
    outcomes.merge_cells("A3:A4")
    outcomes.merge_cells("B3:C3")
    outcomes.merge_cells("D3:E3")
    for row in OUTCOMES:
        outcomes.append([row[0], *row[1]])
    outcomes.append([])
    outcomes.append(["- denotes none."])

    workings = book.create_sheet("Workings")
    workings.append(["Raw extract", "Occurrence", "Count"])
    workings.append(["Do not publish", "X123", 4])
    workings.sheet_state = "hidden"
    book.properties.creator = "foiextract corpora"
    book.save(path)


# A sheet a financial year, each holding three tables side by side with a blank column
# between them, as Leicestershire Police laid out their answer to the hospital-crime request.
BY_YEAR = {
    "2022-23": ([("Violence with injury", 52), ("Criminal damage", 25), ("Theft", 8)],
                [("8/1", 30), ("8/10", 22), ("58/1", "*")],
                [("Charged", 11), ("No suspect identified", 40), ("Evidential difficulties", 34)],
                (85, 55, 85)),
    "2023-24": ([("Violence with injury", 49), ("Criminal damage", 21), ("Theft", "*")],
                [("8/1", 27), ("8/10", 19), ("58/1", 6)],
                [("Charged", "*"), ("No suspect identified", 38), ("Evidential difficulties", 33)],
                (73, 52, 73)),
}


def by_year_workbook(path: Path) -> None:
    book = Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["Freedom of Information request FOI 004600/25"])
    notes.append([])
    notes.append(["Crimes recorded at hospital premises, by financial year. Each year's sheet "
                  "holds three tables: crimes by type, by offence code and by outcome."])
    for name, (types, codes, outcomes, totals) in BY_YEAR.items():
        ws = book.create_sheet(name)
        ws.append([f"Financial year {name.replace('-', '/')}"])
        ws.append([])
        ws.append(["Crime type", "Total", None, "Offence code", "Total", None, "Outcome", "Total"])
        for (crime, a), (code, b), (outcome, c) in zip(types, codes, outcomes):
            ws.append([crime, a, None, code, b, None, outcome, c])
        ws.append(["Total", totals[0], None, "Total", totals[1], None, "Total", totals[2]])
        ws.append([])
        ws.append(["* = fewer than 5"])
    book.properties.creator = "foiextract corpora"
    book.save(path)


def _hidden_in(year: int) -> int:
    return sum(v for (_, y), v in HIDDEN.items() if y == year)


def library_csv(path: Path) -> None:
    lines = [
        ["Library visits by branch, 2021/22 to 2023/24", "", "", ""],
        ["Branch", "2021/22", "2022/23", "2023/24"],
        ["Central", "48210", "51377", "53002"],
        ["Eastgate", "12044", "6310", "11987"],
        ["Northfield", "8120", "*", "7755"],
        ["Mobile library", "0", "0", "-"],
        ["Total", "68374", "57694", "72744"],
        ["", "", "", ""],
        ["* = fewer than 10 visits recorded", "", "", ""],
        ["Eastgate was closed for repairs from January to March 2023.", "", "", ""],
    ]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(lines)


REQUEST = [
    "How many crimes were recorded on hospital grounds in 2023?",
    "Please break down the crimes recorded on hospital grounds in 2023 by the nature of each "
    "crime.",
    "Do you record the name of the hospital where each crime took place?",
]
NORTHSHIRE = f"""Northshire Police
Freedom of Information Unit

Our reference: NP-FOI-2024-118

12 February 2024

Dear Requester,

Thank you for your request for information, which we have dealt with under the Freedom of
Information Act 2000.

Q1 {REQUEST[0]}
A1 187

Q2 {REQUEST[1]}
A2 Violence with injury 61, theft 70, criminal damage 56.

Q3 {REQUEST[2]}
A3 Yes

Yours sincerely,

Freedom of Information Unit
"""
SOUTHSHIRE = f"""Southshire Constabulary
Information Rights Team

Reference: SC/FOI/0391

15 February 2024

Dear Requester,

Your request has been handled under the Freedom of Information Act 2000.

Q1 {REQUEST[0]}
A1 Fewer than 5

Q2 {REQUEST[1]}
A2 We cannot break the figure down further, as that could identify the people involved.
The information is withheld under section 40(2) of the Act.

Q3 {REQUEST[2]}
A3 No

Yours sincerely,

Information Rights Team
"""
MIDSHIRE_COVER = """Midshire Police
Freedom of Information Office

Our reference: FOI 000217/24

14 February 2024

Dear Requester,

Please find attached our response to your request of 17 January 2024 about crimes on
hospital grounds, in the spreadsheet hospital_crime_2023.xlsx.

Yours sincerely,

Freedom of Information Office
"""


def batch(folder: Path) -> None:
    """A request sent to three forces: two answer in letters, one in a spreadsheet (each
    sheet restating the question it answers) under a cover note."""
    folder.mkdir(exist_ok=True)
    (folder / "request.md").write_text(
        "# Freedom of Information request: crimes on hospital grounds\n\n" +
        "".join(f"{n}. {q}\n" for n, q in enumerate(REQUEST, start=1)), "utf-8")
    for name, text in (("Northshire Police - Hospital crime", NORTHSHIRE),
                       ("Southshire Constabulary - Hospital crime", SOUTHSHIRE)):
        (folder / name).mkdir(exist_ok=True)
        file = f"{name.split()[0].lower()}_response.txt"
        (folder / name / file).write_text(text, "utf-8")
    midshire = folder / "Midshire Police - Hospital crime"
    midshire.mkdir(exist_ok=True)
    (midshire / "cover_letter.txt").write_text(MIDSHIRE_COVER, "utf-8")
    book = Workbook()
    answers = [("Q1", [["Crimes recorded", 214]]),
               ("Q2", [["Crime type", "Crimes"], ["Violence with injury", 49],
                       ["Violence without injury", 139], ["Criminal damage", 21],
                       ["Theft from the person", "<5"], ["Sexual offences", "<5"],
                       ["Total", 214]]),
               ("Q3", [["Yes"]])]
    for n, (name, rows) in enumerate(answers):
        ws = book.active if n == 0 else book.create_sheet()
        ws.title = name
        ws.append([f"{name}. {REQUEST[n]}"])
        ws["A1"].font = Font(bold=True)
        ws.append([])
        for row in rows:
            ws.append(row)
    book.properties.creator = "foiextract corpora"
    book.save(midshire / "hospital_crime_2023.xlsx")


def soffice(source: Path, target: str, into: Path) -> Path:
    # A profile of its own, so a LibreOffice already running elsewhere is left alone.
    profile = (into.parent / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(into), str(source)],
                   check=True, capture_output=True, timeout=120)
    return into / f"{source.stem}.{target.split(':')[0]}"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        raw = work / f"{NAME}.xlsx"
        police_workbook(raw)
        saved = soffice(raw, "xlsx:Calc MS Excel 2007 XML", work / "saved")
        shutil.copy(saved, OUT / f"{NAME}.xlsx")
        shutil.copy(soffice(saved, "ods", work / "ods"), OUT / f"{NAME}.ods")
        shutil.copy(soffice(saved, "xls:MS Excel 97", work / "xls"), OUT / f"{NAME}.xls")
    library_csv(OUT / "library_visits_by_branch.csv")
    by_year_workbook(OUT / "midshire_police_by_financial_year.xlsx")
    batch(OUT / "batch")
    try:
        import msoffcrypto  # type: ignore[import-not-found]
    except ImportError:
        print("msoffcrypto-tool is not installed: the password-protected copy was not made")
        return
    from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-not-found]

    with open(OUT / f"{NAME}.xlsx", "rb") as plain, \
            open(OUT / "password_protected.xlsx", "wb") as locked:
        OOXMLFile(plain).encrypt("midshire", locked)


if __name__ == "__main__":
    main()
