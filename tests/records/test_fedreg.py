"""Federal Register notices: matching programs and routine uses as agreements."""

from __future__ import annotations

from docketflow.extractors.kind import detect_kind
from docketflow.extractors.records.state_agencies import state_agencies

from tests.fixtures.fedreg_samples import MATCHING_DEFAULT, MATCHING_EXCHANGE, MATCHING_SOURCE_PUBLISHES, SORN
from tests.records.helpers import records_of

KIND = "federal_register_notice"


def test_notices_are_their_own_kind_even_when_a_sidecar_says_other() -> None:
    assert detect_kind(MATCHING_DEFAULT) == KIND
    assert detect_kind(SORN, stated="other") == KIND
    assert detect_kind(MATCHING_DEFAULT, stated="news") == "news"
    order = ("UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF MARYLAND\n\nORDER\n\n"
             "IT IS ORDERED that the motion is denied.")
    assert detect_kind(order) == "court_order"


def test_the_publisher_of_a_matching_notice_is_the_recipient_unless_the_text_says_otherwise() -> None:
    (agreement,) = records_of(MATCHING_DEFAULT, KIND, "2031-01-31").agreements
    assert agreement.instrument == "computer_matching_agreement"
    assert (agreement.providers, agreement.recipients) == (["OPM"], ["DOL"])
    assert agreement.purpose == "benefits_administration"
    assert (agreement.effective, agreement.expires, agreement.status) == ("2031-03-10", "2032-09-09", "proposed")
    assert set(agreement.data_categories) == {"name", "ssn", "date_of_birth"}
    assert len(agreement.legal_basis) == 1  # the act and its codification are one law
    assert "Paperwork Reduction Act" not in agreement.legal_basis  # authority for the reports, not the match
    assert any("matching" in e.text for e in agreement.evidence if "providers" in e.supports)


def test_a_publisher_that_discloses_is_the_provider_and_state_agencies_are_slugs() -> None:
    (agreement,) = records_of(MATCHING_SOURCE_PUBLISHES, KIND, "2031-02-02").agreements
    assert agreement.providers == ["IRS"]
    assert set(agreement.recipients) == {"co-cdhs", "co-cdor"}
    assert agreement.status == "in_effect"


def test_agencies_that_share_and_compare_are_on_both_sides_and_classes_are_not_parties() -> None:
    (agreement,) = records_of(MATCHING_EXCHANGE, KIND, "2031-02-03").agreements
    assert set(agreement.providers) == set(agreement.recipients) == {"SBA", "USDA"}
    assert agreement.status == "proposed"


def test_each_routine_use_to_a_named_agency_is_an_arrangement_and_standard_uses_are_not() -> None:
    agreements = records_of(SORN, KIND, "2031-03-21").agreements
    assert sorted(a.recipients[0] for a in agreements) == ["SSA", "TREASURY"]
    for agreement in agreements:
        assert agreement.instrument == "routine_use"
        assert agreement.providers == ["FSA"]  # the sub-agency the AGENCY line names
        assert agreement.legal_basis == ["5 U.S.C. § 552a"] or agreement.legal_basis == ["Privacy Act"]
        assert (agreement.effective, agreement.status) == ("2031-04-20", "proposed")
    ssa = next(a for a in agreements if a.recipients == ["SSA"])
    assert ssa.data_categories == ["address"]


def test_state_agencies_are_keyed_by_state_and_acronym() -> None:
    text = ("the Nevada Department of Employment, Training and Rehabilitation (NV-DETR) and the State of "
            "Oregon's Department of Human Services (DHS) and Employment Department")
    assert [s.key for s in state_agencies(text)] == ["nv-detr", "or-dhs"]
