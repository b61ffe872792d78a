"""No extractor and no record builder raises on arbitrary Unicode text, and offsets stay inside the text."""

from __future__ import annotations

from datetime import date

from docketflow.extractors.entities import doc_entities
from docketflow.extractors.nlp import build_nlp
from docketflow.extractors.records import build_records
from docketflow.extractors.spans import DocContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LEGALISH = st.sampled_from([
    "IT IS SO ORDERED.", "AFFIRMED.", "U.S. District Judge Ada Lovell", "26 U.S.C. § 6103(i)(2)",
    "Case No. 3:24-cv-01872-AL", "the IRS-ICE MOU", "on Monday, Jan. 27, 2025", "(9th Cir. 2019)",
    "Defendants are ENJOINED from disclosing Social Security numbers to ICE", "v.", "§§", "\n\n", "—",
    "Smith v. Jones, 555 U.S. 7, 20 (2008)", "the 15th day of July, two thousand twenty-five",
])
TEXT = st.lists(st.one_of(st.text(max_size=40), LEGALISH), max_size=25).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, kind=st.sampled_from(["court_order", "opinion", "news", "other"]),
       anchor=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31))))
def test_pipeline_and_records_never_raise(text: str, kind: str, anchor: date | None) -> None:
    nlp = build_nlp()
    doc = nlp.make_doc(text)
    doc._.docketflow = DocContext(anchor_date=anchor, kind=kind)
    doc = nlp(doc)
    for entity in doc_entities(doc):
        assert 0 <= entity["start"] < entity["end"] <= len(text)
    records = build_records(doc, "f" * 64, kind, anchor.isoformat() if anchor else None)
    for record in [*records.holdings, *records.agreements]:
        for evidence in record.evidence:
            assert text[evidence.start:evidence.end] == evidence.text
