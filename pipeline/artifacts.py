"""The run summary as a Prefect artifact, so a data team sees each scheduled run, and what failed, in the UI."""

from __future__ import annotations

import hashlib
import os
import re
from typing import TYPE_CHECKING

from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.summary import RunSummary
from prefect.artifacts import create_markdown_artifact

if TYPE_CHECKING:
    from pathlib import Path

KEY_MAX = 100
"""Prefect artifact keys: lowercase letters, digits and dashes; kept short enough for the UI."""


def artifact_key(out: Path) -> str:
    """A valid artifact key for an output folder: its name, readable, plus a hash of its absolute path, so
    two deployments writing to different folders (even of the same name) keep separate series."""
    absolute = os.path.abspath(out)
    slug = re.sub(r"[^a-z0-9]+", "-", os.path.basename(absolute).lower()).strip("-") or "root"
    digest = hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:10]
    return f"docketflow-{slug[: KEY_MAX - 22]}-{digest}"


def summary_markdown(summary: RunSummary, settings: RunSettings) -> str:
    """Counts and throughput as a table, then the first failed inputs and where all of them are."""
    rows = [
        ("documents", summary.documents),
        ("processed this run", summary.processed),
        ("unchanged (skipped)", summary.skipped),
        ("errors", summary.errors),
        ("documents with warnings", summary.warnings),
        ("holdings", summary.holdings),
        ("agreements", summary.agreements),
        ("cases", summary.cases),
        ("pages", summary.pages),
        ("seconds", round(summary.seconds, 1)),
        ("pages per second", round(summary.pages_per_second, 1)),
    ]
    lines = [f"# docketflow run into `{settings.out}`", "", "| measure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    if summary.errors:
        errors_file = os.path.join(str(settings.out), "errors.jsonl")
        lines += ["", f"## Failed inputs (first {len(summary.failed)} of {summary.errors}; all in `{errors_file}`)",
                  "", "| input | error |", "|---|---|"]
        lines += [f"| `{path}` | {code} |" for path, code in summary.failed]
    return "\n".join(lines) + "\n"


def publish_summary(summary: RunSummary, settings: RunSettings) -> None:
    """The summary, keyed by the output folder so the UI shows that folder's series across runs."""
    create_markdown_artifact(markdown=summary_markdown(summary, settings), key=artifact_key(settings.out),
                             description=summary.line(str(settings.out)))
