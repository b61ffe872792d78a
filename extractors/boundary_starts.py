"""Where a regex that begins at a word boundary can match, found once per text for many regexes.

Nearly every eyecite extractor is `(?:^|[^a-zA-Z0-9])(` + a cite's grammar + `)...`: a volume, a year, a
title or a reporter after a character that is not a letter or digit. `re` has no fast scan for a pattern
that starts with an alternation, so `finditer` enters the pattern at every character of the text, and a
window of ~500 characters is scanned about 26 times (once per extractor its words call for): a tenth of a
run.

`BoundaryStarts.plan` reads such a pattern's first character set from `re`'s own parse of it (`[1-9]` for a
volume, `[12]` for a year, `[T]` for "T.C."), and `matches` tries the compiled pattern only where that set
follows a non-alphanumeric character or begins the text, in order, resuming after each match as
`finditer` does. Elsewhere the pattern cannot match, so the matches are `finditer`'s: the same spans and
groups (only `Match.pos`, where a search began, differs). The positions depend only on the character set,
and the extractors share a few sets, so they are found once per text and set.

A pattern the analysis cannot bound (case-insensitive, a negated or unknown first item, a group that can
be empty, another shape of start) gets no plan and is scanned by `finditer` as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from docketflow.extractors.pattern_cache import PatternCache
from docketflow.extractors.required_words import REPEATS, ZERO_WIDTH

PREFIX = "(?:^|[^a-zA-Z0-9])("
"""The start every planned pattern has: the text's start, or one character that is not an ASCII letter or
digit, then group 1."""

_PREFIX_ITEM = (sre.BRANCH, (None, [[(sre.AT, sre.AT_BEGINNING)],
                                    [(sre.IN, [(sre.NEGATE, None), (sre.RANGE, (97, 122)),
                                               (sre.RANGE, (65, 90)), (sre.RANGE, (48, 57))])]]))
"""`PREFIX`'s alternation as `re` parses it, checked so a look-alike source cannot slip through."""

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}

_Items = list[tuple[Any, Any]]


class _Unbounded(Exception):
    """The first character of a pattern cannot be bounded by a set."""


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _in_items(items: _Items) -> list[str]:
    """A character class's members as class source, or `_Unbounded` for a negated class."""
    parts = []
    for op, av in items:
        if op is sre.LITERAL:
            parts.append(_char(av))
        elif op is sre.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _Unbounded(op)
    return parts


def _first(items: _Items) -> tuple[list[str], bool]:
    """The class members that can begin a match of the sequence `items`, and whether it can match empty."""
    members: list[str] = []
    for op, av in items:
        found, nullable = _first_of(op, av)
        members += found
        if not nullable:
            return members, False
    return members, True


def _first_of(op: Any, av: Any) -> tuple[list[str], bool]:
    if op is sre.LITERAL:
        return [_char(av)], False
    if op is sre.IN:
        return _in_items(av), False
    if op is sre.SUBPATTERN:
        _, add_flags, _, items = av
        if add_flags & re.IGNORECASE:
            raise _Unbounded(op)
        return _first(items)
    if op is sre.BRANCH:
        members, nullable = [], False
        for alternative in av[1]:
            found, empty = _first(alternative)
            members += found
            nullable = nullable or empty
        return members, nullable
    if op in REPEATS:
        low, _, items = av
        found, empty = _first(items)
        return found, empty or low == 0
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _first(av)
    if op in ZERO_WIDTH:  # consumes nothing: passing over it keeps the first-character set a superset
        return [], True
    raise _Unbounded(op)


def _plain(item: Any) -> Any:
    """A parsed item with `re`'s sub-pattern objects as lists, to compare with a literal."""
    if isinstance(item, sre_parse.SubPattern):
        return [_plain(i) for i in item.data]
    if isinstance(item, tuple | list):
        return type(item)(_plain(i) for i in item)
    return item


def start_class(pattern: str, flags: int = 0) -> str | None:
    """The class source (`[...]`) of the characters that can begin group 1 of a `PREFIX` pattern, or None
    when the pattern has another shape or its start cannot be bounded."""
    if not pattern.startswith(PREFIX) or flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE or len(parsed.data) < 2:
        return None
    prefix, group = parsed.data[0], parsed.data[1]
    if _plain(prefix) != _PREFIX_ITEM or group[0] is not sre.SUBPATTERN or group[1][0] != 1:
        return None
    try:
        members, nullable = _first_of(*group)
    except _Unbounded:
        return None
    if nullable or not members:
        return None
    return "[" + "".join(dict.fromkeys(members)) + "]"


class BoundaryStarts:
    """Plans per pattern (kept for the process: eyecite's extractors live as long) and the positions of each
    start class in one text."""

    def __init__(self, cache: PatternCache | None = None) -> None:
        self._plans: dict[tuple[str, int], re.Pattern[str] | None] = {}
        self._finders: dict[str, re.Pattern[str]] = {}
        self._cache = cache
        """Where start classes are kept between processes (reading one parses the pattern)."""

    def plan(self, pattern: str, flags: int = 0) -> re.Pattern[str] | None:
        """The finder of `pattern`'s candidate starts (shared by patterns with the same start class), or None
        to scan it with `finditer`."""
        key = (pattern, flags)
        if key not in self._plans:
            cls = self._cache.derived(start_class, pattern, flags) if self._cache else start_class(pattern, flags)
            if cls is not None and cls not in self._finders:
                # the class first, then a look back past it at the character before: `re` jumps from one
                # character of the class to the next (`(?<![a-zA-Z0-9])` first is tried at every position)
                self._finders[cls] = re.compile(f"{cls}(?<![a-zA-Z0-9][\\s\\S])")
            self._plans[key] = None if cls is None else self._finders[cls]
        return self._plans[key]


def candidate_starts(finder: re.Pattern[str], text: str) -> list[int]:
    """Where a planned pattern can begin: one before each start character that follows a non-alphanumeric
    character, or 0 when the text begins with one."""
    starts = [max(m.start() - 1, 0) for m in finder.finditer(text)]
    if len(starts) > 1 and starts[1] == 0:
        del starts[0]
    return starts


def matches(compiled: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`compiled.finditer(text)` for a planned pattern, trying only `starts`. A planned pattern never matches
    empty (its group 1 cannot), so each search resumes at the end of the last match, as `finditer` does."""
    resume = 0
    for start in starts:
        if start >= resume and (m := compiled.match(text, start)) is not None:
            yield m
            resume = m.end()
