"""The brief as Markdown (`OUT/brief.md`): headings, paragraphs and lists, each sentence followed by its
numbered citations, which link to the list of citations at the end; each entry there names the document, the
page and the supporting sentence, and links to the evidence in the review page.

Text from the records (names, quotes, case names) is escaped, so a name holding `*` or `[` stays text.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from docketflow.pipeline.brief.document import Block, Brief, Citation, Ref, Section, Sentence

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_SPACE = re.compile(r"\s+")


def escape(text: str) -> str:
    """Text that Markdown shows as it is (no emphasis, links or HTML from the records)."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def cites(numbers: list[int]) -> str:
    return "".join(f"[\\[{n}\\]](#ref-{n})" for n in numbers)


def sentence(s: Sentence) -> str:
    text = "".join(f"[{escape(p.label)}](#{p.target})" if isinstance(p, Ref) else escape(p) for p in s.pieces)
    return f"{text} {cites(s.cites)}"


def block(b: Block) -> str:
    text = " ".join(sentence(s) for s in b.sentences)
    if b.label:
        anchor = f'<a id="{b.anchor}"></a>' if b.anchor else ""
        text = f"{anchor}**{escape(b.label)}.** {text}"
    return f"- {text}" if b.kind == "item" else text


def section(s: Section, level: int = 2) -> list[str]:
    lines = [f'<a id="{s.anchor}"></a>', "", f"{'#' * level} {escape(s.title)}", ""]
    previous = None
    for b in s.blocks:
        if previous is not None and not (previous == "item" and b.kind == "item"):
            lines.append("")
        lines.append(block(b))
        previous = b.kind
    if s.blocks:
        lines.append("")
    for sub in s.subsections:
        lines += section(sub, level + 1)
    return lines


def reference(c: Citation, review: str) -> str:
    where = escape(c.title) + (f" ({escape(c.path)})" if c.path and c.path != c.title else "")
    where += f", page {c.page}" if c.page else ""
    said = f": “{escape(c.quote)}”" if c.quote else " (the document as a whole)" if c.doc_id else ""
    link = f"[open in the review page]({quote(review)}#{quote(c.target)})"
    return f'{c.number}. <a id="ref-{c.number}"></a>{where}{said} — {link}'


def render(brief: Brief) -> str:
    """The whole brief as one Markdown document."""
    lines = [f"# {escape(brief.title)}", ""]
    lines += [f"- **{escape(label)}:** {escape(value)}" for label, value in brief.header]
    lines.append("")
    for top in brief.sections:
        lines += section(top)
    lines += ['<a id="references"></a>', "", "## Citations", ""]
    lines += [reference(c, brief.review) for c in brief.citations]
    return "\n".join(lines) + "\n"
