"""Fixtures of the brief's tests: made-up records (no pipeline run, nothing from ../shared) and Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.brief import made_up


@pytest.fixture
def made() -> made_up.Made:
    return made_up.build()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The made-up records as a published output folder."""
    return made_up.write(tmp_path / "out", made_up.build())
