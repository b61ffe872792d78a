"""`required_words` names words one of which every match of a pattern holds; `Keywords` looks for them first."""

from __future__ import annotations

import itertools
import re

import pytest
from docketflow.extractors.keyword_start import Keywords
from docketflow.extractors.records import cues
from docketflow.extractors.required_words import required_words

WORDS = [
    # (pattern, flags, words, any case)
    (r"\bMotion\s+to\s+Stay\b", 0, {"Motion"}, False),
    (r"\b(?:den(?:y|ies|ied)|discharged)\b", 0, {"deny", "denies", "denied", "discharged"}, False),
    (r"\bMO[UA]s?\b", 0, {"MOU", "MOA"}, False),
    (r"the\s+(?i:court)", 0, {"court"}, True),  # one part ignores case: every word is looked for in any case
    (r"\bsealed\b", re.I, {"sealed"}, True),
    (r"(?:abc)?xyzzy", 0, {"xyzzy"}, False),  # an optional part names nothing
    (r"(?=[A-Z])Ruling(?:s)?", 0, {"Ruling"}, False),  # a lookahead consumes nothing
    (r"(?:granted|approved)+", re.I, {"granted", "approved"}, True),
]


@pytest.mark.parametrize(("pattern", "flags", "words", "fold"), WORDS)
def test_the_words_every_match_holds(pattern: str, flags: int, words: set[str], fold: bool) -> None:
    assert required_words(pattern, flags) == (frozenset(words), fold)


@pytest.mark.parametrize("pattern", [r"a|bc", r"\d+", r"[A-Z]\w+", r"(?:court)?", r"x{0,3}yz", r"(a)\1"])
def test_no_words_when_a_match_could_be_made_of_anything_short(pattern: str) -> None:
    assert required_words(pattern) is None


TEXTS = ["The motion is DENIED.", "Its MOU lapsed; an MOA followed.", "the Court held", "the court held",
         "nothing here", "Sealed.", "A xyzzy and an abcxyzzy", "Rulings on motions", "dısmissed", "ſealed",
         "GRANTED and APPROVED", "We deny review", ""]


@pytest.mark.parametrize(("pattern", "flags"), [(p, f) for p, f, *_ in WORDS])
def test_keywords_never_turn_away_a_text_the_pattern_matches(pattern: str, flags: int) -> None:
    compiled = re.compile(pattern, flags)
    test = Keywords.required_by(compiled)
    assert test is not None
    for text in TEXTS:
        if compiled.search(text):
            assert test.in_text(text) and test.within(text), text
    for left, right in itertools.combinations(TEXTS, 2):  # spans of a longer text, as a builder asks
        text = f"{left} {right}"
        for start, end in ((0, len(left)), (len(left) + 1, len(text)), (0, len(text))):
            if compiled.search(text[start:end]):
                assert test.within(text, start, end), (text, start, end)


@pytest.mark.parametrize(("text", "expected"), [
    ("The stay is LIFTED.", True), ("the STAY", True), ("a stain", False), ("", False),
    ("ſtay", True),  # `re` matches the long s to s where `str.lower` keeps it: the pattern must decide
    ("İ stay", True),  # a capital I with a dot lower-cases to two characters: offsets would move
])
def test_keywords_in_any_case(text: str, expected: bool) -> None:
    assert Keywords(["stay"]).in_text(text) is expected
    assert Keywords(["stay"]).within(f"{text} and more", 0, len(text)) is expected


def test_keywords_with_case() -> None:
    court = Keywords(["Court"], fold=False)
    assert court.in_text("the Court") and not court.in_text("the COURT")
    assert court.within("the COURT. the Court", 10) and not court.within("the COURT. the Court", 0, 9)


def test_every_cue_field_has_words_and_answers_as_its_rows_do() -> None:
    fields = ["motion", "disposition", "instrument", "status", "purpose", "review"]
    sentences = ["The motion to dismiss is GRANTED.", "The agency signed a memorandum of understanding.",
                 "The stay is lifted and the appeal dismissed.", "Nothing of note happened today.",
                 "ICE began receiving the data for removal purposes.", "The court erred; we reverse."]
    for field in fields:
        assert cues._cue_words(field) is not None, field
        for sentence in sentences:
            rows = [label for pattern, label in cues.cue_table(field) if pattern.search(sentence)]
            assert cues.all_labels(field, sentence) == rows
            assert cues.first_label(field, sentence) == (rows[0] if rows else None)


def test_the_decision_readers_guards_are_their_patterns_words() -> None:
    """Each guard of a decision pattern is derived from the pattern, so the words cannot drift from it."""
    from docketflow.extractors.records import decisions

    def words(test: Keywords) -> set[str]:
        return set(test.any.pattern.split("|"))

    assert words(decisions._ORDERED_WORDS) == {"ORDERED", "ORDER"} and not decisions._ORDERED_WORDS.fold
    assert words(decisions._WE_WORDS) == {"affirm", "reverse", "vacate", "remand", "dismiss", "deny", "grant"}
    assert words(decisions._APPELLATE_PASSIVE_WORDS) == {"affirmed", "reversed", "vacated", "aside"}
    assert words(decisions._ENJOINED_WORD) == {"enjoined"}
    assert words(decisions._ACTIVE_WORDS) == {"court"}
    assert len(words(decisions._PASSIVE_WORDS)) == 15 and "approved" in words(decisions._PASSIVE_WORDS)


@pytest.mark.parametrize("pattern", [r"\d+", r"a|bc"])
def test_a_pattern_with_no_words_gets_no_test(pattern: str) -> None:
    with pytest.raises(ValueError, match="no word"):
        Keywords.required_by(re.compile(pattern))
