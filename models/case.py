"""One line of `cases.jsonl`: a litigation across its courts, and the decisions made in it.

A decision is one act of one court on one day; the court's own order and every article or later opinion
that reports it are holdings of it. A case groups the decisions of one litigation (a district court's
order, the appeal from it, a stay application to the Supreme Court) through the numbers and names the
documents give.
"""

from typing import Literal

from docketflow.models.common import DATE_PATTERN, SCHEMA_VERSION, Evidence, Record
from docketflow.models.holding import Disposition, Effect, Motion
from pydantic import Field


class Decision(Record):
    """One act of one court on one day, with the best-supported value of each field: what the court's own
    document says, else what most reports of it say."""

    id: str
    court: str | None = None
    judge: str | None = None
    date: str | None = Field(default=None, pattern=DATE_PATTERN)
    motion: Motion | None = None
    disposition: Disposition | None = None
    effect: Effect | None = Field(default=None, description="on the data sharing at issue: the decision's own, "
                                  "or, for an appeal or stay that states none, what it leaves of the order below")
    dockets: list[str] = Field(default_factory=list, description="numbers its documents give the case, as printed")
    agreements: list[str] = Field(default_factory=list, description="ids of the agreements it bears on")
    holdings: list[str] = Field(min_length=1, description="ids of the holdings that report it, the court's own first")
    doc_ids: list[str] = Field(min_length=1)
    evidence: list[Evidence] = Field(default_factory=list, description="the evidence of every holding")


class Case(Record):
    """A litigation: its numbers, courts, parties and decisions, oldest first."""

    schema_version: Literal[3] = SCHEMA_VERSION
    id: str
    name: str | None = None
    dockets: list[str] = Field(default_factory=list, description="every number of the case, trial and appeal")
    courts: list[str] = Field(default_factory=list)
    agencies: list[str] = Field(default_factory=list)
    agreements: list[str] = Field(default_factory=list)
    decisions: list[Decision] = Field(min_length=1)
    status: Effect | None = Field(default=None, description="the effect of its latest decision that has one")
