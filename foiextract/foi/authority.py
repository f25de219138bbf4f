"""Which public authority wrote the letter: its name as it styles itself and its GSS code.

The gazetteer (``foiextract/data/foi_gazetteer.csv``) lists every UK local
authority with its ONS GSS code, the forms of its name in use ("London Borough
of Barnet", "Barnet Council") and its web domains, plus police forces, fire
services, NHS bodies, government bodies and universities (no code). Each
mention found scores by where it stands (letterhead and sign-off count most);
the authority with the highest score wins and is named as the letter names it
where it names itself most prominently.

>>> lookup_name("ROYAL BOROUGH OF GREENWICH").code
'E09000011'
>>> lookup_domain("foi@barnet.gov.uk").name
'London Borough of Barnet'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain, compress, count, islice
from typing import NamedTuple, Sequence

from ..lexicon.data import load_text
from ..model import Document
from ..lexicon.scan import folded, starts
from .zones import Zone, zones

ZONE_WEIGHT = {"furniture": 4.0, "head": 4.0, "metadata": 3.0, "tail": 3.0, "body": 1.0}
DOMAIN_WEIGHT = {"furniture": 2.0, "head": 2.0, "metadata": 3.0, "tail": 1.0, "body": 0.5}
# Prefer a style from the letterhead over one from the sign-off or the page title.
STYLE_ORDER = ("furniture", "head", "tail", "metadata", "body")


@dataclass(frozen=True, slots=True)
class Authority:
    """One gazetteer entry.

    >>> lookup_name("Enfield Council").kind
    'london_borough'
    """

    code: str
    name: str
    kind: str
    variants: tuple[str, ...]
    domains: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.code or self.name


@dataclass(frozen=True, slots=True)
class AuthorityFound:
    """The authority a document is from, named as the document styles it."""

    name: str
    code: str
    score: float


_TOKEN = re.compile(r"[A-Za-z0-9'’]+(?:[-.][A-Za-z0-9'’]+)*\.?|&")
# The same words and each line break, so that a name is never read across lines.
_TOKEN_OR_BREAK = re.compile(_TOKEN.pattern + r"|\n")
# The same read from lower-cased text with "’" made "'" (no capitals or curly quotes left).
_FOLDED_TOKEN_OR_BREAK = re.compile(r"[a-z0-9']++(?:[-.][a-z0-9']++)*+\.?|&|\n")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0).rstrip("."), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(tokens: list[str]) -> str:
    return " ".join("and" if t == "&" else t.replace("’", "'").lower() for t in tokens)


def _norm(text: str) -> str:
    return _key([t for t, _s, _e in _tokens(text)])


@cache
def gazetteer() -> tuple[Authority, ...]:
    """All entries of the gazetteer (loaded once)."""
    text = load_text("foi_gazetteer.csv")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    entries = []
    for row in csv.DictReader(lines):
        entries.append(Authority(
            code=row["code"], name=row["name"], kind=row["kind"],
            variants=tuple(v for v in row["variants"].split("|") if v),
            domains=tuple(d for d in row["domains"].split("|") if d)))
    return tuple(entries)


@cache
def _by_variant() -> dict[str, tuple[Authority, str]]:
    table: dict[str, tuple[Authority, str]] = {}
    for entry in gazetteer():
        for variant in entry.variants:
            table.setdefault(_norm(variant), (entry, variant))
    return table


def _is_acronym(variant: str) -> bool:
    return " " not in variant and len(variant) <= 6 and sum(c.isupper() for c in variant) >= 2


_Trie = dict[str, "_Trie | tuple[Authority, str]"]


@cache
def _names_trie() -> _Trie:
    """The gazetteer's names word by word, each word as tokens print it ("st", "st.", "&" for
    "and"); the name's entry and variant under ``""`` where a name ends."""
    root: _Trie = {}
    for key, hit in _by_variant().items():
        node = root
        for word in key.split(" "):
            child: _Trie = {}
            for printed in (word, word + ".", *(("&",) if word == "and" else ())):
                child = node.setdefault(printed, child)  # type: ignore[assignment]
            node = child
        node[""] = hit
    return root


def _name_hits(text: str) -> list[tuple[int, int, Authority, str]]:
    """Gazetteer names in ``text``, longest first at each place (a word n-gram lookup in each line).

    >>> [(s, e, v) for s, e, _a, v in _name_hits("From Kent County Council & Barnet Council.")]
    [(5, 24, 'Kent County Council'), (27, 42, 'Barnet Council')]
    """
    source = text.replace("’", "'") if "’" in text else text
    low = folded(source)
    tokens = (_FOLDED_TOKEN_OR_BREAK.findall(low) if low is not None
              else [m.group(0).lower() for m in _TOKEN_OR_BREAK.finditer(source)])
    trie = _names_trie()
    if trie.keys().isdisjoint(tokens):
        return []
    hits: list[tuple[int, int, Authority, str]] = []
    after = 0
    line = 0  # the first token of the line of the last name found, and that line's number
    line_no = 0
    line_ends: list[int] = []
    tokens.append("\n")  # the end of the last line: no name goes on over it
    # A place where a name starts: a word a name ends with or goes on from with the next word.
    # The words a name starts with are picked out of the hundreds of tokens by compress and map
    # (a loop in C) before the next word is looked at.
    firsts = compress(count(), map(trie.__contains__, tokens))
    for i in [i for i in firsts if "" in trie[tokens[i]] or tokens[i + 1] in trie[tokens[i]]]:
        if i < after:
            continue
        # Every name starting here, following the names a word at a time.
        names: list[tuple[int, tuple[Authority, str]]] = []
        node = trie.get(tokens[i])
        n = 1
        while isinstance(node, dict):
            if "" in node:
                names.append((n, node[""]))  # type: ignore[arg-type]
            if i + n >= len(tokens):
                break
            node = node.get(tokens[i + n])
            n += 1
        for n, (entry, variant) in reversed(names):
            if not line_ends:
                line_ends = list(accumulate(len(part) + 1 for part in source.split("\n")))
            # Names are found in order: count the breaks since the last name's line only.
            start_of_line = i
            while start_of_line > 0 and tokens[start_of_line - 1] != "\n":
                start_of_line -= 1
            line_no += tokens[line:start_of_line].count("\n")
            line = start_of_line
            places = _places(source, low, line_ends[line_no - 1] if line_no else 0, i + n - line)
            start, end = places[i - line][0], places[-1][1]
            if _is_acronym(variant) and text[start:end].rstrip(".") != variant:
                continue  # "mod" and "gmp" in running text are not MOD and GMP
            hits.append((start, end, entry, variant))
            after = i + n
            break
    return hits


def _places(source: str, low: str | None, start: int, count: int) -> list[tuple[int, int]]:
    """Where each of the first ``count`` words of the line of ``source`` starting at ``start``
    stands; ``low`` is ``source`` folded (its words stand where the source's do), or None."""
    end = source.find("\n", start)
    end = len(source) if end == -1 else end
    words = (_FOLDED_TOKEN_OR_BREAK.finditer(low, start, end) if low is not None
             else _TOKEN.finditer(source, start, end))
    return [m.span() for m in islice(words, count)]


# Bodies not listed by name, told by their form.
_GENERIC = re.compile(
    r"(?<![\w-])(?:[A-Z][\w'’-]*(?:\s+(?:and|of|&)\s+|\s+)){1,8}NHS\s+(?:Foundation\s+)?Trust\b"
    r"|(?<![\w-])(?:The\s+)?University\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    r"|(?<![\w-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+University\b(?!\s+Hospital)"
    # "NHS Manchester CCG", "NHS Kent and Medway Integrated Care Board", "Leeds Clinical
    # Commissioning Group": the NHS's commissioners.
    r"|(?<![\w-])(?!The\s)(?:NHS\s+)?(?:[A-Z][\w'’-]*(?:\s+(?:and|&)\s+|\s+)){1,5}?(?:CCG|Clinical\s+"
    r"Commissioning\s+Group|Integrated\s+Care\s+Board|ICB)\b")
_FORM_AND_DOMAIN_WORDS = ("NHS", "Universit", "Commissioning", "Integrated Care", "@", "//", "www.")
_SCHEME = re.compile(r"^[a-z]+://")
_DOMAIN = re.compile(r"(?:@|https?://|www\.)([a-z0-9][a-z0-9.-]*\.[a-z]{2,})", re.IGNORECASE)


def lookup_name(text: str) -> Authority | None:
    """The gazetteer entry one of whose names is ``text`` (any case), or None.

    >>> lookup_name("Kent County Council").code
    'E10000016'
    """
    hit = _by_variant().get(_norm(text))
    return hit[0] if hit else None


def lookup_domain(text: str) -> Authority | None:
    """The entry whose web domain ``text`` (an address, URL or host) ends with, or None.

    >>> lookup_domain("https://new.enfield.gov.uk/services").code
    'E09000010'
    """
    host = text.lower().rsplit("@", 1)[-1]
    host = _SCHEME.sub("", host).split("/", 1)[0].strip(".")
    domains = _by_domain()
    parts = host.split(".")
    for k in range(len(parts) - 1):  # the longest domain the host ends with
        entry = domains.get(".".join(parts[k:]))
        if entry is not None:
            return entry
    return None


@cache
def _by_key() -> dict[str, Authority]:
    table: dict[str, Authority] = {}
    for entry in gazetteer():
        table.setdefault(entry.key, entry)
    return table


@cache
def _by_domain() -> dict[str, Authority]:
    table: dict[str, Authority] = {}
    for entry in gazetteer():
        for domain in entry.domains:
            table.setdefault(domain.lower(), entry)
    return table


# A NamedTuple, not a frozen dataclass: a letter has dozens of mentions and a frozen dataclass's
# __init__ (object.__setattr__ per field) costs about three times as much to build.
class _Mention(NamedTuple):
    key: str
    style: str
    code: str
    zone: str
    order: int
    position: int
    weight: float


_LineMentions = tuple[tuple[int, str, str, str, str], ...]


def _mentions(zone: Zone, lines: list[str], order: int, seen: dict[str, _LineMentions]) -> list[_Mention]:
    found: list[_Mention] = []
    weight = ZONE_WEIGHT[zone.name]
    # Zones share their lines (the head and the tail are lines of the body): each line is read
    # once, by :func:`_line_mentions`, which keeps only the lines naming an authority.
    offset = 0  # where the line starts in the zone's text
    for line in lines:
        line_mentions = seen.get(line)
        if line_mentions is not None:
            for start, key, style, code, how in line_mentions:
                scale = DOMAIN_WEIGHT[zone.name] if how == "domain" else (
                    weight * 0.75 if how == "generic" else weight)
                found.append(_Mention(key, style, code, zone.name, order, offset + start, scale))
        offset += len(line) + 1
    return found


def _line_mentions(lines: list[str]) -> dict[str, _LineMentions]:
    """``(start, key, style, code, how)`` for each authority named in each line, by line; lines
    naming none are left out."""
    text = "\n".join(lines)
    found: dict[int, list[tuple[int, str, str, str, str]]] = {}
    spans: dict[int, list[tuple[int, int]]] = {}
    # One reading of all the lines: a name never runs over a line break.
    for start, end, entry, variant in _name_hits(text):
        k = text.count("\n", 0, start)  # the line's number
        first = text.rfind("\n", 0, start) + 1
        printed = text[start:end]
        if "&" in printed and printed != printed.upper() \
                and printed.replace(" & ", " and ").lower() == variant.lower():
            variant = printed  # "Devon & Somerset Fire & Rescue Service": styled as printed
        found.setdefault(k, []).append((start - first, entry.key, variant, entry.code, "name"))
        spans.setdefault(k, []).append((start - first, end - first))
    # Only lines holding "NHS", "Universit", "@", "//" or "www." can name a body by its form or
    # by its web domain.
    for k in sorted({text.count("\n", 0, at) for at in starts(text, _FORM_AND_DOMAIN_WORDS) or []}):
        line = lines[k]
        if "NHS" in line or "Universit" in line or "Commissioning" in line or "Integrated Care" in line:
            for m in _GENERIC.finditer(line):
                if any(s < m.end() and m.start() < e for s, e in spans.get(k, ())):
                    continue
                style = " ".join(m.group(0).split())
                found.setdefault(k, []).append((m.start(), style.lower(), style, "", "generic"))
        if "@" in line or "//" in line or "www." in line:
            for m in _DOMAIN.finditer(line):
                owner = lookup_domain(m.group(1))
                if owner:
                    found.setdefault(k, []).append((m.start(), owner.key, "", owner.code, "domain"))
    return {lines[k]: tuple(sorted(mentions)) for k, mentions in found.items()}


def _asks(line: str) -> bool:
    return line.rstrip(" )\"'”’").endswith("?")


def _zone_weights(mentions: list[_Mention]) -> dict[tuple[str, str], float]:
    best: dict[tuple[str, str], float] = {}
    for m in mentions:
        slot = (m.key, f"{m.order}:{'domain' if not m.style else 'name'}")
        best[slot] = max(best.get(slot, 0.0), m.weight)
    return best


def find_authority(document: Document) -> AuthorityFound | None:
    """The authority a document comes from, or None when no name or domain is known.

    >>> from foiextract.model import Block, Document, Span
    >>> doc = Document((Block("paragraph", (Span("London Borough of Croydon"),)),), "html",
    ...                "a.html", metadata={"title": "FOI | Croydon Council"})
    >>> find_authority(doc).name
    'London Borough of Croydon'
    """
    parts = zones(document)
    lines = [zone.text.split("\n") for zone in parts]
    seen = _line_mentions(list(dict.fromkeys(chain.from_iterable(lines))))
    # A body named in a question ("How many are awaiting sign off from the Home Office?") is who
    # the question is about, not who answers it: such lines choose no authority, though they may
    # still show how the chosen one styles its name.
    told = {line: found for line, found in seen.items() if not _asks(line)}
    mentions: list[_Mention] = []
    named: list[_Mention] = []
    for order, (zone, zone_lines) in enumerate(zip(parts, lines)):
        mentions.extend(_mentions(zone, zone_lines, order, told))
        named.extend(_mentions(zone, zone_lines, order, seen) if len(told) < len(seen) else [])
    if not mentions:
        # A request platform's page names the agency the request went to ("… filed this
        # request with the Irvine Police Department of Irvine, CA."): where the letters name
        # no body the gazetteer knows, and none names itself, that is who answered.
        agency = document.metadata.get("agency", "")
        return _self_named(parts) or (AuthorityFound(agency, "", 0.4) if agency else None)
    receiver = _receiver(parts)
    # Each zone counts an authority once (a table of answers naming the Home Office ten times
    # is not ten letterheads); repeated mentions only break ties.
    scores: dict[str, float] = {}
    for (key, _zone), weight in _zone_weights(mentions).items():
        scores[key] = scores.get(key, 0.0) + weight
    for m in mentions:
        scores[m.key] += 0.01
    first = {m.key: (m.order, m.position) for m in reversed(mentions)}
    key = max(scores, key=lambda k: (scores[k], -first[k][0], -first[k][1]))
    if receiver and not any(m.key == key and m.style and (m.style.lower() in receiver.lower()
                                                          or receiver.lower() in m.style.lower())
                            for m in named or mentions):
        # "…received by the Greater Manchester Combined Authority (GMCA)": the letter says
        # who received the request; a body its answers mention (its fire service) is not it.
        # ("…received by the Health Board" is the Betsi Cadwaladr University Health Board
        # named, by its kind.)
        return AuthorityFound(receiver, "", 0.5)
    # An acronym ("DWP") is how a letter shortens its name, not how it styles it.
    styled = [m for m in named or mentions if m.key == key and m.style
              and not _is_acronym(m.style)]
    if styled:
        chosen = min(styled, key=lambda m: (STYLE_ORDER.index(m.zone), m.order, m.position))
        name, code = chosen.style, chosen.code
    else:
        entry = _by_key()[key]
        name, code = entry.name, entry.code
    return AuthorityFound(name, code, scores[key])


# A body the gazetteer does not know, naming itself as the one that received the request: "The
# Chicago Police Department (“CPD”) is in receipt of your …", "…request received by the
# Department of Human Resources (“DHR”) on …".
_BODY = (r"((?:[A-Z][\w&'’.-]*\s+(?:(?:of|and|for|on|the)\s+)*){0,6}"
         r"(?:Department|Office|Agency|Commission|Authority|Board|Council|Police|Service|"
         r"Administration|Bureau|Ministry|Trust|Court|District|Institute|University|College|"
         r"Enforcement)"
         r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w&'’-]*\s*){1,4})?)")
# "The Township of Hamilton", "the City of Elgin": a municipality by name.
_PLACE_KINDS = r"(?:City|County|Town|Township|Village|Borough)"
_PLACE_BODY = (r"(" + _PLACE_KINDS + r"\s+of\s+[A-Z][\w.'’-]*"
               r"(?:\s+[A-Z][\w.'’-]*){0,2}?)")
_RECEIVES = re.compile(r"\b(?:The\s+)?(?:" + _BODY + "|" + _PLACE_BODY + r")\s*(?:\([^)]{2,12}\)\s*)?"
                       r"(?:has\s+)?"
                       r"(?:received|is\s+in\s+receipt\s+of|acknowledges\s+receipt\s+of)\s+your\b"
                       r"|\breceived\s+by\s+(?:the\s+)?" + _BODY
                       + r"|\bOn\s+behalf\s+of\s+(?:the\s+)?" + _BODY + r"\s*(?:\([^)]{2,12}\))?\s*,\s*"
                       r"(?:I|we)\s+(?:am|are)\s+(?:responding|writing|replying)\b"
                       # "… your Freedom of Information Act (FOIA) request to U.S. Immigration and
                       # Customs Enforcement (ICE), dated …": the body it went to.
                       r"|\byour\s+(?:[A-Z][\w ]{0,40}?\s+(?:\([A-Z]{2,6}\)\s+)?)?request\s+to\s+"
                       r"(?:the\s+)?" + _BODY)


def _self_named(parts: Sequence[Zone]) -> AuthorityFound | None:
    """The authority as a letter from a body the gazetteer does not know names itself: where
    it says it received the request, in its fullest form a line of the sign-off gives ("City of
    Chicago Department of Human Resources" for "the Department of Human Resources"), else the
    sign-off's line that is a body's name alone ("Chicago Police Board"); None where neither.

    >>> from foiextract.model import Block, Document, Span
    >>> doc = Document((Block("paragraph", (Span("The Chicago Police Department (CPD) received "
    ...                 "your request on August 10, 2015."),)),), "text", "a.txt")
    >>> find_authority(doc).name
    'Chicago Police Department'
    """
    named = ""
    for zone in parts:
        m = _RECEIVES.search(zone.text)
        if m is not None:
            named = " ".join((m[1] or m[2] or m[3] or m[4] or m[5] or "").split())
            named = named[4:] if named.lower().startswith("the ") else named
            break
    # A line of the sign-off that is a body's name, or ends in one after a comma ("FOI Officer,
    # Southdale District Council").
    signed = [_after_team(m[0]) for zone in parts if zone.name == "tail"
              for line in _signed_lines(zone.text)
              if (m := _BODY_LINE.fullmatch(line) or _BODY_LINE.fullmatch(line.rsplit(", ", 1)[-1]))
              and not _OWN_OFFICE.search(m[0]) and not _unnamed(m[0])]
    if len(named.split()) >= 2:
        fuller = next((line for line in signed if line.endswith(named) and line != named), None)
        if fuller is None:
            # The letterhead's fuller form: "U.S. Department of Homeland Security Washington, DC
            # 20528" for "the Department of Homeland Security".
            head = [line.strip() for zone in parts if zone.name == "head"
                    for line in zone.text.split("\n")[:_LETTERHEAD_LINES]]
            fuller = next((m[0] for line in head if (m := re.match(
                r"(?!The\b)(?:[A-Z][\w.&'’-]*\s+){1,3}" + re.escape(named) + r"\b", line))), None)
        return AuthorityFound(fuller or named, "", 0.5)
    if signed:
        # The sign-off names the team, then the body it is part of ("Libraries Service" /
        # "Eastfield Council"): the body is the last.
        return AuthorityFound(signed[-1], "", 0.4)
    spelt = _spelt_by_domain(parts)
    if spelt:
        return AuthorityFound(spelt, "", 0.4)
    # "CITY OF ANN ARBOR, MICHIGAN" heading the letter: a city, county, town or village by name.
    head = [line.strip() for zone in parts if zone.name == "head"
            for line in zone.text.split("\n")[:_LETTERHEAD_LINES]]
    place = next((m for line in head if (m := _MUNICIPALITY.match(line))), None)
    if place:
        return AuthorityFound(_titled(place["name"]), "", 0.4)
    # "Anytown Borough Council" alone on a line of the letterhead, or with its address after it
    # (the lines of a text letter's letterhead run together): a body by its own name.
    body = next((m[1] for line in head if (m := _BODY_HEADING.fullmatch(line))
                 and not _OWN_OFFICE.search(m[1]) and not _unnamed(m[1])), None)
    return AuthorityFound(body, "", 0.3) if body else None


def _after_team(name: str) -> str:
    """The body a team's name runs on into (the sign-off's lines run together): "Community
    Safety Team Westvale Borough Council" is signed by Westvale Borough Council.

    >>> _after_team("Community Safety Team Westvale Borough Council")
    'Westvale Borough Council'
    >>> _after_team("Chicago Police Department")
    'Chicago Police Department'
    """
    teams = list(_TEAM.finditer(name))
    rest = name[teams[-1].end():].strip() if teams else ""
    return rest if rest and _BODY_LINE.fullmatch(rest) and not _unnamed(rest) else name


_TEAM = re.compile(r"\b(?:Team|Unit|Division|Section|Directorate|Services)\b")


def _unnamed(body: str) -> bool:
    """True when a body's name is all kinds of body ("Fire and Rescue Service", "The Police
    Department"): it names no one body.

    >>> _unnamed("Fire and Rescue Service"), _unnamed("Westshire Fire and Rescue Service")
    (True, False)
    """
    return all(word.lower() in _KINDS_OF_BODY for word in re.findall(r"[\w'’]+", body))


_KINDS_OF_BODY = frozenset(
    "the of and for on fire rescue service services police department office agency commission "
    "authority board council trust court district institute university college enforcement "
    "administration bureau ministry borough county city town village township metropolitan "
    "combined unitary parish community health nhs foundation hospital hospitals clinical "
    "commissioning group care public local government state national".split())


def _spelt_by_domain(parts: Sequence[Zone]) -> str:
    """A municipality the letter names whose name, run together, is a label of its own web or
    e-mail domain ("the City of Elgin" and www.cityofelgin.org, "Township of Hamilton" and
    securemail.townshipofhamilton.com); "" where none is.

    >>> from foiextract.model import Block, Document, Span
    >>> doc = Document((Block("paragraph", (Span("Write to the City of Elgin at "
    ...                 "foia@cityofelgin.org."),)),), "text", "a.txt")
    >>> _spelt_by_domain(zones(doc))
    'City of Elgin'
    """
    text = "\n".join(zone.text for zone in parts)
    labels = {label for host in _DOMAIN.findall(text) for label in host.lower().split(".")}
    if not labels:
        return ""
    for m in re.finditer(_PLACE_BODY, text):
        words = m[1].split()
        for end in range(3, len(words) + 1):  # "City of Elgin" before "City of Elgin Legal"
            name = " ".join(words[:end]).rstrip(".")  # (the sentence's stop is not the name's)
            if re.sub(r"[^a-z0-9]", "", name.lower()) in labels:
                return name
    return ""


# A team or office within a body ("Freedom of Information Office", "Information Governance
# Department"), which names no authority.
_OWN_OFFICE = re.compile(r"\b(?:Freedom\s+of\s+Information|FOI|Information\s+(?:Governance|Rights|"
                         r"Management|Compliance)|Data\s+Protection|Records|Legal|Customer|"
                         r"Corporate|Complaints?|Communications)\b", re.I)
# How many of a letter's first lines hold its letterhead.
_LETTERHEAD_LINES = 6
_MUNICIPALITY = re.compile(r"(?P<name>" + _PLACE_KINDS + r"\s+of\s+"
                           r"[A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,3}?)\s*(?:,|$)", re.I)


def _titled(name: str) -> str:
    """A name set in capitals written as a name: "CITY OF ANN ARBOR" as "City of Ann Arbor"."""
    if not name.isupper():
        return name
    return " ".join(w.lower() if w.lower() in ("of", "the", "and", "for") else w.capitalize()
                    for w in name.split())


def _receiver(parts: Sequence[Zone]) -> str:
    """The body the letter's opening says received the request ("received by the Greater
    Manchester Combined Authority", "The Chicago Police Department received your …"), named
    in two words or more; "" where it says none."""
    for zone in parts:
        if zone.name not in ("head", "body"):
            continue
        m = _RECEIVES.search(zone.text)
        if m is not None and (m[1] or m[2] or m[3]):
            named = " ".join((m[1] or m[2] or m[3] or "").split())
            named = named[4:] if named.lower().startswith("the ") else named
            return named if len(named.split()) >= 2 else ""
        if m is not None:
            return ""
    return ""


def _signed_lines(text: str) -> list[str]:
    """The lines under a letter's last sign-off ("Sincerely," / name / title / body)."""
    lines = [" ".join(raw.split()) for raw in text.split("\n")]
    ends = [k for k, line in enumerate(lines) if _SIGN_OFF.match(line)]
    return lines[ends[-1] + 1:ends[-1] + 8] if ends else []


_SIGN_OFF = re.compile(r"(?:yours\s+(?:sincerely|faithfully|truly)|sincerely|(?:kind\s+|best\s+)?"
                       r"regards|respectfully)\b[,.]?$", re.I)
_BODY_LINE = re.compile(r"(?:The\s+)?" + _BODY.replace("{0,6}", "{1,6}"))
# A body's name heading its letterhead, alone or followed by its address (a street, a postcode
# or a ZIP code in what follows).
_BODY_HEADING = re.compile(r"(?:The\s+)?" + _BODY.replace("{0,6}", "{1,6}") +
                           r"(?:[,\s]+(?=.*?(?:\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"
                           r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b(?:Street|Road|Avenue|Lane|Square|"
                           r"Place|Way|Drive|Boulevard|Hall|House|Centre|Center|Building|"
                           r"P\.?\s?O\.?\s+Box)\b)).*)?")
