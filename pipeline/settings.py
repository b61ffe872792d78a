"""Every option of a run, in one typed object, so the flow, the CLI and tests share one definition."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PdfEngine = Literal["auto", "pypdfium2", "pdfplumber"]
Orchestration = Literal["auto", "prefect", "off"]
OcrMode = Literal["auto", "off", "force"]


class RunSettings(BaseSettings):
    """Options of `docketflow run`; recorded in `run.json` so a run can be repeated. Any option can also
    come from the environment as `DOCKETFLOW_<NAME>` (e.g. `DOCKETFLOW_BATCH_DOCS=16`), which a scheduled
    deployment finds handy; explicit arguments win."""

    model_config = SettingsConfigDict(frozen=True, env_prefix="DOCKETFLOW_")

    inputs: tuple[Path, ...] = (Path("raw"),)
    out: Path = Path("output")
    include: tuple[str, ...] = Field(default=(), description="globs on relative paths; when given, only matches")
    exclude: tuple[str, ...] = Field(default=(), description="globs on relative paths to skip")
    pdf_engine: PdfEngine = "auto"
    ocr: OcrMode = Field(
        default="auto",
        description="'auto' OCRs PDF pages without a usable text layer, 'force' every page, 'off' only warns",
    )
    spacy_model: str | None = Field(
        default=None, description="an installed spaCy package to start from instead of spacy.blank('en')"
    )
    orchestration: Orchestration = Field(
        default="auto",
        description="'prefect' runs as a Prefect flow (temporary local server if no PREFECT_API_URL); "
        "'off' runs the same code without Prefect; 'auto' uses Prefect only when an API is configured",
    )
    batch_chars: int = Field(default=500_000, ge=1, description="input bytes per batch task, at most")
    batch_docs: int = Field(default=64, ge=1, description="documents per batch task, at most")
    progress: bool = True
    max_pages: int = Field(default=3000, ge=1, description="PDFs with more pages are refused (too_many_pages)")
    max_chars: int = Field(default=10_000_000, ge=1,
                           description="documents with more extracted characters are refused (too_many_chars)")
    max_file_bytes: int = Field(
        default=200 * 1024**2, ge=1,
        description="largest single document or bulk record read into memory; larger ones become 'too_large' errors",
    )
    max_archive_members: int = Field(
        default=100_000, ge=1,
        description="entries one archive may hold (nested archives included) before it is cut off",
    )
    max_archive_bytes: int = Field(
        default=20 * 1024**3, ge=1,
        description="bytes one archive or compressed file may expand to in total (nested ones included); "
        "raise it for bulk dumps larger than that",
    )
    max_expansion_ratio: int = Field(
        default=200, ge=1,
        description="expanded bytes allowed per stored byte of an archive (zip bombs); only enforced past 1 MiB",
    )
    max_archive_depth: int = Field(
        default=2, ge=1, description="archives inside archives: 1 reads no nested archive, 2 reads one level of nesting"
    )
    workers: int = Field(default=1, ge=1, description="local worker processes")
    dask_address: str | None = Field(default=None, description="scheduler of an existing Dask cluster")
    force: bool = Field(default=False, description="reprocess every input, even unchanged ones")
    retry_errors: bool = Field(
        default=False,
        description="read again every input whose last attempt failed, corrupt ones included (those failed for "
        "a reason that may pass, a timeout, a dead worker, a permission, are retried anyway)",
    )
    follow_links: bool = Field(
        default=False,
        description="read symbolic links that lead outside the input folder (FIFOs and devices are refused anyway)",
    )
    reset_state: bool = Field(
        default=False, description="move the output folder's state aside and start afresh (every input is read again)"
    )
    isolate: bool | None = Field(
        default=None,
        description="run batches in killable worker processes (time and memory limits per document); "
        "None: only for runs big enough to pay the worker's start-up (more than a few files, or any archive)",
    )
    doc_timeout_s: float = Field(default=300.0, gt=0, description="per-document time limit in worker processes")
    ocr_budget_s: float | None = Field(
        default=None, gt=0,
        description="seconds of OCR one document may use; the pages after it keep their text layer, with a "
        "warning (default: half of doc_timeout_s)",
    )
    worker_memory_mb: int = Field(default=3072, ge=0, description="address-space limit of a worker process (0: none)")

    def ocr_seconds(self) -> float:
        """The OCR budget of one document: what is set, else half the per-document time limit, so that a long
        scan finishes with its first pages recognized rather than overrunning its limit."""
        return self.ocr_budget_s if self.ocr_budget_s is not None else self.doc_timeout_s / 2

    def relative_inputs(self) -> list[str]:
        """Input roots as given, for `run.json`."""
        return [str(p) for p in self.inputs]
