"""The same run as a real Prefect flow (against a temporary test API) gives the same records."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.flow import docketflow_run, execute, inline
from pipeline.process import process_batch
from pipeline.settings import RunSettings


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
