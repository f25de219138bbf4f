"""The plain-text reader: paragraphs, enumerated items, quotes and furniture from bare lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from foiextract.errors import BadEncoding, EmptyFile, UnsupportedFormat
from foiextract.model import Block, Span
from foiextract.readers import read_document, text

from .conftest import CORPORA, folded as _norm, gold_for, unmatched_gold

KENT = CORPORA / "singles" / "kent_11045221.txt"
THREADS = sorted((CORPORA / "real").glob("SheffieldCC_wdtk_*.txt"))





def test_kent_gold_questions_and_answers_are_in_order() -> None:
    assert unmatched_gold(text.read(str(KENT)), gold_for(KENT)) == []


def test_kent_numbered_questions_and_numbered_answers_are_two_runs_of_list_items() -> None:
    doc = text.read(str(KENT))
    gold = gold_for(KENT)
    items = [b for b in doc.blocks if b.kind == "list_item"]
    markers = [b.marker for b in items]
    assert markers == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "1.", "2.", "3.", "5.", "6.", "7."]
    # A question wrapped onto an indented line is one item, re-joined with a space.
    assert [_norm(b.text) for b in items[:7]] == [_norm(q) for q in gold["request"]]
    assert items[-1].text == gold["pairs"][-1]["answer"]  # "7. Q1 2021: …" keeps "Q1" in the text
    assert items[0].source.line_start == 17 and items[0].source.line_end == 18


def test_all_caps_lines_are_headings_and_letterhead_lines_stay_apart() -> None:
    blocks = text.read(str(KENT)).blocks
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings == ["KENT COUNTY COUNCIL", "FREEDOM OF INFORMATION ACT 2000 - REQUEST FOR "
                        "INFORMATION: HOME TO SCHOOL TRANSPORT"]
    texts = [b.text for b in blocks]
    # lines that are not wrapped are not run together, blank line between them or not
    assert texts[texts.index("Date: 29 September 2021") + 1] == "Our Ref: 11045221"


def test_quoted_paragraphs_are_one_quote_block_each() -> None:
    body = ("Dear Sir,\n\n> How many were issued in\n> 2020?\n>\n> How many in 2021?\n\n"
            "Both: 12.\n\n>> An older quote\n")
    blocks = text.layout(body).blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("paragraph", 0, "Dear Sir,"), ("quote", 1, "How many were issued in 2020?"),
        ("quote", 1, "How many in 2021?"), ("paragraph", 0, "Both: 12."),
        ("quote", 2, "An older quote")]


@pytest.mark.parametrize("item, value, apart", [
    # a numbered item worded as a statement, then its answer alone on the next line
    ("1) Number of fixed penalty notices for littering issued in 2023", "1,245", True),
    ("2. Income received from the notices issued for littering in 2023", "£98,400", True),
    ("3. Copies of the contract with the contractor for enforcement", "Not held.", True),
    # a sentence that goes on to its figure, or a date to its year, is wrapped
    ("1. The total cost of the Whole Plan Viability Appraisal (WPVA) was", "£29,500.", False),
    ("1. The number of notices issued in the financial year to March", "2023", False),
    ("1. The number of notices issued by the council's officers and", "1,245", False),
])
def test_a_value_alone_under_a_numbered_item_is_its_answer_not_its_wrap(
        item: str, value: str, apart: bool) -> None:
    # As wide as the items: the value would overflow the line, as a wrapped word would.
    filler = "Our answers follow, item by item, in the order you numbered them."
    blocks = [b.text for b in text.layout(f"{filler}\n{item}\n{value}\n").blocks]
    item_text = item.split(" ", 1)[1]
    assert blocks[1:] == ([item_text, value] if apart else [f"{item_text} {value}"])


def test_a_label_after_a_full_sentence_opens_a_new_line_even_where_it_would_wrap() -> None:
    filler = "The information you have requested is exempt under section 40(2) of the Act."
    body = f"{filler}\nQuestion 2:\nDo you have a preferred supplier?\nAnswer: We have a team.\n"
    assert [b.text for b in text.layout(body).blocks] == [
        filler, "Question 2:", "Do you have a preferred supplier?", "Answer: We have a team."]
    # A label set off by a dash opens its line too ("Answer – …", "Question 3 - …").
    asked = "Question 3 – Please provide a copy of your enforcement policy for parking."
    body = f"{asked}\nAnswer – It is published on our website.\n"
    assert [b.text for b in text.layout(body).blocks] == [
        asked, "Answer – It is published on our website."]
    # A sentence wrapped before the word "question" still carries on.
    wrapped = ("We have considered the information requested in your first and your second\n"
               "question: it is held.\n")
    assert [b.text for b in text.layout(wrapped).blocks] == [
        "We have considered the information requested in your first and your second "
        "question: it is held."]


def test_a_short_line_left_open_carries_on_but_not_into_an_item() -> None:
    body = ("We do not hold the information you asked for.\n\n"
            "Knowledge and Information Access Team\nMinistry of Housing, Communities and\n"
            "Local Government\n\nThe figures cover staff and\n1. agency workers\n")
    assert [b.text for b in text.layout(body, width=76).blocks] == [
        "We do not hold the information you asked for.", "Knowledge and Information Access Team",
        "Ministry of Housing, Communities and Local Government", "The figures cover staff and",
        "agency workers"]


@pytest.mark.parametrize("line,marker,rest", [
    ("1. How many?", "1.", "How many?"), ("12) How many?", "12)", "How many?"),
    ("Q3 How many?", "Q3", "How many?"), ("Q3: How many?", "Q3:", "How many?"),
    ("(a) How many?", "(a)", "How many?"), ("(iv) How many?", "(iv)", "How many?"),
    ("b) How many?", "b)", "How many?"), ("5)Do you use it?", "5)", "Do you use it?"),
    ("• Pubwatch", "•", "Pubwatch"), ("- Pubwatch", "•", "Pubwatch"),
    ("-The number of stores", "•", "The number of stores"), ("–Total seized", "•", "Total seized"),
    ("1/ How many?", "1/", "How many?"), ("6/What was the number?", "6/", "What was the number?"),
    ("1.A Can the council confirm?", "1.A", "Can the council confirm?"),
    ("2.b) Please produce all records.", "2.b)", "Please produce all records."),
])
def test_enumerators_become_list_item_markers(line: str, marker: str, rest: str) -> None:
    [block] = text.layout(line).blocks
    assert (block.kind, block.marker, block.text) == ("list_item", marker, rest)


@pytest.mark.parametrize("line", ["2021. You asked:", "1.5 million were spent.",
                                  "24/7 cover is provided.", "1/2/2024 is the date.",
                                  "Q1 2021 figures follow.", "e.g. the register", "I am here.",
                                  "18m and above ground level.", "5k staff were trained.",
                                  "*Figures are rounded.", "-5 degrees was the low.",
                                  "-EHE was the label used."])
def test_numbers_and_words_that_are_not_enumerators_stay_paragraphs(line: str) -> None:
    [block] = text.layout(line).blocks
    assert block.kind == "paragraph" and block.text == line


def test_signature_and_disclaimer_go_to_furniture() -> None:
    body = ("Two reviews were started.\n\n"
            "This email and any attachments are confidential and intended solely for the\n"
            "addressee.\n\n-- \nJo Bloggs\nFOI Officer\n")
    lay = text.layout(body)
    assert [b.text for b in lay.blocks] == ["Two reviews were started."]
    furniture = " ".join(b.text for b in lay.furniture)
    assert "Jo Bloggs" in furniture and "confidential" in furniture


@pytest.mark.parametrize("thread", THREADS, ids=lambda p: p.name)
def test_request_platform_threads_become_messages(thread: Path) -> None:
    doc = text.read(str(thread))
    source = thread.read_text("utf-8")
    heads = re.findall(r"^===== (OUTGOING|INCOMING) (\d{4}-\d\d-\d\d)", source, re.MULTILINE)
    assert [(m.metadata["direction"], m.metadata["date"]) for m in doc.messages] == [
        (d.lower(), day) for d, day in heads]
    assert doc.metadata["title"] and not doc.metadata["title"].startswith("#")
    for message in doc.messages:
        assert message.blocks
        body = " ".join(b.text for b in message.blocks)
        assert "Please use this email address for all replies" not in body
        assert "This Email, and any attachments, may contain" not in body
        assert "Visible links" not in body and "=====" not in body
    lines = source.split("\n")
    for block in (b for m in doc.messages for b in m.blocks):
        first_words = block.text.split("\n")[0].split(" ")[0]
        assert first_words in lines[block.source.line_start - 1], block.source


def test_thread_reply_that_quotes_the_request_puts_it_in_quote_blocks() -> None:
    thread = CORPORA / "real" / "SheffieldCC_wdtk_spiking_yorkshire_and_the_humber_15.txt"
    acknowledgement = text.read(str(thread)).messages[1]
    kinds = [b.kind for b in acknowledgement.blocks]
    assert kinds[0] == "paragraph" and kinds[-1] == "quote"
    assert any(b.text.startswith("From: Will Hecker") for b in acknowledgement.furniture)


def test_windows_1252_text_falls_back_and_says_so(tmp_path: Path) -> None:
    letter = tmp_path / "cp1252.txt"
    letter.write_bytes("The council\u2019s spend was \u00a364.2m \u2013 see below.\n".encode("cp1252"))
    doc = read_document(letter)
    assert doc.text == "The council\u2019s spend was \u00a364.2m \u2013 see below."
    assert doc.metadata["encoding"] == "windows-1252"


def test_bytes_undefined_in_windows_1252_are_bad_encoding(tmp_path: Path) -> None:
    letter = tmp_path / "junk.txt"
    letter.write_bytes(b"Some text \x81\x8d\x90 and more\n")
    with pytest.raises(BadEncoding) as err:
        text.read(str(letter))
    assert err.value.kind == "bad_encoding" and "Some text" not in str(err.value)


def test_nul_bytes_are_rejected_before_any_reader(tmp_path: Path) -> None:
    letter = tmp_path / "nul.txt"
    letter.write_bytes(b"Question one\x00\x00answer\n")
    with pytest.raises(UnsupportedFormat) as err:
        read_document(letter)
    assert err.value.path == str(letter) and "Question" not in str(err.value)


def test_blank_text_is_empty(tmp_path: Path) -> None:
    letter = tmp_path / "blank.txt"
    letter.write_text("\n   \n\t\n")
    with pytest.raises(EmptyFile):
        text.read(str(letter))


def test_a_table_drawn_with_box_characters_is_a_table() -> None:
    # An HTML e-mail's table saved as text: rules of box characters, a title row over it, a
    # label spanning two rows left blank on the second, a second table drawn under the first.
    drawn = ("Please find our response below:\n"
            "┌──────────────────────────────┐\n│Annual Levy In and Spent      │\n"
            "├──────────────┬───────┬───────┤\n│Year          │Activity│Amount │\n"
            "├──────────────┼───────┼───────┤\n│2017 - 2018   │Paid In │£1,014 │\n"
            "│              ├───────┼───────┤\n│              │Spent   │£82    │\n"
            "├──────────────┴───────┴───────┤\n├──────────┬──────────┬────────┤\n"
            "│Month     │Paid In   │Spent   │\n├──────────┼──────────┼────────┤\n"
            "│April 24  │£148      │£93     │\n└──────────┴──────────┴────────┘\n"
            "Kind regards\n")
    blocks = text.layout(drawn).blocks
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "table", "table", "paragraph"]
    assert blocks[1].text == "Annual Levy In and Spent"
    assert [[c.text for c in row] for row in blocks[2].rows] == [
        ["Year", "Activity", "Amount"], ["2017 - 2018", "Paid In", "£1,014"],
        ["2017 - 2018", "Spent", "£82"]]
    assert blocks[2].header_rows == 1
    assert [[c.text for c in row] for row in blocks[3].rows] == [
        ["Month", "Paid In", "Spent"], ["April 24", "£148", "£93"]]


@pytest.mark.parametrize("rows, table", [
    # A month or a total before each year's figure, the year not yet over short of its last.
    (["Jan 4057 4401 5515", "Feb 3648 4349 4764", "Nov 4525 5822", "Total 8107 8750 10279"],
     [["2021", "2022", "2023"], ["Jan", "4057", "4401", "5515"], ["Feb", "3648", "4349", "4764"],
      ["Nov", "4525", "5822"], ["Total", "8107", "8750", "10279"]]),
    # No labels: each row a figure for every year (longer than a dozen lines, all one table).
    ([" ".join(str(10 * r + c) for c in range(3)) for r in range(1, 15)],
     [["2021", "2022", "2023"]] + [[str(10 * r + c) for c in range(3)] for r in range(1, 15)]),
])
def test_a_table_of_figures_set_with_single_spaces_under_years_is_a_table(
        rows: list[str], table: list[list[str]]) -> None:
    blocks = text.layout("Please see the table below:\n2021 2022 2023\n" + "\n".join(rows)
                         + "\nIf you have any queries please contact us.\n").blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    assert [[c.text for c in row] for row in blocks[1].rows] == table


@pytest.mark.parametrize("line", ["Jan 4057 4401 people", "In 2022 there were 4057",
                                  "3 of 4057 4401", "Jan 4057 4401 5515 2000 1"])
def test_a_line_of_words_and_figures_that_is_not_a_grid_row_ends_the_table(line: str) -> None:
    blocks = text.layout("2021 2022 2023\nFeb 3648 4349 4764\n" + line + "\n").blocks
    assert [[c.text for c in row] for row in blocks[0].rows][-1] == ["Feb", "3648", "4349", "4764"]


def test_a_lead_in_ending_in_a_colon_is_not_carried_on_by_its_first_item() -> None:
    # A long lead-in line reaches the wrap width, but the capital after its colon begins the
    # first item, not a wrapped line.
    lines = ("Under the Freedom of Information Act, I would like to request the following "
             "information for the period 1st January 2024 to 31st December 2024:\n"
             "How many illegal disposable vapes, e-cigarettes, or e-liquids were seized?\n"
             "How many cases were identified where a business was found to be stocking them?\n")
    lines += "".join(f"Line {n} of a letter wrapped at its width, which goes on and on here.\n"
                     for n in range(6))
    texts = [line for b in text.layout(lines).blocks for line in b.text.split("\n")]
    assert texts[0].endswith("31st December 2024:")
    assert texts[1].startswith("How many illegal disposable vapes")


@pytest.mark.parametrize("dash", [" --", " -", " –", " —"])
def test_a_line_ending_on_a_spaced_dash_leads_into_a_dashed_list(dash: str) -> None:
    # "…under the Act (2010) --" stands for a colon: the dashed line under it is the list's
    # first item, however long the lines of an unwrapped message.
    lines = ("I would like to request the following information.\n"
             f"For the area for which you are the Lead Local Flood Authority under the Act (2010){dash}\n"
             "- Total number of people living at risk of flooding (any level of risk)\n"
             "- Total number living in EA-designated flood zone 3\n")
    blocks = text.layout(lines).blocks
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "list_item", "list_item"]
    assert blocks[2].text.startswith("Total number of people living at risk")


def test_dashes_set_against_their_words_are_bullets_unless_spaced_dashes_make_the_list() -> None:
    # "-The number …" lines are a list of their own; under "- A breakdown …, including:" they
    # are its parts, not more items of the list the spaced dashes make.
    alone = "I would like:\n-The number of stores closed.\n-The number of vapes seized.\n"
    assert [b.kind for b in text.layout(alone).blocks] == ["paragraph", "list_item", "list_item"]
    under = ("I would like:\n- The total number of grants.\n- A breakdown by type, including:\n"
             "-The name of the scheme.\n-The number awarded.\n")
    blocks = text.layout(under).blocks
    assert [b.kind for b in blocks][:3] == ["paragraph", "list_item", "list_item"]
    assert all(b.kind != "list_item" for b in blocks[3:])
    assert "The name of the scheme." in " ".join(b.text for b in blocks[2:])


def test_a_sentence_carried_on_in_lower_case_is_one_line_short_items_are_not() -> None:
    # The wrap width is the letter's; "didn't witness?" would have fitted on the line above,
    # but a long line with no stop, then lower case, is a sentence carried on.
    lines = ("11. How many 17-year-olds were placed on child protection plans in the\n"
             "last 12 months due to a domestic violence incident which the child\n"
             "didn't witness?\n\n")
    lines += "".join(f"Line {n} of a letter wrapped at its width, which goes on and on and on here.\n"
                     for n in range(6))
    lines += "\nWe use:\napples\npears\n"
    blocks = text.layout(lines).blocks
    assert blocks[0].text.endswith("which the child didn't witness?")
    assert [b.text for b in blocks][-3:] == ["We use:", "apples", "pears"]


@pytest.mark.parametrize("end, carried", [
    (" i.", "i."), (" (ii)", "(ii)"), (" b)", "b)"),
    # A figure ending a sentence stays where it is: never an enumerator carried on.
    (" 3.", None),
])
def test_an_enumerator_the_wrap_left_at_a_line_end_opens_the_next_line(
        end: str, carried: str | None) -> None:
    lines = (f"6. Please give details on how these devices were procured (e.g., by Framework){end}\n"
             "Procurement method? Tender / Framework\n")
    lines += "".join(f"Line {n} of a letter wrapped at its width, which goes on and on here.\n"
                     for n in range(6))
    blocks = text.layout(lines).blocks
    procured = next(b for b in blocks if "Procurement method?" in b.text)
    if carried is None:
        assert "(e.g., by Framework) 3." in " ".join(b.text for b in blocks)
    else:
        assert procured.marker == carried and procured.text.startswith("Procurement method?")
        assert not any(b.text.endswith(end.strip()) for b in blocks)


@pytest.mark.parametrize("glyphs, levels", [
    (("•", "o", "•", "o", "o"), [1, 2, 1, 2, 2]),
    (("•", "◦", "▪", "•"), [1, 2, 3, 1]),
    (("o", "o", "o"), [1, 1, 1]),           # one glyph alone: one level
    (("-", "-", "-"), [1, 1, 1]),
])
def test_word_outline_glyphs_pasted_flat_keep_their_levels(glyphs: tuple[str, ...],
                                                           levels: list[int]) -> None:
    # Word's outline ("•", then "o", then "▪") pasted into an e-mail loses its indents; the
    # glyph alone still says an "o" item is nested under the "•" item above it.
    lines = "".join(f"{g}\u00a0\u00a0\u00a0 Item number {n} of the list\n" for n, g in enumerate(glyphs))
    items = [b for b in text.layout("Dear Sir,\n\n" + lines).blocks if b.kind == "list_item"]
    assert [b.level for b in items] == levels


@pytest.mark.parametrize("opener, apart", [("If yes, in which parts of it", True),
                                           ("If so, please give each name", True),
                                           ("If you have any queries about this", False)])
def test_a_requests_follow_up_after_a_full_stop_opens_a_new_line(opener: str, apart: bool) -> None:
    # A line ending a sentence, then "If yes, …" where the wrap would have carried it on: the
    # request's next question, not more of the answer above it.
    lines = ("Does the Authority use Live Video Streaming via Cellular in any part of\n"
             "its operations?\n"
             "The Local Area Committee meetings use Live Video Streaming via Cellular.\n"
             f"{opener} used?\n")
    lines += "".join(f"Line {n} of a letter wrapped at its width, which goes on and on here.\n"
                     for n in range(6))
    texts = [line for b in text.layout(lines).blocks for line in b.text.split("\n")]
    assert (f"{opener} used?" in texts) is apart


@pytest.mark.parametrize("end, joined", [(" and", True), (" of the", True), (" ok", False)])
def test_a_line_ending_on_a_word_no_sentence_ends_on_carries_on(end: str, joined: bool) -> None:
    # "2023-24:" would not have fitted on the line above, but that line ends on "and".
    lines = ("1. Please provide the rates charged by the authority for the following\n"
             f"services, in the years 2020-21, 2021-22, 2022-23{end}\n"
             "2023-24:\n")
    lines += "".join(f"Line {n} of a letter wrapped at its width, which goes on and on here.\n"
                     for n in range(6))
    first = text.layout(lines).blocks[0].text
    assert first.endswith("2023-24:") is joined


@pytest.mark.parametrize("sender, recipient", [
    # Outlook's "From: Name" with the address on the line under it.
    ("Nicholaus Hall\n[mailto:foi.request@example.org]", "FOI"),
    ("Nicholaus Hall\n<foi.request@example.org>", "FOI"),
    # "To: '…'" with the address wrapped under it, one a request platform has redacted.
    ("FOI", "'Mr Hall'\n<foi.request@example.org>"),
    ("FOI", "'Mr Hall'\n<[FOI #1131679 email]>"),
])
def test_a_quoted_original_whose_address_wraps_is_still_quoted(sender: str, recipient: str) -> None:
    # The header of the quoted original (From, Sent, To, Subject): its lines, the Subject with
    # the authority's reference among them, are furniture, and what follows is the request.
    body = ("Dear Mr Hall,\n\nPlease find our response below.\n\n811\n\n"
            f"From: {sender}\nSent: 11 April 2018 01:16\nTo: {recipient}\n"
            "Subject: Re – Request – Reference – FOI / 1143599\n\n"
            "Please provide the number of trees.\n")
    lay = text.layout(body)
    assert [b.text for b in lay.blocks if b.kind != "quote"] == [
        "Dear Mr Hall,", "Please find our response below.", "811"]
    assert [b.text for b in lay.blocks if b.kind == "quote"] == ["Please provide the number of trees."]
    assert any("Reference – FOI / 1143599" in f.text for f in lay.furniture)


def test_a_figure_for_a_period_under_a_finished_line_starts_a_line_of_its_own() -> None:
    body = ("If time allows, please could you also provide the total number of school\n"
            "pupils registered (this time the total number rather than just the new ones).\n"
            "2018-19 - 727\n2019-20 - 686\n")
    assert [b.text for b in text.layout(body).blocks][-2:] == ["2018-19 - 727", "2019-20 - 686"]


def _blocks(*texts: str) -> list[Block]:
    return [Block("paragraph", (Span(t),)) for t in texts]


@pytest.mark.parametrize("texts,quoted_from,header", [
    # a reply, then the original it quotes under its header (one block, or a block a field)
    (("Dear Ms Smith,", "We hold none.", "-----Original Message-----\nFrom: A Person\n"
      "[mailto:a@example.org]\nSent: 03 July 2018 11:08\nTo: FOI\nSubject: Data analytics",
      "Specifically, we are requesting:", "Any contracts."), 3, 1),
    (("We hold none.", "From: A Person", "Sent: 03 July 2018", "To: FOI", "Subject: Data",
      "How many?"), 5, 4),
    # "… you wrote:" opens the request a letter restates, and the letter goes on after it
    (("Thank you for your request. You wrote:", "How many?", "We hold none."), None, 0),
    # a header running on into the block's own text is not set apart
    (("From: A Person\nSent: today\nTo: FOI\nSubject: Data\nHow many?", "Two."), None, 0),
])
def test_the_original_a_reply_quotes_below_it_is_a_quote(
        texts: tuple[str, ...], quoted_from: int | None, header: int) -> None:
    blocks, furniture = text.quoted_original(_blocks(*texts))
    assert len(furniture) == header
    kinds = [b.kind for b in blocks]
    if quoted_from is None:
        assert kinds == ["paragraph"] * len(texts)
    else:
        assert kinds == ["paragraph"] * (quoted_from - header) + ["quote"] * (len(texts) - quoted_from)
        assert blocks[quoted_from - header].text == texts[quoted_from]


def test_text_never_wrapped_keeps_a_paragraph_a_line() -> None:
    # A reply sent unwrapped (a web form's text): each line its own paragraph, however long.
    answer = ("You have asked us what information we hold about the guidance, and we asked "
              "three directors. " * 4).strip()
    body = (f"Dear Mr Ormerod,\nThank you for your request.\n{answer}\n"
            "If we have not understood your request, please contact us again.\n"
            "The information provided in this response is available for re-use under the terms "
            "of the Open Government Licence v3.0, which can be found on our website here.\n")
    assert [b.text for b in text.layout(body).blocks][2:4] == [
        answer, "If we have not understood your request, please contact us again."]


def test_text_never_wrapped_carries_a_sentence_on_over_a_figure() -> None:
    # A paragraph of an unwrapped reply broken before a figure, the sentence going on after it.
    opening = ("Thank you for your request for information concerning all guidance given to "
               "building control bodies on the use of aluminium composite panels on buildings "
               "with a storey")
    body = (f"Dear Ms Smith\n{opening}\n18m and above ground level prior to 22 June 2017.\n"
            "Unfortunately I am unable to provide this information.\n")
    assert [b.text for b in text.layout(body).blocks][1:] == [
        f"{opening} 18m and above ground level prior to 22 June 2017.",
        "Unfortunately I am unable to provide this information."]


@pytest.mark.parametrize("suffix, fmt", [(".md", "markdown"), (".markdown", "markdown"),
                                         (".txt", "text")])
def test_a_file_named_markdown_is_read_as_markdown_though_only_stars_show_it(
        tmp_path: Path, suffix: str, fmt: str) -> None:
    # "*How many …?*" is Markdown's emphasis in a file named .md; in a .txt, stars as typed.
    path = tmp_path / f"reply{suffix}"
    path.write_text("Our response is below.\n\n*How many staff work in the team?*  \n12\n",
                    encoding="utf-8")
    document = read_document(path)
    assert document.format == fmt
    asked = next(b for b in document.blocks if "How many" in b.text)
    assert (asked.text.startswith("*"), any(s.italic for s in asked.spans)) == (
        (False, True) if fmt == "markdown" else (True, False))
