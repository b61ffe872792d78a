"""The story of a run: find the inputs, process them in batches, write the output folder, summarize.

`execute` is that story with the batch step passed in, so the same code runs as a Prefect flow (each
batch a Prefect task run) or, when no Prefect API is configured, directly, without paying 12-25 s to start
Prefect's temporary server for a handful of documents. `run` picks between the two. Either way the batches
are processed by the same executor (pipeline.executors), which owns the per-document limits.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from docketflow.models import SCHEMA_VERSION
from docketflow.pipeline.executors import Future, Submit, check_cluster, open_executor
from docketflow.pipeline.executors import inline as inline
from docketflow.pipeline.outcomes import BatchResult, rejected
from docketflow.pipeline.output import OutputWriter
from docketflow.pipeline.preflight import CannotRun, check, check_prefect_api
from docketflow.pipeline.progress import RunProgress
from docketflow.pipeline.runlog import (
    ApiLost,
    import_prefect_quietly,
    quiet_temporary_server,
    to_run_logger,
    watch_api_loss,
)
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import SourceItem, item_root, iter_sources
from docketflow.pipeline.sources.counting import count_items
from docketflow.pipeline.sources.formats import supported_suffixes
from docketflow.pipeline.store import StateStore, load_publishing
from docketflow.pipeline.summary import RunSummary, plural
from docketflow.pipeline.versions import extractor_version, versions

log = logging.getLogger("docketflow")

FAILED_SHOWN = 5
"""Failed inputs named in the closing summary; the rest are in errors.jsonl."""
TASK_THREADS = 64
"""Prefect task runs in flight at most; each only waits for the executor, which sets the real parallelism."""


def windowed(batches: Iterable[list[SourceItem]], submit: Submit, settings: RunSettings,
             window: int) -> Iterator[tuple[list[SourceItem], BatchResult]]:
    """Submit batches keeping at most `window` in flight, so memory stays bounded however many documents the
    sources stream, and yield each result as soon as it is done: a slow batch (a scanned PDF that needs OCR)
    does not hold back the batches behind it, and the next batch goes to the worker that is free. The output
    does not depend on the order (the store exports sorted)."""
    finished: queue.SimpleQueue[tuple[list[SourceItem], Future]] = queue.SimpleQueue()
    in_flight = 0
    for batch in batches:
        submit(batch, settings).add_done_callback(lambda future, batch=batch: finished.put((batch, future)))
        in_flight += 1
        if in_flight >= window:
            done, future = finished.get()
            in_flight -= 1
            yield done, future.result()
    while in_flight:
        done, future = finished.get()
        in_flight -= 1
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
            cancel: Callable[[], None] | None = None, warm: Callable[[], None] | None = None,
            release: Callable[[], None] | None = None) -> RunSummary:
    """Process the new and changed inputs under `settings.inputs`, then publish the whole output folder.
    `warm` is called once the first input to process is found (worker processes start then, and load the
    pipeline while the first batch is read), never in a run with nothing to do; `release` once the last batch
    is done, before publishing (the workers stop meanwhile).

    On Ctrl-C or SIGTERM (KeyboardInterrupt), `cancel` stops the batches in flight at once (their workers
    are killed, nothing is redone), and what was finished before is published."""
    started = time.perf_counter()
    started_at = datetime.now(UTC)
    summary = RunSummary(orchestration=orchestration)
    store = StateStore(settings.out, extractor_version(), retry_errors=settings.retry_errors,
                       reset=settings.reset_state)
    try:
        refused: set[str] = set()
        total = count_items(settings) if settings.progress else None
        with RunProgress(total, settings.progress, live=orchestration != "prefect") as progress:
            todo = _warming(_pending(iter_sources(settings), store, settings, summary, refused, progress), warm)
            try:
                for batch, result in windowed(batches(todo, settings), submit, settings, window):
                    for stage, seconds in result.seconds.items():
                        summary.add_time(stage, seconds)
                    write_started = time.perf_counter()
                    store.save(list(zip(batch, result.outcomes, strict=True)))
                    summary.add_time("write", time.perf_counter() - write_started)
                    summary.processed += len(batch)
                    summary.pages += sum(o.pages for o in result.outcomes)
                    progress.settle(result.outcomes)
                if release is not None:
                    release()
                if not settings.include and not settings.exclude:  # every input was looked at
                    store.drop_stale_rejections({item_root(r) for r in settings.inputs}, refused)
            except KeyboardInterrupt:
                summary.interrupted = True
                if cancel is not None:
                    cancel()
                log.warning("interrupted: publishing the %s finished so far", plural(summary.processed, "input"))
            if not summary.processed and not summary.skipped:
                log.warning("no inputs found in %s (documents and archives with one of %s)",
                            ", ".join(str(p) for p in settings.inputs), supported_suffixes())
            export_started = time.perf_counter()
            writer = OutputWriter(settings.out)
            try:
                counts = store.export(writer)
                summary.documents, summary.holdings = counts["documents"], counts["holdings"]
                summary.agreements, summary.errors = counts["agreements"], counts["errors"]
                summary.cases = counts["cases"]
                summary.warnings = store.documents_with_warnings()
                summary.add_time("export", time.perf_counter() - export_started)
                summary.seconds = time.perf_counter() - started
                writer.commit(_report(settings, summary, started_at))
            except BaseException:
                writer.abort()
                raise
            progress.finish(summary.documents, summary.errors)
    finally:
        store.close()
    summary.failed = _first_failed(settings, FAILED_SHOWN) if summary.errors else []
    return summary


def _first_failed(settings: RunSettings, limit: int) -> list[tuple[str, str]]:
    """(path, error code) of the first `limit` lines of the published errors.jsonl."""
    failed = []
    with (settings.out / "errors.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if len(failed) == limit:
                break
            record = json.loads(line)
            failed.append((record["path"], record["error"]))
    return failed


def _pending(items: Iterable[SourceItem], store: StateStore, settings: RunSettings,
             summary: RunSummary, refused: set[str], progress: RunProgress) -> Iterator[SourceItem]:
    """The items that need processing: all with --force, else those the store does not have as current.
    Items turned away before reading are recorded here and then, without a worker's help (their keys
    go into `refused`)."""
    for item in items:
        if item.error is not None:
            outcome = rejected(item)
            store.save([(item, outcome)])
            refused.add(item.key)
            summary.processed += 1
            progress.settle([outcome])
        elif not settings.force and store.is_current(item):
            summary.skipped += 1
            progress.skip()
        else:
            yield item


def _warming(items: Iterator[SourceItem], warm: Callable[[], None] | None) -> Iterator[SourceItem]:
    """The items, with `warm` called before the first one is handed on, and then what publishing needs loaded
    while the workers start (this process has had no use for spaCy and the extractors until the end)."""
    for item in items:
        if warm is not None:
            warm()
            load_publishing()
            warm = None
        yield item


def _report(settings: RunSettings, summary: RunSummary, started_at: datetime) -> dict[str, Any]:
    report = asdict(summary)
    del report["failed"]  # in errors.jsonl, whole
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
                                              "cases", "processed", "skipped", "pages")},
        **report,
        "versions": versions(),
        "options": settings.model_dump(mode="json"),
    }


def _define_prefect_flow() -> dict[str, Any]:
    """The Prefect task and flow of a run, defined on first use: importing Prefect is left to the runs that
    use it (an import prints Prefect's telemetry notice on a terminal and costs a second or two)."""
    if _PREFECT:
        return _PREFECT
    from docketflow.pipeline.artifacts import publish_summary
    from prefect import flow, task
    from prefect.cache_policies import NONE
    from prefect.task_runners import ThreadPoolTaskRunner

    @task(name="process-batch", cache_policy=NONE, persist_result=False)
    def process_batch_task(items: list[SourceItem], settings: RunSettings, submit: Submit) -> BatchResult:
        """A batch as a Prefect task run. The run's executor processes it, with its limits, and the task's
        thread waits: so Prefect reports every batch, from this process, wherever it runs. No caching and no
        persisted result, so no file per document is left."""
        return submit(items, settings).result()

    def docketflow_run(settings: RunSettings) -> RunSummary:
        """The run as a Prefect flow: batches are task runs, docketflow's log lines go to the run's log, and a
        summary artifact keyed by the output folder is published at the end."""
        with to_run_logger():
            check(settings)
            with open_executor(settings) as executor:
                log.info("processing on the %s executor, up to %d batches in flight", executor.kind,
                         executor.window)
                summary = execute(settings, lambda batch, s: process_batch_task.submit(batch, s, executor.submit),
                                  "prefect", window=executor.window, cancel=executor.cancel, warm=executor.warm,
                                  release=executor.release)
            outcome = _OUTCOME.get()
            if outcome is not None:
                outcome.summary = summary
            try:
                if outcome is None or not outcome.watch.seen:  # no request to an API known to be lost
                    publish_summary(summary, settings)
            except httpx.HTTPError as exc:  # the records are published: a lost API only loses the artifact
                if outcome is None:
                    log.warning("%s", api_lost_line(exc, _max_retries()))
                else:
                    outcome.lost = exc
        return summary

    # A deployment's entrypoint names the flow by its qualified name: "flow.py:docketflow_run" resolves
    # through this module's __getattr__ in the process that runs it.
    docketflow_run.__qualname__ = "docketflow_run"
    _PREFECT.update(process_batch_task=process_batch_task,
                    docketflow_run=flow(name="docketflow-run", persist_result=False,
                                        task_runner=ThreadPoolTaskRunner(max_workers=TASK_THREADS))(docketflow_run))
    return _PREFECT


_PREFECT: dict[str, Any] = {}
"""`docketflow_run` (the flow) and `process_batch_task`, once defined."""


def __getattr__(name: str) -> Any:
    """`from docketflow.pipeline.flow import docketflow_run` defines the Prefect flow then, not at import."""
    if name in ("docketflow_run", "process_batch_task"):
        return _define_prefect_flow()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def prefect_api_configured() -> bool:
    """True when PREFECT_API_URL points at a server (or Prefect Cloud) this process should report to, in the
    environment or in Prefect's settings (looked up without Prefect's first-run notice); False when Prefect
    is not installed. Importing Prefect to ask costs a second before every run, so it is asked only when one of
    the places its settings come from could hold an API URL (`_prefect_settings_present`)."""
    if os.environ.get("PREFECT_API_URL"):
        return True
    if not _prefect_settings_present() or not import_prefect_quietly():
        return False
    from prefect.settings import get_current_settings

    return bool(get_current_settings().api.url)


def _prefect_settings_present(cwd: Path | None = None, home: Path | None = None) -> bool:
    """Whether any source of Prefect 3's settings could set its API URL: a `PREFECT_*` variable naming the API;
    the profiles file (`PREFECT_PROFILES_PATH`, else `profiles.toml` in `PREFECT_HOME`, else in `~/.prefect`)
    mentioning an API URL; or, in the working directory, a `.env` with a `PREFECT_` line, a `prefect.toml`, or a
    `pyproject.toml` with a `[tool.prefect]` table. A plain text test, erring towards yes (Prefect then
    decides)."""
    if any(name.startswith("PREFECT_") and "API_URL" in name for name in os.environ):
        return True
    cwd = cwd or Path.cwd()
    settings_home = Path(os.environ.get("PREFECT_HOME") or (home or Path.home()) / ".prefect").expanduser()
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH") or settings_home / "profiles.toml").expanduser()
    tests = ((profiles, "API_URL"), (cwd / ".env", "PREFECT_"), (cwd / "prefect.toml", ""),
             (cwd / "pyproject.toml", "tool.prefect"))
    for path, needle in tests:
        with contextlib.suppress(OSError):
            if path.is_file() and needle in path.read_text(encoding="utf-8", errors="replace"):
                return True
    return False


def run(settings: RunSettings) -> RunSummary:
    """Run with Prefect when asked or when an API is configured; otherwise run the same code directly. Either
    way the batches go to the same executor: killable worker processes (with per-document limits) for
    anything but a handful of plain files, which are processed in this process so that a small run starts
    fast, or a Dask cluster. Raises CannotRun, before touching any input, when the run cannot work."""
    check(settings)
    mode = settings.orchestration
    if mode == "auto":
        mode = "prefect" if prefect_api_configured() else "off"
        if mode == "prefect" and not import_prefect_quietly():
            log.warning("PREFECT_API_URL is set but Prefect is not installed here (pip install "
                        "'docketflow[prefect]'): running without it")
            mode = "off"
        elif mode == "off":
            log.debug("no Prefect API configured: running the flow's code directly "
                      "(set PREFECT_API_URL or pass --prefect to orchestrate with Prefect)")
    if mode == "prefect":
        if not import_prefect_quietly():
            raise CannotRun("--prefect: Prefect is not installed here (pip install 'docketflow[prefect]'), "
                            "or leave --prefect out to run without it")
        check_prefect_api(os.environ.get("PREFECT_API_URL"))
        if settings.dask_address:
            check_cluster(settings)  # a refusal in one line, not a failed flow run with a traceback
        return _run_with_prefect(settings)
    with open_executor(settings) as executor:
        return execute(settings, executor.submit, "off", window=executor.window, cancel=executor.cancel,
                       warm=executor.warm, release=executor.release)


# --- A Prefect API lost mid-run ---------------------------------------------------------------------
# The records do not depend on the API: once the output folder is published, a Prefect server that stopped
# answering costs the run's state and artifact in the UI, one warning, and a bounded wait, not the run.

API_RETRIES = 2
"""Retries of each request to the Prefect API (PREFECT_CLIENT_MAX_RETRIES unless set in the environment;
Prefect's default is 5, about 62 s of back-off per request): 2 retries wait about 2 + 4 s."""
EVENT_RECONNECTS = 2
"""Reconnections of Prefect's event stream per event (Prefect's default is 10, about 7 s per event, for
every event still queued): 2 are immediate."""


@dataclass
class _Outcome:
    """What the flow body got to, seen by `run` even when the flow run fails afterwards."""

    watch: ApiLost
    """Prefect's complaints about a lost API, seen and dropped."""
    summary: RunSummary | None = None
    """Set once the output folder is published."""
    lost: Exception | None = None
    """The error of a Prefect API call that failed after publishing."""


_OUTCOME: ContextVar[_Outcome | None] = ContextVar("docketflow_outcome", default=None)


def api_lost_line(exc: BaseException | None, retries: int) -> str:
    """The one warning of a run whose Prefect API stopped answering."""
    url = os.environ.get("PREFECT_API_URL") or "the Prefect API"
    cause = f" ({type(exc).__name__})" if exc is not None else ""
    return (f"{url} stopped answering during the run{cause}: the records are published, but the flow run's "
            f"state and summary in Prefect are out of date (each API request was retried {retries} times, "
            "PREFECT_CLIENT_MAX_RETRIES)")


def _max_retries() -> int:
    from prefect.settings import PREFECT_CLIENT_MAX_RETRIES

    return PREFECT_CLIENT_MAX_RETRIES.value()


@contextlib.contextmanager
def bounded_api_retries() -> Iterator[None]:
    """Within: Prefect API requests retried API_RETRIES times (unless PREFECT_CLIENT_MAX_RETRIES is set) and
    events reconnecting EVENT_RECONNECTS times, so that a lost API costs seconds, not minutes."""
    from prefect.events.clients import PrefectEventsClient
    from prefect.events.worker import EventsWorker, emit_events_to_cloud
    from prefect.settings import PREFECT_CLIENT_MAX_RETRIES, PREFECT_SERVER_ANALYTICS_ENABLED, temporary_settings

    updates: dict[Any, Any] = {} if "PREFECT_CLIENT_MAX_RETRIES" in os.environ else {
        PREFECT_CLIENT_MAX_RETRIES: API_RETRIES}
    temporary = not prefect_api_configured()
    if temporary and "PREFECT_SERVER_ANALYTICS_ENABLED" not in os.environ:
        updates[PREFECT_SERVER_ANALYTICS_ENABLED] = False  # its first write races the migrations: "locked"
    # an events client of our own only for a server of the user's: with none, Prefect picks the temporary one's
    override = not temporary and EventsWorker._client_override is None and not emit_events_to_cloud()
    if override:
        EventsWorker.set_client_override(PrefectEventsClient, reconnection_attempts=EVENT_RECONNECTS)
    try:
        with temporary_settings(updates=updates):
            yield
    finally:
        if override:
            EventsWorker.set_client_override(None)


def _run_with_prefect(settings: RunSettings) -> RunSummary:
    """The flow run, and, when the Prefect API is lost after the output folder is published, one warning
    instead of a failed run: the summary is returned as if the API had answered."""
    if not prefect_api_configured():
        log.info("no PREFECT_API_URL: the run is orchestrated by a temporary Prefect server, stopped at its "
                 "end (set PREFECT_API_URL to keep the runs in a server of your own)")
        quiet_temporary_server()
    with bounded_api_retries(), watch_api_loss() as watch:
        retries = _max_retries()
        outcome = _Outcome(watch)
        token = _OUTCOME.set(outcome)
        try:
            outcome.summary = _define_prefect_flow()["docketflow_run"](settings)
        except Exception as exc:
            if outcome.summary is None or not isinstance(exc, httpx.HTTPError):
                raise
            outcome.lost = exc
        finally:
            _OUTCOME.reset(token)
    if outcome.lost is not None or watch.seen:
        log.warning("%s", api_lost_line(outcome.lost, retries))
    assert outcome.summary is not None  # set, or the flow run's error was raised
    return outcome.summary
