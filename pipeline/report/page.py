"""Assemble the page: template + styles + script from `assets/`, charts and data from the output folder.

The file is streamed: the head (with the small records data) is written first, then each document's text
as its own `<script type="application/json">` block straight from texts.jsonl.gz, then the script. The
browser parses those blocks but runs nothing until a document is opened, so even a 10,000-document page
opens quickly, and the writer never holds more than one text at a time.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from html import escape
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import IO, Any

from docketflow.pipeline.output import atomic_writer
from docketflow.pipeline.report import overview
from docketflow.pipeline.report.cases import cases_section
from docketflow.pipeline.report.folder import OutputFolder
from docketflow.pipeline.report.names import Names
from docketflow.pipeline.report.network import render_network
from docketflow.pipeline.report.palette import palette_css
from docketflow.pipeline.report.payload import (
    agreement_rows,
    case_rows,
    doc_entry,
    evidence_marks,
    issue_rows,
    record_row,
    text_payload,
)
from docketflow.pipeline.report.timeline import render_timeline

QUIET_TEXT_CAP = 500
"""Texts of documents with no record, error or warning beyond this many are left out: nobody reviews
thousands of unremarkable texts in a browser, and they would make the page hundreds of megabytes."""
_SLOT = re.compile(r"\{\{(\w+)\}\}")


@dataclass
class ReportStats:
    """Where the page went and what is in it, for the command's closing line and for tests."""

    path: Path
    bytes: int
    counts: overview.Counts
    seconds: float


def _asset(name: str) -> str:
    return resources.files("docketflow.pipeline.report").joinpath("assets", name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON that cannot end its `<script>` element early: `<` only occurs inside strings, where \\u003c is the same."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace `{{name}}` slots in one pass, so inserted content is never itself scanned for slots."""
    return _SLOT.sub(lambda m: values.get(m[1], m[0]), template)


class _Page:
    """Collects the index of documents and the data, then streams the page."""

    def __init__(self, folder: OutputFolder, cap: int) -> None:
        self.folder = folder
        self.cap = cap
        self.marks = evidence_marks(chain(folder.holdings, folder.agreements))
        self.counts = overview.Counts(holdings=len(folder.holdings), agreements=len(folder.agreements),
                                      errors=len(folder.errors),
                                      cases=None if folder.cases is None else len(folder.cases))
        self.names = Names.of(folder.holdings, folder.agreements, folder.cases)
        self.docs: list[dict[str, Any]] = []
        self.with_text: dict[str, int] = {}
        """doc_id -> index into `docs`, for documents whose text goes into the page."""
        quiet_shown = 0
        for document in folder.iter_documents():
            notable = bool(document.get("holdings") or document.get("agreements") or document.get("warnings")
                           or document["doc_id"] in self.marks)
            show = folder.has_texts and (notable or quiet_shown < cap)
            quiet_shown += show and not notable
            self.counts.texts_omitted += folder.has_texts and not show
            self.counts.pages += (document.get("source") or {}).get("pages") or 0
            self.counts.warnings += bool(document.get("warnings"))
            if show:
                self.with_text[document["doc_id"]] = len(self.docs)
            self.docs.append(doc_entry(document, show))
        self.counts.documents = len(self.docs)

    def data(self) -> dict[str, Any]:
        index = {d["id"]: i for i, d in enumerate(self.docs)}
        return {
            "docs": self.docs,
            "holdings": [record_row(h, index) for h in self.folder.holdings],
            "agreements": agreement_rows(self.folder.agreements, self.folder.holdings, index),
            "cases": case_rows(self.folder.cases or [], self.folder.holdings),
            "issues": issue_rows(self.folder.errors, self.docs, index),
            "hasTexts": self.folder.has_texts,
            "names": self.names.script_data(),
        }

    def write(self, fh: IO[str]) -> None:
        run = self.folder.run
        title = "docketflow review — " + (", ".join(run.get("input_roots") or []) or self.folder.path.name)
        head, tail = _asset("report.html").split("{{texts}}")
        values = {
            "title": escape(title),
            "palette": palette_css(),
            "style": _asset("report.css"),
            "header": overview.header(run),
            "cards": overview.cards(self.counts),
            "notice": overview.notice(self.counts, self.folder.has_texts, self.cap),
            "network": render_network(self.folder.agreements, self.names),
            "timeline": render_timeline(self.folder.holdings, self.names),
            "cases_nav": '<a href="#cases">Cases</a>' if self.folder.cases is not None else "",
            "cases": cases_section(self.folder.cases, self.folder.holdings, self.folder.agreements, self.docs,
                                   self.names),
            "data": script_json(self.data()),
            "script": _asset("report.js"),
        }
        fh.write(_fill(head, values))
        pending = dict(self.with_text)
        for doc_id, text in self.folder.iter_texts():
            if doc_id in pending:
                payload = text_payload(text, self.folder.document(doc_id), self.marks.get(doc_id, []))
                fh.write(f'<script type="application/json" id="text-{pending.pop(doc_id)}">'
                         f"{script_json(payload)}</script>\n")
        self.counts.texts_shown = len(self.with_text) - len(pending)
        fh.write(_fill(tail, values))


def write_report(out_dir: Path, html: Path | None = None, quiet_text_cap: int = QUIET_TEXT_CAP) -> ReportStats:
    """Write the review page of `out_dir` to `html` (default `out_dir/report.html`), replacing it atomically."""
    started = time.perf_counter()
    html = html or out_dir / "report.html"
    page = _Page(OutputFolder.open(out_dir), quiet_text_cap)
    with atomic_writer(html) as fh:
        page.write(fh)
    return ReportStats(html, html.stat().st_size, page.counts, time.perf_counter() - started)
