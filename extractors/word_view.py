"""A whitespace-free view of a document, shared by the gazetteer components.

PDF text pads words with runs of spaces and breaks names across lines ("Central\nIntelligence  Agency");
spaCy makes those whitespace tokens, which a PhraseMatcher would not skip. Matching on a copy without
them, mapped back to the original tokens, finds such names; the view is built once per document.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from docketflow.extractors.spans import scratch
from spacy.attrs import IS_SPACE, ORTH, SPACY
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
    """The whitespace-free view of `doc`, built once per document and shared by components.

    Read from the token arrays, not token by token: a long opinion has a million tokens, and making a
    Python `Token` for each costs more than the matching the view is for; the words go to `Doc` as their
    vocabulary ids, which it looks up without hashing their text again. A word keeps a space after it
    when it had trailing whitespace or a whitespace token follows it."""
    view = scratch(doc).get("word_view")
    if view is None:
        orth, space, trailing = doc.to_array([ORTH, IS_SPACE, SPACY]).T
        space, trailing = space.astype(bool), trailing.astype(bool)
        followed = np.zeros_like(space)
        followed[:-1] = space[1:]
        origin = np.flatnonzero(~space)
        spaces = (trailing | followed)[origin].tolist()
        view = WordView(Doc(doc.vocab, words=orth[origin].tolist(), spaces=spaces), tuple(origin.tolist()))
        scratch(doc)["word_view"] = view
    return view
