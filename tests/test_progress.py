"""The progress display: a total and an ETA when the number of documents is known, and no live bar
under Prefect, whose log lines would overwrite it."""

from __future__ import annotations

import re

import pytest
from docketflow.pipeline.progress import RunProgress


def test_status_gives_the_total_and_an_eta(monkeypatch: pytest.MonkeyPatch) -> None:
    progress = RunProgress(total=40, enabled=True, live=False)
    monkeypatch.setattr(type(progress), "elapsed", property(lambda self: 30.0))
    progress.documents, progress.errors, progress.done, progress.pages = 9, 1, 10, 25
    assert progress.status() == "9 documents, 1 error; 10/40 inputs, 0.8 pages/s, ETA 1:30"


def test_without_a_total_there_is_no_eta() -> None:
    progress = RunProgress(total=None, enabled=True, live=False)
    progress.documents, progress.done, progress.pages = 3, 3, 3
    assert re.fullmatch(r"3 documents, 0 errors; 3 inputs, [\d.]+ pages/s", progress.status())


def test_no_live_bar_when_not_live(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert RunProgress(total=5, enabled=True, live=False)._bar is None
    assert RunProgress(total=5, enabled=True, live=True)._bar is not None
