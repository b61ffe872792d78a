"""OCR fallback (`ocr="auto"|"force"|"off"`) on scans generated at test time.

A scan is made the way a court's scanner makes one: a pleading page is drawn with reportlab,
rendered to a bitmap with PDFium and wrapped, image only, in a new PDF; CM/ECF then stamps it
with text. Tests that run Tesseract skip when it is not installed (`.ci/ocr-deps.sh` installs it).
"""

from __future__ import annotations

import io
import re
import shutil

import docketflow.pipeline.ingest.ocr as ocr_module
import docketflow.pipeline.ingest.pdf as pdf_module
import pypdfium2 as pdfium
import pytest
from docketflow.pipeline.ingest import SourceDocument, read_document
from docketflow.pipeline.ingest.pdf import PDFIUM_LOCK
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from tests.fixtures.pdf_fixtures import Row, pleading_pdf, text_rows

STAMP = "Case 3:25-cv-09911-ABC Document 17 Filed 03/04/25 Page {page} of {pages}"
CAPTION = [
    Row("UNITED STATES DISTRICT COURT", align="center"),
    Row("NORTHERN DISTRICT OF CALIFORNIA", align="center"),
    Row(""),
    Row("RIVER VALLEY TENANTS UNION,", right="Case No. 3:25-cv-09911-ABC"),
    Row("Plaintiff,", indent=72),
    Row("v.", indent=36, right="ORDER DENYING MOTION TO DISMISS"),
    Row("CITY OF MARLOWE,"),
    Row("Defendant.", indent=72),
    Row(""),
    Row("The city asks the court to dismiss the complaint for lack of standing."),
    Row("The tenants allege that the city shared their rent records with a"),
    Row("federal housing agency without their consent."),
]
CLOSING = text_rows(["The motion to dismiss is DENIED.", "IT IS SO ORDERED.", "Dated: March 4, 2025"])

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


def _scan(pages: list[list[Row]], *, scanned: set[int], dpi: int = 200) -> bytes:
    """A pleading PDF whose pages in `scanned` (1-based) are images of themselves, stamped with text."""
    source = pleading_pdf(pages, legend=("United States District Court", "Northern District of California"))
    width, height = LETTER
    buffer = io.BytesIO()
    out = canvas.Canvas(buffer, pagesize=LETTER, invariant=1)
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(source)
        for number in range(1, len(pages) + 1):
            page = pdf[number - 1]
            out.drawImage(ImageReader(page.render(scale=dpi / 72, grayscale=True).to_pil().copy()), 0, 0, width, height)
            page.close()
            out.setFont("Helvetica", 8)
            out.drawString(40, height - 24, STAMP.format(page=number, pages=len(pages)))
            out.showPage()
        pdf.close()
    out.save()
    return _merge(buffer.getvalue(), pleading_pdf(pages, stamp=STAMP), scanned)


def _merge(scans: bytes, text_pdf: bytes, scanned: set[int]) -> bytes:
    """Pages in `scanned` from `scans`, the others from `text_pdf` (PDFium copies pages between documents)."""
    with PDFIUM_LOCK:
        merged = pdfium.PdfDocument.new()
        sources = pdfium.PdfDocument(scans), pdfium.PdfDocument(text_pdf)
        for index in range(len(sources[1])):
            merged.import_pages(sources[0] if index + 1 in scanned else sources[1], [index])
        buffer = io.BytesIO()
        merged.save(buffer)
        for doc in (merged, *sources):
            doc.close()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def scanned_order() -> bytes:
    return _scan([CAPTION, CLOSING], scanned={1, 2})


@pytest.fixture(scope="module")
def half_scanned_order() -> bytes:
    return _scan([CAPTION, CLOSING], scanned={1})


@pytest.fixture(scope="module")
def ocr_doc(scanned_order: bytes) -> SourceDocument:
    """`scanned_order` read with OCR once: Tesseract takes seconds a page."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    return read_document(scanned_order, "scan.pdf", ocr="auto")


def _words(text: str) -> str:
    return " ".join(text.split())


def test_auto_reads_a_scanned_order(ocr_doc: SourceDocument) -> None:
    doc = ocr_doc
    words = _words(doc.text)
    assert "UNITED STATES DISTRICT COURT" in words
    assert "NORTHERN DISTRICT OF CALIFORNIA" in words
    assert "The motion to dismiss is DENIED." in words
    assert doc.warnings[0] == ("needs_ocr: 2 of 2 pages have no usable text layer (no text layer; pages 1, 2); "
                               "OCR applied")
    assert re.fullmatch(r"ocr: 2 of 2 pages recognized with tesseract \S+", doc.warnings[1]), doc.warnings
    assert not any(w.startswith("empty") for w in doc.warnings)


def test_ocr_text_is_cleaned_like_a_text_layer(ocr_doc: SourceDocument) -> None:
    doc = ocr_doc
    assert (doc.docket, doc.document_number, doc.filed) == ("3:25-cv-09911-ABC", "17", "2025-03-04")
    assert "Document 17" not in doc.text  # the text-layer stamp, not its OCR echo
    assert not re.search(r"(?m)^\s*\d{1,2}\s*$", doc.text), doc.text  # line numbers, page numbers
    assert "Northern District of California" not in doc.text  # the sideways margin legend


@needs_tesseract
def test_auto_splices_ocr_text_into_its_page(half_scanned_order: bytes) -> None:
    doc = read_document(half_scanned_order, "scan.pdf", ocr="auto")
    assert doc.pages == 2 and len(doc.page_starts) == 2
    first, second = doc.text[: doc.page_starts[1]], doc.text[doc.page_starts[1] :]
    assert "lack of standing" in _words(first)
    assert second.startswith("The motion to dismiss is DENIED.")
    assert doc.page_of(doc.text.index("DENIED")) == 2
    assert doc.warnings[0].startswith("needs_ocr: 1 of 2 pages") and doc.warnings[0].endswith("; OCR applied")
    assert re.fullmatch(r"ocr: 1 of 2 pages recognized with tesseract \S+ \(pages 1\)", doc.warnings[1])


def test_off_keeps_the_needs_ocr_warning(scanned_order: bytes) -> None:
    doc = read_document(scanned_order, "scan.pdf", ocr="off")
    assert doc.warnings == ["needs_ocr: 2 of 2 pages have no usable text layer (no text layer; pages 1, 2)"]
    assert "DENIED" not in doc.text


def test_without_tesseract_the_warning_says_so(scanned_order: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "tesseract_binary", lambda: None)
    doc = read_document(scanned_order, "scan.pdf", ocr="auto")
    assert doc.warnings == [
        "needs_ocr: 2 of 2 pages have no usable text layer (no text layer; pages 1, 2)"
        " (OCR unavailable: tesseract not installed)"
    ]


@needs_tesseract
def test_garbage_text_layer_is_ocrd_in_auto_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    data = pleading_pdf([CAPTION + CLOSING])
    assert read_document(data, "order.pdf", ocr="auto").warnings == []
    real = pdf_module.text_problem
    monkeypatch.setattr(pdf_module, "text_problem", lambda text: "garbage" if "DENIED" in text else real(text))
    off = read_document(data, "order.pdf", ocr="off")
    assert off.warnings == ["needs_ocr: 1 of 1 pages have no usable text layer (garbage text; pages 1)"]
    doc = read_document(data, "order.pdf", ocr="auto")
    assert "The motion to dismiss is DENIED." in _words(doc.text)
    assert doc.warnings[1].startswith("ocr: 1 of 1 pages recognized")


@needs_tesseract
def test_force_reads_pages_that_have_text() -> None:
    doc = read_document(pleading_pdf([CAPTION + CLOSING]), "order.pdf", ocr="force")
    assert "IT IS SO ORDERED." in _words(doc.text)
    assert doc.warnings[0].startswith("ocr: 1 of 1 pages recognized")


@needs_tesseract
def test_a_failing_page_is_a_warning(scanned_order: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "PAGE_TIMEOUT", 0.001)
    doc = read_document(scanned_order, "scan.pdf", ocr="auto")
    assert doc.warnings[0].startswith("needs_ocr: 2 of 2 pages")
    assert doc.warnings[1:] == [f"ocr_failed: page {n}: timed out after 0.001 s" for n in (1, 2)]


def test_unknown_mode_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown ocr mode"):
        read_document(pleading_pdf([CLOSING]), "order.pdf", ocr="sometimes")
