"""Plain-text reader: paragraphs, enumerated items and quotes read off the lines themselves.

Plain text has no emphasis, so structure comes from the lines: blank lines
separate paragraphs; hard-wrapped lines are re-joined (a line is wrapped when
the next line's first word would not have fitted on it); lines that begin
with an enumerator (``1.``, ``1)``, ``1/``, ``Q1``, ``(a)``, ``(i)``) or a bullet are
list items, and lines indented under an item belong to it; ``> `` lines are
quote blocks; short ALL-CAPS paragraphs are headings. Every line that is not
wrapped starts a new block, blank line before it or not: whether a writer puts
blank lines between paragraphs, between every line, or (a request platform's
rendering) nowhere is their habit, not the letter's structure. Signatures,
disclaimers, the request platform's footer and the header of a quoted original
message go to furniture.

:func:`layout` is shared by the email and web-page readers. A request
platform's thread export (``===== OUTGOING …`` / ``===== INCOMING …``) is read
into ``Document.messages``, one Document a message.

>>> lay = layout("YOUR REQUEST\\n\\n> How many PCNs were\\n> issued?\\n\\n1. About two\\n   thousand.\\n")
>>> [(b.kind, b.marker, b.text) for b in lay.blocks]
[('heading', '', 'YOUR REQUEST'), ('quote', '', 'How many PCNs were issued?'), ('list_item', '1.', 'About two thousand.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable, Sequence

from ..lexicon.data import load_json
from ..lexicon.text import (FOLLOW_UP, NAMES_ITEM_BY_PLACE, NAMES_ITEMS, OPEN_END_WORDS,
                            PERIOD_FIGURE, counted_item, name_line, opens_asking,
                            part_divider)
from ..errors import BadEncoding, EmptyFile
from ..model import Block, BlockKind, Document, Source, Span
from . import alaveteli, bom_encoding, muckrock, read_text_file
from .text_tables import box_table, figure_grid, grid_table, is_box_line, starts_with_period

_ROMAN = r"(?:i{1,3}|iv|vi{0,3}|ix|x)"
_ENUMERATOR = re.compile(
    rf"^(?P<marker>\((?:\d{{1,3}}|[a-z]|{_ROMAN})\)"          # (1) (a) (iv)
    rf"|\d{{1,3}}\.[A-Za-z][.)]?(?=\s)"                       # 1.A 1.b 2.c)
    rf"|\d{{1,3}}(?:\.\)|[.)/])(?![\d/])"                     # 1. 1) 1.) 1/
    # 1a) 1a. 1(a) 2(ii). 3c)If, and 1a bare before what is not lower case (not "18m and above")
    rf"|\d{{1,3}}(?:[a-z]|\((?:[a-z]|{_ROMAN})\))(?:(?:\.\)|[.)])(?=\s|[A-Z])|(?=\s+[^\sa-z]))"
    rf"|(?:[a-z]|{_ROMAN})(?:\.\)|[.)])"                      # a) a. iv) a.)
    r"|[A-Z]\)"                                               # A)
    r"|Q\d{1,3}[.):]?(?=\s+[A-Z(\[\"'‘“])|Q\d{1,3}[.):])"     # Q1 Q1) Q1:
    r"(?=\s|$|[A-Z])")
_BULLET = re.compile(r"^(?:[•·▪◦●‣*–-]|o(?=\s))(?=\s)"
                     # "-The number of stores …": a dash set against its item's first word
                     r"|^[•▪●‣–-](?=[A-Z][a-z])")
# Word's outline bullets by level ("•", then "o", then "▪"): pasted as text with the indents
# lost, the glyph alone still says an "o" item is nested under the "•" item above it.
_BULLET_LEVEL = {"o": 1, "◦": 1, "▪": 2, "■": 2}
# An answer's label opening a line, its answer after it: "Response: 146", "Answer - Yes".
# (Capitalised: "… (i) Please" / "answer : Yes, No or Don't know" is a sentence wrapped.)
_ANSWER_LINE = re.compile(r"(?:Our\s+|OUR\s+)?(?:Response|Answer|Reply|RESPONSE|ANSWER|REPLY)\s*"
                          r"[:–—-]\s*\S")
# A short label and its value on one line: a field, a line of its own.
_FIELD_LINE = re.compile(r"^[A-Z][^:]{2,80}:\s*\S.{0,40}$")
# A prose answer naming the item it answers ("In response to question 3,", "Regarding point 2").
_NAMES_ITEM = re.compile(rf"^(?:{NAMES_ITEMS}\s*\d|{NAMES_ITEM_BY_PLACE})", re.I)
# A request's follow-up to its last question ("If so, please …", "If yes, which …").
_FOLLOW_UP = re.compile(rf"^{FOLLOW_UP},?\s", re.I)
# A line ending on a word no sentence ends on: the sentence goes on below it.
_OPEN_END = re.compile(rf"\s(?:{OPEN_END_WORDS})$", re.I)
_QUOTE_PREFIX = re.compile(r"^ {0,3}((?:> ?)+)")
_SPACES = re.compile(r"[ \t\u00a0\u200e\u200f]+")
_THREAD_HEADER = re.compile(
    r"^===== (?P<direction>OUTGOING|INCOMING) (?P<when>\S+)(?: message_id=(?P<id>\d+))?\s*$",
    re.MULTILINE)
_THREAD_TITLE = re.compile(r"^# (?P<title>.*?)(?: \((?P<about>[^()]*)\))?$")
_CAPS_LETTERS = re.compile(r"[A-Za-z]")

# A body counts as "dense" (no blank line between its paragraphs, so no ALL-CAPS line in it is
# a heading) when it has fewer blank lines than this share.
DENSE_BLANK_SHARE = 0.05
_LONG_LINE = 40


@dataclass(frozen=True, slots=True)
class Layout:
    """What a plain-text body holds: its blocks and the furniture kept out of them."""

    blocks: tuple[Block, ...]
    furniture: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    depth: int
    indent: int
    text: str
    furniture: bool = False


def read(path: str) -> Document:
    """Read a ``.txt`` file: a letter, or a request platform's thread export."""
    text, encoding = _decode(path)
    metadata = {"encoding": encoding} if encoding != "utf-8" else {}
    if _THREAD_HEADER.search(text):
        return read_thread(text, path, metadata)
    if muckrock.is_page(text):
        return muckrock.read_page(text, path, metadata)
    if alaveteli.is_thread(text):
        return alaveteli.read_thread(text, path, metadata)
    lay = layout(text)
    if not lay.blocks and not lay.furniture:
        raise EmptyFile(path, "the file has no text")
    return Document(lay.blocks, "text", path, lay.furniture, metadata)


def _decode(path: str) -> tuple[str, str]:
    # Council exports are often Windows-1252; a strict cp1252 decode still
    # rejects bytes that encoding leaves undefined, so binary junk stays an error.
    try:
        return read_text_file(path), "utf-8"
    except BadEncoding:
        if bom_encoding(Path(path).read_bytes()[:4]):
            raise  # broken UTF-16/32: not Windows-1252 either
        try:
            text = Path(path).read_bytes().decode("cp1252")
        except UnicodeDecodeError:
            raise BadEncoding(path, "the text is neither UTF-8 nor Windows-1252") from None
        if not text.strip():
            raise EmptyFile(path) from None
        return text.replace("\r\n", "\n").replace("\r", "\n"), "windows-1252"


def read_thread(text: str, source: str, metadata: dict[str, str] | None = None) -> Document:
    """A thread export: ``# title`` then ``===== OUTGOING|INCOMING <iso> message_id=N`` sections.

    The thread's blocks are its messages' blocks one after another.
    """
    meta = dict(metadata or {})
    first = text.lstrip("\n").split("\n", 1)[0]
    title = _THREAD_TITLE.match(first)
    if title:
        meta["title"] = title["title"].strip()
    heads = list(_THREAD_HEADER.finditer(text))
    messages = []
    for n, head in enumerate(heads):
        end = heads[n + 1].start() if n + 1 < len(heads) else len(text)
        body = text[head.end():end].lstrip("\n")
        first_line = text.count("\n", 0, end - len(body)) + 1
        when = head["when"]
        msg_meta = {"direction": head["direction"].lower(), "date": when[:10], "datetime": when}
        if head["id"]:
            msg_meta["message_id"] = head["id"]
        names = attachment_names(body)
        if names:
            msg_meta["attachments"] = "; ".join(names)
        lay = layout(body, first_line)
        messages.append(Document(lay.blocks, "text", source, lay.furniture, msg_meta))
    blocks = tuple(b for m in messages for b in m.blocks)
    return Document(blocks, "text", source, (), meta, messages=tuple(messages))


def attachment_names(body: str) -> list[str]:
    """File names a platform export lists under ``N Attachment(s)`` (name, then size)."""
    rules = _rules()
    lines = [ln.strip() for ln in body.split("\n")]
    names = []
    for n, line in enumerate(lines):
        if rules["attachment_list"].match(line):
            for m in range(n + 1, min(len(lines) - 1, n + 1 + 5 * 20)):
                if rules["attachment_size"].match(lines[m + 1]) and lines[m]:
                    names.append(lines[m])
    return names


@cache
def _rules() -> dict[str, Any]:
    data: dict[str, Any] = load_json("text_furniture.json")

    def any_of(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    fields = "|".join(data["original_header_fields"])
    return {
        "signature": any_of(data["signature_delimiter"]),
        "footer_to_end": any_of(data["footer_to_end"]),
        "footer_line": any_of(data["footer_lines"]),
        "original": any_of(data["original_message"]),
        "header_field": re.compile(rf"^(?:{fields}):\s", re.IGNORECASE),
        "wrote": any_of(data["wrote_line"]),
        "attachment_list": re.compile(data["attachment_list"], re.IGNORECASE),
        "attachment_size": re.compile(data["attachment_size"], re.IGNORECASE),
        "disclaimer": any_of(data["disclaimer"]),
        "sign_off": any_of(data["sign_off"]),
        "label_line": any_of(data["label_line"]),
        # Every line the furniture rules could take, in one test (the rest, most lines, are
        # passed by it alone): a two-line pattern's first line stands for it.
        "maybe": any_of([*data["signature_delimiter"], *data["footer_lines"],
                         *data["original_message"], *data["wrote_line"], "^from:",
                         data["attachment_list"], data["attachment_size"],
                         *(_first_line(p) for p in data["footer_to_end"])]),
    }


def _first_line(pattern: str) -> str:
    """What a pattern over two lines asks of the first ("^-{20,}\\nplease use …" -> "^-{20,}")."""
    return pattern.split("\\n", 1)[0]


_GRID_LINES = 60  # lines a table of figures under periods is looked for in


def layout(text: str, first_line: int = 1, *, width: int | None = None,
           line_map: Sequence[int] | None = None) -> Layout:
    """Lay out a plain-text body (already decoded) into blocks and furniture.

    ``first_line`` is the number of the body's first line in its file, for
    each block's :class:`Source`; or ``line_map`` gives the file line of each of its lines
    (text taken out of a web page). ``width`` is the width its lines were wrapped at, when
    the caller knows it better than the body alone tells (see :func:`wrap_width`).
    """
    lines = _mark_furniture(_split_lines(text, first_line, line_map))
    body = [ln for ln in lines if not ln.furniture]
    nonblank = [ln for ln in body if ln.text]
    at = [n for n, ln in enumerate(body) if ln.text]
    inner = at[-1] - at[0] + 1 if at else 0  # the body's lines from its first text to its last
    dense = len(nonblank) >= 4 and (inner - len(nonblank)) < DENSE_BLANK_SHARE * len(nonblank)
    if width is None:
        width = wrap_width([ln.indent + len(ln.text) for ln in nonblank])
    blocks: list[Block] = []
    furniture: list[Block] = []
    group: list[_Line] = []

    def flush() -> None:
        if group:
            if group[0].furniture:
                furniture.append(_plain_block(group))
            else:
                blocks.extend(_blocks_of(group, width, dense))
            group.clear()

    drawn: list[_Line] = []  # the lines of a table drawn with box characters
    skip = 0
    for k, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if not line.text:  # a blank line (most of a web page's): it ends what was open
            if drawn:
                blocks.extend(box_table([(ln.number, ln.text) for ln in drawn]))
                drawn = []
            if group:
                flush()
            continue
        if not line.furniture and starts_with_period(line.text) and not drawn:
            window = [(n, ln) for n, ln in enumerate(lines[k:k + _GRID_LINES], k)
                      if not ln.furniture]
            rows = figure_grid([(ln.number, ln.text) for _, ln in window])
            if rows:
                flush()
                blocks.append(grid_table([(ln.number, ln.text) for _, ln in window[:rows]]))
                skip = window[rows - 1][0] - k
                continue
        if not line.furniture and is_box_line(line.text):
            flush()
            drawn.append(line)
            continue
        if drawn:
            blocks.extend(box_table([(ln.number, ln.text) for ln in drawn]))
            drawn = []
        if group and (line.depth, line.furniture) != (group[0].depth, group[0].furniture):
            flush()
        group.append(line)
    flush()
    if drawn:
        blocks.extend(box_table([(ln.number, ln.text) for ln in drawn]))
    disclaimer = [bool(_rules()["disclaimer"].search(b.text.strip())) for b in blocks]
    kept = [b for b, moves in zip(blocks, disclaimer) if not moves]
    moved = [b for b, moves in zip(blocks, disclaimer) if moves]
    return Layout(tuple(kept), _dedupe(furniture + moved))


# Paragraphs that are the lines of hard-wrapped text (an e-mail pasted into Word, one paragraph a
# line): at least this many, this share of them carrying on into a next that begins in lower
# case, and nine in ten no longer than a line.
_MIN_WRAPPED_LINES = 12
_RUN_ON_SHARE = 0.2
_LINE_WIDTH = 100


def hard_wrapped(paragraphs: Sequence[str]) -> bool:
    """True when ``paragraphs`` are the lines of hard-wrapped text, not paragraphs: many stop
    short of a sentence's end and the next carries the sentence on in lower case.

    >>> hard_wrapped(["Thank you for your request received", "on 3 July regarding data."] * 6)
    True
    >>> hard_wrapped(["Thank you for your request received on 3 July.", "We hold none."] * 6)
    False
    """
    texts = [t.strip() for t in paragraphs if t.strip()]
    if len(texts) < _MIN_WRAPPED_LINES:
        return False
    lengths = sorted(len(t) for t in texts)
    if lengths[int(0.9 * (len(lengths) - 1))] > _LINE_WIDTH:
        return False
    run_on = sum(1 for a, b in zip(texts, texts[1:])
                 if not a.endswith((".", "?", "!", ":", ";")) and b[:1].islower())
    return run_on >= _RUN_ON_SHARE * len(texts)


def label_line(text: str) -> bool:
    """True for a line that opens with a question's or an answer's label ("Question 2:",
    "Response:", "Our response:")."""
    return bool(_rules()["label_line"].match(text))


def plain_lines(blocks: Sequence[Block]) -> bool:
    """True when ``blocks`` are plain paragraphs (no bold, no italic, no table) that are the
    lines of hard-wrapped text: an e-mail pasted into Word a paragraph a line, or printed
    from there to PDF. Read as the text it was, nothing of the document's own structure is
    lost."""
    return all(b.kind == "paragraph" and not any(s.bold or s.italic for s in b.spans)
               for b in blocks) and hard_wrapped([b.text for b in blocks])


def relaid(blocks: Sequence[Block]) -> tuple[list[tuple[Block, range]], list[tuple[Block, range]]]:
    """``blocks`` (see :func:`plain_lines`) laid out again as plain text's lines (wrapped
    lines re-joined, bullets typed as "o " read as bullets, a signature to furniture): the
    body's blocks and the furniture's, each with the range of the ``blocks`` it was read
    from, for the caller to say where it stands."""
    lines: list[str] = []
    block_of: list[int] = []
    for k, block in enumerate(blocks):
        for line in block.text.split("\n"):
            lines.append(line)
            block_of.append(k)

    def read_from(block: Block) -> tuple[Block, range]:
        last = len(lines) - 1
        first = block_of[min((block.source.line_start or 1) - 1, last)]
        end = block_of[min((block.source.line_end or block.source.line_start or 1) - 1, last)]
        return block, range(first, end + 1)

    laid = layout("\n".join(lines))
    return [read_from(b) for b in laid.blocks], [read_from(b) for b in laid.furniture]


def read_as_text(blocks: Sequence[Block], place: Callable[[Block, list[Block]], Block]
                 ) -> tuple[list[Block], list[Block]] | None:
    """``blocks`` of a styled document (a Word file, a web page, a PDF) that are the lines of
    hard-wrapped text (:func:`plain_lines`) read as that text (:func:`relaid`): its body's
    blocks and its furniture's, each placed by ``place`` from the blocks it was read from;
    None where they are not such lines."""
    if not plain_lines(blocks):
        return None
    laid, more = relaid(blocks)
    return ([place(block, [blocks[k] for k in lines]) for block, lines in laid],
            [place(block, [blocks[k] for k in lines]) for block, lines in more])


def quoted_original(blocks: Sequence[Block]) -> tuple[list[Block], list[Block]]:
    """``blocks`` of a paged or styled document (a PDF, a Word file) with the original message
    a reply quotes below it marked as the plain-text reader marks it: the original's header
    ("-----Original Message-----", "From: … / Sent: … / To: … / Subject: …", a block or
    blocks of their own) to furniture, and every block after it a quote. Returns the blocks
    and the furniture; unchanged (and no furniture) when no such header stands alone at the
    head of a block, or a block is already a quote (the reader has told the original)."""
    if any(b.kind == "quote" for b in blocks):
        return list(blocks), []
    lines: list[_Line] = []
    block_of: list[int] = []
    firsts: set[int] = set()  # the line each block starts on
    for k, block in enumerate(blocks):
        if block.kind == "table":
            continue
        firsts.add(len(lines))
        for line in block.text.split("\n"):
            lines.append(_Line(len(lines) + 1, 0, 0, line.strip()))
            block_of.append(k)
    rules = _rules()
    for n in sorted(firsts):
        # Not "… you wrote:", which in a letter opens the request it restates, and the letter
        # goes on after it.
        opens = rules["original"].match(lines[n].text) or lines[n].text.lower().startswith("from:")
        header = _original_header_length(lines, n) if opens else 0
        if not header:
            continue
        last = block_of[n + header - 1]
        if any(block_of[m] == last for m in range(n + header, len(lines))):
            continue  # the header runs on into text of its block's own: not set apart
        first = block_of[n]
        quoted = [b if b.kind == "table" else Block("quote", b.spans, level=1, marker=b.marker,
                                                    source=b.source)
                  for b in blocks[last + 1:]]
        return [*blocks[:first], *quoted], list(blocks[first:last + 1])
    return list(blocks), []


def _split_lines(text: str, first_line: int, line_map: Sequence[int] | None = None
                 ) -> list[_Line]:
    out = []
    raws = text.split("\n")
    numbers: Sequence[int] = range(first_line, first_line + len(raws)) if line_map is None \
        else [*line_map[:len(raws)], *[line_map[-1]] * (len(raws) - len(line_map))]
    for n, raw in enumerate(raws):
        line = raw.rstrip()
        if not line:  # a blank line (many, in a web page's text)
            out.append(_Line(numbers[n], 0, 0, ""))
            continue
        if "\t" in line or "\u00a0" in line:
            line = line.expandtabs(4).replace("\u00a0", " ")
        depth = 0
        quote = _QUOTE_PREFIX.match(line) if ">" in line[:4] else None
        if quote:
            depth = quote.group(1).count(">")
            line = line[quote.end():]
        stripped = line.lstrip()
        out.append(_Line(numbers[n], depth, len(line) - len(stripped), stripped))
    return _enumerators_carried(out)


# A sub-item's enumerator the wrap left at the end of a long line ("…(e.g., by Framework) i." /
# "Procurement method? …"): roman numerals and letters in brackets only, never a figure.
_DANGLING = re.compile(rf"\s(?P<marker>\(?{_ROMAN}[.)]|\([a-z]\)|[a-z]\))$")


def _enumerators_carried(lines: list[_Line]) -> list[_Line]:
    """Each enumerator left dangling at a long line's end carried to the line it opens."""
    for k in range(len(lines) - 1):
        line, after = lines[k], lines[k + 1]
        m = _DANGLING.search(line.text)
        if m is None or len(line.text) < 50 or not after.text[:1].isupper() \
                or after.depth != line.depth or _ENUMERATOR.match(after.text):
            continue
        lines[k] = _Line(line.number, line.depth, line.indent, line.text[:m.start()].rstrip())
        lines[k + 1] = _Line(after.number, after.depth, after.indent,
                             f"{m['marker']} {after.text}")
    return lines


def _mark_furniture(lines: list[_Line]) -> list[_Line]:
    """Signature, platform footer, attachment lists and quoted-original headers -> furniture.

    Lines after a quoted original's header are quoted (depth at least 1).
    """
    rules = _rules()
    following = _next_texts(lines)
    out: list[_Line] = []
    floor = 0
    to_end = False
    maybe = rules["maybe"].match
    n = 0
    while n < len(lines):
        line = lines[n]
        text = line.text
        if not to_end and (not text or not maybe(text)):
            out.append(line if line.depth >= floor else _with(line, depth=floor))
            n += 1
            continue
        if not to_end and text and (
                rules["signature"].match(text) and line.depth == 0
                or rules["footer_to_end"].match(text)
                or rules["footer_to_end"].match(f"{text}\n{following[n]}")):
            to_end = True
        if to_end:
            out.append(_with(line, furniture=True))
            n += 1
            continue
        header = _original_header_length(lines, n)
        if header:
            out.extend(_with(ln, furniture=True) for ln in lines[n:n + header])
            below = next((ln for ln in lines[n + header:] if ln.text), None)
            if below is None or below.depth <= floor:
                floor = max(floor, 1)
            # else the original's lines carry their own "> ": a line without one under it is
            # the reply's, answering in-line ("> 3. How many …?" / "12")
            n += header
            continue
        if text and (rules["footer_line"].match(text) or rules["attachment_list"].match(text)
                     or rules["attachment_size"].match(text)):
            out.append(_with(line, furniture=True))
        else:
            out.append(_with(line, depth=max(line.depth, floor)))
        n += 1
    # An attachment's name stands just before its size line.
    for n, line in enumerate(out[:-1]):
        if line.text and not line.furniture and rules["attachment_size"].match(out[n + 1].text) \
                and any(rules["attachment_list"].match(ln.text) for ln in out[max(0, n - 100):n]):
            out[n] = _with(line, furniture=True)
    return out


def _next_texts(lines: list[_Line]) -> list[str]:
    """For each line, the text of the next line that is not blank ("" after the last): one
    pass from the end, where looking ahead from every line cost a pass a line."""
    found = [""] * len(lines)
    for n in range(len(lines) - 2, -1, -1):
        found[n] = lines[n + 1].text or found[n + 1]
    return found


# An e-mail address set on the line under its header field's name: "[mailto:…]", "<a@b.org>",
# or an address in angle brackets a request platform has redacted ("<[FOI #1131679 email]>").
_WRAPPED_ADDRESS = re.compile(r"^(?:<[^<>]+>|[\[(].*(?:@|mailto:).*[\])])$", re.I)


# "We received your request on 14 June 2024. You wrote:": a letter restating its request, not a
# mail program's attribution of the message quoted below (which names the sender).
_YOU_WROTE = re.compile(r"\byou\s+wrote:$", re.I)


def _original_header_length(lines: list[_Line], n: int) -> int:
    """How many lines from ``n`` make up a quoted original's header (0 if none)."""
    rules = _rules()
    text = lines[n].text
    if not text:
        return 0  # a blank line opens no header (and most lines of a web page are blank)
    if rules["original"].match(text) or rules["wrote"].match(text) and lines[n].depth == 0 \
            and not _YOU_WROTE.search(text):
        below = _original_header_length(lines, n + 1) if n + 1 < len(lines) \
            and lines[n + 1].text.lower().startswith("from:") else 0
        if below:
            return 1 + below  # "-----Original Message-----" over a "From: …" header
        count = 1
        while n + count < len(lines) and rules["header_field"].match(lines[n + count].text):
            count += 1
        return count
    if not text.lower().startswith("from:"):
        return 0
    count = 1
    fields = 1
    while n + count < len(lines):
        nxt = lines[n + count].text
        if rules["header_field"].match(nxt):
            fields += 1
        elif _WRAPPED_ADDRESS.match(nxt) and lines[n + count - 1].text.lower().startswith(
                ("from:", "to:", "cc:")):
            pass  # "From: Nicholaus Hall" / "[mailto:…]": the sender's address on a line of its own
        elif not (nxt and lines[n + count - 1].text.lower().startswith("subject:")
                  and len(lines[n + count - 1].text) > 60):
            break  # only a long Subject line wraps onto the next
        count += 1
    return count if fields >= 3 else 0


def _with(line: _Line, *, furniture: bool | None = None, depth: int | None = None) -> _Line:
    if furniture in (None, line.furniture) and depth in (None, line.depth):
        return line  # unchanged: the line itself serves (it is frozen)
    return _Line(line.number, line.depth if depth is None else depth, line.indent, line.text,
                 line.furniture if furniture is None else furniture)


# "18m and above ground level…", "12 of them were…": a line going on from a figure in lower
# case, a sentence carried on.
_FIGURE_GOES_ON = re.compile(r"^\d[\d,.]*[a-z%]{0,3}\s+[a-z]")
# "… in the year to March" / "2023": a date carried on to its year.
_MONTH_END = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.I)
# "1. The total cost of the appraisal was" / "£29,500.": a sentence that goes on to its figure.
_AWAITS_FIGURE = re.compile(r"\s(?:was|is|are|were|be|been|totall?ed|costs?|at|to|than|approx(?:\.|"
                            r"imately)?|around|about|over|under|some|only|just|circa|equals?|"
                            r"amounted|reached|stood)$", re.I)
# A line that is only a value: "1,245", "£98,400", "12%", "None", "Not held."
_BARE_VALUE = re.compile(r"^(?:(?:approx(?:\.|imately)?\s+)?[£$€]?\s?\d[\d,]*(?:\.\d+)?"
                         r"(?:\s?(?:%|m|k|bn))?|none|nil|zero|yes|no|n/a|not\s+held|"
                         r"not\s+applicable)\.?$", re.I)
# Past this width text was not wrapped at all: its lines are its paragraphs.
_NEVER_WRAPPED_AT = 160


def wrap_width(lengths: list[int], unknown: int | None = None) -> int:
    """The width the text was wrapped at: a high percentile of its long lines' lengths.
    With too few long lines to tell, its longest line, or ``unknown`` when given."""
    long_lines = sorted(n for n in lengths if n > _LONG_LINE)
    if len(long_lines) >= 5:
        return long_lines[int(0.9 * (len(long_lines) - 1))]
    return unknown if unknown is not None else max(lengths, default=80)


def _wrapped(previous: _Line, line: _Line, width: int) -> bool:
    """True when ``line`` continues ``previous`` only because the text was hard-wrapped."""
    if width > _NEVER_WRAPPED_AT:
        # No mail client wraps this wide: a paragraph a line (a web form's text, an e-mail
        # sent unwrapped), each line break a paragraph's end, but for a sentence carried on.
        return bool(line.text[:1].islower() or _FIGURE_GOES_ON.match(line.text)) \
            and not previous.text.endswith((".", "!", "?", ":", ";"))
    word = line.text.split(" ", 1)[0]
    if previous.text.rstrip("\"'”’").endswith(("?", ":")) and (
            line.text[:1].isupper() or line.text[:1].isdigit()):
        return False  # a question's end, or a lead-in's, then the next line begins anew
    if _rules()["sign_off"].match(line.text):
        return False
    if previous.text.endswith((".", "?", "!", ":", ")")) and (
            _rules()["label_line"].match(line.text) or part_divider(line.text)):
        return False  # "Question 2:", "Fourth request" after a full sentence opens the next
    if _ANSWER_LINE.match(line.text):
        return False  # "• The budget for tree maintenance in 2023/24" / "Response: £412,000"
    if _FIELD_LINE.match(previous.text) and _FIELD_LINE.match(line.text):
        return False  # "Number of social workers employed: 142" / "Number of agency …: 31"
    if previous.text.endswith((".", "!", "?", ":")) and PERIOD_FIGURE.match(line.text):
        return False  # "…rather than just those newly registered)." / "2018-19 - 727"
    if _BARE_VALUE.match(line.text) and _enumerator(previous.text) \
            and not previous.text.endswith((",", ";", "-", "–")) \
            and not _OPEN_END.search(previous.text) and not _MONTH_END.search(previous.text) \
            and not _AWAITS_FIGURE.search(previous.text):
        return False  # "1) Number of notices issued in 2023" / "1,245": the item, its answer
    if previous.text.endswith((".", "!")) and _NAMES_ITEM.match(line.text):
        return False  # "…respectively." / "In response to question 3, …": the next answer
    if previous.text.endswith((".", "!")) and _FOLLOW_UP.match(line.text):
        return False  # "…use live streaming." / "If yes, in which parts …?": the next question
    if previous.text.endswith((".", "!")) and line.text[:1].isupper() \
            and line.text.rstrip("\"'”’ ").endswith("?") and opens_asking(line.text):
        return False  # "I am researching noise nuisance." / "How many complaints …?": a
        # question of a line of its own after a sentence's end (a short message's longest line
        # is no sign of a wrap)
    if word[:1] == "A" and word[1:].isdigit() and previous.text.startswith(f"Q{word[1:]} "):
        return False  # "A2 …" under "Q2 …": the answer's label under its question's
    if line.text[:1].isupper() and opens_asking(line.text) and "?" in line.text \
            and (told := _ANSWERED_ON_THE_LINE.search(previous.text)) \
            and not opens_asking(told.group("told")):
        return False  # "How many shelters are there? 1,942" / "How many were replaced? 63"
    if previous.text.endswith((".", "!", "?")) and name_line(line.text) \
            and len(line.text) < 0.7 * width:
        return False  # "…sets out the details." / "Knowledge and Information Access Team"
    if _OPEN_END.search(previous.text) and (len(previous.text) >= 0.6 * width
                                            or not _enumerator(line.text)):
        return True  # "…in the financial years 2020-21, 2022-23, and" / "2023-24:": unfinished,
        # however short ("Ministry of Housing, Communities and" / "Local Government")
    if line.text[:1].islower() and len(previous.text) >= 0.6 * width \
            and not previous.text.endswith((".", "!", "?", ":", ";")):
        return True  # "…incident which the child" / "didn't witness?": a sentence carried on
    return previous.indent + len(previous.text) + 1 + len(word) > width


# A question with its answer after it on the line, in a few words ("…maintain? 1,942", not
# "…organisation? What platform" asking on).
_ANSWERED_ON_THE_LINE = re.compile(r"\?[\"'”’]?\s+(?P<told>\S[^?]{0,79})$")


def _enumerator(text: str) -> tuple[str, str] | None:
    """``(marker, rest)`` when a line begins with an enumerator or a bullet."""
    match = _ENUMERATOR.match(text)
    if match:
        return match["marker"], text[match.end():].strip()
    bullet = _BULLET.match(text)
    if bullet and not text.startswith("--"):
        return "•", text[bullet.end():].strip()
    return None


def _is_caps_heading(text: str) -> bool:
    # The cheap tests first: most text is long, or not in capitals.
    return (len(text) <= 120 and text.upper() == text and not text.endswith((".", ","))
            and len(text.split()) >= 2 and len(_CAPS_LETTERS.findall(text)) >= 8
            and _enumerator(text) is None)


@dataclass
class _Builder:
    kind: BlockKind
    marker: str
    indent: int
    parts: list[str]
    first: _Line
    last: _Line
    rank: int = 0  # the bullet's outline level by its glyph (see _BULLET_LEVEL)

    def block(self, depth: int, level: int) -> Block:
        text = "".join(self.parts)
        text = "\n".join(_SPACES.sub(" ", part).strip() for part in text.split("\n")).strip()
        kind: BlockKind = "quote" if depth else self.kind
        source = Source(line_start=self.first.number, line_end=self.last.number)
        return Block(kind, (Span(text),) if text else (), level=depth or level,
                     marker=self.marker, source=source)


def _blocks_of(group: list[_Line], width: int, dense: bool) -> list[Block]:
    """One blank-line-separated group of lines (one quote depth) to blocks."""
    depth = group[0].depth
    out: list[Block] = []
    item_indents: list[tuple[int, int]] = []
    current: _Builder | None = None

    def close() -> None:
        nonlocal current
        if current is None:
            return
        level = 0
        if current.kind == "list_item":
            place = (current.indent, current.rank)
            while item_indents and item_indents[-1] > place:
                item_indents.pop()
            if not item_indents or item_indents[-1] < place:
                item_indents.append(place)
            level = len(item_indents)
        block = current.block(depth, level)
        if block.text:
            if block.kind == "paragraph" and not dense and _is_caps_heading(block.text):
                block = Block("heading", block.spans, level=2, source=block.source)
            out.append(block)
        current = None

    counted: dict[str, int] = {}  # the number the next "N - …" or "Question N" line would have
    spaced_bullets = False  # a bullet set apart from its text by a space seen
    for n, line in enumerate(group):
        item = _enumerator(line.text)
        count = counted_item(line.text)
        # The count goes on ("3 - " under "2 - "), or begins after a finished line ("…the
        # following information:" / "1 - …"; not "(as detailed in" / "question 1)").
        counts_on = count is not None and (count[1] == counted.get(count[0]) or count[1] == 1 and (
            current is None or current.last.text.rstrip().endswith((".", "?", "!", ":"))))
        if count is not None:
            counted[count[0]] = count[1] + 1
        if item and current is not None and current.kind == "paragraph" \
                and line.text[:1] in "-–*" and _wrapped(current.last, line, width) \
                and not _opens_list(current.last.text, item[1]):
            item = None  # a dash that carries on a wrapped sentence, not a bullet
        if item and item[0] == "•" and not line.text[1:2].isspace() and spaced_bullets:
            item = None  # "-The name …" under "- A breakdown …, including:": its parts, not
            # items of the list the spaced dashes make
        if item:
            close()
            rank = _BULLET_LEVEL.get(line.text[:1], 0) if item[0] == "•" else 0
            spaced_bullets = spaced_bullets or item[0] == "•" and line.text[1:2].isspace()
            current = _Builder("list_item", item[0], line.indent, [item[1]], line, line, rank)
            continue
        if current is None:
            current = _Builder("paragraph", "", line.indent, [line.text], line, line)
        else:
            # "3 - Start date …" under "2 - Actual spend …", "Question 2: …" under "Question 1:
            # …? Outlook": the count goes on, a new item, however the line above ended.
            wrapped = not counts_on and (_wrapped(current.last, line, width)
                                         or _question_ends(current, line))
            hanging = current.kind == "list_item" and line.indent > current.indent
            caps_head = (n == 1 and current.kind == "paragraph" and not dense
                         and _is_caps_heading(current.last.text) and not wrapped
                         and not _is_caps_heading(line.text))
            if hanging or (wrapped and not caps_head):
                current.parts.append((" " if wrapped else "\n") + line.text)
                current.last = line
                continue
            close()
            current = _Builder("paragraph", "", line.indent, [line.text], line, line)
    close()
    return out


def _opens_list(previous: str, rest: str) -> bool:
    """A dashed line that opens a sentence after one finished ("…the following information."
    / "- How many staff …"): a bullet, however short the line above, not a sentence carried
    on. A spaced dash ending the line above ("…under the Act (2010) --") stands for a colon."""
    return (previous.rstrip("\"'”’").endswith((".", "?", "!", ":"))
            or previous.endswith((" -", " --", " –", " —"))) and rest[:1].isupper()


def _question_ends(current: "_Builder", line: _Line) -> bool:
    """True when ``line`` ends the numbered question ``current`` opened and did not finish
    ("…broken down into the following financial years:" then "2018/19, 2019/20 and
    2020/21?"): a short line closing on the question mark the item still lacks, carrying on
    in lower case or with a figure (not "Same for CIN plans?", a question of its own)."""
    return (current.kind == "list_item" and len(current.parts) <= 6
            and any(c.isalnum() for c in current.marker)  # numbered, not a bullet
            and (line.text[:1].islower() or line.text[:1].isdigit())
            and not any("?" in part for part in current.parts)
            and line.text.endswith("?") and len(line.text) <= 60 and "?" not in line.text[:-1])


def _plain_block(group: list[_Line]) -> Block:
    text = "\n".join(_SPACES.sub(" ", line.text) for line in group)
    return Block("paragraph", (Span(text),),
                 source=Source(line_start=group[0].number, line_end=group[-1].number))


def _dedupe(blocks: list[Block]) -> tuple[Block, ...]:
    seen: set[str] = set()
    out = []
    for block in blocks:
        if block.text not in seen:
            seen.add(block.text)
            out.append(block)
    return tuple(out)
