"""The page at scale (issue 23), in a real browser, on a made-up output of 60 documents and 13 agreements:
no text of the network or the timeline overlaps another (bounding boxes of their text elements), the arrows
carry no written labels but show them on hover, tables sort (dates as dates, numbers as numbers) and download
the rows they show as CSV, each agreement's history names each decision once, and the viewer joins wrapped
lines without moving a highlight. Skips, like test_browser.py, without Playwright or chromium."""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docketflow.pipeline.report import write_report

from tests.report import made_up

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
from tests.report.test_browser import opened  # noqa: E402  (skips this module too when there is no chromium)

Box = dict[str, float]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> made_up.Folder:
    folder = made_up.build_many(tmp_path_factory.mktemp("many-out"))
    assert len(folder.documents) >= 50 and len(folder.agreements) >= 10
    return folder


@pytest.fixture
def page(browser: sync_api.Browser, folder: made_up.Folder, tmp_path: Path) -> Iterator[sync_api.Page]:
    with opened(browser, write_report(folder.path, tmp_path / "report.html").path) as page:
        yield page


def _overlap(a: Box, b: Box, tolerance: float = 0.5) -> bool:
    return (a["x"] + tolerance < b["x"] + b["width"] and b["x"] + tolerance < a["x"] + a["width"]
            and a["y"] + tolerance < b["y"] + b["height"] and b["y"] + tolerance < a["y"] + a["height"])


def _text_boxes(page: sync_api.Page, svg: str) -> list[tuple[str, Box]]:
    texts = page.locator(f"svg.{svg} text").all()
    return [(t.text_content() or "", t.bounding_box()) for t in texts if t.bounding_box()]


def _clashes(boxes: list[tuple[str, Box]]) -> list[tuple[str, str]]:
    return [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:] if _overlap(box_a, box_b)]


@pytest.mark.parametrize("svg", ["network", "timeline"])
def test_no_two_labels_of_a_chart_overlap(page: sync_api.Page, svg: str, tmp_path: Path) -> None:
    boxes = _text_boxes(page, svg)
    assert len(boxes) >= 8
    assert not _clashes(boxes)
    for _, box in boxes:  # and none runs out of the chart
        chart = page.locator(f"svg.{svg}").bounding_box()
        assert chart["x"] - 0.5 <= box["x"] and box["x"] + box["width"] <= chart["x"] + chart["width"] + 0.5
    shot = tmp_path / f"{svg}.png"
    page.locator(f"svg.{svg}").screenshot(path=shot)
    assert shot.stat().st_size > 5_000


def test_network_boxes_are_families_with_their_text_inside_and_no_label_on_an_arrow(page: sync_api.Page) -> None:
    nodes = page.locator(".network .node")
    families = sorted(n.get_attribute("data-agency") for n in nodes.all())
    assert {"DHS", "HHS", "TREASURY", "DOJ"} <= set(families) and not {"ICE", "CMS", "IRS"} & set(families)
    assert "ACF, CMS, OCSS" in page.locator(".network .node[data-agency='HHS'] text.members").text_content()
    rects = [n.locator("rect").bounding_box() for n in nodes.all()]
    assert not _clashes([(str(i), r) for i, r in enumerate(rects)])  # boxes apart
    for i, node in enumerate(nodes.all()):  # each text inside its own box, on no other box
        for text in node.locator("text").all():
            box = text.bounding_box()
            own = rects[i]
            assert own["x"] <= box["x"] and box["x"] + box["width"] <= own["x"] + own["width"] + 0.5
            assert not any(_overlap(box, r) for j, r in enumerate(rects) if j != i)
    assert page.locator(".network .edges text").count() == 0
    assert "categories not stated" not in page.content()

    hhs = page.locator(".network .node[data-agency='HHS'] rect").bounding_box()
    page.mouse.move(hhs["x"] + hhs["width"] + 4, hhs["y"] + hhs["height"] / 2)  # where its arrow leaves the box
    tip = page.locator(".tip")
    assert tip.is_visible()
    assert "Data: address, phone number" in tip.inner_text() and "CMS" in tip.inner_text()
    page.mouse.move(5, 5)
    assert tip.is_hidden()


def test_year_ticks_and_a_clear_row_for_holdings_without_a_court(page: sync_api.Page) -> None:
    ticks = page.locator("svg.timeline text.tick-label").all_text_contents()
    assert len(ticks) >= 4 and all(re.fullmatch(r"\d{4}", t) for t in ticks), ticks
    years = [int(t) for t in ticks]
    assert len({b - a for a, b in itertools.pairwise(years)}) == 1  # evenly spaced
    lanes = page.locator("svg.timeline text.lane-label").all_text_contents()
    assert lanes[-1] == "court not stated" and not any("unknown" in lane for lane in lanes)


def _column(page: sync_api.Page, table: str, n: int) -> list[str]:
    return page.locator(f'[data-table="{table}"] tbody tr td:nth-child({n})').all_inner_texts()


def test_tables_sort_dates_and_numbers(page: sync_api.Page, folder: made_up.Folder) -> None:
    holdings = '[data-table="holdings"]'
    page.locator(f"{holdings} th button", has_text="Decided").click()
    dates = _column(page, "holdings", 1)
    assert dates == sorted(dates) and dates[0] == min(h.decided for h in folder.holdings)
    assert page.locator(f"{holdings} th[aria-sort='ascending']").text_content().startswith("Decided")
    page.locator(f"{holdings} th button", has_text="Decided").click()
    latest = _column(page, "holdings", 1)
    assert latest == sorted(latest, reverse=True) and latest[0] == max(h.decided for h in folder.holdings)

    # numbers as numbers: the documents' record counts ("10" after "9"), whatever their text looks like
    page.locator('[data-table="documents"] th button', has_text="Records").click()
    page.locator('[data-table="documents"] th button', has_text="Records").click()
    totals = [sum(int(n) for n in re.findall(r"\d+", cell)) for cell in _column(page, "documents", 5)]
    assert totals == sorted(totals, reverse=True) and totals[0] > totals[-1]

    # agreements by signing date: oldest first, the ones without a date last
    page.locator('[data-table="agreements"] th button', has_text="Signed").click()
    signed = _column(page, "agreements", 5)
    dated = [s for s in signed if s != "—"]
    assert dated == sorted(dated) and signed[len(dated):] == ["—"] * (len(signed) - len(dated))


def _download(page: sync_api.Page, table: str) -> list[dict[str, str]]:
    with page.expect_download() as info:
        page.locator(f'[data-table="{table}"] button[data-csv]').click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert info.value.suggested_filename == f"{table}.csv"
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_download_holds_the_rows_shown_in_their_order(page: sync_api.Page, folder: made_up.Folder) -> None:
    page.select_option('select[data-filter="agency"]', "HHS")  # a family: CMS, OCSS, ACF and HHS itself
    page.locator('[data-table="agreements"] th button', has_text="Conf.").click()
    page.locator('[data-table="agreements"] th button', has_text="Conf.").click()
    shown = [i.removeprefix("agreement-") for i in
             page.locator('[data-table="agreements"] tbody tr').evaluate_all("rows => rows.map(r => r.id)")]
    rows = _download(page, "agreements")
    assert [r["id"] for r in rows] == shown and len(shown) == 3
    assert [float(r["confidence"]) for r in rows] == sorted((float(r["confidence"]) for r in rows), reverse=True)
    by_id = {a.id: a for a in folder.agreements}
    for row in rows:
        agreement = by_id[row["id"]]
        assert row["providers"] == "; ".join(agreement.providers)
        assert row["data categories"] == "; ".join(agreement.data_categories)
        assert row["decisions"].count("; ") + bool(row["decisions"]) == len({e.decision for e in agreement.history})
    cms = next(r for r in rows if "CMS" in r["providers"])
    assert cms["provider names"] == "Centers for Medicare & Medicaid Services"

    page.click("#clear-filters")
    holdings = _download(page, "holdings")  # every row, not only the 50 of the first page
    assert len(holdings) == len(folder.holdings) > 50
    assert {r["court name"] for r in holdings if r["court"] == "dcd"} == {"District Court, District of Columbia"}
    assert {r["court name"] for r in holdings if r["court"] == "nysd"} == {"nysd"}  # no name: its id


def test_each_history_names_each_decision_once(page: sync_api.Page, folder: made_up.Folder) -> None:
    for agreement in folder.agreements:
        entries = page.locator(f"#agreement-{agreement.id} .hist li")
        decisions = entries.evaluate_all("items => items.map(i => i.dataset.decision)")
        assert sorted(decisions) == sorted({e.decision for e in agreement.history})
        assert len(agreement.history) == 2 * len(decisions)  # the records name each decision twice


def test_viewer_joins_wrapped_lines_and_keeps_paragraphs_and_highlights(page: sync_api.Page,
                                                                       folder: made_up.Folder) -> None:
    holding = folder.holdings[0]
    evidence = holding.evidence[0]
    assert "\n" in evidence.text  # it runs over a line break
    page.locator(f'[data-table="holdings"] a[href="#ev-{holding.id}-0"]').first.click()
    text = next(folder.texts[d.source.path] for d in folder.documents if d.doc_id == evidence.doc_id)
    body = page.locator("#viewer-body")
    shown = body.text_content()
    assert len(shown) == len(text)
    assert shown == re.sub(r"(?<=[^\n])\n(?=[^\s])", " ", text)
    assert shown.count("\n\n") == text.count("\n\n") == 2
    marked = "".join(page.locator("#viewer-body mark.active").all_text_contents())
    assert marked == evidence.text.replace("\n", " ")
    assert text.split("\n\n")[0].count("\n") >= 2  # wrapped at 58 characters in the file

    page.locator("#viewer-reflow").uncheck()  # the file's own lines, on request
    assert body.text_content() == text
