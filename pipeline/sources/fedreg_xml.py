"""Federal Register XML: a govinfo daily issue (`<FEDREG>`, the form the Register is downloaded in bulk) or
a single document's XML (`<NOTICE>`, `<RULE>`, `<PRORULE>`), streamed one document at a time.

Each `<NOTICE>`, `<RULE>`, `<PRORULE>` and each presidential document (a child of `<PRESDOCU>`: a
proclamation, an executive order, a memorandum) is one document, named "<file>#<FR Doc. number>", dated
by the issue's `<DATE>`. Its text is rendered the way the Register prints it: headings ("AGENCY:") and
paragraphs as blocks separated by blank lines, inline markup (`<E>`, `<SU>`) kept in its paragraph, page
markers and graphics dropped. Parsing is incremental (`iterparse`) and each document's element is cleared
once rendered, so a daily issue of any size costs one document's memory. ElementTree never fetches
external entities and expat (>= 2.4) caps entity expansion. A document nested deeper than `MAX_NESTING`
elements is refused as `too_deep` (rendering and hashing it would recurse per level); the issue reads on.
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

FR_TYPES = {"NOTICE": "notice", "RULE": "rule", "PRORULE": "proposed_rule"}
"""Document elements of a daily issue and the Register's section each is printed in."""
_PRESIDENTIAL_PARENT = "PRESDOCU"
_INLINE = frozenset({"E", "SU", "FR", "AC", "FTREF", "PRTPAGE", "LI", "BOLDFACE"})
"""Markup inside a paragraph: its text stays in the paragraph."""
_SKIP = frozenset({"PRTPAGE", "GPH", "GID", "MATH"})
"""Page markers and graphics: no text a reader of the notice sees as prose."""
_FR_DOC = re.compile(r"FR\s+Doc\.?\s*(?:No\.?:?\s*)?(\d{2,4}-\d+)", re.I)
_SPACE = re.compile(r"\s+")


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


def _number(element: ET.Element) -> re.Match[str] | None:
    """The FR Doc. number in a document's `<FRDOC>` line."""
    frdoc = element.find(".//FRDOC")
    return _FR_DOC.search("".join(frdoc.itertext())) if frdoc is not None else None


def _too_deep(element: ET.Element, where: str, count: int) -> SourceItem:
    number = _number(element)
    return rejected(f"{where}#{number.group(1)}" if number else f"{where}#item-{count}", TooDeep.code,
                    str(TooDeep(f"a <{element.tag}>")))


def _item(element: ET.Element, fr_type: str, where: str, published: str | None, count: int) -> SourceItem:
    text = render(element)
    number = _number(element)
    if number is None:
        return rejected(f"{where}#item-{count}", "bad_record", f"a <{element.tag}> without an FR Doc. number")
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
    del settings  # each document is bounded by the text limits applied at ingest
    stack: list[str] = []
    published: str | None = None
    count = 0
    document_at: int | None = None
    """Depth of the document element being read, if any."""
    too_deep = False
    try:
        for event, element in ET.iterparse(stream, events=("start", "end")):
            if event == "start":
                if not stack and element.tag != "FEDREG" and element.tag not in FR_TYPES:
                    yield rejected(where, "unsupported_type", f"XML with root <{element.tag}> is not a Federal "
                                   "Register issue (<FEDREG>) or document (<NOTICE>, <RULE>, <PRORULE>)")
                    return
                if document_at is None and (element.tag in FR_TYPES or stack[-1:] == [_PRESIDENTIAL_PARENT]):
                    document_at = len(stack)
                stack.append(element.tag)
                too_deep = too_deep or (document_at is not None and len(stack) > MAX_NESTING)
                continue
            stack.pop()
            parent = stack[-1] if stack else None
            if element.tag == "DATE" and parent == "FEDREG" and published is None:
                published = _issue_date(element.text)
            if element.tag in FR_TYPES or parent == _PRESIDENTIAL_PARENT:
                count += 1
                if too_deep:  # rendering and hashing it would recurse once per level
                    yield _too_deep(element, where, count)
                else:
                    yield _item(element, FR_TYPES.get(element.tag, "presidential_document"), where, published,
                                count)
                element.clear()
            elif parent == "FEDREG":
                element.clear()
            if document_at == len(stack):
                document_at, too_deep = None, False
    except ET.ParseError as exc:
        yield rejected(where if count == 0 else f"{where}#item-{count + 1}", "bad_record",
                       f"not well-formed XML, reading stopped: {exc}")
