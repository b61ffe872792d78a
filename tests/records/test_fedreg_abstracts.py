"""Federal Register notices kept only as their one-paragraph abstract, and sibling agencies kept apart.

Every notice here is made up in the Register's forms; each table pairs a hit with a near-miss.
"""

from __future__ import annotations

import pytest
from docketflow.extractors.kind import detect_kind

from tests.records.helpers import fields, merged_agreements, records_of

PUBLISHED = "2026-03-13"
TITLE = "Privacy Act of 1974; Matching Program\n(abstract of the notice)\n\nAbstract: "


@pytest.mark.parametrize(("text", "kind"), [
    # the Register's title of a Privacy Act notice makes a notice, even with no labelled heads
    (TITLE + "The Mint is providing notice of a matching program with the Census Bureau.", "federal_register_notice"),
    ("Privacy Act of 1974; System of Records\n\nThe Mint proposes to modify a system of records.",
     "federal_register_notice"),
    # near-miss: the act named in a sentence is not a notice's title
    ("The Privacy Act of 1974 governs matching programs between agencies, the report said.", "other"),
])
def test_a_privacy_act_title_makes_a_notice(text: str, kind: str) -> None:
    assert detect_kind(text, "other") == kind


ABSTRACTS = [
    # the issuer is the subject of the notice verb; the program "between" it and another: the other provides
    (TITLE + "As the Act requires, the Labor Department's Employment and Training Administration (ETA) is "
     "providing notice that it renews its matching program between ETA and SSA.",
     {"providers": ["SSA"], "recipients": ["ETA"]}),
    # no issuer named: the role words decide ("X will disclose ... to Y")
    (TITLE + "This notice concerns a match run together with the Labor Department. Under this matching "
     "program, the Labor Department will disclose wage records to SSA.",
     {"providers": ["DOL"], "recipients": ["SSA"]}),
    # the role labels, whatever the order
    (TITLE + "Notice is hereby given of a renewed matching program that links the Education Department (the "
     "recipient agency) to the Labor Department (the source agency).",
     {"providers": ["DOL"], "recipients": ["ED"]}),
    # near-miss: the name of a "data exchange program" is not an exchange in both directions
    (TITLE + "Medicare's CMS is providing notice that the data exchange program between SSA and CMS goes on.",
     {"providers": ["SSA"], "recipients": ["CMS"]}),
]


@pytest.mark.parametrize(("text", "expected"), ABSTRACTS)
def test_an_abstract_gives_its_program(text: str, expected: dict[str, list[str]]) -> None:
    (agreement,) = records_of(text, "federal_register_notice", PUBLISHED).agreements
    assert fields(agreement, ["instrument", *expected]) == {
        "instrument": "computer_matching_agreement", **{k: set(v) for k, v in expected.items()}}


def test_a_routine_use_abstract_names_its_issuer_and_recipient() -> None:
    text = ("Privacy Act of 1974; System of Records\n\nAbstract: The Department of Energy is modifying six of its "
            "notices, adding a routine use under which it may pass records to the Treasury to stop improper "
            "payments.")
    (agreement,) = records_of(text, "federal_register_notice", PUBLISHED).agreements
    assert (agreement.instrument, agreement.providers, agreement.recipients) == ("routine_use", ["DOE"], ["TREASURY"])


def test_sibling_agencies_of_one_department_hold_separate_programs() -> None:
    one = TITLE + "Under this program, the Centers for Medicare & Medicaid Services will disclose records to SSA."
    two = TITLE + "Under this program, the Office of Child Support Services will disclose records to SSA."
    records = merged_agreements([one, two], "federal_register_notice", PUBLISHED)
    assert sorted(r.providers[0] for r in records) == ["CMS", "OCSS"]


def test_an_agency_and_its_department_are_one_party_in_reports() -> None:
    # outside a notice's own program, the department stands for its agency ("HHS" in one report, "CMS" in another)
    (record,) = merged_agreements(["The Centers for Medicare & Medicaid Services sends Medicaid records to ICE "
                                   "under an agreement.", "HHS sends Medicaid records to ICE under the agreement."],
                                  "news", PUBLISHED)
    assert record.providers == ["CMS"]
