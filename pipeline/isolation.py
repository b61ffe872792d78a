"""Worker processes that can be killed, so one pathological document cannot hang or sink a run.

`concurrent.futures` cannot stop a task that spins inside C code (a PDF that sends the parser into a
loop) or take back a worker that blew its memory. Here each worker is a process of our own with a
memory ceiling (`RLIMIT_AS`); the parent waits for each batch with a deadline. When a batch overruns,
or its worker dies, the worker is killed and replaced and the batch is redone one document at a time
with a per-document deadline; a document that overruns or kills its worker alone becomes an error
record (`timeout`, `worker_died`) and the run goes on.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import resource
import signal
import threading
import time
from concurrent.futures import CancelledError, Future
from multiprocessing.connection import Connection
from queue import Empty, Queue

from docketflow.extractors.nlp import build_nlp
from docketflow.models import ErrorRecord
from docketflow.pipeline.process import BatchResult, Outcome, process_batch
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import SourceItem
from docketflow.pipeline.summary import escape_log_lines

log = logging.getLogger("docketflow")
READY = "ready"
STARTUP_TIMEOUT_S = 300.0
"""Generous: a spawned worker imports spaCy and builds the pipeline, slow on a loaded machine."""
START_ATTEMPTS = 2
"""Workers that fail to start in a row before the run gives up (one may be unlucky; two are a setting)."""
WATCH_S = 0.5
"""How often a worker checks that its parent is still there."""


def _watch_parent(parent: int) -> None:
    """Exit as soon as the parent is gone (killed with -9, say): a worker never outlives its run. Tesseract,
    started by the worker with a parent-death signal, goes with it."""
    while True:
        time.sleep(WATCH_S)
        if os.getppid() != parent:
            os._exit(1)


def _tune_gc() -> None:
    """Collect garbage for throughput. The pipeline's patterns, vocab and court tables live as long as the
    worker: frozen, no collection walks them again; and a document makes millions of short-lived objects,
    so collecting every 50,000 allocations instead of every 700 stops the collector from running thousands
    of times per batch. Together about 15% of a text run (benchmarks/run_benchmark.py)."""
    gc.set_threshold(50_000, 20, 20)
    gc.freeze()


def _serve(conn: Connection, memory_bytes: int, spacy_model: str | None, parent: int) -> None:
    """Worker loop: build the pipeline, say so, then process batches until told to stop (None).

    Ctrl-C is the parent's to handle (it publishes, then kills the workers), so the worker ignores SIGINT:
    dying of it would only make the parent take the batch for a crash and redo it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    escape_log_lines(log)  # a worker's log lines reach the same terminal: names in them are escaped too
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    build_nlp(spacy_model)
    _tune_gc()
    conn.send(READY)
    while True:
        job = conn.recv()
        if job is None:
            return
        items, settings = job
        conn.send(process_batch(items, settings))


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, memory_bytes: int, spacy_model: str | None) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, memory_bytes, spacy_model, os.getpid()),
                                       daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def _start(self) -> None:
        """Wait for the worker to be ready; WorkerStartFailed when it dies or hangs before that."""
        with contextlib.suppress(EOFError, OSError):
            self.ready = self.conn.poll(STARTUP_TIMEOUT_S) and self.conn.recv() == READY
        if not self.ready:
            self.process.join(timeout=1)
            code = self.process.exitcode
            raise WorkerStartFailed("no worker process could start: the last one " +
                                    (f"exited with code {code}" if code is not None else
                                     f"was not ready after {STARTUP_TIMEOUT_S:g} s") + " while loading the pipeline")

    def run(self, items: list[SourceItem], settings: RunSettings, deadline: float) -> BatchResult | None:
        """The batch's result, or None when the worker overran the deadline or died. Start-up (imports,
        building the pipeline) is waited for separately, so it never counts against a document's time."""
        if not self.ready:
            self._start()
        try:
            self.conn.send((items, settings))
            if self.conn.poll(deadline):
                return self.conn.recv()
        except (EOFError, OSError):
            pass
        return None

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.kill()


class WorkerStartFailed(RuntimeError):
    """Worker processes die or hang while starting: a setting (memory limit) or the installation is at
    fault, not a document, so the run stops with this message rather than record every document as failed."""


def _failed(item: SourceItem, code: str, message: str) -> Outcome:
    return Outcome(error=ErrorRecord(path=item.relpath, stage="extract", error=code, message=message))


class IsolatedPool:
    """A pool of killable workers with the `submit(batch, settings) -> Future` interface of the flow."""

    def __init__(self, workers: int, settings: RunSettings) -> None:
        self.memory_bytes = settings.worker_memory_mb * 1024 * 1024
        self.spacy_model = settings.spacy_model
        self.idle: Queue[_Worker] = Queue()
        self.all: list[_Worker] = []
        self.closing = threading.Event()
        self.size = workers
        self.threads: list[threading.Thread] = []
        self.start_failures = 0

    def _spawn(self) -> _Worker:
        worker = _Worker(self.memory_bytes, self.spacy_model)
        self.all.append(worker)
        return worker

    def submit(self, items: list[SourceItem], settings: RunSettings) -> Future[BatchResult]:
        """Run a batch on the next free worker; the workers start with the first batch, so a run with
        nothing new to do never pays for them."""
        while len(self.all) < self.size:
            self.idle.put(self._spawn())
        future: Future[BatchResult] = Future()
        thread = threading.Thread(target=self._run, args=(items, settings, future), daemon=True)
        thread.start()
        self.threads.append(thread)
        return future

    def _run(self, items: list[SourceItem], settings: RunSettings, future: Future[BatchResult]) -> None:
        try:
            future.set_result(self._batch(items, settings))
        except BaseException as exc:  # handed to the flow, which stops the run
            future.set_exception(exc)

    def _attempt(self, items: list[SourceItem], settings: RunSettings, deadline: float) -> BatchResult | None:
        """One try on an idle worker; a worker that overran or died is replaced. Once the pool is closing
        (the run was interrupted) nothing is retried or recorded: the batch is simply not done."""
        worker = self._idle_worker()
        try:
            result = worker.run(items, settings, deadline)
        except WorkerStartFailed as exc:
            worker.kill()
            self.idle.put(self._spawn())
            if self.closing.is_set():
                raise CancelledError from exc
            self.start_failures += 1
            if self.start_failures >= START_ATTEMPTS:
                raise WorkerStartFailed(f"{exc} (worker_memory_mb={settings.worker_memory_mb}: "
                                        "DOCKETFLOW_WORKER_MEMORY_MB may be too low)") from exc
            return self._attempt(items, settings, deadline)
        if result is None:
            if self.closing.is_set():
                raise CancelledError
            worker.kill()
            worker = self._spawn()
        self.idle.put(worker)
        return result

    def _idle_worker(self) -> _Worker:
        """The next free worker; CancelledError once the pool is closing, also for a batch still waiting
        (the workers killed by `cancel` never come back to the queue)."""
        while not self.closing.is_set():
            with contextlib.suppress(Empty):
                return self.idle.get(timeout=WATCH_S)
        raise CancelledError

    def _batch(self, items: list[SourceItem], settings: RunSettings) -> BatchResult:
        result = self._attempt(items, settings, settings.doc_timeout_s * len(items))
        if result is not None:
            return result
        log.warning("a batch of %d documents overran or lost its worker; redoing it one document at a time",
                    len(items))
        combined = BatchResult()
        for item in items:
            single = self._attempt([item], settings, settings.doc_timeout_s)
            if single is None:
                message = (f"no result within {settings.doc_timeout_s:g} s or the worker died "
                           f"(memory limit {settings.worker_memory_mb} MB)")
                combined.outcomes.append(_failed(item, "timeout_or_worker_died", message))
                continue
            combined.outcomes.extend(single.outcomes)
            for stage, seconds in single.seconds.items():
                combined.seconds[stage] += seconds
        return combined

    def cancel(self) -> None:
        """Give up the batches in flight: kill every worker now (its Tesseract dies with it) and redo nothing."""
        self.closing.set()
        for worker in self.all:
            worker.kill()

    def close(self, interrupted: bool = False) -> None:
        """Wait for the batches in flight and stop the workers; when interrupted, kill them at once."""
        if interrupted:
            self.cancel()
        for thread in self.threads:
            thread.join()
        for worker in self.all:
            if worker.process.is_alive():
                worker.stop()

    def __enter__(self) -> IsolatedPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        self.close(interrupted=exc_type is not None)
