"""Turn a processed document's entities and sentences into holdings and agreements records.

`build_records(doc, doc_id, kind, ...)` is the entry point; each module handles one part of the story:
`sentences` and `evidence` (where a record's support lies), `decisions` (decretal language of court
documents), `news_events` (the decisions a news report gives, each an event), `data_split` (which
data a decision lets through and which it bars), `appeals` (what an appellate decision does to the
sharing, through the order below it rules on), `agreements` (who gives whom which data, under
what), `parties` (the agency hierarchy), `merge` (one agreement record across documents).
"""

from docketflow.extractors.records.build import DocumentRecords, build_records
from docketflow.extractors.records.merge import AgreementBook

__all__ = ["AgreementBook", "DocumentRecords", "build_records"]
