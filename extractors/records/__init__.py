"""Turn a processed document's entities and sentences into holdings and agreements records.

`build_records(doc, doc_id, kind, ...)` is the entry point; each module handles one part of the story:
`sentences` and `evidence` (where a record's support lies), `decisions` (decretal language of court
documents), `news_events` (the decisions a news report gives, each an event), `data_split` (which
data a decision lets through and which it bars), `appeals` (what an appellate decision does to the
sharing, through the order below it rules on), `agreements` (who gives whom which data, under
what), `parties` (the agency hierarchy), `merge` (one agreement record across documents).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docketflow.extractors.records.build import DocumentRecords, build_records
    from docketflow.extractors.records.merge import AgreementBook

__all__ = ["AgreementBook", "DocumentRecords", "build_records"]
_HOMES = {"AgreementBook": "merge", "DocumentRecords": "build", "build_records": "build"}


def __getattr__(name: str) -> Any:
    """The entry points, imported on first use (PEP 562): the process that publishes a run imports `merge` and
    `litigation` from this package, and must not load `build`, which reads documents with spaCy."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
