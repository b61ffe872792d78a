"""The case name a court document's caption gives: "A v. B", the first party of each side, cited short.

A caption sets the parties in a left column ("MARISOL QUENBY, et al., / Plaintiffs, / v. / DEPT. OF WIDGETS, /
Defendants.") and the case number, the judge and the document's title in a right column. PDF text often merges
the two columns line by line ("MARISOL QUENBY, et al., Case No. 4:31-cv-01234-ABC", "v. ORDER SETTING
ASIDE AND"), sets them apart with ")" or "§" rules, or numbers the lines (pleading paper); a reporter's print opens
with its citation ("123 F.Supp. 456 (2031)") and runs each side, roles and descriptions, on one line.

`case_name(text)` reads each caption line's left column, finds the line that says "v." (or "v." and the second
side's first words), reads up from it to where the caption starts (the court's name, a rule, a stamp) and down
to the second side's role, and names the first party of each side as a case name cites it (`party_names`):
"Quenby v. Department of Widgets". A caption that lost its "v." is read between the first side's role and the
second's; the line a reporter's print opens with ("Quenby v. Ellery County, 123 F.Supp.2d 456 (2031)") and a
labelled caption line ("Title: Quenby v. Bell") name the case themselves. What cannot be told apart from the
caption's other text gives None: a wrong name is worse than none, since case names link documents into cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import overload

from docketflow.extractors.data import read_tsv
from docketflow.extractors.records.party_names import ABBREVIATION, ROLE, party_name, words
from docketflow.extractors.structure import ORDINAL

# --- What a caption line holds ------------------------------------------------------------------------------

_ROLE_LINE = re.compile(rf"(?i)^[\s,.;:]*(?:and\s+)?{ROLE}[\s,.;:*\d\[\]]*$")
"""A line that gives only a side's role: "Plaintiffs,", "Defendants-Appellees.", "Plaintiff and Respondent"."""
_ROLE_THEN = re.compile(rf"(?i)^(?P<role>(?:.*?[\s,])?{ROLE}[,.;:]?)\s+(?P<rest>\S.*)$")
"""A left column's role and the right column's text merged after it ("Plaintiffs, ORDER")."""
_HAS_ROLE = re.compile(rf"(?i),\s*{ROLE}\b")
_FIRST_ROLE = re.compile(r"(?i)^[\s,.;:]*(?:plaintiffs?|petitioners?|appellants?|movants?|relators?|claimants?)\b")
_SECOND_ROLE = re.compile(r"(?i)^[\s,.;:]*(?:defendants?|respondents?|appellees?)\b")

_VERSUS = re.compile(r"^(?:[-–—*.]*\s*(?:v|vs|V|VS|v\s?s|V\s?S|versus|VERSUS)\s?\.?|[-–—]\s*(?:against|AGAINST))"
                     r"\s*[-–—*]*(?:\s+(?P<rest>\S.*))?$|^(?:against|AGAINST)$")
"""The line between the sides: "v.", "vs.", "-against-", "V S.", possibly followed by the right column's text
or the second side's first words."""

_DOCKET_LABEL = (r"(?:(?:Case|CASE|Civil|CIVIL|Civ|CIV|Criminal|CRIMINAL|Crim|CRIM|Cr|CR|Misc|MISC|Index|INDEX|"
                 r"Docket|DOCKET|Cause|CAUSE|MDL|Adv|ADV|Adversary|Appeal|APPEAL|Record|Action|ACTION)\.?[ \t]*"
                 r"(?:(?:Action|ACTION|Case|CASE|Proc|A)\.?[ \t]*)?)?(?:Nos?|NOS?|Numbers?|NUMBERS?|#)\.?[ \t]*:?[ \t]*"
                 r"(?=[A-Za-z]{0,4}[ \t.\-]?(?:\d+(?:[\-:–]|[ \t]?[A-Za-z]{1,4}\.?[ \t.\-]?\d)|\d{3}|\d{1,3},\d{3}))")
"""A case number's label, before a number in a docket's form ("No. 4:31-cv-01234", "Civil Action No. 31-1234",
"CAUSE NO. A-31-CA-123", "Docket No. 31,234"); never "No. 3" in a party's name."""
_RIGHT = re.compile(
    rf"{_DOCKET_LABEL}|\b(?:CIVIL|Civil)[ \t]+(?:ACTION|Action)\b|"
    r"(?:\b\d{1,2}:)?\b\d{2}[ \t\-]?(?i:cv|civ|cr)\b\.?[ \t\-]?\d{2,}|\b(?:Civ|CIV|Crim|CRIM)\.[ \t]*\d|"
    r"\[?\bRe:?[ \t]*(?:Dkt|DKT|Doc|DOC|ECF)\b|\[?\b(?:Dkt|DKT|ECF|Doc|DOC)s?\.?[ \t]+(?:(?:Nos?|NOS?)\.|\d)|"
    r"\b(?:HONORABLE|Honorable|HON\.|Hon\.)[ \t]|"
    r"\b(?:(?:Chief|Senior|District|Magistrate|U\.S\.|CHIEF|SENIOR|DISTRICT|MAGISTRATE)[ \t]+)*(?:Judge|JUDGE)"
    r"[ \t]+[A-Z]|\b(?:JURY[ \t]+TRIAL|Jury[ \t]+Trial|CLASS[ \t]+ACTION|Class[ \t]+Action)\b"
)
"""Where a merged line's right column starts: a case number, "Civil Action", "Re: Dkt. No.", the judge."""
_TITLE_START = re.compile(r"^\[?(?:PROPOSED\]?[ \t]+)?(?:(?:AMENDED|SECOND|THIRD|FINAL|SUPPLEMENTAL|STIPULATED|"
                          r"PRELIMINARY|TEMPORARY|PERMANENT|PARTIAL|CONSENT|AGREED|PROTECTIVE)[ \t]+)*"
                          r"(?:ORDER|MEMORANDUM|OPINION|JUDGMENT|DECISION|FINDINGS|REPORT|DECREE|STIPULATION|"
                          r"INJUNCTION|RULING|NOTICE)S?\b")
"""The start of a document title in capitals, set in the right column: "ORDER GRANTING ...", "MEMORANDUM"."""
_TITLE_WORD = re.compile(r"\b(?:ORDER|MEMORANDUM|OPINION|JUDGMENT|DECREE|FINDINGS|RULING)S?\b")
_SEPARATOR = re.compile(r"[ \t]{3,}|\t|(?:^|[ \t])[)(§|:}{*](?=[ \t]|$)")
"""What sets a caption's columns apart: a wide gap, or a rule of ")", "§", ":" or "*" between spaces."""
_MARGIN = re.compile(r"^[ \t]*(?:(?:(?!v\.|vs\.|[A-Z]{2,}\b)\S{1,6}[ \t]+){1,2}(?=\d{1,2}(?:[ \t]{2}|[ \t]*$))|"
                     r"(?:(?!(?:and|or|v|vs|et|de|del|la|van|von|by)\b)[a-z]{1,4}[ \t]+){1,2}(?=[A-Z]{2}))?"
                     r"(?:\d{1,2}(?=[ \t]|$))?")
"""What a page's margin puts before a caption line: pleading paper's line number ("7  Plaintiffs,"), and the
letters of a court's name printed sideways in the margin, which the text interleaves ("xo ne 12  ROE")."""
_HRULE = re.compile(r"^(?:[_=]{3}|-{3}|[\s)(:§|}{]*[_\-=~*]{3}[\s)(:§|}{xX_\-=~*]*$)")
"""A line drawn across the caption ("______", "-----x", "========)"): it closes the parties' block."""
_DECORATION = re.compile(r"^[\s_\-=~*)(:§|}{.,/\\\d]*$")
_COURT = re.compile(
    r"\b(?:COURT|Court|DIVISION|Division|CIRCUIT|Circuit|VICINAGE|Vicinage|BANKRUPTCY|Bankruptcy)\b|"
    r"^[NSEWMC]\.[ \t]?D\.|\bJJ\.|\b[JP]\.[ \t]?[JP]\.,|^(?:IN|In|FOR|For|AT|At)[ \t]+(?:THE|the)\b|^AT[ \t]+[A-Z]+$|"
    r"(?i:^(?:the[ \t]+)?district[ \t]+of[ \t]+[\w .]+$)|"
    rf"(?i:^(?:northern|southern|eastern|western|middle|central|{ORDINAL}),?[ \t]+(?:judicial[ \t]+|appellate[ \t]+)?"
    r"(?:district|department|division)\b)"
)
"""A line of the court's name ("UNITED STATES DISTRICT COURT", "FOR THE DISTRICT OF ELLERY", "NORTHERN
DIVISION", "FIFTH APPELLATE DISTRICT", "W.D. Ellery") or its panel ("ROE, J.P., BELL, JJ."): the parties are
below it."""
_HEADER = re.compile(r"(?i)\bdocument\s+\d|\bpage\s*\d+\s+of\s+\d|\bpageid\b")
"""The CM/ECF header ("Case 4:31-cv-01234 Document 9 Filed 03/04/31 Page 1 of 5") or a page's number line."""
_CITE = re.compile(r"^\d{1,4}[ \t]+[A-Z][A-Za-z.'’ \t()]{0,30}?(?:\d[a-z]{1,2})?[ \t]+\d{1,5}(?:[ \t]*\(\d{4}\))?\.?$")
"""A reporter's citation on its own line ("123 F.Supp. 456 (2031)", "45 So. 2d 67"): the caption starts below."""
_STAMP = re.compile(r"(?i)^filed\b|\bfiled\s*:|^entered\b|^(?=.{0,50}$).*\b(?:clerk|publication|published|"
                    r"precedential|received|u\.s\.d\.c\.|calendar)|\b(?:term|session)\b|"
                    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d\b")
"""What heads a caption but is none of it: a clerk's or reporter's stamp ("FILED", "NOT FOR PUBLICATION",
"Summary Calendar"), a date or a court's term."""
_IN_RE = re.compile(r"(?i)^(?:in\s+re|in\s+the\s+matter\s+of|matter\s+of)\b")
"""A case of one side ("In re Ana Roe, Debtor."): the case's name, above a proceeding's "A v. B" brought in it."""
_INDENT = 40
"""A line that starts this far right of "v." is the other column's (a stamp, a notice, the court below)."""
_PROSE = re.compile(r"(?:\b[a-z][a-z'’]*[,;]?\s+){3,}[a-z]")
"""Four lower-case words in a row: a description ("on behalf of all others") or running text."""
_CODE = re.compile(r"^(?=.*\d)[\W\d]*(?:[A-Za-z]{1,4}[\W\d]+)*[\W\d]*$")
_LABELLED = re.compile(r"^(?:Case[ \t]+)?(?:Title|TITLE|Caption|CAPTION|Case[ \t]+Name|CASE[ \t]+NAME)[ \t]*:[ \t]*"
                       r"(?P<first>.+?)[ \t]+(?:v|vs|V|VS)\.?[ \t]+(?P<second>.+)$")
"""A caption given on one labelled line, as civil minutes print it: "Title: Marisol Quenby v. Dept. of Widgets"."""
_REPORTER_HEADER = re.compile(
    r"^\[?(?:Cite[ \t]+as[ \t]+)?(?P<first>[^,]+?(?:,[ \t]*(?:Inc|Jr|Sr|LLC|Co|Corp|Ltd|PC|P\.C)\.?)?)[ \t]+v\.?[ \t]+"
    r"(?P<second>.+?)(?:,[ \t]*(?:\d{1,4}[ \t]+[A-Z][\w.' ]{0,20}?[ \t]+\d{1,5}[^()]*\(\d{4}\)|"
    r"Not[ \t]+Reported[^()]*\(\d{4}\)|\d{4}[ \t]+WL[ \t]+\d+[^()]*\(\d{4}\)|\d{4}-[A-Z][a-z]+-\d+\.?\])|"
    r"[ \t]+\(\d{4}[ \t]+[A-Z][\w.]*[ \t]+Slip[ \t]+Op[ \t]+\d+\))[ \t]*$")
"""The line a reporter's print opens with, naming the case as it cites it: "Quenby v. Dept. of Widgets, 123
F.Supp.2d 456 (2031)", "Roe ex rel. Bell v. Ellery Township, Not Reported in F.Supp.2d (2031)", "[Cite as Roe v.
Bell, 2031-Ohio-123.]", "Matter of Roe v Bell (2031 NY Slip Op 01234)"."""


@dataclass(frozen=True)
class _Line:
    """One caption line's left column, read: a party's text, a role, "v.", nothing, or where the caption ends."""

    kind: str
    """"party", "prose" (lower-case words: a description, or text), "role", "versus", "inline" (a caption on one
    line), "in re" (a case named for one side), "blank" (nothing of the left column) or "stop" (a court's name, a
    stamp: not the parties' lines)."""
    text: str = ""
    """A party line's text; for "v.", the second side's words on its line; for a caption on one line, its first
    side; for a court's line, the court (which a second side may name: "Roe v. Superior Court of Ellery")."""
    second: str = ""
    """For a caption on one line ("Title: Roe v. Bell"), its second side."""
    rule: bool = False
    """A line drawn across the caption: it closes the parties' block."""
    indent: int = 0
    """How far right the line starts."""


@cache
def _place_line() -> re.Pattern[str]:
    """A line naming only where the court sits ("AT MILLBROOK, TEXAS", "Millbrook, Ohio."): a heading, since a
    party's line goes on with a comma or its role."""
    states = "|".join(re.escape(row["name"]) for row in read_tsv("us_states.tsv"))
    return re.compile(rf"(?i)^(?:at\s+)?[A-Z][\w .'’-]{{1,30}},\s*(?:{states})\.?$")


def _is_code(cell: str) -> bool:
    """Whether a cell is a number or code rather than words: no word over four letters, and no more letters than
    digits ("XY AB-012-034", "(A31-123-456)", "31-cv-1234 (ABC)"; never "JANE ROES # 2")."""
    return bool(_CODE.match(cell)) and sum(c.isalpha() for c in cell) <= sum(c.isdigit() for c in cell)


def _is_title(cell: str) -> bool:
    """Whether a cell starts a document title in capitals ("ORDER GRANTING ...", "MEMORANDUM OPINION [ECF 9]")."""
    return bool(_TITLE_START.match(cell)) and " ".join(cell.split()[:3]).isupper()


def _title_tail(left: str) -> tuple[str, bool]:
    """`left` without the capitals of a title that the right column continues on this line ("UNITED STATES
    DEPARTMENT OF DENYING MOTION TO" -> "UNITED STATES DEPARTMENT OF"), and whether any was cut. The
    title's words come from a closed list; the function words it would start with ("OF", "AND") stay left."""
    found = left.split(" ")
    function = words("function")
    title = words("title") | function
    cut = len(found)
    while cut > 0 and found[cut - 1].isupper() and found[cut - 1].strip(",.;:'’[]").lower() in title:
        cut -= 1
    while cut < len(found) and found[cut].lower() in function:
        cut += 1
    if cut == len(found):
        return left, False
    return " ".join(found[:cut]).rstrip(), True


def _columns(raw: str, in_title: bool) -> tuple[str, bool, bool]:
    """The left column of a caption line, whether the line holds right-column text, and whether the right column
    is in a title (which goes on, in capitals, from line to line)."""
    raw = _MARGIN.sub("", raw, count=1)
    if re.match(r"[ \t]*[)§|:}]", raw):
        return "", True, in_title  # a rule comes first: the left column is empty
    left = ""
    right = False
    cells = [c.strip() for c in _SEPARATOR.split(raw)]
    cells = [c for c in cells if c and not (_DECORATION.match(c) and not _is_code(c))]
    for index, cell in enumerate(cells):
        if index or _is_title(cell) or _RIGHT.match(cell) or _is_code(cell) or (in_title and not _title_tail(cell)[0]):
            right = True  # only a line's first cell can be the left column's
            in_title = in_title or _is_title(cell)
        else:
            left = cell
    if (found := _RIGHT.search(left)) is not None:
        left, right = left[: found.start()].rstrip(), True
    versus = _VERSUS.match(left)
    role = None if versus else _ROLE_THEN.match(left)
    after = versus.group("rest") if versus else role.group("rest") if role else None
    if after and (_is_title(after) or (in_title and after.isupper())):
        in_title = right = True
        left = left[: len(left) - len(after)].rstrip()
    elif role and after:
        left, right = role.group("role"), True  # what follows a role is the other column's
        in_title = in_title or bool(_TITLE_WORD.search(after))
    elif in_title and not versus:
        left, cut = _title_tail(left)
        right = right or cut
    return left.strip(" \t*"), right, in_title


def _read_line(raw: str, in_title: bool) -> tuple[_Line, bool]:
    """A caption line, read, and whether the right column is in a title after it."""
    stripped = raw.strip()
    indent = len(raw) - len(raw.lstrip())
    if _HRULE.match(stripped):
        return _Line("blank", rule=True), in_title
    if _DECORATION.match(stripped):
        return _Line("blank"), in_title
    if _HEADER.search(stripped) or _CITE.match(stripped):
        return _Line("stop", indent=indent), in_title
    if labelled := _LABELLED.match(stripped):
        return _Line("inline", labelled["first"], labelled["second"]), in_title
    left, right, in_title = _columns(raw, in_title)
    left = re.sub(r"^([A-Z])[ \t]{1,2}(?=[a-z]{3})", r"\1", left)  # a first letter set apart: "P  laintiff,"
    versus = _VERSUS.match(left)
    if versus and not _PROSE.search(versus["rest"] or ""):
        return _Line("versus", (versus["rest"] or "").strip(), indent=indent), in_title
    if len(left) <= 2 or sum(c.isalpha() for c in left) * 2 < len(left.replace(" ", "")):
        return _Line("blank"), in_title  # a stray letter, or more marks than letters: a scanner's specks
    if _ROLE_LINE.match(left):
        return _Line("role", left, indent=indent), in_title
    if _IN_RE.match(left):
        return _Line("in re", left, indent=indent), in_title
    if _COURT.search(left):
        return _Line("stop", left, indent=indent), in_title
    if _STAMP.search(left) or _place_line().match(left) or _is_title(left) or left.endswith(":"):
        return _Line("stop", indent=indent), in_title
    if _PROSE.search(re.split(r"\s{2,}|,", left)[0]):
        return _Line("prose", left, indent=indent), in_title
    return _Line("party", left, indent=indent), in_title and right


class _Lines:
    """The caption lines of `head`, read as far as they are asked for: the caption is at the top, and reading every
    line of the head took most of the time of naming a case. A "V." before a name on the line above a role is an
    initial ("V. ANA ROE, / Plaintiff,"), not the line between the sides."""

    def __init__(self, head: str) -> None:
        self._raw = head.split("\n")
        self._read: list[_Line] = []
        self._final: list[_Line] = []
        self._in_title = False

    def __len__(self) -> int:
        return len(self._raw)

    def __iter__(self) -> Iterator[_Line]:
        return (self[index] for index in range(len(self)))

    @overload
    def __getitem__(self, key: int) -> _Line: ...

    @overload
    def __getitem__(self, key: slice) -> list[_Line]: ...

    def __getitem__(self, key: int | slice) -> _Line | list[_Line]:
        if isinstance(key, slice):
            indices = range(*key.indices(len(self)))
            self._finish(max(indices, default=-1) + 1)
            return [self._final[index] for index in indices]
        self._finish(key + 1)
        return self._final[key]

    def _finish(self, count: int) -> None:
        """Make the first `count` lines final: read, and checked against the (read) three lines after them."""
        while len(self._read) < min(count + 3, len(self._raw)):
            line, self._in_title = _read_line(self._raw[len(self._read)][:_LONGEST_LINE], self._in_title)
            self._read.append(line)
        while len(self._final) < min(count, len(self._raw)):
            index = len(self._final)
            line = self._read[index]
            following = next((other for other in self._read[index + 1: index + 4] if other.kind != "blank"), None)
            if line.kind == "versus" and line.text and following is not None and following.kind == "role":
                line = _Line("party", f"V. {line.text}", indent=line.indent)
            self._final.append(line)


# --- The sides --------------------------------------------------------------------------------------------

_LONGEST_LINE = 1000
"""A caption line is never longer (a reporter's one-line side with its descriptions is the longest): past it is
text, left unread so that reading a line costs no more than this."""
_LONGEST_HEADER = 300
_MOST_LINES = 40
"""How far a side may reach from "v.": the longest lists of parties and their descriptions."""


def _aside(line: _Line, versus: _Line) -> bool:
    """Whether a line is set so far right of "v." that it is the other column's."""
    return line.kind != "versus" and line.indent >= max(_INDENT, versus.indent + _INDENT // 2)


def _first_side(lines: _Lines, versus: int) -> str | None:
    """The text of the first side's first party: read up from "v." to where the caption starts (the court's name, a
    rule, a stamp, a heading set right of the parties), then down from its first party line to its role. None
    under an "In re" line: the case is named for one side, which a case name of two cannot say."""
    top = None
    for index in range(versus - 1, max(-1, versus - _MOST_LINES), -1):
        line = lines[index]
        if _aside(line, lines[versus]):
            continue
        if line.kind == "in re":
            return None
        if line.kind in ("stop", "versus") or (line.rule and top is not None):
            break
        if top is not None and line.kind == "party" and line.indent > lines[top].indent + _INDENT // 2:
            break
        if line.kind == "party" or (line.kind == "prose" and line.text[0].isupper()):
            top = index
    if top is None:
        return None
    parts = []
    for line in lines[top:versus]:
        if line.kind == "role":
            break
        if line.kind in ("party", "prose") and not _aside(line, lines[versus]):
            parts.append(line.text)
    return " ".join(parts)


def _second_side(lines: _Lines, versus: int, first_words: str = "") -> str | None:
    """The text of the second side's first party: from "v." (its line may start it: `first_words`) down to its
    role, or to a description or text that follows it. A court may be that party ("Roe v. Superior Court of
    Ellery"): its line then gives the role, or a role follows it."""
    parts = [first_words] if first_words else []
    following = [line for line in lines[versus + 1: versus + _MOST_LINES] if not _aside(line, lines[versus])]
    for index, line in enumerate(following):
        if not parts and line.kind == "stop" and line.text and (
                _HAS_ROLE.search(line.text) or any(other.kind == "role" for other in following[index + 1: index + 4])):
            parts.append(line.text)
            continue
        if line.kind in ("stop", "versus", "role") or ((line.rule or line.kind == "prose") and parts):
            break
        if line.kind == "party":
            parts.append(line.text)
            if line.text.endswith(".") and not ABBREVIATION.match(line.text.rsplit(" ", 1)[-1]):
                break  # the side's last words: "ROE." (what follows is counsel's)
    return " ".join(parts) if parts else None


def _unmarked(lines: _Lines) -> int | None:
    """Where "v." belongs in a caption that lost it: the first side's role line ("Plaintiffs,") when party lines
    and then the second side's role ("Defendants.") follow it, with nothing else between."""
    index = next((i for i, line in enumerate(lines) if line.kind == "role" and _FIRST_ROLE.match(line.text)), None)
    if index is None:
        return None
    following = [line for line in lines[index + 1: index + _MOST_LINES] if line.kind != "blank"]
    parties = next((n for n, line in enumerate(following) if line.kind != "party"), len(following))
    if 0 < parties < len(following) and following[parties].kind == "role" and \
            _SECOND_ROLE.match(following[parties].text):
        return index
    return None


def _joined(first: str | None, second: str | None) -> str | None:
    left = party_name(first) if first else None
    right = party_name(second) if second else None
    return f"{left} v. {right}" if left and right else None


def case_name(text: str, limit: int = 8000) -> str | None:
    """"A v. B" from the caption in the first `limit` characters of a court document's text (or from the line a
    reporter's print opens with), or None."""
    head = text[:limit].replace("\xa0", " ").replace("‐", "-").replace("‑", "-")
    opening = next((line.strip() for line in head.split("\n") if line.strip()), "")[:_LONGEST_HEADER]
    if (header := _REPORTER_HEADER.match(opening)) and (name := _joined(header["first"], header["second"])):
        return name
    lines = _Lines(head)
    for index, line in enumerate(lines):
        if line.kind == "inline":
            name = _joined(line.text, line.second)
        elif line.kind == "versus":
            name = _joined(_first_side(lines, index), _second_side(lines, index, line.text))
        else:
            continue
        if name:
            return name
    if not any(line.kind in ("versus", "inline") for line in lines) and (role := _unmarked(lines)) is not None:
        return _joined(_first_side(lines, role), _second_side(lines, role))
    return None
