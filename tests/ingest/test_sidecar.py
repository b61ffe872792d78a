"""Sidecars override what was detected from the file, and broken ones are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docketflow.pipeline.ingest import IngestError, is_sidecar, read_document, read_sidecar

HTML = (
    b'<html><head><meta property="og:title" content="Detected title">'
    b'<meta property="article:published_time" content="2025-01-02"></head><body><p>Text.</p></body></html>'
)


def test_sidecar_overrides_detected_values(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_bytes(HTML)
    (tmp_path / "story.html.meta.json").write_text(
        json.dumps(
            {
                "published": "April 8, 2025",
                "title": "Given title",
                "kind": "news",
                "url": "https://news.example/story",
                "extra": "ignored",
            }
        )
    )
    sidecar = read_sidecar(page)
    doc = read_document(page.read_bytes(), "story.html", sidecar=sidecar)
    assert (doc.title, doc.published, doc.kind, doc.url) == (
        "Given title",
        "2025-04-08",
        "news",
        "https://news.example/story",
    )
    assert doc.warnings == []


def test_missing_sidecar_is_none(tmp_path: Path) -> None:
    assert read_sidecar(tmp_path / "nothing.txt") is None


def test_invalid_sidecar_values_are_ignored_with_warnings() -> None:
    doc = read_document(HTML, "a.html", sidecar={"published": "someday", "kind": "blog", "title": 7})
    assert (doc.title, doc.published, doc.kind) == ("Detected title", "2025-01-02", None)
    assert len(doc.warnings) == 3 and all(w.startswith("sidecar:") for w in doc.warnings)


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe{"])
def test_unreadable_sidecar_raises(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "a.txt.meta.json").write_bytes(content)
    with pytest.raises(IngestError) as caught:
        read_sidecar(tmp_path / "a.txt")
    assert caught.value.code == "sidecar"


def test_sidecar_files_are_recognised() -> None:
    assert is_sidecar(Path("raw/news.html.meta.json"))
    assert not is_sidecar(Path("raw/news.html"))
