"""Where documents come from: folders, archives and bulk files, as a stream of `SourceItem`s.

Every input root is expanded lazily, in a stable order, so a run over tens of thousands of documents
never holds more than the batches in flight. Items that cannot even be listed safely (an archive member
that would escape its folder, a zip bomb) come out as items carrying an `error`, so the run records them
in `errors.jsonl` and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.folders import iter_root
from docketflow.pipeline.sources.formats import format_of
from docketflow.pipeline.sources.item import SourceItem, item_root, rejected

__all__ = ["SourceItem", "is_small", "item_root", "iter_sources", "rejected"]


def iter_sources(settings: RunSettings) -> Iterator[SourceItem]:
    """Every item under every input root, in a stable order."""
    for root in settings.inputs:
        absolute = item_root(root)
        for item in iter_root(root, settings):
            item.root = absolute
            yield item


def is_small(settings: RunSettings, limit: int = 20) -> bool:
    """True when the inputs are at most `limit` plain documents: a quick look at names, no reading."""
    count = 0
    for root in settings.inputs:
        names = [root.name] if root.is_file() else (n for _, _, files in os.walk(root) for n in files)
        for name in names:  # os.walk follows no link: a link to / must not send this look over the disk
            if format_of(name) not in ("document", None):
                return False
            count += 1
            if count > limit:
                return False
    return True
