"""Inputs that well-known number and date libraries misread; our reader must not.

numerizer turns "N/A" into "N/1"; word2number reads "fewer than five" as 5;
quantulum3 reads "2019/20" as 100.95 and "5-10" as 7.5; dateparser reads
"Two" as a date unless strict; text2num leaves a lone "Two" alone.
"""

from __future__ import annotations

from foiextract.values import parse_answer


def test_na_is_not_applicable_not_a_fraction() -> None:  # numerizer
    for text in ("N/A", "n/a", "N/A - no reviews have been completed."):
        value = parse_answer(text, "How many reviews were completed?")
        assert (value.kind, value.value, value.number) == ("not_applicable", "", None)


def test_fewer_than_five_is_suppressed_not_five() -> None:  # word2number
    value = parse_answer("fewer than five", "How many cases?")
    assert (value.kind, value.value, value.high) == ("suppressed", "<5", 5.0)


def test_financial_year_is_an_interval_not_a_decimal() -> None:  # quantulum3
    value = parse_answer("2019/20", "In which financial year was it decided?")
    assert (value.kind, value.value) == ("date", "2019-04/2020-03")
    assert (value.date_start, value.date_end) == ("2019-04-01", "2020-03-31")


def test_hyphen_range_is_a_range_not_its_mean() -> None:  # quantulum3
    value = parse_answer("5-10", "How many cases?")
    assert (value.kind, value.value, value.low, value.high) == ("range", "5..10", 5.0, 10.0)


def test_lone_number_word_is_a_count_not_a_date() -> None:  # dateparser, text2num
    for question in ("How many reviews?", None, "When did they start?"):
        value = parse_answer("Two", question)
        assert (value.kind, value.value, value.date_start) == ("count", "2", None)


def test_names_a_line_each_answer_a_who_question_as_a_list() -> None:
    from foiextract.model import Block, Span
    from foiextract.values import parse_answer

    question = "Please confirm the name of the enforcement company used by the council."
    lines = (Block("paragraph", (Span("Marstons\nEquita\nSheffield City Council Enforcement"),)),)
    value = parse_answer("Marstons Equita Sheffield City Council Enforcement", question, blocks=lines)
    assert (value.kind, value.value) == ("list", "Marstons; Equita; Sheffield City Council Enforcement")
    # Figures a line each are not names.
    figures = (Block("paragraph", (Span("Ahmed 22\nBrown 43"),)),)
    assert parse_answer("Ahmed 22 Brown 43", question, blocks=figures).kind != "list"


def test_a_list_laid_out_is_a_list_under_its_lead_in_and_though_an_item_holds_a_verb() -> None:
    from foiextract.model import Block, Span

    # A name a line under "…the following machinery:".
    question = "What machinery do you use for pothole repairs?"
    lines = tuple(Block("paragraph", (Span(t),)) for t in (
        "Amey uses the following machinery:", "Whacker plate", "JCB", "Stihl Saw"))
    value = parse_answer(" ".join(b.text for b in lines), question, blocks=lines)
    assert (value.kind, value.value) == ("list", "Whacker plate; JCB; Stihl Saw")
    # Bullets, one of them with a verb in it: still names.
    question = "The software suppliers your Local Authority uses for:"
    bullets = tuple(Block("list_item", (Span(t),), level=1, marker="•") for t in (
        "Capita ONE Education", "Home to School Transport - in house system used"))
    value = parse_answer(" ".join(b.text for b in bullets), question, blocks=bullets)
    assert value.kind == "list" and value.value.endswith("in house system used")
    # Bullets that are sentences are not.
    bullets = tuple(Block("list_item", (Span(t),), level=1, marker="•") for t in (
        "We use Capita ONE for admissions.", "We hold no other contracts."))
    assert parse_answer(" ".join(b.text for b in bullets), question, blocks=bullets).kind != "list"


def test_refusals_counted_in_a_later_sentence_are_no_refusal_of_the_request() -> None:
    # To "How many … were refused?", "… refused or withdrawn" with its figure is the thing
    # counted, wherever the sentence stands, not the authority refusing (no exemption cited).
    for answer in ("Our licensing system does not tell applications that were refused from "
                   "those withdrawn. Combined, 143 applications were refused or withdrawn.",
                   "Out of 95 applications, 12 were refused."):
        value = parse_answer(answer, "How many licence applications were refused in 2023?")
        assert value.kind != "withheld"
