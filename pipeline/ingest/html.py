"""HTML (news pages, CourtListener opinions): readable main text, title, publication date and URL.

Text is rebuilt from the DOM rather than taken from selectolax's `text()`, which would run
paragraphs together: block elements end a line, paragraphs and headings leave a blank line,
`<br>` breaks a line, and whitespace inside text is collapsed as a browser would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docketflow.extractors.isodate import to_iso_date
from docketflow.pipeline.ingest.safejson import TooDeep, loads
from docketflow.pipeline.ingest.text import decode
from selectolax.lexbor import LexborHTMLParser, LexborNode

DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "noscript",
        "template",
        "svg",
        "iframe",
        "form",
        "button",
        "head",
        "title",
        "meta",
        "link",
        "object",
        "canvas",
    }
)
PARAGRAPH_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "dl",
        "figure",
        "hr",
        "center",
        "article",
        "section",
        "main",
    }
)
LINE_TAGS = frozenset({"div", "li", "tr", "dt", "dd", "figcaption", "address", "caption", "body", "details", "summary"})
CELL_TAGS = frozenset({"td", "th"})
# Meta tags carrying the publication date, best first.
DATE_META = (
    ("property", "article:published_time"),
    ("property", "og:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "dc.date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.date"),
    ("name", "dcterms.created"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "parsely-pub-date"),
    ("name", "sailthru.date"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w\-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


@dataclass
class HtmlText:
    """Main text and the metadata the page declares about itself."""

    text: str
    title: str | None
    published: str | None
    url: str | None
    warnings: list[str]


def _decode_html(data: bytes) -> tuple[str, list[str]]:
    """Declared charset when it decodes cleanly, otherwise the plain-text decoding chain."""
    if (declared := _CHARSET.search(data[:4096])) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared[1].decode("ascii")), []
        except (LookupError, UnicodeDecodeError):
            pass
    text, _, warnings = decode(data)
    return text, warnings


def _meta(tree: LexborHTMLParser) -> dict[tuple[str, str], str]:
    """Meta tag contents keyed by (attribute, lower-cased name), first occurrence wins."""
    found: dict[tuple[str, str], str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        for attr in ("property", "name", "itemprop"):
            key = attrs.get(attr)
            if key and content:
                found.setdefault((attr, key.strip().lower()), content.strip())
    return found


def _json_ld_dates(tree: LexborHTMLParser, warnings: list[str]) -> list[str]:
    """`datePublished` values from JSON-LD blocks (objects, lists and `@graph`s); a block nested too deep
    to parse safely is skipped with a warning."""
    dates: list[str] = []
    stack: list[object] = []
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            stack.append(loads(node.text(deep=True), "an ld+json block"))
        except TooDeep as exc:
            warnings.append(f"{exc.code}: {exc}; its dates are not read")
        except ValueError:
            continue
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                dates.append(item["datePublished"])
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return dates


def _published(tree: LexborHTMLParser, meta: dict[tuple[str, str], str], warnings: list[str]) -> str | None:
    candidates = [meta[(a, n.lower())] for a, n in DATE_META[:3] if (a, n.lower()) in meta]
    candidates += _json_ld_dates(tree, warnings)
    candidates += [meta[(a, n.lower())] for a, n in DATE_META[3:] if (a, n.lower()) in meta]
    candidates += [v for node in tree.css("time[datetime]") if (v := node.attributes.get("datetime"))]
    # CourtListener / resource.org opinions state the decision date in <p class="date">.
    candidates += [node.text(deep=True) for node in tree.css("p.date")]
    return next((iso for value in candidates if (iso := to_iso_date(value))), None)


def _title(tree: LexborHTMLParser, meta: dict[tuple[str, str], str]) -> str | None:
    for key in (("property", "og:title"), ("name", "twitter:title")):
        if meta.get(key):
            return meta[key]
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        if node is not None and (text := _SPACES.sub(" ", node.text(deep=True)).strip()):
            return text
    return None


def _url(tree: LexborHTMLParser, meta: dict[tuple[str, str], str]) -> str | None:
    if meta.get(("property", "og:url")):
        return meta[("property", "og:url")]
    canonical = tree.css_first('link[rel="canonical"]')
    return canonical.attributes.get("href") if canonical is not None else None


class _TextWriter:
    """Accumulates rendered text: collapses spaces at line starts/ends and merges line breaks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.newlines = 2  # the start of the text counts as after a paragraph

    def text(self, value: str, *, preformatted: bool = False) -> None:
        if not preformatted:
            value = _SPACES.sub(" ", value)
            if self.newlines:
                value = value.lstrip(" ")
        if value:
            self.parts.append(value)
            trailing = len(value) - len(value.rstrip("\n"))
            self.newlines = trailing if trailing < len(value) else self.newlines + trailing

    def space(self) -> None:
        if not self.newlines and self.parts and not self.parts[-1].endswith(" "):
            self.parts.append(" ")

    def _trim_line_end(self) -> None:
        while self.parts and not self.parts[-1].strip(" "):
            self.parts.pop()
        if self.parts:
            self.parts[-1] = self.parts[-1].rstrip(" ")

    def newline(self, count: int) -> None:
        """End the line; `count` 2 leaves a blank line. Breaks never stack beyond `count`."""
        self._trim_line_end()
        if self.newlines < count:
            self.parts.append("\n" * (count - self.newlines))
            self.newlines = count

    def line_break(self) -> None:
        """A `<br>`: always a new line, so two in a row leave a blank one (never more)."""
        self._trim_line_end()
        if self.newlines >= 2:
            return
        self.parts.append("\n")
        self.newlines += 1

    def result(self) -> str:
        return "".join(self.parts).strip("\n")


def _render(root: LexborNode) -> str:
    """Readable text of `root`'s subtree (iterative: deeply nested pages must not hit recursion limits)."""
    out = _TextWriter()
    stack: list[LexborNode | str] = [root]
    preformatted = 0
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item == "</pre>":
                preformatted -= 1
            elif item == " ":
                out.space()
            else:
                out.newline(len(item))
            continue
        tag = item.tag
        if tag == "-text":
            out.text(item.text(deep=False), preformatted=preformatted > 0)
            continue
        if tag in DROP_TAGS or tag.startswith("-"):
            continue
        if tag == "br":
            out.line_break()
            continue
        if tag == "pre":
            preformatted += 1
            stack.append("</pre>")
        closing = "\n\n" if tag in PARAGRAPH_TAGS else "\n" if tag in LINE_TAGS else " " if tag in CELL_TAGS else ""
        if closing:
            stack.append(closing)
            if closing != " ":
                out.newline(len(closing))
        stack.extend(reversed(list(item.iter(include_text=True))))
    return out.result()


def read_html(data: bytes) -> HtmlText:
    """Main text and metadata of an HTML page."""
    markup, warnings = _decode_html(data)
    tree = LexborHTMLParser(markup)
    meta = _meta(tree)
    root = tree.body or tree.root
    text = _render(root) if root is not None else ""
    return HtmlText(text, _title(tree, meta), _published(tree, meta, warnings), _url(tree, meta), warnings)
