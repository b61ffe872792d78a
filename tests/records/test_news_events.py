"""News decisions as events: who decided, what, when, and what it does to the sharing.

Every passage here is written for these tests in the style of a news report (made-up judges, made-up
dockets); each table pairs the form a rule must read with a near-miss it must not.
"""

from __future__ import annotations

import pytest
from docketflow.extractors.records.data_split import sentence_polarity

from tests.records.helpers import fields, records_of

FRIDAY = "2026-03-13"  # a Friday

# (passage, expected fields of its only holding) -- the effect comes from the court's act and its object
POLARITY = [
    # refusing a request to bar: the sharing goes on
    ("A federal judge on Thursday rejected a bid by two unions to bar the Labor Department from sharing "
     "workers' addresses with DHS.", {"disposition": "denied", "effect": "permitted", "data_permitted": {"address"}}),
    # a named judge declining to block access
    ("Judge Nora Pell on Thursday declined to block the Labor Department from giving DOGE staff access to its "
     "claims systems.", {"disposition": "denied", "effect": "permitted"}),
    # an appellate court lifting an injunction
    ("The Tenth Circuit on Thursday lifted the injunction, letting the agencies resume sharing Medicaid "
     "enrollment data.", {"court": "ca10", "disposition": "vacated", "motion": "appeal", "effect": "permitted"}),
    # a bar verb on the transfer itself
    ("A federal judge on Thursday halted the transfer of taxpayer records from the IRS to ICE.",
     {"disposition": "granted", "effect": "barred"}),
    # pausing the sharing is barring it
    ("A federal judge on Thursday paused the data sharing between HUD and DHS while the case proceeds.",
     {"effect": "barred"}),
    # granting a stay of an injunction lets the sharing through
    ("The Fifth Circuit on Thursday granted a stay of the lower court's injunction, so the IRS may keep "
     "sending addresses to ICE.", {"motion": "stay", "disposition": "stayed", "effect": "permitted"}),
    # vacating a policy bars what it allowed
    ("A federal judge on Thursday vacated the 2025 policy that let ICE pull addresses from Medicaid records.",
     {"disposition": "vacated", "effect": "barred"}),
    # granting an injunction bars
    ("A federal judge on Thursday granted a preliminary injunction barring CMS from handing Medicaid records "
     "to ICE.", {"motion": "preliminary_injunction", "disposition": "granted", "effect": "barred"}),
    # a split ruling: some data through, some barred
    ("U.S. District Judge Omar Haddad on Thursday partially granted and partially denied the states' motion for "
     "a preliminary injunction, so ICE may obtain only addresses but not medical records.",
     {"effect": "limited", "data_barred": {"health_information"}, "disposition": "granted_in_part"}),
    # the Supreme Court lifting an order below: a stay that lets the access go on
    ("The Supreme Court on Thursday lifted a lower court's injunction that had kept DOGE out of Social Security "
     "records.", {"court": "scotus", "motion": "stay", "effect": "permitted"}),
    # an appellate court reverses or keeps what the order below did
    ("A federal appeals court on Thursday reversed a judge's order that had blocked the transfer of Medicaid "
     "data to ICE.", {"motion": "appeal", "disposition": "reversed", "effect": "permitted"}),
    ("The Eighth Circuit on Thursday upheld the injunction barring the IRS from sharing tax records with ICE.",
     {"court": "ca8", "disposition": "affirmed", "effect": "barred"}),
    # refusing a named motion: the motion is the one refused
    ("A federal judge on Thursday refused to grant a temporary restraining order that would have stopped the "
     "IRS from sharing addresses with ICE.",
     {"effect": "permitted", "disposition": "denied", "motion": "temporary_restraining_order"}),
    # a pronoun subject after a judge named in the sentence before, but not a first line
    ("Judge Rita Cole set a hearing for April 9 on the request. Meanwhile, she ruled on Thursday that the data "
     "could not be shared.", {"judge": "Rita Cole", "decided": "2026-03-12", "effect": "barred"}),
]


@pytest.mark.parametrize(("text", "expected"), POLARITY)
def test_effect_comes_from_the_courts_act(text: str, expected: dict[str, object]) -> None:
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert fields(holding, list(expected)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # what an agency did is not a disposition
        "The lawsuit says the agency unlawfully granted ICE access to taxpayer records on Thursday.",
        # a condition is not a decision
        "The IRS will begin sending addresses on Monday if the transfer is not blocked by a federal judge.",
        # what a party asked for is not a decision
        "On Thursday the unions asked a federal judge to block the transfer of payroll data to DOGE.",
        # an earlier decision told in the past perfect is background
        "The judge had earlier barred the sharing of tax records with ICE.",
    ],
)
def test_no_decision(text: str) -> None:
    assert records_of(text, "news", FRIDAY).holdings == []


# (passage, [(decided, motion, disposition)] of its holdings, in report order)
SEVERAL = [
    # an earlier decision recounted with its date is its own holding; the extension is another
    ("On March 11, a federal court in Oregon extended a March 2 temporary restraining order that bars HUD from "
     "sharing tenant files with ICE.",
     [("2026-03-11", "temporary_restraining_order", "modified"),
      ("2026-03-02", "temporary_restraining_order", "granted")]),
    # the TRO and the injunction that replaced it, each dated by its own clause
    ("In January, a federal judge in Vermont granted a temporary restraining order keeping DOGE out of the "
     "agency's payroll systems, and in February, that restraining order was then converted to a preliminary "
     "injunction.",
     [("2026-01", "temporary_restraining_order", "granted"), ("2026-02", "preliminary_injunction", "granted")]),
    # repeated references to one decision join it; "another judge" with no date is background
    ("A federal judge today barred DOGE from reading student loan records. Today's ruling was welcomed by the "
     "unions. Judge Lena Ortiz wrote that the plaintiffs were likely to succeed. Another judge has blocked "
     "access to the Treasury payment system.",
     [("2026-03-13", None, "granted")]),
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL)
def test_every_dated_decision_is_its_own_holding(text: str, expected: list[tuple]) -> None:
    holdings = records_of(text, "news", FRIDAY).holdings
    assert [(h.decided, h.motion, h.disposition) for h in holdings] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday equal to the publication day is that day
        ("Judge Lena Ortiz ruled Friday that the agency may not share addresses with ICE.", "2026-03-13"),
        ("Judge Lena Ortiz ruled last Friday that the agency may not share addresses with ICE.", "2026-03-06"),
        # the ruling's own date, not the page's
        ("Judge Lena Ortiz granted a preliminary injunction on March 3 barring the transfer of tax records.",
         "2026-03-03"),
        # a future cue earlier in the sentence does not push a past ruling forward
        ("The agency will appeal the decision that Judge Lena Ortiz issued on Tuesday blocking the transfer.",
         "2026-03-10"),
    ],
)
def test_decided_date(text: str, expected: str) -> None:
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert holding.decided == expected


def test_passive_pronoun_surname_and_reference_join_one_decision() -> None:
    # a passive act with a by-agent and a weekday, a named judge, a pronoun and a surname: one decision
    text = ("The Education Department was enjoined by a federal judge on Tuesday from giving DOGE "
            "access to student records. U.S. District Judge Mara Quint of the District of Vermont issued the "
            "preliminary injunction after a hearing. She declined to extend it to the Treasury Department. "
            "Quint wrote that the law likely forbids the access.")
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert fields(holding, ["judge", "court", "decided", "motion", "effect"]) == {
        "judge": "Mara Quint", "court": "vtd", "decided": "2026-03-10", "motion": "preliminary_injunction",
        "effect": "barred"}


def test_orders_reported_together_are_told_apart() -> None:
    # two orders of one court told in one report, each its own holding; an earlier dated stay is background
    text = ("The Supreme Court on Thursday issued two unsigned rulings. The first order lifted a lower court's "
            "injunction that had barred DOGE from Social Security records. The second order, in DOGE v. Archive "
            "Watch, paused lower court orders that compel DOGE to answer freedom of information requests. Chief "
            "Justice Ada Marsh on March 2 had issued an administrative stay.")
    holdings = records_of(text, "news", FRIDAY).holdings
    # the second order is not about personal data: it has no effect on sharing
    assert [(h.court, h.decided, h.motion, h.effect) for h in holdings] == [
        ("scotus", "2026-03-12", "stay", None), ("scotus", "2026-03-12", "stay", "permitted")]


def test_holding_carries_the_docket_the_report_gives() -> None:
    text = ("A federal judge on Thursday denied a preliminary injunction against DOGE's access to Labor "
            "Department systems. The unions said the ruling leaves millions of workers' claims files open to "
            "staff who were never vetted, and they are weighing an appeal. The department said it welcomed the "
            "decision and would keep working with DOGE on its modernization plans. "
            "The case is Unions v. Labor Department, D.D.C., No. 26-cv-01234.")
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert (holding.docket, holding.court, holding.effect) == ("26-cv-01234", "dcd", "permitted")


@pytest.mark.parametrize(("text", "decided"), [
    # a named judge's possessive with a weekday dates the ruling the lead sentence reports
    ("A federal judge has found the Labor Department broke the law by handing wage records to ICE. "
     "U.S. District Judge Ines Varga's Thursday ruling said the agency ignored its own rules.", "2026-03-12"),
    # near miss: a president's order is not a court's ruling
    ("A federal judge has found the Labor Department broke the law by handing wage records to ICE. "
     "President Harlan's Thursday order told agencies to keep sharing.", None),
])
def test_a_judges_dated_ruling_dates_the_decision(text: str, decided: str | None) -> None:
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert holding.decided == decided


@pytest.mark.parametrize(("sentence", "polarity"), [
    # a court that faults the agency for the disclosure bars it
    ("The ruling rebuked the IRS for disclosing taxpayer addresses to ICE.", "barred"),
    ("The judge faulted the IRS for disclosing taxpayer addresses to ICE.", "barred"),
    # near miss: the same disclosure allowed
    ("The judge allowed the IRS to keep disclosing taxpayer addresses to ICE.", "permitted"),
])
def test_a_court_faulting_the_disclosure_bars_it(sentence: str, polarity: str) -> None:
    assert sentence_polarity(sentence) == polarity
