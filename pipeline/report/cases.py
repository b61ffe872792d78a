"""The cases section: one entry per litigation, its decisions oldest first on a timeline with one column per
court (so a district order, the appeal from it and a stay application read left to right, top to bottom),
each decision with the documents that report it and the agreements it bears on.

Rendered once in Python, like the charts: every text in it (case names, dockets, judges, titles) comes from
the inputs and is escaped here; the script only hides entries the filters leave out and reveals link targets.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docketflow.pipeline.report.names import Names
from docketflow.pipeline.report.palette import effect_class
from docketflow.pipeline.report.payload import agreement_anchor, anchor, case_anchor, decision_anchor

Record = dict[str, Any]
OPEN_UP_TO = 25
"""Entries are shown open when the output has at most this many cases; beyond that they start folded."""
COURT_KINDS = ("court_order", "opinion")
NO_COURT = "court not stated"
KIND_LABELS = {"news": "news report", "federal_register_notice": "Federal Register notice", "other": "other document"}


def _human(value: str | None) -> str:
    return value.replace("_", " ") if value else ""


def _effect_badge(effect: str | None) -> str:
    return f'<span class="badge {effect_class(effect)}">{escape(effect or "effect not stated")}</span>'


def decisions_in_order(case: Record) -> list[Record]:
    """The case's decisions oldest first (as the run writes them; sorted again so a hand-edited file reads
    right too), undated ones last in their file order."""
    return sorted(case.get("decisions") or [], key=lambda d: (d.get("date") is None, d.get("date") or ""))


def _court_columns(decisions: list[Record]) -> list[str]:
    """Courts in the order the case reached them; decisions whose court is not stated share a last column."""
    courts = list(dict.fromkeys(d["court"] for d in decisions if d.get("court")))
    return courts + [NO_COURT] * any(not d.get("court") for d in decisions)


def _source_kind(doc: Record | None, own: bool) -> tuple[str, str]:
    """(label, class) of a document reporting a decision: the court's own order or opinion, another court's
    document that reports it, or a news report (from the document's `kind`)."""
    kind = (doc or {}).get("kind")
    if kind in COURT_KINDS:
        return ("court's own " + _human(kind).replace("court ", ""), "own") if own else \
            (f"{_human(kind)} reporting it", "court")
    return KIND_LABELS.get(kind or "", _human(kind) or "document not in this output"), "report"


class _Context:
    """Lookups shared by every case entry."""

    def __init__(self, holdings: list[Record], agreements: list[Record], docs: list[Record],
                 names: Names) -> None:
        self.names = names
        self.holdings = {h["id"]: h for h in holdings}
        self.agreements = {a["id"]: a for a in agreements}
        self.docs = docs
        self.doc_index = {d["id"]: i for i, d in enumerate(docs)}

    def doc_link(self, doc_id: str) -> tuple[str, Record | None]:
        i = self.doc_index.get(doc_id)
        if i is None:
            return f'<span class="missing-doc">{escape(doc_id[:12])}…</span>', None
        doc = self.docs[i]
        return f'<a href="#doc-{i}">{escape(doc.get("title") or doc.get("path") or doc_id)}</a>', doc

    def agreement_link(self, agreement_id: str) -> str:
        agreement = self.agreements.get(agreement_id)
        if agreement is None:
            return f'<span class="sub">{escape(agreement_id)} (not in this output)</span>'
        flow = (f'{self.agencies(agreement.get("providers"))}<span class="arrow">→</span>'
                f'{self.agencies(agreement.get("recipients"))}')
        what = " · ".join(x for x in (_human(agreement.get("instrument")), _human(agreement.get("status"))) if x)
        return (f'<a class="flow" href="#{escape(agreement_anchor(agreement_id))}">{flow}</a>'
                + (f' <span class="sub">{escape(what)}</span>' if what else ""))

    def agencies(self, keys: list[str] | None) -> str:
        """Agency keys, each with its name on hover."""
        return ", ".join(f'<abbr title="{escape(self.names.agency(k))}">{escape(k)}</abbr>'
                         if self.names.agency(k) != k else escape(k) for k in keys or []) or "?"

    def court(self, court: str | None) -> str:
        """A court's name (when the records give one) with its id, or that it is not stated."""
        if not court or court == NO_COURT:
            return f'<span class="sub">{NO_COURT}</span>'
        name = self.names.court(court)
        return f"{escape(name)} <code>{escape(court)}</code>" if name != court else f"<code>{escape(court)}</code>"

    def sources(self, decision: Record) -> str:
        """One line per document reporting the decision, the court's own first, with its evidence links."""
        by_doc: dict[str, list[Record]] = {}
        for holding_id in decision.get("holdings") or []:
            holding = self.holdings.get(holding_id)
            if holding is not None:
                by_doc.setdefault(holding["doc_id"], []).append(holding)
        for doc_id in decision.get("doc_ids") or []:
            by_doc.setdefault(doc_id, [])
        items = []
        for n, (doc_id, reports) in enumerate(by_doc.items()):
            link, doc = self.doc_link(doc_id)
            label, cls = _source_kind(doc, own=n == 0)
            evidence = "".join(f'<a href="#{escape(anchor(h["id"], k))}" title="{escape(ev.get("text") or "")}">'
                               f"{k + 1}</a>" for h in reports for k, ev in enumerate(h.get("evidence") or []))
            date = f' <span class="sub">{escape(doc["date"])}</span>' if doc and doc.get("date") else ""
            items.append(f'<li class="src-{cls}"><span class="src-kind">{escape(label)}</span> {link}{date}'
                         + (f' <span class="ev-links">{evidence}</span>' if evidence else "") + "</li>")
        return f'<ul class="sources">{"".join(items)}</ul>' if items else ""

    def decision(self, decision: Record, column: int, row: int) -> str:
        head = " ".join(x for x in (
            f'<b>{escape(decision.get("date") or "undated")}</b>',
            self.court(decision.get("court")),
            escape(decision.get("judge") or ""),
        ) if x)
        what = " · ".join(escape(_human(decision.get(k))) for k in ("motion", "disposition") if decision.get(k))
        bears = "".join(f"<li>{self.agreement_link(a)}</li>" for a in decision.get("agreements") or [])
        return (f'<li class="decision {effect_class(decision.get("effect"))}" '
                f'id="{escape(decision_anchor(decision["id"]))}" style="grid-column:{column};grid-row:{row}">'
                f'<div class="when">{head}</div>'
                f'<div class="what">{what or "decision"} {_effect_badge(decision.get("effect"))}</div>'
                f"{self.sources(decision)}"
                + (f'<div class="bears"><span class="sub">bears on</span><ul>{bears}</ul></div>' if bears else "")
                + "</li>")

    def case(self, case: Record, open_: bool) -> str:
        decisions = decisions_in_order(case)
        courts = _court_columns(decisions)
        extra = [c for c in case.get("courts") or [] if c not in courts]
        name = escape(case.get("name") or "Unnamed case")
        dockets = "".join(f"<code>{escape(d)}</code>" for d in case.get("dockets") or [])
        summary = (f'<span class="case-name">{name}</span><span class="dockets">{dockets}</span>'
                   f'<span class="courts">{escape(" → ".join(courts + extra))}</span>'
                   f'{_effect_badge(case.get("status"))}'
                   f'<span class="sub">{len(decisions)} decision{"s" * (len(decisions) != 1)}</span>')
        columns = f"grid-template-columns:repeat({len(courts)},minmax(0,1fr))"
        lanes = "".join(f'<div class="lane-head">{self.court(c)}</div>' for c in courts)
        items = "".join(self.decision(d, courts.index(d.get("court") or NO_COURT) + 1, row)
                        for row, d in enumerate(decisions, start=1))
        agreements = case.get("agreements") or []
        bears = ("".join(f"<li>{self.agreement_link(a)}</li>" for a in agreements) if agreements else
                 '<li class="empty">No agreement in this output bears on this case.</li>')
        agencies = ", ".join(case.get("agencies") or [])
        return (f'<details class="case" id="{escape(case_anchor(case["id"]))}" data-case="{escape(case["id"])}"'
                f'{" open" * open_}><summary>{summary}</summary>'
                + (f'<p class="sub">Agencies: {escape(agencies)}</p>' if agencies else "")
                + f'<div class="case-lanes" style="{columns}">{lanes}</div>'
                f'<ol class="case-timeline" style="{columns}">{items}</ol>'
                f'<div class="case-agreements"><h3>Agreements it bears on</h3><ul>{bears}</ul></div></details>')


def render_cases(cases: list[Record], holdings: list[Record], agreements: list[Record], docs: list[Record],
                 names: Names | None = None) -> str:
    """The body of the cases section (`docs` are the page's document entries, whose indexes the viewer opens)."""
    if not cases:
        return '<p class="empty">No cases in this output.</p>'
    context = _Context(holdings, agreements, docs, names or Names())
    open_ = len(cases) <= OPEN_UP_TO
    return f'<div class="cases">{"".join(context.case(c, open_) for c in cases)}</div>'


def cases_section(cases: list[Record] | None, holdings: list[Record], agreements: list[Record],
                  docs: list[Record], names: Names | None = None) -> str:
    """The whole section, or nothing for an output written before cases.jsonl existed."""
    if cases is None:
        return ""
    return ('<section id="cases" class="panel"><h2>Cases <span class="count" data-count="cases">'
            f"{len(cases):,}</span></h2>"
            '<p class="note">Each litigation across its courts: decisions oldest first, one column per court, '
            "each with the documents that report it (the court's own first) and the agreements it bears on.</p>"
            f"{render_cases(cases, holdings, agreements, docs, names)}</section>")
