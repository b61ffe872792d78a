"""Turn an input file (PDF, HTML, text) into page-aware plain text plus what its container says about it.

Entry point: `read_document(data, path)`. Each format lives in its own module; the sidecar
`<file>.meta.json` is applied last so that it overrides whatever was detected.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from docketflow.pipeline.ingest.errors import IngestError
from docketflow.pipeline.ingest.sidecar import is_sidecar, read_sidecar, sidecar_values

if TYPE_CHECKING:
    from docketflow.extractors.ecf import EcfStamp

__all__ = ["IngestError", "SourceDocument", "is_sidecar", "media_type_of", "read_document", "read_sidecar"]

PDF = "application/pdf"
HTML = "text/html"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
_BY_SUFFIX = {
    ".pdf": PDF,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
}
_MARKUP = frozenset({HTML, "application/xhtml+xml", "application/xml", "text/xml"})
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<p", b"<div", b"<meta", b"<!--")


@dataclass
class SourceDocument:
    """Extracted text and metadata of one input file, before any entity extraction."""

    path: str
    """Path relative to the input root, posix style."""
    media_type: str
    text: str
    page_starts: list[int] = field(default_factory=list)
    """Offset in `text` where each page begins; empty for unpaged formats."""
    pages: int | None = None
    title: str | None = None
    published: str | None = None
    """ISO date the document was published (news) or signed/filed, when the container says."""
    url: str | None = None
    kind: str | None = None
    """Kind stated by a sidecar; otherwise detected later from the text."""
    filed: str | None = None
    docket: str | None = None
    document_number: str | None = None
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None
    """Character encoding a text file was decoded with (None for PDF and declared-charset HTML)."""

    def page_of(self, offset: int) -> int | None:
        """1-based page holding text offset `offset`, None for unpaged documents."""
        return bisect_right(self.page_starts, offset) if self.page_starts else None


def media_type_of(data: bytes, path: str) -> str:
    """Media type from magic bytes first (a mislabelled PDF is still a PDF), then the extension."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in _BY_SUFFIX and _BY_SUFFIX[suffix] != PDF:
        return _BY_SUFFIX[suffix]
    if head.startswith(_HTML_STARTS):
        return HTML
    return _BY_SUFFIX.get(suffix, TEXT)


def _stamp_fields(stamp: EcfStamp | None) -> dict[str, str | None]:
    """What a CM/ECF stamp tells about the document it is printed on."""
    if stamp is None:
        return {}
    return {"filed": stamp.filed, "docket": stamp.docket, "document_number": stamp.document_number}


def _read_pdf(data: bytes, path: str, pdf_engine: str, ocr: str, max_pages: int | None,
              ocr_budget_s: float | None) -> SourceDocument:
    from docketflow.pipeline.ingest.pdf import read_pdf

    pdf = read_pdf(data, path, pdf_engine, ocr, max_pages, ocr_budget_s)
    return SourceDocument(
        path=path,
        media_type=PDF,
        text=pdf.text,
        page_starts=pdf.page_starts,
        pages=pdf.pages,
        warnings=pdf.warnings,
        **_stamp_fields(pdf.stamp),
    )


def _read_html(data: bytes, path: str) -> SourceDocument:
    from docketflow.pipeline.ingest.html import read_html

    page = read_html(data)
    return SourceDocument(
        path=path,
        media_type=HTML,
        text=page.text,
        title=page.title,
        published=page.published,
        url=page.url,
        warnings=page.warnings,
    )


def _read_text(data: bytes, path: str, media_type: str) -> SourceDocument:
    from docketflow.pipeline.ingest.text import read_text

    plain = read_text(data)
    return SourceDocument(
        path=path,
        media_type=media_type,
        text=plain.text,
        encoding=plain.encoding,
        warnings=plain.warnings,
        **_stamp_fields(plain.stamp),
    )


def read_document(
    data: bytes,
    path: str,
    *,
    pdf_engine: str = "auto",
    sidecar: dict | None = None,
    ocr: str = "off",
    media_type: str | None = None,
    max_pages: int | None = None,
    ocr_budget_s: float | None = None,
) -> SourceDocument:
    """Text and metadata of one input file; raises IngestError when it cannot be read at all.

    `media_type` is what the container declares (a bulk record's HTML or XML field).
    A PDF with more than `max_pages` pages is refused (IngestError "too_many_pages") before any is read.
    `ocr` ("auto", "force", "off") applies to PDFs; it is off unless asked for because it costs
    seconds per page (`docketflow run` asks for "auto"); `ocr_budget_s` caps the seconds it may take in all.
    Format modules are imported on first use so that importing the package stays cheap.
    An empty result always carries a warning: downstream code must be able to tell "nothing
    found" from "nothing readable".
    """
    detected = media_type_of(data, path)
    # a bulk record's declared markup field (HTML, Harvard XML) beats sniffing; a real PDF is still a PDF
    media_type = HTML if detected != PDF and media_type in _MARKUP else detected
    if media_type == PDF:
        doc = _read_pdf(data, path, pdf_engine, ocr, max_pages, ocr_budget_s)
    elif media_type == HTML:
        doc = _read_html(data, path)
    else:
        doc = _read_text(data, path, media_type)
    if not doc.text.strip() and not any(w.startswith("needs_ocr") for w in doc.warnings):
        doc.warnings.append("empty: no text extracted")
    if sidecar:
        values, warnings = sidecar_values(sidecar)
        for key, value in values.items():
            setattr(doc, key, value)
        doc.warnings.extend(warnings)
    return doc
