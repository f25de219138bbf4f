"""The authority's reference for a request, as printed.

Rules run in order and the first that finds a reference wins: a labelled
reference in the letterhead or opening ("Our ref:", "Reference:", "Request
ID", "our reference FOI 3471", a US letter's "FOIA FILE NO.:"), a labelled
reference anywhere in the reply, a reference in the e-mail subject or page
title ("[FOI 3471]", "(FOI/6612)", "request 101003456"), a letterhead line that
is a prefixed reference alone ("FOI2020/41771"), a "Re:" line's number, and last a
prefixed number anywhere in the reply ("See attached ‘FOI 1805584 – Data’"). A
reference holds at least one digit; "Your ref" is the requester's and is never
taken.

>>> find_reference_in("Date: 10 February 2020\\nOur ref: 6015464")
'6015464'
>>> find_reference_in("Freedom of Information Act 2000 - our reference FOI 3471")
'FOI 3471'
>>> find_reference_in("REQUEST DATE: August 10, 2015\\nFOIA FILE NO.: 15-4790")
'15-4790'
>>> find_reference_in("Freedom of Information Request: FOI 24/311")
'FOI 24/311'
"""

from __future__ import annotations

import re
from typing import Callable

from ..model import Document
from ..lexicon.scan import folded, matches, starts
from .zones import Zone, zones

_TOKEN = r"[A-Za-z0-9]+"
_PREFIX = r"(?:FOI|FOIA|EIR|FOISA|CAS|IR|RFI|REQ|SAR|CRN|ECC|NCC|OPRA|FOIL)"
# "FOI 3471", "FOI/2023/123", "DC/FOI 295/18" (a prefix after the force's letters).
VALUE = rf"(?P<ref>(?:{_PREFIX}[ ](?=\d))?{_TOKEN}(?:\s?[/\-]\s?(?:{_PREFIX}[ ](?=\d))?{_TOKEN})*)"
_LABEL = re.compile(
    r"(?<![\w])(?!(?<=your\s)(?!request\s+number))(?:"
    # "The reference number for your request is 944212."
    r"reference\s+(?:no\.?|number)\s+(?:for|of)\s+(?:your|this)\s+request\s+is\b"
    r"|our\s+ref(?:erence)?(?:\s+(?:no|number))?\.?"
    r"|my\s+ref\.?|[mo]/r\.?|ref(?:erence)?(?:\s+(?:no|number|id))?\.?"
    r"|request\s+(?:id|ref(?:erence)?(?:\s+(?:no|number))?|number)(?:\s+is\b)?|request(?=\s*#)"
    # "Freedom of Information Request: FOI 24/311", "EIR request: 1234"
    r"|(?:(?:freedom\s+of\s+information|foia?|eir)\s+)?request(?=[ \t]*:[ \t]*(?:[a-z]{2,6}[ /-]?)?\d)"
    # "Freedom of Information Request - FOI/2024/118": set off by a dash where the law names it,
    # the number alone to the line's end (not "… request - Covid-19 Additional Relief Fund")
    r"|(?:freedom\s+of\s+information|foia?|eir)\s+request(?=[ \t]*[–—-][ \t]*"
    rf"(?:{_PREFIX}[ /-]?)?\d[\w/-]*[ \t]*(?:$|\n))"
    # "Tracking Number: 19-FOIA-040", "Log number: F0045678", "Control No. 2019-12"
    r"|(?:tracking|log|control)\s+(?:no\.?|number)"
    # "PRR EPD-2025-3073": a US public records request's number
    r"|prr(?:\s+(?:no\.?|number))?"
    r"|freedom\s+of\s+information\s*[–—-]\s*response"
    r"|case\s+(?:ref(?:erence)?|number|id)|foi\s+ref(?:erence)?"
    r"|(?:foia?\s+)?file\s+(?:no|number)\.?)"
    r"(?:(?!\w)|(?-i:(?=[A-Z]{2,5}[/-]?\d)))[ \t]*(?:[:#.|–—-][ \t]*\n?[ \t]*|\n[ \t]*)?(?:number[ \t]*[:.]?[ \t]*)?" + VALUE,
    re.IGNORECASE)
_SUBJECT = re.compile(
    r"\[(?P<ref>[^\]]*\d[^\]]*)\]|\((?P<ref2>[A-Z]{2,6}[ /-]?\d[\w/-]*)\)"
    r"|\brequest[ \t]+(?:no\.?[ \t]+)?" + VALUE.replace("?P<ref>", "?P<ref3>"),
    re.IGNORECASE)
# The words a label starts with (case folded).
_LABEL_STARTS = ("our", "my", "ref", "request", "case", "foi", "file", "m/r", "o/r", "freedom",
                 "tracking", "log", "control", "prr", "eir")
_REQUEST_NUMBER = re.compile(r"\brequest[ \t]+(?:no\.?[ \t]+)?" + VALUE, re.IGNORECASE)
_YOUR_REF = re.compile(r"your\s*$", re.IGNORECASE)


def _clean(value: str) -> str:
    value = " ".join(value.split()).strip(" .,;:-")
    if len(value) > 40:
        return ""
    # Figures, or capitals joined by "/" ("CHS/AWZBQX", a reference of letters only).
    return value if any(c.isdigit() for c in value) or _LETTERS_REF.fullmatch(value) else ""


_LETTERS_REF = re.compile(r"[A-Z]{2,}(?:[/-][A-Z]{2,})+")


def _labelled(text: str) -> str:
    for m in matches(_LABEL, text, starts(folded(text), _LABEL_STARTS)):
        if _YOUR_REF.search(text[max(0, m.start() - 6):m.start()]) and not m.group(0).lower(
                ).startswith("request"):  # "Your request number is …" is the authority's
            continue
        ref = _clean(m.group("ref"))
        if ref and not re.fullmatch(r"\d{1,2}", ref):
            return ref
    return ""


def _subject(text: str, pattern: re.Pattern[str] = _SUBJECT, at: list[int] | None = None) -> str:
    """The reference in a subject line; ``at``: where ``pattern`` may match (None: anywhere)."""
    for m in matches(pattern, text, at):
        groups = m.groupdict()
        ref = _clean(groups.get("ref") or groups.get("ref2") or groups.get("ref3") or "")
        if ref and not re.fullmatch(r"\d{1,4}", ref):
            return ref
    return ""


def find_reference_in(text: str) -> str:
    """The first labelled reference in some text, or ``""``."""
    return _labelled(text)


ReferenceRule = Callable[[tuple[Zone, ...]], str]


def _first_in(parts: tuple[Zone, ...], names: tuple[str, ...],
              read: Callable[[str], str] = _labelled) -> str:
    """The first reference ``read`` finds in the zones named, in order."""
    for zone in parts:
        if zone.name in names:
            ref = read(zone.text)
            if ref:
                return ref
    return ""


def _rule_letterhead(parts: tuple[Zone, ...]) -> str:
    return _first_in(parts, ("furniture", "head"))


def _rule_body(parts: tuple[Zone, ...]) -> str:
    return _first_in(parts, ("body", "tail"))


def _rule_container(parts: tuple[Zone, ...]) -> str:
    return _first_in(parts, ("metadata",), lambda text: _labelled(text) or _subject(text))


def _rule_opening_request(parts: tuple[Zone, ...]) -> str:
    # "Freedom of Information Act 2000 - response to request NCC-054321"
    return _first_in(parts, ("head",), lambda text: _subject(
        text, _REQUEST_NUMBER, starts(folded(text), ("request",))))


# A line of the letterhead that is a request reference alone, with no label: "FOI2020/41771",
# "FOI 1306/25", "EIR-21-0457" (a request prefix, then numbers joined by "/" or "-").
# Or a cell of the letterhead's table to itself ("9 December 2020 | FOI2020/41771").
_BARE = re.compile(rf"(?:^|(?<=\|))[ \t]*(?P<ref>(?:{_PREFIX})[ /-]?\d{{2,}}(?:[ ]?[/-][ ]?\d+)*)"
                   rf"[ \t]*(?:$|(?=\|))", re.MULTILINE)


def _rule_letterhead_bare(parts: tuple[Zone, ...]) -> str:
    return _first_in(parts, ("furniture", "head"), lambda text: _subject(text, _BARE))


# A letter's "Re:" or "Subject:" line ("RE: 19-FOIA-040 ELERTS Corp Documents", "Re: 2021-HQFO-00060",
# "Subject: Freedom of Information Act Request received April 23, 2015" / "15-162 Vielmetti", a
# short line it wraps onto): its first token of figures joined by "-" or "/" (a letter prefix
# hyphened on), not a date.
_RE_LINE = re.compile(r"^[ \t]*(?:re|subject)[ \t]*:[^\n]*(?:\n[^\n]{1,30}$)?",
                      re.IGNORECASE | re.MULTILINE)
_JOINED = re.compile(r"(?<![\w/-])(?P<ref>(?:[A-Z]{2,6}-)?\d[A-Za-z0-9]*(?:[/-][A-Za-z0-9]+)+)"
                     r"(?![\w/-])")
# A date ("12/04/2023") or a span of years ("2017/2018", "2019-20"): no reference.
_DATE_LIKE = re.compile(r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}|(?:19|20)\d\d[/-](?:19|20)?\d\d")


def _re_line(text: str) -> str:
    """The reference on a "Re:" or "Subject:" line of ``text``, or ``""``.

    >>> _re_line("RE: 19-FOIA-040 ELERTS Corp Documents"), _re_line("Re: 2021-HQFO-00060")
    ('19-FOIA-040', '2021-HQFO-00060')
    >>> _re_line("Subject: FOIA Request received April 23, 2015 15-162 Vielmetti")
    '15-162'
    >>> _re_line("Re: your letter of 12/04/2023"), _re_line("Subject: trees planted in 2017/2018")
    ('', '')
    """
    for line in _RE_LINE.finditer(text):
        for m in _JOINED.finditer(line.group(0)):
            ref = _clean(m.group("ref"))
            if ref and not _DATE_LIKE.fullmatch(ref):
                return ref
    return ""


def _rule_re_line(parts: tuple[Zone, ...]) -> str:
    return _first_in(parts, ("furniture", "head"), _re_line)


# A request's number under its prefix anywhere in the reply, as its attachments are named ("See
# attached data titled ‘FOI 1805584 – Data’"): a last resort, where nothing labels one.
_PREFIXED = re.compile(r"(?<![\w/-])(?P<ref>(?:FOI|FOIA|EIR|FOISA)[ ]?\d{5,}(?:[/-]\d+)*)(?![\w/-])")


def _rule_prefixed_anywhere(parts: tuple[Zone, ...]) -> str:
    return _first_in(parts, ("body", "metadata"), lambda text: _subject(text, _PREFIXED))


REFERENCE_RULES: tuple[tuple[str, ReferenceRule], ...] = (
    ("letterhead_label", _rule_letterhead),
    ("body_label", _rule_body),
    ("opening_request", _rule_opening_request),
    ("subject_or_title", _rule_container),
    ("letterhead_bare", _rule_letterhead_bare),
    ("re_line", _rule_re_line),
    ("prefixed_anywhere", _rule_prefixed_anywhere),
)


def find_reference(document: Document) -> str:
    """The reference of the request a document answers, or ``""``.

    >>> from foiextract.model import Block, Document, Span
    >>> doc = Document((), "email", "a.eml", metadata={"subject": "RE: request [FOI 3471]"})
    >>> find_reference(doc)
    'FOI 3471'
    """
    parts = zones(document)
    for _name, rule in REFERENCE_RULES:
        ref = rule(parts)
        if ref:
            return ref
    return ""
