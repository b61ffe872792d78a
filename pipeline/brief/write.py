"""`docketflow brief OUT`: read the records, compose the brief, write `OUT/brief.md` and `OUT/brief.html`.

Everything that can refuse (a `--since` that is no date, a folder no run published, an `--about` that names no
agency) is checked before anything is written, so a refusal leaves the folder as it was. The citations link
into the review page (`OUT/report.html`); it is written too when it is missing or older than the records, so
that every link finds its evidence.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docketflow.pipeline.brief import markdown, page
from docketflow.pipeline.brief.compose import compose
from docketflow.pipeline.brief.document import Brief
from docketflow.pipeline.brief.scope import DEFAULT_ABOUT, parse_since, resolve
from docketflow.pipeline.output import atomic_write_text
from docketflow.pipeline.reader import read

MARKDOWN_FILE = "brief.md"
HTML_FILE = "brief.html"
REVIEW_FILE = "report.html"
"""The review page `docketflow report` writes by default: the brief's citations open their evidence there."""


@dataclass
class BriefStats:
    """What was written, for the command's closing line and for tests."""

    markdown: Path
    html: Path
    review: Path
    review_written: bool
    brief: Brief
    seconds: float


def _review_is_current(review: Path, out: Path) -> bool:
    """The review page exists and was written after the records were published (its anchors are theirs)."""
    try:
        return review.stat().st_mtime >= (out / "run.json").stat().st_mtime
    except OSError:
        return False


def write_brief(out: Path, about: Sequence[str] | None = None, since: str | None = None) -> BriefStats:
    """Write the brief of the records in `out` about the agencies `about` (default: ICE) from `since` on.

    Raises BadDate, FileNotFoundError, NotPublished, ValueError (another schema version) or UnknownAgency, each
    naming the problem, before writing anything."""
    started = time.perf_counter()
    out = Path(out)
    since = parse_since(since)
    records = read(out)
    scope = resolve(list(about or DEFAULT_ABOUT), records.agreements, since)
    review = out / REVIEW_FILE
    brief = compose(records, scope, review=Path(os.path.relpath(review, out)).as_posix())
    written = not _review_is_current(review, out)
    if written:
        from docketflow.pipeline.report import write_report

        write_report(out, review)
    md, html = out / MARKDOWN_FILE, out / HTML_FILE
    atomic_write_text(md, markdown.render(brief))
    atomic_write_text(html, page.render(brief))
    return BriefStats(md, html, review, written, brief, time.perf_counter() - started)
