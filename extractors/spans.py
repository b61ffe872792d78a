"""How every docketflow component stores what it finds on a spaCy `Doc`.

Entities live in one span group, `doc.spans["docketflow"]`, so they may overlap (a CASE name holds an
AGENCY) and any spaCy user can read them. A span's `label_` is the SCHEMA.md label and its `kb_id_`
the normalized key; the `normalized` dict is kept in `doc.user_data`, keyed by offsets and label,
because spaCy span extensions cannot tell apart two labels on the same characters.

Components also need to know what the caller knows about the document (its date, its kind, the
docket from a CM/ECF stamp); that travels in `doc._.docketflow` (see `DocContext`).

Everything a component leaves in `doc.user_data` is plain data (strings, numbers, lists, dicts with
string keys), so a processed `Doc` survives `to_bytes`, `DocBin(store_user_data=True)` and
`nlp.pipe(n_process=...)`. Derived per-document caches (the joined text, the whitespace-free view,
merged citation zones) are not part of the result; they live in `scratch(doc)`, outside the `Doc`, and
are rebuilt on demand after a round trip.
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

SPAN_KEY = "docketflow"
"""Default span group of the entities; a pipeline may choose another with the components' `spans_key`."""
CITATION_KEY = "docketflow_citations"
"""Character ranges of other cases' citations; COURT, JUDGE and AGENCY mentions inside them do not count."""

_NORMALIZED = "docketflow_normalized"
_ACTIVE_KEY = "docketflow_spans_key"
_CONTEXT = "docketflow_context"
_SCRATCH: weakref.WeakKeyDictionary[Doc, dict[str, Any]] = weakref.WeakKeyDictionary()


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

    def to_dict(self) -> dict[str, Any]:
        """Plain data for `doc.user_data`, which spaCy serializes with msgpack."""
        data = asdict(self)
        data["anchor_date"] = self.anchor_date.isoformat() if self.anchor_date else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocContext:
        """The context back from `to_dict` (also after a msgpack round trip)."""
        anchor = data.get("anchor_date")
        return cls(
            anchor_date=date.fromisoformat(anchor) if anchor else None,
            kind=data.get("kind"),
            title=data.get("title"),
            docket=data.get("docket"),
            page_starts=list(data.get("page_starts") or ()),
        )


def scratch(doc: Doc) -> dict[str, Any]:
    """Per-document caches that are not part of the result and must not be serialized with the `Doc`."""
    area = _SCRATCH.get(doc)
    if area is None:
        area = _SCRATCH[doc] = {}
    return area


def _get_context(doc: Doc) -> DocContext | None:
    area = scratch(doc)
    raw = doc.user_data.get(_CONTEXT)
    if raw is None:
        return None
    if area.get(_CONTEXT) is None:
        area[_CONTEXT] = DocContext.from_dict(raw)
    return area[_CONTEXT]


def _set_context(doc: Doc, value: DocContext | None) -> None:
    doc.user_data[_CONTEXT] = value.to_dict() if value is not None else None
    scratch(doc)[_CONTEXT] = value


if not Doc.has_extension("docketflow"):
    Doc.set_extension("docketflow", getter=_get_context, setter=_set_context)

LABEL_ATTRIBUTES = {
    "CASE": "docketflow_cases", "DOCKET": "docketflow_dockets", "COURT": "docketflow_courts",
    "JUDGE": "docketflow_judges", "AGENCY": "docketflow_agencies", "STATUTE": "docketflow_statutes",
    "DATA_CATEGORY": "docketflow_data_categories", "DATE": "docketflow_dates",
}
"""`doc._.docketflow_courts` and the like: one label's entities, in text order. They are also the names the
components declare in `requires`/`assigns`, so spaCy's `analyze_pipes` sees the order they depend on."""


def _label_getter(label: str):
    return lambda doc: entities(doc, label)


for _label, _attr in LABEL_ATTRIBUTES.items():
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, getter=_label_getter(_label))
if not Doc.has_extension("docketflow_citations"):
    Doc.set_extension("docketflow_citations", getter=lambda doc: list(doc.spans.get(CITATION_KEY, [])))


def context(doc: Doc) -> DocContext:
    """The document's context, created empty when the caller set none."""
    ctx = doc._.docketflow
    if ctx is None:
        ctx = DocContext()
        doc._.docketflow = ctx
    return ctx


RUN_CHUNK = 32
"""Characters per token of a long run of one punctuation character (see `make_doc`)."""
_LONG_RUN = re.compile(r"([^\w\s])\1{63,}")
"""64 or more of one punctuation character in a row ("§§§§...", ",,,,", "$$$$")."""


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)` with `text` kept as the doc's text: the tokenizer reproduces its input exactly, so
    the string in hand spares `doc_text` rebuilding it from a million tokens.

    spaCy's tokenizer strips prefixes and suffixes one character at a time, rescanning the rest each time, so
    one unbroken run of a punctuation character costs the square of its length (8,000 "§" take seconds). Such
    runs are cut out first: the text around them goes to the tokenizer, each run becomes tokens of
    `RUN_CHUNK` characters, and the doc is joined from the pieces with the same text and offsets."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        doc = nlp.make_doc(text)
    else:
        words: list[str] = []
        spaces: list[bool] = []
        start = 0
        for run in runs:
            _add_tokens(nlp, text[start:run.start()], words, spaces)
            for at in range(run.start(), run.end(), RUN_CHUNK):
                words.append(text[at:min(at + RUN_CHUNK, run.end())])
                spaces.append(False)
            start = run.end()
        _add_tokens(nlp, text[start:], words, spaces)
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
    scratch(doc)["text"] = text
    return doc


def _add_tokens(nlp: Language, piece: str, words: list[str], spaces: list[bool]) -> None:
    """The tokens of one piece of text between long runs, with their trailing-space flags."""
    if not piece:
        return
    for token in nlp.tokenizer(piece):
        words.append(token.text)
        spaces.append(bool(token.whitespace_))


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy's `doc.text` joins every token anew on each access (~17 ms
    for a long opinion), and every component and record builder needs it."""
    area = scratch(doc)
    text = area.get("text")
    if text is None:
        text = area["text"] = doc.text
    return text


def use_spans_key(doc: Doc, key: str) -> None:
    """Make `key` the span group this document's entities go to and are read from; the group always exists,
    so `doc.spans[key]` works on a text with no entities."""
    doc.user_data[_ACTIVE_KEY] = key
    doc.spans.setdefault(key, [])


def spans_key(doc: Doc) -> str:
    """The span group holding this document's entities (the components' `spans_key`)."""
    return doc.user_data.get(_ACTIVE_KEY, SPAN_KEY)


def _normalized_key(start: int, end: int, label: str) -> str:
    return f"{start}:{end}:{label}"


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
    group = doc.spans.setdefault(spans_key(doc), [])
    group.append(span)
    doc.user_data.setdefault(_NORMALIZED, {})[_normalized_key(span.start_char, span.end_char, label)] = dict(
        normalized or {}
    )
    return span


def entities(doc: Doc, label: str | None = None) -> list[Span]:
    """Entities found so far, in text order, optionally of one label."""
    spans = doc.spans.get(spans_key(doc), [])
    found = [s for s in spans if label is None or s.label_ == label]
    return sorted(found, key=lambda s: (s.start_char, s.end_char))


def normalized(span: Span) -> dict[str, Any]:
    """The normalized fields stored with an entity span."""
    stored = span.doc.user_data.get(_NORMALIZED, {})
    return stored.get(_normalized_key(span.start_char, span.end_char, span.label_), {})


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
    cached = scratch(doc).get("zone_index")
    if cached is None or cached[0] != len(zones):
        merged: list[list[int]] = []
        for start, end in sorted((z.start_char, z.end_char) for z in zones):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        cached = (len(zones), [m[0] for m in merged], [m[1] for m in merged])
        scratch(doc)["zone_index"] = cached
    _, starts, ends = cached
    i = bisect.bisect_right(starts, start_char) - 1
    return i >= 0 and end_char <= ends[i]
