"""Incremental, idempotent runs: only new or changed inputs are processed, nothing is duplicated."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docketflow.pipeline.flow
import pytest
from docketflow.pipeline.flow import RunSummary, run
from docketflow.pipeline.settings import RunSettings

# a provider agreeing to give a recipient named data under a dated instrument; then a second report of it
IRS_NEWS = ("The IRS agreed to provide the home addresses of taxpayers to ICE pursuant to a memorandum of "
            "understanding signed on March 19, 2025.\n")
IRS_NEWS_2 = "Under its memorandum of understanding with ICE, the IRS also shares taxpayers' phone numbers with ICE.\n"


def _run(inputs: Path, out: Path, **options: object) -> RunSummary:
    return run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", **options))


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(IRS_NEWS)
    (folder / "b.md").write_text("UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON\n\nThe motion is DENIED.\n")
    return folder


def test_rerun_processes_nothing_and_changes_nothing(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _run(inputs, out)
    before = {name: (out / f"{name}.jsonl").read_bytes() for name in ("documents", "holdings", "agreements")}
    second = _run(inputs, out)
    assert (first.processed, first.skipped) == (2, 0)
    assert (second.processed, second.skipped) == (0, 2)
    for name, content in before.items():
        assert (out / f"{name}.jsonl").read_bytes() == content


def test_new_and_changed_inputs_only(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(inputs, out)
    (inputs / "c.txt").write_text("A federal judge ruled on Friday that the agency may share names with ICE.\n")
    (inputs / "b.md").write_text("UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON\n\nThe motion is GRANTED.\n")
    summary = _run(inputs, out)
    assert (summary.processed, summary.skipped) == (2, 1)
    documents = _lines(out / "documents.jsonl")
    assert sorted(d["source"]["path"] for d in documents) == ["a.txt", "b.md", "c.txt"]
    assert len({d["doc_id"] for d in documents}) == 3
    holdings = [h for h in _lines(out / "holdings.jsonl") if h["court"] == "ord"]
    assert [h["disposition"] for h in holdings] == ["granted"]


def test_changed_rules_or_force_redo_everything(inputs: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    _run(inputs, out)
    assert _run(inputs, out, force=True).processed == 2
    monkeypatch.setattr(docketflow.pipeline.flow, "extractor_version", lambda: "rules-changed")
    summary = _run(inputs, out)
    assert summary.processed == 2
    assert len(_lines(out / "documents.jsonl")) == 2


def test_agreements_merge_across_incremental_runs(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(inputs, out)
    (inputs / "later.txt").write_text(IRS_NEWS_2)
    _run(inputs, out)
    (agreement,) = [a for a in _lines(out / "agreements.jsonl") if a["providers"] == ["IRS"]]
    assert len(agreement["doc_ids"]) == 2
    assert {"address", "phone_number"} <= set(agreement["data_categories"])


def test_identical_files_are_one_document(inputs: Path, tmp_path: Path) -> None:
    (inputs / "copy.txt").write_bytes((inputs / "a.txt").read_bytes())
    out = tmp_path / "out"
    _run(inputs, out)
    assert len(_lines(out / "documents.jsonl")) == 2


def test_touching_a_file_without_changing_it_keeps_its_records(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(inputs, out)
    before = (out / "documents.jsonl").read_bytes()
    stat = (inputs / "a.txt").stat()
    os.utime(inputs / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert _run(inputs, out).processed == 1
    assert (out / "documents.jsonl").read_bytes() == before


def test_two_roots_with_the_same_file_name_keep_both(tmp_path: Path) -> None:
    first, second = tmp_path / "monday", tmp_path / "tuesday"
    for folder, disposition in ((first, "DENIED"), (second, "GRANTED")):
        folder.mkdir()
        order = f"UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON\n\nThe motion is {disposition}.\n"
        (folder / "order.txt").write_text(order)
    out = tmp_path / "out"
    summary = run(RunSettings(inputs=(first, second), out=out, progress=False, orchestration="off"))
    assert summary.documents == 2
    assert sorted(h["disposition"] for h in _lines(out / "holdings.jsonl")) == ["denied", "granted"]
    assert run(RunSettings(inputs=(first, second), out=out, progress=False, orchestration="off")).processed == 0


def test_a_description_added_later_joins_the_record_and_every_reference_follows(tmp_path: Path) -> None:
    """An article naming no instrument, processed in a later run, joins the MOU record; documents and
    holdings then name the merged id, the same id a single run over both gives."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(IRS_NEWS)
    out = tmp_path / "out"
    _run(folder, out)
    (folder / "c.txt").write_text("The IRS shares the phone numbers of taxpayers with ICE, officials said.\n")
    _run(folder, out)
    agreements = _lines(out / "agreements.jsonl")
    assert len(agreements) == 1 and len(agreements[0]["doc_ids"]) == 2
    assert {i for d in _lines(out / "documents.jsonl") for i in d["agreements"]} == {agreements[0]["id"]}
    fresh = tmp_path / "fresh"
    _run(folder, fresh)
    assert _lines(fresh / "agreements.jsonl")[0]["id"] == agreements[0]["id"]
