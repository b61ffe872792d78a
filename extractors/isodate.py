"""Turn the date spellings found in PDF stamps, HTML meta tags, sidecars and text into ISO `YYYY-MM-DD`.

A tiny hand-rolled parser instead of `dateparser`: ingest sees a handful of machine-ish formats,
and importing `dateparser` costs more than all of ingest's own imports together.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from email.utils import parsedate

_ISO = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])")
_YMD_SLASH = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_US_SLASH = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
MONTHS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(calendar.month_name) if name},
    **{name.lower(): n for n, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
"""Month names and abbreviations, lower case; shared with the DATE component."""
_MONTH_FIRST = re.compile(r"^\s*(?:\w+,\s*)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"^\s*(?:\w+,\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def expand_year(digits: str) -> int:
    """Two-digit years: CM/ECF stamps ("08/12/25") and modern orders make 00-49 the 2000s, and older
    opinions' "'78" the 1900s. Shared with the DATE component."""
    value = int(digits)
    if len(digits) == 2:
        value += 2000 if value < 50 else 1900
    return value


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def to_iso_date(value: str | None) -> str | None:
    """ISO date for `value`, or None when it is not a recognisable calendar date.

    Timestamps keep the date as written (no time-zone shift): "2025-04-08T23:30:00-04:00" is the
    8th, which is what the publisher meant.
    """
    if not value:
        return None
    if m := _ISO.match(value) or _YMD_SLASH.match(value):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _US_SLASH.match(value):
        return _make(expand_year(m[3]), int(m[1]), int(m[2]))
    if (m := _MONTH_FIRST.match(value)) and m[1].lower() in MONTHS:
        return _make(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    if (m := _DAY_FIRST.match(value)) and m[2].lower() in MONTHS:
        return _make(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if parsed := parsedate(value):
        return _make(parsed[0], parsed[1], parsed[2])
    return None
