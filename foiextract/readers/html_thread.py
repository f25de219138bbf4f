"""Saved request-platform pages (WhatDoTheyKnow): one Document a message of the correspondence.

Each ``div.correspondence`` is a message, incoming (from the authority) or
outgoing (from the requester); its text is read as a plain-text email so the
segmenter sees the same shapes as in an exported thread.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from lxml import etree

from ..model import Block, Document
from . import text as plain_text
from .html_style import BLOCK_TAGS, WHITESPACE

def platform_messages(root: Any, source: str) -> tuple[Document, ...]:
    """A saved WhatDoTheyKnow page: one Document a message in ``div.correspondence``."""
    messages = []
    for element in root.iter("div"):
        classes = (element.get("class") or "").split()
        if "correspondence" not in classes or not {"incoming", "outgoing"} & set(classes):
            continue
        body = next((e for e in element.iter("div")
                     if "correspondence_text" in (e.get("class") or "").split()), None)
        if body is None:
            continue
        metadata = {"direction": "incoming" if "incoming" in classes else "outgoing"}
        when = next((t.get("datetime") for t in element.iter("time") if t.get("datetime")), None)
        if when:
            metadata.update(date=when[:10], datetime=when)
        for part in element.iter():
            names = (part.get("class") or "").split()
            if "correspondence__header__author" in names:
                metadata["from"] = " ".join(part.text_content().split())
        attachments = [" ".join(e.text_content().split()) for e in element.iter("p")
                       if "attachment__name" in (e.get("class") or "").split()]
        if attachments:
            metadata["attachments"] = "; ".join(attachments)
        text, line_map = _plain(body)
        lay = plain_text.layout(text)
        messages.append(Document(_remap(lay.blocks, line_map), "html", source,
                                 _remap(lay.furniture, line_map), metadata))
    return tuple(messages)


_SKIPPED_IN_MESSAGES = frozenset({"attachments", "unfold_link", "correspondence__footer"})


def _plain(element: Any) -> tuple[str, list[int]]:
    """A message's text as a plain-text email (``<br>`` a line break, ``<p>`` a blank line),
    with the file line each of its lines starts on."""
    out: list[str] = []
    line_map = [element.sourceline or 1]

    def emit(text: str, line: int | None) -> None:
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
            if _SKIPPED_IN_MESSAGES & set((node.get("class") or "").split()):
                walker.skip_subtree()
                continue
            if node.tag == "br":
                emit("\n", node.sourceline)
            elif node.tag in BLOCK_TAGS:
                emit("\n\n", node.sourceline)
            emit(WHITESPACE.sub(" ", node.text or ""), node.sourceline)
        else:
            if node.tag in BLOCK_TAGS:
                emit("\n\n", node.sourceline)
            if node is not element:
                emit(WHITESPACE.sub(" ", node.tail or ""), node.sourceline)
    return "".join(out), line_map


def _remap(blocks: tuple[Block, ...], line_map: list[int]) -> tuple[Block, ...]:
    def line(n: int | None) -> int | None:
        return line_map[min(n, len(line_map)) - 1] if n else None

    return tuple(replace(b, source=replace(b.source, line_start=line(b.source.line_start),
                                           line_end=line(b.source.line_end))) for b in blocks)
