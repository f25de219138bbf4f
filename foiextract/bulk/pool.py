"""Reusable workers: a few long-lived processes read many documents, under the same limits.

A fresh child a document (:func:`~foiextract.bulk.isolate.run_isolated`) costs
more than reading a short letter does (issue 18: 18 ms a document against 3.6 ms
in-process). A :class:`WorkerPool` keeps one worker process for each thread that
uses it (the local engine's threads; on a Dask cluster, each Dask worker's
threads: :mod:`foiextract.bulk.dask_engine`); the thread hands its worker one
document at a time and is the worker's watchdog while it reads:

- **time**: no record by the document's deadline, and the worker is killed (its
  process group: a converter it started goes too) and replaced;
- **memory**: before each document the worker caps its address space at what
  it maps then plus the limit, so the cap is the document's, as with a fresh
  child; a document that breaks it is a ``memory_limit`` row and its worker
  is replaced, whatever state the failed allocation left it in;
- **a crash**: a worker that dies is replaced.

In each case only that document becomes an ``errors`` row; the next document
goes to a new worker. A worker is also retired after :data:`MAX_DOCUMENTS`
documents, so what a long run leaves behind (caches, a fragmented heap) never
adds up: memory stays flat however many documents a run reads.

>>> with WorkerPool(Limits()) as pool:  # doctest: +SKIP
...     record = pool.run(Task("corpora/singles/leeds_EIR-21-0457.md", "k"))
>>> record.failed, len(record.tables["pairs"])  # doctest: +SKIP
(False, 9)
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import resource
import threading
import time
from multiprocessing.connection import Connection, wait
from types import TracebackType
from typing import Any

from ..errors import Timeout
from ..limits import Limits
from .isolate import (Record, Task, cap_memory, death, detach, extract_rows, failure,
                      start_child, stop_child, worker_context)

# A worker reads at most this many documents, then a fresh one takes over (a fork: ms).
MAX_DOCUMENTS = 200
# A worker told to stop (or finished with a document) is given this long to exit.
_EXIT_GRACE = 5.0


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, limits: Limits) -> None:
        context = worker_context()
        self.connection, child_end = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(child_end, limits), daemon=True)
        start_child(self.process)
        child_end.close()
        self.documents = 0

    def read(self, task: Task, limits: Limits) -> tuple[Record, bool]:
        """The record of ``task``, and whether this worker may read another document."""
        started = time.monotonic()
        deadline = started + limits.timeout if limits.timeout is not None else None
        try:
            self.connection.send(task)
        except (BrokenPipeError, OSError):
            pass  # it died between documents: its sentinel says so below
        self.documents += 1
        while True:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready = wait([self.connection, self.process.sentinel], timeout=remaining)
            if self.connection in ready:
                try:
                    record: Record = self.connection.recv()
                except (EOFError, OSError):
                    pass  # it died before sending: see how below
                else:
                    healthy = not _broke_its_cap(record) and self.documents < MAX_DOCUMENTS
                    return record, healthy
            if ready:
                self.process.join(_EXIT_GRACE)
                return failure(task, death(task.source, self.process.exitcode),
                               time.monotonic() - started), False
            return failure(task, Timeout(task.source, f"still reading after {limits.timeout:g} "
                                         "s; stopped", limit=limits.timeout),
                           time.monotonic() - started), False

    def stop(self, grace: float) -> None:
        """Ask the worker to exit; kill it (and its process group) after ``grace`` seconds."""
        with contextlib.suppress(BrokenPipeError, OSError):
            if grace:
                self.connection.send(None)
        stop_child(self.process, grace)
        self.connection.close()


def _broke_its_cap(record: Record) -> bool:
    return any(row.get("kind") == "memory_limit" for row in record.tables.get("errors", []))


class WorkerPool:
    """Long-lived worker processes, one for each thread that calls :meth:`run`.

    Use it as a context manager: leaving it stops every worker. A pool may outlive the
    threads that use it (on a Dask worker it serves run after run): the worker of a thread
    that has ended is stopped when another thread next starts one.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._local = threading.local()
        # Each worker, and the thread it reads for.
        self._workers: dict[_Worker, threading.Thread] = {}
        self._lock = threading.Lock()
        self._closed = False

    def run(self, task: Task) -> Record:
        """Extract ``task.source`` in this thread's worker; never raises for the document."""
        if self._closed:
            raise RuntimeError("the worker pool is closed")
        worker: _Worker | None = getattr(self._local, "worker", None)
        if worker is not None and not worker.process.is_alive():
            # It died while idle (the OOM killer; stop_all after an interrupted run, when the
            # pool outlives runs on a Dask worker): not this document's doing.
            self._retire(worker, grace=0.0)
            worker = None
        if worker is None:
            with self._lock:
                if self._closed:
                    raise RuntimeError("the worker pool is closed")
                orphans = [w for w, thread in self._workers.items() if not thread.is_alive()]
                for orphan in orphans:
                    del self._workers[orphan]
                worker = self._local.worker = _Worker(self.limits)
                self._workers[worker] = threading.current_thread()
            for orphan in orphans:
                orphan.stop(_EXIT_GRACE)
        record, healthy = worker.read(task, self.limits)
        if not healthy:
            self._retire(worker, grace=_EXIT_GRACE if not record.failed else 0.0)
        return record

    def _retire(self, worker: _Worker, grace: float) -> None:
        self._local.worker = None
        with self._lock:
            self._workers.pop(worker, None)
        worker.stop(grace)

    def close(self, grace: float = _EXIT_GRACE) -> None:
        """Stop every worker: asked to exit, killed if it does not within ``grace`` seconds
        (0: killed at once). Documents still waiting are refused (``RuntimeError``)."""
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), {}
        for worker in workers:
            worker.stop(grace)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        # Interrupted (Ctrl-C, an error): no worker is waited for, and no new one started.
        self.close(_EXIT_GRACE if error is None else 0.0)


def _serve(connection: Connection, limits: Limits) -> None:
    """A worker's life: read documents from ``connection`` until told to stop (``None``)."""
    # A crash is recorded as worker_crash; a C-level traceback on stderr would only add noise.
    faulthandler.disable()
    detach()
    while True:
        try:
            task: Any = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        cap_memory(limits.memory_limit)  # the cap is this document's: what is mapped now + limit
        started = time.perf_counter()
        tables = extract_rows(task.source, limits)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        record = Record(task.source, task.key, tables, peak, time.perf_counter() - started)
        connection.send(record)
        if _broke_its_cap(record):
            os._exit(0)  # a failed allocation may have left anything half-made: start afresh
