"""Build the constructed Word letter in corpora/patterns/ laid out in boxes, and its gold.

Run from the repository root (python-docx is a dependency of foiextract):

    python corpora/patterns/src/build_docx.py

The letter is one single-column table whose rows are boxes: a heading box, "Question:" over
the request, "Response:" over the answer, "Queries:" over the closing, as some NHS bodies
send them. The gold is written from the same strings.
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


def main() -> None:
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
    gold = {"file": "boxed_letter.docx", "document": facts, "request": REQUEST,
            "unanswered_request_items": [], "pairs": pairs}
    (OUT / "boxed_letter.docx.gold.json").write_text(
        json.dumps(gold, indent=1, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
