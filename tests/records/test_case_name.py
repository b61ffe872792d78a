"""Case names read from captions: each caption form a court document prints, as a made-up instance, with the
near misses beside them (text that holds a "v." but no caption), where no name must come out.

Every party, court and number here is invented; each row says which general form it stands for.
"""

from __future__ import annotations

import pytest
from docketflow.extractors.data import read_tsv
from docketflow.extractors.records.captions import _COURT, _title_tail, case_name
from docketflow.extractors.records.party_names import party_name

TWO_COLUMNS_MERGED = """\
UNITED STATES DISTRICT COURT
NORTHERN DISTRICT OF ELLERY
MARISOL QUENBY, et al., Case No. 4:31-cv-01234-ABC
Plaintiffs,
v. ORDER SETTING ASIDE AND
UNITED STATES DEPARTMENT OF DENYING MOTION TO
WIDGETS, et al., COMPEL DISCOVERY
Defendants. Re: Dkt. No. 21
The plaintiffs, nine towns of the valley, challenge a decision of the department to close
"""
"""The PDF text of a two-column caption merged line by line: the right column's case number, title in capitals
and docket entry run on after the parties."""

TITLE_ON_LINES_OF_ITS_OWN = """\
Case 4:31-cv-01234-ABC   Document 130   Filed 06/05/31   Page 1 of 11
UNITED STATES DISTRICT COURT
NORTHERN DISTRICT OF ELLERY
HOLLIS BRANDT, et al.,  Case No.  31-cv-01234-ABC
Plaintiffs,
ORDER ADOPTING REPORT AND
RECOMMENDATION AND GRANTING LEAVE TO
v.
AMEND
WIDGET WORKS, INC., and others,  Re: Dkt. Nos. 61, 66
Defendants.
"""
"""The right column's title printed on lines of its own, in and around the left column's."""

PLEADING_PAPER = """\
1
2
3  UNITED STATES DISTRICT COURT
4  EASTERN DISTRICT OF ELLERY
5
6  OMAR BELLWETHER, on behalf of himself and
7  all others similarly situated,
8        Plaintiffs,           ORDER
9  v.
10 TOWN OF MILLBROOK, a municipal corporation;
11 JANE ROE, in her official capacity,
12       Defendants.
"""
"""Pleading paper: a number at the head of every line, a description after the first party, two defendants."""

RULED_COLUMNS = """\
UNITED STATES DISTRICT COURT
FOR THE DISTRICT OF ELLERY
____________________________________
                                    )
ANA RUIZ and OMAR BELL,             )
                                    )
          Plaintiffs,               )
                                    )
     v.                             )    Civil Action No. 31-0123 (ABC)
                                    )
HOLLIS T. BRANDT, JR., in his       )    Judge Jane Q. Roe
official capacity as Sheriff of     )
Ellery County,                      )
          Defendant.                )
____________________________________)

MEMORANDUM OPINION
"""
"""A caption ruled off with ")" beside the right column; two plaintiffs; an official with his office."""

SECTION_RULES = """\
IN THE UNITED STATES DISTRICT COURT
FOR THE WESTERN DISTRICT OF ELLERY
MILLBROOK DIVISION
CLARA B., by her next friend,     §
Ana Ruiz,                         §
     Plaintiff,                   §
VS.                               §  CIVIL ACTION NO. 1:31-CV-00456
ELLERY DEPARTMENT OF WIDGETS,     §
     Defendant.                   §
"""
"""Texas's "§" rules, "VS.", and a minor named by first name and initial."""

AGAINST = """\
UNITED STATES DISTRICT COURT
SOUTHERN DISTRICT OF ELLERY
---------------------------------------------------------- X
   :
BRIGHTWATER LLC,   :
   :
        Plaintiff,   :  31-cv-1234 (ABC)
   :
    -against-   :  OPINION AND ORDER
   :
UNITED STATES OF AMERICA,   :
   :
        Defendant.   :
---------------------------------------------------------- X
"""
"""New York's "-against-" between ":" rules; the United States named in full."""

REPORTER_PRINT = """\
123 F.Supp. 456 (2031)

Jane Q. ROE, individually and on behalf of every ledger keeper of the valley, Plaintiffs,
v.
ELLERY COUNTY BOARD OF ASSESSORS; Omar Bell, Assessor, Defendants.

No. 31-C-1234.

United States District Court, D. Ellery.
"""
"""A reporter's print: its citation on the first line, each side on one line with roles and descriptions."""

REPORTER_HEADER = """\
Quenby v. Ellery County, 123 F.Supp.2d 456 (2031)

United States District Court, D. Ellery.
"""
"""The line a reporter's print opens with, citing the case by its short name."""

LABELLED = """\
UNITED STATES DISTRICT COURT
CENTRAL DISTRICT OF ELLERY
CIVIL MINUTES - GENERAL
Case No. 4:31-cv-01234   Date: June 5, 2031
Title: Marisol Quenby, et al. v. Dept. of Widgets, et al.
"""
"""Civil minutes: the caption on one labelled line."""

NO_VERSUS = """\
UNITED STATES DISTRICT COURT
FOR THE DISTRICT OF ELLERY
MARISOL QUENBY,
Plaintiff,
ELLERY STATE UNIVERSITY,
Defendant.
ORDER
"""
"""A caption whose "v." the text lost: the first side's role, the second side, its role."""

APPELLATE_NOTICE = """\
NOT FOR PUBLICATION
UNITED STATES COURT OF APPEALS
FOR THE TWELFTH CIRCUIT
STATE OF ELLERY; et al.,
                Plaintiffs-Appellees,
  v.
DEPT. OF WIDGETS; et al.,
                Defendants-Appellants.
No. 31-5181
"""
"""An appellate caption under a publication notice; a state and an agency, "et al." after each."""

CASE_NAMES = [
    (TWO_COLUMNS_MERGED, "Quenby v. United States Department of Widgets"),
    (TITLE_ON_LINES_OF_ITS_OWN, "Brandt v. Widget Works, Inc."),
    (PLEADING_PAPER, "Bellwether v. Town of Millbrook"),
    (RULED_COLUMNS, "Ruiz v. Brandt"),
    (SECTION_RULES, "Clara B. v. Ellery Department of Widgets"),
    (AGAINST, "Brightwater LLC v. United States"),
    (REPORTER_PRINT, "Roe v. Ellery County Board of Assessors"),
    (REPORTER_HEADER, "Quenby v. Ellery County"),
    (LABELLED, "Quenby v. Dept. of Widgets"),
    (NO_VERSUS, "Quenby v. Ellery State University"),
    (APPELLATE_NOTICE, "State of Ellery v. Dept. of Widgets"),
]


@pytest.mark.parametrize(("text", "expected"), CASE_NAMES, ids=[
    "two-columns-merged", "title-on-lines-of-its-own", "pleading-paper", "ruled-columns", "section-rules",
    "against", "reporter-print", "reporter-header", "labelled", "no-versus", "appellate-notice"])
def test_a_caption_gives_its_case_name(text: str, expected: str) -> None:
    assert case_name(text) == expected


NO_CASE_NAME = [
    # an opinion's body: a citation broken so that "v." stands alone on its line
    ("The district court followed the reasoning of its earlier decision in Quenby\nv.\n"
     "Bellwether, 12 F.4th 34 (12th Cir. 2031), which held that the statute reaches no further.\n"),
    # a news report that names the case in a sentence
    "A federal judge on Friday ruled in Quenby v. Department of Widgets that the transfer may go on.\n",
    # a caption whose second side is only the right column's title
    "UNITED STATES DISTRICT COURT\nMARISOL QUENBY,\nPlaintiff,\nv.\nORDER\nThe motion is denied.\n",
    # a caption with one side: "In re"
    "UNITED STATES BANKRUPTCY COURT\nIn re MARISOL QUENBY,\nDebtor.\nCase No. 31-12345\n",
    # parties that are only the words of a kind of body, or unnamed
    "COURT OF APPEALS\nPROGRAM,\nPlaintiff,\nv.\nUNKNOWN POLICE OFFICERS,\nDefendants.\n",
    # a stamp and a docket where the first party should be
    "UNITED STATES DISTRICT COURT\nFILED\n31-cv-01234 (ABC)\nPlaintiff,\nv.\nDEPT. OF WIDGETS,\nDefendant.\n",
]


@pytest.mark.parametrize("text", NO_CASE_NAME, ids=[
    "body-citation", "news-sentence", "title-for-a-party", "in-re", "kinds-of-body", "stamp-for-a-party"])
def test_text_that_is_no_caption_gives_no_case_name(text: str) -> None:
    assert case_name(text) is None


PARTIES = [
    ("JANE Q. ROE, as next friend of J.R., a minor; OMAR BELL, Plaintiffs", "Roe"),
    ("DEPT. OF WIDGETS, et al.,", "Dept. of Widgets"),
    ("UNITED STATES OF AMERICA,", "United States"),
    ("THE PEOPLE OF THE STATE OF ELLERY, Plaintiff and Respondent,", "People"),
    ("The STATE of Ellery, Appellee.", "State of Ellery"),
    ("Marisol QUENBY-VANCE, Appellant,", "Quenby-Vance"),  # a reporter prints the surname in capitals
    ("HOLLIS T. BRANDT, JR., Warden,", "Brandt"),
    ("WIDGET WORKS, INC., a Delaware corporation,", "Widget Works, Inc."),
    ("CITY OF MILLBROOK and ANA RUIZ, in her official capacity", "City of Millbrook"),
    ("Ana Ruiz and Omar Bell", "Ruiz"),
    ("Ana R. Ruiz and Millbrook Widgets, Inc.", "Ruiz"),
    ("RUIZ & BELL HARDWARE, INC.", "Ruiz & Bell Hardware, Inc."),
    ("ELLERY PROPERTY AND MARINE INSURANCE ASSOCIATION,", "Ellery Property and Marine Insurance Association"),
    ("CLARA B., by and through her parent, Ana Ruiz,", "Clara B."),
    ("Omar de la Vega, Petitioner,", "de la Vega"),
    ("MARISOL QUENBY1, in her official capacity", "Quenby"),  # a footnote's mark on the name
    ("KEVIN McBRIDE-ORTEGA,", "McBride-Ortega"),
    ("JANE ROES # 3 & 4,", "Roes"),
    ("Roe ex rel. Bell", "Roe"),
    ("STATE ex rel. OMAR BELL", "State ex rel. Omar Bell"),
]

NOT_PARTIES = [
    "the panel read the statute to apply here",
    "Case No. 4:31-cv-01234-ABC",
    "Plaintiffs,",
    "Program,",
    "UNKNOWN POLICE OFFICERS,",
    "STAYING PROCEEDINGS FOR 45 DAYS",
    "ORDER GRANTING MOTION TO DISMISS",
]


@pytest.mark.parametrize(("text", "expected"), PARTIES)
def test_the_first_party_of_a_side_is_cited_short(text: str, expected: str) -> None:
    assert party_name(text) == expected


@pytest.mark.parametrize("text", NOT_PARTIES)
def test_what_is_no_party_gives_no_name(text: str) -> None:
    assert party_name(text) is None


def _examples(kind: str) -> list[tuple[str, str]]:
    rows = [row for row in read_tsv("case_name_words.tsv") if row["kind"] == kind and row["example"]]
    return [tuple(part.strip() for part in row["example"].split("->")) for row in rows]  # type: ignore[misc]


@pytest.mark.parametrize(("side", "expected"), _examples("organization") + _examples("group"))
def test_the_word_list_examples_read_as_they_say(side: str, expected: str) -> None:
    assert party_name(side) == (expected or None)


@pytest.mark.parametrize(("line", "left"), _examples("title") + _examples("function"))
def test_a_title_continued_in_the_right_column_is_cut_off(line: str, left: str) -> None:
    assert _title_tail(line)[0] == left


COURT_LINES = [
    # (a caption line, True when it names the court)
    ("FIFTH APPELLATE DISTRICT", True),
    ("THIRTEENTH APPELLATE DISTRICT", True),
    ("2d Judicial District", True),
    ("11th Judicial Department", True),
    ("Northern Division", True),
    ("FOR THE DISTRICT OF ELLERY", True),
    ("SECOND AMENDED COMPLAINT", False),
    ("MARISOL QUENBY, a minor,", False),
    ("Fifth cause of action", False),
]


@pytest.mark.parametrize(("line", "court"), COURT_LINES)
def test_lines_of_a_courts_name_ordinals_included(line: str, court: bool) -> None:
    assert bool(_COURT.search(line)) is court
