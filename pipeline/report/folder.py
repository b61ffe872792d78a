"""Read an output folder for the report without holding every document in memory.

Records (holdings, agreements, cases, errors) are small and are loaded whole. Documents are read twice
instead: once for a compact index, and once more, by byte offset, for the entities of each document whose
text goes into the page, so memory stays flat however many documents the run had.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docketflow.pipeline.output import TEXTS_FILE


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines file; a missing file is an empty one (older outputs lack some files)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


@dataclass
class OutputFolder:
    """The records of one run, plus seekable access to its documents and streamed access to its texts."""

    path: Path
    run: dict[str, Any]
    holdings: list[dict[str, Any]]
    agreements: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    cases: list[dict[str, Any]] | None = None
    """Records of cases.jsonl; None for an output written before it existed (schema_version < 3), which the
    page tells apart from a run that found no case."""
    offsets: dict[str, int] = field(default_factory=dict)
    """Byte offset of each document's line in documents.jsonl, by doc_id."""

    @classmethod
    def open(cls, path: Path) -> OutputFolder:
        if not (path / "documents.jsonl").exists():
            raise FileNotFoundError(f"{path} is not a docketflow output folder (no documents.jsonl)")
        run_file = path / "run.json"
        cases_file = path / "cases.jsonl"
        return cls(
            path=path,
            run=json.loads(run_file.read_text(encoding="utf-8")) if run_file.exists() else {},
            holdings=list(iter_jsonl(path / "holdings.jsonl")),
            agreements=list(iter_jsonl(path / "agreements.jsonl")),
            errors=list(iter_jsonl(path / "errors.jsonl")),
            cases=list(iter_jsonl(cases_file)) if cases_file.exists() else None,
        )

    @property
    def has_texts(self) -> bool:
        return (self.path / TEXTS_FILE).exists()

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        """Every document record, remembering where each one starts so `document()` can come back to it."""
        with (self.path / "documents.jsonl").open("rb") as fh:
            while True:
                offset = fh.tell()
                line = fh.readline()
                if not line:
                    return
                if line.strip():
                    record = json.loads(line)
                    self.offsets[record["doc_id"]] = offset
                    yield record

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document record, read again from its offset (after `iter_documents` has passed it)."""
        with (self.path / "documents.jsonl").open("rb") as fh:
            fh.seek(self.offsets[doc_id])
            return json.loads(fh.readline())

    def iter_texts(self) -> Iterator[tuple[str, str]]:
        """(doc_id, text) pairs from texts.jsonl.gz, one at a time."""
        if not self.has_texts:
            return
        with gzip.open(self.path / TEXTS_FILE, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    yield record["doc_id"], record["text"]
