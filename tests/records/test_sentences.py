"""Sentence bounds: a short line without closing punctuation before a capitalized line is a heading and ends a
sentence; a longer line, one that closes with punctuation or one that ends on a word a sentence goes on from does
not (the heading check reads each line from its line break, issue 24)."""

from __future__ import annotations

import pytest
from docketflow.extractors.records.sentences import HEADING_CHARS, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # headings: short lines before a capitalized line
    ("BACKGROUND\nThe agency kept the ledgers.", ["BACKGROUND", "The agency kept the ledgers."]),
    ("Discussion of the claims\n\"Plaintiffs\" say so.", ["Discussion of the claims", "\"Plaintiffs\" say so."]),
    ("Ab\nThe rest.", ["Ab", "The rest."]),  # the shortest heading: two characters
    ("x" * (HEADING_CHARS[1] - 1) + "y\nThe rest.", ["x" * (HEADING_CHARS[1] - 1) + "y", "The rest."]),
    # near misses: not a heading
    ("x" * HEADING_CHARS[1] + "y\nThe rest.", ["x" * HEADING_CHARS[1] + "y\nThe rest."]),  # one character too long
    ("A\nThe rest.", ["A\nThe rest."]),  # one character is no heading
    ("The Bureau's Request to\nSeal is allowed.", ["The Bureau's Request to\nSeal is allowed."]),
    ("The claims of the\nPlaintiffs fail.", ["The claims of the\nPlaintiffs fail."]),
    ("Ruled on by the court,\nThe end.", ["Ruled on by the court,\nThe end."]),  # ends on a comma
    ("The short line\nthen goes on.", ["The short line\nthen goes on."]),  # the next line is lower case
])
def test_a_short_open_line_before_a_capital_is_a_heading(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize("text", [
    'The motion is denied. The case goes on.',
    'It was "final." (Next) begins; see Roe v. Doe, 1 U.S. 2 (2031). Then more.',
    'Stop!  Go? Yes.\n\nNext line.',
    'Odd.! Spacing.) [Bracketed] text. 4 counts.',
    'No break.here or.  lower case after',
])
def test_a_period_break_cuts_where_the_lookbehind_form_cut(text: str) -> None:
    """The closing mark is matched, not looked behind at (so `re` jumps between marks): the cuts are the same."""
    import re

    from docketflow.extractors.records.sentences import _PERIOD_BREAK

    plain = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9§])")
    assert [(m.start() + 1, m.end()) for m in _PERIOD_BREAK.finditer(text)] == \
        [m.span() for m in plain.finditer(text)]
