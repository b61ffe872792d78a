"""Federal Register bulk inputs: govinfo daily-issue XML and the Federal Register API's JSON documents."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.sources.helpers import items, summary

ISSUE = """<?xml version="1.0" encoding="UTF-8"?>
<FEDREG>
  <VOL>96</VOL><NO>12</NO><DATE>Tuesday, January 21, 2031</DATE>
  <CNTNTS><AGCY><HD>Labor Department</HD></AGCY></CNTNTS>
  <RULES><RULE><PREAMB><AGENCY>DEPARTMENT OF LABOR</AGENCY><SUBJECT>Overtime Records</SUBJECT>
    <AGY><HD>AGENCY:</HD><P>Wage and Hour Division, Labor.</P></AGY></PREAMB>
    <FRDOC>[FR Doc. 2031-00101 Filed 1-20-31; 8:45 am]</FRDOC></RULE></RULES>
  <NOTICES>
    <NOTICE><PREAMB><PRTPAGE P="2201"/><AGENCY>DEPARTMENT OF LABOR</AGENCY>
      <SUBJECT>Privacy Act of 1974; Matching Program</SUBJECT>
      <AGY><HD SOURCE="HED">AGENCY:</HD><P>Labor Department.</P></AGY>
      <SUM><HD SOURCE="HED">SUMMARY:</HD><P>DOL will pair its claim files with rolls kept by the <E T="03">Office of
      Personnel Management</E> (OPM).<SU>1</SU></P></SUM></PREAMB>
      <FRDOC>[FR Doc. 2031-00102 Filed 1-20-31; 8:45 am]</FRDOC></NOTICE>
  </NOTICES>
  <NEWPART><PRESDOCS><PRESDOCU><EXECORD><HD>Executive Order 15001</HD><FP>With the powers given this office.</FP>
    <FRDOC>[FR Doc. 2031-00103</FRDOC><FILED>Filed 1-20-31; 11:15 am]</FILED></EXECORD></PRESDOCU></PRESDOCS></NEWPART>
</FEDREG>
"""


def test_a_daily_issue_is_one_document_per_fr_doc_number(tmp_path: Path) -> None:
    (tmp_path / "FR-2031-01-21.xml").write_text(ISSUE, encoding="utf-8")
    found = items(tmp_path)
    assert summary(found) == [(f"FR-2031-01-21.xml#2031-0010{n}", None) for n in (1, 2, 3)]
    assert [i.metadata["fr_type"] for i in found] == ["rule", "notice", "presidential_document"]
    assert {i.metadata["published"] for i in found} == {"2031-01-21"}
    notice = found[1]
    assert notice.metadata["document_number"] == "2031-00102"
    assert notice.metadata["title"] == "Privacy Act of 1974; Matching Program"
    assert "AGENCY:\n\nLabor Department." in notice.text
    assert "DOL will pair its claim files with rolls kept by the Office of Personnel Management (OPM).1" in notice.text


def test_xml_that_is_not_the_register_is_refused_whole(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text("<rss><item>x</item></rss>", encoding="utf-8")
    (tmp_path / "broken.xml").write_text("<FEDREG><NOTICE>", encoding="utf-8")
    assert summary(items(tmp_path)) == [("broken.xml", "bad_record"), ("feed.xml", "unsupported_type")]


API_DOCUMENT = {
    "document_number": "2031-00555", "type": "Notice", "title": "Privacy Act of 1974; Matching Program",
    "publication_date": "2031-02-14", "html_url": "https://www.federalregister.gov/d/2031-00555",
    "agencies": [{"raw_name": "SOCIAL SECURITY ADMINISTRATION", "name": "Social Security Administration"}],
    "action": "Notice of a new matching program.",
    "abstract": "SSA will disclose benefit records to the Department of Labor.",
    "dates": "This match starts on March 20, 2031.",
}


def test_api_documents_and_search_pages_are_records(tmp_path: Path) -> None:
    (tmp_path / "doc.json").write_text(json.dumps(API_DOCUMENT), encoding="utf-8")
    page = {"count": 2, "results": [dict(API_DOCUMENT, document_number="2031-00556"),
                                    dict(API_DOCUMENT, document_number="2031-00557", type="Rule")]}
    (tmp_path / "search.json").write_text(json.dumps(page), encoding="utf-8")
    found = items(tmp_path)
    assert summary(found) == [("doc.json#2031-00555", None), ("search.json#2031-00556", None),
                              ("search.json#2031-00557", None)]
    first = found[0]
    assert first.metadata["published"] == "2031-02-14"
    assert first.metadata["kind"] == "federal_register_notice"
    assert first.text.startswith("Privacy Act of 1974; Matching Program\n\nAGENCY: SOCIAL SECURITY ADMINISTRATION")
    assert "SUMMARY: SSA will disclose" in first.text and "DATES: This match starts" in first.text
    assert [i.metadata["fr_type"] for i in found] == ["notice", "notice", "rule"]


def test_the_shared_daily_issue_gives_every_document(shared: Path) -> None:
    found = items(shared / "corpus" / "fedreg-bulk")
    assert not [i for i in found if i.error]
    assert Counter(i.metadata["fr_type"] for i in found) == {"notice": 132, "rule": 9, "proposed_rule": 4,
                                                            "presidential_document": 1}
    numbers = [i.metadata["document_number"] for i in found]
    assert len(set(numbers)) == len(numbers) == 146
    assert {i.metadata["published"] for i in found} == {"2016-04-15"}
