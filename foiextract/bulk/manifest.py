"""The run's state beside its output: one part file a document, a manifest, and a runs log.

Layout (``OUT/.foiextract/`` for a folder output, ``.NAME.foiextract/`` beside a file)::

    parts/ab/abcd….json      rows of a document that was read
    parts/ab/abcd….err.json  the errors row of one that failed
    manifest.jsonl           one line a finished document: key, source, status
    runs.jsonl               one line a run: when, how long, how many, peak memory
    lock                     held while a run writes

A part's key is a digest of the content's SHA-256, the path as given, the
foiextract version and the limits, so a part is reused only for the same bytes
read the same way. Parts are written atomically, so a run killed at any moment
leaves only whole parts, and the next run starts from them.

>>> part_key("ab" * 32, "a.md", "f00d")[:8]  # doctest: +SKIP
'5e3b2c1d'
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from typing import IO, Any, Mapping

from .. import __version__
from ..tables import RowKey, row_key
from ..writers import file_mode
from .isolate import Record, Rows

STATE_NAME = ".foiextract"
PART_FORMAT = 1


def state_dir(out: str, single_file: bool) -> str:
    """Where a run writing to ``out`` keeps its state."""
    if single_file:
        folder, name = os.path.split(os.path.abspath(out))
        return os.path.join(folder, f".{name}{STATE_NAME}")
    return os.path.join(out, STATE_NAME)


def part_key(sha256: str, source: str, fingerprint: str) -> str:
    """The manifest key of one input read one way."""
    text = "\0".join((sha256, source, __version__, fingerprint))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True, slots=True)
class Part:
    """A finished input: where its rows are, or (for a check the parent made) the rows."""

    path: str | None = None
    rows: Rows | None = None
    # The sort key of each table's first row, when known without reading the file back.
    first: Mapping[str, RowKey] | None = None

    def first_keys(self) -> Mapping[str, RowKey]:
        """The sort key of the first row of each table it has rows in."""
        if self.first is not None:
            return self.first
        return first_keys(self.tables())

    def tables(self) -> Rows:
        """Its rows, table by table."""
        if self.rows is not None:
            return self.rows
        assert self.path is not None
        with open(self.path, encoding="utf-8") as handle:
            tables: Rows = json.load(handle)["tables"]
        return tables


class State:
    """The state folder of one output, locked for the length of a run.

    >>> with State("out/.foiextract") as state:  # doctest: +SKIP
    ...     state.done("abcd…", retry_failed=False)
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder
        os.makedirs(os.path.join(folder, "parts"), exist_ok=True)
        self._lock: IO[str] = open(os.path.join(folder, "lock"), "w")
        try:
            import fcntl

            # A POSIX lock, not flock: worker children forked while it is held do not inherit
            # it, so it dies with this process even when a child outlives it for a moment.
            fcntl.lockf(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:
            pass
        except OSError:
            self._lock.close()
            raise RuntimeError(f"another run is writing to {folder}") from None
        self._manifest = open(os.path.join(folder, "manifest.jsonl"), "a", encoding="utf-8")

    def __enter__(self) -> "State":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the lock."""
        self._manifest.close()
        self._lock.close()

    def _path(self, key: str, failed: bool) -> str:
        return os.path.join(self.folder, "parts", key[:2], f"{key}{'.err' if failed else ''}.json")

    def done(self, key: str, retry_failed: bool) -> Part | None:
        """The finished part for ``key``, or None when it must be (re)read."""
        path = self._path(key, failed=False)
        if os.path.exists(path):
            return Part(path)
        path = self._path(key, failed=True)
        if not retry_failed and os.path.exists(path):
            return Part(path)
        return None

    def save(self, record: Record) -> Part:
        """Write a record's part atomically and log it in the manifest."""
        path = self._path(record.key, record.failed)
        body = {"format": PART_FORMAT, "key": record.key, "source": record.source,
                "tables": record.tables}
        # ASCII escapes keep paths that are not valid UTF-8 (surrogates) writable and readable.
        _write_atomic(path, json.dumps(body, sort_keys=True))
        if not record.failed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self._path(record.key, failed=True))
        status = record.tables["errors"][0]["kind"] if record.failed else "ok"
        self._log(self._manifest, {"key": record.key, "source": record.source,
                                   "status": status})
        return Part(path, first=first_keys(record.tables))

    def log_run(self, run: dict[str, Any]) -> None:
        """Append a line to ``runs.jsonl`` (the only place times are kept)."""
        with open(os.path.join(self.folder, "runs.jsonl"), "a", encoding="utf-8") as handle:
            self._log(handle, run)

    @staticmethod
    def _log(handle: IO[str], entry: dict[str, Any]) -> None:
        handle.write(json.dumps(entry, sort_keys=True) + "\n")
        handle.flush()


def first_keys(tables: Rows) -> dict[str, RowKey]:
    """The sort key of each table's first row (a part's rows are in table order)."""
    return {table: row_key(table, rows[0]) for table, rows in tables.items() if rows}


def _write_atomic(path: str, text: str) -> None:
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".part.", suffix=".tmp", dir=folder)
    try:
        # No fsync: a part must survive the process being killed, which rename alone gives.
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, file_mode())  # mkstemp makes it owner-only
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
