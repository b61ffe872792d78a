"""Every example in record_cues.jsonl is recognized as its own label (the data carries its tests)."""

from __future__ import annotations

import pytest
from docketflow.extractors.data import read_jsonl
from docketflow.extractors.records.cues import first_label

ROWS = [row for row in read_jsonl("record_cues.jsonl")]


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['field']}-{r['label']}" for r in ROWS])
def test_cue_examples(row: dict) -> None:
    for example in row["examples"]:
        assert first_label(row["field"], example) == row["label"], example
