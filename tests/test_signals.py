"""Signals to a real run busy with long documents: SIGTERM and Ctrl-C publish what is finished and exit
(143, 130) without redoing the document; SIGKILL of the main process takes its workers with it. In every
case no process of the run is left once the command has returned."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = 6
LONG = 40
LEFT_BEHIND_GRACE_S = 5.0
"""Workers notice a dead parent within half a second; the resource tracker exits once they are gone."""

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="process groups are read from /proc")


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(SMALL):
        (folder / f"a{i}.txt").write_text(f"A federal judge in Ohio ruled Wednesday that the IRS may share the "
                                          f"addresses of {i} taxpayers with ICE.\n")
    for i in range(LONG):  # each a few seconds of work: the run is still busy whenever the signal comes
        (folder / f"z{i:02}.txt").write_text(f"Record {i}: the agency shared the records with the Department. " * 15000)


def _rows(out: Path) -> int:
    try:
        with sqlite3.connect(f"file:{out / '.docketflow' / 'state.sqlite'}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    except sqlite3.Error:
        return 0


def _group(pgid: int) -> list[str]:
    """Processes still in the run's process group (its session: workers, tracker, tesseract)."""
    left = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            left.append(stat.parent.name)
    return left


def _left_after(pgid: int) -> list[str]:
    deadline = time.monotonic() + LEFT_BEHIND_GRACE_S
    while (left := _group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def _as_from_a_terminal() -> None:
    """In the child, before it starts: Ctrl-C and SIGTERM handled as a shell's foreground job has them, whatever
    the test process inherited or set (an ignored or blocked signal would carry over into the run)."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


@pytest.mark.parametrize(("how", "code"), [("term", 143), ("int", 130), ("kill", -signal.SIGKILL)])
def test_a_signal_stops_the_run_and_leaves_no_process(tmp_path: Path, how: str, code: int) -> None:
    inputs = tmp_path / "in"
    _corpus(inputs)
    out = tmp_path / "out"
    env = {**os.environ, "DOCKETFLOW_BATCH_DOCS": "1"}
    command = [sys.executable, "-m", "docketflow.pipeline.cli", "run", str(inputs), "--out", str(out), "--quiet",
               "--no-prefect", "--isolate", "--doc-timeout", "900"]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=_as_from_a_terminal)
    try:
        deadline = time.monotonic() + 240
        while _rows(out) < SMALL and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
        assert process.poll() is None, process.communicate()
        time.sleep(1.0)  # the worker is inside a long document now
        if how == "term":
            process.send_signal(signal.SIGTERM)
        elif how == "int":
            os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
        else:
            process.send_signal(signal.SIGKILL)
        stdout, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == code, (stdout, stderr)
    assert _left_after(process.pid) == []
    if how == "kill":
        return
    assert "the finished inputs are published" in stdout, stderr
    documents = {json.loads(line)["source"]["path"] for line in (out / "documents.jsonl").read_text().splitlines()}
    assert {f"a{i}.txt" for i in range(SMALL)} <= documents
    assert len(documents) < SMALL + LONG
    assert not (out / "errors.jsonl").read_text()  # the documents in flight are not recorded as failed


def test_tesseract_dies_with_the_process_that_started_it(tmp_path: Path) -> None:
    """The parent-death signal OCR asks for: a stand-in for Tesseract outlives neither a killed worker."""
    pid_file = tmp_path / "pid"
    script = (
        "import subprocess, sys, time\n"
        "from pipeline.ingest.ocr import _child_setup\n"
        "child = subprocess.Popen(['sleep', '60'], preexec_fn=_child_setup())\n"
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\n"
        "time.sleep(60)\n"
    )
    worker = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        sleeper = int(pid_file.read_text())
        worker.kill()
        worker.wait()
        deadline = time.monotonic() + LEFT_BEHIND_GRACE_S
        while Path(f"/proc/{sleeper}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not Path(f"/proc/{sleeper}").exists() or "Z" in Path(f"/proc/{sleeper}/stat").read_text().split()[2]
    finally:
        if worker.poll() is None:
            worker.kill()


def test_a_finished_run_leaves_no_process_when_it_returns(tmp_path: Path) -> None:
    """Not even multiprocessing's resource tracker, which would otherwise exit a moment later."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(3):
        (inputs / f"a{i}.txt").write_text(f"A federal judge in Ohio ruled that the IRS may share {i} addresses.\n")
    command = [sys.executable, "-m", "docketflow.pipeline.cli", "run", str(inputs), "--out", str(tmp_path / "out"),
               "--quiet", "--no-prefect", "--workers", "2"]
    log = tmp_path / "log.txt"
    with log.open("w") as sink:  # not a pipe: reading one to its end would wait for the tracker too
        process = subprocess.Popen(command, cwd=ROOT, stdout=sink, stderr=sink, start_new_session=True)
        try:
            process.wait(timeout=240)
            left = _group(process.pid)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 0, log.read_text()
    assert left == []


def test_the_tracker_is_left_alone_while_a_child_of_the_process_lives() -> None:
    """A caller that runs the CLI in its own process may keep processes of its own: stopping the tracker would
    wait for them."""
    import multiprocessing

    from docketflow.pipeline.clean_spawn import CONTEXT, stop_resource_tracker

    child = CONTEXT.Process(target=time.sleep, args=(30,))
    child.start()
    try:
        started = time.monotonic()
        stop_resource_tracker()
        assert time.monotonic() - started < 5
        assert child.is_alive() and multiprocessing.active_children()
    finally:
        child.kill()
        child.join()
