"""The faster paths give the answers of the slower ones they replace (issue 15: same records, less time)."""

from __future__ import annotations

import re

import pytest
import regex
import spacy
from docketflow.extractors.eyecite_adapter import _CompiledPatterns, citations, court_by_paren
from docketflow.extractors.phrase_regex import first_chars, grouped_alternation, phrase_alternation
from docketflow.extractors.word_view import word_view


def _eyecite_court_by_paren(paren: str) -> str | None:
    """eyecite's own rule, as it reads before the adapter replaces it: every court normalized per call."""
    from eyecite import helpers

    wanted = helpers.re.sub(r"[^\w]", "", paren).lower()
    code = None
    if wanted:
        for court in helpers.courts:
            s = helpers.re.sub(r"[^\w]", "", court["citation_string"]).lower()
            if s == wanted:
                return str(court["id"])
            if s.startswith(wanted):
                code = court["id"]
    return code


def test_court_lookup_matches_eyecite_on_every_court_string_and_its_prefixes() -> None:
    from eyecite import helpers

    strings = ["", "...", "9th Cir.", "D. Mass.", "Pa.Super.", "SC", "N.Y. App. Div."]
    strings += [c["citation_string"][:n] for c in helpers.courts[::25] for n in (3, 6, None)]
    assert [court_by_paren(s) for s in strings] == [_eyecite_court_by_paren(s) for s in strings]


def test_the_tokenizer_offers_eyecites_extractors_in_eyecites_own_order() -> None:
    """The same extractors eyecite's prefilter picks, in its list's order rather than a set's hash order
    (which varies with the hash seed), and the citations eyecite finds with them."""
    from docketflow.extractors.eyecite_adapter import _ordered_tokenizer
    from eyecite.tokenizers import EXTRACTORS, default_tokenizer

    text = "See Alder v. Birch, 512 U.S. 101, 105 (1994); Cedar v. Dunn, 93 S. Ct. 739 (1973)."
    chosen = _ordered_tokenizer().get_extractors(text)
    rank = {id(e): i for i, e in enumerate(EXTRACTORS)}
    assert {id(e) for e in chosen} == {id(e) for e in default_tokenizer.get_extractors(text)}
    assert [rank[id(e)] for e in chosen] == sorted(rank[id(e)] for e in chosen)
    assert [c.corrected_reporter() for c in citations(text)] == ["U.S.", "S. Ct."]


@pytest.mark.parametrize("text", [
    "Central\nIntelligence  Agency said so.\n\n  Then   it ended.\n",
    "", "   ", "one", "\nlead and trail \n", "a\n\n\nb",
])
def test_word_view_is_the_token_by_token_view(text: str) -> None:
    doc = spacy.blank("en")(text)
    view = word_view(doc)
    origin = tuple(t.i for t in doc if not t.is_space)
    spaces = [bool(doc[i].whitespace_) or (i + 1 < len(doc) and doc[i + 1].is_space) for i in origin]
    assert view.origin == origin
    assert [t.text for t in view.doc] == [doc[i].text for i in origin]
    assert [bool(t.whitespace_) for t in view.doc] == spaces


def test_a_first_character_lookahead_changes_no_match() -> None:
    exact, folded = ["Office of Records", "Board"], ["bureau of files"]
    alternation = f"(?i:{phrase_alternation(folded)})|{phrase_alternation(exact)}"
    text = "The Office of\nRecords and the BUREAU OF FILES met the Board; office of records did not."
    plain = re.compile(rf"\b(?:{alternation})\b")
    guarded = re.compile(rf"{first_chars(exact, folded)}\b(?:{alternation})\b")
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(list(guarded.finditer(text))) == 3


GROUPED = [
    # (phrases in the order given, ignore case, text)
    (["Fair Records Act", "Free Ledger Act", "Civic Ledger Act", "F Street Act", "Fair Records"], False,
     "the Fair Records Act, the Fair\nRecords rule, the free ledger act, the Free  Ledger Act, F Street Act, "
     "Civic Ledger Act, xFair Records"),
    (["bureau of files", "Board of Files", "b", "board"], True,
     "The BUREAU OF FILES and the board of files; a B, the Board and the boardroom"),
    (["9th Ledger Act", "Ninth Ledger Act", "(Draft) Act"], False, "9th Ledger Act, Ninth Ledger Act, (Draft) Act"),
]


@pytest.mark.parametrize(("phrases", "ignore_case", "text"), GROUPED)
def test_phrases_grouped_by_first_letter_match_as_the_plain_alternation(phrases: list[str], ignore_case: bool,
                                                                        text: str) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    plain = re.compile(rf"\b(?:{phrase_alternation(phrases)})", flags)
    grouped = re.compile(rf"\b(?:{grouped_alternation(phrases, ignore_case=ignore_case)})", flags)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert grouped.search(text)


PATTERN_CALLS = [
    # (function, arguments after the pattern, keyword arguments): the forms eyecite's helpers use, and others
    ("match", (r"\(\d{4}\)", "(2031)"), {}),
    ("match", (r"\(\d{4}\)", "2031"), {}),
    ("search", (r"\b\d+\b$", "Roe v. Doe 12"), {}),
    ("search", (r"(?:v\.?)$", "QUENBY V"), {"flags": regex.IGNORECASE}),
    ("sub", (r"[^\w]", "", "9th Cir."), {}),
    ("sub", (r"\s+", " ", "a  b   c"), {"count": 1}),
    ("split", (r"\s+v\.?\s+", "Roe v. Doe v. Poe"), {"maxsplit": 1}),
    ("match", (r"x", "xyz"), {"pos": 1}),  # a keyword the dict path does not take: the module answers
]


@pytest.mark.parametrize(("name", "args", "kwargs"), PATTERN_CALLS)
def test_eyecites_helper_patterns_answer_as_the_regex_module(name: str, args: tuple, kwargs: dict) -> None:
    stand_in = _CompiledPatterns(regex)
    for _ in range(2):  # the second call comes from the dict
        ours, theirs = getattr(stand_in, name)(*args, **kwargs), getattr(regex, name)(*args, **kwargs)
        if theirs is None:
            assert ours is None
        elif isinstance(theirs, regex.Match):
            assert (ours.span(), ours.group()) == (theirs.span(), theirs.group())
        else:
            assert ours == theirs
