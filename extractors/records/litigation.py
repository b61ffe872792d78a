"""Decisions and cases across documents: one act of one court on one day, however many documents report
it, and one litigation across its courts.

Holdings are placed in two steps, over every holding of the run at once (so the result does not depend on
the order documents arrived in):
1. **Decisions.** Holdings of one court and one day are reports of one decision, unless they name
   different docket numbers, or bear on different agreements with different dispositions (two acts of one
   court on one day). The court's own document is read first: its values stand, and the reports only fill
   what it leaves open (a news report never overrides the order). One report's holdings of one day are
   so many decisions; a court's own document is one. A report that names no court joins the
   one decision of its day whose judge, docket, case name or agreement it names (else reports of one
   judge on one day are one decision); a report that gives no day, the one decision (of its court, if
   it names one) it shares a judge, docket, case name or agreement with, if there is exactly one.
2. **Cases.** Decisions that share a docket number of one court (an appellate caption's "D.C. No." is the
   district court's number; a Supreme Court application names the court of appeals' number), or a case
   name, are one case. Numbers are compared in a canonical form ("3:25-cv-04127-RFL" and "25-cv-4127" are
   one number) and qualified by their court, since every district has a "25-cv-04127".

An appeal or a stay that states no effect of its own on the data sharing takes the one it leaves of the
order below (an affirmance keeps it, a stay or reversal of an injunction lets the sharing go on, an
affirmance in part of an injunction limits it), and bears on the agreements of its case.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from docketflow.extractors.court_table import is_trial_court
from docketflow.models import Case, Decision, Holding

COURT_DOCUMENTS = frozenset({"court_order", "opinion"})
"""Kinds of document whose holdings are the court's own decisions rather than reports of them."""


@dataclass(frozen=True)
class Source:
    """What the export knows of the document a holding came from."""

    kind: str | None = None
    date: str | None = None
    dockets: tuple[str, ...] = ()
    """Its DOCKET entity keys: for a court document, the numbers of its own case (lower courts' included)."""
    courts: tuple[str, ...] = ()
    """Its COURT entity keys."""


# --- Numbers and names --------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"^(?P<office>\d{1,2}\s*:\s*)?(?P<pre>(?:[a-z]{1,4}[\s.\-]*)*?)(?P<yy>\d{4}|\d{2})[\s.\-:]*"
    r"(?:(?P<type>[a-z]{1,4})\.?[\s.\-]*)?0*(?P<n>\d{1,6})(?!\d)(?:[\s\-]*\(?(?P<judge>[a-z]{2,4})(?![a-z]))?")
"""A docket number as courts print it: an office code ("3:"), letters before the year (a case type or
division: "CIV S-", "A-", "CV "), the year, a case type ("cv", "Civ.", "C", "cr", "A"), the sequence;
judges' initials after it are left out ("3:25-cv-04127-RFL", "CIV S-05-0783 ABC", "96 Civ. 6161 (XYZ)")."""
_CIVIL = frozenset({"cv", "civ", "ca", "civs", "cvs"})
"""Letters that mark a civil case (besides any single letter: "C", or a division's "A-", "S-"): one civil
number however a court prints them (and
any letters ending in "cv", a division's civil docket: "EDCV", "SACV"; "EDCR" is a criminal one, "cr")."""
_PREFIX = re.compile(r"^(?:(?:case|civil\s+action|civil|docket|appeal)\s+)?(?:nos?\.?|numbers?|#)?:?\s*", re.I)


def _parts(printed: str) -> tuple[str, str | None, str | None] | None:
    """(canonical number, level, signed form) of a printed docket number; None when it has no year and
    sequence. The signed form keeps the office code and the first judge's initials ("3:25-4127:rfl"): so
    specific that it names one case in any court, it links an opinion whose court was misread."""
    text = _PREFIX.sub("", " ".join(printed.split())).lower()
    match = _NUMBER.match(text)
    if match is None or not text[match.end("yy"):match.start("n")].strip("0"):
        return None  # no separator between year and sequence: not a docket number ("618483")
    letters = {w for w in re.split(r"[\s.\-]+", match["pre"]) if w} | ({match["type"]} if match["type"] else set())
    year, number = match["yy"][-2:], int(match["n"])
    if match["type"] == "a" and not match["pre"] and not match["office"]:
        return f"{year}a{number}", "supreme", None  # a Supreme Court application ("25A123")
    marked = sorted({"cr" if w.endswith("cr") else w for w in letters
                     if len(w) > 1 and w not in _CIVIL and not w.endswith(("cv", "civ"))})
    kind = "-".join(marked)
    level = "trial" if match["office"] or letters else None
    core = f"{year}-{kind}-{number}" if kind else f"{year}-{number}"
    office, judge = match["office"], match["judge"]
    return core, level, (f"{office.replace(' ', '')}{core}:{judge}" if office and judge else None)


def docket_core(printed: str) -> str:
    """The canonical form of a docket number: office code, civil case type and division letters, zero
    padding and judges' initials dropped; other case types kept ("cr": a criminal case is another case)."""
    parts = _parts(printed)
    return parts[0] if parts else re.sub(r"\s+", "", printed.lower())


def docket_level(printed: str) -> str | None:
    """Which level of court prints a number this way: "trial" (an office code or a case type), "supreme"
    (an application, "25A123"), or None when the form alone does not say (a bare "25-5181")."""
    parts = _parts(printed)
    return parts[1] if parts else None


def docket_signed(printed: str) -> str | None:
    """The number with its office code and judge's initials, when it carries both (see `_parts`)."""
    parts = _parts(printed)
    return parts[2] if parts else None


def court_level(court: str | None) -> str | None:
    """The level of a courts-db id: "supreme" (the Supreme Court), "trial" (`is_trial_court`: a federal
    district or bankruptcy court, a state trial court), else "appeal"; None without a court."""
    if not court:
        return None
    if court == "scotus":
        return "supreme"
    return "trial" if is_trial_court(court) else "appeal"


_NAME_WORDS = [
    (re.compile(r"\bet\s+al\.?", re.I), " "),
    (re.compile(r"\bu\.\s?s\.(?=\s|$)", re.I), "united states"),
    (re.compile(r"\bdep(?:ar)?t\.?(?:'?s)?(?=\s|$)|\bdep'?t\b", re.I), "department"),
    (re.compile(r"\bv(?:s)?\.?(?=\s)", re.I), " v "),
    (re.compile(r"\b(?:the|of|for|and|inc|llc|co|corp)\b\.?", re.I), " "),
    (re.compile(r"[^\w\s]"), " "),
]


def name_key(name: str | None) -> str | None:
    """A case name in a form two documents that name one case share ("State of Oregon, et al. v. U.S. Dep't
    of Fisheries" and "State of Oregon v. United States Department of Fisheries"); None when it is not
    a name of two sides."""
    if not name:
        return None
    text = f" {name} "
    for pattern, replacement in _NAME_WORDS:
        text = pattern.sub(replacement, text)
    words = text.lower().split()
    if "v" not in words:
        return None
    split = words.index("v")
    if not words[:split] or not words[split + 1:]:
        return None
    return " ".join(words)


# --- Decisions -------------------------------------------------------------------------------------------

class _Report:
    """A holding, with what its document says about its case."""

    def __init__(self, holding: Holding, source: Source) -> None:
        self.holding = holding
        self.source = source
        self.primary = source.kind in COURT_DOCUMENTS
        self.keys = _keys(holding, source)
        """Docket numbers of its case, each with the court it belongs to."""
        self.own_dockets = frozenset(core for where, core in self.keys if where == holding.court)
        name = name_key(holding.case_name)
        surname = holding.judge.split()[-1].lower() if holding.judge else None
        self.marks: frozenset[tuple[str | None, ...]] = frozenset(
            [("docket", *key) for key in self.keys] + ([("name", name)] if name else [])
            + ([("agreement", holding.agreement)] if holding.agreement else [])
            + ([("judge", surname)] if surname else []))
        """What it names that another report of its decision may name too: numbers, case name, agreement,
        judge's surname."""


def _keys(holding: Holding, source: Source) -> frozenset[tuple[str | None, str]]:
    """The holding's docket numbers, each tied to its court: its own court's numbers, and, in a court's own
    document, the numbers of another level of court (a district number in a court of appeals' opinion),
    tied to the courts of that level the document names; a number whose form names no level ("31-1290" in
    a Supreme Court stay) is tied to every court the document names."""
    printed = [holding.docket] if holding.docket else []
    if source.kind in COURT_DOCUMENTS:
        printed += list(source.dockets)
    mine = court_level(holding.court)
    others = [c for c in source.courts if c != holding.court]
    keys: set[tuple[str | None, str]] = set()
    for number in printed:
        core, level = docket_core(number), docket_level(number)
        if level is None:  # a bare "31-1290": this court's, or another the document names
            courts = [holding.court, *others]
        else:
            courts = [c for c in others if court_level(c) == level] if mine and level != mine else []
        keys.update((court, core) for court in courts or [holding.court])
        if signed := docket_signed(number):
            keys.add((None, signed))
    return frozenset(keys)


class _Decision:
    """The reports of one decision, with the sets `admits` and `shares` look at kept as they grow."""

    def __init__(self, report: _Report) -> None:
        self.reports = [report]
        self.first = report.holding
        self.docs = {report.holding.doc_id}
        self.own_dockets = set(report.own_dockets)
        self.marks = set(report.marks)

    def add(self, report: _Report) -> None:
        self.reports.append(report)
        self.docs.add(report.holding.doc_id)
        self.own_dockets |= report.own_dockets
        self.marks |= report.marks

    def admits(self, report: _Report) -> bool:
        """Whether `report` can be one more report of this decision: not when they name different numbers,
        nor when they bear on different agreements and one grants what the other denies. A court's own
        document is one decision however many holdings it gives; a report of two acts of one court on one
        day (two applications the Supreme Court decided together) is two."""
        if not report.primary and report.holding.doc_id in self.docs:
            return False
        if self.own_dockets and report.own_dockets and not self.own_dockets & report.own_dockets:
            return False
        first, other = self.first, report.holding
        return not (first.agreement and other.agreement and first.agreement != other.agreement
                    and _outcome(first.disposition) and _outcome(other.disposition)
                    and _outcome(first.disposition) != _outcome(other.disposition))


_OUTCOMES = {"granted": "for", "granted_in_part": "for", "stayed": "for", "modified": "for", "affirmed": "kept",
             "denied": "against", "dismissed": "against", "reversed": "undone", "vacated": "undone",
             "remanded": "undone"}
"""Dispositions that reports of one act word differently ("granted" for "granted in part") share an outcome."""


def _outcome(disposition: str | None) -> str | None:
    return _OUTCOMES.get(disposition or "")


def _best(values: Iterable[str | None]) -> str | None:
    """The value most reports give (the first of them on a tie), "other" only when nothing more specific
    is given; None when none gives one."""
    given = [v for v in values if v]
    if not given:
        return None
    counts = Counter(given)
    return max(given, key=lambda v: (v != "other", counts[v], -given.index(v)))


def _field(reports: list[_Report], name: str) -> str | None:
    """The court's own value of a field when its document gives one, else what most reports say."""
    own = _best(getattr(r.holding, name) for r in reports if r.primary)
    return own if own is not None else _best(getattr(r.holding, name) for r in reports)


def _digest(*parts: str | None) -> str:
    return hashlib.sha256("\x1f".join(p or "" for p in parts).encode()).hexdigest()[:16]


# --- The whole run ----------------------------------------------------------------------------------------

_REVERSING = {"reversed", "vacated", "stayed"}
"""Appellate dispositions that undo the order below for now."""


def _derived_effect(motion: str | None, disposition: str | None, below: str | None) -> str | None:
    """What an appeal or stay that states no effect leaves of the effect of the order below."""
    if below is None or disposition is None:
        return None
    if motion == "stay" and disposition == "granted":
        disposition = "stayed"
    if disposition in ("affirmed", "modified"):
        return below
    if disposition == "other":  # in part: affirmed in part, vacated or reversed in part
        return "limited" if below in ("barred", "limited") else None
    if disposition in _REVERSING:
        return "permitted" if below in ("barred", "limited") else None
    return None


class Litigation:
    """Every holding of a run placed in its decision and case."""

    def __init__(self, holdings: Iterable[Holding], sources: dict[str, Source]) -> None:
        reports = [_Report(h, sources.get(h.doc_id, Source())) for h in holdings]
        reports.sort(key=lambda r: (not r.primary, r.source.date or "", r.holding.doc_id, r.holding.id))
        self._decisions = self._group(reports)
        self.cases: list[Case] = self._cases()
        self._placed = {h: (d.id, case.id) for case in self.cases for d in case.decisions for h in d.holdings}

    def place(self, holding: Holding) -> Holding:
        """The holding with its `decision` and `case`, and the agreement its decision bears on when it names
        none itself and the decision bears on exactly one."""
        decision, case = self._placed.get(holding.id, (None, None))
        update: dict[str, object] = {"decision": decision, "case": case}
        if holding.agreement is None and decision is not None:
            agreements = self._decision(decision).agreements
            if len(agreements) == 1:
                update["agreement"] = agreements[0]
        return holding.model_copy(update=update)

    def decisions(self) -> list[Decision]:
        return [d for case in self.cases for d in case.decisions]

    def _decision(self, decision_id: str) -> Decision:
        return self._by_id[decision_id]

    @staticmethod
    def _group(reports: list[_Report]) -> list[_Decision]:
        by_day: dict[tuple[str, str], list[_Decision]] = defaultdict(list)
        undated: list[_Report] = []
        courtless: list[_Report] = []
        for report in reports:
            if not report.holding.decided:
                undated.append(report)
            elif not report.holding.court:
                courtless.append(report)
            else:
                by_day[(report.holding.court, report.holding.decided)].append(report)  # type: ignore[index]
        index = _Index()
        for day in by_day.values():
            decisions: list[_Decision] = []
            for report in day:
                index.join(next((d for d in decisions if d.admits(report)), None), report, decisions)
        for report in courtless:  # its day, and the judge or case it names, point at one decision
            day = index.sharing(report, [("date", report.holding.decided)], most=len(index.decisions))
            with_court = [d for d in day if d.first.court]
            if len(with_court) == 1:
                index.join(with_court[0], report)
            elif not with_court and report.holding.judge:  # reports of one judge (or case) on one day
                index.join(day[0] if day else None, report)
        for report in undated:  # the one decision (of its court, if named) it shares a case or judge with
            court = report.holding.court
            scopes: list[Scope] = [("court", court), ("court", None)] if court else [("any", None)]
            matches = index.sharing(report, scopes, most=2)
            if len(matches) == 1:
                index.join(matches[0], report)
            elif court:
                index.join(None, report)
        return index.decisions

    def _cases(self) -> list[Case]:
        built = [_build_decision(d) for d in self._decisions]
        parent = list(range(len(built)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        owner: dict[tuple[str | None, str], int] = {}
        # each group's own docket numbers with their court, kept at the group's root
        numbers = [{(r.holding.court, core) for r in decision.reports for core in r.own_dockets}
                   for decision in self._decisions]
        for i, decision in enumerate(self._decisions):
            for key in _case_keys(decision):
                a, b = find(i), find(owner.setdefault(key, i))
                if a == b or (key[1].startswith("name:") and _numbered_apart(numbers[a], numbers[b])):
                    continue  # one name, two numbers of one court: two cases ("United States v. Ellery")
                parent[a] = b
                numbers[b] |= numbers[a]
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(built)):
            groups[find(i)].append(i)
        self._by_id: dict[str, Decision] = {}
        cases = [_build_case([built[i] for i in members], [self._decisions[i] for i in members])
                 for members in groups.values()]
        for case in cases:
            self._by_id.update({d.id: d for d in case.decisions})
        return sorted(cases, key=lambda c: c.id)


def _numbered_apart(first: set[tuple[str | None, str]], second: set[tuple[str | None, str]]) -> bool:
    """Whether two groups of decisions name different docket numbers of one court, and none in common there."""
    courts = {court for court, _ in first} & {court for court, _ in second}
    return any(not {n for n in first if n[0] == court} & {n for n in second if n[0] == court} for court in courts)


Scope = tuple[str, str | None]
"""Where a decision is looked for: ("court", id), ("date", ISO date) or ("any", None)."""


class _Index:
    """Decisions, and which of them name each number, case name, agreement and judge, by court and by day:
    placing a report looks only at the decisions that could take it, so placing all of them stays linear."""

    def __init__(self) -> None:
        self.decisions: list[_Decision] = []
        self._by_mark: dict[tuple[Scope, tuple[str | None, ...]], list[_Decision]] = defaultdict(list)

    def join(self, decision: _Decision | None, report: _Report, group: list[_Decision] | None = None) -> None:
        """Add `report` to `decision`, or as a decision of its own (also listed in `group`)."""
        if decision is None:
            decision = _Decision(report)
            self.decisions.append(decision)
            if group is not None:
                group.append(decision)
            new = report.marks
        else:
            new = report.marks - decision.marks
            decision.add(report)
        scopes = [("court", decision.first.court), ("date", decision.first.decided), ("any", None)]
        for mark in new:
            for scope in scopes:
                self._by_mark[(scope, mark)].append(decision)

    def sharing(self, report: _Report, scopes: list[Scope], most: int) -> list[_Decision]:
        """Up to `most` dated decisions in `scopes` that name something the report names and can take it,
        each once, in the order they were made."""
        found: dict[int, _Decision] = {}
        for scope in scopes:
            for mark in sorted(report.marks, key=str):
                for decision in self._by_mark.get((scope, mark), ()):
                    if id(decision) not in found and decision.first.decided and decision.admits(report):
                        found[id(decision)] = decision
                        if len(found) >= most:
                            return list(found.values())
        return list(found.values())


def _case_keys(decision: _Decision) -> set[tuple[str | None, str]]:
    keys: set[tuple[str | None, str]] = set()
    for report in decision.reports:
        keys |= report.keys
        if name := name_key(report.holding.case_name):
            keys.add((None, "name:" + name))
    return keys


def _build_decision(decision: _Decision) -> Decision:
    reports = decision.reports
    first = reports[0].holding
    own = sorted(reports[0].own_dockets)
    anchor = own[0] if own else first.id
    dockets = sorted({h.docket for h in (r.holding for r in reports) if h.docket}
                     | {d for r in reports if r.primary for d in r.source.dockets})
    return Decision(
        id="dec-" + _digest(first.court, first.decided, anchor),
        court=first.court, date=first.decided, judge=_field(reports, "judge"), motion=_field(reports, "motion"),
        disposition=_field(reports, "disposition"), effect=_field(reports, "effect"), dockets=dockets,
        agreements=sorted({r.holding.agreement for r in reports if r.holding.agreement}),
        holdings=[r.holding.id for r in reports], doc_ids=list(dict.fromkeys(r.holding.doc_id for r in reports)),
        evidence=[e for r in reports for e in r.holding.evidence])


def _build_case(decisions: list[Decision], raw: list[_Decision]) -> Case:
    """The case of `decisions`: oldest first, appeals and stays given the effect they leave of the order
    below, and the agreements of the case on every decision that has an effect and names none."""
    ordered = sorted(decisions, key=lambda d: (d.date or "9999", d.id))
    agreements = sorted({a for d in ordered for a in d.agreements})
    below: Decision | None = None
    done: list[Decision] = []
    for decision in ordered:
        if decision.effect is None and below is not None and decision.court != below.court:
            effect = _derived_effect(decision.motion, decision.disposition, below.effect)
            if effect is not None:
                decision = decision.model_copy(update={"effect": effect})
        if decision.effect is not None and not decision.agreements and agreements:
            decision = decision.model_copy(update={"agreements": agreements})
        if decision.effect is not None:
            below = decision
        done.append(decision)
    holdings = [r.holding for d in raw for r in d.reports]
    primary = [r.holding for d in raw for r in d.reports if r.primary]
    name = _best(h.case_name for h in primary) or _best(h.case_name for h in holdings)
    latest = [d for d in done if d.effect and d.date]
    return Case(
        id="case-" + _digest(done[0].id), name=name,
        dockets=sorted({d for decision in done for d in decision.dockets}),
        courts=list(dict.fromkeys(d.court for d in done if d.court)),
        agencies=sorted({a for h in holdings for a in h.agencies}), agreements=agreements, decisions=done,
        status=latest[-1].effect if latest else _best(d.effect for d in done))
