"""AGENCY: gazetteer hits, the forms case law writes them in, and look-alikes that must stay silent."""

from __future__ import annotations

import pytest
from docketflow.extractors.agencies import is_acronym
from docketflow.extractors.data import read_tsv
from docketflow.extractors.nlp import build_nlp
from docketflow.extractors.spans import add_citation_zone, entities, normalized


def keys(text: str) -> set[str]:
    return {e.kb_id_ for e in entities(build_nlp()(text), "AGENCY")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # names, acronyms and their usual variants
        # departments listed before one plural noun, a multi-word name among them
        ("The team kept access to systems at the Health and Human Services and Energy departments.",
         {"DOE", "HHS"}),
        ("Officials of the Treasury, Commerce and State departments met on Monday.", {"TREASURY", "DOC", "DOS"}),
        ("The Orlando and Tampa police departments shared their files.", set()),
        ("The agency shared the list with Immigration and Customs Enforcement officers.", {"ICE"}),
        ("ICE's request was narrowed after review.", {"ICE"}),
        ("Medicaid files held by HHS/CMS were opened to DHS.", {"HHS", "CMS", "DHS"}),
        ("The IRS-ICE agreement was signed in April.", {"IRS", "ICE"}),
        ("Counsel for the U.S. Dep't of Justice appeared.", {"DOJ"}),
        ("See the Dept. of Justice memorandum.", {"DOJ"}),
        ("The Justice Department declined to comment.", {"DOJ"}),
        ("The Board of Immigration Appeals dismissed the appeal.", {"BIA"}),
        ("He sought review of a B.I.A. order.", {"BIA"}),
        ("The I.N.S. began deportation proceedings.", {"INS"}),
        ("The Commissioner of Internal Revenue assessed a deficiency.", {"IRS"}),
        ("The Secretary of Health and Human Services denied benefits.", {"HHS"}),
        ("The Commissioner of Social Security appealed the remand.", {"SSA"}),
        ("The claim went to the Occupational Safety and Health Administration.", {"OSHA"}),
        ("Records were sent to the National Archives.", {"NARA"}),
        ("Complaints reached the President's Intelligence Oversight Board.", {"IOB"}),
        ("He borrowed from the Small Business Administration.", {"SBA"}),
        ("Issues pending before the PTO were excluded.", {"USPTO"}),
        ("The Central\nIntelligence   Agency refused to search.", {"CIA"}),
        ("INTERNAL REVENUE SERVICE, Defendant.", {"IRS"}),
        ("Homeland Security Investigations agents made the arrest.", {"HSI"}),
        ("U.S. Department of Justice Executive Office for Immigration Review", {"DOJ", "EOIR"}),
        ("Homeland Security Secretary Jane Roe announced the rule.", {"DHS"}),
        ("A Department of Homeland Security spokesperson declined to comment.", {"DHS"}),
        ("DOGE staff gained access to Treasury payment systems.", {"DOGE", "TREASURY"}),
        ("Veterans Administration doctors treated him for years.", {"VA"}),
        # acronyms a document defines
        ("The Federal Aviation Administration (“FAA”) grounded the plane. The FAA later relented.", {"FAA"}),
        ("The Department of Education (DED) issued rules; DED enforces them.", {"ED"}),
        ("The Bureau of Indian Affairs (BIA) approved the lease.", {"bureau-of-indian-affairs"}),
        ("The Department of Energy (DOE) funds the lab; DOE reviews it.", {"DOE"}),
        ("The Department of Veterans Affairs denied the claim; the VA later paid.", {"VA"}),
        # near misses: look-alikes, state agencies, statutes, dockets
        ("JOHN DOE, Plaintiff, v. RICHARD ROE, Defendant.", set()),
        ("Send mail to 100 Main Street, Richmond, VA 23219.", set()),
        ("TRAVELERS INS. CO. v. DAMMANN", set()),
        ("The claim arises under TEX. INS. CODE § 4001.", set()),
        ("Case 4:09-cv-03315-ABC Document 26 Filed 01/29/2009", set()),
        ("The California Department of Justice runs the database.", set()),
        ("The Department of State Police investigated.", set()),
        ("Massachusetts Executive Office of Health and Human Services", set()),
        ("Recovery is governed by the Social Security Act.", set()),
        ("ICE CREAM DISTRIBUTORS, INC., Appellant,", set()),
        ("The state treasury paid the claim.", set()),
        ("See Treasury Regulations section 1.61.", set()),
        ("The Federal Reserve Bank of Boston cleared the check.", set()),
        ("The court will address the pending motions.", set()),
        ("ACF Industries, Inc. contested the assessment.", set()),
        ("She worked in the bank's Treasury and Banking Services unit.", set()),
        ("The Public Health Service Act governs the grant.", set()),
    ],
)
def test_agency_keys(sentence: str, expected: set[str]) -> None:
    assert keys(sentence) == expected


def test_mentions_inside_other_cases_citations_do_not_count() -> None:
    nlp = build_nlp()
    text = "See Sullivan v. CIA, 992 F.2d 1249 (1st Cir. 1993). The FBI refused."
    doc = nlp.make_doc(text)
    add_citation_zone(doc, 4, text.index(")") + 1)
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert {e.kb_id_ for e in entities(doc, "AGENCY")} == {"FBI"}


def test_normalized_names_the_agency_and_its_parent() -> None:
    (span,) = entities(build_nlp()("ICE detained him."), "AGENCY")
    assert normalized(span) == {"name": "U.S. Immigration and Customs Enforcement", "parent": "DHS"}


def test_every_vocab_key_is_kept() -> None:
    vocab_keys = "DHS ICE HSI ERO CBP USCIS TSA FEMA USSS HHS CMS ACF ORR CDC FDA NIH HRSA TREASURY IRS BFS TIGTA"
    vocab_keys += " SSA DOJ FBI DEA ATF USMS BOP EOIR DOL USDA FNS ED FSA HUD DOS DOD VA DOC CENSUS DOI DOE DOT"
    vocab_keys += " OPM OMB GSA DOGE USPS FTC SEC FCC EPA CFPB NLRB EEOC GAO PCLOB NSA CIA ODNI"
    assert set(vocab_keys.split()) <= {row["key"] for row in read_tsv("agencies.tsv")}


def test_each_agency_name_matches_itself() -> None:
    for row in read_tsv("agencies.tsv"):
        assert row["key"] in keys(f"A letter from the {row['name']} arrived."), row["name"]


@pytest.mark.parametrize(
    "row", [r for r in read_tsv("agencies.tsv") if r["examples"]], ids=lambda r: r["key"]
)
def test_gazetteer_examples(row: dict[str, str]) -> None:
    for example in row["examples"].split("|"):
        assert row["key"] in keys(example), example


@pytest.mark.parametrize(("alias", "acronym"), [("DoD", True), ("FinCEN", True), ("ICE", True), ("Treasury", False)])
def test_is_acronym(alias: str, acronym: bool) -> None:
    assert is_acronym(alias) is acronym
