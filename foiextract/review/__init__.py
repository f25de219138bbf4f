"""Review: one person checks the doubtful cells beside their source, and each decision is a
correction that sticks (see :mod:`foiextract.corrections`).

>>> from foiextract.review import build_review
>>> page = build_review("out/")  # doctest: +SKIP
"""

from __future__ import annotations

from .load import Output, load_output
from .page import ReviewPage, build_review, page_folder
from .serve import review_server

__all__ = ["Output", "ReviewPage", "build_review", "load_output", "page_folder",
           "review_server"]
