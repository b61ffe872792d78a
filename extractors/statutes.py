"""STATUTE mentions: U.S.C. / C.F.R. sections and named federal acts.

Keys follow SCHEMA.md: "<title> U.S.C. § <section>" or "<title> C.F.R. § <section>" at section level
(the subsection goes to `normalized`), or an act's short title when a law is named without a section.

Citation grammar comes from citeurl (its "U.S. Code" and "Code of Federal Regulations" templates), but
citeurl is slow on whole opinions, so it only runs on short windows around a cheap anchor regex
("U.S.C", "C.F.R"); lists and ranges after a cite ("§§ 1229a(b)(1), 1252", "§§ 431-432"), sections of
a code named in words ("section 7213" followed by the code's name) or a bare "§ 6103" is handled here.
A bare section only counts when the same section is cited with its title elsewhere in the document
(or is one of the few that are unambiguous, `bare_sections.tsv`): "§ 12" alone may be a state law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from docketflow.extractors.component import Component, factory
from docketflow.extractors.data import read_jsonl, read_tsv
from docketflow.extractors.keyword_start import KeywordStart
from docketflow.extractors.phrase_regex import grouped_alternation
from docketflow.extractors.spans import add_entity, doc_text
from docketflow.extractors.word_start import WordStart
from spacy.tokens import Doc

LABEL = "STATUTE"
WINDOW_BEFORE, WINDOW_AFTER = 40, 200
MAX_WINDOW = 10_000
"""Longest merged window: citeurl looks for each cite's short forms in the rest of its window, so a
window that grows with the document (code cites packed along one long line) costs its length squared."""
"""A cite starts at most a few characters before its code anchor and a list after it rarely runs long."""

_SECTION = r"\d[\w.-]*\w|\d"
_SUBSECTION = r"(?:\([A-Za-z0-9]{1,5}\))*"
_SIGN = r"(?:§§?|[Ss]ec(?:tions?|s?\.)|[Ss]ections?)"
_SIGN_STARTS = ["§", "Sec", "sec"]
"""What every `_SIGN` starts with."""

_ANCHOR = KeywordStart(
    r"(?=[UC])(?:U\.\s?S\.\s?C\b|U\.\s?S\.\s?C(?:ode|\.)|\bUSC\b|United States Code|C\.\s?F\.\s?R\.|\bCFR\b)",
    ["U.", "USC", "United States Code", "C.", "CFR"],
)
"""Where a U.S.C. or C.F.R. cite can be; citeurl only sees text near these. Found from its keywords; the
lookahead keeps the plain scan fast too (for a text `KeywordStart` cannot search by keyword)."""

_LIST_ITEM = re.compile(
    rf"(?:\s*(?:,\s*(?:and|or|&)?|and|or|&)\s*(?:{_SIGN}\s*)?)(?P<section>{_SECTION})(?P<sub>{_SUBSECTION})"
    r"(?!\w)(?!\s*(?:U\.\s?S\.|C\.\s?F\.|USC|CFR|[A-Z][a-z]))"
)
"""One more section after a cite ("..., 1252", "and 112"), unless it starts a new cite ("28 U.S.C.")."""

_BARE = KeywordStart(
    rf"(?<![\w.])(?P<sign>{_SIGN})\s*(?P<section>\d+[a-z]?(?:-\d+)?)(?P<sub>{_SUBSECTION})(?![\w.-]\d)",
    ["§", "Sec", "sec"],
)
_STATE_CONTEXT = re.compile(r"(?:Code|Stat|Ann|Laws?|Rev|Gen|Comp|R\.S|Const|Rule|Reg)\.?\s*(?:\([^)]*\)\s*)?$")
_OF_OTHER_LAW = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")

_GENERIC_ACT_TAIL = re.compile(
    r"Act\b(?:\s+of\s+(?P<year>\d{4}))?(?:\s*\((?P<short>[A-Z][\w ]{1,20})\))?,?\s*"
    r"(?:(?P<title>\d{1,2})\s*U\.\s?S\.\s?C|Pub\.\s*L)"
)
"""An act name followed by its codification: the only unknown acts we trust to be federal."""
_ACRONYM_TAIL = re.compile(r"\s*(?:of\s+\d{4}\s*)?\((?:the\s+)?[\"“]?(?P<short>[A-Z][A-Za-z]*(?: Act)?)[\"”]?\)")
_NAME_LEAD = re.compile(
    r"(?:The|See|But|Under|In|And|Also|also|Section|Title\s+[IVXL]+|of|the|and|for|on|to|in|&)\s+(?:of\s+)?"
)
"""Words a capitalized run may start with that are not part of an act's name ("See the ... Act")."""
_CONNECTORS = {"of", "and", "for", "the", "on", "to", "in", "&"}


@dataclass(frozen=True)
class Act:
    """One named federal act from `acts.jsonl`."""

    key: str
    citation: str
    title_code: str | None
    """U.S.C. title whose sections the act's own section numbers equal (the Internal Revenue Code: 26)."""


@cache
def _acts() -> dict[str, Act]:
    """Every printed name of every known act, mapped to the act."""
    names: dict[str, Act] = {}
    for row in read_jsonl("acts.jsonl"):
        act = Act(row["key"], row["citation"], row.get("title_code"))
        for name in [row["key"], *row.get("aliases", [])]:
            names[name] = act
    return names


@cache
def _popular_names() -> dict[str, str]:
    """Section-level citation -> act short title, for `normalized.popular_name`."""
    return {act.citation: act.key for act in _acts().values() if "§" in act.citation}


@cache
def _act_names() -> WordStart:
    """All act names as one regex, any whitespace between words (PDF text breaks lines inside names), never
    right after a letter, digit or hyphen; grouped by first letter and checked for its start afterwards
    (`WordStart`), so `re` jumps between the names' first letters and tries one group at each."""
    names = sorted(_acts(), key=len, reverse=True)
    return WordStart(rf"(?:{grouped_alternation(names, ignore_case=False)})(?![\w-])", not_after="-")


@cache
def _bare_titles() -> dict[str, str]:
    return {row["section"]: row["title"] for row in read_tsv("bare_sections.tsv")}


@cache
def _code_section_patterns() -> tuple[KeywordStart, re.Pattern[str]]:
    """A code's section with the code named in words after it ("§ 7213 of the ... Code") or before it ("... Code's
    §7213"), for acts with a title code; the first form starts with a section sign or word, found by `str.find`."""
    names = sorted((n for n, a in _acts().items() if a.title_code), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    sec = rf"(?P<section>{_SECTION})(?P<sub>{_SUBSECTION})"
    return (
        KeywordStart(rf"{_SIGN}\s*{sec}\s+of\s+(?:the\s+)?(?P<code>{alt})", _SIGN_STARTS),
        re.compile(rf"(?P<code>{alt})(?:['’]s)?\s*{_SIGN}\s*{sec}"),
    )


@cache
def _citator():
    """citeurl with only the federal code templates (the full set also parses state codes and is slower),
    taken from the one template file that defines them: loading every file costs ~0.8 s per process."""
    from citeurl import Citator

    federal = Citator(defaults=["general federal law"])
    wanted = ("U.S. Code", "Code of Federal Regulations")
    return Citator(defaults=[], templates={name: federal.templates[name] for name in wanted})


def _collapse(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs collapsed to one space (citeurl expects that), plus a map back to offsets."""
    out: list[str] = []
    where: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        space = ch.isspace()
        if space and previous_space:
            continue
        out.append(" " if space else ch)
        where.append(i)
        previous_space = space
    where.append(len(text))
    return "".join(out), where


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged character ranges around each code anchor."""
    merged: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text):
        start, end = max(0, m.start() - WINDOW_BEFORE), min(len(text), m.end() + WINDOW_AFTER)
        if merged and start <= merged[-1][1] and end - merged[-1][0] <= MAX_WINDOW:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


_SECTION_SHAPE = re.compile(r"\d+(?:[a-z]{1,3}|[A-Z]{1,2})?(?:[-.]\d+(?:[a-z]{1,3}|[A-Z]{1,2})?)*")
"""What a real section looks like ("1229a", "1028A", "1003.39", "1320d-6"); not "1The" (a footnote mark)."""


def _section_keys(section: str, double_sign: bool) -> list[str]:
    """Sections named by one cite: a range ("431-432", "78a-78kk") names both ends; "1320d-6" is one section."""
    if not _SECTION_SHAPE.fullmatch(section):
        return []
    low, _, high = section.partition("-")
    low_num, high_num = re.match(r"\d*", low).group(), re.match(r"\d*", high).group()
    if not high or not high_num or (low.isdigit() != high.isdigit()):
        return [section]
    if double_sign or int(high_num) > int(low_num) or (not low.isdigit() and int(high_num) >= int(low_num)):
        return [low, high]
    return [section]


def _range_spans(start: int, at: int, end: int, section: str, double_sign: bool) -> list[tuple[str, tuple[int, int]]]:
    """Each section a cite names with its own character range (the two ends of "431-432" get one each,
    so that two keys never share a span)."""
    sections = _section_keys(section, double_sign)
    if len(sections) == 2:
        split = at + len(sections[0])
        return [(sections[0], (start, split)), (sections[1], (split + 1, end))]
    return [(sec, (start, end)) for sec in sections]


class StatuteFinder(Component):
    """Adds STATUTE entities for federal code sections and named federal acts."""

    label = "STATUTE"

    def load(self) -> None:
        _act_names()
        _code_section_patterns()
        _citator()

    def find(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found: set[tuple[int, int, str]] = set()
        titled: dict[str, str] = {}
        covered: list[tuple[int, int]] = []

        def emit(start: int, end: int, code: str, title: str, section: str, sub: str) -> None:
            key = f"{title} {code} § {section}"
            if (start, end, key) in found:
                return
            found.add((start, end, key))
            titled.setdefault(section, title)
            covered.append((start, end))
            normalized = {"citation": key + (sub or ""), "subsection": sub or None}
            popular = _popular_names().get(key)
            if popular:
                normalized["popular_name"] = popular
            add_entity(doc, start, end, LABEL, key, normalized)

        for w_start, w_end in _windows(text):
            self._code_cites(text[w_start:w_end], w_start, emit)
        self._named_code_sections(text, emit)
        self._bare_sections(text, covered, titled, emit)
        self._acts(doc, text, covered)
        return doc

    def _code_cites(self, window: str, offset: int, emit) -> None:
        """U.S.C./C.F.R. cites in one window, with the sections listed after each."""
        flat, where = _collapse(window)
        for cite in _citator().list_cites(flat):
            tokens = cite.tokens
            if cite.parent is not None or not tokens.get("title") or not tokens.get("section"):
                continue
            code = "U.S.C." if cite.template.name == "U.S. Code" else "C.F.R."
            double = "§§" in cite.text or "ections" in cite.text
            s, e = cite.span
            spans = _range_spans(s, s + cite.text.rfind(tokens["section"]), e, tokens["section"], double)
            for section, (a, b) in spans:
                emit(offset + where[a], offset + where[b], code, tokens["title"], section, tokens.get("subsection"))
            pos = e
            while spans and (m := _LIST_ITEM.match(flat, pos)):
                item = m.start("section")
                for section, (a, b) in _range_spans(item, item, m.end(), m["section"], double):
                    emit(offset + where[a], offset + where[b], code, tokens["title"], section, m["sub"])
                pos = m.end()

    def _named_code_sections(self, text: str, emit) -> None:
        """Sections of a code named in words, e.g. the Internal Revenue Code (26 U.S.C.)."""
        for pattern in _code_section_patterns():
            for m in pattern.finditer(text):
                title = _acts()[m["code"]].title_code or ""
                emit(m.start(), m.end(), "U.S.C.", title, m["section"], m["sub"])

    def _bare_sections(self, text: str, covered, titled: dict[str, str], emit) -> None:
        """"§ 1983" / "section 431(c)(1)" when the document (or `bare_sections.tsv`) tells the title."""
        if "§" not in text and "ection" not in text:
            return
        spans = sorted(covered)
        for m in _BARE.finditer(text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            title = titled.get(m["section"]) or _bare_titles().get(m["section"])
            if not title or _STATE_CONTEXT.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if _OF_OTHER_LAW.match(text, m.end()):
                continue
            emit(m.start(), m.end(), "U.S.C.", title, m["section"], m["sub"])

    def _acts(self, doc: Doc, text: str, covered: list[tuple[int, int]]) -> None:
        """Named acts: the gazetteer, unknown acts followed by their codification, and their short forms."""
        names = _acts()
        hits: dict[tuple[int, int], tuple[str, str]] = {}
        short_forms: dict[str, tuple[str, str]] = {}
        for m in _act_names().finditer(text):
            act = names[" ".join(m.group().split())]
            if not _redefined(text, m.group(), act.key):
                hits[m.span()] = (act.key, act.citation)
        known = list(hits)
        for m in _GENERIC_ACT_TAIL.finditer(text):
            start = _name_start(text, m.start())
            if start is None or any(s < m.start() + 3 and start < e for s, e in known):
                continue
            name = " ".join(text[start : m.start() + 3].split())
            if any(full.endswith(" " + name) for full in names):
                continue
            citation = f"{m['title']} U.S.C." if m["title"] else None
            hits[(start, m.start() + 3)] = (name, citation)
        for (_, end), act in list(hits.items()):
            tail = _ACRONYM_TAIL.match(text, end)
            if tail and tail["short"] not in names:
                short_forms[tail["short"]] = act
        for short, act in short_forms.items():
            for start in _find_words(text, short):
                hits.setdefault((start, start + len(short)), act)
        for (start, end), (key, citation) in sorted(hits.items()):
            if any(s <= start < e or start <= s < end for s, e in covered):
                continue
            if names.get(key) and names[key].title_code and _inside_named_section(text, start, end):
                continue
            add_entity(doc, start, end, LABEL, key, {"citation": citation, "popular_name": key})


def _redefined(text: str, alias: str, key: str) -> bool:
    """True when the document defines an act's acronym as something else ("Inmate Reception Center (IRC)")."""
    if not alias.isupper() or len(alias) > 6:
        return False
    defined = False
    for quoted in (f"({alias})", f"(“{alias}”)", f'("{alias}")'):
        for pos in _find_words(text, quoted):
            defined = True
            if text[max(0, pos - 40) : pos].rstrip().endswith(key.split()[-1]):
                return False
    return defined


def _inside_named_section(text: str, start: int, end: int) -> bool:
    """True when a code name is the code part of "§ 6103 of the ..." / "...'s § 6103" (counted as a section)."""
    return any(
        m.start() <= start and end <= m.end()
        for pattern in _code_section_patterns()
        for m in pattern.finditer(text, max(0, start - 40), min(len(text), end + 40))
    )


def _name_start(text: str, act_at: int) -> int | None:
    """Start of the capitalized words (joined by spaces and "of", "and"...) that end with "Act" at `act_at`."""
    base = max(0, act_at - 160)
    start, end = None, act_at
    for word in reversed(list(re.finditer(r"[\w.'’&-]+", text[base:act_at]))):
        w, w_end = word.group(), base + word.end()
        if text[w_end:end].strip(" \t\n,") or (w.endswith(".") and len(w) > 2):
            break
        if w[0].isupper():
            start = base + word.start()
        elif w not in _CONNECTORS:
            break
        end = base + word.start()
    while start is not None and (lead := _NAME_LEAD.match(text, start, act_at)):
        start += lead.end()
    return start if start is not None and start < act_at else None


def _find_words(text: str, word: str):
    """Offsets where `word` occurs as a whole word (cheap `str.find`, no per-document regex)."""
    pos = text.find(word)
    while pos != -1:
        before = text[pos - 1] if pos else " "
        after = text[pos + len(word)] if pos + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            yield pos
        pos = text.find(word, pos + 1)


make_statute_component = factory("docketflow_statutes", StatuteFinder)
