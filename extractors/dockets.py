"""DOCKET mentions: the docket number(s) of this document's own case.

A court prints its own docket numbers in the caption and header ("No. 25-5181", "Case No. 1:25-cv-00457-CKK",
"D.C. No. CV-01-24113-ABC", "Docket No. S.F. 23456") and in CM/ECF stamps ("Case: 24-3304, 07/15/2025,
DktEntry: 28.1"); the body cites other cases' numbers, mostly inside citations. So a labelled number
counts only in the document's head (the first `HEAD_CHARS`), a stamp anywhere, an alien number
("A 12 345 678", the agency number of an immigration case) anywhere; a number already found also counts
where it repeats (running headers). Keys are as printed, whitespace-normalized, without "No.".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docketflow.extractors.component import Component, factory
from docketflow.extractors.docket_forms import (
    CIVIL_WORDS,
    MIN_DIGITS,
    NUMBER,
    SPACED,
    UNLABELLED,
    context_words,
    key_of,
    parse,
    same_case,
)
from docketflow.extractors.spans import add_entity, context, doc_text, in_citation
from docketflow.extractors.structure import structure_of
from docketflow.extractors.word_start import WordStart
from spacy.tokens import Doc

LABEL = "DOCKET"
HEAD_CHARS = 3000
"""Captions, headers and the lower-court line of an appeal fit here; cited cases mostly come later."""

_LABEL = r"(?=[Nn#])(?<![\w.])(?:(?i:nos?)\.|(?i:no)[:\-]|(?i:numbers?)(?:\(s\))?|#)"
""""No.", "NO.", "Nos.", "No:", "Number(s)", "#" (any case; never the "No" of "November" or "Not")."""
_LABELLED = re.compile(
    rf"{_LABEL}\s*[:#]?\s*(?P<number>{CIVIL_WORDS}(?:{NUMBER}|{SPACED}))(?P<more>(?:\s*(?:,|&|and)\s*(?:{NUMBER}))*)"
)
_PLAIN = re.compile(r"^[ \t]*(?:Docket\s+)?No\.\s*(?P<number>\d{4,7})\.?[ \t]*$", re.M)
"""A bare number on its own "No." line of the head ("No. 14460."): older state dockets have no year part."""
_STAMP = WordStart(
    rf"Case:?\s*(?P<number>{NUMBER}),?\s+(?:Document|DktEntry|Doc\.?\s*#|ID:|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
_ALONE = re.compile(
    r"^[ \t]*(?P<number>\d{2}-\d{3,5}(?:-[a-z]{2})?)[ \t]*$"
    rf"|(?=[\dA-Zl])(?<![\w\-:./])(?P<district>{UNLABELLED})",
    re.M,
)
"""Unlabelled numbers a head may hold: an appellate number alone on its line ("11-2233-ag" above the caption) or a
district number anywhere ("CV-01-24113-ABC" when a column layout separated it from "D.C. No.", "12 Civ. 5708 (ABC)"
beside the parties)."""
_ALIEN = WordStart(r"(?P<number>A[- ]?\d{2,3}(?:-|\s{1,3})?\d{3}(?:-|\s{1,3})?\d{3})(?![\w-])", not_after="-")
_MDL = WordStart(r"(?P<number>MDL\s(?:No\.\s*)?\d{3,5})(?!\d)")
_ITEM = re.compile(NUMBER)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s*$")
_CASE_NAME_BEFORE = re.compile(r"(?:\sv\.\s+[A-Z][\w.'’&-]+|\bIn re\b)[^\n]*$")
"""Another case's name on the line before a number; a caption's "v.  )" column is none."""
_CITE_AFTER = re.compile(r",?\s*(?:at\s+)?\d{1,4}\s+(?:WL|U\.\s?S\.|F\.|S\.\s?Ct\.|[A-Z][a-z]*\.\s?\d?d?\s?\d)")
"""A reporter cite right after a number ("No. MDL 863, 1994 WL 34924"): the number belongs to that case."""
OWN_CAPTION_CHARS = 300
"""A "Smith v. Jones, No. ..." this close to the start is the document's own caption, later another case."""


class DocketFinder(Component):
    """Adds DOCKET entities for the document's own docket numbers."""

    label = "DOCKET"

    def load(self) -> None:
        context_words("not_docket")
        parse("")

    def find(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        news = context(doc).kind == "news"
        structure = structure_of(doc)
        head_end = len(text) - len(text.lstrip()) + HEAD_CHARS
        found: dict[tuple[int, int], str] = {}
        for m in _LABELLED.finditer(text, 0, head_end):
            if self._labelled_ok(doc, text, m, news):
                found[m.span("number")] = key_of(m["number"])
                for item in _ITEM.finditer(text, m.start("more"), m.end("more")):
                    found[item.span()] = key_of(item.group())
        for pattern, limit in ((_ALONE, head_end), (_PLAIN, head_end), (_STAMP, len(text)), (_MDL, len(text))):
            for m in pattern.finditer(text, 0, limit):
                group = "number" if m.groupdict().get("number") else "district"
                if not in_citation(doc, m.start(), m.end()) and not self._other_case(text, m.start(), m.end(), news):
                    found.setdefault(m.span(group), key_of(m[group]))
        for piece in structure.dockets:
            before = text[max(0, piece.start - 30): piece.start].split()[-3:]
            if not in_citation(doc, piece.start, piece.end) and not any(
                    w.strip(".,()[]:") in context_words("other_case") for w in before):
                found.setdefault((piece.start, piece.end), key_of(piece.text))
        for m in _ALIEN.finditer(text):
            found.setdefault(m.span("number"), key_of(m["number"]))
        stamped = context(doc).docket
        keys = set(found.values()) | ({key_of(stamped)} if stamped else set())
        for key in keys:
            for start in _occurrences(text, key):
                if not in_citation(doc, start, start + len(key)):
                    found.setdefault((start, start + len(key)), key)
        own = stamped or (structure.stamp.docket if structure.stamp else None) or next(
            (p.text for p in structure.dockets), None)
        if own:
            for span, key in _printings(text, key_of(own)):
                found.setdefault(span, key)
        taken_until = -1
        for (start, end), key in sorted(found.items(), key=lambda item: (item[0][0], -item[0][1])):
            if start >= taken_until:
                add_entity(doc, start, end, LABEL, key, parse(key))
                taken_until = end
        return doc

    @staticmethod
    def _other_case(text: str, start: int, end: int, news: bool = False) -> bool:
        """"Smith v. Jones, No. ..." on the same line past the caption, or a number followed by a reporter
        cite: another case's number. A news report names its own case that way ("The case is Smith v.
        Jones, D.D.C., No. 25-cv-00001"), so there only the reporter cite counts."""
        if _CITE_AFTER.match(text, end):
            return True
        return (not news and start > OWN_CAPTION_CHARS
                and _CASE_NAME_BEFORE.search(text, max(0, start - 120), start) is not None)

    def _labelled_ok(self, doc: Doc, text: str, m: re.Match[str], news: bool = False) -> bool:
        """A "No. ..." in the head that is not a report, public law, filing or another case's citation."""
        if in_citation(doc, m.start("number"), m.end("number")):
            return False
        if sum(ch.isdigit() for ch in m["number"]) < MIN_DIGITS:
            return False
        if self._other_case(text, m.start(), m.end(), news):
            return False
        before = text[max(0, m.start() - 30) : m.start()]
        if any(w.strip(".,()[]:") in context_words("other_case") for w in before.split()[-2:]):
            return False
        word = _WORD_BEFORE.search(before)
        return not (word and (word.group(1) in context_words("not_docket") or word.group(1) in context_words("filing")))


def _occurrences(text: str, key: str):
    """Where a key is printed again exactly, as a whole token (never inside a longer number: "97" is not
    repeated in "1:97-cv-01234")."""
    if sum(ch.isdigit() for ch in key) < MIN_DIGITS:
        return
    pos = text.find(key)
    while pos != -1:
        end = pos + len(key)
        if (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in ":-/")) and (
                end == len(text) or not (text[end].isalnum() or text[end] in "-:/")):
            yield pos
        pos = text.find(key, pos + 1)


def number_hits(text: str, number: str) -> Iterator[tuple[int, int]]:
    """Spans of `number` (digits, no leading zero) standing alone in the text with any zeros before it ("01234"
    for 1234), as `(?<!\\d)0*NUMBER(?!\\d)` finds them; `str.find` looks for the digits, where the pattern, which
    starts with a lookbehind, would be tried at every position of the text."""
    if not number.isdecimal() or number.startswith("0"):
        yield from (m.span() for m in re.finditer(rf"(?<!\d)0*{re.escape(number)}(?!\d)", text))
        return
    at = text.find(number)
    while at != -1:
        start, end = at, at + len(number)
        while start and text[start - 1] == "0":
            start -= 1
        if not (start and text[start - 1].isdecimal()) and not (end < len(text) and text[end].isdecimal()):
            yield start, end
        at = text.find(number, end)


_LEAD = 16
"""How far before its number's digits a printed docket may start ("1:25-cv-0" before "1234")."""


def _printings(text: str, own: str) -> list[tuple[tuple[int, int], str]]:
    """Every printing of the document's own case anywhere in the text, in whatever form ("25-cv-1234 (ABC)" in a
    footer, "No. 1:25-cv-01234" in a certificate of service, the case cited by its number in the body)."""
    case = parse(own).get("case")
    if not case:
        return []
    number = str(int(case.rsplit("-", 1)[1]))
    out = []
    for hit_start, hit_end in number_hits(text, number):
        for start in range(max(0, hit_start - _LEAD), hit_start):
            if start and (text[start - 1].isalnum() or not text[start].isalnum()):
                continue
            m = _ITEM.match(text, start)
            if m and m.end() >= hit_end and same_case(m.group(), own):
                out.append((m.span(), key_of(m.group())))
                break
    return out


make_docket_component = factory("docketflow_dockets", DocketFinder, requires=["citations"])
