"""CASE mentions and the citation zones that later components skip.

eyecite knows the reporters and how case names and parentheticals hang off a cite, but it tokenizes the
whole text it is given (~22k words/s), so it only sees windows around a cheap "<volume> <Reporter>
<page>" anchor. Each full citation gives a CASE keyed by its reporter cite ("598 U.S. 175"), a CASE
keyed by its name when eyecite finds one ("California v. HHS"), and a citation zone over name, cite and
parenthetical: a court, judge, agency or date inside another case's citation is not this document's.
The document's own caption ("ACME LEAGUE v. ROE, 12 Cal.3d 345" on its first line) is
not a zone.
"""

from __future__ import annotations

import re

from docketflow.extractors.component import Component, factory
from docketflow.extractors.eyecite_adapter import citation_classes, citations
from docketflow.extractors.spans import add_citation_zone, add_entity, doc_text, scratch
from docketflow.extractors.word_start import WordStart
from spacy.tokens import Doc

LABEL = "CASE"
BEFORE, AFTER = 240, 120
"""Window around an anchor: room for a long case name before the cite and a parenthetical after it."""
OWN_CAPTION_CHARS = 400
"""A citation this close to the start is the document's own ("Cite as 12 I&N Dec. 345")."""

_ANCHOR = WordStart(r"\d{1,4}\s(?:[A-Z][\w'&]*\.?\s?){1,4}(?:\d?[a-z]{1,2}\.?\s)?\d{1,8}\b")
"""A volume, a capitalized reporter abbreviation and a page: the shape of every reporter cite."""
_PARENTHETICAL = re.compile(r"(?:,\s*(?:at\s*)?\*?\d[\d\-–,*\s]*)?\s*\([^()]{0,80}?\b\d{4}\)")
"""Pin cite and "(9th Cir. 2019)" after a cite, when a line break kept eyecite from reading them."""
_NAME_END = re.compile(r",\s*(?:\d|No\.)|\s\(\d{4}\)")
"""Where a case name stops: the comma before its cite or docket, or California's "(1975)" before the cite."""
_SIGNALS = re.compile(r"(?:(?:See|see|also|Cf\.|cf\.|[Ee]\.g\.,?|In(?!\s+re)|But|Accord|Id\.|[A-Z]\.)\s+)+")
"""Signal words and stray headings eyecite keeps at the front of a plaintiff's name."""
_SHORT_FORM = re.compile(r"\s+at\s+\d")
"""eyecite sometimes (depending on Python's hash seed) returns "81 T.C. at 828" as a full citation; a pin
cite introduced by "at" is always a short form, so it gets a zone but no CASE of its own."""
_NAME_PREFIX = re.compile(r"(?:In\s+re|Ex\s+parte|Matter\s+of)\s*:?\s*$", re.IGNORECASE)


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged ranges around anchors, starting at a space so eyecite never sees half a word."""
    merged: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text):
        start = max(0, m.start() - BEFORE)
        if start:
            space = text.find(" ", start, m.start())
            start = space + 1 if space != -1 else start
        end = min(len(text), m.end() + AFTER)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _clean(name: str | None) -> str:
    """A party name without line breaks, a trailing docket ("..., No. C 08-04312") or stray commas."""
    if not name:
        return ""
    name = re.split(r",\s*No\.", name)[0]
    return " ".join(name.split()).strip(" ,;")


class CaseFinder(Component):
    """Adds CASE entities and citation zones for other cases' citations."""

    label = "CASE"

    def load(self) -> None:
        citation_classes()

    def find(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        full_cls, short_cls = citation_classes()
        own_until = len(text) - len(text.lstrip()) + OWN_CAPTION_CHARS
        for w_start, w_end in _windows(text):
            for cite in citations(text[w_start:w_end]):
                if not isinstance(cite, full_cls | short_cls):
                    continue
                start, end = (w_start + i for i in cite.full_span())
                cite_start, cite_end = (w_start + i for i in cite.span())
                if isinstance(cite, full_cls) and not _SHORT_FORM.search(cite.matched_text()):
                    start, end = self._add_full(doc, text, cite, start, end, cite_start, cite_end)
                if start >= own_until:
                    add_citation_zone(doc, start, end)
        return doc

    def _add_full(
        self, doc: Doc, text: str, cite, start: int, end: int, cite_start: int, cite_end: int
    ) -> tuple[int, int]:
        """Record one full citation; returns the zone, widened to "In re" and a wrapped parenthetical.

        `text` is `doc.text`, passed in because spaCy rebuilds that string from the tokens on each access.
        """
        groups, meta = cite.groups, cite.metadata
        # loose-leaf services cite a paragraph with no volume ("Med & Med GD (CCH) P 301,234")
        key = " ".join(f"{groups.get('volume') or ''} {cite.corrected_reporter()} {groups.get('page') or ''}".split())
        plaintiff, defendant = _clean(meta.plaintiff), _clean(meta.defendant)
        prefix = _NAME_PREFIX.search(text, max(0, start - 12), start)
        if prefix:
            start = prefix.start()
            plaintiff, defendant = "", f"In re {defendant or plaintiff}"
        if end <= cite_end + 2 and (tail := _PARENTHETICAL.match(text, cite_end)):
            end = tail.end()
        normalized = {
            "reporter": cite.corrected_reporter(),
            "volume": groups.get("volume"),
            "page": groups.get("page"),
            "plaintiff": plaintiff or None,
            "defendant": defendant or None,
            "year": meta.year,
            "court": meta.court,
        }
        add_entity(doc, cite_start, cite_end, LABEL, key, normalized)
        if (plaintiff and defendant) or prefix:
            self._add_name(doc, text, start, cite_start, normalized | {"citation": key})
        return start, end

    def _add_name(self, doc: Doc, text: str, start: int, cite_start: int, normalized: dict) -> None:
        """The case name before a cite, once per citation chain (parallel cites share one name)."""
        spans = scratch(doc).setdefault("case_names", set())
        if start in spans:
            return
        spans.add(start)
        if lead := _SIGNALS.match(text, start, cite_start):
            start = lead.end()
        stop = _NAME_END.search(text, start, cite_start)
        end = stop.start() if stop else text.rfind(",", start, cite_start)
        name = " ".join(text[start:end].split())
        if " v. " in name or name.lower().startswith(("in re", "ex parte", "matter of")):
            add_entity(doc, start, end, LABEL, name, normalized)


make_case_component = factory("docketflow_cases", CaseFinder, assigns=["citations"])
