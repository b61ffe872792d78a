"""OCR's cost is bounded: blank pages never reach Tesseract, and a document's OCR stops at its budget with
the remaining pages named in one warning (Tesseract is replaced by a stand-in that counts its calls)."""

from __future__ import annotations

import io
import time

import docketflow.pipeline.ingest.ocr as ocr_module
import pytest
from docketflow.pipeline.ingest import read_document
from docketflow.pipeline.settings import RunSettings
from PIL import Image
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas


def _pdf(blank: int, white_scans: int, marked: int) -> bytes:
    """`blank` empty pages, `white_scans` pages that are an image of white paper, `marked` pages with ink."""
    buffer = io.BytesIO()
    out = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    width, height = LETTER
    paper = ImageReader(Image.new("L", (850, 1100), 250))
    for _ in range(blank):
        out.showPage()
    for _ in range(white_scans):
        out.drawImage(paper, 0, 0, width, height)
        out.showPage()
    for _ in range(marked):
        out.rect(72, 500, 300, 40, fill=1)
        out.showPage()
    out.save()
    return buffer.getvalue()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Each stand-in Tesseract call takes 0.3 s and finds nothing; the list holds the timeout it was given."""
    seen: list[float] = []

    def fake(binary: str, image: Image.Image, dpi: int, timeout: float = ocr_module.PAGE_TIMEOUT) -> str:
        seen.append(timeout)
        time.sleep(0.3)
        return ""

    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: "tesseract")
    monkeypatch.setattr(ocr_module, "_run_tesseract", fake)
    return seen


def test_blank_pages_are_not_sent_to_tesseract(calls: list[float]) -> None:
    blank = read_document(_pdf(blank=40, white_scans=0, marked=0), "blank.pdf", ocr="auto")
    scans = read_document(_pdf(blank=2, white_scans=3, marked=0), "scans.pdf", ocr="auto")
    assert calls == []
    assert not blank.text.strip() and not scans.text.strip()
    assert any(w.startswith("ocr: 40 of 40 pages") and "no text found" in w for w in blank.warnings), blank.warnings
    assert any(w.startswith("ocr: 3 of 5 pages") and "no text found" in w for w in scans.warnings), scans.warnings


def test_ocr_stops_at_its_budget_and_names_the_pages_left(calls: list[float]) -> None:
    doc = read_document(_pdf(blank=0, white_scans=0, marked=8), "dark.pdf", ocr="force", ocr_budget_s=1.0)
    assert 1 <= len(calls) < 8
    assert all(timeout <= 1.0 for timeout in calls)  # no page may run past what is left of the budget
    budget = [w for w in doc.warnings if w.startswith("ocr_budget:")]
    assert len(budget) == 1 and f"{8 - len(calls)} pages not recognized" in budget[0], doc.warnings


def test_the_default_budget_is_half_the_document_limit() -> None:
    assert RunSettings(doc_timeout_s=300).ocr_seconds() == 150
    assert RunSettings(doc_timeout_s=300, ocr_budget_s=20).ocr_seconds() == 20
