"""Measure extraction against gold annotations (``*.gold.json`` beside each document).

Pairs are aligned in document order by question text; a matched pair is then
checked for its answer text, kind, value, ``shared`` and request item, and
each document for its facts. A batch folder (``batch.gold.json`` beside the
responses and ``request.md``) is compiled with its request and scored cell by
cell. This is how every change is measured.

Documents are reported in three splits, because a score on the documents the
rules were developed on says little about letters they have never seen:

- ``constructed``: made-up letters (everything outside a ``real/`` folder);
- ``real-tune``: real published responses the rules may be tuned on;
- ``real-heldout``: real responses kept untouched, the figure that counts.

A real document's split is the ``split`` column of the nearest ``SOURCES.tsv``
above it (``heldout`` or ``tune``); one that no ``SOURCES.tsv`` gives a split
counts as held out, since nobody has said it was tuned on.

>>> report = evaluate(["corpora/barnet-scr-dhr"])  # doctest: +SKIP
>>> report.totals["pair_f1"]  # doctest: +SKIP
1.0
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from .errors import FoiExtractError
from .values.compare import short_provision
from .pipeline import extract_file
from .lexicon.text import similarity

FIELDS = ("authority", "authority_code", "reference", "received_date", "response_date",
          "legislation", "exemptions", "flags")
QUESTION_MATCH = 0.9
# The flags gold annotates; others (such as "late") are not scored.
GOLD_FLAGS = {"template_text", "empty_public_interest_test", "unanswered_items"}
SPLITS = ("constructed", "real-tune", "real-heldout")
SPLIT_NAMES = {"constructed": "constructed", "real-tune": "real, tuned on",
               "real-heldout": "real, held out (untouched)"}


def split_of(document: str | os.PathLike[str]) -> str:
    """The split a corpus document belongs to: ``constructed``, ``real-tune`` or
    ``real-heldout`` (see the module's docstring)."""
    path = Path(document).resolve()
    if "real" not in path.parts[:-1]:
        return "constructed"
    for folder in path.parents:
        listed = _listed_splits(str(folder / "SOURCES.tsv"))
        # A file is listed by its name, or by its path from the list's folder ("batch/x.pdf").
        split = listed.get(path.name) or listed.get(path.relative_to(folder).as_posix())
        if split in ("tune", "heldout"):
            return "real-tune" if split == "tune" else "real-heldout"
        if folder.name == "real":
            break
    return "real-heldout"


@lru_cache(maxsize=None)
def _listed_splits(sources: str) -> dict[str, str]:
    """File name -> split column of one SOURCES.tsv ({} where there is none)."""
    if not os.path.isfile(sources):
        return {}
    with open(sources, encoding="utf-8", newline="") as handle:
        return {row["filename"]: (row.get("split") or "").strip()
                for row in csv.DictReader(handle, delimiter="\t") if row.get("filename")}


@dataclass
class DocumentScore:
    """How one document's extraction compares with its gold."""

    path: str
    split: str = "constructed"
    format: str = ""
    ocr_pages: int = 0       # pages read by OCR (a scan)
    gold_pairs: int = 0
    found_pairs: int = 0
    matched: int = 0
    answers_right: int = 0
    kinds_right: int = 0
    values_right: int = 0
    shared_right: int = 0
    items_right: int = 0
    fields_right: dict[str, bool] = field(default_factory=dict)
    gold_cells: int = 0      # table cells in the gold (documents whose gold has ``cells``)
    cells_found: int = 0     # gold cells found with the same row and column labels
    cells_right: int = 0     # of those, with the right kind and value
    misses: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def f1(self) -> float:
        return _f1(self.matched, self.found_pairs, self.gold_pairs)


@dataclass
class BatchScore:
    """How a compiled batch's cells (authority x request item) compare with its gold."""

    path: str
    cells: dict[str, int] = field(default_factory=dict)  # split -> gold cells
    right: dict[str, int] = field(default_factory=dict)  # split -> cells right
    misses: list[tuple[str, str]] = field(default_factory=list)  # (split, miss)
    error: str = ""

    @property
    def accuracy(self) -> float:
        return _ratio(sum(self.right.values()), sum(self.cells.values()))


@dataclass
class Report:
    """Scores by document and in total, and by batch."""

    documents: list[DocumentScore]
    batches: list[BatchScore] = field(default_factory=list)

    def split(self, name: str) -> "Report":
        """The documents and batch cells of one split only."""
        batches = [BatchScore(b.path, {name: b.cells.get(name, 0)}, {name: b.right.get(name, 0)},
                              [m for m in b.misses if m[0] == name], b.error)
                   for b in self.batches if b.cells.get(name)]
        return Report([d for d in self.documents if d.split == name], batches)

    @property
    def failed(self) -> list[str]:
        """Documents and batches that could not be read at all."""
        return ([d.path for d in self.documents if d.error]
                + [b.path for b in self.batches if b.error])

    @property
    def totals(self) -> dict[str, float]:
        docs = self.documents
        cells = sum(sum(b.cells.values()) for b in self.batches)
        cells_right = sum(sum(b.right.values()) for b in self.batches)
        matched = sum(d.matched for d in docs)
        found = sum(d.found_pairs for d in docs)
        gold = sum(d.gold_pairs for d in docs)
        fields = [ok for d in docs for ok in d.fields_right.values()]
        return {
            "documents": float(len(docs)),
            "pair_precision": matched / found if found else 1.0 if not gold else 0.0,
            "pair_recall": matched / gold if gold else 1.0,
            "pair_f1": _f1(matched, found, gold),
            "answer_accuracy": _ratio(sum(d.answers_right for d in docs), matched),
            "kind_accuracy": _ratio(sum(d.kinds_right for d in docs), matched),
            "value_accuracy": _ratio(sum(d.values_right for d in docs), matched),
            "shared_accuracy": _ratio(sum(d.shared_right for d in docs), matched),
            "request_item_accuracy": _ratio(sum(d.items_right for d in docs), matched),
            "field_accuracy": _ratio(sum(fields), len(fields)),
            "batch_cells": float(cells),
            "cell_accuracy": _ratio(cells_right, cells),
            "table_cells": float(sum(d.gold_cells for d in docs)),
            "table_cell_label_accuracy": _ratio(sum(d.cells_found for d in docs),
                                                sum(d.gold_cells for d in docs)),
            "table_cell_value_accuracy": _ratio(sum(d.cells_right for d in docs),
                                                sum(d.cells_found for d in docs)),
            **{f"field_{name}": _ratio(sum(d.fields_right.get(name, False) for d in docs),
                                       sum(name in d.fields_right for d in docs))
               for name in FIELDS},
        }

    def as_dict(self) -> dict[str, Any]:
        return {"totals": self.totals,
                "splits": {name: self.split(name).totals for name in SPLITS},
                "batches": [{"path": b.path, "cells": b.cells, "right": b.right,
                             "accuracy": b.accuracy, "error": b.error} for b in self.batches],
                "documents": [
            {"path": d.path, "split": d.split, "format": d.format, "ocr_pages": d.ocr_pages,
             "gold_pairs": d.gold_pairs,
             "found_pairs": d.found_pairs, "matched": d.matched, "f1": d.f1,
             "answer_accuracy": _ratio(d.answers_right, d.matched),
             "kind_accuracy": _ratio(d.kinds_right, d.matched),
             "value_accuracy": _ratio(d.values_right, d.matched),
             "fields": d.fields_right, "misses": d.misses, "error": d.error}
            for d in self.documents]}


def _f1(matched: int, found: int, gold: int) -> float:
    if not found and not gold:
        return 1.0
    precision = matched / found if found else 0.0
    recall = matched / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(right: int, total: int) -> float:
    return right / total if total else 1.0


def gold_files(folders: Iterable[str]) -> list[Path]:
    """Every single-document gold file below the folders, each document once."""
    found: list[Path] = []
    seen: set[str] = set()
    for folder in folders:
        for gold in sorted(Path(folder).rglob("*.gold.json")):
            if gold.name == "batch.gold.json":
                continue
            document = gold.parent / json.loads(gold.read_text("utf-8"))["file"]
            if not document.is_file():
                continue
            digest = hashlib.sha256(document.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                found.append(gold)
    return found


def batch_gold_files(folders: Iterable[str]) -> list[Path]:
    """Every batch gold file below the folders, each batch folder once."""
    found: dict[Path, Path] = {}
    for folder in folders:
        for gold in sorted(Path(folder).rglob("batch.gold.json")):
            found.setdefault(gold.parent.resolve(), gold)
    return list(found.values())


def evaluate(folders: Iterable[str], batches: bool = True) -> Report:
    """Extract every document that has gold below the folders and score it; with
    ``batches``, compile every batch folder with its request and score its cells."""
    folders = list(folders)
    return Report([score_document(gold) for gold in gold_files(folders)],
                  [score_batch(gold) for gold in batch_gold_files(folders)] if batches else [])


def score_batch(gold_path: Path) -> BatchScore:
    """Compile a batch folder (with its ``request.md`` where there is one) and score every
    authority x item cell against ``batch.gold.json``; each cell counts in the split of the
    document its authority's gold names."""
    from .compile import compile_responses
    from .values.compare import same_value

    gold = json.loads(gold_path.read_text("utf-8"))
    folder = gold_path.parent
    score = BatchScore(path=os.path.relpath(folder))
    request = folder / "request.md"
    try:
        batch = compile_responses(str(folder), request=str(request) if request.is_file() else None)
    except FoiExtractError as err:
        score.error = f"{err.kind}: {err}"
        return score
    cells = {(Path(str(row["source"]).split("#")[0].split("!")[-1]).name, int(row["item"])): row
             for row in batch.answers.to_dict("records")}
    for want in gold["answers"]:
        split = split_of(folder / want["file"])
        score.cells[split] = score.cells.get(split, 0) + 1
        got = cells.get((want["file"], int(want["item"])))
        kind = str(got["kind"]) if got else "missing"
        value = str(got["value"] or "") if got else ""
        ok = kind == want["kind"] and same_value(want["kind"], value, want["value"])
        score.right[split] = score.right.get(split, 0) + ok
        if not ok:
            score.misses.append((split, f"{want['file']} item {want['item']}: got {kind} "
                                        f"{_short(value)!r}, want {want['kind']} "
                                        f"{_short(want['value'])!r}"))
    return score


def score_document(gold_path: Path) -> DocumentScore:
    """Score one document against its gold file."""
    from .values.compare import same_value

    gold = json.loads(gold_path.read_text("utf-8"))
    path = str(gold_path.parent / gold["file"])
    score = DocumentScore(path=os.path.relpath(path), split=split_of(path),
                          gold_pairs=len(gold["pairs"]))
    try:
        extraction = extract_file(path)[0]
    except FoiExtractError as err:
        score.error = f"{err.kind}: {err}"
        score.misses.append(score.error)
        return score
    rows = extraction.rows()
    doc, pairs = rows["documents"][0], rows["pairs"]
    score.format = str(doc["format"])
    score.ocr_pages = int(doc.get("ocr_pages") or 0)
    score.found_pairs = len(pairs)
    expected = gold["pairs"]
    for g_index, p_index in _align([g["question"] for g in expected],
                                   [str(p["question"]) for p in pairs]):
        if g_index is None:
            assert p_index is not None
            score.misses.append(f"extra pair: {_short(pairs[p_index]['question'])}")
            continue
        g = expected[g_index]
        if p_index is None:
            score.misses.append(f"missed pair {g_index + 1}: {_short(g['question'])}")
            continue
        p = pairs[p_index]
        score.matched += 1
        answer_ok = _same_text(str(p["answer"]), g["answer"])
        kind_ok = p.get("kind") == g["kind"]
        value_ok = kind_ok and same_value(g["kind"], str(p.get("value") or ""), g["value"])
        score.answers_right += answer_ok
        score.kinds_right += kind_ok
        score.values_right += value_ok
        score.shared_right += bool(p["shared"]) == g["shared"]
        score.items_right += p["request_item"] == g["request_item"]
        if not answer_ok:
            score.misses.append(f"pair {g_index + 1} answer: got {_short(p['answer'])!r}, "
                                f"want {_short(g['answer'])!r}")
        if not (kind_ok and value_ok):
            score.misses.append(f"pair {g_index + 1} value: got {p.get('kind')} "
                                f"{p.get('value')!r}, want {g['kind']} {g['value']!r}")
        if p["request_item"] != g["request_item"] or bool(p["shared"]) != g["shared"]:
            score.misses.append(f"pair {g_index + 1} item/shared: got {p['request_item']}/"
                                f"{p['shared']}, want {g['request_item']}/{g['shared']}")
    if "cells" in gold:
        _score_cells(score, gold["cells"], extraction.cells)
    for name in FIELDS:
        want = gold["document"].get(name, "")
        got = doc.get(name) or ""
        if name in ("exemptions", "flags"):
            found = set(filter(None, str(got).split("; ")))
            if name == "flags":
                found &= GOLD_FLAGS
                ok = found == set(want)
            else:  # a US section in full or short ("5 ILCS 140/7(1)(c)", "s7(1)(c)") alike
                ok = {short_provision(p) for p in found} == {short_provision(p) for p in want}
        else:
            ok = str(got) == str(want)
        score.fields_right[name] = ok
        if not ok:
            score.misses.append(f"{name}: got {got!r}, want {want!r}")
    return score


def _score_cells(score: DocumentScore, gold: list[dict[str, Any]], found: Sequence[Any]) -> None:
    """Table cells: each gold cell looked for by its row and column labels (folded), then its
    kind and value compared."""
    from .values.compare import same_value

    def key(rows: Iterable[str], columns: Iterable[str]) -> tuple[str, str]:
        return (" / ".join(" ".join(r.casefold().split()) for r in rows),
                " / ".join(" ".join(c.casefold().split()) for c in columns))

    waiting: dict[tuple[str, str], list[Any]] = {}
    for cell in found:
        waiting.setdefault(key(cell.row_labels, cell.column_labels), []).append(cell)
    score.gold_cells = len(gold)
    for want in gold:
        at = key(want["row_labels"], want["column_labels"])
        candidates = waiting.get(at)
        if not candidates:
            score.misses.append(f"cell not found: {_short(at[0], 40)} x {_short(at[1], 40)}")
            continue
        cell = candidates.pop(0)
        score.cells_found += 1
        if cell.kind == want["kind"] and same_value(want["kind"], cell.value or "", want["value"]):
            score.cells_right += 1
        else:
            score.misses.append(f"cell {_short(at[0], 30)} x {_short(at[1], 30)}: got {cell.kind} "
                                f"{cell.value!r}, want {want['kind']} {want['value']!r}")


def _align(gold: list[str], found: list[str]) -> list[tuple[int | None, int | None]]:
    """Longest common subsequence of questions: matched pairs, misses and extras, in order."""
    n, m = len(gold), len(found)
    if n == m == 1 and not gold[0].strip():
        # The gold's one answer to a request the letter never states (question ""): the one
        # pair found is that answer, whatever the reader named its question.
        return [(0, 0)]
    same = [[similarity(g, f) >= QUESTION_MATCH for f in found] for g in gold]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1],
                             best[i + 1][j + 1] + 1 if same[i][j] else 0)
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if same[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            out.append((i, None))
            i += 1
        else:
            out.append((None, j))
            j += 1
    out.extend((k, None) for k in range(i, n))
    out.extend((None, k) for k in range(j, m))
    return out


def _same_text(a: str, b: str) -> bool:
    """Two answers' texts alike up to whitespace, typographic quotes and dashes, and the list
    markers the gold format leaves out ("▪ Click ‘Extended Search’." reads as "Click
    ‘Extended Search’."): a bullet glyph standing alone.

    >>> _same_text("▪ Hit the button. ▪ Click ‘Search’.", "Hit the button. Click 'Search'.")
    True
    >>> _same_text("2022 - 12", "2022 12")
    False
    """
    return _folded(a) == _folded(b)


_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
# A list marker's glyph, standing alone (a dash is left: it is as often a range's).
_BULLET = re.compile(r"(?:^|(?<=\s))[•▪·●◦■‣⁃](?=\s|$)")


def _folded(text: str) -> str:
    return " ".join(_BULLET.sub(" ", text.translate(_FOLD)).split())


def _short(text: object, width: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(report: Report, misses: bool = True, heldout_details: bool = False) -> str:
    """The report as text for a terminal: documents by split, a totals line for each
    split (the held-out one on its own line), then the batches and the misses. The
    held-out documents' own rows and misses are shown only with ``heldout_details``, so
    that nobody tunes on them by accident."""
    header = (f"{'document':<62} {'fmt':<11} {'pairs':>9} {'F1':>5} {'ans':>5} {'kind':>5} "
              f"{'value':>5} {'fields':>6}")
    lines: list[str] = []
    for name in SPLITS:
        part = report.split(name)
        if not part.documents and not part.batches:
            continue
        hidden = name == "real-heldout" and not heldout_details
        lines.append(f"== {SPLIT_NAMES[name]}")
        if hidden:
            lines.append(f"   ({len(part.documents)} documents; rows and misses shown with "
                         "--heldout-details)")
        else:
            lines.append(header)
            lines.extend(_row(d) for d in part.documents)
        lines.append("")
    lines.append("totals:")
    for name in SPLITS:
        part = report.split(name)
        if part.documents or part.batches:
            lines.append(f"  {SPLIT_NAMES[name] + ':':<28} {_totals_line(part.totals)}")
    lines.append(f"  {'all:':<28} {_totals_line(report.totals)}")
    totals = report.totals
    lines.append("fields: " + ", ".join(f"{name} {totals['field_' + name]:.2f}" for name in FIELDS))
    if report.batches:
        lines.append("")
        lines.append("batches (compiled with their request, cells right):")
        for batch in report.batches:
            by_split = ", ".join(f"{SPLIT_NAMES[s].split(',')[-1].strip()} "
                                 f"{batch.right.get(s, 0)}/{batch.cells[s]}"
                                 for s in SPLITS if batch.cells.get(s))
            lines.append(f"  {batch.path}: {batch.error or f'{batch.accuracy:.3f} ({by_split})'}")
    if misses:
        for d in report.documents:
            if d.misses and (d.split != "real-heldout" or heldout_details):
                lines.append("")
                lines.append(f"misses in {d.path}:")
                lines.extend(f"  - {m}" for m in d.misses[:40])
                if len(d.misses) > 40:
                    lines.append(f"  … and {len(d.misses) - 40} more")
        for batch in report.batches:
            shown = [m for split, m in batch.misses if split != "real-heldout" or heldout_details]
            if shown:
                lines.append("")
                lines.append(f"cells missed in {batch.path}:")
                lines.extend(f"  - {m}" for m in shown[:40])
                if len(shown) > 40:
                    lines.append(f"  … and {len(shown) - 40} more")
    return "\n".join(lines)


def _row(d: DocumentScore) -> str:
    right = sum(d.fields_right.values())
    path = d.path if len(d.path) <= 62 else "…" + d.path[-61:]  # the file's name is what tells
    fmt = d.format + "+ocr" if d.format and d.ocr_pages else d.format or "ERROR"
    return (f"{path:<62} {fmt:<11} {d.matched:>3}/{d.gold_pairs:<2}"
            f"/{d.found_pairs:<2} {d.f1:5.2f} {_ratio(d.answers_right, d.matched):5.2f} "
            f"{_ratio(d.kinds_right, d.matched):5.2f} {_ratio(d.values_right, d.matched):5.2f} "
            f"{right:>3}/{len(d.fields_right):<2}")


def _totals_line(totals: dict[str, float]) -> str:
    line = (f"{int(totals['documents'])} documents: pair precision {totals['pair_precision']:.3f}, "
            f"recall {totals['pair_recall']:.3f}, F1 {totals['pair_f1']:.3f}; "
            f"answer {totals['answer_accuracy']:.3f}, kind {totals['kind_accuracy']:.3f}, "
            f"value {totals['value_accuracy']:.3f}; shared {totals['shared_accuracy']:.3f}, "
            f"request item {totals['request_item_accuracy']:.3f}; "
            f"fields {totals['field_accuracy']:.3f}")
    if totals["batch_cells"]:
        line += f"; batch cells {totals['cell_accuracy']:.3f} of {int(totals['batch_cells'])}"
    if totals["table_cells"]:
        line += (f"; table cells: labels {totals['table_cell_label_accuracy']:.3f}, values "
                 f"{totals['table_cell_value_accuracy']:.3f} of {int(totals['table_cells'])}")
    return line
