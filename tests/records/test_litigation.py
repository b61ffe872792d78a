"""Decisions and cases across documents (issue 22): one act of one court on one day however many documents
report it, and one litigation across its courts, linked by the numbers and names the documents give."""

from __future__ import annotations

import random

import pytest
from docketflow.extractors.records.litigation import (
    Litigation,
    Source,
    court_level,
    docket_core,
    docket_level,
    name_key,
)
from docketflow.extractors.records.merge import with_decisions
from docketflow.models import Agreement, Holding

ORDER = Source(kind="court_order", date="2031-03-03", dockets=("8:31-cv-00417-PQR",), courts=("mdd",))
NEWS = Source(kind="news", date="2031-03-04")
APPEAL = Source(kind="opinion", date="2031-06-09", dockets=("31-1290", "8:31-cv-00417-PQR"), courts=("ca4", "mdd"))
STAY = Source(kind="court_order", date="2031-08-14", dockets=("31A77", "31-1290"), courts=("scotus", "ca4", "mdd"))
AGREEMENT = "agr-ssa-ice"


def _holding(name: str, doc: str, court: str | None, decided: str | None, **fields: object) -> Holding:
    return Holding(id=f"hld-{name}", doc_id=doc * 64, court=court, decided=decided, confidence=0.5, **fields)


def _litigation(pairs: list[tuple[Holding, Source]]) -> Litigation:
    return Litigation([h for h, _ in pairs], {h.doc_id: s for h, s in pairs})


def _story() -> list[tuple[Holding, Source]]:
    """An order, two articles that report it (one a day later, one without a date), an appeal that gives the
    order's number as the lower court's, and a stay of the Supreme Court that gives the appeal's number."""
    return [
        (_holding("order", "a", "mdd", "2031-03-03", judge="Theodora Q. Vance", docket="8:31-cv-00417-PQR",
                  motion="preliminary_injunction", disposition="granted", effect="barred", agreement=AGREEMENT,
                  case_name="State of Delaware v. Social Security Administration"), ORDER),
        (_holding("news1", "b", "mdd", "2031-03-03", judge="Vance", motion="temporary_restraining_order",
                  disposition="granted_in_part", effect="limited"), NEWS),
        (_holding("news2", "c", "mdd", None, judge="Vance", effect="barred", agreement=AGREEMENT), NEWS),
        (_holding("appeal", "d", "ca4", "2031-06-09", docket="31-1290", motion="appeal", disposition="affirmed"),
         APPEAL),
        (_holding("stay", "e", "scotus", "2031-08-14", docket="31A77", motion="stay", disposition="granted"), STAY),
    ]


def test_an_order_its_reports_an_appeal_and_a_stay_are_one_case_of_three_decisions() -> None:
    litigation = _litigation(_story())
    (case,) = litigation.cases
    assert [(d.court, d.date) for d in case.decisions] == [("mdd", "2031-03-03"), ("ca4", "2031-06-09"),
                                                           ("scotus", "2031-08-14")]
    order, appeal, stay = case.decisions
    assert order.holdings == ["hld-order", "hld-news1", "hld-news2"]  # the court's own document first
    # the order's own values stand against the reports that word it otherwise
    assert (order.judge, order.motion, order.disposition, order.effect) == (
        "Theodora Q. Vance", "preliminary_injunction", "granted", "barred")
    assert (appeal.effect, stay.effect) == ("barred", "permitted")  # affirmed keeps it; a stay lets it go on
    assert appeal.agreements == stay.agreements == [AGREEMENT]
    assert case.courts == ["mdd", "ca4", "scotus"] and case.status == "permitted"
    assert set(case.dockets) >= {"8:31-cv-00417-PQR", "31-1290", "31A77"}
    assert case.name == "State of Delaware v. Social Security Administration"


def test_the_agreement_history_lists_each_decision_once_and_follows_the_latest() -> None:
    litigation = _litigation(_story())
    record = Agreement(id=AGREEMENT, doc_ids=["a" * 64], providers=["SSA"], recipients=["ICE"], status="enjoined",
                       confidence=0.5)
    (placed,) = with_decisions([record], litigation.decisions())
    assert [(e.court, e.effect) for e in placed.history] == [("mdd", "barred"), ("ca4", "barred"),
                                                             ("scotus", "permitted")]
    assert placed.history[0].holding == "hld-order" and all(e.decision for e in placed.history)
    assert placed.status == "in_effect"


def test_the_same_cases_whatever_order_the_holdings_arrive_in() -> None:
    story = _story()
    expected = _litigation(story).cases
    for seed in range(5):
        shuffled = list(story)
        random.Random(seed).shuffle(shuffled)
        assert _litigation(shuffled).cases == expected


def test_holdings_are_placed_with_their_decision_case_and_agreement() -> None:
    story = _story()
    litigation = _litigation(story)
    placed = {h.id: litigation.place(h) for h, _ in story}
    assert placed["hld-news1"].decision == placed["hld-order"].decision
    assert len({h.case for h in placed.values()}) == 1
    assert placed["hld-appeal"].agreement == AGREEMENT  # through its case


@pytest.mark.parametrize(("second", "source", "same"), [
    # hits: another report of the order's day and court
    (dict(court="mdd", decided="2031-03-03"), NEWS, True),
    (dict(court=None, decided="2031-03-03", judge="T. Vance"), NEWS, True),  # no court: the judge's surname
    (dict(court="mdd", decided=None, agreement=AGREEMENT), NEWS, True),      # no day: its agreement
    # near misses
    (dict(court="mdd", decided="2031-03-04"), NEWS, False),                  # another day
    (dict(court="dcd", decided="2031-03-03"), NEWS, False),                  # another court
    (dict(court="mdd", decided="2031-03-03", docket="8:31-cv-00999"), NEWS, False),  # another case's number
    (dict(court=None, decided="2031-03-03", judge="Ada Lind"), NEWS, False),  # no court, another judge
    (dict(court="mdd", decided=None), NEWS, False),                          # no day and nothing shared
])
def test_which_reports_join_a_decision(second: dict, source: Source, same: bool) -> None:
    order = _holding("order", "a", "mdd", "2031-03-03", judge="Theodora Q. Vance", docket="8:31-cv-00417-PQR",
                     agreement=AGREEMENT)
    report = _holding("report", "b", **second)
    litigation = _litigation([(order, ORDER), (report, source)])
    assert (litigation.place(report).decision == litigation.place(order).decision) is same


def test_one_number_in_two_districts_is_two_cases() -> None:
    """Every district has a "31-cv-00417": a number links decisions only within its court."""
    first = _holding("first", "a", "mdd", "2031-03-03", docket="8:31-cv-00417")
    second = _holding("second", "b", "vaed", "2031-04-01", docket="1:31-cv-00417")
    litigation = _litigation([(first, ORDER), (second, Source(kind="court_order", courts=("vaed",)))])
    assert len(litigation.cases) == 2


def test_a_case_name_links_decisions_whose_numbers_are_not_given() -> None:
    first = _holding("first", "a", "mdd", "2031-03-03", case_name="State of Delaware, et al. v. U.S. Dep't of Labor")
    second = _holding("second", "b", "ca4", "2031-05-01", case_name="State of Delaware v. the United States "
                      "Department of Labor")
    assert len(_litigation([(first, NEWS), (second, NEWS)]).cases) == 1


@pytest.mark.parametrize(("second_docket", "cases"), [
    ("8:29-cv-00912", 2),  # one name, another number of the same court: the government sued the state twice
    ("8:31-cv-00417", 1),  # the same number: one case
    (None, 1),  # no number to tell them apart: the name links them
])
def test_one_name_with_two_numbers_of_one_court_is_two_cases(second_docket: str | None, cases: int) -> None:
    name = "United States v. State of Delaware"
    first = _holding("first", "a", "mdd", "2031-03-03", docket="8:31-cv-00417", case_name=name)
    second = _holding("second", "b", "mdd", "2031-09-10", docket=second_docket, case_name=name)
    docket = (second_docket,) if second_docket else ()
    source = Source(kind="court_order", date="2031-09-10", dockets=docket, courts=("mdd",))
    assert len(_litigation([(first, ORDER), (second, source)]).cases) == cases


@pytest.mark.parametrize(("printed", "core", "level"), [
    # one civil number, however a court prints it
    ("8:31-cv-00417-PQR", "31-417", "trial"),
    ("31-cv-417", "31-417", "trial"),
    ("No. 1:31-CV-00417 (ABC)", "31-417", "trial"),
    ("2031-cv-417", "31-417", "trial"),
    ("CIV S-31-0417 ABC DEF", "31-417", "trial"),       # a division letter after the case type
    ("CIV.S.31-00417 ABC", "31-417", "trial"),
    ("B-31-CV-417-XY", "31-417", "trial"),              # a division letter first
    ("31 Civ. 417 (XYZ)", "31-417", "trial"),
    ("31 C 417", "31-417", "trial"),
    ("WDCV 31-0417 ABC (DEx)", "31-417", "trial"),       # a division's civil docket
    # a court of appeals' number, and a Supreme Court application
    ("31-1290", "31-1290", None),
    ("No. 31-01290", "31-1290", None),
    ("31A77", "31a77", "supreme"),
    # near misses: another case type is another case; digits without a separator are no docket number
    ("31-cr-417", "31-cr-417", "trial"),
    ("WDCR 31-0417", "31-cr-417", "trial"),
    ("314170", "314170", None),
])
def test_docket_numbers_are_compared_in_one_form(printed: str, core: str, level: str | None) -> None:
    assert (docket_core(printed), docket_level(printed)) == (core, level)


def test_a_number_with_its_office_code_and_judges_initials_links_across_a_misread_court() -> None:
    """"8:31-cv-00417-PQR" names one case anywhere: an opinion whose court was read wrong still joins it."""
    order = _holding("order", "a", "mdd", "2031-03-03", docket="8:31-cv-00417-PQR")
    misread = _holding("misread", "b", "ca9", "2031-06-09", docket="8:31-cv-00417-PQR (XYZx)")
    assert len(_litigation([(order, ORDER), (misread, Source(kind="opinion", courts=("ca9",)))]).cases) == 1
    bare = _holding("bare", "c", "ca9", "2031-06-09", docket="31-cv-417")  # near miss: the bare number
    assert len(_litigation([(order, ORDER), (bare, Source(kind="opinion", courts=("ca9",)))]).cases) == 2


def test_an_appeal_printing_the_district_number_as_its_own_joins_the_district_case() -> None:
    """A court of appeals' opinion whose caption gives only the district court's number."""
    order = _holding("order", "a", "mdd", "2031-03-03", docket="8:31-cv-00417-PQR")
    appeal = _holding("appeal", "d", "ca4", "2031-06-09", docket="8:31-cv-00417-PQR")
    source = Source(kind="opinion", dockets=("8:31-cv-00417-PQR",), courts=("ca4", "mdd"))
    assert len(_litigation([(order, ORDER), (appeal, source)]).cases) == 1


@pytest.mark.parametrize(("name", "key"), [
    ("State of Delaware, et al. v. U.S. Dep't of Lighthouses", "state delaware v united states department lighthouses"),
    ("STATE OF DELAWARE v. UNITED STATES DEPARTMENT OF LIGHTHOUSES",
     "state delaware v united states department lighthouses"),
    ("Doe vs. Roe", "doe v roe"),
    ("In re Grand Jury Subpoena", None),   # not two sides
    ("v. Roe", None),
])
def test_case_names_are_compared_in_one_form(name: str, key: str | None) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize(("court", "level"), [
    ("scotus", "supreme"), ("ca4", "appeal"), ("cadc", "appeal"), ("mdd", "trial"), ("dcd", "trial"),
    ("cand", "trial"), ("nysupct", "trial"), ("calctapp", "appeal"), (None, None),
])
def test_court_levels(court: str, level: str | None) -> None:
    assert court_level(court) == level


def test_one_report_of_two_acts_of_a_day_is_two_decisions_and_one_order_is_one() -> None:
    """An article on two applications the Supreme Court decided on one day reports two decisions; an order
    whose decretal lines give two holdings ("the application is granted"; "the injunction is stayed") is one."""
    first = _holding("first", "a", "scotus", "2031-08-14", motion="stay", disposition="granted")
    second = _holding("second", "a", "scotus", "2031-08-14", motion="stay", disposition="stayed")
    assert len(_litigation([(first, NEWS), (second, NEWS)]).decisions()) == 2
    assert len(_litigation([(first, STAY), (second, STAY)]).decisions()) == 1
