"""A reply that quotes the request, then restates each question with its answer.

Request-platform threads often arrive this way: the request quoted (from the
requester's message), then the authority's reply repeating each question and
putting the answer after it, in the same paragraph ("Q1) Do you…? No – Policy
attached.", "a) 2018 - None"). When the reply restates the quoted request, the
quotes are the request (never pairs), a restated question becomes a question
unit, and what follows it on the line becomes its answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .phrases import (closing, names_what_is_asked, only_asks, reads_as_question,
                      reads_as_request_intro, requester_procedure)
from ..lexicon.text import normalise, words
from .units import Unit

_SUB = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4})(?:\.\)|[.)])$", re.I)
_SEPARATOR = re.compile(r"^[\s\-–—:.;,=]+")
# A year's second half run on to it ("2018/19", "2018-19"): the label goes on.
_FOLLOWS_ON = re.compile(r"[/\-–]\d")


@dataclass(frozen=True, slots=True)
class QuotedRequest:
    """The request as quoted, and which units quote it."""

    items: tuple[str, ...]
    quotes: frozenset[int]
    # Bullets under a lead-in that the reply restates one by one: items in their own right.
    listed: frozenset[int] = frozenset()


def find(units: list[Unit]) -> QuotedRequest | None:
    """The quoted request, when the reply restates at least two of its paragraphs."""
    quotes = [u for u in units if u.kind == "quote" and u.text]
    if len(quotes) < 2:
        return None
    bare = _bare_parts(quotes)
    restating = _chosen_dropped([(u, _restates(u, quotes, bare)) for u in units
                                 if u.kind != "quote"], quotes)
    if sum(1 for _u, q in restating if q is not None) < 2:
        return None
    # Bullets the reply numbers as it restates them ("• The current name…" → "1. The
    # current…"); or, where the request numbers nothing (its bullets are its items, not the
    # parts of numbered ones), restates as items of their own ("- the procedure for …").
    numbered_request = any(q.marker and q.marker != "•" for q in quotes)
    again = [q for u, q in restating if q is not None and (
        u.numbers and u.marker != "•" or not numbered_request and bool(u.marker))]
    if not numbered_request:
        # Or restated bare, each over its answer ("The total number of schools…" / "• The
        # Local Authority holds responsibility for 73…"), two of them perhaps run together
        # where the reply's lines were wrapped.
        again += _restated_over_answers(restating, quotes)
    listed = _listed(quotes, again, _answered_in_turn(restating))
    return QuotedRequest(tuple(_items(quotes, listed)), frozenset(u.index for u in quotes), listed)


def _chosen_dropped(restating: list[tuple[Unit, Unit | None]], quotes: list[Unit]
                    ) -> list[tuple[Unit, Unit | None]]:
    """``restating`` less the request's bullets the reply names as its answer: some of them,
    one after another with nothing between, under its own line leading on to them ("The role
    has the following responsibilities from the list you provided:"), chosen from a longer
    list. They say what holds, not what was asked."""
    out = list(restating)
    k = 0
    while k < len(out):
        quoted = out[k][1]
        if quoted is None or quoted.marker != "•" or k == 0:
            k += 1
            continue
        end = k
        while end < len(out) and getattr(out[end][1], "marker", "") == "•":
            end += 1
        lead = out[k - 1][0]
        chosen = {q.index for _, q in out[k:end] if q is not None}
        siblings = _bullets_around(quotes, quoted)
        if lead.text.rstrip().endswith(":") and not reads_as_request_intro(lead.text) \
                and out[k - 1][1] is None and len(chosen) < len(siblings):
            out[k:end] = [(u, None) for u, _ in out[k:end]]
        k = end
    return out


def _bullets_around(quotes: list[Unit], quote: Unit | None) -> list[Unit]:
    """The run of quoted bullets ``quote`` stands in."""
    if quote is None or quote not in quotes:
        return []
    at = quotes.index(quote)
    start, end = at, at + 1
    while start > 0 and quotes[start - 1].marker == "•":
        start -= 1
    while end < len(quotes) and quotes[end].marker == "•":
        end += 1
    return quotes[start:end]


# How long a paragraph of the request must be for the reply's saying it again, word for
# word, to be the request repeated and not an answer that happens to use its words.
_REPEATED_LENGTH = 60


def repeated(units: list[Unit]) -> list[Unit]:
    """``units`` with each reply paragraph that says a long paragraph of the quoted request
    again word for word (a reply repeating the request once, before its answer) marked as
    the request's echo: never part of an answer. Where the reply restates two or more, see
    :func:`find`."""
    said = {normalise(u.text): u for u in units
            if u.kind == "quote" and len(u.text) >= _REPEATED_LENGTH}
    if not said:
        return units
    quotes = [u for u in units if u.kind == "quote" and u.text]
    again = _chosen_dropped([(u, said.get(normalise(u.text)) if not u.restated else None)
                             for u in units if u.kind != "quote"], quotes)
    echoes = {u.index for u, quoted in again if quoted is not None}
    return [replace(u, restated="echo") if u.index in echoes else u for u in units]


def _restated_over_answers(restating: list[tuple[Unit, Unit | None]], quotes: list[Unit]
                           ) -> list[Unit]:
    """Quoted bullets the reply restates bare, on lines of their own each followed by a line
    that restates nothing (its answer) or with the answer after it on its line ("… in 2023 =
    12857"); and a bullet restated run on to the one before."""
    found: list[Unit] = []
    for (unit, quoted), (_, after) in zip(restating, restating[1:]):
        if quoted is None or quoted.marker != "•" or unit.marker:
            continue
        rest = _SEPARATOR.sub("", unit.text[_prefix_length(unit.text, quoted.text):]).strip()
        run_on = _quotes_on(rest, quoted, quotes)
        if after is not None and (not rest or run_on):
            continue
        found.append(quoted)
        if run_on:
            found.append(quotes[quotes.index(quoted) + 1])
    return found


def _answered_in_turn(restating: list[tuple[Unit, Unit | None]]) -> bool:
    """Whether the reply answers what it restates in turn: a paragraph of its own (an answer)
    after some restated paragraph but its last."""
    at = [k for k, (_, quoted) in enumerate(restating) if quoted is not None]
    return any(k + 1 < len(restating) and restating[k + 1][1] is None for k in at[:-1])


def _listed(quotes: list[Unit], restated: list[Unit], in_turn: bool = False) -> frozenset[int]:
    """Bullets that are request items: under a lead-in ("…the following information:"), not
    under a question of their own, and restated one by one as items of the reply. Where the
    reply answers them in turn, any line of the requester's asking and ending on a colon
    leads them in ("The details we require are:"), and bullets under no question are items
    whatever stands above them."""
    listed: set[int] = set()
    above: Unit | None = None
    again = {q.index for q in restated}
    siblings: list[list[int]] = [[]]  # the bullets under each line that is not one
    for quote in quotes:
        if quote.marker != "•":
            above = quote
            siblings.append([])
            continue
        siblings[-1].append(quote.index)
        if quote.index in again and (
                above is not None and _lead_in(above, in_turn)
                # answered in turn, bullets under no question of their own ("I am writing to
                # make a request …" over "• A copy of the policy …") are the items
                or in_turn and (above is None or not reads_as_question(above.text))):
            listed.add(quote.index)
    # A bullet among listed ones is an item too, though the reply's restating of it was not
    # recognised ("• The number of abatement notices served in 2023; and" restated "… - 42").
    return frozenset(k for run in siblings if listed.intersection(run) for k in run)


def _lead_in(quote: Unit, asking: bool = False) -> bool:
    """ "… the following information:" (or ":-", " -", " –": a dash leads in as well; and a
    full stop after "the following", which promises the list as a colon does). ``asking``:
    a line asking in the requester's words and ending on a colon leads in too."""
    text = quote.text.rstrip()
    return not quote.marker and (text.endswith((":", " -", " –", ":-")) or (
        text.endswith(".") and _FOLLOWING.search(text) is not None)) \
        and (reads_as_request_intro(quote.text)
             or asking and text.endswith(":") and _ASKS_IN_LEAD.search(text) is not None)


_FOLLOWING = re.compile(r"\bthe\s+following(?:\s+\w+){0,3}\.$", re.I)
# The requester's own words asking, in a line that ends on a colon over bullets ("The details
# we require are:", "Please could you provide:"): the bullets are what is asked.
_ASKS_IN_LEAD = re.compile(
    r"\b(?:i|we)\s+(?:would\s+like|require|need|want|request|am\s+requesting|are\s+requesting|"
    r"am\s+seeking|are\s+seeking)\b|\b(?:please|kindly|(?:could|can|would)\s+you)\s+(?:please\s+)?"
    r"(?:provide|supply|send|give|tell|confirm|disclose|share)\b", re.I)


def restate(units: list[Unit], request: QuotedRequest) -> list[Unit]:
    """Split each reply paragraph that restates a quoted one into its question and answer."""
    quotes = [u for u in units if u.index in request.quotes]
    units = _split_within(_rejoin(units, quotes, request), quotes, request)
    # The quoted paragraph each reply paragraph restates, found once for both passes.
    bare = _bare_parts(quotes)
    restating = [_restates(unit, quotes, bare) if unit.index not in request.quotes else None
                 for unit in units]
    parts = _parts_answered(units, restating, quotes, bare, request.listed)
    briefly = _answered_briefly(units, restating, quotes, request)
    out: list[Unit] = []
    by_period = False  # the question answered last listed periods as its parts
    said_next = -1  # where in the request the paragraph after the one restated last stands
    for unit, quoted in zip(units, restating):
        if quoted is None and 0 <= said_next < len(quotes) and unit.index not in request.quotes \
                and normalise(unit.text) == normalise(quotes[said_next].text):
            # The request's next paragraph said again, however short ("e.g.", "Council Name:"
            # under a restated question): the request's words, not its answer.
            out.append(replace(unit, restated="echo"))
            said_next += 1
            continue
        if quoted is not None:
            said_next = quotes.index(quoted) + 1
        elif unit.index not in request.quotes:
            said_next = -1
        if quoted is None:
            if unit.index not in request.quotes and _asks_part_of(unit, quotes):
                # "Same for CIN plans?", the second question of a quoted item the reply
                # answers apart: a question restated too.
                unit = replace(unit, restated="question")
            elif by_period and unit.marker == "•" and (labelled := _period_line(unit)):
                # "• 2022/23 - 2994" under a question that listed "• 2022", "• 2023": a part.
                out.extend(labelled)
                continue
            out.append(unit)
            continue
        if quoted.marker != "•":
            by_period = _lists_periods(quoted, quotes)
        asked = _is_item(quoted, quotes, request.listed) or (
            _SUB.match(quoted.marker) is not None and _stem_of(quoted, quotes) is not None) or (
            _part_of_lettered(quoted, quotes)) or (
            quoted.marker == "•" and reads_as_question(quoted.text, strict=True)) or (
            unit.index in briefly)
        # ("• Please provide the data split by property type" under question 1, answered
        # beneath it: a sub-question of item 1, a pair of its own; "• Pubwatch" is an option.)
        # ("- 2022 - 5", "- 2023 - 65" under a question that listed "- 2022", "- 2023": each
        # part the question named, answered on its own line, is a question of that item.)
        rest = _SEPARATOR.sub("", unit.text[_prefix_length(unit.text, quoted.text):]).strip()
        head = replace(unit, text=quoted.text, restated="part" if quoted.index in parts
                       else "question" if asked else "echo",
                       part_of=_part_stem(quoted, quotes) if quoted.index in parts else "")
        while rest and _quotes_on(rest, quoted, quotes):
            following = quotes[quotes.index(quoted) + 1]
            if not ({quoted.index, following.index} <= request.listed
                    or _item_like(quoted) and _item_like(following)):
                # The request's next quoted paragraph, restated with it: the request, not an
                # answer.
                head, rest = replace(head, text=unit.text), ""
                break
            # Items restated run together ("…as of 5th September 2023. Examples of temporary
            # accommodation…"; "The numbers of let and vacant street level units; The numbers
            # of vacant and let non-street level …; The total floor areas …"): each a question.
            out.append(head if head.restated != "echo" else replace(head, restated="question"))
            at = _prefix_length(rest, following.text)
            unit, quoted = replace(unit, text=rest), following
            head = replace(unit, text=rest[:at].strip(), restated="question")
            rest = _SEPARATOR.sub("", rest[at:]).strip()
        echoed = _lead_in_within(rest, quoted, quotes)
        out.append(head)
        if echoed:
            # "…planting season - 811 Further, please break this number down as follows:": the
            # answer stops where the request's next paragraph, a lead-in, is said again.
            out.append(replace(unit, text=rest[:echoed].strip(), marker="", numbers=(), label="",
                               restated="", kind="paragraph" if unit.kind == "list_item"
                               else unit.kind))
            out.append(replace(unit, text=rest[echoed:].strip(), marker="", numbers=(), label="",
                               restated="echo"))
            continue
        if rest and 0 <= said_next < len(quotes) \
                and normalise(rest) == normalise(quotes[said_next].text):
            out.append(replace(unit, text=rest, marker="", numbers=(), label="", restated="echo"))
            said_next += 1  # "e.g." run on to the restated question: the request's words
            continue
        if rest:
            # What follows the restated question on its line is its answer, not a list item.
            out.append(replace(unit, text=rest, marker="", numbers=(), label="", restated="",
                               kind="paragraph" if unit.kind == "list_item" else unit.kind))
    return _periods_joined(out)


# "1st April 2022 – 31^st March 2023", "Jan 2023 - Feb 2024": a stretch of dates, alone.
_DAY = r"(?:\d{1,2}\^?(?:st|nd|rd|th)?\s+)?"
_DATE_RANGE = re.compile(rf"^{_DAY}[A-Za-z]{{3,9}}\.?\s+\d{{4}}\s*(?:[-–—]|to)\s*{_DAY}"
                         r"[A-Za-z]{3,9}\.?\s+\d{4}$")


def _answered_briefly(units: list[Unit], restating: list[Unit | None], quotes: list[Unit],
                      request: QuotedRequest) -> frozenset[int]:
    """The reply's paragraphs restating the request's plain paragraphs (no bullet, no number),
    each with a short plain paragraph of its own beneath it that restates nothing ("Monthly",
    "None", "N/A", "12"): its answer, so each is asked, however it is worded. Two or more
    such, or none. A paragraph restated after a restated lead-in ("…between the following
    period:" / "1st Jan 2022 - 31st Dec 2022") is that question's, not one."""
    asked = {normalise(u.text) for u in units if u.index in request.quotes}
    led = {id(unit) for unit, before in zip(units[1:], restating)
           if before is not None and before.text.rstrip().endswith(":")}
    found = frozenset(
        unit.index for unit, quoted, after, said in zip(units, restating, units[1:], restating[1:])
        if quoted is not None and not quoted.marker and id(unit) not in led and said is None
        and not after.marker
        and after.index not in request.quotes and after.kind != "quote"
        and 0 < len(after.text.split()) <= _BRIEF_WORDS and not _NOT_BRIEF.search(after.text)
        and normalise(after.text) not in asked and not closing(after.text))
    return found if len(found) >= 2 else frozenset()


# The most words a brief answer beneath a restated paragraph has; what it never is: a lead-in
# (":"), a note's mark ("[1]"), a cry ("!").
_BRIEF_WORDS = 6
_NOT_BRIEF = re.compile(r":\s*$|^\s*\[\d+\]\s*$|!\s*$")


def _periods_joined(units: list[Unit]) -> list[Unit]:
    """A restated question that ends leading in a period ("…seized between the following
    period:") with the period on the line under it ("1st April 2022 – 31^st March 2023"): the
    period is the question's, not its answer (nor the request's words said again)."""
    out: list[Unit] = []
    for unit in units:
        above = out[-1] if out else None
        if above is not None and above.restated == "question" and unit.kind != "quote" \
                and above.text.rstrip().endswith(":") and unit.restated in ("", "echo") \
                and _DATE_RANGE.match(unit.text.strip()):
            out[-1] = replace(above, text=f"{above.text.rstrip()} {unit.text.strip()}")
            continue
        out.append(unit)
    return out


def _split_within(units: list[Unit], quotes: list[Unit], request: QuotedRequest
                  ) -> list[Unit]:
    """A reply paragraph that runs on into a restated question, where the reply's lines were
    wrapped ("…seized over 35,000 in 23/24" / "How many cases have been identified…"): split
    where the question begins, so that it is restated in its own right."""
    said = " ".join(normalise(q.text) for q in quotes)
    # Items long enough, opening in words the request says nowhere else ("(i) Please answer :
    # Yes, No or Don't know?" is asked under many).
    asked = [q for q in quotes if len(q.text) >= 30 and _is_item(q, quotes, request.listed)
             and said.count(" ".join(normalise(q.text).split()[:6])) == 1]
    if not asked:
        return units
    # Each item's first words, however the reply's lines broke between them.
    openings = [re.compile(r"(?<=[\s.])" + r"\s+".join(map(re.escape, q.text.split()[:6])))
                for q in asked]
    out: list[Unit] = []
    for unit in units:
        at = 0
        if unit.index not in request.quotes and unit.kind != "quote" \
                and _restates(unit, quotes) is None:
            at = next((m.start() for opening in openings if (m := opening.search(unit.text))), 0)
        if at:
            out.append(replace(unit, text=unit.text[:at].strip()))
            out.append(replace(unit, text=unit.text[at:].strip(), marker="", numbers=(),
                               label=""))
        else:
            out.append(unit)
    return out


def _parts_answered(units: list[Unit], restating: list[Unit | None], quotes: list[Unit],
                    bare: frozenset[int] = frozenset(), listed: frozenset[int] = frozenset()
                    ) -> frozenset[int]:
    """The quoted bullets that name parts of a question ("1. How many retailers…?" / "• 2022"
    / "• 2023"), where the reply answers two or more of them each on its own line ("• 2022 -
    5"). Options of which the reply answers one ("• Pubwatch  See attached policy") are not.
    """
    by_stem: dict[int, set[int]] = {}
    for unit, quoted in zip(units, restating):
        if quoted is None or (quoted.marker != "•" and quoted.index not in bare):
            continue
        if not _SEPARATOR.sub("", unit.text[_prefix_length(unit.text, quoted.text):]).strip():
            continue
        stem = next((q for q in reversed(quotes[:quotes.index(quoted)])
                     if q.marker != "•" and q.index not in bare), None)
        if stem is not None and (stem.numbers or "?" in stem.text
                                 or stem.text.rstrip().endswith(":")) \
                and not (quoted.index in listed and _lead_in(stem)):
            # (The bullets under "I would like the following information:" that the reply
            # restates one by one are the request's items, not parts of one question.)
            by_stem.setdefault(stem.index, set()).add(quoted.index)
    return frozenset(i for named in by_stem.values() if len(named) >= 2 for i in named)


# Parts a request lists one a line with their list marks lost ("Ahmed", "Ali", "Brown" under
# "How many people with the following surnames work for the council?"): short lines, at least
# this many, straight under a question or a lead-on line.
_MIN_BARE_PARTS = 3
_BARE_PART_WORDS = 4


def _bare_parts(quotes: list[Unit]) -> frozenset[int]:
    """The quoted paragraphs that are such unmarked parts."""
    found: set[int] = set()
    k = 0
    while k < len(quotes):
        stem = quotes[k]
        run = []
        j = k + 1
        if stem.text.rstrip().endswith(("?", ":")):
            while j < len(quotes) and _bare_part(quotes[j]) and \
                    quotes[j].index == quotes[j - 1].index + 1:
                run.append(quotes[j].index)
                j += 1
        if len(run) >= _MIN_BARE_PARTS:
            found.update(run)
            k = j
        else:
            k += 1
    return frozenset(found)


def _bare_part(unit: Unit) -> bool:
    text = unit.text.strip()
    return (not unit.marker and 0 < len(text.split()) <= _BARE_PART_WORDS
            and not text.endswith((".", "?", ":", ",", ";")) and not any(c.isdigit() for c in text))


def _part_stem(part: Unit, quotes: list[Unit]) -> str:
    """The quoted question a part stands under: the nearest quoted paragraph above it that
    asks, or leads on to its parts."""
    for quote in reversed(quotes[:quotes.index(part)]):
        if quote.marker != "•" and (quote.numbers or quote.text.rstrip().endswith(("?", ":"))):
            return quote.text
    return ""


def _lists_periods(question: Unit, quotes: list[Unit]) -> bool:
    """True when the bullets under a quoted question name periods ("• 2022", "• 2023")."""
    from ..cells.periods import period_of_label

    position = quotes.index(question) + 1
    listed = []
    while position < len(quotes) and quotes[position].marker == "•":
        listed.append(quotes[position].text)
        position += 1
    return len(listed) >= 2 and all(period_of_label(_BRACKETED.sub("", text)) is not None
                                    for text in listed)  # "2024 (to May 31)" is 2024


# A line led by a year, a split year or a quarter ("2022/23 - 2994", "2023/24, Approx £45,000",
# "2024 (to May 31) – 25"), then what it gives.
_PERIOD_LED = re.compile(r"(?P<label>(?:Q[1-4]\s+)?(?:19|20)\d\d(?:\s*[/\-–]\s*(?:19|20)?\d\d)?"
                         r"(?:\s*\([^)]{1,30}\))?)(?:\s*[,:\-–—]\s*|\s+)(?P<rest>\S.*)$", re.S)


_BRACKETED = re.compile(r"\s*\([^)]*\)")


def _period_line(unit: Unit) -> list[Unit]:
    """``unit`` as a part's label and its answer, where it opens with a period; else []."""
    from ..cells.periods import period_of_label

    m = _PERIOD_LED.match(unit.text)
    if m is None or period_of_label(_BRACKETED.sub("", m["label"])) is None:
        return []
    return [replace(unit, text=m["label"], restated="part"),
            replace(unit, text=m["rest"], marker="", numbers=(), label="", restated="",
                    kind="paragraph" if unit.kind == "list_item" else unit.kind)]


def _asks_part_of(unit: Unit, quotes: list[Unit]) -> bool:
    """True when ``unit`` is a question asked inside a quoted paragraph, after its start: the
    later question of an item that asks two ("…which the child didn't witness? Same for CIN
    plans?")."""
    if unit.marker or not unit.text.rstrip().endswith("?"):
        return False  # most of a reply: no more to it
    text = normalise(unit.text)
    return len(text) >= 12 and any(f" {text}" in words(q.text)[0] for q in quotes)


def _item_like(quote: Unit) -> bool:
    """A quoted paragraph that reads as an item of a list of them: it asks, names what is
    asked ("The total floor areas of the let and vacant units;"), or ends on the list's ";"."""
    text = quote.text.rstrip()
    return text.endswith(";") or reads_as_question(text) or names_what_is_asked(text)


def _quotes_on(rest: str, quoted: Unit, quotes: list[Unit]) -> bool:
    """True when ``rest`` repeats the quoted paragraph after ``quoted`` (an item the request's
    own line breaks cut in two: "• Any information on safeguarding…" / "For example, …")."""
    position = quotes.index(quoted)
    if position + 1 == len(quotes):
        return False
    said, again = normalise(quotes[position + 1].text), normalise(rest)
    return len(again) >= 12 and (said.startswith(again) or again.startswith(said))


def _lead_in_within(rest: str, quoted: Unit, quotes: list[Unit]) -> int:
    """Where in ``rest`` (the answer on a restated question's line) the quoted paragraph after
    ``quoted`` is said again, when that paragraph leads the next items in; 0 if it is not."""
    position = quotes.index(quoted)
    if not rest or position + 1 == len(quotes):
        return 0
    following = quotes[position + 1]
    if following.marker or not following.text.rstrip().endswith(":"):
        return 0
    at = rest.find(following.text.strip()[:40])
    return at if at > 0 else 0


def _rejoin(units: list[Unit], quotes: list[Unit], request: QuotedRequest) -> list[Unit]:
    """Join a restated question broken across lines ("…from dual-heritage" / "families? 4";
    "…either (1) or (2) to" / "see whether … rented." / "(Please refer to …)")."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        unit = units[k]
        k += 1
        text = normalise(unit.text)
        if unit.index in request.quotes or len(text) < 25:
            out.append(unit)
            continue
        said = next((normalise(q.text) for q in quotes
                     if normalise(q.text).startswith(text + " ")), None)
        while said is not None and k < len(units) and units[k].index not in request.quotes:
            rest, more = said[len(text):].strip(), normalise(units[k].text)
            if not more or not (more.startswith(rest) or rest.startswith(more + " ")):
                break
            unit = replace(unit, text=unit.text + " " + units[k].text)
            text = normalise(unit.text)
            k += 1
            if more.startswith(rest):
                break  # the question is whole (and its answer may follow on the line)
        out.append(unit)
    return out


def _restates(unit: Unit, quotes: list[Unit], bare: frozenset[int] = frozenset()) -> Unit | None:
    text = normalise(unit.text)
    if not text:
        return None
    best: Unit | None = None
    for quote in quotes:
        said = normalise(quote.text)
        if not said or not text.startswith(said):
            continue
        if len(said) < 25 and (
                (not quote.marker or quote.marker != unit.marker)
                and not (quote.index in bare and not unit.marker)
                or _FOLLOWS_ON.match(unit.text, len(quote.text.strip()))):
            continue  # short items ("2018", "Pubwatch") only under the same enumerator (or
            # none, for parts listed bare), and whole ("2018/19" is another label than "2018")
        if best is None or len(said) > len(normalise(best.text)):
            best = quote
    return best


def _prefix_length(text: str, prefix: str) -> int:
    """Where in ``text`` the words of ``prefix`` end, with its closing punctuation."""
    wanted = normalise(prefix)
    # Its closing punctuation, and the signs its words end with ("Ratio %?", "Charge (£) £?").
    tail = set("?!.,;:\"'’”)] ") | set(prefix[len(re.sub(r"\W+$", "", prefix)):])
    for end in range(len(prefix) // 2, len(text) + 1):
        if normalise(text[:end]) == wanted and (end == len(text) or not text[end].isalnum()):
            while end < len(text) and text[end] in tail | {" "}:
                end += 1
            return end
    return len(text)


def _is_item(quote: Unit, quotes: list[Unit], listed: frozenset[int] = frozenset()) -> bool:
    """A quoted paragraph that is a request item of its own (not a bullet, not a lead-in).

    Bullets ``listed`` (under a lead-in, restated one by one) are items, and their lead-in is not.
    """
    if requester_procedure(quote.text):
        return False  # "I would like the information in a spreadsheet": how, not what
    position = quotes.index(quote)
    following = quotes[position + 1] if position + 1 < len(quotes) else None
    if following is not None and _SUB.match(following.marker) and not _SUB.match(quote.marker) \
            and not _asks_over_subs(quote):
        return False  # a lead-in over sub-items: the sub-items are the items
    if (following is not None and not quote.marker and quote.text.rstrip().endswith((":", "."))
            and (following.numbers or (following.marker != "•" and reads_as_question(
                following.text))) and (reads_as_request_intro(quote.text)
                                       or "the following" in quote.text.lower())):
        return False  # "…please provide me with the following:" (or ".") over items that ask
    if following is not None and following.numbers and not quote.marker \
            and only_asks(_UNDER_THE_ACT.sub("", quote.text)):
        return False  # "Please tell me:", "I would like to know:" over numbered items (and
        # "Under the Freedom of Information Act 2000, please could you tell me:")
    if quote.marker != "•" and following is not None and following.index in listed:
        return False  # a lead-in over listed bullets
    if quote.marker == "•":
        return quote.index in listed
    if _SUB.match(quote.marker) and _stem_of(quote, quotes) is not None:
        return False  # "a.)" under "4.) Have you had incidents of the following…?": part of 4
    if _part_of_lettered(quote, quotes):
        return False  # "(ii) Please provide examples…" under "(d) Are there…? (i) …": part of (d)
    return bool(_SUB.match(quote.marker) or quote.numbers or reads_as_question(quote.text))


# "Under the Freedom of Information Act 2000, ": the law a request is made under, before it asks.
_UNDER_THE_ACT = re.compile(r"^(?:under|in\s+accordance\s+with|pursuant\s+to)\s+(?:the\s+)?"
                            r"[^,]{0,80}?\b(?:act|regulations)(?:\s+\(?\d{4}\)?)?\s*,\s*", re.I)
_ROMAN = re.compile(r"^\(?(?:ii|iii|iv|v|vi|vii|viii|ix|x)(?:\.\)|[.)])$", re.I)
_LETTER = re.compile(r"^\(?[a-h](?:\.\)|[.)])$", re.I)


def _part_of_lettered(quote: Unit, quotes: list[Unit]) -> bool:
    """True when ``quote`` is a roman sub-part ("(ii)", "(iii)") under a lettered item ("(d)")
    of the request: items are lettered, their parts numbered in roman under them."""
    if not _ROMAN.match(quote.marker):
        return False
    for before in reversed(quotes[:quotes.index(quote)]):
        if _ROMAN.match(before.marker):
            continue
        return bool(_LETTER.match(before.marker))
    return False


def _asks_over_subs(quote: Unit) -> bool:
    """A numbered question over lettered sub-items ("4.) Have you had incidents of the
    following? … a.) … b.) …"): the request item, its sub-items part of it."""
    return bool(quote.numbers) and not _SUB.match(quote.marker) and "?" in quote.text


def _stem_of(quote: Unit, quotes: list[Unit]) -> Unit | None:
    """The numbered question a lettered sub-item stands under, if it asks one itself."""
    for before in reversed(quotes[:quotes.index(quote)]):
        if _SUB.match(before.marker):
            continue
        return before if _asks_over_subs(before) else None
    return None


def _items(quotes: list[Unit], listed: frozenset[int] = frozenset()) -> list[str]:
    """The request's items: questions and sub-items; bullets join the item above them, unless
    they are ``listed``."""
    items: list[str] = []
    for quote in quotes:
        if _is_item(quote, quotes, listed):
            items.append(quote.text)
        elif (quote.marker == "•" or _SUB.match(quote.marker)) and items:
            items[-1] += " " + quote.text
    return items
