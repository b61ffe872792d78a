"""Regexes for long lists of phrases (act names, court aliases), written so that Python's `re` scans fast.

An alternation of hundreds of phrases is tried in full at every position of the text: `re` finds no
literal prefix to skip ahead with. A lookahead for the phrases' first characters, put first, fails at
once on every other position, which makes such a scan several times faster and matches the same spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def first_chars(exact: Iterable[str] = (), folded: Iterable[str] = ()) -> str:
    """`(?=[...])` over the first characters of the `exact` phrases and, in both cases, of the `folded`
    ones (matched ignoring case)."""
    chars = {p[0] for p in exact if p}
    chars |= {c for p in folded if p for c in (p[0].lower(), p[0].upper())}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def phrase_alternation(phrases: Iterable[str]) -> str:
    """The phrases as alternatives, in the order given, each allowing any whitespace between its words
    (PDF text breaks lines inside names)."""
    return "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases)
