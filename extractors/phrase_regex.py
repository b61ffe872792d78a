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
    return "|".join(map(_phrase, phrases))


def _phrase(phrase: str) -> str:
    """One phrase as a regex: its words escaped, any whitespace between them."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def grouped_alternation(phrases: Iterable[str], *, ignore_case: bool) -> str:
    """`phrase_alternation`, with the phrases that start with the same character put in one group behind it
    ("F(?:ederal\\s+Tort\\s+Claims\\s+Act|air\\s+Housing\\s+Act)|C(?:...)"): at a capital letter, `re` then tries
    the one group of that letter instead of every phrase, each failing at its first character (hundreds of
    tries per position for the act names). `ignore_case` says the alternation is matched ignoring case (inside
    `(?i:...)` or under `re.IGNORECASE`): a group then holds the phrases whose first letters are the same in
    any case, behind the lower-case letter.

    The matches are the alternation's: phrases in different groups cannot match at the same position, and a
    group keeps its phrases in the order given. Phrases that do not all start with an ASCII letter or digit
    (whose case-insensitive matches `re` may extend beyond ASCII) are left as one plain alternation."""
    phrases = list(phrases)
    if not phrases or not all(p[:1].isascii() and p[:1].isalnum() for p in phrases):
        return phrase_alternation(phrases)
    groups: dict[str, list[str]] = {}
    for phrase in phrases:  # an ASCII letter or digit is its own escape: the regex's rest follows it
        groups.setdefault(phrase[0].lower() if ignore_case else phrase[0], []).append(_phrase(phrase)[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
