"""The process that coordinates a run never loads spaCy and the extractors: the flow, the CLI, the state store,
the outcomes it saves, the extractors package and what publishing merges records with load none of them, so a
run's coordinating process takes no CPU from its workers for them. It loads the tables publishing needs once
the workers are starting."""

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


def test_publishing_loads_none_of_them_and_the_pipeline_does() -> None:
    assert _heavy_loaded("from docketflow.pipeline.store import load_publishing; load_publishing()") == []
    assert _heavy_loaded("from docketflow.extractors.records import AgreementBook") == []
    assert "spacy" in _heavy_loaded("from docketflow.extractors.records import build_records")
    assert _heavy_loaded("from docketflow.extractors.nlp import build_nlp") != []


def test_a_whole_run_with_workers_leaves_the_coordinating_process_without_them(tmp_path: Path) -> None:
    """Workers read the documents; this process saves, merges the agreements and publishes the cases."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "memo.txt").write_text(
        "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF MAINE\n\nCase No. 1:24-cv-00017\n\n"
        "The Social Security Administration shares wage records with the Internal Revenue Service under "
        "a memorandum of understanding signed March 3, 2024.\n\nThe motion to dismiss is DENIED.\n")
    code = ("from pathlib import Path\nfrom docketflow.pipeline.flow import run\n"
            "from docketflow.pipeline.settings import RunSettings\n"
            f"s = run(RunSettings(inputs=(Path({str(inputs)!r}),), out=Path({str(tmp_path / 'out')!r}), "
            "isolate=True, progress=False, orchestration='off'))\n"
            "assert s.documents == 1 and s.agreements == 1 and s.holdings == 1, s")
    assert _heavy_loaded(code) == []


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
