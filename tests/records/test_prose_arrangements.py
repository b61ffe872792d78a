"""Arrangements in prose: access given to another agency's systems, reported transfers, "the two agencies"."""

from __future__ import annotations

from docketflow.extractors.records import AgreementBook
from docketflow.extractors.records.named_data import named_data

from tests.records.helpers import records_of


def _pairs(text: str) -> set[tuple[tuple[str, ...], tuple[str, ...], str | None]]:
    return {(tuple(a.providers), tuple(a.recipients), a.instrument) for a in records_of(text, "news").agreements}


def test_an_agency_given_access_to_other_agencies_systems_is_one_arrangement_per_provider() -> None:
    text = ("A judge barred the Department of Labor and the Small Business Administration from letting DOGE access "
            "their payroll systems.")
    assert _pairs(text) == {(("DOL",), ("DOGE",), "data_access"), (("SBA",), ("DOGE",), "data_access")}


def test_possessive_and_granted_access_make_the_recipient() -> None:
    # "<agency>'s access to <agency> records": the possessive is the recipient
    assert _pairs("The ruling ended DOGE's access to Commerce Department records.") == {
        (("DOC",), ("DOGE",), "data_access")}
    # "<agency> gave <agency> access to its files": the one given access is the recipient
    assert _pairs("The Office of Personnel Management gave the FBI access to its personnel files.") == {
        (("OPM",), ("FBI",), "data_access")}


def test_access_to_commercial_data_is_not_an_arrangement_between_agencies() -> None:
    assert _pairs("FEMA also accesses commercial data products sold by brokers.") == set()


def test_a_reported_transfer_of_named_records_needs_no_data_category() -> None:
    (agreement,) = records_of("The Department of Education is sharing student aid records with the FBI, officials "
                              "said.", "news").agreements
    assert (agreement.providers, agreement.recipients, agreement.instrument) == (["ED"], ["FBI"], "other")
    assert agreement.status == "in_effect"
    (merged,) = _registry([agreement])
    assert merged.data_categories == ["student aid records"]


def _registry(records: list) -> list:
    book = AgreementBook()
    for record in records:
        book.add(record)
    return book.records()


def test_the_two_agencies_are_the_two_of_the_sentence_before() -> None:
    text = ("The Department of Labor and the Department of Veterans Affairs announced a partnership on Tuesday. "
            "The two departments executed a memorandum of understanding covering benefits data.")
    (agreement,) = records_of(text, "news", "2031-05-08").agreements
    assert set(agreement.providers) == set(agreement.recipients) == {"DOL", "VA"}
    assert agreement.instrument == "memorandum_of_understanding"


def test_lifting_or_refusing_a_block_leaves_the_arrangement_in_effect() -> None:
    (lifted,) = records_of("The appeals court lifted the order that had barred DOGE from accessing Department of "
                           "Energy data.", "news").agreements
    assert lifted.status == "in_effect"


def test_named_data_is_the_phrase_before_a_records_noun() -> None:
    assert named_data("ICE has been querying driver license information through a network") == \
        "driver license information"
    assert named_data("The agencies will facilitate data sharing") is None
    assert named_data("It provided population statistics") is None


def test_a_ruling_naming_only_the_recipient_bears_on_each_arrangement_to_it() -> None:
    """Two departments gave the team access; the appeals court's stay names only the team, so it joins the
    history of both arrangements (not neither, as when it named no provider)."""
    text = ("The Commerce Department and the Labor Department gave DOGE access to their payroll systems. "
            "The Tenth Circuit on Thursday stayed the injunction, letting DOGE keep that access.")
    records = records_of(text, "news", "2026-03-13")
    by_provider = {tuple(a.providers): a for a in records.agreements}
    assert set(by_provider) == {("DOC",), ("DOL",)}
    for agreement in by_provider.values():
        assert [(e.court, e.effect) for e in agreement.history] == [("ca10", "permitted")]
        assert agreement.status == "in_effect"
    assert records.holdings[0].agreement in {a.id for a in records.agreements}
