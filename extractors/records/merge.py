"""One agreement record per arrangement, however many documents (or sentences) describe it, with its history.

Within a document, every description whose providers and recipients belong to the same departments (ICE
and DHS, CMS and HHS) is one arrangement: the document tells one story about those parties, and its
strongest instrument word wins. Across documents, descriptions join on those departments and on the
instrument when both name one (a bare "agreement", instrument `other`, names none); a description that
names no instrument joins the record of the same parties when exactly one exists (an article about "the
sharing" of Medicaid data with ICE is about the one CMS-ICE arrangement on record), and stays a record of
its own when there are several to choose from.

A merged record names each side as most of its documents name it (seven articles about "the Treasury" and
one about "the IRS" make a Treasury record; on a tie the most specific name stays), and a provider a
document only inferred from the data it mentions never narrows one another document names.

Ids derive from the departments on each side and the record's instrument, so the same documents give the
same ids in every run, whether they came in one run or several. A document names its agreements by the
id it computed alone; `AgreementBook.final_id` maps that to the merged record's id at export.

`history` lists the decisions that bear on an agreement (the holdings linked to it), oldest first, one per
court and date; `status` follows the latest dated one (an appellate stay after a district court injunction
puts the arrangement back in effect; a reversal restores what the lower court stopped). Without decisions,
it is what the documents say of the arrangement itself, the strongest statement winning.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from docketflow.extractors.records.arrangement import Arrangement, without_subsumed
from docketflow.extractors.records.named_data import named_data
from docketflow.extractors.records.parties import most_specific, overlap, related, root
from docketflow.models import Agreement, Decision, Evidence, HistoryEntry, Holding, SourceStatus

_INSTRUMENT_RANK = {"computer_matching_agreement": 6, "memorandum_of_understanding": 5, "routine_use": 4,
                    "contract": 3, "policy": 2, "data_access": 1, "other": 0}
_STATUS_RANK = {"enjoined": 4, "limited": 3, "terminated": 2, "in_effect": 1, "proposed": 0}
EFFECT_STATUS = {"barred": "enjoined", "limited": "limited", "permitted": "in_effect"}


def parties_key(providers: Iterable[str], recipients: Iterable[str]) -> tuple[str, str]:
    """The departments on each side: what makes two descriptions the same arrangement."""
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
    """One record per pair of departments in a document, with its final id; a description naming no
    provider ("DOGE staff accessing the agency's systems") joins the only record going to its recipients,
    and adds nothing when there are several (it is about one of them, which one it does not say)."""
    grouped: dict[tuple[str, str], list[Agreement]] = {}
    for record in sorted(records, key=lambda r: not r.providers):
        key = parties_key(record.providers, record.recipients)
        if not record.providers:
            same = [k for k in grouped if k[1] == key[1] and k[0]]
            if len(same) > 1:
                continue
            key = same[0] if same else key
        grouped.setdefault(key, []).append(record)
    return [_with_id(merge_all(group)) for group in grouped.values()]


def _with_id(record: Agreement, specific: bool = False) -> Agreement:
    """The record with its id: from its departments, or from its own agencies when sibling agencies of one
    department hold separate arrangements (the Mint's and the IRS's programs with one recipient)."""
    if specific:
        key = f"{','.join(sorted(record.providers))}->{','.join(sorted(record.recipients))}:{record.instrument}"
        return record.model_copy(update={"id": "agr-" + hashlib.sha256(key.encode()).hexdigest()[:16]})
    return record.model_copy(update={"id": agreement_id(record.providers, record.recipients, record.instrument)})


def _compatible(left: list[str], right: list[str]) -> bool:
    """Two sides name the same parties: each agency of one is, contains or is part of one of the other's
    (an empty side says nothing)."""
    if not left or not right:
        return True
    return all(any(related(a, b) for b in right) for a in left) and all(any(related(b, a) for a in left)
                                                                          for b in right)


_NOTICED = frozenset({"computer_matching_agreement", "routine_use"})
"""Instruments a Federal Register notice announces for the exact agencies it names: the VA's program and its
health administration's program are two programs."""


def _sibling_clusters(descriptions: list[Agreement]) -> list[list[Agreement]]:
    """Descriptions of one pair of departments, split where they name different agencies of a department on
    the same side (CMS and the child-support office are both HHS, yet two parties): an agency and its parent
    are one party, two sibling agencies are not. A description naming only the department joins the first."""
    clusters: list[tuple[list[Agreement], list[str], list[str], bool]] = []
    for record in descriptions:
        for i, (members, providers, recipients, noticed) in enumerate(clusters):
            if record.instrument in _NOTICED or noticed:
                same = sorted(record.providers) == sorted(providers) and sorted(record.recipients) == sorted(recipients)
                if not same:
                    continue  # a notice's program is between the agencies it names, not their departments
            if _compatible(record.providers, providers) and _compatible(record.recipients, recipients):
                members.append(record)  # in place: copying the members for each one is quadratic
                clusters[i] = (members, most_specific([*providers, *record.providers]),
                               most_specific([*recipients, *record.recipients]),
                               noticed or record.instrument in _NOTICED)
                break
        else:
            clusters.append(([record], list(record.providers), list(record.recipients),
                             record.instrument in _NOTICED))
    return [members for members, _, _, _ in clusters]


def history_entry(holding: Holding) -> HistoryEntry:
    """What a linked holding adds to its agreement's history."""
    return HistoryEntry(date=holding.decided, holding=holding.id, court=holding.court, effect=holding.effect)


def with_history(record: Agreement, entries: Iterable[HistoryEntry]) -> Agreement:
    """The record with `entries` added to its history (oldest first, one per holding and per court and
    date) and its status following the latest decision."""
    by_holding = {e.holding: e for e in [*record.history, *entries]}
    ordered = sorted(by_holding.values(), key=lambda e: (e.date or "", e.holding))
    history: list[HistoryEntry] = []
    seen: set[tuple[str, str]] = set()
    for entry in ordered:
        decision = (entry.date or "", entry.court or "")
        if entry.date and entry.court and decision in seen:
            continue  # two reports of one court's decision of one day
        seen.add(decision)
        history.append(entry)
    update: dict[str, object] = {"history": history}
    if any(e.effect for e in history):
        update["status"] = history_status(history)
    return record.model_copy(update=update)


def history_status(history: list[HistoryEntry]) -> str | None:
    """The status a history (oldest first) leaves: the latest dated decision's effect, else the strongest."""
    dated = [e for e in history if e.date and e.effect]
    if dated:
        return EFFECT_STATUS[dated[-1].effect]  # type: ignore[index]
    return _best([EFFECT_STATUS[e.effect] for e in history if e.effect], _STATUS_RANK)


def with_decisions(records: list[Agreement], decisions: list[Decision]) -> list[Agreement]:
    """The records with their history rebuilt from the decisions that bear on them, one entry per decision
    (named by its first holding: the court's own, when the run has it), and their status following the
    latest; a record no decision with an effect bears on keeps the status its documents give. Entries of
    holdings no decision holds (a report that names no court) stay as they are."""
    bearing: dict[str, list[HistoryEntry]] = defaultdict(list)
    placed = {h for decision in decisions for h in decision.holdings}
    for decision in decisions:
        entry = HistoryEntry(date=decision.date, holding=decision.holdings[0], decision=decision.id,
                             court=decision.court, effect=decision.effect)
        for agreement in decision.agreements:
            bearing[agreement].append(entry)
    out = []
    for record in records:
        history = sorted([*bearing.get(record.id, []), *(e for e in record.history if e.holding not in placed)],
                         key=lambda e: (e.date or "", e.decision or "", e.holding))
        update: dict[str, object] = {"history": history}
        if any(e.effect for e in history):
            update["status"] = history_status(history)
        out.append(record.model_copy(update=update))
    return out


class AgreementBook:
    """Collects documents' agreement records (and holdings) and yields them merged across documents."""

    def __init__(self) -> None:
        self._descriptions: list[Agreement] = []
        self._holdings: list[Holding] = []
        self._merged: tuple[list[Agreement], dict[str, str], dict[str, str]] | None = None

    def add(self, record: Agreement) -> None:
        """One document's (or an earlier run's) record."""
        self._descriptions.append(record)
        self._merged = None

    def add_holding(self, holding: Holding) -> None:
        """A holding, so that a decision reported in one document can bear on an agreement described in
        another: an unlinked holding whose agencies include both sides of exactly one record joins its history."""
        self._holdings.append(holding)
        self._merged = None

    def records(self) -> list[Agreement]:
        """Merged records, sorted by id, with confidence from what they carry."""
        return self._resolve()[0]

    def final_id(self, document_id: str) -> str:
        """The merged record's id for an id a document computed alone."""
        return self._resolve()[1].get(document_id, document_id)

    def holding_agreement(self, holding: Holding) -> str | None:
        """The merged record a holding bears on."""
        if holding.agreement:
            return self.final_id(holding.agreement)
        return self._resolve()[2].get(holding.id)

    def _resolve(self) -> tuple[list[Agreement], dict[str, str], dict[str, str]]:
        if self._merged is None:
            self._merged = self._merge()
        return self._merged

    def _merge(self) -> tuple[list[Agreement], dict[str, str], dict[str, str]]:
        by_parties: dict[tuple[str, str], list[Agreement]] = defaultdict(list)
        for record in sorted(self._descriptions, key=lambda r: (r.id, r.doc_ids)):
            by_parties[parties_key(record.providers, record.recipients)].append(record)
        merged: list[tuple[Agreement, list[str], bool]] = []
        for descriptions in by_parties.values():
            clusters = _sibling_clusters(descriptions)
            for cluster in clusters:
                merged += [(record, sources, len(clusters) > 1) for record, sources in _merge_parties(cluster)]
        ids: dict[str, str] = {}
        by_id: dict[str, list[Agreement]] = {}
        for record, sources, split in merged:
            final = _with_id(record, specific=split)
            by_id.setdefault(final.id, []).append(final)
            ids.update({source: final.id for source in sources})
        records = {i: merge_all(group) for i, group in by_id.items()}
        links = self._link_across(list(records.values()))
        decisions: dict[str, list[HistoryEntry]] = defaultdict(list)
        for holding in self._holdings:
            target = ids.get(holding.agreement, holding.agreement) if holding.agreement else links.get(holding.id)
            if target in records and holding.effect:
                decisions[target].append(history_entry(holding))
        for target, entries in decisions.items():
            records[target] = with_each_history(records[target], entries)
        out = [_named_data(records[i]).model_copy(update={"confidence": _confidence(records[i])})
               for i in sorted(records)]
        return out, ids, links

    def _link_across(self, records: list[Agreement]) -> dict[str, str]:
        """Holding id -> record id for unlinked decisions that name both sides of exactly one record."""
        links = {}
        for holding in self._holdings:
            if holding.agreement or not holding.effect:
                continue
            hits = [r.id for r in records if overlap(holding.agencies, r.providers)
                    and overlap(holding.agencies, r.recipients)]
            if len(hits) == 1:
                links[holding.id] = hits[0]
        return links


def _named_data(agreement: Agreement) -> Agreement:
    """A record no vocabulary key describes gets the data as its sentences name it ("voter roll
    information"), and that sentence supports its data categories."""
    if agreement.data_categories:
        return agreement
    for i, item in enumerate(agreement.evidence):
        if phrase := named_data(item.text):
            evidence = list(agreement.evidence)
            evidence[i] = item.model_copy(update={"supports": sorted({*item.supports, "data_categories"})})
            return agreement.model_copy(update={"data_categories": [phrase], "evidence": evidence})
    return agreement


def _merge_parties(descriptions: list[Agreement]) -> list[tuple[Agreement, list[str]]]:
    """Records of one pair of departments: one per instrument, and those naming none (or only a generic
    "agreement", which fits any instrument) joined to the only record that names one (or kept together when
    no description names one, apart when several do)."""
    by_instrument: dict[str | None, list[Agreement]] = defaultdict(list)
    for record in descriptions:
        by_instrument[record.instrument].append(record)
    unnamed = [*by_instrument.pop(None, []), *by_instrument.pop("other", [])]
    if unnamed and len(by_instrument) == 1:
        next(iter(by_instrument.values())).extend(unnamed)
    elif unnamed:
        by_instrument[None] = unnamed
    out = []
    for group in by_instrument.values():
        out.append((_as_most_name_them(merge_all(group), group), [r.id for r in group]))
    return out


def _as_most_name_them(record: Agreement, group: list[Agreement]) -> Agreement:
    """Each side named as most of the documents name it: seven articles about "the Treasury" and one about "the
    IRS" make a Treasury record (a single narrower mention does not override the others); on a tie, the most
    specific name stays."""
    update = {}
    for side, voters in (("providers", [d for d in group if _names_providers(d)]), ("recipients", group)):
        ranked = Counter(tuple(getattr(d, side)) for d in voters if getattr(d, side)).most_common(2)
        if len(ranked) == 2 and ranked[0][1] > ranked[1][1]:
            update[side] = list(ranked[0][0])
    return record.model_copy(update=update) if update else record


def _names_providers(record: Agreement) -> bool:
    """True when some sentence names the record's providers outright (not inferred from the data they hold)."""
    return any("providers" in e.supports for e in record.evidence)


def _providers(a: Agreement, b: Agreement) -> list[str]:
    """The providers of two descriptions joined: an inferred provider never narrows a named one ("the
    Treasury" stays Treasury when another article only guessed the IRS from the tax data it mentions)."""
    named_a, named_b = _names_providers(a), _names_providers(b)
    if named_a != named_b:
        return list((a if named_a else b).providers)
    return most_specific([*a.providers, *b.providers])


def _sources(sources: list[SourceStatus]) -> list[SourceStatus]:
    """One entry per document (its first), oldest first."""
    by_doc: dict[str, SourceStatus] = {}
    for source in sources:
        by_doc.setdefault(source.doc_id, source)
    return sorted(by_doc.values(), key=lambda s: (s.date or "", s.doc_id))


def merge(a: Agreement, b: Agreement) -> Agreement:
    """Union of two descriptions of one arrangement; evidence deduplicated by (doc, offsets)."""
    return merge_all([a, b])


def merge_all(descriptions: list[Agreement]) -> Agreement:
    """The descriptions merged in order, exactly as folding `merge` over them would (the first one alone is
    returned as it is), in time linear in what they hold: each field is gathered across the group and the
    record built once, where a fold would rebuild the growing doc ids, evidence and sources at every step."""
    first, *others = descriptions
    if not others:
        return first
    merged = _Merged(first)
    for other in others:
        merged.add(other)
    return merged.build()


def with_each_history(record: Agreement, entries: list[HistoryEntry]) -> Agreement:
    """`with_history` applied once per entry, in order (each holding that bears on the record in turn), in
    time linear in the entries."""
    history = _History(record.history, record.status)
    for entry in entries:
        history.add([entry])
    return record.model_copy(update={"history": history.entries(), "status": history.status()})


class _History:
    """A record's history and status as successive `with_history` calls leave them, each call costing its own
    entries: kept entries by holding, and the holding kept for each court and date (the first in date and
    holding order, so the smallest holding id of that day)."""

    def __init__(self, raw: list[HistoryEntry], status: str | None) -> None:
        self._raw: list[HistoryEntry] | None = list(raw)  # as the record holds it, until the first call
        self._kept: dict[str, HistoryEntry] = {}
        self._decisions: dict[tuple[str, str], str] = {}
        self._effects = 0
        self._status = status
        self._from_history = False  # the status is the one the kept entries give

    def add(self, entries: list[HistoryEntry], *, merging: Agreement | None = None) -> None:
        """One `with_history` call: its entries replace those of the same holding, then one per court and date,
        and the status follows them when any has an effect. With `merging`, the call `merge` makes: the status
        is otherwise the stronger of the record's and the merged description's."""
        if self._from_history and entries and self._effects_at_risk(entries) >= self._effects:
            self._status, self._from_history = self._history_status(), False  # before entries may go
        if self._raw is not None:
            incoming = {e.holding: e for e in [*self._raw, *entries]}
            self._raw = None
        else:
            incoming = {e.holding: e for e in entries}
            for holding in incoming:
                if holding in self._kept:
                    self._drop(holding)
        for entry in incoming.values():
            self._insert(entry)
        if self._effects:
            self._from_history = True
        elif merging is not None:  # no effect kept: the status is not from the entries, nor was it before
            self._status = _best([self._status, merging.status], _STATUS_RANK)

    def status(self) -> str | None:
        return self._history_status() if self._from_history else self._status

    def _effects_at_risk(self, entries: list[HistoryEntry]) -> int:
        """Kept entries with an effect that `entries` could replace (the same holding, or the same court and
        date). While fewer than all, some effect stays after the call and the status keeps following the
        entries: the status they gave before the call is never needed, and is not worked out (over every entry
        kept, once per call, which made a record that thousands of documents report cost their square)."""
        at_risk = set()
        for entry in entries:
            if entry.holding in self._kept:
                at_risk.add(entry.holding)
            if entry.date and entry.court and (holder := self._decisions.get((entry.date, entry.court))):
                at_risk.add(holder)
        return sum(bool(self._kept[holding].effect) for holding in at_risk)

    def entries(self) -> list[HistoryEntry]:
        """Oldest first (ties by holding id)."""
        if self._raw is not None:
            return self._raw
        return sorted(self._kept.values(), key=lambda e: (e.date or "", e.holding))

    def _history_status(self) -> str | None:
        return history_status(self.entries())

    def _insert(self, entry: HistoryEntry) -> None:
        if entry.date and entry.court:
            decision = (entry.date, entry.court)
            holder = self._decisions.get(decision)
            if holder is not None:
                if holder < entry.holding:
                    return  # two reports of one court's decision of one day
                self._drop(holder)
            self._decisions[decision] = entry.holding
        self._kept[entry.holding] = entry
        self._effects += bool(entry.effect)

    def _drop(self, holding: str) -> None:
        entry = self._kept.pop(holding)
        self._effects -= bool(entry.effect)
        if entry.date and entry.court and self._decisions.get((entry.date, entry.court)) == holding:
            del self._decisions[(entry.date, entry.court)]


class _Merged:
    """The record `merge` folds together, one description at a time, holding each field in the form that lets
    the next description cost only its own size (doc ids in a set, evidence in a dict, sorted once at the end)."""

    def __init__(self, first: Agreement) -> None:
        self._first = first
        self._doc_ids = set(first.doc_ids)
        self._instrument = first.instrument
        self._providers = list(first.providers)
        self._named = _names_providers(first)
        self._recipients = list(first.recipients)
        self._data_categories = dict.fromkeys(first.data_categories)
        self._purpose, self._legal_basis = first.purpose, list(first.legal_basis)
        self._signed, self._effective, self._expires = first.signed, first.effective, first.expires
        self._history = _History(first.history, first.status)
        self._sources: dict[str, SourceStatus] = {}
        for source in first.sources:
            self._sources.setdefault(source.doc_id, source)
        self._evidence: dict[tuple[str, int, int], Evidence] = {}
        self._naming = 0  # evidence items that name the providers outright
        self._add_evidence(first.evidence)

    def add(self, other: Agreement) -> None:
        """`merge(record so far, other)`."""
        named_other = _names_providers(other)
        if self._named != named_other:
            self._providers = list(self._providers if self._named else other.providers)
        else:
            self._providers = most_specific([*self._providers, *other.providers])
        self._doc_ids.update(other.doc_ids)
        self._instrument = _best([self._instrument, other.instrument], _INSTRUMENT_RANK)
        self._recipients = most_specific([*self._recipients, *other.recipients])
        self._data_categories.update(dict.fromkeys(other.data_categories))
        self._purpose = self._purpose or other.purpose
        self._legal_basis = without_subsumed(list(dict.fromkeys([*self._legal_basis, *other.legal_basis])))
        self._signed = self._signed or other.signed
        self._effective = self._effective or other.effective
        self._expires = self._expires or other.expires
        self._history.add(list(other.history), merging=other)
        for source in other.sources:
            self._sources.setdefault(source.doc_id, source)
        self._add_evidence(other.evidence)
        self._named = self._naming > 0

    def build(self) -> Agreement:
        return self._first.model_copy(update={
            "doc_ids": sorted(self._doc_ids),
            "instrument": self._instrument,
            "providers": self._providers,
            "recipients": self._recipients,
            "data_categories": list(self._data_categories),
            "purpose": self._purpose,
            "legal_basis": self._legal_basis,
            "signed": self._signed,
            "effective": self._effective,
            "expires": self._expires,
            "status": self._history.status(),
            "history": self._history.entries(),
            "sources": sorted(self._sources.values(), key=lambda s: (s.date or "", s.doc_id)),
            "evidence": [self._evidence[k] for k in sorted(self._evidence)],
        })

    def _add_evidence(self, evidence: list[Evidence]) -> None:
        for item in evidence:
            key = (item.doc_id, item.start, item.end)
            if (old := self._evidence.get(key)) is not None:
                self._naming -= "providers" in old.supports
            self._evidence[key] = item
            self._naming += "providers" in item.supports
