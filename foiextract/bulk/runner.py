"""The bulk run: schedule every input on workers, keep each result as a part, merge the tables.

The parent never parses. It lists the inputs, checks each from ``stat``,
hashes it, skips it when the manifest already holds its part, and otherwise
hands it to a worker (locally, one of ``jobs`` long-lived worker processes,
each watched by a thread that kills and replaces it when a document breaks a
limit: :mod:`foiextract.bulk.pool`; or a task on a Dask cluster, read by
the same kind of long-lived worker processes on the Dask worker that runs it:
:mod:`foiextract.bulk.dask_engine`). Each result is written as a part as soon
as it arrives; at the end the parts are merged table by table
into the output. Output depends only on the inputs: not on ``jobs``, the
engine, the order work finished in, or how many runs it took.

>>> summary = run_bulk(["corpora/singles"], "out/")  # doctest: +SKIP
>>> summary.documents, summary.failed  # doctest: +SKIP
(12, False)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import resource
import time
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator, Literal, Mapping, Sequence

from .. import __version__
from ..errors import FoiExtractError, WorkerCrash
from ..pipeline import iter_inputs
from ..tables import TABLES, error_row
from ..writers import check_output, one_table
from .isolate import Record, Task, failure, stop_all
from ..limits import Limits, check_inside, probe
from .manifest import Part, State, part_key, state_dir
from .order import RowKey, merge_parts
from .pool import WorkerPool
from .progress import Progress
from .sink import CHUNK_ROWS, write_streams

if TYPE_CHECKING:
    from ..corrections import Corrector

Engine = Literal["local", "dask"]


@dataclass(frozen=True, slots=True)
class BulkOptions:
    """How to run: workers, limits, resuming, engine.

    ``jobs`` is the number of documents read at once (``None``: every core);
    with Dask it bounds the tasks in flight per worker thread.
    """

    jobs: int | None = None
    limits: Limits = field(default_factory=Limits)
    retry_failed: bool = False
    engine: Engine = "local"
    scheduler: str | None = None
    progress: bool | None = None
    chunk_rows: int = CHUNK_ROWS
    # A symbolic link in a folder given that leads out of it is an errors row unless this is set.
    follow_symlinks: bool = False
    # The table a one-table output (a .csv or .jsonl file, or ``-``) takes.
    table: str = "pairs"
    # Inputs shown under another name in the tables and messages: standard input, read into
    # a temporary file, is ``-``.
    labels: Mapping[str, str] = field(default_factory=dict)
    # A person's corrections, applied to the merged rows: a re-run with new ones reads nothing.
    corrections: Corrector | None = None


@dataclass(frozen=True, slots=True)
class BulkSummary:
    """What a run did. ``errors`` are the rows of the errors table, in table order."""

    inputs: int
    read: int
    skipped: int
    documents: int
    pairs: int
    pages: int
    errors: list[dict[str, Any]]
    outputs: list[str]
    seconds: float
    parent_peak_rss_kb: int
    worker_peak_rss_kb: int
    # Documents read that gave no question/answer pairs (flag ``no_pairs``): worth a look.
    no_pairs: list[str] = field(default_factory=list)
    # Each document read: its source and how many pairs it gave, in table order.
    read_documents: list[tuple[str, int]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when some input ended in ``errors``."""
        return bool(self.errors)


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_bulk(paths: Sequence[str | os.PathLike[str]], out: str, fmt: str | None = None,
             options: BulkOptions | None = None) -> BulkSummary:
    """Extract every input under ``paths`` into tables at ``out``, resuming a previous run.

    With ``engine="dask"`` the output is partitioned Parquet (``OUT/<table>/part-*.parquet``).
    """
    options = options or BulkOptions()
    started = time.monotonic()
    partitioned = options.engine == "dask"
    if partitioned and fmt not in (None, "parquet"):
        raise ValueError("the dask engine writes partitioned Parquet: leave out --format")
    fmt = "parquet" if partitioned else check_output(out, fmt, options.table, TABLES)
    listed = list(_listed(paths))
    inputs = [source for source, _ in listed]
    roots = [None if options.follow_symlinks else root for _, root in listed]
    progress = Progress(len(inputs), enabled=options.progress)
    single_file = fmt in ("sqlite", "xlsx") or (one_table(out) and not partitioned)
    with State(state_dir(out, single_file=single_file)) as state:
        with _executor(options) as (executor, in_flight, reader):
            try:
                parts, read, worker_peak = _schedule(inputs, roots, state, executor, reader,
                                                     in_flight, options, progress)
            except BaseException:
                stop_all()
                raise
            finally:
                progress.close()
        tally = _Tally()
        outputs = write_streams(_merged(parts, tally, options.corrections), out, fmt,
                                partitioned=partitioned, chunk_rows=options.chunk_rows,
                                table=options.table)
        summary = BulkSummary(
            inputs=len(inputs), read=read, skipped=progress.skipped, documents=tally.documents,
            pairs=tally.pairs, pages=tally.pages, errors=tally.errors, outputs=outputs,
            seconds=time.monotonic() - started,
            parent_peak_rss_kb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            worker_peak_rss_kb=worker_peak, no_pairs=tally.no_pairs,
            read_documents=tally.read_documents)
        state.log_run(_run_entry(summary, options, fmt))
    return summary


def _listed(paths: Sequence[str | os.PathLike[str]]) -> Iterator[tuple[str, str | None]]:
    """Every input with the folder it was found in (``None`` for a file named directly).

    A path named twice (or named and found in a folder named) is read once.
    """
    seen: set[str] = set()
    for path in paths:
        name = os.fspath(path)
        root = name if os.path.isdir(name) else None
        for source in iter_inputs([name]):
            if source not in seen:
                seen.add(source)
                yield source, root


Reader = Callable[[Task], Record]


@contextlib.contextmanager
def _executor(options: BulkOptions) -> Iterator[tuple[Executor, int, Reader]]:
    """Where documents are read: the executor, how many may be in flight, and what it runs
    for one document."""
    jobs = options.jobs or cores()
    if options.engine == "local":
        # Each thread watches its own worker process, which reads one document after another.
        # The pool is left first: on an interrupt its workers die before the threads are joined.
        with ThreadPoolExecutor(jobs, thread_name_prefix="foiextract") as pool, \
                WorkerPool(options.limits) as workers:
            yield pool, 2 * jobs, workers.run
        return
    from .dask_engine import dask_executor, run_pooled

    with dask_executor(options.scheduler, jobs) as (executor, threads):
        yield executor, 2 * threads, functools.partial(run_pooled, limits=options.limits)


def _schedule(inputs: list[str], roots: list[str | None], state: State, executor: Executor,
              reader: Reader, in_flight: int, options: BulkOptions, progress: Progress
              ) -> tuple[list[Part], int, int]:
    limits = options.limits
    fingerprint = limits.fingerprint()
    parts: list[Part | None] = [None] * len(inputs)
    running: dict[Future[Record], tuple[int, Task]] = {}
    read = peak = 0

    def collect(finished: set[Future[Record]]) -> None:
        nonlocal read, peak
        for future in finished:
            index, task = running.pop(future)
            record = _relabel(_outcome(future, task), options.labels)
            parts[index] = state.save(record)
            read += 1
            peak = max(peak, record.peak_rss_kb)
            progress.update(failed=record.failed)

    for index, (source, root) in enumerate(zip(inputs, roots)):
        try:
            if root is not None:
                check_inside(source, root)
            sha = probe(source, limits)
        except FoiExtractError as err:
            rows = {"errors": [error_row(source, err)]}
            parts[index] = Part(rows=_relabel_rows(rows, options.labels))
            progress.update(failed=True)
            continue
        task = Task(source, part_key(sha, options.labels.get(source, source), fingerprint))
        done = state.done(task.key, options.retry_failed)
        if done is not None:
            parts[index] = done
            progress.update(failed=bool(done.path and done.path.endswith(".err.json")),
                            skipped=True)
            continue
        running[executor.submit(reader, task)] = (index, task)
        if len(running) >= in_flight:
            collect(wait(running, return_when=FIRST_COMPLETED).done)
    while running:
        collect(wait(running, return_when=FIRST_COMPLETED).done)
    assert all(part is not None for part in parts)
    return [part for part in parts if part is not None], read, peak


def _relabel(record: Record, labels: Mapping[str, str]) -> Record:
    """The record with a labelled input's path replaced by its label (``-`` for stdin)."""
    if record.source not in labels:
        return record
    return Record(labels[record.source], record.key, _relabel_rows(record.tables, labels),
                  record.peak_rss_kb, record.seconds)


def _relabel_rows(tables: dict[str, list[dict[str, Any]]], labels: Mapping[str, str]
                  ) -> dict[str, list[dict[str, Any]]]:
    if not labels:
        return tables

    def label(text: Any) -> Any:
        if not isinstance(text, str):
            return text
        for path, name in labels.items():
            text = text.replace(path, name)
        return text

    return {table: [{k: label(v) if k in ("source", "message") else v for k, v in row.items()}
                    for row in rows] for table, rows in tables.items()}


def _outcome(future: Future[Record], task: Task) -> Record:
    """The future's record; a worker that failed outside the document gives a worker_crash."""
    try:
        return future.result()
    except Exception as exc:  # the worker, not the document: never quote its message
        return failure(task, WorkerCrash(task.source, "the worker failed outside the reader "
                                         f"({type(exc).__name__})"))


class _Tally:
    """Counts rows as they stream past on their way to disk."""

    def __init__(self) -> None:
        self.documents = self.pairs = self.pages = 0
        self.errors: list[dict[str, Any]] = []
        self.no_pairs: list[str] = []
        self.read_documents: list[tuple[str, int]] = []

    def watch(self, table: str, rows: Iterator[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
        for row in rows:
            if table == "documents":
                self.documents += 1
                self.pages += row.get("pages") or 0
                self.read_documents.append((str(row.get("source")), int(row.get("n_pairs") or 0)))
                if "no_pairs" in str(row.get("flags") or "").split("; "):
                    self.no_pairs.append(str(row.get("source")))
            elif table == "pairs":
                self.pairs += 1
            elif table == "errors":
                self.errors.append(dict(row))
            yield row


def _merged(parts: list[Part], tally: _Tally, corrections: Corrector | None = None
            ) -> dict[str, Iterator[Mapping[str, Any]]]:
    first_keys: dict[str, list[RowKey | None]] = {table: [] for table in TABLES}
    for part in parts:
        first = part.first_keys()  # known from the run for a part just read: no file read
        for table in TABLES:
            first_keys[table].append(first.get(table))

    def stream(table: str) -> Iterator[Mapping[str, Any]]:
        rows = merge_parts(table, first_keys[table],
                           lambda i: parts[i].tables().get(table, []))
        if corrections is not None:
            rows = corrections.rows(table, rows)
        return tally.watch(table, rows)

    return {table: stream(table) for table in TABLES}


def _run_entry(summary: BulkSummary, options: BulkOptions, fmt: str) -> dict[str, Any]:
    return {
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(summary.seconds, 3), "version": __version__, "engine": options.engine,
        "jobs": options.jobs or cores(), "format": fmt, "inputs": summary.inputs,
        "read": summary.read, "skipped": summary.skipped, "failed": len(summary.errors),
        "documents": summary.documents, "pairs": summary.pairs, "pages": summary.pages,
        "parent_peak_rss_kb": summary.parent_peak_rss_kb,
        "worker_peak_rss_kb": summary.worker_peak_rss_kb,
    }
