"""The issues' acceptance checks on the real documents in ../shared (skipped when it is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docketflow.pipeline.flow import run
from docketflow.pipeline.settings import RunSettings


def _score(shared: Path, gold: str, out: Path) -> dict:
    report = out / "score.json"
    subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(shared / "gold" / gold), str(out),
                    "--json", str(report)], check=True, capture_output=True)
    return json.loads(report.read_text())


def test_seeds_score(shared: Path, tmp_path: Path) -> None:
    run(RunSettings(inputs=(shared / "seeds",), out=tmp_path, progress=False, orchestration="off"))
    score = _score(shared, "dev", tmp_path)
    assert score["entities_micro"]["f1"] >= 0.9
    assert min(label["f1"] for label in score["entities"].values()) >= 0.8
    for kind in ("holdings", "agreements"):
        assert score[kind]["detection"]["f1"] >= 0.9
        assert score[kind]["field_accuracy"] >= 0.85


def test_corpus_every_file_accounted_for_and_scored(shared: Path, tmp_path: Path) -> None:
    corpus = shared / "corpus"
    run(RunSettings(inputs=(corpus,), out=tmp_path, progress=False, orchestration="off", ocr="off"))
    documents = [json.loads(line) for line in (tmp_path / "documents.jsonl").read_text().splitlines()]
    errors = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    files = {p.relative_to(corpus).as_posix() for p in corpus.rglob("*")
             if p.is_file() and not p.name.endswith(".meta.json")}  # sidecars describe a file, they are none
    seen = {d["source"]["path"] for d in documents} | {e["path"] for e in errors}
    assert {path.split("#")[0] for path in seen} == files  # bulk files (a Register issue) hold several documents
    scanned = [d for d in documents if d["source"]["path"].endswith("_scanned.pdf")]
    assert len(scanned) == 5
    assert all(any(w.startswith("needs_ocr") for w in d["warnings"]) for d in scanned)
    score = _score(shared, "corpus-dev", tmp_path)
    assert score["entities"]["COURT"]["f1"] >= 0.85
    assert score["entities"]["JUDGE"]["f1"] >= 0.85
    assert score["entities"]["AGENCY"]["f1"] >= 0.80
    assert score["entities_micro"]["f1"] >= 0.80
    assert score["holdings"]["detection"]["f1"] >= 0.8
    assert score["holdings"]["field_accuracy"] >= 0.75


@pytest.mark.skipif(subprocess.run(["which", "tesseract"], capture_output=True).returncode != 0,
                    reason="tesseract is not installed (bash .ci/ocr-deps.sh)")
def test_scanned_pdfs_get_their_court_with_ocr(shared: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "scanned"
    inputs.mkdir()
    for pdf in (shared / "corpus" / "pdf").glob("*_scanned.pdf"):
        (inputs / pdf.name).write_bytes(pdf.read_bytes())  # a link out of the folder would be refused
    run(RunSettings(inputs=(inputs,), out=tmp_path / "out", progress=False, orchestration="off", ocr="auto"))
    documents = [json.loads(line) for line in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    with_court = [d for d in documents if any(e["label"] == "COURT" for e in d["entities"])]
    assert len(documents) == 5
    assert len(with_court) >= 4
