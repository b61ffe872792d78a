"""Turn a batch of input files into document records: read, ingest, extract, one failure at a time.

A batch shares one spaCy pipeline (built once per process) and goes through `nlp.pipe`; a document
that fails at any stage becomes an `ErrorRecord` and the rest of the batch goes on.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import date

from docketflow.extractors.entities import doc_entities
from docketflow.extractors.kind import read_kind
from docketflow.extractors.nlp import build_nlp, save_learned
from docketflow.extractors.records import build_records
from docketflow.extractors.spans import DocContext, make_doc
from docketflow.extractors.structure import Structure, keep_structure
from docketflow.models import Document, ErrorRecord, Source
from docketflow.pipeline.ingest import IngestError, SourceDocument, read_document
from docketflow.pipeline.ingest.sidecar import SIDECAR_LIMIT, sidecar_dict, sidecar_values
from docketflow.pipeline.outcomes import BatchResult, OnFinished, Outcome, rejected
from docketflow.pipeline.progress import finished
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import SourceItem
from docketflow.pipeline.sources.limits import TooLarge
from docketflow.pipeline.sources.regular import Stamp, printable, read_regular
from docketflow.pipeline.sources.sidecars import MAX_SIDECAR_BYTES
from spacy.tokens import Doc

log = logging.getLogger("docketflow")


@dataclass
class _Ingested:
    item: SourceItem
    sha256: str
    size: int
    source: SourceDocument
    kind: str
    stamp: Stamp | None
    structure: Structure | None = None
    """The structure read to tell the kind, kept so that the pipeline does not read it again."""


def _error(item: SourceItem, stage: str, exc: BaseException, sha256: str | None = None,
           stamp: Stamp | None = None) -> Outcome:
    code = exc.code if isinstance(exc, IngestError) else type(exc).__name__
    message = printable(" ".join(str(exc).split())) or type(exc).__name__
    return Outcome(error=ErrorRecord(path=item.relpath, sha256=sha256, stage=stage, error=code, message=message),
                   stamp=stamp)


def _read(item: SourceItem, settings: RunSettings) -> tuple[bytes, Stamp | None]:
    """The item's bytes, and for a plain file its stamp as read; a FIFO or device is refused, never opened
    for a blocking read, and a file that grew past `max_file_bytes` since discovery is cut off."""
    if item.data is not None:
        return item.data, None
    try:
        return read_regular(item.path, settings.max_file_bytes)
    except TooLarge as exc:
        raise IngestError("too_large", str(exc)) from exc


def _sidecar(item: SourceItem) -> dict:
    """What the item's container says about it, overridden by its sidecar file, if any."""
    if item.sidecar is None:
        return dict(item.metadata)
    try:
        raw, _ = read_regular(item.sidecar, MAX_SIDECAR_BYTES, SIDECAR_LIMIT)
    except (OSError, IngestError, TooLarge) as exc:
        raise IngestError("sidecar", f"{printable(item.sidecar.name)}: {exc}") from exc
    return {**item.metadata, **sidecar_dict(raw, printable(item.sidecar.name))}


def _from_text(item: SourceItem) -> SourceDocument:
    """A bulk record that already carries its text: only the metadata needs reading."""
    values, warnings = sidecar_values(item.metadata)
    return SourceDocument(path=item.relpath, media_type=item.media_type or "text/plain", text=item.text or "",
                          warnings=warnings, **values)


def _ingest(item: SourceItem, settings: RunSettings) -> _Ingested | Outcome:
    """Read and convert one item, or the error that stopped it."""
    if item.error is not None:
        return rejected(item)
    try:
        data, stamp = _read(item, settings)
    except (OSError, IngestError) as exc:
        return _error(item, "read", exc)
    sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        return _error(item, "read", IngestError("empty_file", "the file is empty (0 bytes)"), sha256, stamp)
    try:
        if item.text is not None:
            source = _from_text(item)
        else:
            source = read_document(data, item.relpath, pdf_engine=settings.pdf_engine,
                                   sidecar=_sidecar(item) or None, ocr=settings.ocr, media_type=item.media_type,
                                   max_pages=settings.max_pages, ocr_budget_s=settings.ocr_seconds())
        if len(source.text) > settings.max_chars:
            raise IngestError("too_many_chars", f"{len(source.text):,} characters of text, more than the limit "
                                                f"of {settings.max_chars:,}")
    except Exception as exc:  # one bad file must not stop the run
        return _error(item, "ingest", exc, sha256, stamp)
    kind, structure = read_kind(source.text, source.kind, source.media_type)
    return _Ingested(item, sha256, len(data), source, kind, stamp, structure)


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _make_doc(item: _Ingested, settings: RunSettings) -> Doc:
    src = item.source
    doc = make_doc(build_nlp(settings.spacy_model), src.text)
    if item.structure is not None:
        keep_structure(doc, item.structure)
    doc._.docketflow = DocContext(
        anchor_date=_iso_date(src.published) or _iso_date(src.filed),
        kind=item.kind,
        title=src.title,
        docket=src.docket,
        page_starts=list(src.page_starts),
    )
    return doc


def _outcome(item: _Ingested, doc: Doc) -> Outcome:
    """The document record with its holdings and the arrangements it describes."""
    src = item.source
    kind = item.kind
    records = build_records(doc, item.sha256, kind, src.filed or src.published)
    document = Document(
        doc_id=item.sha256,
        source=Source(
            path=src.path,
            media_type=src.media_type,
            pages=src.pages,
            title=src.title,
            published=src.published,
            url=src.url,
            bytes=item.size,
            filed=src.filed,
            docket=src.docket or item.item.metadata.get("docket"),
            document_number=src.document_number or item.item.metadata.get("document_number"),
            fr_type=item.item.metadata.get("fr_type"),
            court=item.item.metadata.get("court"),
        ),
        kind=kind,
        text_chars=len(src.text),
        entities=doc_entities(doc),
        holdings=[h.id for h in records.holdings],
        agreements=sorted(a.id for a in records.agreements),
        warnings=list(src.warnings),
        structure=records.structure,
    )
    return Outcome(document=document, pages=src.pages or 0, holdings=records.holdings,
                   agreements=records.agreements, text=src.text, stamp=item.stamp)


def _run_pipeline(items: list[_Ingested], settings: RunSettings, on_finished: OnFinished) -> list[Outcome]:
    docs = build_nlp(settings.spacy_model).pipe(_make_doc(i, settings) for i in items)
    outcomes = []
    started = time.perf_counter()
    for item, doc in zip(items, docs, strict=True):
        outcomes.append(_outcome(item, doc))
        on_finished(outcomes[-1:])
        now = time.perf_counter()  # nlp.pipe works in small batches: in one, time falls on its first document
        log.debug("extract %s: %.3f s", item.item.relpath, now - started)
        started = now
    return outcomes


def _extract(items: list[_Ingested], settings: RunSettings, on_finished: OnFinished) -> list[Outcome]:
    """Run the pipeline over the batch; on a failure, redo one by one so only the culprit is lost."""
    try:
        return _run_pipeline(items, settings, on_finished)
    except Exception:
        log.debug("batch of %d failed; retrying one document at a time", len(items), exc_info=True)
    outcomes = []
    for item in items:
        try:
            outcomes.extend(_run_pipeline([item], settings, on_finished))
        except Exception as exc:  # isolate the document that breaks a component
            log.warning("extract failed for %s: %s", item.item.relpath, exc)
            outcomes.append(_error(item.item, "extract", exc, item.sha256, item.stamp))
            on_finished(outcomes[-1:])
    return outcomes


def process_batch(items: list[SourceItem], settings: RunSettings, on_finished: OnFinished = finished) -> BatchResult:
    """Ingest and extract a batch of items; every item yields exactly one outcome, in input order, and
    `on_finished` hears of each one as it is done."""
    result = BatchResult()
    ingested: list[_Ingested] = []
    order: list[_Ingested | Outcome] = []
    for item in items:
        started = time.perf_counter()
        read = _ingest(item, settings)
        seconds = time.perf_counter() - started
        result.seconds["ingest"] += seconds
        order.append(read)
        if isinstance(read, _Ingested):
            ingested.append(read)
            log.debug("ingest %s: %.3f s (%s, %d pages)", item.relpath, seconds, read.kind, read.source.pages or 0)
        else:
            on_finished([read])
            if read.error is not None:
                log.debug("ingest %s: %.3f s (failed at %s: %s)", item.relpath, seconds, read.error.stage,
                          read.error.error)

    started = time.perf_counter()
    extracted = iter(_extract(ingested, settings, on_finished) if ingested else [])
    result.seconds["extract"] += time.perf_counter() - started
    result.outcomes = [next(extracted) if isinstance(o, _Ingested) else o for o in order]
    if ingested:
        save_learned(build_nlp(settings.spacy_model))
    return result
