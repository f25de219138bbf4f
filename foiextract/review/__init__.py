"""Review: one person checks the doubtful cells beside their source, and each decision is a
correction that sticks (see :mod:`foiextract.corrections`).

>>> from foiextract.review import build_review
>>> page = build_review("out/")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import Output, load_output
    from .page import ReviewPage, build_review, page_folder
    from .serve import review_server

__all__ = ["Output", "ReviewPage", "build_review", "load_output", "page_folder",
           "review_server"]
_LAZY = {"Output": "load", "load_output": "load", "ReviewPage": "page", "build_review": "page",
         "page_folder": "page", "review_server": "serve"}


def __getattr__(name: str) -> Any:
    # Imported on first use: `foiextract --help` loads foiextract.review.command, not pandas.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
