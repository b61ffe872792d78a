"""The brief as data: sections of blocks of sentences, each sentence with the numbers of its citations.

The brief is composed once into this structure and rendered twice (Markdown and HTML), so both say the same
thing with the same numbers, and tests can check every sentence's claims and citations without parsing
either rendering. A sentence is made of text pieces and references (to an agreement's or a decision's place
in the brief); only sentences carry claims, so only they need citations. Titles and the header line are
labels, not claims.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Ref:
    """A pointer inside the brief: "D2" linking to the decision's entry, "A1" to the agreement's section."""

    label: str
    target: str
    """The anchor of the entry it points to (`decision-2`, `agreement-1`)."""


Piece = str | Ref


@dataclass
class Sentence:
    """One claim about the records, and the citations (numbers in the brief's list) that support it."""

    pieces: list[Piece]
    cites: list[int]
    topic: str = ""
    """What the sentence is about (`parties`, `status`, `effect`, `permitted:address` ...), so tests can find it."""

    @property
    def text(self) -> str:
        """The sentence as plain text, references by their labels."""
        return "".join(p.label if isinstance(p, Ref) else p for p in self.pieces)


@dataclass
class Block:
    """A paragraph, or an entry of a list: an agreement of the summary, a decision, a pattern."""

    sentences: list[Sentence]
    kind: Literal["paragraph", "item"] = "paragraph"
    label: str | None = None
    """The entry's own label ("A1", "D3"), printed before it."""
    anchor: str | None = None
    """The id other parts of the brief link to; None for a block no reference points at."""
    link: str | None = None
    """Where the label leads (an agreement's entry in the summary -> its courts' section)."""
    tone: str | None = None
    """The review page's colour class of what the block is about (`eff-limited`, `st-enjoined`)."""


@dataclass
class Section:
    """A titled part of the brief; its subsections follow its own blocks."""

    title: str
    anchor: str
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dataclass(frozen=True)
class Citation:
    """One piece of evidence the brief cites: a span of a record's evidence (document, page, the sentence),
    or, for a record with no span, its document as a whole."""

    number: int
    doc_id: str
    title: str
    """The document's title, else its path."""
    path: str | None
    page: int | None
    quote: str | None
    """The supporting sentence, as the evidence gives it; None when the citation is the whole document."""
    target: str
    """Where the review page shows it: `ev-<record>-<i>` (the evidence, highlighted in the viewer) or `doc-<n>`."""


@dataclass
class Brief:
    """Everything a rendering needs: title, what the brief covers, its sections and its numbered citations."""

    title: str
    header: list[tuple[str, str]]
    """(label, value) lines naming the records, the agencies and the date limit the brief was written for."""
    sections: list[Section]
    citations: list[Citation]
    review: str
    """Path of the review page, relative to the brief's files: citations link into it."""
    agreements: list[str] = field(default_factory=list)
    """Ids of the agreements covered, in the brief's order (A1, A2 ...)."""
    decisions: list[str] = field(default_factory=list)
    """Ids of the decisions covered, in the brief's order (D1, D2 ...)."""

    def sentences(self) -> Iterator[Sentence]:
        """Every sentence of the brief, in reading order."""
        for top in self.sections:
            for section in top.walk():
                for block in section.blocks:
                    yield from block.sentences
