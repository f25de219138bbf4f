"""The segmenter never raises, and reads the same document the same way every time."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from foiextract.model import Block, Cell, Document, Span
from foiextract.readers.markdown import parse
from foiextract.segment import segment

PIECES = ["**", "*", "?", "\n\n", "\n", "> ", "1. ", "(i) ", "Q3-Q5: ", "Answer: ", "| a | b |\n|---|---|\n",
          "How many ", "Please provide ", "None", "N/A", "Yours sincerely", "## ", "[insert]", "•",
          "Factors in favour of disclosure", "Your rights", "2019", "£1.2m", " ", "x",
          # a request set out under a lead-in to the requester, and answered once
          "You asked for the following information:", "Check #17 dated 2014\\\n", "\"",
          "Finally, with regard to the portion of your request seeking ", "The checks are:",
          "ROOM 1100 CHICAGO ILLINOIS"]

markdownish = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(markdownish)
def test_segmenter_never_raises_and_is_deterministic(text: str) -> None:
    doc = parse(text, "fuzz.md")
    first = segment(doc)
    assert segment(doc) == first
    for pair in first.pairs:
        assert pair.request_item is None or 1 <= pair.request_item <= len(first.request)


span = st.builds(Span, st.text(max_size=40), st.booleans(), st.booleans())
spans = st.lists(span, max_size=4).map(tuple)
blocks = st.one_of(
    st.builds(Block, st.sampled_from(["paragraph", "heading", "list_item", "quote"]), spans,
              level=st.integers(0, 6), marker=st.sampled_from(["", "1.", "a)", "•", "(ii)"])),
    st.builds(lambda rows: Block("table", rows=rows),
              st.lists(st.lists(st.builds(Cell, spans), max_size=3).map(tuple), max_size=4)
              .map(tuple)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(blocks, max_size=25))
def test_segmenter_takes_any_document_model(items: list[Block]) -> None:
    segment(Document(tuple(items), "text", "fuzz.txt"))


def _labelled_in_full(text: str) -> bool:
    """units._may_be_labelled without its quick first scan: what the scan must never turn away."""
    from foiextract.segment import units

    if not text:
        return False
    if text[0].isdigit() or text[0] == "(":
        return True
    word = text[:14].split(maxsplit=1)[0].lower() if text.strip() else ""
    if word.rstrip(":.)–—-0123456789") in units._LABEL_WORDS or (word[:1] == "q" and (
            word[1:2].isdigit() or word[1:2] in (":", "–", "—", "-"))):
        return True
    return bool(units._SHORT_ENUMERATOR.match(text))


_LABEL_PIECES = st.sampled_from(["question", "Questions", "Q", "q", "request", "ITEM", "part", "answer",
                                 "Response", "reply", "our", "a", "A", "iv", "x", "b", "ſ", "K", "İ",
                                 "ı", "²", "1", ":", ".", ")", "–", "-", " ", "\u00a0", "\t", "n",
                                 "s", "Quest"])


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.lists(_LABEL_PIECES, max_size=6).map("".join), st.text(max_size=16)))
def test_the_quick_label_scan_turns_away_nothing_the_full_reading_accepts(text: str) -> None:
    from foiextract.segment.units import _may_be_labelled

    assert _may_be_labelled(text) == _labelled_in_full(text)


item_line = st.text(st.sampled_from("Ab1 #$,;:.\"'"), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(item_line, min_size=1, max_size=8), st.sampled_from(["\\\n", "\n\n", "\n- "]),
       st.text(st.sampled_from("We hold no.Ab1 "), max_size=80))
@example(lines=["# 1 ", "1 1"], joiner="\\\n", answer="11")  # a heading ending in a hard break
def test_a_listed_request_gives_pairs_only_of_its_lines(lines: list[str], joiner: str,
                                                        answer: str) -> None:
    letter = ("Dear Jo,\n\nIn your request you indicate that you are seeking the following:\n\n"
              + ("- " if joiner == "\n- " else "") + joiner.join(lines)
              + f"\n\n{answer}\n\nYours sincerely\n\nAl\n")
    seg = segment(parse(letter, "listed.md"))
    assert segment(parse(letter, "listed.md")) == seg
    # A line's text as the reader gives it: its runs of spaces one space, and as printed with
    # the joiner's hard break ("1 \\") and without a heading's marks ("# 1").
    printed = (joiner.join(lines)).split("\n") + [answer]
    written = [" ".join(line.split()) for line in lines + [answer]] + [
        " ".join(line.lstrip("#").split()) for line in printed]
    for pair in seg.pairs:
        if pair.rule == "request_listed":
            assert any(pair.question.strip(" ,;\"'") in line or line in pair.question
                       for line in written), pair.question
