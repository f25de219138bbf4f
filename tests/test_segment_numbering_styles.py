"""A reply reads the same whatever style numbers its questions.

Real replies number the items they restate as "1.", "1)", "(a)", "Q1.", "Question 1:" or
"1 - ", and a letter read right in one style must be read right in every other. Each case
takes a tuned real reply e-mail numbered "1.", "2.", … rewrites every enumerator in another
style (request and reply alike, as an authority writing that way would), and scores the
rewritten letter against the same gold: no pair found in the original may be lost, and no
value read right may go wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .metamorphic import rewritten_reads_as_well

ROOT = Path(__file__).resolve().parent.parent
_ENUMERATOR = re.compile(r"^(\s*)(\d{1,2})\.\s+(?=\S)", re.MULTILINE)


def _letter(n: str) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[int(n) - 1] if 0 < int(n) <= 26 else n


STYLES = {
    "paren": lambda m: f"{m[1]}{m[2]}) ",
    "lettered": lambda m: f"{m[1]}({_letter(m[2])}) ",
    "q_label": lambda m: f"{m[1]}Q{m[2]}. ",
    "question_label": lambda m: f"{m[1]}Question {m[2]}: ",
    "dashed": lambda m: f"{m[1]}{m[2]} - ",
}

# Tuned reply e-mails numbered "1." (restated questions with answers beneath, answers on the
# question's line, a request quoted from the thread, an answer that needs the right reply of
# several, a refusal among answers).
LETTERS = [
    "corpora/real/SheffieldCC_wdtk_common_surnames_23.txt",
    "corpora/real/SheffieldCC_wdtk_carriageway_repairs_51.txt",
    "corpora/real/SheffieldCC_wdtk_a_childrenseducation_foi_request_10.txt",
    "corpora/real/threads/SheffieldCC_wdtk_council_tax_enforcement_235.txt",
    "corpora/real/threads-more/SheffieldCC_wdtk_current_applicant_tracking_syste_18.txt",
    "corpora/real/cold-a/SheffieldCC_wdtk_email-security-26_response.txt",
    "corpora/real/cold-g/SheffieldCC_wdtk_tutoring-funding-25_response.txt",
    "corpora/real/cold-k/SheffieldCC_wdtk_definitive-map-modification-orders-143_response.txt",
    "corpora/real/cold-n/SheffieldCC_wdtk_ai-in-organisation-9_response.txt",
    "corpora/real/cold-n/SheffieldCC_wdtk_council-house-waiting-lists-281_response.txt",
]


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("letter", LETTERS, ids=lambda p: Path(p).stem[:40])
def test_numbering_style_reads_the_same(letter: str, style: str, tmp_path: Path) -> None:
    source = ROOT / letter
    text = source.read_text("utf-8")
    rewritten = _ENUMERATOR.sub(STYLES[style], text)
    assert rewritten != text, "the letter must number its items '1.', '2.', …"
    rewritten_reads_as_well(source, rewritten, tmp_path)


# A tuned reply whose item 4 is typed "4 Please provide…", its stop left out, between "3." and
# "5.": in the styles whose numbers stay figures, the number that fills the count's gap is
# still the item's.
GAP_LETTER = "corpora/real/cold-h/SheffieldCC_wdtk_short-holiday-lets_response.txt"


@pytest.mark.parametrize("style", ["paren", "dashed"])
def test_an_item_number_typed_without_its_stop_counts_in_any_style(style: str,
                                                                  tmp_path: Path) -> None:
    source = ROOT / GAP_LETTER
    text = source.read_text("utf-8")
    assert re.search(r"^4 Please", text, re.MULTILINE), "item 4 must be typed without its stop"
    rewritten_reads_as_well(source, _ENUMERATOR.sub(STYLES[style], text), tmp_path)
