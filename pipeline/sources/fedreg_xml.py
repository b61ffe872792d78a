"""Federal Register XML: a govinfo daily issue (`<FEDREG>`, the form the Register is downloaded in bulk) or
a single document's XML (`<NOTICE>`, `<RULE>`, `<PRORULE>`), streamed one document at a time.

Each `<NOTICE>`, `<RULE>`, `<PRORULE>` and each presidential document (a child of `<PRESDOCU>`: a
proclamation, an executive order, a memorandum) is one document, named "<file>#<FR Doc. number>", dated
by the issue's `<DATE>`. Its text is rendered the way the Register prints it: headings ("AGENCY:") and
paragraphs as blocks separated by blank lines, inline markup (`<E>`, `<SU>`) kept in its paragraph, page
markers and graphics dropped. Parsing is incremental (the file is fed to expat in chunks) and only the
document being read is built, so a daily issue of any size costs one document's memory, and one document
at most `max_file_bytes`: a larger one is refused as `too_large` as soon as it passes the limit and the
rest of it is read without being kept. ElementTree never fetches external entities and expat (>= 2.4)
caps entity expansion. A document nested deeper than `MAX_NESTING` elements is refused as `too_deep`
(rendering and hashing it would recurse per level); the issue reads on.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from typing import IO

from docketflow.pipeline.ingest.safejson import MAX_NESTING, TooDeep
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.item import SourceItem, rejected
from docketflow.pipeline.sources.limits import READ_CHUNK

FR_TYPES = {"NOTICE": "notice", "RULE": "rule", "PRORULE": "proposed_rule"}
"""Document elements of a daily issue and the Register's section each is printed in."""
_PRESIDENTIAL_PARENT = "PRESDOCU"
_INLINE = frozenset({"E", "SU", "FR", "AC", "FTREF", "PRTPAGE", "LI", "BOLDFACE"})
"""Markup inside a paragraph: its text stays in the paragraph."""
_SKIP = frozenset({"PRTPAGE", "GPH", "GID", "MATH"})
"""Page markers and graphics: no text a reader of the notice sees as prose."""
_FR_DOC = re.compile(r"FR\s+Doc\.?\s*(?:No\.?:?\s*)?(\d{2,4}-\d+)", re.I)
_SPACE = re.compile(r"\s+")
_WHITESPACE = " \n\t\r"
"""What XML counts as white space between words."""


def _issue_date(text: str | None) -> str | None:
    """ "Friday, April 15, 2016" -> "2016-04-15"."""
    if not text:
        return None
    for pattern in ("%A, %B %d, %Y", "%B %d, %Y"):
        try:
            return datetime.strptime(_SPACE.sub(" ", text).strip(), pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _blocks(element: ET.Element, out: list[str]) -> None:
    """Paragraph texts of `element` in order: an element holding only inline markup is one paragraph."""
    if element.tag in _SKIP:
        return
    children = [c for c in element if c.tag not in _SKIP]
    if all(c.tag in _INLINE for c in children):
        text = _SPACE.sub(" ", "".join(_inline_text(element))).strip()
        if text:
            out.append(text)
        return
    if element.text and element.text.strip():
        out.append(_SPACE.sub(" ", element.text).strip())
    for child in children:
        _blocks(child, out)
        if child.tail and child.tail.strip():
            out.append(_SPACE.sub(" ", child.tail).strip())


def _inline_text(element: ET.Element) -> Iterator[str]:
    """Text of a paragraph with its inline markup, page markers left out (their tails kept)."""
    if element.tag not in _SKIP and element.text:
        yield element.text
    for child in element:
        yield from _inline_text(child)
        if child.tail:
            yield child.tail


def render(element: ET.Element) -> str:
    """A document element as the Register prints it: blocks separated by blank lines."""
    blocks: list[str] = []
    _blocks(element, blocks)
    return "\n\n".join(blocks) + "\n"


def _title(element: ET.Element) -> str | None:
    for path in (".//SUBJECT", ".//HD"):
        found = element.find(path)
        if found is not None:
            text = _SPACE.sub(" ", "".join(found.itertext())).strip()
            if text:
                return text
    return None


def _markup_size(tag: str, attrib: dict[str, str]) -> int:
    """Bytes an element's tags take in the file, near enough: what an element with no text still costs."""
    return 2 * len(tag) + 5 + sum(len(k) + len(v) + 4 for k, v in attrib.items())


class _Stop(Exception):
    """The file is not Federal Register XML: nothing more of it is read."""


class _Documents:
    """Parser target that builds one document element at a time and holds nothing else.

    Outside a document only the open tags and the issue's `<DATE>` are kept. Inside one, an
    `ET.TreeBuilder` builds it while its size (text plus markup, counted as it streams) stays within
    `max_file_bytes`, its text within `max_chars` and its depth within `MAX_NESTING`; past any of them the
    builder is dropped and the rest of the document is read without being kept, so a notice of any size
    costs at most the limits. Characters other than whitespace are counted for `max_chars`: the rendered
    text holds at least those, so a document refused here would be refused after rendering too.
    """

    def __init__(self, where: str, settings: RunSettings) -> None:
        self.where = where
        self.limit = settings.max_file_bytes
        self.max_chars = settings.max_chars
        self.stack: list[str] = []
        self.published: str | None = None
        self.date: list[str] | None = None
        self.count = 0
        self.done: list[SourceItem] = []
        self.document_at: int | None = None
        """Depth of the document element being read, if any."""
        self.builder: ET.TreeBuilder | None = None
        self.refused: tuple[str, str] | None = None
        """(code, message) once the document being read passed a limit."""
        self.size = 0
        self.chars = 0
        self.frdoc: list[str] | None = None
        self.frdoc_text = ""

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if not self.stack and tag != "FEDREG" and tag not in FR_TYPES:
            self.done.append(rejected(self.where, "unsupported_type", f"XML with root <{tag}> is not a Federal "
                                      "Register issue (<FEDREG>) or document (<NOTICE>, <RULE>, <PRORULE>)"))
            raise _Stop
        if self.document_at is None and (tag in FR_TYPES or self.stack[-1:] == [_PRESIDENTIAL_PARENT]):
            self.document_at, self.size, self.chars, self.refused = len(self.stack), 0, 0, None
            self.frdoc_text = ""
            self.builder = ET.TreeBuilder()
        self.stack.append(tag)
        if tag == "DATE" and self.stack[-2:-1] == ["FEDREG"] and self.published is None:
            self.date = []
        if tag == "FRDOC" and self.document_at is not None:
            self.frdoc = []
        if self.builder is not None:
            self.size += _markup_size(tag, attrib)
            if len(self.stack) > MAX_NESTING:  # rendering and hashing it would recurse once per level
                self._refuse(TooDeep.code, str(TooDeep(f"a <{self.stack[self.document_at]}>")))
            else:
                self.builder.start(tag, attrib)
                self._check_size()

    def data(self, text: str) -> None:
        if self.date is not None:
            self.date.append(text)
        if self.frdoc is not None and sum(map(len, self.frdoc)) < 1000:
            self.frdoc.append(text)
        if self.builder is not None:
            self.size += len(text)
            self.chars += len(text) - sum(map(text.count, _WHITESPACE))
            self.builder.data(text)
            self._check_size()

    def end(self, tag: str) -> None:
        self.stack.pop()
        if self.date is not None and tag == "DATE":
            self.published, self.date = _issue_date("".join(self.date)), None
        if self.frdoc is not None and tag == "FRDOC":
            self.frdoc_text, self.frdoc = self.frdoc_text + "".join(self.frdoc), None
        if self.builder is not None:
            self.builder.end(tag)
        if self.document_at == len(self.stack):
            self._finish(tag)

    def close(self) -> None:
        """Called by the parser at the end of the file; everything was handed over on the way."""

    def _check_size(self) -> None:
        if self.size > self.limit:
            self._refuse("too_large", f"a <{self.stack[self.document_at]}> larger than "
                         f"max_file_bytes={self.limit} (text and markup, counted as it is read)")
        elif self.chars > self.max_chars:
            self._refuse("too_many_chars", f"a <{self.stack[self.document_at]}> with more than "
                         f"{self.max_chars:,} characters of text (max_chars, counted as it is read)")

    def _refuse(self, code: str, message: str) -> None:
        self.builder, self.refused = None, (code, message)

    def _finish(self, tag: str) -> None:
        self.count += 1
        number = _FR_DOC.search(self.frdoc_text)
        if self.builder is not None:
            self.done.append(_item(self.builder.close(), FR_TYPES.get(tag, "presidential_document"), number,
                                   self.where, self.published, self.count))
        elif self.refused is not None:
            name = f"{self.where}#{number.group(1)}" if number else f"{self.where}#item-{self.count}"
            self.done.append(rejected(name, *self.refused))
        self.document_at, self.builder = None, None

    def take(self) -> list[SourceItem]:
        """The items finished since the last call."""
        done, self.done = self.done, []
        return done


def _item(element: ET.Element, fr_type: str, number: re.Match[str] | None, where: str, published: str | None,
          count: int) -> SourceItem:
    if number is None:
        return rejected(f"{where}#item-{count}", "bad_record", f"a <{element.tag}> without an FR Doc. number")
    text = render(element)
    metadata = {"document_number": number.group(1), "fr_type": fr_type,
                "url": f"https://www.federalregister.gov/d/{number.group(1)}",
                "kind": "federal_register_notice" if fr_type != "presidential_document" else "other"}
    if published:
        metadata["published"] = published
    if title := _title(element):
        metadata["title"] = title
    data = ET.tostring(element, encoding="utf-8")
    return SourceItem(f"{where}#{number.group(1)}", data=data, text=text, media_type="application/xml",
                      metadata=metadata, size=len(text))


def iter_fedreg_xml(stream: IO[bytes], where: str, settings: RunSettings) -> Iterator[SourceItem]:
    """One item per Federal Register document in the file; anything but Register XML is refused whole."""
    documents = _Documents(where, settings)
    parser = ET.XMLParser(target=documents)
    try:
        while chunk := stream.read(READ_CHUNK):
            parser.feed(chunk)
            yield from documents.take()
        parser.close()
        yield from documents.take()
    except _Stop:
        yield from documents.take()
    except ET.ParseError as exc:
        yield from documents.take()
        count = documents.count
        yield rejected(where if count == 0 else f"{where}#item-{count + 1}", "bad_record",
                       f"not well-formed XML, reading stopped: {exc}")
