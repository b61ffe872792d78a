"""What a court document decides, read from its decretal language.

Orders: itemized rulings ("Acme's Motion in Limine No. 2 (ECF 528): GRANTED IN PART and DENIED IN
PART."), "IT IS ORDERED" paragraphs, "Acme's injunction motion is GRANTED IN PART", "the Court GRANTS ...",
"Defendants are enjoined from ...", and the title ("ORDER GRANTING REQUEST TO SEAL") when the body says nothing
more precise. One decision per motion.
Opinions: the closing disposition ("Affirmed.", "AFFIRMED in part, VACATED in part, and REMANDED.",
"the petition is GRANTED", "We affirm", a BIA "ORDER: The appeal is dismissed.") makes the
main decision; a separate motion disposed of at the end (a stay dismissed as moot) makes another.
Past-tense history ("the trial judge had denied it") and conditionals ("if the motion is
granted") are not decisions of this document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import islice

from docketflow.extractors.docket_text import Entry
from docketflow.extractors.keyword_start import Keywords
from docketflow.extractors.records.cues import all_labels, first_label
from docketflow.extractors.records.sentences import Sentences
from docketflow.extractors.structure import Structure

_DISP_WORD = (r"GRANTED\s+IN\s+PART(?:[\s,;]+(?:AND\s+)?DENIED\s+IN\s+PART)?(?:[\s,;]+(?:AND\s+)?DEFERRED\s+IN\s+PART)?"
              r"|DENIED\s+IN\s+PART(?:[\s,;]+(?:AND\s+)?GRANTED\s+IN\s+PART)?|GRANTED|DENIED|DEFERRED|TERMINATED|"
              r"DISMISSED|WITHDRAWN|MOOT|AFFIRMED|REVERSED|VACATED|REMANDED|STAYED|MODIFIED")
_ITEM = re.compile(
    r"(?P<motion>[A-Z][\w’'.,\- ]{0,60}?(?:Motion|Application|Request|Petition)\b[^:\n]{0,120}?)\s*:\s*"
    r"(?P<disp>(?:" + _DISP_WORD + r")[^.\n]{0,80})"
)
_PASSIVE = re.compile(
    r"(?P<motion>\b(?:motion|application|request|petition|stipulation|appeal|judgment|order|decision|stay|"
    r"injunction|denial|dismissal|conviction|sentence|ruling|agreement|settlement|decree)s?\b[^;:]{0,220}?)\s+"
    r"(?:is|are|shall\s+be|must\s+be|should\s+be|be,?\s+and\s+(?:the\s+same\s+)?(?:it\s+)?(?:hereby\s+)?(?:is|are),?|"
    r"be|hereby\s+is)\s+(?:(?:hereby|therefore|accordingly|respectfully|both|finally|preliminarily)\s+){0,2}(?P<disp>(?:(?:granted|denied|affirmed|reversed|vacated|remanded|dismissed|sustained|discharged|"
    r"lifted|dissolved|modified|stayed|allowed|approved)(?:\s+in\s+part)?[\s,;]*(?:and\s+)?){1,4})",
    re.I,
)
"""The passive decretal form: "the motion is GRANTED", "be, and hereby is, DENIED", "the motion to dismiss is ALLOWED",
"the class settlement is hereby finally approved"."""
_LEAD_WORDS = re.compile(r"(?:[\w'’]+[ \t\n-]+){1,3}$")
"""The words just before a motion's noun, which often name its kind ("second summary-judgment motion")."""
_PASSIVE_VERB = re.compile(r"(?=[GgDdAaRrVvSsLlMm])(?i:granted|denied|affirmed|reversed|vacated|remanded|dismissed|"
                           r"sustained|discharged|lifted|dissolved|modified|stayed|allowed|approved)")
"""The participles `_PASSIVE` ends on: a sentence without one is spared its slow, backtracking scan."""
_PASSIVE_WORDS = Keywords.required_by(_PASSIVE_VERB)
"""The same participles, looked for first in the lower-cased text (`Keywords`): most sentences hold none."""
_ACTIVE = re.compile(
    r"\b(?:the\s+)?(?:Court|court)\s+(?:hereby\s+|therefore\s+|also\s+|accordingly\s+|thus\s+|preliminarily\s+)?"
    r"(?P<disp>(?:GRANTS|grants)(?:\s+(?i:in\s+part))?(?:\s+(?i:and\s+denies\s+in\s+part))?|DENIES|AFFIRMS|REVERSES|"
    r"VACATES|REMANDS|DISMISSES|STAYS|LIFTS|APPROVES|denies|approves)\b(?P<motion>[^.;]{0,200})"
)
_ACTIVE_WORDS = Keywords.required_by(_ACTIVE)
"""The court every `_ACTIVE` match names."""
_GERUND = re.compile(r"\bIT\s+IS\s+(?:HEREBY\s+|FURTHER\s+)*ORDERED\s+(?P<disp>(?i:granting\s+in\s+part\s+and\s+"
                     r"denying\s+in\s+part|granting|denying))\s+(?P<motion>[^.;]{3,200})")
"""The clerk-style decretal sentence: "IT IS ORDERED granting Plaintiffs' Motion for Preliminary Injunction"."""
_ENJOINED = re.compile(r"\b(?:is|are)\s+(?:hereby\s+)?(?:immediately\s+)?(?:preliminarily\s+|temporarily\s+)?"
                       r"enjoined\b", re.I)
_ENJOINED_WORD = Keywords.required_by(_ENJOINED)
_ORDERED = re.compile(r"\bIT\s+IS\s+(?:HEREBY\s+|FURTHER\s+|SO\s+)*ORDERED\b|^\s*(?:FURTHER\s+)?ORDER\s*:|"
                      r"^[^\S\n]*(?:FURTHER\s+)?ORDERED,?\s+(?:that|THAT)\b", re.M)
"""Decretal openings: "IT IS ORDERED ...", a BIA "ORDER:", a line that starts "ORDERED that the case be ..."."""
_ORDERED_WORDS = Keywords.required_by(_ORDERED)
"""What every `_ORDERED` match holds ("ORDER", "ORDERED"): a closing without it is not scanned."""
_STIPULATION_TITLE = re.compile(r"STIPULATION\s+(?:AND|&)\s+(?:\[?[A-Z]{4,10}\]?\s+)?ORDER", re.I)
_TITLE = re.compile(
    r"^[^\S\n]*(?:\[PROPOSED\]\s+)?(?:(?:STIPULATION\s+AND\s+)?ORDER|(?:MEMORANDUM\s+)?(?:OPINION\s+)?AND\s+ORDER)\s+"
    r"(?P<disp>GRANTING\s+IN\s+PART\s+AND\s+DENYING\s+IN\s+PART|DENYING\s+IN\s+PART\s+AND\s+GRANTING\s+IN\s+PART|"
    r"GRANTING\s+IN\s+PART|GRANTING|DENYING)\s+"
    r"(?P<motion>[^\n]{3,120}(?:\n[ \t]*[A-Z][A-Z ,;'’“”()\-]{2,120}){0,2})",
    re.M,
)
"""The order's title names its disposition and motion, over up to three caption lines: "ORDER GRANTING IN PART /
ACME'S MOTION TO / COMPEL DISCOVERY"."""
TITLE_REACH = 5000
"""The title stands under the caption, within this many characters of the start."""
_DISPOSITION_WORDS = "affirmed|reversed|vacated|remanded|dismissed|denied|granted"
_SUBJECT_DISPOSITION = (r"(?i:(?:The\s+)?(?:Judgment|Order|Decision|Appeal|Certiorari|Writs?(?:\s+of\s+\w+)?|"
                        r"Stay|Application(?:\s+for\s+(?:a\s+)?stay)?|"
                        r"Petition(?:\s+for\s+(?:judicial\s+)?review)?)s?\s+(?:is\s+|are\s+)?(?:"
                        + _DISPOSITION_WORDS + r"))")
_BARE_DISPOSITION = "(?:" + _DISPOSITION_WORDS.upper() + "|" + _DISPOSITION_WORDS.title() + ")"
_STANDALONE = re.compile(
    r"^[^\S\n]*(?P<line>(?:" + _SUBJECT_DISPOSITION + "|" + _BARE_DISPOSITION + r")\b[^\n]{0,100}?[.])"
    r"(?:[^\S\n]+See\b[^\n]{0,60})?[^\S\n]*$",
    re.M,
)
"""A disposition on a line of its own: "Affirmed.", "AFFIRMED in part ...", "Petition granted." — never a
line that merely starts with a lower-case "denied by ..." carried over from the line before."""
_WE = re.compile(r"\b[Ww]e\s+(?:(?:therefore|thus|accordingly|hereby|must|now|will|shall)\s+)?"
                 r"(?P<disp>(?i:affirm|reverse|vacate|remand|dismiss|deny|grant))\b(?P<rest>[^.;]{0,160})")
_APPELLATE = frozenset({"affirmed", "reversed", "vacated", "remanded"})
_APPELLATE_PASSIVE = re.compile(r"\b(?:is|are|must\s+be|should\s+be|be|stands)\s+(?:hereby\s+|therefore\s+|"
                                r"accordingly\s+)?(?P<disp>affirmed|reversed|vacated|set\s+aside)\b", re.I)
"""A closing disposition whatever its subject: "The denial of a waiver is affirmed."""
_APPELLATE_PASSIVE_WORDS = Keywords.required_by(_APPELLATE_PASSIVE)
_WE_WORDS = Keywords.required_by(_WE)
"""The words every `_APPELLATE_PASSIVE` and `_WE` match holds (the verbs): a sentence without one is not
scanned."""
_HYPOTHETICAL = re.compile(r"\b(if|whether|unless|should|would|to\s+the\s+extent|once|until|when)\b[^.;]{0,80}$",
                           re.I)
_LOWER_RULING = re.compile(r"(?:the\s+)?(?:district\s+court['’]s\s+)?(?:judgment|order|decision|ruling)\b", re.I)
"""The subject of an appellate disposition about the decision below ("the judgment is affirmed")."""
_HISTORY = re.compile(r"\b(was|were|had\s+been|has\s+been)\s+(granted|denied|affirmed|reversed|vacated|dismissed)",
                      re.I)


@dataclass(frozen=True)
class Decision:
    """One thing a court document decides, and the sentence that says so."""

    motion: str | None
    disposition: str | None
    start: int
    end: int
    cue: str
    """'item', 'decretal', 'closing', 'body', 'side', 'title' or 'caption': how strongly the text says it."""
    subject: str = ""
    """The motion as the text names it (distinguishes "Motion in Limine No. 1" from "No. 2")."""


def disposition_of(words: str) -> str | None:
    """Map decretal words to one disposition; affirmed together with reversed/vacated is 'other'."""
    found = all_labels("disposition", words)
    if not found:
        return None
    if "affirmed" in found and ({"reversed", "vacated"} & set(found)) and "granted_in_part" not in found:
        return "other"
    return found[0]


def motion_of(phrase: str, default: str | None = "other") -> str | None:
    """Motion type named in a phrase ("motion for a preliminary injunction" -> preliminary_injunction)."""
    return first_label("motion", phrase) or default


def _subject(phrase: str) -> str:
    return " ".join(phrase.split()).strip(" ,;:").lower()[:120]


def _quoted(sentence: str, position: int) -> bool:
    """True inside a quotation ("We grant the petition," the court wrote): another court's words."""
    before = sentence[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _sentence_decisions(text: str, start: int, end: int) -> list[Decision]:
    """Decretal statements in one sentence (passive, active, 'enjoined')."""
    sentence = text[start:end]
    found: list[Decision] = []
    passive = _PASSIVE_WORDS.within(text, start, end) and _PASSIVE_VERB.search(sentence)
    for match in _PASSIVE.finditer(sentence) if passive else ():
        before = sentence[: match.start("disp")]
        if _HYPOTHETICAL.search(before) or _HISTORY.search(match.group(0)) or _quoted(sentence, match.start()):
            continue
        disposition = disposition_of(match.group("disp"))
        if disposition:
            lead = _LEAD_WORDS.search(sentence, max(0, match.start() - 60), match.start())
            motion_phrase = (lead.group() if lead else "") + match.group("motion")
            found.append(Decision(motion_of(motion_phrase), disposition, start, end, "decretal",
                                  _subject(motion_phrase)))
    for match in _ACTIVE.finditer(sentence) if _ACTIVE_WORDS.within(text, start, end) else ():
        if _HYPOTHETICAL.search(sentence[: match.start()]) or _quoted(sentence, match.start()):
            continue
        disposition = disposition_of(match.group("disp"))
        if disposition:
            found.append(Decision(motion_of(match.group("motion")), disposition, start, end, "decretal",
                                  _subject(match.group("motion"))))
    for match in _GERUND.finditer(sentence) if not found and "ORDERED" in sentence else ():
        disposition = disposition_of(match.group("disp"))
        if disposition:
            found.append(Decision(motion_of(match.group("motion")), disposition, start, end, "decretal",
                                  _subject(match.group("motion"))))
    if not found and _ENJOINED_WORD.within(text, start, end) and _ENJOINED.search(sentence) \
            and _ORDERED.search(sentence):
        found.append(Decision(motion_of(sentence, "preliminary_injunction"), "granted", start, end, "decretal",
                              "injunction"))
    return found


_MOTION_NAME = re.compile(r"\b(?:motion|application|request|petition)s?\s+(?:for|to)\s+(?:an?\s+|the\s+)?"
                          r"(?:leave\s+to\s+)?[\w-]+(?:\s+[\w-]+)?")
"""What a motion outside the schema's kinds asks for ("motion to strike", "motion for leave to amend"): two such
motions decided alike are two decisions."""


def _motion(decision: Decision) -> tuple[str | None, str]:
    """Which motion a decision is about: its kind, and for kind `other` the relief it asks for."""
    named = _MOTION_NAME.search(decision.subject) if decision.motion == "other" else None
    return decision.motion, named.group() if named else ""


def _dedupe(decisions: list[Decision]) -> list[Decision]:
    """One decision per motion: itemized subjects stay apart, otherwise same motion and disposition merge (for
    motions of kind `other`, the same relief asked for too)."""
    out: list[Decision] = []
    seen: set[tuple] = set()
    for d in decisions:
        key = (d.subject,) if d.cue == "item" else (*_motion(d), d.disposition)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _stipulated(text: str, sentences: Sentences) -> Decision | None:
    """A stipulation the court signs ("STIPULATION AND [PROPOSED] ORDER" ... "IT IS SO ORDERED") is one
    decision: the court grants what the parties agreed, whatever the agreed text vacates or re-sets."""
    if not _STIPULATION_TITLE.search(text[:5000]):
        return None
    ordered = [m for m in _ORDERED.finditer(text)]
    if not ordered:
        return None
    start, end = sentences.around(ordered[-1].start())
    return Decision("other", "granted", start, end, "decretal", "stipulation")


_ANNOUNCED = re.compile(r"\bORDER(?:ED|S)\b|\bfor\s+(?:the\s+)?(?:foregoing|following|these|those)\s+reasons\b|"
                        r"\breasons\s+(?:stated|set\s+forth|discussed|explained|given|that\s+follow)\b", re.I)
"""How a document announces what it decides: "IT IS ORDERED", "For the reasons that follow, the motion is ..."."""
_EFFECTS = frozenset({"vacated", "dismissed", "stayed", "modified", "remanded", "other"})
"""Dispositions that can be what an order does to a thing (a stay, a case, an injunction) rather than to a motion."""
_MOVED = re.compile(r"(?i)motion|application|request|petition|stipulation")
_PLEADING_NUMBER = re.compile(r"(?m)^([ \t]*)(\d{1,2})(?=[ \t]|$)")
PLEADING_LINES = 40
"""Numbered lines beyond which a text is on pleading paper, whose margin numbers break its sentences."""
_SCOPE = re.compile(r"(?i)\bas\s+to\b|\bto\s+the\s+extent\b|\bin\s+all\s+other\s+respects\b|\bin\s+part\b|"
                    r"\bwith\s+respect\s+to\b|\binsofar\b|\bas\s+moot\b")
"""Words that limit a ruling to part of a motion ("granted as to Count I", "in all other respects, denied")."""
_STANDARD = re.compile(r"\s*(?:A|An)\s+(?:motion|application|request|petition)\b|[^.;]*\b(?:granted|denied)\s+"
                       r"(?:only\s+)?(?:if|when|where|unless)\b", re.I)
"""A sentence stating the law, not deciding: "An application for a stay is granted only where ..."."""


def without_pleading_numbers(text: str) -> str:
    """The text with pleading paper's margin line numbers blanked (same length, so offsets hold): "Motion to /
    5 Dismiss" reads as one phrase."""
    if next(islice(_PLEADING_NUMBER.finditer(text, 0, 20_000), PLEADING_LINES, None), None) is None:
        return text
    return _PLEADING_NUMBER.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def court_decisions(text: str, sentences: Sentences, structure: Structure, kind: str,
                    trial: bool) -> list[Decision]:
    """What a court document decides, by precedence: an appellate opinion's closing disposition, else its
    decretal language; a trial court's decretal language (an opinion's too: a district court decides motions,
    not appeals), else its closing disposition; a ruling limited in scope merged into one partial ruling per
    motion; the title when the body says only what the order does to a thing, or less than the title."""
    if kind == "opinion" and not trial:
        return opinion_decisions(text, sentences, structure) or order_decisions(text, sentences, structure.entry)
    found = order_decisions(text, sentences, structure.entry)
    if kind == "opinion":
        found = [d for d in found if d.disposition not in _EFFECTS or _MOVED.search(d.subject)]
    found = found or opinion_decisions(text, sentences, structure)
    if trial:
        found = [_not_an_appeal(d, text) for d in found]
    return _in_passing(_with_title(_merge_partial(found, text), text), text, structure)


def _in_passing(decisions: list[Decision], text: str, structure: Structure) -> list[Decision]:
    """When a document decides more than one thing, which ruling is its principal one: a motion of the schema's
    kinds (an injunction, dismissal, summary judgment) over a side motion of kind `other` (cue `side`), and a
    ruling announced ("IT IS ORDERED", "For the reasons that follow, ...") or in the closing paragraphs over one
    stated in passing in the body (cue `body`)."""
    if len(decisions) < 2:
        return decisions
    zone_start = structure.decision_zone(text)[0]
    named = any(d.motion not in ("other", "appeal", None) for d in decisions)
    out = []
    for d in decisions:
        if d.cue == "decretal" and named and d.motion == "other":
            d = replace(d, cue="side")  # beside a dispositive or injunction motion, leave to amend or a bond
        elif d.cue == "decretal" and d.start < zone_start and not _ANNOUNCED.search(text, d.start, d.end):
            d = replace(d, cue="body")
        out.append(d)
    return out


def _not_an_appeal(decision: Decision, text: str) -> Decision:
    """A trial court decides motions: a closing "DENIED." is the motion's the sentence names, else `other`."""
    if decision.motion != "appeal":
        return decision
    named = first_label("motion", re.sub(r"(?i)\bappeal\w*", "", text[decision.start:decision.end]))
    return replace(decision, motion=named or "other")


def _merge_partial(decisions: list[Decision], text: str) -> list[Decision]:
    """One motion granted in some respects and denied in others is granted in part, when a sentence limits a
    ruling's scope ("GRANTED as to Count I" and, for the rest, "DENIED as to Counts II and III")."""
    if len(decisions) < 2 or any(d.cue == "item" for d in decisions):
        return decisions  # itemized rulings each name their own motion
    decisions = [d for d in decisions if not _STANDARD.match(text, d.start)]
    if len(decisions) < 2 or not any(_SCOPE.search(text, d.start, d.end) for d in decisions):
        return decisions
    by_motion: dict[tuple[str | None, str], list[Decision]] = {}
    for d in decisions:
        by_motion.setdefault(_motion(d), []).append(d)
    out = []
    for (motion, _), group in by_motion.items():
        found = {d.disposition for d in group}
        if {"granted", "denied"} <= found or ("granted_in_part" in found and len(found) > 1) or (
                motion == "motion_to_dismiss" and {"dismissed", "denied"} <= found):
            out.append(replace(group[0], disposition="granted_in_part"))
        else:
            out += group
    return sorted(out, key=lambda d: d.start)


def _with_title(decisions: list[Decision], text: str) -> list[Decision]:
    """The title's ruling ("ORDER GRANTING IN PART ... MOTION FOR ...") when the body names none, only says what
    the order does to a thing ("the injunction is vacated"), or misses that the ruling is partial."""
    ruling = _title_ruling(text)
    if ruling is None:
        return decisions
    if not decisions or all(d.disposition in _EFFECTS or d.motion in ("appeal", None) for d in decisions) or (
            ruling.disposition == "granted_in_part" and all(d.disposition != "granted_in_part" for d in decisions)):
        return [ruling]
    return decisions


def _title_ruling(text: str) -> Decision | None:
    """The ruling an order's title states ("ORDER GRANTING IN PART ... MOTION TO ...")."""
    title = _TITLE.search(text, 0, TITLE_REACH)
    if title is None:
        return None
    return Decision(motion_of(title.group("motion")), disposition_of(title.group("disp")) or "other", *title.span(),
                    "title", _subject(title.group("motion")))


def order_decisions(text: str, sentences: Sentences, entry: Entry | None = None) -> list[Decision]:
    """Decisions of a court order: a signed stipulation, an itemized list, else decretal sentences, else
    the title, else the clerk's clause of a docket-text order ("MINUTE ORDER granting 12 Motion ...")."""
    stipulated = _stipulated(text, sentences)
    if stipulated:
        return [stipulated]
    items = [
        Decision(motion_of(m.group("motion")), disposition_of(m.group("disp")) or "other",
                 *sentences.around(m.start()), "item", _subject(m.group("motion")))
        for m in _ITEM.finditer(text)
    ]
    if items:
        return _dedupe(items)
    decretal = [d for s, e in sentences for d in _sentence_decisions(text, s, e)]
    decretal = [d for d in decretal if d.motion != "appeal" or "appeal" in d.subject]
    if decretal:
        # a decision of kind `other` stays when it names a motion of its own ("a motion to strike exhibits is
        # DENIED"), not when it only says what the order does beside the motions it decides
        motions = {d.motion for d in decretal}
        return _dedupe([d for d in decretal if d.motion != "other" or len(motions) == 1 or _motion(d)[1]])
    title = _title_ruling(text)
    if title:
        return [title]
    if entry and entry.clause and entry.disposition and entry.motion:
        return [Decision(motion_of(entry.motion), entry.disposition, *entry.clause, "title", _subject(entry.motion))]
    return []


def _we_disposition(match: re.Match[str]) -> str | None:
    """"We reverse the appellate court and affirm the trial judge" reverses: the first verb is the
    writer's disposition of the judgment under review, unless the verbs divide it ("affirm in part")."""
    if re.search(r"\bin\s+part\b", match.group("rest")):
        return disposition_of(match.group("disp") + " " + match.group("rest"))
    return disposition_of(match.group("disp"))


def _closing_cue(text: str, sentences: Sentences, tail_from: int, until: int,
                 first: bool = False) -> tuple[int, Decision] | None:
    """The opinion's own disposition in [tail_from, until): the last standalone disposition line, BIA ORDER,
    or else 'we affirm' / 'the judgment is affirmed' (the first such sentence of a closing paragraph when
    `first`, since what follows it elaborates); a side motion ("Defendant's motion to strike is denied")
    only when nothing else is said."""
    candidates: list[tuple[int, Decision]] = []
    for match in _STANDALONE.finditer(text, tail_from, until):
        disposition = disposition_of(match.group("line"))
        if disposition:
            s, e = match.span("line")
            candidates.append((3, Decision("appeal", disposition, s, e, "closing", "appeal")))
    for match in _ORDERED.finditer(text, tail_from, until) if _ORDERED_WORDS.within(text, tail_from, until) else ():
        s, e = sentences.around(match.start())
        following = sentences.bounds[sentences.index_at(match.start()) + 1: sentences.index_at(match.start()) + 2]
        # the order's own words only: bulk texts run the sentence before into "{27} IT IS SO ORDERED."
        words = text[match.start():e] + " " + " ".join(text[a:b] for a, b in following if "FURTHER ORDER" in text[a:b])
        disposition = disposition_of(words.replace("IT IS SO ORDERED", ""))
        if disposition:
            candidates.append((2, Decision("appeal", disposition, s, e, "closing", "appeal")))
    for s, e in sentences.bounds[sentences.index_at(tail_from):]:
        if s >= until:
            break
        sentence = text[s:min(e, until)]
        passive = _APPELLATE_PASSIVE_WORDS.within(text, s, min(e, until))
        for match in _APPELLATE_PASSIVE.finditer(sentence) if passive else ():
            if not _HYPOTHETICAL.search(sentence[: match.start()]) and not _quoted(sentence, match.start()):
                disposition = disposition_of(match.group("disp").replace("set aside", "vacated"))
                candidates.append((1, Decision("appeal", disposition or "other", s, e, "closing", "appeal")))
        for match in _WE.finditer(sentence) if _WE_WORDS.within(text, s, min(e, until)) else ():
            if _HYPOTHETICAL.search(sentence[: match.start()]) or _quoted(sentence, match.start()):
                continue
            disposition = _we_disposition(match)
            if disposition:
                candidates.append((1, Decision("appeal", disposition, s, e, "closing", "appeal")))
        for d in _sentence_decisions(text, s, e):
            if d.motion == "appeal" or _LOWER_RULING.match(d.subject):
                candidates.append((1, Decision("appeal", d.disposition, s, e, "closing", "appeal")))
            elif d.motion == "motion_to_dismiss" and "appeal" in d.subject and d.disposition == "granted":
                candidates.append((1, Decision("appeal", "dismissed", s, e, "closing", "appeal")))
            elif d.motion == "other":
                appellate = d.disposition in _APPELLATE
                candidates.append((1 if appellate else 0, Decision("appeal" if appellate else "other", d.disposition,
                                                                   s, e, "closing", d.subject)))
    if not candidates:
        return None
    best = max(c[0] for c in candidates)
    ranked = [d for rank, d in candidates if rank == best]
    return best, ranked[0] if first and best == 1 else ranked[-1]


def _intro_cue(text: str, start: int, end: int) -> Decision | None:
    """The disposition an opinion announces in its opening paragraph ("... appeals from the judgment. We
    affirm."), when its closing says nothing a rule can read."""
    for match in _WE.finditer(text, start, end):
        sentence_start = max(text.rfind(". ", start, match.start()), start)
        if _HYPOTHETICAL.search(text[sentence_start: match.start()]) or _quoted(text[start:end], match.start() - start):
            continue
        disposition = _we_disposition(match)
        if disposition:
            return Decision("appeal", disposition, match.start(), match.end(), "closing", "appeal")
    return None


def opinion_decisions(text: str, sentences: Sentences, structure: Structure | None = None) -> list[Decision]:
    """The main disposition of the majority opinion plus other motions it disposes of near its end.

    The decision is read from the majority's closing paragraphs first, then its opening paragraph, then
    anywhere in its last two thirds; concurrences, dissents and footnotes after the concurrence line are
    never read."""
    if structure is None:
        found = _closing_cue(text, sentences, int(len(text) * 0.3), len(text))
        main = found[1] if found else None
    else:
        zone_start, until = structure.decision_zone(text)
        body = structure.body_start
        closing = _closing_cue(text, sentences, zone_start, until, first=True)
        if closing and closing[0] > 0:
            main = closing[1]
        else:
            # a side motion disposed of in the closing ("Defendant's motion is denied.") is the decision only
            # when neither the opening paragraph nor the rest of the majority says how the appeal comes out
            tail = _closing_cue(text, sentences, body + (until - body) // 3, until)
            main = (_intro_cue(text, body, min(until, body + 1500))
                    or (tail[1] if tail and tail[0] > 0 else None)
                    or (closing[1] if closing else None)
                    or (tail[1] if tail else None))
    if main is None:
        return []
    decisions = [main]
    near = sentences.index_at(main.start)
    for s, e in sentences.bounds[max(0, near - 3): near + 4]:
        for d in _sentence_decisions(text, s, e):
            if d.motion not in ("appeal", "other", None) and d.motion != main.motion and d.start != main.start:
                decisions.append(d)
    return _dedupe(decisions)
