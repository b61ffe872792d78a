"""One line of `cases.jsonl`: a litigation across its courts, and the decisions made in it.

A decision is one act of one court on one day; the court's own order and every article or later opinion
that reports it are holdings of it. A case groups the decisions of one litigation (a district court's
order, the appeal from it, a stay application to the Supreme Court) through the numbers and names the
documents give.
"""

from typing import Literal

from docketflow.models.common import DATE_PATTERN, SCHEMA_VERSION, SCHEMA_VERSION_DESCRIPTION, Evidence, Record
from docketflow.models.holding import Disposition, Effect, Motion
from pydantic import Field


class Decision(Record):
    """One act of one court on one day, with the best-supported value of each field: what the court's own
    document says, else what most reports of it say."""

    id: str = Field(description="stable id of the decision (the same inputs give the same id)")
    court: str | None = Field(default=None, description="courts-db id of the deciding court")
    court_name: str | None = Field(default=None, description="courts-db's name of `court`")
    judge: str | None = Field(default=None, description="the judge who decided, full name")
    date: str | None = Field(default=None, pattern=DATE_PATTERN, description="the day of the decision, ISO")
    motion: Motion | None = Field(default=None, description="what was asked of the court")
    disposition: Disposition | None = Field(default=None, description="what the court did with it")
    effect: Effect | None = Field(default=None, description="on the data sharing at issue: the decision's own, "
                                  "or, for an appeal or stay that states none, what it leaves of the order below")
    dockets: list[str] = Field(default_factory=list, description="numbers its documents give the case, as printed")
    agreements: list[str] = Field(default_factory=list, description="ids of the agreements it bears on")
    holdings: list[str] = Field(min_length=1, description="ids of the holdings that report it, the court's own first")
    doc_ids: list[str] = Field(min_length=1, description="ids (sha256) of the documents that report it")
    evidence: list[Evidence] = Field(default_factory=list, description="the evidence of every holding")


class Case(Record):
    """A litigation: its numbers, courts, parties and decisions, oldest first."""

    schema_version: Literal[3] = Field(default=SCHEMA_VERSION, description=SCHEMA_VERSION_DESCRIPTION)
    id: str = Field(description="stable id of the case (the same inputs give the same id)")
    name: str | None = Field(default=None, description="the case's name as its documents give it")
    dockets: list[str] = Field(default_factory=list, description="every number of the case, trial and appeal")
    courts: list[str] = Field(default_factory=list, description="courts-db ids of its courts, in the order the "
                              "case reached them")
    court_names: dict[str, str] = Field(default_factory=dict, description="courts-db's name of each id of "
                                        "`courts`: {id: name}")
    agencies: list[str] = Field(default_factory=list, description="keys of the agencies its holdings name")
    agency_names: dict[str, str] = Field(default_factory=dict, description="name of each key of `agencies` that "
                                         "has one: {key: name}")
    agreements: list[str] = Field(default_factory=list, description="ids of the agreements its decisions bear on")
    decisions: list[Decision] = Field(min_length=1, description="its decisions, oldest first")
    status: Effect | None = Field(default=None, description="the effect of its latest decision that has one")
