"""One line of `documents.jsonl`: a source document, its entities and the ids of its records."""

from typing import Any, Literal

from docketflow.models.common import SCHEMA_VERSION, Record
from pydantic import Field

Label = Literal["JUDGE", "COURT", "AGENCY", "STATUTE", "DATA_CATEGORY", "DATE", "CASE", "DOCKET"]
Kind = Literal["court_order", "opinion", "news", "federal_register_notice", "other"]
PartName = Literal["stamp", "caption", "title", "header", "author", "body", "separate_opinion", "decision", "signature"]


class Source(Record):
    """Where a document came from and what its container said about it."""

    path: str = Field(description="path relative to the input root, posix")
    media_type: str
    pages: int | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="publication or filing date, ISO")
    url: str | None = None
    bytes: int | None = None
    filed: str | None = Field(default=None, description="CM/ECF filed date from the header stamp, ISO")
    docket: str | None = Field(default=None, description="docket number from the CM/ECF header stamp")
    document_number: str | None = Field(
        default=None, description="CM/ECF document (docket entry) number, or a Federal Register FR Doc. number")
    fr_type: Literal["notice", "rule", "proposed_rule", "presidential_document"] | None = Field(
        default=None, description="the Register section a Federal Register bulk file prints the document in")
    court: str | None = Field(default=None, description="court as a bulk source (CourtListener, CAP) states it")


class Entity(Record):
    """A mention of something the schema names, with its normalized key."""

    label: Label
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1)
    key: str
    normalized: dict[str, Any] = Field(default_factory=dict)


class Part(Record):
    """One structural part of a court document, as character offsets into its text."""

    part: PartName
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    author: str | None = Field(default=None, description="a separate opinion's author")
    type: Literal["concurring", "dissenting", "concurring_and_dissenting"] | None = Field(
        default=None, description="a separate opinion's type"
    )


class Document(Record):
    """An input document as the pipeline read it."""

    schema_version: Literal[3] = SCHEMA_VERSION
    doc_id: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the raw bytes")
    source: Source
    kind: Kind
    text_chars: int = Field(ge=0)
    entities: list[Entity] = Field(default_factory=list)
    holdings: list[str] = Field(default_factory=list)
    agreements: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    structure: list[Part] | None = Field(default=None, description="parts of a court document, in text order")
