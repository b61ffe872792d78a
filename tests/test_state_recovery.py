"""The state remembers what was read, not what the file became: edits during a run are read next time,
failures that may pass are retried, corrupt inputs wait for a change, a damaged state names its way out."""

from __future__ import annotations

import json
from pathlib import Path

import docketflow.pipeline.process as process_module
import pytest
from docketflow.models import ErrorRecord
from docketflow.pipeline.flow import run
from docketflow.pipeline.isolation import WorkerStartFailed
from docketflow.pipeline.outcomes import Outcome
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import SourceItem
from docketflow.pipeline.store import StateDamaged, StateStore

# a news report of a court letting one agency share a kind of data with another
NEWS = "A federal judge in Ohio ruled Wednesday that the IRS may share addresses with ICE.\n"
LATER = "The court later held that the Social Security Administration may not share earnings records.\n"


def _settings(inputs: Path, out: Path, **extra: object) -> RunSettings:
    return RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=False, **extra)


def _texts(out: Path) -> dict[str, int]:
    return {json.loads(line)["source"]["path"]: json.loads(line)["text_chars"]
            for line in (out / "documents.jsonl").read_text().splitlines()}


def _errors(out: Path) -> dict[str, str]:
    return {json.loads(line)["path"]: json.loads(line)["error"]
            for line in (out / "errors.jsonl").read_text().splitlines()}


def test_a_file_edited_after_it_was_read_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    edited = inputs / "edited.txt"
    edited.write_text(NEWS)
    (inputs / "calm.txt").write_text(LATER)
    read_regular = process_module.read_regular

    def read_then_edit(path: Path, limit: int) -> tuple[bytes, object]:
        result = read_regular(path, limit)
        if path.name == "edited.txt":  # someone appends while the document is being processed
            with path.open("a") as fh:
                fh.write(LATER)
        return result

    monkeypatch.setattr(process_module, "read_regular", read_then_edit)
    out = tmp_path / "out"
    run(_settings(inputs, out))
    first = _texts(out)["edited.txt"]
    assert first <= len(NEWS)  # what was read: the text before the edit
    monkeypatch.setattr(process_module, "read_regular", read_regular)
    again = run(_settings(inputs, out))
    assert (again.processed, again.skipped) == (1, 1)
    assert _texts(out)["edited.txt"] >= first + len(LATER.strip())


def test_a_permission_put_right_is_retried_without_a_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "locked.txt").write_text(NEWS)
    read_regular = process_module.read_regular

    def denied(path: Path, limit: int) -> tuple[bytes, object]:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(process_module, "read_regular", denied)  # mode 000 (root would read it anyway)
    out = tmp_path / "out"
    run(_settings(inputs, out))
    assert _errors(out) == {"locked.txt": "PermissionError"}
    monkeypatch.setattr(process_module, "read_regular", read_regular)
    again = run(_settings(inputs, out))
    assert again.processed == 1
    assert set(_texts(out)) == {"locked.txt"} and _errors(out) == {}


def _outcome(relpath: str, code: str) -> Outcome:
    return Outcome(error=ErrorRecord(path=relpath, sha256=None, stage="ingest", error=code, message="failed"),
                   stamp=(10, 20))


@pytest.mark.parametrize(
    ("code", "retry_errors", "retried"),
    [
        ("timeout_or_worker_died", False, True),
        ("MemoryError", False, True),
        ("sidecar", False, True),
        ("corrupt", False, False),
        ("encrypted", False, False),
        ("corrupt", True, True),
    ],
)
def test_which_failures_are_retried(tmp_path: Path, code: str, retry_errors: bool, retried: bool,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "doc.pdf"
    file.write_bytes(b"x" * 10)
    item = SourceItem("doc.pdf", path=file, root="/r")
    monkeypatch.setattr("docketflow.pipeline.store._stat", lambda item: (10, 20))  # unchanged since it was read
    store = StateStore(tmp_path / "out", "v1", retry_errors=retry_errors)
    try:
        store.save([(item, _outcome("doc.pdf", code))])
        assert store.is_current(item) is not retried
    finally:
        store.close()


def test_a_damaged_state_names_the_file_and_the_way_out(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "news.txt").write_text(NEWS)
    out = tmp_path / "out"
    run(_settings(inputs, out))
    state = out / ".docketflow" / "state.sqlite"
    for companion in state.parent.glob("state.sqlite-*"):
        companion.unlink()
    state.write_bytes(b"this is not a database, it was overwritten by something else" * 100)
    with pytest.raises(StateDamaged, match=r"state\.sqlite.*--reset-state"):
        run(_settings(inputs, out))
    summary = run(_settings(inputs, out, reset_state=True))
    assert summary.processed == 1 and set(_texts(out)) == {"news.txt"}
    assert [p.name for p in state.parent.glob("state.sqlite.reset-*")]  # set aside, not deleted


def test_workers_that_cannot_start_stop_the_run_with_the_reason(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(3):
        (inputs / f"n{i}.txt").write_text(NEWS.replace("Wednesday", f"day {i}"))
    out = tmp_path / "out"
    settings = RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=True,
                           worker_memory_mb=150)
    with pytest.raises(WorkerStartFailed, match="worker_memory_mb=150"):
        run(settings)
    summary = run(settings.model_copy(update={"worker_memory_mb": 3072}))  # nothing was recorded as failed
    assert summary.processed == 3 and _errors(out) == {}
