"""AGENCY mentions: U.S. federal agencies, keyed by `patterns/agencies.tsv`.

A gazetteer of names and acronyms runs over a whitespace-free view of the document, because PDF text
breaks names across lines and pads them with runs of spaces ("Central\\nIntelligence  Agency"), which
would split a plain PhraseMatcher match. Names match case-insensitively (captions are in capitals);
acronyms match exactly, and the ones that are also ordinary words or names ("DOE", "VA", "ICE")
count only where the document supports them (see `_guard_ok`). What the gazetteer cannot tell apart
is settled by three small data files: longer phrases that veto the names they contain
(`agencies_blocked.tsv`), acronyms that need support (`agencies_guarded.tsv`), and words that make a
"Department of Justice" a state's (`agencies_nonfederal_prefixes.tsv`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from docketflow.extractors.component import Component, factory
from docketflow.extractors.data import read_tsv
from docketflow.extractors.department_lists import department_lists, department_names
from docketflow.extractors.spans import add_entity, doc_text, entities, in_citation, scratch
from docketflow.extractors.word_view import WordView, word_view
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

LABEL = "AGENCY"
_CAPS_LINES = "docketflow_caps_lines"
"""`scratch(doc)` key of the line starts and the lines judged so far by `_in_capitals_line`."""
_BLOCKED = "#blocked"
"""Match id of a vetoing phrase: it wins over the names it contains and is never emitted."""

_DEPARTMENT_FORMS = ("Dep't of", "Dept. of", "Dept of")
"""How case law abbreviates "Department of"; every "Department of X" alias also matches in these forms."""

_COMPANY_WORDS = frozenset({"inc", "corp", "co", "industries", "ltd", "llc", "l.l.c", "company", "corporation"})
_OPEN = frozenset({"(", "["})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z]$")


@dataclass(frozen=True)
class Agency:
    """One row of the gazetteer."""

    key: str
    name: str
    parent: str | None

    def normalized(self) -> dict[str, str | None]:
        return {"name": self.name, "parent": self.parent}


def is_acronym(alias: str) -> bool:
    """One token of capitals, perhaps with inner lower-case letters ("DoD", "FinCEN"): matched exactly."""
    return " " not in alias and bool(_ACRONYM.match(alias))


def _variants(alias: str) -> set[str]:
    """The alias and its abbreviated "Dep't of X" forms."""
    found = {alias}
    if "Department of" in alias:
        found.update(alias.replace("Department of", form) for form in _DEPARTMENT_FORMS)
    return found


@dataclass
class Gazetteer:
    """Matchers and lookup tables built once per process from the pattern files."""

    names: PhraseMatcher
    acronyms: PhraseMatcher
    by_id: dict[str, Agency]
    acronym_keys: dict[str, str]
    guarded: dict[str, str]
    lowercase_ok: frozenset[str]
    nonfederal: frozenset[str]
    departments: dict[str, str]
    """"labor" -> DOL: the X of every "Department of X", for lists like "the Labor and State departments"."""


@cache
def gazetteer(nlp: Language) -> Gazetteer:
    """Read the pattern files and build both matchers, tokenized like the documents (once per pipeline)."""
    vocab, tokenizer = nlp.vocab, nlp.tokenizer
    names = PhraseMatcher(vocab, attr="LOWER")
    acronyms = PhraseMatcher(vocab, attr="ORTH")
    by_id: dict[str, Agency] = {}
    acronym_keys: dict[str, str] = {}
    lowercase_ok: set[str] = set()
    all_aliases: dict[str, str] = {}
    for row in read_tsv("agencies.tsv"):
        agency = Agency(row["key"], row["name"], row["parent"] or None)
        by_id[agency.key] = agency
        aliases = {row["name"], *filter(None, row["aliases"].split("|"))}
        all_aliases.update(dict.fromkeys(sorted(aliases), agency.key))
        name_docs = []
        for alias in aliases:
            if is_acronym(alias):
                acronym_keys[alias] = agency.key
                acronyms.add(agency.key, [tokenizer(alias)])
                continue
            if alias.islower():
                lowercase_ok.add(alias)
            name_docs.extend(tokenizer(v) for v in _variants(alias))
        names.add(agency.key, name_docs)
    names.add(_BLOCKED, [tokenizer(r["phrase"]) for r in read_tsv("agencies_blocked.tsv")])
    return Gazetteer(
        names=names,
        acronyms=acronyms,
        by_id=by_id,
        acronym_keys=acronym_keys,
        guarded={r["alias"]: r["rule"] for r in read_tsv("agencies_guarded.tsv")},
        lowercase_ok=frozenset(lowercase_ok),
        nonfederal=frozenset(r["word"] for r in read_tsv("agencies_nonfederal_prefixes.tsv")),
        departments=department_names(all_aliases),
    )


@dataclass(frozen=True)
class _Match:
    key: str
    start: int
    end: int
    acronym: bool


def _drop_contained(matches: list[_Match]) -> list[_Match]:
    """Keep matches not strictly inside a longer one ("Homeland Security" inside "... Investigations")."""
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[_Match] = []
    reach = -1
    for m in ordered:
        if m.end <= reach:
            continue
        kept.append(m)
        reach = max(reach, m.end)
    return [m for m in kept if m.key != _BLOCKED]


class AgencyFinder(Component):
    """Finds AGENCY entities and adds them with `extractors.spans.add_entity`."""

    label = "AGENCY"

    def load(self) -> None:
        gazetteer(self.nlp)

    def find(self, doc: Doc) -> Doc:
        gaz = gazetteer(self.nlp)
        view = word_view(doc)
        words = view.doc
        found = [_Match(words.vocab.strings[m], s, e, False) for m, s, e in gaz.names(words)]
        found = [m for m in found if m.key == _BLOCKED or _name_ok(gaz, words, m)]
        found += [_Match(words.vocab.strings[m], s, e, True) for m, s, e in gaz.acronyms(words)]
        found = _drop_contained(found)
        defined = _definitions(words, [m for m in found if not m.acronym])
        found += _defined_uses(words, defined, gaz)
        named_keys = {m.key for m in found if not m.acronym}
        for m in found:
            key = m.key
            if m.acronym:
                if _not_an_acronym_use(words, m) or not _guard_ok(gaz, doc, view, m, named_keys, defined):
                    continue
                key = defined.get(words[m.start].text, key)
            start, end = view.char_range(doc, m.start, m.end)
            if in_citation(doc, start, end):
                continue
            agency = gaz.by_id.get(key)
            normalized = agency.normalized() if agency else {"name": words[m.start].text, "parent": None}
            add_entity(doc, start, end, LABEL, key, normalized)
        self._department_lists(doc, gaz)
        return doc

    def _department_lists(self, doc: Doc, gaz: Gazetteer) -> None:
        """Departments listed before one "departments" that no name match already covers."""
        listed = list(department_lists(doc_text(doc), gaz.departments))
        taken = [(s.start_char, s.end_char) for s in entities(doc, LABEL)] if listed else []
        for start, end, key in listed:
            if in_citation(doc, start, end) or any(s < end and start < e for s, e in taken):
                continue
            add_entity(doc, start, end, LABEL, key, gaz.by_id[key].normalized())



def _name_ok(gaz: Gazetteer, words: Doc, m: _Match) -> bool:
    """A name match is written as a name (capitalized, unless the alias is lower-case), is not a state's
    ("California Department of Justice"), not a statute's title ("Social Security Act"), and, when one
    word, not the start of a company's department ("Treasury and Banking Services")."""
    span = words[m.start : m.end]
    if span.text.islower() and span.text not in gaz.lowercase_ok:
        return False
    if not span[0].text[0].isupper() and not span.text.islower():
        return False
    if m.start > 0 and words[m.start - 1].text in gaz.nonfederal:
        return False
    after = words[m.end : m.end + 2]
    if len(span) == 1 and len(after) == 2 and after[0].lower_ in {"and", "&"} and after[1].is_title:
        return False
    return not after or after[0].text not in {"Act", "Amendments"}


def _not_an_acronym_use(words: Doc, m: _Match) -> bool:
    """Letters that only look like an agency's acronym: a judge's initials closing a docket number
    ("4:09-cv-03315-ABC"), a company's name ("ACF Industries"), or one abbreviation in a run of them
    ("TEX. INS. CODE")."""
    i = m.start
    if i >= 2 and words[i - 1].text == "-" and not words[i - 1].whitespace_:
        return any(c.isdigit() for c in words[i - 2].text)
    if m.end < len(words) and words[m.end].lower_.rstrip(".") in _COMPANY_WORDS:
        return True
    prev = words[i - 1].text if i else ""
    if len(prev) > 2 and prev.endswith(".") and prev[:-1].isalpha() and prev.isupper():
        return True
    dotted_after = m.end < len(words) and words[m.end].text == "."
    return dotted_after and prev == "." and i >= 2 and words[i - 2].is_upper and words[i - 2].is_alpha


def _guard_ok(gaz: Gazetteer, doc: Doc, view: WordView, m: _Match, named: set[str], defined: dict) -> bool:
    """Guarded acronyms need the agency's name or a definition in the document, except that "caps" ones
    may also stand in a line that is not in capitals: in a caption they are most often something else
    ("TRAVELERS INS. CO. v. ...")."""
    alias = view.doc[m.start].text
    rule = gaz.guarded.get(alias)
    if rule is None or alias in defined or gaz.acronym_keys.get(alias) in named:
        return True
    if rule != "caps":
        return False
    start, _ = view.char_range(doc, m.start, m.end)
    return not _in_capitals_line(doc, start)


def _in_capitals_line(doc: Doc, offset: int) -> bool:
    """True when the line holding `offset` has more than twice as many capitals as lower-case letters.

    Each line is judged once per document (cached beside the Doc, in `scratch`): rescanning the line for every
    acronym in it made one long unbroken line cost its length squared.
    """
    cache = scratch(doc).get(_CAPS_LINES)
    if cache is None:
        text = doc_text(doc)
        cache = scratch(doc)[_CAPS_LINES] = ([0, *(m.end() for m in re.finditer("\n", text))], {})
    starts, judged = cache
    line = bisect_right(starts, offset) - 1
    if line not in judged:
        text = doc_text(doc)
        body = text[starts[line] : starts[line + 1] if line + 1 < len(starts) else len(text)]
        judged[line] = sum(c.isupper() for c in body) > 2 * sum(c.islower() for c in body)
    return judged[line]


def _definitions(words: Doc, names: list[_Match]) -> dict[str, str]:
    """Acronyms the document defines right after an agency's name: 'Board of Immigration Appeals ("BIA")'."""
    defined: dict[str, str] = {}
    for m in names:
        i = m.end
        if i < len(words) and words[i].text in _OPEN:
            i += 1
            if i < len(words) and words[i].text in _QUOTES:
                i += 1
            if i + 1 < len(words) and is_acronym(words[i].text) and words[i + 1].text in _QUOTES | {")", "]"}:
                defined[words[i].text] = m.key
    return defined


def _defined_uses(words: Doc, defined: dict[str, str], gaz: Gazetteer) -> list[_Match]:
    """Uses of defined acronyms the gazetteer does not know (those it knows are matched already)."""
    unknown = {a for a in defined if a not in gaz.acronym_keys}
    if not unknown:
        return []
    return [_Match(defined[t.text], t.i, t.i + 1, True) for t in words if t.text in unknown]


make_agency_component = factory("docketflow_agencies", AgencyFinder, requires=["citations"])
