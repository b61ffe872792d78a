"""The summary artifact's key: valid for Prefect, readable, and different for every output folder."""

from __future__ import annotations

import re
from pathlib import Path

from docketflow.pipeline.artifacts import artifact_key


def test_artifact_key_is_valid_and_names_the_output_folder() -> None:
    key = artifact_key(Path("/srv/Filings 2025/Daily_Output"))
    assert re.fullmatch(r"[a-z0-9-]+", key)
    assert key.startswith("docketflow-daily-output-")
    assert len(key) <= 100


def test_two_folders_of_the_same_name_get_different_keys() -> None:
    assert artifact_key(Path("/a/output")) != artifact_key(Path("/b/output"))
    assert artifact_key(Path("/a/output")) == artifact_key(Path("/a/output/"))
    assert re.fullmatch(r"[a-z0-9-]+", artifact_key(Path("/" + "x" * 300)))
