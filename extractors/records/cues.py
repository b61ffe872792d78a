"""The cue tables of `patterns/record_cues.jsonl`: which words mean which instrument, status, purpose,
motion or disposition. First match in file order wins within a field.

Most sentences a record builder asks about hold no cue of a field at all, so each field also has one
alternation of all its rows: a sentence it does not match is answered without trying the rows one by one. And
before the alternation, a plain search for the words one of which every row's match holds (read from the
patterns, `required_words`) turns most sentences away at the speed of `str.find`.
"""

from __future__ import annotations

import re
from functools import cache

from docketflow.extractors.data import read_jsonl
from docketflow.extractors.keyword_start import Keywords


@cache
def cue_table(field: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(compiled pattern, label) rows of one field, in file order."""
    return tuple((re.compile(row["pattern"], re.I), row["label"])
                 for row in read_jsonl("record_cues.jsonl") if row["field"] == field)


@cache
def _any_cue(field: str) -> re.Pattern[str]:
    """One pattern that occurs in a text exactly when some row of `field` does."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in cue_table(field)), re.I)


@cache
def _cue_words(field: str) -> Keywords | None:
    """The words one of which any cue of `field` holds (`required_words`), found before the alternation runs;
    None for a table with a row that names no word (then the alternation alone decides)."""
    try:
        return Keywords.required_by(_any_cue(field))
    except ValueError:
        return None


def _may_hold(field: str, text: str) -> bool:
    """Whether some row of `field` occurs in `text`: a look for the words first, then the alternation."""
    words = _cue_words(field)
    return (words is None or words.in_text(text)) and _any_cue(field).search(text) is not None


def first_label(field: str, text: str) -> str | None:
    """Label of the first row of `field` whose pattern occurs in `text`."""
    if not _may_hold(field, text):
        return None
    return next((label for pattern, label in cue_table(field) if pattern.search(text)), None)


def all_labels(field: str, text: str) -> list[str]:
    """Labels of every row of `field` whose pattern occurs in `text`, in table order."""
    if not _may_hold(field, text):
        return []
    return [label for pattern, label in cue_table(field) if pattern.search(text)]
