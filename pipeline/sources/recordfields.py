"""What every bulk record kind yields, and the small value helpers they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Body:
    """A record's plain text (no ingest needed) or markup (HTML/XML, ingested as HTML), and its metadata."""

    text: str | None = None
    markup: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    record_id: str | None = None
    """The record's own identifier when it is not an `id` field (a Federal Register document number)."""


def text_value(value: Any) -> str | None:
    """A non-blank string or an integer as text; anything else (null, lists, objects) as None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def first_text(record: dict[str, Any], *keys: str) -> str | None:
    """The first of `keys` with a usable value."""
    return next((v for k in keys if (v := text_value(record.get(k))) is not None), None)


def metadata(**values: str | None) -> dict[str, str]:
    """The given values without the missing ones."""
    return {k: v for k, v in values.items() if v is not None}
