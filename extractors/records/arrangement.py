"""An agreement as one document describes it, and the rule that keeps its legal basis precise.

Apart from `agreements` (which reads sentences, and so loads spaCy) because merging records across documents
needs these two and nothing else of it: the process that publishes a run merges without loading spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from docketflow.extractors.data import read_jsonl


@dataclass
class Arrangement:
    """An agreement as one document describes it, before merging across documents."""

    providers: list[str]
    recipients: list[str]
    instrument: str | None = None
    data_categories: list[str] = field(default_factory=list)
    purpose: str | None = None
    legal_basis: list[str] = field(default_factory=list)
    signed: str | None = None
    status: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    inferred_provider: bool = False
    effective: str | None = None
    expires: str | None = None
    named: bool = True
    """False when no word names the instrument: a reported transfer (`other`) or an access verb (`data_access`)."""
    holds: bool = False
    """"The Labor Department has access to wage and bank data", naming no one else: perhaps only what it holds."""


@cache
def _title_codes() -> dict[str, str]:
    """Act -> the U.S.C. title that codifies it as a whole (the Internal Revenue Code: 26)."""
    return {row["key"]: row["title_code"] for row in read_jsonl("acts.jsonl") if row.get("title_code")}


def without_subsumed(keys: list[str]) -> list[str]:
    """Drop a code named as a whole when one of its sections is cited ("Internal Revenue Code" beside
    "26 U.S.C. § 6103"): the section is the more precise basis."""
    titles = {k.split(" U.S.C.")[0] for k in keys if " U.S.C. §" in k}
    return [k for k in keys if _title_codes().get(k) not in titles]
