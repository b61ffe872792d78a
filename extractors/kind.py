"""Tell court orders, opinions, Federal Register notices and news apart from the text's structure and language."""

from __future__ import annotations

import math
import re
from itertools import islice

from docketflow.extractors.docket_text import is_docket_text
from docketflow.extractors.structure import Structure, read_structure

_HEAD = 6000
_CAPTION = re.compile(
    r"UNITED\s+STATES\s+(DISTRICT|BANKRUPTCY)\s+COURT|IN\s+THE\s+UNITED\s+STATES|SUPERIOR\s+COURT|"
    r"COURT\s+OF\s+APPEALS|SUPREME\s+COURT|Board\s+of\s+Immigration\s+Appeals|TAX\s+COURT|"
    r"Plaintiffs?,?\s*\n|Defendants?[.,]?\s*\n|Petitioners?,|Appellants?,|Respondents?[.,]",
    re.IGNORECASE,
)
_ORDER = re.compile(  # every form starts with one of these characters (or a line's indent): a fast scan
    r"(?=[IOSC\s])(?:\bIT\s+IS\s+(SO\s+|HEREBY\s+|FURTHER\s+)?ORDERED\b|^\s*ORDER\b|\bORDER\s+(GRANTING|DENYING|RE|ON|TO)\b|"
    r"\bSTIPULATION\s+AND\s+(\[PROPOSED\]\s+)?ORDER\b|CIVIL\s+MINUTES)",
    re.MULTILINE,
)
_OPINION = re.compile(
    r"\b(OPINION|MEMORANDUM\s+AND\s+ORDER|MEMORANDUM\s+OPINION|MEMORANDUM\*?|Circuit\s+Judges?|"
    r"J\.\s*:|delivered\s+the\s+opinion|PER\s+CURIAM|AFFIRMED|REVERSED|VACATED)\b"
)
_ORDER_WORDS = ("ORDER", "CIVIL")
"""Every form of `_ORDER` holds one of these: a text with neither has none, found without the scan (which tries
the pattern at every line start and space of the text)."""
_FR_LABELS = re.compile(r"^[ \t]*(AGENCY|ACTION|SUMMARY|DATES?|ADDRESSES)\s*:", re.MULTILINE)
"""The labelled heads every Federal Register document carries, each at the start of a line (in two-column
PDF text they can come out of order, so which of them are present counts, not their order)."""
_FR_MASTHEAD = re.compile(
    r"\[FR\s+Doc(?:\.|ument|\s+No)|\bFederal\s+Register\s*/\s*Vol\.|\[Federal\s+Register\s+Volume|"
    r"\bFederal\s+Register,?\s+Vol(?:ume|\.)|\b\d{1,3}\s+(?:FR|Fed\.\s*Reg\.)\s+\d+\b",
    re.IGNORECASE,
)
"""The Register's own apparatus: FR Doc line, page masthead, volume line, an "83 FR 28471" citation."""
_NEWS = re.compile(
    r"\b(said|told|according to|spokes(person|man|woman)|reported|(AP|Reuters) Photo)\b", re.IGNORECASE
)


_OPINION_CLOSE = re.compile(
    r"\b(?:IT\s+IS\s+SO\s+ORDERED|WE\s+CONCUR|JJ\.,?\s+concur|[Ww]e\s+(?:therefore\s+|accordingly\s+)?"
    r"(?:affirm|reverse|vacate|remand)\b|(?:Judgment|Order|Conviction|Decision)s?\s+(?:is\s+|are\s+)?"
    r"(?:affirmed|reversed|vacated)\.)"
)
"""How a majority opinion closes: caption-less bulk texts ("OPINIONALVAREZ, Judge.{1} ...") have no caption
but close like every opinion."""
_STIPULATION = re.compile(r"\bSTIPULAT(?:ION|ED)\b")
"""A stipulation the court signs is an order, whatever its signature block looks like."""
_ORDER_TITLE = re.compile(r"^\s*(?:\[?PROPOSED\]?\s+)?(?:STIPULATED\s+|STIPULATION\s+AND\s+)?(?:\w+\s+){0,2}?ORDER\b")


def _opinion_shaped(text: str, structure: Structure) -> bool:
    """An author line ("ALVAREZ, Circuit Judge:", "Justice Lin delivered the opinion of the Court.") or
    a per curiam line opens it, or separate opinions follow it, and it closes like an opinion."""
    opened = structure.author_line is not None or structure.per_curiam or bool(structure.separate)
    early = structure.author_line is not None and structure.author_line[0] < _HEAD
    return opened and (early or bool(_OPINION_CLOSE.search(text)))


def _at_least(pattern: re.Pattern[str], text: str, count: int) -> bool:
    """Whether `pattern` occurs `count` times in `text`, scanning no further than the last one needed."""
    return next(islice(pattern.finditer(text), count - 1, None), None) is not None


def detect_kind(text: str, stated: str | None = None, media_type: str | None = None) -> str:
    """`court_order`, `opinion`, `federal_register_notice`, `news` or `other`; a kind stated by a sidecar
    wins, except a stated `other` (which says only "not one of ours") over a text shaped like a notice."""
    return read_kind(text, stated, media_type)[0]


def read_kind(text: str, stated: str | None = None,
              media_type: str | None = None) -> tuple[str, Structure | None]:
    """`detect_kind`, and the structure it read to decide (None when it decided without one), which the
    pipeline keeps for the document (`structure.keep_structure`) rather than read the text a second time."""
    head = text[:_HEAD]
    if stated in ("court_order", "opinion", "news", "federal_register_notice"):
        return stated, None
    if is_federal_register(head):
        return "federal_register_notice", None
    if stated == "other":
        return stated, None
    if is_docket_text(text):
        return "court_order", None
    structure = read_structure(text)
    captioned = bool(_CAPTION.search(head)) or bool(structure.court_lines and structure.dockets)
    if captioned:
        opinions = len(_OPINION.findall(head))
        if any(word in text for word in _ORDER_WORDS) and _at_least(_ORDER, text, max(1, math.ceil(opinions / 2))):
            title = structure.title.text if structure.title else ""
            if (structure.author_line is not None and not _ORDER_TITLE.match(title)
                    and not _STIPULATION.search(head) and _OPINION_CLOSE.search(text)):
                return "opinion", structure
            return "court_order", structure
        return "opinion", structure
    if _opinion_shaped(text, structure):
        return "opinion", structure
    if media_type == "text/html" or len(_NEWS.findall(head)) >= 2:
        return "news", structure
    return "other", structure


_PRIVACY_ACT_TITLE = re.compile(
    r"\A\W*Privacy\s+Act(?:\s+of\s+1974)?;\s*(?:(?:Proposed|New|Modified|Amended|Altered|Rescinded|Computer|"
    r"Re-?established)\s+)*(?:Matching\s+Programs?|Systems?\s+of\s+Records)\b", re.IGNORECASE)
"""The Register's title of a Privacy Act notice, first in the text ("Privacy Act of 1974; Matching Program"): a
notice even when only its one-paragraph abstract was kept."""


def is_federal_register(head: str) -> bool:
    """Federal Register document: at least three of its labelled heads, or two and the Register's apparatus, or
    a Privacy Act notice's own title at the top."""
    labels = {m.group(1).upper().rstrip("S") for m in _FR_LABELS.finditer(head)}
    return (len(labels) >= 3 or (len(labels) >= 2 and bool(_FR_MASTHEAD.search(head)))
            or bool(_PRIVACY_ACT_TITLE.match(head)))
