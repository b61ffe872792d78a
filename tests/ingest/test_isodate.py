"""Date spellings from stamps, meta tags and sidecars."""

from __future__ import annotations

import pytest
from docketflow.extractors.isodate import to_iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-08T23:30:00-04:00", "2025-04-08"),
        ("2025-04-08", "2025-04-08"),
        ("20250408", "2025-04-08"),
        ("2025/4/8", "2025-04-08"),
        ("08/12/25", "2025-08-12"),
        ("8/12/1999", "1999-08-12"),
        ("12/13/96", "1996-12-13"),
        ("April 7, 2025", "2025-04-07"),
        ("Sept. 3, 2025", "2025-09-03"),
        ("Monday, April 7, 2025", "2025-04-07"),
        ("7 April 2025", "2025-04-07"),
        ("Tue, 08 Apr 2025 14:00:00 GMT", "2025-04-08"),
        ("2025-02-30", None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_to_iso_date(value: str | None, expected: str | None) -> None:
    assert to_iso_date(value) == expected
