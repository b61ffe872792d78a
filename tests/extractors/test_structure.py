"""The structure layer on made-up court documents of each form it reads: captions, header dates, author
lines, separate opinions, and the holdings and kinds that follow from them."""

from __future__ import annotations

from itertools import pairwise

import pytest
from docketflow.extractors import structure
from docketflow.extractors.kind import detect_kind
from docketflow.extractors.structure import parts, read_structure

from tests.records.helpers import records_of

PROSE = ("The appellant challenges the judgment entered against him after a bench trial, and he says that the "
         "court below erred in several respects that we take up in turn below.\n\n")

FEDERAL = (
    "United States Court of Appeals\nfor the Eleventh Circuit\n\nNo. 24-1234\n\n"
    "ANA RUIZ,\n        Plaintiff - Appellant,\nv.\nOMAR BELL,\n        Defendant - Appellee.\n\n"
    "Argued March 3, 2025        Decided June 9, 2025\n\n"
    "Before ORTEGA, Chief Judge, and LIN and PARK, Circuit Judges.\n\n"
    "LIN, Circuit Judge:\n\n" + PROSE * 4 + "AFFIRMED.\n\n"
    "PARK, Circuit Judge, dissenting:\n\n" + PROSE + "I would reverse the judgment.\n"
)
STATE = (
    "Opinion issued May 4, 2021\n\nIn The\n\nCourt of Appeals\n\nFor The\n\nThird District of Texas\n\n"
    "NO. 03-20-00123-CV\n\nLEE PARK, Appellant\n\nV.\n\nSAM ORTEGA, Appellee\n\n"
    "On Appeal from the 98th District Court\nTravis County, Texas\nTrial Court Cause No. D-1-GN-19-000777\n\n"
    "MEMORANDUM OPINION\n\n" + PROSE * 3 + "We will affirm the lower tribunal's judgment.\n\n"
    "Sam Lin, Justice\n"
)
BULK = ("OPINIONALVAREZ, Judge.{1} " + PROSE.strip() + " The district court granted summary judgment to "
        "Employer.{2} " + PROSE.strip() + "{3} For these reasons, we reverse.{4} IT IS SO ORDERED."
        "ORTEGA and LIN, JJ., concur.1. The order below has been reversed before, see the footnote.")


def test_federal_caption_header_author_and_dissent() -> None:
    structure = read_structure(FEDERAL)
    assert structure.author is not None and structure.author.text == "LIN"
    assert [d.text for d in structure.dockets] == ["24-1234"]
    assert structure.decided().iso == "2025-06-09"  # decided, never argued
    assert [(s.author, s.type) for s in structure.separate] == [("PARK", "dissenting")]
    (holding,) = records_of(FEDERAL, "opinion").holdings
    assert (holding.court, holding.judge, holding.docket, holding.decided, holding.disposition) == (
        "ca11", "Lin", "24-1234", "2025-06-09", "affirmed")


def test_structure_parts_are_in_text_order_and_do_not_overlap() -> None:
    found = parts(read_structure(FEDERAL), FEDERAL)
    names = [p.part for p in found]
    assert names[0] == "caption" and "author" in names and "separate_opinion" in names
    assert all(a.end <= b.start for a, b in pairwise(found))
    carried = records_of(FEDERAL, "opinion").structure
    assert carried is not None and "decision" in [p.part for p in carried]
    decision = next(p for p in carried if p.part == "decision")
    assert "AFFIRMED." in FEDERAL[decision.start:decision.end]


def test_state_caption_court_lines_join_and_take_the_caption_state() -> None:
    (holding,) = records_of(STATE, "opinion").holdings
    assert (holding.court, holding.docket, holding.decided, holding.disposition) == (
        "texapp", "03-20-00123-CV", "2021-05-04", "affirmed")


@pytest.mark.parametrize(("caption", "court"), [
    # a court line continued on the next line is one court; the first party never joins it
    ("UNITED STATES COURT OF APPEALS\nFOR THE NINTH CIRCUIT\n\nSTATE OF WASHINGTON; et al.,\n"
     "                Plaintiffs-Appellees,\n", "ca9"),
    ("UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF OREGON\nSTATE OF NEVADA\n               Plaintiff,\n", "ord"),
    ("IN THE UNITED STATES DISTRICT COURT\nFOR THE EASTERN DISTRICT OF\nPENNSYLVANIA\n\nJANE DOE,\n", "paed"),
    # a reporter's print: the district under "United States District Court,", past the other column's text
    ("2026 WL 1234567\nOnly the Westlaw citation is currently available.\nUnited States District Court,     the "
     "parties then\nW.D. Arkansas,       cross-moved for\nFayetteville Division.\n\nJANE DOE,\n", "arwd"),
    # near-miss: a state court's name runs over the line into "STATE OF"
    ("SUPREME COURT OF THE\nSTATE OF NEVADA\n\nJANE DOE,\n", "nev"),
])
def test_court_line_over_line_breaks(caption: str, court: str) -> None:
    text = caption + "  v.\n\nACME CORP., Defendant.\n\nNo. 25-1234\n\nORDER\n\nThe motion to compel is DENIED.\n"
    (holding,) = records_of(text, "court_order").holdings
    assert holding.court == court


def test_bulk_text_without_caption_is_an_opinion_deciding_by_its_majority() -> None:
    assert detect_kind(BULK, media_type="text/plain") == "opinion"
    structure = read_structure(BULK)
    assert structure.author is not None and structure.author.text == "ALVAREZ"
    assert structure.majority_end < BULK.index("1. The order")  # footnotes after the concurrence line
    (holding,) = records_of(BULK, "opinion").holdings
    assert (holding.judge, holding.disposition) == ("Alvarez", "reversed")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("JUSTICE ORTEGA delivered the opinion of the Court.", "ORTEGA"),
        ("Justice Ortega delivered the judgment of this court, with an opinion.", "Ortega"),
        ("The opinion of the court was delivered by ORTEGA, J.", "ORTEGA"),
        ("ORTEGA, J., delivered the opinion of the court, in which LIN, J., joined.", "ORTEGA"),
        ("Opinion by Judge Ortega", "Ortega"),
        ("ORTEGA, Acting P. J.", "ORTEGA"),
        ("*412 ORTEGA, Chief Justice.", "ORTEGA"),
        ("ORTEGA, United States Magistrate Judge.", "ORTEGA"),
        ("ORTEGA, J.S.C.", "ORTEGA"),
        ("PER CURIAM.", None),
    ],
)
def test_author_line_forms(line: str, author: str | None) -> None:
    text = "STATE v. DOE\n\nNo. 12-3456.\n\nSupreme Court of Nevada.\n\nMay 1, 2001.\n\n" + line + "\n\n" + PROSE
    structure = read_structure(text)
    assert (structure.author.text if structure.author else None) == author
    assert structure.per_curiam == (author is None)


def test_panel_list_is_not_an_author_line() -> None:
    text = ("Decided on May 1, 2019\nAppellate Division, Second Judicial Department\n"
            "ANA M. RUIZ, J.P.\nOMAR BELL\nLEE PARK, JJ.\n\n2018-01234\n\n" + PROSE)
    structure = read_structure(text)
    assert structure.author is None
    assert [d.text for d in structure.dockets] == ["2018-01234"]


@pytest.mark.parametrize(
    ("line", "dockets"),
    [
        ("Nos. 1325, 1326, September Term, 1984.", ["1325", "1326"]),
        ("Crim. No. 4551.", ["4551"]),
        ("Civ. A. No. MC 71-22.", ["MC 71-22"]),
        ("No. 98 Civ. 1234 (ABC).", ["98 Civ. 1234 (ABC)"]),
        ("No. 42,509-KA", ["42,509-KA"]),
        ("No. 46, October Term, 1953.", ["46"]),
        ("2060624.", ["2060624"]),
    ],
)
def test_docket_lines(line: str, dockets: list[str]) -> None:
    text = "ANA RUIZ\nv.\nOMAR BELL.\n\n" + line + "\n\nCourt of Civil Appeals of Alabama.\n\n" + PROSE
    assert [d.text for d in read_structure(text).dockets] == dockets


@pytest.mark.parametrize(
    ("closing", "disposition"),
    [
        ("Judgments reversed.\n\nORTEGA, P. J., and LIN, J., concur.", "reversed"),
        ("Order affirmed.\n\nORTEGA, P. J., and LIN, J., concur.", "affirmed"),
        ("Certiorari denied.", "denied"),
        ("ORDERED that this action be dismissed.", "dismissed"),
        ("Accordingly, we reverse the intermediate court and affirm the trial judge.", "reversed"),
    ],
)
def test_short_closings(closing: str, disposition: str) -> None:
    text = "STATE v. DOE\n\nNo. 12-3456.\n\nSupreme Court of Nevada.\n\nMay 1, 2001.\n\nLIN, J.\n\n" + PROSE * 2
    holdings = records_of(text + closing, "opinion").holdings
    assert holdings[0].disposition == disposition


def test_history_and_side_motion_are_not_the_decision() -> None:
    text = ("STATE v. DOE\n\nNo. 12-3456.\n\nSupreme Court of Nevada.\n\nMay 1, 2001.\n\nLIN, J.\n\n"
            "Doe appeals the judgment. We affirm.\n\n" + PROSE * 3
            + "The trial judge had granted that motion.\n\nAppellee's motion to strike is denied.")
    (holding,) = [h for h in records_of(text, "opinion").holdings if h.motion == "appeal"]
    assert holding.disposition == "affirmed"


ORDER = ("Case 3:25-cv-01234-ABC Document 98 Filed 12/29/25 Page 1 of 2\n"
         "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n\nJANE DOE,\n    Plaintiff,\n  v.\n"
         "ACME CORP.,\n    Defendant.\n\nCase No. 3:25-cv-01234-ABC\n\n"
         "ORDER GRANTING IN PART AND DENYING IN PART PLAINTIFF'S MOTION FOR A PRELIMINARY INJUNCTION\n\n"
         + PROSE + "\n\nOn this record, Doe's preliminary-injunction motion, docket entry seven, is GRANTED IN PART "
         "and DENIED IN PART.\n\n18  Dated: December 29, 2025\n19  ______________________\nJANE Q. ROE\n"
         "20  United States District Judge\n")


def test_an_order_s_parts_from_stamp_to_signature() -> None:
    (holding,) = records_of(ORDER, "court_order").holdings
    carried = parts(read_structure(ORDER), ORDER)
    names = [p.part for p in carried]
    assert names[:3] == ["stamp", "caption", "title"] and names[-1] == "signature"
    signature = next(p for p in carried if p.part == "signature")
    assert "JANE Q. ROE" in ORDER[signature.start:signature.end]
    assert (holding.judge, holding.decided, holding.motion, holding.disposition) == (
        "Jane Q. Roe", "2025-12-29", "preliminary_injunction", "granted_in_part")


@pytest.mark.parametrize(("head", "decided"), [
    # a reporter's docket-and-date line, the date after the bar, on its line or under the other column's text
    ("Only the Westlaw citation is currently available.\nUnited States District Court, D. Wyoming.\n"
     "Jane DOE, Plaintiff,\nv.\nACME CORP., Defendant.\nCivil Action No. 19-cv-01234-ABC. | Aug. 2, 2019.   the "
     "parties then moved\n", "2019-08-02"),
    ("United States District Court, D. Wyoming.\nNo. 19-cv-01234-ABC\n|   the parties then moved to compel\n"
     "Aug. 2, 2019.\n", "2019-08-02"),
    # a clerk's FILED stamp in a paper-era caption
    ("UNITED STATES DISTRICT COURT\nDISTRICT OF MAINE\nFILED\nApril 13, 1990\nJANE DOE, Plaintiff\n", "1990-04-13"),
])
def test_header_date_forms(head: str, decided: str) -> None:
    text = head + "\nORDER\n\n" + PROSE
    assert read_structure(text).decided().iso == decided


def test_a_date_of_another_paper_or_ending_a_sentence_is_no_header_date() -> None:
    text = ("UNITED STATES DISTRICT COURT\nDISTRICT OF MAINE\nJANE DOE, Plaintiff\nBy an Order dated May 8, 2019, "
            "the case\nwas set for a hearing on\nMarch 28, 2019.\nORDER\n\n" + PROSE)
    assert read_structure(text).decided() is None


_PLEADING = ("UNITED STATES DISTRICT COURT\nDISTRICT OF IDAHO\n\nPAT ROE,     Case No. 4:21-cv-00088\n  Plaintiff,\n"
             "v.\nLEE DOE,\n  Defendant.\n\nMEMORANDUM DECISION AND ORDER\n\nThe court has read the motion with care "
             "and now rules on it as follows.\n")


@pytest.mark.parametrize("end", [0, 1, 29, 47, 48, 60, 113, 140, len(_PLEADING)])
def test_the_cells_before_a_caption_end_are_those_the_caption_alone_gives(end: int) -> None:
    """The caption's cells come from the cells already split for the head, when the caption ends at a line start,
    and are split again when it ends inside a line (or beyond the head): the same cells either way."""
    limit = 120
    cells = structure._lines(_PLEADING, 0, limit)
    assert structure._cells_before(_PLEADING, cells, end, limit) == structure._lines(_PLEADING, 0, end)
