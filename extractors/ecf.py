"""CM/ECF header stamps ("Case 3:25-cv-05536-VC Document 98 Filed 08/12/25 Page 1 of 7").

The court's filing system prints one on every page. It is no part of what the court wrote (it
would otherwise add a docket number and a date to every page), but it is the most reliable
statement of which docket, entry and filing date the document belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docketflow.extractors.isodate import to_iso_date

# District courts, the circuits' CM/ECF and ACMS, the D.C. Circuit ("USCA Case #") and the Tenth
# Circuit ("Appellate Case:") all start with "Case" + docket and carry a m/d/y date and a page number.
STAMP_LINE = re.compile(
    r"^[ \t]*(?:Appellate[ \t]+|USCA\d*[ \t]+)?Case:?[ \t]*#?[ \t]*(?P<docket>\d[\w:.\-]*\w)\b,?"
    r"(?=[^\n]*(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d))"
    r"(?=[^\n]*\bPages?(?:[ \t]*ID)?:?[ \t]*#?:?[ \t]*\d)"
    r"[^\n]{0,160}$",
    re.MULTILINE,
)
_DOCUMENT = re.compile(r"\bDoc(?:ument)?\.?:?\s*#?\s*(\d[\d.\-]*\d|\d)")
_DKT_ENTRY = re.compile(r"\bDktEntry:?\s*(\d[\d.]*\d|\d)")
_FILED = re.compile(r"\bFiled:?\s*(\d{1,2}/\d{1,2}/\d{2,4})(?!\d)")
_ANY_DATE = re.compile(r"(?<!\d)(\d{1,2}/\d{1,2}/\d{2,4})(?!\d)")


@dataclass(frozen=True)
class EcfStamp:
    """What a stamp says about the document it is printed on."""

    docket: str
    document_number: str | None
    filed: str | None
    """ISO date."""
    line: str


def parse_stamp(line: str) -> EcfStamp | None:
    """The stamp on `line` (a whole line), or None if the line is not a stamp."""
    m = STAMP_LINE.match(line)
    if m is None:
        return None
    doc = _DOCUMENT.search(line) or _DKT_ENTRY.search(line)
    filed = _FILED.search(line) or _ANY_DATE.search(line)
    return EcfStamp(
        docket=m["docket"],
        document_number=doc[1] if doc else None,
        filed=to_iso_date(filed[1]) if filed else None,
        line=line.strip(),
    )


def find_stamps(text: str) -> list[EcfStamp]:
    """Every stamp line in `text`, in order."""
    return [stamp for m in STAMP_LINE.finditer(text) if (stamp := parse_stamp(m[0]))]


def split_stamps(lines: list[str]) -> tuple[list[str], list[EcfStamp]]:
    """`lines` without the stamp lines, and the stamps they held."""
    kept: list[str] = []
    stamps: list[EcfStamp] = []
    for line in lines:
        stamp = parse_stamp(line) if "Case" in line else None
        if stamp is None:
            kept.append(line)
        else:
            stamps.append(stamp)
    return kept, stamps


def document_stamp(stamps: list[EcfStamp]) -> EcfStamp | None:
    """The stamp that identifies the document, from the stamps of its first stamped page.

    A document re-filed as an exhibit or an order entered on a stipulation keeps the old stamp
    under the new one; the latest-filed stamp on the page is the one for this document.
    """
    if not stamps:
        return None
    return max(stamps, key=lambda s: s.filed or "")
