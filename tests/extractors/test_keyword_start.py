"""`KeywordStart` finds exactly what its compiled pattern's `finditer` finds, at every start and end."""

from __future__ import annotations

import re

import pytest
from docketflow.extractors import courts, signature, statutes, structure
from docketflow.extractors.keyword_start import KeywordStart, folded

CASES = [
    # (pattern, keywords, flags, any_case, text)
    (r"\bSupreme\s+Court\b", ["supreme"], re.I, False,
     "the supreme court; SUPREME  COURT; Supremes Court; xSupreme Court; Supreme\nCourt of Erewhon"),
    (r"\b(?:federal|district|U\.\s?S\.)\s+(?:judge|court)s?", ["federal", "district", "u."], re.I, False,
     "a Federal judge, U. S. Court, u.s. courts, thou. judge, districtcourt, DISTRICT COURTS"),
    (r"(?<![\w.])(?:§§?|[Ss]ec(?:tions?|s?\.))\s*\d+", ["§", "Sec", "sec"], 0, False,
     "§ 12, §§ 3, sec. 4, Section 5, x§ 6, SEC. 7, second 8, bisec. 9, .sec 10, sections 11"),
    (r"(?:(?i:judge)|[DM]\.[ \t]?J\.|(?<![\w/])[sS]/)", ["judge", "d.", "m.", "s/"], 0, True,
     "JUDGE x D.J. M. J. d.j. s/ Roe, /S/ Poe, as/ is, Judge"),
    (r"(?:U\.\s?S\.\s?C\b|\bUSC\b|C\.\s?F\.\s?R\.)", ["U.", "USC", "C."], 0, False,
     "8 U.S.C. 1, 8 USC 2, 42 C.F.R. 3, xUSC 4, u.s.c. 5, U. S. C 6"),
    # the letters `re` folds to i and s, and the capital I with a dot that lower-cases to two characters
    (r"\bdistrict\b", ["district"], re.I, False, "a dıstrict, a diſtrict, a District, DİSTRICT İ district"),
    (r"\bstate\b", ["state"], re.I, False, "İstanbul State, state"),
]


@pytest.mark.parametrize(("pattern", "keywords", "flags", "any_case", "text"), CASES)
def test_same_matches_as_the_pattern(pattern: str, keywords: list[str], flags: int, any_case: bool,
                                     text: str) -> None:
    fast = KeywordStart(pattern, keywords, flags, any_case=any_case)
    plain = re.compile(pattern, flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text) + 1):
        for endpos in (pos, pos + 3, pos + 11, len(text)):
            assert ([m.span() for m in fast.finditer(text, pos, endpos)]
                    == [m.span() for m in plain.finditer(text, pos, endpos)]), (pos, endpos)


def test_matches_are_found_where_folding_keeps_offsets() -> None:
    text = "A SUPREME COURT and a Supreme Court"
    assert [m.group() for m in KeywordStart(r"supreme court", ["supreme"], re.I).finditer(text)] == \
        ["SUPREME COURT", "Supreme Court"]
    assert folded(text) == text.lower()


@pytest.mark.parametrize("text", ["dıstrict", "diſtrict", "İ district"])
def test_texts_the_keyword_search_could_miss_are_scanned_whole(text: str) -> None:
    assert folded(text) is None
    assert [m.group() for m in KeywordStart(r"district", ["district"], re.I).finditer(text)] == \
        [m.group() for m in re.finditer(r"district", text, re.I)]


def test_keywords_are_required() -> None:
    with pytest.raises(ValueError, match="keyword"):
        KeywordStart(r"x", [])
    with pytest.raises(ValueError, match="keyword"):
        KeywordStart(r"x", [""])


PROSE = ("The Supreme Court of Erewhon affirmed. A federal judge in Boston ruled; the U.S. District Court for the "
         "District of Maryland and the Court of Appeals of Erewhon disagreed. The Superior Court, a supreme "
         "court, the Commonwealth Court. 8 U.S.C. § 1357(g); Section 12 of the Act; 42 CFR 431.300. "
         "/s/ Jane Roe, United States District Judge. D.J. Poe. Filed in the E.D. Cal. and the N. D. Erewhon, "
         "appealed from D. Colorado; under Sec. 61 of the Internal Revenue Code; also section 6103 of the tax code. "
         "Mr. Justice Lin delivered the opinion of the Court. OPINION OF THE COURT WAS DELIVERED BY Ana Ruiz.")


def test_the_extractors_keyword_patterns_agree_with_their_regexes() -> None:
    patterns = [family.trigger for family in courts._families().values() if isinstance(family.trigger, KeywordStart)]
    patterns += [statutes._ANCHOR, statutes._BARE, signature._ANCHOR, statutes._code_section_patterns()[0],
                 structure._AUTHOR_FORMS[0]]
    assert len(patterns) >= 13
    for fast in patterns:
        found = [m.span() for m in fast.finditer(PROSE)]
        assert found == [m.span() for m in fast.pattern.finditer(PROSE)]
    assert any(fast.pattern.search(PROSE) for fast in patterns)


@pytest.mark.parametrize("text", ["9th Cir. 2031", "the Circuit Court", "D.C.\nCir.", "ECircuit", " Cir. x", "C",
                                  "U.S. Court of Appeals", "a  Cir.", "Cir.Cir. Circuit"])
def test_a_match_may_start_with_a_space_before_its_keyword(text: str) -> None:
    pattern = r"(?=\s?C)(?:\b(?:Circuit|CIRCUIT)\b|(?<=[\w.])\s?Cir\.|(?<=U\.S\.\s)Court\s+of\s+Appeals\b)"
    fast = KeywordStart(pattern, ["C"], space_before=True)
    plain = re.compile(pattern)
    for pos in range(len(text) + 1):
        assert [m.span() for m in fast.finditer(text, pos)] == [m.span() for m in plain.finditer(text, pos)], pos
