"""Text-only and minute orders: an order that exists only as the clerk's docket text.

Many rulings are never a PDF: the docket entry is the order ("MINUTE ORDER granting 12 Motion to Extend
Time. Signed by Judge Jane Q. Roe on 1/2/2026.", "TEXT ORDER: The Court DENIES the motion to compel [20].
Ordered by Magistrate Judge Omar Bell on 3/4/2026. (abc) (Entered: 03/04/2026)"). A clerk writes them in one
form everywhere: the kind of order, what it does to which motion, and who signed it on what day. A court's
own order also ends with such a line where its docket text was pasted under it. `read_entry` reads that form;
nothing here guesses from prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docketflow.extractors.isodate import to_iso_date
from docketflow.extractors.word_start import WordStart

_NAME = r"[A-Z][A-Za-z.'’\-]*(?:[ \t]+[A-Z][A-Za-z.'’\-]*){1,4}"
_SIGNED = WordStart(
    r"(?:Signed|Ordered|Entered|Issued)\s+by\s+(?:the\s+Honorable\s+)?(?P<title>(?:Chief\s+|Senior\s+)?(?:U\.\s?S\.\s+|"
    r"United\s+States\s+)?(?:District\s+|Magistrate\s+|Bankruptcy\s+)?Judge)\s+(?P<name>" + _NAME + r")"
    r"(?:\s+on\s+(?P<date>\d{1,2}/\d{1,2}/\d{2,4}))?"
)
"""The clerk's closing: "Signed by District Judge Jane Q. Roe on 8/12/2025", "Ordered by Judge Omar Bell"."""
_JUDGE_FIRST = re.compile(r"^[ \t]*(?P<title>(?:Chief\s+|Senior\s+)?(?:District\s+|Magistrate\s+)?Judge)\s+"
                          r"(?P<name>" + _NAME + r")\s*:\s*(?:MINUTE\s+|TEXT\s+|ELECTRONIC\s+)?ORDER\b", re.M)
"""The form some courts open with: "Judge Jane Q. Roe: ORDER entered granting 25 Motion to Dismiss"."""
_ENTRY = re.compile(
    r"^[ \t]*(?:[^:\n]{3,60}:[ \t]*)?(?:(?:MINUTE|TEXT|TEXT-ONLY|ELECTRONIC|PAPERLESS|SCHEDULING)\s+)?ORDER"
    r"(?:\s+entered)?[ \t]*:?[ \t]+"
    r"(?P<disp>granting\s+in\s+part\s+and\s+denying\s+in\s+part|denying\s+in\s+part\s+and\s+granting\s+in\s+part|"
    r"granting|denying|finding\s+as\s+moot|terminating)\s+(?:as\s+moot\s+)?(?:\[?\d{1,4}\]?\s+)?"
    r"(?P<motion>[^.;\n]{3,160})", re.M | re.I)
"""The clerk's first clause: "ORDER granting in part and denying in part 17 Motion for Preliminary Injunction"."""
_DOCKET_TEXT = re.compile(r"^[ \t]*(?:MINUTE|TEXT|TEXT-ONLY|ELECTRONIC|PAPERLESS)\s+ORDER\b", re.M | re.I)
"""The heading only a docket-text order has."""
_DISPOSITIONS = {"granting": "granted", "denying": "denied", "finding as moot": "denied", "terminating": "denied"}


@dataclass(frozen=True)
class Entry:
    """What a docket-text order says about itself, with where each part stands in the text."""

    judge: str | None = None
    judge_span: tuple[int, int] | None = None
    title: str | None = None
    signed: str | None = None
    """ISO date."""
    signed_span: tuple[int, int] | None = None
    disposition: str | None = None
    motion: str | None = None
    """The motion as the clerk names it ("Motion for Preliminary Injunction")."""
    clause: tuple[int, int] | None = None
    """The clause that says what the order does to which motion."""


def is_docket_text(text: str) -> bool:
    """A minute or text-only order: it says so in its heading, or it is short and signs off as a clerk does."""
    head = text[:600]
    return bool(_DOCKET_TEXT.search(head)) or (len(text) < 3000 and bool(_ENTRY.search(head)) and bool(
        _SIGNED.search(text) or _JUDGE_FIRST.search(head)))


def read_entry(text: str) -> Entry | None:
    """The clerk's entry in `text`: its signer and date ("Signed by ... on ...", "Judge X: ORDER ...") and its
    first clause ("ORDER granting 17 Motion ..."); None when the text has neither."""
    signed = next(iter(reversed(list(_SIGNED.finditer(text)))), None)  # a pasted docket text follows its order
    first = _JUDGE_FIRST.search(text, 0, 600)
    clause = _ENTRY.search(text, 0, 600)
    if signed is None and first is None and clause is None:
        return None
    found = signed or first
    words = clause["disp"].lower().split() if clause else []
    disposition = ("granted_in_part" if "part" in words else _DISPOSITIONS.get(" ".join(words[:3]))
                   or _DISPOSITIONS.get(words[0])) if words else None
    date = signed["date"] if signed is not None else None
    return Entry(
        judge=found["name"] if found else None, judge_span=found.span("name") if found else None,
        title=" ".join(found["title"].split()) if found else None,
        signed=to_iso_date(date) if date else None, signed_span=signed.span("date") if date else None,
        disposition=disposition, motion=clause["motion"].strip() if clause else None,
        clause=clause.span() if clause else None,
    )
