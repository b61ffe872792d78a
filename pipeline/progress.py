"""Show a run's progress: a live bar on a terminal, a plain log line now and then when piped or under Prefect.

Documents are counted as they finish: a killable worker sends each document's outcome as soon as it is
done, and the thread that receives it calls `finished`; a batch processed in this process calls it after each
document; a Dask worker sends the marks of its finished documents to the client as events, which call
`finished_marks`. When the batch comes back (`settle`), whatever was not counted early is counted then. The
last frame takes its documents and errors from the closing summary, so the two agree.

Under Prefect the bar is never drawn: Prefect's console handler writes log lines to the same terminal and
the two would overwrite each other; the log lines (which also reach the run's log in the UI) carry the
same numbers, the total and an ETA included.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable
from types import TracebackType
from typing import Protocol

from docketflow.pipeline.summary import plural
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

log = logging.getLogger("docketflow")
_active: RunProgress | None = None
"""The progress display of the run in this process, if one is showing: `finished` reports to it."""


Mark = tuple[str | None, int, bool]
"""What progress needs of a finished document: its input's path, its pages, whether it failed. Small enough to
send from a Dask worker to the client as an event."""


class Finished(Protocol):
    """A finished document (`process.Outcome`), as progress sees it."""

    @property
    def mark(self) -> Mark: ...


def marks(outcomes: Iterable[Finished]) -> list[Mark]:
    """The marks of these outcomes."""
    return [outcome.mark for outcome in outcomes]


def finished(outcomes: Iterable[Finished]) -> None:
    """Documents just done (from any thread of the run's process); nothing when no run is showing progress,
    as in a worker process."""
    if _active is not None:
        finished_marks(marks(outcomes))


def finished_marks(done: Iterable[Mark]) -> None:
    """`finished`, for documents done elsewhere (a Dask worker) and known here by their marks."""
    progress = _active
    if progress is not None:
        progress.count_marks(done, early=True)


def _reroute_log_handlers(real: object, proxy: object) -> list[tuple[logging.StreamHandler, object]]:
    """While the bar is live, rich swaps sys.stderr for a proxy that prints above the bar; log handlers still
    hold the real stream and would write over the bar, so they write to the proxy until the bar stops."""
    rerouted = []
    if proxy is real:
        return rerouted
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and handler.stream is real:
            rerouted.append((handler, handler.setStream(proxy)))
    return rerouted


class RunProgress:
    """Counts inputs (done of the total), documents, errors and pages; renders a bar when stderr is a terminal
    and `live`, else logs every few seconds. `total` (inputs this run will meet, unchanged ones included, when
    it is known) gives the bar its length and an ETA."""

    LOG_EVERY_SECONDS = 5.0
    RECENT = 4096
    """Documents whose batch came back, remembered (the latest ones only) so that word of them that arrives
    later still (a Dask worker's event can trail its batch's result) is not counted twice."""

    def __init__(self, total: int | None, enabled: bool = True, live: bool = True) -> None:
        self.total = total
        self.done = self.documents = self.errors = self.unchanged = self.pages = 0
        self.started = time.perf_counter()
        self._last_log = self.started
        self._logged = False
        self._lock = threading.Lock()
        self._early: set[str] = set()
        """Keys of outcomes counted by `finished` and not yet seen again by `settle`."""
        self._settled: set[str] = set()
        self._settled_order: deque[str] = deque()
        self._bar: Progress | None = None
        self._task = None
        self._rerouted: list[tuple[logging.StreamHandler, object]] = []
        if enabled and live and sys.stderr.isatty():
            self._bar = Progress(
                TextColumn("[bold]docketflow"),
                BarColumn(),
                MofNCompleteColumn() if total is not None else TextColumn("{task.completed}"),
                TextColumn("inputs · {task.fields[counts]} · {task.fields[pages_s]:.1f} pages/s"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
        self.enabled = enabled

    def __enter__(self) -> RunProgress:
        global _active
        if self._bar is not None:
            real = sys.stderr
            self._bar.start()
            self._task = self._bar.add_task("run", total=self.total, pages_s=0.0, counts=self._counts())
            self._rerouted = _reroute_log_handlers(real, sys.stderr)
        _active = self
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        global _active
        _active = None
        if self._bar is not None:
            for handler, stream in self._rerouted:
                handler.setStream(stream)
            self._bar.stop()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.elapsed if self.elapsed > 0 else 0.0

    def eta_seconds(self) -> float | None:
        """Seconds left at the rate so far; None without a total or before the first document."""
        if not self.total or not self.done or self.elapsed <= 0:
            return None
        return max(0, self.total - self.done) * self.elapsed / self.done

    def _counts(self) -> str:
        unchanged = f", {self.unchanged} unchanged" if self.unchanged else ""
        return f"{plural(self.documents, 'document')}, {plural(self.errors, 'error')}{unchanged}"

    def status(self) -> str:
        """One line: documents and errors, inputs done (of the total), throughput, ETA."""
        done = f"{self.done}/{self.total}" if self.total is not None else str(self.done)
        eta = self.eta_seconds()
        left = f", ETA {int(eta // 60)}:{int(eta % 60):02d}" if eta is not None else ""
        return f"{self._counts()}; {done} inputs, {self.pages_per_second:.1f} pages/s{left}"

    def count(self, outcomes: Iterable[Finished], early: bool = False) -> None:
        """Account for finished documents; `early` ones are remembered, so that their batch does not count
        them again when it comes back."""
        self.count_marks(marks(outcomes), early)

    def count_marks(self, done: Iterable[Mark], early: bool = False) -> None:
        """`count`, by marks. A document reported early twice (its batch was redone one by one), or after its
        batch came back, counts once."""
        with self._lock:
            added = 0
            for key, pages, failed in done:
                if early and key is not None:
                    if key in self._early or key in self._settled:
                        continue
                    self._early.add(key)
                elif key is not None:
                    self._remember_settled(key)
                    if key in self._early:
                        self._early.discard(key)
                        continue
                added += 1
                self.done += 1
                self.pages += pages
                if failed:
                    self.errors += 1
                else:
                    self.documents += 1
            if added:
                self._show(added)

    def _remember_settled(self, key: str) -> None:
        if key in self._settled:
            return
        self._settled.add(key)
        self._settled_order.append(key)
        if len(self._settled_order) > self.RECENT:
            self._settled.discard(self._settled_order.popleft())

    def settle(self, outcomes: Iterable[Finished]) -> None:
        """A batch came back: count its documents that `finished` did not count already."""
        self.count(outcomes)

    def skip(self, count: int = 1) -> None:
        """Inputs found unchanged, which this run does not read."""
        with self._lock:
            self.done += count
            self.unchanged += count
            self._show(count)

    def finish(self, documents: int, errors: int) -> None:
        """The last frame: the documents and errors of the closing summary (the whole output folder, the
        unchanged inputs' records included). Logged when the run logged its progress before."""
        with self._lock:
            self.documents, self.errors = documents, errors
            if self.total is not None and self.done != self.total:
                self.total = self.done  # the count from the index was off (a damaged archive): end full
            if self._bar is not None and self._task is not None:
                self._bar.update(self._task, total=self.total, completed=self.done, counts=self._counts())
            elif self.enabled and self._logged:
                log.info("%s", self.status())

    def _show(self, added: int) -> None:
        if self.total is not None and self.done > self.total:
            self.total = self.done
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=self.total, advance=added, pages_s=self.pages_per_second,
                             counts=self._counts())
            return
        now = time.perf_counter()
        if self.enabled and now - self._last_log >= self.LOG_EVERY_SECONDS:
            self._last_log = now
            self._logged = True
            log.info("%s", self.status())
