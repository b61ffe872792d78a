"""A document's structure (caption, title, author line, signature) is read once: telling its kind reads it, and
the components and record builders use that reading (issue 24: reading it twice cost ~5% of a run)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docketflow.extractors import kind, structure
from docketflow.pipeline.process import process_batch
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import iter_sources

ORDER = """UNITED STATES DISTRICT COURT
DISTRICT OF NOWHERE

PAXTON WHEELWRIGHT, Plaintiff,
v.
BUREAU OF LEDGERS, Defendant.

Case No. 1:24-cv-00999

ORDER DENYING MOTION TO DISMISS

The Bureau asks that the claims be dismissed. That request is DENIED.

SO ORDERED.
Entered: March 3, 2024
"""
NEWS = "A judge in Nowhere on Monday let the Bureau of Ledgers keep its files. The ruling was brief.\n"


@pytest.mark.parametrize(("name", "text", "reads"), [
    ("order.txt", ORDER, 1),  # read to tell the kind, then reused
    ("note.txt", NEWS, 1),
])
def test_each_document_is_read_for_structure_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                                                  text: str, reads: int) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    calls: list[int] = []
    real = structure.read_structure

    def counted(text: str) -> structure.Structure:
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(structure, "read_structure", counted)
    monkeypatch.setattr(kind, "read_structure", counted)
    settings = RunSettings(inputs=(tmp_path,), out=tmp_path / "out")
    result = process_batch(list(iter_sources(settings)), settings)
    assert result.outcomes[0].document is not None
    assert len(calls) == reads


def test_a_stated_kind_leaves_the_structure_to_the_pipeline() -> None:
    assert kind.read_kind(ORDER, "court_order") == ("court_order", None)
    found, read = kind.read_kind(ORDER)
    assert found == "court_order" and read == structure.read_structure(ORDER)
