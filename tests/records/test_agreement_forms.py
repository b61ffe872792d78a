"""Forms of agreement in prose: taking and access, instruments named by other words, signers, back-references,
signing dates, legal basis, roles around "with" and "lets", and how a record names its parties across documents.

Every passage is made up in the general form of a news report (made-up agencies' dealings, no real article's
wording); each table pairs the form a rule must read with a near-miss it must not.
"""

from __future__ import annotations

import pytest
from docketflow.extractors.records import AgreementBook
from docketflow.extractors.records.cues import first_label
from docketflow.extractors.records.merge import agreement_id
from docketflow.models import Agreement, Evidence

from tests.records.helpers import fields, records_of

FRIDAY = "2026-03-13"  # a Friday


def _agreements(text: str) -> list[Agreement]:
    return records_of(text, "news", FRIDAY).agreements


def _parties(text: str) -> set[tuple[tuple[str, ...], tuple[str, ...], str | None]]:
    return {(tuple(a.providers), tuple(a.recipients), a.instrument) for a in _agreements(text)}


# (passage, expected fields of its only agreement)
FORMS = [
    # a recipient taking data out of another agency's records: data_access, one record per provider below
    ("DOGE has been copying payroll files from the Department of Labor.",
     {"providers": {"DOL"}, "recipients": {"DOGE"}, "instrument": "data_access"}),
    # a possessive accessor with an adjective before "access"
    ("A judge halted DOGE's unrestricted access to Small Business Administration payroll data.",
     {"providers": {"SBA"}, "recipients": {"DOGE"}, "instrument": "data_access", "status": "enjoined"}),
    # an appositive between the accessor and "has access"; "now has access" is operating
    ("DOGE, a unit formed last spring, now has access to Department of Education loan systems.",
     {"providers": {"ED"}, "recipients": {"DOGE"}, "status": "in_effect"}),
    # no accessor by position, but the data is "stored in" one agency's systems: the other one gets access
    ("The judge ruled that DOGE employees broke the law when they gained access to records stored in OPM's "
     "systems.", {"providers": {"OPM"}, "recipients": {"DOGE"}, "instrument": "data_access"}),
    # a bare memo between agencies is a memorandum of understanding
    ("Under a memo signed in March, the Department of Labor shares wage files with the Census Bureau.",
     {"instrument": "memorandum_of_understanding", "signed": "2026-03"}),
    # a partnership is an agreement; "with" after it marks the other party, here the provider
    ("Under a partnership with the Postal Service, FEMA can review change-of-address records.",
     {"providers": {"USPS"}, "recipients": {"FEMA"}, "instrument": "other"}),
    # a system of records notice publishes routine uses; "it" giving is the one department named before it
    ("The Department of Veterans Affairs revised its system of records notice so that it can disclose claim "
     "files to FEMA.", {"providers": {"VA"}, "recipients": {"FEMA"}, "instrument": "routine_use"}),
    ("The Department of Veterans Affairs revised its notice, confirming it has been sending claim files to FEMA.",
     {"providers": {"VA"}, "recipients": {"FEMA"}, "status": "in_effect"}),
    # "with" beside a giving verb still makes the recipient
    ("CMS is working with DHS to share Medicaid data on enrollees.",
     {"providers": {"CMS"}, "recipients": {"DHS"}, "data_categories": {"benefits_enrollment"}}),
    # the one let give is the provider; the one let take is the recipient
    ("The order lets the Department of Veterans Affairs keep sending claim files to FEMA.",
     {"providers": {"VA"}, "recipients": {"FEMA"}}),
    ("The order lets FEMA obtain claim files from the Department of Veterans Affairs.",
     {"providers": {"VA"}, "recipients": {"FEMA"}}),
    # "between" read on the agency names, one of which holds "and"
    ("The data-sharing agreement between the Substance Abuse and Mental Health Services Administration and the "
     "Census Bureau was signed on May 4, 2026.",
     {"providers": {"SAMHSA"}, "recipients": {"CENSUS"}, "signed": "2026-05-04"}),
    # the date a signing verb governs, not the one a reporting verb does
    ("Officials said Friday that the Department of Labor signed an agreement on Monday to share wage files with "
     "the Census Bureau.", {"signed": "2026-03-09", "status": "in_effect"}),
    # two departments that sign together give the signing to the arrangement described between them
    ("The Department of Labor shares wage files with the Census Bureau. The Department of Labor and the Commerce "
     "Department executed a memorandum of understanding on March 3, 2026.",
     {"providers": {"DOL"}, "recipients": {"CENSUS"}, "instrument": "memorandum_of_understanding",
      "signed": "2026-03-03", "status": "in_effect"}),
    # ... and when none is described, both are on both sides
    ("The Department of Labor and the Department of Commerce executed a memorandum of understanding in March 2026.",
     {"providers": {"DOL", "DOC"}, "recipients": {"DOL", "DOC"}, "signed": "2026-03"}),
    # a sentence that refers back to the instrument and names no agency: the document's one arrangement
    ("The Department of Labor shares wage files with the Census Bureau under an agreement. The memorandum of "
     "understanding, officials said, covers only names.", {"instrument": "memorandum_of_understanding"}),
    ("The Department of Labor agreed to share wage files with the Census Bureau. The signing of the agreement took "
     "place Tuesday.", {"signed": "2026-03-10"}),
    # a statute that says how courts review agencies is not a legal basis; a code's name gives way to its section
    ("The Department of Labor shares wage files with the Census Bureau under a memorandum of understanding; the "
     "union says the pact is arbitrary and capricious under the Administrative Procedure Act.",
     {"legal_basis": set()}),
    ("The IRS sends mailing addresses to ICE under an MOU that rests on the Internal Revenue Code and "
     "26 U.S.C. § 6103(i)(2).", {"legal_basis": {"26 U.S.C. § 6103"}}),
    ("The IRS shares addresses with ICE under an MOU of 2031 that rests on the Internal Revenue "
     "Code.", {"legal_basis": {"Internal Revenue Code"}}),
    # a purpose word inside the data's name is not the purpose; checking voters is election administration
    ("The Social Security Administration sends immigration status records to the Census Bureau.",
     {"purpose": None, "data_categories": {"immigration_status"}}),
    ("The Social Security Administration shares records with DHS for voter citizenship checks.",
     {"purpose": "other"}),
    # data listed once for one provider is its data
    ("The Department of Labor gave DOGE access to files holding Social Security numbers.",
     {"data_categories": {"ssn"}}),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_agreement_forms(text: str, expected: dict[str, object]) -> None:
    (agreement,) = _agreements(text)
    assert fields(agreement, list(expected)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # taking by someone who is not an agency
        "Reporters have been copying payroll files from the Department of Labor.",
        # access with nobody getting it
        "A judge halted the unrestricted access to Small Business Administration payroll data.",
        # a denied grant
        "The pact does not give FEMA direct access to Department of Veterans Affairs records.",
        "The Department of Labor never shared payroll records with the Census Bureau.",
        # "to deal with" is not a deal; "with" after no giving verb makes no recipient
        "FEMA had to deal with the Postal Service over change-of-address records.",
        "The Census Bureau clashed with DOGE over survey records.",
        # two departments that criticize an instrument did not sign it
        "The Department of Labor and the Commerce Department criticized the memorandum of understanding.",
        # "it" with two departments named before it: which one gives, the text does not say
        "The Department of Veterans Affairs and the Census Bureau met on Monday, and officials said it has been "
        "sending claim files to FEMA.",
    ],
)
def test_near_misses_describe_no_agreement(text: str) -> None:
    assert _agreements(text) == []


def test_taking_from_several_providers_is_one_record_each() -> None:
    text = "DOGE has been copying payroll files from the Department of Labor and the Census Bureau."
    assert _parties(text) == {(("DOL",), ("DOGE",), "data_access"), (("CENSUS",), ("DOGE",), "data_access")}


def test_data_listed_once_for_several_departments_goes_to_none() -> None:
    text = ("The Small Business Administration and the Department of Labor gave DOGE access to files holding Social "
            "Security numbers.")
    agreements = _agreements(text)
    assert {a.providers[0] for a in agreements} == {"SBA", "DOL"}
    assert all(a.data_categories == [] for a in agreements)


def test_an_agency_that_has_access_to_data_and_gives_it_holds_that_data() -> None:
    text = ("A judge let DOGE keep accessing systems at the Labor Department. The Labor Department has access "
            "to records holding bank account numbers and Social Security numbers.")
    (agreement,) = _agreements(text)
    assert (agreement.providers, agreement.recipients) == (["DOL"], ["DOGE"])
    assert set(agreement.data_categories) == {"financial_information", "ssn"}
    # near-miss: an agency that has access to data and gives nothing to anyone is the one with access
    (alone,) = _agreements("ICE has access to Social Security numbers, officials said.")
    assert (alone.providers, alone.recipients) == ([], ["ICE"])


def test_near_miss_memorandum_opinion_and_reporting_date() -> None:
    # a court's memorandum opinion is not a memorandum of understanding
    (opinion,) = _agreements("Its memorandum opinion says the Department of Labor shares wage files "
                             "with the Census Bureau.")
    assert opinion.instrument != "memorandum_of_understanding"
    # a date that tells when something was said is no signing date
    (said,) = _agreements("The Department of Labor shares wage files with the Census Bureau, officials said "
                          "Tuesday.")
    assert said.signed is None


def test_near_miss_back_reference_with_two_arrangements_chooses_none() -> None:
    text = ("The Department of Labor shares wage files with the Census Bureau. FEMA sends home addresses to the "
            "Postal Service. The memorandum of understanding, officials said, covers only names.")
    assert {a.instrument for a in _agreements(text)} == {None}


def test_near_miss_back_reference_is_not_read_in_court_documents() -> None:
    text = ("The Department of Labor shares wage files with the Census Bureau. The memorandum of understanding, the "
            "parties agree, covers only names.")
    (agreement,) = records_of(text, "opinion", FRIDAY).agreements
    assert agreement.instrument != "memorandum_of_understanding"


@pytest.mark.parametrize(
    ("field", "text", "label"),
    [
        ("instrument", "the Labor-Commerce memo", "memorandum_of_understanding"),
        ("instrument", "a policy memo on hiring", "policy"),
        ("instrument", "the defendants' memorandum of law", None),
        ("instrument", "the Mint signed a deal with the Census Bureau", "other"),
        ("instrument", "agencies must deal with the backlog", None),
        ("instrument", "the new SORN adds a routine use", "routine_use"),
        ("instrument", "under the Energy Policy Act", None),
        ("status", "The pact lets FEMA query VA files.", "in_effect"),
        ("status", "The pact does not give FEMA access to VA files.", None),
        ("status", "The pact is active until June 30.", "in_effect"),
    ],
)
def test_cue_rows_and_near_misses(field: str, text: str, label: str | None) -> None:
    assert first_label(field, text) == label


def _description(doc: str, providers: list[str], recipients: list[str], named: bool) -> Agreement:
    supports = ["recipients", "providers"] if named else ["recipients"]
    doc_id = doc * 64
    evidence = [Evidence(doc_id=doc_id, start=0, end=4, page=None, text="text", supports=supports)]
    return Agreement(id=agreement_id(providers, recipients, "data_access"), doc_ids=[doc_id],
                     instrument="data_access", providers=providers, recipients=recipients, evidence=evidence,
                     confidence=0.5)


def _merged(*descriptions: Agreement) -> Agreement:
    book = AgreementBook()
    for description in descriptions:
        book.add(description)
    (record,) = book.records()
    return record


def test_an_inferred_provider_never_narrows_a_named_one() -> None:
    named = _description("a", ["TREASURY"], ["DOGE"], named=True)
    inferred = _description("b", ["IRS"], ["DOGE"], named=False)  # guessed from the tax data it mentions
    assert _merged(named, inferred).providers == ["TREASURY"]
    # near-miss: two named providers of one department, one each: the more specific stays
    assert _merged(named, _description("c", ["IRS"], ["DOGE"], named=True)).providers == ["IRS"]


def test_a_side_is_named_as_most_documents_name_it() -> None:
    most = [_description(doc, ["TREASURY"], ["DOGE"], named=True) for doc in "abc"]
    assert _merged(*most, _description("d", ["IRS"], ["DOGE"], named=True)).providers == ["TREASURY"]
