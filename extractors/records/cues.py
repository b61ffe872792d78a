"""The cue tables of `patterns/record_cues.jsonl`: which words mean which instrument, status, purpose,
motion or disposition. First match in file order wins within a field."""

from __future__ import annotations

import re
from functools import cache

from docketflow.extractors.data import read_jsonl


@cache
def cue_table(field: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(compiled pattern, label) rows of one field, in file order."""
    return tuple((re.compile(row["pattern"], re.I), row["label"])
                 for row in read_jsonl("record_cues.jsonl") if row["field"] == field)


def first_label(field: str, text: str) -> str | None:
    """Label of the first row of `field` whose pattern occurs in `text`."""
    return next((label for pattern, label in cue_table(field) if pattern.search(text)), None)


def all_labels(field: str, text: str) -> list[str]:
    """Labels of every row of `field` whose pattern occurs in `text`, in table order."""
    return [label for pattern, label in cue_table(field) if pattern.search(text)]
