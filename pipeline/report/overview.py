"""The static top of the page: run line, count cards, and notices about what the page leaves out.

Rendered once in Python because none of it changes with filters; the reader sees it before any script runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any


@dataclass
class Counts:
    """What the cards show; counted from the files themselves rather than trusted from run.json."""

    documents: int = 0
    pages: int = 0
    holdings: int = 0
    agreements: int = 0
    cases: int | None = None
    """None when the output has no cases.jsonl (made before schema_version 3): no card then."""
    errors: int = 0
    warnings: int = 0
    texts_shown: int = 0
    texts_omitted: int = 0


def _card(label: str, value: int, href: str, detail: str = "", tone: str = "") -> str:
    return (f'<a class="card {tone}" href="{href}"><span class="value">{value:,}</span>'
            f'<span class="label">{escape(label)}</span><span class="detail">{escape(detail)}</span></a>')


def cards(counts: Counts) -> str:
    return "".join((
        _card("documents", counts.documents, "#documents", f"{counts.pages:,} pages" if counts.pages else ""),
        _card("agreements", counts.agreements, "#agreements"),
        _card("cases", counts.cases, "#cases", "across their courts") if counts.cases is not None else "",
        _card("holdings", counts.holdings, "#holdings"),
        _card("errors", counts.errors, "#issues", "inputs not processed", "bad" * bool(counts.errors)),
        _card("with warnings", counts.warnings, "#issues", "documents", "warn" * bool(counts.warnings)),
    ))


def header(run: dict[str, Any]) -> str:
    """When, from what and with which version the output was made."""
    roots = ", ".join(run.get("input_roots") or []) or "unknown inputs"
    version = (run.get("versions") or {}).get("docketflow")
    when = (run.get("finished") or run.get("started") or "").replace("T", " ")
    parts = [f"<span>{escape(roots)}</span>", f"<span>{escape(when)}</span>" if when else "",
             f"<span>docketflow {escape(version)}</span>" if version else ""]
    return "".join(p for p in parts if p)


def notice(counts: Counts, has_texts: bool, cap: int) -> str:
    """Say plainly what is missing, so an absent highlight is not mistaken for an absent finding."""
    if not has_texts:
        return ('<p class="notice">This output has no <code>texts.jsonl.gz</code> (made by an older docketflow): '
                "documents show their evidence quotes but not their full text.</p>")
    if counts.texts_omitted:
        return (f'<p class="notice">Texts of {counts.texts_omitted:,} documents without records, errors or warnings '
                f"are left out to keep this page small (at most {cap:,} such texts are included); their entries "
                "and entity counts are still listed.</p>")
    return ""
