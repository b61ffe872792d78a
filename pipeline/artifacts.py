"""The run summary as a Prefect table artifact, so a data team sees each scheduled run in the UI."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prefect.artifacts import create_table_artifact

from pipeline.settings import RunSettings

if TYPE_CHECKING:
    from pipeline.flow import RunSummary


def publish_summary(summary: RunSummary, settings: RunSettings) -> None:
    """A table of counts, failures and throughput, keyed so the UI shows the series across runs."""
    rows = [
        {"measure": "documents", "value": summary.documents},
        {"measure": "processed this run", "value": summary.processed},
        {"measure": "unchanged (skipped)", "value": summary.skipped},
        {"measure": "errors", "value": summary.errors},
        {"measure": "documents with warnings", "value": summary.warnings},
        {"measure": "holdings", "value": summary.holdings},
        {"measure": "agreements", "value": summary.agreements},
        {"measure": "pages", "value": summary.pages},
        {"measure": "seconds", "value": round(summary.seconds, 1)},
        {"measure": "pages per second", "value": round(summary.pages_per_second, 1)},
    ]
    create_table_artifact(table=rows, key="docketflow-run-summary",
                          description=f"docketflow run into {settings.out}: {summary.line(str(settings.out))}")
