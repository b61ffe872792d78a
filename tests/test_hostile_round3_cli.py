"""Issue 21, the command's side: a locked state is called locked (it waits, then says so, never advises a reset),
no control character from an input's name reaches the terminal, a dangling link as --out is named as such."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from docketflow.pipeline.cli import main
from docketflow.pipeline.summary import RunSummary, escape_log_lines, terminal_safe

# a news report of a court letting one agency share a kind of data with another
NEWS = "A federal judge in Ohio ruled Wednesday that the IRS may share addresses with ICE.\n"
LATER = "The court later held that the Social Security Administration may not share earnings records.\n"
TITLE = "\x1b]0;pwned\x07"  # sets the terminal's title
CLEAR = "\x1b[2J"  # clears the screen


def _run_cli(inputs: Path, out: Path, *extra: str, env: dict[str, str] | None = None,
             timeout: float = 240) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "docketflow.pipeline.cli", "run", str(inputs), "--out", str(out), "--quiet",
               "--no-prefect", "--no-isolate", "--ocr", "off", *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False,
                          env={**os.environ, **(env or {})})


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def processed(tmp_path: Path) -> tuple[Path, Path]:
    """An input folder processed once, then changed, so the next run has a batch to save."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "news.txt").write_text(NEWS)
    out = tmp_path / "out"
    assert _run_cli(inputs, out).returncode == 0
    (inputs / "later.txt").write_text(LATER)
    return inputs, out


def _hold(state: Path, *, exclusive: bool = False) -> sqlite3.Connection:
    """Another program's write transaction on the state (an sqlite3 shell between BEGIN and COMMIT)."""
    db = sqlite3.connect(state, isolation_level=None, check_same_thread=False)
    if exclusive:  # nobody else may even read: the run stops at its first look at the state
        db.execute("PRAGMA locking_mode=EXCLUSIVE")
    db.execute("BEGIN IMMEDIATE")
    db.execute("UPDATE items SET relpath = relpath")
    return db


@pytest.mark.parametrize("exclusive", [False, True], ids=["writing", "exclusive"])
def test_a_state_locked_past_the_timeout_is_called_locked_not_damaged(processed: tuple[Path, Path],
                                                                      exclusive: bool) -> None:
    inputs, out = processed
    state = out / ".docketflow" / "state.sqlite"
    before = (out / "documents.jsonl").read_bytes()
    holder = _hold(state, exclusive=exclusive)
    try:
        started = time.monotonic()
        done = _run_cli(inputs, out, env={"DOCKETFLOW_STATE_TIMEOUT_S": "1.5"})
        waited = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert done.returncode == 1
    line = _one_line(done.stderr)
    assert "is locked by another process" in line and "1.5 s" in line and "DOCKETFLOW_STATE_TIMEOUT_S" in line
    assert "--reset-state" not in line and "cannot be read" not in line
    assert waited >= 1.5
    assert (out / "documents.jsonl").read_bytes() == before  # the published output is untouched
    assert not list(state.parent.glob("state.sqlite.reset-*"))
    again = _run_cli(inputs, out)  # the state was healthy all along
    assert again.returncode == 0, again.stderr
    assert "docketflow: 2 documents" in again.stdout and not list(state.parent.glob("state.sqlite.reset-*"))


def test_a_lock_released_within_the_timeout_is_waited_for(processed: tuple[Path, Path]) -> None:
    inputs, out = processed
    holder = _hold(out / ".docketflow" / "state.sqlite")
    release = threading.Timer(8.0, lambda: (holder.rollback(), holder.close()))  # past start-up: the run waits
    release.start()
    try:
        done = _run_cli(inputs, out)
    finally:
        release.join()
    assert done.returncode == 0, done.stderr
    assert "docketflow: 2 documents" in done.stdout


def test_the_timeout_must_be_seconds(processed: tuple[Path, Path]) -> None:
    inputs, out = processed
    done = _run_cli(inputs, out, env={"DOCKETFLOW_STATE_TIMEOUT_S": "soon"})
    assert done.returncode == 2
    assert _one_line(done.stderr).startswith("docketflow: DOCKETFLOW_STATE_TIMEOUT_S: expected seconds")


def test_names_that_are_terminal_escapes_are_shown_escaped(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "news.txt").write_text(NEWS)
    (inputs / f"{TITLE}.txt").write_bytes(b"")  # empty: one failure line each, naming the file
    (inputs / f"{CLEAR}x\x9bc.txt").write_bytes(b"")
    done = _run_cli(inputs, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    for raw in ("\x1b", "\x07", "\x9b"):
        assert raw not in done.stdout and raw not in done.stderr
    failed = done.stdout.splitlines()[-1]
    assert failed.startswith("docketflow: failed: ")
    assert "\\x1b]0;pwned\\x07.txt (empty_file)" in failed and "\\x1b[2Jx\\x9bc.txt (empty_file)" in failed


@pytest.mark.parametrize(("text", "shown"), [
    ("order.pdf", "order.pdf"),
    ("café — § 3.pdf", "café — § 3.pdf"),  # printable Unicode stays as it is
    (f"{TITLE}a.pdf", "\\x1b]0;pwned\\x07a.pdf"),
    (f"{CLEAR}.pdf", "\\x1b[2J.pdf"),
    ("a\nb\tc\rd\x7f.pdf", "a\\x0ab\\x09c\\x0dd\\x7f.pdf"),  # a forged log line, DEL
    ("\x9b31m\x9d0;t\x9c.pdf", "\\x9b31m\\x9d0;t\\x9c.pdf"),  # C1: CSI, OSC, ST as one character each
    ("gpj.\u202eexe.pdf", "gpj.\\u202eexe.pdf"),  # a right-to-left override hides the real ending
    ("odd\udcff.pdf", "odd\\udcff.pdf"),  # a lone surrogate cannot be written to a terminal at all
])
def test_terminal_safe(text: str, shown: str) -> None:
    assert terminal_safe(text) == shown


def test_log_lines_and_tracebacks_are_escaped(tmp_path: Path) -> None:
    logger = logging.getLogger("docketflow.test-escapes")
    stream = (tmp_path / "log").open("w+", encoding="utf-8")
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.propagate = False
    escape_log_lines(logger)
    escape_log_lines(logger)  # once is enough
    try:
        logger.warning("extract failed for %s: %s", f"{CLEAR}.pdf", "boom")
        try:
            raise ValueError(f"cannot read {TITLE}.pdf")
        except ValueError:
            logger.error("failed", exc_info=True)
    finally:
        logger.removeHandler(handler)
    stream.seek(0)
    text = stream.read()
    assert "\x1b" not in text and "\x07" not in text
    assert "extract failed for \\x1b[2J.pdf: boom" in text and "cannot read \\x1b]0;pwned\\x07.pdf" in text
    assert len(logger.filters) == 1


def test_the_closing_lines_escape_names() -> None:
    summary = RunSummary(errors=2, failed=[(f"{TITLE}.txt", "empty_file")])
    assert "\x1b" not in summary.failures_line(f"out{CLEAR}") + summary.line(f"out{CLEAR}")


@pytest.mark.parametrize("nested", [False, True], ids=["link", "link-on-the-way"])
def test_a_dangling_link_as_out_is_named(tmp_path: Path, nested: bool, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "news.txt").write_text(NEWS)
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "gone")
    out = link / "sub" if nested else link
    assert main(["run", str(inputs), "--out", str(out), "--quiet", "--no-prefect"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line.startswith(f"docketflow: --out {out}: ")
    what = f"{link}, on the way to it," if nested else "it"
    assert f": {what} is a symbolic link to {tmp_path / 'gone'}, which does not resolve" in line
    assert "FileExistsError" not in line
    assert not (tmp_path / "gone").exists()


def test_a_file_as_out_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "news.txt").write_text(NEWS)
    out = tmp_path / "out"
    out.write_text("not a folder")
    assert main(["run", str(inputs), "--out", str(out), "--quiet", "--no-prefect"]) == 2
    assert _one_line(capsys.readouterr().err) == f"docketflow: --out {out}: not a folder: a file is there; " \
                                                 "choose another --out"
