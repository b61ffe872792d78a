"""One line of `errors.jsonl`: an input the run could not process, and why."""

from typing import Literal

from docketflow.models.common import SCHEMA_VERSION, Record
from pydantic import Field

Stage = Literal["discover", "read", "ingest", "extract", "records", "write"]


class ErrorRecord(Record):
    """Enough to find the input again and to see at a glance what went wrong."""

    schema_version: Literal[3] = SCHEMA_VERSION
    path: str
    sha256: str | None = None
    stage: Stage
    error: str = Field(description="exception class name, or a short code such as 'too_large'")
    message: str = Field(description="one line")
