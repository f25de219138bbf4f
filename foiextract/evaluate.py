"""Measure extraction against gold annotations (``*.gold.json`` beside each document).

Pairs are aligned in document order by question text; a matched pair is then
checked for its answer text, kind, value, ``shared`` and request item, and
each document for its facts. This is how every change is measured.

>>> report = evaluate(["corpora/barnet-scr-dhr"])  # doctest: +SKIP
>>> report.totals["pair_f1"]  # doctest: +SKIP
1.0
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .errors import FoiExtractError
from .pipeline import extract_file
from .segment.request import similarity

FIELDS = ("authority", "authority_code", "reference", "received_date", "response_date",
          "legislation", "exemptions", "flags")
QUESTION_MATCH = 0.9
# The flags gold annotates; others (such as "late") are not scored.
GOLD_FLAGS = {"template_text", "empty_public_interest_test", "unanswered_items"}


@dataclass
class DocumentScore:
    """How one document's extraction compares with its gold."""

    path: str
    format: str = ""
    gold_pairs: int = 0
    found_pairs: int = 0
    matched: int = 0
    answers_right: int = 0
    kinds_right: int = 0
    values_right: int = 0
    shared_right: int = 0
    items_right: int = 0
    fields_right: dict[str, bool] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def f1(self) -> float:
        return _f1(self.matched, self.found_pairs, self.gold_pairs)


@dataclass
class Report:
    """Scores by document and in total."""

    documents: list[DocumentScore]

    @property
    def totals(self) -> dict[str, float]:
        docs = self.documents
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
            **{f"field_{name}": _ratio(sum(d.fields_right.get(name, False) for d in docs),
                                       sum(name in d.fields_right for d in docs))
               for name in FIELDS},
        }

    def as_dict(self) -> dict[str, Any]:
        return {"totals": self.totals, "documents": [
            {"path": d.path, "format": d.format, "gold_pairs": d.gold_pairs,
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


def evaluate(folders: Iterable[str]) -> Report:
    """Extract every document that has gold below the folders and score it."""
    return Report([score_document(gold) for gold in gold_files(folders)])


def score_document(gold_path: Path) -> DocumentScore:
    """Score one document against its gold file."""
    from .values.compare import same_value

    gold = json.loads(gold_path.read_text("utf-8"))
    path = str(gold_path.parent / gold["file"])
    score = DocumentScore(path=os.path.relpath(path), gold_pairs=len(gold["pairs"]))
    try:
        extraction = extract_file(path)[0]
    except FoiExtractError as err:
        score.error = f"{err.kind}: {err}"
        score.misses.append(score.error)
        return score
    doc, pairs = extraction.document, extraction.pairs
    score.format = str(doc["format"])
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
    for name in FIELDS:
        want = gold["document"].get(name, "")
        got = doc.get(name) or ""
        if name in ("exemptions", "flags"):
            found = set(filter(None, str(got).split("; ")))
            if name == "flags":
                found &= GOLD_FLAGS
            ok = found == set(want)
        else:
            ok = str(got) == str(want)
        score.fields_right[name] = ok
        if not ok:
            score.misses.append(f"{name}: got {got!r}, want {want!r}")
    return score


def _align(gold: list[str], found: list[str]) -> list[tuple[int | None, int | None]]:
    """Longest common subsequence of questions: matched pairs, misses and extras, in order."""
    n, m = len(gold), len(found)
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
    fold = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return " ".join(a.translate(fold).split()) == " ".join(b.translate(fold).split())


def _short(text: object, width: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(report: Report, misses: bool = True) -> str:
    """The report as text for a terminal."""
    lines = [f"{'document':<62} {'fmt':<8} {'pairs':>9} {'F1':>5} {'ans':>5} {'kind':>5} "
             f"{'value':>5} {'fields':>6}"]
    for d in report.documents:
        right = sum(d.fields_right.values())
        lines.append(
            f"{_short(d.path, 62):<62} {d.format or 'ERROR':<8} {d.matched:>3}/{d.gold_pairs:<2}"
            f"/{d.found_pairs:<2} {d.f1:5.2f} {_ratio(d.answers_right, d.matched):5.2f} "
            f"{_ratio(d.kinds_right, d.matched):5.2f} {_ratio(d.values_right, d.matched):5.2f} "
            f"{right:>3}/{len(d.fields_right):<2}")
    totals = report.totals
    lines.append("")
    lines.append(
        f"{int(totals['documents'])} documents: pair precision {totals['pair_precision']:.3f}, "
        f"recall {totals['pair_recall']:.3f}, F1 {totals['pair_f1']:.3f}; "
        f"answer {totals['answer_accuracy']:.3f}, kind {totals['kind_accuracy']:.3f}, "
        f"value {totals['value_accuracy']:.3f}; shared {totals['shared_accuracy']:.3f}, "
        f"request item {totals['request_item_accuracy']:.3f}; fields {totals['field_accuracy']:.3f}")
    lines.append("fields: " + ", ".join(f"{name} {totals['field_' + name]:.2f}" for name in FIELDS))
    if misses:
        for d in report.documents:
            if d.misses:
                lines.append("")
                lines.append(f"misses in {d.path}:")
                lines.extend(f"  - {m}" for m in d.misses[:40])
                if len(d.misses) > 40:
                    lines.append(f"  … and {len(d.misses) - 40} more")
    return "\n".join(lines)
