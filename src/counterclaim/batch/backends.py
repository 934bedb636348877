"""Where partitions run: in this process, in a pool of processes, or on a Dask cluster.

A backend has one job (Hamilton's executors are as small): :meth:`Backend.map` runs a
picklable function over an iterable of partitions and yields ``(partition, outcome)`` *in
the order the partitions were given*, where ``outcome`` is the function's return value or
the exception that ended it (a lost worker, say). At most ``max_in_flight`` partitions are
submitted and not yet yielded, so the iterable of partitions is consumed lazily and memory
stays flat however long it is. Results are therefore identical on every backend.

* :class:`LocalBackend` — in this process, one partition after another (pdb works).
* :class:`ProcessBackend` — a ``concurrent.futures`` pool of ``workers`` processes (spawned,
  so nothing of the driver's state is inherited, each with one BLAS thread); each loads the
  spaCy pipeline once.
* :class:`DaskBackend` — a ``dask.distributed`` client: one it is given (and does not own or
  close), one connected to ``scheduler`` (``tcp://host:8786``), or a ``LocalCluster`` of
  ``workers`` single-threaded processes. Dask is imported only here; without it the error
  names the extra to install.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from counterclaim.errors import BatchErrors, ConfigError

P = TypeVar("P")
Outcome = Any
"""The function's return value, or the exception that ended the partition."""

DASK_MISSING = BatchErrors.E152.format()
ENGINES = ("local", "processes", "dask")


class BatchBackendError(ConfigError):
    """A backend cannot be started (E152 dask missing, E153 no scheduler at the address)."""


class Backend(Protocol):
    """Runs a function over partitions; see the module docstring."""

    name: str
    workers: int

    def map(self, fn: Callable[[P], Any], partitions: Iterable[P], *, max_in_flight: int | None = None
            ) -> Iterator[tuple[P, Outcome]]:
        """Yield ``(partition, result or exception)`` in input order."""
        ...

    def close(self) -> None:
        """Release what the backend started (never a client it was given)."""
        ...


class LocalBackend:
    """Run every partition in this process, in order."""

    name = "local"
    workers = 1

    def map(self, fn: Callable[[P], Any], partitions: Iterable[P], *, max_in_flight: int | None = None
            ) -> Iterator[tuple[P, Outcome]]:
        """Yield ``(partition, outcome)``; an exception becomes the outcome (except Ctrl-C)."""
        for part in partitions:
            try:
                outcome = fn(part)
            except (KeyboardInterrupt, MemoryError):
                raise
            except Exception as exc:  # reported per partition, as the other backends do
                outcome = exc
            yield part, outcome

    def close(self) -> None:
        """Nothing to release."""


def _ordered(submit: Callable[[P], Any], result: Callable[[Any], Any], partitions: Iterable[P],
             limit: int) -> Iterator[tuple[P, Outcome]]:
    """Keep up to ``limit`` futures running; yield the oldest one's outcome first."""
    window: deque[tuple[P, Any]] = deque()
    for part in partitions:
        window.append((part, submit(part)))
        if len(window) >= limit:
            yield _pop(window, result)
    while window:
        yield _pop(window, result)


def _pop(window: deque[tuple[P, Any]], result: Callable[[Any], Any]) -> tuple[P, Outcome]:
    part, future = window.popleft()
    try:
        return part, result(future)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a worker died or the function raised
        return part, exc


class ProcessBackend:
    """A pool of ``workers`` spawned processes (default: every core)."""

    name = "processes"

    def __init__(self, workers: int | None = None) -> None:
        from concurrent.futures import ProcessPoolExecutor

        from counterclaim.batch.worker import init_worker

        self.workers = workers or os.cpu_count() or 1
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=init_worker)

    def map(self, fn: Callable[[P], Any], partitions: Iterable[P], *, max_in_flight: int | None = None
            ) -> Iterator[tuple[P, Outcome]]:
        """Yield ``(partition, outcome)`` in order, with at most ``max_in_flight`` running or waiting."""
        yield from _ordered(lambda part: self._pool.submit(fn, part), lambda f: f.result(), partitions,
                            max_in_flight or 2 * self.workers)

    def close(self) -> None:
        """Shut the pool down (waiting for nothing that is still queued)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskBackend:
    """Partitions as ``dask.distributed`` tasks.

    Args:
        client: a ``distributed.Client`` to use; it is not closed by :meth:`close`.
        scheduler: the address of a running scheduler (``tcp://host:8786``) to connect to.
        workers: size of the ``LocalCluster`` started when neither is given (default: every core).

    Raises:
        BatchBackendError: dask.distributed is not installed (E152) or the scheduler cannot
            be reached (E153).
    """

    name = "dask"

    def __init__(self, client: Any = None, *, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise BatchBackendError(DASK_MISSING) from exc
        self._owned: list[Any] = []
        if client is None:
            if scheduler:
                try:
                    client = Client(scheduler, timeout="20s")
                except OSError as exc:
                    raise BatchBackendError(BatchErrors.E153.format(scheduler=scheduler, detail=exc)) from exc
            else:
                n = workers or os.cpu_count() or 1
                cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
                client = Client(cluster)
                self._owned.append(cluster)
            self._owned.insert(0, client)
        self.client = client
        self.workers = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))

    def map(self, fn: Callable[[P], Any], partitions: Iterable[P], *, max_in_flight: int | None = None
            ) -> Iterator[tuple[P, Outcome]]:
        """Yield ``(partition, outcome)`` in order, with at most ``max_in_flight`` submitted and unyielded."""
        yield from _ordered(lambda part: self.client.submit(fn, part, pure=False), lambda f: f.result(),
                            partitions, max_in_flight or 2 * self.workers)

    def close(self) -> None:
        """Close the client and cluster this backend started (not a client it was given)."""
        for thing in self._owned:
            thing.close()
        self._owned = []


def make_backend(engine: str = "local", *, workers: int | None = None, scheduler: str | None = None,
                 client: Any = None) -> LocalBackend | ProcessBackend | DaskBackend:
    """A backend by name: ``local``, ``processes`` or ``dask`` (see the classes).

    Raises:
        BatchBackendError: an unknown engine, or see :class:`DaskBackend`.
    """
    if engine == "local":
        return LocalBackend()
    if engine == "processes":
        return ProcessBackend(workers)
    if engine == "dask":
        return DaskBackend(client, scheduler=scheduler, workers=workers)
    raise BatchBackendError(BatchErrors.E154.format(engine=engine, engines=", ".join(ENGINES)))
