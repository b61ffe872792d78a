"""One bulk record (a JSON Lines line, an element of a JSON file, a CSV row) -> one `SourceItem`.

Which kind of record it is comes from its keys, not from the file name: a Caselaw Access Project case
has `casebody`, a Federal Register API document `document_number` and `type`, a CourtListener opinion
has one of its text fields, a plain record has `text`. `data`
is what `doc_id` hashes: the record as stored when it carries its own text, the markup itself when that
markup still has to go through ingest.
"""

from __future__ import annotations

from typing import Any

from docketflow.pipeline.sources.caselaw import read_case
from docketflow.pipeline.sources.courtlistener import read_opinion
from docketflow.pipeline.sources.fedreg_api import read_fr_document
from docketflow.pipeline.sources.item import SourceItem
from docketflow.pipeline.sources.recordfields import Body, first_text, metadata, text_value


class BadRecord(ValueError):
    """A record that cannot become a document; the rest of its file goes on."""


class UnknownRecord(BadRecord):
    """A record of none of the known kinds."""


def _plain(record: dict[str, Any]) -> Body | None:
    """`{"id", "text", ...}` with optional title, published/date, url, kind, court, docket."""
    if not isinstance(record.get("text"), str):
        return None
    return Body(text=record["text"], metadata=metadata(
        title=first_text(record, "title"),
        published=first_text(record, "published", "date"),
        url=first_text(record, "url"),
        kind=first_text(record, "kind"),
        court=first_text(record, "court"),
        docket=first_text(record, "docket"),
    ))


_KINDS = (read_case, read_fr_document, read_opinion, _plain)


def record_item(record: Any, where: str, raw: bytes) -> SourceItem:
    """The item for `record` found in `where` (the bulk file's relpath); BadRecord when it has none."""
    if not isinstance(record, dict):
        raise BadRecord(f"expected a JSON object, got {type(record).__name__}")
    body = next((b for read in _KINDS if (b := read(record)) is not None), None)
    if body is None:
        keys = ", ".join(sorted(map(str, record))[:12])
        raise UnknownRecord(f"not a CourtListener opinion, a Caselaw Access Project case, a Federal Register "
                            f"document or an id/text record (keys: {keys})")
    record_id = body.record_id or text_value(record.get("id"))
    if record_id is None:
        raise BadRecord("record has no id")
    relpath = f"{where}#{record_id}"
    if body.text is not None:
        return SourceItem(relpath, data=raw, text=body.text, media_type="text/plain", metadata=body.metadata,
                          size=len(body.text))
    if body.markup is not None:
        data = body.markup.encode("utf-8")
        return SourceItem(relpath, data=data, media_type="text/html", metadata=body.metadata, size=len(data))
    raise BadRecord("record has no text")
