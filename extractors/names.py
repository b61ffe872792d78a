"""Names for the ids records use, so a reader needs neither courts-db nor our pattern files to read them.

- a court id ("cand") -> courts-db's name of that court;
- an agency key ("ICE") -> its name and parent key in `patterns/agencies.tsv`;
- a data category key ("ssn") -> its meaning in `patterns/data_categories.tsv`.

`named(record)` is the one entry point for records: a copy of a holding, agreement or case with its name
fields filled (`court_name`, `agency_names`, `provider_names`, ...). Agencies the gazetteer does not list
(state agencies, slugs) take the name their documents print when the caller passes one (`found`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import TypeVar

from docketflow.extractors.data import read_tsv
from docketflow.extractors.records.parties import ancestors
from docketflow.models import Agreement, Case, Holding

R = TypeVar("R", Holding, Agreement, Case)


@cache
def _courts() -> dict[str, str]:
    import courts_db  # ~0.1 s to load its data: only when a name is asked for

    return {row["id"]: " ".join(row["name"].split()) for row in courts_db.courts if row.get("name")}


@cache
def _agencies() -> dict[str, str]:
    return {row["key"]: row["name"].strip() for row in read_tsv("agencies.tsv") if row.get("key") and row.get("name")}


@cache
def _categories() -> dict[str, str]:
    return {row["key"]: row["meaning"].strip() for row in read_tsv("data_categories.tsv")
            if row.get("key") and row.get("meaning")}


def court_name(court: str | None) -> str | None:
    """courts-db's name of a court id ("cand" -> "United States District Court for the Northern District of
    California"), or None for an unknown id."""
    return _courts().get(court) if court else None


def agency_name(key: str | None, found: Mapping[str, str] | None = None) -> str | None:
    """The gazetteer's name of an agency key, else the name its documents print (`found`), else None."""
    if not key:
        return None
    return _agencies().get(key) or (found or {}).get(key)


def agency_parent(key: str | None) -> str | None:
    """The key of the agency an agency is part of ("ICE" -> "DHS"), or None for a department or an unknown key."""
    chain = ancestors(key) if key else []
    return chain[0] if chain else None


def data_category_label(key: str | None) -> str | None:
    """The meaning of a data category key ("ssn" -> "Social Security number"), or None for an unknown key."""
    return _categories().get(key) if key else None


def court_names(courts: Iterable[str | None]) -> dict[str, str]:
    """{court id: name} for each id that has a name, in the order given."""
    return {c: n for c in courts if c and (n := court_name(c))}


def agency_names(keys: Iterable[str], found: Mapping[str, str] | None = None) -> dict[str, str]:
    """{agency key: name} for each key that has a name, in the order given."""
    return {k: n for k in keys if (n := agency_name(k, found))}


def data_category_labels(keys: Iterable[str]) -> dict[str, str]:
    """{data category key: meaning} for each key that has one, in the order given."""
    return {k: n for k in keys if (n := data_category_label(k))}


def named(record: R, found: Mapping[str, str] | None = None) -> R:
    """A copy of a holding, agreement or case with its name fields filled from its ids; `found` gives names
    of agencies the gazetteer does not list, as their documents print them."""
    if isinstance(record, Holding):
        return record.model_copy(update={
            "court_name": court_name(record.court),
            "agency_names": agency_names(record.agencies, found),
            "data_category_labels": data_category_labels([*record.data_permitted, *record.data_barred]),
        })
    if isinstance(record, Agreement):
        history = [e.model_copy(update={"court_name": court_name(e.court)}) for e in record.history]
        return record.model_copy(update={
            "provider_names": agency_names(record.providers, found),
            "recipient_names": agency_names(record.recipients, found),
            "data_category_labels": data_category_labels(record.data_categories),
            "history": history,
        })
    decisions = [d.model_copy(update={"court_name": court_name(d.court)}) for d in record.decisions]
    return record.model_copy(update={
        "court_names": court_names(record.courts),
        "agency_names": agency_names(record.agencies, found),
        "decisions": decisions,
    })
