"""`WordStart` finds exactly what the pattern with a leading `\\b` (or lookbehind) finds."""

from __future__ import annotations

import re

import pytest
from docketflow.extractors.word_start import WordStart

CASES = [
    # (core, not_after, text)
    (r"Case:?\s*\d+", "", "Case: 12 xCase 34 Case 56 _Case 7 Case8"),
    (r"(?:(?:Appellate|Circuit)[ \t]+)*Judges[ \t]+[A-Z]\w+", "", "XCircuit Judges Roe, Circuit Judges Poe; Judges Li"),
    (r"[Tt]he\s+judge,", "", "bathe judge, the judge, The judge, lathe judge,"),
    (r"A[- ]?\d{3}", "-", "A123 -A456 xA789 (A-012) A 345"),
    (r"\d{1,4}\s[A-Z]\.\s\d+", "", "512 U.S. 101 and x12 F. 3 and 9 F. 8"),
    (r"D\.?C\.?\s+court", ".", "a D.C. court, a .DC court, aDC court, DC court"),
    (r"été\s+\w+", "", "lété x été y"),
]


@pytest.mark.parametrize(("core", "not_after", "text"), CASES)
def test_same_matches_as_the_leading_assertion(core: str, not_after: str, text: str) -> None:
    lookbehind = rf"(?<![\w{re.escape(not_after)}])" if not_after else r"\b"
    plain = re.compile(lookbehind + core)
    fast = WordStart(core, not_after=not_after)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text)):
        assert _span(fast.search(text, pos)) == _span(plain.search(text, pos))
        assert _span(fast.match(text, pos)) == _span(plain.match(text, pos))
        assert _span(fast.search(text, 0, pos)) == _span(plain.search(text, 0, pos))


def test_near_misses_inside_words_are_skipped() -> None:
    assert [m.group() for m in WordStart(r"Judges").finditer("Subjudges Judges JudgesX")] == ["Judges", "Judges"]
    assert WordStart(r"MDL\s\d+").search("XMDL 123") is None


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None
