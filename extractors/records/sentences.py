"""Sentence boundaries good enough for evidence: legal abbreviations ("v.", "U.S.", "Cir.") do not end one.

spaCy's sentencizer would split "(9th Cir. 2019)" and "Dep't." apart; a regex pass with an abbreviation
list is cheaper and right more often on court prose. Blank lines always end a sentence (captions,
headings, list items), and so does a short line without closing punctuation (a heading).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from docketflow.extractors.data import read_lines

_PERIOD_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9§])")
"""A sentence's closing mark, its closing quotes or brackets, and the space before a capital. The mark is part of
the match (`re` jumps from one mark to the next) and not of the cut, which starts just after it."""
_BLANK_LINE = re.compile(r"\n[ \t]*\n(?=\s*(?:[^\sa-z]|$))")
"""A blank line ends a sentence unless the text goes on in lower case: double-spaced court text puts blank
lines inside sentences ("the petition must\n\nbe denied")."""
_GOES_ON = "".join(rf"(?<![ \t]{word})" for word in ("to", "of", "for", "the", "and", "or", "a", "an", "in", "on",
                                                      "by", "is", "are", "be", "with", "that", "its", "his", "her"))
_BEFORE_CAPITAL = re.compile(r"\n(?=[ \t]*[\"“(\[]?[A-Z0-9§])")
_OPEN_END = re.compile(rf"[^\s.,;:\-—–(\[]{_GOES_ON}")
HEADING_CHARS = (2, 71)
"""A short line (2 to 71 characters) without closing punctuation before a capitalized line is a heading or caption
line; never one that ends on a word a sentence goes on from ("... Defendant's Motion to" / "Dismiss is GRANTED.")."""
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’]*)\.$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(read_lines("abbreviations.txt"))


def _ends_abbreviation(text: str, period_end: int) -> bool:
    """True when the period just before `period_end` closes an abbreviation or an initial."""
    match = _WORD_BEFORE.search(text, max(0, period_end - 20), period_end)
    if not match:
        return False
    word = match.group(1).lower().replace("’", "'")
    return word in _abbreviations() or (len(word) == 1 and word.isalpha())


def _cuts(text: str) -> Iterator[tuple[int, int]]:
    """(end of one sentence, start of the next) for every boundary, in text order."""
    for match in _PERIOD_BREAK.finditer(text):
        period_end = match.start() + 1
        if text[period_end - 1] == "." and _ends_abbreviation(text, period_end):
            continue
        yield period_end, match.end()
    for match in _BLANK_LINE.finditer(text):
        yield match.start(), match.end()
    yield from _heading_ends(text)


def _heading_ends(text: str) -> Iterator[tuple[int, int]]:
    """The line breaks that end a heading line. Found from the line break (a literal the regex engine scans for
    fast), then the line is checked, rather than by a pattern anchored at every line start: that tried each line
    70 ways and took most of the time of splitting a document."""
    shortest, longest = HEADING_CHARS
    for match in _BEFORE_CAPITAL.finditer(text):
        newline = match.start()
        line_start = text.rfind("\n", 0, newline) + 1
        if shortest <= newline - line_start <= longest and _OPEN_END.match(text, newline - 1, newline):
            yield newline, newline + 1


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, so that `text[start:end]` is the sentence."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for cut, resume in sorted(_cuts(text)):
        if cut >= start:
            _append(text, start, cut, bounds)
            start = resume
    _append(text, start, len(text), bounds)
    return bounds


def _append(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        bounds.append((start, end))


class Sentences:
    """A document's sentences with lookup by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds = split_sentences(text)
        self._starts = [s for s, _ in self.bounds]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.bounds)

    def __len__(self) -> int:
        return len(self.bounds)

    def index_at(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the nearest one before it, between sentences)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def around(self, offset: int) -> tuple[int, int]:
        """The sentence holding `offset`."""
        return self.bounds[self.index_at(offset)] if self.bounds else (0, len(self.text))
