"""Build the constructed PDF letters in corpora/patterns/ and their gold, from the same strings.

Run from the repository root with reportlab installed (``pip install reportlab``):

    python corpora/patterns/src/build_pdfs.py

Each letter lays out one thing real PDF responses do that the rules first misread: a
borderless two-column Request | Response table, an answer that begins after a page break,
staff counted in "2 x role" lines, a coloured letterhead line in bold, and a label | figure
table set with white space only, its header in two lines over the figures.
"""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

OUT = Path(__file__).resolve().parent.parent
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="Helvetica-Bold")
HEAD = ParagraphStyle("head", parent=BODY, fontName="Helvetica-Bold", fontSize=14,
                      textColor=colors.HexColor("#1F4E79"))
DATE = "14 March 2023"  # printed on each letter: its response date
FACTS = {"authority": "", "authority_code": "", "reference": "", "received_date": "",
         "response_date": "2023-03-14", "legislation": "", "exemptions": [], "flags": []}


def pair(question: str, answer: str, kind: str, value: str, item: int,
         shared: bool = False) -> dict[str, object]:
    return {"question": question, "answer": answer, "kind": kind, "value": value,
            "shared": shared, "request_item": item}


def build(name: str, story: list, request: list[str], pairs: list[dict[str, object]],
          cells: list[dict[str, object]] | None = None) -> None:
    SimpleDocTemplate(str(OUT / f"{name}.pdf"), pagesize=A4, leftMargin=25 * mm,
                      rightMargin=25 * mm, topMargin=25 * mm, bottomMargin=25 * mm,
                      title=name, author="", creator="", producer="").build(story)
    gold: dict[str, object] = {"file": f"{name}.pdf", "document": FACTS, "request": request,
                               "unanswered_request_items": [], "pairs": pairs}
    if cells is not None:
        gold["cells"] = cells
    (OUT / f"{name}.gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                                          "utf-8")


def borderless_request_response() -> None:
    rows = [
        ("How many households were placed in bed and breakfast accommodation during 2022/23?",
         "During 2022/23 the council placed 214 households in bed and breakfast "
         "accommodation."),
        ("What was the longest stay of a family with children in bed and breakfast "
         "accommodation in that year?", "The longest stay was 9 weeks."),
        ("Does the council have a written policy on the use of bed and breakfast "
         "accommodation for families?", "Yes. The policy was last reviewed in March 2022."),
    ]
    cell = ParagraphStyle("cell", parent=BODY, spaceAfter=0)
    table = Table([[Paragraph("<b>Request</b>", cell), Paragraph("<b>Response</b>", cell)]]
                  + [[Paragraph(q, cell), Paragraph(a, cell)] for q, a in rows],
                  colWidths=[80 * mm, 80 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    story = [Paragraph(DATE, BODY), Paragraph("Dear Mr Osei,", BODY),
             Paragraph("Thank you for your request for information. Our response to each part "
                       "of it is set out below.", BODY), table,
             Paragraph("Yours sincerely,", BODY), Paragraph("Housing Options Team", BODY)]
    build("borderless_request_response", story, [q for q, _ in rows], [
        pair(rows[0][0], rows[0][1], "count", "214", 1),
        pair(rows[1][0], rows[1][1], "number", "9", 2),
        pair(rows[2][0], rows[2][1], "boolean", "yes", 3)])


def answer_after_page_break() -> None:
    q1 = "1. How many fly-tipping incidents were reported to the council in 2022?"
    a1 = "The council received 3,482 reports of fly-tipping in 2022."
    q2 = "2. How many fixed penalty notices were issued for fly-tipping in 2022?"
    a2 = ("Enforcement officers issued 57 fixed penalty notices for fly-tipping in 2022, "
          "of which 41 have been paid.")
    q3 = "3. What is the value of a fixed penalty notice for fly-tipping?"
    a3 = "£400, reduced to £200 if paid within 10 days."
    story = [Paragraph(DATE, BODY), Paragraph("Dear Ms Reid,", BODY),
             Paragraph("Thank you for your request, which we have answered below.", BODY),
             Paragraph(q1, BOLD), Paragraph(a1, BODY), Paragraph(q2, BOLD), PageBreak(),
             Paragraph(a2, BODY), Paragraph(q3, BOLD), Paragraph(a3, BODY),
             Paragraph("Yours sincerely,", BODY), Paragraph("Environmental Services", BODY)]
    build("answer_after_page_break", story, [q[3:] for q in (q1, q2, q3)], [
        pair(q1[3:], a1, "count", "3482", 1), pair(q2[3:], a2, "count", "57", 2),
        pair(q3[3:], a3, "amount", "400 GBP", 3)])


def staff_lines_and_letterhead() -> None:
    q1 = "How many staff work in the council's youth offending team?"
    lines = ["2 x Team Manager", "5 x Youth Justice Officer", "1 x Administrator"]
    q2 = "How many of these posts are currently vacant?"
    a2 = "None"
    story = [Paragraph("Information Governance Team", HEAD), Paragraph(DATE, BODY),
             Paragraph("Dear Mr Hughes,", BODY),
             Paragraph("Thank you for your request. Our answers follow your questions.", BODY),
             Paragraph(q1, BOLD), *[Paragraph(line, ParagraphStyle("line", parent=BODY,
                                                                    spaceAfter=2))
                                    for line in lines],
             Spacer(1, 6), Paragraph(q2, BOLD), Paragraph(a2, BODY),
             Paragraph("Yours sincerely,", BODY), Paragraph("Children's Services", BODY)]
    build("staff_lines_and_letterhead", story, [q1, q2], [
        pair(q1, " ".join(lines), "count", "8", 1), pair(q2, a2, "count", "0", 2)])


def figure_table() -> None:
    q1 = "Does the fire service keep a record of the causes of the fires it attends?"
    a1 = "Yes, the cause of every fire attended is recorded in the incident recording system."
    q2 = "How many fires did the service attend, by financial year?"
    years = [("2019/2020", "1,204"), ("2020/2021", "1,087"), ("2021/2022", "1,156"),
             ("2022/2023", "1,310"), ("Total", "4,757")]
    head = ParagraphStyle("head", parent=BODY, fontName="Helvetica-Bold", spaceAfter=0,
                          alignment=2)
    table = Table([[Paragraph("<b>Financial Year</b>", ParagraphStyle("stub", parent=head,
                                                                      alignment=0)),
                    Paragraph("Number of<br/>Fires Attended", head)]] + [list(r) for r in years],
                  colWidths=[45 * mm, 40 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "Helvetica"),
                               ("FONTSIZE", (0, 0), (-1, -1), 11),
                               ("ALIGN", (1, 1), (1, -1), "RIGHT"),
                               ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                               ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold")]))
    story = [Paragraph(DATE, BODY), Paragraph("Dear Ms Patel,", BODY),
             Paragraph("Thank you for your request. Our answers follow your questions.", BODY),
             Paragraph(q1, BOLD), Paragraph(a1, BODY), Paragraph(q2, BOLD), table,
             Spacer(1, 12), Paragraph("Yours sincerely,", BODY),
             Paragraph("Information Governance, Fire and Rescue Service", BODY)]
    answer = "; ".join(["Financial Year | Number of Fires Attended"]
                       + [f"{year} | {count}" for year, count in years])
    cells = [{"table": 1, "page": 1, "row_labels": [year], "column_labels":
              ["Number of Fires Attended"], "text": count, "kind": "count",
              "value": count.replace(",", ""), "is_total": year == "Total", "request_item": 2}
             for year, count in years]
    build("figure_table", story, [q1, q2], [pair(q1, a1, "boolean", "yes", 1),
                                            pair(q2, answer, "text", "", 2)], cells)


if __name__ == "__main__":
    borderless_request_response()
    answer_after_page_break()
    staff_lines_and_letterhead()
    figure_table()
