"""Evidence spans: the exact stretch of text that supports a record's fields."""

from __future__ import annotations

from collections.abc import Callable

from docketflow.models import Evidence

PageOf = Callable[[int], int | None]


class EvidenceSet:
    """Evidence of one record: one span per sentence, each listing the fields it supports."""

    def __init__(self, doc_id: str, text: str, page_of: PageOf) -> None:
        self.doc_id = doc_id
        self.text = text
        self.page_of = page_of
        self._spans: dict[tuple[int, int], set[str]] = {}

    def add(self, start: int, end: int, *fields: str) -> None:
        """Note that text[start:end] supports `fields` (merged when the span is already there)."""
        self._spans.setdefault((start, end), set()).update(fields)


    def __bool__(self) -> bool:
        return bool(self._spans)

    def records(self) -> list[Evidence]:
        """Evidence models in text order; `text` is exactly `document_text[start:end]`."""
        return [
            Evidence(doc_id=self.doc_id, start=s, end=e, page=self.page_of(s), text=self.text[s:e],
                     supports=sorted(fields))
            for (s, e), fields in sorted(self._spans.items())
        ]
