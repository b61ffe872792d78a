"""One agreement record per arrangement, however many documents (or sentences) describe it.

Within a document, every description whose providers and recipients belong to the same departments (ICE
and DHS, CMS and HHS) is one arrangement: the document tells one story about those parties, and its
strongest instrument word wins. Across documents, records match on those departments and on the
instrument, so an IRS-ICE memorandum and an IRS-ICE data-access program stay apart. The id is derived
from exactly that key, so it is the same in every run and a document can name its agreements before the
merge across documents is complete.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from extractors.records.agreements import Arrangement
from extractors.records.parties import most_specific, root
from models import Agreement, Evidence

_INSTRUMENT_RANK = {"computer_matching_agreement": 6, "memorandum_of_understanding": 5, "routine_use": 4, "contract": 3,
                    "policy": 2, "data_access": 1, "other": 0}
_STATUS_RANK = {"enjoined": 4, "limited": 3, "terminated": 2, "in_effect": 1, "proposed": 0}


def parties_key(providers: Iterable[str], recipients: Iterable[str]) -> tuple[str, str]:
    """The departments on each side: what makes two descriptions in one document the same arrangement."""
    return ",".join(sorted({root(p) for p in providers})), ",".join(sorted({root(r) for r in recipients}))


def agreement_id(providers: Iterable[str], recipients: Iterable[str], instrument: str | None) -> str:
    """Stable id from the departments on each side and the instrument."""
    left, right = parties_key(providers, recipients)
    return "agr-" + hashlib.sha256(f"{left}->{right}:{instrument}".encode()).hexdigest()[:16]


def _best(values: Iterable[str | None], rank: dict[str, int]) -> str | None:
    present = [v for v in values if v]
    return max(present, key=lambda v: rank.get(v, -1)) if present else None


def _confidence(record: Agreement) -> float:
    """More fields filled, both parties named outright, more documents: more confidence."""
    filled = sum(bool(x) for x in (record.instrument, record.data_categories, record.purpose,
                                   record.legal_basis, record.signed, record.status))
    explicit = 0.1 if any("providers" in e.supports for e in record.evidence) else 0.0
    score = 0.45 + 0.07 * filled + explicit + 0.05 * min(len(record.doc_ids) - 1, 2)
    return round(min(score, 0.95), 2)


def from_arrangement(doc_id: str, arrangement: Arrangement, evidence: list[Evidence]) -> Agreement:
    """A one-sentence agreement record; its id is set once the document's descriptions are merged."""
    return Agreement(
        id="", doc_ids=[doc_id], instrument=arrangement.instrument, providers=arrangement.providers,
        recipients=arrangement.recipients, data_categories=arrangement.data_categories,
        purpose=arrangement.purpose, legal_basis=arrangement.legal_basis, signed=arrangement.signed,
        effective=arrangement.effective, expires=arrangement.expires, status=arrangement.status,
        evidence=evidence, confidence=0.5,
    )


def merge_document(records: list[Agreement]) -> list[Agreement]:
    """One record per pair of departments in a document, with its final id."""
    grouped: dict[tuple[str, str], Agreement] = {}
    for record in records:
        key = parties_key(record.providers, record.recipients)
        grouped[key] = record if key not in grouped else merge(grouped[key], record)
    return [r.model_copy(update={"id": agreement_id(r.providers, r.recipients, r.instrument)})
            for r in grouped.values()]


class AgreementBook:
    """Collects documents' agreement records and yields them merged across documents."""

    def __init__(self) -> None:
        self._records: dict[str, Agreement] = {}

    def add(self, record: Agreement) -> None:
        """Merge one document's (or an earlier run's) record in."""
        current = self._records.get(record.id)
        self._records[record.id] = record if current is None else merge(current, record)

    def records(self) -> list[Agreement]:
        """Merged records, sorted by id, with confidence from what they carry."""
        return [self._records[i].model_copy(update={"confidence": _confidence(self._records[i])})
                for i in sorted(self._records)]


def merge(a: Agreement, b: Agreement) -> Agreement:
    """Union of two descriptions of one arrangement; evidence deduplicated by (doc, offsets)."""
    evidence = {(e.doc_id, e.start, e.end): e for e in [*a.evidence, *b.evidence]}
    return a.model_copy(update={
        "doc_ids": sorted(set(a.doc_ids) | set(b.doc_ids)),
        "instrument": _best([a.instrument, b.instrument], _INSTRUMENT_RANK),
        "providers": most_specific([*a.providers, *b.providers]),
        "recipients": most_specific([*a.recipients, *b.recipients]),
        "data_categories": list(dict.fromkeys([*a.data_categories, *b.data_categories])),
        "purpose": a.purpose or b.purpose,
        "legal_basis": list(dict.fromkeys([*a.legal_basis, *b.legal_basis])),
        "signed": a.signed or b.signed,
        "status": _best([a.status, b.status], _STATUS_RANK),
        "evidence": [evidence[k] for k in sorted(evidence)],
    })
