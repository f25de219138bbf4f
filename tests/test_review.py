"""The review page's build and server (issue 15), without a browser: what the page holds,
where its images are, and how a decision reaches corrections.csv."""

from __future__ import annotations

import json
import re
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from foiextract.cli import main
from foiextract.corrections import read_corrections
from foiextract.review import build_review, review_server

from .conftest import CORPORA

BATCH = CORPORA / "london-scr-dhr-batch"
REQUEST = BATCH / "request.md"


def page_data(path: str | Path) -> dict:
    """The JSON a review page embeds."""
    html = Path(path).read_text("utf-8")
    found = re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S)
    assert found, "no data in the page"
    return json.loads(found.group(1))


@pytest.fixture(scope="module")
def london(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("london") / "batch"
    result = CliRunner().invoke(main, ["compile", str(BATCH), "-r", str(REQUEST),
                                       "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    return out


def test_the_page_queues_every_flagged_cell_first_with_its_source(london: Path,
                                                                   tmp_path: Path) -> None:
    page = build_review(str(london), folder=str(tmp_path / "page"))
    answers = pd.read_csv(london / "answers.csv", dtype=str, keep_default_na=False)
    flagged = answers[answers["needs_review"] == "True"]
    data = page_data(page.path)
    assert page.doubtful == len(flagged) and page.items == len(answers)
    queue = [item for item in data["items"] if item["doubtful"]]
    assert [i["key"] for i in queue] == list(flagged["cell_key"])
    assert all(i["doubtful"] for i in data["items"][:len(queue)])
    for item in queue:
        # Every flagged cell can be checked from the page alone: a page image or the lines.
        assert item.get("image") or item.get("context"), item["title"]
        if item.get("image"):
            assert (tmp_path / "page" / item["image"]["src"]).stat().st_size > 10_000
    pdf_cells = [i for i in queue if i.get("bbox")]
    assert pdf_cells and all(i["image"]["width"] > i["bbox"][2] for i in pdf_cells)
    html = Path(page.path).read_text("utf-8")
    # One static file: nothing loaded from elsewhere (the letters' own links are only text).
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script src" not in html and "@import" not in html


def test_the_server_writes_each_decision_to_corrections_csv(london: Path, tmp_path: Path) -> None:
    page = build_review(str(london), folder=str(tmp_path / "page"),
                        corrections=str(tmp_path / "corrections.csv"))
    server = review_server(page, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with urllib.request.urlopen(f"{base}/index.html") as response:
            assert b"foiextract review" in response.read()
        body = json.dumps({"key": "abc-q1", "field": "value", "old_value": "1",
                           "new_value": "2", "who": "ann", "when": "2026-12-03"}).encode()
        request = urllib.request.Request(f"{base}/corrections", body,
                                         {"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            assert json.loads(response.read()) == {"count": 1}
        bad = urllib.request.Request(f"{base}/corrections", b'{"key": "k", "field": "colour"}',
                                     {"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(bad)
        assert refused.value.code == 400
    finally:
        server.shutdown()
        server.server_close()
    (saved,) = read_corrections(str(tmp_path / "corrections.csv"))
    assert (saved.key, saved.field, saved.new_value, saved.who) == ("abc-q1", "value", "2", "ann")


def test_a_correction_whose_cell_is_gone_is_listed_on_the_page(london: Path,
                                                                tmp_path: Path) -> None:
    corrections = tmp_path / "corrections.csv"
    corrections.write_text("key,field,old_value,new_value,who,when,note\n"
                           "000000000000-q99,value,3,4,ann,2026-12-03,\n", "utf-8")
    page = build_review(str(london), folder=str(tmp_path / "page"), corrections=str(corrections))
    assert page.stale == 1
    assert [c["key"] for c in page_data(page.path)["stale"]] == ["000000000000-q99"]


def test_review_of_a_folder_that_is_no_output_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", str(tmp_path)])
    assert result.exit_code == 1
    assert "no answers or pairs table" in result.output and "Traceback" not in result.output


def test_review_of_an_extract_marks_doubtful_pairs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    pdf = BATCH / "tower_hamlets_FOI13579.pdf"
    assert CliRunner().invoke(main, ["extract", str(pdf), "-o", str(out)]).exit_code == 0
    result = CliRunner().invoke(main, ["review", str(out)])
    assert result.exit_code == 0, result.output
    data = page_data(out / "review-page" / "index.html")
    assert data["kind"] == "extract"
    doubtful = [i for i in data["items"] if i["doubtful"]]
    assert doubtful and all(i["reason"] for i in doubtful)
    pairs = pd.read_csv(out / "pairs.csv", dtype=str, keep_default_na=False)
    shared = set(pairs.loc[pairs["shared"] == "True", "pair_key"])
    assert shared <= {i["key"] for i in doubtful}


def test_each_pdf_answer_box_holds_the_answers_words(tmp_path: Path) -> None:
    # A pair's own box is its question's (an answer on another page is found by its words):
    # what the page highlights must be the answer itself.
    import pdfplumber

    out = tmp_path / "batch"
    pdfs = sorted(BATCH.glob("*.pdf"))
    result = CliRunner().invoke(main, ["compile", *map(str, pdfs), "-r", str(REQUEST),
                                       "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    items = [i for i in page_data(build_review(str(out)).path)["items"]
             if i.get("bbox") and i["answer"]]
    assert len(items) > 20
    moved = 0
    for item in items:
        with pdfplumber.open(item["source"]) as pdf:
            page = pdf.pages[item["page"] - 1]
            x0, top, x1, bottom = item["bbox"]
            text = page.crop((max(0, x0 - 2), max(0, top - 2), min(page.width, x1 + 2),
                              min(page.height, bottom + 2))).extract_text()
        head = " ".join(item["answer"].split()[:3])
        assert head in " ".join(text.split()), (item["title"], head, text)
        moved += item["page"] > 1
    assert moved, "no answer was found on a later page than its question"
