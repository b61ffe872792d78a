"""The court's act read as a clause, and a decision bound across the sentences that report it.

Every passage is made up for these tests, in the forms reporters use (made-up judges, agencies' real names);
each table pairs the form a rule must read with a near-miss it must not.
"""

from __future__ import annotations

import pytest

from tests.records.helpers import fields, records_of

FRIDAY = "2026-03-13"  # a Friday

# (passage, expected fields of its only holding)
ONE_DECISION = [
    # a finding of law says what the court did: fault stops the sharing ...
    ("A federal judge ruled Thursday that the Labor Department unlawfully handed payroll files to DOGE.",
     {"decided": "2026-03-12", "effect": "barred"}),
    ("A federal judge found Thursday that the census bureau lacks authority to pull tax records from the IRS.",
     {"effect": "barred"}),
    # ... and lawfulness lets it through, a negation turning either
    ("A federal judge ruled Thursday that giving ICE the addresses is authorized by law.", {"effect": "permitted"}),
    ("A federal judge ruled Thursday that the exchange of addresses with ICE does not violate the statute, "
     "thereby rejecting the unions' bid for a preliminary injunction.",
     {"effect": "permitted", "disposition": "denied", "motion": "preliminary_injunction"}),
    # whose side the court takes
    ("A federal judge on Thursday sided with the unions over the transfer of payroll records to DOGE.",
     {"effect": "barred"}),
    ("A federal judge on Thursday ruled in favor of the agency in the fight over payroll records.",
     {"effect": "permitted"}),
    # a finding that names the data it lets through, and an order against the rest: limited
    ("Judge Lena Ortiz found Thursday that sending ICE home addresses is lawful. She granted the states' "
     "motion as to every other record.", {"effect": "limited", "data_permitted": {"address"}}),
    # near-miss: words for people are not findings about the sharing
    ("A federal judge ruled Thursday that CMS may share with ICE the addresses of people unlawfully present.",
     {"effect": "permitted"}),
    # a ruling reported with the order it came with; a condition that is over does not stop the report
    ("The bureau's demand for wage records would cause lasting harm if not stopped, a federal court ruled Tuesday "
     "as it granted nine states a preliminary injunction.",
     {"decided": "2026-03-10", "motion": "preliminary_injunction", "disposition": "granted", "effect": "barred"}),
    # the ruling first, its court after a comma
    ("The Labor Department may keep sending wage records to DOGE, a federal appeals court ruled Thursday.",
     {"effect": "permitted", "decided": "2026-03-12"}),
    # an order's verb outweighs a finding in the same report
    ("A federal judge ruled Thursday that the transfers were lawful in part. The judge then granted a "
     "preliminary injunction barring the IRS from sending addresses to ICE.",
     {"effect": "barred", "disposition": "granted"}),
    # one motion granted as to some relief and denied as to the rest: in part, limited
    ("Judge Lena Ortiz on Thursday denied the states' motion for a preliminary injunction as to names and "
     "addresses. She granted the motion for a preliminary injunction as to medical records.",
     {"disposition": "granted_in_part", "effect": "limited"}),
    # an aside between the subject and its verb, set off by dashes or commas
    ("U.S. District Judge Omar Haddad—named to the bench in one decade, promoted in the next—ruled on Thursday "
     "that the bureau illegally shared payroll files with DOGE.", {"judge": "Omar Haddad", "effect": "barred"}),
    ("Judge Omar Haddad, a former county prosecutor who once taught evidence law, blocked the transfer of wage "
     "records to DOGE on Thursday.", {"judge": "Omar Haddad", "effect": "barred", "disposition": "granted"}),
    # a ruling issued is a ruling: what it does is in its own clause
    ("Judge Omar Haddad issued a ruling on Thursday that lets DOGE keep reading Labor Department records.",
     {"effect": "permitted", "disposition": None}),
    # an order to stop is an order that bars; refusing access itself bars, refusing a request to bar does not
    ("A federal judge on Thursday ordered the IRS to stop sending taxpayer addresses to ICE.",
     {"effect": "barred", "data_barred": {"address"}}),
    ("A federal judge on Thursday denied DOGE access to Treasury payment records.", {"effect": "barred"}),
    ("A federal judge on Thursday denied a request to block DOGE's access to Treasury records.",
     {"effect": "permitted"}),
    # no right to the injunction that would have blocked it: the sharing goes on
    ("A federal judge ruled Thursday that the unions were not entitled to an injunction that would have blocked "
     "the transfer of payroll records.", {"effect": "permitted"}),
    # the judge's court after the name is part of the subject
    ("Judge Omar Haddad of the U.S. District Court for the District of Columbia on Thursday declined a union bid "
     "to halt DOGE's access to Labor Department records.",
     {"judge": "Omar Haddad", "court": "dcd", "disposition": "denied", "effect": "permitted"}),
]


@pytest.mark.parametrize(("text", "expected"), ONE_DECISION)
def test_the_act_is_read_as_a_clause(text: str, expected: dict[str, object]) -> None:
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert fields(holding, list(expected)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a party's words about what the court did are not the report of a decision
        "“We are glad the court blocked the transfer of payroll files to DOGE,” the union's lawyer said.",
        # an act in the past perfect is background that counts nowhere
        "The judge had earlier halted the sharing of wage records with DOGE.",
    ],
)
def test_no_decision(text: str) -> None:
    assert records_of(text, "news", FRIDAY).holdings == []


def test_the_judges_own_words_may_report_an_earlier_decision() -> None:
    text = ("A federal judge on Thursday blocked DOGE from reading Education Department loan files. “On March 2, "
            "a court in the District of Vermont granted its own injunction, which keeps the team out of Treasury "
            "systems,” Judge Lena Ortiz wrote.")
    holdings = records_of(text, "news", FRIDAY).holdings
    assert [(h.decided, h.court) for h in holdings if h.decided == "2026-03-02"] == [("2026-03-02", "vtd")]
    assert len(holdings) == 2


# (passage, [(decided, judge, effect)] of its holdings, in report order)
SEVERAL = [
    # a decision told as what came before, with its judge named, is its own holding even undated
    ("A federal judge on Thursday let the IRS resume sending addresses to ICE. Judge Rita Cole, who entered the "
     "original order against the transfers, was not asked to rule again.",
     [("2026-03-12", None, "permitted"), (None, "Rita Cole", "barred")]),
    # another court's decision named by reference, dated, with what it does
    ("A federal judge on Thursday barred OPM from giving DOGE personnel files. The ruling departs from the "
     "Supreme Court's ruling on Monday that let DOGE read Social Security records.",
     [("2026-03-12", None, "barred"), ("2026-03-09", None, "permitted")]),
    # an injunction issued by another judge, told as a reduced relative with its agent and date
    ("The Fourth Circuit on Thursday declined to lift the injunction entered by a district judge in January to "
     "keep DOGE out of payroll records.",
     [("2026-03-12", None, "barred"), ("2026-01", None, "barred")]),
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL)
def test_every_decision_the_report_gives(text: str, expected: list[tuple]) -> None:
    holdings = records_of(text, "news", FRIDAY).holdings
    assert [(h.decided, h.judge, h.effect) for h in holdings] == expected


def test_the_sentences_after_a_ruling_give_its_terms_and_its_start() -> None:
    text = ("A federal judge ruled Thursday that CMS may share some Medicaid data with ICE. Judge Rita Cole "
            "specified in the order that CMS can share only home addresses and dates of birth. Beginning on "
            "April 6, the agencies may exchange those records.")
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert fields(holding, ["judge", "data_permitted", "effective"]) == {
        "judge": "Rita Cole", "data_permitted": {"address", "date_of_birth"}, "effective": "2026-04-06"}


def test_a_date_before_takes_effect_is_the_start() -> None:
    text = ("A federal judge ruled Thursday that the IRS may give ICE taxpayer addresses. On April 1, the new "
            "order takes effect.")
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert holding.effective == "2026-04-01"


def test_the_judge_who_wrote_an_appellate_decision() -> None:
    text = ("A federal appeals court on Thursday vacated an injunction that had kept DOGE out of Treasury "
            "payment systems. Judge Lena Ortiz wrote for the panel that the unions lacked standing.")
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert fields(holding, ["judge", "effect"]) == {"judge": "Lena Ortiz", "effect": "permitted"}


def test_a_consequence_far_from_the_ruling_is_the_articles_own_commentary() -> None:
    text = ("A federal judge on Thursday barred the IRS from sending addresses to ICE.\n\nBackground\nFor years "
            "agencies have argued they can share health records with one another.")
    (holding,) = records_of(text, "news", FRIDAY).holdings
    assert holding.data_barred == ["address"]
