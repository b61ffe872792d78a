"""JUDGE component: table of hits and near-misses on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from docketflow.extractors.data import read_tsv
from docketflow.extractors.spans import entities, normalized


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("docketflow_courts")
    pipeline.add_pipe("docketflow_judges")
    return pipeline


def judge_keys(nlp, text: str) -> set[str]:
    return {span.kb_id_ for span in entities(nlp(text), "JUDGE")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("U.S. District Judge Ana Ruiz of the Northern District of Texas ruled.", {"Ana Ruiz"}),
        ("Senior Judge Omar Bell wrote separately.", {"Omar Bell"}),
        ("Windham Superior Court, Harlow, J., presiding.", {"Harlow"}),
        ("Appeal from the Superior Court, No. C-20417, Marta L. Quist, Judge.", {"Marta L. Quist"}),
        ("The motion was denied. Accordingly, Judge\n\nthe clerk closed the case.", set()),
        ("Chief Judge Lena Ortiz granted the stay.", {"Lena Ortiz"}),
        # a suffix, a signature rule run into the name, a hyphen at a line's end: the person's name without them
        ("Chief Judge OMAR T. BELL IV granted the stay.", {"Omar T. Bell"}),
        ("/s/ Lena Ortiz______________\nUnited States District Judge", {"Lena Ortiz"}),
        ("[Assigned to the Honorable Lena Ortiz-\nCourtroom 4]", {"Lena Ortiz"}),
        ("Magistrate Judge Susan van Keulen resolved the dispute.", {"Susan van Keulen"}),
        ("Justice Tamar Hale dissented.", {"Tamar Hale"}),
        ("Immigration Judge Paul Nix denied relief.", {"Paul Nix"}),
        ("[Hon. Maria T. Quill, U.S. District Judge]", {"Maria T. Quill"}),
        ("Before TOLLIVER, MASON, and GREER, Circuit Judges.", {"Tolliver", "Mason", "Greer"}),
        ("Before\n  Pratt, Circuit Judge,\n  Dunmore, Senior Circuit Judge,\n  and Vail, Circuit Judge.",
         {"Pratt", "Dunmore", "Vail"}),
        ("QUILLEN, Circuit Judge. We must decide a narrow question.", {"Quillen"}),
        ("FARRIS, Appellate Immigration Judge:\nThe respondent appeals.", {"Farris"}),
        ("  HOLLIS, J.\nThe petition is granted.", {"Hollis"}),
        ("Marsh, C. J., Tran, J., and Ebbs, J., concurred.", {"Marsh", "Tran", "Ebbs"}),
        ("We concur:\nDelacroix, J.", {"Delacroix"}),
        ("IT IS SO ORDERED.\n______\nMARGO K. LINDQVIST\nUnited States District Judge", {"Margo K. Lindqvist"}),
        ("HONORABLE PETER J. ASHWORTH, UNITED STATES DISTRICT JUDGE", {"Peter J. Ashworth"}),
        ("Before: Grace P. Whitcomb, Circuit Judge.", {"Grace P. Whitcomb"}),
        ("Writing for the panel, Judge Park of the Sixth Circuit explained.", {"Park"}),
        ("District Judge Nora Vance heard the case. Judge Vance then ruled.", {"Nora Vance"}),
        # near-misses
        ("Except as noted, the judge agreed with the magistrate.", set()),
        ("The judges of the district met in March.", set()),
        ("An Immigration Judge granted the motion to terminate.", set()),
        ("The Immigration Judge's decision is vacated.", set()),
        ("Edgar Sloane, with whom Rita Moss was on brief, for appellant.", set()),
        ("Roe v. Wade, 410 U.S. 113 (1973) (Rehnquist, J., dissenting).", set()),
        ("Id. at 1166 (conc. opn. by Pashman, J.).", set()),
        ("Counsel: Amy Lee, J. Anthony Kline and Jo Park for petitioners.", set()),
        ("Counsel for the Erewhon Department of Justice Records Office, an office, appeared.", set()),
        ("Accordingly, Judge of the Year awards were given.", set()),
    ],
)
def test_judges(nlp, sentence, expected):
    assert judge_keys(nlp, sentence) == expected


def test_bare_surname_takes_the_full_name_from_elsewhere(nlp):
    doc = nlp("Judge Lovell ruled.\n\nADA LOVELL\nUnited States District Judge")
    assert {s.kb_id_ for s in entities(doc, "JUDGE")} == {"Ada Lovell"}


def test_normalized_title_and_court(nlp):
    doc = nlp("U.S. District Judge Ana Ruiz of the Northern District of California ruled.")
    (span,) = entities(doc, "JUDGE")
    assert normalized(span) == {"name": "Ana Ruiz", "title": "U.S. District Judge", "court": "cand"}


@pytest.mark.parametrize("row", read_tsv("judges_titles.tsv"), ids=lambda r: r["title"])
def test_title_examples(nlp, row):
    assert judge_keys(nlp, row["example"]), row["example"]


def _news_judges(text: str) -> set[str]:
    from docketflow.extractors.nlp import build_nlp
    from docketflow.extractors.spans import DocContext

    pipeline = build_nlp()
    doc = pipeline.make_doc(text)
    doc._.docketflow = DocContext(kind="news")
    return {span.kb_id_ for span in entities(pipeline(doc), "JUDGE")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's verb after "Judge" names no one; a name before it does
        ("Judge Blocks Treasury From Releasing Payroll Files\nA federal judge ruled Friday.", set()),
        ("Bureau May Keep Sharing Files as DC Judge Denies Stay\nThe judge ruled Friday.", set()),
        ("Judge Lena Ortiz Halts Data Transfer to ICE\nOrtiz ruled Friday.", {"Lena Ortiz"}),
        # a Title-Case headline whose capitals the article never repeats is not a name
        ("Judge Nixes Doge Access Plan For Agency\nA federal judge ruled Friday.", set()),
        # near-miss: a sentence (closing period) keeps its judge even when the name appears once
        ("U.S. District Judge Lena Ortiz of the District of Vermont Ruled For The Unions.", {"Lena Ortiz"}),
    ],
)
def test_headline_guards(text: str, expected: set[str]) -> None:
    assert _news_judges(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname after a reporting verb, printed in full elsewhere in a report about a court
        ("Tess Almond, a federal judge since 2019, heard the case. \u201cThe harm is real,\u201d writes Almond.",
         {"Tess Almond"}),
        ("In her opinion, Tess Almond found the harm real. Almond wrote that the law forbids the transfer.",
         {"Tess Almond"}),
        # near-misses: never printed in full, or a report with no court in it
        ("\u201cThe harm is real,\u201d writes Almond in the opinion.", set()),
        ("Tess Almond, the mayor, met the governor. Almond wrote to the council on Monday.", set()),
    ],
)
def test_reporting_verb_surnames(text: str, expected: set[str]) -> None:
    assert _news_judges(text) == expected


PLURAL_LISTS = [
    "Before Senior Circuit Judges Ana Ruiz, Lee Park and Omar Bell.",
    "Present: Chief  Judges Ana Ruiz and Bo Li.",
    "U.S. District Judges Al Bo and Cy Do sat by designation.",
    "xChief Circuit Judges Al Bo and Cy Do",  # the first qualifier is no word of its own
    "the Judges Al Bo, and Cy Do; Appellate Judges",  # a list, then a title with no names
    "Chief Judgeship of Al Bo and Cy Do",
]


@pytest.mark.parametrize("text", PLURAL_LISTS)
def test_plural_titles_read_as_the_plain_pattern_reads_them(text: str) -> None:
    """The plural-title pattern is spelled one branch per first word so `re` can skip ahead; it finds what
    `(?:(?:Chief|...)[ \\t]+)*Judges` + names finds, with the same title and names."""
    import re

    from docketflow.extractors.judges import NAME, _patterns

    plain = re.compile(rf"\b(?P<title>(?:(?:Appellate|Circuit|District|Senior|Chief|U\.S\.)[ \t]+)*Judges)[ \t]+"
                       rf"(?P<names>{NAME}(?:[ \t]*,[ \t]*{NAME})*(?:[ \t]*,?[ \t]+and[ \t]+{NAME}))")
    spans = [(m.span(), m.span("title"), m.span("names")) for m in _patterns()["plural"].finditer(text)]
    assert spans == [(m.span(), m.span("title"), m.span("names")) for m in plain.finditer(text)]


def test_plural_title_names_each_judge(nlp) -> None:
    assert judge_keys(nlp, "Before Senior Circuit Judges Ana Ruiz, Lee Park and Omar Bell.") == \
        {"Ana Ruiz", "Lee Park", "Omar Bell"}
