"""PDF ingest on generated pleading-paper documents (see tests/fixtures/pdf_fixtures.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docketflow.pipeline.ingest import IngestError, read_document

from tests.fixtures.pdf_fixtures import Row, pleading_pdf, text_rows, write

STAMP = "Case 3:25-cv-09911-ABC Document 17 Filed 03/04/25 Page {page} of {pages}"
LEGEND = ("United States District Court", "Northern District of California")
PAGE_ONE = [
    Row("UNITED STATES DISTRICT COURT", align="center"),
    Row("NORTHERN DISTRICT OF CALIFORNIA", align="center"),
    Row("RIVER VALLEY TENANTS UNION,", right="Case No. 3:25-cv-09911-ABC"),
    Row("Plaintiff,", indent=72),
    Row("v.", indent=36, right="ORDER DENYING MOTION TO DISMISS"),
    Row("CITY OF MARLOWE,"),
    Row("Defendant.", indent=72),
    Row("The city asks the court to dismiss the complaint for lack of stand-"),
    Row("ing. The tenants allege that the city shared their rent records with a"),
    Row("5 U.S.C. § 552a appears here only to start a body line with a number."),
]
PAGE_TWO = text_rows(["The motion to dismiss is DENIED.", "IT IS SO ORDERED.", "Dated: March 4, 2025"])


def _read(data: bytes, name: str = "order.pdf", **options: object):
    return read_document(data, name, **options)


@pytest.fixture(scope="module")
def order_pdf() -> bytes:
    return pleading_pdf([PAGE_ONE, PAGE_TWO], stamp=STAMP, legend=LEGEND)


def test_margins_stamps_and_page_numbers_leave_the_body(order_pdf: bytes) -> None:
    doc = _read(order_pdf)
    assert doc.pages == 2
    assert not re.search(r"(?m)^\s*\d{1,2}\s*$", doc.text), doc.text
    assert "Document 17" not in doc.text
    assert "United States District Court" not in doc.text  # the sideways margin legend
    assert doc.text.startswith("UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF CALIFORNIA\n")
    assert "RIVER VALLEY TENANTS UNION, Case No. 3:25-cv-09911-ABC" in doc.text
    assert "5 U.S.C. § 552a appears here" in doc.text
    assert doc.warnings == []


def test_stamp_is_parsed_into_fields(order_pdf: bytes) -> None:
    doc = _read(order_pdf)
    assert (doc.docket, doc.document_number, doc.filed) == ("3:25-cv-09911-ABC", "17", "2025-03-04")


def test_word_hyphenated_at_line_end_is_rejoined(order_pdf: bytes) -> None:
    doc = _read(order_pdf)
    assert "lack of standing. The tenants" in doc.text.replace("\n", " ")
    assert "stand-" not in doc.text


def test_page_starts_point_at_each_page(order_pdf: bytes) -> None:
    doc = _read(order_pdf)
    assert doc.page_starts[0] == 0
    second = doc.page_starts[1]
    assert doc.text[second:].startswith("The motion to dismiss is DENIED.")
    assert doc.text[:second].endswith("\n\n")
    assert doc.page_of(doc.text.index("DENIED")) == 2
    assert doc.page_of(doc.text.index("CITY OF MARLOWE")) == 1


def test_pdfplumber_engine_gives_the_same_cleanup(order_pdf: bytes) -> None:
    doc = _read(order_pdf, pdf_engine="pdfplumber")
    assert doc.docket == "3:25-cv-09911-ABC"
    assert not re.search(r"(?m)^\s*\d{1,2}\s*$", doc.text), doc.text
    assert "Document 17" not in doc.text and "United States District Court" not in doc.text
    assert "standing" in doc.text and "The motion to dismiss is DENIED." in doc.text


def test_unknown_engine_is_rejected(order_pdf: bytes) -> None:
    with pytest.raises(ValueError, match="pdf engine"):
        _read(order_pdf, pdf_engine="tesseract")


def test_running_header_is_removed_but_caption_kept() -> None:
    findings = [
        "The lease was renewed.",
        "Rent records were sent to the county.",
        "No notice was given.",
        "The tenants objected in writing.",
    ]
    pages = [[Row(f"MARLOWE TENANTS v. CITY OF MARLOWE - {n}"), Row(text)] for n, text in enumerate(findings, 1)]
    pages[0][:0] = [Row("UNITED STATES DISTRICT COURT", align="center")]
    doc = _read(pleading_pdf(pages))
    assert "MARLOWE TENANTS v. CITY" not in doc.text
    assert doc.text.startswith("UNITED STATES DISTRICT COURT\nThe lease was renewed.")
    assert all(text in doc.text for text in findings)


def test_image_only_page_gets_needs_ocr_and_keeps_stamp(tmp_path: Path) -> None:
    data = pleading_pdf([PAGE_ONE, PAGE_TWO], stamp=STAMP, image_only_pages=[1])
    path = write(tmp_path / "scan.pdf", data)
    doc = read_document(path.read_bytes(), "in/scan.pdf")
    assert [w for w in doc.warnings if w.startswith("needs_ocr")] == [
        "needs_ocr: 1 of 2 pages have no usable text layer (no text layer; pages 1)"
    ]
    assert doc.docket == "3:25-cv-09911-ABC"  # the stamp is text even on the scanned page
    assert "The motion to dismiss is DENIED." in doc.text


def test_fully_scanned_pdf_is_never_silently_empty() -> None:
    doc = _read(pleading_pdf([PAGE_ONE, PAGE_TWO], image_only_pages=[1, 2]))
    assert doc.text == "\n\n"
    assert doc.warnings and doc.warnings[0].startswith("needs_ocr: 2 of 2 pages")


def test_blank_pdf_without_images_warns() -> None:
    doc = _read(pleading_pdf([[]], page_numbers=False))
    assert any(w.startswith("needs_ocr") for w in doc.warnings)


def test_encrypted_pdf_raises() -> None:
    with pytest.raises(IngestError) as caught:
        _read(pleading_pdf([PAGE_TWO], encrypt="pw"))
    assert caught.value.code == "encrypted"
    assert "\n" not in str(caught.value)


def test_encrypted_pdf_raises_with_pdfplumber() -> None:
    with pytest.raises(IngestError) as caught:
        _read(pleading_pdf([PAGE_TWO], encrypt="pw"), pdf_engine="pdfplumber")
    assert caught.value.code == "encrypted"


@pytest.mark.parametrize("engine", ["auto", "pdfplumber"])
def test_corrupt_pdf_raises(engine: str) -> None:
    data = pleading_pdf([PAGE_TWO])
    with pytest.raises(IngestError) as caught:
        _read(b"%PDF-1.4\n" + data[len(data) // 2 :][:200], pdf_engine=engine)
    assert caught.value.code == "corrupt"


def test_pdf_is_recognised_by_magic_bytes_whatever_its_name(order_pdf: bytes) -> None:
    assert _read(order_pdf, "misnamed.txt").media_type == "application/pdf"
