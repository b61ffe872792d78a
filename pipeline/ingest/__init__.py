"""Turn an input file (PDF, HTML, text) into page-aware plain text plus what its container says about it.

Entry point: `read_document(data, path)`. Each format lives in its own module; the sidecar
`<file>.meta.json` is applied last so that it overrides whatever was detected.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class IngestError(Exception):
    """An input that cannot be turned into text; `code` is short and stable (`encrypted`, `corrupt`...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class SourceDocument:
    """Extracted text and metadata of one input file, before any entity extraction."""

    path: str
    """Path relative to the input root, posix style."""
    media_type: str
    text: str
    page_starts: list[int] = field(default_factory=list)
    """Offset in `text` where each page begins; empty for unpaged formats."""
    pages: int | None = None
    title: str | None = None
    published: str | None = None
    """ISO date the document was published (news) or signed/filed, when the container says."""
    url: str | None = None
    kind: str | None = None
    """Kind stated by a sidecar; otherwise detected later from the text."""
    filed: str | None = None
    docket: str | None = None
    document_number: str | None = None
    warnings: list[str] = field(default_factory=list)
