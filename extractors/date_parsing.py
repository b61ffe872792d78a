"""Finding date mentions in text and turning them into calendar parts, without spaCy.

One compiled regex (built on first use) finds every candidate in a single pass; each alternative
is a named "form" whose groups say where the month, day and year are, so normalizing a mention is
table look-ups rather than a call to `dateparser` (which costs ~10x more per document and guesses
where court text is explicit). Resolving yearless and relative mentions lives in `date_resolve`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from docketflow.extractors.isodate import MONTHS, expand_year

WEEKDAYS: dict[str, int] = {name.lower(): n for n, name in enumerate(calendar.day_name)}

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS: dict[str, int] = {
    **{w: n for n, w in enumerate(_UNITS, 1)},
    **{w: n for n, w in enumerate(_TEENS, 10)},
    **_TENS,
}
_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINAL_WORDS: dict[str, int] = {
    **{w: n for n, w in enumerate(_ORDINAL_UNITS, 1)},
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty-{w}": 20 + n for n, w in enumerate(_ORDINAL_UNITS, 1)},
    "thirty-first": 31,
}


@dataclass(frozen=True)
class Part:
    """One calendar value a mention names: a day (`day` set) or a whole month (`day` None)."""

    start: int
    end: int
    month: int
    day: int | None
    year: int | None


@dataclass
class Mention:
    """A candidate found in the text, before filtering and year resolution."""

    form: str
    start: int
    end: int
    parts: list[Part] = field(default_factory=list)
    weekday: int | None = None
    """For weekday-only and yesterday/tomorrow mentions: the weekday, or None with `shift` set."""
    shift: int | None = None
    """Days from the anchor for "yesterday" (-1), "today" (0) and "tomorrow" (+1)."""


def _alternation(words: list[str]) -> str:
    """Longest-first alternation, so "September" is not cut to "Sep"."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _month(group: str) -> str:
    """A month name or abbreviation, capitalized or upper case ("may" the verb never matches)."""
    names = [w for w in MONTHS for w in (w.title(), w.upper())]
    return rf"\b(?P<{group}>{_alternation(names)})\b\.?"


def _day(group: str) -> str:
    return rf"(?P<{group}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"


def _year(group: str) -> str:
    """Digits, or the words court formulas use ("two thousand twenty-five")."""
    tens = _alternation(list(_TENS))
    small = _alternation(list(_TEENS) + list(_UNITS))
    two_digits = rf"(?:(?:{tens})(?:[\s-]+(?:{_alternation(list(_UNITS))}))?|{small})"
    words = (
        rf"(?:two\s+thousand(?:\s+and)?(?:[\s-]+{two_digits})?"
        rf"|nineteen(?:\s+hundred(?:\s+and)?)?[\s-]+{two_digits})"
    )
    return rf"(?P<{group}>(?<!\d)(?:1[6-9]\d\d|20\d\d)(?!\d|-\d)|['’]\d\d(?!\d)|(?i:{words})\b)"


def _weekday(group: str) -> str:
    names = [w for w in WEEKDAYS for w in (w.title(), w.upper())]
    return rf"\b(?P<{group}>{_alternation(names)})\b"


def _ordinal(group: str) -> str:
    return rf"(?P<{group}>(?:[12]\d|3[01]|0?[1-9])(?:\s?(?:st|nd|rd|th))?|(?i:{_alternation(list(ORDINAL_WORDS))}))"


_GAP = r"[ \t]*(?:\n[ \t]*){0,2}"
"""Between month and day: spaces, or a line break in double-spaced text, never a page of blank lines."""
_AFTER_DAY = r"(?:,\s*(?:(?:[1-9]|[12]\d)\s+)?|\s+)"
"""Between day and year: a comma, and on pleading paper perhaps a margin line number ("16, 10 2004")."""


@cache
def candidate_pattern() -> re.Pattern[str]:
    """Every date form as one regex; alternatives are tried in order, the most specific first."""
    forms = {
        "dayof": rf"\b(?:[Tt]he|[Tt]his|THIS|THE)\s+{_ordinal('o_d')}\s+day\s+of\s+{_month('o_m')}"
        rf"(?:,?\s+(?:in\s+the\s+year\s+)?{_year('o_y')})?",
        "mdy": rf"(?:{_weekday('a_wd')},?\s+)?{_month('a_m')}{_GAP}{_day('a_d')}"
        rf"(?:\s*(?:-|–|—|through|to|and|&)\s*(?P<a_d2>[12]\d|3[01]|0?[1-9])(?!\d))?"
        rf"(?:{_AFTER_DAY}{_year('a_y')})?",
        "dmy": rf"\b{_day('b_d')}\s+{_month('b_m')},?\s+{_year('b_y')}",
        "my": rf"{_month('c_m')},?\s+(?:of\s+)?{_year('c_y')}",
        "month": _month("m_m"),
        "numeric": r"(?<![\d/.-])(?P<n_m>1[0-2]|0?[1-9])/(?P<n_d>[12]\d|3[01]|0?[1-9])/(?P<n_y>\d{4}|\d{2})(?![\d/])",
        "iso": r"(?<![\d/.-])(?P<i_y>(?:19|20)\d\d)-(?P<i_m>1[0-2]|0[1-9])-(?P<i_d>[12]\d|3[01]|0[1-9])(?![\d-])",
        "weekday": _weekday("wd"),
        "rel": r"\b(?P<r>(?i:yesterday|tomorrow|today))\b",
    }
    months, weekdays = _initials(MONTHS), _initials(WEEKDAYS)
    starts = {"dayof": "Tt", "mdy": months + weekdays, "dmy": "0-9", "my": months, "month": months,
              "numeric": "0-9", "iso": "12", "weekday": weekdays, "rel": "TtYy"}
    # Every form starts a word with a capital, a digit or "the"/"this"/"yesterday"/"tomorrow": testing
    # that first makes the scan ~4x faster than trying each alternative at every character; and each
    # alternative is tried only where its own first characters stand (a third less again).
    alternatives = "|".join(f"(?=[{starts[name]}])(?P<{name}>{body})" for name, body in forms.items())
    return re.compile(rf"(?=[A-Z0-9tTyY])\b(?:{alternatives})")


def _initials(names: Iterable[str]) -> str:
    """The first letters of names written capitalized or in capitals, as a character class's members."""
    return "".join(sorted({name[0].upper() for name in names}))


def year_value(text: str) -> int:
    """A year written in digits or words ("two thousand and nine", "nineteen ninety-nine")."""
    if text.isdigit():
        return int(text)
    if text[0] in "'’":
        return expand_year(text[1:])
    words = re.findall(r"[a-z]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        base, rest = 2000, words[2:]
    else:
        base, rest = 1900, words[2:] if words[1:2] == ["hundred"] else words[1:]
    return base + sum(NUMBER_WORDS[w] for w in rest if w in NUMBER_WORDS)


def _day_value(text: str) -> int:
    return ORDINAL_WORDS.get(text.lower()) or int(re.match(r"\d+", text)[0])


def _valid(year: int | None, month: int, day: int | None) -> bool:
    """Reject "February 30": with no year, check against a leap year so "February 29" survives."""
    try:
        date(year or 2000, month, day or 1)
    except ValueError:
        return False
    return True


def _parts(m: re.Match[str]) -> list[Part]:
    """Calendar parts of one regex match, by form."""
    form = m.lastgroup
    if form == "numeric":
        return [Part(m.start(), m.end(), int(m["n_m"]), int(m["n_d"]), expand_year(m["n_y"]))]
    if form == "iso":
        return [Part(m.start(), m.end(), int(m["i_m"]), int(m["i_d"]), int(m["i_y"]))]
    prefix = {"dayof": "o", "mdy": "a", "dmy": "b", "my": "c", "month": "m"}[form]
    month = MONTHS[m[f"{prefix}_m"].lower().rstrip(".")]
    year_text = m.groupdict().get(f"{prefix}_y")
    year = year_value(year_text) if year_text else None
    day_text = m.groupdict().get(f"{prefix}_d")
    day = _day_value(day_text) if day_text else None
    if form == "mdy" and m["a_d2"] and year:  # "April 4 and 5" without a year may be a count
        return [
            Part(m.start(), m.end("a_d"), month, day, year),
            Part(m.start("a_d2"), m.end(), month, int(m["a_d2"]), year),
        ]
    return [Part(m.start(), m.end(), month, day, year)]


_SHIFTS = {"yesterday": -1, "today": 0, "tomorrow": 1}


def find_mentions(text: str) -> list[Mention]:
    """All candidates in text order; impossible dates ("February 30, 2020") are left out."""
    found = []
    for m in candidate_pattern().finditer(text):
        form = m.lastgroup
        if form == "weekday":
            found.append(Mention(form, m.start(), m.end(), weekday=WEEKDAYS[m["wd"].lower()]))
        elif form == "rel":
            found.append(Mention(form, m.start(), m.end(), shift=_SHIFTS[m["r"].lower()]))
        else:
            parts = [p for p in _parts(m) if _valid(p.year, p.month, p.day)]
            if parts:
                found.append(Mention(form, m.start(), m.end(), parts))
    return found
