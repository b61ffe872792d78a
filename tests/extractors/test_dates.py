"""DATE component: sentences of our own, each with the document's date, and the keys expected.

Hits and near-misses sit side by side so that a rule loosened for one shows up in the other.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from docketflow.extractors.dates import document_date
from docketflow.extractors.spans import DocContext, add_entity, entities, normalized

TUESDAY = date(2025, 12, 30)


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("docketflow_dates")
    return pipeline


def run(nlp, text: str, anchor: date | None = None, kind: str | None = None, dockets=()):
    doc = nlp.make_doc(text)
    doc._.docketflow = DocContext(anchor_date=anchor, kind=kind)
    for docket in dockets:
        start = text.index(docket)
        add_entity(doc, start, start + len(docket), "DOCKET", docket)
    return nlp(doc)


def keys(doc) -> list[str]:
    return [span.kb_id_ for span in entities(doc, "DATE")]


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        # Explicit dates in their common spellings.
        ("The hearing was held on January 3, 1978, in Boston.", None, ["1978-01-03"]),
        ("The motion was filed Jan. 27, 2025 by the plaintiffs.", None, ["2025-01-27"]),
        ("The notice issued Sept. 4, 2019.", None, ["2019-09-04"]),
        ("DATED: DECEMBER 9, 2009", None, ["2009-12-09"]),
        ("The clerk stamped it 08/12/25 and 12/1/2020.", None, ["2025-08-12", "2020-12-01"]),
        ("The record shows 2025-12-30 as the entry date.", None, ["2025-12-30"]),
        ("He arrived on 18 October 2007 by bus.", None, ["2007-10-18"]),
        ("A photo taken Monday, Jan. 27, 2025, shows the office.", TUESDAY, ["2025-01-27"]),
        ("SO ORDERED on this 9th day of December, 2009.", None, ["2009-12-09"]),
        ("Entered on the 4th day of May, two thousand twenty-two.", None, ["2022-05-04"]),
        ("Witness my hand this first day of March, nineteen ninety-nine.", None, ["1999-03-01"]),
        # Month-year mentions, alone and joined.
        ("The loan closed in April 1978 after a long delay.", None, ["1978-04"]),
        ("The storm of February, 1978 flooded the yard.", None, ["1978-02"]),
        ("In October of 2007 the unit was reassigned.", None, ["2007-10"]),
        ("Funds moved in September-October 1978.", None, ["1978-09", "1978-10"]),
        ("Funds moved in September and October 1978.", None, ["1978-09", "1978-10"]),
        ("Sessions ran on March 4 and 5, 2021.", None, ["2021-03-04", "2021-03-05"]),
        # Relative to the document's date (published Tuesday 2025-12-30).
        ("A federal judge on Monday lifted the order.", TUESDAY, ["2025-12-29"]),
        ("The agency said Tuesday it would comply.", TUESDAY, ["2025-12-23"]),
        ("The hearing will resume on Friday.", TUESDAY, ["2026-01-02"]),
        ("The union voted last Wednesday to strike.", TUESDAY, ["2025-12-24"]),
        ("Both agencies filed notices in November.", TUESDAY, ["2025-11"]),
        ("The rule was published yesterday.", TUESDAY, ["2025-12-29"]),
        ("Under the order, the transfers may start on January 6.", TUESDAY, ["2026-01-06"]),
        ("The rule will take effect on March 1.", TUESDAY, ["2026-03-01"]),
        ("The agency posted the notice on March 1.", TUESDAY, ["2025-03-01"]),
        # Yearless dates take the year the narrative is in, not the decision's.
        ("In June of 2004 he left. On July 9 he returned.", date(2010, 5, 1), ["2004-06", "2004-07-09"]),
        ("On June 3, 2004 the car was stopped. On Monday it was searched.", TUESDAY, ["2004-06-03"]),
        # Near-misses: no calendar date named.
        ("The agency may share the data within 90 days.", TUESDAY, []),
        ("May the court consider the record as a whole?", TUESDAY, []),
        ("Protesters march on the capitol every spring.", TUESDAY, []),
        ("The rule adopted in 2019 remains in force.", None, []),
        ("A 2019 rule applies; see 8 U.S.C. § 1231(a).", None, []),
        ("She was 19 years old and worked 40 hours a week.", None, []),
        ("April Smith testified at the August Term, 2007 sitting.", None, []),
        ("The case is reported at 22 I. & N. Dec. 13 (BIA 2000).", None, []),
        ("See Doe v. Roe, 2016 WL 762, at *2 (C.D. Cal. Oct. 18, 2016).", None, []),
        ("See id. (1st Cir., Feb. 24, 1993).", None, []),
        ("Retailers cut prices on Cyber Monday.", TUESDAY, []),
        ("The office is open Monday through Friday.", TUESDAY, []),
        ("The unit met last week to review the file.", TUESDAY, ["2025-12-23"]),  # dateparser: anchor - 7 days
        ("The agency said Monday it would comply.", None, []),
        ("Both agencies filed notices in November.", None, []),
        ("The report is dated February 30, 2020.", None, []),
    ],
)
def test_date_keys(nlp, sentence, anchor, expected):
    assert keys(run(nlp, sentence, anchor)) == expected


def test_opinions_do_not_resolve_weekdays(nlp):
    """An opinion narrates past events: its "on Monday" is not the Monday before the decision."""
    assert keys(run(nlp, "On Monday the officers searched the car.", date(2010, 5, 4), kind="opinion")) == []


def test_docket_numbers_are_not_dates(nlp):
    doc = run(nlp, "Appeal No. 2025-12-30 was heard on June 2, 2025.", None, dockets=["2025-12-30"])
    assert keys(doc) == ["2025-06-02"]


def test_news_resolves_against_publication_not_narrative_year(nlp):
    text = "A photo from Monday, Jan. 27, 2025. The judge ruled on Monday. The states filed in November."
    assert keys(run(nlp, text, TUESDAY, kind="news")) == ["2025-01-27", "2025-12-29", "2025-11"]


def test_normalized_fields(nlp):
    doc = run(nlp, "The judge ruled on Monday. The order is dated May 2, 2008.", TUESDAY)
    relative, explicit = entities(doc, "DATE")
    assert normalized(relative) == {"text": "Monday", "resolved_from": "2025-12-30", "relative": True}
    assert normalized(explicit) == {"text": "May 2, 2008", "resolved_from": None, "relative": False}


def test_relative_dates_fall_back_to_the_documents_own_date(nlp):
    text = "ORDER\n\nOn Friday the parties met and conferred.\n\nDated: March 4, 2021\n"
    assert keys(run(nlp, text)) == ["2021-02-26", "2021-03-04"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OPINION\n\n                December 9, 2010\n\nThe facts are these.", date(2010, 12, 9)),
        ("(Argued: January 5, 2008     Decided: May 2, 2008)\nBefore the panel.", date(2008, 5, 2)),
        ("The parties agree.\nDated: June 1, 2020\nCounsel\nDATED: June 3, 2020\nJudge", date(2020, 6, 3)),
        ("Case 1:20-cv-00001 Document 5 Filed 12/02/20 Page 1 of 3\nThe motion is denied.", date(2020, 12, 2)),
        ("The Turnover Order dated June 30, 2025 is stayed.", None),
        ("The motion is denied.", None),
        # the forms a judge signs with
        ("The motion is denied.\n\nENTER: August 29, 2019\n\nJane Q. Roe\nUnited States District Judge",
         date(2019, 8, 29)),
        ("The motion is denied. So ordered on December 31, 2018.\n\nJane Q. Roe", date(2018, 12, 31)),
        ("14 IT IS SO ORDERED.\n15 Date: June 13, 2014       JANE Q. ROE\n16 United States District Judge",
         date(2014, 6, 13)),
        ("12  The motion is denied.\n13\n14  May 5, 2016\n15  JANE Q. ROE", date(2016, 5, 5)),
        ("ROE, J.       March 21, 2017\n\nThe plaintiffs move to compel.", date(2017, 3, 21)),
        # near-misses: a sentence carried over a line break, counsel's signature under the court's
        ("The Court entered the letter\ndated June 24, 1996.\nThe motion is denied.", None),
        ("SIGNED this 19th day of September, 2019.\n\nJane Q. Roe\nUnited States District Judge\n\n"
         "Dated: September 18, 2019\n/s/ Omar Bell\nAttorneys for Plaintiff", date(2019, 9, 19)),
    ],
)
def test_document_date(nlp, text, expected):
    assert document_date(nlp.make_doc(text)) == expected


FRIDAY = date(2026, 3, 13)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a weekday equal to the publication day is that day; "last" sends it a week back
        ("The judge ruled Friday that the transfer may not go ahead.", ["2026-03-13"]),
        ("The judge ruled last Friday that the transfer may not go ahead.", ["2026-03-06"]),
        ("The judge ruled Thursday.", ["2026-03-12"]),
        ("A federal judge today blocked the transfer.", ["2026-03-13"]),
        ("Today's decision echoes one from Monday.", ["2026-03-13", "2026-03-09"]),
        # future cues: the nearest one governs its date, unless a past tense stands between
        ("Sharing may resume starting April 2.", ["2026-04-02"]),
        ("Beginning on Jan. 6, the agency will send addresses.", ["2027-01-06"]),
        ("The judge set a hearing for Oct. 9.", ["2026-10-09"]),
        ("The audit will serve the panel, formed by a Feb. 11 executive order.", ["2026-02-11"]),
        ("A hearing was scheduled for Thursday morning.", ["2026-03-12"]),
        ("The notices were meant to begin arriving in October.", ["2025-10"]),
        ("The fund is set to go broke on Saturday.", ["2026-03-14"]),
        # "May" the month is no modal: the day after it stays in the past
        ("On May 21, the court extended a May 7 order.", ["2025-05-21", "2025-05-07"]),
    ],
)
def test_news_dates_resolve_against_the_publication_day(nlp, sentence, expected):
    assert keys(run(nlp, sentence, FRIDAY, kind="news")) == expected


def test_today_is_a_date_only_in_news(nlp):
    assert keys(run(nlp, "The Court today grants the motion.", FRIDAY, kind="court_order")) == []


DATE_FORMS = ("On the 3rd day of March, 2031, and this twenty-first day of JUNE; Tuesday, May 4, 2032; 4 Sept. "
              "2031; October of 2030; in December; 3/4/31 and 2031-05-06; tomorrow, Today, YESTERDAY; Friday. "
              "The May ruling, the 31 may, 13/40/2031, 1999-13-01, x2031-05-06, Tuesdays, Mayday, 0 March 2031.")


def test_each_date_form_is_tried_where_its_first_characters_stand_and_finds_what_it_found_before() -> None:
    """The candidate regex puts a first-character lookahead before each form; without them it finds the same."""
    import re

    from docketflow.extractors.date_parsing import candidate_pattern

    guarded = candidate_pattern()
    plain = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)(?=\(\?P<)", "", guarded.pattern))
    assert plain.pattern != guarded.pattern
    found = [(m.span(), m.lastgroup) for m in guarded.finditer(DATE_FORMS)]
    assert found == [(m.span(), m.lastgroup) for m in plain.finditer(DATE_FORMS)]
    assert {form for _, form in found} == {"dayof", "mdy", "dmy", "my", "month", "numeric", "iso", "weekday", "rel"}
