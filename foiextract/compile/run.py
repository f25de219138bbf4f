"""Compile many authorities' responses to one request into one dataset.

>>> from foiextract.compile import compile_responses
>>> batch = compile_responses("corpora/london-scr-dhr-batch",
...                           request="corpora/london-scr-dhr-batch/request.md")  # doctest: +SKIP
>>> batch.dataset[["authority", "q01_started"]].head(2)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from ..errors import FoiExtractError
from ..extraction import Extraction
from ..foi.authority import lookup_name
from ..limits import Limits
from ..pipeline import DEFAULT_LIMITS, extract_file
from ..foi.caveats import Caveat
from ..tables import compile_frame, error_row, frame
from ..writers import left_by_dead_writer
from .cells import Answer, response_answers
from .inputs import ResponseFiles, collect
from .audit import audit_table, response_caveats
from .labels import Labels
from .long import Response, cells_table, labels_table, table_totals
from .request import Request, infer_request, read_request, short_names
from .tables import answers_table, dataset_table, request_table, review_table

TABLE_NAMES = ("dataset", "answers", "request", "review", "cells", "labels", "audit", "errors")
# Batch ZIPs are unpacked into <tmp>/foiextract-compile-<pid>-<random>/, removed when the
# compile ends; the next compile removes those of a compile that was killed.
_WORKDIR = "foiextract-compile-"


@dataclass(frozen=True)
class Compilation:
    """A compiled batch: the request and the ``dataset``, ``answers``, ``request``,
    ``review``, ``cells`` (every table cell, long), ``labels`` (raw label -> label),
    ``audit`` and ``errors`` tables. ``skipped`` lists inputs that answer nothing
    (the request itself, a cover note) and were left out of the dataset; ``caveats`` holds
    each authority's caveat sentences, by (authority, authority_code).

    >>> Compilation.__dataclass_fields__.keys() >= {"dataset", "answers", "review"}
    True
    """

    request: Request
    dataset: pd.DataFrame
    answers: pd.DataFrame
    questions: pd.DataFrame
    review: pd.DataFrame
    errors: pd.DataFrame
    skipped: tuple[str, ...] = ()
    cells: pd.DataFrame = field(default_factory=lambda: compile_frame("cells", []))
    labels: pd.DataFrame = field(default_factory=lambda: compile_frame("labels", []))
    audit: pd.DataFrame = field(default_factory=lambda: compile_frame("audit", []))
    caveats: dict[tuple[str, str], tuple[Caveat, ...]] = field(default_factory=dict)

    def tables(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """``(name, frame)`` for every table; the request's items are the ``request`` table."""
        yield from (("dataset", self.dataset), ("answers", self.answers),
                    ("request", self.questions), ("review", self.review), ("cells", self.cells),
                    ("labels", self.labels), ("audit", self.audit), ("errors", self.errors))

    def write(self, out: str | os.PathLike[str], fmt: str | None = None) -> list[str]:
        """Write the tables: an Excel workbook (.xlsx), a SQLite file, or a folder of
        csv/parquet/jsonl files; returns the paths written."""
        from .output import write_compilation

        return write_compilation(self, os.fspath(out), fmt)

    @property
    def failed(self) -> bool:
        """True when some input could not be read."""
        return len(self.errors) > 0


def compile_responses(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
                      request: str | os.PathLike[str] | Sequence[str] | Request | None = None,
                      *, follow_symlinks: bool = False,
                      limits: Limits = DEFAULT_LIMITS,
                      labels: Labels | None = None) -> Compilation:
    """Compile responses (files, folders, batch ZIPs) to one request into a dataset.

    ``request`` is a request file, a list of questions, a :class:`Request`, or
    None to infer it from the responses that restate it. A symbolic link in a
    folder that leads out of it is an ``errors`` row unless ``follow_symlinks``.
    ``limits`` says how each file is read (``Limits(ocr=False)``: no scans). ``labels``
    maps the tables' raw labels to the labels they stand for (``compile.labels.read_labels``
    reads an edited ``labels`` table); a label it does not name is folded.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    names = [os.fspath(p) for p in paths]
    given = _request(request)
    exclude = [os.fspath(request)] if isinstance(request, (str, os.PathLike)) else []
    _remove_stale_workdirs()
    with tempfile.TemporaryDirectory(prefix=f"{_WORKDIR}{os.getpid()}-") as workdir:
        collected = collect(names, workdir, exclude, follow_symlinks=follow_symlinks)
        errors = collected.errors
        known = list(given.items) if given is not None else None
        responses = [(group, _extract(group, errors, known, limits))
                     for group in collected.responses]
    if given is None:
        given = infer_request([list(d.request) or [p.question for p in d.pairs]
                               for _, documents in responses for d in documents
                               if any(p.answer for p in d.pairs)])
    found: list[Answer] = []
    skipped: list[str] = []
    read: list[Response] = []
    for group, documents in _merge_by_authority(responses):
        answered, best = response_answers(given.items, documents)
        if best is None and not group.authority_hint:
            skipped.extend(group.names)
            continue
        authority, code = _authority(best, group.authority_hint)
        named = [replace(a, authority=authority, authority_code=code) for a in answered]
        found.extend(named)
        read.append(Response(authority, code, tuple(documents), tuple(named)))
    found.sort(key=lambda a: (a.authority.casefold(), a.authority_code, a.item))
    read.sort(key=lambda r: (r.authority.casefold(), r.authority_code))
    labels = labels or Labels()
    answers = answers_table(given, found)
    cells = cells_table(read, given.items, short_names(given.items), labels)
    totals = table_totals(cells)
    caveats = response_caveats(read)
    return Compilation(given, dataset_table(given, answers, totals), answers,
                       request_table(given, answers, totals), review_table(answers),
                       frame("errors", errors), tuple(skipped), cells=cells,
                       labels=labels_table(read, given.items, labels),
                       audit=audit_table(answers, cells, caveats, totals), caveats=caveats)


def _remove_stale_workdirs() -> None:
    folder = tempfile.gettempdir()
    for entry in os.listdir(folder):
        if entry.startswith(_WORKDIR) and left_by_dead_writer(entry[len(_WORKDIR):]):
            shutil.rmtree(os.path.join(folder, entry), ignore_errors=True)


def _request(request: str | os.PathLike[str] | Sequence[str] | Request | None) -> Request | None:
    if request is None or isinstance(request, Request):
        return request
    if isinstance(request, (str, os.PathLike)):
        return read_request(os.fspath(request))
    return Request(tuple(request))


def _extract(group: ResponseFiles, errors: list[dict[str, str]],
             request: list[str] | None = None,
             limits: Limits = DEFAULT_LIMITS) -> list[Extraction]:
    """Every document of one response, each with its source as shown; with the request
    known, a reply that restates none of its questions is read against it."""
    documents: list[Extraction] = []
    for path, shown in zip(group.paths, group.names):
        try:
            extractions = extract_file(path, limits, request=request)
        except FoiExtractError as err:
            row = error_row(shown, err)
            row["message"] = row["message"].replace(path, shown)
            errors.append(row)
            continue
        documents.extend(e.shown_as(e.source.replace(path, shown, 1)) for e in extractions)
    return documents


def _merge_by_authority(responses: list[tuple[ResponseFiles, list[Extraction]]]
                        ) -> list[tuple[ResponseFiles, list[Extraction]]]:
    """Loose files from the same authority (a letter beside its attachment) are one response."""
    merged: dict[str, tuple[ResponseFiles, list[Extraction]]] = {}
    for group, documents in responses:
        key = group.authority_hint and f"folder:{group.names[0]}"
        if not key:
            codes = {d.facts.authority_code or d.facts.authority or ""
                     for d in documents if d.pairs}
            key = f"authority:{codes.pop()}" if len(codes) == 1 and "" not in codes else ""
        key = key or f"file:{group.names[0]}"
        if key in merged:
            first, found = merged[key]
            merged[key] = (ResponseFiles(first.paths + group.paths, first.names + group.names,
                                         first.authority_hint), found + documents)
        else:
            merged[key] = (group, list(documents))
    return list(merged.values())


def _authority(best: Extraction | None, hint: str) -> tuple[str, str]:
    """The authority as the letter styles it; the batch folder's when the letter does not say,
    or names another body than the one the request went to."""
    name = best.facts.authority if best is not None else ""
    code = best.facts.authority_code if best is not None else ""
    if not hint:
        return name, code
    entry = lookup_name(hint)
    if not name:
        return hint, entry.code if entry else ""
    if entry is not None and entry.code != code:
        return hint, entry.code
    return name, code
