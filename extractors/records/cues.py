"""The cue tables of `patterns/record_cues.jsonl`: which words mean which instrument, status, purpose,
motion or disposition. First match in file order wins within a field.

Most sentences a record builder asks about hold no cue of a field at all, so each field also has one
alternation of all its rows: a sentence it does not match is answered without trying the rows one by one.
"""

from __future__ import annotations

import re
from functools import cache

from docketflow.extractors.data import read_jsonl


@cache
def cue_table(field: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(compiled pattern, label) rows of one field, in file order."""
    return tuple((re.compile(row["pattern"], re.I), row["label"])
                 for row in read_jsonl("record_cues.jsonl") if row["field"] == field)


@cache
def _any_cue(field: str) -> re.Pattern[str]:
    """One pattern that occurs in a text exactly when some row of `field` does."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in cue_table(field)), re.I)


def first_label(field: str, text: str) -> str | None:
    """Label of the first row of `field` whose pattern occurs in `text`."""
    if not _any_cue(field).search(text):
        return None
    return next((label for pattern, label in cue_table(field) if pattern.search(text)), None)


def all_labels(field: str, text: str) -> list[str]:
    """Labels of every row of `field` whose pattern occurs in `text`, in table order."""
    if not _any_cue(field).search(text):
        return []
    return [label for pattern, label in cue_table(field) if pattern.search(text)]
