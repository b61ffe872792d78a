"""What becomes of each input of a batch: the records a worker makes, and the packed form it sends back.

Kept apart from `process` (which reads and extracts, and so loads spaCy and the extractors) so that the
coordinating process can take results, save them and start its workers without loading any of that.

A worker packs each outcome as the state stores it (`Packed`: the JSON lines and the text's gzip member)
before sending it: serializing and compressing are per-document work, done where the document was processed,
in parallel; the coordinating process only inserts rows, and unpickles strings instead of rebuilding models.
With many workers it would otherwise become the bottleneck, and on a few cores it takes CPU from them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from docketflow.models import Agreement, Document, ErrorRecord, Holding
from docketflow.models.common import writable
from docketflow.pipeline.output import dumps, text_member
from docketflow.pipeline.progress import Mark
from docketflow.pipeline.sources import SourceItem
from docketflow.pipeline.sources.regular import Stamp, printable


@dataclass
class Outcome:
    """What became of one input file."""

    document: Document | None = None
    error: ErrorRecord | None = None
    pages: int = 0
    holdings: list[Holding] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    text: str = ""
    stamp: Stamp | None = None
    """(size, mtime_ns) of the plain file as it was read; None when nothing was read whole (the state then
    never takes the input for unchanged)."""

    @property
    def mark(self) -> Mark:
        """What progress counts of it: the input's path, its pages, whether it failed."""
        path = self.document.source.path if self.document is not None else \
            self.error.path if self.error is not None else None
        return path, self.pages, self.error is not None


@dataclass(frozen=True)
class Packed:
    """An outcome as the state stores it (see `store.StateStore.save`), and what progress needs of it."""

    doc_id: str | None
    """The document's id; for an input that failed, the hash of its bytes when it was read."""
    document: str | None
    holdings: str
    """A JSON list of the holdings' JSON lines."""
    agreements: str
    error: str | None
    text: bytes | None
    """The document's line of the texts file as a gzip member (`output.text_member`)."""
    pages: int
    stamp: Stamp | None
    mark: Mark


def pack(outcome: Outcome | Packed) -> Packed:
    """The outcome in its stored form (a packed one as it is)."""
    if isinstance(outcome, Packed):
        return outcome
    doc, error = outcome.document, outcome.error
    return Packed(
        doc_id=doc.doc_id if doc else (error.sha256 if error else None),
        document=dumps(doc) if doc else None,
        holdings=json.dumps([dumps(h) for h in outcome.holdings]),
        agreements=json.dumps([dumps(a) for a in outcome.agreements]),
        error=dumps(error) if error else None,
        text=text_member(doc.doc_id, writable(outcome.text)) if doc else None,
        pages=outcome.pages, stamp=outcome.stamp, mark=outcome.mark)


@dataclass
class BatchResult:
    """Outcomes of a batch plus where its time went, for `run.json`."""

    outcomes: list[Outcome | Packed] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def packed(items: list[SourceItem], result: BatchResult) -> BatchResult:
    """The result of processing `items` (one outcome each, in order) with every outcome packed, as a worker sends
    it. An outcome that cannot be packed (a record that does not serialize) becomes its input's error instead of
    stopping the run."""
    outcomes: list[Outcome | Packed] = []
    for item, outcome in zip(items, result.outcomes, strict=True):
        try:
            outcomes.append(pack(outcome))
        except Exception as exc:
            outcomes.append(pack(failed(item, type(exc).__name__, f"its records could not be saved: {exc}")))
    return BatchResult(outcomes, result.seconds)


def failed(item: SourceItem, code: str, message: str) -> Outcome:
    """The error record of an input that failed after it was read (in a worker, or in saving its records)."""
    return Outcome(error=ErrorRecord(path=item.relpath, stage="extract", error=code, message=message))


MAY_PASS = frozenset({"timeout_or_worker_died", "unreadable", "sidecar"})
"""Error codes of failures that may pass without the input changing (a slow moment, a permission put right,
a sidecar fixed): the next run tries such inputs again. Unexpected exceptions (named by their class, like
`PermissionError` or `MemoryError`) may pass too; the snake_case codes of ingest (`corrupt`, `encrypted`,
`too_many_pages`...) say the input itself is at fault, and wait for it to change."""


def may_pass(code: str) -> bool:
    """True when an input that failed with `code` is worth reading again though it did not change."""
    return code in MAY_PASS or code[:1].isupper()


def rejected(item: SourceItem) -> Outcome:
    """The error record of an item turned away before reading (unsupported type, unsafe archive member)."""
    code, message = item.error or ("rejected", "rejected before reading")
    return Outcome(error=ErrorRecord(path=item.relpath, stage="discover", error=code, message=printable(message)))


OnFinished = Callable[[list[Outcome] | list[Packed]], None]
"""Told of each document as soon as it is done, for progress (`progress.finished` by default)."""
