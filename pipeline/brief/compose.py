"""Compose the brief from the records: which agreements, in which order, and the sentences about each, every
one with its citations.

The brief answers the project's question for the agencies asked about: what agreements they have (who gives
what data to whom, under which instrument and legal basis, since when, standing how), how courts have
evaluated each (its cases and decisions in order, ending with where it stands), and what the decisions have in
common. Sentences come from fixed templates over the records' fields (`wording.py`); a field the records do not
hold is never stated, and where the question needs it (an agreement with no decision, a decision with no stated
effect, no legal basis, no date) the brief says plainly that the records do not establish it, citing the record
it is about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docketflow.models import Agreement
from docketflow.pipeline.brief import wording as w
from docketflow.pipeline.brief.citations import Citations, Span, spans, supporting
from docketflow.pipeline.brief.document import Block, Brief, Piece, Ref, Section, Sentence
from docketflow.pipeline.brief.patterns import Patterns, Tally
from docketflow.pipeline.brief.rulings import CaseRulings, Ruling, RulingIndex
from docketflow.pipeline.brief.scope import Scope, on_or_after
from docketflow.pipeline.reader import Records
from docketflow.pipeline.report.palette import effect_class, status_class

QUESTION = "Which data-sharing agreements involve {about}, and what have courts ruled about them?"


@dataclass
class Covered:
    """An agreement the brief covers: how it matched the scope, and its rulings inside and before `--since`."""

    agreement: Agreement
    match: str
    """"member" (it names an agency asked about, or a component) or "parent" (only a department above)."""
    rulings: list[Ruling]
    earlier: list[Ruling]
    """Rulings left out by `--since` (dated before it, or undated under it)."""
    label: str = ""

    @property
    def anchor(self) -> str:
        return self.label.lower()


def _dates(agreement: Agreement, rulings: Iterable[Ruling]) -> list[str]:
    """Every date the records give an agreement: its own, its documents', its decisions'."""
    own = [agreement.signed, agreement.effective, agreement.expires, *(s.date for s in agreement.sources)]
    return sorted(d for d in [*own, *(r.date for r in rulings)] if d)


def _the(court: str) -> str:
    return court if court.lower().startswith("the ") else f"the {court}"


def _listed(items: Sequence[Piece]) -> list[Piece]:
    """ "D1, D2 and D3" as pieces, each reference kept a link."""
    pieces: list[Piece] = []
    for i, item in enumerate(items):
        if i:
            pieces.append(" and " if i == len(items) - 1 else ", ")
        pieces.append(item)
    return pieces


class Composer:
    """Builds one brief; citations are numbered in the order sentences are made, which is reading order."""

    def __init__(self, records: Records, scope: Scope, review: str) -> None:
        self.records = records
        self.scope = scope
        self.review = review
        self.cite = Citations(records.documents)
        self.litigation = RulingIndex(records)
        self.ruling_labels: dict[str, str] = {}
        self.covered: list[Covered] = []
        self.left_out: list[Agreement] = []
        """Agreements about the agencies that `--since` leaves out."""

    # ---- what is covered ---------------------------------------------------------------------------------
    def select(self) -> None:
        """The agreements about the scope's agencies (within `--since`), in order of their first date, labelled
        A1, A2 ...; their rulings labelled D1, D2 ... in the order the brief gives them."""
        since = self.scope.since
        found = []
        for agreement in self.records.agreements:
            match = self.scope.match(agreement)
            if match is None:
                continue
            rulings = self.litigation.rulings(agreement)
            inside = [r for r in rulings if on_or_after(r.date, since)]
            if since and not inside and not any(on_or_after(d, since) for d in _dates(agreement, [])):
                self.left_out.append(agreement)
                continue
            kept = {r.id for r in inside}
            found.append(Covered(agreement, match, inside, [r for r in rulings if r.id not in kept]))
        found.sort(key=lambda c: (not _dates(c.agreement, c.rulings), (_dates(c.agreement, c.rulings) or [""])[0],
                                  c.agreement.id))
        for n, covered in enumerate(found, 1):
            covered.label = f"A{n}"
            for group in RulingIndex.by_case(covered.rulings):
                for ruling in group.rulings:
                    self.ruling_labels.setdefault(ruling.id, f"D{len(self.ruling_labels) + 1}")
        self.covered = found

    @property
    def rulings(self) -> list[Ruling]:
        """Every ruling the brief covers, once, in label order."""
        by_id = {r.id: r for c in self.covered for r in c.rulings}
        return [by_id[i] for i in self.ruling_labels]

    # ---- citations ---------------------------------------------------------------------------------------
    def _agreement_cites(self, agreement: Agreement, *fields: str, limit: int = 3) -> list[int]:
        found: list[Span] = []
        for field in fields:
            found += [s for s in supporting(agreement, field) if s not in found]
        return self.cite.of(found, agreement.doc_ids, limit)

    def _ruling_cites(self, ruling: Ruling, *fields: str, limit: int = 3) -> list[int]:
        found: list[Span] = []
        for field in fields:
            found += [s for s in ruling.evidence(field) if s not in found]
        return self.cite.of(found, ruling.doc_ids, limit)

    def _ref(self, ruling: Ruling) -> Piece:
        """A decision by its label when the brief covers it, else by its court and date."""
        label = self.ruling_labels.get(ruling.id)
        if label:
            return Ref(label, label.lower())
        court = ruling.court_name or ruling.court
        when = f" of {w.date(ruling.date)}" if ruling.date else ""
        return f"a decision of {_the(court) if court else w.court(None, None)}{when}"

    def _refs(self, rulings: Sequence[Ruling]) -> list[Piece]:
        return _listed([self._ref(r) for r in rulings])

    @staticmethod
    def _say(pieces: Sequence[Piece], cites: Sequence[int], topic: str = "") -> Sentence:
        """A sentence, its first letter capitalized; every sentence of the brief has a citation."""
        assert cites, f"a sentence without a citation: {pieces}"
        first = pieces[0] if pieces else ""
        if isinstance(first, str) and first:
            pieces = [first[0].upper() + first[1:], *pieces[1:]]
        return Sentence(list(pieces), sorted(set(cites)), topic)

    # ---- the agreements ----------------------------------------------------------------------------------
    def parties(self, covered: Covered) -> list[Sentence]:
        """Who gives what data to whom, for what; and, for an agreement matched through a parent, that it names
        the department only."""
        a = covered.agreement
        providers = w.agencies(a.providers, a.provider_names)
        recipients = w.agencies(a.recipients, a.recipient_names)
        data = w.categories(a.data_categories, a.data_category_labels)
        purpose = f" {w.PURPOSES[a.purpose]}" if a.purpose in w.PURPOSES else ""
        if a.providers and a.recipients:
            text = f"{providers} gives {recipients}"
            text += f" these data{purpose}: {data}" if data else f" data{purpose}; the records name no kind of data"
        elif a.recipients:
            text = f"{recipients} receives " + (f"these data{purpose}: {data}" if data else f"data{purpose}")
            text += "; the records do not name who gives them"
        else:
            text = f"{providers} gives " + (f"these data{purpose}: {data}" if data else f"data{purpose}")
            text += "; the records do not name who receives them"
        said = [self._say([text + "."], self._agreement_cites(a, "providers", "recipients", "data_categories"),
                          "parties")]
        if covered.match == "parent":
            named = [k for k in (*a.providers, *a.recipients) if k in self.scope.parents]
            about = w.series(list(self.scope.keys))
            said.append(self._say(
                [f"It names {w.agencies(named, {**a.provider_names, **a.recipient_names})}, which {about} is "
                 f"part of, and not {about} itself."],
                self._agreement_cites(a, "providers", "recipients"), "parent"))
        return said

    def instrument(self, a: Agreement) -> Sentence:
        """Under which instrument and legal basis."""
        if a.instrument in w.INSTRUMENTS:
            text = f"It is {w.INSTRUMENTS[a.instrument]}"
        elif a.instrument == "other":
            text = "The records class its instrument as none of the named kinds (other)"
        else:
            text = "The records do not say what kind of instrument it is"
        if a.legal_basis:
            text += f", resting on {w.statutes(a.legal_basis)}."
        else:
            text += ("; they state no legal basis for it." if not text.startswith("It is")
                     else "; the records state no legal basis for it.")
        return self._say([text], self._agreement_cites(a, "instrument", "legal_basis"), "instrument")

    def since_when(self, a: Agreement) -> Sentence:
        """Since when: its own dates, else the date of the earliest document that describes it."""
        own = [(f"was signed on {w.date(a.signed)}", "signed") if a.signed else None,
               (f"took or takes effect on {w.date(a.effective)}", "effective") if a.effective else None,
               (f"has a stated term ending on {w.date(a.expires)}", "expires") if a.expires else None]
        given = [g for g in own if g]
        if given:
            return self._say([f"It {w.series([t for t, _ in given])}."],
                             self._agreement_cites(a, *(f for _, f in given)), "dates")
        dated = sorted((s for s in a.sources if s.date), key=lambda s: s.date or "")
        if dated:
            first = dated[0]
            here = [s for s in spans(a) if s.evidence.doc_id == first.doc_id]
            return self._say([f"The records give no date of signing or taking effect; the earliest document that "
                              f"describes it is dated {w.date(first.date or '')}."],
                             self.cite.of(here, [first.doc_id], 1), "dates")
        return self._say(["The records give no date of signing or taking effect, and none of its documents is "
                          "dated."], self._agreement_cites(a, "signed", limit=1), "dates")

    def status(self, covered: Covered, opening: str) -> Sentence:
        """Where the agreement stands: its status, and the decision that set it when its latest decision did."""
        a = covered.agreement
        if a.status is None:
            return self._say([f"{opening}the records give it no status."], self._agreement_cites(a, "status"),
                             "status")
        status = w.STATUSES[a.status]
        dated = [e for e in a.history if e.date]
        latest = max(dated, key=lambda e: e.date or "") if dated else None
        ruling = self.litigation.ruling(self.litigation.ruling_id(latest.decision, latest.holding)) \
            if latest else None
        if latest and ruling and w.STATUS_OF_EFFECT.get(latest.effect or "") == a.status:
            named: list[Piece] = [self._ref(ruling)]
            if ruling.id in self.ruling_labels:  # a decision the brief does not cover is named by court and date
                named.append(f" of {w.date(latest.date or '')}")
            pieces: list[Piece] = [f"{opening}its status in the records is {status}, as its latest decision, ",
                                   *named, ", left it."]
            return self._say(pieces, self._ruling_cites(ruling, "effect", limit=2)
                             + self._agreement_cites(a, "status", limit=1), "status")
        return self._say([f"{opening}its documents give its status as {status}."],
                         self._agreement_cites(a, "status"), "status")

    def decisions_line(self, covered: Covered) -> Sentence:
        """How many decisions bear on it (or that none does)."""
        a = covered.agreement
        if not covered.rulings:
            before = " on or after the --since date" if covered.earlier else ""
            return self._say([f"No court decision bearing on it{before} is in the records, so they do not establish "
                              "how a court has evaluated it."], self._agreement_cites(a, "status", limit=2),
                             "no-decision")
        cites = [n for r in covered.rulings for n in self._ruling_cites(r, "disposition", limit=1)]
        pieces: list[Piece] = [f"{w.counted(len(covered.rulings), 'court decision')} "
                               f"{'bears' if len(covered.rulings) == 1 else 'bear'} on it: "]
        return self._say([*pieces, *self._refs(covered.rulings), "."], cites, "decisions")

    def summary(self) -> Section:
        section = Section("The agreements", "agreements")
        for covered in self.covered:
            a = covered.agreement
            sentences = [*self.parties(covered), self.instrument(a), self.since_when(a),
                         self.status(covered, "Currently, "), self.decisions_line(covered)]
            section.blocks.append(Block(sentences, "item", covered.label, covered.anchor,
                                        f"{covered.anchor}-courts", status_class(a.status)))
        return section

    # ---- the courts --------------------------------------------------------------------------------------
    def act(self, r: Ruling) -> Sentence:
        """When, which judge of which court, did what with which motion."""
        when = f"On {w.date(r.date)}, " if r.date else "On a date the records do not give, "
        court = _the(r.court_name or r.court) if (r.court_name or r.court) else None
        if r.judge and court:
            who = f"Judge {r.judge} of {court}"
        elif court:
            who = f"{court} (the records name no judge)"
        elif r.judge:
            who = f"Judge {r.judge} (the records name no court)"
        else:
            who = "a court the records do not name"
        motion = w.MOTIONS.get(r.motion or "")
        if r.disposition in w.ON_A_MOTION:
            did = f"{w.ON_A_MOTION[r.disposition]} {motion or 'the motion before it'}"
        elif r.disposition in w.ON_THE_ORDER:
            did = f"decided {motion}: {w.ON_THE_ORDER[r.disposition]}" if motion \
                else f"ruled: {w.ON_THE_ORDER[r.disposition]}"
        elif r.disposition == "other":
            did = f"decided {motion or 'the matter before it'}, with an outcome the records class as other"
        elif motion:
            did = f"decided {motion}; the records do not state the outcome"
        else:
            did = "made a decision whose motion and outcome the records do not state"
        fields = [f for f, v in (("date", r.date), ("judge", r.judge), ("court", r.court), ("motion", r.motion),
                                 ("disposition", r.disposition)) if v] or ["disposition"]
        return self._say([f"{when}{who} {did}."], self._ruling_cites(r, *fields, limit=4), "act")

    def ruling(self, r: Ruling) -> list[Sentence]:
        """The sentences of one decision: what it did, its effect, the data it let through and barred, the
        statutes it rests on, when it takes effect."""
        said = [self.act(r)]
        if r.effect:
            said.append(self._say([f"It {w.EFFECTS[r.effect]}."], self._ruling_cites(r, "effect"), "effect"))
        else:
            said.append(self._say(["The records state no effect of this decision on the sharing."],
                                  self._ruling_cites(r, "disposition", limit=2), "no-effect"))
        for side, verb, values in (("data_permitted", "let through", r.permitted), ("data_barred", "barred", r.barred)):
            if values:
                cites = [n for c in values for n in self.cite.of(r.data_evidence(side, c), r.doc_ids, 1)]
                said.append(self._say([f"It {verb} these data: {w.categories(values, r.labels)}."], cites, side))
        if not r.permitted and not r.barred:
            said.append(self._say(["The records name no data it let through or barred."],
                                  self._ruling_cites(r, "disposition", limit=1), "no-data"))
        if r.statutes:
            cites = [n for s in r.statutes for n in self.cite.of(r.statute_evidence(s), r.doc_ids, 1)]
            said.append(self._say([f"It rests on {w.statutes(r.statutes)}."], cites, "statutes"))
        else:
            said.append(self._say(["The records name no statute it rests on."],
                                  self._ruling_cites(r, "disposition", limit=1), "no-statutes"))
        if r.effective:
            said.append(self._say([f"It takes effect on {w.date(r.effective)}."], self._ruling_cites(r, "effective"),
                                  "effective"))
        return said

    def case(self, group: CaseRulings) -> Sentence:
        """The case its decisions belong to: its name and numbers, or that the records give neither."""
        n = w.counted(len(group.rulings), "decision")
        cites = [c for r in group.rulings for c in self._ruling_cites(r, "case_name", "docket", limit=1)]
        if group.case is None:
            return self._say([f"The records place {n} on it in no case."], cites, "case")
        name = group.case.name or next((h.case_name for r in group.rulings for h in r.holdings if h.case_name), None)
        numbers = f"No. {w.series(group.case.dockets)}" if group.case.dockets else None
        if name and numbers:
            text = f"The case {name} ({numbers}) holds {n} on it."
        elif name:
            text = f"The case {name}, which the records do not number, holds {n} on it."
        elif numbers:
            text = f"A case the records do not name ({numbers}) holds {n} on it."
        else:
            text = f"A case the records neither name nor number holds {n} on it."
        return self._say([text], cites, "case")

    def evaluation(self, covered: Covered, anchored: set[str]) -> Section:
        a = covered.agreement
        title = f"{covered.label} · {w.series(a.providers) or '?'} → {w.series(a.recipients) or '?'}"
        section = Section(title, f"{covered.anchor}-courts")
        opening = [self.decisions_line(covered)]
        if covered.earlier:
            cites = [n for r in covered.earlier for n in self._ruling_cites(r, "date", limit=1)]
            opening.append(self._say([f"{w.counted(len(covered.earlier), 'earlier decision')} on it "
                                      f"{'is' if len(covered.earlier) == 1 else 'are'} left out by --since: ",
                                      *self._refs(covered.earlier), "."], cites, "earlier"))
        section.blocks.append(Block(opening))
        for group in RulingIndex.by_case(covered.rulings):
            section.blocks.append(Block([self.case(group)]))
            for r in group.rulings:
                label = self.ruling_labels[r.id]
                anchor = label.lower() if label not in anchored else None
                anchored.add(label)
                section.blocks.append(Block(self.ruling(r), "item", label, anchor, tone=effect_class(r.effect)))
        section.blocks.append(Block([self.status(covered, "Where it stands now: ")]))
        return section

    def courts(self) -> Section:
        section = Section("How courts have evaluated them", "courts")
        anchored: set[str] = set()
        section.subsections = [self.evaluation(c, anchored) for c in self.covered]
        return section

    # ---- the patterns ------------------------------------------------------------------------------------
    def _courts_phrase(self, t: Tally) -> str:
        """ "in 2 courts (the A and the B)", and how many of the decisions name no court."""
        courts = [_the(c) for c in t.courts]
        text = f" in {w.counted(len(courts), 'court')} ({w.series(courts)})" if courts else ""
        if t.unplaced:
            rest = f"{w.counted(t.unplaced, 'decision')} whose court the records do not name"
            text = f"{text} and in {rest}" if text else f" in {rest}"
        return text

    def _tally_cites(self, t: Tally, side: str | None = None) -> list[int]:
        """One span per decision of a tally, supporting the value it is counted under."""
        cites: list[int] = []
        for r in t.rulings:
            if side in ("data_permitted", "data_barred"):
                found = r.data_evidence(side, t.value or "")
            elif side == "statutes":
                found = r.statute_evidence(t.value or "")
            else:
                found = r.evidence("effect")
            cites += self.cite.of(found, r.doc_ids, 1)
        return cites

    def _counted_in(self, k: int, of: Sequence[object], noun: str, singular: str, plural: str) -> str:
        """ "2 of the 3 decisions rest", or "the one decision rests" when there is one."""
        if len(of) == 1:
            return f"the one {noun} {singular}"
        return f"{k} of the {len(of)} {noun}s {singular if k == 1 else plural}"

    def _item(self, pieces: Sequence[Piece], cites: Sequence[int], topic: str) -> Block:
        return Block([self._say(pieces, cites, topic)], "item")

    def _data_blocks(self, tallies: Sequence[Tally], side: str, verb: str, labels: dict[str, str]) -> list[Block]:
        """One entry per set of decisions: the data categories they (and only they) let through, or barred."""
        groups: dict[tuple[str, ...], list[Tally]] = {}
        for t in tallies:
            groups.setdefault(tuple(r.id for r in t.rulings), []).append(t)
        blocks = []
        for same in groups.values():
            first = same[0]
            what = w.categories([t.value or "" for t in same], labels)
            cites = [n for t in same for n in self._tally_cites(t, side)]
            courts = self._courts_phrase(first)
            blocks.append(self._item(
                [f"Courts {verb} these data in {w.counted(len(first.rulings), 'decision')} (",
                 *self._refs(first.rulings), f"){',' if courts else ''}{courts}: {what}."], cites,
                f"{side}:{','.join(t.value or '' for t in same)}"))
        return blocks

    def patterns(self) -> Section:
        """Counts across the covered decisions, each with the decisions it counts."""
        section = Section("Patterns across the decisions", "patterns")
        rulings = self.rulings
        if not rulings:
            cites = [n for c in self.covered for n in self._agreement_cites(c.agreement, "status", limit=1)]
            section.blocks.append(Block([self._say(
                ["No court decision bearing on these agreements is in the records, so they show no pattern."],
                cites or [self.cite.registry(len(self.records.agreements))], "no-pattern")]))
            return section
        p = Patterns.of(rulings)
        effects = []
        for t in p.effects:
            if t.value:
                did = w.EFFECTS[t.value]
                head = self._counted_in(len(t.rulings), rulings, "decision", did, did)
            else:
                head = self._counted_in(len(t.rulings), rulings, "decision", "states", "state") + \
                    " no effect on the sharing"
            effects.append(self._item([f"{head}: ", *self._refs(t.rulings), "."], self._tally_cites(t),
                                      f"effect:{t.value}"))
        section.subsections.append(Section("What the decisions did", "patterns-effects", effects))
        labels = {k: v for r in rulings for k, v in r.labels.items()}
        for title, anchor, side, verb, tallies in (
                ("Data courts let through", "patterns-permitted", "data_permitted", "let through", p.permitted),
                ("Data courts barred", "patterns-barred", "data_barred", "barred", p.barred)):
            blocks = self._data_blocks(tallies, side, verb, labels)
            if not tallies:
                cites = [n for r in rulings for n in self._ruling_cites(r, "disposition", limit=1)]
                head = "the one decision names" if len(rulings) == 1 else f"none of the {len(rulings)} decisions names"
                blocks = [self._item([f"{head} no data it {verb}."], cites, f"{side}:none")]
            section.subsections.append(Section(title, anchor, blocks))
        if p.split:
            blocks = [self._item([f"Courts split on {w.category(let.value or '', labels)}: let through in ",
                                  *self._refs(let.rulings), ", barred in ", *self._refs(bar.rulings), "."],
                                 self._tally_cites(let, "data_permitted") + self._tally_cites(bar, "data_barred"),
                                 f"split:{let.value}") for let, bar in p.split]
            section.subsections.append(Section("Data courts split on", "patterns-split", blocks))
        for title, anchor, group, tallies, kind in (
                ("Statutes of the decisions that barred data", "patterns-barring", p.barring, p.barring_statutes,
                 "barred some data"),
                ("Statutes of the decisions that let data through", "patterns-permitting", p.permitting,
                 p.permitting_statutes, "let some data through")):
            if not group:
                continue
            noun = f"decision that {kind}" if len(group) == 1 else "decision"
            of = "" if len(group) == 1 else f"of the {len(group)} decisions that {kind}, "
            blocks = []
            for t in tallies:
                head = f"the one {noun} rests" if len(group) == 1 else \
                    f"{of}{len(t.rulings)} {'rests' if len(t.rulings) == 1 else 'rest'}"
                blocks.append(self._item([f"{head} on {w.statute(t.value or '')}: ", *self._refs(t.rulings), "."],
                                         self._tally_cites(t, "statutes"), f"{anchor}:{t.value}"))
            bare = [r for r in group if not r.statutes]
            if bare:
                cites = [n for r in bare for n in self._ruling_cites(r, "disposition", limit=1)]
                head = f"the one {noun} names" if len(group) == 1 else \
                    f"{of}{len(bare)} name{'s' if len(bare) == 1 else ''}"
                blocks.append(self._item([f"{head} no statute: ", *self._refs(bare), "."], cites, f"{anchor}:none"))
            section.subsections.append(Section(title, anchor, blocks))
        section.subsections.append(Section("What the records do not establish", "gaps", self.gaps()))
        return section

    def gaps(self) -> list[Block]:
        """Agreements no decision bears on, and decisions with no date or no stated effect."""
        blocks = []
        bare = [c for c in self.covered if not c.rulings]
        if bare:
            head = self._counted_in(len(bare), self.covered, "agreement", "has", "have")
            cites = [n for c in bare for n in self._agreement_cites(c.agreement, "status", limit=1)]
            blocks.append(self._item([f"{head} no court decision in the records: ", *self._agreement_refs(bare), "."],
                                     cites, "gap:no-decision"))
        for attr, singular, plural in (("effect", "states no effect on the sharing", "state no effect on the sharing"),
                                       ("date", "has no date", "have no date")):
            missing = [r for r in self.rulings if getattr(r, attr) is None]
            if missing:
                cites = [n for r in missing for n in self._ruling_cites(r, "disposition", limit=1)]
                head = self._counted_in(len(missing), self.rulings, "decision", singular, plural)
                blocks.append(self._item([f"{head}: ", *self._refs(missing), "."], cites, f"gap:no-{attr}"))
        if not blocks:
            cites = [n for c in self.covered for n in self._agreement_cites(c.agreement, "status", limit=1)]
            blocks.append(Block([self._say(
                ["Every agreement here has a decision in the records, and every decision a date and a stated "
                 "effect."], cites, "gap:none")]))
        return blocks

    # ---- the whole -----------------------------------------------------------------------------------------
    def about(self) -> str:
        return w.agencies(list(self.scope.keys))

    def _them(self) -> str:
        return "it" if len(self.scope.keys) == 1 else "them"

    def nothing(self) -> Sentence:
        """The sentence for no agreement at all: it cites the registry it looked in."""
        since = f" dated on or after {w.date(self.scope.since)}" if self.scope.since else ""
        return self._say([f"The records hold no agreement{since} that involves {self.about()} or a component of "
                          f"{self._them()}."], [self.cite.registry(len(self.records.agreements))], "nothing")

    def scope_section(self) -> Section:
        section = Section("What the records hold", "scope")
        if not self.covered:
            section.blocks.append(Block([self.nothing()]))
            return section
        cites = [n for c in self.covered for n in self._agreement_cites(c.agreement, "providers", "recipients",
                                                                          limit=1)]
        n = len(self.covered)
        said = [self._say([f"The records hold {w.counted(n, 'agreement')} that involve{'s' if n == 1 else ''} "
                           f"{self.about()} or a component of {self._them()}, as provider or recipient: ",
                           *self._agreement_refs(self.covered), "."], cites, "count")]
        parent = [c for c in self.covered if c.match == "parent"]
        if parent:
            cites = [n for c in parent for n in self._agreement_cites(c.agreement, "providers", "recipients", limit=1)]
            above = w.agencies(sorted(self.scope.parents))
            said.append(self._say([f"{len(parent)} of them name{'s' if len(parent) == 1 else ''} only {above}, "
                                   f"which {w.series(list(self.scope.keys))} is part of: ",
                                   *self._agreement_refs(parent), "."], cites, "parents"))
        rulings = self.rulings
        if rulings:
            cases = {r.case.id if r.case else r.id for r in rulings}
            cites = [n for r in rulings for n in self._ruling_cites(r, "disposition", limit=1)]
            said.append(self._say([f"Courts made {w.counted(len(rulings), 'decision')} bearing on them, in "
                                   f"{w.counted(len(cases), 'case')}: ", *self._refs(rulings), "."], cites, "rulings"))
        else:
            cites = [n for c in self.covered for n in self._agreement_cites(c.agreement, "status", limit=1)]
            said.append(self._say(["No court decision bearing on them is in the records."], cites, "rulings"))
        if self.left_out:
            cites = [n for a in self.left_out for n in self._agreement_cites(a, "providers", "recipients", limit=1)]
            said.append(self._say([f"{w.counted(len(self.left_out), 'agreement')} about "
                                   f"{w.series(list(self.scope.keys))} with no date on or after "
                                   f"{w.date(self.scope.since or '')} {'is' if len(self.left_out) == 1 else 'are'} "
                                   "left out by --since."], cites, "left-out"))
        section.blocks.append(Block(said))
        return section

    @staticmethod
    def _agreement_refs(covered: Sequence[Covered]) -> list[Piece]:
        return _listed([Ref(c.label, c.anchor) for c in covered])

    def header(self) -> list[tuple[str, str]]:
        run = self.records.run
        components = sorted(self.scope.members - set(self.scope.keys))
        lines = [("Question", QUESTION.format(about=w.series(list(self.scope.keys)))),
                 ("Records", f"{self.records.out} (run finished {run.get('finished') or 'at an unrecorded time'})"),
                 ("About", self.about() + (f", with its components {w.series(components)}" if components else ""))]
        if self.scope.parents:
            lines.append(("Also", f"agreements naming only {w.series(sorted(self.scope.parents))}, marked as such"))
        lines.append(("Since", f"{w.date(self.scope.since)}: decisions and agreements dated before it are left out"
                      if self.scope.since else "no date limit"))
        lines.append(("Method", "written from the records alone, by templates and counts (no model, nothing "
                      "fetched); each sentence cites the evidence it rests on"))
        return lines

    def compose(self) -> Brief:
        self.select()
        about = w.series(list(self.scope.keys))
        sections = [self.scope_section(), self.summary(), self.courts(), self.patterns()] if self.covered \
            else [self.scope_section(), self.patterns()]
        return Brief(
            title=f"Data-sharing agreements with {about} and how courts have evaluated them",
            header=self.header(), sections=sections, citations=list(self.cite.listed), review=self.review,
            agreements=[c.agreement.id for c in self.covered], decisions=list(self.ruling_labels))


def compose(records: Records, scope: Scope, review: str = "report.html") -> Brief:
    """The brief of `records` for `scope`; `review` is the review page's path relative to the brief's files."""
    return Composer(records, scope, review).compose()

