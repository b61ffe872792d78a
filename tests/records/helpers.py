"""Run the whole extraction on a short passage and return its records, as a test reads them."""

from __future__ import annotations

from datetime import date

from docketflow.extractors.nlp import build_nlp
from docketflow.extractors.records import AgreementBook, DocumentRecords, build_records
from docketflow.extractors.spans import DocContext
from docketflow.models import Agreement


def records_of(text: str, kind: str, published: str | None = None, doc_id: str = "d" * 64) -> DocumentRecords:
    """Holdings and agreements of `text` treated as a document `doc_id` of `kind` dated `published`."""
    nlp = build_nlp()
    doc = nlp.make_doc(text)
    doc._.docketflow = DocContext(anchor_date=date.fromisoformat(published) if published else None, kind=kind)
    doc = nlp(doc)
    return build_records(doc, doc_id, kind, published)


def fields(record: object, names: list[str]) -> dict[str, object]:
    """The named fields of a record, set fields as sets (order is not part of the contract)."""
    out = {}
    for name in names:
        value = getattr(record, name)
        out[name] = set(value) if isinstance(value, list) else value
    return out


def merged_agreements(texts: list[str], kind: str, published: str) -> list[Agreement]:
    """The agreement records of several documents (one per text) merged as a run merges them."""
    book = AgreementBook()
    for i, text in enumerate(texts):
        for agreement in records_of(text, kind, published, doc_id=str(i) * 64).agreements:
            book.add(agreement)
    return book.records()
