"""One document to process, however it was stored: what discovery yields and every later stage takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docketflow.pipeline.sources.regular import printable


@dataclass
class SourceItem:
    """One document to process, however it was stored."""

    relpath: str
    """Its name in the output: posix path under the input root; archive members as "bulk.zip!dir/a.pdf",
    bulk records as "opinions.jsonl#<id>"; unique under its root, a repeated name numbered ("b#2.txt")."""
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
    return printable(str(root.resolve()))
