"""DATA_CATEGORY mentions: kinds of personal data (keys of `patterns/data_categories.tsv`).

Three sources of candidates, all over the whitespace-free view of the document (see
`extractors.word_view.word_view`):
- phrases that name a category on their own ("date of birth", "Medicaid ID", "SSN");
- a head noun with modifiers, coordinated or not ("citizenship and immigration status", "home and
  mailing addresses", "taxpayer and household information"), from `data_categories_compounds.jsonl`;
- weak words ("address", "names", "income") that in court opinions are mostly something else ("to
  address the issue", "the named plaintiff"): they count only in personal-data context (see `_weak_ok`
  and the flags in `data_categories.jsonl`): in a list beside another candidate ("address, phone number,
  and date of birth"), next to a kind of person ("taxpayer addresses", "addresses of enrollees"), after
  a verb of sharing ("provide addresses") or a possessive pronoun ("their addresses").
Phrases in `data_categories_blocked.tsv` ("criminal history category") veto what they contain, and
nothing counts inside another case's citation ("In re Facebook Biometric Info. Privacy Litig.").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from docketflow.extractors.component import Component, factory
from docketflow.extractors.data import read_jsonl, read_tsv
from docketflow.extractors.spans import add_entity, in_citation
from docketflow.extractors.word_view import word_view
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

LABEL = "DATA_CATEGORY"
_WEAK = "weak:"
_BLOCKED = "#blocked"
_SEPARATORS = frozenset({",", "and", "or", "and/or", "/", "&", ";"})
_POSSESSIVES = frozenset({"his", "her", "their", "your", "my", "our"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
_DETERMINERS = frozenset({"the", "their", "all", "any", "each", "every", "those", "these", "such"})


@dataclass
class Patterns:
    """Matchers and tables built once per pipeline from the pattern files."""

    phrases: PhraseMatcher
    exact: PhraseMatcher
    heads: dict[str, dict[tuple[str, ...], str]]
    """Head noun (lower case) -> modifier tokens -> category key."""
    head_ids: np.ndarray
    """The head nouns' lower-case ids, for finding them in a doc's token array."""
    longest_modifier: int
    persons: frozenset[str]
    verbs: frozenset[str]
    """Verbs of sharing, seeking and protecting: "provide addresses", "disclose their names"."""
    object_of_sharing: frozenset[str]
    """Keys whose weak words count after such a verb: "provide addresses", not "produces income"."""
    after_possessive: frozenset[str]
    """Keys whose weak words also count after "his", "their"...: "their addresses", not "his employer"."""


@cache
def patterns(nlp: Language) -> Patterns:
    """Read the pattern files and build the matchers, tokenized like the documents."""
    tokenize = nlp.tokenizer
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for row in read_jsonl("data_categories.jsonl"):
        key = row["key"]
        phrases.add(key, [tokenize(p) for p in row.get("phrases", [])])
        phrases.add(_WEAK + key, [tokenize(p) for p in row.get("weak", [])])
        exact.add(key, [tokenize(p) for p in row.get("exact", [])])
    phrases.add(_BLOCKED, [tokenize(r["phrase"]) for r in read_tsv("data_categories_blocked.tsv")])
    heads: dict[str, dict[tuple[str, ...], str]] = {}
    for row in read_jsonl("data_categories_compounds.jsonl"):
        for modifier, key in row["modifiers"].items():
            tokens = tuple(t.lower_ for t in tokenize(modifier))
            for head in row["heads"]:
                heads.setdefault(head, {})[tokens] = key
    longest = max(len(m) for table in heads.values() for m in table)
    persons = frozenset(r["word"] for r in read_tsv("data_categories_persons.tsv"))
    verbs = frozenset(r["word"] for r in read_tsv("data_categories_verbs.tsv"))
    head_ids = np.array([nlp.vocab.strings.add(h) for h in heads], dtype=np.uint64)
    return Patterns(
        phrases, exact, heads, head_ids, longest, persons, verbs, _flagged("object_of_sharing"),
        _flagged("after_possessive"),
    )


def _flagged(flag: str) -> frozenset[str]:
    """Keys whose row in data_categories.jsonl sets `flag`."""
    return frozenset(r["key"] for r in read_jsonl("data_categories.jsonl") if r.get(flag))


@dataclass(frozen=True)
class _Candidate:
    key: str
    start: int
    end: int
    weak: bool = False


def _compounds(words: Doc, pats: Patterns) -> list[_Candidate]:
    """Head nouns with the (coordinated) modifiers before them, possessive or not ("enrollees' data").

    The few head nouns are found in the array of lower-case ids (numpy), so only they become `Token`s."""
    found = []
    for i in np.flatnonzero(np.isin(words.to_array(LOWER), pats.head_ids)).tolist():
        head = words[i]
        table = pats.heads[head.lower_]
        end = head.i
        if end > 0 and words[end - 1].lower_ in _POSSESSIVE_MARKS:
            end -= 1
        while True:
            hit = _modifier_ending_at(words, end, table, pats.longest_modifier)
            if hit is None:
                break
            start, key = hit
            found.append(_Candidate(key, start, head.i + 1))
            end = start
            while end > 0 and words[end - 1].lower_ in _SEPARATORS and words[end - 1].text != ";":
                end -= 1
            if end == start:
                break
    return found


def _modifier_ending_at(
    words: Doc, end: int, table: dict[tuple[str, ...], str], longest: int
) -> tuple[int, str] | None:
    """The longest modifier whose tokens end just before `end`, as (start, key)."""
    for size in range(min(longest, end), 0, -1):
        tokens = tuple(t.lower_ for t in words[end - size : end])
        if tokens in table:
            return end - size, table[tokens]
    return None


def _weak_ok(words: Doc, c: _Candidate, starts: set[int], ends: set[int], pats: Patterns) -> bool:
    """A weak word counts beside another candidate in a list, after a kind of person ("taxpayer
    addresses", "enrollees' names"), before "of" + a kind of person, and for some keys as the object of
    a verb of sharing ("provide addresses") or after a possessive pronoun ("their addresses")."""
    before = c.start
    while before > 0 and words[before - 1].lower_ in _SEPARATORS:
        before -= 1
    if before < c.start and before in ends:
        return True
    after = c.end
    while after < len(words) and words[after].lower_ in _SEPARATORS:
        after += 1
    if after > c.end and after in starts:
        return True
    if c.key in pats.object_of_sharing and _object_of_sharing(words, c, pats):
        return True
    prev = words[c.start - 1].lower_ if c.start else ""
    if prev in _POSSESSIVE_MARKS and c.start > 1:
        prev = words[c.start - 2].lower_
    if prev in pats.persons or (c.key in pats.after_possessive and prev in _POSSESSIVES):
        return True
    if c.end + 1 < len(words) and words[c.end].lower_ == "of":
        nxt = c.end + 1
        if words[nxt].lower_ in _DETERMINERS and nxt + 1 < len(words):
            nxt += 1
        return words[nxt].lower_ in pats.persons
    return False


def _object_of_sharing(words: Doc, c: _Candidate, pats: Patterns) -> bool:
    """The weak word follows a verb of sharing, perhaps past a determiner or possessive ("share their
    names"); "to address" and "addresses the issue" are verbs themselves."""
    i = c.start - 1
    while i >= 0 and c.start - i <= 2 and (words[i].lower_ in _DETERMINERS or words[i].lower_ in _POSSESSIVES):
        i -= 1
    if i < 0 or words[i].lower_ not in pats.verbs:
        return False
    return c.end == len(words) or words[c.end].lower_ not in _DETERMINERS


def _candidates(words: Doc, pats: Patterns) -> list[_Candidate]:
    """Every candidate, before weak words are checked; what a blocked phrase covers is dropped."""
    strings = words.vocab.strings
    found = [
        _Candidate(strings[m].removeprefix(_WEAK), s, e, strings[m].startswith(_WEAK))
        for m, s, e in [*pats.phrases(words), *pats.exact(words)]
    ]
    found += _compounds(words, pats)
    found = [c for c in found if not _in_proper_name(words, c)]
    blocked = _tokens_of(c for c in found if c.key == _BLOCKED)
    strong = _tokens_of(c for c in found if not c.weak and c.key != _BLOCKED)
    return [
        c
        for c in found
        if c.key != _BLOCKED
        and not blocked.issuperset(range(c.start, c.end))
        and not (c.weak and strong.issuperset(range(c.start, c.end)))
    ]


def _in_proper_name(words: Doc, c: _Candidate) -> bool:
    """Title-case words running on into another capitalized word name something else: "Maine Health
    Data Organization". (A one-word candidate may be a heading or a sentence's first word.)"""
    span = words[c.start : c.end]
    if len(span) < 2 or not all(t.is_title for t in span if t.is_alpha):
        return False
    return c.end < len(words) and words[c.end].is_title


def _tokens_of(candidates: Iterable[_Candidate]) -> set[int]:
    """Token positions the candidates cover (weak words are single tokens, so covering is containment)."""
    return {i for c in candidates for i in range(c.start, c.end)}


class DataCategoryFinder(Component):
    """Finds DATA_CATEGORY entities and adds them with `extractors.spans.add_entity`."""

    label = "DATA_CATEGORY"

    def load(self) -> None:
        patterns(self.nlp)

    def find(self, doc: Doc) -> Doc:
        pats = patterns(self.nlp)
        view = word_view(doc)
        words = view.doc
        found = _candidates(words, pats)
        starts = {c.start for c in found}
        ends = {c.end for c in found}
        seen: set[tuple[str, int, int]] = set()
        for c in found:
            if (c.key, c.start, c.end) in seen or (c.weak and not _weak_ok(words, c, starts, ends, pats)):
                continue
            seen.add((c.key, c.start, c.end))
            start, end = view.char_range(doc, c.start, c.end)
            if not in_citation(doc, start, end):
                add_entity(doc, start, end, LABEL, c.key)
        return doc


make_data_category_component = factory("docketflow_data_categories", DataCategoryFinder, requires=["citations"])
