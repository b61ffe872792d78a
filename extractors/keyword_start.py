"""Regexes whose every match starts with one of a few keywords, scanned at `str.find`'s speed.

`re` scans a case-insensitive pattern, or one that starts with a lookahead or lookbehind, by trying it at
every position of the text: about 70 MB a second for the court triggers, so a tenth of a second per pass
over an 8 MB corpus, and the court extractor makes several such passes. When every match starts with one of
a few keywords ("supreme", "district", "D."), `str.find` locates the keywords (on the lower-cased text
when the pattern ignores case) and the pattern is tried there alone. The matches are the same, in the same
order, at a small part of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from docketflow.extractors.required_words import required_words

_UNSAFE_FOLDS = ("ı", "ſ")
"""Characters that `re` matches to an ASCII letter (i, s) under IGNORECASE but `str.lower` leaves as they
are: in a text holding one, a keyword search on the lower-cased text could miss a match."""


def lower_in_place(text: str) -> str | None:
    """`text.lower()` when its offsets are the text's and a keyword search on it finds every place a
    case-insensitive pattern can match; otherwise None."""
    lower = text.lower()
    if len(lower) != len(text) or any(c in text for c in _UNSAFE_FOLDS):
        return None
    return lower


@lru_cache(maxsize=4)
def folded(text: str) -> str | None:
    """`lower_in_place` of a long text asked about many times: the last few texts' answers are kept, since one
    extractor asks for the same text once per pattern, and a record builder once per sentence."""
    return lower_in_place(text)


class KeywordStart:
    """`re.compile(pattern, flags)`, for a pattern whose every match begins with one of `keywords` (or, with
    `space_before`, with a whitespace character and a keyword): with the same letters, or in any case when the
    flags say IGNORECASE or `any_case` is set (for a pattern that ignores case only in part, "(?i:judge)").
    `finditer` gives what the compiled pattern's gives."""

    def __init__(self, pattern: str, keywords: Iterable[str], flags: int = 0, *, any_case: bool = False,
                 space_before: bool = False) -> None:
        self.pattern = re.compile(pattern, flags)
        self.fold = any_case or bool(flags & re.IGNORECASE)
        self.space_before = space_before
        """A match may also start one whitespace character before a keyword (`\\s?Cir\\.`)."""
        self.keywords = tuple(sorted({k.lower() if self.fold else k for k in keywords}))
        if not self.keywords or not all(self.keywords):
            raise ValueError("KeywordStart needs at least one non-empty keyword")

    def starts(self, haystack: str, pos: int, endpos: int) -> list[int]:
        """Every position in [pos, endpos) where a whole keyword stands before `endpos`, in order."""
        found: set[int] = set()
        for keyword in self.keywords:
            at = haystack.find(keyword, pos, endpos)
            while at >= 0:
                found.add(at)
                if self.space_before and at > pos and haystack[at - 1].isspace():
                    found.add(at - 1)
                at = haystack.find(keyword, at + 1, endpos)
        return sorted(found)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """Successive non-overlapping matches, as `pattern.finditer(text, pos, endpos)` gives them. A match
        begins with a keyword, so it can start only where one stands whole before `endpos`, and the leftmost
        match from any point is the first such position where the pattern matches (none is empty)."""
        end = len(text) if endpos is None else min(endpos, len(text))
        haystack = folded(text) if self.fold else text
        if haystack is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        last = pos
        for at in self.starts(haystack, pos, end):
            if at >= last and (m := self.pattern.match(text, at, end)) is not None:
                yield m
                last = m.end()


class Keywords:
    """A cheap test of a span of text before a costly pattern, for a pattern every match of which holds one of
    `words` (in any case with `fold`, for `re.IGNORECASE` or `(?i:...)`): when none is there, the pattern
    cannot match.

    A record builder tries its sentence patterns (case-insensitive, starting with `\\b`) on every sentence of
    an opinion; `re` tries such a pattern at every position. Here one plain alternation of the words, which `re`
    scans at the speed of a search for their first letters, runs over the text (its lower-cased copy with
    `fold`, made once per text, see `folded`)."""

    def __init__(self, words: Iterable[str], *, fold: bool = True) -> None:
        self.fold = fold
        ordered = sorted({w.lower() if fold else w for w in words}, key=len, reverse=True)
        if not ordered or not all(ordered):
            raise ValueError("Keywords needs at least one non-empty word")
        self.any = re.compile("|".join(re.escape(w) for w in ordered))

    @classmethod
    def required_by(cls, pattern: re.Pattern[str]) -> Keywords:
        """The test for a compiled pattern, from the words its every match holds (`required_words`), so the
        words never drift from the pattern; ValueError when the pattern names none."""
        required = required_words(pattern.pattern, pattern.flags)
        if required is None:
            raise ValueError(f"no word every match of the pattern holds: {pattern.pattern[:80]!r}")
        return cls(required[0], fold=required[1])

    def within(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether one of the words stands whole in `text[start:end]` of a long text asked about span by span;
        True for a text whose lower-cased copy could hide one (see `folded`), so the pattern decides."""
        haystack = folded(text) if self.fold else text
        return haystack is None or self.any.search(haystack, start, len(text) if end is None else end) is not None

    def in_text(self, text: str) -> bool:
        """`within` for a short text asked about once (a sentence, a phrase): lower-cased here, not kept."""
        haystack = lower_in_place(text) if self.fold else text
        return haystack is None or self.any.search(haystack) is not None
