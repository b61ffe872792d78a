"""Reading a composed brief in tests: its entries by label, their sentences by topic, its sections by anchor."""

from __future__ import annotations

from docketflow.pipeline.brief import Block, Brief, Section, Sentence


def sections(brief: Brief) -> dict[str, Section]:
    return {s.anchor: s for top in brief.sections for s in top.walk()}


def entries(brief: Brief, label: str) -> list[Block]:
    """Every block labelled `label` ("A1", "D2"), in reading order."""
    return [b for top in brief.sections for s in top.walk() for b in s.blocks if b.label == label]


def said(blocks: Block | Section | list[Block], topic: str) -> Sentence:
    """The one sentence of that topic in a block, a section's own blocks or a list of blocks."""
    if isinstance(blocks, Block):
        blocks = [blocks]
    elif isinstance(blocks, Section):
        blocks = blocks.blocks
    found = [s for b in blocks for s in b.sentences if s.topic == topic]
    assert len(found) == 1, (topic, [s.topic for b in blocks for s in b.sentences])
    return found[0]


def topics(blocks: Block | Section) -> list[str]:
    blocks_ = [blocks] if isinstance(blocks, Block) else blocks.blocks
    return [s.topic for b in blocks_ for s in b.sentences]
