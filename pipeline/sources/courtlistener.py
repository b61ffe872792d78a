"""CourtListener opinions, from the API's JSON or the bulk CSV export.

An opinion carries its text in one of several fields depending on where CourtListener got it;
`plain_text` needs no ingest, the others are HTML/XML for the HTML reader. The court is rarely on the
opinion itself, so it is also recognised in the URLs a record carries (API court URLs, RECAP file
names, `<court>.uscourts.gov` hosts), but only when courts-db knows the id.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from docketflow.pipeline.sources.recordfields import Body, first_text, metadata, text_value

MARKUP_FIELDS = ("html_with_citations", "html_columbia", "html_lawbox", "xml_harvard", "html_anon_2020", "html")
"""In order of preference: `html_with_citations` holds the whole opinion with citations linked."""
TEXT_FIELDS = ("plain_text", *MARKUP_FIELDS)
_URL_FIELDS = ("court", "court_id", "absolute_url", "download_url", "resource_uri", "local_path", "filepath_local")
_COURT_IN_URL = (
    re.compile(r"/courts/([a-z0-9]+)/?"),
    re.compile(r"gov\.uscourts\.([a-z0-9]+)\."),
    re.compile(r"([a-z0-9]+)\.uscourts\.gov"),
)
_SITE = "https://www.courtlistener.com"


@cache
def _court_ids() -> frozenset[str]:
    import courts_db

    return frozenset(c["id"] for c in courts_db.courts)


def court_of(record: dict[str, Any]) -> str | None:
    """The courts-db id of the opinion's court, from `court`/`court_id` or from the record's URLs."""
    court = record.get("court")
    if isinstance(court, dict):
        court = court.get("id")
    for value in (court, record.get("court_id"), *(record.get(k) for k in _URL_FIELDS)):
        text = text_value(value)
        if text is None:
            continue
        if text in _court_ids():
            return text
        for pattern in _COURT_IN_URL:
            for found in pattern.findall(text.lower()):
                if found in _court_ids():
                    return found
        if "supremecourt.gov" in text:
            return "scotus"
    return None


def _docket_number(value: Any) -> str | None:
    """A docket number as printed; CourtListener's `docket` is often its own numeric id or a URL instead."""
    text = text_value(value)
    if text is None or text.isdigit() or "://" in text:
        return None
    return text


def read_opinion(record: dict[str, Any]) -> Body | None:
    """The opinion's text or markup and what it says about itself; None when `record` is not an opinion."""
    if not any(k in record for k in TEXT_FIELDS):
        return None
    cluster = record.get("cluster") if isinstance(record.get("cluster"), dict) else {}
    url = first_text(record, "absolute_url", "download_url")
    meta = metadata(
        published=first_text(record, "date_filed") or first_text(cluster, "date_filed")
        or first_text(record, "date_created"),
        title=first_text(record, "case_name", "case_name_full") or first_text(cluster, "case_name"),
        docket=_docket_number(record.get("docket_number")) or _docket_number(record.get("docket")),
        court=court_of(record),
        url=_SITE + url if url and url.startswith("/") else url,
    )
    if first_text(record, "plain_text") is not None:
        return Body(text=record["plain_text"], metadata=meta)
    markup = next((record[k] for k in MARKUP_FIELDS if first_text(record, k) is not None), None)
    return Body(markup=markup, metadata=meta)
