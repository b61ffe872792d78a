"""Words one of which every match of a regex holds, read from `re`'s own parse of the pattern.

A pattern tried on many short texts (a cue table's alternation on every sentence of an opinion) costs a scan
of each text, and most texts hold none of the words the pattern is made of. `required_words` names a set of
words such that every match contains at least one ("lift" or "vacat" for `\\b(?:lift(?:ed|s)?|vacat\\w+)`):
where none occurs, the pattern cannot match, and a plain search for the words (`Keywords`) says so at the
speed of `str.find`. The set is derived, never written by hand, so it cannot drift from the pattern.

The analysis is conservative: a part it cannot read (a character class, a back-reference, anything
optional) names no word, and a pattern with no readable word anywhere gets None (no test).
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MIN_LENGTH = 3
"""The shortest word worth testing: one or two letters occur in nearly every sentence."""

MAX_HEAD = 12
"""How many leading characters of a match `_heads` spells out: enough to be selective."""
MAX_HEADS = 64
"""How many different starts `_heads` keeps before it gives up on a part."""
MAX_CLASS = 4
"""The largest character class spelled out letter by letter ("MO[UA]" as "mou", "moa")."""
ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
"""Anchors and lookarounds: items of `re`'s parse that consume nothing."""
REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
"""The repeat items of `re`'s parse (greedy, lazy and, from Python 3.11, possessive)."""

Words = frozenset[str]


def required_words(pattern: str, flags: int = 0) -> tuple[Words, bool] | None:
    """Words one of which every match of the pattern contains, and whether they are to be looked for in any
    case (when any part of the pattern ignores case; the words are then lower-case); None when the analysis
    finds no such set of words of `MIN_LENGTH` or more."""
    parsed = sre_parse.parse(pattern, flags)
    fold = bool(parsed.state.flags & re.IGNORECASE) or _ignores_case_in_part(list(parsed))
    words = _sequence(list(parsed), fold)
    return (words, fold) if words and min(map(len, words)) >= MIN_LENGTH else None


def _ignores_case_in_part(items: list[tuple[Any, Any]]) -> bool:
    """Whether a group of the pattern turns case-insensitivity on (`(?i:...)`)."""
    return any((op is sre.SUBPATTERN and av[1] & re.IGNORECASE)
               or any(_ignores_case_in_part(list(part)) for part in _parts(op, av)) for op, av in items)


def _parts(op: Any, av: Any) -> list[Any]:
    """The sequences nested in one parsed item."""
    if op is sre.BRANCH:
        return list(av[1])
    if op is sre.SUBPATTERN or op in REPEATS or op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[-1]]
    return []


def _better(first: Words | None, second: Words | None) -> Words | None:
    """The more selective of two sets, either of which would do: longer shortest word, then fewer words."""
    if not first or not second:
        return first or second
    return max(first, second, key=lambda words: (min(map(len, words)), -len(words)))


def _sequence(items: list[tuple[Any, Any]], fold: bool) -> Words | None:
    """Every match of the sequence holds one of the returned words: the best of the sets of words that a match
    of the sequence from one of its items on starts with (`_heads`), and of the sets of its items."""
    best: Words | None = None
    for index, (op, av) in enumerate(items):
        if op not in ZERO_WIDTH:
            heads = _heads(items[index:], fold)
            best = _better(best, heads if heads and all(heads) else None)
            best = _better(best, _item(op, av, fold))
    return best


def _heads(items: list[tuple[Any, Any]], fold: bool, depth: int = 0) -> Words:
    """Strings one of which every match of the sequence starts with ("" when nothing can be said): its leading
    plain characters, spelled out through alternations and small classes ("den" or "dis" for
    `d(?:en(?:y|ied)|ischarged)`), at most `MAX_HEADS` strings of at most `MAX_HEAD` characters."""
    if not items or depth >= MAX_HEAD:
        return frozenset({""})
    op, av = items[0]
    rest = items[1:]
    if op is sre.LITERAL or op is sre.IN:
        chars = _chars(op, av, fold)
        if chars is None:
            return frozenset({""})
        tails = _heads(rest, fold, depth + 1)
        out = frozenset(c + t for c in chars for t in tails)
        return out if len(out) <= MAX_HEADS else frozenset({""})
    if op is sre.SUBPATTERN:
        return _heads(list(av[-1]) + rest, fold, depth)
    if op is sre.BRANCH:
        out = frozenset().union(*(_heads(list(branch) + rest, fold, depth) for branch in av[1]))
        return out if len(out) <= MAX_HEADS else frozenset({""})
    if op is sre.AT:
        return _heads(rest, fold, depth)
    return frozenset({""})


def _chars(op: Any, av: Any, fold: bool) -> list[str] | None:
    """The ASCII characters a literal or a small class stands for (lower-cased with `fold`), or None."""
    if op is sre.LITERAL:
        codes = [av]
    elif all(kind is sre.LITERAL for kind, _ in av) and len(av) <= MAX_CLASS:
        codes = [code for _, code in av]
    else:
        return None
    if any(code >= 128 for code in codes):
        return None
    return sorted({chr(code).lower() if fold else chr(code) for code in codes})


def _item(op: Any, av: Any, fold: bool) -> Words | None:
    """The words one of which every match of one parsed item holds, or None."""
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]), fold)
    if op is sre.BRANCH:
        sets = [_sequence(list(branch), fold) for branch in av[1]]
        return frozenset().union(*sets) if all(sets) else None  # type: ignore[arg-type]
    if op in REPEATS and av[0] >= 1:
        return _sequence(list(av[2]), fold)
    return None
