"""What every PDF reader of ours shares: PDFium's process-wide lock, the page type the engines return, and
opening a document with the errors a user can act on. Kept apart so that the PDF, OCR and pdfplumber modules
all build on it without importing one another."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from docketflow.pipeline.ingest.errors import IngestError

PDFIUM_LOCK = threading.Lock()
"""Held for every PDFium call in the process (other modules using pypdfium2 should take it too)."""
SCAN_IMAGE_SHARE = 0.5
"""An image covering half the page behind a text-less page means a scan (not a blank page)."""
@dataclass
class RawPage:
    """One page's body text as the engine (or OCR) gave it, and whether a page without text is a scan."""

    text: str
    scanned: bool = False
    ocr: bool = False
    """The text was recognised from the page image: it is not judged as a text layer again."""


def open_pdfium(data: bytes, path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise IngestError("encrypted", f"{path}: PDF is password-protected") from exc
        raise IngestError("corrupt", f"{path}: PDF cannot be opened ({exc})") from exc
