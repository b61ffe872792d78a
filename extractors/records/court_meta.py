"""Who decided, where, when and in which case — each read from the part of a court document that states it.

The court is the caption's (not the court appealed from); the judge is the opinion's author line
("ALVAREZ, Circuit Judge.", "BELL, Appellate Immigration Judge:", "ORTEGA, J.") or the judge who signs the
order's signature block; the docket is the CM/ECF stamp's, else the caption's; the date is the header's
decided/filed line, else the date the judge signs, else the stamp's filing date; the case name is the caption's
first party of each side, cited short (`captions`). Each is returned with the span it was read from, which becomes
the holding's evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from docketflow.extractors.dates import Dated
from docketflow.extractors.docket_forms import MIN_DIGITS, case_number, key_of, parse
from docketflow.extractors.judges import name_case
from docketflow.extractors.records import captions
from docketflow.extractors.records.view import DocView, Mention
from docketflow.extractors.signature import CC_LINE, SUFFIX

_NAME = r"[A-ZÀ-Þ][\w.'’\- ]{1,40}?"
_TITLE_WORDS = (r"(?:Chief\s+|Senior\s+|Associate\s+)?(?:U\.\s?S\.\s+)?(?:Circuit\s+|District\s+|"
                r"Appellate\s+Immigration\s+|Bankruptcy\s+|Magistrate\s+|Immigration\s+)?(?:Judge|Justice)\s*[.:]")
_SUFFIX = rf"(?:{SUFFIX})?"
_AUTHOR = re.compile(
    r"^[^\S\n]*(?:\d{1,3}[^\S\n]+)?(?:(?P<name>" + _NAME + _SUFFIX + r"),\*?|(?P<caps>[A-ZÀ-Þ][A-ZÀ-Þ.'’\- ]{1,40}?))"
    r"[ \t]+" + _TITLE_WORDS,
    re.M,
)
"""An author line: "ALVAREZ, Circuit Judge.", "ANA M. RUIZ, JR., Circuit Judge:" (after a line number in
some reporters' text) or, without the comma, an all-caps "JOSÉ A. CABRANES Circuit Judge:"."""
_STATE_AUTHOR = re.compile(
    r"^[^\S\n]*(?P<name>[A-Z][A-Z'’\-]{2,}),\s+(?:(?:Acting\s+)?(?:C\.\s?)?J\.|P\.\s?J\.)\s*[.:—-]?", re.M
)
_OPINION_BY = re.compile(
    r"\bOpinion\s+(?:for\s+the\s+Court\s+)?(?:filed\s+)?by\s+(?:Chief\s+|Senior\s+)?(?:Circuit\s+|District\s+)?"
    r"Judge\s+(?P<name>[A-Z][\w'’\-]+)|(?:CHIEF\s+)?JUSTICE\s+(?P<justice>[A-Z][A-Z'’\-]+)\s+delivered\s+the\s+opinion"
)
_LOWER_COURT = re.compile(r"(?:appeal\s+from|on\s+appeal|review\s+of|from\s+the|petition\s+for\s+review)[^\n]{0,60}$",
                          re.I)


@dataclass(frozen=True)
class Read:
    """A holding field's value and the span of text it was read from (None when it came from outside the text,
    such as a stamp the PDF reader removed)."""

    value: str | None
    span: tuple[int, int] | None = None


NOTHING = Read(None)


def _mention(m: Mention) -> Read:
    return Read(m.key, (m.start, m.end))


def caption_court(view: DocView) -> Read:
    """The deciding court: the caption's court line, else the first court named in the caption (or, without
    one, the head) that is not the court appealed from, else the court the document names most."""
    structure = view.structure
    for line in structure.court_lines:
        found = view.within("COURT", line.start, line.end)
        if found:
            return _mention(found[0])
    head_end = structure.caption_end if structure.caption_end > 200 else max(3000, len(view.text) // 10)
    for mention in view.within("COURT", 0, head_end):
        if not _LOWER_COURT.search(view.text[max(0, mention.start - 80): mention.start]):
            return _mention(mention)
    courts = Counter(m.key for m in view.mentions("COURT"))
    if not courts:
        return NOTHING
    key = courts.most_common(1)[0][0]  # ties: the court named first
    return _mention(next(m for m in view.mentions("COURT") if m.key == key))


def _judge_key(view: DocView, name: str) -> str:
    """The fuller of the document's JUDGE key with the same last name and the name as the line spells it."""
    name = re.sub(rf"{SUFFIX}$", "", name.strip())
    last = name.replace("*", "").split()[-1].lower()
    known = [m.key for m in view.mentions("JUDGE") if m.key.split()[-1].lower() == last]
    spelled = " ".join(name_case(w) for w in name.replace("*", "").split())
    if known and len(known[0].split()) >= len(spelled.split()):
        return known[0]
    return spelled


def author_judge(view: DocView, kind: str) -> Read:
    """Who decided, by precedence: the opinion's author line (None when per curiam), the judge's signature
    block, the clerk's "Signed by Judge ..." line, the author forms of reporter prints ("ROE, District Judge."), the
    last judge named in the tail,
    a judge the caption names ("Hon. Jane Q. Roe"), and for an order the last judge it names at all."""
    text = view.text
    structure = view.structure
    if structure.author is not None:
        piece = structure.author
        return Read(_judge_key(view, piece.text), (piece.start, piece.end))
    if structure.per_curiam:
        return NOTHING
    if structure.signer is not None:
        signer = structure.signer
        return Read(_judge_key(view, signer.name), (signer.start, signer.end))
    entry = structure.entry
    if entry and entry.judge and entry.judge_span:
        return Read(_judge_key(view, entry.judge), entry.judge_span)
    for pattern in (_AUTHOR, _STATE_AUTHOR):
        match = pattern.search(text)
        group = match and ("name" if match.group("name") else "caps" if match.groupdict().get("caps") else None)
        if group and not re.match(r"(?i)before|present|per\s+curiam", match.group(group)):
            return Read(_judge_key(view, match.group(group).strip()), match.span(group))
    match = _OPINION_BY.search(text)
    if match:
        group = "name" if match.group("name") else "justice"
        return Read(_judge_key(view, match.group(group)), match.span(group))
    copied = CC_LINE.search(text, int(len(text) * 0.85))
    signer = view.within("JUDGE", int(len(text) * 0.85), copied.start() if copied else len(text))
    if signer:
        return _mention(signer[-1])  # a trial court's opinion is signed at its end
    caption = view.within("JUDGE", 0, structure.caption_end)
    if caption:
        return _mention(caption[0])
    if kind == "court_order" and view.mentions("JUDGE"):
        return _mention(view.mentions("JUDGE")[-1])
    return NOTHING


def caption_docket(view: DocView) -> Read:
    """The docket the document is filed under: its CM/ECF stamp's (the clerk's own form of the number), else the
    first of the caption's docket lines below the court's name, else the first docket number of the caption, else
    of the document; a caption's number without the assigned judges' initials in parentheses."""
    structure = view.structure
    stamp = structure.stamp
    stamped = view.context.docket or (stamp.docket if stamp else None)
    if stamped and parse(key_of(stamped))["kind"] != "other":
        in_text = stamp is not None and key_of(stamp.docket) == key_of(stamped)
        return Read(key_of(stamped), structure.stamp_line if in_text else None)
    pieces = [m for piece in structure.dockets for m in view.within("DOCKET", piece.start, piece.end)[:1]]
    candidates = pieces or view.within("DOCKET", 0, structure.caption_end) or view.mentions("DOCKET")
    if not candidates:
        return Read(stamped)
    # the caption follows the court's name (counsel's block and a clerk's stamp above it are not the caption);
    # a full number wins over a short list item ("Nos. 12, 14")
    court_start = structure.court_lines[0].start if structure.court_lines else 0
    best = min(candidates, key=lambda m: (sum(ch.isdigit() for ch in m.key) < MIN_DIGITS, m.start < court_start,
                                          m.start))
    return Read(case_number(best.key), (best.start, best.end))


def decided(view: DocView, own: Dated | None, source_date: str | None) -> Read:
    """When the court decided: the header's decided/filed/entered line, else the clerk's "Signed by ... on" date,
    else the date the judge signs (or, for want of one, a date alone on its line), else the CM/ECF stamp's filing
    date, else the first full date under the caption."""
    structure = view.structure
    header = structure.decided()
    if header:
        return Read(header.iso, (header.start, header.end))
    entry = structure.entry
    if entry and entry.signed:
        return Read(entry.signed, entry.signed_span)
    if own:
        return Read(own.value.isoformat(), (own.start, own.end))
    if structure.stamp and structure.stamp.filed:
        return Read(structure.stamp.filed, structure.stamp_line)
    if source_date:
        return Read(source_date)
    head_end = max(2000, len(view.text) // 20)
    first = next((m for m in view.within("DATE", 0, head_end) if len(m.key) == 10), None)
    return _mention(first) if first else NOTHING


def case_name(view: DocView) -> str | None:
    """"A v. B" as the caption names the case, first party of each side cited short (see `captions`)."""
    return captions.case_name(view.text)
