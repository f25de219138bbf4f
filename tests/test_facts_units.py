"""Unit tests of the facts reader: citation forms, gazetteer, dates, working days, references."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from foiextract.correspondence import focus
from foiextract.foi import boilerplate_heading, read_facts
from foiextract.foi.authority import find_authority, gazetteer, lookup_domain, lookup_name
from foiextract.foi.dates import find_dates, parse_date
from foiextract.foi.exemptions import describe, raw_citations, relied_on
from foiextract.values import parse_answer
from foiextract.foi.legislation import legislation_of_text
from foiextract.foi.reference import find_reference, find_reference_in
from foiextract.foi.timeline import received_in_text, response_in_text
from foiextract.foi.workdays import bank_holidays, is_late, working_days
from foiextract.model import Block, Document, Pair, Span, Value
from foiextract.pipeline import extract_file


def doc(*lines: str, **metadata: str) -> Document:
    return Document(tuple(Block("paragraph", (Span(t),)) for t in lines), "text", "t.txt",
                    metadata=metadata)


# --- citation forms -------------------------------------------------------------------------

@pytest.mark.parametrize("text, law, expected", [
    # a provision's further parts by their last part alone
    ("refused under section 35(1)(a) and (b) (law enforcement)", "FOISA",
     ("s35(1)(a)", "s35(1)(b)")),
    ("exempt under sections 31(1)(a), (b) and (g)", "FOIA", ("s31(1)(a)", "s31(1)(b)", "s31(1)(g)")),
    ("exempt under section 12 and (where relevant) section 14", "FOIA", ("s12", "s14")),
    ("withheld under section 40(2) of the Act", "FOIA", ("s40(2)",)),
    ("exempt under s.40(2)", "FOIA", ("s40(2)",)),
    ("exempt under s40 (2)", "FOIA", ("s40(2)",)),
    ("Section 22 subsection 2 (Information intended for future publication)", "FOIA", ("s22(2)",)),
    ("withheld under regulation 12(4)(b)", "EIR", ("reg12(4)(b)",)),
    ("excepted under Reg. 12(5)(e)", "EIR", ("reg12(5)(e)",)),
    ("exempt under section 38(1)(b) of FOISA", "FOISA", ("s38(1)(b)",)),
    ("by virtue of sections 23(5), 24(2) and 31(3)", "FOIA", ("s23(5)", "s24(2)", "s31(3)")),
    ("withheld under section 36(2)(b)(ii). Section 36 is a qualified exemption", "FOIA",
     ("s36(2)(b)(ii)",)),
    ("Section 12 of the Act therefore applies. Under section 16 we offer advice.", "FOIA", ("s12",)),
    ("refuse your request under section 14(1)", "FOIA", ("s14(1)",)),
    ("Under regulation 12(2) we must apply a presumption in favour of disclosure", "EIR", ()),
    ("ask us to reconsider it under regulation 11", "EIR", ()),
    ("you may complain under section 50", "FOIA", ()),
    ("Under section 1 of the Act you have the right", "FOIA", ()),
    ("awarded under regulation 32 of the Public Contracts Regulations 2015", "EIR", ()),
    ("Section 17 of FOISA requires us to give notice", "FOISA", ()),
    ("exemptions in sections 21 to 44 of the Act", "FOIA", ()),
    ("the city’s 25 districts", "FOIA", ()),
    ("withheld under regulation 13 (personal data)", "EIR", ("reg13",)),
    ("redacted under Regulation 12(3) of the EIR and Regulation 13 EIR", "EIR",
     ("reg12(3)", "reg13")),
    ("section 40(2), 41 and 43(2) apply", "FOIA", ("s40(2)", "s41", "s43(2)")),
    ("exempt under section 40(2). The condition contained in section 40(3A)(a) applies", "FOIA",
     ("s40(2)",)),
    ("exempt under sections 40(2)(a) and 40(3)(a)(i) of the Act", "FOIA", ("s40(2)(a)", "s40(3)(a)(i)")),
])
def test_citation_forms(text: str, law: str, expected: tuple[str, ...]) -> None:
    assert relied_on(raw_citations(text), law) == expected


@pytest.mark.parametrize("answer", [
    "We neither confirm nor deny holding it, by virtue of section 40(5B)(a)(i) of the Act.",
    "exempt under s.40(5b)(a)(I)",  # the capital as legislation prints it, whatever the letter's
    "Withheld under section 43(2) and regulation 12(4)(b).",
])
def test_an_answer_cites_a_provision_as_the_letters_exemptions_do(answer: str) -> None:
    # A pivot on the answers' provisions and the letter's must meet: one spelling, to the case.
    law = "EIR" if "regulation" in answer else "FOIA"
    value = parse_answer(answer, "Did the officer receive a written warning?").value
    assert value.split("; ") == list(relied_on(raw_citations(answer), law))


def test_provision_names_and_status_depend_on_the_law() -> None:
    assert describe("s38(1)(b)", False, "FOIA") == ("Health and safety", False)
    assert describe("s38(1)(b)", False, "FOISA") == ("Personal information", True)
    assert describe("reg12(5)(e)", True, "EIR")[0].startswith("Confidentiality of commercial")
    assert describe("s12", False, "FOIA")[1] is None


def test_citation_attached_to_the_pair_it_refuses() -> None:
    document = doc("We have handled your request under the Freedom of Information Act 2000.",
                   "The names are withheld under section 40(2) of the Act.")
    pairs = [Pair("How many?", "Two.", value=Value("count", "2")),
             Pair("Who approved them?", "The names are withheld under section 40(2) of the Act.",
                  value=Value("withheld", "s40(2)"))]
    facts = read_facts(document, pairs)
    assert [(c.provision, c.pair_no) for c in facts.exemptions] == [("s40(2)", 2)]
    assert facts.outcome == "partial"


def test_cost_limit_refusing_the_whole_request_has_no_pair() -> None:
    document = doc("We have dealt with your request under the Freedom of Information Act 2000.",
                   "Section 12 of the Act applies and we are not obliged to comply with your request.")
    facts = read_facts(document, [Pair("All emails?", ""), Pair("All letters?", "")])
    assert [(c.provision, c.pair_no) for c in facts.exemptions] == [("s12", None)]
    assert facts.outcome == "refused"


def test_drafting_guidance_is_not_reliance() -> None:
    facts = read_facts(doc("[You must apply section 43(2) before sending this letter.]",
                           "We have processed this request under the Freedom of Information Act 2000."))
    assert facts.exemptions == ()


# --- gazetteer ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, code", [
    ("London Borough of Barnet", "E09000003"), ("Barnet Council", "E09000003"),
    ("LONDON BOROUGH OF TOWER HAMLETS", "E09000030"), ("Royal Borough of Kensington and Chelsea", "E09000020"),
    ("Royal Borough of Kensington & Chelsea", "E09000020"), ("Westminster City Council", "E09000033"),
    ("Enfield Council", "E09000010"), ("Leeds City Council", "E08000035"),
    ("Barnsley Metropolitan Borough Council", "E08000016"), ("Barnsley MBC", "E08000016"),
    ("Bristol City Council", "E06000023"), ("Cornwall Council", "E06000052"),
    ("Kent County Council", "E10000016"), ("Nottinghamshire County Council", "E10000024"),
    ("Essex County Council", "E10000012"), ("St Albans City and District Council", "E07000240"),
    ("Borough Council of King's Lynn and West Norfolk", "E07000146"),
    ("The City of Edinburgh Council", "S12000036"), ("Glasgow City Council", "S12000049"),
    ("Cardiff Council", "W06000015"), ("Belfast City Council", "N09000003"),
    ("Greater Manchester Police", ""), ("Department for Transport", ""),
])
def test_gazetteer_name_variants(name: str, code: str) -> None:
    found = lookup_name(name)
    assert found is not None and found.code == code


@pytest.mark.parametrize("address, code", [
    ("foi@barnet.gov.uk", "E09000003"), ("https://new.enfield.gov.uk/services", "E09000010"),
    ("foi@nottscc.gov.uk", "E10000024"), ("www.leeds.gov.uk", "E08000035"),
])
def test_gazetteer_domains(address: str, code: str) -> None:
    found = lookup_domain(address)
    assert found is not None and found.code == code


def test_gazetteer_covers_every_kind_of_council() -> None:
    codes = [e.code for e in gazetteer() if e.code and "abolished" not in e.kind]
    assert len(codes) == len(set(codes))
    by_prefix = {p: sum(c.startswith(p) for c in codes) for p in
                 ("E06", "E07", "E08", "E09", "E10", "S12", "W06", "N09")}
    assert by_prefix == {"E06": 63, "E07": 164, "E08": 36, "E09": 33, "E10": 21, "S12": 32,
                         "W06": 22, "N09": 11}


def test_authority_styled_as_the_letterhead_names_it() -> None:
    document = doc("London Borough of Lambeth", "Thank you. Lambeth Council holds the information.",
                   "We worked with the London Borough of Sutton.")
    found = find_authority(document)
    assert found is not None and (found.name, found.code) == ("London Borough of Lambeth", "E09000022")


def test_authority_from_email_domain_alone() -> None:
    found = find_authority(doc("Dear Ms Morgan,", "Here is our answer.", **{"from": "FOI <foi@barnet.gov.uk>"}))
    assert found is not None and (found.name, found.code) == ("London Borough of Barnet", "E09000003")


@pytest.mark.parametrize("line, name", [
    ("This would prejudice the purchasing decisions made by NHS Manchester CCG.", "NHS Manchester CCG"),
    ("Freedom of Information Team, NHS Kent and Medway Integrated Care Board",
     "NHS Kent and Medway Integrated Care Board"),
    ("Leeds Clinical Commissioning Group holds this information.", "Leeds Clinical Commissioning Group"),
])
def test_an_nhs_commissioner_is_named_by_its_form(line: str, name: str) -> None:
    found = find_authority(doc("Dear Ms Morgan,", line))
    assert found is not None and found.name == name


def test_the_ccg_alone_names_no_body() -> None:
    assert find_authority(doc("Dear Ms Morgan,", "The CCG does not hold this information.")) is None


def test_authority_in_capitals_reported_in_gazetteer_case() -> None:
    found = find_authority(doc("HUMBERSIDE POLICE", "Police Headquarters"))
    assert found is not None and (found.name, found.code) == ("Humberside Police", "")


@pytest.mark.parametrize("letterhead, name", [
    ("CITY OF ANN ARBOR, MICHIGAN", "City of Ann Arbor"),
    ("Village of Oak Park", "Village of Oak Park"),
])
def test_a_municipality_the_gazetteer_does_not_know_is_named_by_its_letterhead(
        letterhead: str, name: str) -> None:
    found = find_authority(doc(letterhead, "301 E. Huron Street", "April 30, 2015",
                               "Dear Mr. Vielmetti:", "Your request is granted."))
    assert found is not None and (found.name, found.code) == (name, "")


@pytest.mark.parametrize("letterhead, name", [
    ("Anytown Borough Council", "Anytown Borough Council"),
    ("Westshire Fire and Rescue Service", "Westshire Fire and Rescue Service"),
    ("Freedom of Information Office", None),  # a team of a body, not the body
    ("Information Governance Department", None),
    # The letterhead's lines run together (a text or Markdown letter): the name, then its address.
    ("Anytown Borough Council Civic Centre, High Street, Anytown AN1 2BC",
     "Anytown Borough Council"),
    ("The Northshire Fire Authority, PO Box 12, Northtown", "Northshire Fire Authority"),
    ("Anytown Borough Council is pleased to enclose", None),  # a sentence, not a heading
    ("Fire and Rescue Service", None),  # kinds of body alone: no one body named
])
def test_a_body_the_gazetteer_does_not_know_is_named_by_its_letterhead_line(
        letterhead: str, name: str | None) -> None:
    found = find_authority(doc(letterhead, "Town Hall, Anytown AN1 1AA", "12 April 2024",
                               "Dear Mr Smith,", "Our response is set out below."))
    assert (found.name if found is not None else None) == name


@pytest.mark.parametrize("lines, name", [
    # A municipality saying it received the request.
    (("Sir,", "The Township of Hamilton received your Open Public Records Act request on May 9, "
      "2024."), "Township of Hamilton"),
    # The body the requester's request went to, in its letterhead's fuller form.
    (("U.S. Department of Homeland Security Washington, DC 20528", "July 7, 2021",
      "This is the final response to your Freedom of Information Act (FOIA) request to the "
      "Department of Homeland Security (DHS), dated October 14, 2020."),
     "U.S. Department of Homeland Security"),
    (("Dear Requester:", "This letter is the final response to your Freedom of Information Act "
      "(FOIA) request to U.S. Immigration and Customs Enforcement (ICE), dated 11/18/2024."),
     "U.S. Immigration and Customs Enforcement"),
    # A municipality whose name, run together, is the letter's own web domain.
    (("150 Dexter Court, Elgin, IL 60120 www.cityofelgin.org", "April 17, 2018",
      "Your request is granted in part.", "You may appeal any response you have received from "
      "the City of Elgin."), "City of Elgin"),
    # Signed by a team, then the body it is part of.
    (("Dear Mr Brown", "No closures are planned.", "Yours sincerely", "Libraries Service",
      "Eastfield Council"), "Eastfield Council"),
    (("Dear Mr Brown", "No closures are planned.", "Yours sincerely", "Jane Doe",
      "Chicago Police Department"), "Chicago Police Department"),
    # ... with the signer's title before it on the line; a team of the body names no body.
    (("Dear Mr Brown", "No closures are planned.", "Yours sincerely",
      "FOI Officer, Southdale District Council"), "Southdale District Council"),
    (("Dear Mr Brown", "No closures are planned.", "Yours sincerely", "Chicago Police Department",
      "Freedom of Information Office"), "Chicago Police Department"),
    # ... or run together with the team's name before it (a Markdown letter's soft breaks).
    (("Dear Mr Brown", "No closures are planned.", "Yours faithfully",
      "Community Safety Team Westvale Borough Council"), "Westvale Borough Council"),
])
def test_a_body_the_gazetteer_does_not_know_is_named_by_what_the_letter_says_of_it(
        lines: tuple[str, ...], name: str) -> None:
    found = find_authority(doc(*lines))
    assert found is not None and (found.name, found.code) == (name, "")


def test_a_body_merely_mentioned_or_a_domain_of_another_names_no_authority() -> None:
    # A city named, but the domain is someone else's: nothing to go on.
    assert find_authority(doc("Dear Sir,", "We contacted the City of Elgin.",
                              "See www.example.org for more.")) is None


def test_a_muckrock_page_names_the_agency_its_request_was_filed_with(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Log In\nFleet Costs (Springfield Police Department)\n"
                    "A Person filed this request with the Springfield Police Department of "
                    "Springfield, IL.\n\nFrom: A Person\n\n01/02/2025\n\nEmail\n\n"
                    "I request the fleet's costs for 2024.\n\nFrom: Springfield Police "
                    "Department\n\n01/20/2025\n\nEmail\n\nNo responsive records exist.\n",
                    "utf-8")
    documents = extract_file(str(page))[0].rows()["documents"]
    assert documents[0]["authority"] == "Springfield Police Department"


@pytest.mark.parametrize("lines, reference", [
    (("RE: 19-FOIA-040 ELERTS Corp Documents", "Dear J Ader:"), "19-FOIA-040"),
    (("Subject: Freedom of Information Act Request received April 23, 2015", "15-162 Vielmetti",
      "Dear Mr. Vielmetti:"), "15-162"),
    (("Re: your letter of 12/04/2023", "Dear Sir,"), ""),
])
def test_the_reference_on_a_re_line(lines: tuple[str, ...], reference: str) -> None:
    assert find_reference(Document((Block("paragraph", (Span("\n".join(lines)),)),), "text",
                                   "t.txt")) == reference


# --- dates, working days --------------------------------------------------------------------

@pytest.mark.parametrize("text, iso", [
    ("10 February 2020", "2020-02-10"), ("3rd March 2021", "2021-03-03"),
    ("10th of February 2020", "2020-02-10"), ("Wednesday, 11 October 2023", "2023-10-11"),
    ("October 11, 2023", "2023-10-11"), ("10/02/2020", "2020-02-10"), ("10.02.20", "2020-02-10"),
    ("2024-04-25T14:48:39.831+01:00", "2024-04-25"), ("Wed, 26 Feb 2020 14:12:09 +0000", "2020-02-26"),
    ("1 September\n2021", "2021-09-01"), ("31 Sept 2021", ""), ("32/01/2020", ""),
])
def test_date_forms(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_date_fields_and_headings() -> None:
    assert response_in_text("Date: 24 February 2020\nOur reference: CAM8842") == "2020-02-24"
    assert response_in_text("Reference: 1-246847147 Date: 11 December 2013 Julia") == "2013-12-11"
    assert response_in_text("My Ref: | X\nDate: | 12 September 2017") == "2017-09-12"
    assert received_in_text("Date received 28 January 2020") == "2020-01-28"
    assert received_in_text("Request received: 03/03/2022") == "2022-03-03"
    assert received_in_text("received at this office on 15/09/2025 in which") == "2025-09-15"
    assert received_in_text("which you requested by e-mail on 9 September 2017.") == "2017-09-09"
    assert received_in_text("Complaints received in 2021: 148") == ""


@pytest.mark.parametrize("text, iso", [
    ("On February 11, 2019, we received your request for all documents", "2019-02-11"),
    ("On 12 March 2021, the Chicago Police Department received your request", "2021-03-12"),
    ("On 3 May 2020 the council received your letter of 1 May.", "2020-05-03"),
    ("You sent us a Freedom of Information request on 01/05/2018", "2018-05-01"),
    ("…about Committees, which you sent us in separate emails on 26 September 2023.", "2023-09-26"),
    # Another event's date before the receipt: not the receipt's.
    ("On 3 May 2020 the council published its report. We received your request later.", ""),
    ("On 3 May 2020 Camden Council. We received your request", ""),
    # The request as the requester's message, by its date.
    ("Thank you for your email of 6 March 2024 requesting information under the Act.",
     "2024-03-06"),
    ("Further to your letter dated 2 May 2023, I can confirm", "2023-05-02"),
])
def test_the_received_date_told_before_the_receipt_or_as_what_the_requester_sent(
        text: str, iso: str) -> None:
    assert received_in_text(text) == iso


@pytest.mark.parametrize("received, responded, days", [
    ("2020-01-28", "2020-02-10", 9),
    ("2020-12-23", "2021-01-05", 6),     # Christmas, Boxing Day substitute, New Year's Day
    ("2021-03-31", "2021-04-07", 3),     # Good Friday and Easter Monday 2021
    ("2020-05-07", "2020-05-11", 1),     # VE day moved the May holiday to Friday 8 May 2020
    ("2022-09-16", "2022-09-20", 1),     # the Queen's funeral, 19 September 2022
    ("2020-01-28", "2020-01-28", 0),
])
def test_working_days_with_bank_holidays(received: str, responded: str, days: int) -> None:
    assert working_days(received, responded) == days


def test_late_means_more_than_twenty_working_days() -> None:
    assert is_late("2020-01-28", "2020-02-25") is False   # the 20th working day
    assert is_late("2020-01-28", "2020-02-26") is True
    assert is_late("", "2020-02-26") is None
    facts = read_facts(doc("Date: 9 March 2020", "Thank you for your request received on 28 January 2020."))
    assert (facts.working_days, facts.late, facts.flags) == (29, True, ("late",))


def test_bank_holidays_match_the_old_table_where_it_ran() -> None:
    # The hand-typed England and Wales table (2000-2030) the holidays package replaced: every
    # working-day count over those years stays as it was.
    table = Path(__file__).parent / "data" / "england_wales_bank_holidays_2000_2030.csv"
    old = {dt.date.fromisoformat(line.split(",")[0]) for line in table.read_text().splitlines()
           if line[:1].isdigit()}
    assert bank_holidays(years=range(2000, 2031)) == old
    assert dt.date(2012, 6, 5) in old and dt.date(2023, 5, 8) in old


def test_bank_holidays_go_on_past_2030_and_differ_by_nation() -> None:
    assert dt.date(2031, 12, 25) in bank_holidays(years=[2031])
    assert working_days("2040-12-21", "2040-12-28") == 3   # Christmas and Boxing Day 2040
    # Easter Monday 2021 (5 April) is a holiday in England and Wales, not in Scotland.
    assert working_days("2021-04-01", "2021-04-06") == 1
    assert working_days("2021-04-01", "2021-04-06", region="scotland") == 2
    # St Andrew's Day (Monday 30 November 2020) in Scotland; St Patrick's Day in Northern Ireland.
    assert working_days("2020-11-27", "2020-12-01", region="scotland") == 1
    assert working_days("2020-03-16", "2020-03-18", region="northern-ireland") == 1
    assert working_days("2020-03-16", "2020-03-18") == 2
    assert is_late("2021-04-01", "2021-04-06", limit=1, region="scotland") is True


@given(st.text(max_size=300))
def test_no_text_breaks_the_date_reader(text: str) -> None:
    for found in find_dates(text):
        dt.date.fromisoformat(found.iso)


# --- references, legislation, boilerplate ---------------------------------------------------

@pytest.mark.parametrize("text, ref", [
    ("Our ref: 6015464", "6015464"), ("Reference: FOI/2023/123", "FOI/2023/123"),
    ("Request ID CAS-4471923", "CAS-4471923"), ("Freedom of Information Act 2000 - our reference FOI 3471",
                                                "FOI 3471"),
    ("Our Ref: 01/FOI/25/006753/Z\nDate:10/10/2025", "01/FOI/25/006753/Z"),
    ("Subject: Response – Reference – FOI /\n921255", "FOI / 921255"),
    ("Subject: Re – Environmental Information Regulations Request – Reference –\nEIR / 874839",
     "EIR / 874839"),
    ("Your ref: 55512\nOur ref: ABC/99", "ABC/99"),
    ("Received on 23/03/2018 Our Ref: DC/FOI 295/18", "DC/FOI 295/18"),
    ("Your request number is CRN00166467", "CRN00166467"),
    ("Request for Information - Reference Number: CHS/AWZBQX", "CHS/AWZBQX"),
    ("Freedom of Information – Response – 16078", "16078"),
    ("Bexleyheath Kent DA6 7AT\nm/r 4567496 Direct Dial 020 3045 0000", "4567496"),
    ("Your ref: ABC", ""),
    ("Reference: 01713103 5 December 2023", "01713103"),
    ("The reference number for your request can be found above.", ""),
    ("The reference number for your request is 944212.", "944212"),
    ("Re: Freedom of Information Act Request #P050685", "P050685"),
    ("Tracking Number: 19-FOIA-040", "19-FOIA-040"),
    # A US public records request's number, and a state law's name before a number.
    ("July 31, 2025\nPRR EPD-2025-3073\nThe City is in receipt of your request", "EPD-2025-3073"),
    ("When sending your reply kindly reference OPRA 1962.", "OPRA 1962"),
    ("Log number: F0045678", "F0045678"),
    ("Control No. 2019-0112", "2019-0112"),
    ("We keep a log of every request.", ""),
    # "… request:" before the authority's number; never before the request's subject
    ("Freedom of Information Request: FOI 24/311", "FOI 24/311"),
    ("Freedom of Information Request - FOI/2024/118", "FOI/2024/118"),
    ("EIR Request — EIR 24/17", "EIR 24/17"),
    ("Freedom of Information Request - Response", ""),  # no figure: no reference
    ("Freedom of Information request - Covid-19 Additional Relief Fund", ""),  # a subject
    ("EIR request: 1234", "1234"),
    ("Subject: RE: FOIA Request: IPRA/CPD Disputes", ""),
    ("Request: How many staff were there in 2023?", ""),
])
def test_reference_forms(text: str, ref: str) -> None:
    assert find_reference_in(text) == ref


def test_reference_from_subject_and_opening() -> None:
    assert find_reference(doc("Dear Ms Morgan,", subject="RE: Reviews [FOI 3471]")) == "FOI 3471"
    assert find_reference(doc("Freedom of Information Act 2000 – response to request NCC-054321")) == \
        "NCC-054321"


@pytest.mark.parametrize("lines, reference", [
    # Nothing labels it; the attachment it names carries it.
    (("Dear Mr Smith,", "See attached data titled ‘FOI 1805584 – Data’ under tab Q3."), "FOI 1805584"),
    # A label wins over it.
    (("Our ref: 4471", "See attached data titled ‘FOI 1805584 – Data’."), "4471"),
    # A short number after the prefix is no reference: "FOI 2000" is the Act's year.
    (("Dear Mr Smith,", "This is a response under FOI 2000."), ""),
])
def test_a_prefixed_reference_anywhere_is_the_last_resort(lines: tuple[str, ...], reference: str) -> None:
    assert find_reference(doc(*lines)) == reference


@pytest.mark.parametrize("text, law", [
    ("We have processed this request under the Freedom of Information Act 2000.", "FOIA"),
    ("handled it under the Environmental Information Regulations 2004 (EIR) rather than the Freedom of "
     "Information Act 2000", "EIR"),
    ("We have considered it under the Freedom of Information (Scotland) Act 2002 (FOISA).", "FOISA"),
    ("dealt with under the Environmental Information (Scotland) Regulations 2004", "EIRS"),
    ("your request under the Illinois Freedom of Information Act, 5 ILCS 140", "FOIA-US"),
    ("Thank you for your letter.", ""),
    # A US state's own law, by its name or its statute.
    ("I am responding to your request under the Michigan Freedom of Information Act.", "FOIA-US"),
    ("The records are exempt under the California Public Records Act.", "FOIA-US"),
    ("Redacted under MCL 15.243(1)(a).", "FOIA-US"),
    ("This request is made pursuant to Oregon’s Public Records Law.", "FOIA-US"),
    ("The map is exempt from disclosure pursuant to ORS 192.345(23)(b).", "FOIA-US"),
    ("The Township received your Open Public Records Act request on May 9, 2024.", "FOIA-US"),
    ("SUBJECT: Formal OPRA Request for Public Records", "FOIA-US"),
    ("pursuant to N.J.S.A. 47:1A-1 et seq.", "FOIA-US"),
    ("exempt under RCW 42.56.240(1), as essential to effective law enforcement", "FOIA-US"),
    ("We received your FOIL request on 3 May.", "FOIA-US"),
    ("under the Texas Public Information Act", "FOIA-US"),
    ("The crew wrapped the sandwiches in foil.", ""),
    # The regime named, if not its Act.
    ("Freedom of Information – Response – 16079", "FOIA"),
    ("This is a freedom of information request. Please send me the list.", "FOIA"),
    ("Freedom of Information (Scotland) Act 2002: your request", "FOISA"),
    ("the Freedom of Information officer will be in touch", ""),
    ("The Public Records Act 1958 governs the transfer of records to The National Archives.", ""),
    ("Our New York office handled it under the Freedom of Information Act 2000.", "FOIA"),
])
def test_legislation(text: str, law: str) -> None:
    assert legislation_of_text(text) == law


@pytest.mark.parametrize("text, kind", [
    ("Your right to request a review", "rights"), ("Complaints and internal review", "rights"),
    ("Re-use of information", "reuse"), ("Copyright", "copyright"),
    ("Advice and Assistance : Direct Marketing", "marketing"), ("Data Protection Act 1998", "data_protection"),
    ("Further information", "further_information"),
    ("If you are unhappy with the way your request has been handled, you can ask for a review.", "rights"),
    ("How many complaints were received in 2020?", None), ("Number of complaints received:", None),
    ("Response", None), ("Refusal Notice", None),
])
def test_boilerplate_heading(text: str, kind: str | None) -> None:
    assert boilerplate_heading(text) == kind


def test_thread_reads_the_last_reply_and_the_request_date() -> None:
    ask = Document((Block("paragraph", (Span("Dear Sheffield City Council, how many?"),)),), "text", "t",
                   metadata={"direction": "outgoing", "date": "2024-04-19T16:40:03+01:00"})
    reply = Document((Block("paragraph", (Span("Two. Sheffield City Council"),)),), "text", "t",
                     metadata={"direction": "incoming", "date": "2024-04-25T14:48:39+01:00"})
    facts = read_facts(Document((), "text", "t", messages=(ask, reply)))
    assert (facts.received_date, facts.response_date, facts.working_days) == ("2024-04-19", "2024-04-25", 4)
    # No message names a law: the legislation is left blank, not guessed from the authority.
    assert (facts.authority, facts.legislation) == ("Sheffield City Council", "")


@pytest.mark.parametrize("reply_says, relied", [
    ("The list is exempt under section 31(1)(a) of the Freedom of Information Act 2000.",
     ("s31(1)(a)",)),
    ("The list is exempt under sections 31(1)(a) and 40(2) of the Freedom of Information Act "
     "2000.", ("s31(1)(a)", "s40(2)")),
])
def test_a_provision_the_requester_cites_is_not_relied_on_unless_the_reply_cites_it(
        reply_says: str, relied: tuple[str, ...]) -> None:
    ask = Document((Block("paragraph", (Span(
        "Under the Freedom of Information Act 2000, and subject to section 40(2) on personal data, "
        "could you please provide your list of business rates accounts?"),)),), "text", "t",
        metadata={"direction": "outgoing", "date": "2025-03-04"})
    reply = Document((Block("paragraph", (Span(reply_says),)),), "text", "t",
                     metadata={"direction": "incoming", "date": "2025-04-02"})
    facts = read_facts(focus(Document((), "text", "t", messages=(ask, reply))))
    assert sorted(c.provision for c in facts.exemptions) == sorted(relied)


@pytest.mark.parametrize("reply_says, received", [
    # The day after it was sent: as the letter says.
    ("Thank you for your request for information which we received on 04/04/2024.", "2024-04-04"),
    # Weeks on, the reply to a complaint: the request was received when the thread sent it.
    ("Thank you for your complaint which we received on 01/07/2024. We are sorry.", "2024-04-03"),
    # Before the request was sent: another request's date.
    ("This follows your earlier request, which we received on 12/01/2024.", "2024-04-03"),
])
def test_a_threads_received_date_is_the_letters_where_it_follows_the_request_sent(
        reply_says: str, received: str) -> None:
    ask = Document((Block("paragraph", (Span("Please tell me the cost of barristers in 2023."),)),),
                   "text", "t", metadata={"direction": "outgoing", "date": "2024-04-03T17:01:03+01:00"})
    reply = Document((Block("paragraph", (Span(reply_says),)),), "text", "t",
                     metadata={"direction": "incoming", "date": "2024-10-14T16:38:29+01:00"})
    assert read_facts(focus(Document((), "text", "t", messages=(ask, reply)))).received_date == received


def test_a_reply_naming_no_law_takes_the_one_another_of_the_authoritys_messages_names() -> None:
    def message(text: str, direction: str, when: str) -> Document:
        return Document((Block("paragraph", (Span(text),)),), "text", "t",
                        metadata={"direction": direction, "date": when})

    ask = message("Dear Sheffield City Council, how many permits did you issue in 2023?",
                  "outgoing", "2024-04-19T16:40:03+01:00")
    note = message("Thank you for your request. We will respond within 20 working days, as the "
                   "Freedom of Information Act 2000 requires.", "incoming", "2024-04-20T10:00:00+01:00")
    reply = message("We issued 412 permits in 2023. Sheffield City Council", "incoming",
                    "2024-04-25T14:48:39+01:00")
    assert read_facts(focus(Document((), "text", "t", messages=(ask, note, reply)))).legislation == "FOIA"


@pytest.mark.parametrize("reply_says, law", [
    ("We hold 12 reports of hazards. Sheffield City Council", "EIR"),
    ("We have handled your request under the Freedom of Information Act 2000. We hold 12.",
     "FOIA")])
def test_a_thread_keeps_the_law_its_acknowledgement_logged_the_request_under(
        reply_says: str, law: str) -> None:
    from foiextract.correspondence import focus

    def message(text: str, direction: str, day: str) -> Document:
        return Document((Block("paragraph", (Span(text),)),), "text", "t",
                        metadata={"direction": direction, "date": day})

    thread = Document((), "text", "t", messages=(
        message("Dear Sheffield City Council, how many hazards were reported?", "outgoing",
                "2023-06-08"),
        message("As your request is for environmental information, this has been logged as a "
                "request under the Environmental Information Regulations 2004.", "incoming",
                "2023-06-09"),
        message(reply_says, "incoming", "2023-07-05")))
    assert read_facts(focus(thread)).legislation == law


def test_a_body_named_only_in_a_question_is_not_the_author() -> None:
    # request.md names the Home Office only in what it asks: no authority, not the Home Office.
    asked = doc("1. How many reviews has the borough completed?",
                "2. How many are awaiting sign off from the Home Office?")
    assert find_authority(asked) is None
    # A letter that names itself elsewhere is still found, and keeps the style it uses.
    reply = doc("London Borough of Barnet", "Does the borough send reviews to the Home Office?",
                "Yes.", "Yours sincerely", "Information Management Team")
    found = find_authority(reply)
    assert found is not None and found.name == "London Borough of Barnet"


def test_a_foisa_reply_counts_scotlands_bank_holidays() -> None:
    from foiextract.foi import read_facts
    from foiextract.readers.markdown import parse

    letter = ("Dear Ms Reid,\n\nWe received your request on 27 November 2020 and have dealt "
              "with it under the Freedom of Information (Scotland) Act 2002.\n\n"
              "**How many?**\n\nTwo\n\nDate: 1 December 2020\n")
    facts = read_facts(parse(letter, "x.md"))
    assert facts.legislation == "FOISA"
    assert (facts.received_date, facts.response_date) == ("2020-11-27", "2020-12-01")
    assert facts.working_days == 1  # Monday 30 November is St Andrew's Day in Scotland


def test_an_acronym_is_not_how_a_letter_styles_its_authority() -> None:
    found = find_authority(doc("DWP", "Caxton House", "Dear Ms Example,",
                               "Thank you for your request to DWP."))
    assert found is not None and found.name == "Department for Work and Pensions"


@pytest.mark.parametrize("line, want", [
    ("FOI2020/41771", "FOI2020/41771"),
    ("FOI 1306/25", "FOI 1306/25"),
    ("EIR-21-0457", "EIR-21-0457"),
    ("2020/41771", ""),            # no request prefix: a figure, not a reference
    ("FOI requests", ""),
    ("9 December 2020 | FOI2020/41771", "FOI2020/41771"),  # a cell of the letterhead's table
    ("Date | FOI2020 requests", ""),
])
def test_a_reference_alone_in_the_letterhead_is_read(line: str, want: str) -> None:
    assert find_reference(doc("Operations FOI Team", line, "9 December 2020",
                              "Dear Ms Example,", "Thank you for your request.")) == want


@pytest.mark.parametrize("lines, received, responded", [
    # The letterhead's lines run together; the request named only by day and month.
    (("Reference: 1-296727561 15 June 2015 Julia Snape, Information Requests", "Dear Mr Sullivan",
      "Thank you for your request which Ofcom received on 2 June and has considered."),
     "2015-06-02", "2015-06-15"),
    # Received in December, answered in January: the year before.
    (("Our ref 12 8 January 2016", "Dear Ms Smith",
      "Your request, which we received on 14 December, has been considered."),
     "2015-12-14", "2016-01-08"),
    # A deadline is not the letter's date; nor is an editor's note's date in brackets.
    (("Extract (2026-07-07) of a letter.", "Date received : 1 May 2018; Response deadline : 8 May 2018",
      "Dear Sir"), "2018-05-01", ""),
])
def test_the_letters_date_in_its_letterhead_and_a_received_date_without_a_year(
        lines: tuple[str, ...], received: str, responded: str) -> None:
    facts = read_facts(doc(*lines))
    assert (facts.received_date, facts.response_date) == (received, responded)


@pytest.mark.parametrize("lines, received", [
    # A US letter prints its dates month first.
    (("RE: Request Number EPD-2025-4476", "Submitted on: 10/02/2025",
      "The map is exempt from disclosure pursuant to ORS 192.345(23)(b)."), "2025-10-02"),
    # A UK letter, day first.
    (("Our ref: FOI 1234", "Date submitted: 10/02/2025",
      "The information is exempt under section 40(2) of the Freedom of Information Act 2000."),
     "2025-02-10"),
])
def test_a_date_in_figures_is_read_in_the_order_of_the_letters_country(
        lines: tuple[str, ...], received: str) -> None:
    assert read_facts(doc(*lines)).received_date == received


def test_a_section_of_an_act_with_brackets_in_its_name_is_other_law() -> None:
    text = ("Under section 41 of the Local Government (Miscellaneous Provisions) Act 1982 the goods "
            "are disposed of. Names are withheld under section 40(2) of the Act.")
    assert [c.provision for c in raw_citations(text)] == ["s40(2)"]


@pytest.mark.parametrize("text, cited", [
    # A thing another law names by its section is no section of ours.
    ("Please list all current Section 38 Highway Agreements.", []),
    ("The goods are disposed of when the section 41 notice period has expired.", []),
    ("The works were funded by section 106 contributions.", []),
    # Nor is the start of a longer number.
    ("Works are bound by section 211 of the Town and Country Planning Act 1990.", []),
    ("Withheld under section 21 and section 41 of the Act.", ["s21", "s41"]),
    # A postcode's outward part is no section.
    ("The properties: 46 Church Street, S35 9WE; 12 Mill Lane, Chesterfield S40 1LP.", []),
    ("Exempt under S40(2); Sheffield City Council, PO Box 1283, Sheffield, S1 1UJ.", ["s40(2)"]),
    ("The information is exempt under section 43(2) as it is commercially sensitive.", ["s43(2)"]),
])
def test_what_a_section_number_is_of(text: str, cited: list[str]) -> None:
    assert [c.provision for c in raw_citations(text)] == cited


def test_the_body_that_says_it_received_the_request_is_the_authority_not_one_it_mentions() -> None:
    # A combined authority the gazetteer does not know received the request; its answer names
    # its fire service, which the gazetteer knows: the receiver is the authority.
    letter = doc("Dear Data Lab",
                 "Thank you for your request for information received by the Greater Manchester "
                 "Combined Authority (GMCA) on the 3 July regarding data analytics.",
                 "The risk model is published on the Greater Manchester Fire and Rescue Service "
                 "website.", "Yours sincerely", "Information Governance")
    assert find_authority(letter).name == "Greater Manchester Combined Authority"
    plain = doc("Dear Data Lab", "The risk model is published on the Greater Manchester Fire and "
                "Rescue Service website.", "Yours sincerely")
    assert find_authority(plain).name == "Greater Manchester Fire and Rescue Service"


def test_a_received_date_without_its_year_takes_the_year_of_the_latest_date_printed() -> None:
    # No reply date; the quoted original request is dated: received on or before it.
    letter = doc("Thank you for your request received by the council on the 3 July regarding "
                 "data analytics.", "Yours sincerely",
                 "-----Original Message----- From: Data Lab Sent: 03 July 2018 10:12 To: FOI")
    assert read_facts(letter).received_date == "2018-07-03"


@pytest.mark.parametrize("sentence, relied", [
    # A refusal as over the cost limit is section 12, whether or not the letter names it.
    ("It would take longer than the appropriate limit (18 hours) to respond to your request, "
     "so your request is refused.", ("s12",)),
    ("Complying would exceed the cost limit of £450 and we are unable to provide it.", ("s12",)),
    ("This would exceed the cost limit; it is exempt under section 12(1) of the Act.",
     ("s12(1)",)),
    # The law explained, not applied: no reliance.
    ("If answering would exceed the cost limit, we may refuse a request.", ()),
    ("We have answered in full. The cost limit is 18 hours.", ()),
])
def test_a_cost_limit_refusal_relies_on_section_12(sentence: str, relied: tuple[str, ...]) -> None:
    facts = read_facts(doc("Dear Ms Reid,", "We received your request under the Freedom of "
                           "Information Act 2000.", sentence))
    assert sorted(c.provision for c in facts.exemptions) == sorted(relied)


def test_the_law_of_the_replys_own_words_before_the_one_its_quoted_acknowledgement_logged() -> None:
    reply = Document((
        Block("paragraph", (Span("Under Regulation 8 of the Environmental Information Regulations "
                                 "2004, the council charges for this information."),)),
        Block("quote", (Span("This has been logged as a Freedom of Information Request and will "
                             "be dealt with under the Freedom of Information Act 2000."),)),
    ), "text", "t.txt")
    assert read_facts(reply).legislation == "EIR"
    acknowledged = Document(reply.blocks[1:], "text", "t.txt")
    assert read_facts(acknowledged).legislation == "FOIA"


@pytest.mark.parametrize("name, code", [
    ("Cyngor Gwynedd", "W06000002"), ("Cyngor Sir Ynys Môn", "W06000001"),
    ("Cyngor Caerdydd", "W06000015"), ("Betsi Cadwaladr University Health Board", ""),
    ("NHS Greater Glasgow and Clyde", ""), ("Ofqual", ""), ("The Pensions Regulator", ""),
    ("Charity Commission", ""), ("Office of Rail and Road", ""),
])
def test_welsh_names_health_boards_and_regulators_are_known(name: str, code: str) -> None:
    found = lookup_name(name)
    assert found is not None and found.code == code


def test_a_body_receiving_the_request_named_by_its_kind_is_the_author() -> None:
    # "…received by the Health Board" speaks of the board the letterhead names, not another.
    found = find_authority(doc(
        "Betsi Cadwaladr University Health Board", "Dear Ms Rhys,",
        "Thank you for your request, which was received by the Health Board on 27 June 2024."))
    assert found is not None and found.name == "Betsi Cadwaladr University Health Board"


@pytest.mark.parametrize("printed", ["Devon & Somerset Fire & Rescue Service",
                                     "Brighton & Hove City Council"])
def test_an_authority_printed_with_ampersands_is_styled_as_printed(printed: str) -> None:
    found = find_authority(doc(printed, "Dear Mr Lane,", "Thank you for your request."))
    assert found is not None and found.name == printed


def test_received_by_a_body_with_a_long_name_on_a_date() -> None:
    assert received_in_text("Thank you for your request for information received by Manchester "
                            "University NHS Foundation Trust on 22/01/2024.") == "2024-01-22"


def test_the_date_field_under_the_sign_off_is_the_letters_not_an_answers_date() -> None:
    # The last answer is a date alone ("1 September 2023"); the letter's own "Date:" stands
    # under the sign-off.
    lines = ["Dear Mr Hollis,", "Our response:",
             *[f"{n}. {n * 12} pupils were given transport." for n in range(1, 15)],
             "15. When did the policy come into force?", "1 September 2023",
             "Yours sincerely,", "Information Rights Team", "Date: 8 April 2024"]
    assert read_facts(doc(*lines)).response_date == "2024-04-08"
