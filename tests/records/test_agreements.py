"""Agreements: direction, instrument, data, purpose, legal basis, dates, and merging across documents."""

from __future__ import annotations

import pytest
from docketflow.extractors.records import AgreementBook

from tests.records.helpers import fields, records_of

# (passage, expected fields of the single agreement)
AGREEMENTS = [
    # provider agreed to give the recipient named data under a named instrument signed on a date
    ("The IRS agreed to provide ICE with the names and mailing addresses of filers under a memorandum of "
     "understanding signed on March 19, 2025.",
     {"instrument": "memorandum_of_understanding", "signed": "2025-03-19", "data_categories": {"name", "address"},
      "providers": {"IRS"}, "recipients": {"ICE"}}),
    # the recipient asks the provider for data, with a purpose: a proposal
    ("ICE requested current addresses from the IRS to support immigration enforcement.",
     {"status": "proposed", "purpose": "immigration_enforcement", "recipients": {"ICE"}, "providers": {"IRS"},
      "data_categories": {"address"}}),
    # an access instrument given by the provider to the recipient
    ("CMS gave DHS daily access to Medicaid enrollee data.",
     {"providers": {"CMS"}, "recipients": {"DHS"}, "instrument": "data_access",
      "data_categories": {"benefits_enrollment"}}),
    # instrument first, then a transfer verb between two agencies, with a purpose
    ("Under a computer matching agreement, SSA shares Social Security numbers with DHS so its officers can "
     "check eligibility.",
     {"providers": {"SSA"}, "recipients": {"DHS"}, "instrument": "computer_matching_agreement",
      "data_categories": {"ssn"}, "purpose": "benefits_administration"}),
    # a hyphenated pair names both sides; the statute cited for it is its legal basis
    ("The IRS-ICE MOU rests on 26 U.S.C. § 6103(i)(2), which permits disclosure of return information.",
     {"legal_basis": {"26 U.S.C. § 6103"}, "instrument": "memorandum_of_understanding", "providers": {"IRS"},
      "recipients": {"ICE"}}),
    # a court blocking a transfer: the agreement is enjoined
    ("A judge blocked the Social Security Administration from sharing Social Security numbers with ICE.",
     {"providers": {"SSA"}, "recipients": {"ICE"}, "data_categories": {"ssn"}, "status": "enjoined"}),
    # a department and its component hand over records: one agreement, from the component
    ("HHS and CMS handed over Medicaid records to U.S. Immigration and Customs Enforcement.",
     {"providers": {"CMS"}, "recipients": {"ICE"}, "data_categories": {"benefits_enrollment"},
      "purpose": "immigration_enforcement"}),
    # only the recipient is a party of the clause; the provider is the named agency that holds such data
    ("The administration can share Medicaid data with ICE, officials at HHS said.",
     {"providers": {"HHS"}, "recipients": {"ICE"}, "data_categories": {"benefits_enrollment"}}),
]


@pytest.mark.parametrize(("text", "expected"), AGREEMENTS)
def test_agreement_fields(text: str, expected: dict[str, object]) -> None:
    agreements = records_of(text, "news", "2025-06-02").agreements
    assert len(agreements) == 1
    assert fields(agreements[0], list(expected)) == expected


def test_one_sentence_two_providers_two_agreements() -> None:
    text = "ICE obtains Medicaid records from HHS and tax records from the IRS."
    agreements = records_of(text, "news", "2025-06-02").agreements
    got = {(tuple(a.providers), tuple(a.recipients), tuple(a.data_categories)) for a in agreements}
    assert got == {(("HHS",), ("ICE",), ("benefits_enrollment",)), (("IRS",), ("ICE",), ("tax_return_information",))}


@pytest.mark.parametrize(
    "text",
    [
        "The agency declined to comment on the lawsuit.",
        "ICE agents arrested two people in Chicago on Monday.",
        "The IRS published new guidance on charitable deductions.",
        "Lawmakers asked whether the IRS should share data at all.",
    ],
)
def test_no_agreement(text: str) -> None:
    assert records_of(text, "news", "2025-06-02").agreements == []


def test_sentences_about_the_same_parties_merge_within_a_document() -> None:
    text = ("The IRS signed an MOU with ICE in April. Under the MOU, the IRS will provide taxpayer addresses to ICE. "
            "ICE has also sought phone numbers from the IRS.")
    (agreement,) = records_of(text, "news", "2025-06-02").agreements
    assert agreement.instrument == "memorandum_of_understanding"
    assert set(agreement.data_categories) >= {"address", "phone_number"}
    assert len(agreement.evidence) == 2


def test_holding_links_to_the_agreement_and_sets_its_status_and_data() -> None:
    text = ("The federal judge ruled Thursday that HHS may share addresses and phone numbers of Medicaid enrollees "
            "with ICE but barred disclosure of medical records.")
    records = records_of(text, "news", "2026-01-05")
    (holding,) = records.holdings
    (agreement,) = records.agreements
    assert holding.agreement == agreement.id
    assert agreement.status == "limited"
    assert set(agreement.data_categories) == {"address", "phone_number"}


def test_documents_describing_one_agreement_merge_into_one_record() -> None:
    first = records_of("The IRS agreed to provide addresses to ICE through a memorandum of understanding.",
                       "news", "2025-04-08").agreements
    second = records_of("Under its MOU with ICE, the IRS shares taxpayer phone numbers with ICE.",
                        "news", "2025-05-01").agreements
    other = records_of("CMS gave ICE daily access to Medicaid data.", "news", "2025-05-01").agreements
    second = [a.model_copy(update={"doc_ids": ["e" * 64]}) for a in second]
    book = AgreementBook()
    for record in [*first, *second, *other]:
        book.add(record)
    merged = book.records()
    assert len(merged) == 2
    irs = next(a for a in merged if a.providers == ["IRS"])
    assert irs.doc_ids == sorted(["d" * 64, "e" * 64])
    assert set(irs.data_categories) >= {"address", "phone_number"}
    assert len(irs.evidence) == 2
