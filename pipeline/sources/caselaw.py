"""Caselaw Access Project cases: opinions as text (`casebody.data.opinions`, or `casebody.opinions` in the
static.case.law export) or as one HTML/XML string (`casebody.data`).

The head matter (caption, court, dates, counsel) goes before the opinions: it is where the extractors
find the parties, the judges and the decision date.
"""

from __future__ import annotations

from typing import Any

from docketflow.pipeline.sources.recordfields import Body, first_text, metadata


def _text(body: dict[str, Any]) -> str:
    parts = [body.get("head_matter")]
    parts += [op.get("text") for op in body.get("opinions") or [] if isinstance(op, dict)]
    return "\n\n".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


def read_case(record: dict[str, Any]) -> Body | None:
    """The case's text or markup and its metadata; None when `record` is not a CAP case."""
    casebody = record.get("casebody")
    if not isinstance(casebody, dict):
        return None
    court = record.get("court") if isinstance(record.get("court"), dict) else {}
    meta = metadata(
        title=first_text(record, "name_abbreviation", "name"),
        published=first_text(record, "decision_date"),
        docket=first_text(record, "docket_number"),
        court=first_text(court, "slug", "name_abbreviation"),
        url=first_text(record, "frontend_url", "url"),
    )
    body = casebody.get("data", casebody)
    if isinstance(body, str):
        return Body(markup=body if body.strip() else None, metadata=meta)
    return Body(text=(_text(body) if isinstance(body, dict) else "") or None, metadata=meta)
