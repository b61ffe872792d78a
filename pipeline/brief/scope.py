"""What a brief is about: the agencies asked for (with their components and parent departments) and the date
from which decisions and agreements count.

`--about` takes a key ("ICE"), a name ("Immigration and Customs Enforcement") or an alias of the agency
gazetteer (`extractors/patterns/agencies.tsv`), in any case, or a key or printed name of an agency the records
name but the gazetteer does not (a state agency's slug). Asking about an agency includes its components (DHS
takes in ICE and USCIS; ICE takes in HSI): the records name the most specific agency a document gives. An
agreement naming only the agency's parent department ("DHS") is included too, and the brief says so, because
documents often name the department where the component does the work; a sibling component (USCIS for ICE)
is not.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from docketflow.extractors.data import read_tsv
from docketflow.extractors.records.parties import ancestors
from docketflow.models import Agreement

DEFAULT_ABOUT = ("ICE",)
"""The project's question is about ICE's agreements: a brief with no `--about` answers it."""
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class UnknownAgency(ValueError):
    """An `--about` value that names no agency of the gazetteer or the records."""


class BadDate(ValueError):
    """A `--since` value that is not an ISO date."""


def _fold(text: str) -> str:
    """A name as compared: case, periods, a leading "the" and runs of spaces do not count."""
    text = " ".join(text.replace(".", "").split()).casefold()
    return text.removeprefix("the ")


@cache
def _gazetteer() -> dict[str, set[str]]:
    """Folded key, name and each alias of the agency gazetteer -> the keys they name."""
    names: dict[str, set[str]] = {}
    for row in read_tsv("agencies.tsv"):
        key = row.get("key")
        if not key:
            continue
        for name in [key, row.get("name") or "", *(row.get("aliases") or "").split("|")]:
            if name.strip():
                names.setdefault(_fold(name), set()).add(key)
    return names


def _recorded(agreements: Iterable[Agreement]) -> dict[str, set[str]]:
    """Folded key and printed name of every party the agreements name -> their keys."""
    names: dict[str, set[str]] = {}
    for agreement in agreements:
        named = {**agreement.provider_names, **agreement.recipient_names}
        for key in [*agreement.providers, *agreement.recipients]:
            for name in (key, named.get(key) or ""):
                if name.strip():
                    names.setdefault(_fold(name), set()).add(key)
    return names


def parse_since(value: str | None) -> str | None:
    """`--since` as the ISO date (or year-month, or year) it is; raises BadDate naming the option otherwise."""
    if value is None:
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise BadDate(f"--since {value!r}: expected an ISO date such as 2025-06-01 (or 2025-06, or 2025)")
    try:
        datetime.date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        raise BadDate(f"--since {value!r}: no such date") from None
    return value


def on_or_after(date: str | None, since: str | None) -> bool:
    """Whether an ISO date (possibly only a month or year) can fall on or after `since`; True when no limit is
    set, False for no date under a limit (the records do not place it after the date)."""
    if since is None:
        return True
    if not date:
        return False
    return date >= since[: len(date)]


@dataclass(frozen=True)
class Scope:
    """The agencies a brief covers and the date it starts from."""

    terms: tuple[str, ...]
    """The `--about` values as given."""
    keys: tuple[str, ...]
    """The agency keys they name, in the order given."""
    members: frozenset[str]
    """Those keys and every component under them: an agreement naming one of these is about them."""
    parents: frozenset[str]
    """The departments above them: an agreement naming only one of these is included, and marked."""
    since: str | None = None

    def match(self, agreement: Agreement) -> str | None:
        """"member" when the agreement names one of the agencies (or a component), "parent" when it names only a
        department above them, None when it is about neither."""
        parties = {*agreement.providers, *agreement.recipients}
        if parties & self.members:
            return "member"
        if parties & self.parents:
            return "parent"
        return None


def resolve(terms: Sequence[str], agreements: Sequence[Agreement], since: str | None = None) -> Scope:
    """The scope of `--about TERMS`: raises UnknownAgency, naming the option, for a term that names no agency."""
    gazetteer, recorded = _gazetteer(), _recorded(agreements)
    keys: list[str] = []
    for term in terms:
        found = gazetteer.get(_fold(term), set()) | recorded.get(_fold(term), set())
        if not found:
            raise UnknownAgency(f"--about {term!r}: no agency of that key or name in the agency gazetteer or the "
                                "records (give a key such as ICE, or a name such as 'Internal Revenue Service')")
        keys += sorted(found - set(keys))
    known = {k for found in gazetteer.values() for k in found} | {k for a in agreements
                                                                   for k in (*a.providers, *a.recipients)}
    members = {k for k in known if k in keys or set(ancestors(k)) & set(keys)}
    parents = {p for k in keys for p in ancestors(k)} - members
    return Scope(tuple(terms), tuple(keys), frozenset(members), frozenset(parents), since)
