"""Ingest on the shared evaluation corpus (skipped when ../shared is absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docketflow.extractors.ecf import STAMP_LINE
from docketflow.pipeline.ingest import read_document

PDF_DIR = Path("corpus/pdf")
CLEAN = [
    "cacd_8-16-cv-01261",
    "azd_mdl15-02641",
    "cand_5-17-cv-00072",
    "cand_3-04-cv-00098_alvarado-v-fedex_order-den",
    "ca2_25-1686",
    "ca10_21-800",
    "caed_2-15-cv-00208",
]


def _read(shared: Path, prefix: str):
    [path] = sorted((shared / PDF_DIR).glob(f"{prefix}*.pdf"))
    return read_document(path.read_bytes(), path.name)


def test_scanned_and_garbled_pdfs_need_ocr(shared: Path) -> None:
    names = [p.name for p in (shared / PDF_DIR).glob("*_scanned.pdf")]
    names.append("nysd_1-13-cv-04384_order_garbled-font-encoding.pdf")
    for name in names:
        doc = read_document((shared / PDF_DIR / name).read_bytes(), name)
        assert any(w.startswith("needs_ocr") for w in doc.warnings), name


def test_partly_scanned_pdf_names_its_page(shared: Path) -> None:
    doc = _read(shared, "nysd_1-12-cv-05708")
    assert "pages 1," in doc.warnings[0]
    assert doc.docket == "1:12-cv-05708-ER"


@pytest.mark.parametrize("prefix", CLEAN)
def test_text_is_clean_and_keeps_caption(shared: Path, prefix: str) -> None:
    doc = _read(shared, prefix)
    assert not doc.warnings
    assert not STAMP_LINE.search(doc.text)
    assert len(re.findall(r"(?m)^\s*\d{1,2}\s*$", doc.text)) <= 2  # footnote marks may remain
    assert "United States District Court\nNorthern District of California" not in doc.text
    # 600, not 300: PDFium reads in content-stream order, and one of these PDFs draws its page-1
    # footnote before the caption.
    assert re.search(r"UNITED STATES (DISTRICT COURT|COURT OF APPEALS)", doc.text[:600])


def test_every_pdf_reads_without_error(shared: Path) -> None:
    for path in sorted((shared / PDF_DIR).glob("*.pdf")):
        doc = read_document(path.read_bytes(), path.name)
        assert doc.text.strip() or doc.warnings, path.name
