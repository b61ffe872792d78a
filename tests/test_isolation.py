"""A document that overruns its time limit in a worker process becomes an error; the others go through."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from types import SimpleNamespace

import pytest
from docketflow.pipeline.executors import wants_isolation
from docketflow.pipeline.flow import run
from docketflow.pipeline.settings import RunSettings


def test_overrunning_document_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_order.txt").write_text("UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON\n\nThe motion is DENIED.\n")
    (inputs / "b_huge.txt").write_text("The agency shared the records with the Department. " * 400_000)
    (inputs / "c_news.txt").write_text(
        "A federal judge in Ohio ruled Wednesday that the IRS may share addresses with ICE.\n")
    out = tmp_path / "out"
    summary = run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=True,
                              doc_timeout_s=4.0, batch_docs=8, max_chars=100_000_000))
    documents = [json.loads(line)["source"]["path"] for line in (out / "documents.jsonl").read_text().splitlines()]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert sorted(documents) == ["a_order.txt", "c_news.txt"]
    assert [(e["path"], e["error"]) for e in errors] == [("b_huge.txt", "timeout_or_worker_died")]
    assert summary.processed == 3


def test_a_per_document_time_limit_turns_isolation_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "one.txt").write_text("The court ruled.\n")
    small = {"inputs": (tmp_path,), "out": tmp_path / "out", "progress": False}
    assert not wants_isolation(RunSettings(**small))  # a handful of plain files: processed in this process
    assert wants_isolation(RunSettings(**small, doc_timeout_s=30))  # only a worker can enforce the limit
    with caplog.at_level(logging.WARNING, logger="docketflow"):
        assert not wants_isolation(RunSettings(**small, doc_timeout_s=30, isolate=False))
    assert "--doc-timeout has no effect with --no-isolate" in caplog.text


def test_the_time_limit_is_per_document_whatever_the_batch_size(tmp_path: Path) -> None:
    # ten documents in one batch: the slow one needs a few seconds, far less than ten times the limit, yet
    # more than the limit itself, so it is the one recorded; the nine others are published
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(9):
        (inputs / f"a{i}_note.txt").write_text(f"The clerk filed note {i} on the docket.\n")
    (inputs / "z_slow.txt").write_text("The agency shared the records with the Department. " * 40_000)
    out = tmp_path / "out"
    run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=True, workers=1,
                    doc_timeout_s=1.0, batch_docs=16, max_chars=100_000_000))
    documents = [json.loads(line)["source"]["path"] for line in (out / "documents.jsonl").read_text().splitlines()]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert len(documents) == 9
    assert [(e["path"], e["error"]) for e in errors] == [("z_slow.txt", "timeout_or_worker_died")]


def test_in_a_daemonic_process_the_workers_are_subprocesses_with_the_same_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stock Dask worker is daemonic: its workers are plain subprocesses, and an overrunning document is
    still cut off at its own limit."""
    import docketflow.pipeline.isolation as isolation

    started: list[str] = []
    real = isolation._Subprocess

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append("subprocess")
        return real(*args, **kwargs)

    monkeypatch.setattr(isolation.multiprocessing, "current_process", lambda: SimpleNamespace(daemon=True))
    monkeypatch.setattr(isolation, "_Subprocess", recording)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_news.txt").write_text("A federal judge in Utah ruled Monday that the SSA may share wages with ICE.\n")
    (inputs / "b_huge.txt").write_text("The bureau sent the files to the office. " * 400_000)
    out = tmp_path / "out"
    run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=True,
                    doc_timeout_s=4.0, batch_docs=8, max_chars=100_000_000))
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["path"], e["error"]) for e in errors] == [("b_huge.txt", "timeout_or_worker_died")]
    assert "a_news.txt" in (out / "documents.jsonl").read_text()
    assert started  # the workers were plain subprocesses


@pytest.mark.parametrize("daemonic", [False, True])
def test_a_worker_that_cannot_build_the_pipeline_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch, daemonic: bool) -> None:
    """A pipeline that raises while it is built (here: a pipeline folder naming a factory nobody registered; on a
    fresh machine: a module missing) stops the run with the worker's own error, once, and no guess about
    memory; both kinds of worker (multiprocessing children, and the plain subprocesses of a daemonic one)."""
    from docketflow.pipeline.cli import main

    model = tmp_path / "pipeline"
    model.mkdir()
    (model / "config.cfg").write_text('[nlp]\nlang = "en"\npipeline = ["made_up"]\n[components]\n'
                                      '[components.made_up]\nfactory = "no_factory_of_this_name"\n')
    (model / "meta.json").write_text('{"lang": "en", "name": "made_up", "version": "0.0.0"}')
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("A short text for a run that never starts.\n")
    if daemonic:
        import multiprocessing

        monkeypatch.setattr(multiprocessing.current_process(), "daemon", True, raising=False)
    code = main(["run", str(inputs), "--out", str(tmp_path / "out"), "--model", str(model), "--isolate"])
    err = capsys.readouterr().err
    assert code != 0
    assert "could load the pipeline: ConfigValidationError" in err
    assert "MEMORY_MB" not in err and "Traceback" not in err


@pytest.mark.parametrize(("force", "warmed"), [(True, 1), (False, 0)])
def test_workers_are_warmed_once_when_there_is_work_and_never_when_there_is_none(
        tmp_path: Path, force: bool, warmed: int) -> None:
    """The executor's `warm` (worker processes start and load the pipeline) is called once, as soon as the first
    input to process is found; a re-run with nothing new calls it never, so it starts no process."""
    from docketflow.pipeline.executors import inline
    from docketflow.pipeline.flow import execute
    from docketflow.pipeline.process import process_batch

    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(3):
        (inputs / f"n{n}.txt").write_text(f"Note {n} of a made-up ledger office.\n")
    settings = RunSettings(inputs=(inputs,), out=tmp_path / "out", progress=False, batch_docs=1)
    execute(settings, inline(process_batch), "off")  # the first run
    calls: list[int] = []
    again = settings.model_copy(update={"force": force})
    execute(again, inline(process_batch), "off", warm=lambda: calls.append(1))
    assert len(calls) == warmed


@pytest.mark.parametrize(("error", "memory"), [
    (MemoryError(), True),
    (OSError(12, "Cannot allocate memory"), True),  # ENOMEM, as when a module is mapped in under the limit
    (ImportError("/site/widgets.so: failed to map segment from shared object"), True),  # the loader's mmap
    (ImportError("no module named widgets"), False),
    (OSError(2, "No such file or directory"), False),
])
def test_a_start_failure_is_taken_for_the_memory_limit_only_when_memory_ran_out(error: Exception,
                                                                                memory: bool) -> None:
    from docketflow.pipeline.isolation import _out_of_memory

    try:
        try:
            raise error
        except Exception as inner:
            raise RuntimeError("while building the pipeline") from inner
    except RuntimeError as outer:
        assert _out_of_memory(outer) is memory


def test_the_workers_are_released_once_the_last_batch_is_done_and_exit_before_the_pool_closes(
        tmp_path: Path) -> None:
    """`release` comes after the last outcome and before publishing: the workers exit (saving what they learned)
    while the run publishes, and closing the pool then only reaps them."""
    from docketflow.pipeline.flow import execute
    from docketflow.pipeline.isolation import IsolatedPool

    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(3):
        (inputs / f"n{n}.txt").write_text(f"Note {n} of a made-up ledger office.\n")
    settings = RunSettings(inputs=(inputs,), out=tmp_path / "out", progress=False, batch_docs=1)
    events: list[str] = []
    with IsolatedPool(1, settings) as pool:

        def release() -> None:
            events.append(f"release after {len(list((tmp_path / 'out').glob('documents.jsonl')))} published")
            pool.release()

        summary = execute(settings, pool.submit, "off", window=2, warm=pool.warm, release=release)
        for worker in pool.all:
            worker.process.join(timeout=60)
            assert worker.process.exitcode == 0  # it left on its own, told by `release`
    assert summary.processed == 3
    assert events == ["release after 0 published"]
