"""COURT component: table of hits and near-misses on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from docketflow.extractors.data import read_tsv
from docketflow.extractors.spans import entities


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("docketflow_courts")
    return pipeline


def court_keys(nlp, text: str) -> set[str]:
    return {span.kb_id_ for span in entities(nlp(text), "COURT")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nORDER", {"cand"}),
        # courts courts-db names "United States District Court, <State> <Direction>"
        ("IN THE UNITED STATES DISTRICT COURT\nFOR THE WESTERN DISTRICT OF OKLAHOMA\n\nORDER", {"okwd"}),
        ("UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF NEBRASKA\n\nMEMORANDUM AND ORDER", {"ned"}),
        ("The case was transferred from N.D. Okla. to D. Neb.", {"oknd", "ned"}),
        # a reporter's caption: the district abbreviated, the state spelled out
        ("United States District Court,\nE.D. Arkansas,\nWestern Division.", {"ared"}),
        ("The case was transferred to D. Utah in the spring.", {"utd"}),
        ("Robert D. Smith testified at the hearing.", set()),
        ("UNITED STATES COURT OF APPEALS FOR THE FIRST CIRCUIT", {"ca1"}),
        ("Appeal from the United States District Court for the District of Massachusetts.", {"mad"}),
        ("On Monday a federal judge sitting in the Northern District of California ruled.", {"cand"}),
        ("UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF COLUMBIA", {"dcd"}),
        ("U.S. District Judge Ana Reyes of the District of Columbia ruled on Friday.", {"dcd"}),
        ("The family moved to the District of Columbia in 2001.", set()),
        ("The D.C. Circuit heard argument in May.", {"cadc"}),
        ("The Ninth Circuit affirmed the injunction.", {"ca9"}),
        ("The government asked the Supreme Court to intervene.", {"scotus"}),
        ("The Board of Immigration Appeals dismissed his appeal.", {"bia"}),
        ("The BIA affirmed the denial.", {"bia"}),
        ("The case was transferred from N.D. Cal. to D. Mass. last spring.", {"cand", "mad"}),
        ("Judge Rivera of the S.D.N.Y. set a schedule.", {"nysd"}),
        ("The Colorado Supreme Court took the opposite view.", {"colo"}),
        ("The Supreme Court of New Jersey reversed.", {"nj"}),
        ("The Massachusetts Supreme Judicial Court answered the certified question.", {"mass"}),
        ("The Supreme Court of the United States denied certiorari.", {"scotus"}),
        ("The Court of Appeals for the District of Columbia Circuit agreed.", {"cadc"}),
        ("She sat by designation from the Eastern District of New York.", {"nyed"}),
        ("Supreme Court of California.\n\nThe Court of Appeal erred.", {"cal", "calctapp"}),
        # a state court's districts and divisions share its key (the division stays in `normalized`)
        ("Supreme Court of California.\nThe Third District Court of Appeal erred, and the Court of Appeal"
         " must reconsider.", {"cal", "calctapp"}),
        # near-misses: citations of other cases, places, lower-case prose
        ("See Smith v. Jones, 900 F.3d 1 (9th Cir. 2019).", set()),
        ("Doe v. Roe, 12 F. Supp. 3d 4 (N.D. Cal. Feb. 21, 2014).", set()),
        ("Id. at 1474 (explaining that the Supreme Court long ago upheld the right).", set()),
        ("Mathis, 136 S. Ct. at 2256 (2016) (the Supreme Court explained).", set()),
        ("She moved to the District of Columbia in 2010.", set()),
        ("The state supreme court has not spoken.", set()),
        ("He met with the United States Attorney for the District of Maine.", set()),
        ("Kaplan's Produce Co. v. Superior Court held otherwise.", set()),
        ("He asked the circuit court for more time.", set()),
    ],
)
def test_courts(nlp, sentence, expected):
    assert court_keys(nlp, sentence) == expected


def test_state_document_does_not_read_bare_supreme_court_as_scotus(nlp):
    text = "Supreme Court of California.\n\nThe Supreme Court has said so before."
    assert court_keys(nlp, text) == {"cal"}


def test_normalized_name_comes_from_courts_db(nlp):
    from docketflow.extractors.spans import normalized

    (span,) = entities(nlp("The Ninth Circuit ruled."), "COURT")
    assert normalized(span)["name"] == "Court of Appeals for the Ninth Circuit"


@pytest.mark.parametrize("row", read_tsv("courts_aliases.tsv"), ids=lambda r: r["alias"])
def test_alias_examples(nlp, row):
    assert row["key"] in court_keys(nlp, row["example"])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # news prose for a district court; a bare state counts only when it has a single federal district
        ("A federal judge in Vermont blocked the transfer on Friday.", {"vtd"}),
        ("The Maine federal judge had already entered a restraining order.", {"med"}),
        ("A federal district judge in New Hampshire granted the order.", {"nhd"}),
        ("The case is before the U.S. District Court for Southern Texas.", {"txsd"}),
        ("The unions sued in the D.C. district court.", {"dcd"}),
        ("A judge in the District of Columbia said no.", {"dcd"}),
        ("The District of Columbia federal court vacated the rule.", {"dcd"}),
        ("The DC Circuit ruled on Tuesday.", {"cadc"}),
        # near-misses: a state with several districts, a place that is no court
        ("A federal judge in Texas blocked the transfer.", set()),
        ("The families moved to Vermont in 2019.", set()),
        ("The District of Columbia's mayor objected.", set()),
    ],
)
def test_court_prose_variants(nlp, sentence, expected):
    assert court_keys(nlp, sentence) == expected
