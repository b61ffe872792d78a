"""Bulk files: JSON Lines, CourtListener opinions (JSON and CSV), Caselaw Access Project cases."""

from __future__ import annotations

import csv
import io
import json
import lzma
from pathlib import Path

import pytest
from docketflow.pipeline.sources.courtlistener import court_of
from docketflow.pipeline.sources.jsonstream import iter_json_values
from docketflow.pipeline.sources.limits import TooLarge

from tests.sources.helpers import items, make_zip, summary

OPINION = {
    "id": 9101,
    "resource_uri": "https://www.courtlistener.com/api/rest/v4/opinions/9101/",
    "absolute_url": "/opinion/9101/california-v-hhs/",
    "cluster": {"case_name": "California v. HHS", "date_filed": "2025-12-29"},
    "date_created": "2026-01-02T10:11:12.000000Z",
    "docket": 555,
    "download_url": "https://ecf.cand.uscourts.gov/doc1/035125",
    "plain_text": "ORDER GRANTING PRELIMINARY INJUNCTION\n\nThe motion is granted.",
    "html_with_citations": "<pre>ORDER</pre>",
}
HTML_ONLY = {"id": 9102, "court": "https://www.courtlistener.com/api/rest/v4/courts/ca9/", "plain_text": "",
             "html_with_citations": "<div><p>We affirm.</p></div>", "date_filed": "2025-11-03",
             "case_name": "Doe v. Noem", "docket_number": "25-5181"}
CAP_TEXT = {
    "id": 4411, "name": "People of the State of California v. Smith", "name_abbreviation": "People v. Smith",
    "decision_date": "1995-03-14", "docket_number": "No. S012345",
    "court": {"name_abbreviation": "Cal.", "slug": "cal"},
    "casebody": {"status": "ok", "data": {"head_matter": "PEOPLE v. SMITH", "opinions": [
        {"type": "majority", "text": "We affirm the judgment."}, {"type": "dissent", "text": "I dissent."}]}},
}
CAP_XML = {"id": 4412, "name_abbreviation": "A v. B", "decision_date": "1990-01-02",
           "casebody": {"data": "<?xml version='1.0'?><casebody><opinion>Reversed.</opinion></casebody>"}}
CAP_STATIC = {"id": 4413, "name_abbreviation": "C v. D", "court": {"name_abbreviation": "Mass."},
              "casebody": {"opinions": [{"text": "So ordered."}], "head_matter": ""}}


def _write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_jsonl_records_and_a_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a1", "text": "First.", "title": "T", "date": "2025-01-02", "court": "dcd",
                         "docket": "1:25-cv-00001", "kind": "court_order", "url": "https://x", "extra": 1}),
             "{broken", "", json.dumps({"text": "no id"}), json.dumps([1, 2]), json.dumps({"id": 7, "text": "Last."})]
    _write(tmp_path / "records.jsonl", "\n".join(lines) + "\n")
    found = items(tmp_path)
    assert summary(found) == [("records.jsonl#a1", None), ("records.jsonl#line-2", "bad_record"),
                              ("records.jsonl#line-4", "bad_record"), ("records.jsonl#line-5", "bad_record"),
                              ("records.jsonl#7", None)]
    first = found[0]
    assert first.text == "First." and first.data == lines[0].encode()
    assert first.metadata == {"title": "T", "published": "2025-01-02", "court": "dcd", "docket": "1:25-cv-00001",
                              "kind": "court_order", "url": "https://x"}


def test_jsonl_line_longer_than_the_limit_is_skipped(tmp_path: Path) -> None:
    long = json.dumps({"id": "big", "text": "x" * 5000})
    _write(tmp_path / "r.jsonl", f"{long}\n" + json.dumps({"id": "ok", "text": "y"}) + "\r\n")
    assert summary(items(tmp_path, max_file_bytes=1000)) == [("r.jsonl#line-1", "too_large"), ("r.jsonl#ok", None)]


@pytest.mark.parametrize("shape", ["object", "list", "concatenated"])
def test_courtlistener_json(tmp_path: Path, shape: str) -> None:
    text = {"object": json.dumps(OPINION),
            "list": json.dumps([OPINION, HTML_ONLY], indent=2),
            "concatenated": json.dumps(OPINION) + "\n" + json.dumps(HTML_ONLY)}[shape]
    found = items(_write(tmp_path / "opinions.json", text))
    assert summary(found) == [("opinions.json#9101", None)] + ([] if shape == "object" else [
        ("opinions.json#9102", None)])
    first = found[0]
    assert first.text == OPINION["plain_text"]
    assert first.metadata == {"published": "2025-12-29", "title": "California v. HHS", "court": "cand",
                              "url": "https://www.courtlistener.com/opinion/9101/california-v-hhs/"}
    assert json.loads(first.data) == OPINION
    if shape != "object":
        second = found[1]
        assert second.text is None and second.media_type == "text/html"
        assert second.data == HTML_ONLY["html_with_citations"].encode()
        assert second.metadata == {"published": "2025-11-03", "title": "Doe v. Noem", "docket": "25-5181",
                                   "court": "ca9"}


@pytest.mark.parametrize("quote", ["`", '"'])
def test_courtlistener_csv(tmp_path: Path, quote: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out, quotechar=quote, quoting=csv.QUOTE_NONNUMERIC if quote == '"' else csv.QUOTE_MINIMAL)
    writer.writerow(["id", "date_created", "download_url", "plain_text", "html_with_citations", "cluster_id"])
    writer.writerow([1, "2024-05-06 10:00:00+00", "https://www.supremecourt.gov/opinions/23pdf/22-1.pdf",
                     "Opinion, with a comma,\nand a line break, and `ticks` \"quotes\".\n" + "x" * 200_000, "", 77])
    writer.writerow([2, "2024-05-07", "", "", "<p>Held: affirmed.</p>", 78])
    writer.writerow([3, "2024-05-08", "", "", "", 79])
    writer.writerow([4, "too", "few"])
    found = items(_write(tmp_path / "opinions.csv", out.getvalue()))
    assert summary(found) == [("opinions.csv#1", None), ("opinions.csv#2", None),
                              ("opinions.csv#row-4", "bad_record"), ("opinions.csv#row-5", "bad_record")]
    assert found[0].text.startswith("Opinion, with a comma,\nand a line break") and len(found[0].text) > 200_000
    assert found[0].metadata == {"published": "2024-05-06 10:00:00+00", "court": "scotus",
                                 "url": "https://www.supremecourt.gov/opinions/23pdf/22-1.pdf"}
    assert found[1].data == b"<p>Held: affirmed.</p>" and found[1].media_type == "text/html"


def test_caselaw_access_project_cases(tmp_path: Path) -> None:
    found = items(_write(tmp_path / "cases.json", json.dumps([CAP_TEXT, CAP_XML, CAP_STATIC])))
    assert summary(found) == [("cases.json#4411", None), ("cases.json#4412", None), ("cases.json#4413", None)]
    text, xml, static = found
    assert text.text == "PEOPLE v. SMITH\n\nWe affirm the judgment.\n\nI dissent."
    assert text.metadata == {"title": "People v. Smith", "published": "1995-03-14", "docket": "No. S012345",
                             "court": "cal"}
    assert xml.text is None and xml.data.startswith(b"<?xml") and xml.media_type == "text/html"
    assert static.text == "So ordered." and static.metadata["court"] == "Mass."


def test_cap_jsonl_inside_xz(tmp_path: Path) -> None:
    _write(tmp_path / "data.jsonl.xz", lzma.compress((json.dumps(CAP_TEXT) + "\n").encode()))
    assert summary(items(tmp_path)) == [("data.jsonl.xz#4411", None)]


@pytest.mark.parametrize(("content", "expected"), [
    (json.dumps({"name": "not a record"}), [("other.json", "unsupported_type")]),
    (json.dumps([{"id": 1, "text": "ok"}, {"foo": 1}]), [("other.json#1", None), ("other.json#item-2", "bad_record")]),
    (json.dumps({"id": 1, "text": "ok"}) + "\n{broken", [("other.json#1", None), ("other.json#item-2", "bad_record")]),
    ("not json at all", [("other.json", "bad_record")]),
    ("[]", []),
])
def test_json_files_of_other_shapes(tmp_path: Path, content: str, expected: list) -> None:
    assert summary(items(_write(tmp_path / "other.json", content))) == expected


def test_bulk_files_inside_an_archive(tmp_path: Path) -> None:
    make_zip(tmp_path / "bulk.zip", {"ops.json": json.dumps(OPINION).encode(),
                                     "r.jsonl": b'{"id": "z", "text": "t"}\n'})
    assert summary(items(tmp_path)) == [("bulk.zip!ops.json#9101", None), ("bulk.zip!r.jsonl#z", None)]


def test_json_stream_grows_for_large_values_and_keeps_raw_bytes() -> None:
    values = [{"id": n, "text": "é" * (n * 50_000)} for n in range(4)]
    raw = ("[" + ",\n ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]").encode()
    got = list(iter_json_values(io.BytesIO(raw), limit=1 << 20))
    assert [v for v, _ in got] == values
    assert [json.loads(r) for _, r in got] == values
    with pytest.raises(TooLarge):
        list(iter_json_values(io.BytesIO(raw), limit=100_000))


@pytest.mark.parametrize(("record", "court"), [
    ({"court": "ca9"}, "ca9"),
    ({"court_id": "dcd"}, "dcd"),
    ({"court": {"id": "cadc"}}, "cadc"),
    ({"court": "https://www.courtlistener.com/api/rest/v4/courts/mdd/"}, "mdd"),
    ({"local_path": "recap/gov.uscourts.cand.449234/gov.uscourts.cand.449234.95.0.pdf"}, "cand"),
    ({"download_url": "https://www.ca9.uscourts.gov/datastore/opinions/2025/01/02/24-1.pdf"}, "ca9"),
    ({"download_url": "https://pacer.uscourts.gov/file.pdf"}, None),
    ({"absolute_url": "/opinion/1/foo-v-bar/"}, None),
    ({"court": "not-a-court"}, None),
])
def test_court_from_courtlistener_fields(record: dict, court: str | None) -> None:
    assert court_of(record) == court
