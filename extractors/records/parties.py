"""The agency hierarchy (ICE is part of DHS, CMS of HHS), from the `parent` column of agencies.tsv.

Records name the most specific agency a document gives: "HHS/CMS" as a provider is one party, CMS.
Two mentions of the same arrangement match when their parties share a department.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from docketflow.extractors.data import read_tsv


@cache
def _parents() -> dict[str, str]:
    return {row["key"]: row["parent"] for row in read_tsv("agencies.tsv") if row.get("parent")}


def ancestors(key: str) -> list[str]:
    """Parents of an agency, nearest first (cycles in the data are cut)."""
    chain: list[str] = []
    parent = _parents().get(key)
    while parent and parent not in chain and parent != key:
        chain.append(parent)
        parent = _parents().get(parent)
    return chain


def root(key: str) -> str:
    """The top of an agency's hierarchy: the department (or the agency itself when independent)."""
    chain = ancestors(key)
    return chain[-1] if chain else key


def most_specific(keys: Iterable[str]) -> list[str]:
    """Drop every agency whose sub-agency is also named: ["HHS", "CMS"] -> ["CMS"]; order kept."""
    keys = list(dict.fromkeys(keys))
    covered = {a for k in keys for a in ancestors(k)}
    return [k for k in keys if k not in covered]


def related(a: str, b: str) -> bool:
    """Same agency, or one is part of the other."""
    return a == b or a in ancestors(b) or b in ancestors(a)


def overlap(left: Iterable[str], right: Iterable[str]) -> bool:
    """True when some agency on the left is, contains, or is part of some agency on the right."""
    right = list(right)
    return any(related(a, b) for a in left for b in right)
