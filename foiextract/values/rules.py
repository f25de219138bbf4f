"""The value rules: small named rules tried in order; the first that reads the answer wins.

Each rule takes an :class:`Answer` and returns a :class:`Value` or None. A
rule can be switched off by name (``parse_answer(..., disabled={"published"})``)
and the name of the rule that fired is kept in ``Value.rule``.

>>> [rule.name for rule in RULES][:3]
['missing', 'asked_not_held', 'table']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from functools import cache, lru_cache
from operator import attrgetter
from typing import Callable

from foiextract.lexicon.text import PERIOD_FIGURE
from foiextract.model import Atom, Value
from foiextract.values.answer import (ASKING_VERBS, COUNTED_REFUSALS, Answer, sentences,
                                      topic_words)
from foiextract.values.described import (described_figure, labelled_figure, part_or_whole,
                                         year_figure)
from foiextract.values.dates import DateMatch, find_dates, vague_time
from foiextract.values.figures import blank_dates, duration_unit, figure_for_subject, is_label, value_figures
from foiextract.values.lists import is_ranking, list_items
from foiextract.values.money import find_amount, find_amounts, find_percent, opening_amount, opening_percent
from foiextract.values.negation import denies_existence, denies_named, opening_denial
from foiextract.values.numbers import (NumberMatch, all_numbers, digit_numbers, format_number,
                                       is_number_word, to_decimal)
from foiextract.values.refusals import (exemptions_cited, points_to_publication, says_not_applicable, says_not_held,
                                        urls, withheld_exemptions)
from foiextract.values.references import reference_in
from foiextract.values.tables import breakdown_atoms, is_table, table_atoms
from foiextract.values.tally import tally_entries
from foiextract.values.vocab import alternation, has_phrase, vocab


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule and the confidence of what it reads."""

    name: str
    read: Callable[[Answer], Value | None]
    confidence: float


COUNTING = ("count", "period", "unknown")


@cache
def _pattern(name: str) -> re.Pattern[str]:
    data = vocab()
    approx = alternation(list(data["approximators"]))
    suppress = alternation(list(data["suppressors"]))
    number = r"(?:\d{1,3}(?:,\s?\d{3})+|\d+|[A-Za-z][A-Za-z\- ]*?)"
    money, vat = r"(?:£\s?)?", r"(?:\s*(?:\+|plus)\s*VAT\b)?"
    patterns = {
        "yes_no": r"^(yes|no)\b(?!\s+(?:longer|[a-z]+s?\b(?<!\bnot)\s+(?:has|have|was|were|is|are)))",
        "suppressed": rf"^(?:{approx}\s+)?(?:{suppress})\s+(\d+|[a-z]+)\b|^(?:<|&lt;)\s*(\d+)\b",
        # "5-10", "between 10 and 15", "£320+VAT to £480+VAT".
        "range": rf"^(?:{approx}\s+)?(?:between\s+)?{money}({number}){vat}\s*(?:-|–|—|to|and)\s*"
                 rf"{money}({number}){vat}(?=\W|$)",
        "approx": rf"^(?:{approx})\s*",
        "negative": r"^(?:" + "|".join(re.escape(w) for w in sorted(
            data["negative_openers"], key=len, reverse=True)) + r")\b",
        "all_of": r"^all\s+(?:\d+|[a-z]+)\s+(?:were|are|of)\b",
        "confirmation": "^" + alternation(list(data["confirmation_openers"])) + r"\s*",
        "affirmation": alternation(list(data["affirmations"])),
    }
    return re.compile(patterns[name], re.I)


def _value_from_number(match: NumberMatch, answer: Answer, text: str = "") -> tuple[str, str]:
    """The kind and value of a figure: a count where whole and asked as one, else a number (as
    a measure is, "21,500 tonnes", "1,420 km", whatever the question's words)."""
    value = match.value
    whole = value == value.to_integral_value()
    kind = "count" if whole and answer.intent != "number" \
        and not _MEASURE.match(text, match.end) else "number"
    return kind, format_number(value)


# A unit of measure after a figure: weight, length, area, volume, energy.
_MEASURE = re.compile(r"\s?(?:tonnes?|tons?|kg|kilo(?:gram)?s?|km|kilomet(?:re|er)s?|miles?|"
                      r"met(?:re|er)s?|m2|m²|sq\.?\s?m|square\s+(?:met(?:re|er)s?|feet|miles?)|"
                      r"hectares?|ha|acres?|litres?|liters?|gallons?|[kmg]wh|[km]w)\b", re.I)


def _strip_approx(text: str) -> str:
    return _pattern("approx").sub("", text, count=1)


def _outside_brackets(text: str) -> str:
    # Without a "(" or a "[" there is nothing to blank. "[1]" is an e-mail's link footnote.
    return _BRACKETED.sub(_blank, text) if "(" in text or "[" in text else text


_BRACKETED = re.compile(r"\([^)]*\)|\[\d{1,3}\]")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


# --- the rules -------------------------------------------------------------------------------


def missing(a: Answer) -> Value | None:
    """An empty answer: kind ``missing``."""
    return Value("missing") if not a.text.strip(" .-–") else None


def table(a: Answer) -> Value | None:
    """A table (``a | b; c | d``): text, with one atom per figure."""
    if not is_table(a.text):
        return None
    return Value("text", atoms=table_atoms(a.text))


def suppressed_mark(a: Answer) -> Value | None:
    """"*" or "<5" alone: a small number suppressed, ``<5``."""
    head = a.text.strip().rstrip(".")
    # The pattern opens with "*": a head that does not is not tried.
    if head in vocab()["suppressed_marks"] or (head[:1] == "*" and _STARS.fullmatch(head)):
        return Value("suppressed", "<5", high=5.0)
    return None


_STARS = re.compile(r"\*+(?:\s*\(.*\))?")


def not_applicable(a: Answer) -> Value | None:
    """"N/A", "Not applicable – …"."""
    return Value("not_applicable") if says_not_applicable(a.text) else None


def yes_no(a: Answer) -> Value | None:
    """An answer opening "Yes" or "No" (not "No reviews …", a determiner), or "The answer is
    yes …"."""
    said = _THE_ANSWER_IS.match(a.text)
    text = a.text[said.end():] if said else a.text
    m = _pattern("yes_no").match(text)
    if m is None:
        return None
    word = m.group(1).lower()
    rest = text[m.end():m.end() + 2]
    if word == "no" and rest[:1].isspace() and rest[1:2].isalpha() and a.intent != "boolean":
        return None
    if word == "no" and _NO_INFORMATION.match(text, m.end()):
        return None  # "No information held": to any question, nothing held (the next rule)
    return Value("boolean", word)


# "The answer is yes", "At present, no", "Currently yes": what leads on to the yes or no.
_THE_ANSWER_IS = re.compile(r"(?:the\s+answer\s+(?:to\s+(?:this|that|your|the)\s+(?:question|"
                            r"request)\s+)?is|at\s+present|currently|presently|at\s+this\s+time|"
                            r"at\s+the\s+moment)\s*[,:–—-]?\s*(?=(?:yes|no)\b)", re.I)
_NO_INFORMATION = re.compile(r"\s+(?:such\s+|recorded\s+|further\s+)?(?:information|data|records?|"
                             r"details|documents?|documentation|figures|statistics)\b", re.I)


def suppressed(a: Answer) -> Value | None:
    """"Fewer than 5", "less than ten", "<10": ``<N``."""
    m = _pattern("suppressed").match(a.first)
    if m is None and a.intent in COUNTING:
        # "There were fewer than 5 incidents": inside the sentence, the first figure it gives.
        m = _SUPPRESSED_INSIDE.search(a.first)
        if m is not None and (all_numbers(blank_dates(a.first[:m.start()]))
                              or _TIME_AFTER.match(a.first, m.end())):
            m = None
    if m is None:
        return None
    figure = m.group(1) or m.group(2)
    if re.match(r"\s*(?:%|per\s?cent)", a.first[m.end():], re.I):
        return None
    numbers = all_numbers(figure)
    if not numbers:
        return None
    limit = numbers[0].value
    return Value("suppressed", f"<{format_number(limit)}", high=float(limit))


_SUPPRESSED_INSIDE = re.compile(r"\b(?:fewer|less)\s+than\s+(\d+|[a-z]+)\b()", re.I)
_TIME_AFTER = re.compile(r"\s+(?:working\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b",
                         re.I)


def stated_range(a: Answer) -> Value | None:
    """"Between 10 and 15", "5-10": ``low..high``; in a sentence, "The draft is sent between
    weeks 12 and 16." to a how-many question, "The rate ranges between £38 and £46 per hour."
    to a question of a sum, where those are its only figures."""
    found = _range_of(_pattern("range").match(a.first))
    if found is None and a.intent in ("count", "period", "amount", "number") \
            and "between" in a.first.lower() \
            and len(_FIGURES_IN.findall(blank_dates(a.first))) == 2:
        found = _range_of(_RANGE_IN_SENTENCE.search(a.first))
    return found


def _range_of(m: re.Match[str] | None) -> Value | None:
    """The range a match of two figures states, or None where they are no range."""
    if m is None or find_dates(m.group(0)):
        return None
    low_n, high_n = all_numbers(m.group(1)), all_numbers(m.group(2))
    if len(low_n) != 1 or len(high_n) != 1 or low_n[0].text != m.group(1).strip() \
            or high_n[0].text != m.group(2).strip():
        return None
    low, high = low_n[0].value, high_n[0].value
    if low >= high:
        return None
    return Value("range", f"{format_number(low)}..{format_number(high)}", low=float(low),
                 high=float(high), unit="GBP" if "£" in m.group(0) else None)


# A figure in digits, a sum's or not ("£38", "1,204", "2.5").
_FIGURES_IN = re.compile(r"\d[\d,]*(?:\.\d+)?")
_RANGE_IN_SENTENCE = re.compile(r"\bbetween\s+(?:(?:weeks?|days?|months?|years?|hours?)\s+)?"
                                r"[£$€]?(\d[\d,]*(?:\.\d+)?)\s+and\s+"
                                r"[£$€]?(\d[\d,]*(?:\.\d+)?)\b", re.I)


def withheld(a: Answer) -> Value | None:
    """A refusal: the exemptions cited, in short form, joined by "; "."""
    cited = withheld_exemptions(a.text)
    if cited is None:
        cited = _opening_citation(a.first)
    if cited is None or (not cited and urls(a.text)):
        return None
    if not cited and says_not_held(a.text):
        # "We do not have a record of the total … we cannot provide a breakdown by provider",
        # "Your request is denied to the extent that some records do not exist": not held, and
        # what cannot be given follows from it; no exemption is cited.
        return None
    if "redact" in a.lower and (_SENT_ATTACHED.search(a.first) or (
            "redact" not in a.first.lower() and withheld_exemptions(a.first) is None)):
        # "Please see the attached guidance. … names have been redacted …", "We provided two
        # training packages … names of individuals have been redacted": given, a part blacked out
        return None
    # "Out of 95 applications, 12 were refused." to "How many applications were refused?":
    # the refusals counted are the question's own subject, not a refusal of the request, in
    # whichever sentence the figure stands ("Our system does not tell refused from withdrawn
    # applications. Combined, 143 were refused or withdrawn."). (The question's words as
    # ``asked`` holds them: the rules read no ``question``.)
    if not cited and a.intent in COUNTING \
            and any(COUNTED_REFUSALS.match(word) for word in a.asked[0]) and any(
                COUNTED_REFUSALS.search(said) and value_figures(_outside_brackets(said), None)
                for said in sentences(a.text)):
        return None
    # "The number reported was 1896. … the rest would exceed the cost limit": the figure
    # answers; what is refused is another part of the request.
    if a.intent == "count" and withheld_exemptions(a.first) is None \
            and _opening_citation(a.first) is None and _states_figure(a):
        return None
    if cited and all(_NOT_HELD_EXCEPTION.fullmatch(c) for c in cited):
        # "… refusing your request under Regulation 12(4)(a)": the exception for information
        # not held when the request came (10(4)(a) in Scotland's EIR): not held, not withheld.
        return Value("not_held")
    value = "; ".join(cited)
    # Refused as reasonably accessible elsewhere (section 21): where it is, kept in ``url``.
    ignored = set(vocab()["ignored_url_hosts"])
    link = next((u for u in urls(a.text) if _host(u) not in ignored), None) if cited else None
    if cited and all(_ACCESSIBLE_ELSEWHERE.match(c) for c in cited) and (
            link or _LINK_REFERENCE.search(a.text)):
        # "All PFD reports are published … on the following website: [1] … As this is
        # information which is accessible to the applicant by other means, it is exempt …
        # under section 21": refused only as published, and where it is given: published. (A
        # bare "exempt under section 21" says no where: refused.)
        return Value("published", link or "", exemption=value, url=link)
    return Value("withheld", value, exemption=value or None, url=link)


# The EIR's exception for information not held (regulation 12(4)(a); 10(4)(a) in Scotland).
_NOT_HELD_EXCEPTION = re.compile(r"reg1[02]\(4\)\(a\)")
# Section 21 (and 21(1)): information reasonably accessible to the applicant by other means;
# in Scotland (FOISA) section 25(1), "otherwise accessible" (FOIA's own section 25 is no ground
# of refusal: it is about certificates).
_ACCESSIBLE_ELSEWHERE = re.compile(r"s2[15](?:\(\d\))?$")


# What is given, sent with the answer ("Please see the attached spreadsheet."): a refusal that
# follows is of what was blacked out, a "not held" that follows is of a part.
_SENT_ATTACHED = re.compile(r"^(?:please\s+)?(?:see|find)\s+(?:the\s+)?(?:attached|enclosed)\b"
                            r"|^(?:attached|enclosed)\s+(?:is|are|please\s+find)\b", re.I)


def _opening_citation(first: str) -> list[str] | None:
    # "Section 40(2) - personal information": a citation alone is a refusal.
    if _OPENING_CITATION.match(first):
        cited = exemptions_cited(first)
        return cited or None
    return None


_OPENING_CITATION = re.compile(r"(?:exempt\w*\s*[-–:]?\s*)?(?:section|s\.?|regulation|reg\.?)\s*\d", re.I)


def asked_not_held(a: Answer) -> Value | None:
    """"… We do not hold information on the spend on barristers' fees." to "How much was spent
    on barristers' fees?", after a table or figures of something else: not held
    (:func:`~foiextract.values.answer.denies_what_was_asked`). Not where the rest says what is
    sent ("For impound records … the base penalty amount will be included.", "Please see the
    attached spreadsheet."), held in another form, or refused under an exemption."""
    if not a.asked_not_held or withheld_exemptions(a.text) is not None \
            or _OTHER_FORM.search(a.text):
        return None  # refused, or held in another form
    if any(_GIVEN_TOO.search(said) or _SENT_ATTACHED.search(said) for said in sentences(a.text)):
        return None  # sent or given too: not a plain "not held"
    return Value("not_held")


def not_held(a: Answer) -> Value | None:
    """"Not held", "The council does not hold this information"."""
    if not says_not_held(a.text):
        return None
    if a.intent == "boolean" and _HOLDS_NO_THING.search(a.first):
        return None  # "The council does not hold a contract with Capita": a no, not "not held"
    # "Total evictions for 2018/19 = 219. Reasons for eviction are not held.": the figure
    # answers; what is not held is another part of the request.
    if a.intent in ("count", "period", "number", "amount") and not says_not_held(a.first) \
            and _states_figure(a):
        return None
    # "Please see the attached spreadsheet. We are unable to provide the length of the hearing
    # as … not logged by time.": given in what is sent; what is not held is a part of it.
    if _SENT_ATTACHED.search(a.first) and not says_not_held(a.first):
        return None
    # "We don't hold the information in the desired format, as the figures include …" then
    # the figures: held, in another form.
    if _OTHER_FORM.search(a.text) and bool(value_figures(_outside_brackets(a.text), None)):
        return None
    # "… does not maintain any records of any additional legal action. For impound records with
    # a match, the SMC and base penalty amount will be included.": a part is not held, the
    # rest is given.
    if any(_GIVEN_TOO.search(said) and not says_not_held(said) for said in sentences(a.text)):
        return None
    return Value("not_held")


# What the answer gives besides: "… will be included", "… is provided", "… are attached"; not
# what another gives ("School crossing patrols are provided by the police."), though what is
# sent by e-mail or post is given.
_GIVEN_TOO = re.compile(r"\b(?:will\s+(?:also\s+)?be|is|are|has\s+been|have\s+been)\s+(?:also\s+)?"
                        r"(?:included|provided|attached|enclosed|supplied|released)\b"
                        r"(?!\s+by\s+(?!e-?mail|post|separate|return)\w)", re.I)


# "does not hold a contract", "do not hold any licences": a thing not had, not information.
_HOLDS_NO_THING = re.compile(
    r"\b(?:do|does|did)(?:\s+not|n['’]t)\s+(?:currently\s+)?hold\s+(?:a|an|any)\s+"
    r"(?!information|data|records?|details|documents?|documentation|figures|statistics)\w", re.I)
_OTHER_FORM = re.compile(r"(?:\bnot?|n['’]t)\s+(?:\w+\s+){0,6}?in\s+(?:the|that|this|a|your)\s+"
                         r"(?:\w+\s+)?(?:format|form|way|breakdown)\b", re.I)


def _states_figure(a: Answer) -> bool:
    """True when the first sentence holds a figure that could answer the question."""
    if find_amount(a.first) is not None or find_percent(a.first) is not None:
        return True
    asked_unit = a.subject.unit if a.intent in ("count", "period") else None
    # (A distance is what the question measures by, not its answer: "… within 100 metres of".)
    return bool(value_figures(_DISTANCE.sub(" ", _outside_brackets(a.first)), asked_unit))


_DISTANCE = re.compile(r"\b\d[\d,.]*\s*(?:metres|meters|miles|kilometres|kilometers|km|feet|"
                       r"yards)\b", re.I)


def cross_reference_pointer(a: Answer) -> Value | None:
    """"See answer to Question 3", "As above": text here; the document's pairs give it the
    value pointed to (``references.resolve_references``)."""
    return Value("text") if _REFERENCE_START.match(a.text) and reference_in(a.text) else None


_REFERENCE_START = re.compile(r"(?:please|see|refer|as|same|the|answered|covered|included|provided|"
                              r"given|this|addressed)\b", re.I)


def tally(a: Answer) -> Value | None:
    """"1 x Team Manager, 3 x Social Workers" to a how-many question: the sum, an atom an entry;
    to a list question: the entries."""
    if a.intent not in COUNTING and a.intent != "list":
        return None
    entries = tally_entries(a.text)
    if not entries:
        return None
    if a.intent == "list":
        return Value("list", "; ".join(e.text for e in entries),
                     atoms=tuple(Atom("list", label=e.text, text=e.text) for e in entries))
    if a.subject.unit and any(duration_unit(e.thing, n) == a.subject.unit
                              for e in entries for n in all_numbers(e.thing)[:1]):
        return None  # "2 x 3 hour sessions" to "How many hours?": not a count of the entries
    total = sum(e.count for e in entries)
    atoms = tuple(Atom("count", number=float(e.count), label=e.thing, text=e.text) for e in entries)
    return Value("count", str(total), number=float(total), atoms=atoms if len(atoms) > 1 else ())


def possession_denied(a: Answer) -> Value | None:
    """"The council does not have a policy that says …", "We do not hold a formal survey
    report", "SCC have no systems …" to a request for records ("A copy of the policy …",
    "Any contracts …"): what was asked for is not held. (A thing said not to exist, "There
    are no completed reviews", is none: ``negative``.)"""
    if a.intent != "copy" or not _POSSESSION_DENIED.search(a.first):
        return None
    if any(_SENT_ATTACHED.search(said) or _GIVEN_TOO.search(said) for said in sentences(a.text)):
        return None  # "We do not have a policy, but the guidance we follow is attached": given
    return Value("not_held")


# The authority's having denied: "does not have a", "do not hold any", "have no".
_POSSESSION_DENIED = re.compile(
    r"\b(?:do|does|did)(?:\s+not|n['’]t)\s+(?:\w+ly\s+)?(?:have|hold|keep|possess|retain)\s+"
    r"(?:a|an|any|such)\b|\b(?:has|have|hold|holds|keeps?)\s+no\s+(?!longer\b|further\b)\w", re.I)


def negated_existence(a: Answer) -> Value | None:
    """"We do not employ any X", "The council received no X" to a how-many question: 0; "The
    council sets no targets …" to "Any targets set for …", and "We made no payments" to a
    how-much question: none."""
    if a.intent == "copy" and a.subject.words:
        return Value("none") if denies_named(a.first, a.subject) else None
    if a.intent == "amount":
        # "The council does not own any private number plates" to "How much was spent on
        # private number plates?": nothing, as "None" is to a question of money.
        return Value("none") if denies_existence(a.text, a.subject) and not find_amounts(a.text) else None
    if a.intent not in ("count", "period"):
        return None
    return Value("count", "0", number=0.0) if denies_existence(a.text, a.subject) else None


def breakdown(a: Answer) -> Value | None:
    """"Q1 2021: 148; Q2 2021: 97": text, with one atom per figure; "Min: £22.96 Max: £50.00",
    two figures labelled as the least and the most: their range."""
    atoms = breakdown_atoms(a.text)
    if not atoms:
        return None
    return _bounds(atoms) or _asked_atom(atoms, a) or Value("text", atoms=atoms)


def _asked_atom(atoms: tuple[Atom, ...], a: Answer) -> Value | None:
    """Of a breakdown's counts, the one whose label the how-many question's words describe
    ("Complaints received: 48. Upheld: 12." to "How many complaints were upheld?": 12)."""
    if a.intent != "count" or not a.asked[0] or any(
            atom.kind != "count" or atom.number is None or not atom.label for atom in atoms):
        return None
    chosen = labelled_figure([(atom.label or "", atom.number or 0.0) for atom in atoms], a.asked)
    if chosen is None:
        return None
    return Value("count", format_number(Decimal(str(chosen))), number=chosen, atoms=atoms)


def _bounds(atoms: tuple[Atom, ...]) -> Value | None:
    """The range two atoms labelled "Min" and "Max" (lowest, highest…) give, in that order."""
    if len(atoms) != 2:
        return None
    low, high = atoms
    names = [(atom.label or "").strip().lower().split()[:1] for atom in atoms]
    if not (names[0] and names[0][0] in _LOWEST and names[1] and names[1][0] in _HIGHEST) \
            or low.kind != high.kind or low.unit != high.unit or low.number is None \
            or high.number is None or low.number >= high.number:
        return None
    return Value("range", f"{format_number(Decimal(str(low.number)))}.."
                          f"{format_number(Decimal(str(high.number)))}",
                 low=float(low.number), high=float(high.number), unit=low.unit)


_LOWEST = frozenset({"min", "min.", "minimum", "lowest", "low"})
_HIGHEST = frozenset({"max", "max.", "maximum", "highest", "high"})


def superset(a: Answer) -> Value | None:
    """"All 4 were …" to a how-many question: text."""
    # "All 4 were white British children": the figure counts something other than what was asked.
    if a.intent in COUNTING and _pattern("all_of").match(a.first):
        return Value("text")
    return None


def negative(a: Answer) -> Value | None:
    """"None", "Nil", "There have been no …": count 0 to a how-many question, else none; and
    so where the answer confirms the denial ("I can confirm that there are no such contracts.")."""
    text = a.text.strip()
    if _pattern("negative").match(text) is None and text.lower().rstrip(".") not in vocab()["zero_answers"]:
        confirmed = _pattern("confirmation").sub("", text, count=1)
        if len(confirmed) == len(text) or _pattern("negative").match(confirmed) is None \
                or a.intent == "boolean":
            return None
        text = confirmed
    if a.intent in COUNTING:
        if text.lower().rstrip(".") not in vocab()["zero_answers"] and \
                opening_denial(a.first, a.subject) in ("figure", "uncounted"):
            # "No complaints in 2019 but 2 in 2020", "There is no requirement to ...": the
            # denial is not the count.
            return None
        return Value("count", "0", number=0.0)
    if _QUALIFIED.search(text):
        return None  # "There are no standard rates – they vary by the type of service": text
    if a.intent == "boolean":
        return Value("boolean", "no")
    return Value("none")


# A denial the answer goes on to qualify: there is something, it is not one thing.
_QUALIFIED = re.compile(r"\b(?:they|it|this|rates?|charges?|costs?)\s+(?:var(?:y|ies)|depends?)\b"
                        r"|\bdepend(?:s|ing)\s+on\b", re.I)


# Past this many words an answer has more to say than where the information is.
_POINTER_ANSWER_WORDS = 60


def published(a: Answer) -> Value | None:
    """A link to where it is published (not a regulator's complaint page), or "the link above"."""
    ignored = set(vocab()["ignored_url_hosts"])
    found = [u for u in urls(a.text) if _host(u) not in ignored]
    if a.intent in COUNTING and (found or _LINK_REFERENCE.search(a.text)) \
            and not urls(a.first) and not _LINK_REFERENCE.search(a.first) \
            and not has_phrase("published_pointers", a.first) and all_numbers(a.first):
        # "Currently only one of our tower blocks … has a sprinkler system. … You can find
        # further information at the following link: …": the count first, the link after it.
        return None
    # A long answer that says what it says and mentions a link on the way ("More information
    # can be found at …") is text: it points elsewhere only where it opens by doing so.
    said = a.first if len(a.text.split()) > _POINTER_ANSWER_WORDS else a.text
    pointer = has_phrase("published_pointers", said)
    if found and (pointer or points_to_publication(said) or a.intent == "copy" and said is a.text
                  or len(a.text.split()) <= 25):
        return Value("published", found[0], url=found[0])
    if pointer or len(a.text.split()) <= 25 and _SAYS_PUBLISHED.search(a.first):
        return Value("published")  # "The contract is published on our contracts register."
    if not found and _LINK_REFERENCE.search(a.text) and points_to_publication(said):
        # "… available at the following link: [1]Council management teams": an e-mail's
        # footnoted link, its address left with the footnotes.
        return Value("published")
    return None


# "[1]", "[12]": where an e-mail or web page printed as text put a link, its address listed
# at the foot.
_LINK_REFERENCE = re.compile(r"\[\d{1,3}\]")


_SAYS_PUBLISHED = re.compile(r"\b(?:is|are|has been|have been|already)\s+(?:\w+ly\s+)?published\b"
                             r"|\bpublicly available\b", re.I)


def _host(url: str) -> str:
    return re.sub(r"^(?:https?://)?", "", url.lower()).split("/")[0]


def _date_value(dates: list[DateMatch]) -> Value:
    iso = "; ".join(d.iso for d in dates)
    atoms = tuple(Atom("date", date_start=d.date_start, date_end=d.date_end, label=d.iso)
                  for d in dates) if len(dates) > 1 else ()
    return Value("date", iso, date_start=dates[0].date_start, date_end=dates[-1].date_end, atoms=atoms)


def dates(a: Answer) -> Value | None:
    """Dates: the whole answer, or the precise dates in an answer to a when-question."""
    found = find_dates(a.text)
    if not found:
        return None
    rest, last = [], 0
    for d in found:
        rest.append(a.text[last:d.start])
        last = d.end
    rest.append(a.text[last:])
    # A letter or figure that no filler word holds ends the test early (most long answers).
    only_dates = not any(_NOT_FILLER.search(part) for part in rest)
    if only_dates:
        covered = re.sub(r"[\W_]+", "", "".join(rest))
        only_dates = not re.sub(r"(?i)and|to|on|in|of|the", "", covered)
    if only_dates and a.intent in ("count", "period") and len(found) == 1 and found[0].bare_year:
        return None  # "1914" under "How many PCNs were issued?": a figure, not a year
    if only_dates:
        return _date_value(found)
    if a.intent != "date":
        return None
    if vague_time(a.text):
        return Value("text")
    if a.question and _DATE_AND_LENGTH.search(a.question) and _LENGTH.search(a.text):
        return Value("text")  # "Start date and duration?" / "1/6/22, 2 years": two facts
    precise = [d for d in found if not d.bare_year]
    if len(precise) == 2 and "/" not in precise[0].iso + precise[1].iso \
            and _BEGAN.search(a.text, 0, precise[0].start) \
            and _ENDS.search(a.text, precise[0].end, precise[1].start) \
            and precise[0].date_start < precise[1].date_end:
        # "The contract commenced on 1 April 2021 and will end on 31 March 2026": a term.
        begun, ended = precise
        return Value("date", f"{begun.iso}/{ended.iso}", date_start=begun.date_start,
                     date_end=ended.date_end)
    return _date_value(precise) if precise else Value("text")


# What begins a term, and what ends it, said before its first and its last date.
_BEGAN = re.compile(r"\b(?:commenc|start|began|begun|begin|beginning|effective\s+from)\w*\b",
                    re.I)
_ENDS = re.compile(r"\b(?:end|ends|ending|ended|expire|expires|expiring|finish|finishes|"
                   r"terminat\w*|until|runs?\s+to)\b", re.I)


# A question asking for a date and a length together ("Start date and duration of the contract?").
_DATE_AND_LENGTH = re.compile(r"\bdates?\b[^?.]{0,30}\b(?:and|&)\s+(?:the\s+)?(?:duration|length|"
                              r"term)\b", re.I)
_LENGTH = re.compile(r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|ten)[\s-]*(?:years?|months?|"
                     r"weeks?|yrs?)\b", re.I)
# A word character that none of "and", "to", "on", "in", "of", "the" holds in any case
# (re.IGNORECASE also reads "İ" and "ı" as "i").
_NOT_FILLER = re.compile(r"[^\W_adefhinotADEFHINOT\u0130\u0131]")


_AGE_COUNTED = re.compile(r"\s*[x×]\s*\d+[\s-]*(?:years?|yrs?)[\s-]*olds?\b", re.I)


def per_period(a: Answer) -> Value | None:
    """A figure for each of several periods, a line each ("2018-19 - 216", "2019-20 - 203"),
    where the question names none of them alone (``year_figure`` takes that one): the lines as
    printed, a list."""
    if len(a.items) < 2 or a.intent not in (*COUNTING, "amount", "number", "percent", "list") \
            or not all(PERIOD_FIGURE.match(item) for item in a.items):
        return None
    return Value("list", "; ".join(a.items),
                 atoms=tuple(Atom("list", label=item, text=item) for item in a.items))


def described(a: Answer) -> Value | None:
    """Of several counts each with its own words, the one the question's words describe
    ("8 have been found in priority need, 1 not in priority need")."""
    if not a.asked[0]:
        return None
    found = described_figure(a.text, a.asked)
    if found is None:
        found = part_or_whole(a.first, a.asked)  # "48 complaints, of which 12 were upheld"
    return Value("count", str(found), number=float(found)) if found is not None else None


def of_the_year(a: Answer) -> Value | None:
    """A figure for each of several years, to a how-many question that names one of them
    ("In 2021 there were 12, and in 2022 there were 15" to "… in 2022?"): that year's."""
    if a.intent not in COUNTING:
        return None
    found = year_figure(a.text, a.asked)
    return Value("count", str(found), number=float(found)) if found is not None else None


def listed_figures(a: Answer) -> Value | None:
    """Figures one for each of several things, set apart by "; " ("£19,300; £9,000; £2,898.00",
    a table's column): a list of them as printed, not the first."""
    if "; " not in a.text:
        return None
    parts = [p.strip() for p in a.text.strip().rstrip(".").split("; ")]
    if len(parts) < 2 or not all(_LISTED_FIGURE.fullmatch(p) for p in parts):
        return None
    return Value("list", "; ".join(parts),
                 atoms=tuple(Atom("list", label=p, text=p) for p in parts))


_LISTED_FIGURE = re.compile(r"[£$€]?\s?\d[\d,]*(?:\.\d+)?\s?(?:%|[mk]\b)?")


_NOTE_AFTER = re.compile(r"\s+(?:N\.?B\.?|Note:|Please note)\s", re.I)


def counted_list(a: Answer) -> Value | None:
    """A count, then the things it counts named, to a question asking which or who ("2
    contractors hold the contract: Acme Ltd and Beta plc", "Three – Abbey, Bridge and Castle"):
    the names are the answer. As many names as the count, or it is read otherwise."""
    if a.intent not in ("list", "who"):
        return None
    head, colon, named = a.first.partition(":")
    if not colon:
        dash = " – " if " – " in a.first else " - "  # "Three – Abbey, Bridge and Castle"
        head, colon, named = a.first.partition(dash)
    numbers = all_numbers(head) if colon and len(head.split()) <= _COUNT_HEAD_WORDS else []
    if not numbers or numbers[0].start != 0 or len(numbers) > 1 or not 2 <= numbers[0].value <= 20:
        return None
    items = list_items(named.strip().rstrip("."), run_together=False)
    if items and len(items) == numbers[0].value - 1 and " and " in items[-1]:
        items[-1:] = [part.strip() for part in items[-1].rsplit(" and ", 1)]  # "A and B"
    if len(items) != numbers[0].value or _reads_as_clause(items, "list"):
        return None
    return Value("list", "; ".join(items),
                 atoms=tuple(Atom("list", label=item, text=item) for item in items))


# The most words before the colon of "2 contractors hold the contract: …".
_COUNT_HEAD_WORDS = 8


def leading_figure(a: Answer) -> Value | None:
    """A figure that opens the answer: "£1.2m", "6.5%", "c. 200", "Both", "Twenty-three"."""
    # "2994 NB data for 23/24 … over 35,000 in 23/24": the note after the figure is not it.
    head = _NOTE_AFTER.split(_strip_approx(a.first), 1)[0]
    if is_ranking(a.text):
        return None  # "1st – Bunzl Greenham 2nd – …": places, not figures
    collective = _collective(head) if a.intent in COUNTING else None
    if collective is None and not _FIGURE_START.match(head) and not _opens_with_number_word(head):
        return None  # nothing opens the answer that could be a figure: skip the searches
    if "(" in head and not _total_of_parts(head) and (atoms := breakdown_atoms(a.text)):
        return Value("text", atoms=atoms)  # "12 (2019), 14 (2020)": a figure for each label
    # After the test above, which needs no dates: both give None.
    if a.intent == "date" and any(not d.bare_year for d in find_dates(a.text)):
        return None
    amount = opening_amount(head)
    if amount is not None:
        return Value("amount", amount.value, number=float(amount.number), unit=amount.unit)
    if a.intent == "amount" and re.search(r"[£$€]\s?\d", a.text):
        return None  # "24-7 Group living … £1,544 p/w": the sums are further on, not this figure
    percent = opening_percent(head)
    if percent is not None:
        return Value("percent", percent.value, number=float(percent.number), unit="%")
    if collective is not None:
        return Value("count", str(collective), number=float(collective))
    plain = blank_dates(_outside_brackets(head))
    if a.intent in ("count", "period") and _BARE_FIGURE.fullmatch(head.strip()):
        plain = head.strip()  # "1914" under "How many PCNs were issued?": the count, no year
    numbers = all_numbers(plain)
    if not numbers or numbers[0].start != 0 or (numbers[0].words and numbers[0].value == 0):
        return None
    if len(numbers) > 1 and not numbers[0].words \
            and numbers[1].text.lower() in vocab()["number_scales"] \
            and not plain[numbers[0].end:numbers[1].start].strip():
        # "148 million reads": the figure in millions, one figure
        whole = NumberMatch(0, numbers[1].end, numbers[0].value * numbers[1].value,
                            plain[:numbers[1].end], False)
        numbers = [whole, *numbers[2:]]
    counting = a.intent in ("count", "period")
    if counting and duration_unit(plain, numbers[0]) not in ("", a.subject.unit):
        return None  # "24 hours" to "How often ...?": a duration, not the count
    if a.intent == "date" and duration_unit(plain, numbers[0]):
        return Value("text")  # "12 month rolling contract" to "What is the end date?": no date
    if len(numbers) > 1:
        # Labels ("see Appendix 1") and durations ("over 12 months") beside it are not figures.
        numbers = [numbers[0]] + [n for n in numbers[1:] if not is_label(plain, n) and not (
            counting and duration_unit(plain, n) not in ("", a.subject.unit))]
    if len(numbers) > 1 and a.intent in COUNTING and not numbers[1].words \
            and not re.search(r"[,;:(]|\bof which\b", head[numbers[0].end:numbers[1].start]) \
            and not _AGE_COUNTED.match(head, numbers[0].end):
        # "4 custodial sentences 7 remands": two figures of different things, side by side (but
        # in "15 x 17 year olds" the second is the age of what the first counts).
        return Value("text")
    if a.intent == "percent" and not numbers[0].words:
        if (stated := find_percent(head)) is not None:
            # "42 of the 59 incidents (71.2%) were …": the percentage the answer states
            return Value("percent", stated.value, number=float(stated.number), unit="%")
        return Value("percent", f"{format_number(numbers[0].value)}%",
                     number=float(numbers[0].value), unit="%")
    if a.intent == "amount" and _BARE_FIGURE.fullmatch(head.strip()):
        # "What is the total value of the fines? 0": a sum of money given as the bare figure,
        # in the pounds the letter deals in.
        return Value("amount", f"{format_number(numbers[0].value)} GBP",
                     number=float(numbers[0].value), unit="GBP")
    kind, value = _value_from_number(numbers[0], a, plain)
    return Value(kind, value, number=float(numbers[0].value))  # type: ignore[arg-type]


_FIGURE_START = re.compile(r"[£$€]|\d")
# "2,980 (P6: 1,507; P7: 1,473)": a figure, then in brackets its parts, each after its label.
_PARTS_AFTER = re.compile(r"^\s*([£$€]?\d[\d,]*(?:\.\d+)?)\s*\((?P<parts>[^()]+)\)")


def _total_of_parts(head: str) -> bool:
    """Whether the figure opening ``head`` is the total of the labelled parts in the brackets
    after it ("2,980 (P6: 1,507; P7: 1,473)"), so the answer's figure, not a breakdown."""
    m = _PARTS_AFTER.match(head)
    if m is None or not re.search(r"[:=–-]\s*[£$€]?\d", m["parts"]):
        return False
    total = to_decimal(m.group(1).lstrip("£$€"))
    parts = [n.value for n in digit_numbers(re.sub(r"[£$€]\s?", "", m["parts"]))]
    return total is not None and len(parts) >= 2 and sum(parts) == total
_BARE_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?\.?")


def _opens_with_number_word(head: str) -> bool:
    word = _FIRST_WORD.match(head)
    return word is not None and is_number_word(word.group().lower())


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def _collective(head: str) -> int | None:
    """The count a word for a number of things ("Both", "a dozen") or of times ("Twice in
    2023", "Once.") opens ``head`` with; None where none does ("Once the review is done …")."""
    low = head.lower()
    for phrase, value in vocab()["number_collectives"].items():
        if low.startswith(phrase) and not low[len(phrase):len(phrase) + 1].isalnum():
            return int(value)
    if (times := _TIMES_WORD.match(low)) is not None:
        return int(vocab()["times_words"][times.group(1)])
    return None


# "Twice.", "Once in 2023", "Twice during the period", "Three times" is read as a figure: a
# word for a number of times, standing alone or followed by when.
_TIMES_WORD = re.compile(
    r"(once|twice|thrice)(?=\s*(?:$|[.,;:!(–-])|\s+(?:in|during|between|since|over|"
    r"within|throughout|only|so\s+far|to\s+date|last|this)\b)")


def figure_in_sentence(a: Answer) -> Value | None:
    """The one figure in the first sentence ("GMP operates 14 drones"), read by the intent."""
    head = a.first
    if _SENT_ATTACHED.match(head) and len(sentences(a.text)) == 1:
        return None  # "Please see the attached spreadsheet, 'FOI 2024-1877 PCNs.xlsx'": sent
    if a.intent in ("amount", "unknown", "count", "period"):
        amounts = find_amounts(head)
        # Sums set side by side, each of its own thing; not a total and its part ("£12,000,
        # of which £2,000 was VAT").
        apart = {q.value for q in amounts if not _PART_OF.search(head[:q.start])} \
            if len(amounts) > 1 else set()
        if len(apart) > 1 and a.intent in ("amount", "unknown"):
            return Value("text")  # "… £1,544 p/w … supported tenancy £648 p/w": one of each
        if amounts and a.intent in ("count", "period"):
            # "There are 7 staff earning over £100,000": to a how-many question, a count beside
            # the sums answers, as one beside a percentage does; the sums are what it counts by.
            rest = head
            for found in reversed(amounts):
                rest = rest[:found.start] + " " * (found.end - found.start) + rest[found.end:]
            if value_figures(_outside_brackets(rest), a.subject.unit):
                head, amounts = rest, []
        if amounts:
            amount = amounts[0]
            return Value("amount", amount.value, number=float(amount.number), unit=amount.unit)
    if a.intent in ("percent", "unknown", "count"):
        percent = find_percent(head)
        # (To a how-many question, a count beside it answers: "we received 1,302 requests, an
        # increase of 12% on 2022".)
        if percent is not None and not (a.intent == "count" and value_figures(
                _outside_brackets(head[:percent.start] + " " + head[percent.end:]),
                a.subject.unit)):
            return Value("percent", percent.value, number=float(percent.number), unit="%")
    if a.intent not in ("count", "period", "number", "amount"):
        return None
    # A year, a label ("Appendix 1", "section 47") or, to a how-many question, a duration
    # ("within 24 hours") is not the figure asked for.
    asked_unit = a.subject.unit if a.intent in ("count", "period") else None
    plain = _outside_brackets(head)
    numbers = value_figures(plain, asked_unit)
    if len(numbers) > 1 and len(set(_PER_PERIOD.findall(plain))) > 1:
        return Value("text")  # "1,045 complaints in 2022 and 1,230 in 2023": one a period
    # "46 school crossing patrols and 5 posts are vacant": the subject says which one answers.
    chosen = figure_for_subject(plain, numbers, a.subject)
    if chosen is not None:
        numbers = [chosen]
    if not numbers and a.intent in ("count", "period"):
        # "All replacement trees … are detailed above. We have therefore assumed that question
        # 4 relates to additional trees planted … = 59": the sum the answer closes on (not the
        # last of a breakdown's, "19/20 = 5131 20/21 = 4972").
        closing = _CLOSING_SUM.search(a.text) if a.text.count("=") == 1 else None
        numbers = value_figures(closing[1], asked_unit) if closing else []
    if len(numbers) != 1:
        return None
    kind, value = _value_from_number(numbers[0], a, plain)
    return Value(kind, value, number=float(numbers[0].value))  # type: ignore[arg-type]


# A figure given for a year or period of its own ("1,230 in 2023", "52 during 2021/22"): the
# period each is for, to tell a breakdown by period from one figure beside a date.
_PER_PERIOD = re.compile(r"\d[\d,.]*\s+(?:[A-Za-z-]+\s+){0,3}?(?:in|during|for)\s+(?:the\s+)?"
                         r"(?:(?:financial|calendar)\s+year\s+)?((?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?)"
                         r"\b")
_CLOSING_SUM = re.compile(r"=\s*(\d[\d,]*)\s*\.?\s*$")


_PART_OF = re.compile(r"(?:(?:of\s+which|including|incl\.?|inc\.|plus|excluding)[^£$€]{0,20}|\(\s*)$",
                      re.I)


def boolean_statement(a: Answer) -> Value | None:
    """A yes/no question answered in a sentence ("The council no longer …": no)."""
    if a.intent != "boolean":
        return None
    first = _pattern("confirmation").sub("", a.first, count=1)
    if has_phrase("unsettled_markers", first):
        return None  # "We are in the process of developing a policy": not yet a yes, nor a no
    if has_phrase("negation_markers", first):
        return Value("boolean", "no")
    # "I can confirm that the library service completes the return": confirmed, and not denied.
    if len(first) < len(a.first) or _pattern("affirmation").match(first):
        return Value("boolean", "yes")
    # "The council has a contract with Veolia" to "Does the council have a contract…?": a yes,
    # where the statement says the question's verb of the question's thing ("Amey is responsible
    # for all highway maintenance" to "Do you use your own teams for highway repairs?" is not).
    said = _STATES.match(first)
    if said and a.topic and _verb_of(said) in a.topic and a.topic & topic_words(first) \
            and (_verb_of(said) != "be" or _says_what_was_asked(said, first, a.topic)):
        return Value("boolean", "yes")
    # "The Local Area Committee meetings use live streaming" to "Does the Authority use live
    # streaming in any part of its operations?": the question's own verb, with no aid, of
    # the question's thing (the word after the verb is one of its words: "We use Amey for
    # repairs" to "Do you use your own teams for repairs?" is not).
    verbs = a.topic & ASKING_VERBS
    if verbs and a.topic - verbs and not _EITHER_OR.search(a.question or ""):
        said_of = re.search(rf"\b(?:{'|'.join(sorted(verbs))})s?\s+(?:(?P<det>the|a|an|this|these|"
                            rf"such|our|its|their)\s+)?([a-z]+)", first.lower())
        # "… uses this software at two sites": "this" points back to the thing asked about,
        # which the question has named; another word of its own is not needed.
        named = 1 if said_of and said_of.group("det") in ("this", "these", "such") else 2
        if said_of and topic_words(said_of.group(2)) & a.topic and \
                len((a.topic - verbs) & topic_words(first)) >= named:
            return Value("boolean", "yes")
    return None


# "Do you employ your own agents, or do you outsource …?": one of two, not a yes or a no.
_EITHER_OR = re.compile(r"\bor\s+(?:do|does|did|is|are|was|were|has|have|will|would|can)\s+"
                        r"(?:you|we|it|they|the)\b", re.I)
_STATES = re.compile(r"[\w' ]{0,40}?\b(?P<aux>does|do|did|has|have|had|is|are|was|were)"
                     r"\s+(?!not\b)(?P<next>\w+)", re.I)


def _says_what_was_asked(said: re.Match[str], first: str, topic: frozenset[str]) -> bool:
    """Whether "X is …" says of its subject what the question asks of it: a word of the
    question's own after the verb ("The service is outsourced to Capita" to "Is the service
    outsourced?"), not only the subject again ("The service is delivered in-house")."""
    subject = topic_words(first[:said.start("aux")])
    return bool(topic_words(first[said.end("aux"):]) & (topic - subject - {"be"}))


def _verb_of(said: re.Match[str]) -> str:
    """The verb a statement turns on, as :func:`~.answer.topic_words` keeps a question's:
    "has" and "had" as "have", "is" and "were" as "be", "does use" as "use"."""
    aux = said.group("aux").lower()
    if aux in ("has", "have", "had"):
        return "have"
    if aux in ("is", "are", "was", "were"):
        return "be"
    return said.group("next").lower()


def enumeration(a: Answer) -> Value | None:
    """A list: items joined by "; " ("and" and a leading "the" removed)."""
    if a.intent not in ("list", "unknown") and not (a.intent == "who" and (
            len(a.items) >= 2 or a.text.count("; ") >= 1)):
        return None
    # One paragraph as printed lost no line breaks: its words are not items run together.
    one_paragraph = len(a.blocks) == 1 and "\n" not in a.blocks[0].text
    items = list(a.items) or list_items(a.text, run_together=not one_paragraph)
    if not items or _reads_as_clause(items, a.intent, laid_out=bool(a.items)):
        return None
    if len(items) == 1 and not a.items and len(items[0].split()) > 4 and a.text.endswith("."):
        return None  # "The team uses Casebook version 4.": a sentence, not a list of one
    if len(items) < 2 and (a.intent == "unknown" or a.intent == "list" and not a.items
                           and not a.list_asked):
        return None  # "Phoenix" to "Which partner looks after …?": the name, not a list of one
    return Value("list", "; ".join(items),
                 atoms=tuple(Atom("list", label=item, text=item) for item in items))


_CLAUSE = re.compile(r"\b(?:see|is|are|was|were|has|have|had|will|would|can|cannot|please|we|our|"
                     r"attached|not|which|who|that|this|these|there|it|they|because|as|"
                     # the verbs a sentence about the authority's systems and staff turns on
                     r"uses?|used|holds?|runs?|provides?|operates?|includes?|contains?|"
                     r"employs?|receives?|does|do)\b", re.I)


def _reads_as_clause(items: list[str], intent: str, laid_out: bool = False) -> bool:
    """True when the "items" read as sentences, not as names or short phrases. Items laid out
    as a list (bullets, a name a line), each short and none a sentence ending in a full stop,
    are names though one holds a verb ("Home to School Transport - in house system used")."""
    if re.match(r"(?:see|please|refer|as|all|none)\b", items[0], re.I):
        return True
    if laid_out and len(items) >= 2 and all(
            len(item.split()) <= 10 and not item.endswith(".") for item in items):
        return False
    for item in items:
        if len(item.split()) > 12 or _CLAUSE.search(item):
            return True
        if intent != "list" and not (item[:1].isupper() or item[:1].isdigit()):
            return True
    return False


def fallback(a: Answer) -> Value:
    """Anything else: free text."""
    return Value("text")


RULES: tuple[Rule, ...] = (
    Rule("missing", missing, 1.0),
    Rule("asked_not_held", asked_not_held, 0.75),
    Rule("table", table, 0.9),
    Rule("suppressed_mark", suppressed_mark, 0.95),
    Rule("not_applicable", not_applicable, 0.95),
    Rule("yes_no", yes_no, 0.95),
    Rule("suppressed", suppressed, 0.9),
    Rule("range", stated_range, 0.85),
    Rule("tally", tally, 0.85),
    Rule("listed_figures", listed_figures, 0.8),
    Rule("year_figure", of_the_year, 0.75),
    Rule("per_period", per_period, 0.75),
    Rule("described_figure", described, 0.75),
    Rule("counted_list", counted_list, 0.8),
    Rule("leading_figure", leading_figure, 0.9),
    Rule("withheld", withheld, 0.85),
    Rule("not_held", not_held, 0.85),
    Rule("possession_denied", possession_denied, 0.75),
    Rule("breakdown", breakdown, 0.8),
    Rule("superset", superset, 0.5),
    Rule("negative", negative, 0.85),
    Rule("negated_existence", negated_existence, 0.7),
    Rule("published", published, 0.8),
    Rule("dates", dates, 0.8),
    Rule("cross_reference", cross_reference_pointer, 0.5),
    Rule("figure_in_sentence", figure_in_sentence, 0.7),
    Rule("boolean_statement", boolean_statement, 0.6),
    Rule("enumeration", enumeration, 0.7),
)
"""The rules in the order they are tried; ``fallback`` (kind ``text``) follows them all."""


def apply_rules(answer: Answer, disabled: frozenset[str] = frozenset()) -> Value:
    """The value of ``answer`` from the first rule that reads it, tagged with its name."""
    return _apply_rules(answer, disabled)


# Cached on the answer as the rules see it (``Answer`` equality leaves out the raw text and the
# question): an answer that stands under several questions, or a "Yes" met again, is read once.
@lru_cache(maxsize=4096)
def _apply_rules(answer: Answer, disabled: frozenset[str]) -> Value:
    for rule in RULES:
        if rule.name in disabled:
            continue
        value = rule.read(answer)
        if value is not None:
            return _tagged(value, rule.name, rule.confidence)
    return _tagged(fallback(answer), "fallback", 0.5)


_FIELDS = tuple(f.name for f in fields(Value))
_ALL_INIT = all(f.init for f in fields(Value))
_READ_FIELDS = attrgetter(*_FIELDS)
_RULE_AT, _CONFIDENCE_AT = _FIELDS.index("rule"), _FIELDS.index("confidence")


def _tagged(value: Value, rule: str, confidence: float) -> Value:
    """``replace(value, rule=rule, confidence=confidence)``, built from the fields in order."""
    if not _ALL_INIT:
        return replace(value, rule=rule, confidence=confidence)
    given = list(_READ_FIELDS(value))
    given[_RULE_AT], given[_CONFIDENCE_AT] = rule, confidence
    return Value(*given)

