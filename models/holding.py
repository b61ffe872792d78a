"""One line of `holdings.jsonl`: what a court decided, with the sentences that say so."""

from typing import Literal

from docketflow.models.common import DATE_PATTERN, SCHEMA_VERSION, Evidence, Record
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

    schema_version: Literal[3] = SCHEMA_VERSION
    id: str
    doc_id: str
    court: str | None = None
    judge: str | None = None
    case_name: str | None = None
    docket: str | None = None
    decided: str | None = Field(default=None, pattern=DATE_PATTERN)
    motion: Motion | None = None
    disposition: Disposition | None = None
    effect: Effect | None = None
    agencies: list[str] = Field(default_factory=list)
    data_permitted: list[str] = Field(default_factory=list)
    data_barred: list[str] = Field(default_factory=list)
    statutes: list[str] = Field(default_factory=list)
    effective: str | None = Field(default=None, pattern=DATE_PATTERN)
    agreement: str | None = None
    decision: str | None = Field(default=None, description="id of the decision (in cases.jsonl) this holding "
                                 "reports: one act of one court on one day, however many documents report it")
    case: str | None = Field(default=None, description="id of the case in cases.jsonl the decision belongs to")
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
