"""Refusals and pointers: exemptions cited, "not held", "N/A", "published at <url>".

>>> exemptions_cited("exempt under section 40(2) and Section 23(5); Section 23 is absolute")
['s40(2)', 's23(5)']
>>> exemptions_cited("withheld under regulation 12(5)(e) of the EIR")
['reg12(5)(e)']
>>> exemptions_cited("section 38(1)(b) of FOISA")
['s38(1)(b)']
"""

from __future__ import annotations

import re
from functools import cache

from foiextract.values.vocab import FOLDS_APART as _FOLDS_APART, has_phrase, vocab
from ..lexicon.citing import (as_condition, in_a_postcode, later_parts, names_a_thing, short_form,
                              us_cited)
from ..lexicon.data import load_json

# "\b(sections?|ss?\.?|regulations?|regs?\.?)": the first letter is matched case by case ("ſ"
# is an "s" to re.IGNORECASE) with the "\b" looked back at from it, so the search jumps
# between the letters "s" and "r".
_CITATION = re.compile(
    r"(?:((?-i:[sSſrR])(?<!\w.)(?:(?<=[sSſ])(?:ections?|s?\.?)|(?<=[rR])(?:egulations?|egs?\.?)))\s*)"
    r"(\d{1,3}[A-Z]?)(?!\d)((?:\s?\(\s?[0-9a-z]{1,4}\s?\))*)"
    r"(?:\s*(?:and|&|,)\s*(\d{1,3}[A-Z]?)(?!\d)((?:\s?\(\s?[0-9a-z]{1,4}\s?\))*))?",
    re.I)
_MORE_CITED = re.compile(r"\s*(?:and|&|,|or)\s*(\d{1,3}[A-Z]?)(?!\d)((?:\s?\(\s?[0-9a-z]{1,4}\s?\))*)",
                         re.I)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.I)


def _short(prefix: str, number: str, parts: str) -> str:
    return short_form(number, parts, regulation=prefix.lower().startswith("reg"))


def exemptions_cited(text: str) -> list[str]:
    """Exemptions cited in ``text`` in short form, in order, without procedural sections.

    A bare "section 23" after "section 23(5)" is the same exemption and is not repeated. Only
    sections and regulations that are exemptions of the information laws are cited: "section
    117 aftercare" (Mental Health Act) and "section 30 of the Police Act" name other law.

    >>> exemptions_cited("Section 117 aftercare"), exemptions_cited("section 47 of the Children Act")
    ([], [])
    >>> exemptions_cited("Section 41 of the Local Government (Miscellaneous Provisions) Act 1982")
    []
    """
    if "ILCS" in text or " of the Act" in text or " of FOIA" in text or "MCL 15" in text \
            or "U.S.C" in text or "FOIA Exemption" in text or "ORS 192" in text or "RCW 42" in text:
        # A US letter's provisions ("under 5 ILCS 140/3(g)", "Section 7(1)(c) of FOIA", "MCL
        # 15.243(1)(a)", "5 U.S.C. § 552 (b)(6), FOIA Exemption 6").
        us = [provision for provision, _start, _end in us_cited(text)]
        if us:
            return us
    procedural = set(vocab()["procedural_sections"])
    exemptions = _exemption_numbers()
    found: list[str] = []
    for m in _CITATION.finditer(text):
        prefix = m.group(1)
        if prefix.lower().rstrip(".") in ("s", "ss") and not re.match(r"s\.?\s?\d", m.group(0), re.I):
            continue
        if _OTHER_LAW.match(text, m.end(), m.end() + 120) or as_condition(text, m.start()) \
                or names_a_thing(text, m.end()) or in_a_postcode(text, m.start()):
            continue
        cites = [_short(prefix, m.group(2), m.group(3) or "")]
        if not m.group(4):
            # "section 35(1)(a) and (b)": the next part of the same provision
            cites.extend(_short(prefix, m.group(2), other)
                         for other in later_parts(m.group(3) or "", text, m.end()))
        if m.group(4):
            cites.append(_short(prefix, m.group(4), m.group(5) or ""))
            # "sections 40(2)(a), 40(2)(b), 40(3)(a)(i) and 40(3)(b)": the list goes on.
            at = m.end()
            while (more := _MORE_CITED.match(text, at)) is not None:
                cites.append(_short(prefix, more.group(1), more.group(2) or ""))
                at = more.end()
        for cite in cites:
            if cite in procedural or _BASE.match(cite).group() not in exemptions:  # type: ignore[union-attr]
                continue
            if any(seen == cite or seen.startswith(cite + "(") for seen in found):
                continue
            found = [seen for seen in found if not cite.startswith(seen + "(")] + [cite]
    return found


# "of the Mental Health Act 1983", "of the Children Act": a provision of other law. The
# information laws ("the Act" alone, FOIA, FOISA, the EIR) are not other law.
_OTHER_LAW = re.compile(
    r"[\s,]*(?:\([^)]{0,60}\)\s*)?of\s+the\s+(?!act\b|freedom\s+of\s+information|environmental\s+information|"
    r"foi|eir|regulations\b)[\w'’ ,()-]{0,80}?\b(?:act|regulations|order|rules|code|measure)\b", re.I)
_BASE = re.compile(r"(?:s|reg)\d+[A-Z]?", re.I)


@cache
def _exemption_numbers() -> frozenset[str]:
    """The sections and regulations that are exemptions (or refusals, s12 and s14) of FOIA,
    FOISA, the EIR and the Scottish EIR, in short form without subsections: "s40", "reg12"."""
    laws = load_json("foi_exemptions.json")
    return frozenset(_BASE.match(key).group() for law, provisions in laws.items()  # type: ignore[union-attr]
                     if isinstance(provisions, dict) for key in provisions if _BASE.match(key))


def withheld_exemptions(text: str) -> list[str] | None:
    """The exemptions an answer refuses under, or None when it does not refuse.

    >>> withheld_exemptions("We consider the request vexatious.")
    ['s14(1)']
    >>> withheld_exemptions("Yes, under regulation 32.") is None
    True
    """
    if not has_phrase("withheld_triggers", text):
        return None
    cited = exemptions_cited(text)
    if cited:
        return cited
    defaults = vocab()["withheld_defaults"]
    low = text.lower()
    for phrase, exemption in defaults.items():
        if phrase in low:
            return [str(exemption)]
    if not any(word in low for word in _STRONG_WORDS) and (text.isascii() or _FOLDS_APART.search(text) is None):
        return None  # none of the words the pattern needs (lower-cased as re.IGNORECASE reads them)
    return [] if _STRONG.search(text) else None


# "…commercially sensitive and therefore they will not be disclosed": a refusal that cites
# nothing is still one.
_STRONG = re.compile(r"\b(?:withheld|exempt|neither confirm nor deny|refuse[sd]?|"
                     r"(?:is|are|hereby|partially)\s+denied|denied\s+in\s+(?:part|whole)|"
                     r"(?:(?:will|shall|can|could|would|are|is|am|do|does)\s*(?:not|n['’]t)"
                     r"|cannot|unable|declined?|not\s+to)\s+(?:be\s+)?(?:able\s+)?(?:to\s+)?"
                     r"(?:disclosed?|released?|provide\s+(?:this|the)\s+(?:requested\s+)?"
                     r"information(?!\s+(?:in|by)\s+(?:the|this|that|your|a)\s+\w*\s*"
                     r"(?:format|form|way|date|deadline)\b)))\b", re.I)
# ("I am unable to provide this information." refuses; "…in the format you asked for" does not.)
_STRONG_WORDS = ("withheld", "exempt", "neither confirm nor deny", "refuse", "disclose", "release",
                 "denied", "provide")


def says_not_held(text: str) -> bool:
    """True when ``text`` says the information is not held.

    >>> says_not_held("The council does not hold this information")
    True
    >>> says_not_held("The council holds this information, but it is withheld")
    False
    >>> says_not_held("Gwent police does not have any information that matches this question")
    True
    """
    return has_phrase("not_held", text) or (
        ("not" in text or "n't" in text or "n’t" in text or "none" in text or "no " in text
         or "No " in text or "cannot" in text)
        and _NOT_HELD_SENTENCE.search(text) is not None) or (
        "held by" in text and _HELD_ELSEWHERE.search(text) is not None
        and not _CONFIRMED_HELD.search(text))


# A sentence saying nothing is held, however it is put together: a negated verb of having
# ("do not have", "does not currently hold", "did not keep") then, within a few words, what
# would have been held ("any information", "the data", "such records"). The vocabulary's
# phrases list the fixed forms; this reads the many others.
_NOT_HELD_SENTENCE = re.compile(
    r"\b(?:do|does|did|has|have)(?:\s+not|n['’]t)\s+(?:\w+ly\s+)?(?:have|hold|keep|retain|possess|"
    r"record|collect|maintain|store|collate|compile|capture|gather)\s+(?:(?:any|the|this|that|these|"
    r"those|such|recorded|relevant|a)\s+(?:\w+\s+){0,2}?)?(?:information|data|records?|details|"
    r"documents?|documentation|figures?|statistics)\b"
    # "This information is not collated", "These figures are not compiled": never put together.
    r"|\b(?:this|it|information|data|records?|details|figures|statistics)\s+(?:is|are|was|were)\s+"
    r"not\s+(?:\w+ly\s+)?(?:collated|compiled|gathered)\b"
    r"|\bholds?\s+none\s+of\s+the\s+(?:\w+\s+){0,3}?(?:information|data|records|documents?|"
    r"document\s+types)\b"
    # "They have all returned no information about this guidance", "We hold no records of …"
    r"|\b(?:holds?|held|returned|found|located|identified|keeps?|kept)\s+no\s+(?:\w+\s+){0,2}?"
    r"(?:information|data|records?|documents?|documentation)\b"
    # "We are unable to provide the length of the hearing as individual cases are not logged
    # by time": what cannot be given because it is not recorded so.
    r"|\b(?:unable|not\s+able|cannot|can\s*not|can['’]t)\s+(?:to\s+)?(?:provide|give|supply|"
    r"identify|report|extract|break\s+down)\b[^.;]{0,160}?\b(?:as|because|since)\b[^.;]{0,120}?"
    r"\b(?:not|n['’]t)\s+(?:\w+ly\s+|been\s+)?(?:recorded|logged|listed|captured|kept|collected|"
    r"tracked|held|stored|separated|identified\s+separately)\b"
    # "The information is no longer held", "We no longer retain these records": held once.
    r"|\bno\s+longer\s+(?:(?:be|being)\s+)?(?:held|holds?|kept|keeps?|retain(?:s|ed)?|stored|"
    r"store|(?:have|has|possess(?:es)?)\s+(?:any|the|this|that|these|those|such)\s+(?:\w+\s+){0,2}?"
    r"(?:information|data|records?|details|documents?|documentation))\b"
    # "We don't have a definitive number on the days …": no figure kept, not a count of none.
    r"|\b(?:do|does|did)(?:\s+not|n['’]t)\s+(?:\w+ly\s+)?(?:have|hold|keep|record)\s+(?:a|an|any)\s+"
    r"(?:definitive|exact|accurate|precise|reliable|specific|definite|firm)\s+(?:number|figure|"
    r"count|total|record)s?\b"
    # "The council is not in possession of this information", "Metra is not in possession of
    # any memoranda of understanding, policies …": not held, whatever is named.
    # (not "the vehicle was not in possession of a valid licence": a fact, not a holding).
    r"|\b(?:is|are|was|were|am)\s+(?:\w+ly\s+)?not\s+(?:\w+ly\s+)?in\s+(?:the\s+)?possession\s+of"
    r"\s+(?:any|this|that|these|those|such|the\s+(?:\w+\s+){0,3}?(?:information|data|records?|"
    r"documents?|documentation|details|reports?|files?)|information|data|records|documents)\b"
    r"|\b(?:has|have|had)\s+no\s+(?:such\s+)?(?:\w+\s+){0,2}?(?:information|data|records?|"
    r"documents?|documentation|details)\s+in\s+(?:its|our|their)\s+possession\b"
    # "This is not something the council records": not a thing it holds.
    r"|\bnot\s+something\s+(?:that\s+)?(?:we|it|the\s+[\w ]{2,40}?)\s+(?:\w+ly\s+)?(?:holds?|"
    r"records?|keeps?|collects?|captures?|maintains?)\b"
    # "No data is still held", "no records were kept", "No information is now retained".
    r"|\bno\s+(?:\w+\s+){0,2}?(?:information|data|records?|details|documents?|documentation)\s+"
    r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:still\s+|now\s+|currently\s+|centrally\s+)?"
    r"(?:held|kept|retained|recorded|stored|collected)\b"
    # "…the data from those surveys is held by DfE not by Sheffield City Council": another body
    # holds it, not the one answering.
    r"|\b(?:is|are)\s+(?:only\s+)?held\s+by\s+(?:the\s+)?[\w&'’ -]{2,60}?,?\s+(?:and\s+)?not\s+"
    r"(?:by\s+)?(?:the\s+|this\s+)?(?:council|us|authority|trust|force|department|[\w&'’ -]{0,40}?"
    r"(?:council|authority|trust|police|board))\b",
    re.I)


# "The information you require is held by the local water authorities": another body, named,
# holds what was asked (not "held by our finance team", "by the Council"; not "I can confirm
# the information is held by Durham Constabulary", the authority answering).
_HELD_ELSEWHERE = re.compile(
    r"\b(?:information|data|records?|figures|statistics)\b[^.;]{0,40}?\b(?:is|are|would\s+be)\s+"
    r"(?:only\s+|instead\s+)?held\s+by\s+(?!(?:us|our|we|the\s+(?:council|authority|department|"
    r"trust|force|ministry|board|service)|this\s+\w+|each|individual|a\s+number)\b)", re.I)
_CONFIRMED_HELD = re.compile(r"\bconfirm\w*\b[^.;]{0,80}\bheld\s+by\b", re.I)


# A sentence that says the question itself does not apply: "The above questions are
# nonapplicable.", "This question is therefore not applicable to the Council."
_QUESTION_NOT_APPLICABLE = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?:above\s+|following\s+|remaining\s+)?"
    r"(?:questions?|parts?|requests?|points?)\s+(?:is|are)\s+(?:therefore\s+|also\s+)?"
    r"(?:not\s+applicable|non-?\s?applicable|nonapplicable|n/a)\b", re.I)


def says_not_applicable(text: str) -> bool:
    """True when ``text`` opens with "N/A" or "Not applicable", or says the question it
    answers does not apply.

    >>> says_not_applicable("Not applicable – both reviews were published in full.")
    True
    >>> says_not_applicable("We do not run this service. The above questions are nonapplicable.")
    True
    >>> says_not_applicable("Section 12 is not applicable to this request.")
    False
    >>> says_not_applicable("Nil")
    False
    """
    head = text.strip().lstrip("*_([ ").lower()
    for phrase in vocab()["not_applicable"]:
        if head.startswith(phrase) and not head[len(phrase):len(phrase) + 1].isalnum():
            return True
    return bool(_QUESTION_NOT_APPLICABLE.search(text))


def urls(text: str) -> list[str]:
    """URLs in ``text``, without trailing punctuation; not one a page cut short for display
    ("https://www.sheffield.gov.uk/home/your-c..."): its address is not known.

    >>> urls("available at https://example.org/a. Thanks")
    ['https://example.org/a']
    >>> urls("[1] https://www.example.gov.uk/home/your-c... [2] https://example.org/b")
    ['https://example.org/b']
    """
    low = text.lower()  # "h", "t", "p" and "w" have no case but their own under re.IGNORECASE
    if "http" not in low and "www" not in low:
        return []
    return [m.group().rstrip(".,;:") for m in _URL.finditer(text)
            if not m.group().endswith(("...", "…"))]


def points_to_publication(text: str) -> bool:
    """True when ``text`` says the information is published somewhere ("at the link above").

    >>> points_to_publication("The full report is published at the link above.")
    True
    """
    return has_phrase("published_phrases", text)
