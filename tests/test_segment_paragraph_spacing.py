"""A reply reads the same wherever its writer puts blank lines.

One authority's e-mail leaves a blank line after every paragraph, another after none, and
a request platform's rendering drops them all. Each case takes a tuned real reply e-mail and
rewrites where its blank lines fall, request and reply alike, then scores it against the
same gold: no pair found in the original may be lost, and no value read right may go wrong.

- ``spaced``: a blank line after every line that ends a sentence, a question or a lead-in
  (and is followed by one that starts anew, not in lower case), as an e-mail client that
  sets each paragraph apart writes it;
- ``packed``: every blank line between two paragraphs dropped, as a rendering that keeps
  only line breaks gives it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from .metamorphic import rewritten_reads_as_well

ROOT = Path(__file__).resolve().parent.parent

STYLES: dict[str, Callable[[str], str]] = {
    "spaced": lambda text: re.sub(r"(?<=[.?!:])\n(?=[^\sa-z])", "\n\n", text),
    "packed": lambda text: re.sub(r"(?<=\S)\n\n(?=\S)", "\n", text),
}

# Tuned reply e-mails: a list of names asked about and answered a line each, figures by
# period under their question, a request's items under a lead-in, answers on the
# question's line, a refusal among answers.
LETTERS = [
    "corpora/real/SheffieldCC_wdtk_common_surnames_23.txt",
    "corpora/real/SheffieldCC_wdtk_freedom_of_information_request_r_179.txt",
    "corpora/real/SheffieldCC_wdtk_cctv_camera_coverage_and_expendi_279.txt",
    "corpora/real/SheffieldCC_wdtk_carriageway_repairs_51.txt",
    "corpora/real/cold-t/SheffieldCC_wdtk_elective-home-education-data-127_response.txt",
    "corpora/real/cold-t/SheffieldCC_wdtk_young-street-trees-planted_response.txt",
    "corpora/real/cold-u/SheffieldCC_wdtk_childrens-placements-contact-90_response.txt",
    "corpora/real/threads/SheffieldCC_wdtk_council_tax_enforcement_235.txt",
    "corpora/real/threads-3/SheffieldCC_wdtk_illegal_vape_seizures_297.txt",
    "corpora/real/threads-3/SheffieldCC_wdtk_funding_for_the_darnall_ward.txt",
    "corpora/real/threads-3/SheffieldCC_wdtk_use_of_fax_machines.txt",
    "corpora/real/threads-3/SheffieldCC_wdtk_missing_stolen_man_hole_covers_48.txt",
]


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("letter", LETTERS, ids=lambda p: Path(p).stem[:40])
def test_paragraph_spacing_reads_the_same(letter: str, style: str, tmp_path: Path) -> None:
    source = ROOT / letter
    text = source.read_text("utf-8")
    rewritten = STYLES[style](text)
    if rewritten == text:
        pytest.skip(f"the letter has no line the {style!r} style moves a blank line at")
    rewritten_reads_as_well(source, rewritten, tmp_path)
