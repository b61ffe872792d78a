"""One line of `agreements.jsonl`: an arrangement under which one agency gives another personal data."""

from typing import Literal

from docketflow.models.common import DATE_PATTERN, SCHEMA_VERSION, SCHEMA_VERSION_DESCRIPTION, Evidence, Record
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

    date: str | None = Field(default=None, pattern=DATE_PATTERN, description="date of the decision, ISO")
    holding: str = Field(description="id of the holding in holdings.jsonl: the decision's own order when "
                         "the run has it, else one report of it")
    decision: str | None = Field(default=None, description="id of the decision in cases.jsonl")
    court: str | None = Field(default=None, description="courts-db id of the deciding court")
    court_name: str | None = Field(default=None, description="courts-db's name of `court`")
    effect: Effect | None = Field(default=None, description="the decision's effect on the agreement's data sharing")


class SourceStatus(Record):
    """What one document says of an agreement's standing, as of that document's date."""

    doc_id: str = Field(description="id (sha256) of the document in documents.jsonl")
    date: str | None = Field(default=None, pattern=DATE_PATTERN, description="the document's own date")
    status: Status | None = Field(default=None, description="the agreement's status as the document gives it")


class Agreement(Record):
    """A data-sharing agreement, merged across every document that mentions it."""

    schema_version: Literal[3] = Field(default=SCHEMA_VERSION, description=SCHEMA_VERSION_DESCRIPTION)
    id: str = Field(description="stable id of the agreement (the same inputs give the same id)")
    doc_ids: list[str] = Field(min_length=1, description="ids (sha256) of every document that describes it")
    instrument: Instrument | None = Field(default=None, description="the kind of arrangement")
    providers: list[str] = Field(default_factory=list, description="keys of the agencies that give the data "
                                 "(agencies.tsv keys, acronym-style; state agencies as slugs)")
    provider_names: dict[str, str] = Field(default_factory=dict, description="name of each key of `providers` "
                                           "that has one: {key: name}, from the agency gazetteer, else as printed")
    recipients: list[str] = Field(default_factory=list, description="keys of the agencies that receive the data")
    recipient_names: dict[str, str] = Field(default_factory=dict, description="name of each key of `recipients` "
                                            "that has one: {key: name}")
    data_categories: list[str] = Field(default_factory=list, description="keys of the kinds of personal data "
                                       "shared (data_categories.tsv)")
    data_category_labels: dict[str, str] = Field(default_factory=dict, description="meaning of each key of "
                                                 "`data_categories`: {key: meaning}")
    purpose: Purpose | None = Field(default=None, description="what the data is shared for")
    legal_basis: list[str] = Field(default_factory=list, description="statutes the sharing rests on")
    signed: str | None = Field(default=None, pattern=DATE_PATTERN, description="when it was signed, ISO")
    effective: str | None = Field(default=None, pattern=DATE_PATTERN, description="when it takes or took effect")
    expires: str | None = Field(default=None, pattern=DATE_PATTERN, description="end of its stated term")
    status: Status | None = Field(default=None, description="its standing after the latest decision bearing on "
                                  "it, else as its documents give it")
    history: list[HistoryEntry] = Field(default_factory=list, description="dated decisions bearing on it, oldest first")
    sources: list[SourceStatus] = Field(
        default_factory=list, description="the status each document reports as of its own date, oldest first")
    evidence: list[Evidence] = Field(default_factory=list, description="the sentences that support its fields")
    confidence: float = Field(ge=0.0, le=1.0, description="0-1, from the cue's strength and how many fields "
                              "were found")
