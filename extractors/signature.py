"""Who signed a court order: the signature block under "IT IS SO ORDERED".

A district court order names its judge where the judge signs, in a block of short lines at its end:

    IT IS SO ORDERED.                              /s/ Jane Q. Roe
    ______________________________                 JANE Q. ROE, JR.
    JANE Q. ROE                                    Senior United States District
    United States District Judge                   Judge
    Date: 06/09/2026

or on one line ("Jane Q. Roe, U.S.D.J.", "/s/ Omar Bell, United States Magistrate Judge"). The text layer
of a PDF adds noise between the two lines: pleading-paper line numbers ("23" before or between them),
signature rules of underscores, an "/s/" alone on its line, the e-signature glyph, and on some courts'
paper the letters of a vertical margin legend ("tinhtr", "S d") at line starts. The reader cleans each
line of that noise, then pairs a title line with the nearest name line above it. A clerk who signs "for
the court", counsel who sign with "/s/" and judges copied on a "cc:" list are not signers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docketflow.extractors.keyword_start import KeywordStart

_UP = "A-ZÀ-ÖØ-Þ"
_TOKEN = (rf"(?:[{_UP}]\.?(?=[ \t,]|$)|(?!(?:II|III|IV|Jr|JR|Sr|SR)\b)(?:Mc|Mac|O['’]|D['’])?[{_UP}][A-Za-zà-ÿ'’]*"
          rf"(?:-[{_UP}][A-Za-zà-ÿ'’]*)?)")
SUFFIX = r"(?:,?[ \t]+(?:Jr|JR|Sr|SR)\.?|,?[ \t]+(?:II|III|IV))"
"""A name's generational suffix as signature blocks print it: ", Jr.", ", JR.", " III", " IV"."""
_NAME = rf"(?P<name>{_TOKEN}(?:[ \t]{{1,3}}{_TOKEN}){{1,4}})(?P<suffix>{SUFFIX})?"
"""A signer's name: two to five capitalized words or initials ("Jane Q. Roe", "JANE Q. ROE", "Omar Bell")."""
SHORT_TITLE = r"U\.?[ \t]?S\.?[ \t]?[DM]\.?[ \t]?J\.?|[DM]\.[ \t]?J\."
"""The initials a judge signs with: "U.S.D.J." (district judge), "U.S.M.J." (magistrate judge), "D.J."."""
_LONG_TITLE = (r"(?:(?:Chief|Senior|CHIEF|SENIOR)[ \t]+)?"
               r"(?:(?:United|UNITED)[ \t]+(?:States|STATES)[ \t]+|U\.[ \t]?S\.[ \t]*)?"
               r"(?:District|DISTRICT|Magistrate|MAGISTRATE|Bankruptcy|BANKRUPTCY)[ \t]+(?:(?:Court|COURT)[ \t]+)?"
               r"(?:Judge|JUDGE)")
_TITLE_LINE = re.compile(
    r"(?i:(?:hon(?:orable)?\.?[ \t]+)?(?:(?:chief|senior)[ \t]+)?"
    r"(?:united[ \t]+states[ \t]+|u\.[ \t]?s\.[ \t]*|us[ \t]+)?"
    r"(?:district|magistrate|bankruptcy)[ \t]+(?:court[ \t]+)?judge|(?:chief|senior)[ \t]+judge|judge)[.,]?"
    rf"|(?:{SHORT_TITLE})"
)
"""A line that is only a judge's title: "United States District Judge", "SENIOR U.S. DISTRICT COURT JUDGE",
"U.S.D.J.", "Chief Judge", "JUDGE"."""
_SPLIT_TITLE = re.compile(r"(?i)(?:(?:chief|senior)[ \t]+)?(?:united[ \t]+states[ \t]+|u\.[ \t]?s\.[ \t]*)?"
                          r"(?:district|magistrate)")
"""The first half of a title broken over two lines ("Senior United States District" / "Judge")."""
_COURT_AS_TITLE = re.compile(r"(?i)(?:united[ \t]+states[ \t]+|u\.[ \t]?s\.[ \t]*)?district[ \t]+court")
""""United States District Court" under a name that was signed "/s/": the court stands for the title."""
_SIGNED_NAME = rf"(?:(?:/s/|s/|S/)[ \t]*)?(?:(?:HON(?:ORABLE)?|Hon(?:orable)?)\.?[ \t]+)?{_NAME}"
"""A name as a judge signs it, after an electronic "/s/" or "Hon." when there is one."""
_NAME_LINE = re.compile(rf"{_SIGNED_NAME}(?:[ \t]*,[ \t]*(?:{SHORT_TITLE}))?[ \t,.:'’\"]*")
_SAME_LINE = re.compile(rf"{_SIGNED_NAME}[ \t]*,[ \t]*(?P<title>{SHORT_TITLE}|{_LONG_TITLE})[ \t]*[.:]?")
"""A name and its title on one line: "Jane Q. Roe, U.S.D.J.", "/s/ OMAR BELL, United States Magistrate Judge"."""
_SLASH_S = re.compile(rf"(?:/s/|s/|S/)[ \t]*{_NAME}[ \t]*")
"""An electronic signature with no title under it ("BY THE COURT:" / "/s/ Jane Q. Roe")."""
_NOT_JUDGE = re.compile(r"(?i)\b(?:attorneys?|counsel|esq\.?|bar\s*(?:no|number|#)|l\.?l\.?p\b|p\.c\.|p\.a\.|law\s+"
                        r"(?:firm|office|group)|case\s+manager|deputy|clerk|secretary|paralegal|assistant|@|"
                        r"\(\d{3}\)|\d{3}[-.]\d{3}[-.]\d{4})")
"""What follows an "/s/" signature of counsel or court staff and never a judge's: a bar number, a firm, a
telephone number, "Case Manager", "Deputy Clerk"."""
_SERVICE = re.compile(r"(?i)certificate\s+of\s+service|proof\s+of\s+service|\bBy:[ \t]*$")
"""A certificate of service (signed by staff or counsel) or counsel's "By:" line, just above an "/s/"."""
_NOT_NAME = re.compile(r"(?i)\b(?:united|states|district|court|judge|magistrate|dated?|attorneys?|esq|counsel|"
                       r"department|office|justice|order(?:ed)?|clerk|deputy|signed|county|city|division|"
                       r"plaintiffs?|defendants?|respondents?|petitioners?|entered|page|copies|exhibit|"
                       r"attachment|judgment|memorandum|opinion|the|of|and|for|by)\b")
"""Words that make a line a heading, a court, an office or a date, not a signer's name."""
_LINE_NUMBER = re.compile(r"^[ \t]*\d{1,2}(?:[ \t]+|$)")
_MARGIN_LEGEND = re.compile(rf"^(?:(?:[a-z][A-Za-z]{{0,6}}|[{_UP}])[ \t]+){{1,5}}(?=[{_UP}]{{2,}}\b|United\b|/s/|s/)")
"""Letters of a vertical margin legend that a text layer puts at line starts, before a name in capitals."""
_DATED_PREFIX = re.compile(r"^(?:Dated?|DATED?|Signed|SIGNED)[ \t]*:?[ \t]+[^\n]*?\d{4}\.?[ \t]+(?=(?:/s/|s/|S/)?[ \t]*"
                           rf"[{_UP}])")
"""'Dated: May 4, 2026   /s/ Jane Q. Roe': the date column beside the name."""
_FILLER = re.compile(r"[\s_\-–—.·*~|:]*|/s/|s/?|S/?|[A-Za-z]|\d{1,3}|BY\s+THE\s+COURT:?|Date|DATE|"
                     r"(?:[a-z][A-Za-z]{0,6}[ \t]+)*[a-z][A-Za-z]{0,6}")
"""Lines between a name and its title that carry nothing: rules, a bare "/s/", a glyph, a line number, margin
letters."""
CC_LINE = re.compile(r"(?im)^[ \t]*(?:\d{1,2}[ \t]+)?c\.?c\.?[ \t]*:")
"""The list of those a document is copied to: judges named there did not sign it."""
CC_REACH = 400
"""How far above a name a "cc:" line makes it one of the copied."""
MAX_FILLER = 5
"""Lines of filler allowed between a name line and its title line."""
MAX_LINE = 160
"""A signature's title or "/s/" line is never longer (pleading numbers, a date column and margin letters included)."""
_ANCHOR = KeywordStart(r"(?=[JjDdMmSs/])(?:(?i:judge|district[ \t]+court)|[DM]\.[ \t]?J\.|/s/|(?<![\w/])[sS]/)",
                       ["judge", "district", "d.", "m.", "/s/", "s/"], any_case=True)
"""What every signature block holds: a title, a judge's initials or an electronic signature (the lookahead lets a
plain scan skip every other character at once; `KeywordStart` finds the keywords faster still)."""


@dataclass(frozen=True)
class Signer:
    """A judge who signs the document, where the name is printed and the title under or beside it."""

    start: int
    end: int
    name: str
    """The name as printed, without "/s/", "Hon." or a suffix: "JANE Q. ROE"."""
    title: str
    """The title as printed ("United States District Judge", "U.S.D.J."), spaces normalized."""


def _clean(line: str) -> tuple[str, int]:
    """A line without pleading numbers, margin legend, signature rules and a date column; and the offset in the
    line where the kept part starts (the name is located again in the raw line from there)."""
    skipped = 0
    for pattern in (_LINE_NUMBER, _MARGIN_LEGEND, _LINE_NUMBER, _DATED_PREFIX):
        m = pattern.match(line, skipped)
        if m:
            skipped = m.end()
    kept = line[skipped:]
    if not re.fullmatch(r"[\s_]*", kept):
        kept = kept.replace("_", " ")
    return " ".join(kept.split()), skipped


def _name_ok(name: str) -> bool:
    """Two or more words, at least one of them a whole word, none of them a heading's or an office's."""
    if _NOT_NAME.search(name):
        return False
    words = name.split()
    whole = [w for w in words if len(w.rstrip(".")) > 1]
    return len(words) >= 2 and bool(whole)


def _locate(text: str, line_start: int, skipped: int, line_end: int, name: str) -> tuple[int, int] | None:
    """Where `name` (as cleaned) is printed in the raw line: its words may be apart by tabs or underscores."""
    words = [re.escape(w) for w in name.split()]
    pattern = re.compile(r"[\s_]+".join(words))
    m = pattern.search(text, line_start + skipped, line_end)
    return (m.start(), m.end()) if m else None


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str, int]]:
    """(start, end, cleaned text, skipped) of each line in [start, end)."""
    out = []
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop == -1 else stop
        cleaned, skipped = _clean(text[pos:stop])
        out.append((pos, stop, cleaned, skipped))
        pos = stop + 1
    return out


def _is_filler(line: str) -> bool:
    return _FILLER.fullmatch(line) is not None


def _title_below(lines: list[tuple[int, int, str, int]], index: int) -> str | None:
    """The title on the line after a name line (past filler), joined when broken over two lines."""
    seen = 0
    for j in range(index + 1, min(len(lines), index + 2 + MAX_FILLER)):
        value = lines[j][2]
        if _is_filler(value):
            seen += 1
            continue
        if _TITLE_LINE.fullmatch(value):
            return value
        if _SPLIT_TITLE.fullmatch(value):
            rest = next((c for _, _, c, _ in lines[j + 1: j + 2 + MAX_FILLER] if not _is_filler(c)), "")
            if re.fullmatch(r"(?i)judge[.,]?", rest):
                return f"{value} {rest}"
        if _COURT_AS_TITLE.fullmatch(value) and re.match(r"(?:/s/|s/|S/)", lines[index][2]):
            return value
        return None
    return None


def _regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches that can hold a signature: the lines up to each short line with a title word or "/s/" (most
    of a text is prose, which is never read line by line, and a prose line that says "judge" signs nothing)."""
    regions: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text, start, end):
        line_end = text.find("\n", m.end(), end)
        line_end = end if line_end == -1 else line_end
        if line_end - text.rfind("\n", start, m.start()) > MAX_LINE:
            continue
        begin = m.start()
        for _ in range(MAX_FILLER + 3):
            begin = text.rfind("\n", start, begin)
            if begin == -1:
                begin = start
                break
        begin = begin + 1 if begin > start or text.startswith("\n", start) else start
        if regions and begin <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], line_end))
        else:
            regions.append((begin, line_end))
    return regions


def signers(text: str, start: int = 0, end: int | None = None) -> list[Signer]:
    """Every judge's signature in [start, end), in text order: a name line over a title line, a name with its
    title on one line, or an "/s/" signature that no counsel's details follow."""
    end = len(text) if end is None else end
    lines = [line for a, b in _regions(text, start, end) for line in _lines(text, a, b)]
    found: list[Signer] = []
    for index, (line_start, line_end, value, skipped) in enumerate(lines):
        if not value:
            continue
        title = None
        match = _SAME_LINE.fullmatch(value)
        if match:
            title = match["title"]
        else:
            match = _NAME_LINE.fullmatch(value)
            if match:
                title = _title_below(lines, index)
            if title is None:
                match = _SLASH_S.fullmatch(value)
                if match and not _NOT_JUDGE.search(text, line_end, min(end, line_end + 200)) \
                        and not _SERVICE.search(text, max(start, line_start - 600), line_start + skipped):
                    title = ""
        if match is None or title is None or not _name_ok(match["name"]) \
                or CC_LINE.search(text, max(start, line_start - CC_REACH), line_start):
            continue
        span = _locate(text, line_start, skipped, line_end, match["name"])
        if span:
            found.append(Signer(span[0], span[1], undouble(match["name"]), " ".join(title.split())))
    return found


def last_signer(text: str, start: int = 0) -> Signer | None:
    """The document's signer: the last judge's signature after `start` (exhibits may follow it) that has a
    title, else the last bare "/s/" signature."""
    found = signers(text, start)
    titled = [s for s in found if s.title]
    return (titled or found or [None])[-1]


def undouble(name: str) -> str:
    """A name whose letters a PDF printed twice or thrice for bold type ("JJAANNEE  RROOEE"), read once; real
    double letters ("ELLEN") never make most of a word."""
    words = []
    for word in name.split():
        runs = [m.group() for m in re.finditer(r"(.)\1*", word)]
        if len(word) >= 4 and sum(len(r) for r in runs if len(r) > 1) >= 0.8 * len(word):
            word = "".join(r[0] for r in runs)
        words.append(word)
    return " ".join(words)
