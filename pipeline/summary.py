"""What a finished run amounts to: counts and timings behind `run.json`, the closing lines and the artifact."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass
class RunSummary:
    """Counts and timings of a finished run; the base of `run.json` and of the closing line."""

    documents: int = 0
    errors: int = 0
    warnings: int = 0
    holdings: int = 0
    agreements: int = 0
    processed: int = 0
    """Inputs read in this run (new or changed, or all with --force)."""
    skipped: int = 0
    """Inputs already processed by this extractor version and unchanged."""
    pages: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    orchestration: str = "off"
    interrupted: bool = False
    """Ctrl-C: the batches finished before it are saved and published; the rest is done by the next run."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(path, error code) of the first failed inputs in errors.jsonl, for the closing summary."""

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def add_time(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds

    def line(self, out: str) -> str:
        return (f"docketflow: {self.documents} documents ({self.processed} processed, {self.skipped} unchanged), "
                f"{self.errors} errors, {self.warnings} with warnings, {self.pages} pages in {self.seconds:.1f} s "
                f"({self.pages_per_second:.1f} pages/s); output in {out}")

    def failures_line(self, out: str) -> str | None:
        """Which inputs failed: the first few by name, and where all of them are."""
        if not self.errors:
            return None
        shown = ", ".join(f"{path} ({code})" for path, code in self.failed)
        more = f" and {self.errors - len(self.failed)} more" if self.errors > len(self.failed) else ""
        return f"docketflow: failed: {shown}{more}; all {self.errors} in {os.path.join(out, 'errors.jsonl')}"
