"""Federal Register API documents (`https://www.federalregister.gov/api/v1/documents/<number>.json`, or the
`results` of a documents search), as bulk records.

A document is recognised by its `document_number` and `type` ("Notice", "Rule", "Proposed Rule",
"Presidential Document"). The API gives the full text only by URL, so a record carrying `body_html` or
`raw_text` (as saved by tools that fetch it) is read from that; otherwise its text is the notice's front
matter as the Register prints it — title, AGENCY, ACTION, SUMMARY (the `abstract`) and DATES — which is
where the parties, the program and its dates are stated.
"""

from __future__ import annotations

from typing import Any

from docketflow.pipeline.sources.recordfields import Body, first_text, metadata

FR_TYPES = {"notice": "notice", "rule": "rule", "proposed rule": "proposed_rule",
            "presidential document": "presidential_document"}


def _agencies(record: dict[str, Any]) -> str | None:
    names = [first_text(a, "raw_name", "name") for a in record.get("agencies") or [] if isinstance(a, dict)]
    names = [n for n in names if n] or [n for n in record.get("agency_names") or [] if isinstance(n, str)]
    return ", ".join(dict.fromkeys(names)) or None


def _front_matter(record: dict[str, Any]) -> str:
    parts = [first_text(record, "title")]
    for label, value in (("AGENCY", _agencies(record)), ("ACTION", first_text(record, "action")),
                         ("SUMMARY", first_text(record, "abstract")), ("DATES", first_text(record, "dates"))):
        if value:
            parts.append(f"{label}: {value}")
    return "\n\n".join(p for p in parts if p) + "\n"


def is_results_page(value: Any) -> bool:
    """A documents search response: `{"count": ..., "results": [documents]}`."""
    return isinstance(value, dict) and isinstance(value.get("results"), list) and "count" in value


def read_fr_document(record: dict[str, Any]) -> Body | None:
    """The document's text (or markup) and metadata; None when `record` is not a Federal Register document."""
    number = first_text(record, "document_number")
    fr_type = FR_TYPES.get((first_text(record, "type") or "").lower())
    if number is None or fr_type is None:
        return None
    meta = metadata(
        title=first_text(record, "title"),
        published=first_text(record, "publication_date"),
        url=first_text(record, "html_url", "pdf_url"),
        kind="federal_register_notice" if fr_type != "presidential_document" else "other",
        document_number=number,
        fr_type=fr_type,
    )
    if body := first_text(record, "body_html"):
        return Body(markup=body, metadata=meta, record_id=number)
    return Body(text=first_text(record, "raw_text") or _front_matter(record), metadata=meta, record_id=number)
