"""DATE mentions: every calendar date or month-year a document names, as ISO keys.

Candidates come from one compiled regex (`date_parsing`); this module decides which of them are
dates of this document's story (not another case's citation, a docket number or "May" the verb),
and gives yearless ones a year: from a year sharing the phrase ("September-October 1978"), from
the year the narrative is in ("In October of 2007 ... on October 18"), or, in news and for
relative words, from the document's own date (`date_resolve`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from docketflow.extractors import date_relative
from docketflow.extractors.component import Component, factory
from docketflow.extractors.date_parsing import Mention, Part, find_mentions
from docketflow.extractors.date_resolve import month_day, month_only, points_forward, weekday
from docketflow.extractors.spans import add_entity, context, doc_text, entities, in_citation, scratch
from spacy.tokens import Doc

_DOCUMENT_DATE = "docketflow_document_date"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Context tests around a candidate, compiled once per process."""
    return {
        # Words between two mentions that make them one phrase sharing a year ("May and June 2019").
        "link": re.compile(r"\s*(?:[-–—/&,]|and|or|to|through|until)\s*(?:and\s+|or\s+)?"),
        # A bare month ("in November") is only a date after one of these words.
        "month_cue": re.compile(
            r"\b(?:in|since|until|till|by|during|from|through|before|after|between|of|last|next|this"
            r"|early|late|mid|end|beginning|on)[\s-]*$",
            re.IGNORECASE,
        ),
        # The text inside "(" before a date that makes it a citation parenthetical: "(C.D. Cal. ", "(9th Cir. ".
        "court_paren": re.compile(r"\((?:[A-Z0-9][\w.&'’]*[.,]?\s+)+$"),
        # "I. & N. Dec.", "I&N Dec." and other reporters: an abbreviated month right after an initial.
        "reporter": re.compile(r"(?:\b[A-Z]\.|&\s?N)\s*$"),
        "prev_word": re.compile(r"(\w+)\W*$"),
        "sentence_end": re.compile(r"[.!?:\n]\s*$"),
        # "Monday through Friday" names a span of weekdays, not a day.
        "weekday_range_after": re.compile(r"\s*(?:-|–|through|to)\s*[A-Z][a-z]+day\b"),
        "weekday_range_before": re.compile(r"\b[A-Z][a-z]+day\s*(?:-|–|through|to)\s*$"),
        # Labels that introduce the document's own date in a caption or signature block.
        "signed": re.compile(
            r"(?:\b(?:dated|decided|signed|entered|enter)\s*:\s*|^\s*(?:\d{1,2}\s+)?(?:dated|date|decided|signed|entered)"
            r"\b[\s:,]*(?:this|on)?\s*|\bso\s+ordered\s+(?:on|this)\s+|^\s*[A-Z][A-Za-z'’\-]+,\s+(?:C\.\s?)?J\.\s+)$",
            re.IGNORECASE | re.MULTILINE,  # searched between a line's start and a date: ^ is the line's start
        ),
        # "Date:" beside a signature line (its label is not at the line's start) counts under "SO ORDERED"
        "date_label": re.compile(r"\bdate\s*:\s*$", re.IGNORECASE),
        "so_ordered": re.compile(r"so\s+ordered", re.IGNORECASE),
        # a line-initial "dated" in lower case continues a sentence ("... the letter / dated May 3, 2019.")
        "prose_dated": re.compile(r"\s*dated\b(?!\s*:)"),
        # counsel's signature block: a date there is when a party signed, not the court
        "counsel": re.compile(r"(?i)respectfully\s+submitted|attorneys?\s+for\s+(?:the\s+)?(?:plaintiff|defendant|"
                              r"petitioner|respondent)|counsel\s+for\s+(?:the\s+)?(?:plaintiff|defendant)|\bSBN\b"),
        "judge_named": re.compile(r"(?i)\bjudge\b|U\.\s?S\.\s?[DM]\.\s?J|\bJ\.\s*$"),
        "line_number": re.compile(r"\s*\d{1,2}\s+"),
        "filed": re.compile(r"\bfiled\s*:?\s*$", re.IGNORECASE),
    }


_WEEKDAY_LEADS = frozenset({"on", "by", "since", "until", "last", "next", "this", "before", "after", "through"})


def _is_citation_date(text: str, mention: Mention) -> bool:
    """A date that closes a court parenthetical: "(C.D. Cal. Oct. 18, 2016)", "(B.I.A. Feb. 3, 2010)"."""
    before = text[max(0, mention.start - 60) : mention.start]
    opening = before.rfind("(")
    if opening < 0 or ")" in before[opening:] or not text[mention.end : mention.end + 3].lstrip().startswith(")"):
        return False
    return _patterns()["court_paren"].search(before[opening:]) is not None


def _is_reporter(text: str, mention: Mention) -> bool:
    """ "22 I. & N. Dec. 13": the month abbreviation is part of a reporter's name."""
    return (
        mention.form in ("mdy", "month")
        and _patterns()["reporter"].search(text[max(0, mention.start - 8) : mention.start]) is not None
    )


def _weekday_ok(text: str, mention: Mention) -> bool:
    """A weekday not named as part of a holiday ("Cyber Monday") or a span ("Monday through Friday")."""
    before = text[max(0, mention.start - 30) : mention.start]
    if _patterns()["weekday_range_after"].match(text, mention.end) or _patterns()["weekday_range_before"].search(
        before
    ):
        return False
    word = _patterns()["prev_word"].search(before)
    if not word or not word[1][0].isupper() or word[1].lower() in _WEEKDAY_LEADS:
        return True
    return _patterns()["sentence_end"].search(before, 0, word.start(1)) is not None  # "... Monday." opens it


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps one of `spans` (sorted, non-overlapping entity spans), by bisection:
    testing every docket for every date made a long document cost its length squared."""
    i = bisect_left(spans, (end,)) - 1
    return i >= 0 and start < spans[i][1]


def _keep(doc: Doc, text: str, mention: Mention, dockets: list[tuple[int, int]]) -> bool:
    """Whether a candidate is a date of this document rather than part of a citation or number.

    `text` is `doc.text`, passed in because spaCy rebuilds that string from the tokens on every access.
    """
    if in_citation(doc, mention.start, mention.end) or _overlaps(dockets, mention.start, mention.end):
        return False
    if mention.form in ("weekday", "rel"):
        # Opinions narrate past events; "on Monday" there is not relative to the decision date. "Today"
        # is the publication day only in news: in a court paper it is the court speaking ("we hold today").
        kind = context(doc).kind
        if mention.shift == 0:
            return kind == "news"
        return kind != "opinion" and (mention.form == "rel" or _weekday_ok(text, mention))
    return not (_is_citation_date(text, mention) or _is_reporter(text, mention))


def _share_years(text: str, mentions: list[Mention]) -> None:
    """Give a yearless mention the year of the dated one it is joined to ("September-October 1978")."""
    link = _patterns()["link"]
    for i in range(len(mentions) - 2, -1, -1):
        here, after = mentions[i], mentions[i + 1]
        year = after.parts[0].year if after.parts else None
        if year and here.parts and here.parts[-1].year is None and link.fullmatch(text, here.end, after.start):
            here.parts = [replace(p, year=year) for p in here.parts]


def _bare_month_ok(text: str, mention: Mention) -> bool:
    """ "in November" is a date; "April Smith" or "August Term" is not."""
    return _patterns()["month_cue"].search(text, max(0, mention.start - 20), mention.start) is not None


def _key(part: Part, year: int) -> str:
    return f"{year:04d}-{part.month:02d}" + (f"-{part.day:02d}" if part.day else "")


class DateFinder(Component):
    """Finds DATE entities and adds them with `extractors.spans.add_entity`."""

    label = "DATE"

    def load(self) -> None:
        _patterns()

    def find(self, doc: Doc) -> Doc:
        ctx = context(doc)
        text = doc_text(doc)
        found = find_mentions(text)
        own = _cached_own_date(doc, text, found)
        anchor = ctx.anchor_date or (own.value if own else None)
        dockets = sorted((s.start_char, s.end_char) for s in entities(doc, "DOCKET"))
        mentions = [m for m in found if _keep(doc, text, m, dockets)]
        _share_years(text, mentions)
        narrative_year = None  # the year of the last explicit date: the year the story is in
        for mention in mentions:
            # In a document telling a dated story (an opinion's facts), a yearless "October 18" belongs
            # to the story's year and a bare "on Monday" cannot be placed; news speaks from its own date.
            in_story = ctx.kind != "news" and narrative_year is not None
            if not mention.parts:
                if not in_story:
                    self._add_relative(doc, text, mention, anchor)
                continue
            for part in mention.parts:
                if part.year is not None:
                    self._add(doc, text, part, part.year, None)
                    if mention.form not in ("numeric", "iso"):  # page stamps do not move the story
                        narrative_year = part.year
                elif part.day is None and mention.form == "month" and not _bare_month_ok(text, mention):
                    continue
                elif in_story:
                    self._add(doc, text, part, narrative_year, f"{narrative_year:04d}")
                elif anchor is not None:
                    forward = points_forward(text, part.start, part.end)
                    if part.day is None:
                        year, _ = month_only(anchor, part.month, forward)
                    else:
                        year = month_day(anchor, part.month, part.day, forward).year
                    self._add(doc, text, part, year, anchor.isoformat())
        if anchor is not None and ctx.kind != "opinion":
            self._add_counted(doc, text, anchor)
        return doc

    @staticmethod
    def _add_counted(doc: Doc, text: str, anchor: date) -> None:
        """"last week", "three days ago", "earlier this month": counted from the document's date."""
        for match in date_relative.CANDIDATES.finditer(text):
            if in_citation(doc, match.start(), match.end()):
                continue
            key = date_relative.resolve(match.group(0), anchor)
            if key:
                normalized = {"text": match.group(0), "resolved_from": anchor.isoformat(), "relative": True}
                add_entity(doc, match.start(), match.end(), "DATE", key, normalized)

    @staticmethod
    def _add(doc: Doc, text: str, part: Part, year: int, resolved_from: str | None) -> None:
        """`resolved_from` is the anchor (or the narrative's year) a yearless mention was placed by."""
        normalized = {
            "text": text[part.start : part.end],
            "resolved_from": resolved_from,
            "relative": resolved_from is not None,
        }
        add_entity(doc, part.start, part.end, "DATE", _key(part, year), normalized)

    @staticmethod
    def _add_relative(doc: Doc, text: str, mention: Mention, anchor: date | None) -> None:
        """Weekdays and yesterday/today/tomorrow: dropped when the document has no date to count from."""
        if anchor is None:
            return
        if mention.weekday is None:
            day = date.fromordinal(anchor.toordinal() + (mention.shift or 0))
        else:
            lead = _patterns()["prev_word"].search(text, max(0, mention.start - 12), mention.start)
            lead_word = lead[1].lower() if lead else ""
            forward = lead_word == "next" or (lead_word != "last" and points_forward(text, mention.start, mention.end))
            # news is written on its publication day: "ruled Friday" in a Friday article is that Friday
            same_day = context(doc).kind == "news" and lead_word != "last"
            day = weekday(anchor, mention.weekday, forward, same_day=same_day)
        normalized = {"text": text[mention.start : mention.end], "resolved_from": anchor.isoformat(), "relative": True}
        add_entity(doc, mention.start, mention.end, "DATE", day.isoformat(), normalized)


@dataclass(frozen=True)
class Dated:
    """The date a document gives itself and where it prints it."""

    value: date
    start: int
    end: int


def document_date(doc: Doc) -> date | None:
    """The date the document gives itself, for when the caller knows none (and for the record builder).

    In order: a signed/decided date ("Dated: December 9, 2009", "Decided: May 2, 2008", "this 9th day
    of December, 2009"; the last one wins, since a court signs after the parties), a date alone on
    its line (the line under an opinion's caption), a "Filed 12/02/20" stamp. Kept on the doc, so
    asking again costs nothing.
    """
    found = own_date(doc)
    return found.value if found else None


def own_date(doc: Doc) -> Dated | None:
    """`document_date` with where the text prints it (the evidence of a holding's `decided`)."""
    return _cached_own_date(doc, doc_text(doc), None)


def _cached_own_date(doc: Doc, text: str, mentions: list[Mention] | None) -> Dated | None:
    """`own_date`, reusing the component's mentions so the text is scanned once."""
    area = scratch(doc)
    if _DOCUMENT_DATE not in area:
        found = find_mentions(text) if mentions is None else mentions
        area[_DOCUMENT_DATE] = _own_date(text, found)
    return area[_DOCUMENT_DATE]


LINE_REACH = 400
"""Characters of its line on either side that a date's label and blank-line tests look at: a label farther
away says nothing about the date, and reading whole lines made one long unbroken line cost its length squared."""


def _blank_before(text: str, line_start: int, start: int) -> bool:
    """True when `line_start` begins a line and nothing but blanks stands between it and `start`."""
    return (line_start == 0 or text[line_start - 1] == "\n") and not text[line_start:start].strip()


def _blank_after(text: str, end: int, line_end: int) -> bool:
    """True when only blanks follow `end` up to the line break at `line_end` (-1: none within reach)."""
    if line_end < 0:
        if len(text) - end > LINE_REACH:
            return False
        line_end = len(text)
    return not text[end:line_end].strip()


def _signed(text: str, mention: Mention, line_start: int) -> bool:
    """Whether a date is where the court signs: "Dated: ...", "ENTER: ...", "this 4th day of ...", "SO ORDERED
    on ...", "Date:" under "SO ORDERED", "ROE, J.  May 4, 2026"; never a sentence going on past a line break, nor
    the date counsel signed a stipulation."""
    pats = _patterns()
    lead = text[line_start:mention.start]
    labelled = mention.form == "dayof" or pats["signed"].search(text, line_start, mention.start) is not None or (
        pats["date_label"].search(lead) is not None
        and pats["so_ordered"].search(text, max(0, mention.start - 250), mention.start) is not None)
    if not labelled or (pats["prose_dated"].match(lead) and not lead.lstrip().startswith(("Dated", "DATED"))):
        return False
    counsel = pats["counsel"].search(text, mention.end, mention.end + 250)
    return counsel is None or pats["judge_named"].search(text, mention.end, counsel.start()) is not None


def _own_date(text: str, mentions: list[Mention]) -> Dated | None:
    """The ranking behind `document_date`."""
    signed: list[Dated] = []
    alone: list[Dated] = []
    filed: list[Dated] = []
    for mention in mentions:
        part = mention.parts[0] if len(mention.parts) == 1 else None
        if part is None or part.day is None or part.year is None:
            continue
        found = Dated(date(part.year, part.month, part.day), mention.start, mention.end)
        near = max(0, mention.start - LINE_REACH)
        line_start = text.rfind("\n", near, mention.start) + 1 or near
        line_end = text.find("\n", mention.end, mention.end + LINE_REACH)
        if _signed(text, mention, line_start):
            signed.append(found)
        elif (_blank_before(text, line_start, mention.start) or (
                _blank_before(text, line_start, line_start)
                and _patterns()["line_number"].fullmatch(text, line_start, mention.start))) \
                and _blank_after(text, mention.end, line_end):
            alone.append(found)
        elif _patterns()["filed"].search(text, line_start, mention.start):
            filed.append(found)
    return signed[-1] if signed else (alone or filed or [None])[0]


make_date_component = factory("docketflow_dates", DateFinder, requires=["citations", "dockets"])
