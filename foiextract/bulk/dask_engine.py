"""Run the documents on a Dask distributed cluster.

Each document is one task, :func:`~foiextract.bulk.isolate.run_isolated`,
which reads the file on whichever worker runs it, in a child process with the
same time and memory limits as a local run, and sends back its rows. The
client keeps the parts and merges them, so only the client writes the output.
Workers need foiextract installed and the input paths readable at the same
paths, and must be allowed to start child processes
(``DASK_DISTRIBUTED__WORKER__DAEMON=False``).

>>> with dask_executor("tcp://scheduler:8786", jobs=2) as (executor, threads):  # doctest: +SKIP
...     executor.submit(run_isolated, task, limits).result()
"""

from __future__ import annotations

import contextlib
import multiprocessing
from concurrent.futures import Executor
from typing import Any, Iterator

DASK_EXTRA = "pip install 'foiextract[dask]'"


class EngineError(RuntimeError):
    """The Dask engine cannot run: its extra is not installed, or the scheduler is not there.

    >>> str(EngineError("no scheduler"))
    'no scheduler'
    """


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
            raise RuntimeError(
                "the Dask workers are daemonic processes and cannot start a child process per "
                "document: start them with DASK_DISTRIBUTED__WORKER__DAEMON=False")
        threads = sum(client.nthreads().values()) or jobs
        yield client.get_executor(pure=False), threads
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
