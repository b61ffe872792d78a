"""docketflow's own log lines in the Prefect run's log, so a data team sees progress and warnings in the UI.

Prefect sends only its own loggers to the API. The "docketflow" logger gets Prefect's API handler for the
duration of the flow run, with the flow run's id stamped on every record: lines logged from threads that
do not carry Prefect's run context (the executor's) still land in the right run instead of being dropped.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from docketflow.pipeline.summary import escape_log_lines
from prefect.context import FlowRunContext
from prefect.logging.handlers import APILogHandler

log = logging.getLogger("docketflow")


class _StampRun(logging.Filter):
    def __init__(self, flow_run_id: str) -> None:
        super().__init__()
        self.flow_run_id = flow_run_id

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "flow_run_id", None):
            record.flow_run_id = self.flow_run_id
        return True


@contextlib.contextmanager
def to_run_logger() -> Iterator[None]:
    """Within a flow run: the docketflow logger's records (INFO and up unless configured) also go to the run's log."""
    context = FlowRunContext.get()
    if context is None or context.flow_run is None:
        yield
        return
    handler = APILogHandler(level=logging.INFO)
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
