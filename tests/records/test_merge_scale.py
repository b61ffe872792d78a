"""Issue 21, item 12: the export merged the descriptions of one agreement by folding each into a growing record,
rebuilding its doc ids, evidence and sources every time (quadratic: 8,000 descriptions took 42 s). Now the
group is gathered and merged once, with the same result as the fold.

The linearity is checked by counting work (hashes and comparisons of document ids), never by a clock; the
timing lives in `benchmarks/merge_scale.py`."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from docketflow.extractors.records import AgreementBook, merge
from docketflow.extractors.records.arrangement import without_subsumed
from docketflow.extractors.records.merge import (
    _INSTRUMENT_RANK,
    _STATUS_RANK,
    _best,
    _providers,
    _sources,
    agreement_id,
    merge_all,
    with_each_history,
    with_history,
)
from docketflow.extractors.records.parties import most_specific
from docketflow.models import Agreement, Evidence, HistoryEntry, SourceStatus


def _merge_pair(a: Agreement, b: Agreement) -> Agreement:
    """The definition: `merge` of two descriptions as it was written before item 12, one pair at a time."""
    evidence = {(e.doc_id, e.start, e.end): e for e in [*a.evidence, *b.evidence]}
    merged = a.model_copy(update={
        "doc_ids": sorted(set(a.doc_ids) | set(b.doc_ids)),
        "instrument": _best([a.instrument, b.instrument], _INSTRUMENT_RANK),
        "providers": _providers(a, b),
        "recipients": most_specific([*a.recipients, *b.recipients]),
        "data_categories": list(dict.fromkeys([*a.data_categories, *b.data_categories])),
        "purpose": a.purpose or b.purpose,
        "legal_basis": without_subsumed(list(dict.fromkeys([*a.legal_basis, *b.legal_basis]))),
        "signed": a.signed or b.signed,
        "effective": a.effective or b.effective,
        "expires": a.expires or b.expires,
        "status": _best([a.status, b.status], _STATUS_RANK),
        "history": [],
        "sources": _sources([*a.sources, *b.sources]),
        "evidence": [evidence[k] for k in sorted(evidence)],
    })
    return with_history(merged, [*a.history, *b.history])


_AGENCIES = [["CMS"], ["HHS"], ["ICE"], ["DHS"], ["IRS"], ["Treasury"], ["CMS", "HHS"], []]
_INSTRUMENTS = [None, "other", "memorandum_of_understanding", "computer_matching_agreement", "data_access"]
_STATUSES = [None, "in_effect", "enjoined", "limited", "proposed", "terminated"]
_EFFECTS = [None, "permitted", "barred", "limited"]
_DATES = [None, "2020-01", "2020-01-02", "2021-05-06"]
_COURTS = [None, "ca9", "dcd"]
_BASES = ["Internal Revenue Code", "26 U.S.C. § 6103", "Privacy Act", "5 U.S.C. § 552a"]


def _entry(r: random.Random) -> HistoryEntry:
    """Few holdings, dates and courts, so that entries replace each other and share a court's day."""
    return HistoryEntry(date=r.choice(_DATES), holding=f"hld-{r.randrange(6)}", court=r.choice(_COURTS),
                        effect=r.choice(_EFFECTS))


def _description(r: random.Random, documents: int) -> Agreement:
    """A random description whose evidence, sources and history collide with other descriptions' often."""
    doc = f"doc-{r.randrange(documents)}"
    other = f"doc-{r.randrange(documents)}"
    providers, recipients, instrument = r.choice(_AGENCIES), r.choice(_AGENCIES[:-1]), r.choice(_INSTRUMENTS)
    return Agreement(
        id=agreement_id(providers, recipients, instrument), doc_ids=[doc], instrument=instrument,
        providers=providers, recipients=recipients,
        data_categories=r.sample(["tax", "health", "address"], r.randrange(3)),
        purpose=r.choice([None, "other", "immigration_enforcement"]), legal_basis=r.sample(_BASES, r.randrange(3)),
        signed=r.choice(_DATES), effective=r.choice(_DATES), expires=r.choice(_DATES), status=r.choice(_STATUSES),
        history=[_entry(r) for _ in range(r.choice([0, 0, 1, 3]))],
        sources=[SourceStatus(doc_id=r.choice([doc, other]), date=r.choice(_DATES), status=r.choice(_STATUSES))
                 for _ in range(r.randrange(3))],
        evidence=[Evidence(doc_id=r.choice([doc, other]), start=r.randrange(4), end=r.randrange(4, 6),
                           text="text", supports=r.sample(["providers", "recipients", "purpose"], r.randrange(3)))
                  for _ in range(r.randrange(4))],
        confidence=0.5)


def test_merging_a_group_once_equals_folding_merge_over_it() -> None:
    for seed in range(400):
        r = random.Random(seed)
        group = [_description(r, r.choice([2, 5, 20])) for _ in range(r.choice([1, 2, 3, 10, 30]))]
        folded = group[0]
        for other in group[1:]:
            folded = _merge_pair(folded, other)
        assert merge_all(group).model_dump_json() == folded.model_dump_json(), seed


def test_history_entries_applied_at_once_equal_one_call_each() -> None:
    for seed in range(400):
        r = random.Random(seed)
        record = _description(r, 3)
        entries = [_entry(r) for _ in range(r.randrange(1, 8))]
        one_by_one = record
        for entry in entries:
            one_by_one = with_history(one_by_one, [entry])
        assert with_each_history(record, entries) == one_by_one, seed


class _CountedId(str):
    """A document id that counts how often it is hashed or compared: the merge's work on doc ids, evidence
    keys and sources, measured without a clock."""

    work = 0

    def __hash__(self) -> int:
        _CountedId.work += 1
        return str.__hash__(self)

    def __eq__(self, other: object) -> bool:
        _CountedId.work += 1
        return str.__eq__(self, other)

    def __lt__(self, other: str) -> bool:
        _CountedId.work += 1
        return str.__lt__(self, other)


def _merge_work(count: int) -> int:
    """Hashes and comparisons of document ids while merging `count` one-document descriptions of one MOU."""
    book = AgreementBook()
    for i in range(count):
        doc_id = _CountedId(f"{i:064x}")  # model_construct: validation would turn the id into a plain str
        book.add(Agreement.model_construct(
            id=agreement_id(["CMS"], ["ICE"], "memorandum_of_understanding"), doc_ids=[doc_id],
            instrument="memorandum_of_understanding", providers=["CMS"], recipients=["ICE"], data_categories=[],
            purpose=None, legal_basis=[], signed=None, effective=None, expires=None, status="in_effect",
            history=[], sources=[SourceStatus.model_construct(doc_id=doc_id, date="2025-01", status="in_effect")],
            evidence=[Evidence.model_construct(doc_id=doc_id, start=0, end=4, page=None, text="MOU",
                                               supports=["providers"])],
            confidence=0.5))
    _CountedId.work = 0
    (record,) = book.records()
    assert len(record.doc_ids) == len(record.evidence) == len(record.sources) == count
    return _CountedId.work


def test_issue_21_merge_work_grows_linearly_with_the_descriptions_of_one_agreement() -> None:
    # the fold did x4.25 per doubling (1.9 M, 8.0 M, 33.9 M); sorting once gives n log n, about x2.1
    small, double = _merge_work(1_000), _merge_work(2_000)
    assert double <= 2.5 * small, (small, double)


def _status_work(count: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """History entries that working out a status looked at, while `count` decisions of distinct days, each with
    an effect, bear on one record one at a time (as thousands of reports of one agreement's rulings do)."""
    examined = 0
    real = merge.history_status

    def counted(history: list[HistoryEntry]) -> str | None:
        nonlocal examined
        examined += len(history)
        return real(history)

    monkeypatch.setattr(merge, "history_status", counted)
    record = _description(random.Random(1), 1).model_copy(update={"history": []})
    day = date(2001, 1, 1)
    entries = [HistoryEntry(date=(day + timedelta(days=i)).isoformat(), holding=f"hld-{i:016x}", court="mad",
                            effect=["barred", "permitted", "limited"][i % 3]) for i in range(count)]
    assert with_each_history(record, entries).status == merge.EFFECT_STATUS[entries[-1].effect]
    return examined


def test_a_long_history_costs_its_length_not_its_square(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each entry used to make the status be worked out again over every entry kept: 2,000 entries, 2 M looks."""
    small, double = _status_work(1_000, monkeypatch), _status_work(2_000, monkeypatch)
    assert double <= 2.5 * small, (small, double)
    assert double <= 3 * 2_000, double
