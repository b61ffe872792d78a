"""The page at scale (issue 23), without a browser: year ticks chosen from the span and the width, a clear row
for holdings without a court, agency families in the network, names beside ids, and one history entry per
decision. The browser side (overlaps, sorting, CSV, reflow) is test_browser_scale.py."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from docketflow.pipeline.report import write_report
from docketflow.pipeline.report.cases import render_cases
from docketflow.pipeline.report.names import Names
from docketflow.pipeline.report.network import build_edges, render_network
from docketflow.pipeline.report.payload import history_entries
from docketflow.pipeline.report.svg import text_width
from docketflow.pipeline.report.timeline import NO_COURT, TICK_FONT, TICK_GAP, render_timeline, ticks

from tests.report import made_up


@pytest.mark.parametrize(("lo", "hi", "width", "labels"), [
    # a century on 500 pixels: decades at most, years only (not "Jan 1910Jan 1920...")
    (date(1905, 6, 1), date(2031, 6, 1), 500, ["1920", "1940", "1960", "1980", "2000", "2020"]),
    (date(1905, 6, 1), date(2031, 6, 1), 1400, [str(y) for y in range(1910, 2031, 5)]),
    (date(2029, 11, 20), date(2031, 2, 10), 500, ["Jan 2030", "Apr 2030", "Jul 2030", "Oct 2030", "Jan 2031"]),
    (date(2031, 2, 15), date(2031, 5, 20), 500, ["Mar 2031", "Apr 2031", "May 2031"]),
    (date(2024, 3, 1), date(2031, 9, 1), 300, ["2026", "2028", "2030"]),
])
def test_ticks_follow_the_span_and_the_width(lo: date, hi: date, width: int, labels: list[str]) -> None:
    chosen = ticks(lo, hi, width)
    assert [label for _, label in chosen] == labels
    px = [(day - lo).days / (hi - lo).days * width for day, _ in chosen]
    for (a, label), b in zip(zip(px, [label for _, label in chosen], strict=True), px[1:], strict=False):
        assert b - a >= text_width(label, TICK_FONT) + TICK_GAP


def test_holdings_without_a_court_share_one_clearly_labelled_last_row() -> None:
    holdings = [{"id": "h1", "decided": "2031-01-05", "court": "dcd"},
                {"id": "h2", "decided": "2031-02-05", "court": None},
                {"id": "h3", "decided": "2031-03-05"}]
    svg = render_timeline(holdings)
    lanes = re.findall(r'<text class="lane-label[^"]*"[^>]*>([^<]*)</text>', svg)
    assert lanes == ["dcd", NO_COURT] and "unknown" not in svg
    assert f"2 holdings whose court is not stated are in the last row, “{NO_COURT}”." in svg
    assert 'data-court=""' in svg


def test_court_names_are_shown_on_hover_when_the_records_give_them() -> None:
    holdings = [{"id": "h1", "decided": "2031-01-05", "court": "dcd", "court_name": "District Court, D. Columbia"},
                {"id": "h2", "decided": "2031-02-05", "court": "nysd"}]
    names = Names.of(holdings, [], None)
    assert names.court("dcd") == "District Court, D. Columbia" and names.court("nysd") == "nysd"
    svg = render_timeline(holdings, names)
    assert "<title>dcd: District Court, D. Columbia</title>" in svg and "<title>nysd</title>" in svg


def test_agency_names_come_from_the_records_then_the_gazetteer_then_the_key() -> None:
    agreements = [{"id": "a", "providers": ["CMS", "county-records-office"], "recipients": ["ICE"],
                   "recipient_names": {"ICE": "Made-up recipient name"}}]
    names = Names.of([], agreements, None)
    assert names.agency("ICE") == "Made-up recipient name"
    assert names.agency("CMS") == "Centers for Medicare & Medicaid Services"
    assert names.agency("county-records-office") == "county-records-office"
    assert names.family("CMS") == "HHS" and names.family("county-records-office") == "county-records-office"
    assert names.agency("HHS") == "Department of Health and Human Services"  # a family's own name


def test_the_network_draws_families_with_members_and_no_category_labels() -> None:
    agreements = [
        {"id": "a1", "providers": ["CMS"], "recipients": ["ICE"], "data_categories": []},
        {"id": "a2", "providers": ["OCSS"], "recipients": ["CBP"], "data_categories": ["address"]},
        {"id": "a3", "providers": ["CBP"], "recipients": ["ICE"]},  # within one family: a loop on DHS
    ]
    edges = {(e.provider, e.recipient): e for e in build_edges(agreements)}
    assert set(edges) == {("HHS", "DHS"), ("DHS", "DHS")}
    assert edges["HHS", "DHS"].providers == ["CMS", "OCSS"] and edges["HHS", "DHS"].recipients == ["ICE", "CBP"]
    svg = render_network(agreements)
    assert "categories not stated" not in svg and "edge-label" not in svg
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert sorted(texts) == ["CBP, ICE", "CMS, OCSS", "DHS", "HHS"]  # families, then their members


def test_a_long_unknown_agency_is_cut_to_its_box_and_named_in_full_on_hover() -> None:
    slug = "state-department-of-revenue-and-taxation-of-a-long-named-state"
    svg = render_network([{"id": "a", "providers": [slug], "recipients": ["ICE"]}])
    label = re.search(r'<text class="family"[^>]*>([^<]*)</text>', svg)[1]
    assert label.endswith("…") and slug.startswith(label[:-1]) and f'data-tip="{slug}' in svg


@pytest.mark.parametrize(("history", "rulings", "expected"), [
    # two reports of one decision in the history: one entry
    ([{"holding": "h1", "decision": "d1", "date": "2031-01-02"}, {"holding": "h2", "decision": "d1"}], [],
     ["d1"]),
    # a ruling the history leaves out follows it; a report of a listed decision does not
    ([{"holding": "h1", "decision": "d1"}],
     [{"id": "h1", "decision": "d1"}, {"id": "h3", "decision": "d1"}, {"id": "h4", "decision": "d2"}],
     ["d1", "d2"]),
    # without decision ids, each holding once
    ([{"holding": "h1"}, {"holding": "h1"}], [{"id": "h1"}, {"id": "h5"}], ["h1", "h5"]),
])
def test_history_has_one_entry_per_decision(history: list, rulings: list, expected: list) -> None:
    entries = history_entries({"history": history}, rulings)
    assert [e["decision"] or e["holding"] for e in entries] == expected
    assert [e["listed"] for e in entries] == [e["holding"] in {h["holding"] for h in history} for e in entries]


def test_the_many_output_has_one_entry_per_decision_in_every_history(tmp_path: Path) -> None:
    folder = made_up.build_many(tmp_path / "out")
    html = write_report(folder.path).path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)[1])
    for row, agreement in zip(data["agreements"], folder.agreements, strict=True):
        assert [e["decision"] for e in row["hist"]] == list(dict.fromkeys(e.decision for e in agreement.history))
    assert data["names"]["families"]["ICE"] == "DHS" and data["names"]["courts"]["dcd"]
    assert "unknown" not in re.search(r'<svg class="timeline".*?</svg>', html, re.S)[0]


def test_a_case_column_for_decisions_without_a_court_is_labelled_so() -> None:
    case = {"id": "c", "name": "Roe v. Agency", "decisions": [
        {"id": "d1", "court": "mdd", "court_name": "District Court, D. Maryland", "date": "2031-01-02",
         "holdings": ["h"], "doc_ids": []},
        {"id": "d2", "court": None, "date": "2031-02-03", "holdings": ["h"], "doc_ids": []}]}
    html = render_cases([case], [], [], [], Names.of([], [], [case]))
    assert "unknown court" not in html and "court not stated" in html
    assert "District Court, D. Maryland <code>mdd</code>" in html
