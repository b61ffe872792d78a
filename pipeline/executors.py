"""Where a run's batches are processed: in this process, in killable local workers, or on a Dask cluster.

The executor, not Prefect's task runner, owns the per-document time and memory limits, so they hold the
same with or without Prefect: under Prefect each batch is a task run whose thread only waits for the
executor. On Dask no Prefect code runs on the workers, so they need no Prefect API and never start a
Prefect server of their own (a worker process that runs a Prefect task without PREFECT_API_URL does, and
it outlives the run); the flow reports each batch as a task run from its own process. Each Dask worker
process hands its batches to killable children of its own, started for the run and stopped at its end.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from docketflow.pipeline.isolation import IsolatedPool
from docketflow.pipeline.outcomes import BatchResult, Outcome, Packed, packed
from docketflow.pipeline.preflight import CannotRun
from docketflow.pipeline.progress import Mark, finished_marks, marks
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import SourceItem, is_small

log = logging.getLogger("docketflow")


class Future(Protocol):
    def result(self) -> BatchResult: ...

    def add_done_callback(self, fn: Callable[[Any], object]) -> None: ...


Submit = Callable[[list[SourceItem], RunSettings], Future]


@dataclass
class Executor:
    """How to hand over a batch, and how many batches to keep in flight so every worker stays busy."""

    submit: Submit
    window: int
    kind: str
    """'inline', 'isolated' or 'dask', for the log."""
    cancel: Callable[[], None] | None = None
    """Give up the batches in flight at once (Ctrl-C, SIGTERM): kill the workers and redo nothing."""
    warm: Callable[[], None] | None = None
    """Start what the batches will need (worker processes) before the first batch is ready."""
    release: Callable[[], None] | None = None
    """Say that no batch will come any more, once the last is done: workers exit while the run publishes."""


class _Done:
    """A result computed in-line, behind the same interface as a pool's future."""

    def __init__(self, value: BatchResult) -> None:
        self._value = value

    def result(self) -> BatchResult:
        return self._value

    def add_done_callback(self, fn: Callable[[Any], object]) -> None:
        fn(self)


def inline(process: Callable[[list[SourceItem], RunSettings], BatchResult]) -> Submit:
    """Run each batch in this process, as it is submitted."""
    return lambda batch, settings: _Done(process(batch, settings))


def wants_isolation(settings: RunSettings) -> bool:
    """--isolate / --no-isolate when given; else isolation for anything but a handful of plain files, or
    whenever a per-document time limit was set (only workers can enforce it)."""
    limited = "doc_timeout_s" in settings.model_fields_set
    if settings.isolate is not None:
        if limited and not settings.isolate and settings.workers == 1:
            log.warning("--doc-timeout has no effect with --no-isolate: documents are processed in this "
                        "process, which cannot stop one that overruns")
        return settings.isolate
    return limited or not is_small(settings)


@contextlib.contextmanager
def open_executor(settings: RunSettings) -> Iterator[Executor]:
    """The executor for these settings, with everything it started stopped on the way out."""
    if settings.dask_address:
        with _dask(settings, wants_isolation(settings)) as executor:
            yield executor
    elif settings.workers > 1 or wants_isolation(settings):
        with IsolatedPool(settings.workers, settings) as pool:
            yield Executor(pool.submit, 2 * settings.workers, "isolated", cancel=pool.cancel, warm=pool.warm,
                           release=pool.release)
    else:
        from docketflow.pipeline.process import process_batch  # this process extracts: it loads spaCy now

        yield Executor(inline(process_batch), 1, "inline")


# --- Dask -------------------------------------------------------------------------------------------

_pools: dict[str, tuple[IsolatedPool, _Announcer]] = {}
"""On a Dask worker process: the killable workers of each run in progress, by run id."""
_pools_lock = threading.RLock()
_closed: set[str] = set()
"""On a Dask worker: the runs already closed here, so that a late warm-up starts no children for one."""


def _topic(run_id: str) -> str:
    """The Dask event topic on which a run's workers say which documents they finished."""
    return f"docketflow-progress-{run_id}"


class _Announcer:
    """On a Dask worker: sends the marks of finished documents to the run's client as events, at most a few
    times a second. Outcomes arrive on threads that are not the worker's, so the event is handed to the
    worker's event loop."""

    EVERY_S = 0.25

    def __init__(self, run_id: str, worker: Any) -> None:
        self.worker = worker
        self.topic = _topic(run_id)
        self.pending: list[Mark] = []
        self.sent = time.monotonic()
        self.lock = threading.Lock()

    def __call__(self, outcomes: list[Outcome] | list[Packed]) -> None:
        with self.lock:
            self.pending.extend(marks(outcomes))
            if time.monotonic() - self.sent >= self.EVERY_S:
                self._send()

    def flush(self) -> None:
        with self.lock:
            self._send()

    def _send(self) -> None:
        if self.pending:
            self.worker.loop.add_callback(self.worker.log_event, self.topic, self.pending)
            self.pending = []
        self.sent = time.monotonic()


def _on_dask_worker(items: list[SourceItem], settings: RunSettings, run_id: str, isolate: bool) -> BatchResult:
    """A batch on a Dask worker: in a killable child of this worker process when isolated (one per
    thread of the worker, started with the run's first batch), else in the worker process itself. The client
    hears of each document as it is done."""
    from distributed import get_worker

    if not isolate:
        from docketflow.pipeline.process import process_batch

        announce = _Announcer(run_id, get_worker())
        result = process_batch(items, settings, announce)
        announce.flush()
        return packed(items, result)
    pool, announce = _run_pool(run_id, settings, get_worker())
    result = pool.submit(items, settings).result()
    announce.flush()
    return result


def _run_pool(run_id: str, settings: RunSettings, worker: Any) -> tuple[IsolatedPool, _Announcer]:
    """On a Dask worker: the run's killable children (one per thread of the worker), made on first need."""
    with _pools_lock:
        if run_id not in _pools:
            announce = _Announcer(run_id, worker)
            _pools[run_id] = (IsolatedPool(max(1, worker.state.nthreads), settings, announce), announce)
        return _pools[run_id]


async def _warm_run(run_id: str, settings: RunSettings, dask_worker: Any = None) -> None:
    """On a Dask worker (through `Client.run`, which passes `dask_worker`): start the run's killable children
    now, so they load the pipeline while the first batches are read and sent. A coroutine, because `Client.run`
    can leave only those running without waiting; starting the children takes milliseconds."""
    with _pools_lock:  # held while the children start, so a close cannot come in between
        if run_id not in _closed:
            _run_pool(run_id, settings, dask_worker)[0].warm()


def _close_run(run_id: str) -> None:
    """On a Dask worker: stop the run's killable children."""
    with _pools_lock:
        run = _pools.pop(run_id, None)
        _closed.add(run_id)
    if run is not None:
        run[0].close()


def _connect(settings: RunSettings) -> Any:
    """A client of the cluster. Its workers may be stock (daemonic) ones: the killable children of an isolated
    run are then plain subprocesses (see `isolation`)."""
    try:
        from distributed import Client
    except ImportError as exc:  # Dask is an extra: docketflow[dask]
        raise CannotRun(f"--dask-address {settings.dask_address}: Dask's client is not installed here "
                        "(pip install 'docketflow[dask]')") from exc

    try:
        client = Client(settings.dask_address, set_as_default=False, timeout=30)
    except OSError as exc:
        raise CannotRun(f"--dask-address {settings.dask_address}: no Dask scheduler answers ({exc})") from exc
    return client


def check_cluster(settings: RunSettings) -> None:
    """Raise CannotRun now, before a Prefect flow run starts, when the Dask cluster cannot take the run."""
    _connect(settings).close()


@contextlib.contextmanager
def _dask(settings: RunSettings, isolate: bool) -> Iterator[Executor]:
    client = _connect(settings)
    run_id = uuid.uuid4().hex
    client.subscribe_topic(_topic(run_id), lambda event: finished_marks(event[1]))
    try:
        threads = sum(client.nthreads().values()) or 1

        def submit(batch: list[SourceItem], run_settings: RunSettings) -> Any:
            return client.submit(_on_dask_worker, batch, run_settings, run_id, isolate, pure=False)

        def warm() -> None:
            client.run(_warm_run, run_id, settings, wait=False)

        yield Executor(submit, 2 * threads, "dask", warm=warm if isolate else None)
    finally:
        with contextlib.suppress(Exception):  # a worker that is gone has nothing left to stop
            client.run(_close_run, run_id)
        with contextlib.suppress(Exception):
            client.unsubscribe_topic(_topic(run_id))
        client.close()
