"""Saved request-platform pages (WhatDoTheyKnow): one Document a message of the correspondence.

Each ``div.correspondence`` is a message, incoming (from the authority) or
outgoing (from the requester); its text is read as a plain-text email so the
segmenter sees the same shapes as in an exported thread.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from lxml import etree

from ..model import Document
from . import text as plain_text
from .html_style import BLOCK_TAGS, WHITESPACE


@cache
def _class_holding(tag: str) -> Any:
    """An XPath to the elements of a tag whose class attribute holds a string, in document
    order (the element itself first): lxml finds them without a Python object made for every
    element of the page, and tests the class of that tag's elements only."""
    return etree.XPath(f"descendant-or-self::{tag}[contains(@class, $name)]")


def with_class(element: Any, name: str, tag: str = "*") -> list[Any]:
    """``element`` and the elements under it whose classes include ``name`` (and whose tag is
    ``tag``, if given), in document order.

    >>> page = etree.fromstring('<div class="a"><p class="ab"/><p class="b a"/></div>')
    >>> [e.tag for e in with_class(page, "a")], [e.get("class") for e in with_class(page, "a", "p")]
    (['div', 'p'], ['b a'])
    """
    return [e for e in _class_holding(tag)(element, name=name)
            if name in (e.get("class") or "").split()]


def platform_messages(root: Any, source: str) -> tuple[Document, ...]:
    """A saved WhatDoTheyKnow page: one Document a message in ``div.correspondence``."""
    messages = []
    for element in with_class(root, "correspondence", "div"):
        classes = (element.get("class") or "").split()
        if not {"incoming", "outgoing"} & set(classes):
            continue
        body = next(iter(with_class(element, "correspondence_text", "div")), None)
        if body is None:
            continue
        metadata = {"direction": "incoming" if "incoming" in classes else "outgoing"}
        when = next((t.get("datetime") for t in element.iter("time") if t.get("datetime")), None)
        if when:
            metadata.update(date=when[:10], datetime=when)
        for part in with_class(element, "correspondence__header__author"):
            metadata["from"] = " ".join(part.text_content().split())
        attachments = [" ".join(e.text_content().split())
                       for e in with_class(element, "attachment__name", "p")]
        if attachments:
            metadata["attachments"] = "; ".join(attachments)
        text, line_map = _plain(body)
        # The layout places its blocks by the file lines their text came from.
        lay = plain_text.layout(text, line_map=line_map)
        messages.append(Document(lay.blocks, "html", source, lay.furniture, metadata))
    return tuple(messages)


# The characters WHITESPACE runs over.
_SPACES = " \t\n\r\f\v\u00a0\u200b"
_SKIPPED_IN_MESSAGES = frozenset({"attachments", "unfold_link", "correspondence__footer"})


def _plain(element: Any) -> tuple[str, list[int]]:
    """A message's text as a plain-text email (``<br>`` a line break, ``<p>`` a blank line),
    with the file line each of its lines starts on."""
    out: list[str] = []
    line_map = [element.sourceline or 1]

    def emit(text: str, line: int | None) -> None:
        if "\n" not in text:  # most text: no new line to map
            out.append(text)
            return
        for n, part in enumerate(text.split("\n")):
            if n:
                out.append("\n")
                line_map.append(line or line_map[-1])
            out.append(part)

    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            if not _SKIPPED_IN_MESSAGES.isdisjoint((node.get("class") or "").split()):
                walker.skip_subtree()
                continue
            if node.tag == "br":
                emit("\n", node.sourceline)
            elif node.tag in BLOCK_TAGS:
                emit("\n\n", node.sourceline)
            if node.text:
                emit(_squeezed(node.text), node.sourceline)
        else:
            if node.tag in BLOCK_TAGS:
                emit("\n\n", node.sourceline)
            if node.tail and node is not element:
                emit(_squeezed(node.tail), node.sourceline)
    return "".join(out), line_map


def _squeezed(text: str) -> str:
    """A run of whitespace one space; most text between a page's tags is its indentation
    alone, told without the regex."""
    return " " if not text.strip(_SPACES) else WHITESPACE.sub(" ", text)
