"""State agencies named as parties ("the Delaware Department of Labor and Training (DE-DLT)", "the State of
Idaho's Department of Human Services (DHS) and Department of Finance (DOF)").

They are not AGENCY entities (those are federal, and "DHS" here is not Homeland Security) but they are
parties to matching programs all the same. Each is keyed as a kebab-case slug: the state's postal code and
the agency's acronym ("de-dlt", "id-dhs"), or the initials of its name when no acronym is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from docketflow.extractors.data import read_tsv

_UNIT = r"(?:Department|Division|Office|Agency|Bureau|Commission|Board|Administration)"
_NAME = (rf"{_UNIT}\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’]*"
         rf"(?:(?:\s+(?:(?:and|of|for|the|&)\s+)?|,\s+(?!{_UNIT}\b))[A-Z][\w'’]*)*")
_ACRONYM = r"(?:\s*\((?P<acr>[A-Z][A-Za-z]*(?:\s*[-–—]\s*[A-Z]+)?)\))?"
_MORE = re.compile(rf"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+|its\s+)?(?P<name>{_NAME}){_ACRONYM}")
_SMALL = frozenset({"of", "for", "the", "and", "&"})


@dataclass(frozen=True)
class StateAgency:
    """A state agency mention: its slug and where its name (with any acronym) is printed."""

    key: str
    start: int
    end: int


@cache
def _states() -> tuple[dict[str, str], re.Pattern[str]]:
    postal = {row["name"]: row["postal"] for row in read_tsv("us_states.tsv")}
    names = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in postal), key=len, reverse=True))
    pattern = re.compile(rf"(?:\bState\s+of\s+)?\b(?P<state>{names})(?:['’]s)?\s+(?P<name>{_NAME}){_ACRONYM}")
    return postal, pattern


def _slug(postal: str, name: str, acronym: str | None) -> str:
    if acronym:
        short = re.sub(r"\s*[-–—]\s*", "-", acronym).lower()
    else:
        short = "".join(w[0] for w in name.split() if w.lower() not in _SMALL).lower()
    prefix = postal.lower() + "-"
    return short if short.startswith(prefix) else prefix + short


def state_agencies(text: str) -> list[StateAgency]:
    """Every state agency the text names, with the ones coordinated after it ("... and Department of Revenue")."""
    postal, pattern = _states()
    found = []
    for match in pattern.finditer(text):
        code = postal.get(re.sub(r"\s+", " ", match.group("state")), "")
        found.append(StateAgency(_slug(code, match.group("name"), match.group("acr")), match.start(), match.end()))
        end = match.end()
        while more := _MORE.match(text, end):
            found.append(StateAgency(_slug(code, more.group("name"), more.group("acr")), more.start("name"),
                                     more.end()))
            end = more.end()
    return found
