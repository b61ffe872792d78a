"""The same run as a real Prefect flow (against a temporary test API) gives the same records."""

from __future__ import annotations

import json
from pathlib import Path

from docketflow.pipeline.flow import docketflow_run, execute, inline
from docketflow.pipeline.process import process_batch
from docketflow.pipeline.settings import RunSettings


def test_flow_and_direct_run_write_identical_documents(prefect_api: None, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "note.txt").write_text("On Monday, Jan. 27, 2025, the IRS agreed to provide addresses to ICE.")
    (inputs / "order.md").write_text("UNITED STATES DISTRICT COURT\nDISTRICT OF COLUMBIA\n\nIT IS SO ORDERED.\n")
    flow_out, direct_out = tmp_path / "flow", tmp_path / "direct"
    summary = docketflow_run(RunSettings(inputs=(inputs,), out=flow_out, progress=False))
    execute(RunSettings(inputs=(inputs,), out=direct_out, progress=False), inline(process_batch), "off")
    assert summary.orchestration == "prefect"
    assert summary.documents == 2
    for name in ("documents", "errors", "holdings", "agreements"):
        assert (flow_out / f"{name}.jsonl").read_text() == (direct_out / f"{name}.jsonl").read_text()
    assert json.loads((flow_out / "run.json").read_text())["orchestration"] == "prefect"


def test_limits_logs_and_failures_reach_prefect(prefect_api: None, tmp_path: Path) -> None:
    """Under Prefect the per-document time limit still holds; docketflow's own warnings (logged from the
    executor's threads, outside Prefect's run context) are in the flow run's log; the summary artifact,
    keyed by the output folder, lists the failed inputs."""
    from docketflow.pipeline.artifacts import artifact_key
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, LogFilter, LogFilterFlowRunId
    from prefect.logging.handlers import APILogHandler

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_order.txt").write_text("UNITED STATES DISTRICT COURT\nDISTRICT OF UTAH\n\nThe motion is DENIED.\n")
    (inputs / "b_empty.txt").write_bytes(b"")
    (inputs / "c_huge.txt").write_text("The bureau disclosed the files to the Department. " * 400_000)
    out = tmp_path / "out"
    settings = RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="prefect", isolate=True,
                           doc_timeout_s=3.0, max_chars=100_000_000)
    state = docketflow_run(settings, return_state=True)
    summary = state.result()
    errors = {e["path"]: e["error"] for e in map(json.loads, (out / "errors.jsonl").read_text().splitlines())}
    assert errors == {"b_empty.txt": "empty_file", "c_huge.txt": "timeout_or_worker_died"}
    assert summary.failed == [("b_empty.txt", "empty_file"), ("c_huge.txt", "timeout_or_worker_died")]

    APILogHandler().flush()  # the run's lines are sent in the background
    with get_client(sync_client=True) as client:
        logs = client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[state.state_details.flow_run_id])))
        (artifact,) = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[
            artifact_key(out)])))
    docketflow_lines = [entry.message for entry in logs if entry.name == "docketflow"]
    assert any("overran or lost its worker" in line for line in docketflow_lines), docketflow_lines
    assert "| `c_huge.txt` | timeout_or_worker_died |" in artifact.data
    assert str(out / "errors.jsonl") in artifact.data
