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
from importlib.resources import files

from ..model import Document
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


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0).rstrip("."), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(tokens: list[str]) -> str:
    return " ".join("and" if t == "&" else t.replace("’", "'").lower() for t in tokens)


def _norm(text: str) -> str:
    return _key([t for t, _s, _e in _tokens(text)])


@cache
def gazetteer() -> tuple[Authority, ...]:
    """All entries of the gazetteer (loaded once)."""
    text = files("foiextract.data").joinpath("foi_gazetteer.csv").read_text("utf-8")
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


@cache
def _first_tokens() -> tuple[frozenset[str], int]:
    keys = _by_variant()
    return frozenset(k.split(" ", 1)[0] for k in keys), max(len(k.split(" ")) for k in keys)


def _name_hits(text: str) -> list[tuple[int, int, Authority, str]]:
    """Gazetteer names in ``text``, longest first at each place (a word n-gram lookup)."""
    table = _by_variant()
    firsts, longest = _first_tokens()
    matches = list(_TOKEN.finditer(text.replace("’", "'") if "’" in text else text))
    words = [w if w != "&" else "and" for w in
             (m.group(0).rstrip(".").lower() for m in matches)]
    hits: list[tuple[int, int, Authority, str]] = []
    i = 0
    while i < len(words):
        if words[i] not in firsts:
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            hit = table.get(" ".join(words[i:i + n]))
            if hit is None:
                continue
            entry, variant = hit
            start, end = matches[i].start(), matches[i + n - 1].end()
            if _is_acronym(variant) and text[start:end].rstrip(".") != variant:
                continue  # "mod" and "gmp" in running text are not MOD and GMP
            hits.append((start, end, entry, variant))
            i += n - 1
            break
        i += 1
    return hits


# Bodies not listed by name, told by their form.
_GENERIC = re.compile(
    r"(?<![\w-])(?:[A-Z][\w'’-]*(?:\s+(?:and|of|&)\s+|\s+)){1,8}NHS\s+(?:Foundation\s+)?Trust\b"
    r"|(?<![\w-])(?:The\s+)?University\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
    r"|(?<![\w-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+University\b(?!\s+Hospital)")
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
    host = re.sub(r"^[a-z]+://", "", host).split("/", 1)[0].strip(".")
    domains = _by_domain()
    parts = host.split(".")
    for k in range(len(parts) - 1):  # the longest domain the host ends with
        entry = domains.get(".".join(parts[k:]))
        if entry is not None:
            return entry
    return None


@cache
def _by_domain() -> dict[str, Authority]:
    table: dict[str, Authority] = {}
    for entry in gazetteer():
        for domain in entry.domains:
            table.setdefault(domain.lower(), entry)
    return table


@dataclass(frozen=True, slots=True)
class _Mention:
    key: str
    style: str
    code: str
    zone: str
    order: int
    position: int
    weight: float


_LineMentions = tuple[tuple[int, str, str, str, str], ...]


def _mentions(zone: Zone, order: int, seen: dict[str, _LineMentions]) -> list[_Mention]:
    found: list[_Mention] = []
    weight = ZONE_WEIGHT[zone.name]
    offset = 0
    # Zones share their lines (the head and the tail are lines of the body): read each line once.
    for line in zone.text.split("\n"):
        if line not in seen:
            seen[line] = _line_mentions(line)
        for start, key, style, code, how in seen[line]:
            scale = DOMAIN_WEIGHT[zone.name] if how == "domain" else (
                weight * 0.75 if how == "generic" else weight)
            found.append(_Mention(key, style, code, zone.name, order, offset + start, scale))
        offset += len(line) + 1
    return found


def _line_mentions(line: str) -> _LineMentions:
    """``(start, key, style, code, how)`` for each authority named in one line."""
    found: list[tuple[int, str, str, str, str]] = []
    spans: list[tuple[int, int]] = []
    for start, end, entry, variant in _name_hits(line):
        found.append((start, entry.key, variant, entry.code, "name"))
        spans.append((start, end))
    generic = _GENERIC.finditer(line) if ("NHS" in line or "Universit" in line) else ()
    for m in generic:
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        style = " ".join(m.group(0).split())
        found.append((m.start(), style.lower(), style, "", "generic"))
    domains = _DOMAIN.finditer(line) if ("@" in line or "//" in line or "www." in line) else ()
    for m in domains:
        owner = lookup_domain(m.group(1))
        if owner:
            found.append((m.start(), owner.key, "", owner.code, "domain"))
    return tuple(sorted(found))


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
    mentions: list[_Mention] = []
    seen: dict[str, _LineMentions] = {}
    for order, zone in enumerate(zones(document)):
        mentions.extend(_mentions(zone, order, seen))
    if not mentions:
        return None
    # Each zone counts an authority once (a table of answers naming the Home Office ten times
    # is not ten letterheads); repeated mentions only break ties.
    scores: dict[str, float] = {}
    for (key, _zone), weight in _zone_weights(mentions).items():
        scores[key] = scores.get(key, 0.0) + weight
    for m in mentions:
        scores[m.key] += 0.01
    first = {m.key: (m.order, m.position) for m in reversed(mentions)}
    key = max(scores, key=lambda k: (scores[k], -first[k][0], -first[k][1]))
    styled = [m for m in mentions if m.key == key and m.style]
    if styled:
        chosen = min(styled, key=lambda m: (STYLE_ORDER.index(m.zone), m.order, m.position))
        name, code = chosen.style, chosen.code
    else:
        entry = next(e for e in gazetteer() if e.key == key)
        name, code = entry.name, entry.code
    return AuthorityFound(name, code, scores[key])
