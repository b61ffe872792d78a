"""The process that coordinates a run starts its workers before it loads spaCy and the extractors: the flow, the
CLI, the state store, the outcomes it saves and the extractors package load none of them. It loads what
publishing needs once the workers are starting, so that the import overlaps their start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docketflow.pipeline import flow
from docketflow.pipeline.settings import RunSettings

HEAVY = ("spacy", "thinc", "eyecite", "citeurl")


def _heavy_loaded(code: str) -> list[str]:
    """The heavy top-level modules loaded by `code`, run in a fresh interpreter."""
    report = f"import sys; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))"
    done = subprocess.run([sys.executable, "-c", f"{code}\n{report}"], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_the_coordinating_modules_load_no_spacy() -> None:
    assert _heavy_loaded("import docketflow.pipeline.cli, docketflow.pipeline.flow, docketflow.pipeline.store, "
                         "docketflow.pipeline.outcomes, docketflow.pipeline.executors, docketflow.extractors") == []


def test_publishing_and_the_pipeline_load_them() -> None:
    assert "spacy" in _heavy_loaded("from docketflow.pipeline.store import load_publishing; load_publishing()")
    assert _heavy_loaded("from docketflow.extractors.nlp import build_nlp") != []


@pytest.mark.parametrize(("force", "expected"), [(True, ["warm", "publishing"]), (False, [])])
def test_publishing_loads_right_after_the_workers_are_started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             force: bool, expected: list[str]) -> None:
    """A run with work warms its workers, then loads what publishing needs; one with nothing new does neither."""
    from docketflow.pipeline.executors import inline
    from docketflow.pipeline.process import process_batch

    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(2):
        (inputs / f"n{n}.txt").write_text(f"Memo {n} of a made-up survey office.\n")
    settings = RunSettings(inputs=(inputs,), out=tmp_path / "out", progress=False)
    flow.execute(settings, inline(process_batch), "off")
    calls: list[str] = []
    monkeypatch.setattr(flow, "load_publishing", lambda: calls.append("publishing"))
    flow.execute(settings.model_copy(update={"force": force}), inline(process_batch), "off",
                 warm=lambda: calls.append("warm"))
    assert calls == expected
