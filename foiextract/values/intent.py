"""What a question asks for: a count, an amount, a date, yes/no, a list, a copy, a reason.

Read with spaCy rules (a PhraseMatcher for phrases, a Matcher for the
auxiliary verb that opens a yes/no question) on a blank English pipeline, so
no trained model is needed. The phrases are ``foiextract/data/values_intents.json``.

Most questions are plain words and punctuation ("How many reviews were
published?"). For those the tokens spaCy would make are known without running
it, so the same phrases are looked up in the lower-cased tokens joined by
spaces (``_fast_intent``), which gives the same intent in a few microseconds.
Anything the fast reading is not sure of (a contraction, an abbreviation, a
tokenizer special case, a figure with letters) goes to spaCy (``_spacy_intent``).

>>> question_intent("Since January 2019, how many reviews have been started?")
'count'
>>> question_intent("Please send me a copy of every review.")
'copy'
>>> question_intent("Does the council use CCTV cameras?")
'boolean'
>>> question_intent(None)
'unknown'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Callable, Literal

from foiextract.values.vocab import intents

Intent = Literal["count", "amount", "percent", "number", "date", "boolean", "list", "copy",
                 "reason", "who", "period", "unknown"]

_PERIOD_LABEL = re.compile(
    r"^\s*(?:(?:19|20)\d{2}(?:\s?[/–-]\s?\d{2,4})?|Q[1-4]\s*(?:19|20)\d{2}|[A-Z][a-z]+\s+(?:19|20)\d{2})"
    r"(?:\s*\([^)]*\))?\s*:?\s*$")


@cache
def _matchers() -> tuple[Any, Any, Any]:
    import spacy
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = spacy.blank("en")
    data = intents()
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    for intent, words in data["phrases"].items():
        phrases.add(intent, [nlp.make_doc(w) for w in words])
    openers = Matcher(nlp.vocab)
    openers.add("boolean", [[{"LOWER": {"IN": list(data["boolean_openers"])}}]])
    return nlp, phrases, openers


def asked(question: str) -> str:
    """``question`` less the phrases that say "date" without asking for one.

    >>> asked("Please send the current up to date list.")
    'Please send the current list.'

    A slip of the keys in "how many" is mended first ("Home many providers …").

    >>> asked("Home many providers were added?")
    'how many providers were added?'
    """
    question = _HOW_MANY_SLIP.sub(r"\g<at>how many", question)
    if "date" not in question.lower():
        return question
    return _not_asking().sub("", question)


# "Home many", "Hoe many", "How manny", "How mnay" opening a question or a clause: "how many"
# mistyped (not "how may", which can ask in what way; not "the home many live in").
_HOW_MANY_SLIP = re.compile(r"(?P<at>^\W*|[.?!;:,(]\s*|\band\s+)(?:(?:home|hoe|hwo|hw)\s+many"
                            r"|how\s+(?:manny|mnay|mant|amny))\b", re.I)


@cache
def _not_asking() -> re.Pattern[str]:
    """The phrases that say "date" without asking for one, with the space before them."""
    words = "|".join(re.escape(w) for w in sorted(intents()["not_asking"], key=len, reverse=True))
    return re.compile(rf"\s?\b(?:{words})\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def question_intent(question: str | None) -> Intent:
    """The intent of ``question`` (cached: questions repeat across a batch).

    A question that is only a period label ("2019", "2023 (to date)") is
    ``period``: a row of a breakdown, which is read like a count.
    """
    if not question or not question.strip():
        return "unknown"
    if _PERIOD_LABEL.match(question):
        return "period"
    question = asked(question)
    if records_of_a_kind(question):
        return "copy"  # "Any targets set for the number of …": the targets are asked for
    fast = _fast_intent(question[:2000], unsure=_spacy_chunk)
    intent = fast if fast is not None else _spacy_intent(question)
    if intent in ("number", "unknown") and "%" in question:
        return "percent"  # "Colour Printing Ratio %?", "The vacancy rate (%)"
    if intent == "boolean" and asks_for_records_politely(question):
        return "copy"  # "Could you please provide a copy of …": no yes/no question
    if intent == "count" and _ASKS_WHETHER_THEN_HOW_MANY.match(question):
        # "Please confirm if accounts are passed to enforcement and if so how many": whether
        # first; the count only follows a yes.
        return "boolean"
    if intent == "unknown" and _THE_NUMBER.match(question):
        return "count"  # "The number planted in new locations.", "Number employed by …"
    if intent == "unknown" and records_asked(question):
        # "Any briefing notes …", "Documents relating to …", "Please provide any memoranda of
        # understanding": records asked for
        return "copy"
    if intent in ("amount", "number", "date") and _ASKS_WHO.match(question):
        return "who"  # "Who is the budget holder for this contract?": a person, not the budget
    return intent


# The words that ask for what follows them: "Please provide (me with)", "Could you please send
# me", "I would like to request", "I request copies of".
_REQUEST_OPENER = re.compile(
    r"^\W*(?:(?:please|kindly)\s+(?:could\s+you\s+|can\s+you\s+)?|(?:could|can|would|will)\s+"
    r"you\s+(?:please\s+)?|i\s+(?:would\s+(?:like|be\s+grateful\s+for)|request|am\s+requesting|"
    r"ask\s+for|wish\s+to\s+(?:request|receive|see))\s+(?:to\s+(?:request|receive|see|have)\s+)?)"
    r"(?:(?:provide|send|supply|disclose|share|release|forward|give)\s+(?:me\s+|us\s+)?"
    r"(?:with\s+)?)?(?:(?:copies|a\s+copy)\s+of\s+)?", re.I)


def asks_for_records_politely(question: str) -> bool:
    """A request for records worded as a yes/no question: "Could you please provide a copy
    of the survey report", "Would you be able to send me the minutes".

    >>> asks_for_records_politely("Could you please provide a copy of the survey report?")
    True
    >>> asks_for_records_politely("Could you confirm whether you hold a policy?")
    False
    """
    polite = _POLITE_REQUEST.match(question)
    return polite is not None and _COPY_WORDS.search(
        " ".join(question[polite.end():].split()[:_COPY_WITHIN])) is not None


# "Could you please provide …", "Would you be able to send me …": a request worded as a
# yes/no question, and the verb that asks for what follows it.
_POLITE_REQUEST = re.compile(
    r"^\W*(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?:be\s+able\s+to\s+|"
    r"possibly\s+)?(?P<asked>provide|send|supply|disclose|share|release|forward|give|let\s+me\s+"
    r"(?:have|see)|tell\s+me)\b", re.I)
_COPY_WORDS = re.compile(r"\b(?:cop(?:y|ies)|documents?|reports?|records?|policy|policies|"
                         r"minutes|correspondence|emails?|letters?)\b", re.I)
_COPY_WITHIN = 6  # words after the verb the records asked for are named in


# "The number" and what was done ("The number planted …", "The number that were taken …"; not
# "the number of", a phrase of its own; not "the number is …", a statement).
_THE_NUMBER = re.compile(r"^\W*(?:the\s+)?(?:total\s+)?number\s+(?:(?:that|which)\b|"
                         r"\w+(?:ed|en)\b)", re.I)


_ASKS_WHO = re.compile(r"^\W*(?:(?:and|if\s+so|if\s+yes),?\s+)?who\s+(?:is|are|was|were|holds?|"
                       r"manages?|owns?)\b", re.I)


_ASKS_WHETHER_THEN_HOW_MANY = re.compile(
    r"^\W*(?:(?:please\s+|can\s+you\s+|could\s+you\s+)?confirm\s+(?:if|whether)|whether|do|does|"
    r"did|is|are|has|have)\b[^?]{0,300}?(?:,|\band)\s+if\s+(?:so|yes)\b[^?]{0,40}\bhow\s+many\b",
    re.I)


def asks_for_a_list(question: str | None) -> bool:
    """True when the question asks for a list in so many words ("Please list …", "the names
    of …", "Which of the following …"): one thing given is a list of one. To "Which supplier
    …?" one name is the answer itself.

    >>> asks_for_a_list("Please list the boroughs that led the review."), asks_for_a_list(
    ...     "Which partner looks after your Microsoft tenant?")
    (True, False)
    """
    return question is not None and _ASKS_FOR_A_LIST.search(question) is not None


_ASKS_FOR_A_LIST = re.compile(r"\blist(?:s|ed)?\b|\bnames\s+of\b|\bname\s+(?:the|all|each|every|any)\b"
                              r"|\bwhich\s+of\s+the\s+following\b|\bwhat\s+are\s+the\s+names\b", re.I)


def records_of_a_kind(question: str) -> bool:
    """True for records of a kind asked for by name, whatever the words after it ask about.

    >>> records_of_a_kind("Any targets set for the number of notices issued.")
    True
    >>> records_of_a_kind("Any information on the number of notices issued.")
    False
    """
    return bool(named_records(question))


def named_records(question: str | None) -> str:
    """The kind of records a request names ("Any targets set for …" -> "targets"), or "".

    >>> named_records("All policies on the date of review"), named_records("Any incidents?")
    ('policies', '')
    """
    if not question or question.rstrip().endswith("?"):
        return ""
    match = _RECORDS_OF_A_KIND.match(question)
    return match["name"].lower() if match else ""


def records_asked(question: str) -> bool:
    """True for a request for records worded as a list entry, not a question, with or without
    the words that ask for it ("Please provide", "I would like to request"); where those
    words lead, the records are named ("any memoranda", "all correspondence", "minutes
    of …"), not "information" or "details" of something, which may be figures.

    >>> records_asked("Any reports, details of trials, research, etc."), records_asked("Why?")
    (True, False)
    >>> records_asked("Please provide any memoranda of understanding.")
    True
    >>> records_asked("I would like information regarding pupils with an EHCP.")
    False
    """
    if _RECORDS_ASKED.match(question) is not None:
        return True
    opener = _REQUEST_OPENER.match(question)
    if opener is None or not opener.group(0).strip():
        return False
    rest = question[opener.end():]
    return _RECORDS_ASKED.match(rest) is not None and _NOT_RECORDS.match(rest) is None


_NOT_RECORDS = re.compile(r"(?:information|info|details?|data)\b", re.I)


# A request for records worded as a list entry, not a question: "Any reports, details of
# trials …", "All correspondence …", "Documents relating to …", "Information on …".
_RECORDS_ASKED = re.compile(
    r"^\W*(?:(?:any|all)\s+(?!of\s+(?:the\s+)?(?:following|above))\w"
    r"|(?:documents?|documentation|information|records?|correspondence|minutes|reports?"
    r"|copies|details|materials?|guidance|policies|contracts?)\s+(?:relating|related|regarding"
    r"|about|on|concerning|in\s+relation|associated|which|that|held|of)\b)", re.I)


# Records of a kind asked for by name ("Any targets set for the number of …", "All policies on
# the date …"): what follows the name qualifies it, and asks for no figure or date of its own.
# Not where the name is only a carrier of what is asked ("Any information on the number of …"),
# nor in a question ("Any incidents in 2019?").
_RECORDS_OF_A_KIND = re.compile(
    r"^\W*(?:any|all)\s+(?!(?:of|the|information|info|details?|data|figures?|statistics|stats"
    r"|numbers?|records?|breakdown|counts?|totals?|amounts?|costs?|dates?|how|what|which|other)"
    r"\b)(?P<name>[a-z]+s)\b", re.I)


# A chunk between spaces that the fast reading understands: opening brackets and quotes,
# words joined by "-" or "/", a possessive "'s", closing brackets, quotes and stops.
_CHUNK = re.compile(r"(?P<pre>[(“‘\"']*)(?P<core>[A-Za-z]+(?:[-/][A-Za-z]+)*)(?P<poss>['’]s)?"
                    r"(?P<suf>[)”’\"'?,;:!.]*)")
_LETTER = re.compile(r"[^\W\d_]")
_SEP = "|"
_JOINERS = re.compile(r"[-/]")
_WORDS = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class _FastTables:
    """The phrases by first word, the boolean openers and spaCy's tokenizer special cases."""

    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    openers: frozenset[str]
    specials: frozenset[str]
    priority: tuple[str, ...]
    trie: dict[str, _Node]


@dataclass(frozen=True, slots=True)
class _Node:
    """A token of the phrase trie: the intents of the phrases ending here, and what follows."""

    intents: frozenset[str]
    next: dict[str, _Node]


def _trie(phrases: dict[str, list[tuple[tuple[str, ...], str]]]) -> dict[str, _Node]:
    """The phrases as a trie of tokens, so a question is read in one walk from each token."""
    ending: dict[tuple[str, ...], set[str]] = {}
    for entries in phrases.values():
        for tokens, intent in entries:
            for k in range(1, len(tokens) + 1):
                ending.setdefault(tokens[:k], set())
            ending[tokens].add(intent)

    def node(prefix: tuple[str, ...]) -> _Node:
        follow = {p[-1]: node(p) for p in ending if len(p) == len(prefix) + 1 and p[:-1] == prefix}
        return _Node(frozenset(ending[prefix]), follow)

    return {p[0]: node(p) for p in ending if len(p) == 1}


@cache
def _fast_tables() -> _FastTables | None:
    """The tables of the fast reading, or None when a phrase is not plain words."""
    nlp, _phrases, _openers = _matchers()
    data = intents()
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for intent, words in data["phrases"].items():
        for word in words:
            tokens = tuple(t.lower_ for t in nlp.make_doc(word))
            if not tokens or any(not tok.isascii() or not tok.isalpha() for tok in tokens):
                return None
            by_first.setdefault(tokens[0], []).append((tokens, intent))
    return _FastTables({k: tuple(v) for k, v in by_first.items()},
                       frozenset(w.lower() for w in data["boolean_openers"]),
                       frozenset(nlp.tokenizer.rules), tuple(data["priority"]), _trie(by_first))


# Plain words with at most a "?", ",", ";", ":" or "!" after each, one space apart.
_PLAIN = re.compile(r"[A-Za-z]+[?,;:!]?(?: [A-Za-z]+[?,;:!]?)*")
_PLAIN_TOKEN = re.compile(r"[a-z]+|[?,;:!]")
_OTHER_SPACE = re.compile(r"[^\S ]")


def _fast_tokens(question: str, specials: frozenset[str],
                 unsure: Callable[[str], list[str] | None] | None = None) -> list[str] | None:
    """The lower-cased tokens spaCy's tokenizer would make of ``question``, as far as the
    intent needs them: words as they are, anything else a token that is not a word
    (``_SEP`` or a stop); None when not sure.

    ``unsure`` gives the tokens of a chunk between spaces the fast reading is not sure of
    (None when it cannot either); without it such a chunk makes the answer None.
    """
    if _PLAIN.fullmatch(question):
        if specials.isdisjoint(question.split(" ")) and specials.isdisjoint(_WORDS.findall(question)):
            return _PLAIN_TOKEN.findall(question.lower())
        if unsure is None:
            return None
    if question != question.strip(" ") or "  " in question or _OTHER_SPACE.search(question):
        return None
    out: list[str] = []
    for chunk in question.split(" "):
        # "word", "word?": [A-Za-z]+[?,;:!]? (an ASCII string is alphabetic when it is [A-Za-z]+)
        if chunk.isascii():
            if chunk.isalpha():
                if chunk not in specials:
                    out.append(chunk.lower())
                    continue
            elif len(chunk) > 1 and chunk[-1] in "?,;:!" and chunk[:-1].isalpha():
                word = chunk[:-1]
                if word not in specials and chunk not in specials:
                    out.append(word.lower())
                    out.append(_SEP)
                    continue
        # The rest, and a special case above, which ``_chunk_tokens`` is not sure of either.
        tokens = _chunk_tokens(chunk, specials)
        if tokens is None and unsure is not None:
            tokens = unsure(chunk)
        if tokens is None:
            return None
        out.extend(tokens)
    return out


def _chunk_tokens(chunk: str, specials: frozenset[str]) -> list[str] | None:
    """The tokens of a chunk between spaces with brackets, quotes, stops or joined words;
    None when not sure."""
    if _LETTER.search(chunk) is None:
        return [_SEP]  # no letter: its tokens are neither words nor alphabetic
    m = _CHUNK.fullmatch(chunk)
    if m is None:
        return None
    pre, core, poss, suf = m.group("pre", "core", "poss", "suf")
    poss = poss or ""
    # A core without "-" or "/" is one piece (what splitting at them gives).
    pieces = _JOINERS.split(core) if "-" in core or "/" in core else [core]
    last = pieces[-1]
    if suf.startswith(".") and not poss and (len(last) < 2 or not last[-1].islower()):
        return None  # "A.", "aB.", "contract/s.": spaCy may keep the stop
    # Each part of the chunk from a start in the brackets to the end of the core, of the
    # possessive or of a stop: none may be a special case (a loop, for speed).
    core_end = len(pre) + len(core)
    ends = [core_end, core_end + len(poss), *range(core_end + len(poss) + 1, len(chunk) + 1)]
    for i in range(len(pre) + 1):
        for j in ends:
            if chunk[i:j] in specials:
                return None
    stop = suf[:1]
    for p in pieces:
        if p in specials or p + stop in specials:
            return None
    out: list[str] = []
    if pre:
        out.append(_SEP)
    for k, piece in enumerate(pieces):
        if k:
            out.append(_SEP)
        out.append(piece.lower())
    if poss or suf:
        out.append(_SEP)
    return out


def _spacy_chunk(chunk: str) -> list[str] | None:
    """The tokens of one chunk between spaces read with spaCy's tokenizer: each word
    lower-cased, anything else ``_SEP``; None when the chunk is not ASCII.

    spaCy tokenizes each chunk between single spaces on its own (a special case across a
    space would hold the space, and only " " does), so this is what it makes of the chunk
    in the question; in ASCII a word lower-cased is still a word, so the phrases and the
    first word are found as ``_spacy_intent`` finds them.
    """
    if not chunk.isascii():
        return None
    return [t.lower_ if t.is_alpha else _SEP for t in _matchers()[0].tokenizer(chunk)]


def _fast_intent(question: str,
                 unsure: Callable[[str], list[str] | None] | None = None) -> Intent | None:
    """The intent of a question of plain words, as spaCy would read it; None when not sure
    (``unsure`` as for ``_fast_tokens``)."""
    tables = _fast_tables()
    if tables is None:
        return None
    tokens = _fast_tokens(question, tables.specials, unsure)
    if tokens is None:
        return None
    matched: set[str] = set()
    trie = tables.trie
    end = len(tokens)
    for i, token in enumerate(tokens):
        node = trie.get(token)
        j = i + 1
        while node is not None:
            if node.intents:
                matched.update(node.intents)
            node = node.next.get(tokens[j]) if j < end else None
            j += 1
    first = next((t for t in tokens if t.isalpha()), None)
    if first in tables.openers:
        matched.add("boolean")
    for intent in tables.priority:
        if intent in matched:
            return _normal(intent)
    return "unknown"


def _spacy_intent(question: str) -> Intent:
    """The intent of ``question`` read with spaCy's PhraseMatcher and Matcher."""
    nlp, phrases, openers = _matchers()
    doc = nlp.make_doc(question[:2000])
    matched: set[str] = set()
    for match_id, _start, _end in phrases(doc):
        matched.add(nlp.vocab.strings[match_id])
    first = next((t.i for t in doc if t.is_alpha), None)
    for match_id, start, _end in openers(doc):
        if start == first:
            matched.add("boolean")
    for intent in intents()["priority"]:
        if intent in matched:
            return _normal(intent)
    return "unknown"


def _normal(intent: str) -> Intent:
    if intent == "date_strong":
        return "date"
    if intent == "list_strong":
        return "list"
    if intent == "number_strong":
        return "number"
    if intent == "boolean_whether":
        return "boolean"
    return intent  # type: ignore[return-value]
