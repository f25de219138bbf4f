"""One document, one child process: a wall-clock limit, a memory cap, and a record either way.

Bulk runs read with the reusable workers of :mod:`foiextract.bulk.pool` (locally,
and on each Dask worker), which share what is here (reading a document into rows,
capping memory, naming a death). A fresh child for one document, as here, is for
reading one file on its own (the fuzz driver does).

:func:`run_isolated` starts a fresh child for the document (forked from a
parent that has already imported the readers, so starting one costs a few
milliseconds), waits for its rows through a pipe, and kills it when the time
is up. Whatever happens (rows, a reader's error, a hang, a blown memory cap, a
crash) the caller gets one :class:`Record`. Nothing is shared between
documents, so a dead child can never take the next document with it.

>>> record = run_isolated(Task("corpora/singles/leeds_EIR-21-0457.md", "k"), Limits())  # doctest: +SKIP
>>> record.failed, len(record.tables["pairs"])  # doctest: +SKIP
(False, 9)
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import cache
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import (CorruptFile, FoiExtractError, MemoryLimit, Timeout, WorkerCrash,
                      printable)
from ..limits import MiB, Limits
from .order import sort_rows

Rows = dict[str, list[dict[str, Any]]]
_PRELOAD = ["foiextract.pipeline"] + [
    f"foiextract.readers.{name}" for name in ("markdown", "pdf", "docx", "html", "email", "text",
                                              "sheet_xlsx", "sheet_ods", "sheet_csv")]
_PR_SET_PDEATHSIG = 1
# After a child has sent its rows it is given this long to exit before it is killed.
_EXIT_GRACE = 5.0
_SAMPLE = ("# Response to request FOI-1\n\nDear Requester,\n\n**1. How many cases were there in "
           "2020?**\n\nThree (3), on 1 March 2020; see https://example.org/a.\n\n"
           "**2. What did it cost?**\n\nInformation not held. Section 40(2) applies.\n")
_LIVE: set[Any] = set()
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Task:
    """One input to extract: its path and its manifest key."""

    source: str
    key: str


@dataclass(frozen=True, slots=True)
class Record:
    """What one input gave: its rows table by table (a failure is one ``errors`` row)."""

    source: str
    key: str
    tables: Rows = field(default_factory=dict)
    peak_rss_kb: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """True when the input ended as a row of ``errors``."""
        return bool(self.tables.get("errors"))


def failure(task: Task, err: FoiExtractError, seconds: float = 0.0) -> Record:
    """The record of an input that failed with ``err``."""
    from ..tables import error_row

    rows = _printable_rows({"errors": [error_row(task.source, err)]})
    return Record(task.source, task.key, rows, seconds=seconds)


def run_isolated(task: Task, limits: Limits) -> Record:
    """Extract ``task.source`` in a child process under ``limits``; never raises for the document."""
    context = worker_context()
    if multiprocessing.current_process().daemon:
        raise RuntimeError("this process is daemonic and cannot start a child for the document")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(task, limits, sender), daemon=True)
    started = time.monotonic()
    start_child(child)
    sender.close()
    hung = True
    try:
        record, hung = _await(task, limits, child, receiver, started)
        return record
    finally:
        stop_child(child, 0.0 if hung else _EXIT_GRACE)
        receiver.close()


def stop_all() -> None:
    """Kill every child still reading (the run was interrupted)."""
    with _LOCK:
        children = list(_LIVE)
    for child in children:
        with contextlib.suppress(ProcessLookupError, PermissionError, ValueError):
            os.killpg(child.pid, signal.SIGKILL)


def start_child(child: Any) -> None:
    """Start ``child`` and keep it among the live children :func:`stop_all` kills."""
    with _LOCK:
        child.start()
        _LIVE.add(child)


def _await(task: Task, limits: Limits, child: Any, receiver: Connection,
           started: float) -> tuple[Record, bool]:
    """The child's record, or a failure; and whether the child is hung (to be killed at once)."""
    deadline = started + limits.timeout if limits.timeout is not None else None
    while True:
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready = wait([receiver, child.sentinel], timeout=remaining)
        if receiver in ready:
            try:
                record: Record = receiver.recv()
                return record, False
            except (EOFError, OSError):
                pass  # it died before sending: see how below
        if ready:
            child.join(_EXIT_GRACE)
            return failure(task, death(task.source, child.exitcode),
                           time.monotonic() - started), False
        seconds = time.monotonic() - started
        return failure(task, Timeout(task.source, f"still reading after {limits.timeout:g} s; "
                                     "stopped", limit=limits.timeout), seconds), True


def death(source: str, exitcode: int | None) -> FoiExtractError:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else "?"
        return WorkerCrash(source, f"the worker reading the document was killed by {name}")
    return WorkerCrash(source, f"the worker reading the document exited with code {exitcode}")


def stop_child(child: Any, grace: float) -> None:
    child.join(grace)
    if child.is_alive():
        # The child leads its own process group, so a converter it started dies with it.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, signal.SIGKILL)
        child.kill()
    child.join()
    with _LOCK:
        _LIVE.discard(child)
    child.close()


@cache
def worker_context() -> Any:
    """Fork on Linux, from a parent that has imported every reader, so a child starts at once.

    Not the fork server: in Python 3.11 its children each re-run the main script
    (its ``__main__`` preload never takes effect), which costs a fraction of a
    second a document and breaks scripts without a ``__main__`` guard.
    """
    import importlib

    for module in _PRELOAD:
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    _warm_up()
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _warm_up() -> None:
    """Extract a two-line sample once, so the lazy loads (vocabularies, matchers) are inherited."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="foiextract-warm-") as folder:
        sample = os.path.join(folder, "sample.md")
        with open(sample, "w", encoding="utf-8") as handle:
            handle.write(_SAMPLE)
        with contextlib.suppress(Exception):
            extract_rows(sample, Limits(timeout=None, memory_limit=None))


def _child(task: Task, limits: Limits, sender: Connection) -> None:
    # A crash is recorded as worker_crash; a C-level traceback on stderr would only add noise.
    faulthandler.disable()
    detach()
    cap_memory(limits.memory_limit)
    started = time.perf_counter()
    tables = extract_rows(task.source, limits)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sender.send(Record(task.source, task.key, tables, peak, time.perf_counter() - started))
    sender.close()


def extract_rows(source: str, limits: Limits) -> Rows:
    """Check and extract one file in this process; every failure becomes one ``errors`` row."""
    from ..pipeline import extract_file
    from ..tables import error_row

    try:
        extractions = extract_file(source, limits)
    except FoiExtractError as err:
        return _printable_rows({"errors": [error_row(source, err)]})
    except MemoryError:
        cap = f" of {limits.memory_limit // MiB} MB" if limits.memory_limit else ""
        return _printable_rows({"errors": [error_row(source, MemoryLimit(
            source, f"reading the document needed more than the memory cap{cap}",
            limit=limits.memory_limit))]})
    except RecursionError:
        return _printable_rows({"errors": [error_row(source, CorruptFile(
            source, "the document is nested too deeply to read"))]})
    except Exception as exc:  # a reader bug: record it, never its message (it may quote the text)
        return _printable_rows({"errors": [error_row(source, WorkerCrash(
            source, f"the reader failed unexpectedly ({type(exc).__name__})"))]})
    by_document = [e.rows() for e in extractions]
    tables: Rows = {name: [r for rows in by_document for r in rows[name]]
                    for name in by_document[0]} if by_document else {}
    return _printable_rows({name: sort_rows(name, rows) for name, rows in tables.items() if rows})


def _printable_rows(tables: Rows) -> Rows:
    """The rows with every text as UTF-8 can hold it (see :func:`~foiextract.errors.printable`).

    A file name with a byte that is not UTF-8 (``caf\\xe9.md`` from an old Windows ZIP) used to
    reach the table writer as a lone surrogate and lose the whole run's tables.
    """
    for rows in tables.values():
        for row in rows:
            for column, value in row.items():
                if isinstance(value, str):
                    row[column] = printable(value)
    return tables


def detach() -> None:
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    if sys.platform.startswith("linux"):
        # Die with the process that started us, even if it is killed with SIGKILL.
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def cap_memory(limit: int | None) -> None:
    """Cap the address space at what the child already maps plus ``limit``."""
    if limit is None:
        return
    with contextlib.suppress(ValueError, OSError):
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = _mapped_bytes() + limit
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
