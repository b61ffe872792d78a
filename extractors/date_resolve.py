"""Placing a yearless or relative date on the calendar, given the document's own date (the anchor).

News is written from its publication day: "on Monday" is the Monday before it, "in November" the
last November, while "will take effect on March 1" points forward. These helpers only do that
arithmetic; deciding which mentions need it is `extractors.dates`' job.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache


@cache
def _future_cue() -> re.Pattern[str]:
    """Words that make a date in the same clause point after the anchor rather than before it."""
    return re.compile(
        r"\b(?:will|shall|(?-i:may)|might|must|would|could|can|scheduled|slated|set\s+(?:for|to)|expected"
        r"|due|upcoming|until|begin(?:s|ning)?|start(?:s|ing)?|effective|takes?\s+effect|next|deadline"
        r"|hearings?\s+for)\b",
        re.IGNORECASE,
    )


@cache
def _past_between() -> re.Pattern[str]:
    """Past-tense words between a future cue and the date: the date is of something already done
    ("the audit will serve the panel, formed by a Feb. 11 order"; "a hearing was scheduled for Thursday")."""
    return re.compile(r"\b(?:was|were|had|did)\b|(?<!be )(?<!been )\b\w{2,}[^e\W]ed\b", re.IGNORECASE)


@cache
def _clause_start() -> re.Pattern[str]:
    return re.compile(r".*(?:[.!?;]\s|\n\s*\n)", re.DOTALL)


_FORWARD_AFTER = re.compile(r"\s*,\s*(?:the\s+|its\s+|this\s+)?(?:\w+\s+){0,2}?(?:will|shall|takes?\s+effect|"
                            r"goes?\s+into\s+effect|(?:is|are)\s+(?:set|scheduled|due)\s+to)\b", re.IGNORECASE)
"""A future told right after the date that opens the clause, past its comma ("On May 4, the new rule takes
effect"; not "a ruling Monday that will allow")."""


def points_forward(text: str, start: int, end: int | None = None) -> bool:
    """True when the clause leading up to `start` speaks of the future ("may begin on January 6"), or, given
    the date's `end`, when the words right after it do ("On May 4, the order takes effect").

    The cue nearest the date governs it, and only when no past tense stands between them or just before
    it: "will allow ... starting January 6" points forward, "the audit will serve the panel, formed by a Feb. 11
    order" and "the notices were meant to begin arriving in October" do not.
    """
    if end is not None and _FORWARD_AFTER.match(text, end, end + 60):
        return True
    window = text[max(0, start - 120) : start]
    if boundary := _clause_start().match(window):
        window = window[boundary.end() :]
    cues = list(_future_cue().finditer(window))
    if not cues:
        return False
    cue = cues[-1]
    past_before = _PAST_AUXILIARY.search(window, 0, cue.start())
    return not (past_before or _past_between().search(window, cue.end()))


_PAST_AUXILIARY = re.compile(r"\b(?:was|were|had)\s+(?:\w+\s+){0,2}$")


def month_day(anchor: date, month: int, day: int, forward: bool) -> date:
    """The nearest `month`/`day` on or before the anchor, or on or after it when `forward`."""
    step = 1 if forward else -1
    year = anchor.year
    while True:
        try:
            found = date(year, month, day)
        except ValueError:  # February 29 outside a leap year: try the next year in that direction
            year += step
            continue
        if (found >= anchor) if forward else (found <= anchor):
            return found
        year += step


def month_only(anchor: date, month: int, forward: bool) -> tuple[int, int]:
    """("in November") the anchor's own month counts as the nearest one either way."""
    if forward:
        return (anchor.year if month >= anchor.month else anchor.year + 1), month
    return (anchor.year if month <= anchor.month else anchor.year - 1), month


def weekday(anchor: date, day: int, forward: bool, same_day: bool = False) -> date:
    """The nearest such weekday before the anchor (after it when `forward`). The anchor's own weekday is
    the anchor itself when `same_day` (news: "ruled Friday" in a Friday article), else a week away."""
    if same_day and not forward and anchor.weekday() == day:
        return anchor
    if forward:
        return anchor + timedelta(days=(day - anchor.weekday() - 1) % 7 + 1)
    return anchor - timedelta(days=(anchor.weekday() - day - 1) % 7 + 1)
