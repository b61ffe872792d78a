"""The brief in Chromium: it opens from file:// with nothing fetched, and a citation link opens its evidence in
the review page's viewer, highlighted. Skips without Playwright or Chromium (as the review page's tests do)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docketflow.pipeline.brief import write_brief

from tests.report.test_browser import opened  # skips this module too when there is no browser

sync_api = pytest.importorskip("playwright.sync_api")


def test_the_brief_opens_and_its_internal_links_lead_to_their_entries(browser: sync_api.Browser, folder: Path) -> None:
    done = write_brief(folder)
    with opened(browser, done.html) as page:
        assert page.locator("h1").inner_text() == done.brief.title
        assert page.locator(".sentence").count() == len(list(done.brief.sentences()))
        page.locator("#scope a[href='#d2']").first.click()
        assert page.evaluate("location.hash") == "#d2"
        assert page.locator("#d2").is_visible()


@pytest.mark.parametrize("which", ["a decision's judge", "an agreement's parties", "a decision's barred data"])
def test_a_citation_opens_its_evidence_in_the_review_page(browser: sync_api.Browser, folder: Path, which: str) -> None:
    done = write_brief(folder)
    brief = done.brief
    target = {"a decision's judge": "ev-hld-pi-7", "an agreement's parties": "ev-agr-ssa-0",
              "a decision's barred data": "ev-hld-app-3"}[which]
    citation = next(c for c in brief.citations if c.target == target)
    with opened(browser, done.html) as page:
        page.locator(f'.cite a[data-ref="{citation.number}"]').first.click()
        page.wait_for_url(f"**/report.html#{target}")
        viewer = page.locator("#viewer")
        viewer.wait_for(state="visible")
        assert page.locator("#viewer-title").inner_text() == citation.title
        active = page.locator("#viewer-body mark.active")
        assert active.first.is_visible()
        assert " ".join("".join(active.all_text_contents()).split()) == citation.quote
        page.go_back()
        page.wait_for_url("**/brief.html")
        reference = page.locator(f"#ref-{citation.number} a")
        assert reference.get_attribute("href") == f"report.html#{target}"
