"""The examples in the package's docstrings run and say what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import foiextract

MODULES = sorted(m.name for m in pkgutil.walk_packages(foiextract.__path__, "foiextract.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    try:
        module = importlib.import_module(name)
    except ImportError as err:  # an optional extra (dask) not installed
        pytest.skip(f"{name} needs {err.name}")
    failed, _tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=False)
    path = name.replace(".", "/") + ".py"
    assert failed == 0, f"{name}: {failed} example(s) fail (pytest --doctest-modules {path})"
