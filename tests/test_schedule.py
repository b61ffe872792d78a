"""A real `prefect server` plus `docketflow serve` fires a scheduled run that writes the output folder.

This is what a data team runs in production; the deployment object alone (test_deploy.py) says nothing
about whether the server's scheduler can create runs (it could not with SQLAlchemy 2.1) or whether the
served flow finds its code and inputs. Both processes run in their own process group and are killed
at the end, whatever happens.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT

SERVER_STARTUP_S = 240.0
"""Measured 12-25 s on an idle machine, 80 s on a loaded one."""
FIRST_RUN_S = 180.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def _process(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A child in its own process group (so its own children go with it), killed on the way out."""
    with log.open("wb") as out:
        proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            yield proc
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=15)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # whatever of the group is left
            proc.wait()


def _wait(predicate, timeout: float, what: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{what}: process exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        if predicate():
            return
        time.sleep(0.5)
    pytest.fail(f"{what}: not within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_served_deployment_fires_a_scheduled_run_that_writes_output(tmp_path: Path) -> None:
    inputs, out = tmp_path / "drop", tmp_path / "out"
    inputs.mkdir()
    (inputs / "notice.txt").write_text("On March 3, 2025, the Department of Labor agreed to share wage records "
                                       "with the Department of Homeland Security.")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    env.pop("PREFECT_API_URL", None)
    server_cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    with _process(server_cmd, env, tmp_path / "server.log") as server:
        _wait(lambda: _healthy(api), SERVER_STARTUP_S, "prefect server start", server, tmp_path / "server.log")
        serve_cmd = [sys.executable, "-m", "docketflow.pipeline.cli", "serve", str(inputs), "--out", str(out),
                     "--interval", "30", "--quiet"]
        with _process(serve_cmd, {**env, "PREFECT_API_URL": api}, tmp_path / "serve.log") as served:
            _wait(lambda: (out / "run.json").exists(), FIRST_RUN_S, "first scheduled run", served,
                  tmp_path / "serve.log")
    report = json.loads((out / "run.json").read_text())
    assert report["orchestration"] == "prefect"
    assert report["counts"]["documents"] == 1
    assert (out / "documents.jsonl").read_text().count("\n") == 1
    assert "Can't evaluate bulk DML" not in (tmp_path / "server.log").read_text()
