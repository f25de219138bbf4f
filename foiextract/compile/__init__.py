"""One request, many responses: compile authorities' answers into one dataset.

Read every response (files, folders, a request platform's batch ZIP), take the
request from a file or infer it from the responses, match each response's
answers to the request's items, and build an ``answers`` table (one row per
authority and item), a ``dataset`` (one row per authority, one typed column
per item), the ``request`` and a ``review`` list of the cells that need a look.

>>> from foiextract.compile import compile_responses
>>> batch = compile_responses("responses/", request="request.md")  # doctest: +SKIP
>>> batch.write("dataset.xlsx")  # doctest: +SKIP
['dataset.xlsx']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .request import Request, infer_request, read_request, short_names
    from .run import Compilation, compile_responses

__all__ = ["Compilation", "Request", "compile_responses", "infer_request", "read_request",
           "short_names"]
_LAZY = {"Request": "request", "infer_request": "request", "read_request": "request",
         "short_names": "request", "Compilation": "run", "compile_responses": "run"}


def __getattr__(name: str) -> Any:
    # Imported on first use: `foiextract compile --help` (and `foiextract --help`, which loads
    # foiextract.compile.command) must not pay for pandas and scipy.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
