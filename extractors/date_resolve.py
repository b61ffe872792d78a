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
        r"\b(?:will|shall|may|might|must|would|could|can|scheduled|slated|set\s+(?:for|to)|expected"
        r"|due|upcoming|until|begins?|starting|effective|takes?\s+effect|next|deadline)\b",
        re.IGNORECASE,
    )


@cache
def _clause_start() -> re.Pattern[str]:
    return re.compile(r".*(?:[.!?;]\s|\n\s*\n)", re.DOTALL)


def points_forward(text: str, start: int) -> bool:
    """True when the clause leading up to `start` speaks of the future ("may begin on January 6")."""
    window = text[max(0, start - 120) : start]
    if boundary := _clause_start().match(window):
        window = window[boundary.end() :]
    return _future_cue().search(window) is not None


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


def weekday(anchor: date, day: int, forward: bool) -> date:
    """The nearest such weekday strictly before the anchor ("on Monday" is not the publication day)."""
    if forward:
        return anchor + timedelta(days=(day - anchor.weekday() - 1) % 7 + 1)
    return anchor - timedelta(days=(anchor.weekday() - day - 1) % 7 + 1)
