"""A whitespace-free view of a document, shared by the gazetteer components.

PDF text pads words with runs of spaces and breaks names across lines ("Central\nIntelligence  Agency");
spaCy makes those whitespace tokens, which a PhraseMatcher would not skip. Matching on a copy without
them, mapped back to the original tokens, finds such names; the view is built once per document.
"""

from __future__ import annotations

from dataclasses import dataclass

from docketflow.extractors.spans import scratch
from spacy.tokens import Doc


@dataclass(frozen=True)
class WordView:
    """The document's non-whitespace tokens as their own `Doc`, mapped back to the original tokens."""

    doc: Doc
    origin: tuple[int, ...]

    def char_range(self, source: Doc, start: int, end: int) -> tuple[int, int]:
        """Character offsets in `source` of view tokens [start, end)."""
        last = source[self.origin[end - 1]]
        return source[self.origin[start]].idx, last.idx + len(last.text)


def word_view(doc: Doc) -> WordView:
    """The whitespace-free view of `doc`, built once per document and shared by components."""
    view = scratch(doc).get("word_view")
    if view is None:
        origin = tuple(t.i for t in doc if not t.is_space)
        words = [doc[i].text for i in origin]
        spaces = [bool(doc[i].whitespace_) or (i + 1 < len(doc) and doc[i + 1].is_space) for i in origin]
        view = WordView(Doc(doc.vocab, words=words, spaces=spaces), origin)
        scratch(doc)["word_view"] = view
    return view
