"""One line of `agreements.jsonl`: an arrangement under which one agency gives another personal data."""

from typing import Literal

from docketflow.models.common import DATE_PATTERN, SCHEMA_VERSION, Evidence, Record
from pydantic import Field

Instrument = Literal[
    "memorandum_of_understanding", "computer_matching_agreement", "routine_use", "data_access", "policy",
    "contract", "other",
]
Purpose = Literal["immigration_enforcement", "criminal_enforcement", "benefits_administration", "other"]
Status = Literal["in_effect", "enjoined", "limited", "proposed", "terminated"]


Effect = Literal["permitted", "barred", "limited"]


class HistoryEntry(Record):
    """A dated decision that bears on an agreement: what a court did to it, and when."""

    date: str | None = Field(default=None, pattern=DATE_PATTERN)
    holding: str = Field(description="id of the holding in holdings.jsonl: the decision's own order when "
                         "the run has it, else one report of it")
    decision: str | None = Field(default=None, description="id of the decision in cases.jsonl")
    court: str | None = None
    effect: Effect | None = None


class SourceStatus(Record):
    """What one document says of an agreement's standing, as of that document's date."""

    doc_id: str
    date: str | None = Field(default=None, pattern=DATE_PATTERN, description="the document's own date")
    status: Status | None = None


class Agreement(Record):
    """A data-sharing agreement, merged across every document that mentions it."""

    schema_version: Literal[3] = SCHEMA_VERSION
    id: str
    doc_ids: list[str] = Field(min_length=1)
    instrument: Instrument | None = None
    providers: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    data_categories: list[str] = Field(default_factory=list)
    purpose: Purpose | None = None
    legal_basis: list[str] = Field(default_factory=list)
    signed: str | None = Field(default=None, pattern=DATE_PATTERN)
    effective: str | None = Field(default=None, pattern=DATE_PATTERN, description="when it takes or took effect")
    expires: str | None = Field(default=None, pattern=DATE_PATTERN, description="end of its stated term")
    status: Status | None = None
    history: list[HistoryEntry] = Field(default_factory=list, description="dated decisions bearing on it, oldest first")
    sources: list[SourceStatus] = Field(
        default_factory=list, description="the status each document reports as of its own date, oldest first")
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
