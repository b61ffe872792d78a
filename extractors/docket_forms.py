"""How courts print their docket numbers, as one regex grammar (shared by the DOCKET component and the caption reader).

Each court system has its own form, and one case's number is printed several ways in one document:

- federal district courts (CM/ECF): office, two-digit year, case type, number, judges' initials
  ("3:25-cv-01234-ABC-DEF", "3:25-cv-1234 (ABC)(DEF)", "8:16-cv-1261 DOC (KESx)", "1:96CV1500RWS",
  "25 cv 01234", "1 :25-CV-1234");
- the New York and Illinois federal courts' year-type-number form ("12 Civ. 5708 (ABC)", "08 C 2468");
- a type or office prefix ("CV 21-7731-AB-CDx", "CIV S-97-1357 QRS", "C19-2468 XYZ", "A-16-CV-917-LY",
  "KLM-06-3141", "05-1122-CV-W-ABC");
- state appellate courts ("No. 1 CA-CV 01-0055" in Arizona, "No. 106 C.D. 2015" in Pennsylvania's
  Commonwealth Court, "S.F. 23456" in California), multidistrict litigation ("MDL No. 2641"), and the generic
  dashed, lettered or run-together numbers of appellate and state courts ("25-5181", "11-2233-ag", "2007CA00254").

`NUMBER` matches any of them as printed. `parse` (with `patterns/dockets.jsonl`) reads a printed key's parts, and
`same_case` tells whether two printed forms are one case.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from docketflow.extractors.data import read_jsonl, read_tsv

DASH = "[-–‐‑]"
_STOP = (r"(?:ORDER|ORDERS|DATE|DATED|AND|THE|FOR|OF|CASE|JUDGE|RE|IN|ON|TO|BY|NO|NOS|MDL|CIVIL|CV|CR|MEMORANDUM|"
         r"OPINION|ECF|DOC|DKT|PAGE|ID|FILED)")
INITIALS = (rf"(?:[ \t]?\([A-Z]{{1,5}}x?(?:[/-][A-Z]{{1,5}}x?)*\)"
            rf"|{DASH}[A-Za-z][A-Za-z\d]{{0,3}}x?(?:/[A-Z]{{1,3}})?(?!\w)"
            rf"|[ \t](?!{_STOP}\b)[A-Z]{{1,4}}x?(?![\w\-/]|\.\w))*")
"""Judges' initials after a district number: "-ABC-DEF", " ABC DEF", " (ABC)", "(ABC)(DEF)", " (ABC/DEF)", " DOC (KESx)"
(an "x" marks a magistrate judge); never a following word such as "ORDER"."""
_TYPES = r"(?:cv|cr|mj|md|mc|bk|ap|po|sw|ml|civ|CV|CR|MJ|MD|MC|BK|AP|PO|SW|ML|CIV|Cv|Cr|Civ)"
_DISTRICT = (rf"(?:(?:\d{{1,2}}|l)[ \t]?:[ \t]?)?\d{{2}}[ \t]?{DASH}?[ \t]?{_TYPES}[ \t]?{DASH}?[ \t]?\d{{1,6}}(?!\d)"
             rf"(?:[A-Z]{{2,4}}(?![\w]))?(?:{DASH}\d{{1,3}}(?![\w]))?{INITIALS}")
"""A CM/ECF district number: "3:25-cv-01234-ABC", "25-cv-1234", "1:20CV457", "25 cv 01234 ABC", "1 :25-CV-1234"."""
_CIV_NUMBER = (r"\d{2}(?:[ \t]{1,2}(?:Civ\.?|CIV\.?|Cv\.?|CV|cv|Cr\.?|CR|Crim\.?|CRIM\.?|Misc\.?|MC|C|M)[ \t]{1,2}|C)"
               rf"\d{{1,6}}(?![\d\-]){INITIALS}")
"""The year-type-number form of New York and Illinois federal courts: "12 Civ. 5708 (ABC)", "08 C 2468", "08C2468"."""
_PREFIXED = (rf"(?:MDL|(?:SA|ED|LA)?CV|CIV|Civ|Cv|CR|Cr|C)\.?(?:[ \t]?A\.)?[ \t]{{0,2}}{DASH}?[ \t]?"
             rf"(?:(?!NO\b)[A-Z]{{1,2}}[-. ][ \t]?)?\d{{2}}{DASH}\d{{1,6}}(?!\d)(?:{DASH}[A-Z]{{1,4}}x?)*{INITIALS}")
"""A type or office before the year: "CV 21-7731-AB-CDx", "C 09-03315 ABC", "CIV S-97-1357 QRS", "C19-2468 XYZ",
"MDL 15-02641-PHX-DGC"."""
_LETTERED = (rf"[A-Z]{{1,3}}{DASH}\d{{2}}{DASH}C[AVR]{DASH}\d{{1,6}}(?:{DASH}[A-Z]{{1,4}})*"
             rf"|\d{{2}}{DASH}\d{{3,6}}{DASH}CV{DASH}[A-Z]{{1,2}}(?:{DASH}[A-Z]{{1,4}})*"
             rf"|(?!(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\b)[A-Z]{{2,4}}{DASH}\d{{2}}{DASH}\d{{3,6}}(?![\w-])")
"""An office letter or the judge's initials before the year: "A-16-CV-917-LY", "05-1122-CV-W-ABC", "KLM-06-3141"."""
_STATE = (r"\d[ \t]?CA-[A-Z]{2}[ \t]?\d{2}-\d{3,5}(?!\d)"
          r"|\d{1,5}[ \t](?:C\.D\.|M\.D\.|[WEM]DA|[WEM]AL|[WEM]AP)[ \t](?:19|20)\d{2}(?!\d)"
          r"|(?:S\.F\.|L\.A\.|Sac\.|Crim\.)[ \t]?\d{4,6}(?!\d)")
"""State appellate forms: Arizona's "1 CA-CV 01-0055", Pennsylvania's "106 C.D. 2015", California's "S.F. 23456"."""
_GENERIC = (r"MDL[ \t](?:No\.[ \t]*)?\d{3,5}(?!\d)"
            rf"|[A-Z]{{0,3}}\d[\dA-Za-z]*(?:[{DASH[1:-1]}:][\dA-Za-z]+)+(?:/[A-Z]{{1,3}}(?!\w))?"
            r"|[A-Z]{1,3}\d{4,8}(?![\w-])"
            r"|\d{4}[A-Z]{2}\d{3,6}(?![\w-])"
            r"|[A-Z]{1,3}-\d{4,7}(?![\w-])")
"""Appellate and state numbers: "25-5181", "11-2233-ag", "01-99-00123-CV", "ED108783", "2007CA00254", "C-16928"."""
CIVIL_WORDS = r"(?:(?:Civil|CIVIL|Civ\.|CIV\.|CV\.|Cr\.|CR\.)[ \t]*(?:(?:Action|ACTION|A\.)[ \t]*)?)?"
"""A type word printed before the number, part of it as the clerk keys it: "No. Civil 81-432-C", "NO. CIV. 88-246",
"No. CIV.A.05-2326"."""
NUMBER = "|".join(f"(?:{form})" for form in (_STATE, _DISTRICT, _CIV_NUMBER, _PREFIXED, _LETTERED, _GENERIC))
"""Any printed docket number, most specific form first."""
UNLABELLED = "|".join(f"(?:{form})" for form in (_DISTRICT, _CIV_NUMBER, _LETTERED))
"""Forms distinctive enough to be a docket with no "No." before them (a caption column, a footer)."""
SPACED = rf"\d{{2}}[ \t]?{DASH}{{1,2}}[ \t]?\d{{2,6}}(?![\w])(?:[ \t]?\([A-Z]{{1,5}}x?(?:[/-][A-Z]{{1,5}}x?)*\))*"
"""A year and number apart by a spaced dash ("96 - 1234 (AB)"): a docket only after a label."""

@cache
def context_words(role: str) -> frozenset[str]:
    """Words before "No." that make it something else: `not_docket` right before it ("Pub. L. No.",
    "ECF No."), `other_case` up to two words before it ("Related Case No.")."""
    return frozenset(row["word"] for row in read_tsv("docket_context.tsv") if row["role"] == role)


MIN_DIGITS = 4
"""Fewer digits than this ("Nos. 3-4") is an item number, not a docket."""
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-"})
_CANONICAL_TYPES = {"civ": "cv", "c": "cv", "ca": "cv", "sacv": "cv", "edcv": "cv", "lacv": "cv", "crim": "cr",
                    "misc": "mc", "m": "mc"}


def key_of(printed: str) -> str:
    """Docket key: as printed, whitespace- and dash-normalized (typeset hyphens and en dashes become "-"),
    without a "No." inside ("MDL No. 2641" -> "MDL 2641")."""
    return re.sub(r"\bNo\.\s*", "", " ".join(printed.split())).translate(_DASHES)


@cache
def _parsers() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["kind"], re.compile(row["parse"])) for row in read_jsonl("dockets.jsonl"))


def parse(key: str) -> dict[str, Any]:
    """The parts of a docket key: kind plus office, year, type, number, judge_initials where printed, and `case`,
    the form two printings of one case share ("3:25-cv-01234-ABC" and "25-cv-1234 (ABC)" -> "25-cv-01234")."""
    for kind, pattern in _parsers():
        if m := pattern.match(key):
            parts = {k: v.strip() for k, v in m.groupdict().items() if v and v.strip()}
            initials = re.findall(r"[A-Za-z]+", parts.get("judge_initials", "") + " " + parts.pop("more", ""))
            if initials:
                parts["judge_initials"] = "-".join(initials)
            case = _case(kind, parts)
            return {"kind": kind, **parts, **({"case": case} if case else {})}
    return {"kind": "other"}


def _case(kind: str, parts: dict[str, str]) -> str | None:
    """"yy-type-nnnnn" for a district number with a type, "yy-nnnnn" for a year-number form."""
    if "year" not in parts or "number" not in parts or not parts["number"].isdigit():
        return None
    number = f"{int(parts['number']):05d}"
    kind_type = parts.get("type", "").lower().rstrip(".")
    if kind.startswith("district") and kind_type:
        return f"{parts['year']}-{_CANONICAL_TYPES.get(kind_type, kind_type)}-{number}"
    return f"{parts['year']}-{number}" if kind == "appellate" else None


def case_number(key: str) -> str:
    """A printed number without the judges' initials in parentheses after it ("12 Civ. 5708 (ABC)" -> "12 Civ.
    5708"): the case's number, whichever judges it is assigned to."""
    return re.sub(r"(?:[ \t]?\([A-Z]{1,5}x?(?:[/-][A-Z]{1,5}x?)*\))+$", "", key)


def same_case(a: str, b: str) -> bool:
    """Whether two printed docket numbers name one case (same year, type and number, whatever the office,
    initials and spacing)."""
    case_a, case_b = parse(a).get("case"), parse(b).get("case")
    return case_a is not None and case_a == case_b
