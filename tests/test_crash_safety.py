"""SIGKILL at any moment, then a re-run: the same records as a run that was never interrupted."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DOCS = 24


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(DOCS):
        # a ruling that lets one agency share data with another under a dated instrument
        (folder / f"n{i:02}.txt").write_text(
            f"A federal judge in Ohio ruled Wednesday that the IRS may share the home addresses of {i} taxpayers with "
            f"ICE pursuant to a memorandum of understanding signed on April {i % 28 + 1}, 2025.\n")
        (folder / f"o{i:02}.md").write_text(
            f"UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON\n\nCase No. 3:25-cv-{i:05}-AB\n\n"
            "The motion to dismiss is DENIED.\n\nIT IS SO ORDERED.\n")


def _command(inputs: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "docketflow.pipeline.cli", "run", str(inputs), "--out", str(out), "--quiet",
            "--no-prefect"]


def _records(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes()
            for name in ("documents.jsonl", "holdings.jsonl", "agreements.jsonl", "errors.jsonl")}


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_kill_and_resume_five_times_gives_the_uninterrupted_records(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    _corpus(inputs)
    env = {**os.environ, "DOCKETFLOW_BATCH_DOCS": "1"}
    reference = tmp_path / "reference"
    subprocess.run(_command(inputs, reference), check=True, env=env, capture_output=True)
    out = tmp_path / "out"
    rng = random.Random(7)
    for _ in range(5):
        process = subprocess.Popen(_command(inputs, out), env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        for name in ("documents.jsonl", "holdings.jsonl", "errors.jsonl"):
            path = out / name
            if path.exists():
                content = path.read_bytes()
                assert not content or content.endswith(b"\n"), "torn line"
    subprocess.run(_command(inputs, out), check=True, env=env, capture_output=True)
    assert _records(out) == _records(reference)
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".docketflow"]
