"""What courts did about an agreement, as the records hold it: its decisions, each with the holdings that
report it, grouped by case and put in order.

A decision (cases.jsonl) has the best-supported value of each field (the court's own document first); what
data it let through or barred, the statutes it rests on and when it takes effect are fields of its holdings,
so a ruling gathers them from every holding that reports it, in the decision's order (the court's own first).
An agreement's decisions are those its `history` names, those whose `agreements` name it, and those of the
holdings linked to it; a history entry or holding without a decision stands as a ruling of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from docketflow.extractors.names import court_name
from docketflow.models import Agreement, Case, Decision, Holding
from docketflow.pipeline.brief.citations import Span, spans, supporting
from docketflow.pipeline.reader import Records

HOLDING_FIELD = {"date": "decided", "dockets": "docket"}
"""A decision's field -> the holding field it is read from, where the names differ."""


def _union(lists: Iterable[Iterable[str]]) -> list[str]:
    return list(dict.fromkeys(item for values in lists for item in values))


@dataclass
class Ruling:
    """One decision bearing on an agreement, with its holdings (the reports of it, the court's own first)."""

    id: str
    """The decision's id, or the holding's when the run placed it in no decision."""
    holdings: list[Holding]
    court: str | None = None
    court_name: str | None = None
    judge: str | None = None
    date: str | None = None
    motion: str | None = None
    disposition: str | None = None
    effect: str | None = None
    case: Case | None = None
    permitted: list[str] = field(default_factory=list)
    barred: list[str] = field(default_factory=list)
    statutes: list[str] = field(default_factory=list)
    effective: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    """What each data category key of `permitted` and `barred` means, from the holdings."""

    @classmethod
    def of(cls, decision: Decision | None, holdings: Sequence[Holding], case: Case | None) -> Ruling:
        """A decision with its holdings; or, with no decision, the one holding as it reports itself."""
        first = holdings[0]
        labels: dict[str, str] = {}
        for holding in holdings:
            labels.update({k: v for k, v in holding.data_category_labels.items() if k not in labels})
        if decision is not None:
            own = {"court": decision.court, "judge": decision.judge, "date": decision.date,
                   "motion": decision.motion, "disposition": decision.disposition, "effect": decision.effect}
            name = decision.court_name
        else:
            own = {"court": first.court, "judge": first.judge, "date": first.decided, "motion": first.motion,
                   "disposition": first.disposition, "effect": first.effect}
            name = first.court_name
        return cls(
            id=decision.id if decision is not None else first.id, holdings=list(holdings), case=case,
            court_name=name or court_name(own["court"]), **own,
            permitted=_union(h.data_permitted for h in holdings), barred=_union(h.data_barred for h in holdings),
            statutes=_union(h.statutes for h in holdings),
            effective=next((h.effective for h in holdings if h.effective), None), labels=labels,
        )

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(h.doc_id for h in self.holdings))

    def evidence(self, name: str) -> list[Span]:
        """Spans for a sentence stating the ruling's field `name`: from the holdings that give the ruling's own
        value first (an article with another date is not the evidence of this one), then the others."""
        value = getattr(self, name, None)
        holding_field = HOLDING_FIELD.get(name, name)
        agree = [h for h in self.holdings if value is not None and getattr(h, holding_field, None) == value]
        ordered = agree + [h for h in self.holdings if h not in agree]
        for holding in ordered:  # the first holding with spans of its own for the field
            own = spans(holding, [holding_field])
            if own:
                return own
        return [s for h in ordered for s in supporting(h, holding_field)]

    def data_evidence(self, side: str, category: str) -> list[Span]:
        """Spans for "it let `category` through" (side `data_permitted`) or "it barred it" (`data_barred`): from
        the holdings that list it on that side."""
        return [s for h in self.holdings if category in getattr(h, side) for s in supporting(h, side)]

    def statute_evidence(self, statute: str) -> list[Span]:
        return [s for h in self.holdings if statute in h.statutes for s in supporting(h, "statutes")]

    @property
    def bars_data(self) -> bool:
        """It barred some data: its holdings list data barred, or its effect is to bar the sharing."""
        return bool(self.barred) or self.effect == "barred"

    @property
    def lets_data_through(self) -> bool:
        """It let some data through: its holdings list data permitted, or its effect is to permit the sharing."""
        return bool(self.permitted) or self.effect == "permitted"


@dataclass
class CaseRulings:
    """The rulings of one case that bear on an agreement, oldest first; `case` is None for rulings the run
    placed in no case."""

    case: Case | None
    rulings: list[Ruling]


def _sort_key(ruling: Ruling) -> tuple[bool, str]:
    return (ruling.date is None, ruling.date or "")


class RulingIndex:
    """Index of the records' decisions and holdings, to find every ruling on an agreement."""

    def __init__(self, records: Records) -> None:
        self.holdings = {h.id: h for h in records.holdings}
        self.decisions: dict[str, tuple[Decision, Case]] = {
            d.id: (d, c) for c in records.cases for d in c.decisions}
        self.by_agreement: dict[str, list[str]] = {}
        """Agreement id -> ids of decisions (or lone holdings) bearing on it, in the order found."""
        for case in records.cases:
            for decision in case.decisions:
                for agreement in decision.agreements:
                    self.by_agreement.setdefault(agreement, []).append(decision.id)
        for holding in records.holdings:
            if holding.agreement:
                self.by_agreement.setdefault(holding.agreement, []).append(holding.decision or holding.id)
        self._rulings: dict[str, Ruling] = {}

    def ruling(self, ruling_id: str) -> Ruling | None:
        """The ruling of a decision id or a lone holding id (one object per id, however often asked for)."""
        if ruling_id not in self._rulings:
            if ruling_id in self.decisions:
                decision, case = self.decisions[ruling_id]
                holdings = [self.holdings[h] for h in decision.holdings if h in self.holdings]
                if not holdings:
                    return None
                self._rulings[ruling_id] = Ruling.of(decision, holdings, case)
            elif ruling_id in self.holdings:
                self._rulings[ruling_id] = Ruling.of(None, [self.holdings[ruling_id]], None)
            else:
                return None
        return self._rulings[ruling_id]

    def ruling_id(self, decision: str | None, holding: str) -> str:
        """The ruling a history entry names: its decision, else its holding's decision, else the holding alone."""
        if decision in self.decisions:
            return decision
        placed = self.holdings.get(holding)
        return placed.decision if placed is not None and placed.decision in self.decisions else holding

    def rulings(self, agreement: Agreement) -> list[Ruling]:
        """Every ruling bearing on the agreement, oldest first (undated last), each once."""
        ids = [self.ruling_id(e.decision, e.holding) for e in agreement.history]
        ids += self.by_agreement.get(agreement.id, [])
        found = [r for i in dict.fromkeys(ids) if (r := self.ruling(i)) is not None]
        unique = list({r.id: r for r in found}.values())
        return sorted(unique, key=_sort_key)

    @staticmethod
    def by_case(rulings: Sequence[Ruling]) -> list[CaseRulings]:
        """Rulings grouped by case, cases in the order of their first ruling, rulings oldest first in each."""
        groups: dict[str | None, CaseRulings] = {}
        for ruling in rulings:
            key = ruling.case.id if ruling.case is not None else None
            groups.setdefault(key, CaseRulings(ruling.case, [])).rulings.append(ruling)
        return list(groups.values())
