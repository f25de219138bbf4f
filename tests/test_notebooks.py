"""The notebooks are stored without outputs and run top to bottom on the public API."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
_RUN: dict[Path, nbformat.NotebookNode] = {}


def _executed(path: Path) -> nbformat.NotebookNode:
    """The notebook run from notebooks/, as Jupyter would (once per test session)."""
    if path not in _RUN:
        book = nbformat.read(path, as_version=4)
        NotebookClient(book, timeout=120, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        _RUN[path] = book
    return _RUN[path]


def test_the_notebooks_are_there() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"quickstart.ipynb", "london-batch.ipynb",
                                           "hospital-crimes.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_stored_with_outputs_cleared(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    nbformat.validate(book)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom_on_the_public_api(path: Path) -> None:
    book = _executed(path)  # a failing cell raises CellExecutionError
    code = [c for c in book.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    source = "\n".join(c.source for c in code)
    assert "foiextract._" not in source
    assert "from foiextract." not in source.replace("from foiextract.compile import", "")


def test_batch_notebook_draws_its_chart() -> None:
    book = _executed(ROOT / "notebooks" / "london-batch.ipynb")
    images = [o for c in book.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) == 1


def test_hospital_crimes_notebook_charts_crimes_per_force_per_year() -> None:
    book = _executed(ROOT / "notebooks" / "hospital-crimes.ipynb")
    outputs = [o for c in book.cells if c.cell_type == "code" for o in c.outputs]
    assert len([o for o in outputs if "image/png" in o.get("data", {})]) == 1
    tables = [o["data"]["text/plain"] for o in outputs if "text/plain" in o.get("data", {})]
    per_year = next(t for t in tables if "year starting" in t)
    # Cumbria's Grand Total row, year by year, as the long table carries it.
    assert all(str(n) in per_year for n in (635, 505, 569, 513, 278))
