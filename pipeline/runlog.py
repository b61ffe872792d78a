"""docketflow's own log lines in the Prefect run's log, so a data team sees progress and warnings in the UI.

Prefect sends only its own loggers to the API. The "docketflow" logger gets Prefect's API handler for the
duration of the flow run, with the flow run's id stamped on every record: lines logged from threads that
do not carry Prefect's run context (the executor's) still land in the right run instead of being dropped.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Iterator

import httpx
from docketflow.pipeline.summary import escape_log_lines

log = logging.getLogger("docketflow")


class _StampRun(logging.Filter):
    def __init__(self, flow_run_id: str) -> None:
        super().__init__()
        self.flow_run_id = flow_run_id

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "flow_run_id", None):
            record.flow_run_id = self.flow_run_id
        return True


def import_prefect_quietly() -> bool:
    """Import Prefect, if it is installed, without what its import does on a terminal the first time (a
    telemetry notice and an onboarding event): a run that only asks whether Prefect is configured does not
    use Prefect. The environment is as it was afterwards (DO_NOT_TRACK is Prefect's own opt-out). True when
    Prefect is there."""
    if "prefect" in sys.modules:
        return True
    previous = os.environ.get("DO_NOT_TRACK")
    os.environ["DO_NOT_TRACK"] = "1"
    try:
        importlib.import_module("prefect")
    except ImportError:
        return False
    finally:
        if previous is None:
            os.environ.pop("DO_NOT_TRACK", None)
        else:
            os.environ["DO_NOT_TRACK"] = previous
    return True


@contextlib.contextmanager
def to_run_logger() -> Iterator[None]:
    """Within a flow run: the docketflow logger's records (INFO and up unless configured; DEBUG too when the
    logger is set to it) also go to the run's log."""
    from prefect.context import FlowRunContext
    from prefect.logging.handlers import APILogHandler

    context = FlowRunContext.get()
    if context is None or context.flow_run is None:
        yield
        return
    handler = APILogHandler(level=min(logging.INFO, log.getEffectiveLevel()))
    handler.addFilter(_StampRun(str(context.flow_run.id)))
    previous = log.level
    escape_log_lines(log)  # the UI shows names from inputs too
    log.addHandler(handler)
    if previous == logging.NOTSET:  # not configured (a worker's run): Prefect's root level would drop INFO
        log.setLevel(logging.INFO)
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(previous)
        handler.flush()


class _TemporaryServerLines(logging.Filter):
    """Drops Prefect's lines about starting and stopping its temporary server: the run says it in one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.msg, str) and record.msg.startswith(("Starting temporary server",
                                                                            "Stopping temporary server")))


def quiet_temporary_server() -> None:
    """From now on, no lines from Prefect about the temporary server it starts when no API is configured
    (it is stopped when the process exits, after any context of ours has ended)."""
    logger = logging.getLogger("prefect")
    if not any(isinstance(f, _TemporaryServerLines) for f in logger.filters):
        logger.addFilter(_TemporaryServerLines())


# --- A Prefect API lost mid-run ---------------------------------------------------------------------

API_LOST_LOGGERS = ("prefect.events.clients", "prefect._internal.concurrency", "EventsWorker", "prefect.flow_runs")
"""Prefect's loggers that complain, once per event and per request, when the API stops answering."""
API_LOST_MESSAGES = ("Unable to connect to", "Service %r failed to process", "Still processing items")
"""The starts of those complaints (Prefect 3.8), as logged (the unformatted `msg`); records carrying an
error of the HTTP transport (a refused or broken connection) are complaints too."""


class ApiLost(logging.Filter):
    """Drops Prefect's complaints about an API that stopped answering (hundreds of lines, one per event
    and per request, some with a traceback) and remembers that it happened, so the run says it once.

    From then on Prefect's log worker, which writes its failures to stderr unless `logging.raiseExceptions`
    is off, is silenced that way (as the logging documentation advises for production)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, httpx.TransportError) or (
                isinstance(record.msg, str) and record.msg.startswith(API_LOST_MESSAGES)):
            self.seen = True
            logging.raiseExceptions = False
            return False
        return True


@contextlib.contextmanager
def watch_api_loss() -> Iterator[ApiLost]:
    """Within: Prefect's complaints about a lost API are dropped and noted in the filter yielded. The filter
    stays in place afterwards when the API was lost: Prefect's background workers keep complaining while
    they give up on what is still queued, until the process exits."""
    watch = ApiLost()
    loggers = [logging.getLogger(name) for name in API_LOST_LOGGERS]
    for logger in loggers:
        logger.addFilter(watch)
    try:
        yield watch
    finally:
        if not watch.seen:
            for logger in loggers:
                logger.removeFilter(watch)
