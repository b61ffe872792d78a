"""CASE component and citation zones: table of hits and near-misses on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from docketflow.extractors.spans import add_citation_zone, entities, in_citation, normalized

PAD = "The court considered the record with care before turning to the governing law. " * 6
"""Pushes a citation past the document's head, where a citation is the document's own caption."""


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("docketflow_cases")
    return pipeline


def case_keys(nlp, text: str) -> set[str]:
    return {span.kb_id_ for span in entities(nlp(PAD + text), "CASE")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("See California v. HHS, 598 U.S. 175 (2023).", {"598 U.S. 175", "California v. HHS"}),
        ("Berry v. Baca, 379 F.3d 764, 767 (9th Cir. 2004).", {"379 F.3d 764", "Berry v. Baca"}),
        ("We agree. Brass v. County of Los Angeles, 328 F.3d 1192 (9th Cir. 2003).",
         {"328 F.3d 1192", "Brass v. County of Los Angeles"}),
        ("City of Canton v. Harris, 489 U.S. 378, 388 (1989).", {"489 U.S. 378", "City of Canton v. Harris"}),
        ("Doe v. Roe, 2002 WL 1836305 (C.D. Cal. 2002).", {"2002 WL 1836305", "Doe v. Roe"}),
        ("Smith v. Jones, 12 F. Supp. 3d 45 (D. Mass. 2014).", {"12 F. Supp. 3d 45", "Smith v. Jones"}),
        ("Roe v. Wade, 410 U.S. 113, 93 S. Ct. 705 (1973).", {"410 U.S. 113", "93 S. Ct. 705", "Roe v. Wade"}),
        ("In re Widget Corp., 100 F.3d 200 (2d Cir. 1996).", {"100 F.3d 200", "In re Widget Corp."}),
        ("Matter of Doe, 31 I&N Dec. 512 (BIA 2031).", {"31 I. & N. Dec. 512"}),
        ("Doe v. Roe (1975) 15 Cal.3d 328, 334.", {"15 Cal. 3d 328", "Doe v. Roe"}),
        ("Hunt v. CIA, 981 F.2d 1116, 1121\n(9th Cir. 1992).", {"981 F.2d 1116", "Hunt v. CIA"}),
        ("Smith v. Jones, 77 Fed. Appx. 948 (9th Cir. 2003).", {"77 F. App'x 948", "Smith v. Jones"}),
        ("Later cited as Berry, 379 F.3d at 767.", set()),
        # a loose-leaf service cites a paragraph, with no volume (seen only beside a reporter cite)
        ("See Doe v. Roe, Med & Med GD (CCH) P 301,234 (D. Mass. 1990); Smith v. Jones, 12 F.3d 45 (1st Cir. 1993).",
         {"Medicare & Medicaid Guide (CCH) 301,234", "Doe v. Roe", "12 F.3d 45", "Smith v. Jones"}),
        # near-misses
        ("The statute, 5 U.S.C. § 552, governs requests.", set()),
        ("Congress passed the Act, Pub. L. No. 102-526, 106 Stat. 3443.", set()),
        ("The hearing on March 3, 2020 lasted 45 minutes.", set()),
        ("The plant produced 300 Widgets 2000 times a day.", set()),
        ("Smith v. Jones is pending before the court.", set()),
        ("The order (ECF No. 26) was filed on time.", set()),
        ("There were 12 Plaintiffs and 3 Defendants in 2019.", set()),
    ],
)
def test_case_table(nlp, sentence: str, expected: set[str]) -> None:
    assert case_keys(nlp, sentence) == expected


def test_normalized_fields(nlp) -> None:
    doc = nlp(PAD + "See California v. HHS, 598 U.S. 175 (2023).")
    cite = next(s for s in entities(doc, "CASE") if s.kb_id_ == "598 U.S. 175")
    expected = {"reporter": "U.S.", "volume": "598", "page": "175", "plaintiff": "California",
                "defendant": "HHS", "year": "2023"}
    assert {k: normalized(cite)[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("sentence", "inside", "outside"),
    [
        ("See Berry v. Baca, 379 F.3d 764 (9th Cir. 2031). Later the Ninth Circuit agreed.", "9th Cir",
         "Ninth Circuit"),
        ("Hunt v. CIA, 981 F.2d 1116, 1121\n(9th Cir. 1992). The CIA searched.", "Hunt v. CIA", "The CIA"),
        ("Doe v. Roe, No. 8:14-cv-01968-DFM, 2015 WL 13283060, at *3 (C.D. Cal. Feb. 12, 2015). Then C.D. Cal.",
         "8:14-cv-01968-DFM", "Then C.D. Cal."),
    ],
)
def test_citation_zones(nlp, sentence: str, inside: str, outside: str) -> None:
    doc = nlp(PAD + sentence)
    start = doc.text.index(inside)
    assert in_citation(doc, start, start + len(inside))
    start = doc.text.rindex(outside)
    assert not in_citation(doc, start, start + len(outside))


def test_own_caption_is_not_a_zone(nlp) -> None:
    doc = nlp("DOE v. ROE, 29 Cal.3d 168 (1981)\n\nSupreme Court of California.\n" + PAD)
    assert {"29 Cal. 3d 168"} <= {s.kb_id_ for s in entities(doc, "CASE")}
    assert not in_citation(doc, 0, 10)


def test_in_citation_after_new_zones() -> None:
    doc = spacy.blank("en")("alpha beta gamma delta epsilon zeta")
    add_citation_zone(doc, 0, 10)
    assert in_citation(doc, 0, 5) and not in_citation(doc, 17, 22)
    add_citation_zone(doc, 17, 29)
    assert in_citation(doc, 17, 22) and not in_citation(doc, 8, 20)


def test_pin_cite_with_at_is_never_a_case_of_its_own() -> None:
    """Regression: eyecite returns "81 T.C. at 828" as a full citation under some hash seeds."""
    import subprocess
    import sys

    code = ("from docketflow.extractors.nlp import build_nlp; from docketflow.extractors.spans import entities; "
            "t = 'See Brand v. Commissioner, 81 T.C. 821 (1983). The rule is settled. Brand, 81 T.C. at 828.'; "
            "print(sorted({s.kb_id_ for s in entities(build_nlp()(t), 'CASE')}))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "4", "6")}
    assert outputs == {"['81 T.C. 821', 'Brand v. Commissioner']\n"}
