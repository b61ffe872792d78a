"""How a court document is built: caption, header, author line, body, separate opinions, signature.

A clerk reads a court document from its structure: the caption names the court and the case's
docket numbers, the header block dates it ("Decided December 15, 2015") and names the panel, the
author line says who wrote the opinion ("ALVAREZ, Circuit Judge:", "Justice Lin delivered the
opinion of the Court.", "PER CURIAM"), the majority opinion ends in its decision and the concurrence
lines or signature, and separate opinions follow ("MORROW, J., dissenting."). Every extractor that
needs "the document's own" court, docket, judge or date reads it from these parts instead of
guessing from the first match in a window of the text.

The layer is text-only (regexes over lines), so it works the same on PDF text with pleading-paper
line numbers, on HTML opinions turned to text, and on bulk texts that run paragraphs together
("OPINIONALVAREZ, Judge.{1} ..."). `read_structure` is pure; `structure_of` caches it on a Doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from docketflow.extractors.date_parsing import find_mentions
from docketflow.extractors.docket_forms import CIVIL_WORDS, NUMBER, SPACED, UNLABELLED, context_words
from docketflow.extractors.docket_text import Entry, read_entry
from docketflow.extractors.ecf import STAMP_LINE, EcfStamp, document_stamp, parse_stamp
from docketflow.extractors.keyword_start import KeywordStart
from docketflow.extractors.signature import SHORT_TITLE, SUFFIX, Signer, last_signer
from docketflow.extractors.spans import doc_text, scratch
from docketflow.models.document import Part
from spacy.tokens import Doc

_CACHE = "docketflow_structure"
HEAD_LIMIT = 12_000
"""The caption and header of the longest captions (multi-party, with counsel lists) fit here."""

_UP = "A-ZÀ-ÖØ-Þ"
_NAME = (rf"(?:Mc|Mac|O['’]|D['’]|De|Di|La|Van)?[{_UP}][{_UP}a-zà-ÿ'’\-]+"
         rf"(?:[ \t]+(?:[{_UP}]\.|(?:Mc|Mac|O['’])?[{_UP}][{_UP}a-zà-ÿ'’\-]+)){{0,3}}(?:{SUFFIX})?")
"""A judge's name as an author line prints it: "ALVAREZ", "Ana M. Ruiz", "O'NEILL", "McKEE, JR."."""
_WORD_TITLE = (r"(?:(?:Acting|Chief|Senior|Presiding|Associate|Circuit|District|Appellate|Bankruptcy|Magistrate|"
               r"Special|Vice|Deputy|United[ \t]+States|U\.[ \t]?S\.)[ \t]+)*(?:Judge|JUDGE|Justice|JUSTICE)"
               r"(?:,[ \t]+Court[ \t]+of[ \t]+Appeals)?")
_INITIAL_TITLE = (rf"(?:{SHORT_TITLE})|(?:(?:Acting|Chief|Senior|District)[ \t]*)?(?:P\.[ \t]?J\.[ \t]?A\.[ \t]?D|"
                  r"J\.[ \t]?A\.[ \t]?D|J\.[ \t]?S\.[ \t]?C|J\.[ \t]?T\.[ \t]?C|P\.[ \t]?J|C\.[ \t]?J|J\.[ \t]?P|J)\."
                  r"(?:[ \t]*\(?(?:Ret|Retired)\.?\)?)?")
_JUDGE_TITLE = f"{_WORD_TITLE}|{_INITIAL_TITLE}"
"""Titles after a name: "Circuit Judge", "Chief Justice", "United States Magistrate Judge", "J.", "P. J.",
"Acting P. J.", "C.J.", "J.P.", "Senior J.", the district judge's "U.S.D.J." and "D.J.", and the New Jersey trial
and appellate titles "J.S.C.", "J.A.D."."""
_SEPARATE_WORDS = (r"(?P<type>concurring\s+in\s+part\s+and\s+dissenting\s+in\s+part|dissenting\s+in\s+part|"
                   r"concurring\s+in\s+part|concurring(?:\s+in\s+the\s+(?:result|judgment))?|"
                   r"concurring\s+and\s+dissenting|dissenting|concurs?|dissents?)")

_AUTHOR_FORMS = (
    # "JUSTICE LIN delivered the opinion of the Court." / "Mr. Justice Lin delivered ..." (scanned from its first
    # words' places: it starts with optional words, which `re` would try at every position of an opinion)
    KeywordStart(rf"(?:Mr\.\s+|MR\.\s+)?(?:CHIEF\s+|Chief\s+)?(?:JUSTICE|Justice)\s+(?P<name>{_NAME})\s*,?\s+"
                 r"delivered\s+the\s+(?:opinion|judgment)"
                 rf"|(?i:(?:opinion|judgment)\s+of\s+the\s+court\s+was\s+delivered\s+by)\s+(?:(?:Chief\s+)?Justice\s+)?"
                 rf"(?P<by>{_NAME})", ["mr.", "chief", "justice", "opinion", "judgment"], any_case=True),
    # "LIN, J., delivered the opinion of the court." / "LIN, Circuit Judge, delivered ..."
    re.compile(rf"(?m)^[^\S\n]*(?P<name>{_NAME}),[ \t]+(?:{_JUDGE_TITLE}),?[ \t]+delivered\s+the\s+opinion"),
    # "Opinion by Judge Lin" / "Opinion ... filed by Circuit Judge Lin" / "MEMORANDUM OPINION BY JUDGE LIN"
    re.compile(rf"(?i:opinion\s+(?:of\s+the\s+court\s+|for\s+the\s+court\s+)?(?:filed\s+)?by)\s*:?\s+"
               rf"(?:(?:Chief|Senior|Circuit|District|Presiding|Associate|CHIEF|SENIOR|CIRCUIT|DISTRICT)\s+)*"
               rf"(?:Judge|JUDGE|Justice|JUSTICE)?\s*(?P<name>{_NAME})"),
    # a line of its own: "ALVAREZ, Circuit Judge:" / "GRIFFIN, Acting P. J." / "Lin, J." / "BY HUGHES, J.:",
    # also run together with a heading in bulk texts ("OPINIONALVAREZ, Judge.{1}")
    re.compile(rf"(?m)^[^\S\n]*(?:\d{{1,3}}[^\S\n]+|\*\d+[ \t]+)?(?:OPINION|Opinion)?(?:BY[ \t]+)?(?!OPINION)"
               rf"(?P<name>{_NAME})(?:[ \t]*\([^)\n]{{1,30}}\))?"
               rf"(?:,?\*?[ \t]+(?:{_WORD_TITLE})|,\*?[ \t]*(?:{_INITIAL_TITLE}))"
               r"(?:[ \t]+pro[ \t]+tem\.?)?"
               rf"(?:[ \t]*\*|[ \t]*\[fn[^\]\n]{{0,8}}\])?[ \t]*"
               rf"[.:—–\x97-]?[ \t]*(?=\n|$|\{{\d|\[\d|\d{{1,3}}\.\s*[A-Z]|[ \t]{{2,}}[A-Z])"),
)
_PER_CURIAM = re.compile(r"(?m)^[^\S\n]*(?:OPINION[ \t]*)?(?:PER[ \t]+CURIAM|Per[ \t]+Curiam|BY[ \t]+THE[ \t]+COURT)\b"
                         r"[ \t]*[.:*]?[ \t]*(?:\n|$|\{\d|[A-Z])")
_NOT_AUTHOR = re.compile(r"(?i)^(?:before|present|panel|per\s+curiam|opinion|the\s+court|counsel|attorneys?|"
                         r"hon(?:orable)?|trial|circuit|district|appellate)\b|\b(?:united|states|district|circuit|"
                         r"court|magistrate|bankruptcy|judge|justice|county|state)\b")
"""Words that make a candidate a title or a place, not a name ("UNITED STATES DISTRICT JUDGE")."""
_PANEL_BEFORE = re.compile(r"(?i)(?:\bbefore|\bpresent|\bpanel|\bcoram|\band|,)[:\s]*$")
_SEPARATE = re.compile(
    rf"(?m)^[^\S\n]*(?:(?:CHIEF\s+)?JUSTICE[ \t]+|(?:Chief[ \t]+)?Justice[ \t]+)?(?P<name>{_NAME})"
    rf"(?:,[ \t]*(?:{_JUDGE_TITLE}))?,?[ \t]*(?:\([ \t]*)?(?:with\s+whom\s+[^\n]{{3,160}}?(?:joins?|concurs?),\s*)?"
    rf"{_SEPARATE_WORDS}\b[^\n]{{0,120}}?[.:)]?[ \t]*$"
)
"""A separate opinion's first line: "MORROW, J., dissenting.", "JUSTICE LIN, with whom JUSTICE ORTEGA joins,
dissenting.", "Lin, Circuit Judge, concurring in part and dissenting in part:"."""
_CONCUR_LINE = re.compile(
    r"(?:^|(?<=[.)\]]))[^\S\n]*(?:WE\s+CONCUR\s*:|I\s+CONCUR\s*:|[A-Z](?:[A-Z]\.|[\w'’\- ,]){1,160}?(?:,\s*|\s+)"
    r"(?:(?:Acting\s+)?(?:P\.\s?J|C\.\s?J|J\.\s?P|JJ?)\.|Judges?|Justices?)[,.]?\s+(?:all\s+)?(?:concurs?|CONCURS?)\b)",
    re.M,
)
"""The line under a majority opinion listing who joined it: "ORTEGA, P. J., and LIN, J., concur." or
"WE CONCUR: ..." — the majority (and its decision) ends there."""
_DELIVERED = re.compile(r"delivered", re.I)


def _mentions_concur(text: str, start: int, end: int) -> bool:
    """Whether [start, end) holds the word every `_CONCUR_LINE` ends on, as it spells it."""
    return text.find("concur", start, end) != -1 or text.find("CONCUR", start, end) != -1


_SIGNATURE = re.compile(
    r"(?m)^[^\S\n]*(?:IT\s+IS\s+SO\s+ORDERED|SO\s+ORDERED|It\s+is\s+so\s+ordered|ENTERED|Dated|DATED|"
    r"/s/|(?:United\s+States\s+|UNITED\s+STATES\s+|Chief\s+|Senior\s+)?(?:District|Magistrate|Bankruptcy|DISTRICT|"
    r"MAGISTRATE|BANKRUPTCY)\s+(?:Judge|JUDGE)\s*$)"
)
_TITLE = re.compile(
    r"(?m)^[^\S\n]*(?:\[?PROPOSED\]?\s+)?(?:(?:MEMORANDUM|SUMMARY|AMENDED|PUBLISHED|UNPUBLISHED|ON\s+REHEARING|"
    r"SUPPLEMENTAL|MAJORITY|PLURALITY)\s+)*(?:OPINION|ORDER|DECISION|JUDGMENT|MEMORANDUM|OPINION\s+AND\s+ORDER|"
    r"MEMORANDUM\s+AND\s+ORDER|MEMORANDUM\s+OPINION\s+AND\s+ORDER|DECISION\s+AND\s+ORDER|ORDER\s+AND\s+OPINION|"
    r"OPINION\s+AND\s+JUDGMENT|ORDER\s+AND\s+JUDGMENT)(?:\s+(?:GRANTING|DENYING|ON|RE|REGARDING|OF)\b[^\n]{0,160})?"
    r"[ \t]*\*?(?:\[\d+\])?[ \t]*$"
)
_PROSE = re.compile(r"[a-z,;]\s+(?:[a-z]+\s+){5,}")
"""Six lower-case words in a row: running prose, so the caption is over."""
_COURT_WORD = re.compile(r"\b(?:COURT|Court|CIRCUIT|Circuit|APPELLATE\s+DIVISION|Appellate\s+Division|"
                         r"Board\s+of\s+Immigration\s+Appeals|BOARD\s+OF\s+IMMIGRATION\s+APPEALS)\b")
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth")
"""Ordinals spelled out, in order, as far as courts number their districts and circuits."""
ORDINAL = rf"(?:{'|'.join(ORDINAL_WORDS)}|\d+(?:st|nd|rd|th|d))"
"""An ordinal as a court's name gives it, in lower case: "fifth" (district), "2d" (circuit), "11th"."""
_COURT_CONTINUES = re.compile(
    r"(?i)^(?:of|for|at|in|the|and|,|state\s+of|commonwealth\s+of|[\w.]+\s+(?:district|circuit|division|department)|"
    rf"{ORDINAL}\b|(?:northern|southern|eastern|western|middle|central)\b|appellate\s+division|"
    r"district\s+of|division|department|[\w.' ]{2,30},\s*(?:texas|california|ohio))"
)
_JUDGES_LINE = re.compile(r"(?i)^(?:before|present|panel)\b|\b(?:judges?|justices?)\b|\bJJ?\.")
_LOWER_COURT = re.compile(r"(?i)(?:appeals?\s+from|on\s+appeal|review\s+of|petition\s+for\s+review|from\s+the|"
                          r"on\s+(?:writ|petition|certiorari|certified)|trial\s+court|lower\s+court|cause\s+no|"
                          r"county|appeal\s+of|transferred\s+from|certified\s+questions?\s+from)")

# Docket lines: "No. 24-1234.", "Nos. 1325, 1326, September Term, 1984", "Crim. No. 4551.", "Civ. A. No. MC 73-54.",
# "Case No. 5D99-1234", "NO. 01-99-00123-CV", "Record No. 0123-45-6" ... and a number alone on its caption line.
_DOCKET_LABEL = re.compile(
    r"^[\[(]?(?P<words>(?:(?:[A-Z][A-Za-z]{0,9}\.?|C\.A\.)[ \t]+){0,3}?)(?:Nos?|NOS?|Numbers?|NUMBERS?)(?![A-Za-z])"
    r"[.:\-]?[ \t]*[:#]?[ \t]*"
    r"(?P<rest>[^\n]{1,120})$"
    r"|^[\[(]?(?P<prefix>Civ|Crim|Civil|Misc|Index|Docket|DOCKET|Cause|CAUSE|Record|Appeal)\.?[ \t]+"
    r"(?P<bare>\d[^\n]{0,60})$"
)
_DOCKET_PIECE = re.compile(
    r"(?:(?:[A-Z][A-Za-z]{0,5}\.?|C\.A\.)[ \t.\-‐‑–]?){0,3}\d[\w.,/:–‐‑\-]*"
    r"(?:[ \t](?:[A-Z]{1,5}\.?(?![a-z])|[A-Z][a-z]{1,4}\.|\d[\w,.\-]*|of[ \t]\d{4})(?![\w]))*"
)
_FORM = re.compile(rf"(?P<number>{CIVIL_WORDS}(?:{NUMBER}|{SPACED}))[\w.]*")
"""A docket number in one of the printed forms of `docket_forms`, after its label."""
_MONTH_YEAR = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?[ \t]?(?:19|20)\d\d")
_BARE_NUMBER = re.compile(rf"^\[?(?P<n>(?:[A-Z]{{1,3}}[ \-‐‑–]?)?\d[\dA-Z,]*(?:[\-‐‑–][\dA-Za-z]+)*|{UNLABELLED})"
                          r"\.?\]?$")
"""A docket number alone on its caption line or in a caption column ("2060624.", "A15-1285", "2:25-CV-01234-ABC");
a date ("03/24/2015") is none."""
_TERM = re.compile(r"(?i)\bterm\b")
_YEAR_ONLY = re.compile(r"^\s*(?:1[6-9]|20)\d\d\.?\]?\s*$")
"""The year closing "No. 46, October Term, 1953.": part of the term, not a docket."""
_NOTICE = re.compile(r"(?i)\b(?:not\s+selected\s+for\s+publication|subject\s+to\s+(?:formal\s+)?revision|uncorrected|"
                     r"citation\s+of\s+unpublished|notice\s*:|not\s+(?:be\s+)?(?:cited|published)|"
                     r"publication\s+in\s+the|computer-generated)")
"""A reporter's or court's notice above the caption ("This opinion is subject to revision ..."): prose, but
not the start of the body."""

# Header dates: "Decided December 15, 2015", "Filed: 06/01/2021", "Opinion issued May 4, 2004", "Date of Judgment
# Entry: ..." count; "Argued", "Submitted", "Heard", "Calendar Date", "Rehearing denied" never date the decision.
_DATE_NEVER = re.compile(r"(?i)\b(?:argued|submitted|heard|calendar|reargued|rehearing|re-?argument|as\s+modified|"
                         r"modified|certiorari|cert\.|review|transferred|ordered\s+published|received|conference|"
                         r"oral|motion|petition|application|stay|mandate|released\s+for\s+publication)\b")
_AFTER_DATE_LINE = re.compile(r"(?i)(?:as\s|rehearing|see\b|certiorari)")
"""What may follow a date alone on its caption line: "February 2, 1999. Rehearing Denied March 1, 1999."."""
_DATE_LABEL = re.compile(r"(?i)\b(?:decided|filed|entered|entry|issued|dated|signed|delivered|handed\s+down|date)"
                         r"[\s:,]*(?:on|this)?[\s:,(]*$")
"""The label just before a date that makes it the decision's: "Decided and Entered: ", "Opinion filed ",
"Date of Judgment Entry: ", "Filing Date: " (never a date inside a sentence: "the cut-off date of ...")."""

_PANEL = re.compile(r"(?m)^[^\S\n]*(?:Before|BEFORE|Present|PRESENT|Panel|PANEL)\b[:\s][^\n]{3,300}")
_PANEL_NEXT = re.compile(rf"\s*\n[ \t]*(?!(?:OF|AND|THE|FOR)\b)[{_UP}][{_UP}'’\-]+(?:[ \t]+[{_UP}]\.)?"
                         rf"(?:[ \t]+(?!(?:OF|AND|THE|FOR)\b)[{_UP}][{_UP}'’\-]+)+(?:,[ \t]*JJ?\.)?[ \t]*\n")
"""A bare upper-case name on the next line: the line before belongs to a panel list ("ANA RUIZ, J.P." /
"OMAR BELL" / "LEE PARK, JJ.")."""
_PARAGRAPH_MARK = re.compile(r"\{\d{1,3}\}|\n[ \t]*\n|\n(?=[ \t]{2,}\S)")


@dataclass(frozen=True)
class Piece:
    """A span of text the structure names (a docket number, a court line, a date)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class HeaderDate:
    """A date in the caption or header block, with how it is labelled."""

    start: int
    end: int
    iso: str
    rank: int
    """0: a reporter's docket-and-date line or a clerk's "FILED" stamp; 1: labelled decided/filed/entered/signed;
    2: a date alone on its line."""


@dataclass(frozen=True)
class Separate:
    """A separate opinion: where it starts and ends, who wrote it and what it is."""

    start: int
    end: int
    author: str | None
    type: str


@dataclass
class Structure:
    """The parts of one court document, as character offsets into its text."""

    length: int
    caption_end: int = 0
    """Where the caption and header block end: the author line, the title or the first prose."""
    title: Piece | None = None
    author: Piece | None = None
    """The author line's name ("ALVAREZ", "Ana M. Ruiz"); None when per curiam or unsigned."""
    author_line: tuple[int, int] | None = None
    per_curiam: bool = False
    body_start: int = 0
    majority_end: int = 0
    """Where the majority opinion ends: its concurrence line, signature or first separate opinion."""
    signature: tuple[int, int] | None = None
    stamp: EcfStamp | None = None
    """The CM/ECF stamp of the first stamped page, when the text kept its stamps."""
    stamp_line: tuple[int, int] | None = None
    """Where the first stamp line is printed."""
    entry: Entry | None = None
    """The clerk's docket text when the document is one or ends with one ("... Signed by Judge X on 8/12/2025")."""
    signer: Signer | None = None
    """The judge who signs (the last signature block with a judge's title, else the last "/s/" of a judge)."""
    separate: list[Separate] = field(default_factory=list)
    court_lines: list[Piece] = field(default_factory=list)
    dockets: list[Piece] = field(default_factory=list)
    dates: list[HeaderDate] = field(default_factory=list)
    panel: tuple[int, int] | None = None

    def in_caption(self, start: int) -> bool:
        return start < self.caption_end

    def in_separate(self, start: int) -> bool:
        """True inside a concurrence or dissent: its words are not the court's decision."""
        return any(s.start <= start < s.end for s in self.separate)

    def decided(self) -> HeaderDate | None:
        """The header date by label precedence: decided/filed/entered first, else a date alone on its line."""
        ranked = sorted(self.dates, key=lambda d: (d.rank, d.start))
        return ranked[0] if ranked else None

    def decision_zone(self, text: str) -> tuple[int, int]:
        """The closing part of the majority: its last paragraphs before the concurrence line or signature."""
        end = self.majority_end
        start = max(self.body_start, end - 2500)
        cuts = [m.end() for m in _PARAGRAPH_MARK.finditer(text, start, end) if m.end() < end - 40]
        if len(cuts) >= 3:
            start = max(start, cuts[-3])
        return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of each line in [start, end), split again where columns are set apart
    by three or more spaces (pleading-paper captions put the docket number beside the parties)."""
    cells = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        base = start + line.start()
        for cell in re.finditer(r"(?:\S+(?:[ \t]{1,2}(?=\S))?)+", line.group()):
            value = cell.group().strip(" \t§)(|")
            if value:
                offset = cell.group().find(value)
                cells.append((base + cell.start() + max(offset, 0), base + cell.start() + max(offset, 0) + len(value),
                              value))
    return cells


def _cells_before(text: str, cells: list[tuple[int, int, str]], end: int, limit: int) -> list[tuple[int, int, str]]:
    """`_lines(text, 0, end)`, taken from `cells` (those of [0, limit)) when `end` starts a line within them, as the
    end of a caption does: the lines before it are the same lines, split the same way."""
    if end <= limit and (end == 0 or text[end - 1] == "\n"):
        return [cell for cell in cells if cell[0] < end]
    return _lines(text, 0, end)


def _first_prose(cells: list[tuple[int, int, str]], limit: int) -> int:
    """Where running prose first starts (a long line of lower-case words) among the cells of [0, `limit`): the
    caption is over by then."""
    previous = None
    single = limit
    for start, _end, value in cells:
        prose = len(value) > 55 and _PROSE.search(value) is not None and not _NOTICE.search(value)
        if prose and (len(value) > 200 or previous is not None):
            return start if len(value) > 200 else previous
        if prose:
            single = min(single, start)
        previous = start if prose else None
    return single


def _author(text: str, limit: int, head: int) -> tuple[Piece | None, tuple[int, int] | None, bool]:
    """The earliest author line before the first prose (or "delivered the opinion" anywhere), and whether
    per curiam. A name line followed by more bare name lines is a panel list, not an author line."""
    best: tuple[int, Piece, tuple[int, int]] | None = None
    for index, pattern in enumerate(_AUTHOR_FORMS):
        # "delivered the opinion" and "Opinion by" may follow a syllabus or summary; a bare name line may not
        reach = len(text) if index == 0 else head if index < 3 else limit
        if index == 0 and not _DELIVERED.search(text):
            continue  # both of its forms say "delivered": a cheap look spares scanning the whole text
        for m in pattern.finditer(text, 0, reach):
            name_group = "by" if m.groupdict().get("by") else "name"
            name = m.group(name_group).strip()
            line_start = text.rfind("\n", 0, m.start()) + 1
            if _NOT_AUTHOR.search(name) or _PANEL_BEFORE.search(text[max(line_start, m.start() - 12): m.start()]):
                continue
            if index == 3 and (re.match(r"[ \t]*(?:,|and\b|concur|dissent|\()", text[m.end(): m.end() + 12])
                               or _PANEL_NEXT.match(text, m.end())):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), Piece(m.start(name_group), m.start(name_group) + len(name), name), m.span())
            break
    per_curiam = _PER_CURIAM.search(text, 0, limit)
    if per_curiam and (best is None or per_curiam.start() < best[0]):
        return None, (per_curiam.start(), per_curiam.end()), True
    if best is None:
        return _signer(text, limit, head)
    return best[1], best[2], False


def _name_lines(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Lines of [start, end) that are only a judge's name and title ("ORTEGA, JUDGE", "Ortega, Senior J.")."""
    return [m for m in _AUTHOR_FORMS[3].finditer(text, start, end)
            if not _NOT_AUTHOR.search(m.group("name")) and not _PANEL_NEXT.match(text, m.end())
            and not _PANEL_BEFORE.search(text[max(0, m.start() - 12): m.start()])]


def _signer(text: str, body: int, head: int) -> tuple[Piece | None, tuple[int, int] | None, bool]:
    """A trial court's opinion names its author only where the judge signs, after its body ("ORTEGA, JUDGE");
    a reporter's print puts the author line ("ORTEGA, Senior J.") after its synopsis and headnotes, past the
    first prose but within the head."""
    tail = max(body, len(text) - 1500)
    found = _name_lines(text, tail, len(text))[-1:] or _name_lines(text, body, min(head, tail))[:1]
    if not found:
        return None, None, False
    name = found[0].group("name").strip()
    return Piece(found[0].start("name"), found[0].start("name") + len(name), name), None, False


def _caption_end(text: str, author_line: tuple[int, int] | None, prose: int) -> tuple[int, Piece | None]:
    """Where the caption ends (the author line, else the title line, else the first line of prose), and
    the title."""
    title_match = _TITLE.search(text, 0, prose)
    title = Piece(title_match.start(), title_match.end(), title_match.group().strip()) if title_match else None
    if author_line is not None and author_line[0] <= prose:
        return author_line[0], title if title and title.start < author_line[0] else None
    if title is not None:
        return title.start, title
    return min(prose, len(text)), None


_PARTY_LINE = re.compile(r"(?i)\bet\s+al\b|;|,$")
_COURT_COMPLETE = re.compile(r"(?i)(?:circuit|district\s+of\s+\w[\w .]*|division)$")
_PARTY_START = re.compile(r"(?i)(?:state|commonwealth|people|territory)\s+of\b|united\s+states\b")


def _party_follows(line: str, following: str) -> bool:
    """Whether the line after a court line is the first party, not the court's name continued: it lists parties
    ("STATE OF OREGON; et al.,"), or the court is already named whole ("... FOR THE NINTH CIRCUIT") and the line
    names a sovereign, as a first party does."""
    return bool(_PARTY_LINE.search(following)) or bool(
        _COURT_COMPLETE.search(line) and _PARTY_START.match(following))


def _continues(line: str, following: str) -> bool:
    """Whether the short line after a court line goes on naming the court ("FOR THE NINTH CIRCUIT", "Eastern
    District of Texas"), rather than starting the parties, a docket or the panel."""
    if len(following) > 70 or line.endswith((",", ".")) or _JUDGES_LINE.search(following) \
            or _party_follows(line, following):
        return False
    return bool(_COURT_CONTINUES.match(following)) or (
        re.fullmatch(r"[A-Z][A-Za-z .,]{2,40}", following) is not None
        and not re.search(r"(?i)\b(?:no|appellants?|appellees?|petitioners?|respondents?|plaintiffs?|defendants?|"
                          r"relators?|v|vs)\b\.?", following)
        and not re.search(r"\d", following))


_REPORTER_COURT = re.compile(r"(?i)united\s+states\s+district\s+court,?")
_REPORTER_DISTRICT = re.compile(r"(?m)^[ \t]*(?:[NSEWCM]\.[ \t]?)?D\.[ \t]?[A-Z][A-Za-z]+(?:[ \t][A-Z][a-z]+)?")
"""A reporter's caption names the district on a line of its own, under "United States District Court," and
sometimes past a line of the other column's text: "E.D. Arkansas,", "D. Colorado."."""


def _court_lines(text: str, cells: list[tuple[int, int, str]]) -> list[Piece]:
    """Court names in the caption, each joined with the short lines that continue it ("Court of
    Appeals / For the / Sixth District of Texas"); never the court appealed from."""
    found = []
    i = 0
    while i < len(cells):
        start, _end, value = cells[i]
        match = _COURT_WORD.search(value)
        before = text[max(0, start - 80): start] + value[: match.start()] if match else ""
        if (not match or len(value) > 140 or _LOWER_COURT.search(before[-60:]) or re.search(r"\bv\.\s", value)
                or _JUDGES_LINE.search(value)):
            i += 1
            continue
        first = i
        while first > 0 and len(cells[first - 1][2]) <= 40 and re.fullmatch(
                r"(?i)(?:in\s+the|in\s+the\s+[\w ]+|the|state\s+of\s+[\w ]+|commonwealth\s+of\s+[\w ]+|"
                r"united\s+states|[A-Z .]+\s+(?:SUPREME\s+)?COURT)", cells[first - 1][2]) and first > i - 2:
            first -= 1
        last = i
        while last + 1 < len(cells) and last < i + 4 and _continues(cells[last][2], cells[last + 1][2]):
            last += 1
        phrase = " ".join(c[2] for c in cells[first: last + 1])
        end = cells[last][1]
        district = _REPORTER_DISTRICT.search(text, end, end + 400) if _REPORTER_COURT.fullmatch(phrase) else None
        if district and text.count("\n", end, district.start()) <= 3:
            phrase, end = f"{phrase} {district.group().strip()}", district.end()
        found.append(Piece(cells[first][0], end, phrase))
        i = last + 1
    return found


def _docket_pieces(text: str, cells: list[tuple[int, int, str]], stamp_lines: set[int]) -> list[Piece]:
    """The case's own numbers from the caption's docket lines, as printed, in caption order; never a filing's
    number ("ECF No. 12") or a CM/ECF stamp's parts (`stamp_lines` holds where each stamp line starts)."""
    found: list[Piece] = []
    for start, _end, value in cells:
        line_start = text.rfind("\n", 0, start) + 1
        if line_start in stamp_lines:
            continue
        label = _DOCKET_LABEL.match(value)
        if label:
            words = (label.group("words") or "").split()
            if words and words[-1].strip(".") in context_words("filing"):
                continue
            group = "rest" if label.group("rest") is not None else "bare"
            found += _labelled_pieces(start + label.start(group), label.group(group))
            continue
        bare = _BARE_NUMBER.match(value)
        if bare and sum(ch.isdigit() for ch in bare["n"]) >= 4 and not re.fullmatch(r"(?:1[6-9]|20)\d\d", bare["n"]) \
                and not _MONTH_YEAR.fullmatch(bare["n"]) and text.rfind("\n", 0, line_start - 1) + 1 not in stamp_lines:
            key = bare["n"].rstrip(",")
            found.append(Piece(start + bare.start("n"), start + bare.start("n") + len(key), key))
    return found


def _labelled_pieces(rest_start: int, rest: str) -> list[Piece]:
    """The numbers after a docket label ("No. 25-1234", "Nos. 1325, 1326, September Term, 1984", "Civil Action No.
    25-cv-1234 (ABC)(DEF)"): each in a printed form of `docket_forms`, else up to its first parenthesis."""
    found = []
    termed = False
    for piece in re.finditer(r"[^,;&]+(?:,\d[^,;&]*)*", rest):
        chunk = piece.group()
        if _TERM.search(chunk) or (termed and _YEAR_ONLY.match(chunk)):
            termed = True
            continue
        inner = re.sub(r"^\s*(?:and\s+)?(?:(?:Dockets?|DOCKETS?|Adv|Index|Civ|Crim|Civil)\.?\s+)?"
                       r"(?:(?:Nos?|NOS?)\.?\s*)?", "", chunk)
        offset = rest_start + piece.start() + (len(chunk) - len(inner))
        form = _FORM.match(inner)
        if form:
            key, offset = form.group().rstrip(".,:;- "), offset + form.start()  # glued on: "91-347-C.A"
        else:
            number = _DOCKET_PIECE.match(inner.split("(")[0])
            if not number:
                continue
            key = number.group().rstrip(".,:;- ")
        if sum(ch.isdigit() for ch in key) >= 2 and len(key) <= 40 and not re.fullmatch(r"(?:1[6-9]|20)\d\d", key):
            found.append(Piece(offset, offset + len(key), key))
    return found


_PROSE_DATED = re.compile(r"(?i)\b(?:orders?|opinions?|stipulations?|letters?|motions?|decisions?|judgments?|report|"
                          r"agreement)\s+(?:\w+\s+)?dated\s*$")
"""A date that dates another paper ("by an Order dated May 8, 2019"), not this one."""
_CONTINUED = re.compile(r"(?i)(?:\b(?:on|of|in|since|until|by|from|and|before|after|dated)|,)$")
"""The end of a line that a date alone on the next line finishes ("... held a hearing on" / "March 3, 2020.")."""
_FILED_CELL = re.compile(r"(?i)(?:FILED|ENTERED|DATED)\s*:?")
"""A clerk's stamp in the caption ("FILED" / "April 13, 1990") of an order entered on paper before CM/ECF."""


def _header_dates(text: str, cells: list[tuple[int, int, str]]) -> list[HeaderDate]:
    """Full dates in the caption and header, ranked by label; argued/submitted/rehearing dates, dates of other
    papers and dates that finish a sentence left out."""
    found = []
    for index, (start, _end, value) in enumerate(cells):
        previous = cells[index - 1] if index > 0 else None
        for mention in find_mentions(value):
            for part in mention.parts:
                if part.day is None or part.year is None:
                    continue
                before = value[: part.start]
                label = re.split(r"[.;)]\s|—|--", before)[-1] if before.strip() else ""
                if len(label) > 40 or _PROSE_DATED.search(text, max(0, start + part.start - 60), start + part.start):
                    continue  # a date inside a sentence ("the deadline set for May 2"), not a header line
                if not label.strip() and previous and len(previous[2]) < 40 and (
                        previous[2].endswith(":") or "\n" not in text[previous[1]:start]):
                    label = previous[2]
                if _DATE_NEVER.search(label):
                    continue
                after = value[part.end:].strip(" .,)")
                if previous and _FILED_CELL.fullmatch(previous[2]) and mention.start == 0:
                    rank = 0
                elif _DATE_LABEL.search(label):
                    rank = 1
                elif not label.strip(" (") and (not after or _AFTER_DATE_LINE.match(after)) and not (
                        previous and _CONTINUED.search(previous[2])):
                    rank = 2
                else:
                    continue
                try:
                    iso = date(part.year, part.month, part.day).isoformat()
                except ValueError:
                    continue
                found.append(HeaderDate(start + part.start, start + part.end, iso, rank))
    return found


_REPORTER_DOCKET = re.compile(r"(?m)^[^\n]*?\b(?:Nos?|NOS?|Civ|Civil\s+Action\s+No|Case\s+No|Cause\s+No)\.?[ \t]*"
                              r"[^\n|]{1,220}(?:\n[^\n|]{0,220}){0,5}?\|")
"""A reporter's docket-and-date line: "No. 4:19-CV-0321. | Aug. 2, 2019." (the date follows the bar)."""


def _reporter_date(text: str) -> HeaderDate | None:
    """The date on a reporter print's docket line, after its "|": on the same line, or at the start of one of
    the next lines when the other column's text came between."""
    line = _REPORTER_DOCKET.search(text, 0, HEAD_LIMIT) if "|" in text[:HEAD_LIMIT] else None
    if line is None:
        return None
    pipe = line.end()
    for mention in find_mentions(text[pipe: pipe + 250]):
        part = mention.parts[0] if len(mention.parts) == 1 else None
        if part is None or part.day is None or part.year is None:
            continue
        start = pipe + mention.start
        line_start = text.rfind("\n", 0, start) + 1
        same_line = line_start <= pipe
        if same_line or (not text[line_start:start].strip(" |") and text.startswith(".", pipe + mention.end)):
            try:
                return HeaderDate(start, pipe + mention.end, date(part.year, part.month, part.day).isoformat(), 0)
            except ValueError:
                return None
        return None
    return None


def _separate_opinions(text: str, body_start: int) -> list[Separate]:
    """Concurrences and dissents after the majority, each running to the next one or the end. A first line
    says "concur..." or "dissent...": a text without either word has none, found without the line scan."""
    if text.find("concur", body_start) == -1 and text.find("dissent", body_start) == -1:
        return []
    starts = []
    for m in _SEPARATE.finditer(text, body_start):
        if len(m.group()) > 240 or m.start() - body_start < 200:
            continue
        kind = m.group("type").lower()
        if kind.startswith(("concur", "dissent")) and not kind.startswith(("concurring", "dissenting")) \
                and not re.search(r"(?i)\b(?:concurring|dissenting)\b", m.group()):
            continue  # "LIN, J., concurs." joins the majority; it opens no opinion
        name = m.group("name").strip()
        if _NOT_AUTHOR.search(name) or name.split()[0].lower() in ("i", "we", "the", "a", "judge"):
            continue
        typed = ("concurring_and_dissenting" if "concur" in kind and "dissent" in kind
                 else "dissenting" if "dissent" in kind else "concurring")
        starts.append((m.start(), name, typed))
    out = []
    for i, (start, name, typed) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        out.append(Separate(start, end, name, typed))
    return out


@lru_cache(maxsize=128)
def read_structure(text: str) -> Structure:
    """The parts of a court document's text (see the module docstring for what each part holds)."""
    text = text.replace("\xa0", " ")  # same length, so every offset still points into the original text
    limit = min(len(text), max(HEAD_LIMIT, len(text) // 8))
    cells = _lines(text, 0, limit)
    prose = _first_prose(cells, limit)
    author, author_line, per_curiam = _author(text, min(limit, prose + 200), limit)
    caption_end, title = _caption_end(text, author_line, prose)
    structure = Structure(len(text), caption_end=caption_end, title=title, author=author, author_line=author_line,
                          per_curiam=per_curiam)
    structure.body_start = author_line[1] if author_line else (title.end if title else caption_end)
    head_cells = _cells_before(text, cells, caption_end, limit)
    structure.court_lines = _court_lines(text, head_cells)
    stamps = list(STAMP_LINE.finditer(text, 0, HEAD_LIMIT))  # one scan: the caption's, the first page's
    structure.stamp = document_stamp([stamp for m in stamps if (stamp := parse_stamp(m.group()))])
    structure.stamp_line = stamps[0].span() if stamps else None
    structure.dockets = _docket_pieces(text, head_cells, {m.start() for m in stamps if m.start() < caption_end})
    reporter = _reporter_date(text)
    structure.dates = ([reporter] if reporter else []) + _header_dates(text, head_cells)
    panel = _PANEL.search(text, 0, caption_end + 400)
    structure.panel = panel.span() if panel else None
    structure.separate = _separate_opinions(text, structure.body_start)
    majority_end = structure.separate[0].start if structure.separate else len(text)
    concur = [m for m in _CONCUR_LINE.finditer(text, structure.body_start, majority_end)
              if m.start() > structure.body_start + (majority_end - structure.body_start) // 2
              ] if _mentions_concur(text, structure.body_start, majority_end) else []
    signed = [m for m in _SIGNATURE.finditer(text, structure.body_start, majority_end)
              if m.start() > structure.body_start + (majority_end - structure.body_start) * 3 // 4]
    signer = structure.signer = last_signer(text)
    structure.entry = read_entry(text)
    ends = [m.start() for m in concur[:1] + signed[:1]]
    if signer and structure.body_start + (majority_end - structure.body_start) * 3 // 4 < signer.start < majority_end:
        ends.append(text.rfind("\n", 0, signer.start) + 1)  # a block with no "SO ORDERED" or "Dated" above it
    if ends:
        structure.signature = (min(ends), majority_end)
        majority_end = min(ends)
    structure.majority_end = max(majority_end, structure.body_start)
    return structure


def keep_structure(doc: Doc, structure: Structure) -> None:
    """Give the doc the structure already read from its text (by `kind.read_kind`), so `structure_of` does not
    read it again."""
    scratch(doc)[_CACHE] = structure


def structure_of(doc: Doc) -> Structure:
    """The document's structure, read once and kept on the Doc for every component and record builder."""
    area = scratch(doc)  # a cache, not part of the result: kept off the Doc so the Doc stays serializable
    found = area.get(_CACHE)
    if found is None:
        found = area[_CACHE] = read_structure(doc_text(doc))
    return found


def parts(structure: Structure, text: str, decision: int | None = None) -> list[Part]:
    """The structure as `documents.jsonl` carries it: non-overlapping parts in text order.

    `decision` is where the record builder read the majority's decision; the decision part runs from there
    to the majority's end (from its closing paragraphs when the decision was read earlier)."""
    caption_end = structure.caption_end
    header = [d.start for d in structure.dates if d.start < caption_end]
    if structure.panel and structure.panel[0] < caption_end:
        header.append(structure.panel[0])
    found: list[tuple[str, int, int, str | None, str | None]] = [("caption", 0, caption_end, None, None)]
    stamp = structure.stamp_line
    if stamp and not text[:stamp[0]].strip() and stamp[1] < caption_end:
        found.append(("stamp", *stamp, None, None))  # the CM/ECF stamp heads the first page, above the caption
    if header:
        found.append(("header", min(header), caption_end, None, None))
    if structure.title:
        found.append(("title", structure.title.start, structure.title.end, None, None))
    if structure.author_line:
        found.append(("author", *structure.author_line, None, None))
    majority_end = structure.majority_end
    zone_start = structure.decision_zone(text)[0]
    start = decision if decision is not None and zone_start <= decision < majority_end else zone_start
    found.append(("body", structure.body_start, start, None, None))
    found.append(("decision", start, majority_end, None, None))
    if structure.signature:
        found.append(("signature", *structure.signature, None, None))
    found += [("separate_opinion", s.start, s.end, s.author, s.type) for s in structure.separate]
    found.sort(key=lambda p: (p[1], p[2]))
    out: list[Part] = []
    for i, (name, start, end, author, kind) in enumerate(found):
        following = min((p[1] for p in found[i + 1:] if p[1] > start), default=structure.length)
        end = min(end, following, structure.length)
        if out and start < out[-1].end:
            start = out[-1].end
        if end > start:
            out.append(Part(part=name, start=start, end=end, author=author, type=kind))
    return out
