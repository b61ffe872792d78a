"""Shared fixtures: where the repository's sample documents and the (optional) shared corpus are."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prefect.testing.utilities import prefect_test_harness

if "DOCKETFLOW_CACHE" not in os.environ:  # the tests' compiled patterns stay out of the user's cache folder
    os.environ["DOCKETFLOW_CACHE"] = tempfile.mkdtemp(prefix="docketflow-test-cache-")
    atexit.register(shutil.rmtree, os.environ["DOCKETFLOW_CACHE"], True)

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """`../shared` (real corpus and gold) when present; tests that need it skip cleanly otherwise."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present (evaluation corpus only)")
    return SHARED


@pytest.fixture(scope="session")
def prefect_api():
    """One Prefect test API per session: entering the harness costs ~20 s."""
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium through Playwright, for the browser tests of the review page and the brief (their modules skip
    when either is missing)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.report.test_browser import ARGS, CHROMIUM

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
