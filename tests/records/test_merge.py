"""Merging descriptions across documents by parties and instrument, and the history that sets the status."""

from __future__ import annotations

from docketflow.extractors.records import AgreementBook
from docketflow.extractors.records.merge import agreement_id, history_entry, with_history
from docketflow.models import Agreement, Evidence, Holding


def _description(doc: str, providers: list[str], recipients: list[str], instrument: str | None,
                 status: str | None = None) -> Agreement:
    doc_id = doc * 64
    evidence = [Evidence(doc_id=doc_id, start=0, end=4, page=None, text="text", supports=["recipients"])]
    return Agreement(id=agreement_id(providers, recipients, instrument), doc_ids=[doc_id], instrument=instrument,
                     providers=providers, recipients=recipients, status=status, evidence=evidence, confidence=0.5)


def _holding(name: str, decided: str | None, court: str | None, effect: str, agencies: list[str],
             agreement: str | None = None) -> Holding:
    return Holding(id=f"hld-{name}", doc_id="f" * 64, court=court, decided=decided, effect=effect,
                   agencies=agencies, agreement=agreement, confidence=0.5)


def _book(*records: Agreement, holdings: tuple[Holding, ...] = ()) -> AgreementBook:
    book = AgreementBook()
    for record in records:
        book.add(record)
    for holding in holdings:
        book.add_holding(holding)
    return book


def test_a_description_without_instrument_joins_the_only_record_of_its_parties() -> None:
    named = _description("a", ["CMS"], ["ICE"], "data_access")
    unnamed = _description("b", ["HHS"], ["DHS"], None)  # the same departments, named less specifically
    book = _book(named, unnamed)
    (record,) = book.records()
    assert (record.providers, record.recipients, record.instrument) == (["CMS"], ["ICE"], "data_access")
    assert record.doc_ids == ["a" * 64, "b" * 64]
    assert book.final_id(unnamed.id) == book.final_id(named.id) == record.id


def test_descriptions_naming_different_instruments_stay_apart_and_an_unnamed_one_cannot_choose() -> None:
    records = _book(_description("a", ["IRS"], ["ICE"], "memorandum_of_understanding"),
                    _description("b", ["IRS"], ["ICE"], "data_access"),
                    _description("c", ["IRS"], ["ICE"], None)).records()
    assert sorted(str(r.instrument) for r in records) == ["None", "data_access", "memorandum_of_understanding"]


def test_ids_do_not_depend_on_the_order_documents_arrive_in() -> None:
    descriptions = [_description("a", ["USDA"], ["ICE"], "other"), _description("b", ["USDA"], ["ICE"], None),
                    _description("c", ["SSA"], ["DHS"], None)]
    forward = [r.id for r in _book(*descriptions).records()]
    backward = [r.id for r in _book(*reversed(descriptions)).records()]
    assert forward == backward
    assert agreement_id(["USDA"], ["ICE"], "other") in forward


def test_history_is_oldest_first_and_an_appellate_stay_after_an_injunction_sets_the_status() -> None:
    record = _description("a", ["IRS"], ["ICE"], "memorandum_of_understanding")
    injunction = _holding("1", "2031-03-01", "dcd", "barred", ["IRS", "ICE"], record.id)
    stay = _holding("2", "2031-04-15", "cadc", "permitted", ["IRS", "ICE"])  # reported in another document
    (merged,) = _book(record, holdings=(stay, injunction)).records()
    assert [(e.date, e.court, e.effect) for e in merged.history] == [("2031-03-01", "dcd", "barred"),
                                                                      ("2031-04-15", "cadc", "permitted")]
    assert merged.status == "in_effect"


def test_two_reports_of_one_decision_are_one_history_entry() -> None:
    record = _description("a", ["USDA"], ["ICE"], None)
    first = _holding("1", "2031-05-02", "cand", "limited", ["USDA", "ICE"])
    second = _holding("2", "2031-05-02", "cand", "limited", ["ICE"])
    merged = with_history(record, [history_entry(first), history_entry(second)])
    assert [e.holding for e in merged.history] == ["hld-1"]
    assert merged.status == "limited"


def test_a_reversal_restores_what_the_lower_court_stopped() -> None:
    record = _description("a", ["SSA"], ["DHS"], "computer_matching_agreement", "proposed")
    entries = [history_entry(_holding("1", "2031-01-10", "mdd", "barred", [])),
               history_entry(_holding("2", "2031-06-30", "ca4", "permitted", []))]
    assert with_history(record, entries[:1]).status == "enjoined"
    assert with_history(record, entries).status == "in_effect"
