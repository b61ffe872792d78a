"""Turn the date spellings found in PDF stamps, HTML meta tags and sidecars into ISO `YYYY-MM-DD`.

A tiny hand-rolled parser instead of `dateparser`: ingest sees a handful of machine-ish formats,
and importing `dateparser` costs more than all of ingest's own imports together.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate

_ISO = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])")
_YMD_SLASH = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_US_SLASH = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_FIRST = re.compile(r"^\s*(?:\w+,\s*)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"^\s*(?:\w+,\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def expand_year(year: str) -> int:
    """Two-digit years appear in CM/ECF stamps ("08/12/25"); electronic filing began in the 1990s."""
    value = int(year)
    if len(year) == 2:
        value += 1900 if value >= 90 else 2000
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
    if (m := _MONTH_FIRST.match(value)) and m[1].lower() in _MONTHS:
        return _make(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    if (m := _DAY_FIRST.match(value)) and m[2].lower() in _MONTHS:
        return _make(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    if parsed := parsedate(value):
        return _make(parsed[0], parsed[1], parsed[2])
    return None
