"""Worker processes that can be killed, so one pathological document cannot hang or sink a run.

`concurrent.futures` cannot stop a task that spins inside C code (a PDF that sends the parser into a
loop) or take back a worker that blew its memory. Here each worker is a process of our own with a
memory ceiling (`RLIMIT_AS`). A worker sends each document's outcome as soon as it is done, and the parent
gives every document its own deadline (`doc_timeout_s`, whatever the batch size). When a document
overruns, or its worker dies, the worker is killed and replaced, the outcomes already sent are kept, the
document is tried once more alone, and the rest of the batch goes on; a document that overruns or kills
its worker alone becomes an error record (`timeout_or_worker_died`) and the run goes on.

In a daemonic process (a stock Dask worker), which multiprocessing forbids to start children, the same
worker loop runs in a plain subprocess (`subprocess.Popen`, which is allowed) over the same kind of pipe:
the limits hold on a cluster started with default settings.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import logging
import multiprocessing
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from queue import Empty, Queue, SimpleQueue

from docketflow.pipeline.clean_spawn import CONTEXT
from docketflow.pipeline.outcomes import BatchResult, OnFinished, failed, packed
from docketflow.pipeline.progress import finished
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import SourceItem
from docketflow.pipeline.summary import escape_log_lines

log = logging.getLogger("docketflow")
READY = "ready"
DONE = "done"
"""What a worker sends after the last document of a batch."""
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


class _Sender:
    """In a worker: everything for the parent after READY goes through one thread, in the order it was handed
    over. Outcomes are packed there (`outcomes.packed`: JSON lines, the text's gzip member): zlib lets go of the
    GIL while it compresses, so compression overlaps the next document's extraction when a core is free, as on
    a machine with one worker per core and a coordinating process that is mostly idle."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.queue: SimpleQueue[object] = SimpleQueue()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def send(self, message: object) -> None:
        self.queue.put(message)

    def close(self) -> None:
        """Send what is queued, then stop the thread."""
        self.queue.put(_STOP)
        self.thread.join()

    def _run(self) -> None:
        while (message := self.queue.get()) is not _STOP:
            if isinstance(message, _Processed):
                message = packed([message.item], message.result)
            try:
                self.conn.send(message)
            except OSError:  # the parent is gone: so is the point of going on
                os._exit(1)


_STOP = object()


@dataclass(frozen=True)
class _Processed:
    """One document's result, as the pipeline thread hands it to the sender, which packs it."""

    item: SourceItem
    result: BatchResult


class _ToParent(logging.Handler):
    """In a worker: the docketflow logger's records go to the parent (through the sender, in order with the
    outcomes), so the parent handles them as its own (the terminal, the Prefect run's log), at the level the
    parent's logger had when it started us."""

    def __init__(self, sender: _Sender) -> None:
        super().__init__()
        self.sender = sender

    def emit(self, record: logging.LogRecord) -> None:
        try:
            record.msg, record.args = record.getMessage(), None  # the arguments may not pickle
            if record.exc_info:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
                record.exc_info = None
            self.sender.send(record)
        except Exception:
            self.handleError(record)


def _serve(conn: Connection, memory_bytes: int, spacy_model: str | None, parent: int,
           level: int = logging.WARNING) -> None:
    """Worker loop: build the pipeline, say so, then process batches until told to stop (None); the log
    records of a batch go to the parent between the documents' outcomes.

    Ctrl-C is the parent's to handle (it publishes, then kills the workers), so the worker ignores SIGINT:
    dying of it would only make the parent take the batch for a crash and redo it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    escape_log_lines(log)  # a worker's log lines reach the same terminal: names in them are escaped too
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:  # spaCy and the extractors load here, in the worker: the parent that starts it never needs them
        from docketflow.extractors.nlp import build_nlp, save_learned
        from docketflow.pipeline.process import process_batch

        build_nlp(spacy_model)
    except Exception as exc:  # an installation fault (a missing module): the parent says which, then stops
        conn.send(StartError(f"{type(exc).__name__}: {exc}".rstrip(": "), _out_of_memory(exc)))
        raise SystemExit(1) from None  # the parent prints the cause, once
    _tune_gc()
    conn.send(READY)
    sender = _Sender(conn)
    log.setLevel(level)
    log.addHandler(_ToParent(sender))
    log.propagate = False  # the parent shows them
    while True:
        job = conn.recv()
        if job is None:
            save_learned(build_nlp(spacy_model), wait=False)
            sender.close()
            return
        items, settings = job
        for item in items:  # one document at a time, so that each has its own deadline in the parent
            sender.send(_Processed(item, process_batch([item], settings)))
        sender.send(DONE)


def _out_of_memory(exc: BaseException | None) -> bool:
    """Whether an exception, or one it arose from, is the memory limit's: a MemoryError, an OS call refused
    memory (ENOMEM, as when a data file is mapped in), or the dynamic loader unable to map a compiled module
    ("failed to map segment from shared object", its words for the same refusal)."""
    while exc is not None:
        if isinstance(exc, MemoryError) or (isinstance(exc, OSError) and exc.errno == errno.ENOMEM) or (
                isinstance(exc, ImportError) and "failed to map segment" in str(exc)):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def serve_subprocess() -> None:
    """Entry point of a worker started by `_Subprocess`: the worker loop over the pipe end it inherited."""
    fd, *args = json.loads(sys.argv[1])
    _serve(Connection(fd), *args)


class _Subprocess:
    """A worker started with `subprocess.Popen`, seen through the part of `multiprocessing.Process` the pool
    uses (pid, is_alive, join, exitcode, kill)."""

    def __init__(self, child: Connection, args: tuple[object, ...]) -> None:
        code = "from docketflow.pipeline.isolation import serve_subprocess; serve_subprocess()"
        self._popen = subprocess.Popen([sys.executable, "-c", code, json.dumps([child.fileno(), *args])],
                                       pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL)
        self.pid = self._popen.pid

    @property
    def exitcode(self) -> int | None:
        return self._popen.poll()

    def is_alive(self) -> bool:
        return self._popen.poll() is None

    def join(self, timeout: float | None = None) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(timeout)

    def kill(self) -> None:
        self._popen.kill()


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, memory_bytes: int, spacy_model: str | None) -> None:
        self.conn, child = CONTEXT.Pipe()
        args = (memory_bytes, spacy_model, os.getpid(), log.getEffectiveLevel())
        self.process: multiprocessing.process.BaseProcess | _Subprocess
        if multiprocessing.current_process().daemon:  # may not have multiprocessing children: a plain one
            self.process = _Subprocess(child, args)
        else:
            # spawned (a fresh interpreter, never a fork of a threaded parent), without re-running the caller's
            # script: a plain script that calls docketflow.run at its top level stays safe (clean_spawn)
            self.process = CONTEXT.Process(target=_serve, daemon=True, args=(child, *args))
            self.process.start()
        child.close()
        self.ready = False
        self.released = False

    def _start(self) -> None:
        """Wait for the worker to be ready; WorkerStartFailed when it dies or hangs before that."""
        message = None
        with contextlib.suppress(EOFError, OSError):
            message = self.conn.recv() if self.conn.poll(STARTUP_TIMEOUT_S) else None
        self.ready = message == READY
        if isinstance(message, StartError):
            self.process.join(timeout=5)
            raise WorkerStartFailed(f"no worker process could load the pipeline: {message.error}",
                                    reported=not message.memory)
        if not self.ready:
            self.process.join(timeout=1)
            code = self.process.exitcode
            raise WorkerStartFailed("no worker process could start: the last one " +
                                    (f"exited with code {code}" if code is not None else
                                     f"was not ready after {STARTUP_TIMEOUT_S:g} s") + " while loading the pipeline")

    def run(self, items: list[SourceItem], settings: RunSettings, limit: float,
            on_finished: OnFinished) -> tuple[BatchResult, int, bool]:
        """The outcomes of the batch's first documents, how many there are (all of them, or fewer when the
        worker spent more than `limit` seconds on one document or died on it: the next one), and whether the
        worker said it was done (else it is replaced). Start-up (imports, building the pipeline) is waited
        for separately, so it never counts against a document."""
        if not self.ready:
            self._start()
        done = BatchResult()
        count = 0
        try:
            self.conn.send((items, settings))
            deadline = time.monotonic() + limit
            while self.conn.poll(max(0.0, deadline - time.monotonic())):
                message = self.conn.recv()
                if isinstance(message, logging.LogRecord):  # a line the worker logged: not an outcome
                    log.handle(message)
                    continue
                if message == DONE:
                    return done, count, True
                _add(done, message)
                on_finished(message.outcomes)
                count += 1
                deadline = time.monotonic() + limit
        except (EOFError, OSError):
            pass
        return done, count, False

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def release(self) -> None:
        """Tell the worker to stop after what it is doing (once), without waiting for it to exit."""
        if not self.released:
            self.released = True
            with contextlib.suppress(OSError):
                self.conn.send(None)

    def stop(self) -> None:
        self.release()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.kill()


class WorkerStartFailed(RuntimeError):
    """Worker processes die or hang while starting: a setting (memory limit) or the installation is at
    fault, not a document, so the run stops with this message rather than record every document as failed.
    `reported`: the worker said what failed (an exception while building the pipeline, other than running out of
    its memory limit), so the message gives that cause, and no guess about memory."""

    def __init__(self, message: str, reported: bool = False) -> None:
        super().__init__(message)
        self.reported = reported


@dataclass(frozen=True)
class StartError:
    """What a worker sends instead of READY when building the pipeline raised."""

    error: str
    memory: bool = False
    """The worker ran out of its memory limit."""


def _add(total: BatchResult, part: BatchResult) -> None:
    """Append a part's outcomes and time to a batch's."""
    total.outcomes.extend(part.outcomes)
    for stage, seconds in part.seconds.items():
        total.seconds[stage] += seconds


class IsolatedPool:
    """A pool of killable workers with the `submit(batch, settings) -> Future` interface of the flow."""

    def __init__(self, workers: int, settings: RunSettings, on_finished: OnFinished = finished) -> None:
        self.on_finished = on_finished
        """Told of each document as its worker sends it back (progress), before its batch is done."""
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

    def warm(self) -> None:
        """Start the workers, which load the pipeline while the run reads its first batch (`submit` starts them
        otherwise): a run with nothing new to do never calls it, so never pays for them."""
        while len(self.all) < self.size:
            self.idle.put(self._spawn())

    def submit(self, items: list[SourceItem], settings: RunSettings) -> Future[BatchResult]:
        """Run a batch on the next free worker (started now, if `warm` did not start them)."""
        self.warm()
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

    def _attempt(self, items: list[SourceItem], settings: RunSettings) -> tuple[BatchResult, int]:
        """One try on an idle worker: the outcomes of the documents it finished, and how many; a worker that
        overran or died is replaced. Once the pool is closing (the run was interrupted) nothing is retried or
        recorded: the batch is simply not done."""
        worker = self._idle_worker()
        try:
            result, count, clean = worker.run(items, settings, settings.doc_timeout_s, self.on_finished)
        except WorkerStartFailed as exc:
            worker.kill()
            if self.closing.is_set():
                raise CancelledError from exc
            if exc.reported:  # the worker said why: another would fail the same way
                raise
            self.idle.put(self._spawn())
            self.start_failures += 1
            if self.start_failures >= START_ATTEMPTS:
                raise WorkerStartFailed(f"{exc} (worker_memory_mb={settings.worker_memory_mb}: "
                                        "DOCKETFLOW_WORKER_MEMORY_MB may be too low)") from exc
            return self._attempt(items, settings)
        if not clean:
            if self.closing.is_set():
                raise CancelledError
            worker.kill()
            worker = self._spawn()
        self.idle.put(worker)
        return result, count

    def _idle_worker(self) -> _Worker:
        """The next free worker; CancelledError once the pool is closing, also for a batch still waiting
        (the workers killed by `cancel` never come back to the queue)."""
        while not self.closing.is_set():
            with contextlib.suppress(Empty):
                return self.idle.get(timeout=WATCH_S)
        raise CancelledError

    def _batch(self, items: list[SourceItem], settings: RunSettings) -> BatchResult:
        """Every document of the batch, each within its own deadline: the documents before one that overran
        or lost its worker are kept, that one is tried once more alone (a worker may die of what the batch
        before it left in memory), and the rest go on."""
        combined = BatchResult()
        remaining = items
        while remaining:
            result, count = self._attempt(remaining, settings)
            _add(combined, result)
            if count == len(remaining):
                break
            culprit = remaining[count]
            log.warning("%s overran or lost its worker (limit %g s a document); trying it alone", culprit.relpath,
                        settings.doc_timeout_s)
            single, done = self._attempt([culprit], settings)
            if done:
                _add(combined, single)
            else:
                message = (f"no result within {settings.doc_timeout_s:g} s or the worker died "
                           f"(memory limit {settings.worker_memory_mb} MB)")
                combined.outcomes.append(failed(culprit, "timeout_or_worker_died", message))
            remaining = remaining[count + 1:]
        return combined

    def release(self) -> None:
        """No batch will come any more: the workers are told to stop now, and exit (saving what they learned
        for the next run) while this process publishes the run, instead of after it."""
        for worker in self.all:
            worker.release()

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
