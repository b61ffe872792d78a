"""Relative phrases counted in days, weeks and months, resolved by dateparser against the document's date."""

from __future__ import annotations

from datetime import date

import pytest
from docketflow.extractors.nlp import build_nlp
from docketflow.extractors.spans import DocContext, entities

ANCHOR = date(2025, 12, 30)


def _dates(text: str, kind: str = "news") -> list[str]:
    nlp = build_nlp()
    doc = nlp.make_doc(text)
    doc._.docketflow = DocContext(anchor_date=ANCHOR, kind=kind)
    return [span.kb_id_ for span in entities(nlp(doc), "DATE")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last week's order blocked the transfer.", ["2025-12-23"]),
        ("The agency began sharing data three days ago.", ["2025-12-27"]),
        ("Earlier this month, the IRS signed the memorandum.", ["2025-12"]),
        ("The sharing could resume next week.", ["2026-01-06"]),
        ("The agencies signed the agreement two months ago.", ["2025-10"]),
        ("The rule changed last year.", []),  # a bare year is not a DATE
        ("The court spent weeks on the case.", []),  # a duration
        ("Within 30 days the agency must respond.", []),
    ],
)
def test_counted_relative_dates(text: str, expected: list[str]) -> None:
    assert _dates(text) == expected


def test_opinions_do_not_count_from_their_own_date() -> None:
    assert _dates("Three days ago the officer stopped the car.", kind="opinion") == []
