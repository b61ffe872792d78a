"""The brief as one self-contained HTML page (`OUT/brief.html`), in the review page's style.

It carries the review page's stylesheet and palette (`pipeline/report/assets/report.css`, `palette.py`), so
the two read as one tool, plus the few rules of its own below; no script, nothing fetched. Each citation
number links straight to its evidence in the review page (`report.html#ev-<record>-<i>`), whose viewer opens
the document at the highlighted sentence; the list of citations at the end names the document, the page and
the sentence of each, and links there too.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from urllib.parse import quote

from docketflow.pipeline.brief.document import Block, Brief, Citation, Ref, Section, Sentence
from docketflow.pipeline.report.palette import palette_css

BRIEF_CSS = """
main.brief { max-width: 980px; }
.brief h1 { font: 600 24px/1.25 var(--serif); margin: 0 0 12px; letter-spacing: -.01em; }
.brief h2 { font-size: 18px; margin-bottom: 10px; }
.brief h3 { font-size: 15px; margin: 18px 0 6px; }
.brief h4 { font-size: 13.5px; margin: 14px 0 4px; color: var(--muted); }
.brief p, .brief li { font: 15px/1.6 var(--serif); }
.brief ul.entries { list-style: none; padding: 0; margin: 8px 0; }
.brief ul.entries > li { border-left: 4px solid var(--c, var(--line)); background: #fafbfc; border-radius: 6px;
  padding: 6px 12px; margin: 6px 0; }
.brief .label { font: 650 12px var(--sans); color: var(--ink); background: var(--accent-soft); border-radius: 5px;
  padding: 1px 6px; margin-right: 6px; }
.brief .cite { font: 600 11px var(--sans); vertical-align: super; line-height: 0; white-space: nowrap; }
.brief dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 13px; }
.brief dl.facts dt { color: var(--muted); font-weight: 600; }
.brief dl.facts dd { margin: 0; }
.brief ol.refs { padding-left: 2.2em; font-size: 13px; }
.brief ol.refs li { font: 13px/1.5 var(--sans); margin: 4px 0; }
.brief ol.refs q { font-family: var(--serif); color: var(--ink); }
.brief ol.refs .where { color: var(--muted); }
:target { scroll-margin-top: 80px; }
li:target, p:target { background: var(--mark) !important; }
"""
"""Rules of the brief alone; the rest is the review page's stylesheet."""


def _report_css() -> str:
    return resources.files("docketflow.pipeline.report").joinpath("assets", "report.css").read_text(encoding="utf-8")


class Renderer:
    """Renders one brief; `review` is the review page's URL relative to the brief."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.review = quote(brief.review)
        self.by_number = {c.number: c for c in brief.citations}

    def evidence_url(self, c: Citation) -> str:
        return f"{self.review}#{quote(c.target)}"

    def cites(self, numbers: list[int]) -> str:
        links = []
        for n in numbers:
            c = self.by_number[n]
            hint = c.title + (f", page {c.page}" if c.page else "") + (f": “{c.quote}”" if c.quote else "")
            links.append(f'<a href="{escape(self.evidence_url(c))}" title="{escape(hint)}" data-ref="{n}">{n}</a>')
        return f'<span class="cite">[{", ".join(links)}]</span>'

    def sentence(self, s: Sentence) -> str:
        text = "".join(f'<a href="#{escape(p.target)}">{escape(p.label)}</a>' if isinstance(p, Ref) else escape(p)
                       for p in s.pieces)
        return f'<span class="sentence" data-topic="{escape(s.topic)}">{text}{self.cites(s.cites)}</span>'

    def block(self, b: Block) -> str:
        body = " ".join(self.sentence(s) for s in b.sentences)
        if b.label:
            label = escape(b.label)
            label = f'<a href="#{escape(b.link)}">{label}</a>' if b.link else label
            body = f'<span class="label">{label}</span>{body}'
        ident = f' id="{escape(b.anchor)}"' if b.anchor else ""
        tone = f' class="{escape(b.tone)}"' if b.tone else ""
        return f"<li{ident}{tone}>{body}</li>" if b.kind == "item" else f"<p{ident}>{body}</p>"

    def blocks(self, blocks: list[Block]) -> str:
        out, items = [], []
        for b in blocks:
            if b.kind == "item":
                items.append(self.block(b))
                continue
            if items:
                out.append(f'<ul class="entries">{"".join(items)}</ul>')
                items = []
            out.append(self.block(b))
        if items:
            out.append(f'<ul class="entries">{"".join(items)}</ul>')
        return "\n".join(out)

    def section(self, s: Section, level: int = 2) -> str:
        inner = [f"<h{level}>{escape(s.title)}</h{level}>", self.blocks(s.blocks)]
        inner += [self.section(sub, min(level + 1, 4)) for sub in s.subsections]
        if level == 2:
            return f'<section class="panel" id="{escape(s.anchor)}">{"".join(inner)}</section>'
        return f'<div class="subsection" id="{escape(s.anchor)}">{"".join(inner)}</div>'

    def reference(self, c: Citation) -> str:
        where = f'<span class="where">{escape(c.title)}'
        where += f" ({escape(c.path)})" if c.path and c.path != c.title else ""
        where += f", page {c.page}" if c.page else ""
        where += "</span>"
        quote_ = f" <q>{escape(c.quote)}</q>" if c.quote else (" (the document as a whole)" if c.doc_id else "")
        link = f' — <a href="{escape(self.evidence_url(c))}">open in the review page</a>'
        return f'<li id="ref-{c.number}">{where}{quote_}{link}</li>'

    def render(self) -> str:
        brief = self.brief
        facts = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in brief.header)
        nav = "".join(f'<a href="#{escape(s.anchor)}">{escape(s.title)}</a>' for s in brief.sections)
        nav += f'<a href="#references">Citations</a><a href="{escape(self.review)}">Review page</a>'
        refs = "".join(self.reference(c) for c in brief.citations)
        return (
            '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(brief.title)}</title>\n<style>\n{palette_css()}\n{_report_css()}\n{BRIEF_CSS}</style>\n"
            "</head>\n<body>\n"
            '<header class="top"><div class="brand"><span class="logo">§</span> docketflow '
            f'<span class="sub">brief</span></div><nav>{nav}</nav></header>\n'
            '<main class="brief">\n'
            f'<section class="panel"><h1>{escape(brief.title)}</h1><dl class="facts">{facts}</dl></section>\n'
            + "\n".join(self.section(s) for s in brief.sections)
            + f'\n<section class="panel" id="references"><h2>Citations</h2><ol class="refs">{refs}</ol></section>\n'
            "</main>\n</body>\n</html>\n"
        )


def render(brief: Brief) -> str:
    """The whole brief as one HTML page."""
    return Renderer(brief).render()
