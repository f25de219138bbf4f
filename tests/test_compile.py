"""foiextract compile: one request, many responses (issue 6), scored against batch.gold.json."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from foiextract.compile import (
    Request,
    compile_responses,
    infer_request,
    read_request,
    short_names,
)
from foiextract.compile.align import align_pairs
from foiextract.compile.cells import response_answers as response_cells
from foiextract.extraction import Extraction
from foiextract.foi import Citation, Facts
from foiextract.model import Pair, Value
from foiextract.segment.request import similarity
from foiextract.values.compare import same_value

from .conftest import CORPORA

BATCH = CORPORA / "london-scr-dhr-batch"
REQUEST = BATCH / "request.md"
GOLD = json.loads((BATCH / "batch.gold.json").read_text("utf-8"))
RESPONSES = sorted(str(p) for p in BATCH.iterdir()
                   if not p.name.endswith(".json") and p.name != "request.md")


@pytest.fixture(scope="module")
def with_request():  # type: ignore[no-untyped-def]
    return compile_responses(str(BATCH), request=str(REQUEST))


@pytest.fixture(scope="module")
def inferred():  # type: ignore[no-untyped-def]
    return compile_responses(RESPONSES)


def _cells(batch) -> dict[tuple[str, int], dict]:  # type: ignore[no-untyped-def]
    return {(Path(r["source"].split("#")[0]).name, r["item"]): r
            for r in batch.answers.to_dict("records")}


def test_request_file_gives_the_numbered_questions() -> None:
    assert list(read_request(str(REQUEST)).items) == GOLD["request"]


def test_batch_cell_accuracy_against_gold(with_request) -> None:  # type: ignore[no-untyped-def]
    cells = _cells(with_request)
    right = 0
    for gold in GOLD["answers"]:
        cell = cells[(gold["file"], gold["item"])]
        right += cell["kind"] == gold["kind"] and same_value(gold["kind"], cell["value"] or "",
                                                             gold["value"])
    assert right / len(GOLD["answers"]) >= 0.95


def test_every_cell_has_its_authority_right(with_request) -> None:  # type: ignore[no-untyped-def]
    cells = _cells(with_request)
    for gold in GOLD["answers"]:
        cell = cells[(gold["file"], gold["item"])]
        assert (cell["authority"], cell["authority_code"]) == (gold["authority"],
                                                               gold["authority_code"])


def test_every_authority_has_every_item(with_request) -> None:  # type: ignore[no-untyped-def]
    authorities = {a["authority"] for a in GOLD["answers"]}
    assert len(with_request.answers) == len(authorities) * len(GOLD["request"])
    assert set(with_request.dataset["authority"]) == authorities
    assert with_request.skipped == ()


def test_inferred_request_has_the_items_of_request_md(inferred) -> None:  # type: ignore[no-untyped-def]
    items = inferred.request.items
    assert inferred.request.inferred and len(items) == len(GOLD["request"])
    matched = sum(similarity(a, b) >= 0.85 for a, b in zip(items, GOLD["request"]))
    assert matched / len(GOLD["request"]) >= 0.9


def test_inferred_request_gives_the_same_dataset(with_request, inferred) -> None:  # type: ignore[no-untyped-def]
    left = with_request.dataset.drop(columns="source")
    right = inferred.dataset.drop(columns="source")
    assert left.equals(right)


def test_request_file_in_the_folder_is_skipped_not_an_authority() -> None:
    batch = compile_responses(str(BATCH))
    assert [Path(s).name for s in batch.skipped] == ["request.md"]
    assert "Home Office" not in set(batch.dataset["authority"])


@pytest.mark.parametrize("file", sorted({a["file"] for a in GOLD["answers"]}))
def test_alignment_recovers_gold_items_from_shuffled_reworded_questions(file: str) -> None:
    gold = json.loads((BATCH / (file.rsplit(".", 1)[0] + ".gold.json")).read_text("utf-8"))
    pairs = [Pair(p["question"], "") for p in gold["pairs"]]
    order = list(range(len(pairs)))
    random.Random(file).shuffle(order)
    shuffled = [pairs[i] for i in order]
    found = {m.pair: m.item for m in align_pairs(GOLD["request"], shuffled, [])}
    expected = {n: gold["pairs"][i]["request_item"] for n, i in enumerate(order)}
    # Items asked in the very same words (2 and 15, 4 and 17) cannot be told apart once shuffled.
    request = GOLD["request"]
    right = sum(found.get(n) is not None and request[found[n] - 1] == request[item - 1]
                for n, item in expected.items())
    assert right / len(expected) >= 0.9


def test_restated_request_in_another_order_maps_the_items() -> None:
    items = ["How many reviews were started?", "Please provide the dates they started.",
             "How many reviews were completed?"]
    restated = [items[2], items[0], items[1]]
    pairs = [Pair(q, "", request_item=n) for n, q in enumerate(restated, start=1)]
    assert [(m.pair, m.item, m.rule) for m in align_pairs(items, pairs, restated)] == [
        (0, 3, "restated_request"), (1, 1, "restated_request"), (2, 2, "restated_request")]


def test_answer_by_number_only_and_item_ranges() -> None:
    items = ["How many?", "When?", "Where?", "Who?"]
    pairs = [Pair("", "", request_item=1), Pair("Q2-Q4", "")]
    found = [(m.pair, m.item, m.rule) for m in align_pairs(items, pairs, [])]
    assert found == [(0, 1, "number_only"), (1, 2, "item_range"), (1, 3, "item_range"),
                     (1, 4, "item_range")]


def _document(pairs: list[Pair], exemptions: str = "", source: str = "x.txt") -> Extraction:
    cited = tuple(Citation(p, "", None, None, "") for p in exemptions.split("; ") if p)
    facts = Facts("", "", "", "", "", "", cited, "", None, None, ())
    return Extraction("x", source, "text", "", None, None, facts, pairs=tuple(pairs))


def _pair(question: str, answer: str, kind: str, value: str = "") -> Pair:
    return Pair(question, answer, value=Value(kind, value, confidence=0.9))


def test_merged_answer_gives_each_item_the_part_that_belongs_to_it() -> None:
    gold = json.loads((BATCH / "tower_hamlets_FOI13579.gold.json").read_text("utf-8"))
    merged = [p for p in gold["pairs"] if p["request_item"] in (16, 17, 18)]
    answer = merged[0]["answer"]
    pair = _pair("Q16-Q18", answer, "count", "1")
    cells, _ = response_cells(GOLD["request"], [_document([pair])])
    for expected in merged:
        cell = cells[expected["request_item"] - 1]
        assert cell.shared and cell.kind == expected["kind"]
        assert same_value(cell.kind, cell.value.value, expected["value"])


def test_one_item_answered_in_two_parts_is_one_cell() -> None:
    items = ["How many reviews started, and how many finished?", "When?"]
    pairs = [_pair("How many reviews started", "Three started.", "count", "3"),
             _pair("and how many finished?", "Two finished.", "count", "2"),
             _pair("When?", "May 2019", "date", "2019-05")]
    cells, _ = response_cells(items, [_document(pairs)])
    assert cells[0].align_rule == "split"
    assert cells[0].answer == "Three started. Two finished."
    assert (cells[1].kind, cells[1].value.value) == ("date", "2019-05")


def test_whole_request_refused_under_s12_withholds_every_item() -> None:
    refusal = _pair("How many reviews?", "We estimate that answering would exceed the cost limit "
                    "under section 12.", "withheld", "s12")
    cells, best = response_cells(["How many reviews?", "When?", "Where?"], [_document([refusal])])
    assert best is not None
    assert [(c.kind, c.value.value) for c in cells] == [("withheld", "s12")] * 3
    letter_only = _document([], exemptions="s12")
    cells, _ = response_cells(["How many reviews?", "When?"], [letter_only])
    assert {c.kind for c in cells} == {"withheld"}


def test_a_single_exemption_on_one_item_does_not_spread() -> None:
    pairs = [_pair("How many?", "2", "count", "2"),
             _pair("Names?", "Withheld under section 40(2).", "withheld", "s40(2)")]
    cells, _ = response_cells(["How many?", "Names?", "When?"], [_document(pairs)])
    assert [c.kind for c in cells] == ["count", "withheld", "missing"]


def test_attachment_that_answers_wins_over_the_covering_letter() -> None:
    items = ["How many?", "When?"]
    letter = _document([_pair("How many?", "", "missing")])
    attachment = _document([_pair("How many?", "4", "count", "4"),
                            _pair("When?", "June 2019", "date", "2019-06")], source="a.pdf")
    cells, best = response_cells(items, [letter, attachment])
    assert best is not None and best.source == "a.pdf"
    assert [c.value.value for c in cells] == ["4", "2019-06"]


def test_short_names_are_unique_and_readable() -> None:
    names = short_names(GOLD["request"])
    assert len(set(names)) == len(names) == 23
    assert all(n.isidentifier() and n.startswith(f"q{i:02d}") for i, n in enumerate(names, 1))
    assert "dates" in names[1] and "completion" in names[3]


def test_inference_keeps_the_wording_most_responses_share() -> None:
    lists = [["How many reviews?", "When did they start?"]] * 3 + [["How many reviews, roughly?"]]
    assert infer_request(lists).items == ("How many reviews?", "When did they start?")
    assert infer_request([]) == Request((), inferred=True)


def test_numbers_sum_in_the_dataset(with_request) -> None:  # type: ignore[no-untyped-def]
    counts = [a for a in GOLD["answers"] if a["item"] == 14 and a["kind"] == "count"]
    column = with_request.dataset["q14_domestic_homicide_reviews"]
    assert str(column.dtype) == "Int64"
    assert column.sum() == sum(int(a["value"]) for a in counts)
    notes = with_request.dataset["q14_domestic_homicide_reviews_note"].dropna()
    assert set(notes) == {a["value"] for a in GOLD["answers"]
                          if a["item"] == 14 and a["kind"] == "suppressed"}


def test_review_lists_missing_numbers_and_merged_answers(with_request) -> None:  # type: ignore[no-untyped-def]
    review = with_request.review
    missing_counts = {(a["authority"], a["item"]) for a in GOLD["answers"]
                      if a["kind"] == "missing" and "how many" in GOLD["request"][a["item"] - 1].lower()}
    listed = set(zip(review["authority"], review["item"]))
    assert missing_counts <= listed
    assert review["answer"].notna().all()
    assert (review["reason"].str.contains("shared answer")).any()
