"""A run that cannot work says so once, in one line, with a non-zero exit, before touching any input; the
environment fills what the command line leaves out; the summary says which inputs failed and where."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import docketflow.pipeline.flow  # noqa: F401  (imports Prefect, whose logging set-up would drop caplog's handler mid-test)
import pytest
from docketflow.pipeline.cli import _parser, _settings, main

from tests.conftest import ROOT


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "order.txt").write_text("UNITED STATES DISTRICT COURT\nDISTRICT OF IDAHO\n\nThe motion is GRANTED.\n")
    return folder


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_a_missing_spacy_model_stops_the_run_before_any_input(inputs: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), "--model", "xx_no_such_model_sm", "--quiet"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("docketflow: --model xx_no_such_model_sm: no installed spaCy package")
    assert not out.exists()


@pytest.mark.parametrize(("argv", "env", "named"), [
    (["--workers", "0"], {}, "docketflow: --workers: Input should be greater than or equal to 1 (got 0)"),
    ([], {"DOCKETFLOW_BATCH_DOCS": "abc"}, "docketflow: DOCKETFLOW_BATCH_DOCS: Input should be a valid integer"),
    ([], {"DOCKETFLOW_INPUTS": "raw"}, "docketflow: DOCKETFLOW_INPUTS: cannot parse the value"),
    (["--no-isolate", "--doc-timeout", "2"], {}, "docketflow: --doc-timeout is enforced in worker processes"),
])
def test_a_bad_value_gets_one_line_naming_its_option(argv: list[str], env: dict[str, str], named: str, inputs: Path,
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), *argv]) == 2
    assert _one_line(capsys.readouterr().err).startswith(named)
    assert not out.exists()


def test_environment_fills_what_the_flags_leave_out_and_flags_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKETFLOW_WORKERS", "3")
    monkeypatch.setenv("DOCKETFLOW_OCR", "off")
    monkeypatch.setenv("DOCKETFLOW_OUT", "from-env")
    settings = _settings(_parser().parse_args(["run", "--ocr", "force"]))
    assert (settings.workers, settings.ocr, settings.out) == (3, "force", Path("from-env"))
    assert settings.inputs == (Path("raw"),)  # neither: the built-in default
    assert _settings(_parser().parse_args(["run", "--workers", "1"])).workers == 1


def test_environment_settings_reach_run_json(inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKETFLOW_WORKERS", "2")
    monkeypatch.setenv("DOCKETFLOW_OCR", "off")
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), "--quiet", "--no-prefect"]) == 0
    options = json.loads((out / "run.json").read_text())["options"]
    assert (options["workers"], options["ocr"]) == (2, "off")


def test_an_asked_for_limit_turns_isolation_on() -> None:
    assert _settings(_parser().parse_args(["run", "--doc-timeout", "5"])).isolate is True
    assert _settings(_parser().parse_args(["run"])).isolate is None


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("docketflow ")


def test_schema_into_a_closed_pipe_ends_quietly() -> None:
    """`docketflow schema | head`: the reader goes away before the schemas are written."""
    proc = subprocess.Popen([sys.executable, "-m", "docketflow.pipeline.cli", "schema"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait()
    assert "BrokenPipeError" not in err
    assert err == ""


def test_an_empty_input_folder_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    with caplog.at_level(logging.WARNING, logger="docketflow"):
        assert main(["run", str(tmp_path / "empty"), "--out", str(tmp_path / "out"), "--quiet", "--no-prefect"]) == 0
    assert any(r.getMessage().startswith(f"no inputs found in {tmp_path / 'empty'}") for r in caplog.records)
    assert "0 documents" in capsys.readouterr().out


def test_the_summary_names_the_first_failed_inputs_and_where_the_rest_are(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_ok.txt").write_text("The Tenth Circuit affirmed on June 2, 2024.")
    (inputs / "b_empty.txt").write_bytes(b"")
    (inputs / "c_sheet.xlsx").write_bytes(b"PK\x03\x04 not really")
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), "--quiet", "--no-prefect"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1] == (f"docketflow: failed: b_empty.txt (empty_file), c_sheet.xlsx (unsupported_type); "
                         f"all 2 in {out / 'errors.jsonl'}")


def test_a_prefect_api_that_never_answers_stops_the_run_in_one_line(inputs: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A port that accepts connections and never answers: one line naming PREFECT_API_URL, exit 2, no output."""
    import socket

    from docketflow.pipeline import preflight

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    try:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/api"
        monkeypatch.setenv("PREFECT_API_URL", url)
        monkeypatch.setattr(preflight, "API_TIMEOUT_S", 1.0)
        assert main(["run", str(inputs), "--out", str(tmp_path / "out")]) == 2
    finally:
        silent.close()
    line = _one_line(capsys.readouterr().err)
    assert f"PREFECT_API_URL {url}: the Prefect API did not answer within 1 s" in line
    assert not (tmp_path / "out" / "documents.jsonl").exists()
