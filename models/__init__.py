"""Pydantic models of every record docketflow writes; the JSON Schema files are generated from them."""

from models.agreement import Agreement, HistoryEntry
from models.common import SCHEMA_VERSION, Evidence
from models.document import Document, Entity, Part, Source
from models.errors import ErrorRecord
from models.holding import Holding
from models.schema import RECORD_MODELS, json_schemas

__all__ = [
    "RECORD_MODELS",
    "SCHEMA_VERSION",
    "Agreement",
    "Document",
    "Entity",
    "ErrorRecord",
    "Evidence",
    "HistoryEntry",
    "Holding",
    "Part",
    "Source",
    "json_schemas",
]
