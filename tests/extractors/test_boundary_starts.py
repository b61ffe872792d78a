"""`boundary_starts` finds exactly what `finditer` finds, for every pattern it plans, and plans nothing it
cannot bound."""

from __future__ import annotations

import re

import pytest
from docketflow.extractors.boundary_starts import BoundaryStarts, candidate_starts, matches, start_class

_END = r")(?:[^a-zA-Z0-9]|$)"

PLANNED = [
    # (group 1 of a boundary pattern, its start class, a text of hits and near misses)
    (r"(?P<volume>[1-9]\d*) (?P<reporter>Foo\.\s*Rep\.) (?P<page>\d+)", r"[\U00000031-\U00000039]",
     "12 Foo. Rep. 345, 0 Foo. Rep. 1, x12 Foo. Rep. 3, (7 Foo.Rep. 8) 9 Foo. Rep. 10 11 Foo. Rep. 12"),
    (r"(?:(?P<volume>\d{1,2}) )?(?P<reporter>Bar\. Dig\.) (?P<page>\d+)", r"[\d\U00000042]",
     "Bar. Dig. 4; 3 Bar. Dig. 5; aBar. Dig. 6; 123 Bar. Dig. 7; ٣ Bar. Dig. 8"),
    (r"(?P<year>1\d{3}|20\d{2})-(?P<number>\d+)", r"[\U00000031\U00000032]",
     "1999-12, 2020-7, 3000-1, x1999-2, 1999-12-2021-3"),
    (r"(?=\d)(?:\b(?P<title>\d+) )+(?P<reporter>Baz\.)", r"[\d]", "5 Baz. 6 7 Baz. q8 Baz."),
    (r"(?:[A-Z]\.){2,}\s(?P<page>\d+)", r"[\U00000041-\U0000005a]", "A.B. 1 xA.B. 2 A. 3 Q.R.S.\t4"),
]


@pytest.mark.parametrize(("group", "cls", "text"), PLANNED)
def test_a_planned_pattern_matches_as_finditer(group: str, cls: str, text: str) -> None:
    pattern = "(?:^|[^a-zA-Z0-9])(" + group + _END
    assert start_class(pattern) == cls
    finder = BoundaryStarts().plan(pattern)
    compiled = re.compile(pattern)
    for sample in (text, text[1:], " " + text, text + "\n" + text):
        fast = [(m.span(), m.groupdict()) for m in matches(compiled, sample, candidate_starts(finder, sample))]
        assert fast == [(m.span(), m.groupdict()) for m in compiled.finditer(sample)]
        assert fast  # every table row holds hits, so the comparison is not of two empty lists


UNPLANNED = [
    ("a pattern with no boundary prefix", r"(\d+) Foo\.", 0),
    ("case-insensitive", r"(?:^|[^a-zA-Z0-9])(foo \d+)", re.IGNORECASE),
    ("case-insensitive inline", r"(?i)(?:^|[^a-zA-Z0-9])(foo \d+)", 0),
    ("a case-insensitive group first", r"(?:^|[^a-zA-Z0-9])((?i:foo) \d+)", 0),
    ("a group that can be empty", r"(?:^|[^a-zA-Z0-9])(\d*)", 0),
    ("a negated first class", r"(?:^|[^a-zA-Z0-9])([^x]\d+)", 0),
    ("any character first", r"(?:^|[^a-zA-Z0-9])(.\d+)", 0),
    ("a look-alike prefix", r"(?:^|[^a-zA-Z0-9_])(\d+)", 0),
    ("a back reference first", r"(?:^|[^a-zA-Z0-9])(?P<x>)((?P=x)\d)", 0),
]


@pytest.mark.parametrize(("why", "pattern", "flags"), UNPLANNED)
def test_a_pattern_that_cannot_be_bounded_gets_no_plan(why: str, pattern: str, flags: int) -> None:
    assert start_class(pattern, flags) is None, why
    assert BoundaryStarts().plan(pattern, flags) is None


def test_the_start_of_the_text_is_a_candidate_once() -> None:
    finder = BoundaryStarts().plan("(?:^|[^a-zA-Z0-9])(\\(?\\d+" + _END)
    assert candidate_starts(finder, "((1 2") == [0, 1, 3]
    assert candidate_starts(finder, "1 (2") == [0, 1, 2]
    assert candidate_starts(finder, "a1 2") == [2]


def test_patterns_that_start_alike_share_one_finder() -> None:
    scan = BoundaryStarts()
    first = scan.plan("(?:^|[^a-zA-Z0-9])((?P<v>[1-9]\\d*) Foo\\. \\d+" + _END)
    second = scan.plan("(?:^|[^a-zA-Z0-9])((?P<v>[1-9]\\d*) Bar\\. \\d+" + _END)
    assert first is second


def test_eyecite_tokens_are_the_same_with_the_scan() -> None:
    """The adapter's tokenizer against eyecite's own per-extractor `finditer`, on a made-up passage."""
    from docketflow.extractors.eyecite_adapter import _adapted

    tokenizer = _adapted()[1].keywords["tokenizer"]
    text = ("See Roe v. Doe, 512 U.S. 1, 5 (1994); Poe v. Coe, 99 F.3d 1200 (9th Cir. 1996), 7 F. Supp. 2d 8; "
            "cf. 42 U.S.C. § 1983; Id. at 7; 2001-3 (x12 U.S. 4) 1 So. 2d 5 and 3 Cal. 4th 6.")

    def key(tokens: object) -> list[tuple]:
        return [(type(t).__name__, t.data, t.start, t.end, t.groups) for t in tokens]

    def plain() -> object:
        for extractor in tokenizer.get_extractors(text):
            for match in extractor.get_matches(text):
                yield extractor.get_token(match)

    assert key(tokenizer.extract_tokens(text)) == key(plain())
    assert len(key(plain())) >= 6


@pytest.mark.parametrize("cls", [r"[1-9]", r"[T]", r"[\d]", r"[\d\U00000020C]", r"[12\d]"])
def test_a_finder_finds_the_class_where_no_letter_or_digit_stands_before(cls: str) -> None:
    """The finder puts the class first and looks back past it, so `re` can jump between the class's characters;
    it finds the characters `(?<![a-zA-Z0-9])` + class finds, at the start of a text and after a line break too."""
    text = "1 v. T.C. 12 x3 T 9\nT. (4) 88-9 ÀT é5 _7 C C\n2"
    finder = BoundaryStarts().plan(f"(?:^|[^a-zA-Z0-9])({cls}\\w*)")
    assert finder is not None
    plain = re.compile(f"(?<![a-zA-Z0-9]){finder.pattern.split('(?<!')[0]}")
    assert [m.start() for m in finder.finditer(text)] == [m.start() for m in plain.finditer(text)]
    assert finder.search(text)
