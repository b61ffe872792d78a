"""A read-only view of a processed document that the record builders share."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from docketflow.extractors.records.sentences import Sentences
from docketflow.extractors.spans import context, doc_text, entities, normalized
from docketflow.extractors.structure import structure_of
from spacy.tokens import Doc


@dataclass(frozen=True)
class Mention:
    """An entity as the record builders need it."""

    start: int
    end: int
    label: str
    key: str
    normalized: dict[str, Any]


class DocView:
    """Text, sentences and entity mentions of one document, with range lookups."""

    def __init__(self, doc: Doc, doc_id: str, kind: str) -> None:
        self.doc_id = doc_id
        self.kind = kind
        self.text = doc_text(doc)
        self.context = context(doc)
        self.sentences = Sentences(self.text)
        self.structure = structure_of(doc)
        by_label: dict[str, list[Mention]] = defaultdict(list)
        for span in entities(doc):
            if span.kb_id_:
                by_label[span.label_].append(
                    Mention(span.start_char, span.end_char, span.label_, span.kb_id_, normalized(span)))
        self._mentions = dict(by_label)
        self._starts = {label: [m.start for m in found] for label, found in by_label.items()}

    @property
    def anchor(self) -> date | None:
        return self.context.anchor_date

    def page_of(self, offset: int) -> int | None:
        return self.context.page_of(offset)

    def mentions(self, label: str) -> list[Mention]:
        return self._mentions.get(label, [])

    def within(self, label: str, start: int, end: int) -> list[Mention]:
        """Mentions of `label` that start inside [start, end)."""
        found = self._mentions.get(label, [])
        i = bisect_left(self._starts.get(label, []), start)
        out = []
        while i < len(found) and found[i].start < end:
            out.append(found[i])
            i += 1
        return out

    def keys(self, label: str, start: int = 0, end: int | None = None) -> list[str]:
        """Distinct keys of `label` in a range, in text order."""
        end = len(self.text) if end is None else end
        return list(dict.fromkeys(m.key for m in self.within(label, start, end)))
