"""Each script of examples/ runs on the bundled samples, as its docstring says to run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RAW, ROOT

EXAMPLES = ROOT / "examples"


def _example(name: str, *args: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOCKETFLOW_", "PREFECT_API"))}
    done = subprocess.run([sys.executable, str(EXAMPLES / name), *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def scheduled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The scheduled folder run, twice over the samples: the second finds nothing new."""
    out = tmp_path_factory.mktemp("scheduled") / "output"
    runs = [_example("scheduled_folder.py", RAW, out, cwd=out.parent) for _ in range(2)]
    return out, runs


def test_scheduled_folder_reads_only_what_is_new(scheduled: tuple[Path, list[str]]) -> None:
    _, (first, second) = scheduled
    assert first.startswith("4 inputs read, 0 unchanged") and "4 documents" in first
    assert second.startswith("0 inputs read, 4 unchanged") and "4 documents" in second


def test_app_reads_the_records_and_extracts_a_text(scheduled: tuple[Path, list[str]]) -> None:
    out, _ = scheduled
    shown = _example("app_reader.py", out, cwd=out.parent)
    assert "4 documents, 2 agreements" in shown
    assert "-> ICE" in shown and "latest decision" in shown
    assert "incoming text: a court_order, 1 holding(s)" in shown


def test_bulk_archive_to_tables(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    shown = _example("bulk_archive_tables.py", "--out", tmp_path / "out", cwd=tmp_path)
    assert "samples.zip: 4 documents, 0 errors" in shown
    assert "ICE" in shown.split("agreements by recipient agency:")[1]
    assert (tmp_path / "out-holdings.csv").read_text().count("\n") == 5  # a header and four holdings
