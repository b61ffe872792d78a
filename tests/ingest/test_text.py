"""Plain-text decoding: UTF-8 with/without BOM, UTF-16 BOM, detected and fallback encodings."""

from __future__ import annotations

import codecs

import pytest
from docketflow.pipeline.ingest import read_document
from docketflow.pipeline.ingest.text import decode

SAMPLE = "The court’s order — “granted in part” — takes effect on Monday.\nSección 2 applies.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    doc = read_document(data, "notes/order.txt")
    assert doc.text == SAMPLE
    assert doc.encoding == encoding
    assert doc.warnings == []
    assert doc.media_type == "text/plain" and doc.page_starts == [] and doc.pages is None


def test_undetectable_bytes_fall_back_to_latin1_with_warning() -> None:
    text, encoding, warnings = decode(bytes(range(0x80, 0x100)))
    assert encoding == "latin-1"
    assert text == bytes(range(0x80, 0x100)).decode("latin-1")
    assert warnings and warnings[0].startswith("encoding:")


def test_non_latin_legacy_encoding_is_detected() -> None:
    russian = "Суд постановил удовлетворить ходатайство частично. Решение вступает в силу."
    text, encoding, _ = decode(russian.encode("cp1251"))
    assert text == russian and encoding == "cp1251"


def test_line_ends_are_normalised_and_nul_bytes_removed() -> None:
    doc = read_document(b"first\r\nsecond\rthird\x00\x00\n", "a.md")
    assert doc.text == "first\nsecond\nthird\n"
    assert doc.media_type == "text/markdown"
    assert doc.warnings == ["nul_bytes: removed 2 NUL characters"]


def test_text_is_otherwise_kept_as_is() -> None:
    raw = "  indented\n\n\ttabbed   spaces  \n"
    assert read_document(raw.encode(), "a.txt").text == raw


def test_stamp_in_plain_text_fills_docket_fields() -> None:
    raw = "Case 3:25-cv-04127-RFL Document 41 Filed 10/14/25 Page 1 of 3\nORDER\n"
    doc = read_document(raw.encode(), "pasted.txt")
    assert (doc.docket, doc.document_number, doc.filed) == ("3:25-cv-04127-RFL", "41", "2025-10-14")
    assert doc.text == raw


def test_empty_text_warns() -> None:
    assert read_document(b"", "empty.txt").warnings == ["empty: no text extracted"]
