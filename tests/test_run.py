"""End to end: the run over `raw/` writes every output file, and every line validates against its schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from docketflow.pipeline.cli import main
from docketflow.pipeline.flow import execute, inline
from docketflow.pipeline.ingest import is_sidecar
from docketflow.pipeline.process import process_batch
from docketflow.pipeline.settings import RunSettings

from tests.conftest import RAW

RECORD_FILES = {"documents": "document", "holdings": "holding", "agreements": "agreement", "cases": "case",
                "errors": "error"}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _run(inputs: list[Path], out: Path) -> None:
    execute(RunSettings(inputs=tuple(inputs), out=out, progress=False), inline(process_batch), "off")


@pytest.fixture(scope="module")
def raw_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    _run([RAW], out)
    return out


def test_every_sample_is_a_document(raw_output: Path) -> None:
    samples = sorted(p.name for p in RAW.iterdir() if not is_sidecar(p) and not p.name.startswith("."))
    documents = _lines(raw_output / "documents.jsonl")
    assert sorted(d["source"]["path"] for d in documents) == samples
    assert _lines(raw_output / "errors.jsonl") == []


def test_every_line_validates_against_the_generated_schema(raw_output: Path) -> None:
    for name, record in RECORD_FILES.items():
        schema = json.loads((raw_output / "schema" / f"{record}.schema.json").read_text())
        validator = jsonschema.Draft202012Validator(schema)
        for line in _lines(raw_output / f"{name}.jsonl"):
            validator.validate(line)


def test_entity_offsets_point_into_the_document_text(raw_output: Path) -> None:
    for document in _lines(raw_output / "documents.jsonl"):
        assert document["entities"], document["source"]["path"]
        for entity in document["entities"]:
            assert 0 <= entity["start"] < entity["end"] <= document["text_chars"]
            assert entity["text"].strip()


def test_run_json_counts_and_options(raw_output: Path) -> None:
    report = json.loads((raw_output / "run.json").read_text())
    assert report["counts"]["documents"] == len(_lines(raw_output / "documents.jsonl"))
    assert report["counts"]["errors"] == 0
    assert report["versions"]["spacy"]
    assert set(report["stage_seconds"]) >= {"ingest", "extract", "write"}
    assert report["options"]["pdf_engine"] == "auto"


def test_rerun_gives_the_same_lines(raw_output: Path, tmp_path: Path) -> None:
    _run([RAW], tmp_path)
    for name in RECORD_FILES:
        assert _lines(tmp_path / f"{name}.jsonl") == _lines(raw_output / f"{name}.jsonl")


def test_unreadable_and_unsupported_inputs_are_errors_and_the_run_goes_on(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "order.txt").write_text("UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON\n\nIT IS SO ORDERED.\n")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    (inputs / "table.xlsx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"
    _run([inputs], out)
    documents = _lines(out / "documents.jsonl")
    errors = {e["path"]: e for e in _lines(out / "errors.jsonl")}
    assert [d["source"]["path"] for d in documents] == ["order.txt"]
    assert errors["broken.pdf"]["stage"] == "ingest"
    assert errors["broken.pdf"]["sha256"]
    assert errors["table.xlsx"]["error"] == "unsupported_type"


def test_a_failed_run_keeps_the_previous_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("The Ninth Circuit affirmed on March 3, 2025.")
    out = tmp_path / "out"
    _run([inputs], out)
    before = (out / "documents.jsonl").read_bytes()

    def explode(files: list, settings: RunSettings) -> None:
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        execute(RunSettings(inputs=(inputs,), out=out, progress=False, force=True), inline(explode), "off")
    assert (out / "documents.jsonl").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.name != ".docketflow"]


def test_cli_exit_codes_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2
    assert "no such input" in capsys.readouterr().err
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("Nothing to see.")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--quiet", "--no-prefect"]) == 0
    assert "1 document (1 processed, 0 unchanged), 0 errors" in capsys.readouterr().out


def test_cli_schema_prints_every_record_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schemas = json.loads(capsys.readouterr().out)
    assert set(schemas) == set(RECORD_FILES.values())
    assert schemas["holding"]["$schema"].endswith("2020-12/schema")


def test_the_samples_give_one_case_across_the_district_court_and_the_appeal(raw_output: Path) -> None:
    """The bundled district order, a news article reporting on it and the appellate memorandum reviewing it are
    one case of two decisions, and the USDA->ICE agreement's history lists each decision once."""
    paths = {d["doc_id"]: d["source"]["path"] for d in _lines(raw_output / "documents.jsonl")}
    cases = _lines(raw_output / "cases.jsonl")
    (case,) = [c for c in cases if "ca9" in c["courts"]]
    assert case["courts"] == ["cand", "ca9"]
    district, appeal = case["decisions"]
    assert sorted(paths[i] for i in district["doc_ids"]) == ["cand_3-25-cv-04127-RFL_order-granting-in-part-pi.pdf",
                                                            "news_snap-order.txt"]
    assert [paths[i] for i in appeal["doc_ids"]] == ["ca9_25-5181_memorandum.txt"]
    assert (district["disposition"], appeal["disposition"]) == ("granted_in_part", "other")
    (agreement,) = [a for a in _lines(raw_output / "agreements.jsonl") if a["providers"] == ["USDA"]]
    assert [e["decision"] for e in agreement["history"]] == [district["id"], appeal["id"]]
    assert case["agreements"] == [agreement["id"]]
