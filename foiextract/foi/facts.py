"""The facts around the answers: who wrote, which request, when, under which law, what was withheld.

>>> from foiextract.model import Block, Document, Span
>>> lines = ["London Borough of Barnet", "10 February 2020", "Our ref: 6015464",
...          "Thank you for your request received on 28 January 2020.",
...          "We have processed this request under the Freedom of Information Act 2000.",
...          "We consider that Section 22 subsection 2 applies."]
>>> doc = Document(tuple(Block("paragraph", (Span(t),)) for t in lines), "markdown", "b.md")
>>> facts = read_facts(doc)
>>> facts.authority, facts.authority_code, facts.reference, facts.working_days
('London Borough of Barnet', 'E09000003', '6015464', 9)
>>> [(c.provision, c.name, c.absolute) for c in facts.exemptions]
[('s22(2)', 'Information intended for future publication', False)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Sequence, cast

from ..model import Document, Pair
from .authority import find_authority
from .dates import month_first
from .exemptions import RawCitation, describe, us_relied_on, raw_citations, relied_on
from ..lexicon.guidance import GUIDANCE_WORDS, drafting_guidance, guidance_at
from .legislation import Legislation, handled_under, legislation_of_text
from .outcome import outcome
from .reference import find_reference
from ..lexicon.scan import folded, starts
from .timeline import received_date, response_date
from .workdays import Region, DEADLINE_WORKING_DAYS, working_days
from .zones import own_text, reply_texts

# A paragraph that may cite a provision: a quick test before the careful reading.
_CITES = re.compile(r"\b(?:ss?|sections?|reg(?:ulation)?s?)\.?\s*\d", re.IGNORECASE)

MAX_CITATION_TEXT = 300


@dataclass(frozen=True, slots=True)
class Citation:
    """One provision a document relies on.

    ``provision`` is the short form (``"s40(2)"``, ``"reg12(5)(e)"``);
    ``pair_no`` is the 1-based index of the pair it refuses when it refuses
    one answer; ``text`` is the sentence that cites it.

    >>> Citation("s12", "Exemption where cost of compliance exceeds appropriate limit", None, None, "").provision
    's12'
    """

    provision: str
    name: str
    absolute: bool | None
    pair_no: int | None
    text: str


@dataclass(frozen=True, slots=True)
class Facts:
    """What a response says about itself (see GOLD-FORMAT.md ``document``)."""

    authority: str
    authority_code: str
    reference: str
    received_date: str
    response_date: str
    legislation: str
    exemptions: tuple[Citation, ...]
    outcome: str
    late: bool | None
    working_days: int | None
    flags: tuple[str, ...]


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    sentence = " ".join(text[left + 1:right].split())
    return sentence[:MAX_CITATION_TEXT]


def _citing_text(document: Document) -> str:
    # Drafting notes left in a template ("[You must obtain ... before relying on section 36]")
    # are not reliance.
    texts = reply_texts(document)
    joined = "\n".join(texts)
    at = starts(folded(joined), GUIDANCE_WORDS)
    if at is None:
        # Only a paragraph that cites something can cite it from drafting guidance.
        dropped = [i for i, t in enumerate(texts) if drafting_guidance(t) and _CITES.search(t)]
    else:
        # Only a paragraph holding one of the guidance words can be guidance.
        begins = [0, *accumulate(len(t) + 1 for t in texts)]
        places: dict[int, list[int]] = {}
        for position in at:
            k = bisect_right(begins, position) - 1
            places.setdefault(k, []).append(position - begins[k])
        dropped = [k for k, found in places.items()
                   if guidance_at(texts[k], found) and _CITES.search(texts[k])]
    if not dropped:
        return joined
    return "\n".join(t for i, t in enumerate(texts) if i not in dropped)


# Between two answers read as one text: a line holding only ".". No citation, nor what is read
# after one to judge it (a range "to 44", "of the Data Protection Act"), goes on over a line
# break followed by ".", so each answer's citations in the joined text are those it has alone.
_ANSWER_BREAK = "\n.\n"


def answer_citations(pairs: Sequence[Pair]) -> list[list[RawCitation]]:
    """``raw_citations`` of each pair's answer, read in one pass over all the answers.

    >>> from foiextract.model import Pair
    >>> [[c.provision for c in cited] for cited in answer_citations(
    ...     [Pair("q", "Withheld under s40(2)"), Pair("q", "See section 12 and 14")])]
    [['s40(2)'], ['s12', 's14']]
    """
    answers = [p.answer for p in pairs]
    begins = [0, *accumulate(len(a) + len(_ANSWER_BREAK) for a in answers)]
    found: list[list[RawCitation]] = [[] for _ in answers]
    for c in raw_citations(_ANSWER_BREAK.join(answers)):
        k = bisect_right(begins, c.start) - 1
        found[k].append(RawCitation(c.provision, c.regulation, c.start - begins[k], c.end - begins[k]))
    return found


def _pair_of(provision: str, relied: Sequence[tuple[str, ...]], pairs: Sequence[Pair]) -> int | None:
    """The one pair refused under ``provision``; ``relied`` is what each pair's answer relies on."""
    citing: list[int] = []
    for number, (pair, answer_relies_on) in enumerate(zip(pairs, relied), 1):
        value = pair.value
        in_value = value is not None and value.kind == "withheld" and provision in re.split(
            r";\s*", value.value or "")
        if in_value or provision in answer_relies_on:
            citing.append(number)
    # A provision cited under several answers (a shared refusal, s12 or s14 over the whole
    # request) refuses the request, not one answer.
    return citing[0] if len(citing) == 1 else None


# A request refused as over the cost limit, in a sentence that says so of this request (not
# "If … would exceed the cost limit, we may refuse …", a letter's note of the law).
_COST_REFUSAL = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?!\s*if\b)[^.\n]{0,200}?\b(?:exceed(?:s|ed|ing)?|longer\s+than|over|"
    r"more\s+than|beyond|above)\s+(?:the\s+)?(?:appropriate|cost(?:\s*/\s*time)?)\s+limit\b"
    r"(?=[^\n]{0,400}?\b(?:refus\w*|unable|cannot|can\s*not|not\s+(?:be\s+)?(?:able|obliged|required)"
    r"|exempt|decline\w*)\b)", re.IGNORECASE)


def read_facts(document: Document, pairs: Sequence[Pair] = ()) -> Facts:
    """Read the facts of a response (see the module example)."""
    text = _citing_text(document)
    raw: list[RawCitation] = raw_citations(text)
    own = own_text(document)
    if own is not None and raw:
        # The request it quotes ("…and subject to section 40(2) on personal data, could you
        # please provide …") is the requester's: a provision cited only there is not relied on.
        said = {c.provision for c in raw_citations(own)}
        raw = [c for c in raw if c.provision in said]
    families = tuple("EIR" if c.regulation else "FOIA" for c in raw
                     if relied_on([c], "FOIA") or relied_on([c], "FOISA"))
    # The law the reply's own words are under ("Under Regulation 8 of the Environmental
    # Information Regulations 2004, …") before the one an acknowledgement it quotes logged.
    legislation = (legislation_of_text(own, families) if own is not None else "") \
        or legislation_of_text("\n".join([text] + [str(v) for k, v in document.metadata.items()
                                                   if k not in ("logged_under", "thread_law")]),
                               families)
    logged = document.metadata.get("logged_under", "")
    if logged in ("FOIA", "EIR", "FOISA", "EIRS") and not handled_under(text):
        # The thread's acknowledgement said which law; the reply does not say otherwise.
        legislation = cast(Legislation, logged)
    if not legislation:
        # A thread's reply may not name the Act; its acknowledgement and the request do.
        legislation = legislation_of_text(document.text, families) \
            or cast(Legislation, document.metadata.get("thread_law", ""))
    # A reply that names no law anywhere (not the thread's other messages, not its request)
    # keeps it blank: the Act of its nation would be a guess (an environmental request is under
    # the Regulations), and gold, like a careful reader, writes what the document says.
    found = find_authority(document)
    # The dates and the reference read the zones' texts, folded (cached by scan.folded), before
    # the answers' many short texts push them out of that cache.
    with month_first(legislation == "FOIA-US"):  # "10/02/2025" in a US letter: 2 October
        received = received_date(document)
        responded = response_date(document)
    reference = find_reference(document)
    if legislation == "FOIA-US":
        raw = us_relied_on(text)
        provisions = tuple(c.provision for c in raw)
        relied = [tuple(c.provision for c in us_relied_on(p.answer)) for p in pairs] \
            if provisions else []
    else:
        provisions = relied_on(raw, legislation)
        cost = _COST_REFUSAL.search(text) if legislation in ("FOIA", "FOISA") and (
            "imit" in text or "IMIT" in text) else None  # "limit", "Limit": most letters have none
        if cost is not None and not any(p.startswith("s12") for p in provisions):
            # "…it would take the Council longer than the appropriate limit (18 hours) … so
            # your request … is being refused": section 12 of either Act, named or not.
            provisions = (*provisions, "s12")
            raw.append(RawCitation("s12", False, cost.start(), cost.end()))
        relied = [relied_on(cited, legislation) for cited in answer_citations(pairs)] \
            if provisions else []
    is_regulation = {c.provision: c.regulation for c in raw}
    citations = []
    for provision in provisions:
        name, absolute = describe(provision, is_regulation.get(provision, False), legislation)
        first = next(c for c in raw if c.provision == provision)
        citations.append(Citation(provision, name, absolute, _pair_of(provision, relied, pairs),
                                  _sentence(text, first.start, first.end)))
    uk = legislation != "FOIA-US"
    # FOISA and the Scottish EIR count Scotland's bank holidays (St Andrew's Day, 2 January…).
    region: Region = "scotland" if legislation in ("FOISA", "EIRS") else "england-and-wales"
    days = working_days(received, responded, region) if uk else None
    # is_late(received, responded) without counting the days again.
    late = None if days is None else days > DEADLINE_WORKING_DAYS
    return Facts(
        authority=found.name if found else "",
        authority_code=found.code if found else "",
        reference=reference,
        received_date=received,
        response_date=responded,
        legislation=legislation,
        exemptions=tuple(citations),
        outcome=outcome(text, pairs, provisions),
        late=late,
        working_days=days,
        flags=("late",) if late else (),
    )
