"""A made-up output folder with cases (schema_version 3), written record by record through the models so it
stays valid as they change: no pipeline run, so the page's tests do not depend on what the extractors find.

One case runs across two courts: a preliminary injunction from a district court (its own order, reported by two
news articles), a later district order modifying it, and the appeal from it; it bears on one agreement,
whose history names two of those decisions. A second case, with a hostile name, bears on no agreement.
All names, numbers, judges and dates are made up in the form of the real thing.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from docketflow.models.agreement import Agreement, HistoryEntry
from docketflow.models.case import Case, Decision
from docketflow.models.common import Evidence
from docketflow.models.document import Document, Source
from docketflow.models.holding import Holding
from docketflow.pipeline.output import TEXTS_FILE

HOSTILE = "<script>alert('case')</script> Tenants v. Agency"
TEXTS = {
    "pi-order.txt": ("court_order", "Order granting in part preliminary injunction", "2031-03-03",
                     "The motion for a preliminary injunction is GRANTED IN PART. The Social Security "
                     "Administration shall not share earnings records with ICE."),
    "article-one.txt": ("news", "Judge limits sharing of earnings records", "2031-03-04",
                        "A federal judge in Baltimore on Monday partly blocked the agency from sharing "
                        "earnings records with immigration officers."),
    "article-two.txt": ("news", "Court curbs data deal", "2031-03-06",
                        "Judge Jane Q. Roe granted in part a preliminary injunction last week."),
    "modify-order.txt": ("court_order", "Order modifying preliminary injunction", "2031-05-20",
                         "The preliminary injunction is MODIFIED: addresses may be shared."),
    "appeal-opinion.txt": ("opinion", "Opinion on appeal", "2031-09-01",
                           "We AFFIRM the district court's order granting a preliminary injunction in part."),
    "dismissal.txt": ("court_order", "Order on motion to dismiss", "2031-02-01",
                      "The motion to dismiss is GRANTED for lack of standing."),
}
DISTRICT, APPEAL, DOCKET, APPEAL_DOCKET = "mdd", "ca4", "8:31-cv-00123-JQR", "31-1456"


def doc_id(name: str) -> str:
    return hashlib.sha256(TEXTS[name][3].encode()).hexdigest()


def _evidence(name: str, phrase: str) -> Evidence:
    text = TEXTS[name][3]
    start = text.index(phrase)
    return Evidence(doc_id=doc_id(name), start=start, end=start + len(phrase), text=phrase)


@dataclass
class Folder:
    """What was written, for the tests to check the page against."""

    path: Path
    documents: list[Document] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    """Texts by path (of `build_many`'s documents)."""

    def doc_index(self, name: str) -> int:
        return [d.source.path for d in self.documents].index(name)


def _holding(hid: str, name: str, phrase: str, decision: str | None, case: str | None, **fields: object) -> Holding:
    return Holding(id=hid, doc_id=doc_id(name), evidence=[_evidence(name, phrase)], decision=decision, case=case,
                   confidence=0.8, **fields)


def build(path: Path, with_cases: bool = True) -> Folder:
    """Write the folder at `path`; `with_cases=False` leaves out cases.jsonl, as an older run would."""
    folder = Folder(path)
    pi = {"court": DISTRICT, "judge": "Jane Q. Roe", "case_name": "Doe v. Social Security Administration",
          "docket": DOCKET, "decided": "2031-03-03", "motion": "preliminary_injunction",
          "disposition": "granted_in_part", "effect": "limited", "agencies": ["SSA", "ICE"], "agreement": "agr-1"}
    folder.holdings = [
        _holding("hld-pi", "pi-order.txt", "GRANTED IN PART", "dec-pi", "case-doe", **pi),
        _holding("hld-art1", "article-one.txt", "partly blocked", "dec-pi", "case-doe", **pi),
        _holding("hld-art2", "article-two.txt", "granted in part", "dec-pi", "case-doe", **pi),
        _holding("hld-mod", "modify-order.txt", "MODIFIED", "dec-mod", "case-doe",
                 **{**pi, "decided": "2031-05-20", "motion": "other", "disposition": "modified",
                    "effect": "permitted", "data_permitted": ["address"]}),
        _holding("hld-app", "appeal-opinion.txt", "We AFFIRM", "dec-app", "case-doe",
                 **{**pi, "court": APPEAL, "judge": "Rosa M. Quill", "docket": APPEAL_DOCKET, "decided": "2031-09-01",
                    "motion": "appeal", "disposition": "affirmed"}),
        _holding("hld-dis", "dismissal.txt", "GRANTED for lack of standing", "dec-dis", "case-tenants",
                 court="dcd", judge="Hollis T. Brandt", case_name=HOSTILE, docket="1:31-cv-00999",
                 decided="2031-02-01", motion="motion_to_dismiss", disposition="granted", agencies=["DHS"]),
    ]
    folder.agreements = [
        Agreement(id="agr-1", doc_ids=[doc_id("pi-order.txt"), doc_id("article-one.txt")],
                  instrument="memorandum_of_understanding", providers=["SSA"], recipients=["ICE"],
                  data_categories=["earnings", "address"], status="limited", confidence=0.7, history=[
                      HistoryEntry(date="2031-03-03", holding="hld-pi", decision="dec-pi", court=DISTRICT,
                                   effect="limited"),
                      HistoryEntry(date="2031-09-01", holding="hld-app", decision="dec-app", court=APPEAL,
                                   effect="limited"),
                  ]),
        Agreement(id="agr-2", doc_ids=[doc_id("article-two.txt")], providers=["IRS"], recipients=["ICE"],
                  status="in_effect", confidence=0.6),
    ]
    by_id = {h.id: h for h in folder.holdings}

    def decision(did: str, *hids: str, agreements: tuple[str, ...] = ("agr-1",)) -> Decision:
        first = by_id[hids[0]]
        return Decision(id=did, court=first.court, judge=first.judge, date=first.decided, motion=first.motion,
                        disposition=first.disposition, effect=first.effect, dockets=[first.docket or ""],
                        agreements=list(agreements), holdings=list(hids), doc_ids=[by_id[h].doc_id for h in hids])

    folder.cases = [
        Case(id="case-doe", name="Doe v. Social Security Administration", dockets=[DOCKET, APPEAL_DOCKET],
             courts=[DISTRICT, APPEAL], agencies=["SSA", "ICE"], agreements=["agr-1"], status="limited",
             decisions=[decision("dec-pi", "hld-pi", "hld-art1", "hld-art2"), decision("dec-mod", "hld-mod"),
                        decision("dec-app", "hld-app")]),
        Case(id="case-tenants", name=HOSTILE, dockets=["1:31-cv-00999"], courts=["dcd"], agencies=["DHS"],
             decisions=[decision("dec-dis", "hld-dis", agreements=())]),
    ]
    for name, (kind, title, published, text) in TEXTS.items():
        did = doc_id(name)
        folder.documents.append(Document(
            doc_id=did, source=Source(path=name, media_type="text/plain", title=title, published=published),
            kind=kind, text_chars=len(text), holdings=[h.id for h in folder.holdings if h.doc_id == did],
            agreements=[a.id for a in folder.agreements if did in a.doc_ids]))

    path.mkdir(parents=True, exist_ok=True)
    files = {"documents": folder.documents, "holdings": folder.holdings, "agreements": folder.agreements,
             "errors": [], **({"cases": folder.cases} if with_cases else {})}
    for stem, records in files.items():
        (path / f"{stem}.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    with gzip.open(path / TEXTS_FILE, "wt", encoding="utf-8") as fh:
        for name, (*_, text) in TEXTS.items():
            fh.write(json.dumps({"doc_id": doc_id(name), "text": text}) + "\n")
    (path / "run.json").write_text(json.dumps({"input_roots": ["made-up"], "versions": {}}), encoding="utf-8")
    return folder


# ---- a larger output, for the page at scale -------------------------------------------------------------------
# Agencies from the gazetteer in several families (CMS, OCSS and ACF under HHS; IRS under TREASURY; ICE, CBP and
# USCIS under DHS; FBI under DOJ), one the gazetteer does not know (a long state slug), sharing within a family
# (CBP -> ICE) and an agency that both gives and receives (ICE -> FBI, SSA -> ICE).
MANY_FLOWS = [
    (["CMS"], ["ICE"]), (["OCSS", "ACF"], ["ICE"]), (["IRS"], ["ICE"]), (["SSA"], ["ICE", "CBP"]),
    (["CBP"], ["ICE"]), (["ICE"], ["FBI"]), (["FNS"], ["USCIS"]),
    (["state-department-of-revenue-and-taxation"], ["ICE"]),
    (["HUD"], ["ICE"]), (["DOL"], ["DHS"]), (["FSA"], ["ICE"]), (["TREASURY"], ["CBP"]), (["HHS"], ["USCIS"]),
]
MANY_CATEGORIES = ["address", "phone_number", "citizenship_status", "date_of_birth", "immigration_status",
                   "earnings", "tax_return_information", "medicaid_id", "employer", "bank_account"]
COURTS = [("dcd", "District Court, District of Columbia"), ("mdd", "District Court, D. Maryland"),
          ("cand", "District Court, N.D. California"), ("ca4", "Court of Appeals for the Fourth Circuit"),
          ("nysd", None), (None, None)]
"""Courts of the made-up holdings: with a name, without one (the page shows the id), and not stated."""
WORDS = ["the", "agency", "said", "the", "records", "would", "be", "matched", "against", "its", "files", "each",
         "month", "and", "that", "only", "the", "fields", "needed", "would", "be", "sent", "under", "the", "terms",
         "of", "the", "arrangement", "described", "in", "the", "notice"]


def wrapped_text(i: int) -> str:
    """A made-up article hard-wrapped at 58 characters, as text from a PDF comes: single line breaks inside
    paragraphs, a blank line between them."""
    paragraphs = []
    for p in range(3):
        words = [f"Item{i}-{p}", *WORDS[p * 3:], *WORDS[: p * 3], f"(ref {i}.{p})."]
        line, lines = "", []
        for word in words:
            if line and len(line) + 1 + len(word) > 58:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs) + "\n"


def _span(did: str, text: str, start: int, end: int) -> Evidence:
    return Evidence(doc_id=did, start=start, end=end, text=text[start:end])


def build_many(path: Path, documents: int = 60, agreements: int = len(MANY_FLOWS)) -> Folder:
    """An output of `documents` hard-wrapped made-up texts, `agreements` agreements between agency families,
    holdings from 1912 to 2031 in named, unnamed and unstated courts, and histories whose decisions are each
    reported by two documents (and named twice in one history), written through the models."""
    folder = Folder(path)
    folder.texts = texts = {f"many/doc-{i:03d}.txt": wrapped_text(i) for i in range(documents)}
    ids = {name: hashlib.sha256(text.encode()).hexdigest() for name, text in texts.items()}
    names = list(texts)

    def across_break(name: str) -> Evidence:
        """Evidence that runs over the first line break of the text: the page must still mark it right."""
        text = texts[name]
        cut = text.index("\n")
        return _span(ids[name], text, cut - 12, cut + 10)

    years = [1912, 1938, 1967, 1985, 1999, 2008, 2016, 2021, 2025, 2026, 2027, 2029, 2031]
    decisions: list[Decision] = []
    for k in range(26):
        court, court_name = COURTS[k % len(COURTS)]
        date = f"{years[k % len(years)]}-{k % 12 + 1:02d}-{k % 27 + 1:02d}"
        did, agreement = f"dec-{k:02d}", f"agr-{k % agreements:02d}"
        reports = [names[(2 * k) % documents], names[(2 * k + 1) % documents]]
        fields = {"court": court, "judge": f"Judge {chr(65 + k % 26)}. Roe", "case_name": f"Doe {k} v. Agency",
                  "docket": f"1:{k:02d}-cv-{1000 + k:05d}", "decided": date,
                  "motion": ["preliminary_injunction", "motion_to_dismiss", "appeal", None][k % 4],
                  "disposition": ["granted", "denied", "granted_in_part", "affirmed"][k % 4],
                  "effect": ["barred", "permitted", "limited", None][k % 4], "agencies": ["ICE", "SSA"],
                  "data_permitted": MANY_CATEGORIES[k % 3: k % 3 + 2], "agreement": agreement}
        if court_name and "court_name" in Holding.model_fields:
            fields["court_name"] = court_name
        hids = []
        for n, name in enumerate(reports):
            hid = f"hld-{k:02d}-{n}"
            hids.append(hid)
            folder.holdings.append(Holding(id=hid, doc_id=ids[name], evidence=[across_break(name)], decision=did,
                                           case=f"case-{k // 2:02d}", confidence=0.5 + n / 10, **fields))
        decisions.append(Decision(id=did, court=court, judge=fields["judge"], date=date, motion=fields["motion"],
                                  disposition=fields["disposition"], effect=fields["effect"],
                                  dockets=[fields["docket"]], agreements=[agreement], holdings=hids,
                                  doc_ids=[ids[n] for n in reports]))
    folder.cases = [Case(id=f"case-{c:02d}", name=f"Doe {2 * c} v. Agency",
                         dockets=sorted({d for dec in decisions[2 * c: 2 * c + 2] for d in dec.dockets}),
                         courts=list(dict.fromkeys(d.court for d in decisions[2 * c: 2 * c + 2] if d.court)),
                         agencies=["ICE", "SSA"], agreements=sorted({a for d in decisions[2 * c: 2 * c + 2]
                                                                    for a in d.agreements}),
                         decisions=decisions[2 * c: 2 * c + 2]) for c in range(len(decisions) // 2)]
    by_decision = {d.id: d for d in decisions}
    for a in range(agreements):
        providers, recipients = MANY_FLOWS[a % len(MANY_FLOWS)]
        mine = [d for d in decisions if d.agreements == [f"agr-{a:02d}"]]
        history = []
        for d in mine:
            for hid in by_decision[d.id].holdings:  # each decision named twice, once per report of it
                history.append(HistoryEntry(date=d.date, holding=hid, decision=d.id, court=d.court,
                                            effect=d.effect or "limited"))
        name = names[(5 * a) % documents]
        extra = {}
        if a % 2 and "provider_names" in Agreement.model_fields:
            extra = {"provider_names": {p: f"Made-up name of {p}" for p in providers}}
        folder.agreements.append(Agreement(
            id=f"agr-{a:02d}", doc_ids=[ids[name], ids[names[(5 * a + 1) % documents]]],
            instrument=["memorandum_of_understanding", "computer_matching_agreement", None][a % 3],
            providers=providers, recipients=recipients, data_categories=MANY_CATEGORIES[: (a * 3) % 11],
            status=["in_effect", "limited", "enjoined", "proposed", None][a % 5],
            signed=f"20{10 + a:02d}-0{a % 9 + 1}-15" if a % 4 else None, confidence=round(0.3 + a / 40, 2),
            evidence=[across_break(name)], history=history, **extra))
    for name, text in texts.items():
        did = ids[name]
        folder.documents.append(Document(
            doc_id=did, source=Source(path=name, media_type="text/plain", title=f"Made-up report {name[-7:-4]}",
                                      published=f"20{20 + int(name[-7:-4]) % 12}-0{int(name[-7:-4]) % 9 + 1}-01"),
            kind=["news", "court_order", "opinion"][int(name[-7:-4]) % 3], text_chars=len(text),
            holdings=[h.id for h in folder.holdings if h.doc_id == did],
            agreements=[a.id for a in folder.agreements if did in a.doc_ids]))
    path.mkdir(parents=True, exist_ok=True)
    files = {"documents": folder.documents, "holdings": folder.holdings, "agreements": folder.agreements,
             "errors": [], "cases": folder.cases}
    for stem, records in files.items():
        (path / f"{stem}.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    with gzip.open(path / TEXTS_FILE, "wt", encoding="utf-8") as fh:
        for name, text in texts.items():
            fh.write(json.dumps({"doc_id": ids[name], "text": text}) + "\n")
    (path / "run.json").write_text(json.dumps({"input_roots": ["made-up-many"], "versions": {}}), encoding="utf-8")
    return folder
