"""A notice's program between the exact agencies it names, its authority in an abstract, and uses that serve the
Treasury's payment work. Every notice here is made up in the Register's forms, hits beside near-misses."""

from __future__ import annotations

import pytest

from tests.records.helpers import merged_agreements, records_of

PUBLISHED = "2026-03-13"
TITLE = "Privacy Act of 1974; Matching Program\n\nAbstract: "
USE = "Privacy Act of 1974; System of Records\n\nAbstract: "


def test_a_department_and_its_agency_announce_two_programs() -> None:
    whole = TITLE + "Under this program, the Labor Department will disclose wage records to Veterans Affairs."
    part = TITLE + ("Under this program, the Labor Department will disclose wage records to the Veterans Health "
                    "Administration.")
    records = merged_agreements([whole, part], "federal_register_notice", PUBLISHED)
    assert sorted(r.recipients[0] for r in records) == ["VA", "VHA"]


def test_an_abstract_names_what_authorizes_the_match() -> None:
    text = TITLE + ("Under this program, the IRS will disclose tax data for student aid to Education, under the "
                    "authority of the FUTURE Act.")
    (agreement,) = records_of(text, "federal_register_notice", PUBLISHED).agreements
    assert agreement.legal_basis == ["FUTURE Act"]


def test_an_act_named_without_an_authority_cue_is_not_the_basis() -> None:
    text = TITLE + ("Under this program, the IRS will disclose tax data for student aid to Education; the FUTURE "
                    "Act changed the aid formula.")
    (agreement,) = records_of(text, "federal_register_notice", PUBLISHED).agreements
    assert agreement.legal_basis == []


@pytest.mark.parametrize(("text", "purpose"), [
    # a use to the Treasury about payments or debts serves the Treasury's payment work
    (USE + "The Department of Energy is adding a routine use under which it may hand files to the Treasury to "
     "recoup overpaid grants.", "other"),
    # near-miss: a use to another agency about eligibility is benefits administration
    (USE + "The Department of Energy is adding a routine use under which it may hand files to the Department "
     "of Agriculture to verify eligibility for heating aid.", "benefits_administration"),
])
def test_a_use_for_the_treasurys_payments_is_other(text: str, purpose: str) -> None:
    (agreement,) = records_of(text, "federal_register_notice", PUBLISHED).agreements
    assert agreement.purpose == purpose
