"""texts.jsonl.gz is one gzip member per document, made when the document is saved and copied at publishing:
every gzip reader reads it as one stream, and a state kept before members still publishes its texts."""

from __future__ import annotations

import gzip
import json
import sqlite3
import zlib
from pathlib import Path

import pytest
from docketflow.pipeline.flow import run
from docketflow.pipeline.output import TEXTS_FILE, text_member
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.store import STATE_FILE

NOTES = {
    "a.txt": "A federal judge in Ohio ruled Wednesday that the Mint may send payroll files to the Census Bureau.\n",
    "b.txt": "The Patent Office said Tuesday it would stop sharing filings with the Weather Service.\n",
    "c.txt": "Café owners in Nevada asked the Census Bureau – again – to publish its rules.\n",
}


def _run(inputs: Path, out: Path) -> None:
    run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=False, force=True))


def _texts(out: Path) -> dict[str, str]:
    with gzip.open(out / TEXTS_FILE, "rt", encoding="utf-8") as lines:
        return {row["doc_id"]: row["text"] for row in map(json.loads, lines)}


@pytest.fixture
def published(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, text in NOTES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    _run(inputs, tmp_path / "out")
    return tmp_path / "out"


def test_a_member_is_the_documents_line_and_the_same_text_gives_the_same_bytes() -> None:
    member = text_member("d1", "Text with “quotes” and a lone \udcff surrogate")
    line = gzip.decompress(member).decode("utf-8")
    assert line.endswith("\n") and json.loads(line)["doc_id"] == "d1"
    assert json.loads(line)["text"].startswith("Text with “quotes”")
    assert member == text_member("d1", "Text with “quotes” and a lone \udcff surrogate")


def test_every_document_text_reads_back_as_one_stream(published: Path) -> None:
    texts = _texts(published)
    assert sorted(texts.values()) == sorted(NOTES.values())
    raw = (published / TEXTS_FILE).read_bytes()
    assert raw.count(b"\x1f\x8b\x08") >= len(NOTES)  # a member per document
    documents = [json.loads(line)["doc_id"] for line in (published / "documents.jsonl").open()]
    assert list(texts) == documents  # in the documents' order


def test_columnar_readers_read_the_members(published: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    rows = duckdb.sql(f"SELECT doc_id, text FROM read_json('{published / TEXTS_FILE}', "
                      "format='newline_delimited')").fetchall()
    assert dict(rows) == _texts(published)


def test_an_output_without_documents_has_an_empty_gzip_stream(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _run(tmp_path / "in", tmp_path / "out")
    assert gzip.decompress((tmp_path / "out" / TEXTS_FILE).read_bytes()) == b""


def test_texts_kept_zlib_compressed_by_an_earlier_version_are_published(published: Path) -> None:
    """A state written before members were kept holds each text zlib-compressed: the next run that publishes
    makes the member from it."""
    before = _texts(published)
    with sqlite3.connect(published / STATE_FILE) as db:
        rows = db.execute("SELECT input, doc_id FROM items WHERE document IS NOT NULL").fetchall()
        for key, doc_id in rows:
            db.execute("UPDATE items SET text = ? WHERE input = ?", (zlib.compress(before[doc_id].encode()), key))
    inputs = published.parent / "in"
    run(RunSettings(inputs=(inputs,), out=published, progress=False, orchestration="off", isolate=False))
    assert _texts(published) == before
