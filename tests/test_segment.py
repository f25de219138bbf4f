"""The segmenter on every Markdown document with gold, and on the traps the reference shows."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import foiextract
from foiextract.correspondence import focus
from foiextract.pipeline import extract_file
from foiextract.readers import read_document
from foiextract.readers.markdown import parse
from foiextract.model import Block, Pair, Span
from foiextract.segment import segment
from foiextract.segment.units import units_of
from foiextract.lexicon.text import similarity

from .conftest import BARNET, CORPORA, documents_with_gold, gold_for, ids

# Held to their gold pair by pair: the constructed letters. Real letters are held to the
# floors of tests/test_eval_corpus.py: a new real letter with gold is a measure, not a test
# to pass by a rule made for it.
MARKDOWN = documents_with_gold(".md", splits=("constructed",))


def _thread(folder: Path, request: str, reply: str) -> Path:
    """A request platform's thread of two messages, the requester's and the council's reply."""
    path = folder / "thread.txt"
    path.write_text("===== OUTGOING 2024-12-12T10:00:00+00:00 message_id=1\nDear Council,\n"
                    f"{request}Yours faithfully,\nA Person\n\n"
                    "===== INCOMING 2025-01-15T10:00:00+00:00 message_id=2\nDear A Person,\n"
                    f"{reply}Kind Regards,\nThe Council\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("path", MARKDOWN, ids=ids(MARKDOWN))
def test_markdown_pairs_match_gold(path: Path) -> None:
    gold = gold_for(path)
    seg = segment(read_document(path))
    got = [(p.question, p.answer, p.shared, p.request_item) for p in seg.pairs]
    want = [(g["question"], g["answer"], g["shared"], g["request_item"]) for g in gold["pairs"]]
    assert len(got) == len(want)
    for (q, a, shared, item), (gq, ga, gshared, gitem) in zip(got, want):
        assert _same_text(q, gq)
        assert _same_text(a, ga), q
        assert (shared, item) == (gshared, gitem), q
    assert [_norm(r) for r in seg.request] == [_norm(r) for r in gold["request"]]
    assert list(seg.unanswered) == gold["unanswered_request_items"]


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _same_text(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def test_request_restated_at_top_is_not_answered_by_the_next_paragraph() -> None:
    seg = segment(read_document(BARNET))
    assert len(seg.request) == 23
    assert all("processed this request" not in p.answer for p in seg.pairs)


def test_question_split_over_two_paragraphs() -> None:
    seg = segment(read_document(BARNET))
    first = seg.pairs[0].question
    assert first.startswith("Since January 1, 2019 how many Serious Case Reviews")
    assert first.endswith("safeguarding board for your borough?")
    assert "Child Safeguarding Practice Reviews" in first


def test_questions_standing_together_share_the_answer_beneath() -> None:
    doc = parse("**How many?**\n\n**Please list them.**\n\nNone\n\n**When?**\n\nMay 2019\n", "x.md")
    pairs = segment(doc).pairs
    assert [(p.answer, p.shared) for p in pairs] == [("None", True), ("None", True),
                                                     ("May 2019", False)]


def test_emphasised_statement_is_not_a_question() -> None:
    doc = parse("**However, we consider that the following exemptions apply.**\n\n"
                "**How many?**\n\nTwo\n", "x.md")
    assert [p.question for p in segment(doc).pairs] == ["How many?"]


def test_drafting_guidance_raises_template_text_and_is_never_an_answer() -> None:
    doc = parse("**How many?**\n\nTwo\n\n*[You will now need to apply this exemption.]*\n", "x.md")
    seg = segment(doc)
    assert seg.pairs[0].answer == "Two"
    assert "template_text" in seg.flags


@pytest.mark.parametrize("note, template", [
    ("*[Officer guidance: delete this note before sending.]*", True),
    ("*[Date of decision]*", True),
    # What was left out, or what came with the letter: no instruction to its drafter.
    ("*[…]*", False),
    ("*[6 accompanying attachments]*", False),
    ("*[Address redacted]*", False),
])
def test_a_bracketed_note_is_template_text_only_where_it_instructs_or_leaves_a_slot(
        note: str, template: bool) -> None:
    doc = parse(f"**How many?**\n\nTwo\n\n{note}\n", "x.md")
    assert ("template_text" in segment(doc).flags) is template


def test_a_template_left_in_the_request_a_thread_quotes_is_the_requesters_not_the_letters(
        tmp_path: Path) -> None:
    thread = tmp_path / "thread.txt"
    thread.write_text(
        "# Number plates (WDTK id 1, url_title plates, status Successful)\n\n"
        "===== OUTGOING 2023-06-01T10:00:00+01:00 message_id=1\n"
        "I am writing to make a formal request under the Freedom of Information Act [insert "
        "applicable legislation, if known] to obtain information.\n"
        "1. How much did the council spend on private number plates?\n\n"
        "===== INCOMING 2023-06-20T10:00:00+01:00 message_id=2\n"
        "Dear Requester,\nThe council does not own any private number plates.\n"
        "Yours sincerely,\nSheffield City Council\n", "utf-8")
    documents = extract_file(str(thread))[0].rows()["documents"]
    assert "template_text" not in str(documents[0]["flags"])


def test_empty_public_interest_headings_raise_a_flag() -> None:
    doc = parse("**How many?**\n\nTwo\n\n## Factors in favour of disclosure\n\n"
                "## Factors in favour of withholding\n\nIn all the circumstances…\n", "x.md")
    assert "empty_public_interest_test" in segment(doc).flags
    filled = parse("## Factors in favour of disclosure\n\nTransparency.\n\n"
                   "## Factors in favour of withholding\n\nPrejudice.\n", "x.md")
    assert "empty_public_interest_test" not in segment(filled).flags


def test_rights_section_yields_no_pairs() -> None:
    doc = parse("**How many?**\n\nTwo\n\n## Your rights\n\n**Do you want a review?**\n\n"
                "Write to us.\n", "x.md")
    assert [p.question for p in segment(doc).pairs] == ["How many?"]


def test_unanswered_request_item_is_reported() -> None:
    seg = segment(read_document(BARNET))
    assert seg.unanswered == (3,)
    assert "unanswered_items" in seg.flags


def test_answers_by_number_in_a_separate_block() -> None:
    text = ("You asked:\n\n1. How many pupils?\n2. What did it cost?\n3. How many taxis?\n\n"
            "Our answers:\n\n1. 31,460 pupils.\n3. 1,128\n")
    seg = segment(parse(text, "x.md"))
    assert [(p.request_item, p.answer) for p in seg.pairs] == [(1, "31,460 pupils."), (3, "1,128")]
    assert seg.unanswered == (2,)


def test_segmenter_never_raises_on_odd_documents() -> None:
    for text in ["", "**", "***?***", "> ?\n>\n> ?", "| a |\n|---|\n| ? |", "1.\n2.\n3."]:
        segment(parse(text, "x.md"))


def test_a_rule_can_be_switched_off_by_name_and_pairs_name_their_rule() -> None:
    doc = parse("**How many?**\n\nTwo\n", "x.md")
    assert [p.rule for p in segment(doc).pairs] == ["question_emphasis"]
    assert segment(doc, disabled={"question_emphasis"}).pairs == ()


def test_answers_labelled_after_numbered_questions() -> None:
    text = ("1. How many potholes?\n\nAnswer: 1,204\n\n2. In 2020/21:\n\n(i) how many claims?\n\n"
            "Answer: 388\n\n(ii) how many paid?\n\nAnswer: 12\n")
    seg = segment(parse(text, "x.md"))
    assert [(p.question, p.answer, p.request_item) for p in seg.pairs] == [
        ("How many potholes?", "1,204", 1), ("how many claims?", "388", 2),
        ("how many paid?", "12", 2)]
    assert seg.request[1] == "In 2020/21: how many claims? how many paid?"


def test_question_and_answer_table() -> None:
    text = ("| Question | Answer |\n| --- | --- |\n| How many reviews? | 3 |\n"
            "| When did they start? |  |\n")
    pairs = segment(parse(text, "x.md")).pairs
    assert [(p.question, p.answer, p.rule) for p in pairs] == [
        ("How many reviews?", "3", "qa_table"), ("When did they start?", "", "qa_table")]


def test_request_quoted_then_restated_with_answers_inline() -> None:
    text = ("> 1. Do you hold a policy?\n>\n> 2. How many staff?\n\n"
            "1. Do you hold a policy? No – not held.\n\n2. How many staff? 14\n")
    seg = segment(parse(text, "x.md"))
    assert [(p.question, p.answer, p.request_item) for p in seg.pairs] == [
        ("Do you hold a policy?", "No – not held.", 1), ("How many staff?", "14", 2)]


def test_pairs_know_their_section_even_when_its_heading_is_a_label() -> None:
    seg = segment(read_document(BARNET))
    assert {p.section for p in seg.pairs} == {"Response"}


def test_an_indented_letter_keeps_its_emphasis_and_escapes_read_as_text() -> None:
    # Letters converted from Word are often indented; they are not code blocks.
    doc = parse("    **How many staff are paid \\*more\\* than &pound;100,000?**\n\n"
                "    Fewer than 5 (\\*).\n", "x.md")
    assert [(b.kind, b.text, b.all_bold) for b in doc.blocks] == [
        ("paragraph", "How many staff are paid *more* than £100,000?", True),
        ("paragraph", "Fewer than 5 (*).", False)]
    [pair] = segment(doc).pairs
    assert (pair.question, pair.answer) == ("How many staff are paid *more* than £100,000?",
                                            "Fewer than 5 (*).")


def test_answers_numbered_with_a_dash_answer_their_questions() -> None:
    # LB Bexley's letters number the replies "1 – …", "2 - …" under the numbered request.
    doc = parse("Thank you for your request concerning:\n\n"
                "1. Could you answer if the library service completes annual CIPFA stats?\n\n"
                "2. If yes, please could you send your 2017 return?\n\n"
                "This request is being handled under the Freedom of Information Act 2000.\n\n"
                "1 – I can confirm that the library service completes annual CIPFA stats\n\n"
                "2 - We consider that the exemption in section 21 applies.\n", "x.md")
    assert [(p.request_item, p.answer) for p in segment(doc).pairs] == [
        (1, "I can confirm that the library service completes annual CIPFA stats"),
        (2, "We consider that the exemption in section 21 applies.")]


def test_a_figure_then_a_dash_is_not_an_enumerator() -> None:
    doc = parse("**How many strategy discussions were held?**\n\n"
                "137 - Of the above Strategy Discussions\n\n"
                "**How many led to a section 47 enquiry?**\n\n"
                "7 - Of the above S47s\n", "x.md")
    assert [p.answer for p in segment(doc).pairs] == [
        "137 - Of the above Strategy Discussions", "7 - Of the above S47s"]


def test_paragraphs_after_you_asked_are_the_request_when_a_labelled_answer_follows() -> None:
    # Ofcom's letters quote the request after "You asked:", however it is worded.
    doc = parse("You asked (A. Requester):\n\n"
                "*I'm requesting information about the allocated callsigns, in a spreadsheet.*\n\n"
                "Our response — We are able to provide the data as of 24 November 2023.\n\n"
                "Callsigns are generally reserved for two years.\n\n"
                "Yours sincerely,\n", "x.md")
    [pair] = segment(doc).pairs
    assert pair.rule == "question_intro"
    assert pair.question.startswith("I'm requesting information")
    assert pair.answer == ("We are able to provide the data as of 24 November 2023. "
                           "Callsigns are generally reserved for two years.")


def test_you_asked_without_a_labelled_answer_reads_as_before() -> None:
    # No labelled answer after it: nothing marks where the request ends, so no pair is guessed.
    doc = parse("You asked:\n\nI'm requesting information about callsigns.\n\n"
                "We are able to provide the data.\n", "x.md")
    assert segment(doc).pairs == ()


def test_questions_a_label_groups_share_the_one_answer_beneath_them() -> None:
    # "Question 4" over restated sub-questions, then one answer for them all (Sheffield's replies).
    thread = ("> (a) How does the council define equity?\n>\n> (b) What is the source of the definition?\n\n"
              "Question 4\n\n(a) How does the council define equity?\n\n"
              "(b) What is the source of the definition?\n\n"
              "The council does not define equity.\n")
    pairs = segment(parse(thread, "x.md")).pairs
    assert [(p.answer, p.shared) for p in pairs] == [("The council does not define equity.", True)] * 2


def test_bullets_under_a_lead_in_that_the_reply_numbers_are_request_items() -> None:
    # The request lists what it wants under "…the following information:"; the reply numbers
    # each bullet as it restates it, and answers the first two together.
    letter = ("> I hope you are well?\n>\n"
              "> I would be grateful if you could provide me with the following information:\n>\n"
              "> - The current name of the Director of Human Resources\n"
              "> - The current name of the Head of Procurement\n"
              "> - Do you have a preferred supplier framework?\n\n"
              "Question 1\n\n1. The current name of the Director of Human Resources\n\n"
              "2. The current name of the Head of Procurement\n\n"
              "Please see the following link for our management teams.\n\n"
              "Question 2\n\n3. Do you have a preferred supplier framework?\n\n"
              "Answer: We have a centralised recruitment team.\n")
    seg = segment(parse(letter, "x.md"))
    assert seg.request == ("The current name of the Director of Human Resources",
                           "The current name of the Head of Procurement",
                           "Do you have a preferred supplier framework?")
    assert [(p.request_item, p.shared) for p in seg.pairs] == [(1, True), (2, True), (3, False)]
    assert seg.unanswered == ()


def test_bullets_under_a_question_stay_part_of_it() -> None:
    # "Which of the following schemes…?" with its options restated as bullets: one item.
    letter = ("> Q1) Which of the following schemes are in your policy?\n>\n"
              "> - Pubwatch\n> - Best Bar None\n>\n> Q2) Do you run a campaign?\n\n"
              "Q1) Which of the following schemes are in your policy?\n\n- Pubwatch\n\n"
              "See attached policy.\n\n- Best Bar None\n\nQ2) Do you run a campaign?\n\nYes.\n")
    seg = segment(parse(letter, "x.md"))
    assert len(seg.request) == 2 and seg.request[0].endswith("Pubwatch Best Bar None")


def test_text_in_html_tags_and_between_fences_is_read_as_the_letter() -> None:
    # Converters leave <div> wrappers and ``` fences around letters: the text inside is the letter.
    doc = parse('<div class="reply">\n**How many cameras?**\n</div>\n\nTwo.\n\n'
                "```\n**Is it held?**\n\nYes.\n```\n\nUse ```code``` rarely.\n", "x.md")
    assert [(b.text, b.all_bold, b.source.line_start) for b in doc.blocks] == [
        ("How many cameras?", True, 1), ("Two.", False, 5), ("Is it held?", True, 8),
        ("Yes.", False, 10), ("Use code rarely.", False, 13)]
    assert [(p.question, p.answer) for p in segment(doc).pairs] == [
        ("How many cameras?", "Two."), ("Is it held?", "Yes. Use code rarely.")]


def test_every_role_rule_is_named_and_can_be_switched_off() -> None:
    from foiextract.segment.roles import ROLE_RULES

    names = [name for name, _rule in ROLE_RULES]
    assert len(names) == len(set(names))
    text = ("**1. How many staff?**\n\nTwelve\n\n**2. When?**\n\nMay 2019\n\n"
            "Yours sincerely,\n")
    document = parse(text, "x.md")
    assert len(segment(document).pairs) == 2
    for name in names:
        segment(document, disabled={name})  # never raises with any rule off
    assert segment(document, disabled={"question"}).pairs == ()


def test_the_walk_rules_are_named_and_can_be_switched_off() -> None:
    from foiextract.segment.flow import TEXT_RULES

    names = [name for name, _rule in TEXT_RULES]
    assert len(names) == len(set(names))
    text = ("1. Does the council run a parking scheme?\n\nYes, since 2019.\n\n"
            "2. The protocol for allocating permits\n\nBy need.\n\nYours sincerely,\n")
    document = parse(text, "x.md")
    assert [p.question[:10] for p in segment(document).pairs] == ["Does the c", "The protoc"]
    with_rule_off = segment(document, disabled={"question_next_number"}).pairs
    assert [p.question[:10] for p in with_rule_off] == ["Does the c"]


def test_a_quoted_requests_own_context_is_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(
        "Dear Mr Shah,\n\nThank you for your request, which asked:\n\n"
        "> 1. How many bus shelters does the council maintain?\n"
        "> I ask because several near me are broken.\n"
        "> 2. How many were repaired in 2022?\n\n"
        "1. How many bus shelters does the council maintain?\n\n312\n\n"
        "2. How many were repaired in 2022?\n\n48\n\nYours sincerely,\n", "utf-8")
    pairs = segment(read_document(str(path))).pairs
    assert [(p.request_item, p.answer) for p in pairs] == [(1, "312"), (2, "48")]


@pytest.mark.parametrize("label, asked", [
    ("Question 1 - ", True),   # spelt out: a question whatever its wording
    ("Question 2: ", True),
    ("Q1 ", False),            # "Q1 The dates are withheld": an answer given by number
])
def test_a_spelt_out_question_label_asks_whatever_the_wording(label: str, asked: bool) -> None:
    doc = parse(f"{label}REQUEST FOR DOCUMENTS RELATING TO DATA ANALYTICS.\n\n"
                "We estimate that compliance would exceed the cost limit.\n", "x.md")
    pairs = segment(doc).pairs
    assert bool(pairs) is asked
    if asked:
        assert pairs[0].question == "REQUEST FOR DOCUMENTS RELATING TO DATA ANALYTICS."
        assert pairs[0].answer.startswith("We estimate")


@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"'), ("‘", "’"), ("(", ")")])
def test_a_spelt_out_question_label_over_the_request_quoted_asks(
        tmp_path: Path, opening: str, closing: str) -> None:
    import docx as python_docx

    word = python_docx.Document()
    for line in ("Dear Sir", "Thank you for your request received on 1 May 2024.",
                 f"Question 1 - {opening}Polling station locations for 2023{closing}",
                 "The list is attached.",
                 f"Question 2 - {opening}Polling station hire charges{closing}",
                 "This information is not held.", "Yours sincerely"):
        word.add_paragraph(line)
    word.save(tmp_path / "reply.docx")
    pairs = segment(read_document(tmp_path / "reply.docx")).pairs
    assert [p.answer for p in pairs] == ["The list is attached.", "This information is not held."]
    assert pairs[0].question.strip(opening + closing) == "Polling station locations for 2023"


@pytest.mark.parametrize("items, asked", [
    # Short field names: what the one request asks for (the one that asks by itself apart).
    (["Address of the house", "Licence holder", "Bedrooms", "Occupants permitted",
      "Date the licence expires", "Whether the licence has any conditions attached?"], 1),
    # Sentences, one asking: the request's items, each asked.
    (["The address of every house in multiple occupation licensed by the council in 2023.",
      "The name of the person or company holding the licence for each of those houses.",
      "The number of bedrooms and of occupants permitted under each of those licences.",
      "Whether any of those licences has conditions attached, and if so which ones?"], 4),
])
def test_a_quoted_list_of_field_names_is_not_a_list_of_questions(
        items: list[str], asked: int) -> None:
    quoted = "\n>\n".join(f"> ({letter}) {item}" for letter, item in zip("abcdef", items))
    doc = parse("Dear Mr Smith,\n\nThank you for your request, copied below.\n\n"
                "> Please send me the register of licensed houses, giving for each house:\n>\n"
                f"{quoted}\n\nThe register is attached as a spreadsheet.\n\n"
                "Yours sincerely,\n", "x.md")
    pairs = segment(doc).pairs
    assert sum(1 for p in pairs if p.question in items) == asked
    assert pairs[-1].answer == "The register is attached as a spreadsheet."


def test_a_quoted_request_keeps_its_own_closing_under_a_named_response_label() -> None:
    # "You asked:" over the request in its own words, the requester's closing inside the
    # quotation marks, then "DWP Response:" alone on its line over one answer to all.
    doc = parse("Thank you for your request. You asked:\n\n"
                "“I would be grateful for the following information.\n\n"
                "1. How many reviews were held in 2019?\n\n"
                "2. How many reviews were held in 2020?\n\n"
                "I trust this will not be necessary.”\n\n"
                "DWP Response:\n\n"
                "The cost of finding this information would exceed the cost limit.\n\n"
                "Yours sincerely,\n", "x.md")
    pairs = segment(doc).pairs
    assert [(p.question, p.rule, p.shared) for p in pairs] == [
        ("How many reviews were held in 2019?", "question_intro", True),
        ("How many reviews were held in 2020?", "question_intro", True)]
    assert pairs[0].answer == "The cost of finding this information would exceed the cost limit."


def test_a_heading_naming_a_part_of_the_reply_stays_in_the_answer() -> None:
    doc = parse("**1. Do you use automated decision making?**\n\n"
                "We do not use solely automated decision making.\n\n"
                "**In relation to the risk tool**\n\n"
                "The risk tool supports officers' decisions.\n\n"
                "**Complaint rights**\n\n"
                "You may ask for an internal review.\n", "x.md")
    [pair] = segment(doc).pairs
    assert pair.answer == ("We do not use solely automated decision making. In relation to the "
                           "risk tool The risk tool supports officers' decisions.")


def test_restated_questions_left_bare_then_a_refusal_share_it() -> None:
    # Each question restated, the first answered, then several standing together over one
    # refusal: the refusal answers them all. A plain figure beneath a run does not.
    thread = ("> How many staff are in the team?\n>\n> How many are members of the association?\n>\n"
              "> Is the director a member of the association?\n\n"
              "How many staff are in the team?\n\nThere are 5 members of staff.\n\n"
              "How many are members of the association?\n\n"
              "Is the director a member of the association?\n\n"
              "Membership of professional organisations is personal information and is exempt "
              "from disclosure under section 40(2) of the Act.\n")
    pairs = segment(parse(thread, "x.md")).pairs
    assert [(p.answer[:12], p.shared) for p in pairs] == [
        ("There are 5 ", False), ("Membership o", True), ("Membership o", True)]
    plain = thread.replace("Membership of professional organisations is personal information and "
                           "is exempt from disclosure under section 40(2) of the Act.", "None")
    pairs = segment(parse(plain, "x.md")).pairs
    assert [(p.answer, p.shared) for p in pairs][1:] == [("", False), ("None", False)]


def test_restated_questions_numbered_alike_and_left_bare_share_the_answer_beneath() -> None:
    # "2." and "3." restated together over one answer: the reply grouped them, and the answer
    # is theirs together (unnumbered, as above, the first is left unanswered).
    thread = ("> 1. How many staff are in the team?\n>\n"
              "> 2. How many are members of the association?\n>\n"
              "> 3. How many of them joined this year?\n\n"
              "1. How many staff are in the team?\n\nThere are 5 members of staff.\n\n"
              "2. How many are members of the association?\n\n"
              "3. How many of them joined this year?\n\nNone\n")
    pairs = segment(parse(thread, "x.md")).pairs
    assert [(p.answer[:12], p.shared) for p in pairs] == [
        ("There are 5 ", False), ("None", True), ("None", True)]


@pytest.mark.parametrize("opening", [
    "Hi Richard\nThanks for your enquiry on 21 March 2024 about the camera. ",
    "Dear Richard,\nThank you for your request for information which we received on 21/03/2024. "
    "We apologise for the delay in responding.\n",
    "Please find our response. ",
])
def test_a_replys_greeting_and_thanks_run_on_into_its_answer_are_not_the_answer(
        tmp_path: Path, opening: str) -> None:
    answer = ("We do not hold this information: the cameras are operated by the Safety Camera "
              "Partnership.")
    path = _thread(tmp_path, "Does the camera measure speed in both directions?\n",
                   opening + answer + "\nIf you have any queries about this response, please do "
                   "not hesitate to contact us.\n")
    [pair] = segment(focus(read_document(path))).pairs
    assert pair.answer == answer


@pytest.mark.parametrize("more, asks_again", [
    ("If you're also able to confirm whether it monitors seatbelts that would be appreciated.",
     True),
    ("Could you also tell me when it was installed?", True),
    ("Please break this down by year.", False),
])
def test_a_sentence_asking_for_more_in_the_requesters_paragraph_is_an_item(
        tmp_path: Path, more: str, asks_again: bool) -> None:
    # "…also…" asks for something more: an item of its own. A sentence that only shapes the
    # one before ("Please break this down by year.") is part of it.
    first = ("Please could you provide more information on the speed camera on Shepcote Lane. "
             "Specifically, whether it measures speed in both directions.")
    path = _thread(tmp_path, f"{first} {more}\n",
                   "Please find the council's response to your request set out below:\n"
                   "We do not hold this information.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    wanted = [first, more] if asks_again else [f"{first} {more}"]
    assert [p.question for p in pairs] == wanted


@pytest.mark.parametrize("colon", [":", ": -", ":-", ": –"])
def test_bullets_under_a_lead_in_ending_on_a_colon_and_dash_are_the_request(
        tmp_path: Path, colon: str) -> None:
    # "Please provide the following information: -" leads in as a colon does; the reply then
    # answers the bullets by number.
    items = ["How the council measures digital inclusion",
             "The targets the Trust is held to in delivering the programme"]
    path = _thread(tmp_path, f"Please provide the following information{colon}\n"
                   + "".join(f"• {item}\n" for item in items),
                   "Please find the council's response to your request set out below:\n"
                   "1. It is measured each year by the ONS.\n"
                   "2. The Trust delivers 20 free online classes a week.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [(p.question, p.answer) for p in pairs] == [
        (items[0], "It is measured each year by the ONS."),
        (items[1], "The Trust delivers 20 free online classes a week.")]


@pytest.mark.parametrize("lead, items, asked", [
    # Broken off mid-sentence: the items finish the question, however they are worded.
    ("Please disclose on how many occasions the enforcement team has",
     ["1) carried out a joint inspection with the Home Office",
      "2) shared data with the Home Office"], True),
    # After a colon, sentences of their own are asked...
    ("If information is held, can the council provide it? I am seeking to know:",
     ["a. If and when the council was informed of the measures.",
      "b. How the council was informed (by letter, email or another way)."], True),
    # ...as are numbered items under words that name nothing, however short.
    ("Please provide me the following:",
     ["1. Number and cost of placements in not for profit settings",
      "2. Number and cost of placements in for profit settings"], True),
    # ...but not the options of a breakdown, nor items that begin anew after a broken line.
    ("I would like the number in each group currently being educated in:",
     ["• A mainstream school", "• A special school"], False),
    ("Please send me all correspondence between the council and these two companies",
     ["• Laver Regeneration", "• Bolsterstone Group"], False),
])
def test_the_requesters_items_that_finish_the_sentence_leading_to_them_are_asked(
        tmp_path: Path, lead: str, items: list[str], asked: bool) -> None:
    path = _thread(tmp_path, f"{lead}\n" + "".join(f"{item}\n" for item in items)
                   + "\nPlease provide this data for the last financial year, in Excel format.\n",
                   "Please find the council's response to your request set out below:\n"
                   "We hold no information with regard to your questions.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    questions = [p.question for p in segment(focus(read_document(path))).pairs]
    bare = [item.split(" ", 1)[1] for item in items]
    # (The rider on the period and format is no question; it may go with the last item.)
    assert not any(q.startswith("Please provide this data") for q in questions)
    assert ([q[:len(b)] for q, b in zip(questions[-len(bare):], bare)] == bare) is asked
    if asked and lead.endswith(":"):
        assert lead not in questions  # a lead-in, asking nothing of its own


def test_the_requesters_offer_to_clarify_in_a_request_set_apart_is_not_asked(
        tmp_path: Path) -> None:
    path = _thread(tmp_path, "Specifically, I would like to request the following information:\n"
                   "-The number of stores issued closure orders.\n"
                   "-The total number of vapes seized.\n"
                   "If any part of this request is unclear or requires clarification, please do "
                   "not hesitate to contact me.\n",
                   "Please find the council's response to your request set out below:\n"
                   "We have not issued any closure orders. We seized 2,059 vapes.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    assert [p.question for p in segment(focus(read_document(path))).pairs] == [
        "The number of stores issued closure orders.", "The total number of vapes seized."]


@pytest.mark.parametrize("title", ["Bus Stops", "Number of Bus Stops fitted with real time audio systems"])
def test_numbered_titles_over_the_sentences_they_ask_are_one_question_each(
        tmp_path: Path, title: str) -> None:
    # "1. Total Number of Bus Stops:" over "The total number of bus stops in your area.": one
    # question, title and sentence, however long the title, so long as it names a thing.
    titles = [title, "Visual Information", "Future Plans"]
    asked = ["The total number of bus stops in your council area.",
             "The number of bus stops with visual announcements.",
             "Any future plans for more announcements at bus stops."]
    path = _thread(tmp_path, "I would like to request the following information:\n" + "".join(
        f"{n}. {t}:\n{a}\n" for n, (t, a) in enumerate(zip(titles, asked), start=1)),
        "Please find the council's response to your request set out below:\n"
        "1. There are 1,204 bus stops.\n2. 310 have visual displays.\n3. None are planned.\n"
        "If you have any queries about this response, please do not hesitate to contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [p.question for p in pairs] == [f"{t}: {a}" for t, a in zip(titles, asked)]
    assert [p.answer for p in pairs] == [
        "There are 1,204 bus stops.", "310 have visual displays.", "None are planned."]


def test_the_requests_bullets_the_reply_chooses_under_its_own_lead_on_are_its_answer(
        tmp_path: Path) -> None:
    # Some of the request's options said again under "…the following … from the list you
    # provided:": what holds, the answer, not the request restated.
    options = ["respond to complaints from all concerned with disability access in the city",
               "prepare adaptation programmes for council buildings, including their budgets",
               "give advice on access design: pavements, kerbs, crossings and parking schemes"]
    path = _thread(tmp_path, "Please tell me whether you employ an access officer.\n"
                   "The role may include any of the following:\n"
                   + "".join(f"• {o}\n" for o in options),
                   "Please find the council's response to your request set out below:\n"
                   "We do employ a Planning Officer (Access).\n"
                   "The role has the following responsibilities from the list you provided:\n"
                   f"• {options[0]}\n• {options[2]}\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert pairs[0].question == "Please tell me whether you employ an access officer."
    assert options[0] in pairs[0].answer and options[2] in pairs[0].answer
    assert not any(p.question in options for p in pairs)


def test_a_requesters_question_on_a_condition_is_asked(tmp_path: Path) -> None:
    asked = ["Please tell me whether you employ an access officer.",
             "If an employee is responsible for this, please clarify which duties they hold."]
    path = _thread(tmp_path, "".join(f"{a}\n" for a in asked),
                   "Please find the council's response to your request set out below:\n"
                   "We do employ a Planning Officer (Access).\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    assert [p.question for p in segment(focus(read_document(path))).pairs] == asked


def test_the_requests_items_restated_run_together_are_each_a_question(tmp_path: Path) -> None:
    items = ["The numbers of let and vacant street level units;",
             "The total floor areas of the let and vacant units;",
             "The total debt incurred by the council to complete the scheme;"]
    path = _thread(tmp_path, "Please provide the following relating to the scheme:\n\n"
                   + "\n\n".join(items) + "\n\n",
                   "Please find the council's response to your request set out below:\n\n"
                   + " ".join(items[:2]) + "\n\nThere are 46 units, of which 19 are let.\n\n"
                   + items[2] + "\n\nThere is no debt associated with the scheme.\n\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    assert [p.question for p in segment(focus(read_document(path))).pairs] == items


def test_footnotes_the_answer_calls_are_not_answer() -> None:
    letter = ("**Is the director a member?**\n\n"
              "This is exempt under section 40(2).(1) The condition applies, as the principle "
              "says.(2)\n\n(1) Amendments made by the Data Protection Act 2018.\n\n"
              "(2) GDPR, Article 5(1)(a).\n")
    [pair] = segment(parse(letter, "x.md")).pairs
    assert pair.answer == ("This is exempt under section 40(2).(1) The condition applies, as the "
                           "principle says.(2)")


@pytest.mark.parametrize("letter, items, pairs", [
    # "…please provide me with the following:" over numbered items, and the requester's words
    # on format and advice, are the request's frame, not what it asks.
    ("> For each of the years 2020/21 and 2021/22 please provide me with the following:\n>\n"
     "> 1. The total number of staff employed to inspect homes.\n>\n"
     "> 2. The number of inspections carried out.\n>\n"
     "> I would like to receive the information in a spreadsheet. If this request is too "
     "broad, I would be grateful if you could contact me to refine it.\n\n"
     "1. The total number of staff employed to inspect homes.\n\n20/21 - 11 21/22 - 12\n\n"
     "2. The number of inspections carried out.\n\n20/21 - 1290 21/22 - 1344\n",
     ("The total number of staff employed to inspect homes.",
      "The number of inspections carried out."),
     [(1, "20/21 - 11 21/22 - 12"), (2, "20/21 - 1290 21/22 - 1344")]),
    # No numbers: the questions ask by their words. "…answer the questions in the required way"
    # is the requester's procedure.
    ("> Please can you answer the questions below in the required way (Yes, No or Don't "
     "Know).\n>\n> I would like the following information :\n>\n"
     "> In the last 12 months how many notices were received?\n>\n"
     "> How many strategy discussions took place?\n\n"
     "In the last 12 months how many notices were received?\n\n1086\n\n"
     "How many strategy discussions took place?\n\n402\n",
     ("In the last 12 months how many notices were received?",
      "How many strategy discussions took place?"),
     [(1, "1086"), (2, "402")]),
    # What to do if not all can be given: the requester's procedure, not an item.
    ("> If you’re not able to provide all data, please respond to any questions that you are "
     "able to provide data for.\n>\n> 1. How many vapes were seized?\n>\n"
     "> 2. How many fines were issued?\n\n"
     "1. How many vapes were seized?\n\n48,521\n\n2. How many fines were issued?\n\n0\n",
     ("How many vapes were seized?", "How many fines were issued?"),
     [(1, "48,521"), (2, "0")]),
    # The format asked for, in its own numbered item after the questions: not an item, so
    # nothing is left unanswered.
    ("> 1. How many vapes were seized?\n>\n> 2. How many fines were issued?\n>\n"
     "> 3. Please provide the requested information in CSV or spreadsheet format.\n\n"
     "1. How many vapes were seized?\n\n48,521\n\n2. How many fines were issued?\n\n0\n",
     ("How many vapes were seized?", "How many fines were issued?"),
     [(1, "48,521"), (2, "0")]),
])
def test_request_lead_ins_and_the_requesters_procedure_are_not_items(
        letter: str, items: tuple[str, ...], pairs: list[tuple[int, str]]) -> None:
    seg = segment(parse(letter, "x.md"))
    assert seg.request == items
    assert [(p.request_item, p.answer) for p in seg.pairs] == pairs


def test_a_restated_question_wrapped_over_several_lines_is_one_question() -> None:
    letter = ("> 2. The number of staff who were qualified officers.\n>\n> 3. The total number of inspections carried out by either (1) or (2) to see whether "
              "hazards exist in homes, or privately rented. (Please refer to section four of the "
              "Housing Act 2004.)\n>\n> 4. The number of complaints received about hazards.\n\n"
              "2. The number of staff who were qualified officers.\n\nWe do not hold this.\n\n"
              "3. The total number of inspections carried out by either (1) or (2) to\n\n"
              "see whether hazards exist in homes, or privately rented.\n\n"
              "(Please refer to section four of the Housing Act 2004.)\n\n"
              "We hold the figures: 17/18 - 1290\n\n"
              "4. The number of complaints received about hazards.\n\n17/18 - 256\n")
    _, first, second = segment(parse(letter, "x.md")).pairs
    assert first.question.endswith("Housing Act 2004.)") and first.request_item == 2
    assert first.answer == "We hold the figures: 17/18 - 1290"
    assert second.answer == "17/18 - 256"


def test_sub_items_under_a_numbered_question_are_pairs_of_its_item() -> None:
    # "4.) Have you had incidents of the following…?" over "a.)", "b.)": the question is the
    # request item; each sub-item answered beneath it is a pair pointing at it.
    letter = ("> 3.) Do you have a usage policy?\n>\n"
              "> 4.) Have you had incidents of the following since 2022?\n>\n"
              "> a.) Employees using the tools outside the usage policy?\n>\n"
              "> b.) Employees sharing confidential information on the platforms\n>\n"
              "> 5.) Has your organisation taken disciplinary action?\n\n"
              "3.) Do you have a usage policy?\n\nIt is in development.\n\n"
              "4.) Have you had incidents of the following since 2022?\n\n"
              "a.) Employees using the tools outside the usage policy?\n\nThe policy is not in place.\n\n"
              "b.) Employees sharing confidential information on the platforms\n\nNone recorded.\n\n"
              "5.) Has your organisation taken disciplinary action?\n\nNo.\n")
    seg = segment(parse(letter, "x.md"))
    assert len(seg.request) == 3 and seg.request[1].endswith("confidential information on the platforms")
    assert [(p.question[:20], p.request_item) for p in seg.pairs] == [
        ("Do you have a usage ", 1), ("Employees using the ", 2), ("Employees sharing co", 2),
        ("Has your organisatio", 3)]


def test_a_boxed_request_answered_by_naming_its_questions(tmp_path: Path) -> None:
    # The request in a one-cell box (numbered questions, lettered sub-questions), then answers
    # that name their question ("In relation to Question 1a – …"), the rest refused together.
    import docx as python_docx

    word = python_docx.Document()
    word.add_paragraph("Your request:")
    cell = word.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "1. Does your force use the data?"
    for line in ("a. If yes, what is the data used for?", "2. Do you use the data in the tool?",
                 "a. If yes, what is the purpose?", "3. How much has been spent since 2010?"):
        cell.add_paragraph(line)
    for line in ("I can confirm the information is held.",
                 "In relation to Question 1: The force no longer uses the data.",
                 "In relation to Question 1a – not applicable.",
                 "In relation to Question 3: The funds spent amounted to £77,738.",
                 "I have carefully considered all the other parts of the request and they are "
                 "exempt under section 31.", "Yours sincerely,"):
        word.add_paragraph(line)
    path = tmp_path / "boxed.docx"
    word.save(str(path))
    seg = segment(read_document(path))
    assert seg.request == ("Does your force use the data?", "If yes, what is the data used for?",
                           "Do you use the data in the tool?", "If yes, what is the purpose?",
                           "How much has been spent since 2010?")
    got = [(p.request_item, p.answer[:24], p.shared) for p in seg.pairs]
    assert got == [(1, "The force no longer uses", False), (2, "not applicable.", False),
                   (5, "The funds spent amounted", False),
                   (3, "I have carefully conside", True), (4, "I have carefully conside", True)]


def test_lettered_parts_named_in_labels_answer_their_items_and_the_number_is_their_stem(
        tmp_path: Path) -> None:
    # The request in italic, its lettered parts worded as statements ("a. For each year"); the
    # answers under "Question 1a" (the question again, then a table) and "Questions 1c and 1d".
    import docx as python_docx

    word = python_docx.Document()
    word.add_paragraph("Under the Act, please can you provide the following:").runs[0].italic = True
    for line in ("1. The total number of thefts recorded at libraries in 2022 and 2023.",
                 "Please could these be broken down as follows:", "a. For each year",
                 "b. By the type of each theft", "c. What the outcome was for each theft",
                 "d. The name of the library in each case"):
        word.add_paragraph(line).runs[0].italic = True
    word.add_paragraph("Your request has now been considered and the information is held.")
    word.add_paragraph("Question 1a").runs[0].bold = True
    word.add_paragraph("The total number of thefts recorded at libraries for each year.")
    table = word.add_table(rows=3, cols=2)
    for r, row in enumerate((("Year", "Thefts"), ("2022", "9"), ("2023", "7"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    word.add_paragraph("Question 1b").runs[0].bold = True
    word.add_paragraph("The thefts were burglaries (4) and shoplifting (12).")
    word.add_paragraph("Questions 1c and 1d.").runs[0].bold = True
    word.add_paragraph("Outcomes and library names are set out in the attached spreadsheet.")
    word.add_paragraph("Yours sincerely,")
    path = tmp_path / "lettered.docx"
    word.save(str(path))
    seg = segment(read_document(path))
    got = [(p.request_item, p.question[:20], p.answer[:20], p.shared) for p in seg.pairs]
    assert got == [(1, "For each year", "Year | Thefts; 2022 ", False),
                   (2, "By the type of each ", "The thefts were burg", False),
                   (3, "What the outcome was", "Outcomes and library", True),
                   (4, "The name of the libr", "Outcomes and library", True)]


def test_a_request_list_answered_by_naming_its_items_however_they_are_worded() -> None:
    letter = ("Your request:\n\nCould you please supply the following:\n\n"
              "1. Any contracts with external suppliers.\n\n2. The most recent evaluations.\n\n"
              "3. Privacy impact assessments.\n\n4. Data sharing agreements.\n\n"
              "I can confirm the information is held.\n\n"
              "In relation to Question 1: The tool was developed in house.\n\n"
              "In relation to Questions 3, and 4: No information held.\n\n"
              "In relation to the remainder of the request the information is exempt under "
              "section 22.\n\nYours sincerely,\n")
    seg = segment(parse(letter, "x.md"))
    assert len(seg.request) == 4
    assert [(p.request_item, p.answer[:20], p.shared) for p in seg.pairs] == [
        (1, "The tool was develop", False), (3, "No information held.", True),
        (4, "No information held.", True), (2, "In relation to the r", False)]


def test_a_thread_reply_that_answers_the_request_without_restating_it(tmp_path: Path) -> None:
    path = _thread(tmp_path,
                   "How many people with the following surnames work for the council?\nAhmed\n"
                   "Brown\n",
                   "Thank you for your request for information which we received on 12/12/2024.\n"
                   "Please find the council's response to your request set out below:\n"
                   "Ahmed 22\nBrown 43\n"
                   "If you have any queries about this response, please do not hesitate to contact "
                   "us.\n")
    [pair] = segment(focus(read_document(path))).pairs
    assert pair.question == "How many people with the following surnames work for the council?"
    assert pair.answer == "Ahmed 22 Brown 43"
    assert pair.rule == "request_answered_whole"


@pytest.mark.parametrize("items", [
    ["The number of data breaches the council has had in 2020 and 2021.",
     "How many people were affected by each data breach.",
     "What type of data breach each one was."],
    ["How many staff work in the parking team?", "Which software the team uses for permits.",
     "What is the team's annual budget?"],
], ids=["indirect-question-last", "statement-between-questions"])
def test_every_bullet_of_a_request_whose_bullets_ask_is_an_item(tmp_path: Path,
                                                                items: list[str]) -> None:
    # The request's bullets are its items together, an indirect question worded as a
    # statement among them; the bullets of a definition under them ask nothing.
    request = "I would like to request the following information.\n" + "".join(
        f"- {item}\n" for item in items) + ("A data breach is any loss of data. It includes:\n"
                                            "- Phishing attack\n- Stolen information\n")
    path = _thread(tmp_path, request,
                   "Please find the council's response to your request set out below:\n"
                   "The information you have requested is exempt from disclosure under section\n"
                   "12 of the Freedom of Information Act 2000.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    seg = segment(focus(read_document(path)))
    assert list(seg.request) == items
    assert [p.question for p in seg.pairs] == items


@pytest.mark.parametrize("lead_in", [
    "I would like to request the following information.",
    "I would like to request the following information:",
])
@pytest.mark.parametrize("separator", [" = ", ": ", " - "])
def test_request_bullets_restated_with_their_answers_on_the_line_are_each_asked(
        tmp_path: Path, lead_in: str, separator: str) -> None:
    # "The number of potholes reported in 2023 = 12857": the bullet said again, its answer
    # after it on its line, one line a bullet; a full stop after "the following" leads in
    # to the bullets as a colon does.
    items = ["The number of potholes reported in 2023", "The number of potholes repaired in 2023"]
    path = _thread(tmp_path, lead_in + "\n" + "".join(f"- {item}\n" for item in items),
                   "Please find the council's response to your request set out below:\n"
                   + "".join(f"{item}{separator}{n}\n" for item, n in zip(items, (12857, 13051)))
                   + "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [(p.question, p.answer, p.request_item) for p in pairs] == [
        (items[0], "12857", 1), (items[1], "13051", 2)]


@pytest.mark.parametrize("lead_in", ["The details we require are:",
                                     "Please could you provide:",
                                     "I would like to know the following about the contract:",
                                     "I am writing to make a request under the Act."])
def test_request_bullets_restated_and_answered_in_turn_are_each_asked(
        tmp_path: Path, lead_in: str) -> None:
    # The requester's line asking, over bullets; the reply says each bullet again (two of them
    # together) and answers beneath: each bullet a question, the two together sharing theirs.
    items = ["Complete tender responses from the suppliers", "The scoring of each tender",
             "The value of the winning tender"]
    path = _thread(tmp_path, lead_in + "\n" + "".join(f"• {item}\n" for item in items),
                   "Please find the council's response to your request below:\n"
                   f"• {items[0]}\n• {items[1]}\n"
                   "This information is exempt under Section 41 of the Act.\n"
                   f"• {items[2]}\n"
                   "The fee was £70k.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [(p.question, p.answer, p.shared) for p in pairs] == [
        (items[0], "This information is exempt under Section 41 of the Act.", True),
        (items[1], "This information is exempt under Section 41 of the Act.", True),
        (items[2], "The fee was £70k.", False)]


def test_a_request_question_over_lettered_choices_is_asked_with_them(tmp_path: Path) -> None:
    # "What are the reasons?" over "a. …", "b. …": the choices it offers, not questions of
    # their own; one verdict on the request answers all three items.
    request = ("1) How many complaints did you receive in 2021, 2022 and 2023?\n"
               "2) What are the reasons for the complaints?\na. The quality of the water\n"
               "b. The water pressure\nc. Other, please specify\n"
               "3) How much have you paid out in connection with complaints?\n")
    path = _thread(tmp_path, request,
                   "Please find the council's response to your request set out below:\n"
                   "The information you require is held by the local water companies.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [p.request_item for p in pairs] == [1, 2, 3]
    assert {p.answer for p in pairs} == {
        "The information you require is held by the local water companies."}


def test_a_requests_lead_in_and_its_note_on_the_law_are_not_its_items(tmp_path: Path) -> None:
    # "Please provide the following data regarding …:" leads the numbered items in; "Please be
    # advised that Section 10 … must reply … promptly" tells the council its duty. Neither asks.
    request = ("Please provide the following data regarding children with EHC plans in "
               "2022-2024:\n1. Number of parental requests for a specialist school placement.\n"
               "2. Number of cases where a specialist school was named.\n"
               "Please be advised that Section 10 of the Freedom of Information Act 2000 states "
               "that a public authority must reply promptly and within twenty working days.\n")
    path = _thread(tmp_path, request,
                   "Please find the council's response to your request set out below:\n"
                   "1. The information you have requested is exempt under section 12.\n"
                   "2. Please see above response.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [(p.request_item, p.answer) for p in pairs] == [
        (1, "The information you have requested is exempt under section 12."),
        (2, "Please see above response.")]


def test_the_team_that_signs_a_reply_off_is_not_its_answer(tmp_path: Path) -> None:
    # No "Yours sincerely": the reply ends on the team's name and the department's, each on a
    # line of its own under the answer's last sentence.
    path = tmp_path / "reply.txt"
    path.write_text("Dear Ms Smith,\n\n1. How many leasing schemes do you run?\n\n"
                    "Unfortunately I am unable to provide this information, because we do not\n"
                    "have it. I have attached my formal response which sets out the details.\n"
                    "Knowledge and Information Access Team\n"
                    "Ministry of Housing, Communities and Local Government\n", encoding="utf-8")
    [pair] = segment(read_document(path)).pairs
    assert pair.answer == ("Unfortunately I am unable to provide this information, because we do "
                           "not have it. I have attached my formal response which sets out the "
                           "details.")


def test_a_repeated_request_ends_with_the_requesters_own_closing_lines() -> None:
    # No answer label: the request the reply repeats ends with the requester's lines on how to
    # answer; the reply's text after them answers the items together.
    letter = ("Your request is repeated below, along with our response:\n\n"
              "Specifically, we are requesting:\n\n- Any briefing notes concerning the systems.\n\n"
              "- Any overviews about how system outputs are produced.\n\n"
              "- Any contracts relating to the systems.\n\n"
              "Please let us know if any information requires clarifying.\n\n"
              "We would like to receive electronic copies of this information.\n\n"
              "You have requested a range of documents, therefore we have attached a slide pack.\n\n"
              "Yours sincerely,\n")
    pairs = segment(parse(letter, "x.md")).pairs
    assert [(p.question[:12], p.answer[:24], p.shared) for p in pairs] == [
        ("Any briefing", "You have requested a ran", True),
        ("Any overview", "You have requested a ran", True),
        ("Any contract", "You have requested a ran", True)]


def test_bullets_that_ask_under_a_question_are_its_sub_questions() -> None:
    # "• Please provide the data split by property type" under question 1, each answered
    # beneath it in the reply: pairs pointing at item 1 (a bullet naming an option is not).
    letter = ("> 1. How many public buildings had smart meters installed?\n>\n"
              "> - Please provide the data split by property type\n>\n"
              "> - If available, please provide the year the meters were installed\n>\n"
              "> 2. How much did they cost?\n\n"
              "1. How many public buildings had smart meters installed?\n\nZero.\n\n"
              "- Please provide the data split by property type\n\nN/A, we have none.\n\n"
              "- If available, please provide the year the meters were installed\n\nN/A.\n\n"
              "2. How much did they cost?\n\nNothing.\n")
    seg = segment(parse(letter, "x.md"))
    assert len(seg.request) == 2
    assert [(p.answer, p.request_item) for p in seg.pairs] == [
        ("Zero.", 1), ("N/A, we have none.", 1), ("N/A.", 1), ("Nothing.", 2)]


@pytest.mark.parametrize("closing", [
    "If you have any queries about this response, please do not hesitate to contact us.",
    "If you’re not satisfied with our response, you can ask for an internal review.",
    "This response should answer your request in full.",
    "If you are in any way dissatisfied, we will put this request through the FOI process.",
    "If you are still unhappy, you can contact the Information Commissioner.",
])
def test_the_letters_closing_is_not_part_of_the_last_answer(closing: str) -> None:
    # The closing run into the last answer's paragraph, or standing as one of its own.
    for joiner in (" ", "\n\n"):
        letter = ("1. How many cases were there in 2022?\n\nTwelve.\n\n"
                  "2. Is there a budget for this work?\n\n"
                  f"There is currently no defined budget for this work.{joiner}{closing}\n")
        pairs = segment(parse(letter, "x.md")).pairs
        assert [p.answer for p in pairs] == [
            "Twelve.", "There is currently no defined budget for this work."], joiner


@pytest.mark.parametrize("closing", [
    "If an exemption has been asserted, you may seek review of that decision under the Act.",
    "The City considers this request closed.",
    "For your information, Congress excluded three discrete categories of records from the FOIA.",
    "You may contact our FOIA Public Liaison for any further assistance.",
    "You may contact the Office of Government Information Services (OGIS) for mediation.",
    "If you wish to submit a refined request, we will consider it afresh.",
])
def test_the_rights_and_procedure_paragraphs_closing_a_letter_are_no_answer(closing: str) -> None:
    letter = ("1. How many cases were there in 2022?\n\nTwelve.\n\n"
              "2. Is there a budget for this work?\n\n"
              f"There is currently no defined budget for this work.\n\n{closing}\n")
    pairs = segment(parse(letter, "x.md")).pairs
    assert [p.answer for p in pairs] == [
        "Twelve.", "There is currently no defined budget for this work."]


@pytest.mark.parametrize("opening", [
    "Please find below, the council's response to your request:",
    "Thank you for your request for information about licences.",
])
def test_a_verdict_on_a_thread_request_keeps_what_the_reply_says_with_it(
        tmp_path: Path, opening: str) -> None:
    # The reply's verdict on the whole request ("…accessible by other means it is exempt…")
    # with where it is published before it and the advice after it, up to the closing.
    path = _thread(tmp_path, "I would be grateful if you would supply a list of licensed premises.\n",
                   f"{opening}\n"
                   "The council publishes details of licences at:\n[1]\nhttps://www.example.gov.uk/x\n"
                   ".\nAs this information is accessible by other means it is exempt from disclosure "
                   "under Section 21(1) of the Freedom of Information Act 2000.\n"
                   "Details of owners can be found via the Land Registry.\n"
                   "If you have any queries about this response, please do not hesitate to contact "
                   "us.\n")
    [pair] = segment(focus(read_document(path))).pairs
    assert pair.answer.startswith("The council publishes details of licences at:")
    assert pair.answer.endswith("Details of owners can be found via the Land Registry.")


def test_the_second_question_of_a_quoted_item_answered_apart_is_a_question(tmp_path: Path) -> None:
    path = _thread(tmp_path,
                   "1. How many 17 year olds were placed on protection plans last year? Same for "
                   "CIN plans?\n2. How many strategy discussions took place?\n"
                   "3. How many led to a section 47 enquiry?\n",
                   "Please find the council's response to your request set out below:\n"
                   "1. How many 17 year olds were placed on protection plans last year?\n"
                   "• None of the 7 had a plan\nSame for CIN plans?\n"
                   "• 15 x 17-year-olds were put on a CIN Plan.\n"
                   "2. How many strategy discussions took place?\n• 163\n"
                   "3. How many led to a section 47 enquiry?\n• 137\n")
    result = foiextract.extract(str(path))
    pairs = result.pairs
    assert list(pairs["question"].str[:18]) == [
        "How many 17 year o", "Same for CIN plans", "How many strategy ", "How many led to a "]
    assert list(pairs["answer"]) == ["None of the 7 had a plan",
                                     "15 x 17-year-olds were put on a CIN Plan.", "163", "137"]
    assert list(pairs["request_item"]) == [1, 1, 2, 3]
    # "Same for …" asks what the question before it asked: a count.
    assert list(zip(pairs["kind"], pairs["value"])) == [("count", "0"), ("count", "15"),
                                                         ("count", "163"), ("count", "137")]


def test_a_figure_opening_an_answer_out_of_the_questions_count_is_the_answer() -> None:
    # "20." between questions 5 and 6 is the answer, not a twentieth item.
    letter = ("5. How many tenants had their property stored?\n\n"
              "20. Please see the explanation for Q4 above.\n\n"
              "6. How many licensees had their property stored?\n\nN/A.\n")
    pairs = segment(parse(letter, "x.md")).pairs
    assert [p.answer for p in pairs] == ["20. Please see the explanation for Q4 above.", "N/A."]


@pytest.mark.parametrize("named, what, body, answered", [
    ("asking for an updated list of all unallocated call signs",
     "an updated list of all unallocated call signs",
     "I am writing to confirm that we have completed our search and the list of available call "
     "signs is attached to this letter.", True),
    ("asking for an updated list of all unallocated call signs",
     "an updated list of all unallocated call signs",
     "Your request has been logged and we will respond within 20 working days.", False),
    # However short the name, it is what was asked.
    ("relating to book challenges", "book challenges",
     "We have not had any challenges since 2018. We recalled one book in 2022.", True),
    ("regarding potholes", "potholes", "We repaired 4,210 potholes in 2023.", True),
])
def test_a_request_named_only_in_the_opening_is_asked_and_the_body_answers_it(
        named: str, what: str, body: str, answered: bool) -> None:
    letter = (f"Dear Mr Sullivan\n\nThank you for your request for information {named} which "
              f"we received on 2 June.\n\n{body}\n\nYours sincerely,\n\nJulia Snape\n")
    seg = segment(parse(letter, "x.md"))
    assert [(p.question, p.answer) for p in seg.pairs] == ([(what, body)] if answered else [])


@pytest.mark.parametrize("opening", [
    "Thank you for your Freedom of Information request about {what}, which we received on 2 June.",
    "Thank you for your FOI request of 2 June 2015 regarding {what}.",
    "Thank you for your email of 2 June 2015 asking for {what}.",
    "Thank you for your information request concerning {what}.",
    "We refer to your request for information about {what}.",
    "I write in response to your Freedom of Information Act request about {what}.",
    "You asked for {what}.",
    "You have asked for information about {what}.",
])
def test_the_request_named_in_the_ways_letters_name_it(opening: str) -> None:
    what = "the number of call signs issued in 2015"
    body = "Ofcom issued 1,245 call signs in 2015."
    letter = (f"Dear Mr Sullivan\n\n{opening.format(what=what)}\n\n{body}\n\n"
              "Yours sincerely,\n\nJulia Snape\n")
    seg = segment(parse(letter, "x.md"))
    assert [(p.question, p.answer) for p in seg.pairs] == [(what, body)]


@pytest.mark.parametrize("after, answered", [
    # The acknowledgement's lines kept above the answer: the answer is what follows them.
    ("We contacted three directors and none of them holds any information about this "
     "guidance, as it goes straight to the heads of schools.", True),
    # An acknowledgement alone: nothing answered yet.
    ("We will contact you if we need any clarification.", False),
])
def test_an_acknowledgements_lines_over_the_answer_are_not_the_answer(
        after: str, answered: bool) -> None:
    letter = ("Dear Mr Ormerod\n\nThank you for your request for information relating to "
              "safeguarding guidance which we received on 15/10/2023.\n\nThis has been logged as a "
              "Freedom of Information Request and will be dealt with under the Freedom of "
              f"Information Act 2000.\n\n{after}\n\nKind Regards,\n\nSheffield City Council\n")
    pairs = segment(parse(letter, "x.md")).pairs
    assert [p.answer for p in pairs] == ([after] if answered else [])


def test_the_following_named_with_nothing_quoted_after_it_names_no_request() -> None:
    letter = ("Dear Mr Sullivan\n\nThank you for your request for information regarding the "
              "following.\n\nWe hold the information and it is attached to this letter, which "
              "lists every licence we granted.\n\nYours sincerely,\n\nJulia Snape\n")
    assert [p.rule for p in segment(parse(letter, "x.md")).pairs] == []


@pytest.mark.parametrize("opening, body, question, answer", [
    # The request named and its verdict after it, in one paragraph (a US city clerk's letter).
    ("I am responding to your request under the Michigan Freedom of Information Act received May "
     "20, 2015, for records of the enhanced access policy and records of decisions relating to "
     "it. Your request is granted in part and denied in part. Some records do not exist.",
     "The City does not warrant or guarantee the accuracy of the information provided.",
     "records of the enhanced access policy and records of decisions relating to it",
     "Your request is granted in part and denied in part. Some records do not exist."),
    ("Your revised request on April 27th 2015 for records of complaints about broken hydrants "
     "is granted. The records are attached.", "",
     "records of complaints about broken hydrants", "The records are attached."),
    # "You are seeking …": what was asked, then the body answers.
    ("This is the final response to your request dated October 14, 2020. You are seeking all "
     "emails sent to the security office from October 1, 2020 to October 14, 2020.",
     "A search produced a total of 13 pages, released in full.",
     "all emails sent to the security office from October 1, 2020 to October 14, 2020",
     "A search produced a total of 13 pages, released in full."),
    # What was asked set off after the request's dates, the paragraph's last words; the body
    # after it answers.
    ("I write in response to your Freedom of Information Act request dated February 18, 2017, "
     "received in this office on February 21, for data on all disciplinary cases heard since "
     "2011.", "Attached is a spreadsheet listing each of the 212 cases with its date and outcome.",
     "data on all disciplinary cases heard since 2011",
     "Attached is a spreadsheet listing each of the 212 cases with its date and outcome."),
    ("We are responding to your public records request of March 3, 2019, for the contracts "
     "between the city and its towing companies.", "Two contracts are enclosed, one with each of the towing companies, both signed in 2018.",
     "the contracts between the city and its towing companies", "Two contracts are enclosed, one with each of the towing companies, both signed in 2018."),
    # "…request for records, attached please find …": no request named, the letter's body.
    ("Pursuant to your above-referenced request for records, attached please find the "
     "contract between the City and PredPol.", "", "", ""),
])
def test_a_request_named_with_its_verdict_is_asked_and_answered(
        opening: str, body: str, question: str, answer: str) -> None:
    letter = f"Dear Mr. Vielmetti:\n\n{opening}\n\n{body}\n\nSincerely,\n\nJacqueline Beaudry\n"
    seg = segment(parse(letter, "x.md"))
    assert [(p.question, p.answer) for p in seg.pairs] == ([(question, answer)] if question
                                                           else [])


def test_what_is_asked_after_what_led_to_it_is_a_question() -> None:
    letter = ("*1. I notice that the council has changed the way it keeps its register. Please "
              "send me the specification of the new system.*\n\nWe use Salesforce.\n\n"
              "*1. Does the council have a list of call signs?*\n\nYes.\n")
    assert [p.answer for p in segment(parse(letter, "x.md")).pairs] == ["We use Salesforce.", "Yes."]


def test_a_lead_in_to_the_questions_is_not_one_but_a_question_over_a_list_is() -> None:
    letter = ("Please answer the following questions relating to your printing:\n\n"
              "1. Please name the resellers you buy from?\n\nRight Digital Solutions\n\n"
              "2. How many permits were issued in each of the following years:\n\n"
              "2021 - 4, 2022 - 6\n")
    seg = segment(parse(letter, "x.md"))
    assert [p.question[:20] for p in seg.pairs] == ["Please name the rese", "How many permits wer"]


_PARTS_REQUEST = ("1.\tHow many retailers did you visit over the past three years?\n-\t2022\n-\t2023\n"
                  "-\t2024 (to May 31)\n2.\tWhat was your budget for enforcement for the years:\n"
                  "-\t2022\n-\t2023 (to date)\n3.\tWhich of the following schemes do you support?\n"
                  "-\tPubwatch\n-\tBest Bar None\n")


@pytest.mark.parametrize("reply, want", [
    # Each part the request listed, answered on its own line: a pair of its own.
    ("1. How many retailers did you visit over the past three years?\n- 2022 - 5\n- 2023 - 65\n"
     "- 2024 (to May 31) – 25\n",
     [("2022", "5", 1, "count", "5"), ("2023", "65", 1, "count", "65"),
      ("2024 (to May 31)", "25", 1, "count", "25")]),
    # The reply's own periods under a question that listed periods: parts too, read as money
    # because their question asks for it.
    ("1. How many retailers did you visit over the past three years?\nNone.\n"
     "2. What was your budget for enforcement for the years:\n- 2021/22 £734,800\n"
     "- 2022/23, Approx £763,055\n",
     [("How many retailers did you visit over the past three years?", "None.", 1, "count", "0"),
      ("2021/22", "£734,800", 2, "amount", "734800 GBP"),
      ("2022/23", "Approx £763,055", 2, "amount", "763055 GBP")]),
    # One option of several answered beside it: the options are the request's, not parts.
    ("3. Which of the following schemes do you support?\n- Pubwatch  See attached policy\n"
     "- Best Bar None\n",
     [("Which of the following schemes do you support?", "See attached policy", 3, "text", "")]),
])
def test_the_parts_a_question_listed_are_answered_one_by_one(
        tmp_path: Path, reply: str, want: list[tuple[str, str, int, str, str]]) -> None:
    path = _thread(tmp_path, _PARTS_REQUEST,
                   "Please find the council's response to your request set out below:\n"
                   f"{reply}If you have any queries about this response, please do not hesitate "
                   "to contact us.\n")
    [extraction] = extract_file(str(path))
    got = [(p.question, p.answer, p.request_item, p.value.kind if p.value else "",
            p.value.value if p.value else "") for p in extraction.pairs]
    assert got == want
    stems = {"How many retailers did you visit over the past three years?": 1,
             "What was your budget for enforcement for the years:": 2}
    for pair in extraction.pairs:
        # A part names its question, whose item it answers; a question names none.
        assert (stems.get(pair.part_of) == pair.request_item) if pair.part_of else \
            pair.question in (*stems, "Which of the following schemes do you support?")
    assert sum(1 for p in extraction.pairs if p.part_of) == sum(1 for w in want if w[0][0] == "2")


def test_a_split_year_is_not_the_year_it_starts_with(tmp_path: Path) -> None:
    # "2022/23 - 2994" does not restate the request's "2022": its label stays with its figure.
    path = _thread(tmp_path, "1.\tHow many vapes were seized over the past three years?\n"
                   "-\t2022\n-\t2023\n2.\tWhen did you start?\n",
                   "1. How many vapes were seized over the past three years?\n"
                   "2022/23 - 2994\n2023/24 – 33,000\n2. When did you start?\nIn 2019.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert pairs[0].answer == "2022/23 - 2994 2023/24 – 33,000"


def test_a_reply_answering_questions_as_it_words_them_leaves_the_request_as_the_request(
        tmp_path: Path) -> None:
    # The requester asked three questions; the reply answers two of its own wording. The
    # requester's questions are the request (unanswered), never pairs with a blank answer.
    path = _thread(tmp_path,
                   "I request the following information:\nHow many youth centres did the council "
                   "run each year since 2010?\nHow much did the council spend on youth services "
                   "each year since 2010?\nHow many centres were open in October 2024?\n",
                   "Please find the council's response to your request set out below:\n"
                   "• How many family hubs were closed in the periods 2019/20 - 2022/23?\n"
                   "• We have had no closures of any family hubs in the time frame requested.\n"
                   "• How many youth centres were closed in the periods 2019/20 - 2022/23?\n"
                   "Two youth centres closed in 2021.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    seg = segment(focus(read_document(path)))
    assert [p.question for p in seg.pairs] == [
        "How many family hubs were closed in the periods 2019/20 - 2022/23?",
        "How many youth centres were closed in the periods 2019/20 - 2022/23?"]
    assert all(p.answer for p in seg.pairs)
    assert len(seg.request) == 3 and seg.request[0].startswith("How many youth centres did")


def test_roman_parts_of_a_lettered_item_belong_to_that_item(tmp_path: Path) -> None:
    # Items lettered, their parts numbered in roman beneath: each part answered apart is a
    # question of the lettered item, and the items after it keep their numbers.
    request = ("(a) Do you commission literacy training? (i) Please answer Yes or No.\n"
               "(ii) Please name the training providers you use.\n"
               "(iii) Please give the cost of the training.\n"
               "(b) How many staff attended the training in 2023?\n")
    reply = ("Please find the council's response to your request set out below:\n"
             "(a) Do you commission literacy training? (i) Please answer Yes or No.\nYes.\n"
             "(ii) Please name the training providers you use.\nLearning Ltd.\n"
             "(iii) Please give the cost of the training.\n£4,000.\n"
             "(b) How many staff attended the training in 2023?\n212 staff.\n"
             "If you have any queries about this response, please do not hesitate to contact us.\n")
    seg = segment(focus(read_document(_thread(tmp_path, request, reply))))
    assert [(p.answer, p.request_item) for p in seg.pairs] == [
        ("Yes.", 1), ("Learning Ltd.", 1), ("£4,000.", 1), ("212 staff.", 2)]
    assert len(seg.request) == 2


def test_a_restated_question_ending_in_signs_leaves_them_out_of_its_answer(
        tmp_path: Path) -> None:
    # "Colour Printing Ratio %? 25": the question's "%?" is the question's, "25" the answer.
    request = ("1. What is your annual print volume and spend?\n- Total Pages Printed?\n"
               "- Colour Printing Ratio %?\n- Total Click Charge (£) £?\n")
    reply = ("Please find the council's response to your request set out below:\n"
             "1. What is your annual print volume and spend?\n- Total Pages Printed? 2,374,358\n"
             "- Colour Printing Ratio %? 25\n- Total Click Charge (£) £? Part of a managed service\n"
             "If you have any queries about this response, please do not hesitate to contact us.\n")
    [extraction] = extract_file(str(_thread(tmp_path, request, reply)))
    got = {p.question: (p.answer, p.value.kind if p.value else "") for p in extraction.pairs}
    assert got["Colour Printing Ratio %?"] == ("25", "percent")
    assert got["Total Click Charge (£) £?"][0] == "Part of a managed service"


def test_of_a_request_set_apart_the_paragraphs_that_ask_are_its_questions() -> None:
    # The lead-in, the requester's context and terms are the request's, not questions; a
    # request made on a condition ("If you do not record this, please provide …") asks.
    text = ("Thank you for your request.\n\nYou asked:\n\n"
            "*Under the Act I would like to know the following.*\n\n"
            "*Since 2010 how many call signs have been re-issued to another person?*\n\n"
            "*If you do not record this, please provide the number of call signs issued.*\n\n"
            "*Typical call signs will be in the format G\\*XX.*\n\n"
            "*Please do not include club call signs.*\n\n"
            "Please find attached the list of call signs re-issued since 2010.\n\n"
            "Yours sincerely\n\nInformation Team\n")
    pairs = segment(parse(text, "set_apart.md")).pairs
    assert [p.question for p in pairs] == [
        "Since 2010 how many call signs have been re-issued to another person?",
        "If you do not record this, please provide the number of call signs issued."]
    assert {p.answer for p in pairs} == {
        "Please find attached the list of call signs re-issued since 2010."}


def test_an_emphasised_answer_in_the_questions_own_words_is_an_answer() -> None:
    # "The total number … is 3723." in bold under the request's "The total number …": the
    # answer stated in the question's words, not a question of its own; the copyright notice
    # after it closes the letter.
    text = ("You asked:\n\n*From data held, please furnish the following information:*\n\n"
            "*The total number of individuals holding one or more current licences.*\n\n"
            "I am writing to confirm that we have now completed our search:\n\n"
            "**The total number of individuals holding one or more current licences is 3723.**\n\n"
            "The information provided may be protected by copyright under the Copyright, "
            "Designs and Patents Act 1988.\n\nYours sincerely\n\nA Person\n")
    [pair] = segment(parse(text, "stating.md")).pairs
    assert pair.question == "The total number of individuals holding one or more current licences."
    assert pair.answer.endswith("current licences is 3723.")


def test_a_quoted_requests_numbered_items_are_its_questions_however_worded(
        tmp_path: Path) -> None:
    # "1) The list of …" and "3) The list of …" are statements, "2) … ?" asks: numbered on by
    # one in the quoted request, all three are items; "Please provide …:" leads in. The reply's
    # reference line, rule and sign-off are not its answer.
    request = ("Please provide for financial years 2016/17 and 2017/18 in MS Excel format:\n"
               "1) The list of local authorities who have sought statutory overrides.\n"
               "2) What reasons did each council give for its request?\n"
               "3) The list of overrides both denied and approved.\n")
    reply = ("Our reference: 4011595 Information request\n"
             "--------------------------------------------------------------\n\n"
             "Dear A Person\n\n"
             "Thank you for your request for information which we received on 17 January 2019.\n\n"
             "I have attached our formal response to your request, and the information you "
             "asked for.\n\n")
    path = tmp_path / "thread.txt"
    path.write_text("===== OUTGOING 2019-01-17T10:00:00+00:00 message_id=1\nDear Ministry,\n"
                    f"{request}Yours faithfully,\nA Person\n\n"
                    "===== INCOMING 2019-02-21T10:00:00+00:00 message_id=2\n"
                    f"{reply}Knowledge and Information Access Team\n"
                    "NOTE: Please do not edit the subject line when replying to this email.\n",
                    encoding="utf-8")
    seg = segment(focus(read_document(path)))
    assert [p.question[:20] for p in seg.pairs] == [
        "The list of local au", "What reasons did eac", "The list of override"]
    assert {p.answer for p in seg.pairs} == {
        "I have attached our formal response to your request, and the information you asked for."}


def test_a_request_heading_sets_out_the_request_down_to_the_labelled_response() -> None:
    # "Your request" in bold, the request in italics (two items, then the requester's notes),
    # "Our response": the notes are the request's context, never the answer.
    from foiextract.readers.markdown import parse

    doc = parse("Dear Ms Lee,\n\n**Your request**\n\n"
                "*Please provide the number of bridges inspected in 2023.*\n\n"
                "*Please also provide the cost of those inspections.*\n\n"
                "*Without knowing how this is recorded it is hard to be precise, so figures for "
                "the nearest period you hold would be fine.*\n\n"
                "*Thank you in advance for your help with this.*\n\n"
                "*I look forward to hearing from you in due course.*\n\n"
                "**Our response**\n\nWe inspected 41 bridges at a cost of £12,300.\n\n"
                "Yours sincerely,\n\nBridges Team\n", "r.md")
    got = [(p.request_item, p.question[:24], p.answer, p.shared) for p in segment(doc).pairs]
    answer = "We inspected 41 bridges at a cost of £12,300."
    assert got == [(1, "Please provide the numbe", answer, True),
                   (2, "Please also provide the ", answer, True)]


def test_parts_a_quoted_request_lists_bare_are_answered_a_line_each() -> None:
    # "How many people with the following surnames …?" over one surname a line (no list
    # marks); the reply answers "Okafor 12", a line each: each is a part of item 1.
    from foiextract.readers.markdown import parse

    doc = parse("> Dear Council,\n>\n> How many people with the following surnames work for the "
                "council?\n>\n> Okafor\n>\n> Lindqvist\n>\n> Moreau\n>\n> Yours faithfully,\n\n"
                "Dear Requester,\n\nPlease find our response below:\n\nOkafor 12\n\n"
                "Lindqvist <5\n\nMoreau 7\n\nKind Regards,\n\nThe Council\n", "t.md")
    seg = segment(doc)
    assert seg.request == ("How many people with the following surnames work for the council?",)
    assert [(p.request_item, p.question, p.answer, p.part_of == seg.request[0])
            for p in seg.pairs] == [(1, "Okafor", "12", True), (1, "Lindqvist", "<5", True),
                                    (1, "Moreau", "7", True)]


_PLAIN_ANSWERS = ("Dear Mr Jones,\n\nThank you for your request for information about licensing,"
                  " which we received on 3 March 2024.\n"
                  "Please find our response to your request below.\n\n"
                  "{items}\nKind regards,\nLicensing Team\n")


@pytest.mark.parametrize("items, asked", [
    # Bulleted statements, each over a plain answer: item and answer take turns.
    ("• Number of applications received in 2023\nThere were 14 applications.\n"
     "• Number of applications refused\nNone\n"
     "• Number of licences revoked in the last 12 months\nTwo licences were revoked.\n",
     ["Number of applications received in 2023", "Number of applications refused",
      "Number of licences revoked in the last 12 months"]),
    # A question's answer given as bullets, each explained: entries, not questions.
    ("How many youth centres were closed?\n• January 2019 – March 2020\nNo closures\n"
     "• March 2020 – October 2020\nAll centres closed for the pandemic.\n"
     "• October 2020 – Present\nCentres reopened in turn.\n", []),
    # Bullets worded as answers, or whose bracket the next line closes: not asked.
    ("• We had no closures in 2019\nin the time frame requested.\n"
     "• Wincobank moved to Wensley (November\n2022)\n"
     "• Arbourthorne moved to St Leonards (October\n2023)\n", []),
])
def test_bulleted_items_taking_turns_with_plain_answers_are_asked(
        tmp_path: Path, items: str, asked: list[str]) -> None:
    assert _nested_questions(tmp_path, _PLAIN_ANSWERS.format(items=items)) == asked


def _nested_questions(tmp_path: Path, letter: str) -> list[str]:
    """The questions a plain-text letter's list items give as the request's list."""
    path = tmp_path / "reply.txt"
    path.write_text(letter, "utf-8")
    return [p.question for p in segment(read_document(str(path))).pairs
            if p.rule == "question_nested"]


_OUTLINE_ANSWER = ("Dear Ms Lee,\nThank you for your request.\n"
                   "How many youth centres were closed in the last five years?\n"
                   "{items}"
                   "Kind Regards,\nThe Council\n")


@pytest.mark.parametrize("items, asked", [
    # Statements over nested answers: the items are the request's, however worded.
    ("• Number of youth centres open in 2019\no 14\n• Number of youth centres open in 2024\n"
     "o 11\n• Number of youth workers employed\no 23 full-time equivalent\n",
     ["Number of youth centres open in 2019", "Number of youth centres open in 2024",
      "Number of youth workers employed"]),
    # An answer's own list, each group led in by its title ending ":" or "–": no questions.
    ("Three closed.\n• Permanent closures –\no Tinsley Juniors\no Phillimore School\n"
     "• Venue changes-\no Wincobank moved to Wensley\n• New youth clubs created:\no Longley\n"
     "o Newfield Green\n", []),
])
def test_items_over_nested_answers_are_asked_lead_ins_are_not(
        tmp_path: Path, items: str, asked: list[str]) -> None:
    assert _nested_questions(tmp_path, _OUTLINE_ANSWER.format(items=items)) == asked


@pytest.mark.parametrize("text, asks", [
    ("Homecare: please provide the hourly rate and the minimum unit rate, if applicable;", True),
    ("Day care: transport: please provide the journey rate and the minimum rate;", True),
    ("Response: please provide your postal address so that we can send the file.", False),
    ("Homecare: the hourly rate is £21.", False),
])
def test_a_request_under_a_title_of_its_own_asks(text: str, asks: bool) -> None:
    from foiextract.segment.phrases import reads_as_question
    assert reads_as_question(text) is asks


@pytest.mark.parametrize("text, asks", [
    ("Were any libraries closed permanently in 2023?", True),     # "We" is not "Were"
    ("Western Road library: was it closed in 2023?", True),
    ("We closed two libraries in 2023.", False),
    ("We have no record of this?", False),                          # a statement, "?" or not
])
def test_a_statement_opener_is_a_whole_word(text: str, asks: bool) -> None:
    from foiextract.segment.phrases import reads_as_question
    assert reads_as_question(text) is asks


@pytest.mark.parametrize("body, answers", [
    # Titles after answers head the questions under them; they end the answer above.
    ("Staffing\nHow many staff do you employ?\n212\nSuppliers\nWhich supplier do you use?\n"
     "Capita\nBudget\nWhat is the budget for 2024/25?\n£8.1m\n", ["212", "Capita", "£8.1m"]),
    # A short line right under a question is its answer, however title-like.
    ("Which supplier do you use for payroll?\nCapita\nWhich supplier do you use for IT?\n"
     "Civica Group\nWhat is the budget for 2024/25?\n£8.1m\n", ["Capita", "Civica Group", "£8.1m"]),
])
def test_short_titles_over_plain_questions_are_headings(tmp_path: Path, body: str,
                                                        answers: list[str]) -> None:
    path = tmp_path / "reply.txt"
    path.write_text("Dear Ms Patel,\nThank you for your request.\nPlease see our response below:\n"
                    f"{body}Kind Regards,\nThe Council\n", "utf-8")
    assert [p.answer for p in segment(read_document(str(path))).pairs] == answers


@pytest.mark.parametrize("body, questions", [
    # A statement bullet among bulleted questions, each over its plain answer: asked too.
    ("• Actual spend on this framework from the start of the contract\n£98,566\n"
     "• Start date of the framework?\n01 September 2022.\n• Is there an extension clause?\n"
     "No extension clause included.\n",
     ["Actual spend on this framework from the start of the contract",
      "Start date of the framework?", "Is there an extension clause?"]),
    # An answer's own bullets, a note under them: still the answer.
    ("• Which tutoring providers were used?\n• Teaching Personnel\n• Prospero\n"
     "Both were paid by invoice.\n• Is there an extension clause?\nNo.\n",
     ["Which tutoring providers were used?", "Is there an extension clause?"]),
])
def test_a_statement_bullet_among_bulleted_questions_is_asked(
        tmp_path: Path, body: str, questions: list[str]) -> None:
    path = tmp_path / "reply.txt"
    # Wrapped at the width of a real e-mail: "£98,566" would not have fitted on its line.
    path.write_text("Dear Mr Clarke,\nThank you for your request for information relating to "
                    "furniture removals,\nstorage and disposal services which we received on "
                    "24/01/2024. Please find\nthe council’s response to your request set out "
                    f"below, item by item in turn:\n{body}Kind Regards,\nThe Council\n", "utf-8")
    assert [p.question for p in segment(read_document(str(path))).pairs] == questions


def test_parts_of_the_request_named_and_quoted_are_its_questions(tmp_path: Path) -> None:
    # A US FOIA letter: the request quoted, then each part named and quoted, answered after it.
    path = tmp_path / "reply.txt"
    path.write_text(
        "Dear Mr. Martinez,\n\nThis letter is in response to your FOIA request.\n\n"
        'Portion 1 of your request seeks the following: "+ Solicitation of bids for PenLinks." '
        "It was determined that no responsive records could be found.\n\n"
        'Portion 2 of your request seeks, "+ Invoices related to PEN-link training.". In response '
        "to this portion of your request, a copy of the invoice is provided.\n\n"
        "Sincerely,\nFOIA Officer\n", "utf-8")
    pairs = segment(read_document(str(path))).pairs
    assert [(p.question, p.answer[:30]) for p in pairs] == [
        ("Solicitation of bids for PenLinks", "It was determined that no resp"),
        ("Invoices related to PEN-link training", "In response to this portion of")]


@pytest.mark.parametrize("lines, labels", [
    (["Number of social workers employed: 142", "Number of agency social workers: 31",
      "Annual spend on agency staff: £3.2m"],
     ["Number of social workers employed", "Number of agency social workers",
      "Annual spend on agency staff"]),
    # Two such lines are an answer's own details, not the letter's layout.
    (["Number of social workers employed: 142", "Number of agency social workers: 31"], []),
    # ... unless they are two items of one list, as the request set them out.
    (["• Price charged for a new licence - £465.70",
      "• Price charged for renewal of a licence - £400.00"],
     ["Price charged for a new licence", "Price charged for renewal of a licence"]),
    # Two such lines apart in the letter are still an answer's details.
    (["• Price charged for a new licence - £465.70", "Other fees vary.",
      "• Price charged for renewal of a licence - £400.00"], []),
    # Numbered on by one, as the request numbered them, and an item numbered on from them
    # laid out the same way, whatever its answer says.
    (["1. Number of social workers employed: 142", "2. Number of agency social workers - 31",
      "3. The software used for case records: Liquidlogic"],
     ["Number of social workers employed", "Number of agency social workers",
      "The software used for case records"]),
    # ... or in a sentence of its own.
    (["1. Number of social workers employed: 142", "2. Number of agency social workers - 31",
      "3. A copy of the agency staff policy: There is no such policy, so no information is held."],
     ["Number of social workers employed", "Number of agency social workers",
      "A copy of the agency staff policy"]),
    # Numbered apart ("1." then "3.") they are details again; an item that asks stays asked.
    (["1. Number of social workers employed: 142", "3. Number of agency social workers: 31"], []),
    (["1. Number of social workers employed: 142", "2. Number of agency social workers - 31",
      "3. Case records: please send the software's name"],
     ["Number of social workers employed", "Number of agency social workers"]),
])
@pytest.mark.parametrize("apart", ["\n", "\n\n"], ids=["lines", "paragraphs"])
def test_three_labelled_values_are_questions_with_their_answers(
        tmp_path: Path, lines: list[str], labels: list[str], apart: str) -> None:
    # (Paragraphs apart, "1." is a number typed at a paragraph's start, not a list's.)
    path = tmp_path / "reply.txt"
    path.write_text("Dear Sir,\n\nPlease find our response below.\n\n" + apart.join(lines)
                    + "\n\nYours faithfully,\nThe Council\n", "utf-8")
    pairs = segment(read_document(str(path))).pairs
    assert [p.question for p in pairs if p.rule == "question_labelled_value"] == labels


def test_items_run_on_in_one_paragraph_are_items_and_the_reply_answers_each() -> None:
    # The request's numbered items lost their line breaks ("…trees; 2. The number …"); the reply
    # restates each with its figure after "=", and says the lead-in again after the first answer.
    letter = ("> Please provide the total number of trees planted over the season.\n>\n"
              "> Further, please break this number down as follows:\n>\n"
              "> 1. The number replacing felled trees; 2. The number replacing failed young "
              "trees; 3. The number planted in new locations.\n\n"
              "Please provide the total number of trees planted over the season - 811 Further, "
              "please break this number down as follows:\n\n"
              "1. The number replacing felled trees = 677\n\n"
              "2. The number replacing failed young trees = 33\n\n"
              "3. The number planted in new locations = 59\n")
    pairs = segment(parse(letter, "x.md")).pairs
    assert [(p.question, p.answer) for p in pairs] == [
        ("Please provide the total number of trees planted over the season.", "811"),
        ("The number replacing felled trees", "677"),
        ("The number replacing failed young trees", "33"),
        ("The number planted in new locations.", "59")]


def test_a_verdict_over_listed_items_answers_each() -> None:
    letter = ("Dear J. Ader:\n\nPursuant to your request, attached please find the contract.\n\n"
              "There are no documents responsive to your request for the following items:\n\n"
              "- Initial bid documents\n- Requests for proposals\n- Usage policies\n\n"
              "Very truly yours,\n\nMichael Gehrman\n")
    pairs = segment(parse(letter, "x.md")).pairs
    verdict = "There are no documents responsive to your request for the following items:"
    assert [(p.question, p.answer, p.shared) for p in pairs] == [
        ("Initial bid documents", verdict, True), ("Requests for proposals", verdict, True),
        ("Usage policies", verdict, True)]


def test_a_request_received_with_its_items_is_answered_under_the_letters_sections() -> None:
    letter = ("Dear J Ader:\n\n**I. Background**\n\nOn February 11, 2019, we received your request "
              "for all documents pertaining to the contract, including:\n\n"
              "- Initial Bid Documents;\n- Data retention policies; and\n- Usage policies\n\n"
              "Your Request is granted in part and denied in part.\n\n"
              "**II. Responsive Documents**\n\nThe Procurement department is providing you with "
              "the Request for Proposal No. 22658.\n\n**IV. Right of Review**\n\n"
              "You have the right to have this decision reviewed.\n")
    seg = segment(parse(letter, "x.md"))
    assert [p.question for p in seg.pairs] == ["Initial Bid Documents", "Data retention policies",
                                               "Usage policies"]
    assert seg.pairs[0].answer == ("Your Request is granted in part and denied in part. The "
                                   "Procurement department is providing you with the Request for "
                                   "Proposal No. 22658.")


@pytest.mark.parametrize("lead_in", [
    "There were two aspects to your request:",
    # a lead-in naming the reply as well as the request
    "Please find below the Council's response to each part of your request for the following "
    "information:",
    # and the request's own lead-in under it
    "Please find below the Council's response to your request:\n\nI would like the following "
    "information about the library:",
])
def test_the_requests_aspects_set_out_in_turn_each_with_its_answer(lead_in: str) -> None:
    letter = (f"Dear Matt Smith\n\n{lead_in}\n\n"
              "- any correspondence between the museum and the library about the renovation.\n\n"
              "Our Library service cannot locate any information on any renovations.\n\n"
              "- any reports commissioned by the council on the state of the building.\n\n"
              "We are sending you 12 reports in four batches due to size.\n\n"
              "If you have any queries about this response, please contact us.\n")
    seg = segment(parse(letter, "x.md"))
    assert [(p.question, p.answer, p.shared) for p in seg.pairs] == [
        ("any correspondence between the museum and the library about the renovation.",
         "Our Library service cannot locate any information on any renovations.", False),
        ("any reports commissioned by the council on the state of the building.",
         "We are sending you 12 reports in four batches due to size.", False)]


@pytest.mark.parametrize("items, pairs", [
    # Numbered items that ask nothing in their own words, each over its own answer: asked.
    ("1: Contact email for the placements service.\n\n- placements@example.org\n\n"
     "2: Contact number for the placements service.\n\n- 0114 273 4567\n",
     [("Contact email for the placements service.", "placements@example.org"),
      ("Contact number for the placements service.", "0114 273 4567")]),
    # A numbered list with nothing beneath its items answers; it asks nothing.
    ("1. Capita\n\n2. Civica\n\n3. Northgate\n", []),
])
def test_numbered_items_over_answers_of_their_own_are_asked(
        items: str, pairs: list[tuple[str, str]]) -> None:
    letter = ("Dear Harry Woodgate,\n\nPlease find the council's response to your request set "
              f"out below:\n\n{items}\nIf you have any queries about this response, please "
              "contact us.\n")
    found = segment(parse(letter, "x.md")).pairs
    assert [(p.question, p.answer) for p in found if p.rule == "question_numbered_item"] == pairs


def test_a_request_restated_over_figures_by_period_is_asked() -> None:
    # Restated items that neither number nor mark their questions, each over its figures by
    # year: what the figures answer is asked (the reply's layout, not a "?", says so).
    letter = ("Please find the council's response to your request below:\n\n"
              "The number of pupils newly registered as EHE each academic year for:\n\n"
              "2018-19 - 216\n\n2019-20 - 203\n\n"
              "If time allows, please could you also provide the total number of pupils "
              "registered in each of the same years.\n\n2018-19 - 727\n\n2019-20 - 686\n")
    pairs = segment(parse(letter, "x.md")).pairs
    assert [(p.question[:24], p.answer) for p in pairs] == [
        ("The number of pupils new", "2018-19 - 216 2019-20 - 203"),
        ("If time allows, please c", "2018-19 - 727 2019-20 - 686")]


def test_lettered_sub_questions_run_on_into_their_stem_are_each_asked() -> None:
    letter = ("Please find the council's response to your request set out below:\n\n"
              "1. Advice provision delivered in-house by the local authority a. What is the "
              "total amount spent per year?\n\nb. What proportion comes from core council "
              "budgets? c. Please specify the grants referred to in 1b\n\n"
              "We do not have any advice provision in house.\n")
    pairs = segment(parse(letter, "x.md")).pairs
    assert [(p.question, p.shared) for p in pairs] == [
        ("What is the total amount spent per year?", True),
        ("What proportion comes from core council budgets?", True),
        ("Please specify the grants referred to in 1b", True)]
    assert {p.answer for p in pairs} == {"We do not have any advice provision in house."}


@pytest.mark.parametrize("paragraph,marker,text", [
    ("o Any briefing notes concerning the systems.", "•", "Any briefing notes concerning the systems."),
    ("- As part of the GIS, a workload model.", "•", "As part of the GIS, a workload model."),
    ("o 2", "•", "2"),
    ("· Any contracts.", "•", "Any contracts."),
    ("on the other hand, none.", "", "on the other hand, none."),  # a word, not a bullet
    ("- none", "", "- none"),  # a dash before lower case: not read as a bullet here
])
def test_a_bullet_typed_as_text_in_a_paragraph_is_a_bullet(paragraph: str, marker: str,
                                                           text: str) -> None:
    unit = units_of((Block("paragraph", (Span(paragraph),)),))[0]
    assert (unit.marker, unit.text) == (marker, text)


_LISTED_ANSWER = "The council does not hold this information. We do not record agency staff centrally."
_LISTED_ITEMS = ["The number of agency staff employed in 2019", "The cost of agency staff in 2019",
                 "The policy on agency staff"]


@pytest.mark.parametrize("lead_in", [
    "Thank you for your request. You asked for the following information:",
    "In your request you indicate that you are seeking the following:",
    "The council is in receipt of your Freedom of Information Act request for:",
])
@pytest.mark.parametrize("shape", ["bullets", "lines", "one line each", "quoted lines"])
def test_a_request_listed_under_a_lead_in_then_answered_once_gives_each_item_the_answer(
        lead_in: str, shape: str) -> None:
    if shape == "bullets":
        listed = "\n".join(f"- {item}" for item in _LISTED_ITEMS)
    elif shape == "lines":  # a list typed a line an item, no marks (hard line breaks)
        listed = "\\\n".join(_LISTED_ITEMS)
    elif shape == "one line each":
        listed = "\n\n".join(_LISTED_ITEMS)
    else:  # the request quoted
        listed = '"' + "\\\n".join(_LISTED_ITEMS) + '"'
    letter = f"Dear Ms Smith,\n\n{lead_in}\n\n{listed}\n\n{_LISTED_ANSWER}\n\nYours sincerely\n\nJo\n"
    seg = segment(parse(letter, "x.md"))
    assert [(p.question, p.answer, p.shared, p.request_item) for p in seg.pairs] == [
        (item, _LISTED_ANSWER, True, n) for n, item in enumerate(_LISTED_ITEMS, start=1)]


@pytest.mark.parametrize("lead_in", [
    "Thank you for your request of 3 May, in which you asked for:",
    "The council is in receipt of your Freedom of Information Act request for:",
])
@pytest.mark.parametrize("typed", [
    "{item};",  # each item carrying on the lead-in's sentence, in lower case
    '"{item}"',  # quoted
    "-{item}",  # a dash typed before each, no space
    "- {item}.",
])
def test_items_carrying_on_the_lead_in_in_lower_case_are_each_asked(lead_in: str,
                                                                     typed: str) -> None:
    items = [item[0].lower() + item[1:] for item in _LISTED_ITEMS]
    items[0] += " and the agencies they were employed through, by month and by department"
    listed = "\n\n".join(typed.format(item=item) for item in items)
    letter = f"Dear Ms Smith,\n\n{lead_in}\n\n{listed}\n\n{_LISTED_ANSWER}\n\nYours sincerely\n\nJo\n"
    seg = segment(parse(letter, "x.md"))
    assert [(p.question.strip('"'), p.answer, p.shared) for p in seg.pairs] == [
        (typed.format(item=item).strip('-"; '), _LISTED_ANSWER, True) for item in items]


@pytest.mark.parametrize("paragraphs", [
    # the reply's sentences under a lead-in of its own open with capitals
    ["The council does not hold this information.", "We do not record agency staff."],
    # one paragraph carrying on the lead-in is one item, not a list
    ["the number of agency staff employed in 2019 and their cost"],
])
def test_what_does_not_carry_on_a_lead_in_as_its_items(paragraphs: list[str]) -> None:
    letter = ("Dear Ms Smith,\n\nThank you for your request, in which you asked for:\n\n"
              + "\n\n".join(paragraphs) + "\n\nYours sincerely\n\nJo\n")
    assert not [p for p in segment(parse(letter, "x.md")).pairs if p.rule == "request_listed"]


def test_a_dash_before_lower_case_is_a_bullet_only_where_two_stand_together() -> None:
    blocks = [Block("paragraph", (Span(text),)) for text in (
        "-any/all records of the meeting", "-any/all minutes of the meeting", "Thank you.",
        "-well, not quite")]
    assert [(u.marker, u.text) for u in units_of(blocks)] == [
        ("•", "any/all records of the meeting"), ("•", "any/all minutes of the meeting"),
        ("", "Thank you."), ("", "-well, not quite")]


@pytest.mark.parametrize("items", [
    # some items worded as questions read as such, the others passed over
    ["Parking fines issued", "Bus lane fines", "Income", "Number of enforcement officers",
     "Number of complaints about enforcement officers"],
    ["How many parking fines were issued?", "Income from fines", "Costs of enforcement"],
])
def test_a_numbered_request_answered_once_gives_every_item_the_answer_whatever_its_wording(
        items: list[str]) -> None:
    listed = "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1))
    letter = (f"Dear Ms Smith,\n\nYou asked for the following information:\n\n{listed}\n\n"
              f"{_LISTED_ANSWER}\n\nYours sincerely\n\nJo\n")
    seg = segment(parse(letter, "x.md"))
    assert [(p.question, p.answer, p.request_item) for p in seg.pairs] == [
        (item, _LISTED_ANSWER, n) for n, item in enumerate(items, start=1)]


def test_items_answered_in_turn_by_number_after_the_list_stay_so() -> None:
    letter = ("Dear Ms Smith,\n\nYou asked:\n\n1. How many fines were issued?\n"
              "2. What was the income?\n3. How many were appealed?\n\n"
              "Q1 Fewer than 5.\n\nQ3 None.\n\nYours sincerely\n\nJo\n")
    seg = segment(parse(letter, "x.md"))
    assert [(p.request_item, p.answer) for p in seg.pairs if p.answer] == [
        (1, "Fewer than 5."), (3, "None.")]


_ALIKE = ["How many penalty charge notices did the council issue in Abbey ward in 2021?",
          "How many penalty charge notices did the council issue in Bridge ward in 2021?",
          "How many penalty charge notices did the council issue in Castle ward in 2021?",
          "How many penalty charge notices did the council issue in Abbey ward in 2022?"]


def test_questions_worded_alike_one_after_another_are_each_asked_not_the_first_again() -> None:
    answer = "The council does not record the ward in which a notice is issued."
    letter = ("Dear Jo,\n\nThank you for your request.\n\n" + "\n\n".join(_ALIKE)
              + f"\n\n{answer}\n\nYours sincerely\n\nAl\n")
    seg = segment(parse(letter, "x.md"))
    assert [(p.question, p.answer, p.shared) for p in seg.pairs] == [
        (q, answer, True) for q in _ALIKE]


@pytest.mark.parametrize("asked", [
    ["How many staff work in the parking team?", "What was the budget of the parking team?",
     "Who manages the parking team?"],
    _ALIKE[:3],
])
def test_a_request_set_out_then_asked_again_question_by_question_keeps_each_answer(
        asked: list[str]) -> None:
    answers = ["There are 12 staff.", "It was £400,000.", "The Head of Parking."]
    letter = ("Dear Jo,\n\nYou asked:\n\n" + "\n\n".join(asked) + "\n\n"
              + "\n\n".join(f"{q}\n\n{a}" for q, a in zip(asked, answers))
              + "\n\nYours sincerely\n\nAl\n")
    seg = segment(parse(letter, "x.md"))
    assert [(p.question, p.answer) for p in seg.pairs if p.answer] == list(zip(asked, answers))


def test_a_quoted_request_goes_on_past_its_list_to_the_closing_quote() -> None:
    letter = ("Dear Ms Smith,\n\nIn your request you indicate that you are seeking the following:"
              "\n\n\"I hereby request the following records:\n\n"
              + "\\\n".join(_LISTED_ITEMS) + "\n\nAdditionally, I am looking for the guidance "
              "given to managers about agency staff.\"\n\n" + _LISTED_ANSWER + "\n\nYours sincerely\n\nJo\n")
    seg = segment(parse(letter, "x.md"))
    assert [p.question for p in seg.pairs] == _LISTED_ITEMS + [
        "Additionally, I am looking for the guidance given to managers about agency staff."]
    assert {p.answer for p in seg.pairs} == {_LISTED_ANSWER}


@pytest.mark.parametrize("lead_in, listed", [
    # the reply's own lead-in over its own list
    ("Our reply to your request is:", "\\\n".join(_LISTED_ITEMS)),
    ("Attached is a spreadsheet containing the following data:", "\\\n".join(_LISTED_ITEMS)),
    # a wrapped paragraph set with hard breaks is not a list
    ("You asked for the following information:",
     "The number of agency staff employed in 2019 and\\\nthe cost of agency staff in that year"),
    # the reply's statements a line each are not the request's items
    ("You asked for the following information:",
     "We do not hold this information.\\\nThe council does not record agency staff."),
])
def test_what_is_not_a_request_listed_under_its_lead_in(lead_in: str, listed: str) -> None:
    letter = f"Dear Ms Smith,\n\n{lead_in}\n\n{listed}\n\n{_LISTED_ANSWER}\n\nYours sincerely\n\nJo\n"
    assert not [p for p in segment(parse(letter, "x.md")).pairs if p.rule == "request_listed"]


def test_a_paragraph_naming_a_listed_item_in_its_words_answers_that_item() -> None:
    letter = ("Dear Ms Smith,\n\nYou asked for the following information:\n\n"
              + "\\\n".join(_LISTED_ITEMS) + "\n\n"
              "121 NORTH LASALLE STREET, ROOM 1100, CHICAGO, ILLINOIS 60602\n\n"
              "We have attached the figures for 2019.\n\n"
              "Exemptions apply under the following provisions:\n\n"
              "(v) disclose unique or specialized investigative techniques\n\n"
              "Finally, with regard to the portion of your request seeking the policy on agency "
              "staff, the council has no such policy.\n\nYours sincerely\n\nJo\n")
    seg = segment(parse(letter, "x.md"))
    shared = ("We have attached the figures for 2019. Exemptions apply under the following "
              "provisions: disclose unique or specialized investigative techniques")
    assert [(p.question, p.answer, p.shared) for p in seg.pairs] == [
        (_LISTED_ITEMS[0], shared, True), (_LISTED_ITEMS[1], shared, True),
        (_LISTED_ITEMS[2], "Finally, with regard to the portion of your request seeking the "
                           "policy on agency staff, the council has no such policy.", False)]


@pytest.mark.parametrize("joiner", ["\\\n", "\n\n", "\n- "])
@pytest.mark.parametrize("count, listed", [(30, True), (31, False)])
def test_a_list_longer_than_any_request_is_not_read_as_one(count: int, listed: bool,
                                                          joiner: str) -> None:
    lines = ("- " if joiner == "\n- " else "") + joiner.join(
        f"Check #{n} dated 2014 for the amount {n}" for n in range(count))
    letter = (f"Dear Jo,\n\nYou asked for the following information:\n\n{lines}\n\n"
              f"{_LISTED_ANSWER}\n\nYours sincerely\n\nAl\n")
    pairs = [p for p in segment(parse(letter, "x.md")).pairs if p.rule == "request_listed"]
    assert len(pairs) == (count if listed else 0)


@pytest.mark.parametrize("after, asked", [
    ("Could you also tell me how much was spent on appeals in 2022/23.", True),
    # A figure set under the bullets is the answer's, not a question.
    ("Amount spent 2022/23 - £169,410.90", False),
])
def test_a_plain_paragraph_that_asks_over_a_bulleted_answer_is_a_question_where_answers_are_bullets(
        after: str, asked: bool, tmp_path: Path) -> None:
    pairs = _plain_reply(tmp_path, "1. How many panels are involved in the process?\n\n"
                                   "• There is only one panel.\n\n"
                                   "2. How many weeks into the process do you send the draft?\n\n"
                                   "• The draft is sent between weeks 12 and 16.\n\n"
                                   f"{after}\n\n"
                                   "• Number of appeals – 118.\n")
    want = [after] if asked else []
    assert [p.question for p in pairs][2:] == want
    assert pairs[-1].answer.startswith("Number of appeals" if asked else "The draft")


@pytest.mark.parametrize("follow_up, joins", [
    ("If the closure lasted less than a day, please provide the length in hours.", True),
    ("If available, could you break this down by ward.", True),
    # The reply's own conditional is its answer, not the request's.
    ("If you need anything further, please contact us.", False),
])
def test_a_request_asking_on_a_condition_under_its_question_is_the_question(
        follow_up: str, joins: bool, tmp_path: Path) -> None:
    pairs = _plain_reply(tmp_path, "1. How many road closures were there in 2023?\n\n"
                                   f"{follow_up}\n\n412 closures.\n\n"
                                   "2. How many road works were there in 2023?\n\n1,508.\n")
    first = pairs[0]
    assert (follow_up in first.question) is joins
    assert first.answer == ("412 closures." if joins else f"{follow_up} 412 closures.")


def test_parts_numbered_under_an_item_are_its_question() -> None:
    letter = ("Please find our response below:\n\n"
              "1. How many complaints did you receive in 2023?\n\nTwelve.\n\n"
              "2. Please provide all complaints received about:\n\n"
              "2.1 apartment 305, West One Plaza\n\n2.2 apartment 418, Royal Plaza\n\n"
              "Information not held.\n")
    pairs = segment(parse(letter, "x.md")).pairs
    assert [p.answer for p in pairs] == ["Twelve.", "Information not held."]
    assert pairs[1].question.endswith("2.2 apartment 418, Royal Plaza")


@pytest.mark.parametrize("line, asked", [
    ("3 Please provide all correspondence about change of use.", True),
    # A figure opening the answer's next sentence is not item 3.
    ("3 people were fined in 2023.", False),
])
def test_the_next_number_with_no_stop_after_it_opens_the_next_item_where_it_asks(
        line: str, asked: bool, tmp_path: Path) -> None:
    pairs = _plain_reply(tmp_path, "1. How many complaints did you receive?\n\nTwelve.\n\n"
                                   "2. How many fines did you issue?\n\nFour.\n\n"
                                   f"{line}\n\nN/A\n")
    assert [p.question for p in pairs][2:] == ([line[2:]] if asked else [])
    assert pairs[-1].answer == ("N/A" if asked else f"Four. {line} N/A")


@pytest.mark.parametrize("text, guidance", [
    ("*What training do you need to complete before joining?*", False),
    ("*[You will now need to apply this exemption to the requested information.]*", True),
    ("*You must also state the exemption relied on.*", True),
])
def test_an_italic_question_is_asked_not_left_as_drafting_guidance(
        text: str, guidance: bool) -> None:
    letter = f"{text}\n\nNone.\n\n*How many officers were trained?*\n\nTwelve.\n"
    pairs = segment(parse(letter, "x.md")).pairs
    assert [p.answer for p in pairs][-1] == "Twelve."
    assert (pairs[0].answer == "None.") is not guidance


def test_a_link_reference_closing_a_paragraph_does_not_make_it_a_bracketed_note(
        tmp_path: Path) -> None:
    pairs = _plain_reply(tmp_path, "1. How many permits did you issue? You must count "
                                   "renewals. See [1]\n\nForty.\n\n"
                                   "2. How many were refused?\n\nTwo.\n")
    assert [p.answer for p in pairs] == ["Forty.", "Two."]


@pytest.mark.parametrize("above, split", [
    # Labelled figures after an answer: the request's items, each with its answer.
    ("We don't keep records of scheme members.", True),
    # The same lines right under a question: its answer.
    ("What did you charge for licences in 2023?", False),
])
def test_labelled_figures_are_items_unless_they_answer_the_question_above(
        above: str, split: bool, tmp_path: Path) -> None:
    pairs = _plain_reply(tmp_path, "1. Do you keep records of scheme members?\n\n"
                                   f"{above}\n\n"
                                   "Price charged for new licence - £465.70\n\n"
                                   "Price charged for renewal of a licence - £400.00\n\n"
                                   "Price charged for a transfer - £50.00\n\n"
                                   "2. How many licences were refused?\n\nNone.\n")
    labelled = [(p.question, p.answer) for p in pairs if p.rule == "question_labelled_value"]
    assert labelled == ([("Price charged for new licence", "£465.70"),
                         ("Price charged for renewal of a licence", "£400.00"),
                         ("Price charged for a transfer", "£50.00")] if split else [])
    assert pairs[-1].answer == "None."


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_the_same_parts_asked_under_each_numbered_topic_are_asked_and_answered_under_each(
        gap: str, tmp_path: Path) -> None:
    topics = ["Advice delivered in-house", "Advice delivered by partners", "General advice"]
    answers = ["We do not run this service.", "We spent £40,000.", "About £2.2m in all."]
    body = gap.join(f"{n}. {topic}{gap}a. What is the total amount spent per year?{gap}"
                    f"b. What proportion of this comes from grants?{gap}{answer}"
                    for n, (topic, answer) in enumerate(zip(topics, answers), start=1))
    pairs = _plain_reply(tmp_path, body + "\n")
    assert [p.answer for p in pairs] == [a for a in answers for _ in range(2)]
    assert [p.question for p in pairs] == [
        "What is the total amount spent per year?",
        "What proportion of this comes from grants?"] * 3


def _plain_reply(tmp_path: Path, body: str) -> list[Pair]:
    """The pairs of a plain-text reply: its opening line, then ``body``."""
    path = tmp_path / "reply.txt"
    path.write_text(f"Please find our response below:\n\n{body}", "utf-8")
    return segment(read_document(str(path))).pairs


_BULLETED_REQUEST = ("I would like to request the following information:\n"
                     "• The number of libraries the council runs.\n"
                     "• Of these, the number of libraries open on Sundays as of 1st March 2024.\n"
                     "• The opening hours of each library that is open on Sundays.\n")


@pytest.mark.parametrize("restated,shared", [
    # each bullet restated bare on its own line, each over its answer
    ("The number of libraries the council runs.\n• The council runs 28 libraries.\n"
     "Of these, the number of libraries open on Sundays as of 1st March 2024.\n"
     "• Three are open.\n"
     "The opening hours of each library that is open on Sundays.\n"
     "• Each is open from 10am to 4pm.\n", False),
    # the last two run together where the reply's lines were wrapped, one answer under both
    ("The number of libraries the council runs.\n"
     "• The council runs 28 libraries across the city, including the Central\n"
     "Library and two mobile libraries which visit the outlying villages\n"
     "every fortnight, and the Home Library Service for readers at home.\n"
     "Of these, the number of libraries open on Sundays as of 1st March 2024.\n"
     "The opening hours of each library that is open on Sundays.\n"
     "• Three libraries are open on Sundays, from 10am to 4pm, namely the\n"
     "Central Library, Crookes and Hillsborough, which share the rota for\n"
     "Sunday staff between their teams, as they have done since April 2019.\n", True),
])
def test_request_bullets_restated_bare_each_over_its_answer(tmp_path: Path, restated: str,
                                                            shared: bool) -> None:
    path = _thread(tmp_path, _BULLETED_REQUEST,
                   "Thank you for your request, which we received on 12/12/2024.\n"
                   "Please find the council's response to your request set out below:\n"
                   f"{restated}If you have any queries about this response, please do not "
                   "hesitate to contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [p.question for p in pairs] == [
        "The number of libraries the council runs.",
        "Of these, the number of libraries open on Sundays as of 1st March 2024.",
        "The opening hours of each library that is open on Sundays."]
    assert [p.request_item for p in pairs] == [1, 2, 3]
    assert pairs[0].answer.startswith("The council runs 28 libraries")
    assert [p.shared for p in pairs] == [False, shared, shared]
    assert all(p.answer for p in pairs)


def test_a_reply_saying_a_request_paragraph_again_keeps_it_out_of_the_answer(tmp_path: Path
                                                                              ) -> None:
    # The reply repeats the request's second paragraph word for word, then refuses the whole.
    path = _thread(tmp_path,
                   "Please provide all guidance issued to building control bodies about timber "
                   "cladding on buildings over 11 metres tall before 1 January 2020.\n\n"
                   "If the information cannot be provided within the cost limit, please advise "
                   "me how I could narrow my request so that it can be answered.\n\n",
                   "Thank you for your request for information about timber cladding guidance.\n\n"
                   "If the information cannot be provided within the cost limit, please advise "
                   "me how I could narrow my request so that it can be answered.\n\n"
                   "Unfortunately I am unable to provide this information. I have attached my "
                   "formal response which sets out the reasons for this.\n\n")
    pairs = segment(focus(read_document(path))).pairs
    assert pairs and all(p.answer == "Unfortunately I am unable to provide this information. I have "
               "attached my formal response which sets out the reasons for this." for p in pairs)


def test_restated_questions_keep_their_periods_and_stand_apart_from_a_note_run_on(
        tmp_path: Path) -> None:
    # Each question restated with the period under it; a note after the first answer runs on
    # into the second question where the reply's lines were wrapped.
    path = _thread(tmp_path,
                   "How many fixed penalty notices for littering were issued between the "
                   "following period:\n1st Jan 2022 - 31st Dec 2022\n"
                   "How many of those fixed penalty notices were paid within the fourteen days "
                   "allowed between the period:\n1st Jan 2022 - 31st Dec 2022\n",
                   "Please find the council's response to your request set out below:\n"
                   "How many fixed penalty notices for littering were issued between the\n"
                   "following period:\n1st Jan 2022 - 31st Dec 2022\n812\n"
                   "NB figures for 2023 have not been requested but we can tell you that they\n"
                   "are a little higher than these and will be published in the spring. How\n"
                   "many of those fixed penalty notices were paid within the fourteen days\n"
                   "allowed between the period:\n1st Jan 2022 - 31st Dec 2022\n604\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [p.question.split(" between ")[0] for p in pairs] == [
        "How many fixed penalty notices for littering were issued",
        "How many of those fixed penalty notices were paid within the fourteen days allowed"]
    assert all(p.question.endswith("period: 1st Jan 2022 - 31st Dec 2022") for p in pairs)
    assert [p.answer[:3] for p in pairs] == ["812", "604"]
    assert pairs[0].answer.endswith("published in the spring.")


@pytest.mark.parametrize("reply,value", [("We have no active tribunal claims.", "count"),
                                         ("We do not hold this information.", "not_held")])
def test_a_short_reply_that_answers_the_request_whole_is_its_answer(
        tmp_path: Path, reply: str, value: str) -> None:
    path = _thread(tmp_path,
                   "• How many active tribunal claims have been issued against the council?\n",
                   "Thank you for your request, which we received on 12/12/2024.\n"
                   "Please find the council's response to your request set out below:\n"
                   f"{reply}\nIf you have any queries about this response, please contact us.\n")
    [pair] = extract_file(str(path))[0].pairs
    assert pair.answer == reply and pair.value is not None and pair.value.kind == value


def test_a_requests_example_said_again_under_its_restated_question_is_not_the_answer(
        tmp_path: Path) -> None:
    path = _thread(tmp_path,
                   "Please could I have a spreadsheet of the contact details of each council's "
                   "licensing team, in this form:\ne.g.\nCouncil Name:\nExampleshire Council\n"
                   "Where possible please could you give the name of the licensing manager?\n",
                   "Thank you for your request.\n"
                   "Please could I have a spreadsheet of the contact details of each council's "
                   "licensing team, in this form:\ne.g.\nCouncil Name:\nExampleshire Council\n"
                   "Where possible please could you give the name of the licensing manager?\n"
                   "Unfortunately we do not hold this information.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [p.answer for p in pairs] == ["Unfortunately we do not hold this information."] * 2



_FIELD_NOTES = ("Dear Mr Lee,\nPlease find our notes on each field you asked for below.\n"
                "{items}Kind regards,\nThe Council\n")


@pytest.mark.parametrize("items, asked", [
    # Short numbered fields over lettered statements: the numbered items are what was asked,
    # each answered by what is nested beneath it, though the statements start as requests do
    # ("The date …", "All …") and would make an item the stem of sub-questions.
    ("1. Case reference numbers.\n   a. The reference is given for each case opened since "
     "2015.\n2. Dates of closure.\n   a. The date recorded on the case system is provided.\n"
     "3. Officer names.\n   a. All names are withheld under section 40(2) of the Act.\n"
     "4. Ward of the incident.\n   a. The council does not record the ward of a case.\n",
     ["Case reference numbers.", "Dates of closure.", "Officer names.",
      "Ward of the incident."]),
    # Numbered topics over lettered parts that ask: the parts are the questions.
    ("1. Libraries.\n   a. How many libraries closed in 2019?\n   b. Which ones closed?\n"
     "2. Staff.\n   a. How many staff were employed in 2019?\n   b. How many in 2020?\n"
     "3. Budget.\n   a. What was the budget in 2019?\n   b. What was it in 2020?\n", []),
])
def test_numbered_items_over_lettered_statements_are_asked(
        tmp_path: Path, items: str, asked: list[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(_FIELD_NOTES.format(items=items), "utf-8")
    pairs = segment(read_document(str(path))).pairs
    assert [p.question for p in pairs if p.rule == "question_nested"] == asked
    if asked:
        assert [p.answer for p in pairs] == [
            "The reference is given for each case opened since 2015.",
            "The date recorded on the case system is provided.",
            "All names are withheld under section 40(2) of the Act.",
            "The council does not record the ward of a case."]


_ASKED_FOR = "all use of force reports filed by officers of the Third District in 2016"


@pytest.mark.parametrize("opening", [
    "This letter is in response to your Freedom of Information Act request received on March 3, "
    "2017, in which you requested {what}.",
    "This is in response to your request for {what}.",
    "This letter responds to your FOIA request dated March 3, 2017, seeking {what}.",
    "On March 3, 2017, the Department received your FOIA request seeking {what}.",
    "On March 3, 2017, this office received your request for {what}.",
    "Your request seeks {what}.",
    "The Department has received your request for {what}.",
    "We received your Freedom of Information Act request on March 3, 2017 for {what}.",
    "This office is in receipt of your request dated March 3, 2017, for {what}.",
    "I am writing in response to your request dated March 3, 2017 for {what}.",
    "The City of Seattle received your public disclosure request on March 3, 2017, in which you "
    "asked for {what}.",
    "In your request, you asked for {what}.",
    "Specifically, you requested {what}.",
    "We write in response to your request of March 3, 2017 under the Freedom of Information Act "
    "for {what}.",
    # Not a request named: what the request was for is left unsaid.
    "We have considered your request for information in accordance with the Freedom of "
    "Information Act and have identified that section 43(2) is engaged.",
    "Pursuant to your above-referenced request for records, attached please find the contract.",
    "This letter responds to your request for the following items:",
])
def test_the_request_named_in_a_sentence_of_the_opening_is_asked(opening: str) -> None:
    body = ("After a diligent search, the Department located 14 reports, which are enclosed "
            "with redactions under Section 7(1)(c).")
    letter = (f"Dear Ms. Ortiz:\n\n{opening.format(what=_ASKED_FOR)}\n\n{body}\n\n"
              "Sincerely,\n\nFOIA Officer\n")
    pairs = segment(parse(letter, "x.md")).pairs
    named = "{what}" in opening
    assert [(p.question, p.answer) for p in pairs] == ([(_ASKED_FOR, body)] if named else [])


@pytest.mark.parametrize("fields, answer", [
    # The fields asked for, a line each, under "please provide:", are the question's.
    ("If available, please provide:\nStart date\nEnd date (or indicate if still ongoing)\n"
     "If the works lasted less than a day, please provide the duration in hours.\n",
     "See the attached spreadsheet, tab Q2, which gives both dates for each of the works."),
    ("Please also include the following details:\nContractor name\nCost of the works\n",
     "See the attached spreadsheet, tab Q2, which gives both details for each of the works."),
    # A short answer under such an ask is the answer, not a field.
    ("Please provide the following:\n", "None held."),
])
def test_the_fields_asked_for_a_line_each_belong_to_the_question(
        tmp_path: Path, fields: str, answer: str) -> None:
    path = tmp_path / "reply.txt"
    lines = ["Dear Ms Dixon,", "Please find our response set out below:",
             "1. The total number of road works carried out in 2024.",
             "8040 permits were approved for works in 2024.",
             "2. The duration of each road work project.", *fields.split("\n")[:-1], answer,
             "Kind regards", "The Council"]
    path.write_text("\n\n".join(lines) + "\n", "utf-8")
    pairs = segment(read_document(str(path))).pairs
    assert [p.answer for p in pairs] == ["8040 permits were approved for works in 2024.", answer]
    assert pairs[1].question == " ".join(["The duration of each road work project.",
                                          *fields.split("\n")]).strip()


@pytest.mark.parametrize("lead_in", [
    "Please can you tell me:",
    "I would like to know:",
    "I request the above information below.\n>\n> I would like to know:",
    "Could you please provide the following information:",
])
def test_the_requesters_lead_in_naming_nothing_is_not_asked(lead_in: str) -> None:
    from foiextract.readers.markdown import parse

    letter = (f"> Dear Council,\n>\n> {lead_in}\n>\n> 1. How many parking fines were issued in "
              "2023?\n>\n> 2. How many of them were appealed?\n>\n> Yours faithfully,\n\n"
              "Dear Requester,\n\nWe issued 4,210 fines in 2023, of which 312 were appealed.\n\n"
              "Kind regards,\n\nThe Council\n")
    seg = segment(parse(letter, "x.md"))
    assert seg.request == ("How many parking fines were issued in 2023?",
                           "How many of them were appealed?")


@pytest.mark.parametrize("start, end", [
    ("-- Letter start --", "-- Letter end --"),
    ("Start of letter", "End of letter"),
    ("===== Copy begins =====", "===== Copy ends ====="),
])
def test_a_document_the_requester_copies_in_is_not_what_they_ask(start: str, end: str) -> None:
    from foiextract.readers.markdown import parse

    letter = ("> Dear Council,\n>\n> In July HMRC sent you the letter copied below.\n"
              f">\n> {start}\n>\n> 1. Please describe the checks you carry out.\n>\n"
              "> 2. How many contractors did you engage in 2017?\n>\n"
              f"> {end}\n>\n> Please can you provide:\n>\n"
              "> 1. Confirmation as to whether you received the letter.\n>\n"
              "> 2. A copy of your response to it.\n>\n> Yours faithfully,\n\n"
              "Dear Requester,\n\nThank you for your request for information relating to the "
              "letter from HMRC.\n\nPlease find below the council's response to your request:\n\n"
              "The council has not received the letter from HMRC described in your request, and so "
              "it has not responded to it.\n\n"
              "Kind regards,\n\nThe Council\n")
    seg = segment(parse(letter, "x.md"))
    assert seg.request == ("Confirmation as to whether you received the letter.",
                           "A copy of your response to it.")


def test_the_requesters_own_words_never_settle_their_request() -> None:
    from foiextract.readers.markdown import parse

    answer = ("We publish some business rates data on our website. The rest of the information "
              "you asked for is exempt from disclosure under section 41(1)(a) of the Act.")
    letter = ("> Dear Council,\n>\n> 1. A list of properties with a credit of over £2,000.\n>\n"
              "> 2. A list of properties with a write-off of over £2,000.\n>\n"
              "> The requested information passes all public interest tests and is not exempt "
              "from disclosure.\n>\n> Yours faithfully,\n\nDear Requester,\n\nThank you for your "
              "request for information relating to business rates.\n\nPlease find the council's "
              f"response to your request set out below:\n\n{answer}\n\nKind regards,\n\n"
              "The Council\n")
    pairs = segment(parse(letter, "x.md")).pairs
    assert [p.answer for p in pairs] == [answer, answer]


_QUALIFIED = ("Dear Ms Lee,\n\nPlease find our response below.\n\n1. How many staff work in the "
              "parking team?\n\n{line}\n\n{answer}\n\n2. What is the team's budget?\n\nThe budget "
              "for 2023/24 is £450,000.\n\nKind regards,\n\nThe Council\n")


@pytest.mark.parametrize("line, asked", [
    # The requester's qualifier on a line of its own, under the question: the question's.
    ("Broken down by year.", True), ("(e.g. CCTV, ANPR and body-worn cameras)", True),
    ("i.e. the total for each ward.", True), ("For the financial years 2019/20 to 2022/23.", True),
    ("Including agency staff.", True), ("If possible, by month.", True),
    ("This should include both full-time and part-time staff.", True),
    ("Where possible, please give the figures for each year separately.", True),
    ("By this I mean staff employed directly by the council.", True),
    ("Per year, for the last three years.", True),
    ("Please can you break this down by grade.", True),
    ("Could you split the figures down by team?", True),
    ("Please provide this information broken down by year.", True),
    ("Could you give the figures split by ward?", True),
    # The answer opening so: the answer's.
    ("Where possible, we have given figures by month.", False),
    ("For the financial year 2022/23 we spent £450,000 on the team.", False),
    ("For the last three years there have been 14 staff.", False),
    ("Per year, the council spends about £10,000 on this.", False),
    ("Please see the figures broken down by year below.", False),
])
def test_the_requesters_qualifier_under_a_question_is_the_questions(
        tmp_path: Path, line: str, asked: bool) -> None:
    answer = "There are 14 members of staff in the parking team."
    path = tmp_path / "reply.txt"
    path.write_text(_QUALIFIED.format(line=line, answer=answer), "utf-8")
    first = segment(read_document(str(path))).pairs[0]
    assert (first.question.endswith(line), first.answer) == (
        (True, answer) if asked else (False, f"{line} {answer}"))


@pytest.mark.parametrize("lead", [
    "Please can you break this down by the following:", "Could you break the figures down by:",
    "Broken down by:", "Split by:"])
def test_the_fields_a_breakdown_leads_on_to_are_the_questions(tmp_path: Path, lead: str) -> None:
    # The breakdown asked, then the fields it names, a line each, then the answer's table.
    path = tmp_path / "reply.md"
    path.write_text("1. How many social workers did the council employ on 31 March 2024?\n\n"
                    f"{lead}\n\nPermanent staff\n\nAgency staff\n\n"
                    "| Type | Number |\n| --- | --- |\n| Permanent | 312 |\n| Agency | 45 |\n\n"
                    "2. How many vacancies were there?\n\nTwelve.\n", "utf-8")
    first = segment(read_document(str(path))).pairs[0]
    assert first.question.endswith(f"{lead} Permanent staff Agency staff")
    assert first.answer == "Type | Number; Permanent | 312; Agency | 45"


@pytest.mark.parametrize("asked, pairs", [
    # Two questions in one paragraph over the answer: the letter restates its request.
    ("Can you tell me the number of pupils excluded in 2022/23? Can you also tell me how "
     "many of these were permanent exclusions?", 1),
    # One question alone in a paragraph is not enough to tell a restated request.
    ("Can you tell me the number of pupils excluded in 2022/23?", 0),
])
def test_two_questions_sharing_a_paragraph_count_as_two(tmp_path: Path, asked: str,
                                                         pairs: int) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(f"Dear Requester\n\n{asked}\n\nIn 2022/23 there were 1,204 suspensions and "
                    "37 permanent exclusions.\n\nKind regards\nEducation Data Team\n", "utf-8")
    found = segment(read_document(str(path))).pairs
    assert [p.question for p in found] == [asked] * pairs


def test_your_request_as_a_label_ends_the_answer_above(tmp_path: Path) -> None:
    # "Your request:" / "Our response:" blocks a question each: the label opens the next
    # question, never the tail of the answer above it.
    path = tmp_path / "reply.txt"
    path.write_text(
        "Dear Mr Brown,\n\nThank you for your request, which we received on 1 June 2024.\n\n"
        "Your request:\nHow many fixed speed cameras are operational in the county?\n\n"
        "Our response:\nThere are 48 fixed speed cameras currently operational.\n\n"
        "Your request:\nHow much revenue did they generate in 2023?\n\n"
        "Our response:\nNone: fines are paid to HM Treasury.\n\n"
        "Yours sincerely,\nRoad Safety Team\n", "utf-8")
    assert [p.answer for p in segment(read_document(str(path))).pairs] == [
        "There are 48 fixed speed cameras currently operational.",
        "None: fines are paid to HM Treasury."]


@pytest.mark.parametrize("divider", ["Second request", "Your second request", "Second question:"])
def test_a_line_counting_off_the_next_request_ends_the_answer_above(tmp_path: Path,
                                                                     divider: str) -> None:
    # "Second request" under an answer, however the text was wrapped, opens the next part of
    # the reply: neither answer holds it.
    body = ("First request\n"
            "1. How many members sit on the committee?\n"
            "Seven, and two substitutes who attend when a member cannot.\n"
            "(and see the exemption in the response to your second request (1)(a))\n"
            f"{divider}\n"
            "1. How many officers supported the committee in 2022?\n"
            "Four.\n")
    pairs = _plain_reply(tmp_path, body)
    assert [p.answer for p in pairs] == [
        "Seven, and two substitutes who attend when a member cannot. (and see the exemption in "
        "the response to your second request (1)(a))", "Four."]


_PARKING = [("How many staff work in the parking team?", "12"),
            ("How many parking fines were issued in 2023?", "4,512"),
            ("What software do you use for permits?", "Taranto")]


@pytest.mark.parametrize("layout", [
    "{q} - {a}\n",                        # the answer after a dash on the question's line
    "{q} – {a}\n",
    "You asked: {q}\nOur response: {a}\n\n",  # a label the reply gives the question
    "Your question: {q}\nResponse: {a}\n\n",
    "Request: {q}\nAnswer: {a}\n\n",
    "Q. {q}\nA. {a}\n\n",               # letters as labels: no list lettered on to "q."
])
def test_questions_the_reply_sets_out_with_their_answers_in_a_layout_of_its_own(
        tmp_path: Path, layout: str) -> None:
    body = ("We have dealt with your request for information about parking enforcement under "
            "the Freedom of Information Act 2000,\nand our answer to each of your questions "
            "is set out below, in the order you asked them.\n\n"
            + "".join(layout.format(q=q, a=a) for q, a in _PARKING)
            + "\nIf you are unhappy with this response you can ask for an internal review.\n")
    pairs = _plain_reply(tmp_path, body)
    assert [(p.question, p.answer) for p in pairs] == _PARKING


def test_a_dash_after_one_question_alone_does_not_make_its_words_an_answer(
        tmp_path: Path) -> None:
    # One line so set is no layout: "– the service we buy in" goes on with the question.
    body = ("1. Which software do you use for permits? - Taranto Systems Ltd\n\n"
            "We use Taranto for permits and for penalty charge notices.\n")
    pairs = _plain_reply(tmp_path, body)
    assert [p.question for p in pairs] == ["Which software do you use for permits? - Taranto "
                                           "Systems Ltd"]


def test_a_lettered_list_from_a_is_not_read_as_answers(tmp_path: Path) -> None:
    # "A." opens a lettered list as often as it labels an answer: with no "Q." lines above,
    # "A. How many …?" is item a.
    body = ("A. How many staff work in the parking team?\n\n12\n\n"
            "B. How many parking fines were issued in 2023?\n\n4,512\n")
    pairs = _plain_reply(tmp_path, body)
    assert [(p.question, p.answer) for p in pairs] == _PARKING[:2]


@pytest.mark.parametrize("naming", ["In answer to your {ordinal} question,",
                                    "With regard to the {ordinal} point,",
                                    "In regards to your {ordinal} question,",
                                    "In response to question {n},"])
def test_prose_answers_naming_the_question_they_answer_by_its_place(
        tmp_path: Path, naming: str) -> None:
    # The request restated as a numbered list, then one sentence an answer, each naming its
    # question by number or by place ("your second question"), one a line.
    answers = ["there are 12 staff in the parking team.", "we issued 4,512 notices.",
               "we use Taranto."]
    body = ("".join(f"{n}. {q}\n" for n, (q, _) in enumerate(_PARKING, start=1)) + "\n"
            + "".join(naming.format(ordinal=o, n=n) + f" {a}\n" for n, (o, a) in enumerate(
                zip(("first", "second", "third"), answers), start=1)))
    pairs = _plain_reply(tmp_path, body)
    assert [(p.question, p.request_item) for p in pairs] == [
        (q, n) for n, (q, _) in enumerate(_PARKING, start=1)]
    assert [p.answer.endswith(a) for p, a in zip(pairs, answers)] == [True] * 3


def _boxed(rows: list[list[str]]) -> list[Pair]:
    from foiextract.model import Cell, Document

    opening = Block("paragraph", (Span("Thank you for your request. Our response is set out below."),))
    table = Block("table", rows=tuple(tuple(Cell((Span(text),)) for text in row) for row in rows),
                  header_rows=0)
    return list(segment(Document(blocks=(opening, table), format="docx", source="x.docx")).pairs)


@pytest.mark.parametrize("rows", [
    # a question's box, then its answer's: one column, by turns
    [[q] for qa in _PARKING for q in qa],
    # a numbered Request | Response table: "No." numbers the rows, "Request" names the questions
    [["No.", "Request", "Response"]] + [[str(n), q, a] for n, (q, a) in enumerate(_PARKING, 1)],
    [["#", "Question", "Answer"]] + [[str(n), q, a] for n, (q, a) in enumerate(_PARKING, 1)],
    # a title across the top, then the Question | Answer header
    [["Freedom of Information request 4512"], ["Question", "Answer"]] + [list(qa) for qa in _PARKING],
    # rows labelled by turns, each pair under a heading row of its own
    [row for n, (q, a) in enumerate(_PARKING, 1)
     for row in (["Question %d" % n], ["Request", q], ["Response", a])],
    # the same with no heading rows, and the labels in capitals
    [row for q, a in _PARKING for row in (["REQUEST", q], ["RESPONSE", a])],
], ids=["one-column-by-turns", "no-request-response", "hash-question-answer", "title-row",
        "labelled-rows-headed", "labelled-rows"])
def test_questions_and_answers_laid_out_in_a_words_table(rows: list[list[str]]) -> None:
    assert [(p.question, p.answer) for p in _boxed(rows)] == _PARKING


# The request's items worded as statements, each answered in words.
_PARKING_ITEMS = [("Staff employed in the parking team", "The team has 12 civil enforcement officers."),
                  ("Penalty notices issued in 2023", "We issued 4,512 notices in 2023."),
                  ("The software used to process appeals", "We use Taranto for appeals.")]


@pytest.mark.parametrize("numbers", [("1", "2", "3"), ("1.", "2.", "3."), ("a)", "b)", "c)"),
                                     ("Q1", "Q2", "Q3")])
@pytest.mark.parametrize("head", [[], [["", "Topic", "Detail"]], [["Our reply"], ["", "", ""]]],
                         ids=["no-header", "unnamed-header", "title-and-blank-header"])
def test_a_table_numbering_the_items_and_answering_them_in_words(
        numbers: tuple[str, ...], head: list[list[str]]) -> None:
    # No header names the columns: the first numbers the items, the last answers them.
    rows = head + [[n, q, a] for n, (q, a) in zip(numbers, _PARKING_ITEMS)]
    assert [(p.question, p.answer) for p in _boxed(rows)] == _PARKING_ITEMS


@pytest.mark.parametrize("rows", [
    # no question in it: the names are data, not boxes of a letter
    [["Taranto"], ["Chipside"], ["NSL"]],
    # numbered rows of figures: a ranking, not items answered in words
    [["Rank", "Ward", "Notices"], ["1", "Abbey ward", "25"], ["2", "Bank ward", "12"],
     ["3", "Castle ward", "9"]],
    # numbered rows naming suppliers: one-word names are not a request's items
    [["1", "Taranto", "Supply of the permit system"], ["2", "Chipside", "Supply of the appeals system"]],
    # one "Request" row among notes is no pattern of turns
    [["Request", "How many staff work in the parking team?"], ["Note", "Figures are rounded."],
     ["Response", "12"]],
], ids=["names", "ranking", "suppliers", "one-label-each"])
def test_a_table_of_data_stays_a_table(rows: list[list[str]]) -> None:
    assert not any(p.rule == "qa_table" for p in _boxed(rows))


@pytest.mark.parametrize("marks", [("1.", "2.", "3."), ("a)", "b)", "c)")])
def test_items_listed_under_a_lead_in_then_one_answer_are_each_asked(
        tmp_path: Path, marks: tuple[str, ...]) -> None:
    # The request restated as a numbered list, some items worded as statements, then one
    # answer to them all: item 2 is an item, not item 1's answer.
    items = ["Any contracts relating to the data analytics systems.",
             "The software that comprises the systems.",
             "Information on what sources of data the systems use."]
    verdict = ("I can confirm that the council does not hold any information falling within the "
               "scope of your request.")
    body = ("Thank you for your request received on 1 May 2018. You requested the following "
            "information:\n\n" + "".join(f"{m} {item}\n" for m, item in zip(marks, items))
            + f"\n{verdict}\n")
    pairs = _plain_reply(tmp_path, body)
    assert [(p.question, p.answer) for p in pairs] == [(item, verdict) for item in items]


@pytest.mark.parametrize("rider", [
    "I would like this data to cover the academic year from 1st September 2023 to 31st July 2024.",
    "I would like the information to relate to the last five financial years.",
])
def test_the_period_a_request_asks_its_data_to_cover_is_no_question_of_its_own(
        tmp_path: Path, rider: str) -> None:
    path = _thread(tmp_path, "I would like to know how much each school has spent on supply "
                   f"teaching cover with external agencies.\n\n{rider}\n\n",
                   "Please find the council's response to your request set out below:\n"
                   "We do not hold information on the schools' suppliers.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [p.question for p in pairs] == ["I would like to know how much each school has spent "
                                           "on supply teaching cover with external agencies."]


def test_a_labelled_request_item_that_asks_in_its_course_is_asked(tmp_path: Path) -> None:
    # "REQUEST 2" over a paragraph that sets the scene before it asks; the requester's note
    # on how to reply ("When responding …, please do not …") is no item.
    request = ("REQUEST 1\n\nPlease provide a complete copy of the tree planting spreadsheet.\n\n"
               "REQUEST 2\n\nOn 13/12/2017 the council committed to replant the trees in "
               "perpetuity. Has that commitment been revoked? If so, please provide the "
               "decision.\n\n"
               "When responding to this request, please do not repost the request.\n\n")
    path = _thread(tmp_path, request,
                   "Thank you for your request for information relating to memorial trees "
                   "which we received on 12/12/2024.\n"
                   "Please find the council's response to your request set out below:\n"
                   "In total 314 trees were planted to satisfy the commitment.\n"
                   "Please find attached the record of locations of each tree.\n"
                   "There has been no revocation of our commitment.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [p.question[:30] for p in pairs] == ["Please provide a complete copy",
                                                "On 13/12/2017 the council comm"]


@pytest.mark.parametrize("subject", ["Re – Freedom of Information Request – Reference – FOI / 2049",
                                     "Re: Your request for information"])
def test_a_replys_subject_line_is_not_part_of_its_answer(tmp_path: Path, subject: str) -> None:
    path = tmp_path / "thread.txt"
    path.write_text("===== OUTGOING 2016-05-23T10:00:00+00:00 message_id=1\nDear Council,\n"
                    "Would you please provide a copy of the survey report for the tree on King "
                    "Road.\nYours faithfully,\nA Person\n\n"
                    "===== INCOMING 2016-06-16T10:00:00+00:00 message_id=2\n"
                    f"{subject}\nDear A Person\nThank you for your recent request for "
                    "information which we received on 23/05/2016\nPlease find below, the "
                    "council's response to your request:\nWe do not have a formal survey report "
                    "to send out to you.\nIf you have any queries about this response, please "
                    "do not hesitate to contact us.\nKind Regards,\nThe Council\n", "utf-8")
    [pair] = segment(focus(read_document(path))).pairs
    assert pair.answer == "We do not have a formal survey report to send out to you."


_PROSE_ITEMS = ["The number of parking fines issued in 2023.",
                "A copy of the enforcement contract with the operator.",
                "The annual cost of maintaining the pay and display machines."]
_PROSE_ANSWERS = ["We issued 4,210 parking fines in 2023.",
                  "The enforcement contract is published on our website: www.example.gov.uk/c",
                  "Maintenance of the pay and display machines cost £41,000 last year."]


@pytest.mark.parametrize("order", ["in turn", "out of turn"])
def test_a_prose_reply_is_divided_among_the_items_its_paragraphs_name(
        tmp_path: Path, order: str) -> None:
    answers = _PROSE_ANSWERS if order == "in turn" else _PROSE_ANSWERS[::-1]
    request = "Please provide:\n" + "".join(f"- {item}\n" for item in _PROSE_ITEMS)
    reply = "Please find our response below.\n\n" + "\n\n".join(answers) + "\n\n"
    got = extract_file(str(_thread(tmp_path, request, reply)))[0].pairs
    assert [p.question for p in got] == _PROSE_ITEMS
    if order == "in turn":
        # Each paragraph opens by naming its item in the item's own words: its answer alone.
        assert [(p.answer, p.shared, p.rule) for p in got] == [
            (a, False, "answer_divided") for a in _PROSE_ANSWERS]
    else:  # a reply takes the items in their order: out of it, the answer stays whole
        assert {p.answer for p in got} == {" ".join(answers)}
        assert all(p.shared for p in got)


def test_a_refusal_naming_no_item_stays_one_answer_shared(tmp_path: Path) -> None:
    request = "Please provide:\n" + "".join(f"- {item}\n" for item in _PROSE_ITEMS)
    refusal = ("We estimate that the cost of complying with your request would exceed the "
               "appropriate limit.\nSection 12 of the Act allows us to refuse it.\n")
    got = extract_file(str(_thread(tmp_path, request, refusal)))[0].pairs
    assert [p.answer for p in got] == [refusal.replace("\n", " ").strip()] * 3
    assert all(p.shared for p in got)


@pytest.mark.parametrize("opening, numbers", [
    ("In regards to your first two questions, please see the following link:", (1, 2)),
    ("In response to your second question, none.", (2,)),
    ("With regard to the third and fourth points, we hold nothing.", (3, 4)),
    ("As for the second and last questions, yes.", (2,)),
    ("In regards to questions 4 and 5, see above.", (4, 5)),
])
def test_a_prose_answer_naming_items_by_place_or_count_names_their_numbers(
        opening: str, numbers: tuple[int, ...]) -> None:
    assert units_of(parse(opening + "\n", "x.md").blocks)[0].numbers == numbers


# Two items as a requester types them, a line each (long lines: a message sent unwrapped).
_ASKED = ["Please provide the number of parking fines issued by the council in each of the "
          "calendar years 2022 and 2023, and the number of those fines later cancelled.",
          "I would also like to know the council's policy on cancelling parking fines, and "
          "who in the council decides on an appeal against a fine."]


@pytest.mark.parametrize("naming", [
    # (more than a line's end after "the following": no lead-in by its shape alone)
    "I would like to make a freedom of information request for the following information in "
    "relation to the enforcement of parking restrictions by civil enforcement officers.",
    "Please consider the following as a request for information under the Freedom of "
    "Information Act 2000.",
])
def test_the_requesters_line_naming_their_message_a_request_is_no_item(
        tmp_path: Path, naming: str) -> None:
    request = (f"{naming}\n{_ASKED[0]}\n{_ASKED[1]}\n")
    reply = ("We issued 4,210 parking fines in 2023. Our policy on cancelling fines is attached "
             "to this email.\n\n")
    got = extract_file(str(_thread(tmp_path, request, reply)))[0]
    assert list(got.request) == _ASKED


@pytest.mark.parametrize("title", ["", "Contracts awarded to Counter Context\n\n"])
def test_a_verdict_on_the_whole_request_keeps_the_statement_that_opens_its_answer(
        tmp_path: Path, title: str) -> None:
    # "All the Council's contracts are stored …" opens the answer: a statement, though it
    # opens with a word a request item may ("All correspondence …"); a title above it is not
    # part of it.
    request = ("Please provide details of contracts and commissions awarded by the Council to "
               "the communications agency Counter Context Ltd in each of the last three years.\n")
    body = ("All the Council's contracts are stored in the Contracts Register on the YORTender "
            "portal.\n\n- Hit the Contracts Register button on the home page.\n- Click Extended "
            "Search.\n\nAs this information is accessible to the applicant by other means, it is "
            "exempt from disclosure under section 21 of the Freedom of Information Act 2000.\n\n")
    reply = "Please find our response to your request set out below:\n\n" + title + body
    got = extract_file(str(_thread(tmp_path, request, reply)))[0].pairs
    assert [p.answer.split(".")[0] for p in got] == [
        "All the Council's contracts are stored in the Contracts Register on the YORTender portal"]


@pytest.mark.parametrize("more", ["Also list, for each year, the names of the organisations that "
                                  "received a grant from the fund.",
                                  "Additionally please provide the names of the organisations "
                                  "that received a grant from the fund."])
def test_a_sentence_going_on_to_ask_for_more_is_an_item_of_its_own(
        tmp_path: Path, more: str) -> None:
    first = "Please list the value of the ward fund available for grants in each year since 2017."
    last = "Finally, for each year, please list the amount left in the fund at the year's end."
    request = f"{first} {more}\n{last}\n"
    reply = ("We hold this information. The fund's value was £7,675 in 2017/18 and the grants "
             "made from it are listed in the attached spreadsheet.\n\n")
    got = extract_file(str(_thread(tmp_path, request, reply)))[0]
    assert list(got.request) == [first, more, last]


@pytest.mark.parametrize("law", ["Under the Freedom of Information Act 2000, ",
                                 "In terms of the Freedom of Information Act of 2000, and subject "
                                 "to section 40(2) on personal data, "])
def test_a_request_for_a_list_of_fields_is_one_item_whatever_law_it_names_first(
        tmp_path: Path, law: str) -> None:
    lead = (f"{law}could you please provide me with your complete list of all licensed street "
            "traders, including the following fields:")
    fields = ["Trader's name", "Pitch address", "Licence start date", "Goods sold"]
    fallback = ("If you are unable to provide the pitch address, please provide the balance of "
                "the information requested.")
    request = lead + "\n" + "".join(f"- {f}\n" for f in fields) + fallback + "\n"
    reply = ("The information you have requested is exempt from disclosure under section 40(2) "
             "of the Freedom of Information Act 2000.\n\n")
    got = extract_file(str(_thread(tmp_path, request, reply)))[0]
    assert len(got.pairs) == 1
    assert got.pairs[0].question.startswith(lead)
    assert all(field in got.pairs[0].question for field in fields)
    assert got.pairs[0].answer.startswith("The information you have requested is exempt")


@pytest.mark.parametrize("record", [
    'An audit log of all "Lookup Tool" searches performed by staff between 7/1/2024 and '
    '10/31/2024.',
    "The deployment plan for the council's traffic cameras, with its maps."])
def test_a_record_named_under_a_lead_in_is_asked_however_it_is_worded(
        tmp_path: Path, record: str) -> None:
    request = ("Pursuant to the Freedom of Information Act, I hereby request the following "
               f"records:\n{record}\nThe requested documents will be made available to the "
               "general public, and this request is not being made for commercial purposes.\n")
    reply = ("A Person\nRequests Office, DEPT 17\nRE: FOI Case Number 2025-0688\nDear "
             "Requester:\nThis letter is the final response to your request.\nA search was "
             "conducted and no records responsive to your request were found.\n\n")
    path = _thread(tmp_path, request, reply)
    path.write_text(path.read_text(encoding="utf-8").replace("Dear A Person,\n", ""),
                    encoding="utf-8")
    got = extract_file(str(path))[0]
    assert [(p.question, p.answer) for p in got.pairs] == [
        (record, "A search was conducted and no records responsive to your request were found.")]


def test_answers_quoting_the_elements_of_the_request_they_answer_pair_with_them(
        tmp_path: Path) -> None:
    """The reply restates the request, then answers it element by element, quoting each
    element inside its own sentence; what follows the last answer (the fee, the right of
    review) is the letter's."""
    path = tmp_path / "letter.txt"
    path.write_text(
        "July 31, 2025\n\nDear Ms Smith,\n\n"
        "The City is in receipt of your public records request for: “any contracts signed "
        "with the camera vendor since 2020” and “any invoices paid to the camera vendor in "
        "2024”.\n\n"
        "The City has determined that it does not possess records responsive to “any "
        "contracts signed with the camera vendor since 2020”. The contracts were not "
        "retained.\n\n"
        "The City is the custodian of “any invoices paid to the camera vendor in 2024”, "
        "however they are exempt from disclosure.\n\n"
        "If an exemption has been asserted, you may seek review of that decision.\n",
        encoding="utf-8")
    got = extract_file(str(path))[0]
    assert [(p.question, p.answer.split(" The ")[0], p.value.kind) for p in got.pairs] == [
        ("any contracts signed with the camera vendor since 2020",
         "The City has determined that it does not possess records responsive to “any "
         "contracts signed with the camera vendor since 2020”.", "not_held"),
        ("any invoices paid to the camera vendor in 2024",
         "The City is the custodian of “any invoices paid to the camera vendor in 2024”, "
         "however they are exempt from disclosure.", "withheld")]


def test_a_request_portal_notice_gives_the_request_under_its_label(tmp_path: Path) -> None:
    """A portal's notice ("Description of records requested: …") sets the request out
    under a label, then the reply answers it."""
    path = tmp_path / "notice.txt"
    path.write_text(
        "Records Request EPD-2025-17: Closed\n\n"
        "RE: Request Number: EPD-2025-17\nSubmitted on: 10/02/2025\n"
        "Description of records requested: Copies of the camera deployment plan for 2025.\n\n"
        "Dear A Person,\n\n"
        "The City has reviewed your request and determined that the plan is exempt from "
        "disclosure.\n\nThe City considers this request closed.\n", encoding="utf-8")
    got = extract_file(str(path))[0]
    assert [(p.question, p.answer.split(".")[0]) for p in got.pairs][:1] == [
        ("Copies of the camera deployment plan for 2025.",
         "The City has reviewed your request and determined that the plan is exempt from "
         "disclosure")]


@pytest.mark.parametrize("request_, reply, asked", [
    # "If yes:" over the follow-ups, and the reply's no: only the first is answered.
    ("Do you have any known equal pay liabilities?\nIf yes:\n"
     "What is the current status of the negotiations?\n"
     "Please provide an estimate of the total liability.\n",
     "We have no known equal pay liabilities.\n", 1),
    ("How many active equal pay claims have been issued to the Employment Tribunal?\n"
     "If yes (number provided):\nWhat is the expected completion of these claims?\n",
     "We have no active equal pay claims that have been issued.\n", 1),
    ("Does the council use a chatbot?\nIf so, who provides the chatbot?\n",
     "No, the council does not use a chatbot.\n", 1),
    # A yes (or a figure) answers the follow-ups too: each keeps the answer.
    ("Does the council use a chatbot?\nIf so, who provides the chatbot?\n",
     "Yes, the council uses a chatbot provided by Acme Ltd.\n", 2),
    ("How many active equal pay claims have been issued to the Employment Tribunal?\n"
     "If yes (number provided):\nWhat is the expected completion of these claims?\n",
     "There are 4 active claims, expected to complete in 2025.\n", 2),
    # A follow-up asked on a no is not made moot by a no.
    ("Does the council use a chatbot?\nIf not, does it plan to buy one?\n",
     "No, the council does not use a chatbot.\n", 2),
    # Another yes/no question after the follow-ups: which one the no answers is not known.
    ("Does the council use a chatbot?\nIf yes:\nWho provides the chatbot?\n"
     "Does the council use robotic process automation?\nIf yes:\nWho provides it?\n",
     "No, the council does not use a chatbot.\n", 4),
])
def test_follow_ups_asked_only_on_a_yes_are_moot_when_the_reply_says_no(
        tmp_path: Path, request_: str, reply: str, asked: int) -> None:
    path = _thread(tmp_path, request_,
                   "Please find the council's response to your request set out below:\n"
                   f"{reply}If you have any queries about this response, please do not "
                   "hesitate to contact us.\n")
    seg = segment(focus(read_document(path)))
    assert len(seg.pairs) == asked
    assert all(p.answer == reply.strip() for p in seg.pairs)
    assert [p.shared for p in seg.pairs] == [asked > 1] * asked
    assert len(seg.request) == len([line for line in request_.splitlines()
                                    if not line.lower().startswith("if yes")])


def test_a_shared_answer_divides_by_order_where_one_item_is_named_plainly(
        tmp_path: Path) -> None:
    """Once an item's paragraph is placed by its words, the next item takes the paragraph after
    it that carries one word of its own ("responsibilities"), with what follows it."""
    path = _thread(tmp_path,
                   "Please provide information on whether or not you employ an access officer.\n"
                   "If an employee is responsible for the above, please clarify which "
                   "responsibilities they hold.\n",
                   "Please find the council's response to your request set out below:\n"
                   "We do employ a ‘Planning Officer Access’.\n"
                   "The role has the following responsibilities from the list you provided:\n"
                   "• respond to requests and complaints about disability access\n"
                   "• give advice on access design issues\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [p.answer.split(":")[0] for p in pairs] == [
        "We do employ a ‘Planning Officer Access’.",
        "The role has the following responsibilities from the list you provided"]
    assert "give advice on access design issues" in pairs[1].answer


@pytest.mark.parametrize("asked", [
    "The trees on Abbey Lane were surveyed in 2023. I would be grateful to receive the survey "
    "and the list of trees to be felled.",
    "Under the FOI Act, I seek the tree survey for Abbey Lane carried out in 2023.",
    "The information I require is the tree survey for Abbey Lane carried out in 2023.",
    "Tree survey for Abbey Lane, 2023.",
    "Requesting the tree survey for Abbey Lane carried out in 2023 and any felling list.",
    "I am submitting a request for the tree survey for Abbey Lane carried out in 2023.",
])
def test_a_thread_request_no_sentence_of_which_asks_is_asked_in_the_requesters_words(
        tmp_path: Path, asked: str) -> None:
    """The reply's name for the request ("…relating to tree felling on Abbey Lane…") stands for
    what the requester wrote above it: that is the question, without the requester's words on
    the Act and their thanks."""
    path = _thread(tmp_path, "I am writing to make a request under the Freedom of Information "
                   f"Act 2000.\n{asked}\nThank you for your help.\n",
                   "Thank you for your request for information relating to tree felling on Abbey "
                   "Lane which we received on 12/12/2024.\n"
                   "Please find the council's response to your request set out below:\n"
                   "The survey, carried out by our contractor in May 2023, is attached. Seven "
                   "trees were marked for felling.\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    seg = segment(focus(read_document(path)))
    assert [(p.question, p.answer) for p in seg.pairs] == [
        (asked, "The survey, carried out by our contractor in May 2023, is attached. Seven trees "
                "were marked for felling.")]
    assert list(seg.request) == [asked]


@pytest.mark.parametrize("sign_off", ["Best wishes,", "With best wishes", "Kind wishes,",
                                      "Yours truly,"])
def test_a_reply_signed_off_with_wishes_ends_its_answer_there(tmp_path: Path,
                                                              sign_off: str) -> None:
    path = tmp_path / "reply.txt"
    path.write_text("Dear A Person,\nThank you for your request for information relating to "
                    "parking fines.\nPlease find the council's response to your request set out "
                    "below:\n4,012 penalty charge notices were issued in 2023.\n"
                    f"{sign_off}\nSheffield City Council\nPO Box 1283\nSheffield, S1 1UJ\n"
                    "P Please don't print this e-mail unless you really need to\n",
                    encoding="utf-8")
    [pair] = segment(read_document(path)).pairs
    assert pair.answer == "4,012 penalty charge notices were issued in 2023."


_ASKED_THEN_TOLD = [("Please tell me how many staff work in the parking team.",
                     "There are 12 staff in the team."),
                    ("Please state how many penalty notices were issued in 2023.",
                     "We issued 4,512 notices."),
                    ("Please provide the name of the software used for appeals.",
                     "The council uses Taranto.")]


@pytest.mark.parametrize("items, split", [
    # each item asked in a sentence of its own, then answered on its line
    (_ASKED_THEN_TOLD, True),
    # a second sentence that carries the request on is part of it, not its answer
    ([(q, "Broken down by year.") for q, _ in _ASKED_THEN_TOLD], False),
    ([(q, "This should include agency staff.") for q, _ in _ASKED_THEN_TOLD], False),
    # two such lines are no layout of the letter
    (_ASKED_THEN_TOLD[:2], False),
    # worded as questions but ending in a full stop: where they end is not known
    ([("Who provides your parking system.", "Taranto provides it."),
      ("Who maintains the pay machines.", "Flowbird maintains them."),
      ("Who issues the permits.", "The council issues them.")], False),
    # a full stop that ends an abbreviation, not the request
    ([(q[:-1] + " e.g.", "Teams, Zoom and Webex.") for q, _ in _ASKED_THEN_TOLD], False),
], ids=["answered", "broken-down", "this-should", "two-lines", "interrogative", "abbreviation"])
def test_a_numbered_request_then_its_answer_on_the_same_line(
        tmp_path: Path, items: list[tuple[str, str]], split: bool) -> None:
    body = "".join(f"{n}. {q} {a}\n" for n, (q, a) in enumerate(items, start=1))
    pairs = _plain_reply(tmp_path, body + "\nYours sincerely,\nThe Council\n")
    if split:
        assert [(p.question, p.answer) for p in pairs] == items
    else:
        assert not any((p.question, p.answer) == item for p in pairs for item in items)


_GARDEN = ["The frequency with which the council collects household garden waste from residents.",
           "The number of complaints received about missed garden waste collections in 2023.",
           "The charge made to residents for the garden waste collection service in 2023."]


@pytest.mark.parametrize("answers, asked", [
    (["Fortnightly", "None.", "£45 a year"], _GARDEN),
    # a note's mark beneath each is no answer
    (["[1]", "[2]", "[3]"], []),
])
def test_request_paragraphs_restated_each_over_a_brief_answer_are_each_asked(
        answers: list[str], asked: list[str], tmp_path: Path) -> None:
    thread = ("# Garden waste (WDTK id 3, url_title garden_waste, status successful)\n\n"
              "===== OUTGOING 2024-07-19T14:47:14+01:00 message_id=1\nDear Council,\n"
              "I would like to request the following information:\n\n" + "\n\n".join(_GARDEN)
              + "\n\nYours faithfully,\nJo Bloggs\n\n"
              "===== INCOMING 2024-08-14T09:40:51+01:00 message_id=3\nDear Jo Bloggs,\n"
              "Thank you for your request. Our response is below.\n\n"
              + "\n\n".join(f"{q}\n\n{a}" for q, a in zip(_GARDEN, answers))
              + "\n\nYours sincerely,\nInformation Governance\n")
    path = tmp_path / "thread.txt"
    path.write_text(thread, "utf-8")
    pairs = extract_file(str(path))[0].pairs
    got = [(p.question, p.answer) for p in pairs if p.answer in answers and p.question in _GARDEN]
    assert got == [(q, a) for q, a in zip(_GARDEN, answers) if q in asked]


@pytest.mark.parametrize("lead_in", [
    "I would like to request the following:", "Could you please provide the following:",
    "I am requesting the following:", "Please can you tell me:",
    "Specifically, we are requesting:", "In particular, I would like:",
])
@pytest.mark.parametrize("heading", ["Request details:", "**Agency staff**"])
def test_the_requesters_own_lead_in_over_items_and_a_labelled_answer_sets_out_the_request(
        lead_in: str, heading: str) -> None:
    # Under a heading naming the request or only its subject, the request's own opening
    # paragraph between them.
    listed = "\n".join(f"- {item}" for item in _LISTED_ITEMS)
    letter = (f"Freedom of Information request 2018/0412\n\n{heading}\n\n"
              "We are writing to ask for information about the agency staff the council employs "
              "and what it spends on them.\n\n"
              f"{lead_in}\n\n{listed}\n\nPlease provide the information in electronic format."
              f"\n\nResponse:\n\n{_LISTED_ANSWER}\n\nYours sincerely\n\nJo\n")
    seg = segment(parse(letter, "x.md"))
    assert [(p.question, p.answer) for p in seg.pairs] == [
        (item, _LISTED_ANSWER) for item in _LISTED_ITEMS]


@pytest.mark.parametrize("lead_in", [
    "Specifically, we hold the following:", "In particular, the council holds:",
    "So we can answer, we would like to check:",
])
def test_the_replys_own_lead_in_over_items_and_a_labelled_answer_sets_out_nothing(
        lead_in: str) -> None:
    listed = "\n".join(f"- {item}" for item in _LISTED_ITEMS)
    letter = (f"Freedom of Information request 2018/0412\n\n**Agency staff**\n\n{lead_in}\n\n"
              f"{listed}\n\nResponse:\n\n{_LISTED_ANSWER}\n\nYours sincerely\n\nJo\n")
    seg = segment(parse(letter, "x.md"))
    assert not any(p.question in _LISTED_ITEMS for p in seg.pairs)


_CCTV = [("How many CCTV cameras does the council operate?", "There are 214 cameras."),
         ("How much did the council spend on CCTV maintenance in 2023?", "£86,400"),
         ("Are any cameras fitted with facial recognition?", "No.")]


@pytest.mark.parametrize("sign_off", ["Thanks,", "Thank you", "Many thanks!", "Cheers,",
                                      "Best,", "Kind regards,"])
def test_an_e_mails_sign_off_on_its_own_line_ends_the_last_answer(sign_off: str,
                                                                   tmp_path: Path) -> None:
    body = "\n\n".join(f"Q{n} {q}\nA{n} {a}" for n, (q, a) in enumerate(_CCTV, start=1))
    path = tmp_path / "reply.txt"
    path.write_text(f"Hello,\n\nThank you for your request. Please see our response below.\n\n"
                    f"{body}\n\n{sign_off}\nFOI team\n", "utf-8")
    pairs = extract_file(str(path))[0].pairs
    assert [(p.question, p.answer) for p in pairs] == _CCTV


_LICENCES = ["the number of taxi licences issued in 2023;", "the number of licences revoked; and",
             "the fee charged for a new licence."]
_LICENSED = ["312 licences were issued.", "9", "The fee is £245 for three years."]


@pytest.mark.parametrize("marks", ["abc", "123"])
def test_an_item_worded_as_a_plain_noun_phrase_under_a_request_intro_is_asked_with_the_rest(
        marks: str, tmp_path: Path) -> None:
    asked = "\n".join(f"{m}) {item}" for m, item in zip(marks, _LICENCES))
    answered = "\n".join(f"{m}) {answer}" for m, answer in zip(marks, _LICENSED))
    path = tmp_path / "reply.txt"
    path.write_text("Dear Mr Jones,\n\nThank you for your email of 3 March requesting the "
                    f"following information:\n\n{asked}\n\n{answered}\n\nKind regards,\n\n"
                    "Licensing Team\n", "utf-8")
    pairs = extract_file(str(path))[0].pairs
    assert [(p.question, p.answer) for p in pairs] == list(zip(_LICENCES, _LICENSED))


def test_bullets_under_the_replys_own_intro_are_not_asked_together(tmp_path: Path) -> None:
    # The reply's intro ("…our response … set out below:") over a question bulleted and its
    # answer bulleted after it: the answer is no item of the request.
    answer = "We have had no closures of any family centres in the time requested."
    path = tmp_path / "reply.txt"
    path.write_text("Dear Ms Knight,\n\nPlease find the council's response to your request set "
                    "out below:\n\n• How many family centres were closed in 2019/20 to 2022/23?"
                    f"\n• {answer}\n\n• How many youth centres were closed in 2019/20 to "
                    "2022/23?\n\nNo closures.\n\nYours sincerely,\n\nInformation Team\n", "utf-8")
    pairs = extract_file(str(path))[0].pairs
    assert answer not in [p.question for p in pairs]


_REFUSED_WHOLE = ("The council estimates that the cost of complying with your request would "
                  "exceed the appropriate limit of £450. We are therefore refusing your request "
                  "under section 12 of the Freedom of Information Act 2000.")


def test_questions_left_unanswered_share_the_refusal_of_the_whole_request() -> None:
    # The first items stand apart from the rest (a heading between), so only the last run has
    # the refusal beneath it; it refuses the whole request, the first items with it.
    letter = ("Your request\n\n1. How many parking permits were issued in 2023?\n\n"
              "2. How many were refused?\n\n**Penalty notices**\n\n"
              "3. How many penalty notices were cancelled?\n\n4. What was the income?\n\n"
              f"Response\n\n{_REFUSED_WHOLE}\n")
    seg = segment(parse(letter, "x.md"))
    assert [(p.request_item, p.answer, p.shared) for p in seg.pairs] == [
        (n, _REFUSED_WHOLE, True) for n in (1, 2, 3, 4)]
    assert seg.unanswered == ()


def test_an_answer_that_refuses_one_item_is_not_given_to_the_others() -> None:
    letter = ("1. How many parking permits were issued in 2023?\n\n2. How many were refused?\n\n"
              "**Penalty notices**\n\n3. How many penalty notices were cancelled?\n\n"
              "We do not hold the number of penalty notices cancelled.\n")
    seg = segment(parse(letter, "x.md"))
    assert [p.answer for p in seg.pairs][:2] == ["", ""]


def test_a_verdict_on_the_whole_request_settles_every_run_of_unanswered_questions() -> None:
    from foiextract.segment import _reading, _settled_whole
    from foiextract.segment.flow import Layout, Question, Run

    letter = ("1. How many parking permits were issued in 2023?\n\n2. How many were refused?\n\n"
              "3. How many penalty notices were cancelled?\n\n"
              f"Thank you for your request.\n\n{_REFUSED_WHOLE}\n")
    units, readings, _ = _reading(parse(letter, "x.md"), frozenset())
    asked = [Run([Question([u], "question_numbered", "")]) for u in units[:3]]
    layout = Layout([asked[0], Run(asked[1].questions + asked[2].questions)], [], False, False)
    last_run = _settled_whole(layout, units, readings, [])
    every_run = _settled_whole(layout, units, readings, [], every_run=True)
    assert last_run is not None and every_run is not None
    assert [p.question for p in last_run[1]] == ["How many were refused?",
                                                  "How many penalty notices were cancelled?"]
    assert [(p.question, p.answer) for p in every_run[1]] == [
        ("How many parking permits were issued in 2023?", _REFUSED_WHOLE),
        ("How many were refused?", _REFUSED_WHOLE),
        ("How many penalty notices were cancelled?", _REFUSED_WHOLE)]


def test_an_email_refusing_the_request_it_quotes_beneath_settles_each_item(tmp_path: Path) -> None:
    path = tmp_path / "reply.eml"
    path.write_text(
        "From: foi@council.gov.uk\nTo: person@example.com\n"
        "Subject: RE: Freedom of Information request - parking permits\n"
        "Date: Mon, 15 Jan 2024 10:00:00 +0000\n\nDear Ms Smith,\n\n"
        "Thank you for your request for information received on 12 December 2023.\n\n"
        f"{_REFUSED_WHOLE}\n\nYours sincerely,\n\nInformation Governance Team\n\n"
        "-----Original Message-----\nFrom: Ms Smith <person@example.com>\n"
        "Sent: 12 December 2023 09:00\nTo: foi@council.gov.uk\n"
        "Subject: Freedom of Information request - parking permits\n\nDear Council,\n\n"
        "1. How many parking permits were issued in 2023?\n2. How many were refused?\n\n"
        "Yours faithfully,\nMs Smith\n", encoding="utf-8")
    seg = segment(focus(read_document(str(path))))
    assert [(p.question, p.answer, p.shared) for p in seg.pairs] == [
        ("How many parking permits were issued in 2023?", _REFUSED_WHOLE, True),
        ("How many were refused?", _REFUSED_WHOLE, True)]


def _reply_above_original(folder: Path, reply: str, asked: str) -> Path:
    path = folder / "reply.eml"
    path.write_text(
        "From: foi@council.gov.uk\nTo: person@example.com\nSubject: RE: FOI request\n"
        "Date: Mon, 15 Jan 2024 10:00:00 +0000\n\nDear Ms Smith,\n\n"
        f"Thank you for your request for information received on 12 December 2023.\n\n{reply}"
        "\nYours sincerely,\n\nInformation Governance Team\n\n-----Original Message-----\n"
        "From: Ms Smith <person@example.com>\nSent: 12 December 2023 09:00\n"
        "To: foi@council.gov.uk\nSubject: FOI request\n\nDear Council,\n\n"
        f"{asked}\nYours faithfully,\nMs Smith\n", encoding="utf-8")
    return path


_ASKED_THREE = ("1. How many parking permits were issued in 2023?\n2. How many were refused?\n"
                "3. How many penalty notices were cancelled?\n")


def test_an_email_answering_by_number_the_request_it_quotes_beneath(tmp_path: Path) -> None:
    path = _reply_above_original(
        tmp_path, "1. 1,234 permits were issued in 2023.\n2. 56 were refused.\n3. None.\n",
        _ASKED_THREE)
    seg = segment(focus(read_document(str(path))))
    assert [(p.request_item, p.question, p.answer) for p in seg.pairs] == [
        (1, "How many parking permits were issued in 2023?", "1,234 permits were issued in 2023."),
        (2, "How many were refused?", "56 were refused."),
        (3, "How many penalty notices were cancelled?", "None.")]


@pytest.mark.parametrize("reply", [
    "1. 1,234 permits were issued in 2023.\n2. 56 were refused.\n",  # an item left out
    "1. Background to the scheme.\n2. Our approach.\n3. Next steps.\n4. Contacts.\n",  # its own list
])
def test_a_numbered_list_that_is_not_one_answer_an_item_pairs_nothing(tmp_path: Path,
                                                                      reply: str) -> None:
    seg = segment(focus(read_document(str(_reply_above_original(tmp_path, reply,
                                                                _ASKED_THREE)))))
    assert all(p.rule != "request_number" for p in seg.pairs)



@pytest.mark.parametrize("item, questions, within", [
    # the item's first sentence inside a longer question answered: the reply joined it on
    ("If possible, please also include the make and model. Please send a spreadsheet.",
     ["The number of vehicles abandoned in 2023. If possible, please also include the make "
      "and model"], True),
    ("If possible, please also include the make and model.",
     ["If possible, please also include the make and model."], False),  # the item itself
    ("The make and model.", ["The number of vehicles, the make and model."], False),  # short
    ("If possible, please also include the registration year.",
     ["The number of vehicles abandoned in 2023."], False),
])
def test_an_item_restated_within_another_question(item: str, questions: list[str],
                                                  within: bool) -> None:
    from foiextract.lexicon.text import normalise
    from foiextract.segment import _restated_within
    assert _restated_within(item, [normalise(q) for q in questions]) is within


def test_a_thread_whose_reply_restates_two_items_as_one_leaves_neither_unanswered() -> None:
    path = CORPORA / "real" / "threads-3" / "SheffieldCC_wdtk_abandoned_cars_2022_2023_2037.txt"
    seg = segment(focus(read_document(str(path))))
    assert len(seg.request) == 2 and len(seg.pairs) == 1
    assert seg.unanswered == () and "unanswered_items" not in seg.flags


@pytest.mark.parametrize("opening, asked, answer", [
    # the request a review is asked of is what was asked; the naming sentence's last clause
    # (", which we received on …") is no part of the answer
    ("Thank you for your request for an internal review of our response to your request for "
     "the number of parking permits issued in 2023, which we received on 3 March 2024.",
     "the number of parking permits issued in 2023",
     "I have reviewed the handling of your request and I uphold the original decision: the "
     "council does not hold this information."),
    ("Thank you for your request for the number of parking permits issued in 2023, which we "
     "received on 3 March 2024.",
     "the number of parking permits issued in 2023",
     "I have reviewed the handling of your request and I uphold the original decision: the "
     "council does not hold this information."),
])
def test_a_letter_that_names_the_request_asks_what_it_names(opening: str, asked: str,
                                                              answer: str) -> None:
    letter = (f"# Response\n\nDear Mr Jones,\n\n{opening}\n\n{answer}\n\nYours sincerely,\n\n"
              "Jane Smith\n")
    [pair] = segment(parse(letter, "x.md")).pairs
    assert (pair.question, pair.answer) == (asked, answer)


@pytest.mark.parametrize("name, text", [
    ("x.md", "Dear Mr Brown,\n\nQ1. How many crossing patrols are employed?\nA1. 57\n\n"
             "Q2. How many posts are vacant?\nA2. Nil\n\nYours sincerely,\n"),
    ("x.txt", "Dear Mr Brown,\n\nQ1. How many crossing patrols are employed?\nA1. 57\n\n"
              "Q2. How many posts are vacant?\nA2. Nil\n\nYours sincerely,\n"),
])
def test_an_answer_labelled_with_its_questions_number_on_the_next_line(
        tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    seg = segment(read_document(str(path)))
    assert [(p.question, p.answer) for p in seg.pairs] == [
        ("How many crossing patrols are employed?", "57"), ("How many posts are vacant?", "Nil")]


def _text_pairs(tmp_path: Path, text: str) -> tuple[Pair, ...]:
    """The pairs of ``text`` read as a plain-text reply."""
    path = tmp_path / "reply.txt"
    path.write_text(text, "utf-8")
    return segment(read_document(str(path))).pairs


@pytest.mark.parametrize("answer_label", ["Answer {n}", "Response {n}", "Response to question {n}",
                                          "ANSWER {n}:", "Reply to Q{n}"])
def test_a_numbered_answer_label_on_its_own_line_is_no_part_of_the_answer(
        tmp_path: Path, answer_label: str) -> None:
    items = [("The number of school crossing patrol sites", "112"),
             ("The number of those sites left vacant", "17"),
             ("A copy of any consultation on removing sites", "No information is held.")]
    body = "".join(f"Question {n}\n\n{q}\n\n{answer_label.format(n=n)}\n\n{a}\n\n"
                   for n, (q, a) in enumerate(items, 1))
    pairs = _text_pairs(tmp_path, "Dear Sir,\n\nOur response is below.\n\n" + body
                        + "Yours faithfully,\nThe Council\n")
    assert [(p.question, p.answer) for p in pairs] == items


@pytest.mark.parametrize("numbers", [("1", "2", "3"), ("1.", "2.", "3."), ("Q1", "Q2", "Q3")])
def test_a_table_numbering_questions_answered_in_figures(numbers: tuple[str, ...]) -> None:
    # No header; the answers are figures, as a data table's are, but the items ask.
    items = [("How many sites did the council have?", "112"), ("How many were vacant?", "17"),
             ("What did the service cost in 2023/24?", "£486,000")]
    rows = [[n, q, a] for n, (q, a) in zip(numbers, items)]
    assert [(p.question, p.answer) for p in _boxed(rows)] == items


def test_a_numbered_table_of_figures_is_still_data() -> None:
    rows = [["1", "Ward A", "25"], ["2", "Ward B", "31"], ["3", "Ward C", "18"]]
    assert _boxed(rows) == []


@pytest.mark.parametrize("value", ["£486,000", "17", "No", "N/A", "None."])
def test_a_bold_figure_alone_under_its_question_answers_it(value: str) -> None:
    # (A PDF sets a bold answer on a line of its own where its question filled the line.)
    text = ("Dear Ms Jones,\n\n1. How many sites did the council have on 1 April 2024?\n\n"
            "**112**\n\n"
            "2. What was the total cost of the school crossing patrol service in 2023/24?\n\n"
            f"**{value}**\n\nYours sincerely,\n\nThe Council\n")
    pairs = segment(parse(text, "x.md")).pairs
    assert [(p.question[:9], p.answer) for p in pairs] == [("How many ", "112"),
                                                            ("What was ", value)]


def test_a_bold_year_alone_still_heads_what_follows() -> None:
    text = ("Dear Ms Jones,\n\n1. How many complaints did you receive?\n\n**2019**\n\n"
            "Fourteen.\n\n**2020**\n\nNine.\n\nYours sincerely,\n\nThe Council\n")
    from foiextract.segment import _reading

    units, readings, _ = _reading(parse(text, "x.md"), frozenset())
    assert [r.role for u, r in zip(units, readings) if u.text in ("2019", "2020")] \
        == ["heading", "heading"]


@pytest.mark.parametrize("keys", [("(a)", "(b)", "(c)"), ("1", "2", "3")])
@pytest.mark.parametrize("apart", [" ", "\n\n"], ids=["one-paragraph", "paragraphs"])
def test_a_reply_naming_the_items_it_answers_sentence_by_sentence(
        keys: tuple[str, ...], apart: str) -> None:
    a, b, c = keys
    noun = "items" if a.startswith("(") else "questions"
    mark = (lambda key: key) if a.startswith("(") else (lambda key: key + ".")
    letter = ("Dear Mr Lee:\n\nYou requested copies of the following:\n\n"
              f"{mark(a)} Contracts with Flock Safety entered into since January 1, 2020;\n\n"
              f"{mark(b)} Invoices paid to Flock Safety during the same period; and\n\n"
              f"{mark(c)} Communications regarding the expansion of the camera network.\n\n"
              f"With respect to {noun} {a} and {b}, responsive records are enclosed.{apart}"
              f"With respect to {noun[:-1]} {c}, your request is denied pursuant to "
              "MCL 15.243(1)(m).\n\nSincerely,\n\nFOIA Coordinator\n")
    pairs = segment(parse(letter, "x.md")).pairs
    enclosed = f"With respect to {noun} {a} and {b}, responsive records are enclosed."
    assert [p.answer for p in pairs] == [
        enclosed, enclosed,
        f"With respect to {noun[:-1]} {c}, your request is denied pursuant to MCL 15.243(1)(m)."]


def test_a_paragraph_naming_one_item_then_going_on_is_one_answer() -> None:
    # Only a paragraph that opens by naming items is cut where it names others.
    from foiextract.segment.units import units_of

    text = ("Responsive records are enclosed. With respect to item (c), your request is denied. "
            "The records are exempt.")
    assert len(units_of([Block("paragraph", (Span(text),))])) == 1


@pytest.mark.parametrize("apart", ["\n", "\n\n"], ids=["lines", "paragraphs"])
def test_questions_answered_on_their_lines_one_after_another(tmp_path: Path, apart: str) -> None:
    # Unnumbered, a line each: three answered by a figure make the layout, and a name answering
    # the line beside them is an answer too.
    pairs = [("How many bus shelters does the council maintain?", "1,942"),
             ("How many were replaced in 2023?", "63"),
             ("Who is the contractor?", "Clear Channel UK"),
             ("What is the annual maintenance budget?", "£410,000")]
    found = _text_pairs(tmp_path, "Good afternoon,\n\nPlease see below response to your FOI "
                        "request.\n\n" + apart.join(f"{q} {a}" for q, a in pairs)
                        + "\n\nKind regards,\nTransport Team\n")
    assert [(p.question, p.answer) for p in found] == pairs


def test_a_question_answered_on_its_line_in_words_alone_is_left_whole(tmp_path: Path) -> None:
    # Without the layout of answers by figure around it, the words after a question mark are
    # its own ("Who is the contractor? Please name them").
    pairs = _text_pairs(tmp_path, "Dear Sir,\n\nYou asked: Who is the contractor? Clear Channel UK "
                        "holds the contract.\n\nThe contractor is Clear Channel UK.\n\n"
                        "Yours faithfully,\nTeam\n")
    assert all(p.answer != "Clear Channel UK holds the contract." for p in pairs)


def test_questions_answered_on_their_lines_within_one_paragraph() -> None:
    # The same lines set with hard breaks within one paragraph (Markdown's two spaces).
    pairs = [("How many bus shelters does the council maintain?", "1,942"),
             ("How many were replaced in 2023?", "63"),
             ("Who is the contractor?", "Clear Channel UK"),
             ("What is the annual maintenance budget?", "£410,000")]
    text = ("Good afternoon,\n\nPlease see below.\n\n" + "  \n".join(f"{q} {a}" for q, a in pairs)
            + "\n\nKind regards,\n\nTransport Team\n")
    assert [(p.question, p.answer) for p in segment(parse(text, "x.md")).pairs] == pairs


def test_a_question_asking_on_past_its_mark_is_carried_to_the_next_line(tmp_path: Path) -> None:
    # "…organisation? What platform" / "is used? Yes, same CRM.": the text after the first mark
    # asks on, and the next line carries it; no answer given on the first line.
    answers = [p.answer for p in _text_pairs(
        tmp_path, "Dear Sir,\n\nOur answers are below.\n\n"
        "a. Do you use a CRM in the contact centre? What platform is used? Verint\n"
        "CRM.\n"
        "b. Do you use the same CRM for the rest of the organisation? What platform\n"
        "is used? Yes, same CRM.\n"
        "c. Do you use a knowledge base? What platform is used? Knowledge built\n"
        "into the CRM.\n\nYours faithfully,\nTeam\n")]
    assert answers == ["Verint CRM.", "Yes, same CRM.", "Knowledge built into the CRM."]


@pytest.mark.parametrize("label", ["Response:", "Answer -", "Our response:"])
def test_an_email_answering_in_line_within_the_request_it_quotes(tmp_path: Path,
                                                                 label: str) -> None:
    # "Please see our responses in-line below.": each answer set, labelled, under its question
    # in the requester's message the reply quotes after its sign-off.
    asked = ("1. How many parking permits were issued in 2023?\n"
             f"{label} 1,234 permits.\n\n2. How many were refused?\n{label} 56.\n\n"
             f"3. How many penalty notices were cancelled?\n{label} None.\n\n")
    path = _reply_above_original(tmp_path, "Please see our responses in-line below.\n", asked)
    seg = segment(focus(read_document(str(path))))
    assert [(p.question, p.answer) for p in seg.pairs] == [
        ("How many parking permits were issued in 2023?", "1,234 permits."),
        ("How many were refused?", "56."), ("How many penalty notices were cancelled?", "None.")]


def test_a_quoted_request_without_answers_set_in_it_is_not_answered_by_itself(
        tmp_path: Path) -> None:
    path = _reply_above_original(tmp_path, "Please find the information attached.\n", _ASKED_THREE)
    seg = segment(focus(read_document(str(path))))
    assert all(not p.answer or p.answer == "Please find the information attached."
               for p in seg.pairs)


@pytest.mark.parametrize("second", ["You also asked:", "You further asked:", "Your next question:",
                                    "Your final request:"])
def test_the_second_question_labelled_as_asked_further(tmp_path: Path, second: str) -> None:
    pairs = _text_pairs(tmp_path, "Dear Ms Evans\n\nYou asked: How many incidents were reported "
                        "in 2022?\n\nResponse: 26 incidents were reported.\n\n"
                        f"{second} What measures has the council taken to reduce them?\n\n"
                        "Response: All front-line staff receive conflict resolution training.\n\n"
                        "Yours sincerely\n\nCustomer Services\n")
    assert [(p.question, p.answer) for p in pairs] == [
        ("How many incidents were reported in 2022?", "26 incidents were reported."),
        ("What measures has the council taken to reduce them?",
         "All front-line staff receive conflict resolution training.")]



def test_a_figure_alone_where_its_question_wrapped_then_the_next_question() -> None:
    # A PDF's lines within one paragraph: the first question filled its line, so its figure
    # stands alone on the next, and the next question follows on the line after.
    text = ("Dear Ms Jones,\n\nOur response:\n\n"
            "How many school crossing patrol sites did the council have on 1 April 2024?  \n112  \n"
            "How many of these sites were vacant? 17  \n"
            "What was the total cost of the service in 2023/24? £486,000\n\n"
            "Yours sincerely,\n\nThe Council\n")
    pairs = segment(parse(text, "x.md")).pairs
    assert [(p.question[:20], p.answer) for p in pairs] == [
        ("How many school cros", "112"), ("How many of these si", "17"),
        ("What was the total c", "£486,000")]


_ONE_REQUEST = ("Please provide the number of stop and search encounters carried out by your "
                "force in 2023, broken down by the ethnicity of the person searched.")
_ONE_ANSWER = ("In 2023 the force carried out 4,312 stop and search encounters. A breakdown by "
               "ethnicity is provided in the attached spreadsheet.")


@pytest.mark.parametrize("opening", [
    # the request set out in a plain paragraph of its own after the intro
    "You requested the following information:\n\n{request}",
    "Thank you for your request of 14 June 2024. You asked for the following:\n\n{request}",
    # the request quoted in the sentence that says it was asked
    "On 14 June 2024 you requested: “{request}”",
    "In your request you asked for “{request}”",
    # the request after the intro's colon, in the same paragraph
    "Thank you for your email of 14 June 2024. Specifically, you asked: {request}",
    # "You wrote:" restates the request; it is no mail program's attribution line
    "We received your request on 14 June 2024. You wrote:\n\n“{request}”",
])
def test_one_request_restated_in_the_opening_is_the_question(tmp_path: Path, opening: str
                                                               ) -> None:
    letter = ("Westshire Police\n\nOur reference: 2024/0456\n\nDear Mr Patel,\n\n"
              f"{opening.format(request=_ONE_REQUEST)}\n\n{_ONE_ANSWER}\n\n"
              "If you are dissatisfied with the handling of your request, you have the right "
              "to ask for an internal review.\n\nYours sincerely,\n\nInformation Officer\n")
    pairs = _text_pairs(tmp_path, letter)
    assert [similarity(p.question, _ONE_REQUEST) >= 0.9 for p in pairs] == [True]
    assert pairs[0].answer == _ONE_ANSWER


@pytest.mark.parametrize("lead_in", ["Our response is as follows:",
                                     "The answers to your questions are as follows:"])
def test_the_replys_own_lead_in_introduces_no_request(lead_in: str) -> None:
    from foiextract.segment import _reading
    letter = (f"Dear Mr Patel,\n\nYou asked:\n\n> {_ONE_REQUEST}\n\n{lead_in}\n\n"
              f"*{_ONE_ANSWER}*\n\nYours sincerely,\n")  # the answer in a style of its own
    units, readings, _ = _reading(parse(letter, "x.md"), frozenset())
    role = {u.text: r.role for u, r in zip(units, readings)}
    assert role[_ONE_ANSWER] != "question"


@pytest.mark.parametrize("together", ["1-3.", "1 – 3:", "1 to 3)", "Questions 1-3:"])
def test_numbered_answers_for_a_range_of_items(tmp_path: Path, together: str) -> None:
    asked = ["How many school crossing patrol sites did the council have on 1 April 2024?",
             "How many of these sites were vacant?",
             "What was the total cost of the service in 2023/24?",
             "Has the council consulted on removing any sites?"]
    shared = "The council does not hold this information. Patrols are provided by the police."
    letter = ("Dear Ms Jones,\n\nYou asked:\n\n"
              + "".join(f"{n}. {q}\n\n" for n, q in enumerate(asked, 1))
              + f"Our response:\n\n{together} {shared}\n\n4. No.\n\nYours sincerely,\n")
    pairs = _text_pairs(tmp_path, letter)
    assert [(p.question, p.answer, p.request_item) for p in pairs] == [
        *((q, shared, n) for n, q in enumerate(asked[:3], 1)), (asked[3], "No.", 4)]
    rows = extract_file(str(tmp_path / "reply.txt"))[0].rows()["pairs"]
    assert [r["kind"] for r in rows] == ["not_held"] * 3 + ["boolean"]


@pytest.mark.parametrize("sent", ["Please see attached.", "Please find the attached spreadsheet.",
                                  "See attached document."])
def test_a_thread_answered_by_what_its_reply_attaches(tmp_path: Path, sent: str) -> None:
    # The reply's one line after its opening says the answer is attached: it answers each item
    # (a line opening a reply, "Please see attached", is passed over only where more follows).
    items = ["The number of abandoned dogs reported to the council in 2023.",
             "The number of abandoned dogs seized by the council in 2023."]
    path = _thread(tmp_path, "I would like to request the following information:\n"
                   + "".join(f"- {item}\n" for item in items),
                   "Thank you for your request for information relating to abandoned dogs.\n"
                   "Please find Sheffield City Council's response to your request set out "
                   f"below:\n{sent}\n"
                   "If you have any queries about this response, please do not hesitate to "
                   "contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [(p.question, p.answer, p.shared) for p in pairs] == [(i, sent, True) for i in items]


@pytest.mark.parametrize("reply, answer", [
    ("Please find attached Sheffield City Council's response to your request.\n",
     "Please find attached Sheffield City Council's response to your request."),
    ("Please find attached Sheffield City Council's response to your request. If you have any "
     "queries about this response, please do not hesitate to contact us.\n",
     "Please find attached Sheffield City Council's response to your request."),
    # what it sends named between "find" and "attached"
    ("Thank you for your request for information relating to abandoned dogs.\nPlease find "
     "Sheffield City Council’s response to your request attached.\n",
     "Please find Sheffield City Council’s response to your request attached."),
    ("Please find the council's response enclosed.\n",
     "Please find the council's response enclosed."),
])
def test_a_reply_sending_its_whole_response_apart_says_so_to_each_item(
        tmp_path: Path, reply: str, answer: str) -> None:
    # What stands beneath the request is the answer, as gold reads it ("I have attached our
    # formal response to your request"): each item is told its answer is attached.
    items = ["The number of abandoned dogs reported to the council in 2023.",
             "The number of abandoned dogs seized by the council in 2023."]
    path = _thread(tmp_path, "I would like to request the following information:\n"
                   + "".join(f"- {item}\n" for item in items), reply)
    pairs = segment(focus(read_document(path))).pairs
    assert [(p.question, p.answer, p.shared) for p in pairs] == [(i, answer, True) for i in items]


def test_a_reply_whose_only_line_sends_the_answer_and_says_more(tmp_path: Path) -> None:
    # "Please find attached …" opens many replies; where nothing else follows, it is the answer.
    answer = ("Please find attached traffic flow information for the A61 scheme. We have supplied "
              "the data we hold for the period 2020 to 2024.")
    path = _thread(tmp_path, "Could you share the traffic counts taken after the A61 scheme "
                   "opened?\n", "Please find the council's response to your request set out "
                   f"below:\n{answer}\nIf you have any queries about this response, please do not "
                   "hesitate to contact us.\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [p.answer for p in pairs] == [answer]


@pytest.mark.parametrize("courtesy", ["I hope your well?", "I hope you are doing well.",
                                      "I trust you are well?", "Hope all is well.",
                                      "I trust this email finds you well?"])
def test_a_requesters_pleasantry_asks_nothing(courtesy: str) -> None:
    from foiextract.segment.phrases import reads_as_question
    assert not reads_as_question(courtesy)
    assert reads_as_question("Please can I have the social work team structure?")


_PARTS_ASKED = ("the number of fixed penalty notices issued in 2023",
                "the number cancelled on appeal", "the income received from them")


@pytest.mark.parametrize("lead", ["You asked for:", "Your request was for the following:",
                                  "Please could you tell me"])
@pytest.mark.parametrize("style", ["{}) ", "({}) "], ids=["a)", "(a)"])
@pytest.mark.parametrize("layout, apart", [("Our response: {}", " "), ("{}", " "), ("{}", "\n\n")],
                         ids=["led", "bare", "paragraphs"])
def test_lettered_parts_run_on_in_one_sentence_each_answered_by_its_letter(
        tmp_path: Path, lead: str, style: str, layout: str, apart: str) -> None:
    # The request's parts run on in one sentence; the answers run on in one paragraph too, or
    # stand one a paragraph. Each part is asked, and answered by the words after its letter.
    asked = "; ".join(style.format(k) + q for k, q in zip("abc", _PARTS_ASKED))
    told = apart.join(style.format(k) + a for k, a in zip("abc", ("112", "17", "£486,000")))
    pairs = _text_pairs(tmp_path, f"Dear Ms Smith,\n\nFreedom of Information request FOI-1234\n\n"
                                  f"{lead} {asked}.\n\n{layout.format(told)}\n\n"
                                  "If you are not satisfied you may ask for an internal review.\n\n"
                                  "Yours sincerely,\nInformation Governance\n")
    stem = "" if lead.endswith(":") else lead + " "
    assert [(p.question, p.answer) for p in pairs] == [
        (stem + _PARTS_ASKED[0], "112"), (stem + _PARTS_ASKED[1], "17"),
        (stem + _PARTS_ASKED[2], "£486,000")]


@pytest.mark.parametrize("told", [
    "The council uses a) Taranto for permits b) Civica for fines",  # a sentence listing: one answer
    "a) 112 notices were issued to drivers parked on the footway across the city in the year, "
    "b) 17 c) £486,000",  # a part's answer too long to run on
])
def test_lettered_words_in_an_answer_that_does_not_answer_part_by_part(
        tmp_path: Path, told: str) -> None:
    asked = "; ".join(f"{k}) {q}" for k, q in zip("abc", _PARTS_ASKED))
    pairs = _text_pairs(tmp_path, f"Dear Ms Smith,\n\nYou asked for: {asked}.\n\n{told}\n\n"
                                  "Yours sincerely,\nInformation Governance\n")
    assert all(p.answer.endswith(told[told.index("b)"):]) for p in pairs)


@pytest.mark.parametrize("quoted", ["“{}”", '"{}"'])
def test_a_question_quoted_whole_is_given_without_its_quotation_marks(
        tmp_path: Path, quoted: str) -> None:
    asked = "How many potholes were reported in 2023?"
    pairs = _text_pairs(tmp_path, "Dear Mr Jones,\n\nThank you for your request, in which you "
                                  f"asked:\n\n{quoted.format(asked)}\n\n9,412 potholes were "
                                  "reported.\n\nKind regards,\nHighways FOI\n")
    assert [(p.question, p.answer) for p in pairs] == [(asked, "9,412 potholes were reported.")]


@pytest.mark.parametrize("noun, keys", [("item", ("1", "2", "3")), ("question", ("1", "2", "3")),
                                        ("item", ("(a)", "(b)", "(c)"))])
def test_sentences_naming_the_items_they_answer_anywhere_in_them(
        tmp_path: Path, noun: str, keys: tuple[str, str, str]) -> None:
    a, b, c = keys
    asked = ("All contracts between the City and Flock Safety from 2020 to present.",
             "All invoices paid to Flock Safety from 2020 to present.",
             "Any audits of the ALPR system conducted since 2020.")
    marks = [f"{k}." if k.isdigit() else k for k in keys]
    enclosed = f"Records responsive to {noun}s {a} and {b} are enclosed."
    none = (f"The City does not possess any records responsive to {noun} {c}. No audit has been "
            "carried out.")
    pairs = _text_pairs(tmp_path, "Dear Mr. Smith:\n\nThis letter responds to your request, in "
                                  "which you requested:\n\n"
                                  + "".join(f"{m} {q}\n\n" for m, q in zip(marks, asked))
                                  + f"Your request is granted in part. {enclosed} {none}\n\n"
                                  "Sincerely,\n\nFOIA Coordinator\n")
    assert [(p.question, p.answer) for p in pairs] == [
        (asked[0], enclosed), (asked[1], enclosed), (asked[2], none)]


@pytest.mark.parametrize("quoting", ["original", "prefixed"])
def test_a_reply_above_the_request_it_quotes_answers_its_questions_whole(
        tmp_path: Path, quoting: str) -> None:
    # Top-posted: the reply in its own words, signed off, then the requester's message quoted
    # with its numbered questions. Each question quoted is answered by the reply's body.
    asked = ("How many fire safety inspections were carried out in 2023?",
             "How many enforcement notices were issued?")
    told = "The Service carried out 1,146 inspections in 2023 and issued 37 enforcement notices."
    request = ("Dear Sir/Madam,\n\nPlease could you tell me:\n\n"
               + "".join(f"{n}. {q}\n" for n, q in enumerate(asked, start=1))
               + "\nThanks,\nJane Green\n")
    if quoting == "original":
        request = ("-----Original Message-----\nFrom: Jane Green\nSent: 01 March 2024 10:00\n"
                   f"Subject: FOI request\n\n{request}")
    else:
        request = "On 1 March 2024, Jane Green wrote:\n" + "".join(
            f"> {line}\n" for line in request.splitlines())
    pairs = _text_pairs(tmp_path, f"Dear Ms Green,\n\n{told}\n\nRegards,\nFire Safety Team\n\n"
                                  f"{request}")
    assert [(p.question, p.answer, p.shared) for p in pairs] == [
        (asked[0], told, True), (asked[1], told, True)]


@pytest.mark.parametrize("figure", ["9,412", "1,204,000", "94"])
def test_an_answer_naming_its_question_then_a_figure_with_thousands(
        tmp_path: Path, figure: str) -> None:
    # "In response to question 1, 9,412 …": the "9" is the figure's, not a second item named.
    asked = ("How many fly-tipping incidents were reported in 2023?",
             "How many fixed penalty notices were issued for fly-tipping in 2023?",
             "How many prosecutions for fly-tipping were brought in 2023?")
    first = f"In response to question 1, {figure} incidents were reported."
    rest = "In respect of questions 2 and 3, the council does not hold this information."
    path = _thread(tmp_path, "".join(f"{n}. {q}\n" for n, q in enumerate(asked, start=1)),
                   "Please find Sheffield City Council's response to your request set out "
                   f"below:\n{first}\n{rest}\n")
    pairs = segment(focus(read_document(path))).pairs
    assert [(p.question, p.answer) for p in pairs] == [
        (asked[0], first), (asked[1], rest), (asked[2], rest)]


@pytest.mark.parametrize("lead", ["Please tell me:", "Could you please provide:",
                                  "Can you tell me:", "I would like to know:", "Please advise:",
                                  "My questions are:"])
def test_a_line_that_only_asks_over_numbered_items_is_no_item_of_the_request(
        tmp_path: Path, lead: str) -> None:
    asked = ("How many noise complaints were received in 2023?",
             "How many abatement notices were served in 2023?")
    path = _thread(tmp_path, f"{lead}\n" + "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1)),
                   "Please find the council's response to your request set out below:\n"
                   f"1. {asked[0]}\n4,120\n2. {asked[1]}\n42\n")
    seg = segment(focus(read_document(path)))
    assert seg.request == asked
    assert [(p.request_item, p.answer) for p in seg.pairs] == [(1, "4,120"), (2, "42")]
    assert "unanswered_items" not in seg.flags


def test_questions_a_line_each_after_a_sentence_in_a_short_message(tmp_path: Path) -> None:
    # A short message's longest line is no sign of a wrap: the question on the line after a
    # sentence's end is a paragraph of its own, and an item of the request.
    asked = ("How many noise complaints were received in 2023?",
             "How many abatement notices were served in 2023?")
    path = _thread(tmp_path, "I am researching noise nuisance across South Yorkshire.\n"
                   + "".join(f"{q}\n" for q in asked) + "Thank you for your help.\n",
                   "Please find the council's response to your request set out below:\n"
                   f"{asked[0]}\n4,120\n{asked[1]}\n42\n")
    seg = segment(focus(read_document(path)))
    assert seg.request == asked
    assert [(p.request_item, p.answer) for p in seg.pairs] == [(1, "4,120"), (2, "42")]


def test_a_bullet_among_restated_ones_is_an_item_of_its_own(tmp_path: Path) -> None:
    # The reply restates each bullet with its answer on the line; one restating is not
    # recognised ("…; and" asked, "… - 42" restated): its bullet is an item all the same, not
    # part of the one above.
    asked = ("The number of noise complaints received in 2023;",
             "The number of abatement notices served in 2023; and",
             "The number of prosecutions in 2023.")
    path = _thread(tmp_path, "I would like to request:\n" + "".join(f"• {q}\n" for q in asked),
                   "Please find the council's response to your request set out below:\n"
                   "• The number of noise complaints received in 2023 - 4,120\n"
                   "• The number of abatement notices served in 2023 - 42\n"
                   "• The number of prosecutions in 2023 - 3\n")
    seg = segment(focus(read_document(path)))
    assert seg.request == asked
    assert [(p.request_item, p.answer) for p in seg.pairs] == [(1, "4,120"), (2, "42"), (3, "3")]


@pytest.mark.parametrize("label", ["Response to Item {n}:", "Response to request {n}:",
                                   "Our response to question {n}", "Answer to point {n}:"])
def test_answer_labels_naming_the_items_listed_above(tmp_path: Path, label: str) -> None:
    # The request set out first, then each answer under a label of its own naming its item:
    # the label is no part of the answer, and the answer under it is no question.
    items = [("The total number of overtime hours paid to officers in 2022.",
              "Officers were paid for a total of 41,316 overtime hours in 2022."),
             ("The total amount of overtime paid to officers in 2022.",
              "The total amount of overtime paid to officers in 2022 was $3,184,552.17."),
             ("The number of recordings requested by the public in 2022.",
              "The department received 212 requests for recordings in 2022.")]
    text = ("Dear Ms. Whitlock,\n\nThe City is in receipt of your request, in which you "
            "requested the following:\n\n"
            + "".join(f"{n}. {q}\n" for n, (q, _) in enumerate(items, 1))
            + "\nThe City's response to each item of your request is set out below.\n\n"
            + "".join(f"{label.format(n=n)}\n{a}\n\n" for n, (_, a) in enumerate(items, 1))
            + "Sincerely,\n\nThe FOIA Officer\n")
    assert [(p.question, p.answer) for p in _text_pairs(tmp_path, text)] == items


def test_answers_written_in_under_the_quoted_questions(tmp_path: Path) -> None:
    # "On … wrote:" over the request quoted with "> ": the lines without it are the reply's,
    # each answering the question quoted above it.
    items = [("How much did the Department spend on consultancy in 2022-23?",
              "The Department spent £46.3m on consultancy in 2022-23."),
             ("How many consultancy contracts were terminated early?", "None."),
             ("How many staff worked in the commercial function?", "412.6 FTE")]
    quoted = "".join(f"> {n}. {q}\n\n{a}\n\n" for n, (q, a) in enumerate(items, 1))
    text = ("Dear Mr Baxter,\n\nWe have answered each of your questions beneath it in your "
            "original email.\n\nOn Fri, 3 May 2024 at 09:15, Tom Baxter <tb@example.org> wrote:\n"
            "> Dear Department,\n>\n> Please provide the following information:\n>\n"
            f"{quoted}> Yours faithfully,\n> Tom Baxter\n\nYours sincerely,\n\nFOI Team\n")
    assert [(p.question, p.answer) for p in _text_pairs(tmp_path, text)] == items


def test_a_reply_naming_the_items_it_answers_above_the_request_it_quotes(
        tmp_path: Path) -> None:
    # Prose naming each item ("In answer to your first question, …"), over the requester's
    # message quoted: each named item takes its paragraph (one naming two, both), not the
    # first refusal among them as a verdict on the whole.
    asked = ("How many claims were made for pothole damage in 2022/23?",
             "How many of those claims were successful?",
             "What is the average time taken to repair a pothole?")
    told = ["In answer to your first question, the Council received 2,317 claims.",
            "With regard to your second question, 412 of those claims resulted in a payment.",
            "Regarding your third question, the Council does not record the average time "
            "taken and this information is not held."]
    text = ("Dear Mr Pemberton\n\nThank you for your request for information received on 25 "
            "July 2023.\n\n" + "".join(f"{t}\n\n" for t in told)
            + "Yours sincerely\n\nInformation Access Officer\n\n"
            "-----Original Message-----\nFrom: A Pemberton\nSent: 25 July 2023 10:00\n"
            "Subject: FOI request\n\nDear Council,\n\n"
            + "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1)) + "\nYours faithfully,\n")
    assert [(p.question, p.answer) for p in _text_pairs(tmp_path, text)] == list(zip(asked, told))


@pytest.mark.parametrize("dash", ["–", "-", "—"])
def test_numbered_answers_after_a_dash_are_no_ranges_of_items(tmp_path: Path, dash: str) -> None:
    # "Q1 – 214", "Q2 – 9", "Q3 – 71.3%" answer the request's questions by number: the figure
    # after a spaced dash is the answer, not the last item of a range ("Q3-5" is one). And
    # "…answered Q1 to" / "Q3 below." is one sentence wrapped, not an item opened.
    asked = ("How many stop and searches were carried out under section 60 in 2023?",
             "How many section 60 authorisations were made in 2023?",
             "What percentage of all stop and searches resulted in no further action?")
    path = _thread(tmp_path, "Please could you tell me:\n"
                   + "".join(f"Q{n}. {q}\n" for n, q in enumerate(asked, 1)),
                   "The force can confirm that it holds information relevant to your request, "
                   "and has answered Q1 to\nQ3 below.\n\n"
                   f"Q1 {dash} 214\nQ2 {dash} 9\nQ3 {dash} 71.3%\n\n")
    seg = segment(focus(read_document(path)))
    assert [(p.question, p.answer) for p in seg.pairs] == list(zip(asked, ["214", "9", "71.3%"]))


def test_named_answers_set_in_the_request_quoted_below_a_top_posted_reply(
        tmp_path: Path) -> None:
    # The reply above "-----Original Message-----", its answers set under each numbered item
    # of the request quoted with "> ", each after a label naming the body ("CITY RESPONSE:").
    items = [("The total amount paid to all such contractors in fiscal year 2022-23.",
              "$1,696,675.50."),
             ("The number of encampment cleanup operations conducted in 2023.",
              "The team logged 187 cleanup operations in 2023."),
             ("Any after-action reports prepared following the cleanup operations.",
              "After a diligent search, the City has not located any records responsive.")]
    quoted = "".join(f"> {n}. {q}\n\nCITY RESPONSE: {a}\n\n"
                     for n, (q, a) in enumerate(items, 1))
    text = ("Ms. Raman,\n\nThe City's responses are inserted below each numbered item of your "
            "original message.\n\nRegards,\n\nPublic Records Coordinator\n\n"
            "-----Original Message-----\nFrom: Priya Raman <pr@example.org>\n"
            "Sent: Monday, January 29, 2024 8:14 AM\nSubject: CPRA request\n\n"
            f"> Hello,\n>\n> I request the following records:\n>\n{quoted}> Thank you,\n"
            "> Priya Raman\n")
    assert [(p.question, p.answer) for p in _text_pairs(tmp_path, text)] == items


@pytest.mark.parametrize("label", ["Item {n}", "Request No. {n}", "Question No. {n}:"])
def test_an_item_named_alone_over_its_answer_after_the_request_set_out(
        tmp_path: Path, label: str) -> None:
    # The request set out as a numbered list, then "Item 3" alone over a paragraph that does not
    # ask: the paragraph answers item 3 (two items named together share theirs).
    items = [("All Notices of Violation issued to the Facility since January 1, 2018;",
              "EPA located three (3) Notices of Violation, which are enclosed."),
             ("The dates of all inspections of the Facility since January 1, 2018;",
              "EPA inspected the Facility on March 7, 2018 and October 22, 2019."),
             ("The amount of any civil penalty assessed against the Facility since 2018.",
              "EPA assessed a civil penalty of $287,500 against the Facility.")]
    text = ("Dear Ms. Halloran:\n\nThis letter is in response to your request for the "
            "following records:\n\n" + "".join(f"{n}. {q}\n" for n, (q, _) in enumerate(items, 1))
            + "\nOur response to each item follows.\n\n"
            + "".join(f"{label.format(n=n)}\n\n{a}\n\n" for n, (_, a) in enumerate(items, 1))
            + "Sincerely,\n\nRegional FOIA Officer\n")
    assert [(p.question, p.answer) for p in _text_pairs(tmp_path, text)] == items


@pytest.mark.parametrize("text, label", [
    ("Items 1 and 2", ("", "Items 1 and 2", "question", (1, 2))),
    ("Request No. 4: The current schedule of fines.",
     ("The current schedule of fines.", "Request No. 4", "question", (4,))),
    ("Q1 – 214", ("214", "Q1", "question", (1,))),
    ("Q3-5: None", ("None", "Q3-5", "question", (3, 4, 5))),
    ("Parts 2 and 3 of your request are refused.",
     ("Parts 2 and 3 of your request are refused.", "", "", ())),
    ("CITY RESPONSE: 187 operations.", ("187 operations.", "", "answer", ())),
    ("Please answer : Yes or No?", ("Please answer : Yes or No?", "", "", ())),
])
def test_labels_read(text: str, label: tuple[object, ...]) -> None:
    from foiextract.segment.units import read_label
    assert read_label(text) == label


def test_sentences_settling_the_items_they_name(tmp_path: Path) -> None:
    # "Items 1 and 2 are granted. …", "Item 3 is denied. …": each paragraph answers the items it
    # opens by naming (two named together share it), whole, with its naming words.
    asked = ("The number of lead service lines replaced in 2023.",
             "The total cost of lead service line replacements in 2023.",
             "The names of residents who declined a free replacement in 2023.")
    told = ["Items 1 and 2 are granted. The City replaced 2,417 lines at a cost of $14,862,300.",
            "Item 3 is denied. The names of private individuals are exempt under "
            "MCL 15.243(1)(a)."]
    text = ("Dear Ms. Bixby,\n\nYour request sought the following public records:\n\n"
            + "".join(f"Item {n}  {q}\n" for n, q in enumerate(asked, 1)) + "\n"
            + "".join(f"{t}\n\n" for t in told) + "Sincerely,\n\nFOIA Coordinator\n")
    assert [(p.question, p.answer) for p in _text_pairs(tmp_path, text)] == [
        (asked[0], told[0]), (asked[1], told[0]), (asked[2], told[1])]


@pytest.mark.parametrize("after", ["?: {a}", "?:  {a}", "? - {a}"])
def test_an_answer_after_a_colon_on_its_question_line(tmp_path: Path, after: str) -> None:
    # "Q5. Does the Council use covert CCTV cameras?: Yes": the colon after the question mark
    # sets the answer apart as a dash does.
    items = [("Does the Council use covert CCTV cameras at fly-tipping hotspots?", "Yes"),
             ("How many such cameras does the Council have?", "6"),
             ("When was the enforcement policy last reviewed?",
              "It was last reviewed in May 2023.")]
    text = ("Dear Requester,\n\nOur response to each part of your request is set out below.\n"
            + "".join(f"Q{n}. {q[:-1]}{after.format(a=a)}\n" for n, (q, a) in enumerate(items, 1))
            + "\nKind regards\n\nInformation Governance Team\n")
    assert [(p.question, p.answer) for p in _text_pairs(tmp_path, text)] == items


def test_a_labelled_topic_over_lettered_questions_is_their_stem(tmp_path: Path) -> None:
    # "Question 1: Recruitment agents" over "(a) How many …?", "(b) What was …?": the label
    # titles the parts it numbers; it asks nothing of its own.
    parts = [("How many overseas recruitment agents did the University contract with?", "236"),
             ("What was the total commission paid to recruitment agents in 2022/23?", "£21.4m")]
    text = ("Dear Mr Chen\n\nOur response is set out below.\n\nQuestion 1: Recruitment agents\n"
            + "".join(f"({letter}) {q}\nAnswer - {a}\n" for letter, (q, a) in zip("ab", parts))
            + "\nQuestion 2: How many agents were terminated for misconduct?\nAnswer - 0\n\n"
            "Yours sincerely\n\nInformation Governance Office\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == [
        *parts, ("How many agents were terminated for misconduct?", "0")]


def test_an_empty_answer_label_leaves_its_question_unanswered(tmp_path: Path) -> None:
    # "Answer:" with nothing after it, then the next question: the first is left unanswered,
    # not given the next question's answer.
    text = ("Dear Ms Patel\n\nQ1 How many restraint incidents were recorded in 2023?\n\n"
            "Answer: 412\n\nQ2 How many staff were injured during restraint incidents?\n\n"
            "Answer:\n\nQ3 Please provide the names of the staff involved.\n\n"
            "Answer: This information is exempt under section 40(2) of the Act.\n\n"
            "Yours sincerely\n\nInformation Governance\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question[:12], p.answer, p.shared) for p in pairs] == [
        ("How many res", "412", False), ("How many sta", "", False),
        ("Please provi", "This information is exempt under section 40(2) of the Act.", False)]


@pytest.mark.parametrize("br", ["<br>", "<br/>", "<BR />"])
def test_a_list_set_in_a_table_cell_with_line_breaks(br: str) -> None:
    # "• Medacs Healthcare<br>• Pulse Healthcare": a break between the cell's items, read as
    # one, not run together ("Medacs Healthcare• Pulse Healthcare").
    text = ("| Request | Response |\n| --- | --- |\n"
            f"| Which agencies supplied nursing staff? | • Medacs{br}• Pulse{br}"
            "• ID Medical |\n"
            "| How much was spent on agency staff? | £14.7m |\n")
    pairs = segment(parse(text, "x.md")).pairs
    assert [p.answer for p in pairs] == ["Medacs • Pulse • ID Medical", "£14.7m"]


def test_answers_in_italic_under_bold_questions_are_answers_however_they_read() -> None:
    # The letter sets its questions in bold and its answers in italic: an italic paragraph
    # worded as a request would be ("The name of the officer is withheld …") is still an answer.
    items = [("How many households were placed in temporary accommodation?", "1,247 households."),
             ("How many of these households included dependent children?", "743"),
             ("What is the name of the officer who authorises placements?",
              "The name of the officer is withheld under section 40(2) of the Act.")]
    text = ("Dear Requester,\n\nOur responses are shown below.\n\n"
            + "".join(f"**Q{n}. {q}**\n\n*{a}*\n\n" for n, (q, a) in enumerate(items, 1))
            + "Yours sincerely,\n\nFreedom of Information Team\n")
    pairs = segment(parse(text, "x.md")).pairs
    assert [(p.question, p.answer) for p in pairs] == items


def test_items_in_bold_at_the_head_of_their_answers() -> None:
    # "**8. A copy of the manual:** This information is …": the bold item, then its answer in
    # plain type in the same paragraph, however long (a link, a refusal of several sentences).
    items = [("A copy of the Highway Inspection Manual",
              "This information is exempt under section 21. The manual is published at "
              "https://www.kent.gov.uk/roads-and-travel/highway-inspection-manual"),
             ("For each claim, the location of the pothole and the date of the incident",
              "We are unable to provide this information. To extract it would take 48 hours, "
              "beyond the appropriate limit. We are refusing this part under section 12.")]
    text = ("Dear Mr Adeyemi,\n\nYou asked for the following information:\n\n"
            + "".join(f"**{n}. {q}:** {a}\n\n" for n, (q, a) in enumerate(items, 1))
            + "Yours sincerely\n\nInformation Resilience Team\n")
    pairs = segment(parse(text, "x.md")).pairs
    assert [(p.question, p.answer) for p in pairs] == items


@pytest.mark.parametrize("rider", [
    "If it would be quicker to send the information in a spreadsheet, that is fine.",
    "If it is easier, an Excel file would be welcome."])
def test_bullets_answered_by_number_under_a_riders_line(tmp_path: Path, rider: str) -> None:
    # The request's items bulleted, then the requester's word on the format (no item); the
    # reply answers them by their places, "1. 1,204" … .
    asked = ("The number of licensed HMOs in the borough as at 1 April 2024.",
             "The number of HMO licence applications received in 2023/24.",
             "The number of HMO licence applications refused in 2023/24.")
    path = _thread(tmp_path, "Please provide the following:\n"
                   + "".join(f"• {q}\n" for q in asked) + f"{rider}\n",
                   "Our response is below.\n1. 1,204\n2. 387\n3. 0\n")
    seg = segment(focus(read_document(path)))
    assert [(p.question, p.answer) for p in seg.pairs] == list(zip(asked, ["1,204", "387", "0"]))


def test_answers_by_question_number_past_an_officers_signature(tmp_path: Path) -> None:
    # "Question 2 Not held. …" is an answer by number, not a question spelt out; an officer's
    # signature pasted in among the answers does not end them ("Question 3 312" counts on).
    asked = ("(a) The number of appeals lodged with the SEND Tribunal in 2023/24.",
             "(b) The total spent on legal representation for SEND Tribunal appeals.",
             "(c) The number of requests for an EHC needs assessment that were refused.")
    told = ["214", "Not held. Costs are not recorded against individual cases.", "312"]
    path = _thread(tmp_path, "Please provide the following information:\n"
                   + "".join(f"{q}\n" for q in asked),
                   "Our response is set out below.\n"
                   f"Question 1 {told[0]}\nQuestion 2 {told[1]}\n\nKind regards\nSarah Whitmore\n"
                   f"SEND Finance Business Partner\n\nQuestion 3 {told[2]}\n\n")
    seg = segment(focus(read_document(path)))
    assert [(p.request_item, p.answer) for p in seg.pairs] == list(zip([1, 2, 3], told))


def test_a_pointer_to_an_attachment_answers_by_number(tmp_path: Path) -> None:
    # "Q2 Please see the attached spreadsheet." is an answer given by number, not an item
    # named ("Q1. The total number of …" would be).
    asked = ("How many automatic fire alarm calls did the Service attend in 2023/24?",
             "Please provide a breakdown of these calls by premises type.",
             "Does the Service operate a call challenging policy?")
    told = ["4,812", "Please see the attached spreadsheet.", "Yes, since 1 October 2019."]
    path = _thread(tmp_path, "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1)),
                   "Please find our response below.\n"
                   + "".join(f"Q{n} {t}\n" for n, t in enumerate(told, 1)))
    seg = segment(focus(read_document(path)))
    assert [(p.question, p.answer) for p in seg.pairs] == list(zip(asked, told))


def test_a_prose_reply_naming_an_item_by_its_place_first(tmp_path: Path) -> None:
    # "Your second question asked …" names item 2 as "With regard to your first question" names
    # item 1: each paragraph answers the item it names.
    asked = ("What was the Trust's total expenditure on agency nursing staff in 2023/24?",
             "What percentage of registered nursing shifts were filled by agency staff?")
    told = ["With regard to your first question, the Trust's total expenditure was £11,204,955.",
            "Your second question asked about cover from outside. In 2023/24 this was 7.4%."]
    path = _thread(tmp_path, "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1)),
                   "I am writing in response to your request.\n\n" + "\n\n".join(told) + "\n\n")
    seg = segment(focus(read_document(path)))
    assert [(p.question, p.answer) for p in seg.pairs] == list(zip(asked, told))


@pytest.mark.parametrize("ends", [("?", "?", "?"), (";", ";", "."), (".", ".", ".")])
@pytest.mark.parametrize("style", ["{n}.", "{n})", "({n})"])
def test_numbered_items_run_on_in_one_wrapped_paragraph(tmp_path: Path, ends: tuple[str, ...],
                                                        style: str) -> None:
    # A request pasted as one paragraph, "1. …? 2. …? 3. …", its items' line breaks lost, then
    # answered by number: each item is a question of its own.
    asked = ("How many libraries did the council run in 2019",
             "How many of those libraries have since closed",
             "Please name the libraries now run by volunteers")
    told = ["28", "Four.", "Hillside, Park Road and Moorfoot."]
    run_on = " ".join(f"{style.format(n=n)} {q}{end}" for n, (q, end)
                      in enumerate(zip(asked, ends), 1))
    text = ("Dear Ms Lane,\n\nYou asked:\n\n" + textwrap.fill(run_on, 72) + "\n\nResponse:\n\n"
            + "".join(f"{n}. {t}\n\n" for n, t in enumerate(told, 1)) + "Yours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question.rstrip("?;."), p.answer) for p in pairs] == list(zip(asked, told))


def test_the_first_item_run_on_from_its_lead_in(tmp_path: Path) -> None:
    # "I would like to know the following. (1) How many …? (2) …": the lead-in asks nothing; the
    # items are the questions, the second on a line of its own as wrapped.
    asked = ("How many council homes were empty on 1 April 2024?",
             "How many of those homes were awaiting major repairs?")
    told = ["312", "141"]
    text = ("Dear Mr Khan,\n\nYour request:\n\nI would like to know the following. (1) "
            f"{asked[0]}\n(2) {asked[1]}\n\nOur response:\n\n(1) {told[0]}\n\n(2) {told[1]}\n\n"
            "Kind regards\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))


def test_a_reply_naming_every_other_item_answers_the_ones_between_in_turn(
        tmp_path: Path) -> None:
    # "In answer to your first question …", then a paragraph naming nothing, then "With
    # regard to your third question …", then "Finally, …": the unnamed paragraphs answer the
    # items skipped, in turn, and "Finally" the last.
    asked = ("How many penalty charge notices were issued in 2023?",
             "How many of those were cancelled on appeal?",
             "How much income did the notices raise?",
             "Does the council publish an annual parking report?")
    told = ["In answer to your first question, 48,211 notices were issued.",
            "Of those, 3,904 were cancelled after an appeal.",
            "With regard to your third question, the notices raised £1,702,455.",
            "Finally, the council publishes its annual parking report on its website."]
    path = _thread(tmp_path, "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1)),
                   "Thank you for your request.\n\n" + "\n\n".join(told) + "\n\n")
    seg = segment(focus(read_document(path)))
    assert [(p.request_item, p.answer) for p in seg.pairs] == list(zip([1, 2, 3, 4], told))


def test_a_paragraph_between_named_items_is_left_where_items_are_named_out_of_turn(
        tmp_path: Path) -> None:
    # Two paragraphs between the first and third questions named: they are no count of the one
    # item skipped, so neither is given a number of its own (the second stays unanswered).
    asked = ("How many penalty charge notices were issued in 2023?",
             "How many of those were cancelled on appeal?",
             "How much income did the notices raise?")
    told = ["In answer to your first question, 48,211 notices were issued.",
            "This figure includes notices issued by camera.",
            "It excludes bus lane notices.",
            "With regard to your third question, the notices raised £1,702,455."]
    path = _thread(tmp_path, "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1)),
                   "Thank you for your request.\n\n" + "\n\n".join(told) + "\n\n")
    seg = segment(focus(read_document(path)))
    assert 2 not in [p.request_item for p in seg.pairs if p.answer]


def test_a_lead_in_under_you_asked_is_no_question(tmp_path: Path) -> None:
    # "Could you please release to me … the following information regarding …:" leads in to
    # the questions the reply then restates, each with its "Response:".
    asked = ("Which housing management system does the council use?",
             "When does the current contract expire?")
    told = ["Northgate Housing.", "31 March 2027."]
    text = ("Dear Ms Vale,\n\nIn your request you asked:\n\nCould you please release to me "
            "under the FOI Act the following information regarding your housing IT:\n\n"
            + "".join(f"{q}\n\nResponse: {t}\n\n" for q, t in zip(asked, told))
            + "Yours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))


def test_an_item_said_again_word_for_word_is_asked_again(tmp_path: Path) -> None:
    # The request set out numbered, then each item said again over its answer: "Please provide
    # a list of …" asks as the "?" questions do, though it has no question mark.
    asked = ("How many empty homes are there in the district?",
             "Please provide a list of the addresses of all empty homes.",
             "Does the council employ an empty homes officer?")
    told = ["1,204.", "We are withholding this information under section 31(1)(a).", "Yes."]
    text = ("Dear Mr Hale,\n\nYour request:\n\n" + "".join(f"{n}. {q}\n" for n, q in
                                                         enumerate(asked, 1))
            + "\nOur response:\n\n" + "".join(f"{q}\n\n{t}\n\n" for q, t in zip(asked, told))
            + "Kind regards\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))


@pytest.mark.parametrize("closing", ["We trust that this information satisfies your request.",
                                     "We trust this is helpful."])
def test_we_trust_closes_the_last_answer(tmp_path: Path, closing: str) -> None:
    asked = ("How many bus shelters does the council maintain?",
             "When was the current maintenance contract awarded?")
    told = ["1,120", "The current contract was awarded on 1 October 2021."]
    text = ("Dear Ms Reed,\n\nYour request:\n\n" + "".join(f"{n}. {q}\n" for n, q in
                                                         enumerate(asked, 1))
            + "\nResponse:\n\n" + "".join(f"{n}. {t}\n\n" for n, t in enumerate(told, 1))
            + f"{closing} If you have any queries, please contact us.\n\nKind regards\n")
    pairs = _text_pairs(tmp_path, text)
    assert [p.answer for p in pairs] == told


@pytest.mark.parametrize("label", ["Response to c) and d):", "Answer to questions 3 and 4 -",
                                   "Reply to (c) & (d):"])
def test_an_answer_label_naming_the_items_it_answers(tmp_path: Path, label: str) -> None:
    # The label names the lettered or numbered items its answer serves; it is no part of it.
    asked = ["How many drones does the force own?", "How many pilots are trained?",
             "How many times were drones deployed in 2023?",
             "How many of those deployments were searches for missing people?"]
    told = "In 2023 drones were deployed 1,682 times, 611 of them in searches for missing people."
    text = ("Dear Mr Wade,\n\nPlease find our response below.\n\n"
            f"a) {asked[0]} 14\n\nb) {asked[1]} 43\n\nc) {asked[2]}\n\nd) {asked[3]}\n\n"
            f"{label} {told}\n\nYours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs][2:] == [(asked[2], told), (asked[3], told)]


def test_standard_paragraphs_after_the_last_answer_are_no_part_of_it(tmp_path: Path) -> None:
    # "Please note that this response has been provided under the Freedom of Information Act …"
    # and a run-in "Complaint Rights:" heading close the letter, not the last answer.
    asked = ("How many drones does the force own?", "What are the makes of the drones?")
    told = ["14", "DJI Matrice 300 and DJI Mavic 3."]
    text = ("Dear Mr Wade,\n\nPlease find our response below.\n\n"
            + "".join(f"{n}. {q}\n\n{t}\n\n" for n, (q, t) in enumerate(zip(asked, told), 1))
            + "Please note that this response has been provided under the Freedom of Information"
            " Act 2000 and is correct at the date of this letter.\n\nComplaint Rights: Your "
            "attention is drawn to the attached sheet which details your right of complaint.\n\n"
            "Yours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))



def test_sub_items_are_answered_under_their_own_marks(tmp_path: Path) -> None:
    # "1a.", "1b." share the number 1: the answers under "Our response:" are paired by the whole
    # mark, one each, not read as one answer to them all.
    asked = ("How many pupils were given transport by taxi in 2023/24?",
             "How many of those pupils had an EHC plan?",
             "What was the total spend on taxi transport in 2023/24?")
    told = ["1,146", "988", "£9,412,305.72"]
    marks = ("1a.", "1b.", "2.")
    text = ("Dear Mr Holt,\n\nYour request:\n\n" + "".join(f"{m} {q}\n\n" for m, q in
                                                         zip(marks, asked))
            + "Our response:\n\n" + "".join(f"{m} {t}\n\n" for m, t in zip(marks, told))
            + "Yours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))


def test_an_editors_note_above_the_letter_is_not_the_request() -> None:
    # "> Note: converted from the PDF …" quotes whoever set the letter out, not the requester;
    # the request is the one the letter's opening names.
    text = ("> Note: converted from the PDF published on the disclosure log.\n\n"
            "Dear Ms Kaur,\n\nThank you for your request, which we received on 3 May 2024. You "
            "asked for the number of licences we revoked in 2023.\n\nWe revoked 3 licences in "
            "2023.\n\nYours sincerely,\n\nA Officer\n")
    [pair] = segment(parse(text, "x.md")).pairs
    assert pair.question == "the number of licences we revoked in 2023"
    assert pair.answer == "We revoked 3 licences in 2023."


def test_a_numbered_answer_that_does_not_say_its_item_again_answers_it(tmp_path: Path) -> None:
    # Under "Our response", "3. The names of our caseworkers are their personal data …" answers
    # item 3 ("3. The names of the caseworkers who …"), however it opens.
    asked = ("The number of complaints received about subject access requests in 2023.",
             "The number of those complaints that led to a reprimand.",
             "The names of the caseworkers who handled complaints about the trust.")
    told = ["412", "Three.", "The names of our caseworkers are their personal data, and we are "
            "withholding them under section 40(2) of the FOIA."]
    text = ("Dear Ms Byrne,\n\nYour request\n\n" + "".join(f"{n}. {q}\n\n" for n, q in
                                                         enumerate(asked, 1))
            + "Our response\n\n" + "".join(f"{n}. {t}\n\n" for n, t in enumerate(told, 1))
            + "Yours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))


def test_a_roman_sub_item_after_its_number_is_a_question_of_its_own(tmp_path: Path) -> None:
    # "2(i).", "2(ii).": parts of item 2, each marked, each answered beneath it.
    asked = ("How many CCTV cameras does the council operate?",
             "How many of these cameras are not working?",
             "Please provide the locations of the cameras that are not working.")
    told = ["82", "7", "The locations are withheld under section 31(1)(a)."]
    text = ("Dear Mr Fair,\n\nOur response is given below.\n\n"
            + "".join(f"{m} {q}\n\n{t}\n\n" for m, q, t in zip(("1.", "2(i).", "2(ii)."),
                                                              asked, told))
            + "Yours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))


def test_a_reply_answering_the_threads_request_in_turn_a_paragraph_to_each(
        tmp_path: Path) -> None:
    # The request numbered in the requester's message; the reply answers it a paragraph to an
    # item, in turn, naming none (where paragraphs name items in their words, they are divided
    # by what they name: see the division tests).
    asked = ("How many households were in temporary accommodation on 31 December 2023?",
             "How many of those households included dependent children?",
             "How many households were placed outside the borough?")
    told = ["There were 5,208 on that date.", "Of those, 3,611 did.",
            "We do not hold this information in the form requested."]
    path = _thread(tmp_path, "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1)),
                   "Thank you for your request. Please find our response below.\n\n"
                   + "\n\n".join(told) + "\n\n")
    seg = segment(focus(read_document(path)))
    assert [(p.request_item, p.answer) for p in seg.pairs] == list(zip([1, 2, 3], told))


def test_a_reply_of_fewer_paragraphs_than_items_is_not_divided_in_turn(tmp_path: Path) -> None:
    # Two paragraphs for three items: no paragraph to each, so none is given one alone.
    asked = ("How many households were in temporary accommodation on 31 December 2023?",
             "How many of those households included dependent children?",
             "How many households were placed outside the borough?")
    told = ["We do not hold this information in the form requested.",
            "Our records are kept by receiving authority."]
    path = _thread(tmp_path, "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1)),
                   "Thank you for your request.\n\n" + "\n\n".join(told) + "\n\n")
    seg = segment(focus(read_document(path)))
    assert all(p.rule != "answer_in_order" for p in seg.pairs)


def test_a_lead_in_ending_with_a_stop_over_numbered_items_asks_nothing(tmp_path: Path) -> None:
    # "I would like to request the following information … regarding agency nursing staff."
    # leads in to "1) …", "2) …", answered "Q1: …", "Q2: …".
    asked = ("The Trust's total spend on agency nursing staff in 2022/23.",
             "The percentage of nursing shifts filled by agency staff in 2022/23.")
    told = ["£14,382,911", "4.2%"]
    path = _thread(tmp_path, "I would like to request the following information under the "
                   "Freedom of Information Act 2000 regarding agency nursing staff.\n"
                   + "".join(f"{n}) {q}\n" for n, q in enumerate(asked, 1)),
                   "Our response is set out below.\n\n"
                   + "".join(f"Q{n}: {t}\n\n" for n, t in enumerate(told, 1)))
    seg = segment(focus(read_document(path)))
    assert [(p.question, p.answer) for p in seg.pairs] == list(zip(asked, told))


def test_a_title_thanks_and_one_refusal_are_not_three_answers_in_turn(tmp_path: Path) -> None:
    # Three paragraphs under three items, but a title, the thanks and a refusal of the whole:
    # every item is refused alike.
    asked = ("How many complaints about potholes were received in 2023?",
             "How many of those complaints were upheld?",
             "How much compensation was paid as a result?")
    refusal = ("We are unable to provide the information you have requested because the cost "
               "of complying with your request would exceed the appropriate limit under "
               "section 12.")
    path = _thread(tmp_path, "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1)),
                   "Freedom of Information Act 2000 - Request FOI-2024-00731\n\n"
                   "Thank you for your request for information about complaints relating to "
                   "potholes, which we received on 4 March 2024.\n\n" + refusal + "\n\n")
    seg = segment(focus(read_document(path)))
    assert [p.answer for p in seg.pairs] == [refusal] * 3


@pytest.mark.parametrize("labels", [("Applicant Question", "Force Response"),
                                    ("Question", "Response"), ("Request", "Trust Reply")])
def test_a_table_to_each_pair_labelled_by_its_rows(labels: tuple[str, str]) -> None:
    # One two-row table a pair, "Applicant Question | …" over "Force Response | …".
    asked = ("How many officers are trained to carry a Taser?",
             "Has the force adopted the Taser 10 model?")
    told = ["1,204 officers.", "No. The force uses the Taser 7."]
    text = "Dear Requester,\n\nOur response is set out below.\n\n" + "".join(
        f"| {labels[0]} | {q} |\n| --- | --- |\n| {labels[1]} | {t} |\n\n"
        for q, t in zip(asked, told)) + "Yours faithfully,\n\nFOI Team\n"
    pairs = segment(parse(text, "x.md")).pairs
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))


def test_a_restated_request_under_its_label_answered_a_paragraph_to_each(tmp_path: Path) -> None:
    # The thread's request said again under "Your request:" (its lead-in "Under the Freedom of
    # Information Act 2000, please could you tell me:" too), then "Response:" and a paragraph
    # to each item, unnumbered.
    asked = ("How many pothole claims did the council receive in 2022/23?",
             "How many of those claims resulted in a payment?",
             "How many pothole reports did the council receive in 2022/23?")
    told = ["The council received 2,317 claims in 2022/23.",
            "Of these, 341 claims were settled with a payment.",
            "The council received 19,882 pothole reports in 2022/23."]
    lead = "Under the Freedom of Information Act 2000, please could you tell me:\n"
    listed = "".join(f"{n}. {q}\n" for n, q in enumerate(asked, 1))
    path = _thread(tmp_path, lead + listed,
                   f"Your request:\n\n{lead}\n" + listed.replace("\n", "\n\n")
                   + "Response:\n\n" + "\n\n".join(told) + "\n\n")
    seg = segment(focus(read_document(path)))
    assert [(p.question, p.answer) for p in seg.pairs] == list(zip(asked, told))


def test_q_numbered_questions_answered_under_a_dot(tmp_path: Path) -> None:
    # "Q1. How many …?" over "A. 214": the "A." labels the answer, which takes the number.
    asked = ("How many CCTV cameras does the council operate?",
             "How many of these cameras are not working?",
             "Please provide the location of each camera that is not working.")
    told = ["214", "9 cameras were out of service.",
            "This information is withheld under section 31(1)(a)."]
    text = ("Dear Mr Lowe,\n\nThe council's response is set out below.\n\n"
            + "".join(f"Q{n}. {q}\n\nA. {t}\n\n" for n, (q, t) in enumerate(zip(asked, told), 1))
            + "Yours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))


@pytest.mark.parametrize("label", ["Bullet {n}:", "Point {n}:", "Bullet point {n}:"])
def test_answers_labelled_by_the_requests_bullets(tmp_path: Path, label: str) -> None:
    # A request of bullet points answered "Bullet 1: …", "Point 2: …": the label names the
    # bullet answered and is no part of the answer.
    asked = ("The number of households in temporary accommodation on 31 December 2023",
             "The total spent on bed and breakfast accommodation in 2022/23")
    told = ["214 households.", "£1,207,355"]
    text = ("Dear Ms Hart,\n\nYou asked:\n\nPlease could you provide the following:\n\n"
            + "".join(f"• {q}\n" for q in asked) + "\nOur response:\n\n"
            + "".join(f"{label.format(n=n)} {t}\n\n" for n, t in enumerate(told, 1))
            + "Yours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))


def test_a_response_label_opens_its_line_after_a_bullet_left_unpunctuated(
        tmp_path: Path) -> None:
    # "• The number of replacement trees planted during the 2023/24 planting season" (no stop
    # at its end, the line nearly full) / "Response: 210 trees …": the label opens the answer.
    asked = ("The number of street trees felled by the council in 2023 within the city boundary",
             "The number of replacement trees planted during the 2023/24 planting season")
    told = ["146", "210 trees were planted between November 2023 and March 2024."]
    text = ("Dear Ms Grey,\n\nYou asked for:\n\n"
            + "".join(f"• {q}\nResponse: {t}\n\n" for q, t in zip(asked, told))
            + "Yours sincerely\n")
    pairs = _text_pairs(tmp_path, text)
    assert [(p.question, p.answer) for p in pairs] == list(zip(asked, told))
