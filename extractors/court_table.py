"""courts-db's table of courts, indexed the ways the court finder and the publishing step look courts up.

Apart from `courts` (a spaCy component) because publishing a run asks only which courts are trial courts:
the process that publishes does it without loading spaCy.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import courts_db

DIRECTIONS = {"northern": "n", "southern": "s", "eastern": "e", "western": "w", "central": "c", "middle": "m"}


@cache
def state_names() -> tuple[str, ...]:
    """U.S. states and territories as courts-db spells them, longest first so "West Virginia" beats "Virginia"."""
    raw = json.loads((resources.files("courts_db") / "data" / "states.json").read_text(encoding="utf-8"))
    names = {name.replace(" Of ", " of ") for code, name in raw.items() if len(code) == 2}
    return tuple(sorted(names, key=len, reverse=True))


_DISTRICT_NAME = re.compile(
    r"^(?:United States District Court(?: for the)?|District Court,)\s+"
    r"(?:(?P<dir>Northern|Southern|Eastern|Western|Central|Middle) District of|(?P<abbr>[NSEWCM])\.D\.|"
    r"District of|D\.)?\s*(?P<state>.+)$"
)
_DISTRICT_NAME_INVERTED = re.compile(
    r"^United States District Court, (?P<state>[A-Z][a-z]+(?: (?!(?:Northern|Southern|Eastern|Western|Central|Middle)$)"
    r"[A-Z][a-z]+)?)(?: (?P<dir>Northern|Southern|Eastern|Western|Central|Middle))?$"
)
"""courts-db's other form of a district court's name: "United States District Court, Oklahoma Northern",
"United States District Court, Nebraska"."""


@dataclass(frozen=True)
class Court:
    """A courts-db court and the dates it sat (ISO strings, open ends filled in)."""

    id: str
    name: str
    start: str
    end: str


@cache
def courts_by_id() -> dict[str, dict]:
    """courts-db's rows by court id."""
    return {c["id"]: c for c in courts_db.courts}


def as_court(row: dict) -> Court:
    """A courts-db row as a Court, with the dates of its latest span."""
    span = row["dates"][-1] if row.get("dates") else {}
    return Court(row["id"], row["name"].strip(), span.get("start") or "1600-01-01", span.get("end") or "2100-01-01")


@cache
def district_index() -> tuple[dict[tuple[str, str], list[Court]], dict[str, list[Court]]]:
    """Federal district courts by (direction letter, state) and by their citation abbreviation."""
    by_place: dict[tuple[str, str], list[Court]] = {}
    by_abbrev: dict[str, list[Court]] = {}
    for row in courts_db.courts:
        if row["system"] != "federal" or row["type"] == "bankruptcy" or row["id"].startswith("circt"):
            continue
        name = row["name"].strip()
        m = _DISTRICT_NAME_INVERTED.match(name) or _DISTRICT_NAME.match(name)
        if not m:
            continue
        direction = DIRECTIONS.get((m["dir"] or "").lower(), (m.groupdict().get("abbr") or "").lower())
        court = as_court(row)
        by_place.setdefault((direction, m["state"].lower()), []).append(court)
        if row["citation_string"]:
            by_abbrev.setdefault(abbrev_key(row["citation_string"]), []).append(court)
    return by_place, by_abbrev


@cache
def trial_courts() -> frozenset[str]:
    """Ids of the courts that hear cases first: federal districts (by name), trial and bankruptcy courts."""
    by_place, _ = district_index()
    districts = {court.id for courts in by_place.values() for court in courts}
    return frozenset(districts | {row["id"] for row in courts_db.courts if row["type"] in ("trial", "bankruptcy")})


def is_trial_court(key: str | None) -> bool:
    """Whether a court hears cases first (a federal district or bankruptcy court, a state trial court) rather
    than appeals; courts-db calls some district courts "appellate" for their old appellate jurisdiction."""
    return key is not None and key in trial_courts()


def abbrev_key(abbrev: str) -> str:
    """A citation abbreviation without spaces and periods, lower-cased: "D. Mass." and "D.Mass." meet."""
    return re.sub(r"[\s.]", "", abbrev).lower()


def pick(courts: list[Court], when: date | None) -> Court | None:
    """The court of several with the same name that sat on the document's date (or sits today)."""
    day = (when or date.today()).isoformat()
    live = [c for c in courts if c.start <= day <= c.end]
    return (live or courts or [None])[0]
