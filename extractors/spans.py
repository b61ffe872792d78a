"""How every docketflow component stores what it finds on a spaCy `Doc`.

Entities live in one span group, `doc.spans["docketflow"]`, so they may overlap (a CASE name holds an
AGENCY) and any spaCy user can read them. A span's `label_` is the SCHEMA.md label and its `kb_id_`
the normalized key; the `normalized` dict is kept in `doc.user_data`, keyed by offsets and label,
because spaCy span extensions cannot tell apart two labels on the same characters.

Components also need to know what the caller knows about the document (its date, its kind, the
docket from a CM/ECF stamp); that travels in `doc._.docketflow` (see `DocContext`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

SPAN_KEY = "docketflow"
CITATION_KEY = "docketflow_citations"
"""Character ranges of other cases' citations; COURT, JUDGE and AGENCY mentions inside them do not count."""

_NORMALIZED = "docketflow_normalized"
_TEXT = "docketflow_text"
_ZONE_INDEX = "docketflow_zone_index"


@dataclass
class DocContext:
    """What the caller knows about a document before its text is read."""

    anchor_date: date | None = None
    """The document's own date (published, filed or signed): relative dates resolve against it."""
    kind: str | None = None
    title: str | None = None
    docket: str | None = None
    page_starts: list[int] = field(default_factory=list)
    """Character offset where each page begins (paged formats), for the `page` of each entity."""

    def page_of(self, offset: int) -> int | None:
        """1-based page holding `offset`, or None for unpaged text."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)


if not Doc.has_extension("docketflow"):
    Doc.set_extension("docketflow", default=None)


def context(doc: Doc) -> DocContext:
    """The document's context, created empty when the caller set none."""
    ctx = doc._.docketflow
    if ctx is None:
        ctx = DocContext()
        doc._.docketflow = ctx
    return ctx


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy's `doc.text` joins every token anew on each access (~17 ms
    for a long opinion), and every component and record builder needs it."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def add_entity(
    doc: Doc,
    start_char: int,
    end_char: int,
    label: str,
    key: str,
    normalized: dict[str, Any] | None = None,
) -> Span | None:
    """Record an entity over a character range, widened to whole tokens; None if the range is empty."""
    span = doc.char_span(start_char, end_char, label=label, kb_id=key, alignment_mode="expand")
    if span is None or not span.text.strip():
        return None
    group = doc.spans.setdefault(SPAN_KEY, [])
    group.append(span)
    doc.user_data.setdefault(_NORMALIZED, {})[(span.start_char, span.end_char, label)] = dict(normalized or {})
    return span


def entities(doc: Doc, label: str | None = None) -> list[Span]:
    """Entities found so far, in text order, optionally of one label."""
    spans = doc.spans.get(SPAN_KEY, [])
    found = [s for s in spans if label is None or s.label_ == label]
    return sorted(found, key=lambda s: (s.start_char, s.end_char))


def normalized(span: Span) -> dict[str, Any]:
    """The normalized fields stored with an entity span."""
    return span.doc.user_data.get(_NORMALIZED, {}).get((span.start_char, span.end_char, span.label_), {})


def add_citation_zone(doc: Doc, start_char: int, end_char: int) -> None:
    """Mark characters that belong to another case's citation (name, reporter, parenthetical)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is not None:
        doc.spans.setdefault(CITATION_KEY, []).append(span)


def in_citation(doc: Doc, start_char: int, end_char: int) -> bool:
    """True when a character range lies inside a citation zone marked by the CASE component.

    Called for every candidate mention, so the zones are merged and sorted once (cached in
    `doc.user_data`, rebuilt when a zone is added) and looked up by bisection.
    """
    zones = doc.spans.get(CITATION_KEY, [])
    cached = doc.user_data.get(_ZONE_INDEX)
    if cached is None or cached[0] != len(zones):
        merged: list[list[int]] = []
        for start, end in sorted((z.start_char, z.end_char) for z in zones):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        cached = (len(zones), [m[0] for m in merged], [m[1] for m in merged])
        doc.user_data[_ZONE_INDEX] = cached
    _, starts, ends = cached
    i = bisect.bisect_right(starts, start_char) - 1
    return i >= 0 and end_char <= ends[i]
