"""Where documents come from: folders, archives and bulk files, as a stream of `SourceItem`s.

Every input root is expanded lazily, in a stable order, so a run over tens of thousands of documents
never holds more than the batches in flight. Items that cannot even be listed safely (an archive member
that would escape its folder, a zip bomb) come out as items carrying an `error`, so the run records them
in `errors.jsonl` and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.settings import RunSettings


@dataclass
class SourceItem:
    """One document to process, however it was stored."""

    relpath: str
    """Its name in the output: posix path under the input root; archive members as "bulk.zip!dir/a.pdf",
    bulk records as "opinions.jsonl#<id>"."""
    path: Path | None = None
    """A plain file, read by whichever process handles the batch."""
    data: bytes | None = None
    """Raw bytes already read from a container (archive member, bulk record): what `doc_id` hashes."""
    text: str | None = None
    """Text a bulk record already carries (JSON Lines `text`, CourtListener `plain_text`): no ingest needed."""
    media_type: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    """Sidecar-like values (published, title, kind, url) plus what a bulk record says (court, docket...)."""
    sidecar: Path | None = None
    """The `<file>.meta.json` found next to a plain file at discovery (allowed like the file itself)."""
    size: int = 0
    """Bytes, for batching by size."""
    error: tuple[str, str] | None = None
    """(code, one-line message) when the item was rejected before it could be read."""
    root: str = ""
    """The absolute input root it was found under; with `relpath`, what identifies it across runs."""

    @property
    def key(self) -> str:
        """Unique among all roots of a run (two roots may both hold "order.pdf")."""
        return f"{self.root}\x1f{self.relpath}"


def rejected(relpath: str, code: str, message: str) -> SourceItem:
    """An item that stops at discovery: the run records it in `errors.jsonl` and goes on."""
    return SourceItem(relpath, error=(code, message))


def item_root(root: Path) -> str:
    """What `SourceItem.root` says for items found under the input root `root`."""
    from pipeline.sources.regular import printable

    return printable(str(root.resolve()))


def iter_sources(settings: RunSettings) -> Iterator[SourceItem]:
    """Every item under every input root, in a stable order."""
    from pipeline.sources.folders import iter_root

    for root in settings.inputs:
        absolute = item_root(root)
        for item in iter_root(root, settings):
            item.root = absolute
            yield item


def is_small(settings: RunSettings, limit: int = 20) -> bool:
    """True when the inputs are at most `limit` plain documents: a quick look at names, no reading."""
    from pipeline.sources.formats import format_of

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
