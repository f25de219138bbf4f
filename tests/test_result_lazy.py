"""Tables when asked (issue 18): ``extract()`` sorts rows as rows and builds a table's frame
only when it is first asked for, with the same frames the eager build gave."""

from __future__ import annotations

import random

import pandas as pd
import pytest

import foiextract
from foiextract import result as result_module
from foiextract.pipeline import extract_file, iter_inputs
from foiextract.result import Result
from foiextract.tables import SORT_KEYS, TABLES, frame

from .conftest import BARNET, CORPORA


def _eager(name: str, rows: list[dict]) -> pd.DataFrame:
    """A table as ``Result.from_rows`` built it before: a frame, then pandas' stable sort."""
    df = frame(name, rows)
    keys = [k for k in SORT_KEYS[name] if k in df.columns]
    if df.empty or not keys:
        return df.reset_index(drop=True)
    return df.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)


def test_extract_builds_no_frame_until_a_table_is_asked_for(
        monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []

    def counting(name: str, rows: list[dict]) -> pd.DataFrame:
        built.append(name)
        return frame(name, rows)

    monkeypatch.setattr(result_module, "frame", counting)
    result = foiextract.extract(str(BARNET))
    assert built == [] and not result.failed
    assert len(result.pairs) == 22 and built == ["pairs"]
    assert result.pairs is result.pairs and built == ["pairs"]  # built once
    assert [name for name, _ in result.tables()] == list(TABLES)
    assert sorted(built) == sorted(TABLES)


def test_rows_sorted_as_rows_give_the_frames_pandas_sorting_gave() -> None:
    sources = [s for s in iter_inputs([CORPORA / "singles", CORPORA / "london-scr-dhr-batch"])
               if s.endswith((".md", ".html", ".txt", ".eml", ".docx"))]
    random.Random(18).shuffle(sources)  # documents in any order
    extractions = [e for source in sources for e in extract_file(source)]
    errors = [{"source": "b.md", "kind": "empty_file", "message": "b"},
              {"source": "a.md", "kind": "empty_file", "message": "a"}]
    result = Result.from_rows(extractions, errors)
    by_document = [e.rows() for e in extractions]
    for name in TABLES:
        rows = errors if name == "errors" else [r for doc in by_document for r in doc[name]]
        pd.testing.assert_frame_equal(result.table(name), _eager(name, rows), check_exact=True)


def test_a_result_made_from_frames_keeps_them() -> None:
    frames = {name: frame(name, []) for name in TABLES}
    result = Result(**frames)
    assert all(result.table(name) is frames[name] for name in TABLES)
    with pytest.raises(AttributeError):
        result.pairs = frames["pairs"]  # type: ignore[misc]
