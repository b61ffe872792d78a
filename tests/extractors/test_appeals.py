"""An appellate decision's own effect, agencies and data: the order below is its subject, the disposition its act.

Every document here is made up in the form of the real thing: a circuit memorandum or order with a caption, the
sentence saying what is appealed, a few numbered paragraphs and a decretal line.
"""

from __future__ import annotations

import pytest
from docketflow.extractors.records.appeals import Lower, appeal_effect
from docketflow.extractors.records.decisions import Decision

from tests.records.helpers import fields, records_of

HEAD = ("UNITED STATES COURT OF APPEALS\nFOR THE FOURTH CIRCUIT\n\n"
        "TAXPAYER PRIVACY ALLIANCE, et al.,\n                Plaintiffs-Appellees,\n\n  v.\n\n"
        "INTERNAL REVENUE SERVICE, et al.,\n                Defendants-Appellants.\n\n"
        "No. 24-1873\n\nD.C. No. 1:24-cv-00912-JQR\n\nMEMORANDUM\n\n"
        "Appeal from the United States District Court\nfor the District of Maryland\n\n"
        "Filed March 9, 2026\n\nBefore: ALBRECHT, MOYO, and TREMBLAY, Circuit Judges.\n\n")
STAY_HEAD = HEAD.replace("MEMORANDUM", "ORDER")

IRS_APPEAL = ("The Internal Revenue Service appeals the district court's order {ruling} a preliminary injunction "
              "against the disclosure of taxpayer records to U.S. Immigration and Customs Enforcement.")
SSA_APPEAL = ("The Social Security Administration (SSA) and the Department of Homeland Security appeal the district "
              "court's order {ruling} the plaintiffs' motion for a preliminary injunction halting every transfer of "
              "beneficiary files to the Department of Homeland Security.")

# (document after HEAD, kind, expected fields of its one holding); documents whose lower order and decretal line
# say what the decision does to the sharing
HITS = [
    # a whole affirmance of an injunction leaves the sharing barred: what the order below bars (the appealed
    # sentence's records) and what the court upholds stay barred
    (IRS_APPEAL.format(ruling="granting") + "\n\n1. The district court did not err in holding that handing over "
     "taxpayer home addresses likely exceeds what the statute allows.\n\nAFFIRMED.",
     "opinion", {"disposition": "affirmed", "effect": "barred", "agencies": {"IRS", "ICE"},
                 "data_barred": {"address", "tax_return_information"}, "data_permitted": set()}),
    # partly affirmed, partly vacated: limited, what the court undoes let through
    (SSA_APPEAL.format(ruling="granting") + "\n\n1. The district court did not abuse its discretion when it "
     "held the plaintiffs likely to prove that any release of Social Security numbers breaks the law.\n\n"
     "2. The injunction is overbroad insofar as it forbids the agency from confirming beneficiaries' dates of "
     "birth. We therefore vacate that portion of it.\n\nAFFIRMED in part, VACATED in part, and REMANDED.",
     "opinion", {"disposition": "other", "effect": "limited", "agencies": {"SSA", "DHS"},
                 "data_barred": {"ssn", "benefits_enrollment"}, "data_permitted": {"date_of_birth"}}),
    (SSA_APPEAL.format(ruling="granting") + "\n\nAFFIRMED in part, REVERSED in part.",
     "opinion", {"effect": "limited", "agencies": {"SSA", "DHS"}}),
    # a reversal of an injunction lets the sharing through; what the order below barred is now let through
    ("The Internal Revenue Service appeals the district judge's order enjoining it from sharing taxpayer "
     "home addresses with U.S. Immigration and Customs Enforcement.\n\nREVERSED.",
     "opinion", {"disposition": "reversed", "effect": "permitted", "agencies": {"IRS", "ICE"},
                 "data_permitted": {"address"}, "data_barred": set()}),
    (SSA_APPEAL.format(ruling="granting") + "\n\nVACATED and REMANDED.",
     "opinion", {"disposition": "vacated", "effect": "permitted"}),
    # an affirmance of a denial of an injunction lets the sharing through
    (IRS_APPEAL.format(ruling="denying") + "\n\nAFFIRMED.",
     "opinion", {"disposition": "affirmed", "effect": "permitted", "agencies": {"IRS", "ICE"}}),
    # a stay of an injunction pending appeal lets the sharing through while the appeal goes on
    ("The Social Security Administration moves for a stay pending its appeal of the district judge's "
     "order that enjoins it from transferring beneficiary files to the Department of Homeland Security.\n\n"
     "The agency's stay motion is GRANTED.",
     "court_order", {"motion": "stay", "disposition": "granted", "effect": "permitted", "agencies": {"SSA", "DHS"}}),
    # the order below named in a sentence of its own: what it barred is what the stay lets through
    ("The district court preliminarily enjoined the Social Security Administration from transferring earnings "
     "records to the Department of Homeland Security. Pending its appeal, the agency now seeks "
     "a stay.\n\nThe agency's stay motion is GRANTED.",
     "court_order", {"effect": "permitted", "agencies": {"SSA", "DHS"}, "data_permitted": {"income"},
                     "data_barred": set()}),
    # a signed opinion: the appealed sentence only names the injunction, the opening says what it barred, and the
    # court's reasons come paragraphs later
    ("In this appeal, the Internal Revenue Service challenges the district court's preliminary injunction.\n\n"
     "The district court enjoined the agency from disclosing taxpayer addresses to U.S. Immigration and Customs "
     "Enforcement. It found the plaintiffs likely to succeed.\n\nWe conclude that the district court erred in "
     "reading the statute.\n\nFor these reasons, we reverse the order granting the preliminary injunction.",
     "opinion", {"disposition": "reversed", "effect": "permitted", "agencies": {"IRS", "ICE"},
                 "data_permitted": {"address"}, "data_barred": set()}),
]


@pytest.mark.parametrize(("body", "kind", "expected"), HITS)
def test_appellate_decision_reads_its_effect_from_the_order_below(body: str, kind: str, expected: dict) -> None:
    (holding,) = records_of((STAY_HEAD if kind == "court_order" else HEAD) + body, kind).holdings
    assert holding.court == "ca4"
    assert fields(holding, list(expected)) == expected


# (document after HEAD, what must stay unread); near misses
MISSES = [
    # an appeal about something other than data sharing has no effect on any sharing, even one by an agency
    ("The Department of the Interior appeals the district court's order granting a preliminary injunction "
     "against the lease sale.\n\nAFFIRMED.", {"effect": None, "agencies": set()}),
    ("The Bureau of Land Management appeals the district court's order granting a preliminary injunction "
     "against the new grazing fee schedule.\n\nAFFIRMED.", {"effect": None, "data_barred": set()}),
    # an opinion that only cites another case's injunction takes no effect from it
    ("The Internal Revenue Service appeals the dismissal of a refund suit as untimely. In Doe v. Treasury, "
     "the court affirmed a preliminary injunction barring disclosure of taxpayer addresses to U.S. Immigration "
     "and Customs Enforcement. That case does not help the taxpayer here.\n\nAFFIRMED.",
     {"effect": None, "data_barred": set(), "data_permitted": set()}),
    # a party's argument that the court erred is not the court's stance
    (IRS_APPEAL.format(ruling="granting") + "\n\nThe agency contends that the district court erred in barring "
     "disclosure of taxpayer addresses.\n\nAFFIRMED.", {"effect": "barred", "data_permitted": set()}),
    # an appeal dismissed says nothing of the order below
    (IRS_APPEAL.format(ruling="granting") + "\n\nDISMISSED.", {"effect": None}),
]


@pytest.mark.parametrize(("body", "expected"), MISSES)
def test_appellate_near_misses(body: str, expected: dict) -> None:
    (holding,) = records_of(HEAD + body, "opinion").holdings
    assert fields(holding, list(expected)) == expected


# (ruling below, decision's motion, disposition, decretal words, expected effect): the module's table
TABLE = [
    ("granted", "appeal", "affirmed", "AFFIRMED.", "barred"),
    ("granted_in_part", "appeal", "affirmed", "AFFIRMED.", "limited"),
    ("granted", "appeal", "other", "AFFIRMED in part, VACATED in part.", "limited"),
    ("granted", "appeal", "reversed", "REVERSED.", "permitted"),
    ("granted", "appeal", "vacated", "VACATED.", "permitted"),
    ("denied", "appeal", "affirmed", "AFFIRMED.", "permitted"),
    ("denied", "appeal", "reversed", "REVERSED.", "barred"),
    ("granted", "stay", "granted", "The stay motion is GRANTED.", "permitted"),
    ("granted", "stay", "denied", "The stay motion is DENIED.", "barred"),
    ("granted", "appeal", "remanded", "REMANDED.", None),
    ("granted", "appeal", "dismissed", "DISMISSED.", None),
]


@pytest.mark.parametrize(("ruling", "motion", "disposition", "words", "effect"), TABLE)
def test_effect_table(ruling: str, motion: str, disposition: str, words: str, effect: str | None) -> None:
    found = appeal_effect(Lower(ruling, 0, 0), Decision(motion, disposition, 0, len(words), "closing"), words)
    assert (found[0] if found else None) == effect
