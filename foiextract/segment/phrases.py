"""Reading text as a careful person does: is this a question, a statement, a section heading?

The phrases live in ``foiextract/data/segment_phrases.json``.

>>> reads_as_question("How many of these have been publicly published?")
True
>>> reads_as_question("However, we consider that the following exemptions apply.")
False
>>> reads_as_question("The number of permanent exclusions in 2019/20:")
True
>>> section_of("Your rights")
'rights'
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any
from ..lexicon.data import load_json
from ..lexicon.text import alternation, interrogative_opening


@cache
def phrases() -> dict[str, Any]:
    """The phrase vocabulary (loaded once)."""
    data: dict[str, Any] = load_json("segment_phrases.json")
    return data


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = phrases()
    return {
        "interrogative": interrogative_opening(),
        "interrogative_inside": re.compile(
            r"\b(?:how many|how much|what (?:is|was|are|were)|when (?:is|was|are|were|did|will))\b",
            re.I),
        "request": re.compile(rf"^(?:{alternation(data['request_openers'])})", re.I),
        "statement": re.compile(rf"^(?:{alternation(data['statement_openers'])})", re.I),
        "intro": re.compile(rf"(?:{alternation(data['request_intros'])})", re.I),
    }


# "If available, please provide…", "Where possible, …": a condition before what is asked.
# "If available, …", "Where/if possible please…": a condition before what is asked.
_CONDITION = re.compile(r"^(?:(?:if|where|when)\s*(?:/\s*|\s+or\s+)?)+\s*(?:available|possible|"
                        r"applicable|so|yes|known|held|recorded)\s*,?\s*(?=\w)", re.I)


def names_what_is_asked(text: str) -> bool:
    """True when a paragraph opens by naming what a request asks for, with no verb of being or
    having in its first sentence: "The total number of road works carried out …" (not "The dates
    on which … are withheld", an answer).

    >>> names_what_is_asked("The total number of road works carried out within your area.")
    True
    >>> names_what_is_asked("The dates on which the meetings took place are withheld.")
    False
    >>> names_what_is_asked("Please see the attached spreadsheet.")
    False
    """
    return bool(_patterns()["request"].match(text)) and len(text.split()) >= 3 \
        and not STATES.search(text.split(". ", 1)[0]) and not _POINTS_TO.match(text)


# "Please see the attached spreadsheet.", "Please refer to …": the reply pointing to its answer.
_POINTS_TO = re.compile(r"(?:please\s+)?(?:see|find|refer\s+to|note)\b", re.I)


# A sentence's verb of being or having.
STATES = re.compile(r"\b(?:is|are|was|were|has|have|had|will|can|cannot|does|do|did)\b", re.I)


@lru_cache(maxsize=4096)
def reads_as_question(text: str, *, strict: bool = False) -> bool:
    """True when a paragraph reads as a question or a request for information.

    ``strict`` asks for a question mark, an interrogative or a "please"; a
    phrase such as "The dates on which…" then reads as an answer.

    >>> reads_as_question("I would also like to know the council's policy on such payments.")
    True
    >>> reads_as_question("Finally, for each year, please list the amount remaining in the pot.")
    True
    >>> reads_as_question("Also list, for each year, the organisations that received funding.")
    True
    >>> reads_as_question("Under the Freedom of Information Act 2000, please provide the number "
    ...                   "of fines issued.")
    True
    >>> reads_as_question("Under the Freedom of Information Act 2000, I request:")
    False
    >>> reads_as_question("All government records are subject to public access.")
    False
    >>> reads_as_question("The number of times the council has used the powers.")
    True
    """
    text = _CONDITION.sub("", text.strip().strip("*_\"'“”‘’ "), count=1)
    text = _TITLED.sub("", text, count=1)
    text = _ALSO.sub(r"\1 ", text, count=1)
    text = _GOES_ON.sub("", text, count=1)
    if (law := _UNDER_THE_ACT.match(text)) and _asks_past_the_law(text[law.end():]):
        text = text[law.end():]
    if text[:1] in "IiWw" and (asked := _CONDITIONAL_CLAUSE.match(text)) and len(text) <= 1200:
        text = text[asked.end():]  # "if the role has been dispersed, could you please …"
    if len(text) < 4 or len(text) > 1200:
        return False
    if _LEAD_IN.search(text) and not _ASKS_ITSELF.match(text):
        return False  # "Please answer the following questions …:": what follows asks
    pats = _patterns()
    if pats["statement"].match(text) and not _ASKING_IN_PERSON.match(text):
        return False
    if text.rstrip(" )").endswith("?"):
        return True
    if len(text) < 8:
        return False
    if strict:
        return bool(pats["interrogative"].match(text) or _ASKS_IN_PERSON.match(text)) \
            and len(text.split()) >= 3
    if "?" in text[:400] and pats["interrogative"].match(text):
        return True
    if _YES_NO.match(text):
        return True
    if pats["interrogative"].match(text) and len(text.split()) >= 5:
        # "Is", "Do", "Has" open statements too rarely in emphasised text to matter, but a
        # bare interrogative opener with no question mark must still be asking for something.
        return not text.endswith(".") or bool(pats["request"].match(text) or pats[
            "interrogative_inside"].search(text)) or _asks(text)
    if pats["request"].match(text) and (text.endswith((":", ".", ";")) or len(text.split()) >= 4):
        # (A name opening it, with a verb of its own, states: "All government records are
        # subject to public access …", not "All complaints that were received …".)
        return not _STATES_AFTER_A_NAME.match(text.split(". ", 1)[0])
    if pats["interrogative_inside"].search(text[:80]) and len(text.split()) >= 4:
        return True
    # "I notice that the system has changed. Please send me its specification.": what is asked
    # comes after what led to it.
    last = _LAST_SENTENCE.search(text) if len(text) < 600 else None
    return last is not None and bool(_ASKS_FOR.match(last.group(1)))


# How a sentence asking for more goes on from the one before ("Also list, …", "Additionally
# please provide …", "Finally, for each year, please list …"): the words before the asking.
_GOES_ON = re.compile(r"^(?:(?:also|additionally|in\s+addition|further(?:more)?|finally|lastly|"
                      r"secondly|thirdly)\b,?\s+)(?:(?:for|in)\s+(?:each|every|the)\s+[^,?]{1,40},\s+)?"
                      r"(?=\w)", re.I)
# "Under the Freedom of Information Act 2000, …", "In terms of the Freedom of Information Act
# of 2000, and subject to section 40(2) on personal data, …": the law the request is made
# under, before what it asks.
_UNDER_THE_ACT = re.compile(
    r"^(?:under|in\s+terms\s+of|in\s+accordance\s+with|pursuant\s+to|as\s+per)\s+(?:the\s+)?"
    r"(?:freedom\s+of\s+information|foia?\b|environmental\s+information)[^,.?]{0,60},"
    r"(?:\s*(?:and\s+)?subject\s+to\s+[^,.?]{1,80},)?\s*(?=\w)", re.I)
# "I am asking for records …": the requester's "I am" that asks.
_ASKING_IN_PERSON = re.compile(r"^i\s+am\s+asking\s+for\b", re.I)
# A sentence opening on a name (not on the asking words "please", "provide" …) whose own verb
# follows, no "who", "that", "which" … nor another's subject ("the council") between: "The
# number of staff is 12.", "All government records are subject to …" (not "The number of staff
# who were dismissed", "The number of times the council has used …").
_STATES_AFTER_A_NAME = re.compile(
    r"^(?:a|an|the|all|any|each|every|details?|information|copies|confirmation|number|total|"
    r"breakdown|copy|names?|dates?|cost|amount)\b(?:(?!\b(?:who|whom|whose|that|which|where|when|"
    r"if|whether|how|what|why|to|for|the|a|an|this|these|those|your|our|its|their|his|her|you|we|"
    r"they|it|he|she|i)\b)[^,;:?()])*?\b(?:is|are|was|were|will|may|must|shall|has|have|had)\b",
    re.I)
# What leads on to a list below rather than asking itself: "… the following information.",
# "… the data for the below points" (not "…, including the following fields:").
_LEADS_ON = re.compile(r"(?<!including\s)(?<!include\s)\b(?:the\s+following|as\s+follows|the\s+below|"
                       r"below\s+points)\b", re.I)


def _asks_past_the_law(rest: str) -> bool:
    """What follows "Under the Freedom of Information Act, …" asks something of its own: five
    words or more, its first sentence not leading on to a list below ("I request:", "I would
    like to request the following information.")."""
    first = re.split(r"(?<=[.?!])\s", rest, maxsplit=1)[0]
    return len(rest.split()) >= 5 and not _LEADS_ON.search(first)


# "I would also like to know …", "Could you further confirm …": the asking words with an
# adverb between them read as the words alone.
_ALSO = re.compile(r"^((?:i|we)\s+would|i'd|we'd|(?:i|we)\s+(?:also\s+)?(?:wish|want)|"
                   r"(?:could|can|would)\s+you|please)\s+(?:also|further|additionally|now|then)\s+"
                   r"(?=\w)", re.I)


# The requester asking in person ("I would like to know …", "Could you …", "Please provide
# …"): no answer opens so, where "The dates on which …" may.
_ASKS_IN_PERSON = re.compile(
    r"(?:i\s+would\s+(?:like|be\s+grateful)|i'd\s+like|i\s+(?:request|am\s+requesting|wish\s+to)"
    r"|(?:could|can|would)\s+you|kindly|please\s+(?:could\s+you\s+)?(?:provide|send|supply|give|"
    r"tell|confirm|list|state|advise|detail|share|explain|indicate|identify|disclose))\b", re.I)


# A condition the request puts before what it asks: "if the role of the dog warden has been
# dispersed to other staff could you please let me know …", "Where this is outsourced, please
# name the provider".
_CONDITIONAL_CLAUSE = re.compile(
    r"(?:if|where|when)\s[^.?!]{3,200}?,?\s+(?:then\s+)?(?=(?:(?:could|can|would|will)\s+you\s+)?"
    r"(?:please\s+)?(?:provide|confirm|tell|let\s+me\s+know|give|state|list|send|advise|supply|name|"
    r"indicate|explain|detail|specify)\b)", re.I)
# "Homecare: please provide the hourly rate …", "Day care: transport: please provide …": a
# request under a title of its own (not an answer's label, "Response: please see …").
_TITLED = re.compile(r"^(?!(?:answer|response|reply|note|comment|our\s+response)\b)"
                     r"(?:[A-Z][^.:;?!]{0,40}:\s+){1,2}(?=please\s+(?:provide|give|confirm|"
                     r"state|list|supply|send|advise|tell|detail|indicate|include)\b)", re.I)
_LAST_SENTENCE = re.compile(r"[.!]\s+([A-Z][^.!?]*[.?]?)\s*$")
# What a requester asks with, and a reply does not say: "Please send me…", "Could you provide…".
_ASKS_FOR = re.compile(r"(?:please|kindly|(?:could|can|would|will)\s+you(?:\s+please)?)\s+"
                       r"(?:send|provide|supply|give|disclose|list|tell|state|detail|share|"
                       r"forward|release|confirm)\s+(?:me|us)?\b", re.I)


# A lead-in: it ends on what it leads to ("…the following information:", "…as follows:"),
# unless it asks a question of its own ("How many permits were issued in the following years:").
_LEAD_IN = re.compile(r"\b(?:the\s+following|as\s+follows)\b[^?]{0,80}[:.]\s*$", re.I)
_ASKS_ITSELF = re.compile(r"(?:how|what|which|when|where|who|whom|whose|why|is|are|was|were|do|"
                          r"does|did|has|have|had|can|could|will|would)\b", re.I)


_YES_NO = re.compile(r"^(?:have|has|do|does|did|is|are|was|were|can|could|will|would|should)\s+"
                     r"(?:you|your|the|any|there|this|these|it|we|all)\b\s+\S+\s+\S+", re.I)


def asks_whether(text: str) -> bool:
    """True for a question a yes or a no answers ("Could you answer if the library service
    completes the return", "Does the council hold…?").

    >>> asks_whether("Could you answer if the service completes the return?"), asks_whether("How many?")
    (True, False)
    """
    return bool(_WHETHER.search(text) or _ASKS_YES_NO.match(text.strip()))


_WHETHER = re.compile(r"\b(?:whether|(?:answer|confirm|tell\s+(?:me|us)|say|know)\s+if)\b", re.I)
_ASKS_YES_NO = re.compile(r"(?:do|does|did|is|are|was|were|has|have|had)\s+(?:you|your|the|any|"
                          r"there|this|it|they)\b", re.I)


def _asks(text: str) -> bool:
    return bool(re.match(r"^(please|kindly|could|can|would|will|if)\b", text, re.I))


@cache
def _procedure() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in phrases()["request_procedure"]), re.I | re.S)


def requester_procedure(text: str) -> bool:
    """True for a requester's words about how to answer, not what to give: the request named
    as such over what follows ("I would like to make a freedom of information request for the
    following information …"), a rider on the item before ("Please break these down by year",
    "Could you please include contract values."), the format wanted
    ("I would like to receive the information in a spreadsheet"), the period the data is to
    cover ("I would like this data to cover …"), how to reply ("When responding …, please do
    not …"), or advice asked for if the request is too wide ("If this request is too wide or
    unclear, … advise me").

    >>> requester_procedure("If this request is too wide or unclear, please contact me to clarify.")
    True
    >>> requester_procedure("If yes, please provide a copy of the policy.")
    False
    >>> requester_procedure("I would like this data to cover the year to 31st July 2024.")
    True
    >>> requester_procedure("When responding to this request, please do not repost it.")
    True
    >>> requester_procedure("Please disclose the requested data for 2018, 2019 and 2020.")
    True
    >>> requester_procedure("Please provide this as an Excel spreadsheet (or similar format).")
    True
    >>> requester_procedure("Please provide these data as machine-readable CSV files.")
    True
    >>> requester_procedure("If you are unable to provide any of the fields, please provide the "
    ...                     "remainder of the information requested.")
    True
    >>> requester_procedure("If you are unable to provide a status, please provide the balance "
    ...                     "of the information requested.")
    True
    >>> requester_procedure("I would like to make a freedom of information request for the "
    ...                     "following information in relation to housing contributions.")
    True
    >>> requester_procedure("Please consider the following as a request for information under "
    ...                     "the Freedom of Information Act 2000. It relates to the team.")
    True
    >>> requester_procedure("I would like to make a freedom of information request for the "
    ...                     "number of fines issued in 2023.")
    False
    >>> requester_procedure("I would like to make a freedom of information request under the "
    ...                     "Freedom of Information Act 2000.")
    True
    >>> requester_procedure("I would like to remind you of your legal responsibility to respond "
    ...                     "within 20 days.")
    True
    >>> requester_procedure("Please break these down by years and exemption, e.g:")
    True
    >>> requester_procedure("Could you please include contract/work values.")
    True
    """
    return bool(_procedure().match(text.strip().strip("*_\"'“”‘’ ").replace("’", "'")))


# The reply's own opening: its greeting, its thanks, its apology for the delay, its "please
# find our response below".
_REPLY_OPENING = re.compile(
    r"^(?:(?:dear\b|(?:hi|hello|good\s+(?:morning|afternoon))(?=[\s,]|$)).{0,60}$"
    r"|(?:thank\s+you|many\s+thanks|thanks)\s+for\s+your\b"
    r"|(?:first(?:ly|\s+of\s+all)?,?\s+)?(?:please\s+accept\s+(?:our|my)\s+(?:sincere\s+)?apologies"
    r"|(?:we\s+|i\s+)?(?:(?:do\s+|would\s+like\s+to\s+)?apologi[sz]e|apologies|are\s+sorry))"
    r"\s+for\s+(?:the|this|our|any)\s+(?:\w+\s+){0,2}(?:delay|lateness)"
    r"|this\s+(?:e-?mail|letter|message)\s+(?:acknowledges|confirms)\s+(?:that\s+)?.{0,80}?"
    r"\b(?:in\s+receipt\s+of|received|receipt\s+of)\s+your\b"
    r"|(?:please\s+)?(?:find|see)\b.{0,80}\b(?:response|"
    r"reply|answer|information)\b.{0,60}\b(?:below|attached|as\s+follows)|(?:our\s+)?response\s*:?\s*$"
    r"|(?:please\s+)?(?:find|see)\s+(?:below|overleaf)\b.{0,80}\b(?:response|reply|answer|information)\b"
    r"|(?:please\s+)?(?:find|see)\s+(?:attached|enclosed)\b"
    r"|this\s+(?:e-?mail|letter|correspondence|message)\s+(?:responds|is\s+(?:in\s+|the\s+"
    r"(?:final\s+|interim\s+)?|our\s+)?(?:response|reply))\s+to\s+(?:your|the)\b.{0,120}\brequest\b"
    r"|(?:please\s+)?(?:find|see)\s+(?:below\s+)?(?:our|the\s+council['’]s)\s+(?:response|reply)"
    r"\s*[.:]?$)",
    re.I)


def reply_opening(text: str) -> bool:
    """True for the lines a reply opens with before it answers: "Dear Ms Smith,", "Thank you
    for your request…", "Please find the council's response set out below:", "Please find
    attached our response" (the answer is elsewhere).

    >>> reply_opening("Dear Richard Davis,"), reply_opening("We do not provide fax machines.")
    (True, False)
    >>> reply_opening("Hi Richard"), reply_opening("Hi-vis jackets: 20")
    (True, False)
    >>> reply_opening("We apologise for the significant delay in responding to your request.")
    True
    >>> reply_opening("Firstly, I would like to apologise for our delay in responding to you.")
    True
    >>> reply_opening("Please accept our apologies for the delay in the response.")
    True
    >>> reply_opening("This email acknowledges that the agency is in receipt of your request.")
    True
    >>> reply_opening("Please find our response.")
    True
    """
    return bool(_REPLY_OPENING.match(text.strip()))


def reads_as_statement(text: str) -> bool:
    """True for a sentence that opens as the reply's own statement ("We hold …", "The council
    does not …", "Please note …"), not as something asked.

    >>> reads_as_statement("The council does not hold this."), reads_as_statement("The number of staff")
    (True, False)
    """
    return bool(_patterns()["statement"].match(text.strip()))


# The marks a quoted or bracketed item opens with, read past to its first letter.
OPENING_MARKS = "\"'“‘("

# A lead-in to the reply's own words, not the request's ("Please find our response to your
# request set out below:").
OWN_LEAD_IN = re.compile(r"\b(?:repl(?:y|ies)|responses?|answers?|decisions?|attached|enclosed|"
                         r"below)\b", re.I)


# "…in which you requested:", "Your request was for:", "You asked for the following:", "…is in
# receipt of your … request for:": the request restated after it.
ASKED_AS_FOLLOWS = re.compile(
    r"\b(?:you\s+(?:have\s+)?(?:requested|asked\s+for|sought|wrote)|you\s+(?:are|were)\s+"
    r"(?:seeking|requesting|asking\s+for)|your\s+request\s+(?:was|is)"
    r"\s+for|you\s+asked|request\s+for(?:\s+the\s+following)?)\b[^:]{0,60}:\s*$", re.I)


def only_asks(text: str) -> bool:
    """True for a line of the requester's that asks and names nothing it asks for ("Please tell
    me:", "Could you please provide:", "I would like to know:", "My questions are:"): the
    items after it are what is asked.

    >>> only_asks("I would like to know:"), only_asks("Please provide the number of staff in:")
    (True, False)
    """
    text = text.strip()
    if not text.endswith(":"):
        return False
    asking = _ASKS_IN_PERSON.match(text)
    rest = text[asking.end():] if asking else text
    return len(rest.rstrip(" :").split()) <= (_ASKING_WORDS if asking else 0) \
        or _QUESTIONS_ARE.fullmatch(text) is not None


# What may follow the asking words and name nothing: "… tell me:", "… like to know:".
_ASKING_WORDS = 3
_QUESTIONS_ARE = re.compile(r"(?:(?:my|the)\s+)?questions(?:\s+are)?\s*:", re.I)


def reads_as_request_intro(text: str) -> bool:
    """True for the sentence that introduces a restated request ("…for the following information:")."""
    return bool(_patterns()["intro"].search(text)) and len(text) < 400


@cache
def _sections() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((str(kind), re.compile(rf"(?:^|\b)(?:{alternation(words)})(?![\w])"))
                 for kind, words in phrases()["section_headings"].items())


@cache
def _any_section() -> re.Pattern[str]:
    """Every kind's words in one pattern: one scan tells most lines they open no section."""
    words = [w for kind_words in phrases()["section_headings"].values() for w in kind_words]
    return re.compile(rf"\b(?:{alternation(words)})(?![\w])")


def section_of(text: str) -> str | None:
    """The kind of section a heading opens (``rights``, ``reuse``, ``response``…), or None."""
    if len(text) > 120:
        return None
    clean = _NOT_HEADING_CHARS.sub(" ", text.lower()).strip()
    if not clean or len(clean) > 90:
        return None
    if not _any_section().search(clean):
        return None
    for kind, pattern in _sections():  # the first kind in the vocabulary's order wins
        if pattern.search(clean):
            return kind
    return None


_NOT_HEADING_CHARS = re.compile(r"[^a-z0-9' -]+")


def boilerplate_section(kind: str | None) -> bool:
    """True for sections that never hold answers (rights, re-use, marketing…)."""
    return kind in phrases()["boilerplate_sections"]


_HEDGE = r"(?:\s+(?:still|(?:in\s+)?any\s+way|at\s+all))?"


def _spoken(words: list[str]) -> str:
    """:func:`~foiextract.lexicon.text.alternation`, where "you are" also matches as said ("If
    you're not satisfied"), hedged ("If you are still unhappy", "in any way dissatisfied"), and
    the words may be broken over lines."""
    return (alternation(words).replace(r"you\ are", r"you(?:\s+a|')re" + _HEDGE)
            .replace(r"\ ", r"\s+"))


@cache
def _letter_patterns() -> dict[str, re.Pattern[str]]:
    data = phrases()
    return {
        "sign_off": re.compile(rf"(?:{alternation(data['sign_offs'])})(?:$|[ ,])", re.I),
        "annex": re.compile(rf"\b(?:{alternation(data['annex_headings'])})", re.I),
        "closing_opener": re.compile(rf"(?:please\s+note,?\s+(?:that\s+)?)?"
                                     rf"(?:{_spoken(data['closing_openers'])})", re.I),
        # The openers that cannot start anything but a closing, met inside a paragraph.
        "closing_inside": re.compile(rf"(?<=\s)(?:please\s+note,?\s+(?:that\s+)?)?"
                                     rf"(?:{_spoken(data['closing_openers_inside'])})", re.I),
        "closing_phrase": re.compile(alternation(data["closing_phrases"]), re.I),
    }


@cache
def _verdicts() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(phrases()['whole_request_verdicts'])})\b", re.I)


def whole_request_verdict(text: str) -> bool:
    """True for a reply's sentence that settles a request as a whole: nothing held, or
    refused ("we do not hold this information", "would exceed the appropriate limit")."""
    return len(text) < 1500 and bool(_verdicts().search(text.replace("’", "'")))


def signs_off(text: str) -> bool:
    """True for the sign-off that ends a letter ("Yours sincerely", "Kind regards"), and for
    the words that end an e-mail only when they stand alone on their line ("Thanks,", not
    "Thanks for your patience").

    >>> signs_off("Thanks,"), signs_off("Thank you for your request.")
    (True, False)
    """
    lower = text.strip(" ,.!")
    return len(lower) < 60 and (bool(_letter_patterns()["sign_off"].match(lower))
                                or lower.lower() in _alone_sign_offs())


@cache
def _alone_sign_offs() -> frozenset[str]:
    return frozenset(phrases()["sign_offs_alone"])


def reopens(text: str) -> bool:
    """True for a heading after the sign-off that opens more answers ("Annex A: responses")."""
    return bool(_letter_patterns()["annex"].search(text))


def closing_within(text: str) -> int | None:
    """Where a sentence that closes the letter ("If you are unhappy…", "Please note if you are
    not satisfied…") starts inside ``text`` after something else, or None. Such a sentence
    opens with a capital after a space, as a sentence does."""
    folded = text.replace("’", "'")
    for match in _letter_patterns()["closing_inside"].finditer(folded):
        if match.start() > 0 and folded[match.start()].isupper():
            return match.start()
    return None


def closing(text: str) -> bool:
    """True for the sentences that close a letter or open its rights section."""
    folded = text.replace("’", "'")
    patterns = _letter_patterns()
    if patterns["closing_opener"].match(folded):
        return True
    lower = folded.lower()
    # The phrases are plain words: the pattern (for its word boundaries) runs only where one stands.
    for phrase in _closing_phrases():
        if phrase in lower:
            return bool(patterns["closing_phrase"].search(folded))
    return False


@cache
def _closing_phrases() -> tuple[str, ...]:
    return tuple(p.lower() for p in phrases()["closing_phrases"])
