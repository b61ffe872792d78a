"""The story of a run: find the inputs, process them in batches, write the output folder, summarize.

`execute` is that story with the batch step passed in, so the same code runs as a Prefect flow (each
batch a Prefect task) or, when no Prefect API is configured, directly, without paying 12-25 s to start
Prefect's temporary server for a handful of documents. `run` picks between the two.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NONE

from extractors.records import AgreementBook
from models import SCHEMA_VERSION
from pipeline.output import OutputWriter
from pipeline.process import BatchResult, process_batch
from pipeline.progress import RunProgress
from pipeline.settings import RunSettings
from pipeline.sources import SourceItem, iter_sources
from pipeline.versions import versions

log = logging.getLogger("docketflow")

ProcessBatch = Callable[[list[SourceItem], RunSettings], BatchResult]


@dataclass
class RunSummary:
    """Counts and timings of a finished run; the base of `run.json` and of the closing line."""

    documents: int = 0
    errors: int = 0
    warnings: int = 0
    pages: int = 0
    holdings: int = 0
    agreements: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    orchestration: str = "off"

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def add_time(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds

    def line(self, out: str) -> str:
        return (f"docketflow: {self.documents} documents, {self.errors} errors, {self.warnings} with warnings, "
                f"{self.pages} pages in {self.seconds:.1f} s ({self.pages_per_second:.1f} pages/s); "
                f"output in {out}")


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


def execute(settings: RunSettings, process: ProcessBatch, orchestration: str) -> RunSummary:
    """Process every input under `settings.inputs` into `settings.out`."""
    started = time.perf_counter()
    started_at = datetime.now(UTC)
    summary = RunSummary(orchestration=orchestration)
    items = list(iter_sources(settings))
    writer = OutputWriter(settings.out)
    book = AgreementBook()
    try:
        with RunProgress(len(items), settings.progress) as progress:
            for batch in batches(items, settings):
                result = process(batch, settings)
                for stage, seconds in result.seconds.items():
                    summary.add_time(stage, seconds)
                write_started = time.perf_counter()
                for outcome in result.outcomes:
                    if outcome.document is not None:
                        writer.write("documents", outcome.document)
                        summary.documents += 1
                        for holding in outcome.holdings:
                            writer.write("holdings", holding)
                        summary.holdings += len(outcome.holdings)
                        for agreement in outcome.agreements:
                            book.add(agreement)
                        summary.pages += outcome.pages
                        summary.warnings += bool(outcome.document.warnings)
                    if outcome.error is not None:
                        writer.write("errors", outcome.error)
                        summary.errors += 1
                summary.add_time("write", time.perf_counter() - write_started)
                progress.advance(len(batch), sum(o.pages for o in result.outcomes),
                                 sum(o.error is not None for o in result.outcomes))
        for agreement in book.records():
            writer.write("agreements", agreement)
            summary.agreements += 1
        summary.seconds = time.perf_counter() - started
        writer.commit(_report(settings, summary, started_at, len(items)))
    except BaseException:
        writer.abort()
        raise
    return summary


def _report(settings: RunSettings, summary: RunSummary, started_at: datetime, inputs: int) -> dict[str, Any]:
    report = asdict(summary)
    report["stage_seconds"] = {k: round(v, 3) for k, v in summary.stage_seconds.items()}
    report["seconds"] = round(summary.seconds, 3)
    report["pages_per_second"] = round(summary.pages_per_second, 2)
    return {
        "schema_version": SCHEMA_VERSION,
        "started": started_at.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "input_roots": settings.relative_inputs(),
        "input_files": inputs,
        "counts": {k: report.pop(k) for k in ("documents", "errors", "warnings", "pages", "holdings", "agreements")},
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
    """The run as a Prefect flow."""
    return execute(settings, process_batch_task, "prefect")


def prefect_api_configured() -> bool:
    """True when PREFECT_API_URL points at a server (or Prefect Cloud) this process should report to."""
    from prefect.settings import get_current_settings

    return bool(os.environ.get("PREFECT_API_URL") or get_current_settings().api.url)


def run(settings: RunSettings) -> RunSummary:
    """Run with Prefect when asked or when an API is configured; otherwise run the same code directly."""
    mode = settings.orchestration
    if mode == "auto":
        mode = "prefect" if prefect_api_configured() else "off"
        if mode == "off":
            log.info("no Prefect API configured: running the flow's code directly "
                     "(set PREFECT_API_URL or pass --prefect to orchestrate with Prefect)")
    if mode == "prefect":
        return docketflow_run(settings)
    return execute(settings, process_batch, "off")
