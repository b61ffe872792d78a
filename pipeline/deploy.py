"""The run as a scheduled Prefect deployment, for data teams processing new filings every day.

`docketflow serve raw --out output --interval 3600` registers the flow with the Prefect API (a running
`prefect server` or Prefect Cloud when PREFECT_API_URL is set, else Prefect's temporary local server) and
runs it on the schedule until stopped. Each run is incremental, so only the day's new filings are read.
The same deployment is declared in `prefect.yaml` for `prefect deploy` with a work pool.
"""

from __future__ import annotations

from datetime import timedelta

from docketflow.pipeline.flow import docketflow_run
from docketflow.pipeline.settings import RunSettings
from prefect import serve as prefect_serve
from prefect.deployments.runner import RunnerDeployment


def build_deployment(settings: RunSettings, interval_s: float, name: str) -> RunnerDeployment:
    """The deployment: the flow, the run's settings as parameters, and the schedule. The flow opens the run's
    executor itself (local workers or Dask, with the limits), so nothing else needs configuring here."""
    return docketflow_run.to_deployment(name=name, interval=timedelta(seconds=interval_s),
                                        parameters={"settings": settings.model_dump(mode="json")},
                                        description="docketflow over a drop folder, incrementally")


def serve(settings: RunSettings, interval_s: float, name: str) -> None:
    """Serve the deployment until interrupted."""
    prefect_serve(build_deployment(settings, interval_s, name))
