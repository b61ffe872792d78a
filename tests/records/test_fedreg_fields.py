"""Fields of a Federal Register notice read from its sections: roles by role words, dates, status, categories.

Every notice here is made up in the Register's form (agency pairings and programs invented for the tests).
Rows stand side by side with their near-misses.
"""

from __future__ import annotations

import pytest

from tests.records.helpers import records_of

KIND = "federal_register_notice"


def _matching(agency_line: str, summary: str, dates: str = "") -> str:
    return (f"Privacy Act of 1974; Matching Program\n\nAGENCY: {agency_line}\n\n"
            f"ACTION: Notice of a new matching program.\n\nSUMMARY: {summary}\n\n"
            + (f"DATES: {dates}\n\n" if dates else "")
            + "[FR Doc. 2031-05555 Filed 5-1-31; 8:45 am]\n")


# (publisher line, summary, providers, recipients): the general form each row stands for is in its summary
ROLES = [
    # role labels, named in the other order from the sides
    ("Department of Labor (DOL).",
     "DOL (recipient agency) will match records it receives from the Office of Personnel Management (OPM) "
     "(source agency) to determine eligibility for benefits.", ["OPM"], ["DOL"]),
    # "Y will disclose to X", published by the recipient
    ("Department of Labor (DOL).",
     "Under the program the Office of Personnel Management (OPM) will disclose annuity records to DOL so that "
     "DOL can determine eligibility for benefits.", ["OPM"], ["DOL"]),
    # the giver written with its acronym in parentheses, the taker after "to": not an exchange
    ("Department of Labor (DOL).",
     "The Office of Personnel Management (OPM) will provide to DOL certain annuity information to determine "
     "eligibility for benefits.", ["OPM"], ["DOL"]),
    # "will match ... against" the source's records
    ("Department of Labor (DOL).",
     "DOL will match its claimant files against records of the Office of Personnel Management (OPM) to "
     "determine eligibility for benefits.", ["OPM"], ["DOL"]),
    # near-miss: no role word at all, so the publisher is the recipient (OMB Circular A-108)
    ("Department of Labor (DOL).",
     "This notice announces a matching program between DOL and the Office of Personnel Management (OPM).",
     ["OPM"], ["DOL"]),
    # a federal publisher with a state agency and no role word: the federal agency is the source
    ("Office of Personnel Management (OPM).",
     "This notice announces a matching program between OPM and the Ohio Department of Job and Family "
     "Services (ODJFS).", ["OPM"], ["oh-odjfs"]),
    # near-miss: the state agency's program administered by the federal agency makes it the recipient
    ("Department of Labor (DOL).",
     "This notice announces a matching program between DOL and the Ohio Department of Job and Family "
     "Services (ODJFS) to verify eligibility for the grant program, which is administered by ODJFS under "
     "the direction of DOL.", ["oh-odjfs"], ["DOL"]),
]


@pytest.mark.parametrize(("agency", "summary", "providers", "recipients"), ROLES)
def test_roles_come_from_role_words_not_from_order(agency: str, summary: str, providers: list[str],
                                                    recipients: list[str]) -> None:
    (agreement,) = records_of(_matching(agency, summary), KIND, "2031-05-01").agreements
    assert (agreement.providers, agreement.recipients) == (providers, recipients)


def test_both_directions_put_every_party_on_both_sides() -> None:
    summary = ("The Office of Personnel Management (OPM) and the Department of Labor (DOL) will exchange "
               "records of annuitants to prevent duplicate payments.")
    (agreement,) = records_of(_matching("Department of Labor (DOL).", summary), KIND, "2031-05-01").agreements
    assert set(agreement.providers) == set(agreement.recipients) == {"OPM", "DOL"}


# (dates paragraph, effective, expires, status) for a notice published 2031-05-01
DATES = [
    ("DOL and OPM will run the match for a first term of 18 months (from June 10, 2031 to "
     "December 9, 2032).", "2031-06-10", "2032-12-09", "proposed"),
    ("This match is to be effective 30 days after publication of this notice.",
     "2031-05-31", None, "proposed"),
    # near-miss: a lower bound is not a date
    ("This match is to be effective no earlier than 30 days after its publication.",
     None, None, "proposed"),
    # the later of a printed date and the computed one
    ("This match will be applicable on May 20, 2031, or when at least 30 days following publication have "
     "passed, whichever is later.", "2031-05-31", None, "proposed"),
    ("This matching program becomes effective upon publication of this notice.", None, None, "in_effect"),
]


@pytest.mark.parametrize(("dates", "effective", "expires", "status"), DATES)
def test_dates_and_status_from_the_dates_section(dates: str, effective: str | None, expires: str | None,
                                                 status: str) -> None:
    summary = "The Office of Personnel Management (OPM) will disclose annuity records to DOL."
    text = _matching("Department of Labor (DOL).", summary, dates)
    (agreement,) = records_of(text, KIND, "2031-05-01").agreements
    assert (agreement.effective, agreement.expires, agreement.status) == (effective, expires, status)


def test_a_recertification_continues_a_running_program() -> None:
    text = _matching("Department of Labor (DOL).",
                     "This notice announces the matching program between DOL and the Office of Personnel "
                     "Management (OPM).").replace("Notice of a new matching program.", "Notice of Recertification.")
    (agreement,) = records_of(text, KIND, "2031-05-01").agreements
    assert agreement.status == "in_effect"


SORN_SUMMARY = """Privacy Act of 1974; System of Records

AGENCY: Department of Education, Federal Student Aid.

ACTION: Notice of changes to a system of records.

SUMMARY: Here the Department means to change a system of records on loan applicants. It is modifying routine use B to \
comply with an OMB memorandum. Routine use K will now cover passing payment information to the Social Security \
Administration so that it can check entitlement to payments.

DATES: Comments are due June 2, 2031. The system as changed is effective upon publication. \
Routine uses that this notice adds or changes are effective June 2, 2031.

[FR Doc. 2031-06666 Filed 5-1-31; 8:45 am]
"""


def test_a_summarised_routine_use_names_its_agency_and_starts_on_its_own_date() -> None:
    (agreement,) = records_of(SORN_SUMMARY, KIND, "2031-05-02").agreements
    assert (agreement.providers, agreement.recipients) == (["FSA"], ["SSA"])
    assert agreement.data_categories == ["financial_information"]
    assert (agreement.effective, agreement.status) == ("2031-06-02", "proposed")


def test_labels_inside_one_long_line_are_still_sections() -> None:
    text = SORN_SUMMARY.replace("\n\n", " ")
    (agreement,) = records_of(text, KIND, "2031-05-02").agreements
    assert (agreement.effective, agreement.status) == ("2031-06-02", "proposed")


# (summary, single named party's side): the other side is a class of agencies, not a party
CLASS_SIDES = [
    ("The program gives State agencies access to a nationwide FNS database.", "providers"),
    ("State agencies provide information about applicants to a clearinghouse operated by FNS.", "recipients"),
]


@pytest.mark.parametrize(("summary", "side"), CLASS_SIDES)
def test_a_class_on_the_other_side_places_the_one_named_party(summary: str, side: str) -> None:
    text = _matching("Food and Nutrition Service (FNS), Department of Agriculture.",
                     "FNS gives notice of a matching program between FNS and those State agencies that run "
                     "SNAP. " + summary)
    (agreement,) = records_of(text, KIND, "2031-05-01").agreements
    assert getattr(agreement, side) == ["FNS"]


def test_what_a_match_verifies_is_not_the_data_when_the_data_is_named() -> None:
    summary = ("The Office of Personnel Management (OPM) will disclose claimants' tax return information to DOL. "
               "DOL will use it to verify claimants' employment status.")
    (agreement,) = records_of(_matching("Department of Labor (DOL).", summary), KIND, "2031-05-01").agreements
    assert agreement.data_categories == ["tax_return_information"]
