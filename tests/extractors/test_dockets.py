"""DOCKET component: table of hits and near-misses on captions and sentences written for these tests."""

from __future__ import annotations

import re

import pytest
import spacy
from docketflow.extractors import dockets
from docketflow.extractors.data import read_jsonl
from docketflow.extractors.docket_forms import case_number, parse, same_case
from docketflow.extractors.spans import DocContext, entities


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("docketflow_cases")
    pipeline.add_pipe("docketflow_dockets")
    return pipeline


def docket_keys(nlp, text: str, stamped: str | None = None) -> set[str]:
    doc = nlp.make_doc(text)
    doc._.docketflow = DocContext(docket=stamped)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return {span.kb_id_ for span in entities(doc, "DOCKET")}


BODY = "\n" + "The parties briefed the motion at length and the court heard argument. " * 50


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UNITED STATES DISTRICT COURT\nCase No. 3:24-cv-01872-AL\nORDER", {"3:24-cv-01872-AL"}),
        ("COURT OF APPEALS\nNo. 25-5181\nSMITH, Appellant, v. JONES", {"25-5181"}),
        ("Case No. 1:25-cv-00457-CKK\nMEMORANDUM OPINION", {"1:25-cv-00457-CKK"}),
        ("IN RE: WIDGET LITIGATION\nNo. MDL 15-02641-PHX-DGC\nORDER", {"MDL 15-02641-PHX-DGC"}),
        ("IN RE WIDGETS\nMDL No. 2641\nORDER", {"MDL 2641"}),
        ("11-2233-ag\nDoe v. Roe\nDocket No. 11-2233-ag", {"11-2233-ag"}),
        ("DOE,\nPlaintiff,\nCase No. CV 21-7731-AB-CDx\nORDER", {"CV 21-7731-AB-CDx"}),
        ("ROE, Plaintiff,\nNo. C 09-03315 ABC\nSTIPULATION", {"C 09-03315 ABC"}),
        ("Docket No. S.F. 23456.\nSupreme Court of California.", {"S.F. 23456"}),
        ("Petition for review. In re: Jane Doe, No. A 12\n\n345 678 (B.I.A. 2007).", {"A 12 345 678"}),
        ("Appellant moves for a stay.\nCase: 24-3304, 07/15/2025, DktEntry: 28.1, Page 1 of 2", {"24-3304"}),
        ("Doe, Plaintiffs - Appellees, Docket No. 24-3301\nRoe, Plaintiffs - Appellees, Docket No. 24-3302",
         {"24-3301", "24-3302"}),
        ("Nos. 24-3301, 24-3302 & 24-3304\nORDER", {"24-3301", "24-3302", "24-3304"}),
        ("No. 12-34567\nDOE, Plaintiff,\nD.C. No. CV-01-24113-ABC\nOPINION", {"12-34567", "CV-01-24113-ABC"}),
        ("Case No. 2:15-cv-0208 TLN KJN P\nORDER", {"2:15-cv-0208 TLN KJN P"}),
        ("NO. 06-6247\n(D.C. No. 5:06-CV-00376-C)\nORDER AND JUDGMENT", {"06-6247", "5:06-CV-00376-C"}),
        ("No. ED108783\nOPINION", {"ED108783"}),
        ("SUPREME COURT OF THE STATE\nNo. 14460.\nDecided May 1, 1970.", {"14460"}),
        ("STATE v. DOE\nNo. 2007CA00254.\nDATE OF JUDGMENT ENTRY", {"2007CA00254"}),
        ("Docket Number(s): 1:20CV457\nCase Description", {"1:20CV457"}),
        ("Appeal from the County's Superior Court, No. C-16928, Doe, Judge.", {"C-16928"}),
        # each court system's printed form, with its judges' initials kept as printed
        ("UNITED STATES DISTRICT COURT\nSOUTHERN DISTRICT OF NEW YORK\nDOE, Plaintiff,   12 Civ. 3456 (ABC)\nORDER",
         {"12 Civ. 3456 (ABC)"}),
        ("DOE v. ROE\nNo. 08 C 2468\nMEMORANDUM OPINION AND ORDER" + BODY + "\n08C2468 Doe v. Roe Page 2 of 3\n",
         {"08 C 2468", "08C2468"}),
        # the label's own words are not the number's office letters
        ("JANE ROE, )  CV. NO. 04-567-XY\nORDER", {"04-567-XY"}),
        ("ARIZONA COURT OF APPEALS\nNo. 1 CA-CV 12-0345\nOPINION", {"1 CA-CV 12-0345"}),
        ("COMMONWEALTH COURT OF PENNSYLVANIA\nNo. 214 C.D. 2019\nOPINION", {"214 C.D. 2019"}),
        ("UNITED STATES DISTRICT COURT\nCase No. 8:19-cv-2345 ABC (DEFx)\nORDER", {"8:19-cv-2345 ABC (DEFx)"}),
        ("UNITED STATES DISTRICT COURT\nCivil Action No. 3:18-cv-12345 (ABC)(DEF)\nOPINION",
         {"3:18-cv-12345 (ABC)(DEF)"}),
        ("UNITED STATES DISTRICT COURT\nCASE NO. 17cv2468 XYZ (QRS)\nORDER", {"17cv2468 XYZ (QRS)"}),
        ("UNITED STATES DISTRICT COURT\nNo. CIV S-97-1357 QRS\nORDER", {"CIV S-97-1357 QRS"}),
        ("UNITED STATES DISTRICT COURT\nCase No. C19-2468 XYZ\nORDER", {"C19-2468 XYZ"}),
        ("WESTERN DISTRICT OF TEXAS\nNO. A-16-CV-917-XY\nORDER", {"A-16-CV-917-XY"}),
        ("UNITED STATES DISTRICT COURT\nCivil Action No. 1 :07-CV-01234\nORDER", {"1 :07-CV-01234"}),
        ("UNITED STATES DISTRICT COURT\nCivil No. 96 - 1234 (AB)\nORDER", {"96 - 1234 (AB)"}),
        ("UNITED STATES DISTRICT COURT\nCR. NO. 05-1234-01\nORDER", {"05-1234-01"}),
        ("UNITED STATES BANKRUPTCY COURT\nCase No. 1:23-bk-10234-XY\nAdv. Pro. No. 1:23-ap-01022-XY\nORDER",
         {"1:23-bk-10234-XY", "1:23-ap-01022-XY"}),
        ("UNITED STATES DISTRICT COURT\nCase No. 2:25-cv-01234-ABC\n(Member Case No. 2:25-cv-01299-ABC)\nORDER",
         {"2:25-cv-01234-ABC", "2:25-cv-01299-ABC"}),
        ("IN RE WIDGET ANTITRUST LITIGATION\nMDL No. 3012\nCase No. 1:21-md-03012-XYZ\nORDER",
         {"MDL 3012", "1:21-md-03012-XYZ"}),
        # the case's own number printed again in a footer, in another form
        ("UNITED STATES DISTRICT COURT\nCase 2:25-cv-01234-ABC Document 12 Filed 01/02/26 Page 1 of 9\nORDER" + BODY
         + "\n25cv1234 ORDER - 2\n", {"2:25-cv-01234-ABC", "25cv1234"}),
        # near-misses
        ("UNITED STATES DISTRICT COURT\nDecided November 3, 2019\nORDER", set()),
        ("UNITED STATES DISTRICT COURT\nCase 2:25-cv-01234-ABC ECF No. 57, PageID.1234 Filed 01/02/26 Page 1 of 9\n"
         "ORDER", {"2:25-cv-01234-ABC"}),
        ("Counsel for the Defendant\nFAX No. 555-123-4567\nUNITED STATES DISTRICT COURT\nORDER", set()),
        ("UNITED STATES DISTRICT COURT\nCase No. 3:25-cv-01234 ORDER GRANTING MOTION", {"3:25-cv-01234"}),
        ("The Senate report, S. Rep. No. 305, at 17, explains the purpose.", set()),
        ("Congress passed the Act, Pub. L. No. 102-526, 106 Stat. 3443.", set()),
        ("Plaintiff filed a reply. (ECF No. 26-5.) The motion is granted.", set()),
        ("Finjan's Motion in Limine No. 1 is denied.", set()),
        ("No. C 04-0098 SI\n(Related Case No. C 04-0099 SI)", {"C 04-0098 SI"}),
        ("The parties address requests for personnel records (Nos. 3-4).", set()),
        ("The question is whether Act No. 22 of the 1956 session is valid.", set()),
        ("ORDER\nNo. 25-100\n" + BODY + "\nIn re Widget Litig., No. MDL 863, 1994 WL 34924 (E.D. La. 1994).",
         {"25-100"}),
        ("ORDER\nNo. 17-2400\nShould this appeal be consolidated with Appeal No. 11-1131?", {"17-2400"}),
        ("ORDER\nNo. 25-100\n" + BODY + "See Doe v. Roe, No. 3:19-cv-01234-ABC (N.D. Cal. 2020).", {"25-100"}),
        ("ORDER" + BODY + "\nNo. 25-1234 is mentioned far below the caption.", set()),
        (BODY + "Trade secrets, Doe v. Roe, No. 8:14-cv-01968-DFM, 2015 WL 13283060, at *3 (C.D. Cal. 2015).",
         set()),
    ],
)
def test_docket_table(nlp, text: str, expected: set[str]) -> None:
    assert docket_keys(nlp, text) == expected


def test_stamped_docket_found_in_text(nlp) -> None:
    text = "ORDER\nThe hearing is reset.\n" + BODY + "\nFiled in 4:09-cv-03315-ABC today."
    assert docket_keys(nlp, text, stamped="4:09-cv-03315-ABC") == {"4:09-cv-03315-ABC"}


def test_stamped_docket_absent_from_text_is_skipped(nlp) -> None:
    assert docket_keys(nlp, "ORDER\nThe hearing is reset.", stamped="4:09-cv-03315-ABC") == set()


def test_running_header_repeats_count(nlp) -> None:
    doc_text = "No. 08-4433\nOPINION" + BODY + "\nNo. 08-4433 Smith v. Jones Page 2\n"
    assert docket_keys(nlp, doc_text) == {"08-4433"}


@pytest.mark.parametrize(
    ("key", "parts"),
    [
        ("3:24-cv-01872-AL", {"office": "3", "year": "24", "type": "cv", "number": "01872", "judge_initials": "AL"}),
        ("8:19-cv-2345 ABC (DEFx)", {"office": "8", "year": "19", "number": "2345", "judge_initials": "ABC-DEFx",
                                     "case": "19-cv-02345"}),
        ("12 Civ. 3456 (ABC)", {"year": "12", "number": "3456", "judge_initials": "ABC", "case": "12-cv-03456"}),
        ("1 CA-CV 12-0345", {"office": "1", "type": "CV", "year": "12", "number": "0345"}),
        ("214 C.D. 2019", {"number": "214", "type": "C.D.", "year": "2019"}),
        ("CV 21-7731-AB-CDx", {"type": "CV", "year": "21", "number": "7731", "judge_initials": "AB-CDx"}),
        ("25-5181", {"year": "25", "number": "5181"}),
        ("A 12 345 678", {"number": "12 345 678"}),
    ],
)
def test_parse(key: str, parts: dict[str, str]) -> None:
    parsed = parse(key)
    assert {k: parsed[k] for k in parts} == parts


@pytest.mark.parametrize("row", read_jsonl("dockets.jsonl"), ids=lambda row: row["kind"])
def test_parse_examples(row) -> None:
    for example in row["examples"]:
        assert parse(example)["kind"] == row["kind"], example


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("3:25-cv-01234-ABC", "25-cv-1234 (ABC)", True),
        ("1:12-cv-03456-ABC", "12 Civ. 3456 (ABC)", True),
        ("CIV S-97-1357 QRS", "2:97-cv-01357", True),
        ("3:25-cv-01234-ABC", "3:25-cr-01234-ABC", False),
        ("3:25-cv-01234", "3:24-cv-01234", False),
        ("25-1234", "25-cv-1234", False),
    ],
)
def test_two_printings_of_one_case(a: str, b: str, same: bool) -> None:
    assert same_case(a, b) is same


@pytest.mark.parametrize(("key", "number"), [("12 Civ. 3456 (ABC)", "12 Civ. 3456"),
                                             ("3:18-cv-12345 (ABC)(DEF)", "3:18-cv-12345"),
                                             ("3:25-cv-01234-ABC", "3:25-cv-01234-ABC")])
def test_case_number_drops_parenthesized_initials(key: str, number: str) -> None:
    assert case_number(key) == number


NUMBER_TEXTS = ["No. 1234", "no. 01234.", "x001234y", "91234", "12345", "1234-5", "a 1234", "1234 and 0001234",
                "१२३४ 1234", "١1234", "0", "", "1234" * 3, "12341234 1234"]


@pytest.mark.parametrize("text", NUMBER_TEXTS)
@pytest.mark.parametrize("number", ["1234", "7", "0"])
def test_number_hits_are_the_lookbehind_patterns(text: str, number: str) -> None:
    expected = [m.span() for m in re.finditer(rf"(?<!\d)0*{number}(?!\d)", text)]
    assert list(dockets.number_hits(text, number)) == expected
