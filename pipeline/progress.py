"""Show a run's progress: a live bar on a terminal, a plain log line now and then when piped or under Prefect.

Under Prefect the bar is never drawn: Prefect's console handler writes log lines to the same terminal and
the two would overwrite each other; the log lines (which also reach the run's log in the UI) carry the
same numbers, the total and an ETA included.
"""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType

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
    """Counts documents and pages; renders a bar when stderr is a terminal and `live`, else logs every few
    seconds. `total` (documents to process, when known) gives the bar its length and both an ETA."""

    LOG_EVERY_SECONDS = 5.0

    def __init__(self, total: int | None, enabled: bool = True, live: bool = True) -> None:
        self.total = total
        self.docs = self.pages = self.errors = 0
        self.started = time.perf_counter()
        self._last_log = self.started
        self._bar: Progress | None = None
        self._task = None
        self._rerouted: list[tuple[logging.StreamHandler, object]] = []
        if enabled and live and sys.stderr.isatty():
            self._bar = Progress(
                TextColumn("[bold]docketflow"),
                BarColumn(),
                MofNCompleteColumn() if total else TextColumn("{task.completed}"),
                TextColumn("documents · {task.fields[pages_s]:.1f} pages/s · {task.fields[errors]} errors"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
        self.enabled = enabled

    def __enter__(self) -> RunProgress:
        if self._bar is not None:
            real = sys.stderr
            self._bar.start()
            self._task = self._bar.add_task("run", total=self.total, pages_s=0.0, errors=0)
            self._rerouted = _reroute_log_handlers(real, sys.stderr)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
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
        """Seconds left at the rate so far; None without a total or before the first batch."""
        if not self.total or not self.docs or self.elapsed <= 0:
            return None
        return max(0, self.total - self.docs) * self.elapsed / self.docs

    def status(self) -> str:
        """One line: documents done (of the total), errors, throughput, ETA."""
        done = f"{self.docs}/{self.total}" if self.total else str(self.docs)
        eta = self.eta_seconds()
        left = f", ETA {int(eta // 60)}:{int(eta % 60):02d}" if eta is not None else ""
        return f"{done} documents processed, {self.errors} errors, {self.pages_per_second:.1f} pages/s{left}"

    def advance(self, docs: int, pages: int, errors: int) -> None:
        """Account for a finished batch."""
        self.docs += docs
        self.pages += pages
        self.errors += errors
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=docs, pages_s=self.pages_per_second, errors=self.errors)
            return
        now = time.perf_counter()
        if self.enabled and now - self._last_log >= self.LOG_EVERY_SECONDS:
            self._last_log = now
            log.info("%s", self.status())
