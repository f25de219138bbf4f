"""Build the constructed Word letters in corpora/patterns/, and their gold.

Run from the repository root (python-docx is a dependency of foiextract):

    python corpora/patterns/src/build_docx.py

``boxed_letter.docx`` is one single-column table whose rows are boxes: a heading box,
"Question:" over the request, "Response:" over the answer, "Queries:" over the closing, as
some NHS bodies send them. ``wrapped_email.docx`` is an e-mail reply pasted into Word, one
paragraph a line of the e-mail as it was wrapped: it restates the request's items (bulleted
"o "), answers them all in one, and quotes the original request below. The gold is written
from the same strings.
"""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document

OUT = Path(__file__).resolve().parent.parent
REQUEST = ["The name of the supplier of the shared care record.",
           "The number of patients whose records were viewed in 2023."]
ANSWER = "The supplier is Healthlink Systems Ltd. Records of 12,400 patients were viewed in 2023."
BOXES = [
    ["Freedom of Information Response"],
    ["Request Number 5521"],
    ["Question:", "We understand the trust runs a shared care record.",
     "Specifically, we are requesting:", *REQUEST],
    ["Response:", ANSWER],
    ["Queries:", "If you are unhappy with this response please let us know."],
]


WRAPPED_ITEMS = ["Any policies or procedures governing the use of automated tools in assessing "
                 "applications.",
                 "Any evaluations or audits of those tools.",
                 "The names of the suppliers of those tools."]
WRAPPED_ANSWER = ("In response to your request, we can confirm that the Council uses one "
                  "automated tool, the banding module of its housing register system, to sort "
                  "applications into priority bands. A housing officer reviews every banding "
                  "before it is confirmed. The module's user guide and the 2022 internal audit "
                  "report are attached.")
WRAPPED_LINES = [
    "Dear Ms Example",
    "Our reference: FOI 7781",
    "Thank you for your request for information received by the Council on",
    "4 March 2024 about automated decision making in housing services.",
    "You asked for information relating to automated tools used to assess",
    "housing applications, and in particular:",
    "o Any policies or procedures governing the use of automated tools in",
    "assessing applications.",
    "o Any evaluations or audits of those tools.",
    "o The names of the suppliers of those tools.",
    "In response to your request, we can confirm that the Council uses one",
    "automated tool, the banding module of its housing register system, to",
    "sort applications into priority bands. A housing officer reviews every",
    "banding before it is confirmed. The module's user guide and the 2022",
    "internal audit report are attached.",
    "I hope the information provided is helpful. If you are not satisfied",
    "with this response you may ask for an internal review.",
    "Yours sincerely",
    "Information Governance Team",
    "-----Original Message-----",
    "From: A Requester",
    "Sent: 04 March 2024 09:12",
    "Subject: Freedom of Information request - automated tools",
    "Dear Sir or Madam,",
    "Please provide information relating to automated tools used to assess",
    "housing applications, and in particular:",
    "\u2022 Any policies or procedures governing the use of automated tools",
    "in assessing applications.",
    "\u2022 Any evaluations or audits of those tools.",
    "\u2022 The names of the suppliers of those tools.",
    "Yours faithfully,",
    "A Requester",
]


def main() -> None:
    boxed_letter()
    wrapped_email()


def wrapped_email() -> None:
    document = Document()
    for line in WRAPPED_LINES:
        document.add_paragraph(line)
    document.core_properties.author = "foiextract patterns"
    document.save(OUT / "wrapped_email.docx")
    facts = {"authority": "", "authority_code": "", "reference": "FOI 7781",
             "received_date": "2024-03-04", "response_date": "", "legislation": "",
             "exemptions": [], "flags": []}
    pairs = [{"question": item, "answer": WRAPPED_ANSWER, "kind": "text", "value": "",
              "shared": True, "request_item": n} for n, item in enumerate(WRAPPED_ITEMS, 1)]
    _write_gold("wrapped_email.docx", facts, WRAPPED_ITEMS, pairs, "wrapped_email.gold.json")


def _write_gold(file: str, facts: dict[str, object], request: list[str],
                pairs: list[dict[str, object]], name: str = "") -> None:
    gold = {"file": file, "document": facts, "request": request,
            "unanswered_request_items": [], "pairs": pairs}
    (OUT / (name or f"{file}.gold.json")).write_text(
        json.dumps(gold, indent=1, ensure_ascii=False) + "\n", "utf-8")


def boxed_letter() -> None:
    document = Document()
    table = document.add_table(rows=len(BOXES), cols=1)
    table.style = "Table Grid"
    for row, paragraphs in zip(table.rows, BOXES):
        cell = row.cells[0]
        cell.paragraphs[0].add_run(paragraphs[0]).bold = paragraphs[0].endswith("Response")
        for text in paragraphs[1:]:
            cell.add_paragraph(text)
    document.core_properties.author = "foiextract patterns"
    document.save(OUT / "boxed_letter.docx")
    facts = {"authority": "", "authority_code": "", "reference": "5521", "received_date": "",
             "response_date": "", "legislation": "", "exemptions": [], "flags": []}
    pairs = [{"question": REQUEST[0], "answer": ANSWER, "kind": "text", "value": "",
              "shared": True, "request_item": 1},
             {"question": REQUEST[1], "answer": ANSWER, "kind": "count", "value": "12400",
              "shared": True, "request_item": 2}]
    _write_gold("boxed_letter.docx", facts, REQUEST, pairs)


if __name__ == "__main__":
    main()
