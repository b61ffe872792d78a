"""Signature blocks of court orders: table of made-up blocks in the layouts courts print, and near-misses."""

from __future__ import annotations

import pytest
from docketflow.extractors.signature import last_signer, signers, undouble

from tests.records.helpers import records_of

# (closing text of an order, expected (name, title) of its signer, or None)
BLOCKS = [
    # name line over title line, with a signature rule and a date above
    ("IT IS SO ORDERED.\n\nDated: May 4, 2026\n\n______________________\nJANE Q. ROE\nUnited States District Judge\n",
     ("JANE Q. ROE", "United States District Judge")),
    # pleading paper: line numbers before and between the lines
    ("22  Dated: May 4, 2026\n23  ____________________\nJANE Q. ROE\n24  United States District Judge\n25\n",
     ("JANE Q. ROE", "United States District Judge")),
    ("Entered on May 4, 2026.\n            OMAR BELL\n16              CHIEF UNITED STATES DISTRICT JUDGE\n",
     ("OMAR BELL", "CHIEF UNITED STATES DISTRICT JUDGE")),
    ("So entered, 4 May 2026.\nA\n17\nOmar Bell\n18\nUnited States Magistrate Judge\n",
     ("Omar Bell", "United States Magistrate Judge")),
    # the district judge's initials on the name's line, "/s/" alone above it
    ("IT IS SO ORDERED.\n/s/\n\nJane Q. Roe, U.S.D.J.\nDated at Springfield this 2nd day of May, 2020.\n",
     ("Jane Q. Roe", "U.S.D.J.")),
    ("It is so ordered.\nNew York, NY\nMay 2, 2020\nJANE  Q.  ROE\nU.S.D.J.\n", ("JANE Q. ROE", "U.S.D.J.")),
    # a suffix, and a title broken over two lines with a line number between
    ("/s/ Omar Bell\nOMAR BELL, JR.\nSenior United States District\n\n12\nJudge\n",
     ("OMAR BELL", "Senior United States District Judge")),
    ("OMAR T. BELL IV\nUnited States District Judge\n", ("OMAR T. BELL", "United States District Judge")),
    # "District Court Judge", and the court standing for the title under an "/s/" name
    ("/s/ Jane Q. Roe\nJANE Q. ROE\nU.S. DISTRICT COURT JUDGE\n", ("JANE Q. ROE", "U.S. DISTRICT COURT JUDGE")),
    ("s/ Jane Q. Roe\nUnited States District Court\n", ("Jane Q. Roe", "United States District Court")),
    # the letters of a vertical margin legend at the start of the lines
    ("tinhtr JANE Q. ROE\nr o u United States District Judge\n", ("JANE Q. ROE", "United States District Judge")),
    # an "/s/" signature with no title, and one beside the date
    ("BY THE COURT:\n\n/s/ Jane Q. Roe\n", ("Jane Q. Roe", "")),
    ("Dated: May 4, 2026      /s/ Jane Q. Roe\n", ("Jane Q. Roe", "")),
    # near-misses: counsel and court staff sign with "/s/" too; a clerk signs for the court
    ("Respectfully submitted,\n/s/ Jane Q. Roe\nJane Q. Roe (Bar No. 12345)\nRoe & Bell LLP\n", None),
    ("CERTIFICATE OF SERVICE\nA copy was served on counsel of record on May 4, 2026.\ns/Omar Bell\n", None),
    ("s/ Omar Bell\nCase Manager\n(555) 123-4567\n", None),
    ("FOR THE COURT:\nOmar Bell\nClerk of Court\n", None),
    ("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF ALABAMA\n", None),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKS)
def test_signature_blocks(text: str, expected: tuple[str, str] | None) -> None:
    signer = last_signer(text)
    assert (signer and (signer.name, signer.title)) == expected
    if signer:
        assert " ".join(text[signer.start:signer.end].split()) == " ".join(signer.name.split())


def test_judges_on_a_copy_list_did_not_sign() -> None:
    text = ("JANE Q. ROE\nUnited States District Judge\n\ncc: Hon. Omar Bell\nUnited States Magistrate Judge\n"
            "All counsel of record\n")
    assert [s.name for s in signers(text)] == ["JANE Q. ROE"]


def test_a_titled_signature_wins_over_a_later_bare_one() -> None:
    text = "JANE Q. ROE\nUnited States District Judge\n\nEXHIBIT A\n\nBY THE COURT:\n/s/ Omar Bell\n"
    assert last_signer(text).name == "JANE Q. ROE"


@pytest.mark.parametrize(("printed", "read"), [("JJAANNEE  RROOEE", "JANE ROE"), ("ELLEN ROE", "ELLEN ROE"),
                                               ("JANE ROE", "JANE ROE")])
def test_letters_printed_twice_for_bold_type(printed: str, read: str) -> None:
    assert undouble(printed) == read


ORDER_HEAD = ("UNITED STATES DISTRICT COURT\nDISTRICT OF MARYLAND\n\nJANE DOE, Plaintiff,\nv.\nACME CORP., Defendant."
              "\n\nCase No. 8:25-cv-01234-ABC\n\nORDER\n\nThe motion to compel is DENIED.\n\n")


@pytest.mark.parametrize(("signature", "judge"), [
    ("IT IS SO ORDERED.\n\n______________\nJANE Q. ROE\nUnited States District Judge\n", "Jane Q. Roe"),
    ("SO ORDERED.\n\nJane Q. Roe, U.S.D.J.\n", "Jane Q. Roe"),
    ("SO ORDERED.\n\nOMAR T. BELL, JR.\nSenior United States District Judge\n", "Omar T. Bell"),
    # a judge the order mentions in its body, then copies, is not its signer
    ("Magistrate Judge Lee Park will hold a conference.\n\nIT IS SO ORDERED.\n\nJANE Q. ROE\n"
     "United States District Judge\ncc: Magistrate Judge Lee Park\n", "Jane Q. Roe"),
])
def test_order_judge_is_its_signer(signature: str, judge: str) -> None:
    (holding,) = records_of(ORDER_HEAD + signature, "court_order").holdings
    assert holding.judge == judge


def test_per_curiam_in_a_citation_does_not_hide_the_signer() -> None:
    body = ("The motion to compel is DENIED. See Doe v. Roe, 12 F.4th 345, 350 (4th Cir. 2021) (per curiam).\n\n"
            "IT IS SO ORDERED.\n\nJANE Q. ROE\nUnited States District Judge\n")
    (holding,) = records_of(ORDER_HEAD.replace("The motion to compel is DENIED.\n\n", "") + body, "opinion").holdings
    assert holding.judge == "Jane Q. Roe"


@pytest.mark.parametrize(("author_line", "judge"), [
    ("ROE, Senior J.", "Roe"),
    ("JANE Q. ROE, U.S.D.J.:", "Jane Q. Roe"),
    ("ROE, D.J.", "Roe"),
])
def test_reporter_author_lines_with_short_titles(author_line: str, judge: str) -> None:
    text = ("Doe v. Acme Corp.\nUnited States District Court, D. Maryland.\nMay 4, 2026\n\n"
            "Synopsis: a records requester sued over a benefits program and the agency asked the court to toss "
            "every count as outside its power to hear.\n\n"
            f"{author_line}\n\nThe motion to dismiss is DENIED.\n")
    (holding,) = records_of(text, "opinion").holdings
    assert holding.judge == judge
