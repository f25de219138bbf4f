"""Run the documents on a Dask distributed cluster.

Each document is one task, :func:`run_pooled`, which reads the file on
whichever Dask worker runs it, in one of that worker's long-lived foiextract
worker processes (a :class:`~foiextract.bulk.pool.WorkerPool`, one for each of
its threads, started on the first document and kept until the Dask worker
exits), under the same time and memory limits as a local run: a document that
hangs, blows its memory cap or crashes its worker becomes its own ``errors``
row, and the next document goes to a fresh worker process. It sends back the
document's rows; the client keeps the parts and merges them, so only the
client writes the output. Workers need foiextract installed and the input
paths readable at the same paths, and must be allowed to start child processes
(``DASK_DISTRIBUTED__WORKER__DAEMON=False``).

>>> with dask_executor("tcp://scheduler:8786", jobs=2) as (executor, threads):  # doctest: +SKIP
...     executor.submit(run_pooled, task, limits).result()
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import threading
from concurrent.futures import Executor
from typing import Any, Iterator

from ..limits import Limits
from .isolate import Record, Task
from .pool import WorkerPool

DASK_EXTRA = "pip install 'foiextract[dask]'"
_DAEMONIC = ("the Dask workers are daemonic processes and cannot start foiextract's worker "
             "processes: start them with DASK_DISTRIBUTED__WORKER__DAEMON=False")
# This process's pools, one for each set of limits a run has asked for (a Dask worker may
# serve several runs, one after another or at once; each keeps its own limits).
_POOLS: dict[Limits, WorkerPool] = {}
_POOLS_LOCK = threading.Lock()


class EngineError(RuntimeError):
    """The Dask engine cannot run: its extra is not installed, or the scheduler is not there.

    >>> str(EngineError("no scheduler"))
    'no scheduler'
    """


def run_pooled(task: Task, limits: Limits) -> Record:
    """The Dask task of one document: extract ``task.source`` in this process's worker pool
    for ``limits``; the same record :func:`~foiextract.bulk.isolate.run_isolated` gives, and
    likewise never raises for the document.

    >>> record = run_pooled(Task("corpora/singles/leeds_EIR-21-0457.md", "k"), Limits())
    >>> record.failed, len(record.tables["pairs"])
    (False, 9)
    """
    return worker_pool(limits).run(task)


def worker_pool(limits: Limits) -> WorkerPool:
    """This process's :class:`~foiextract.bulk.pool.WorkerPool` for ``limits``: started on
    first use, closed when the process exits.

    >>> worker_pool(Limits()) is worker_pool(Limits())
    True
    """
    with _POOLS_LOCK:
        pool = _POOLS.get(limits)
        if pool is None:
            if _daemonic():
                raise RuntimeError(_DAEMONIC)
            pool = _POOLS[limits] = WorkerPool(limits)
            atexit.register(pool.close)
        return pool


def _daemonic() -> bool:
    return bool(multiprocessing.current_process().daemon)


@contextlib.contextmanager
def dask_executor(scheduler: str | None, jobs: int) -> Iterator[tuple[Executor, int]]:
    """A ``concurrent.futures`` executor over a Dask cluster, and its number of worker threads.

    Without ``scheduler`` a local cluster of ``jobs`` threads is started (handy for trying
    the engine on one machine).
    """
    try:
        import distributed
    except ImportError:
        raise EngineError("--engine dask needs Dask, which is not installed: "
                          f"{DASK_EXTRA}") from None

    # distributed is untyped: keep its objects as Any.
    Client: Any = distributed.Client
    LocalCluster: Any = distributed.LocalCluster
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=1, threads_per_worker=jobs, processes=False,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler)
        except (OSError, TimeoutError, ValueError) as err:
            # OSError: refused or timed out (distributed's TimeoutError is one); ValueError: a
            # malformed address. Neither is about writing the output.
            raise EngineError(f"could not reach the Dask scheduler at {scheduler} "
                              f"({type(err).__name__}): is `dask scheduler` running there, "
                              "and the address right?") from None
    try:
        if any(client.run(_daemonic).values()):
            raise RuntimeError(_DAEMONIC)
        threads = sum(client.nthreads().values()) or jobs
        yield client.get_executor(pure=False), threads
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
