"""Engine-independent cleanup of extracted PDF page text.

Both PDF engines hand over the body text of each page (margins already cropped); what is left
to remove can only be recognised from the text: CM/ECF stamps, bare page numbers and running
headers/footers, which all sit in a page's first or last lines. Words hyphenated across a line
end are rejoined so that names and terms can be matched downstream.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from docketflow.extractors.ecf import EcfStamp, split_stamps

EDGE_LINES = 3
"""How many non-empty lines at each end of a page may hold a header, footer or page number."""
MIN_LETTERS = 50
"""Fewer letters than this on a page means there is no real text layer (stamps do not count)."""
BAD_SHARE = 0.1
"""Share of control/private-use/unassigned characters above which a text layer is a broken font encoding."""
LETTER_SHARE = 0.3
"""Share of letters below which a text layer is garbage rather than, say, a table of numbers."""
STAMP_LETTERS = 200
"""Letters the stamps on one page can account for (two stamps of a re-filed document, generously)."""
PAGE_NUMBER_SLACK = 10
"""A printed page number may be offset from the physical one (cover pages, reporter pagination)."""

_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:Page\s+)?(\d{1,4})(?:\s*-)?(?:\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)
_PAGE_OF = re.compile(r"^\s*Page\s+(\d{1,4})\s+of\s+\d{1,4}\s*$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
# PDFium joins a line ending in a hyphen with the next one itself and marks the spot with
# U+0002 or U+FFFE; between lower-case letters that is a broken word, elsewhere a real hyphen.
_PDFIUM_JOINED_HYPHEN = re.compile(r"(?<=[a-z])[\x02\ufffe](?=[a-z])")
_PDFIUM_HYPHEN = re.compile(r"[\x02\ufffe]")
_DIGITS = re.compile(r"\d+")
# C0/C1 controls other than line breaks and tabs, private-use glyphs and U+FFFD: what a font
# without a usable ToUnicode map produces.
_BAD_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")


@dataclass
class PageText:
    """One page's lines after stamp and page-number removal, and the stamps found on it."""

    lines: list[str]
    stamps: list[EcfStamp] = field(default_factory=list)


def split_lines(raw: str) -> list[str]:
    """Lines of `raw` with PDF line ends (CRLF) and PDFium's hyphen marks normalised, trailing blanks dropped."""
    raw = _PDFIUM_HYPHEN.sub("-", _PDFIUM_JOINED_HYPHEN.sub("", raw))
    return [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def _edge_indexes(lines: list[str]) -> list[int]:
    """Indexes of the first and last `EDGE_LINES` non-empty lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def clean_page(raw: str) -> PageText:
    """The page's lines without the CM/ECF stamps found anywhere on it."""
    lines, stamps = split_stamps(split_lines(raw))
    return PageText(lines, stamps)


def drop_page_number(page: PageText, page_number: int) -> None:
    """Remove bare page numbers ("7", "- 7 -") from the page's edges, and "Page 7 of 9" anywhere (in place).

    Only "Page N of M" is unmistakable enough to remove mid-page; a lone number there is usually
    a footnote mark.
    """
    edges = set(_edge_indexes(page.lines))
    drop = {
        i
        for i, line in enumerate(page.lines)
        if (m := _PAGE_OF.match(line) or (_PAGE_NUMBER.match(line) if i in edges else None))
        and abs(int(m[1]) - page_number) <= PAGE_NUMBER_SLACK
    }
    page.lines = [line for i, line in enumerate(page.lines) if i not in drop]


def _running_key(line: str) -> str:
    """Running headers differ from page to page only in their numbers."""
    return _DIGITS.sub("#", " ".join(line.split())).casefold()


def drop_running_lines(pages: list[PageText]) -> None:
    """Remove headers/footers repeated at the edges of many pages (in place).

    A line counts as running when it sits at a page edge on at least three pages and on at least
    30% of them, so a caption that appears once on page 1 is never touched.
    """
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_running_key(page.lines[i]) for i in _edge_indexes(page.lines)})
    threshold = max(3, 0.3 * len(pages))
    running = {key for key, n in counts.items() if n >= threshold and key.strip()}
    if not running:
        return
    for page in pages:
        edges = {i for i in _edge_indexes(page.lines) if _running_key(page.lines[i]) in running}
        page.lines = [line for i, line in enumerate(page.lines) if i not in edges]


def finish_page(lines: list[str]) -> str:
    """The page's text: lines joined, hyphenated line breaks rejoined, outer blank lines dropped."""
    return _HYPHEN_BREAK.sub("", "\n".join(lines)).strip("\n")


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Pages joined with a blank line, and the offset where each page starts."""
    starts: list[int] = []
    offset = 0
    for text in pages:
        starts.append(offset)
        offset += len(text) + 2
    return "\n\n".join(pages), starts


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def text_problem(text: str) -> str | None:
    """`"no_text"`, `"garbage"` (broken font encoding) or None when the page text is usable."""
    chars = len("".join(text.split()))
    letters = _letters(text)
    bad = len(_BAD_CHAR.findall(text))
    if bad > BAD_SHARE * chars or (letters >= MIN_LETTERS and letters < LETTER_SHARE * chars):
        return "garbage"
    if letters < MIN_LETTERS:
        return "no_text"
    return None


def lacks_text(raw: str) -> bool:
    """True when a page's raw text, stamps aside, has too few letters to be a text layer.

    Scanned filings carry a text stamp over the image, so the stamp must not count as text.
    """
    if _letters(raw) >= MIN_LETTERS + STAMP_LETTERS:
        return False
    lines, _ = split_stamps(split_lines(raw))
    return _letters("\n".join(lines)) < MIN_LETTERS
