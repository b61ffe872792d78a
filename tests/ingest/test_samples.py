"""The committed samples in raw/ read as intended, and the PDF generator is deterministic."""

from __future__ import annotations

import re

from docketflow.pipeline.ingest import read_document, read_sidecar

from tests.conftest import RAW
from tests.fixtures.make_samples import ORDER_PDF, order_pdf


def test_order_pdf_is_reproducible() -> None:
    assert (RAW / ORDER_PDF).read_bytes() == order_pdf()


def test_sample_order_reads_clean() -> None:
    doc = read_document((RAW / ORDER_PDF).read_bytes(), ORDER_PDF)
    assert (doc.pages, doc.docket, doc.document_number, doc.filed) == (3, "3:25-cv-04127-RFL", "41", "2025-10-14")
    assert doc.text.startswith("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\nSTATE OF OREGON")
    assert not re.search(r"(?m)^\s*\d{1,2}\s*$", doc.text)
    assert "Document 41" not in doc.text and "United States District Court" not in doc.text
    assert "SNAP confidentiality provision" in doc.text
    assert "IT IS SO ORDERED." in doc.text and doc.text.endswith("United States District Judge")
    assert doc.page_of(doc.text.index("RITA F. LIN")) == 3
    assert doc.warnings == []


def test_news_samples_take_their_sidecars() -> None:
    for name, published in (("news_irs-ice-ruling.html", "2025-05-16"), ("news_snap-order.txt", "2025-10-15")):
        path = RAW / name
        doc = read_document(path.read_bytes(), name, sidecar=read_sidecar(path))
        assert (doc.kind, doc.published) == ("news", published)
        assert doc.url and doc.url.startswith("https://")
        assert "ICE" in doc.text or "Immigration and Customs Enforcement" in doc.text


def test_html_sample_drops_page_chrome() -> None:
    doc = read_document((RAW / "news_irs-ice-ruling.html").read_bytes(), "news_irs-ice-ruling.html")
    assert "analytics" not in doc.text and "Subscribe" not in doc.text and "Most read" not in doc.text
    assert "signed on April 7, 2025" in doc.text.replace("\n", " ")
