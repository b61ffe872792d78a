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

_UNSAFE_FOLDS = ("ı", "ſ")
"""Characters that `re` matches to an ASCII letter (i, s) under IGNORECASE but `str.lower` leaves as they
are: in a text holding one, a keyword search on the lower-cased text could miss a match."""


@lru_cache(maxsize=1)
def folded(text: str) -> str | None:
    """`text.lower()` when its offsets are the text's and a keyword search on it finds every place a
    case-insensitive pattern can match; otherwise None. The last text's answer is kept, since one extractor
    asks for the same text once per pattern."""
    lower = text.lower()
    if len(lower) != len(text) or any(c in text for c in _UNSAFE_FOLDS):
        return None
    return lower


class KeywordStart:
    """`re.compile(pattern, flags)`, for a pattern whose every match begins with one of `keywords`: with the
    same letters, or in any case when the flags say IGNORECASE or `any_case` is set (for a pattern that
    ignores case only in part, "(?i:judge)"). `finditer` gives what the compiled pattern's gives."""

    def __init__(self, pattern: str, keywords: Iterable[str], flags: int = 0, *, any_case: bool = False) -> None:
        self.pattern = re.compile(pattern, flags)
        self.fold = any_case or bool(flags & re.IGNORECASE)
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
