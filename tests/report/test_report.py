"""The review page: texts in the output, a self-contained file, and the data the page's script works from."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docketflow.pipeline.cli import main
from docketflow.pipeline.report import write_report
from docketflow.pipeline.report.network import build_edges, render_network
from docketflow.pipeline.report.payload import Mark, agreement_rows, text_payload
from docketflow.pipeline.report.timeline import render_timeline

from tests.report.conftest import DOCUMENTS, lines


class _Links(HTMLParser):
    """Every src/href/xlink:href/action attribute and every <link> element of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.link_tags = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.link_tags += tag == "link"
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "xlink:href", "action", "srcset")]


def _payloads(html: str) -> dict[int, dict]:
    return {int(m[1]): json.loads(m[2]) for m in re.finditer(
        r'<script type="application/json" id="text-(\d+)">(.*?)</script>', html, re.S)}


def _js_slice(text: str, start: int, end: int) -> str:
    """`text.slice(start, end)` as the page's JavaScript does it, in UTF-16 code units."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


@pytest.fixture(scope="module")
def report(run_output: Path) -> str:
    write_report(run_output)
    return (run_output / "report.html").read_text(encoding="utf-8")


def test_texts_file_has_every_document_text(run_output: Path) -> None:
    with gzip.open(run_output / "texts.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts = {r["doc_id"]: r["text"] for r in map(json.loads, fh)}
    documents = lines(run_output / "documents.jsonl")
    assert set(texts) == {d["doc_id"] for d in documents}
    for document in documents:
        text = texts[document["doc_id"]]
        assert len(text) == document["text_chars"]
        for entity in document["entities"]:
            assert text[entity["start"]:entity["end"]] == entity["text"]


def test_page_is_self_contained(report: str) -> None:
    parser = _Links()
    parser.feed(report)
    assert parser.link_tags == 0
    assert parser.urls, "the page links to its own sections and evidence"
    assert all(url.startswith("#") for url in parser.urls), [u for u in parser.urls if not u.startswith("#")]
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", report, re.I)
    assert "@import" not in report and "url(http" not in report


def test_page_embeds_records_and_texts(run_output: Path, report: str) -> None:
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', report, re.S)[1])
    assert {d["path"] for d in data["docs"]} == set(DOCUMENTS)
    assert len(data["holdings"]) == len(lines(run_output / "holdings.jsonl"))
    assert [i["type"] for i in data["issues"]] == ["error"]
    payloads = _payloads(report)
    assert set(payloads) == set(range(len(data["docs"])))
    for holding in data["holdings"]:
        for doc, anchor, quote in holding["ev"]:
            start, end = next((m[0], m[1]) for m in payloads[doc]["marks"] if m[2] == anchor)
            assert _js_slice(payloads[doc]["text"], start, end) == quote


def test_offsets_count_utf16_units_after_astral_characters() -> None:
    text = "🙂 ICE and 🙂🙂 CMS"
    document = {"entities": [{"start": 2, "end": 5, "label": "AGENCY", "key": "ICE"},
                             {"start": 13, "end": 16, "label": "AGENCY", "key": "CMS"}]}
    payload = text_payload(text, document, [Mark(13, 16, "ev-x-0", "x")])
    for start, end, *_ in payload["ents"] + payload["marks"]:
        assert _js_slice(text, start, end) in ("ICE", "CMS")
    assert payload["marks"] == [[16, 19, "ev-x-0", "x"]]


def test_quiet_texts_beyond_the_cap_are_left_out_and_said_so(run_output: Path, tmp_path: Path) -> None:
    stats = write_report(run_output, tmp_path / "capped.html", quiet_text_cap=0)
    html = stats.path.read_text(encoding="utf-8")
    assert stats.counts.texts_omitted == 1 and stats.counts.texts_shown == 3
    assert "Texts of 1 documents without records" in html
    assert len(_payloads(html)) == 3


def test_network_merges_agreements_per_family_pair() -> None:
    agreements = [
        # two agreements of one recipient, one of them with two providers of one department (CMS is part of
        # HHS, ICE of DHS): one edge per provider family -> recipient family, listing the members
        {"id": "a1", "status": "limited", "providers": ["CMS", "HHS"], "data_categories": ["address"],
         "recipients": ["ICE"]},
        {"id": "a2", "providers": ["CMS"], "recipients": ["ICE"], "data_categories": ["address", "phone_number"],
         "status": "in_effect"},
    ]
    (edge,) = build_edges(agreements)
    assert (edge.provider, edge.recipient) == ("HHS", "DHS")
    assert edge.providers == ["CMS", "HHS"] and edge.recipients == ["ICE"]
    assert edge.categories == ["address", "phone_number"] and edge.agreements == ["a1", "a2"]
    assert edge.status == "in_effect"
    svg = render_network(agreements)
    assert svg.count("data-agency=") == 2
    # the categories are in the arrow's hover text, not written on the chart
    assert "Data: address, phone number" in svg and "<text" not in svg.split('class="nodes"')[0]
    assert "categories not stated" not in render_network([{**agreements[0], "data_categories": []}])


def test_charts_say_when_there_is_nothing_to_draw() -> None:
    assert "No agreements" in render_network([])
    assert "No dated holdings" in render_timeline([{"id": "h", "decided": None}])


def test_cli_writes_the_page_where_asked(run_output: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "review" / "page.html"
    assert main(["report", str(run_output), "--html", str(target)]) == 0
    assert target.exists() and str(target) in capsys.readouterr().out


def test_cli_refuses_a_folder_that_is_not_an_output(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["report", str(tmp_path)]) == 1
    assert "not a docketflow output folder" in capsys.readouterr().err


def test_registry_rows_carry_sources_and_history_first() -> None:
    agreement = {"id": "agr-1", "doc_ids": ["n" * 64, "o" * 64], "providers": ["IRS"], "recipients": ["ICE"],
                 "history": [{"date": "2031-01-02", "holding": "hld-b", "court": "dcd", "effect": "barred"}],
                 "evidence": []}
    holdings = [{"id": "hld-a", "agreement": "agr-1"}, {"id": "hld-b", "agreement": "agr-1"}]
    (row,) = agreement_rows([agreement], holdings, {"n" * 64: 0, "o" * 64: 3})
    assert row["sources"] == [0, 3]
    assert row["rulings"] == ["hld-b", "hld-a"]
