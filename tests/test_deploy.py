"""The scheduled deployment carries the run's settings and its interval."""

from __future__ import annotations

from pathlib import Path

from docketflow.pipeline.deploy import build_deployment
from docketflow.pipeline.settings import RunSettings


def test_deployment_has_schedule_and_settings() -> None:
    settings = RunSettings(inputs=(Path("raw"),), out=Path("output"), progress=False)
    deployment = build_deployment(settings, interval_s=1800, name="nightly")
    assert deployment.name == "nightly"
    assert deployment.parameters["settings"]["inputs"] == ["raw"]
    (schedule,) = deployment.schedules
    assert schedule.schedule.interval.total_seconds() == 1800
