"""foiextract: Freedom of Information responses into tidy tables.

Read FOI response letters (PDF, Word, web pages, email, text, Markdown),
split them into question/answer pairs, read each answer as a value, and read
the facts around them (authority, dates, law, exemptions).

>>> import foiextract
>>> result = foiextract.extract("corpora/barnet-scr-dhr/barnet_6015464.md")  # doctest: +SKIP
>>> result.pairs[["question", "answer", "kind", "value"]]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import FoiExtractError
from .model import Block, Document, Pair, Source, Span, Value

__version__ = "0.1.0"
__all__ = [
    "Block", "Document", "FoiExtractError", "Pair", "Result", "Source", "Span", "Value",
    "compile_responses", "extract", "parse_answer", "read_document", "read_table", "segment",
    "__version__",
]

if TYPE_CHECKING:
    from .compile import compile_responses
    from .pipeline import extract
    from .readers import read_document
    from .result import Result
    from .segment import segment
    from .values import parse_answer
    from .writers import read_table

_LAZY = {
    "compile_responses": ("compile", "compile_responses"),
    "extract": ("pipeline", "extract"),
    "Result": ("result", "Result"),
    "read_document": ("readers", "read_document"),
    "segment": ("segment", "segment"),
    "parse_answer": ("values", "parse_answer"),
    "read_table": ("writers", "read_table"),
}


def __getattr__(name: str) -> Any:
    # Imported on first use: `import foiextract` stays fast and loads no parser it does not need.
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'foiextract' has no attribute {name!r}")
