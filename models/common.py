"""Pieces shared by every record type: the contract version and evidence spans."""

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[3] = 3
SCHEMA_VERSION_DESCRIPTION = "version of the output contract the record follows (SCHEMA.md)"
"""Bumped whenever a field named in SCHEMA.md changes meaning or shape."""

DATE_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$"

SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: what a JSON escape like "\\udcff" may put in a string, and no UTF-8 file can hold."""


def writable(text: str) -> str:
    """`text` with each lone surrogate spelled as its escape (the six characters `\\udcff`), so that it can
    be written as UTF-8; any other text is returned as it is."""
    if text.isascii() or SURROGATE.search(text) is None:
        return text
    return SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


class Record(BaseModel):
    """Base of every output line: strict about unknown fields so the schema stays honest."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Record):
    """A stretch of a document's extracted text that supports a record's fields."""

    doc_id: str = Field(description="id (sha256) of the document in documents.jsonl whose text holds the span")
    start: int = Field(ge=0, description="character offset where the span starts in the document's text "
                       "(texts.jsonl.gz)")
    end: int = Field(ge=0, description="character offset just past the span's end")
    page: int | None = Field(default=None, ge=1, description="1-based page the span starts on, for paged formats")
    text: str = Field(description="the span itself: document_text[start:end]")
    supports: list[str] = Field(default_factory=list, description="record fields this span supports")
