"""The page in a real browser: filters show the right rows, and an evidence link opens the document at the
highlighted evidence. Uses Debian's chromium through Playwright (no `playwright install`); skips without them."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from docketflow.pipeline.report import write_report

from tests.report.conftest import lines

CHROMIUM = os.environ.get("DOCKETFLOW_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no chromium at {CHROMIUM} (run .ci/report-deps.sh, or set DOCKETFLOW_CHROMIUM)",
                allow_module_level=True)


@contextmanager
def opened(browser: sync_api.Browser, html: Path) -> Iterator[sync_api.Page]:
    """A page opened from file://, failing the test on any script error or any request off the file (a CSV
    download is a blob: of the page itself)."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on("request", lambda r: r.url.startswith(("file:", "blob:")) or problems.append(f"request: {r.url}"))
    page.goto(html.as_uri())
    yield page
    page.close()
    assert not problems


@pytest.fixture
def page(browser: sync_api.Browser, run_output: Path, tmp_path: Path) -> Iterator[sync_api.Page]:
    with opened(browser, write_report(run_output, tmp_path / "report.html").path) as page:
        yield page


def _rows(page: sync_api.Page, table: str) -> list[str]:
    return page.locator(f'[data-table="{table}"] tbody tr').all_inner_texts()


def test_agency_filter_shows_only_its_rows(page: sync_api.Page, run_output: Path) -> None:
    agreements = lines(run_output / "agreements.jsonl")
    holdings = lines(run_output / "holdings.jsonl")
    with_ice = [a for a in agreements if "ICE" in a["providers"] + a["recipients"]]
    assert with_ice, "the test documents describe sharing with ICE"
    assert len(_rows(page, "agreements")) == len(agreements)

    page.locator(".network .node[data-agency='HHS']").click()  # the network is a filter too, by family
    assert page.locator('select[data-filter="agency"]').input_value() == "HHS"
    assert all("CMS" in row or "HHS" in row for row in _rows(page, "agreements"))

    page.select_option('select[data-filter="agency"]', "ICE")
    rows = _rows(page, "agreements")
    assert len(rows) == len(with_ice) and all("ICE" in row for row in rows)
    assert len(_rows(page, "holdings")) == sum("ICE" in h["agencies"] for h in holdings)
    assert page.locator("[data-count='agreements']").inner_text() == \
        (f"{len(with_ice)}" if len(with_ice) == len(agreements) else f"{len(with_ice)} of {len(agreements)}")

    page.click("#clear-filters")
    assert len(_rows(page, "agreements")) == len(agreements)


def test_evidence_link_opens_the_highlighted_evidence(page: sync_api.Page, run_output: Path, tmp_path: Path) -> None:
    holding = next(h for h in lines(run_output / "holdings.jsonl") if h["judge"] == "Ada Lovell")
    row = page.locator('[data-table="holdings"] tbody tr', has_text="Ada Lovell")
    row.locator(".ev-links a").first.click()

    viewer = page.locator("#viewer")
    assert viewer.is_visible()
    assert page.locator("#viewer-title").inner_text() == "Judge allows sharing of basic Medicaid data with ICE"
    active = page.locator("#viewer-body mark.active")
    assert active.first.is_visible()
    assert "".join(active.all_text_contents()) == holding["evidence"][0]["text"]
    assert page.locator("#viewer-body .ent-AGENCY").first.get_attribute("title").startswith("AGENCY · ")
    page.screenshot(path=tmp_path / "evidence.png")
    assert (tmp_path / "evidence.png").stat().st_size > 10_000

    page.keyboard.press("Escape")
    assert not viewer.is_visible()


def test_a_court_documents_parts_are_listed_and_each_jumps_to_its_place(page: sync_api.Page) -> None:
    page.locator('[data-table="documents"] tbody tr', has_text="tenants-order").locator("a").first.click()
    parts = page.locator("#viewer-structure a")
    names = [n.lower() for n in parts.all_text_contents()]
    assert names[0].startswith("caption") and "decision" in names
    decision = names.index("decision")
    parts.nth(decision).click()
    marker = page.locator(f"#viewer-body #part-{decision}")
    assert marker.get_attribute("data-part").lower() == "decision"
    assert marker.is_visible()
