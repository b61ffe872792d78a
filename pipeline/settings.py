"""Every option of a run, in one typed object, so the flow, the CLI and tests share one definition."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PdfEngine = Literal["auto", "pypdfium2", "pdfplumber"]
Orchestration = Literal["auto", "prefect", "off"]


class RunSettings(BaseModel):
    """Options of `docketflow run`; recorded in `run.json` so a run can be repeated."""

    model_config = ConfigDict(frozen=True)

    inputs: tuple[Path, ...] = (Path("raw"),)
    out: Path = Path("output")
    include: tuple[str, ...] = Field(default=(), description="globs on relative paths; when given, only matches")
    exclude: tuple[str, ...] = Field(default=(), description="globs on relative paths to skip")
    pdf_engine: PdfEngine = "auto"
    spacy_model: str | None = Field(
        default=None, description="an installed spaCy package to start from instead of spacy.blank('en')"
    )
    orchestration: Orchestration = Field(
        default="auto",
        description="'prefect' runs as a Prefect flow (temporary local server if no PREFECT_API_URL); "
        "'off' runs the same code without Prefect; 'auto' uses Prefect only when an API is configured",
    )
    batch_chars: int = Field(default=2_000_000, ge=1, description="text characters per batch task")
    batch_docs: int = Field(default=64, ge=1, description="documents per batch task, at most")
    progress: bool = True

    def relative_inputs(self) -> list[str]:
        """Input roots as given, for `run.json`."""
        return [str(p) for p in self.inputs]
