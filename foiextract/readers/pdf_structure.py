"""Checks on a PDF's page tree before its pages are read: no loops, no lying page count.

pdfminer walks the page tree remembering what it has seen, so a tree whose
kids lead back to an ancestor, or whose ``/Count`` claims a billion pages,
reads as a page or two with no word said. These checks say it instead: a page
tree that loops is damaged, and so is one whose count is far from the pages it
holds (a count a little off is a common slip of PDF writers, and passes).

>>> tree_faults({"Type": "/Pages", "Count": 1, "Kids": []}, lambda obj: obj)
'the PDF says it has 1 page(s) but its page tree holds none'
"""

from __future__ import annotations

from typing import Any, Callable

from pdfminer.pdftypes import PDFObjRef
from pdfminer.psparser import PSLiteral

# Page-tree nodes looked at before giving up on a tree as too large to check.
MAX_NODES = 200_000


def check_page_tree(document: Any) -> str | None:
    """What is wrong with a pdfminer ``PDFDocument``'s page tree, or None."""
    from pdfminer.pdftypes import resolve1

    try:
        root = document.catalog.get("Pages")
    except AttributeError:
        return None
    if root is None:
        return None  # no tree: pdfminer looks for page objects itself
    return tree_faults(root, resolve1)


def tree_faults(root: Any, resolve: Callable[[Any], Any]) -> str | None:
    """The page tree from ``root``, walked without recursion: a loop, or a count far off."""
    seen: set[int] = set()
    pages = nodes = 0
    stack: list[tuple[Any, frozenset[int]]] = [(root, frozenset())]
    claimed = None
    while stack:
        ref, ancestors = stack.pop()
        objid = ref.objid if isinstance(ref, PDFObjRef) else None
        if objid is not None:
            if objid in ancestors:
                return "the PDF's page tree loops back on itself"
            if objid in seen:
                continue  # the same page listed twice: pdfminer reads it once
            seen.add(objid)
        nodes += 1
        if nodes > MAX_NODES:
            return None
        node = resolve(ref)
        if not isinstance(node, dict):
            continue
        kids = resolve(node.get("Kids"))
        if _name(node.get("Type")) == "Pages" or (isinstance(kids, list) and "Type" not in node):
            if claimed is None:
                claimed = resolve(node.get("Count"))
            inner = ancestors | {objid} if objid is not None else ancestors
            for kid in reversed(kids if isinstance(kids, list) else []):
                stack.append((kid, inner))
        else:
            pages += 1
    if isinstance(claimed, int) and _far_off(claimed, pages):
        held = str(pages) if pages else "none"
        return f"the PDF says it has {claimed} page(s) but its page tree holds {held}"
    return None


def _far_off(claimed: int, pages: int) -> bool:
    return claimed < 0 or claimed > 2 * pages + 10 or (pages == 0 and claimed > 0)


def _name(value: Any) -> str:
    if isinstance(value, PSLiteral):
        return str(value.name)
    return str(value or "").lstrip("/")
