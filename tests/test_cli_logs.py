"""Issue 23, part 5 (CLI and logs): progress counted per document with a total from archive indexes and a
last frame that agrees with the summary, per-document DEBUG lines from the workers, no Prefect unless it is
used, refusals that name their option and write nothing, the subcommand's usage on a bad option, plurals."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docketflow.models import Document, ErrorRecord, Source
from docketflow.pipeline.cli import main
from docketflow.pipeline.outcomes import Outcome
from docketflow.pipeline.progress import RunProgress, finished, finished_marks
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import iter_sources
from docketflow.pipeline.sources.counting import count_items
from docketflow.pipeline.summary import RunSummary

from tests.conftest import ROOT
from tests.sources.helpers import make_tar, make_zip, news, record, write_files


def _news_files(folder: Path, count: int) -> Path:
    return write_files(folder, {f"n{i:02}.txt": news(f"the addresses of {i} taxpayers") for i in range(count)})


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# --- plurals -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("documents", "errors", "expected"), [
    (1, 1, "docketflow: 1 document (2 processed, 0 unchanged), 1 error, 0 with warnings, 1 page in"),
    (2, 0, "docketflow: 2 documents (2 processed, 0 unchanged), 0 errors, 0 with warnings, 1 page in"),
])
def test_the_closing_line_counts_in_the_singular_and_plural(documents: int, errors: int, expected: str) -> None:
    summary = RunSummary(documents=documents, errors=errors, processed=2, pages=1, seconds=1.0)
    assert summary.line("out").startswith(expected)


def test_one_failure_is_not_all_1() -> None:
    summary = RunSummary(documents=1, errors=1, failed=[("b.txt", "empty_file")])
    where = Path("out", "errors.jsonl")
    assert summary.failures_line("out") == f"docketflow: failed: b.txt (empty_file); details in {where}"


# --- progress ----------------------------------------------------------------------------------------

def _done(path: str, pages: int = 1) -> Outcome:
    source = Source(path=path, media_type="text/plain")
    doc_id = hashlib.sha256(path.encode()).hexdigest()
    return Outcome(document=Document(doc_id=doc_id, source=source, kind="news", text_chars=1), pages=pages)


def _failed(path: str) -> Outcome:
    return Outcome(error=ErrorRecord(path=path, stage="read", error="empty_file", message="empty"))


def test_documents_are_counted_as_they_finish_and_once(monkeypatch: pytest.MonkeyPatch) -> None:
    progress = RunProgress(total=4, enabled=True, live=False)
    monkeypatch.setattr(type(progress), "elapsed", property(lambda self: 10.0))
    with progress:
        batch = [_done("a.txt"), _failed("b.txt"), _done("c.txt")]
        finished(batch[:1])  # a worker's first document, while the batch is still running
        assert (progress.done, progress.documents, progress.errors) == (1, 1, 0)
        finished(batch[1:2])
        progress.settle(batch)  # the batch came back: only c.txt is new
        assert (progress.done, progress.documents, progress.errors, progress.pages) == (3, 2, 1, 2)
        progress.skip()
        assert progress.status() == "2 documents, 1 error, 1 unchanged; 4/4 inputs, 0.2 pages/s, ETA 0:00"
        progress.finish(documents=3, errors=1)  # the last frame says what the closing line says
        assert progress.status().startswith("3 documents, 1 error, 1 unchanged; 4/4 inputs")
    finished([_done("d.txt")])  # no run showing progress: nothing happens
    assert progress.done == 4


def test_a_total_that_was_short_grows_instead_of_overflowing() -> None:
    progress = RunProgress(total=1, enabled=False, live=False)
    progress.settle([_done("a.txt"), _done("b.txt")])
    assert (progress.done, progress.total) == (2, 2)


def test_the_total_comes_from_archive_indexes(tmp_path: Path) -> None:
    folder = _news_files(tmp_path / "in", 3)
    make_zip(folder / "bundle.zip", {"a.txt": news("a").encode(), "a.txt.meta.json": b'{"title": "A"}',
                                     "b.html": b"<p>" + news("b").encode() + b"</p>", "notes.xlsx": b"x",
                                     "sub/": b""})
    make_tar(folder / "more.tar", {"c.txt": news("c").encode(), "d.md": news("d").encode()}, mode="w")
    (folder / "broken.zip").write_bytes(b"not a zip")
    settings = RunSettings(inputs=(folder,), out=tmp_path / "out")
    assert count_items(settings) == len(list(iter_sources(settings))) == 3 + 3 + 2 + 1


@pytest.mark.parametrize("files", [
    {"records.jsonl": record("r1", "a") + "\n"},  # a bulk file is read to be counted
    {"old.tar.gz": b""},  # a compressed tar too
])
def test_no_total_when_counting_means_reading(tmp_path: Path, files: dict[str, str | bytes]) -> None:
    folder = _news_files(tmp_path / "in", 2)
    for name, data in files.items():
        if name.endswith(".tar.gz"):
            make_tar(folder / name, {"x.txt": news("x").encode()})
        else:
            write_files(folder, {name: data})
    assert count_items(RunSettings(inputs=(folder,), out=tmp_path / "out")) is None


def test_a_document_told_twice_or_after_its_batch_counts_once() -> None:
    progress = RunProgress(total=None, enabled=False, live=False)
    with progress:
        finished([_done("a.txt")])
        finished([_done("a.txt")])  # its batch failed as a whole and was redone one document at a time
        progress.settle([_done("a.txt"), _done("b.txt")])
        finished_marks([("b.txt", 1, False)])  # a Dask worker's event that trails its batch's result
        finished_marks([("c.txt", 2, True)])
    assert (progress.done, progress.documents, progress.errors, progress.pages) == (3, 2, 1, 4)


def _dask_address(stack: contextlib.ExitStack) -> str:
    distributed = pytest.importorskip("dask.distributed")
    cluster = stack.enter_context(distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                                           dashboard_address=None))
    return cluster.scheduler_address


@pytest.mark.parametrize("where", ["--isolate", "--no-isolate", "dask --no-isolate", "dask --isolate"])
def test_each_document_is_counted_before_its_batch_comes_back(where: str, tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture,
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Killable workers, this process and a Dask worker all tell the progress of each document as it is done
    (one batch of 7 inputs here), and the last line agrees with the closing one."""
    folder = _news_files(tmp_path / "in", 5)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sheet.xlsx").write_bytes(b"x")
    monkeypatch.setattr(RunProgress, "LOG_EVERY_SECONDS", 0.0)
    seen: list[int] = []
    settle = RunProgress.settle

    def settled(self: RunProgress, outcomes: list[Outcome]) -> None:
        if len(outcomes) > 1:  # a batch, not one input refused up front
            time.sleep(0.5 if where.startswith("dask") else 0)  # a worker's last event may trail its result
            seen.append(self.done)
        settle(self, outcomes)

    monkeypatch.setattr(RunProgress, "settle", settled)
    caplog.set_level(logging.INFO, logger="docketflow")
    with contextlib.ExitStack() as stack:
        options = where.split()
        if options[0] == "dask":
            options[0:1] = ["--dask-address", _dask_address(stack)]
        code = main(["run", str(folder), "--out", str(tmp_path / "out"), *options, "--ocr", "off", "--no-prefect"])
    assert code == 0
    lines = [r.getMessage() for r in caplog.records if "inputs," in r.getMessage()]
    assert seen and seen[-1] >= 5, seen
    assert lines[-1].startswith("5 documents, 2 errors; 7/7 inputs")
    assert "docketflow: 5 documents (7 processed, 0 unchanged), 2 errors" in capsys.readouterr().out


# --- DEBUG -------------------------------------------------------------------------------------------

def test_debug_shows_each_documents_stages_from_the_worker(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = _news_files(tmp_path / "in", 2)
    caplog.set_level(logging.DEBUG, logger="docketflow")
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--isolate", "--ocr", "off", "--no-prefect",
                 "--log-level", "DEBUG"]) == 0
    messages = [r.getMessage() for r in caplog.records if r.name == "docketflow"]
    for name in ("n00.txt", "n01.txt"):
        assert len([m for m in messages if m.startswith(f"ingest {name}: ") and " s (" in m]) == 1, messages
        assert len([m for m in messages if m.startswith(f"extract {name}: ") and m.endswith(" s")]) == 1, messages


# --- Prefect only when used --------------------------------------------------------------------------

def test_a_run_without_prefect_says_nothing_of_prefect_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal, with a fresh Prefect home, Prefect's import would print its telemetry notice."""
    folder = _news_files(tmp_path / "in", 2)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "DO_NOT_TRACK", "CI"))}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    leader, follower = os.openpty()
    command = [sys.executable, "-m", "docketflow.pipeline.cli", "run", str(folder), "--out", str(tmp_path / "out"),
               "--ocr", "off"]
    try:
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env,
                                 cwd=ROOT)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        assert child.wait(timeout=600) == 0, shown
    finally:
        os.close(leader)
    text = shown.decode(errors="replace")
    assert "docketflow: 2 documents" in text
    assert "Prefect" not in text and "INFO" not in text, text  # no notice, no line about orchestration
    assert not (tmp_path / "prefect-home" / ".sdk_telemetry").exists()


def test_prefect_on_a_fresh_home_says_one_line(tmp_path: Path) -> None:
    folder = _news_files(tmp_path / "in", 3)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(tmp_path / "fresh-prefect-home")
    command = [sys.executable, "-m", "docketflow.pipeline.cli", "run", str(folder), "--out", str(tmp_path / "out"),
               "--ocr", "off", "--prefect", "--isolate"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    assert "database is locked" not in done.stderr
    assert "Traceback" not in done.stderr and "ERROR" not in done.stderr, done.stderr
    assert len([line for line in done.stderr.splitlines() if "temporary Prefect server" in line]) == 1, done.stderr
    assert "temporary server" not in done.stderr  # Prefect's own two lines and its closing one are not shown


# --- refusals ----------------------------------------------------------------------------------------

def test_out_equal_to_the_input_is_refused_naming_out_and_writing_nothing(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = _news_files(tmp_path / "in", 1)
    before = sorted(p.name for p in folder.iterdir())
    assert main(["run", str(folder), "--out", str(folder), "--quiet"]) == 2
    assert _one_line(capsys.readouterr().err).startswith(f"docketflow: --out {folder}: it is the input folder")
    assert sorted(p.name for p in folder.iterdir()) == before  # no .docketflow/ among the inputs


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc")
def test_an_out_that_cannot_be_made_names_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _news_files(tmp_path / "in", 1)
    assert main(["run", str(folder), "--out", "/proc/nope", "--quiet", "--no-isolate", "--ocr", "off"]) == 1
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("docketflow: --out /proc/nope: cannot write the output folder there"), line


def test_a_bad_option_prints_the_subcommands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["run", "--bogus"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: docketflow run ")
    assert err.strip().endswith("docketflow run: error: unrecognized arguments: --bogus")
