"""What workers keep in the cache folder changes no record: the bundled samples come out the same with no
cache, with an empty one (the run fills it) and with the one that run filled."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import RAW

RECORD_FILES = ("documents.jsonl", "holdings.jsonl", "agreements.jsonl", "cases.jsonl")
"""Their lines carry no run-specific field (ids are content hashes), so equal records are equal lines."""


def _run(out: Path, cache: str, cwd: Path) -> None:
    env = {**os.environ, "DOCKETFLOW_CACHE": cache}
    subprocess.run([sys.executable, "-m", "docketflow.pipeline.cli", "run", str(RAW), "--out", str(out),
                    "--quiet", "--force", "--workers", "1", "--ocr", "off"], env=env, cwd=cwd, check=True)


def _records(out: Path) -> dict[str, list[str]]:
    return {name: sorted((out / name).read_text(encoding="utf-8").splitlines()) for name in RECORD_FILES}


def test_the_cache_folder_changes_no_record(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(tmp_path / "none", "", tmp_path)
    _run(tmp_path / "cold", str(cache), tmp_path)
    _run(tmp_path / "warm", str(cache), tmp_path)
    expected = _records(tmp_path / "none")
    assert expected["holdings.jsonl"] and expected["cases.jsonl"]
    assert _records(tmp_path / "cold") == expected
    assert _records(tmp_path / "warm") == expected
    (chunks,) = cache.glob("chunks-*.sqlite3")
    with sqlite3.connect(chunks) as db:
        assert db.execute("SELECT count(*) FROM chunks").fetchone()[0] > 1000
    assert list(cache.glob("patterns-*.marshal"))
    assert not list((tmp_path / "none").glob("chunks-*"))
