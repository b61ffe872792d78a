"""The sections of a Federal Register notice: its labelled heads and the standard headings of system-of-records
and matching-program notices, so each field is read from the part of the notice that states it.

Headings come from `patterns/fedreg_sections.jsonl`; a heading is the start of a line up to a colon or a whole
short line. Text copied from a page that joined the lines (one long paragraph) keeps the Register's capitalised
labels ("... of records. DATES: Submit comments ..."): those count after a sentence end as well. The lead is
everything before the first section that is not a head (AGENCY, ACTION, SUMMARY, the contact block): the title
and summary, where the parties and the program are introduced. In two-column PDF text the labels can come out
of order; the lead still holds the summary then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from docketflow.extractors.data import read_jsonl

_HEADS = frozenset({"agency", "action", "summary"})


@dataclass(frozen=True)
class Section:
    """One section: its kind, where its heading starts and the span of its body (after the heading)."""

    name: str
    head: int
    start: int
    end: int


@cache
def _heading() -> re.Pattern[str]:
    rows = read_jsonl("fedreg_sections.jsonl")
    names = "|".join(f"(?P<s{i}>{row['pattern']})" for i, row in enumerate(rows))
    return re.compile(rf"^[ \t]*(?:\d+\.\s+|[•*]\s*)?(?:{names})(?:[ \t]*:|[ \t]*\.?[ \t]*$)", re.I | re.M)


_INLINE = re.compile(r"(?<=[.\]”\"]\s)(?:AGENCY|ACTION|SUMMARY|DATES|ADDRESSES|FOR FURTHER INFORMATION CONTACT|"
                     r"SUPPLEMENTARY INFORMATION):")


@cache
def _row_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(row["pattern"], re.I) for row in read_jsonl("fedreg_sections.jsonl"))


@cache
def _section_names() -> tuple[str, ...]:
    return tuple(row["section"] for row in read_jsonl("fedreg_sections.jsonl"))


@dataclass(frozen=True)
class Notice:
    """A notice's text cut into sections."""

    text: str
    sections: tuple[Section, ...]

    def all(self, name: str) -> list[Section]:
        return [s for s in self.sections if s.name == name]

    def first(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)

    @property
    def lead_end(self) -> int:
        """End of the title-and-summary part: the first section that is not a head."""
        summary = self.first("summary")
        if summary:
            return summary.end
        return next((s.head for s in self.sections if s.name not in _HEADS and s.name != "other"), len(self.text))


def notice_sections(text: str) -> Notice:
    """Sections in text order; each runs to the next heading."""
    found: list[tuple[str, int, int]] = []
    for match in _heading().finditer(text):
        group = next(k for k, v in match.groupdict().items() if v is not None)
        found.append((_section_names()[int(group[1:])], match.start(), match.end()))
    for match in _INLINE.finditer(text):
        if any(head <= match.start() < body for _, head, body in found):
            continue
        label = match.group()[:-1]
        row = next(i for i, p in enumerate(_row_patterns()) if p.fullmatch(label))
        found.append((_section_names()[row], match.start(), match.end()))
    found.sort(key=lambda f: f[1])
    sections = [Section(name, head, body, found[i + 1][1] if i + 1 < len(found) else len(text))
                for i, (name, head, body) in enumerate(found)]
    return Notice(text, tuple(sections))
