"""One line of `errors.jsonl`: an input the run could not process, and why."""

from typing import Literal

from docketflow.models.common import SCHEMA_VERSION, SCHEMA_VERSION_DESCRIPTION, Record
from pydantic import Field

Stage = Literal["discover", "read", "ingest", "extract", "records", "write"]


class ErrorRecord(Record):
    """Enough to find the input again and to see at a glance what went wrong."""

    schema_version: Literal[3] = Field(default=SCHEMA_VERSION, description=SCHEMA_VERSION_DESCRIPTION)
    path: str = Field(description="the input's path relative to its input root, posix (a member of an archive "
                      "or bulk file: the container's path, '!', the member's name)")
    sha256: str | None = Field(default=None, description="sha256 of the raw bytes, when they could be read")
    stage: Stage = Field(description="where processing stopped")
    error: str = Field(description="exception class name, or a short code such as 'too_large'")
    message: str = Field(description="one line")
