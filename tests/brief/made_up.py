"""Made-up records for the brief's tests, built through the models (no pipeline run), so the tests check the
brief against records they control. All texts, names, numbers and dates are invented in the form of the real
thing.

Agreements (and why each is here):
- `agr-ssa`: SSA -> ICE under an MOU with a legal basis and a signing date; two decisions in one case across two
  courts (a district court's partial injunction reported by its order and an article, then an affirmance);
- `agr-irs`: IRS -> HSI (a component of ICE), proposed, no decision: asking about ICE must include it;
- `agr-dhs`: CMS -> DHS (ICE's parent department) under a policy; one decision with no judge, no motion, no
  disposition and no stated effect;
- `agr-fbi`: ICE -> FBI (ICE as provider), no instrument, no date anywhere;
- `agr-uscis`: FNS -> USCIS (a sibling of ICE): a near miss for ICE, a hit for DHS.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from docketflow.models import Agreement, Case, Decision, Document, Evidence, HistoryEntry, Holding, Source, SourceStatus
from docketflow.pipeline.output import TEXTS_FILE
from docketflow.pipeline.reader import Records

ORDER = "pi-order.txt"
ARTICLE = "article.txt"
APPEAL = "appeal.txt"
IRS_NEWS = "irs-plan.txt"
CMS_NEWS = "cms.txt"
MEMO = "memo.txt"
USCIS_NEWS = "uscis.txt"
TEXTS: dict[str, tuple[str, str, str | None, str]] = {
    ORDER: ("court_order", "Ruling on the request for interim relief", "2031-03-03",
            "UNITED STATES DISTRICT COURT\nDISTRICT OF MARYLAND\n\nDoe v. Social Security Administration\n"
            "Case No. 8:31-cv-00123-JQR\n\nThe motion for a preliminary injunction is GRANTED IN PART. "
            "The Social Security Administration may send home addresses to ICE under its memorandum of "
            "understanding. It shall not send earnings records to ICE, which the Privacy Act protects.\n\n"
            "Dated: March 3, 2031\n/s/ Jane Q. Roe\nUnited States District Judge\n"),
    ARTICLE: ("news", "Judge partly blocks earnings data deal", "2031-03-04",
              "A federal judge in Baltimore on Monday partly blocked the Social Security Administration from "
              "sending earnings records to ICE, as a memorandum of understanding signed on February 1, 2030 allows, "
              "which rests on 42 U.S.C. § 1306.\n"),
    APPEAL: ("opinion", "Opinion on appeal", "2031-09-01",
             "UNITED STATES COURT OF APPEALS FOR THE FOURTH CIRCUIT\nNo. 31-1456\nDecided September 1, 2031\n"
             "We AFFIRM the order barring the transfer of earnings records, which 5 U.S.C. § 552a forbids.\n"),
    IRS_NEWS: ("news", "Tax agency plans data access for investigators", "2031-07-10",
               "The Internal Revenue Service plans to give Homeland Security Investigations access to taxpayer "
               "identification numbers, officials said.\n"),
    CMS_NEWS: ("news", "Court rules on health data policy", "2031-05-21",
               "A federal judge in San Francisco on Tuesday ruled on a challenge to a policy under which the "
               "Centers for Medicare & Medicaid Services shares enrollee lists with the Department of Homeland "
               "Security.\n"),
    MEMO: ("other", "Memo on fingerprints", None, "ICE gives the FBI fingerprints it collects at the border.\n"),
    USCIS_NEWS: ("news", "Benefits agency shares with USCIS", "2031-01-05",
                 "The Food and Nutrition Service shares household records with U.S. Citizenship and Immigration "
                 "Services.\n"),
}


def doc_id(name: str) -> str:
    return hashlib.sha256(TEXTS[name][3].encode()).hexdigest()


def ev(name: str, phrase: str, *supports: str, page: int | None = None) -> Evidence:
    """A span of a made-up text: `phrase` where it first occurs, supporting `supports`."""
    text = TEXTS[name][3]
    start = text.index(phrase)
    return Evidence(doc_id=doc_id(name), start=start, end=start + len(phrase), page=page, text=phrase,
                    supports=list(supports))


@dataclass
class Made:
    """The made-up records; tests change them (model_copy) and compose again."""

    documents: list[Document] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)

    def records(self, out: Path = Path("made-up")) -> Records:
        return Records(out, documents=self.documents, holdings=self.holdings, agreements=self.agreements,
                       cases=self.cases, run={"schema_version": 3, "finished": "2031-10-01T00:00:00+00:00"})

    def replace(self, kind: str, record_id: str, **changes: object) -> Made:
        """A copy with one record's fields changed (a decision is found inside its case)."""
        if kind == "decision":
            cases = [c.model_copy(update={"decisions": [d.model_copy(update=changes) if d.id == record_id else d
                                                        for d in c.decisions]}) for c in self.cases]
            return Made(self.documents, self.holdings, self.agreements, cases)
        records = [r.model_copy(update=changes) if r.id == record_id else r for r in getattr(self, kind)]
        return Made(**{**self.__dict__, kind: records})


def build() -> Made:
    made = Made()
    pi = dict(court="mdd", judge="Jane Q. Roe", case_name="Doe v. Social Security Administration",
              docket="8:31-cv-00123-JQR", decided="2031-03-03", motion="preliminary_injunction",
              disposition="granted_in_part", effect="limited", agencies=["SSA", "ICE"], agreement="agr-ssa",
              decision="dec-pi", case="case-doe", confidence=0.9)
    made.holdings = [
        Holding(id="hld-pi", doc_id=doc_id(ORDER), data_permitted=["address"], data_barred=["income"],
                statutes=["Privacy Act"], **pi, evidence=[
                    ev(ORDER, "DISTRICT OF MARYLAND", "court", page=1),
                    ev(ORDER, "Doe v. Social Security Administration", "case_name", page=1),
                    ev(ORDER, "8:31-cv-00123-JQR", "docket", page=1),
                    ev(ORDER, "The motion for a preliminary injunction is GRANTED IN PART.", "motion", "disposition",
                       page=1),
                    ev(ORDER, "The Social Security Administration may send home addresses to ICE under its "
                              "memorandum of understanding.", "agencies", "data_permitted", page=1),
                    ev(ORDER, "It shall not send earnings records to ICE, which the Privacy Act protects.",
                       "data_barred", "statutes", page=2),
                    ev(ORDER, "March 3, 2031", "decided", page=2),
                    ev(ORDER, "Jane Q. Roe", "judge", page=2),
                ]),
        Holding(id="hld-art", doc_id=doc_id(ARTICLE), data_barred=["income"], **{**pi, "judge": None}, evidence=[
            ev(ARTICLE, "A federal judge in Baltimore on Monday partly blocked the Social Security Administration "
                        "from sending earnings records to ICE", "court", "decided", "data_barred", "agencies")]),
        Holding(id="hld-app", doc_id=doc_id(APPEAL), court="ca4", docket="31-1456", decided="2031-09-01",
                motion="appeal", disposition="affirmed", effect="limited", agencies=["SSA", "ICE"],
                data_barred=["income"], statutes=["5 U.S.C. § 552a"], agreement="agr-ssa", decision="dec-app",
                case="case-doe", confidence=0.8, evidence=[
                    ev(APPEAL, "UNITED STATES COURT OF APPEALS FOR THE FOURTH CIRCUIT", "court"),
                    ev(APPEAL, "31-1456", "docket"),
                    ev(APPEAL, "September 1, 2031", "decided"),
                    ev(APPEAL, "We AFFIRM the order barring the transfer of earnings records, which 5 U.S.C. § 552a "
                               "forbids.", "disposition", "data_barred", "statutes"),
                ]),
        Holding(id="hld-cms", doc_id=doc_id(CMS_NEWS), court="cand", decided="2031-05-20", agencies=["CMS", "DHS"],
                agreement="agr-dhs", decision="dec-cms", case="case-cms", confidence=0.4, evidence=[
                    ev(CMS_NEWS, "A federal judge in San Francisco on Tuesday ruled on a challenge to a policy",
                       "court", "decided")]),
    ]
    ssa_sentence = ("A federal judge in Baltimore on Monday partly blocked the Social Security Administration from "
                    "sending earnings records to ICE, as a memorandum of understanding signed on February 1, 2030 "
                    "allows, which rests on 42 U.S.C. § 1306.")
    made.agreements = [
        Agreement(id="agr-ssa", doc_ids=[doc_id(ORDER), doc_id(ARTICLE)], instrument="memorandum_of_understanding",
                  providers=["SSA"], recipients=["ICE"], data_categories=["address", "income"],
                  purpose="immigration_enforcement", legal_basis=["42 U.S.C. § 1306"], signed="2030-02-01",
                  status="limited", confidence=0.9,
                  history=[HistoryEntry(date="2031-03-03", holding="hld-pi", decision="dec-pi", court="mdd",
                                        effect="limited"),
                           HistoryEntry(date="2031-09-01", holding="hld-app", decision="dec-app", court="ca4",
                                        effect="limited")],
                  sources=[SourceStatus(doc_id=doc_id(ORDER), date="2031-03-03", status="limited"),
                           SourceStatus(doc_id=doc_id(ARTICLE), date="2031-03-04", status="limited")],
                  evidence=[ev(ARTICLE, ssa_sentence, "providers", "recipients", "instrument", "signed", "legal_basis",
                               "data_categories", "status"),
                            ev(ORDER, "The Social Security Administration may send home addresses to ICE under its "
                                      "memorandum of understanding.", "providers", "recipients", "instrument",
                               "data_categories", page=1)]),
        Agreement(id="agr-irs", doc_ids=[doc_id(IRS_NEWS)], instrument="data_access", providers=["IRS"],
                  recipients=["HSI"], data_categories=["taxpayer_id"], status="proposed", confidence=0.6,
                  sources=[SourceStatus(doc_id=doc_id(IRS_NEWS), date="2031-07-10", status="proposed")],
                  evidence=[ev(IRS_NEWS, "The Internal Revenue Service plans to give Homeland Security Investigations "
                                         "access to taxpayer identification numbers", "providers", "recipients",
                               "data_categories", "instrument", "status")]),
        Agreement(id="agr-dhs", doc_ids=[doc_id(CMS_NEWS)], instrument="policy", providers=["CMS"],
                  recipients=["DHS"], data_categories=["benefits_enrollment"], status="in_effect", confidence=0.5,
                  history=[HistoryEntry(date="2031-05-20", holding="hld-cms", decision="dec-cms", court="cand")],
                  sources=[SourceStatus(doc_id=doc_id(CMS_NEWS), date="2031-05-21", status="in_effect")],
                  evidence=[ev(CMS_NEWS, "a policy under which the Centers for Medicare & Medicaid Services shares "
                                         "enrollee lists with the Department of Homeland Security", "providers",
                               "recipients", "instrument", "data_categories", "status")]),
        Agreement(id="agr-fbi", doc_ids=[doc_id(MEMO)], providers=["ICE"], recipients=["FBI"],
                  data_categories=["biometric_data"], status="in_effect", confidence=0.5,
                  sources=[SourceStatus(doc_id=doc_id(MEMO), status="in_effect")],
                  evidence=[ev(MEMO, "ICE gives the FBI fingerprints", "providers", "recipients", "data_categories")]),
        Agreement(id="agr-uscis", doc_ids=[doc_id(USCIS_NEWS)], providers=["FNS"], recipients=["USCIS"],
                  data_categories=["household_information"], status="in_effect", confidence=0.5,
                  sources=[SourceStatus(doc_id=doc_id(USCIS_NEWS), date="2031-01-05", status="in_effect")],
                  evidence=[ev(USCIS_NEWS, "The Food and Nutrition Service shares household records with U.S. "
                                           "Citizenship and Immigration Services.", "providers", "recipients",
                               "data_categories", "status")]),
    ]
    by_id = {h.id: h for h in made.holdings}

    def decision(did: str, *hids: str) -> Decision:
        first = by_id[hids[0]]
        return Decision(id=did, court=first.court, judge=first.judge, date=first.decided, motion=first.motion,
                        disposition=first.disposition, effect=first.effect,
                        dockets=[first.docket] if first.docket else [], agreements=[first.agreement or ""],
                        holdings=list(hids), doc_ids=list(dict.fromkeys(by_id[h].doc_id for h in hids)))

    made.cases = [
        Case(id="case-doe", name="Doe v. Social Security Administration", dockets=["8:31-cv-00123-JQR", "31-1456"],
             courts=["mdd", "ca4"], agencies=["ICE", "SSA"], agreements=["agr-ssa"], status="limited",
             decisions=[decision("dec-pi", "hld-pi", "hld-art"), decision("dec-app", "hld-app")]),
        Case(id="case-cms", courts=["cand"], agencies=["CMS", "DHS"], agreements=["agr-dhs"],
             decisions=[decision("dec-cms", "hld-cms")]),
    ]
    for name, (kind, title, published, text) in TEXTS.items():
        did = doc_id(name)
        made.documents.append(Document(
            doc_id=did, kind=kind, text_chars=len(text),
            source=Source(path=name, media_type="text/plain", title=title, published=published,
                          pages=2 if name == ORDER else None),
            holdings=[h.id for h in made.holdings if h.doc_id == did],
            agreements=[a.id for a in made.agreements if did in a.doc_ids]))
    return made


def write(path: Path, made: Made) -> Path:
    """The records as a published output folder (JSON Lines, texts, run.json), as `docketflow run` leaves one."""
    path.mkdir(parents=True, exist_ok=True)
    for stem in ("documents", "holdings", "agreements", "cases"):
        records = getattr(made, stem)
        (path / f"{stem}.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    (path / "errors.jsonl").write_text("", encoding="utf-8")
    with gzip.open(path / TEXTS_FILE, "wt", encoding="utf-8") as fh:
        for name, (*_, text) in TEXTS.items():
            fh.write(json.dumps({"doc_id": doc_id(name), "text": text}) + "\n")
    (path / "run.json").write_text(json.dumps({"schema_version": 3, "input_roots": ["made-up"],
                                               "finished": "2031-10-01T00:00:00+00:00"}), encoding="utf-8")
    return path
