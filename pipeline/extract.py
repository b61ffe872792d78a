"""The records of one text, in this process: `docketflow.extract(text)`.

The text goes the way a `.txt` file (or, with `path="page.html"`, an HTML page) dropped into the input folder
goes during a run (the same ingest, kind detection and record builders, `process.process_batch`), only without
an output folder, workers or Prefect. The spaCy pipeline is built on the first call and kept for the process,
so later calls cost only the extraction.

The records are the document's own, with the names of their ids filled as a run's export fills them. What a
run adds across documents is not there: the holdings' `decision` and `case`, the agreements' `history`, and
the merging of one agreement described by several documents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

from docketflow.extractors.names import named
from docketflow.models import Agreement, Document, ErrorRecord, Holding
from docketflow.pipeline.ingest.sidecar import KINDS
from docketflow.pipeline.process import process_batch
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import SourceItem


@dataclass(frozen=True)
class Extraction:
    """What one document yields: its record, its holdings and the arrangements it describes."""

    document: Document
    holdings: list[Holding] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    text: str = ""
    """The text as read (what the entities' and evidence's offsets point into)."""


class ExtractionFailed(ValueError):
    """The text could not be read or extracted; `record` is the error line a run would have written."""

    def __init__(self, record: ErrorRecord) -> None:
        super().__init__(f"{record.path}: {record.error} at {record.stage}: {record.message}")
        self.record = record


@cache
def _settings(model: str | None) -> RunSettings:
    """A run's settings (limits from DOCKETFLOW_* variables included), read once per model."""
    return RunSettings(spacy_model=model, ocr="off", progress=False)


def extract(text: str, published: str | date | None = None, kind: str | None = None, *,
            title: str | None = None, url: str | None = None, path: str = "text.txt",
            model: str | None = None) -> Extraction:
    """The document record, holdings and agreements of `text`.

    `published` (an ISO date, or a `date`) anchors relative dates ("last Tuesday") and dates the records, as
    a sidecar's `published` does; `kind` (`court_order`, `opinion`, `news`, `federal_register_notice`,
    `other`) overrides the kind read from the text. `path` is the name the document is recorded under; its
    suffix says how the text is read (`.txt` plain text, `.html` a web page). `model` names an installed
    spaCy package to start from. Raises ValueError on a bad `kind` or `published`, ExtractionFailed when the
    text cannot be read (an empty text, one over `max_chars`).
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes the document's text as a str, not {type(text).__name__}")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind={kind!r}: expected one of {', '.join(sorted(KINDS))}")
    metadata = {"published": _iso(published), "kind": kind, "title": title, "url": url}
    data = text.encode("utf-8", "surrogatepass")
    item = SourceItem(path, data=data, metadata={k: v for k, v in metadata.items() if v is not None},
                      size=len(data))
    (outcome,) = process_batch([item], _settings(model)).outcomes
    if outcome.error is not None:
        raise ExtractionFailed(outcome.error)
    assert outcome.document is not None  # an outcome is a document or an error
    found = _printed_agency_names(outcome.document)
    return Extraction(outcome.document, [named(h, found) for h in outcome.holdings],
                      [named(a, found) for a in outcome.agreements], outcome.text)


def _printed_agency_names(document: Document) -> dict[str, str]:
    """{agency key: name as the document prints it most often}: names of agencies the gazetteer does not list
    (as a run's export takes them from all documents)."""
    counts = Counter((e.key, " ".join(str(e.normalized.get("name") or "").split())) for e in document.entities
                     if e.label == "AGENCY")
    best: dict[str, tuple[int, str]] = {}
    for (key, name), count in counts.items():
        if key and name and (key not in best or (-count, name) < best[key]):
            best[key] = (-count, name)
    return {key: name for key, (_, name) in best.items()}


def _iso(published: str | date | None) -> str | None:
    """`published` as an ISO date, or ValueError naming it."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date().isoformat()
    if isinstance(published, date):
        return published.isoformat()
    try:
        return date.fromisoformat(str(published)[:10]).isoformat()
    except ValueError:
        raise ValueError(f"published={published!r}: expected an ISO date (YYYY-MM-DD) or a datetime.date") from None
