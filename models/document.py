"""One line of `documents.jsonl`: a source document, its entities and the ids of its records."""

from typing import Any, Literal

from docketflow.models.common import SCHEMA_VERSION, SCHEMA_VERSION_DESCRIPTION, Record
from pydantic import Field

Label = Literal["JUDGE", "COURT", "AGENCY", "STATUTE", "DATA_CATEGORY", "DATE", "CASE", "DOCKET"]
Kind = Literal["court_order", "opinion", "news", "federal_register_notice", "other"]
PartName = Literal["stamp", "caption", "title", "header", "author", "body", "separate_opinion", "decision", "signature"]


class Source(Record):
    """Where a document came from and what its container said about it."""

    path: str = Field(description="path relative to the input root, posix")
    media_type: str = Field(description="media type as read ('application/pdf', 'text/html', 'text/plain')")
    pages: int | None = Field(default=None, description="page count, for paged formats")
    title: str | None = Field(default=None, description="title as the document or its container gives it")
    published: str | None = Field(default=None, description="publication or filing date, ISO")
    url: str | None = Field(default=None, description="where the document was published, when its source says")
    bytes: int | None = Field(default=None, description="size of the raw input in bytes")
    filed: str | None = Field(default=None, description="CM/ECF filed date from the header stamp, ISO")
    docket: str | None = Field(default=None, description="docket number from the CM/ECF header stamp")
    document_number: str | None = Field(
        default=None, description="CM/ECF document (docket entry) number, or a Federal Register FR Doc. number")
    fr_type: Literal["notice", "rule", "proposed_rule", "presidential_document"] | None = Field(
        default=None, description="the Register section a Federal Register bulk file prints the document in")
    court: str | None = Field(default=None, description="court as a bulk source (CourtListener, CAP) states it")


class Entity(Record):
    """A mention of something the schema names, with its normalized key."""

    label: Label = Field(description="what the mention is")
    text: str = Field(description="the mention as printed: document_text[start:end]")
    start: int = Field(ge=0, description="character offset where the mention starts in the document's text")
    end: int = Field(ge=0, description="character offset just past the mention's end")
    page: int | None = Field(default=None, ge=1, description="1-based page, for paged formats")
    key: str = Field(description="what makes two mentions the same thing: a courts-db id, an agencies.tsv key, "
                     "a statute at section level, an ISO date ... (SCHEMA.md)")
    normalized: dict[str, Any] = Field(default_factory=dict, description="the key's details by label: name, "
                                       "parent, title, citation ...")


class Part(Record):
    """One structural part of a court document, as character offsets into its text."""

    part: PartName = Field(description="which part of the document")
    start: int = Field(ge=0, description="character offset where the part starts in the document's text")
    end: int = Field(ge=0, description="character offset just past the part's end")
    author: str | None = Field(default=None, description="a separate opinion's author")
    type: Literal["concurring", "dissenting", "concurring_and_dissenting"] | None = Field(
        default=None, description="a separate opinion's type"
    )


class Document(Record):
    """An input document as the pipeline read it."""

    schema_version: Literal[3] = Field(default=SCHEMA_VERSION, description=SCHEMA_VERSION_DESCRIPTION)
    doc_id: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the raw bytes")
    source: Source = Field(description="where the document came from and what its container said about it")
    kind: Kind = Field(description="what kind of document it is")
    text_chars: int = Field(ge=0, description="length of its extracted text in characters")
    entities: list[Entity] = Field(default_factory=list, description="mentions found in its text, in text order")
    holdings: list[str] = Field(default_factory=list, description="ids of its holdings in holdings.jsonl")
    agreements: list[str] = Field(default_factory=list, description="ids of the agreements in agreements.jsonl "
                                  "it describes")
    warnings: list[str] = Field(default_factory=list, description="what went wrong short of failing (no text "
                                "layer, OCR budget spent ...)")
    structure: list[Part] | None = Field(default=None, description="parts of a court document, in text order")
