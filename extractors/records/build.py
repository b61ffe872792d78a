"""Build a document's holdings and its agreement descriptions from its entities and sentences."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from docketflow.extractors.court_table import is_trial_court
from docketflow.extractors.dates import own_date
from docketflow.extractors.records import court_meta
from docketflow.extractors.records.access import access_arrangements
from docketflow.extractors.records.agreements import (
    anaphoric_arrangement,
    back_references,
    default_purpose,
    held_data,
    legal_basis,
    sentence_arrangements,
    signer_arrangements,
)
from docketflow.extractors.records.appeals import AppealReading, appeal_reading
from docketflow.extractors.records.arrangement import Arrangement, without_subsumed
from docketflow.extractors.records.cues import first_label
from docketflow.extractors.records.data_split import drop_containers, effect_of, reported_effect, split_categories
from docketflow.extractors.records.decisions import Decision, court_decisions, without_pleading_numbers
from docketflow.extractors.records.evidence import EvidenceSet
from docketflow.extractors.records.fedreg import notice_agreements
from docketflow.extractors.records.merge import from_arrangement, history_entry, merge_document, with_history
from docketflow.extractors.records.news_events import Decision as NewsDecision
from docketflow.extractors.records.news_events import news_decisions
from docketflow.extractors.records.parties import most_specific, overlap
from docketflow.extractors.records.sentences import Sentences
from docketflow.extractors.records.view import DocView
from docketflow.extractors.structure import parts
from docketflow.models import Agreement, Holding, Part, SourceStatus
from spacy.tokens import Doc

_SHARING = re.compile(r"\b(?:shar(?:e|es|ed|ing)|disclos(?:e|ed|ure)|transfers?|data|records|files|addresses|"
                      r"(?<!freedom of )information|deal|memorand(?:um|a)|MOU|data-sharing)\b", re.I)
"""Words that make a decision one about data ("freedom of information" requests are about public records; an
agencies' deal or memorandum is the sharing itself)."""
_ACCESS = re.compile(r"\b(?:access(?:ing)?|systems?|databases?)\b", re.I)
"""A reported decision about reaching an agency's systems ("blocked DOGE's access") is about data too."""
_CUE_CONFIDENCE = {"item": 0.9, "decretal": 0.9, "closing": 0.85, "body": 0.8, "side": 0.75, "title": 0.7,
                   "news": 0.65, "caption": 0.5}


@dataclass
class DocumentRecords:
    """Holdings of one document and its agreement records (merged across documents later)."""

    holdings: list[Holding] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    structure: list[Part] | None = None
    """A court document's parts (caption, header, author line, body, decision, ...), for `documents.jsonl`."""


def _holding_id(doc_id: str, index: int, motion: str | None, disposition: str | None) -> str:
    return "hld-" + hashlib.sha256(f"{doc_id}:{index}:{motion}:{disposition}".encode()).hexdigest()[:16]


def _confidence(cue: str, fields: list[object]) -> float:
    filled = sum(value is not None and value != [] for value in fields)
    return round(_CUE_CONFIDENCE[cue] * (0.6 + 0.4 * filled / len(fields)), 2)


@dataclass
class _Draft:
    """Fields of a holding while they are gathered, with the evidence behind each."""

    evidence: EvidenceSet
    court: str | None = None
    judge: str | None = None
    decided: str | None = None
    docket: str | None = None
    motion: str | None = None
    disposition: str | None = None
    effective: str | None = None
    permitted: list[str] = field(default_factory=list)
    barred: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    statutes: list[str] = field(default_factory=list)
    verbs: str = ""
    polarity: str | None = None
    """What a reported decision does to the sharing, read from the court's act (news)."""
    appeal: str | None = None
    """What an appellate decision does to the sharing, read from the order below and the disposition of it."""

    def read(self, view: DocView, sentences: list[tuple[int, int]], side: str | None = None) -> None:
        """Collect data categories (split by polarity), agencies and statutes from supporting sentences; with
        `side` ('permitted' or 'barred'), every category of those sentences on that side."""
        for start, end in sentences:
            cats = [(m.start, m.key) for m in view.within("DATA_CATEGORY", start, end)]
            permitted, barred = split_categories(view.text[start:end], start, cats)
            if side:
                permitted, barred = ([], permitted + barred) if side == "barred" else (permitted + barred, [])
            self.permitted += permitted
            self.barred += barred
            agencies = view.keys("AGENCY", start, end)
            statutes = view.keys("STATUTE", start, end)
            self.agencies += agencies
            self.statutes += statutes
            fields = ["data_permitted"] * bool(permitted) + ["data_barred"] * bool(barred)
            fields += ["agencies"] * bool(agencies) + ["statutes"] * bool(statutes)
            self.evidence.add(start, end, *fields)

    def holding(self, view: DocView, index: int, cue: str, case_name: str | None,
                own: list[tuple[int, int]] | None = None) -> Holding:
        """The holding; `own` are the sentences that report the decision itself, the only ones whose "only"
        or "narrowly" limits what it lets through (default: every supporting sentence)."""
        # a category said to be both let through and barred goes with the side that says it more often
        # (ties to permitted: the decision's own list of what may be shared is the most explicit text)
        permitted = drop_containers(k for k in self.permitted if self.permitted.count(k) >= self.barred.count(k))
        barred = drop_containers(k for k in self.barred if self.barred.count(k) > self.permitted.count(k))
        text = " ".join(view.text[s.start:s.end] for s in self.evidence.records())
        about_data = permitted or barred or _SHARING.search(text) or (self.polarity and _ACCESS.search(text))
        if self.appeal and about_data:
            effect = self.appeal
        elif self.polarity and about_data:
            limiting = text if own is None else " ".join(view.text[s:e] for s, e in own)
            effect, permitted, barred = reported_effect(self.polarity, permitted, barred, limiting)
        else:
            effect = effect_of(permitted, barred, text, self.verbs) if about_data else None
        return Holding(
            id=_holding_id(view.doc_id, index, self.motion, self.disposition), doc_id=view.doc_id,
            court=self.court, judge=self.judge, case_name=case_name, docket=self.docket, decided=self.decided,
            motion=self.motion, disposition=self.disposition, effect=effect,
            agencies=list(dict.fromkeys(self.agencies)), data_permitted=permitted, data_barred=barred,
            statutes=list(dict.fromkeys(self.statutes)), effective=self.effective,
            evidence=self.evidence.records(),
            confidence=_confidence(cue, [self.court, self.judge, self.decided, self.disposition,
                                         self.docket if cue != "news" else effect]),
        )


_DECRETAL = re.compile(r"\bORDERED\b|\benjoined\b|\bshall\b|\bmay\s+(?:not\s+|continue\s+to\s+)?(?:share|disclose|"
                       r"provide|transfer|use)\b|\bprohibited\b|\bbarred\b", re.I)


def _decretal_followers(view: DocView, decision: Decision, starts: set[int]) -> list[tuple[int, int]]:
    """Sentences that spell out what a decision orders: the next few in its paragraph that say "enjoined",
    "may share", "shall" ..., up to the next decision or a blank line."""
    followers = []
    index = view.sentences.index_at(decision.start) + 1
    previous_end = decision.end
    for start, end in view.sentences.bounds[index: index + 4]:
        if start in starts or "\n\n" in view.text[previous_end:start].replace(" ", ""):
            break
        if _DECRETAL.search(view.text[start:end]):
            followers.append((start, end))
        previous_end = end
    return followers


def _court_holdings(view: DocView, doc: Doc, kind: str, source_date: str | None) -> list[Holding]:
    structure = view.structure
    court = court_meta.caption_court(view)
    text = without_pleading_numbers(view.text)
    sentences = view.sentences if text is view.text else Sentences(text)
    trial = is_trial_court(court.value)
    decisions = court_decisions(text, sentences, structure, kind, trial)
    if not decisions:
        # an opinion or order always decides something, even when no rule reads what: the holding still says
        # where, when, who and in which case
        title = (structure.title.start, structure.title.end) if structure.title else None
        start, end = structure.author_line or title or (0, min(structure.caption_end, 400))
        decisions = [Decision(None, None, start, end, "caption", "")]
    meta = {"court": court, "judge": court_meta.author_judge(view, kind),
            "decided": court_meta.decided(view, own_date(doc), source_date), "docket": court_meta.caption_docket(view)}
    name = court_meta.case_name(view)
    holdings = []
    starts = {d.start for d in decisions}
    for index, decision in enumerate(decisions):
        draft = _Draft(EvidenceSet(view.doc_id, view.text, view.page_of), motion=decision.motion,
                       disposition=decision.disposition, verbs=view.text[decision.start:decision.end],
                       **{key: read.value for key, read in meta.items()})
        for part, read in meta.items():
            if read.value and read.span:
                draft.evidence.add(*read.span, part)
        if decision.disposition:
            draft.evidence.add(decision.start, decision.end, "motion", "disposition")
        draft.read(view, [(decision.start, decision.end), *_decretal_followers(view, decision, starts)])
        if court.value and not trial:
            _read_appeal(draft, view, appeal_reading(view, decision, structure.body_start, structure.majority_end))
        holdings.append(draft.holding(view, index, decision.cue, name))
    return holdings


def _read_appeal(draft: _Draft, view: DocView, reading: AppealReading | None) -> None:
    """An appellate decision's effect, and the agencies, statutes and data of the sentences it was read from: the
    one saying what is appealed (the order below is the decision's subject) and the majority's own sentences
    that uphold or undo that order for some data. Only for an order about data (as `_Draft.holding` tells one):
    an appeal about a lease sale or a fee schedule keeps the general reading."""
    if reading is None or not (any(p or b for p, b in reading.sides.values())
                               or any(_SHARING.search(view.text, s, e) for s, e in reading.lower.spans)):
        return
    draft.appeal = reading.effect
    for (start, end), (permitted, barred) in reading.sides.items():
        agencies = view.keys("AGENCY", start, end)
        statutes = view.keys("STATUTE", start, end)
        draft.permitted += permitted
        draft.barred += barred
        draft.agencies += agencies
        draft.statutes += statutes
        fields = ["data_permitted"] * bool(permitted) + ["data_barred"] * bool(barred)
        fields += ["agencies"] * bool(agencies) + ["statutes"] * bool(statutes)
        fields += ["effect"] * ((start, end) == (reading.lower.start, reading.lower.end))
        draft.evidence.add(start, end, *fields)


def _news_holding(view: DocView, index: int, decision: NewsDecision) -> Holding:
    draft = _Draft(EvidenceSet(view.doc_id, view.text, view.page_of), court=decision.court, judge=decision.judge,
                   decided=decision.decided, docket=decision.docket, motion=decision.motion,
                   disposition=decision.disposition, effective=decision.effective, verbs=" ".join(decision.verbs),
                   polarity=decision.polarity)
    fields = ["motion", "disposition"] + [f for f in ("judge", "court", "decided", "docket", "effective")
                                          if getattr(decision, f)]
    for start, end in decision.sentences:
        draft.evidence.add(start, end, *fields)
    draft.read(view, decision.sentences)
    # a sentence after the report of a decision that stops the sharing names what it stops, even in the verbs of
    # the conduct ("by disclosing addresses"); one after a decision that lets it through may still name what
    # stays protected, so it is read clause by clause
    draft.read(view, decision.support, "barred" if decision.polarity == "barred" else None)
    return draft.holding(view, index, "news", None, decision.sentences)


def _agreements(view: DocView) -> list[Agreement]:
    """Every sentence's arrangements, then what sentences naming no direction add to them (two signers, a
    back-reference to "the memorandum"), merged into one record per pair of departments."""
    found: list[Arrangement] = []
    previous: list[str] = []
    for start, end in view.sentences:
        found += [*sentence_arrangements(view, start, end), *access_arrangements(view, start, end),
                  *anaphoric_arrangement(view, start, end, previous)]
        previous = most_specific(view.keys("AGENCY", start, end)) or previous
    found += signer_arrangements(view, found)
    found += back_references(view, found)
    records = []
    for arrangement in held_data(found):
        evidence = EvidenceSet(view.doc_id, view.text, view.page_of)
        evidence.add(*arrangement.sentences[0], "recipients",
                     *[f for f, v in (("providers", arrangement.providers and not arrangement.inferred_provider),
                                      ("instrument", arrangement.instrument),
                                      ("data_categories", arrangement.data_categories),
                                      ("legal_basis", arrangement.legal_basis),
                                      ("signed", arrangement.signed), ("status", arrangement.status)) if v])
        records.append(from_arrangement(view.doc_id, arrangement, evidence.records()))
    # a purpose some sentence states wins over the default, whichever sentence comes first
    merged = [r if r.purpose else r.model_copy(update={"purpose": default_purpose(view, r.recipients)})
              for r in merge_document(records)]
    return _legal_basis(view, merged)


def _legal_basis(view: DocView, agreements: list[Agreement]) -> list[Agreement]:
    """Statutes cited in sentences about an agreement's instrument ("the memorandum of understanding
    violates 26 U.S.C. § 6103(i)(2)") that name one of its providers, or no agency at all. In a document
    describing a single agreement, any instrument word refers to it ("the statute, read as written, lets the
    bureau send what the Memorandum lists")."""
    out = []
    for agreement in agreements:
        basis = list(agreement.legal_basis)
        for start, end in view.sentences if agreement.instrument else []:
            sentence = view.text[start:end]
            agencies = view.keys("AGENCY", start, end)
            label = first_label("instrument", sentence)
            if ((label == agreement.instrument or (label and len(agreements) == 1))
                    and (not agencies or overlap(agencies, agreement.providers))):
                basis += legal_basis(view, start, end)
        out.append(agreement.model_copy(update={"legal_basis": without_subsumed(list(dict.fromkeys(basis)))}))
    return out


def _link(holdings: list[Holding], agreements: list[Agreement]) -> tuple[list[Holding], list[Agreement]]:
    """Point each holding at the agreement whose parties it names (or the agreements going to a recipient it
    names, when it names none of their providers: "the appeals court let DOGE keep its access" bears on each
    of the document's arrangements with DOGE); the agreement then carries what the decision let through and,
    when it let something through, no longer the data it barred, and the decision joins its history (which
    sets its status). A holding points at the first agreement it bears on."""
    linked = []
    for holding in holdings:
        to_recipient = [a for a in agreements if overlap(holding.agencies, a.recipients)]
        named = [a for a in to_recipient if overlap(holding.agencies, a.providers)]
        first = None
        for i, agreement in enumerate(agreements):
            if agreement not in (named or to_recipient):
                continue
            first = first or agreement.id
            holding = holding.model_copy(update={"agreement": first})
            update: dict[str, object] = {}
            if holding.data_permitted:
                shared = [*agreement.data_categories, *holding.data_permitted]
                update["data_categories"] = drop_containers(k for k in shared if k not in holding.data_barred)
            agreements[i] = agreement.model_copy(update=update)
            if holding.effect:
                agreements[i] = with_history(agreements[i], [history_entry(holding)])
        linked.append(holding)
    return linked, agreements


def build_records(doc: Doc, doc_id: str, kind: str, source_date: str | None = None) -> DocumentRecords:
    """Holdings (court documents: decretal language; news and other: reported rulings) and agreements
    (Federal Register notices: the matching program or routine uses they announce, and no holdings)."""
    view = DocView(doc, doc_id, kind)
    dated = view.anchor.isoformat() if view.anchor else source_date
    if kind == "federal_register_notice":
        return DocumentRecords([], _as_reported(merge_document(notice_agreements(view)), doc_id, dated))
    structure = None
    if kind in ("court_order", "opinion"):
        holdings = _court_holdings(view, doc, kind, source_date)
        decided_at = next((e.start for h in holdings for e in h.evidence if "disposition" in e.supports), None)
        structure = parts(view.structure, view.text, decided_at)
    else:
        holdings = [_news_holding(view, i, d) for i, d in enumerate(news_decisions(view))]
    holdings, agreements = _link(holdings, _agreements(view))
    return DocumentRecords(holdings, _as_reported(agreements, doc_id, dated), structure=structure)


def _as_reported(agreements: list[Agreement], doc_id: str, dated: str | None) -> list[Agreement]:
    """Each description keeps, in `sources`, the status its own document gives as of its date: the merged
    record's status follows the latest decision across documents, and a reader still sees what was said when."""
    day = dated[:10] if dated and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", dated[:10]) else None
    return [a.model_copy(update={"sources": [SourceStatus(doc_id=doc_id, date=day, status=a.status)]})
            for a in agreements]
