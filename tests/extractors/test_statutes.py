"""STATUTE component: table of hits and near-misses on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from docketflow.extractors.data import read_jsonl
from docketflow.extractors.spans import entities, normalized


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("docketflow_statutes")
    return pipeline


def statute_keys(nlp, text: str) -> set[str]:
    return {span.kb_id_ for span in entities(nlp(text), "STATUTE")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # code citations
        ("Disclosure is limited by 26 U.S.C. § 6103(i)(2).", {"26 U.S.C. § 6103"}),
        ("The agency relied on 26 USC §6103(i)(2) for the transfer.", {"26 U.S.C. § 6103"}),
        ("Review lies under 8 U.S.C. §§ 1229a(b)(1), 1252 in this court.", {"8 U.S.C. § 1229a", "8 U.S.C. § 1252"}),
        ("The claims fail under 35 U.S.C. §§ 101 and 112.", {"35 U.S.C. § 101", "35 U.S.C. § 112"}),
        ("Operational files are exempt, 50 U.S.C. §§ 431-432 (1988).", {"50 U.S.C. § 431", "50 U.S.C. § 432"}),
        ("The statute, 5 U.S.C.   552 (1988), governs requests.", {"5 U.S.C. § 552"}),
        ("Plaintiffs sued under 42 U.S.C. § 1983 et seq. last year.", {"42 U.S.C. § 1983"}),
        ("Jurisdiction rests on 28 U.S.C. section 1291.", {"28 U.S.C. § 1291"}),
        ("The judge must advise him, 8 C.F.R. § 1240.10(a)(3).", {"8 C.F.R. § 1240.10"}),
        ("See 8 C.F.R. § 1003.39 and 28 U.S.C. § 2241.", {"8 C.F.R. § 1003.39", "28 U.S.C. § 2241"}),
        ("Returns are confidential, 42 U.S.C. § 1320d-6, under federal law.", {"42 U.S.C. § 1320d-6"}),
        ("The Exchange Act, 15 U.S.C. §§ 78a-78kk, governs.", {"Securities Exchange Act of 1934", "15 U.S.C. § 78a",
                                                              "15 U.S.C. § 78kk"}),
        ("the Comprehensive Environmental Response, Compensation, and Liability Act, 42 U.S.C. § 9601.",
         {"Comprehensive Environmental Response, Compensation, and Liability Act", "42 U.S.C. § 9601"}),
        # sections of a code named in words, bare sections
        ("Section 7213 of the Internal Revenue Code makes disclosure a crime.", {"26 U.S.C. § 7213"}),
        ("The Internal Revenue Code's §6103 tightly limits disclosure.", {"26 U.S.C. § 6103"}),
        ("Under I.R.C. § 6103(i)(2) the IRS may disclose.", {"26 U.S.C. § 6103"}),
        ("He sued under 42 U.S.C. § 1983. A § 1983 claim needs a policy.", {"42 U.S.C. § 1983"}),
        ("Citing 26 U.S.C. § 6103, the court later turned to § 6103(a).", {"26 U.S.C. § 6103"}),
        ("A claim under § 1983 requires state action.", {"42 U.S.C. § 1983"}),
        # named acts
        ("She brought claims under the Privacy Act as well as the Administrative Procedure Act.",
         {"Administrative Procedure Act", "Privacy Act"}),
        ("The FOIA request was denied.", {"Freedom of Information Act"}),
        ("HIPAA protects health information.", {"Health Insurance Portability and Accountability Act"}),
        ("Invoking the Freedom of\nInformation Act, she asked nine agencies.", {"Freedom of Information Act"}),
        ("the Widget Safety Act of 1990, 15 U.S.C. § 9999, applies.", {"Widget Safety Act", "15 U.S.C. § 9999"}),
        ("the Data Retention Act of 1992 (DR Act), Pub. L. No. 102-526. The DR Act requires release.",
         {"Data Retention Act"}),
        # near-misses
        ("Trade secrets are defined by Cal. Civ. Code § 3426.1(d).", set()),
        ("The drug was possessed under section 13-3407 of the Arizona Revised Statutes.", set()),
        ("Read § 12 of the lease together with § 14.", set()),
        ("The tax statute, 26 U.S.C.\n\n1The court notes a footnote here.", set()),
        ("The tax code was amended in 2017.", set()),
        ("The Act was passed by the state legislature.", set()),
        ("He was held at the Inmate Reception Center (“IRC”) overnight; the IRC was full.", set()),
        ("The California Public Records Act governs state files.", set()),
        ("Congress passed the Act, Pub. L. No. 102-526.", set()),
    ],
)
def test_statute_table(nlp, sentence: str, expected: set[str]) -> None:
    assert statute_keys(nlp, sentence) == expected


def test_subsection_and_popular_name(nlp) -> None:
    doc = nlp("The request invoked 5 U.S.C. § 552(b)(3).")
    (span,) = entities(doc, "STATUTE")
    assert normalized(span) == {
        "citation": "5 U.S.C. § 552(b)(3)",
        "subsection": "(b)(3)",
        "popular_name": "Freedom of Information Act",
    }


def test_act_normalized_carries_codification(nlp) -> None:
    (span,) = entities(nlp("The Privacy Act applies."), "STATUTE")
    assert normalized(span)["citation"] == "5 U.S.C. § 552a"


@pytest.mark.parametrize("row", read_jsonl("acts.jsonl"), ids=lambda row: row["key"])
def test_act_examples(nlp, row) -> None:
    for example in row.get("examples", []):
        assert row["key"] in statute_keys(nlp, example), example
