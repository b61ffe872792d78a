"""Holdings from court orders, opinions and news: decretal language, reported rulings, negation and contrast."""

from __future__ import annotations

import pytest
from docketflow.extractors.kind import detect_kind

from tests.records.helpers import fields, records_of

ORDER_HEAD = "UNITED STATES DISTRICT COURT\nDISTRICT OF MARYLAND\n\nCase No. 8:25-cv-01822-PX\n\nORDER\n\n"
ORDER_FOOT = "\n\nIT IS SO ORDERED.\n\nDated: March 4, 2026\n\nPAULA XINIS\nUnited States District Judge\n"
APPEAL_HEAD = ("UNITED STATES COURT OF APPEALS\nFOR THE NINTH CIRCUIT\n\nNo. 25-5181\n\n"
               "Before: WALLACE, OKAFOR, and LINDQVIST, Circuit Judges.\n\nOKAFOR, Circuit Judge:\n\n"
               "The agency appeals from an order of the district court. ")

# (passage body, expected (motion, disposition) of each holding in order)
ORDERS = [
    ("For the reasons stated above, Doe's preliminary-injunction request is GRANTED IN PART and otherwise DENIED.",
     [("preliminary_injunction", "granted_in_part")]),
    ("Acme's motion to dismiss is DENIED. Acme's stay motion, pending its appeal, is GRANTED.",
     [("motion_to_dismiss", "denied"), ("stay", "granted")]),
    # one holding per motion decided, motions beyond the schema's kinds each `other`
    ("Acme's motion to dismiss is DENIED. Doe's motion to file a longer brief is GRANTED. Acme's motion to strike "
     "exhibits is DENIED as moot.", [("motion_to_dismiss", "denied"), ("other", "granted"), ("other", "denied")]),
    ("The district court denied a similar motion to dismiss last year. Plaintiffs' renewed motion to compel "
     "is DENIED.", [("other", "denied")]),
    # an order always decides something: when no rule reads what, its one holding has no disposition
    ("If the motion is granted, the agency will stop sharing records. The Court will rule after the hearing.",
     [(None, None)]),
    ("Having reviewed the exhibit, the Court GRANTS Doe's request to seal it.", [("other", "granted")]),
    ("Acme's Motion in Limine No. 1 (ECF 210): GRANTED.\nAcme's Motion in Limine No. 2 (ECF 211): "
     "DENIED.\nDoe's Motion in Limine No. 1 (ECF 212): GRANTED IN PART and DENIED IN PART.",
     [("other", "granted"), ("other", "denied"), ("other", "granted_in_part")]),
    ("Doe's application, which seeks a temporary restraining order, is DENIED.",
     [("temporary_restraining_order", "denied")]),
    ("IT IS FURTHER ORDERED that the administrative stay entered on May 2, 2025 is lifted.", [("stay", "vacated")]),
    ("IT IS HEREBY ORDERED that this Court grants a brief administrative stay of the transfer order.",
     [("stay", "granted")]),
    ("Plaintiffs argue the agency acted unlawfully. The agency disagrees.", [(None, None)]),
    # the words courts decide in besides "granted" and "denied"
    ("For these reasons, the motion to dismiss is ALLOWED.", [("motion_to_dismiss", "granted")]),
    ("It is Ordered that the cross-motion to sever be, and hereby is, Denied.", [("other", "denied")]),
    ("IT IS ORDERED granting Plaintiffs' Motion for Preliminary Injunction.", [("preliminary_injunction", "granted")]),
    ("On this record the court GRANTS in part and DENIES in part Acme's Motion to Dismiss.",
     [("motion_to_dismiss", "granted_in_part")]),
    ("The Settlement Agreement is hereby finally approved.", [("other", "granted")]),
    # the motion's kind: what it asks for first, not an injunction it is about
    ("Intervenor's Motion to Clarify the June Injunction is GRANTED.", [("other", "granted")]),
    ("Defendant's second summary-judgment motion is DENIED.", [("summary_judgment", "denied")]),
    ("Acme's Motion to Quash Subpoenas and to Dismiss is DENIED.", [("other", "denied")]),
]


@pytest.mark.parametrize(("body", "expected"), ORDERS)
def test_order_decisions(body: str, expected: list[tuple[str, str]]) -> None:
    holdings = records_of(ORDER_HEAD + body + ORDER_FOOT, "court_order").holdings
    assert [(h.motion, h.disposition) for h in holdings] == expected


def test_order_metadata_comes_from_caption_date_and_signature() -> None:
    body = "Plaintiffs' motion for a preliminary injunction is GRANTED."
    (holding,) = records_of(ORDER_HEAD + body + ORDER_FOOT, "court_order").holdings
    assert fields(holding, ["court", "judge", "decided", "docket"]) == {
        "court": "mdd", "judge": "Paula Xinis", "decided": "2026-03-04", "docket": "8:25-cv-01822-PX"}
    assert 0.5 < holding.confidence <= 1.0


def test_each_field_of_an_order_cites_the_part_it_was_read_from() -> None:
    text = ("Case 8:25-cv-01234-ABC Document 41 Filed 03/05/26 Page 1 of 2\n" + ORDER_HEAD
            + "Plaintiffs' motion for a preliminary injunction is GRANTED." + ORDER_FOOT)
    (holding,) = records_of(text, "court_order").holdings
    cited = {field: e.text for e in holding.evidence for field in e.supports}
    assert (holding.docket, holding.decided) == ("8:25-cv-01234-ABC", "2026-03-04")  # the signed date wins
    assert cited["court"] == "UNITED STATES DISTRICT COURT\nDISTRICT OF MARYLAND"
    assert cited["judge"] == "PAULA XINIS"
    assert cited["decided"] == "March 4, 2026"
    assert cited["docket"].startswith("Case 8:25-cv-01234-ABC Document 41")
    assert "GRANTED" in cited["disposition"]


# (order body, permitted, barred, effect)
DATA_ORDERS = [
    ("IT IS ORDERED that the Secretary and the agency are enjoined from disclosing the Social Security numbers "
     "and immigration status of SNAP recipients to U.S. Immigration and Customs Enforcement, but may share names "
     "and home addresses of recipients who have final orders of removal.",
     {"name", "address"}, {"ssn", "immigration_status"}, "limited"),
    ("IT IS ORDERED that the Internal Revenue Service is enjoined from sharing taxpayer addresses with ICE.",
     set(), {"address"}, "barred"),
    ("Doe's preliminary injunction motion is DENIED; the agencies may continue to share dates of birth "
     "and phone numbers with ICE.", {"date_of_birth", "phone_number"}, set(), "permitted"),
]


@pytest.mark.parametrize(("body", "permitted", "barred", "effect"), DATA_ORDERS)
def test_order_data_split(body: str, permitted: set[str], barred: set[str], effect: str) -> None:
    holding = records_of(ORDER_HEAD + body + ORDER_FOOT, "court_order").holdings[0]
    assert set(holding.data_permitted) >= permitted
    assert set(holding.data_barred) == barred
    assert holding.effect == effect


# (closing text of an opinion, expected (motion, disposition) list)
OPINIONS = [
    ("We see no error in the district court's careful analysis.\n\nAFFIRMED.", [("appeal", "affirmed")]),
    ("The remaining claims fail.\n\nAFFIRMED in part, VACATED in part, and REMANDED.", [("appeal", "other")]),
    ("For those reasons, we grant Doe's petition for review, sending the matter back to the Board. "
     "Doe's motion to stay her removal is DISMISSED as moot.", [("appeal", "granted"), ("stay", "dismissed")]),
    ("We therefore vacate the judgment and remand the case for more proceedings.", [("appeal", "vacated")]),
    ("The district court granted summary judgment to the agency in 2024. We agree with its reasoning.\n\nAffirmed.",
     [("appeal", "affirmed")]),
    ("The Bureau's reading of section 12 cannot be squared with its text.\n\nReversed and remanded.",
     [("appeal", "reversed")]),
    # an opinion always decides its case: when no rule reads how, its one holding has no disposition
    ("Doe and Acme disagree about what section 12 means. We take up each side's points in order.", [(None, None)]),
    ("As another court put it, \u201cWe grant the petition because the agency erred.\u201d That reasoning does not "
     "apply here.", [(None, None)]),
    ("Some of the statements in the report were\n\ndenied by the witness in her testimony.", [(None, None)]),
    ("Doe's petition for judicial review is accordingly denied.", [("appeal", "denied")]),
]


@pytest.mark.parametrize(("closing", "expected"), OPINIONS)
def test_opinion_dispositions(closing: str, expected: list[tuple[str, str]]) -> None:
    holdings = records_of(APPEAL_HEAD + closing, "opinion").holdings
    assert [(h.motion, h.disposition) for h in holdings] == expected


def test_opinion_author_court_and_docket() -> None:
    (holding,) = records_of(APPEAL_HEAD + "\n\nAFFIRMED.", "opinion").holdings
    assert fields(holding, ["court", "judge", "docket"]) == {"court": "ca9", "judge": "Okafor", "docket": "25-5181"}


def test_board_order_block() -> None:
    text = ("U.S. Department of Justice\nExecutive Office for Immigration Review\nBoard of Immigration Appeals\n\n"
            "HALVORSEN, Appellate Immigration Judge:\n\nThe respondent appeals. Nothing shows clear error in the "
            "Immigration Judge's findings.\n\nORDER: The appeal is dismissed.\n")
    (holding,) = records_of(text, "opinion").holdings
    assert (holding.court, holding.judge, holding.disposition) == ("bia", "Halvorsen", "dismissed")


# (news passage, published, expected fields)
NEWS = [
    ("A federal judge in Boston ruled on Tuesday that the Social Security Administration may not share "
     "beneficiaries' home addresses with ICE.", "2026-02-13",
     {"decided": "2026-02-10", "effect": "barred", "data_barred": {"address"}, "agencies": {"SSA", "ICE"}}),
    # a named judge (made up) refusing to block a transfer: the sharing goes on
    ("U.S. District Judge Hollis Brandt on Friday refused to block the IRS from sharing taxpayer addresses "
     "with ICE.", "2025-05-13",
     {"judge": "Hollis Brandt", "disposition": "denied", "effect": "permitted", "decided": "2025-05-09"}),
    ("The Ninth Circuit on Friday lifted the injunction, allowing the agencies to resume sharing Medicaid "
     "enrollment data.", "2026-03-16",
     {"court": "ca9", "disposition": "vacated", "effect": "permitted", "data_permitted": {"benefits_enrollment"}}),
    ("A federal judge ruled Monday that the court allowed the agency to share names and dates of birth, but not "
     "Social Security numbers.", "2026-01-14",
     {"effect": "limited", "data_permitted": {"name", "date_of_birth"}, "data_barred": {"ssn"}}),
    ("A judge concluded that HHS may hand over some Medicaid data to ICE while it remains barred from disclosing "
     "medical records.", "2026-01-14",
     {"effect": "limited", "data_barred": {"health_information"}, "agencies": {"HHS", "ICE"}}),
    ("On Monday a federal judge ruled that agencies may exchange phone numbers. The ruling takes effect on March 1.",
     "2026-02-03", {"effective": "2026-03-01"}),
]


@pytest.mark.parametrize(("text", "published", "expected"), NEWS)
def test_news_holding_fields(text: str, published: str, expected: dict[str, object]) -> None:
    holdings = records_of(text, "news", published).holdings
    assert len(holdings) == 1
    assert fields(holdings[0], list(expected)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Courts have repeatedly allowed agencies to share basic contact data with one another.",
        "The judge had previously barred the sharing of tax records with ICE.",
        "Several judges let a little sharing go on while others blocked it entirely.",
        "The agency said it would share addresses with ICE next year.",
    ],
)
def test_news_without_a_decision_has_no_holding(text: str) -> None:
    assert records_of(text, "news", "2026-01-05").holdings == []


def test_news_reports_two_judges_two_holdings() -> None:
    text = ("Judge Ana Reyes on Tuesday blocked the transfer of IRS data to ICE. In a separate case, Judge Carl "
            "Nichols on Wednesday declined to halt the program.")
    holdings = records_of(text, "news", "2026-04-10").holdings
    assert [h.judge for h in holdings] == ["Ana Reyes", "Carl Nichols"]
    assert [h.disposition for h in holdings] == ["granted", "denied"]


def test_support_sentences_fill_the_split_and_evidence_round_trips() -> None:
    text = ("A federal judge ruled Monday that CMS may give ICE the home addresses of Medicaid enrollees. "
            "Medical records remain protected under the judge's order.")
    (holding,) = records_of(text, "news", "2026-01-14").holdings
    assert "address" in holding.data_permitted
    assert holding.data_barred == ["health_information"]
    assert holding.effect == "limited"
    for evidence in holding.evidence:
        assert text[evidence.start:evidence.end] == evidence.text


def test_signed_stipulation_is_one_granted_decision() -> None:
    text = ("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nJOINT STIPULATION AND [PROPOSED] "
            "ORDER RE EXTENSION OF DISCOVERY CUT-OFF\n\nThe current cut-off date of March 31, 2026 is hereby vacated "
            "and is re-set to May 15, 2026.\n\nPURSUANT TO THE PARTIES' STIPULATION, IT IS SO ORDERED.\n\n"
            "Dated: March 2, 2026\n")
    (holding,) = records_of(text, "court_order").holdings
    assert (holding.motion, holding.disposition, holding.decided) == ("other", "granted", "2026-03-02")


@pytest.mark.parametrize(
    ("author_line", "judge"),
    [
        ("29   MARGARET OKAFOR, JR., Circuit Judge:", "Margaret Okafor"),
        ("McALISTER, Circuit Judge.", "McAlister"),
        ("PER CURIAM.", None),
    ],
)
def test_author_line_forms(author_line: str, judge: str | None) -> None:
    text = APPEAL_HEAD.replace("OKAFOR, Circuit Judge:", author_line) + "\n\nAFFIRMED."
    (holding,) = records_of(text, "opinion").holdings
    assert holding.judge == judge


def test_trial_court_opinion_is_signed_at_its_end() -> None:
    text = ("UNITED STATES DISTRICT COURT\nDISTRICT OF NEW JERSEY\n\nOPINION\n\nThe facts are not disputed. " * 3
            + "\n\nFor these reasons, the motion to dismiss is DENIED.\n\nDate: June 30, 2020\n\n"
            "/s/ Helena Marsh\nHELENA MARSH\nUNITED STATES DISTRICT JUDGE\n")
    (holding,) = records_of(text, "opinion").holdings
    assert (holding.judge, holding.motion, holding.disposition) == ("Helena Marsh", "motion_to_dismiss", "denied")


def test_a_tie_between_named_courts_goes_to_the_one_named_first_under_any_hash_seed() -> None:
    """No court line and only courts appealed from: the court named most often decides, and a tie goes to
    the first named. Seeds 0 and 2 iterate a set of these two keys in opposite orders."""
    import subprocess
    import sys

    code = ("from docketflow.extractors.nlp import build_nlp; "
            "from docketflow.extractors.records.view import DocView; "
            "from docketflow.extractors.records.court_meta import caption_court; "
            "t = 'The parties appealed from the Ohio Supreme Court and then from the Texas Supreme Court.'; "
            "print(caption_court(DocView(build_nlp()(t), 'x', 'opinion')).value)")
    answers = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("0", "2")}
    assert answers == {"ohio\n"}


# (docket text of a text-only or minute order, expected holding fields)
DOCKET_TEXT_ORDERS = [
    ("MINUTE ORDER granting in part and denying in part 17 Motion for Preliminary Injunction. Signed by District "
     "Judge Jane Q. Roe on 9/17/2025. (abc) (Entered: 09/17/2025)",
     {"disposition": "granted_in_part", "judge": "Jane Q. Roe", "decided": "2025-09-17",
      "motion": "preliminary_injunction"}),
    ("TEXT ORDER: The Court DENIES the motion to compel [20]. Ordered by Magistrate Judge Omar Bell on 3/4/2026.",
     {"judge": "Omar Bell", "decided": "2026-03-04", "motion": "other", "disposition": "denied"}),
    ("Judge Jane Q. Roe: ORDER entered granting 25 Motion to Dismiss for Failure to State a Claim. (Entered: "
     "05/06/2024)", {"disposition": "granted", "judge": "Jane Q. Roe", "motion": "motion_to_dismiss"}),
]


@pytest.mark.parametrize(("text", "expected"), DOCKET_TEXT_ORDERS)
def test_text_only_and_minute_orders(text: str, expected: dict[str, str]) -> None:
    assert detect_kind(text) == "court_order"
    (holding,) = records_of(text, "court_order").holdings
    assert fields(holding, list(expected)) == expected


def test_a_clerks_notice_is_not_a_text_order() -> None:
    assert detect_kind("NOTICE of Appearance by Jane Q. Roe on behalf of Acme Corp. (Roe, Jane) (Entered: "
                       "05/06/2024)") != "court_order"


DISTRICT_OPINION = ("UNITED STATES DISTRICT COURT\nDISTRICT OF MARYLAND\n\nJANE DOE,\n    Plaintiff,\n  v.\n"
                    "ACME CORP.,\n    Defendant.\n\nCivil Action No. 8:25-cv-01234-ABC\n\nMEMORANDUM OPINION\n\n"
                    "The plaintiff asks the Court to rule on a motion. " * 3 + "\n\n")


@pytest.mark.parametrize(("title", "body", "expected"), [
    # a district court decides motions, never an appeal, even in an opinion's closing line
    ("", "CONCLUSION\n\nFor these reasons, the motion to recuse, ECF No. 12, is\nDENIED.", [("other", "denied")]),
    # one motion granted in some respects and denied in others is granted in part
    ("", "Acme's Rule 12(b)(6) motion is GRANTED as to Count I. Acme's Rule 12(b)(6) motion is DENIED as to Counts "
         "II and III.", [("other", "granted_in_part")]),
    # near-miss: the legal standard is not a ruling
    ("", "An application for a stay is granted only where the movant shows irreparable harm. The Court DENIES "
         "Acme's stay application.", [("stay", "denied")]),
    # the title's ruling, when the body only says what the order does to the injunction
    ("ORDER GRANTING STIPULATED MOTION TO DISSOLVE\nTHE INTERIM INJUNCTION\n\n",
     "IT IS ORDERED that the interim injunction entered on May 1, 2025 is hereby DISSOLVED.", [("other", "granted")]),
    ("ORDER GRANTING IN PART AND DENYING IN PART\nPLAINTIFFS' MOTION FOR A PRELIMINARY INJUNCTION\n\n",
     "The motion for a preliminary injunction is GRANTED.", [("preliminary_injunction", "granted_in_part")]),
])
def test_district_court_rulings(title: str, body: str, expected: list[tuple[str, str]]) -> None:
    text = DISTRICT_OPINION.replace("MEMORANDUM OPINION\n\n", title or "MEMORANDUM OPINION\n\n") + body
    holdings = records_of(text, "opinion").holdings
    assert [(h.motion, h.disposition) for h in holdings] == expected


def test_pleading_paper_numbers_do_not_break_a_ruling() -> None:
    lines = [f"{n:>2}  The parties briefed the motion and the Court heard argument on it." for n in range(1, 44)]
    lines += ["44  Accordingly, Defendant's Motion to", "45  Dismiss is GRANTED."]
    (holding,) = records_of(ORDER_HEAD + "\n".join(lines) + ORDER_FOOT, "court_order").holdings
    assert (holding.motion, holding.disposition) == ("motion_to_dismiss", "granted")


def test_the_principal_ruling_of_a_multi_motion_order_is_its_most_confident() -> None:
    body = ("Doe's request to take notice of two agency letters is GRANTED. For the reasons that follow, Acme's "
            "motion for summary judgment is GRANTED IN PART and DENIED IN PART.")
    holdings = records_of(ORDER_HEAD + body + ORDER_FOOT, "court_order").holdings
    principal = max(holdings, key=lambda h: h.confidence)
    assert (principal.motion, principal.disposition) == ("summary_judgment", "granted_in_part")
    assert len(holdings) == 2
