"""The data files, each with the user's overlay on top.

Every vocabulary is a file of ``foiextract/data``. A folder named by the environment
variable ``FOIEXTRACT_DATA`` (``foiextract --data DIR`` sets it, so bulk workers see it too)
may hold files of the same names: a JSON overlay is merged into the packaged file (lists
grow by the entries they lack, objects merge key by key, other values are replaced), and a
CSV overlay's rows are added after the packaged ones (its header line, if it repeats the
packaged one, is skipped). So a user adds a phrase, a number word or an authority without
touching the code::

    $ mkdir my-data && echo '{"number_units": {"a brace": 2}}' > my-data/values_vocab.json
    $ FOIEXTRACT_DATA=my-data foiextract parse "a brace"

>>> load_json("segment_phrases.json")["version"] >= 1
True
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

ENV = "FOIEXTRACT_DATA"


def data_dir() -> Path | None:
    """The user's overlay folder, or None."""
    folder = os.environ.get(ENV, "").strip()
    return Path(folder) if folder else None


def use_data_dir(folder: str | os.PathLike[str] | None) -> None:
    """Read the overlay from ``folder`` from now on (None: no overlay), in this process and
    the worker processes it starts."""
    if folder is None:
        os.environ.pop(ENV, None)
    else:
        os.environ[ENV] = os.fspath(folder)
    # Every vocabulary built from the old files is built again from the new ones when next
    # asked for: the loaders' caches and those of the modules that read by them.
    for name, module in list(sys.modules.items()):
        if name == "foiextract" or name.startswith("foiextract."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


@cache
def load_json(name: str) -> Any:
    """The packaged JSON file ``name``, with the overlay's file of that name merged in."""
    data = json.loads(files("foiextract.data").joinpath(name).read_text("utf-8"))
    extra = _overlay(name)
    return _merged(data, json.loads(extra)) if extra is not None else data


@cache
def load_text(name: str) -> str:
    """The packaged text file ``name`` (a CSV), with the overlay's rows added after it."""
    text = files("foiextract.data").joinpath(name).read_text("utf-8")
    extra = _overlay(name)
    if extra is None:
        return text
    header = next((line for line in text.splitlines() if line and not line.startswith("#")), "")
    added = [line for line in extra.splitlines() if line.strip() and line != header]
    return text.rstrip("\n") + "\n" + "\n".join(added) + "\n"


def _overlay(name: str) -> str | None:
    folder = data_dir()
    if folder is None:
        return None
    path = folder / name
    return path.read_text("utf-8") if path.is_file() else None


def _merged(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merged(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra
