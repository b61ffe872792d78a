"""A run's files are published together: a reader can tell a folder a killed publish left half-done."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from docketflow.pipeline import output
from docketflow.pipeline.flow import run
from docketflow.pipeline.output import PUBLISHING, published_state
from docketflow.pipeline.settings import RunSettings

NOTE = "A federal judge in Ohio ruled Wednesday that the Mint may send payroll files to the Census Bureau.\n"


def _run(inputs: Path, out: Path) -> None:
    run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=False, force=True))


def test_a_complete_publish_lists_its_files_and_leaves_no_marker(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text(NOTE)
    out = tmp_path / "out"
    assert published_state(out) == "none"
    _run(tmp_path / "in", out)
    files = json.loads((out / "run.json").read_text())["files"]
    assert files["documents.jsonl"] == (out / "documents.jsonl").stat().st_size
    assert not (out / PUBLISHING).exists()
    assert published_state(out) == "complete"


def test_a_publish_killed_after_its_first_file_is_detectably_incomplete(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text(NOTE)
    out = tmp_path / "out"
    _run(tmp_path / "in", out)
    (tmp_path / "in" / "second.txt").write_text(NOTE.replace("Mint", "Patent Office"))
    moved: list[str] = []
    real_replace = os.replace

    def dies_after_one(src: str | Path, dst: str | Path) -> None:  # stands in for a SIGKILL mid-publish
        if str(dst).endswith(".jsonl") and moved:
            raise SystemExit(137)
        real_replace(src, dst)
        moved.append(str(dst))

    monkeypatch.setattr(output.os, "replace", dies_after_one)
    with pytest.raises(SystemExit):
        _run(tmp_path / "in", out)
    monkeypatch.undo()
    assert published_state(out) == "incomplete"
    _run(tmp_path / "in", out)  # the next run publishes a complete folder again
    assert published_state(out) == "complete"
