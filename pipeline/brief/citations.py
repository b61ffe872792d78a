"""Numbered citations: each a span of a record's evidence (document, page, the supporting sentence), picked for
the fields a sentence states, and numbered in the order the brief first cites it.

A sentence about a field cites the spans its record names as supporting that field (`Evidence.supports`).
When a record names no span for the field, the sentence cites the record's other evidence (the record is
what the brief reports, and these are the sentences it was read from); a record with no evidence at all is
cited to its document as a whole. A sentence saying what the records do not establish cites the record it is
about, by the same rule. The same span cited twice keeps its first number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from docketflow.models import Agreement, Document, Evidence, Holding
from docketflow.pipeline.brief.document import Citation
from docketflow.pipeline.report.payload import anchor

QUOTE_CHARS = 400
"""Longer evidence is cut (with an ellipsis) in the list of citations; the review page shows all of it."""
FIELD_FALLBACKS: dict[str, tuple[str, ...]] = {
    "effect": ("effect", "disposition", "data_barred", "data_permitted", "motion"),
    "status": ("status", "instrument", "providers", "recipients"),
    "purpose": ("purpose", "data_categories", "providers", "recipients"),
    "case_name": ("case_name", "docket"),
}
"""Fields close enough to stand in, in order, for one no span supports (a decision's effect follows from what
the court did with the motion and the data)."""


@dataclass(frozen=True)
class Span:
    """One evidence span of one record, where the review page can show it."""

    record_id: str
    index: int
    evidence: Evidence


def spans(record: Holding | Agreement, fields: Iterable[str] = ()) -> list[Span]:
    """The record's spans that support any of `fields` (every span when no field is given), in record order."""
    wanted = set(fields)
    return [Span(record.id, i, ev) for i, ev in enumerate(record.evidence)
            if not wanted or wanted & set(ev.supports)]


def supporting(record: Holding | Agreement, field: str) -> list[Span]:
    """Spans for a sentence stating `field` of a record: its own, else those of the fields that stand in for it,
    else all of the record's evidence."""
    for name in FIELD_FALLBACKS.get(field, (field,)):
        found = spans(record, [name])
        if found:
            return found
    return spans(record)


def one_per_document(found: Sequence[Span], limit: int) -> list[Span]:
    """At most `limit` spans, from as many documents as there are before a second from the same one."""
    first, rest, seen = [], [], set()
    for span in found:
        (rest if span.evidence.doc_id in seen else first).append(span)
        seen.add(span.evidence.doc_id)
    return (first + rest)[:limit]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


class Citations:
    """The brief's list of citations, numbered in the order of first use."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = {d.doc_id: d for d in documents}
        self.doc_index = {d.doc_id: i for i, d in enumerate(documents)}
        """Each document's index in documents.jsonl: the review page's `#doc-<n>`."""
        self.listed: list[Citation] = []
        self._numbers: dict[tuple[str, int, int] | str, int] = {}

    def _title(self, doc_id: str) -> tuple[str, str | None]:
        document = self.documents.get(doc_id)
        if document is None:
            return f"document {doc_id[:12]}", None
        return document.source.title or document.source.path, document.source.path

    def _add(self, key: tuple[str, int, int] | str, make: Callable[[int], Citation]) -> int:
        if key not in self._numbers:
            self._numbers[key] = len(self.listed) + 1
            self.listed.append(make(self._numbers[key]))
        return self._numbers[key]

    def span(self, span: Span) -> int:
        """The number of one evidence span."""
        ev = span.evidence
        title, path = self._title(ev.doc_id)
        return self._add((ev.doc_id, ev.start, ev.end), lambda n: Citation(
            n, ev.doc_id, title, path, ev.page, _quote(ev.text), anchor(span.record_id, span.index)))

    def document(self, doc_id: str) -> int:
        """The number of a document cited as a whole (a record with no evidence span)."""
        title, path = self._title(doc_id)
        return self._add(doc_id, lambda n: Citation(n, doc_id, title, path, None, None,
                                                    f"doc-{self.doc_index.get(doc_id, -1)}"))

    def registry(self, count: int) -> int:
        """The number of the output's agreements registry cited as a whole: what a sentence saying that no
        agreement matched rests on."""
        return self._add("registry", lambda n: Citation(
            n, "", f"the agreements registry of this output ({count} agreement{'s' if count != 1 else ''})",
            "agreements.jsonl", None, None, "agreements"))

    def of(self, found: Iterable[Span], doc_ids: Iterable[str] = (), limit: int = 3) -> list[int]:
        """Numbers for up to `limit` spans (one per document first); the first of `doc_ids` as a whole when there
        is no span."""
        numbers = [self.span(s) for s in one_per_document(list(found), limit)]
        if not numbers:
            numbers = [self.document(d) for d in list(doc_ids)[:1]]
        return sorted(set(numbers))
