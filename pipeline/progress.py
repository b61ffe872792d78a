"""Show a run's progress: a live bar on a terminal, a plain log line now and then when piped."""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

log = logging.getLogger("docketflow")


class RunProgress:
    """Counts documents and pages; renders a bar when stderr is a terminal, else logs every few seconds."""

    LOG_EVERY_SECONDS = 5.0

    def __init__(self, total: int | None, enabled: bool = True) -> None:
        self.total = total
        self.docs = self.pages = self.errors = 0
        self.started = time.perf_counter()
        self._last_log = self.started
        self._bar: Progress | None = None
        self._task = None
        if enabled and sys.stderr.isatty():
            self._bar = Progress(
                TextColumn("[bold]docketflow"),
                BarColumn(),
                MofNCompleteColumn() if total else TextColumn("{task.completed}"),
                TextColumn("documents · {task.fields[pages_s]:.1f} pages/s · {task.fields[errors]} errors"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
        self.enabled = enabled

    def __enter__(self) -> RunProgress:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("run", total=self.total, pages_s=0.0, errors=0)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.elapsed if self.elapsed > 0 else 0.0

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
            log.info("%d documents processed, %d errors, %.1f pages/s", self.docs, self.errors,
                     self.pages_per_second)
