"""A made-up output folder with cases (schema_version 3), written record by record through the models so it
stays valid as they change: no pipeline run, so the page's tests do not depend on what the extractors find.

One case runs across two courts: a district court's preliminary injunction (its own order, reported by two
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
