"""Build the review page of an output: ``index.html`` and ``pages/*.png`` in one folder.

>>> page = build_review("out/")  # doctest: +SKIP
>>> page.path, page.doubtful  # doctest: +SKIP
('out/review-page/index.html', 18)
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any

from ..corrections import corrections_path, read_corrections
from ..model import ANSWER_KINDS
from ..writers import atomic_write
from .load import load_output
from .sources import CONTEXT_BLOCKS, Sources
from .template import PAGE

FOLDER_NAME = "review-page"


@dataclass(frozen=True, slots=True)
class ReviewPage:
    """A built page: where it is, the corrections file it saves to, and what it holds."""

    path: str
    folder: str
    corrections: str
    items: int
    doubtful: int
    stale: int


def page_folder(out: str) -> str:
    """Where an output's review page goes: ``OUT/review-page/`` for a folder output,
    ``NAME.review-page/`` beside a one-file output.

    >>> page_folder("./"), page_folder("batch.db")
    ('./review-page', 'batch.review-page')
    """
    stripped = out.rstrip("/" + os.sep)
    if os.path.isdir(stripped):
        return os.path.join(stripped, FOLDER_NAME)
    return f"{os.path.splitext(stripped)[0]}.{FOLDER_NAME}"


def build_review(out: str, folder: str | None = None, corrections: str | None = None,
                 who: str | None = None) -> ReviewPage:
    """Write the review page of the extract or compile output ``out``; returns what it holds.

    ``corrections`` is the file the page's decisions belong to (default: the one beside
    ``out``); its corrections show as decided, and those whose key the output has no more
    are listed as stale.
    """
    output = load_output(out)
    folder = folder or page_folder(out)
    corrections = corrections or corrections_path(out) or "corrections.csv"
    known = read_corrections(corrections) if os.path.isfile(corrections) else []
    sources = Sources(folder, base=os.path.dirname(os.path.abspath(out.rstrip("/" + os.sep))))
    decided = {c.key for c in known}
    for item in output.items:
        if not item["doubtful"] and (item["corrected"] or item["key"] in decided):
            item.update(doubtful=True, reason="reviewed before")  # progress counts it
    output.items.sort(key=lambda item: not item["doubtful"])
    documents: dict[str, list[str]] = {}
    for item in output.items:
        _attach_source(item, sources, documents)
    report = _report_statuses(out)
    stale = [c.row() for c in known if c.key not in output.keys
             and report.get((c.key, c.field)) != "applied"]
    data = {"id": hashlib.blake2b(os.path.abspath(out).encode(), digest_size=6).hexdigest(),
            "title": f"{os.path.basename(os.path.abspath(out))} ({output.kind})",
            "path": os.path.abspath(out), "kind": output.kind,
            "who": who or _who(), "kinds": list(ANSWER_KINDS), "items": output.items,
            "documents": documents, "corrections": [c.row() for c in known], "stale": stale}
    html = PAGE.replace("__DATA__", _embedded(data))
    path = os.path.join(folder, "index.html")

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(html)

    atomic_write(path, write)
    return ReviewPage(path, folder, corrections, len(output.items),
                      sum(1 for i in output.items if i["doubtful"]), len(stale))


def _attach_source(item: dict[str, Any], sources: Sources, documents: dict[str, list[str]]
                   ) -> None:
    """The page image (with the answer's box) or the blocks around the answer; a cell with
    no answer found gets its document's first page or opening blocks, to look for it."""
    source, page = item["source"], item["page"]
    is_pdf = source.lower().endswith(".pdf")
    if is_pdf:
        found = sources.locate(source, item["answer"], page)
        if found is not None and not _inside(found, page, item["bbox"]):
            page, item["bbox"] = found[0], [round(v, 1) for v in found[1]]
            item["page"] = page
        item["image"] = sources.page_image(source, page or 1)
        if page is None:
            item["bbox"] = None
        return
    context = sources.context(item)
    blocks = sources.blocks(source)
    if context is None and blocks:
        context = {"doc": source, "first": 0, "last": min(len(blocks) - 1, 2 * CONTEXT_BLOCKS),
                   "marked": [-1, -1]}
    if context is not None and blocks is not None:
        documents.setdefault(source, [block["text"] for block in blocks])
        item["context"] = context


def _inside(found: tuple[int, tuple[float, float, float, float]], page: int | None,
            bbox: list[float] | None) -> bool:
    """Whether the answer found lies within the pair's own box (then that box is kept)."""
    number, (x0, top, x1, bottom) = found
    return bbox is not None and number == page and bbox[1] - 2 <= top and bottom <= bbox[3] + 2


def _report_statuses(out: str) -> dict[tuple[str, str], str]:
    """What the last run made of each correction (its corrections_report.csv), if it says."""
    import csv

    from ..corrections import report_path

    path = report_path(out)
    if path is None or not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        return {(row["key"], row["field"]): row["status"] for row in csv.DictReader(handle)}


def _embedded(data: dict[str, Any]) -> str:
    """JSON safe inside a <script> element (no "</script>", no "<!--")."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
