"""The story of a run: find the inputs, process them in batches, write the output folder, summarize.

`execute` is that story with the batch step passed in, so the same code runs as a Prefect flow (each
batch a Prefect task) or, when no Prefect API is configured, directly, without paying 12-25 s to start
Prefect's temporary server for a handful of documents. `run` picks between the two.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from prefect import flow, task
from prefect.cache_policies import NONE
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from models import SCHEMA_VERSION
from pipeline.artifacts import publish_summary
from pipeline.isolation import IsolatedPool
from pipeline.output import OutputWriter
from pipeline.process import BatchResult, process_batch, rejected
from pipeline.progress import RunProgress
from pipeline.settings import RunSettings
from pipeline.sources import SourceItem, is_small, item_root, iter_sources
from pipeline.store import StateStore
from pipeline.versions import extractor_version, versions

log = logging.getLogger("docketflow")

ProcessBatch = Callable[[list[SourceItem], RunSettings], BatchResult]


@dataclass
class RunSummary:
    """Counts and timings of a finished run; the base of `run.json` and of the closing line."""

    documents: int = 0
    errors: int = 0
    warnings: int = 0
    holdings: int = 0
    agreements: int = 0
    processed: int = 0
    """Inputs read in this run (new or changed, or all with --force)."""
    skipped: int = 0
    """Inputs already processed by this extractor version and unchanged."""
    pages: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    orchestration: str = "off"
    interrupted: bool = False
    """Ctrl-C: the batches finished before it are saved and published; the rest is done by the next run."""

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def add_time(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds

    def line(self, out: str) -> str:
        return (f"docketflow: {self.documents} documents ({self.processed} processed, {self.skipped} unchanged), "
                f"{self.errors} errors, {self.warnings} with warnings, {self.pages} pages in {self.seconds:.1f} s "
                f"({self.pages_per_second:.1f} pages/s); output in {out}")


class Future(Protocol):
    def result(self) -> BatchResult: ...


Submit = Callable[[list[SourceItem], RunSettings], Future]


class _Done:
    """A result computed in-line, behind the same interface as a pool's or Prefect's future."""

    def __init__(self, value: BatchResult) -> None:
        self._value = value

    def result(self) -> BatchResult:
        return self._value


def inline(process: ProcessBatch) -> Submit:
    """Run each batch in this process, as it is submitted."""
    return lambda batch, settings: _Done(process(batch, settings))


def windowed(batches: Iterable[list[SourceItem]], submit: Submit, settings: RunSettings,
             window: int) -> Iterator[tuple[list[SourceItem], BatchResult]]:
    """Submit batches keeping at most `window` in flight, and yield results in submission order, so
    memory stays bounded however many documents the sources stream."""
    pending: deque[tuple[list[SourceItem], Future]] = deque()
    for batch in batches:
        pending.append((batch, submit(batch, settings)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


def batches(items: Iterable[SourceItem], settings: RunSettings) -> Iterator[list[SourceItem]]:
    """Group items into tasks by size, so that per-task overhead is paid per batch, not per document."""
    batch: list[SourceItem] = []
    size = 0
    for item in items:
        if batch and (size + item.size > settings.batch_chars or len(batch) >= settings.batch_docs):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += item.size
    if batch:
        yield batch


def execute(settings: RunSettings, submit: Submit, orchestration: str, window: int = 1,
            cancel: Callable[[], None] | None = None) -> RunSummary:
    """Process the new and changed inputs under `settings.inputs`, then publish the whole output folder.

    On Ctrl-C or SIGTERM (KeyboardInterrupt), `cancel` stops the batches in flight at once (their workers
    are killed, nothing is redone), and what was finished before is published."""
    started = time.perf_counter()
    started_at = datetime.now(UTC)
    summary = RunSummary(orchestration=orchestration)
    store = StateStore(settings.out, extractor_version(), retry_errors=settings.retry_errors,
                       reset=settings.reset_state)
    try:
        refused: set[str] = set()
        todo = _pending(iter_sources(settings), store, settings, summary, refused)
        with RunProgress(None, settings.progress) as progress:
            try:
                for batch, result in windowed(batches(todo, settings), submit, settings, window):
                    for stage, seconds in result.seconds.items():
                        summary.add_time(stage, seconds)
                    write_started = time.perf_counter()
                    store.save(list(zip(batch, result.outcomes, strict=True)))
                    summary.add_time("write", time.perf_counter() - write_started)
                    pages = sum(o.pages for o in result.outcomes)
                    summary.processed += len(batch)
                    summary.pages += pages
                    progress.advance(len(batch), pages, sum(o.error is not None for o in result.outcomes))
                if not settings.include and not settings.exclude:  # every input was looked at
                    store.drop_stale_rejections({item_root(r) for r in settings.inputs}, refused)
            except KeyboardInterrupt:
                summary.interrupted = True
                if cancel is not None:
                    cancel()
                log.warning("interrupted: publishing the %d inputs finished so far", summary.processed)
        export_started = time.perf_counter()
        writer = OutputWriter(settings.out)
        try:
            counts = store.export(writer)
            summary.documents, summary.holdings = counts["documents"], counts["holdings"]
            summary.agreements, summary.errors = counts["agreements"], counts["errors"]
            summary.warnings = store.documents_with_warnings()
            summary.add_time("export", time.perf_counter() - export_started)
            summary.seconds = time.perf_counter() - started
            writer.commit(_report(settings, summary, started_at))
        except BaseException:
            writer.abort()
            raise
    finally:
        store.close()
    return summary


def _pending(items: Iterable[SourceItem], store: StateStore, settings: RunSettings,
             summary: RunSummary, refused: set[str]) -> Iterator[SourceItem]:
    """The items that need processing: all with --force, else those the store does not have as current.
    Items turned away before reading are recorded here and then, without a worker's help (their keys
    go into `refused`)."""
    for item in items:
        if item.error is not None:
            store.save([(item, rejected(item))])
            refused.add(item.key)
            summary.processed += 1
        elif not settings.force and store.is_current(item):
            summary.skipped += 1
        else:
            yield item


def _report(settings: RunSettings, summary: RunSummary, started_at: datetime) -> dict[str, Any]:
    report = asdict(summary)
    report["stage_seconds"] = {k: round(v, 3) for k, v in summary.stage_seconds.items()}
    report["seconds"] = round(summary.seconds, 3)
    report["pages_per_second"] = round(summary.pages_per_second, 2)
    return {
        "schema_version": SCHEMA_VERSION,
        "started": started_at.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "input_roots": settings.relative_inputs(),
        "extractor_version": extractor_version(),
        "counts": {k: report.pop(k) for k in ("documents", "errors", "warnings", "holdings", "agreements",
                                              "processed", "skipped", "pages")},
        **report,
        "versions": versions(),
        "options": settings.model_dump(mode="json"),
    }


@task(name="process-batch", cache_policy=NONE, persist_result=False)
def process_batch_task(items: list[SourceItem], settings: RunSettings) -> BatchResult:
    """A batch as a Prefect task: no caching and no persisted result, so no file per document is left."""
    return process_batch(items, settings)


@flow(name="docketflow-run", persist_result=False)
def docketflow_run(settings: RunSettings) -> RunSummary:
    """The run as a Prefect flow: batches are tasks on the flow's task runner; a summary artifact at the end."""
    summary = execute(settings, process_batch_task.submit, "prefect", window=2 * max(settings.workers, 1))
    publish_summary(summary, settings)
    return summary


def prefect_api_configured() -> bool:
    """True when PREFECT_API_URL points at a server (or Prefect Cloud) this process should report to."""
    from prefect.settings import get_current_settings

    return bool(os.environ.get("PREFECT_API_URL") or get_current_settings().api.url)


def task_runner(settings: RunSettings) -> TaskRunner:
    """Dask cluster when an address is given, N local processes for --workers N, else threads."""
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=settings.dask_address)
    if settings.workers > 1:
        return ProcessPoolTaskRunner(max_workers=settings.workers)
    return ThreadPoolTaskRunner(max_workers=1)


def run(settings: RunSettings) -> RunSummary:
    """Run with Prefect when asked, when an API is configured or for a Dask cluster; otherwise run the same
    code directly: in killable worker processes (with per-document limits) for anything but a handful of
    plain files, which are processed in this process so that a small run starts fast."""
    mode = settings.orchestration
    if settings.dask_address:
        mode = "prefect"
    elif mode == "auto":
        mode = "prefect" if prefect_api_configured() else "off"
        if mode == "off":
            log.info("no Prefect API configured: running the flow's code directly "
                     "(set PREFECT_API_URL or pass --prefect to orchestrate with Prefect)")
    if mode == "prefect":
        return docketflow_run.with_options(task_runner=task_runner(settings))(settings)
    if settings.workers > 1 or _isolate(settings):
        with IsolatedPool(settings.workers, settings) as pool:
            return execute(settings, pool.submit, "off", window=2 * settings.workers, cancel=pool.cancel)
    return execute(settings, inline(process_batch), "off")


def _isolate(settings: RunSettings) -> bool:
    """Whether to run in killable workers: as asked; by default for anything but a handful of plain files,
    or whenever a per-document time limit was set (only workers can enforce it)."""
    limited = "doc_timeout_s" in settings.model_fields_set
    if settings.isolate is not None:
        if limited and not settings.isolate and settings.workers == 1:
            log.warning("--doc-timeout has no effect with --no-isolate: documents are processed in this "
                        "process, which cannot stop one that overruns")
        return settings.isolate
    return limited or not is_small(settings)
