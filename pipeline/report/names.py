"""Names beside ids: what the page shows for an agency key or a court id, and the family an agency belongs to.

Records may carry names of their own (a holding's `court_name`, an agreement's provider and recipient names);
those win. Agencies the records do not name get the gazetteer's name (agencies.tsv, the file the extractors
read); anything else is shown by its id. Families come from the gazetteer's `parent` column: an agency and
every agency under the same department are one family, named after the department.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from docketflow.extractors.names import agency_name
from docketflow.extractors.records.parties import root

Record = dict[str, Any]


def _pairs(keys: Iterable[str] | None, names: object) -> list[tuple[str, str]]:
    """(key, name) pairs from a names field: a list parallel to the keys, or an object by key."""
    keys = list(keys or [])
    if isinstance(names, dict):
        return [(str(k), str(v)) for k, v in names.items() if k and v]
    if isinstance(names, list) and len(names) == len(keys):
        return [(k, str(v)) for k, v in zip(keys, names, strict=True) if k and v]
    return []


@dataclass
class Names:
    """Display names by id; `family` maps each agency key to its department's key."""

    agencies: dict[str, str] = field(default_factory=dict)
    courts: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    """What each data category key means, from the records' `data_category_labels`."""
    families: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, holdings: list[Record], agreements: list[Record], cases: list[Record] | None) -> Names:
        names = cls()
        courts: list[tuple[str, str]] = []
        agencies: list[tuple[str, str]] = []
        categories: list[tuple[str, str]] = []
        keys: set[str] = set()
        for holding in holdings:
            courts += _pairs([holding.get("court")], [holding.get("court_name")])
            agencies += _pairs(holding.get("agencies"), holding.get("agency_names"))
            keys.update(holding.get("agencies") or [])
            categories += _pairs(None, holding.get("data_category_labels"))
        for agreement in agreements:
            for role in ("providers", "recipients"):
                agencies += _pairs(agreement.get(role), agreement.get(f"{role[:-1]}_names"))
                keys.update(agreement.get(role) or [])
            categories += _pairs(None, agreement.get("data_category_labels"))
            for entry in agreement.get("history") or []:
                courts += _pairs([entry.get("court")], [entry.get("court_name")])
        for case in cases or []:
            courts += _pairs(case.get("courts"), case.get("court_names"))
            keys.update(case.get("agencies") or [])
            for decision in case.get("decisions") or []:
                courts += _pairs([decision.get("court")], [decision.get("court_name")])
        names.courts = dict(courts)
        names.categories = dict(categories)
        names.families = {k: root(k) for k in sorted(keys)}
        wanted = keys | set(names.families.values())
        names.agencies = {k: name for k in sorted(wanted) if (name := agency_name(k))}
        names.agencies.update(agencies)
        return names

    def agency(self, key: str) -> str:
        return self.agencies.get(key) or key

    def court(self, court_id: str) -> str:
        return self.courts.get(court_id) or court_id

    def family(self, key: str) -> str:
        return self.families.get(key) or root(key)

    def script_data(self) -> Record:
        """What the page's script needs: names of agencies and courts, and each agency's family."""
        return {"agencies": self.agencies, "courts": self.courts, "families": self.families,
                "categories": self.categories}
