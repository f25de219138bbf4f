"""The format-neutral document model every reader produces.

A reader turns a file into a :class:`Document`: an ordered tuple of
:class:`Block` objects (paragraphs, headings, list items, tables, quotes),
each made of :class:`Span` runs of text that know whether they are bold or
italic, and each carrying a :class:`Source` that says where it came from.
Nothing after the readers knows which format a document arrived in.

>>> doc = Document(
...     blocks=(Block("paragraph", (Span("How many?", bold=True),)),),
...     format="markdown", source="x.md")
>>> doc.blocks[0].text, doc.blocks[0].all_bold
('How many?', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Mapping

BlockKind = Literal["paragraph", "heading", "list_item", "table", "quote"]
Format = Literal["markdown", "pdf", "docx", "html", "email", "text", "image", "spreadsheet",
                 "csv"]
BLOCK_KINDS: tuple[BlockKind, ...] = ("paragraph", "heading", "list_item", "table", "quote")
FORMATS: tuple[Format, ...] = ("markdown", "pdf", "docx", "html", "email", "text", "image",
                               "spreadsheet", "csv")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one style.

    ``text`` may hold ``"\\n"`` for a hard line break inside a paragraph
    (Markdown's trailing two spaces, HTML's ``<br>``, Word's soft return).
    ``color`` is an upper-case RGB hex string (``"0000FF"``) when the text is
    coloured, else None.

    >>> Span("Two", bold=False).text
    'Two'
    """

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Where a block came from: lines for text formats, page and bbox for PDFs.

    Lines are 1-based and inclusive. ``bbox`` is ``(x0, top, x1, bottom)`` in
    PDF points from the top-left of the page, as pdfplumber measures it.
    ``paragraph`` is a 1-based running index for formats without lines (Word).
    ``ocr`` is True for a block read by OCR from a scanned page or an image;
    ``ocr_confidence`` is then the mean of its words' confidences (0-1).

    >>> Source(line_start=3, line_end=4).describe()
    'lines 3-4'
    >>> Source(page=1, ocr=True, ocr_confidence=0.93).describe()
    'page 1 (OCR)'
    """

    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    paragraph: int | None = None
    ocr: bool = False
    ocr_confidence: float | None = None

    def describe(self) -> str:
        """A short human-readable location."""
        if self.page is not None:
            return f"page {self.page}" + (" (OCR)" if self.ocr else "")
        if self.line_start is not None:
            if self.line_end is not None and self.line_end != self.line_start:
                return f"lines {self.line_start}-{self.line_end}"
            return f"line {self.line_start}"
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}"
        return ""


def spans_text(spans: tuple[Span, ...]) -> str:
    """The plain text of some spans, joined as printed."""
    return "".join(s.text for s in spans)


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: styled spans (paragraphs inside a cell joined by ``\\n``). ``line`` is
    the line it stands on where the reader knows it cell by cell (a spreadsheet's row).

    >>> Cell((Span("259"),), line=8).text
    '259'
    """

    spans: tuple[Span, ...] = ()
    colspan: int = 1
    line: int | None = None

    @property
    def text(self) -> str:
        return spans_text(self.spans)


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a document.

    - ``paragraph``, ``heading`` (``level`` 1-6), ``list_item`` (``level`` is
      the nesting depth from 1, ``marker`` the enumerator as printed, such as
      ``"1."``, ``"a)"`` or ``"•"``), ``quote`` (``level`` is the quote depth):
      the text is in ``spans``;
    - ``table``: the text is in ``rows`` of :class:`Cell`; ``header_rows``
      says how many leading rows are a header.

    >>> Block("heading", (Span("Response", bold=True),), level=2).text
    'Response'
    """

    kind: BlockKind
    spans: tuple[Span, ...] = ()
    level: int = 0
    marker: str = ""
    rows: tuple[tuple[Cell, ...], ...] = ()
    header_rows: int = 0
    source: Source = field(default_factory=Source)
    # Read many times by every later stage: computed once.
    _text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.kind == "table":
            text = "; ".join(
                " | ".join(" ".join(c.text.split()) for c in row) for row in self.rows)
        elif len(self.spans) == 1:  # most paragraphs are one run of one style
            text = self.spans[0].text
        else:
            text = spans_text(self.spans)
        object.__setattr__(self, "_text", text)

    @property
    def text(self) -> str:
        """Plain text; a table as ``cell | cell; cell | cell``."""
        return self._text

    @property
    def all_bold(self) -> bool:
        """True when every visible character is bold."""
        return _all_styled(self.spans, "bold")

    @property
    def all_italic(self) -> bool:
        """True when every visible character is italic."""
        return _all_styled(self.spans, "italic")


def _all_styled(spans: tuple[Span, ...], attr: str) -> bool:
    seen = False
    for span in spans:
        if span.text.strip():
            if not getattr(span, attr):
                return False
            seen = True
    return seen


@dataclass(frozen=True, slots=True)
class Document:
    """A whole document as its reader saw it.

    ``furniture`` holds page headers, footers and letterheads kept out of the
    body (the facts reader looks there for the authority; the segmenter never
    does). ``metadata`` holds what the container says (an email's ``From``,
    ``Date`` and ``Subject``; a web page's ``title``; a PDF's ``Title``).
    ``attachments`` are documents carried inside this one (email attachments).
    ``messages`` is a correspondence thread's messages in order (a request
    platform's export or saved page), each a Document whose ``metadata`` has
    ``direction`` (``"incoming"``: from the authority; ``"outgoing"``: from the
    requester) and ``date``; ``foiextract.correspondence`` picks the request
    and the substantive reply from them. ``ocr_pages`` counts the pages read
    by OCR (scanned pages of a PDF, an image's frames).

    >>> Document(blocks=(), format="text", source="a.txt").text
    ''
    """

    blocks: tuple[Block, ...]
    format: Format
    source: str
    furniture: tuple[Block, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)
    attachments: tuple["Document", ...] = ()
    messages: tuple["Document", ...] = ()
    pages: int | None = None
    ocr_pages: int = 0

    @property
    def text(self) -> str:
        """The body as plain text, one block a line."""
        return "\n".join(b.text for b in self.blocks)


AnswerKind = Literal[
    "count", "number", "amount", "percent", "range", "suppressed", "date", "boolean",
    "list", "none", "not_applicable", "not_held", "withheld", "published", "text", "missing",
]
ANSWER_KINDS: tuple[AnswerKind, ...] = AnswerKind.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Atom:
    """One atomic value inside an answer that holds several (a date of two, a row of a table).

    ``label`` says what it belongs to: the year, row or list item.
    """

    kind: AnswerKind
    number: float | None = None
    unit: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    label: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class Value:
    """An answer read as a structured value (see GOLD-FORMAT.md for kinds and canonical values).

    ``value`` is the canonical string (``"2"``, ``"1234.56 GBP"``, ``"2019-05"``,
    ``"<5"``, ``"5..10"``, ``"s40(2)"``); the typed columns carry the same
    fact for a spreadsheet. ``rule`` names the rule that decided the kind.

    >>> Value("count", "2", number=2.0, rule="number_word").value
    '2'
    """

    kind: AnswerKind
    value: str = ""
    number: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    exemption: str | None = None
    url: str | None = None
    confidence: float = 1.0
    rule: str = ""
    atoms: tuple[Atom, ...] = ()


@dataclass(frozen=True, slots=True)
class Pair:
    """One question and the answer beneath it.

    ``answer`` is the text as printed (markers, enumerators and labels
    removed, paragraphs joined by one space, a table as ``a | b; c | d``).
    ``shared`` is True when the answer stands beneath several questions.
    ``request_item`` is the 1-based item of the restated request it answers.
    ``rule`` names the segmenter rule that found the pair. ``answer_blocks``
    keeps the answer's blocks for the values reader (tables, lists). ``key`` is the
    pair's stable key (:func:`foiextract.keys.pair_key`), given once the document's
    pairs are final.
    """

    question: str
    answer: str
    shared: bool = False
    request_item: int | None = None
    section: str = ""
    rule: str = ""
    question_source: Source = field(default_factory=Source)
    answer_source: Source = field(default_factory=Source)
    answer_blocks: tuple[Block, ...] = ()
    value: Value | None = None
    key: str = ""
    # The question this pair answers a part of: "How many retailers…?" for "2022" where the
    # request listed the years under it and the reply gives a figure for each.
    part_of: str = ""
