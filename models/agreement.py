"""One line of `agreements.jsonl`: an arrangement under which one agency gives another personal data."""

from typing import Literal

from pydantic import Field

from models.common import DATE_PATTERN, SCHEMA_VERSION, Evidence, Record

Instrument = Literal["memorandum_of_understanding", "data_access", "policy", "contract", "other"]
Purpose = Literal["immigration_enforcement", "criminal_enforcement", "benefits_administration", "other"]
Status = Literal["in_effect", "enjoined", "limited", "proposed", "terminated"]


class Agreement(Record):
    """A data-sharing agreement, merged across every document that mentions it."""

    schema_version: Literal[1] = SCHEMA_VERSION
    id: str
    doc_ids: list[str] = Field(min_length=1)
    instrument: Instrument | None = None
    providers: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    data_categories: list[str] = Field(default_factory=list)
    purpose: Purpose | None = None
    legal_basis: list[str] = Field(default_factory=list)
    signed: str | None = Field(default=None, pattern=DATE_PATTERN)
    status: Status | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
