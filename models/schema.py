"""JSON Schema (draft 2020-12) for each record type, generated from the models."""

from typing import Any

from docketflow.models.agreement import Agreement
from docketflow.models.case import Case
from docketflow.models.document import Document
from docketflow.models.errors import ErrorRecord
from docketflow.models.holding import Holding
from pydantic import BaseModel

RECORD_MODELS: dict[str, type[BaseModel]] = {
    "document": Document,
    "holding": Holding,
    "agreement": Agreement,
    "case": Case,
    "error": ErrorRecord,
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """Schema per record name, each a standalone draft 2020-12 document."""
    out = {}
    for name, model in RECORD_MODELS.items():
        schema = model.model_json_schema(mode="serialization")
        out[name] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://docketflow.invalid/schema/{name}.schema.json",
            **schema,
        }
    return out
