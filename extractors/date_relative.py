"""Relative date phrases ("last week", "three days ago", "earlier this month"), resolved by dateparser.

Weekdays and "yesterday" are placed by `date_resolve`; phrases counted in weeks, months or days are
dateparser's job, with the document's own date as its RELATIVE_BASE. Only candidates found by the
regex below reach dateparser (it is imported on first use and memoized), so documents without such
phrases pay nothing. Month-sized phrases keep month precision ("earlier this month" -> 2025-12); a
year-sized one would be a bare year, which is not a DATE.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache

NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
CANDIDATES = re.compile(
    rf"\b(?:last|past|this|next|previous)\s+(?:week|month)\b(?:['’]s)?|"
    rf"\b{NUMBER}\s+(?:days?|weeks?|months?)\s+(?:ago|earlier|later|from\s+now)\b|"
    r"\bearlier\s+this\s+(?:week|month)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def resolve(phrase: str, anchor: date) -> str | None:
    """ISO key of a relative phrase counted from `anchor`: a day, or a month for month-sized phrases."""
    import dateparser

    wording = re.sub(r"['’]s$", "", phrase.lower()).replace("earlier this", "this")
    found = dateparser.parse(wording, languages=["en"], settings={
        "RELATIVE_BASE": datetime.combine(anchor, time()),
        "PREFER_DATES_FROM": "past" if "next" not in wording and "later" not in wording else "future",
    })
    if found is None:
        return None
    if re.search(r"\bmonths?\b", wording):
        return found.strftime("%Y-%m")
    return found.date().isoformat()
