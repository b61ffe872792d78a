"""Patterns across decisions, counted from the records: effects, the data courts let through and barred (how
often, in which courts), the data they split on, and the statutes the barring and the permitting decisions
rest on. Each count keeps the decisions it counts, so the brief lists them beside it.

A decision counts once however many agreements it bears on and however many documents report it. It bars a
data category when one of its holdings lists that category as barred, and lets it through when one lists it as
permitted; "barring decisions" are those that bar some data (or whose effect is to bar the sharing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docketflow.pipeline.brief.rulings import Ruling


@dataclass
class Tally:
    """One value (an effect, a data category, a statute) and the decisions that have it, in the brief's order."""

    value: str | None
    rulings: list[Ruling]

    @property
    def courts(self) -> list[str]:
        """The courts of those decisions, each once, as the records name them."""
        return list(dict.fromkeys(r.court_name or r.court for r in self.rulings if r.court_name or r.court))

    @property
    def unplaced(self) -> int:
        """How many of those decisions name no court."""
        return sum(1 for r in self.rulings if not (r.court_name or r.court))


def tally(rulings: Sequence[Ruling], values: Callable[[Ruling], Sequence[str | None]]) -> list[Tally]:
    """Each value the rulings have and the rulings that have it: most decisions first, then first seen."""
    found: dict[str | None, list[Ruling]] = {}
    for ruling in rulings:
        for value in dict.fromkeys(values(ruling)):
            found.setdefault(value, []).append(ruling)
    order = list(found)
    return sorted((Tally(v, rs) for v, rs in found.items()), key=lambda t: (-len(t.rulings), order.index(t.value)))


@dataclass
class Patterns:
    """What the decisions of a brief have in common, as counts with their decisions."""

    rulings: list[Ruling]
    effects: list[Tally]
    """By effect (`permitted`, `barred`, `limited`, None for a decision that states none)."""
    permitted: list[Tally]
    """By data category let through."""
    barred: list[Tally]
    """By data category barred."""
    split: list[tuple[Tally, Tally]]
    """Data categories some decisions let through and others (or the same, in part) barred."""
    barring: list[Ruling]
    barring_statutes: list[Tally]
    permitting: list[Ruling]
    permitting_statutes: list[Tally]

    @classmethod
    def of(cls, rulings: Sequence[Ruling]) -> Patterns:
        rulings = list(rulings)
        permitted = tally(rulings, lambda r: r.permitted)
        barred = tally(rulings, lambda r: r.barred)
        barred_by = {t.value: t for t in barred}
        barring = [r for r in rulings if r.bars_data]
        permitting = [r for r in rulings if r.lets_data_through]
        return cls(
            rulings=rulings,
            effects=tally(rulings, lambda r: [r.effect]),
            permitted=permitted,
            barred=barred,
            split=[(t, barred_by[t.value]) for t in permitted if t.value in barred_by],
            barring=barring,
            barring_statutes=tally(barring, lambda r: r.statutes),
            permitting=permitting,
            permitting_statutes=tally(permitting, lambda r: r.statutes),
        )
