"""What a reader needs to know about where its stream sits, passed down through nested containers."""

from __future__ import annotations

from dataclasses import dataclass

from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.limits import Budget


@dataclass(frozen=True)
class Reading:
    """The run's settings, how many archives enclose the stream, and the budget of the outermost one.

    `budget` is None for a plain file on disk: its size is known and nothing expands.
    """

    settings: RunSettings
    depth: int = 0
    budget: Budget | None = None
