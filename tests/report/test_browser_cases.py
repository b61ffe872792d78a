"""The cases section in a real browser: an agreement's history links to its decisions, a case links to the
agreements it bears on (even one the filters hide), a source opens its document, and the filters hide cases.
Skips, like test_browser.py, without Playwright or chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from docketflow.pipeline.report import write_report

from tests.report import made_up

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
from tests.report.test_browser import opened  # noqa: E402  (skips this module too when there is no chromium)


@pytest.fixture
def page(browser: sync_api.Browser, tmp_path: Path) -> Iterator[sync_api.Page]:
    """The page of the made-up folder."""
    with opened(browser, write_report(made_up.build(tmp_path / "out").path, tmp_path / "report.html").path) as page:
        yield page


def test_history_links_each_entry_to_its_decision(page: sync_api.Page) -> None:
    row = page.locator("#agreement-agr-1")
    links = row.locator(".hist .dec a")
    # the two decisions of its history, then the later order that rules on it: each decision once, however
    # many documents report it
    assert row.locator(".hist li").count() == 3 and links.count() == 3
    assert "other modified" in links.nth(2).inner_text()
    assert links.first.inner_text().startswith("Doe v. Social Security Administration: preliminary injunction")
    links.nth(1).click()
    decision = page.locator("#decision-dec-app")
    assert decision.is_visible() and "flash" in decision.get_attribute("class")
    assert page.evaluate("location.hash") == "#decision-dec-app"


def test_a_case_links_to_its_agreement_even_when_filtered_out(page: sync_api.Page) -> None:
    page.fill('input[data-filter="q"]', "doe")  # the case's name; no agreement's fields hold it
    assert page.locator("#agreement-agr-1").count() == 0 and page.locator("#case-case-doe").is_visible()
    page.locator("#case-case-doe .case-agreements a").first.click()
    row = page.locator("#agreement-agr-1")
    assert row.is_visible() and "flash" in row.get_attribute("class")
    assert page.locator('input[data-filter="q"]').input_value() == ""


def test_a_source_opens_its_document(page: sync_api.Page) -> None:
    page.locator("#decision-dec-pi .sources li", has_text="news report").first.locator("a").first.click()
    assert page.locator("#viewer").is_visible()
    assert page.locator("#viewer-title").inner_text() == made_up.TEXTS["article-one.txt"][1]


def test_filters_hide_cases_and_the_hostile_name_is_text(page: sync_api.Page) -> None:
    assert page.locator("#case-case-tenants summary .case-name").inner_text() == made_up.HOSTILE
    page.select_option('select[data-filter="agency"]', "SSA")
    assert page.locator("#case-case-tenants").is_hidden() and page.locator("#case-case-doe").is_visible()
    assert page.locator("[data-count='cases']").inner_text() == "1 of 2"
    page.locator('[data-table="holdings"] tbody tr a[href="#case-case-doe"]').first.click()
    assert "flash" in page.locator("#case-case-doe").get_attribute("class")
    # a department stands for its family: DHS shows the case naming ICE too
    page.select_option('select[data-filter="agency"]', "DHS")
    assert page.locator("#case-case-doe").is_visible() and page.locator("#case-case-tenants").is_visible()
