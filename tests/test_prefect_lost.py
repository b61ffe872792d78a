"""Issue 21, item 13: a Prefect server that dies mid-run costs one warning, not minutes and a failed run.

The test's Prefect API is reached through a forwarder that the test kills after the first batch: from then
on every connection to that port is refused, as when a `prefect server` dies."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import docketflow.pipeline.flow as flow
import pytest
from docketflow.pipeline.cli import main
from docketflow.pipeline.flow import docketflow_run  # noqa: F401  (defines the flow now: Prefect's logging set-up would drop caplog's handler mid-test)
from docketflow.pipeline.runlog import API_LOST_LOGGERS, ApiLost


class DyingApi:
    """A TCP forwarder to the test Prefect API that can be made to die: its port then refuses connections."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.died_at: float | None = None
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
                upstream = socket.create_connection(self.target)
            except OSError:
                return
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def die(self) -> None:
        with self.lock:
            if self.died_at is not None:
                return
            self.died_at = time.monotonic()
            self.listener.close()
            for end in self.sockets:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()


@pytest.fixture
def restore_logging():
    """The run leaves its filter on Prefect's loggers and logging.raiseExceptions off (for the process's
    last seconds): undo both for the tests that follow."""
    yield
    logging.raiseExceptions = True
    for name in API_LOST_LOGGERS:
        logger = logging.getLogger(name)
        for f in [f for f in logger.filters if isinstance(f, ApiLost)]:
            logger.removeFilter(f)


def test_issue_21_13_prefect_api_lost_mid_run_is_one_warning(
        prefect_api: None, restore_logging: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    inputs = tmp_path / "in"
    inputs.mkdir()
    for day in range(1, 13):
        (inputs / f"notice_{day:02d}.txt").write_text(
            f"On Monday, Jan. {day}, 2025, the Bureau agreed to provide records to the Department.\n")
    out = tmp_path / "out"
    target = urlparse(PREFECT_API_URL.value())
    api = DyingApi(target.hostname or "127.0.0.1", target.port or 80)
    url = f"http://127.0.0.1:{api.port}{target.path}"

    execute = flow.execute

    def execute_then_lose_api(settings, submit, *args, **kwargs):  # type: ignore[no-untyped-def]
        def submit_then_die(batch, batch_settings):  # type: ignore[no-untyped-def]
            future = submit(batch, batch_settings)
            api.die()  # after the first batch is handed over: the rest of the run has no API
            return future
        return execute(settings, submit_then_die, *args, **kwargs)

    monkeypatch.setattr(flow, "execute", execute_then_lose_api)
    monkeypatch.setenv("PREFECT_API_URL", url)
    monkeypatch.setenv("DOCKETFLOW_BATCH_DOCS", "2")
    monkeypatch.delenv("PREFECT_CLIENT_MAX_RETRIES", raising=False)
    with temporary_settings({PREFECT_API_URL: url}), caplog.at_level(logging.WARNING, logger="docketflow"):
        rc = main(["run", str(inputs), "--out", str(out), "--prefect", "--no-isolate", "--quiet"])

    assert rc == 0
    assert api.died_at is not None
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert len(documents) == 12
    assert (out / "errors.jsonl").read_text() == ""
    warnings = [r.getMessage() for r in caplog.records if r.name == "docketflow" and r.levelno >= logging.WARNING]
    assert len(warnings) == 1, warnings
    assert "stopped answering" in warnings[0] and "records are published" in warnings[0]
    assert "retried 2 times" in warnings[0]
    captured = capfd.readouterr()
    for noise in ("Traceback", "Error logging to API", "Unable to connect", "failed to process", "cannot proceed"):
        assert noise not in captured.err, captured.err
    assert "12 documents" in captured.out


@pytest.mark.parametrize(("name", "message", "error", "dropped"), [
    ("prefect.events.clients", "Unable to connect to %r. Please check your network settings", None, True),
    ("prefect._internal.concurrency", "Service %r failed to process item %r", None, True),
    ("EventsWorker", "Still processing items: 3 items remaining...", None, True),
    ("prefect.flow_runs", "Encountered exception during execution: %r", "connect", True),
    # near misses: Prefect's other lines, and a flow's own failure, are kept
    ("prefect.flow_runs", "Encountered exception during execution: %r", "value", False),
    ("prefect.flow_runs", "Finished in state %s", None, False),
])
def test_api_lost_filter_drops_only_complaints_about_the_api(
        restore_logging: None, name: str, message: str, error: str | None, dropped: bool) -> None:
    import httpx

    exc = {"connect": httpx.ConnectError("[Errno 111] Connection refused"), "value": ValueError("bad"),
           None: None}[error]
    record = logging.LogRecord(name, logging.ERROR, __file__, 1, message, None,
                               (type(exc), exc, None) if exc else None)
    watch = ApiLost()
    assert watch.filter(record) is not dropped
    assert watch.seen is dropped
