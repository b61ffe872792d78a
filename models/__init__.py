"""Pydantic models of every record docketflow writes; the JSON Schema files are generated from them."""

from docketflow.models.agreement import Agreement, HistoryEntry, SourceStatus
from docketflow.models.case import Case, Decision
from docketflow.models.common import SCHEMA_VERSION, Evidence
from docketflow.models.document import Document, Entity, Part, Source
from docketflow.models.errors import ErrorRecord
from docketflow.models.holding import Holding
from docketflow.models.schema import RECORD_MODELS, json_schemas

__all__ = [
    "RECORD_MODELS",
    "SCHEMA_VERSION",
    "Agreement",
    "Case",
    "Decision",
    "Document",
    "Entity",
    "ErrorRecord",
    "Evidence",
    "HistoryEntry",
    "Holding",
    "Part",
    "Source",
    "SourceStatus",
    "json_schemas",
]
