"""Issue 22, item 2: each form in which documents give the numbers of one litigation links them into one case,
read end to end (`docketflow.extract`, then the export's placing): a court of appeals' "D.C. No." line,
"Appeal from ... No.", "on appeal from", consolidated numbers, and a Supreme Court application that names the
court of appeals' number (the case name alone: tests/records/test_litigation.py). Every document is made up."""

from __future__ import annotations

import pytest
from docketflow.extractors.records.litigation import Litigation
from docketflow.pipeline.store import case_source

import docketflow

ORDER = """UNITED STATES DISTRICT COURT
DISTRICT OF MARYLAND

STATE OF DELAWARE, et al., Plaintiffs,
v.
SOCIAL SECURITY ADMINISTRATION, et al., Defendants.

Case No. 8:31-cv-00417-PQR

ORDER

The injunction request is GRANTED. The agency may not send wage files to ICE.

Signed: March 3, 2031
/s/ Theodora Q. Vance
United States District Judge
"""
APPEAL = """UNITED STATES COURT OF APPEALS
FOR THE FOURTH CIRCUIT

STATE OF DELAWARE; et al., Plaintiffs-Appellees,
v.
SOCIAL SECURITY ADMINISTRATION; et al., Defendants-Appellants.

{numbers}
Decided: June 9, 2031

PER CURIAM:

The agency wants the district judge's order undone. We find no error in it.

AFFIRMED.
"""
STAY = """SUPREME COURT OF THE UNITED STATES

Application No. 31A77

SOCIAL SECURITY ADMINISTRATION, ET AL. v. DELAWARE, ET AL.

ON APPLICATION FOR STAY

[August 14, 2031]

The Court grants the application. The district judge's order, kept in force on appeal (Court of Appeals for
the Fourth Circuit, No. 31-1290), is stayed until the petition for certiorari is disposed of.
"""


def _cases(*texts: str) -> list:
    docs = [docketflow.extract(text, path=f"doc{i}.txt") for i, text in enumerate(texts)]
    holdings = [h for d in docs for h in d.holdings]
    return Litigation(holdings, {d.document.doc_id: case_source(d.document.model_dump(mode="json"))
                                 for d in docs}).cases


@pytest.mark.parametrize("numbers", [
    "No. 31-1290\n\nD.C. No. 8:31-cv-00417-PQR\n",
    "No. 31-1290\n\nAppeal from the United States District Court for the District of Maryland, "
    "No. 8:31-cv-00417-PQR.\n",
    "No. 31-1290\n\nOn appeal from the United States District Court for the District of Maryland "
    "(No. 8:31-cv-00417-PQR).\n",
    "Nos. 31-1290, 31-1291\n\nAppeal from the United States District Court for the District of Maryland, "
    "at Baltimore. (8:31-cv-00417-PQR)\n",
])
def test_an_appeal_giving_the_district_number_joins_the_district_case(numbers: str) -> None:
    (case,) = _cases(ORDER, APPEAL.format(numbers=numbers))
    assert case.courts == ["mdd", "ca4"]
    assert {"31-1290", "8:31-cv-00417-PQR"} <= set(case.dockets)
    if "31-1291" in numbers:  # consolidated numbers are all the case's
        assert "31-1291" in case.dockets


def test_a_supreme_court_stay_naming_the_appeal_number_joins_the_case() -> None:
    (case,) = _cases(ORDER, APPEAL.format(numbers="No. 31-1290\n\nD.C. No. 8:31-cv-00417-PQR\n"), STAY)
    assert case.courts == ["mdd", "ca4", "scotus"]


def test_near_miss_an_appeal_giving_another_district_number_is_another_case() -> None:
    other = APPEAL.format(numbers="No. 31-1290\n\nD.C. No. 8:31-cv-00999-PQR\n").replace(
        "STATE OF DELAWARE", "STATE OF VERMONT")
    assert len(_cases(ORDER, other)) == 2
