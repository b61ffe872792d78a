"""Issue 22 end to end: made-up documents of one litigation (a district order, two articles that report it in
other words, an appeal that gives the order's number, a Supreme Court stay) give one case of three decisions,
and the same output whether they arrive in one run or over several runs, in any order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.sources.helpers import run_cli, write_files

FIXTURES = Path(__file__).parent / "fixtures" / "litigation"
"""Made-up documents: order.txt, article1.txt and article2.txt (with their sidecars), appeal.txt, stay.txt."""
DOCUMENTS = {path.name: path.read_text() for path in sorted(FIXTURES.iterdir())}
OUTPUTS = ("cases.jsonl", "holdings.jsonl", "agreements.jsonl", "documents.jsonl")


def _lines(out: Path, name: str) -> list[dict]:
    return [json.loads(line) for line in (out / name).read_text().splitlines()]


@pytest.fixture(scope="module")
def one_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("one")
    out = root / "out"
    done = run_cli(write_files(root / "in", DOCUMENTS), out)
    assert done.returncode == 0, done.stderr
    return out


def test_one_case_of_three_decisions(one_run: Path) -> None:
    (case,) = _lines(one_run, "cases.jsonl")
    assert case["schema_version"] == 3
    assert [(d["court"], d["date"]) for d in case["decisions"]] == [
        ("mdd", "2031-03-03"), ("ca4", "2031-06-09"), ("scotus", "2031-08-14")]
    paths = {d["doc_id"]: d["source"]["path"] for d in _lines(one_run, "documents.jsonl")}
    order, appeal, stay = case["decisions"]
    assert sorted(paths[i] for i in order["doc_ids"]) == ["article1.txt", "article2.txt", "order.txt"]
    assert paths[order["doc_ids"][0]] == "order.txt"  # the court's own document first
    assert (order["judge"], order["disposition"], order["effect"]) == ("Theodora Q. Vance", "granted", "barred")
    assert (appeal["disposition"], appeal["effect"]) == ("affirmed", "barred")
    assert stay["effect"] == "permitted"
    assert case["courts"] == ["mdd", "ca4", "scotus"] and case["status"] == "permitted"
    assert case["name"] == "State of Delaware v. Social Security Administration"
    holdings = _lines(one_run, "holdings.jsonl")
    assert {h["case"] for h in holdings} == {case["id"]}
    assert all(h["decision"] in {d["id"] for d in case["decisions"]} for h in holdings)


def test_the_agreement_follows_its_case(one_run: Path) -> None:
    (agreement,) = _lines(one_run, "agreements.jsonl")
    (case,) = _lines(one_run, "cases.jsonl")
    assert (agreement["providers"], agreement["recipients"]) == (["SSA"], ["ICE"])
    assert [e["decision"] for e in agreement["history"]] == [d["id"] for d in case["decisions"]]
    assert [e["effect"] for e in agreement["history"]] == ["barred", "barred", "permitted"]
    assert agreement["status"] == "in_effect"  # the stay came last
    assert case["agreements"] == [agreement["id"]]


@pytest.mark.parametrize("batches", [
    [["stay.txt"], ["appeal.txt"], ["article2.txt", "article2.txt.meta.json"],
     ["order.txt", "article1.txt", "article1.txt.meta.json"]],
    [["article1.txt", "article1.txt.meta.json"], ["order.txt", "stay.txt"],
     ["appeal.txt", "article2.txt", "article2.txt.meta.json"]],
])
def test_several_runs_in_any_order_give_the_same_output(one_run: Path, tmp_path: Path,
                                                         batches: list[list[str]]) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    whole = write_files(tmp_path / "all", DOCUMENTS)
    inputs.mkdir()
    for batch in batches:
        for name in batch:
            shutil.copy(whole / name, inputs / name)
        done = run_cli(inputs, out)
        assert done.returncode == 0, done.stderr
    for name in OUTPUTS:
        assert (out / name).read_text() == (one_run / name).read_text(), name
