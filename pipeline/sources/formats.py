"""Which reader a file or archive member goes to, by its name (content decides within JSON)."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Literal

Format = Literal["zip", "tar", "compressed", "jsonl", "json", "csv", "xml", "document"]

DOCUMENT_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".xhtml", ".txt", ".md", ".text"})
"""What `pipeline.ingest.read_document` can read."""
_TAR_ENDINGS = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_BY_SUFFIX: dict[str, Format] = {
    ".zip": "zip",
    ".gz": "compressed",
    ".bz2": "compressed",
    ".xz": "compressed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".xml": "xml",
}


def format_of(name: str) -> Format | None:
    """The reader for `name`, None when nothing here reads it."""
    lower = name.lower()
    if lower.endswith(_TAR_ENDINGS):
        return "tar"
    suffix = PurePosixPath(lower).suffix
    if suffix in DOCUMENT_SUFFIXES:
        return "document"
    return _BY_SUFFIX.get(suffix)


def supported_suffixes() -> str:
    """For 'unsupported_type' messages."""
    return ", ".join(sorted({*DOCUMENT_SUFFIXES, *_BY_SUFFIX, *_TAR_ENDINGS}))
