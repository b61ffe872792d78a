"""How the brief words the records' values: dates, agencies, courts, data categories, instruments, motions,
dispositions, effects and statuses. One table per field, so the templates never spell a value two ways.

Names come from the records first (`provider_names`, `court_name`, `data_category_labels`), else from
`extractors/names.py` (the gazetteers), else the id itself: the brief never invents a name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docketflow.extractors.names import agency_name, data_category_label
from docketflow.pipeline.summary import plural

counted = plural
""""1 decision", "3 decisions": the counts of the brief are spelled as the run's summary spells its own."""

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
INSTRUMENTS = {
    "memorandum_of_understanding": "a memorandum of understanding",
    "computer_matching_agreement": "a computer matching agreement",
    "routine_use": "a routine use published for a system of records",
    "data_access": "an arrangement giving access to the data",
    "policy": "a policy",
    "contract": "a contract",
}
"""Instruments the records name; `other` (none of these) and no instrument are worded by the templates."""
PURPOSES = {"immigration_enforcement": "for immigration enforcement",
            "criminal_enforcement": "for criminal law enforcement",
            "benefits_administration": "for administering benefits"}
MOTIONS = {
    "preliminary_injunction": "a motion for a preliminary injunction",
    "temporary_restraining_order": "a motion for a temporary restraining order",
    "motion_to_dismiss": "a motion to dismiss",
    "summary_judgment": "a motion for summary judgment",
    "stay": "a motion for a stay",
    "appeal": "an appeal",
    "other": "a motion",
}
ON_A_MOTION = {"granted": "granted", "denied": "denied", "granted_in_part": "granted in part",
               "dismissed": "dismissed"}
"""Dispositions that act on the motion itself: "granted a motion to dismiss"."""
ON_THE_ORDER = {"affirmed": "affirmed", "reversed": "reversed", "vacated": "vacated", "remanded": "remanded",
                "stayed": "stayed", "modified": "modified"}
"""Dispositions that act on an order (below, or its own injunction): "affirmed the order"."""
EFFECTS = {"permitted": "let the sharing go on", "barred": "barred the sharing", "limited": "limited the sharing"}
"""A decision's `effect`, as the records give it: what it did to the data sharing at issue."""
STATUSES = {"in_effect": "in effect", "enjoined": "enjoined", "limited": "limited",
            "proposed": "proposed", "terminated": "terminated"}
STATUS_OF_EFFECT = {"barred": "enjoined", "limited": "limited", "permitted": "in_effect"}
"""The status a decision's effect gives the agreement it bears on (as the run sets it)."""


def date(value: str) -> str:
    """An ISO date as prose: "2025-07-09" -> "July 9, 2025", "2025-07" -> "July 2025"."""
    parts = value.split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = MONTHS[int(parts[1]) - 1]
        if len(parts) == 3 and parts[2].isdigit():
            return f"{month} {int(parts[2])}, {parts[0]}"
        return f"{month} {parts[0]}"
    return value


def series(items: Sequence[str], last: str = "and") -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) <= 2:
        return f" {last} ".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def agency(key: str, names: Mapping[str, str] | None = None) -> str:
    """ "the Internal Revenue Service (IRS)", "U.S. Immigration and Customs Enforcement (ICE)"; a key with no name
    stays as it is."""
    name = (names or {}).get(key) or agency_name(key)
    if not name or name == key:
        return key
    return f"{'the ' if _takes_article(name) else ''}{name} ({key})"


def _takes_article(name: str) -> bool:
    """ "the Internal Revenue Service", "the Centers for Medicare & Medicaid Services"; but "U.S. Immigration and
    Customs Enforcement", "Homeland Security Investigations" (a plural name of its own), a one-word name."""
    words = name.split()
    if len(words) == 1 or name.startswith(("U.S. ", "the ", "The ")):
        return False
    return not (words[-1].endswith("s") and " of " not in name and " for " not in name)


def agencies(keys: Sequence[str], names: Mapping[str, str] | None = None) -> str:
    return series([agency(k, names) for k in keys])


def category(key: str, labels: Mapping[str, str] | None = None) -> str:
    """What a data category key means ("Social Security number"); data the records name in words stay words."""
    return (labels or {}).get(key) or data_category_label(key) or key.replace("_", " ")


def categories(keys: Sequence[str], labels: Mapping[str, str] | None = None) -> str:
    """Data categories in a list whose items may hold commas themselves: "a person's name; date of birth"."""
    return "; ".join(category(k, labels) for k in keys)


def statute(name: str) -> str:
    """A statute as cited ("26 U.S.C. § 6103"), an act by its name ("the Privacy Act")."""
    return name if name[:1].isdigit() or name.lower().startswith("the ") else f"the {name}"


def statutes(names: Sequence[str]) -> str:
    return series([statute(n) for n in names])


def court(court_id: str | None, name: str | None) -> str:
    """The court as the records name it, else its id."""
    return name or court_id or "a court the records do not name"
