"""One line of `holdings.jsonl`: what a court decided, with the sentences that say so."""

from typing import Literal

from docketflow.models.common import DATE_PATTERN, SCHEMA_VERSION, SCHEMA_VERSION_DESCRIPTION, Evidence, Record
from pydantic import Field

Motion = Literal[
    "preliminary_injunction", "temporary_restraining_order", "motion_to_dismiss",
    "summary_judgment", "stay", "appeal", "other",
]
Disposition = Literal[
    "granted", "denied", "granted_in_part", "affirmed", "reversed", "vacated",
    "remanded", "dismissed", "stayed", "modified", "other",
]
Effect = Literal["permitted", "barred", "limited"]


class Holding(Record):
    """A decision a court made, as the document reports it."""

    schema_version: Literal[3] = Field(default=SCHEMA_VERSION, description=SCHEMA_VERSION_DESCRIPTION)
    id: str = Field(description="stable id of the holding (the same inputs give the same id)")
    doc_id: str = Field(description="id (sha256) of the document in documents.jsonl that reports the holding")
    court: str | None = Field(default=None, description="courts-db id of the deciding court ('cand', 'ca9')")
    court_name: str | None = Field(default=None, description="courts-db's name of `court`")
    judge: str | None = Field(default=None, description="the judge who decided, full name as the document gives it")
    case_name: str | None = Field(default=None, description="the case's name as its caption or the report gives it")
    docket: str | None = Field(default=None, description="docket number of the case, as printed")
    decided: str | None = Field(default=None, pattern=DATE_PATTERN, description="date of the decision, ISO")
    motion: Motion | None = Field(default=None, description="what was asked of the court")
    disposition: Disposition | None = Field(default=None, description="what the court did with it")
    effect: Effect | None = Field(default=None, description="the decision's effect on the data sharing at issue, "
                                  "if any")
    agencies: list[str] = Field(default_factory=list, description="keys of the agencies the holding names "
                                "(agencies.tsv keys, acronym-style)")
    agency_names: dict[str, str] = Field(default_factory=dict, description="name of each key of `agencies` that "
                                         "has one: {key: name}, from the agency gazetteer, else as printed")
    data_permitted: list[str] = Field(default_factory=list, description="data category keys the decision lets "
                                      "through")
    data_barred: list[str] = Field(default_factory=list, description="data category keys the decision bars")
    data_category_labels: dict[str, str] = Field(
        default_factory=dict, description="meaning of each key of `data_permitted` and `data_barred`: {key: meaning}")
    statutes: list[str] = Field(default_factory=list, description="statutes the holding rests on "
                                "('5 U.S.C. § 552a', 'Privacy Act')")
    effective: str | None = Field(default=None, pattern=DATE_PATTERN, description="when the decision takes "
                                  "effect, if the document says, ISO")
    agreement: str | None = Field(default=None, description="id of the agreement in agreements.jsonl it bears on")
    decision: str | None = Field(default=None, description="id of the decision (in cases.jsonl) this holding "
                                 "reports: one act of one court on one day, however many documents report it")
    case: str | None = Field(default=None, description="id of the case in cases.jsonl the decision belongs to")
    evidence: list[Evidence] = Field(default_factory=list, description="the sentences that support its fields")
    confidence: float = Field(ge=0.0, le=1.0, description="0-1, from the cue's strength and how many fields "
                              "were found")
