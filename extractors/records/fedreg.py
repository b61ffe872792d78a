"""Agreements a Federal Register notice announces: matching programs and the routine uses of a system of records.

A "Privacy Act of 1974; Matching Program" notice announces a computer matching agreement (5 U.S.C. § 552a(o)).
Its parties are the agencies (federal, or state agencies by name) its title and summary introduce. Which side
each is on comes from what the text says of it: an agency whose "data", "records" or "files" are matched, or
that information is "obtained from", "provided by" or "maintained by", or that "will disclose" it, is a
provider; "Source Agency" / "Recipient Agency" labels say it outright. Under OMB Circular A-108 the recipient
agency publishes the notice, so when nothing says otherwise the publisher is the recipient and the other
parties the providers; when every party gives, or the text says the agencies "share and compare" or exchange
records, all are on both sides. Agencies named only as a class ("State agencies that administer SNAP") are
not parties. The purpose of a matching program is benefits administration: the Act defines matching
programs as comparisons for federal benefit programs.

A system-of-records notice permits disclosures in its routine uses; each use addressed to a named federal
agency outside the publisher ("To the Mint so that it can settle ...") is an arrangement from the
publisher to that agency, under the Privacy Act's routine-use clause. The standard uses every notice repeats
(litigation, records management, congressional inquiries, breach response, "appropriate agencies") are not
(`routine_uses_standard.tsv`). A notice that only summarises a new routine use gives one arrangement from the
publisher.

Dates come from the DATES / inclusive-dates sections: the date after "effective", "commence", "begin" is
`effective`, the date after "conclude", "expire", "end" is `expires`. The status is `proposed` while the
program has not started on the publication date (or no date says it has), `in_effect` when it takes effect
on publication, `terminated` when the notice ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from itertools import pairwise

from docketflow.extractors.data import read_tsv
from docketflow.extractors.records.arrangement import Arrangement
from docketflow.extractors.records.cues import first_label
from docketflow.extractors.records.evidence import EvidenceSet
from docketflow.extractors.records.fedreg_abstract import notice_subject
from docketflow.extractors.records.merge import from_arrangement
from docketflow.extractors.records.notice import Notice, notice_sections
from docketflow.extractors.records.parties import most_specific, related, root
from docketflow.extractors.records.state_agencies import state_agencies
from docketflow.extractors.records.view import DocView, Mention
from docketflow.models import Agreement

_MATCHING = re.compile(r"\bmatching\s+program|\bcomputer[- ]match|\bmatching\s+agreement", re.I)
_ROUTINE = re.compile(r"\broutine\s+uses?\b|\bsystems?\s+of\s+records\b", re.I)
_EXCHANGE = re.compile(r"\bshare\s+and\s+compare\b|(?<!data\s)\bexchang(?:e|es|ed|ing)\b(?!\s+program)|"
                       r"\beach\s+(?:other|agency['’]s)\b|"
                       r"\breciprocal\b|\bboth\s+agencies\s+(?:will\s+)?(?:provide|disclose|share)", re.I)
_GIVER_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:[-–/]\s*[A-Z][A-Za-z]+\s*)?(?:(?!(?:of|to|for|with|on|in|the|this|that|and|or|will|shall|would|may|match\w*|use|uses|compare\w*|receive\w*|verif\w*)\b)[\w'’]+\s+){0,2}?"
    r"(?:data|records?|files|information|database)"
    r"\b(?!\s+(?:system|technology))|"
    r"^\s*(?:will|shall|would|agrees\s+to|also)?\s*(?:also\s+)?"
    r"(?:disclose|provide|furnish|send|transmit|supply)s?\b", re.I)
_GIVER_BEFORE = re.compile(
    r"\b(?:(?:obtain\w*|deriv\w*|data|records?|information|files|receives?|received)\s+(?:\w+\s+)?from|"
    r"(?:maintained|held|provided|supplied|furnished|disclosed|contributed)\s+(?:to\s+\w+\s+)?by|"
    r"match\w*\s+(?:[\w'’]+\s+){0,4}?against)"
    r"\s+(?:the\s+)?(?:U\.S\.\s+)?$", re.I)
_TAKER_BEFORE = re.compile(r"\b(?:disclos|provid|furnish|send|transmit|releas)\w*\s+(?:[\w'’,]+\s+){0,6}?to\s+"
                           r"(?:the\s+)?$|\bprovid\w*\s+(?:the\s+)?$|\b(?:available|access)\s+to\s+(?:the\s+)?$|"
                           r"\badminister(?:ed|s)\s+by\s+(?:[^.;]{0,40}?\s)?(?:the\s+)?$", re.I)
_TAKER_AFTER = re.compile(
    r"^\s*(?:will|shall|would|may)?\s*(?:also\s+)?(?:use|receive|match|compare|obtain)s?\b(?!\s+(?:by|from)\b)", re.I)
_SKIP_ALIAS = re.compile(r"^\s*(?:\([^()]{1,40}\)|\)|/\s*[A-Z][A-Za-z]+\)?)(?:\s*,)?")
_SOURCE_LABEL = re.compile(r"[“\"]?\bsource\s+agency[”\"]?", re.I)
_RECIPIENT_LABEL = re.compile(r"[“\"]?\brecipient\s+agency[”\"]?", re.I)
_LABEL_GAP_BEFORE = re.compile(r"^[\s,()“\"]*(?:(?:is|will\s+be|acts?\s+as|serves\s+as|as)\s+)?(?:the\s+)?$", re.I)
_LABEL_GAP_AFTER = re.compile(r"^[\s:,)”\"]*(?:(?:is|will\s+be)\s+)?(?:the\s+)?(?:U\.S\.\s+)?$", re.I)
_CLASS = r"(?:State|local|Tribal|participating|administering|non-?Federal)\s+(?:agencies|entities|governments)"
_CLASS_GIVES = re.compile(
    rf"\b{_CLASS}\s+(?:will\s+|also\s+|may\s+)?(?:provide|disclose|send|submit|transmit|share|supply)\w*\b", re.I)
_CLASS_TAKES = re.compile(
    rf"\b{_CLASS}\s+(?:\w+\s+){{0,2}}?access\s+to\b|\baccess\s+(?:\w+\s+){{0,2}}?by\s+{_CLASS}", re.I)
_TO_AGENCY = re.compile(r"\bto\s+(?:the\s+|any\s+component\s+of\s+the\s+)?(?:U\.S\.\s+)?$", re.I)
_BEGIN = re.compile(r"\b(?:effective|commenc\w*|begin\w*|began|applicable|start\w*|in\s+effect)\b", re.I)
_END = re.compile(r"\b(?:conclud\w*|expir\w*|end(?:s|ing)?|terminat\w*|through|until)\b", re.I)
_ON_PUBLICATION = re.compile(r"\beffective\s+(?:immediately|upon|on)\s+(?:the\s+date\s+of\s+)?publication", re.I)
_ENDS_PROGRAM = re.compile(r"\b(?:terminat(?:ion|es|ing)|cancell?ation|rescission)\s+of\b", re.I)
_RECERTIFIES = re.compile(r"\brecertif(?:ication|ied|ying|ies)\b", re.I)
_VERIFIED = re.compile(r"\bto\s+(?:verify|confirm|determine|ascertain)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}?$", re.I)
_NEGATED = re.compile(r"\b(?:without|not|no|never)\b[^.;]*$", re.I)
_AFTER_PUBLICATION = re.compile(
    r"\b(?P<n>\d{1,3}|thirty|forty|sixty|ten)\s+(?:\(\d+\)\s+)?(?:calendar\s+)?days\s+(?:after|from|following)\s+"
    r"(?:the\s+)?(?:date\s+of\s+)?(?:its\s+|this\s+notice['’]s\s+)?publication", re.I)
_LOWER_BOUND = re.compile(r"\b(?:not|no)\s+(?:sooner|earlier)\s+than\b|\b(?:a\s+)?minimum\s+of\b|\bat\s+least\b",
                          re.I)
_LATER_OF = re.compile(r"\bwhichever\s+is\s+later\b|\bthe\s+later\s+of\b", re.I)
_RANGE_START = re.compile(r"\b(?:from|between|of)\s+$", re.I)
_RANGE_GAP = re.compile(r"\s*,?\s*(?:to|through|until|and|[-–—])\s*", re.I)
_NEW_USE = re.compile(r"\broutine\s+uses?\b", re.I)
_USE_DATE = re.compile(r"\broutine\s+uses?\b[^.]*$", re.I)
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*(?:\(\d+\)|\d+\.|[•*]|To\s))")


@cache
def _non_parties() -> frozenset[str]:
    return frozenset(row["key"] for row in read_tsv("fedreg_non_parties.tsv"))


@cache
def _standard_uses() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(row["pattern"], re.I) for row in read_tsv("routine_uses_standard.tsv"))


@dataclass(frozen=True)
class _Party:
    """A party mention: an AGENCY entity or a state agency."""

    key: str
    start: int
    end: int


def _agency_parties(view: DocView, start: int, end: int, states: list[_Party]) -> list[_Party]:
    """Agencies in [start, end) that can be parties: not oversight bodies, not inside a state agency's name."""
    return [_Party(m.key, m.start, m.end) for m in view.within("AGENCY", start, end)
            if m.key not in _non_parties() and not any(s.start <= m.start < s.end for s in states)]


def _publisher(view: DocView, notice: Notice) -> list[str]:
    """The issuing agency: the AGENCY head when it reads as one ("United States Mint (USM), Treasury."),
    else the title block before the heads (two-column PDF text moves the label away from its line)."""
    heads = [s for s in notice.sections if s.name in ("agency", "action")]
    agency = notice.first("agency")
    if agency:
        line_end = min(agency.end, agency.start + 200)
        body = view.text[agency.start:line_end].split(".\n")[0]
        keys = [m.key for m in view.within("AGENCY", agency.start, agency.start + len(body))
                if m.key not in _non_parties()]
        if keys:
            return most_specific(keys)
    block_end = min((s.head for s in heads), default=min(len(view.text), 600))
    return most_specific(m.key for m in view.within("AGENCY", 0, block_end) if m.key not in _non_parties())


def _collapse(keys: list[str]) -> list[str]:
    """One key per party: an agency and its parent department are one party, named by the more specific."""
    return most_specific(keys)


def _party_of(key: str, parties: list[str]) -> str | None:
    return next((p for p in parties if related(key, p)), None)


def _labelled(view: DocView, mentions: list[_Party], parties: list[str], label: re.Pattern[str],
              start: int, end: int) -> set[str]:
    """Parties a "source agency" / "recipient agency" label names: each label binds to the party mention right
    before it ("SSA (source agency)", "VA is the recipient agency") or, failing that, right after it
    ("the source agency, SSA"), so a sentence naming both is read by its labels, not by its order."""
    found: set[str] = set()
    for match in label.finditer(view.text, start, end):
        before = [m for m in mentions if m.end <= match.start() and m.end > match.start() - 40
                  and _LABEL_GAP_BEFORE.search(view.text[m.end:match.start()])]
        after = [m for m in mentions if m.start >= match.end() and m.start < match.end() + 30
                 and _LABEL_GAP_AFTER.search(view.text[match.end():m.start])]
        bound = max(before, key=lambda m: m.end, default=None) or min(after, key=lambda m: m.start, default=None)
        party = _party_of(bound.key, parties) if bound else None
        if party:
            found.add(party)
    return found


def _cue(view: DocView, mention: _Party) -> str | None:
    """"gives" or "takes" from the words around one mention: what comes right before it ("to", "from",
    "maintained by", "matched against") decides first, then what follows it past an alias ("(IRS) will
    disclose", "will use", "'s records")."""
    before = view.text[max(0, mention.start - 80): mention.start]
    after = view.text[mention.end: mention.end + 80]
    if _TAKER_BEFORE.search(before):
        return "takes"
    if _GIVER_BEFORE.search(before):
        return "gives"
    while (alias := _SKIP_ALIAS.match(after)) and alias.end():
        after = after[alias.end():]
    if _GIVER_AFTER.search(after):
        return "gives"
    if _TAKER_AFTER.search(after):
        return "takes"
    return None


def _is_state(key: str) -> bool:
    return key.islower() and "-" in key


def _roles(view: DocView, mentions: list[_Party], parties: list[str], publisher: list[str],
           lead: str, regions: list[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """Providers and recipients of a matching program (see the module docstring)."""
    source: set[str] = set()
    recipient: set[str] = set()
    for start, end in regions:
        source |= _labelled(view, mentions, parties, _SOURCE_LABEL, start, end)
        recipient |= _labelled(view, mentions, parties, _RECIPIENT_LABEL, start, end)
    if source and recipient:
        return [p for p in parties if p in source], [p for p in parties if p in recipient]
    gives: set[str] = set(source)
    takes: set[str] = set(recipient)
    for mention in mentions:
        party = _party_of(mention.key, parties)
        cue = _cue(view, mention) if party else None
        if cue == "gives":
            gives.add(party)
        elif cue == "takes":
            takes.add(party)
    if len(parties) == 1:
        if _CLASS_GIVES.search(lead):
            return [], list(parties)
        if _CLASS_TAKES.search(lead) or (gives and not takes):
            return list(parties), []
        return [], list(parties)
    if _EXCHANGE.search(lead) or (gives >= set(parties) and not takes):
        return list(parties), list(parties)
    providers = [p for p in parties if p in gives]
    recipients = [p for p in parties if p in takes]
    if providers or recipients:
        unknown = [p for p in parties if p not in gives and p not in takes]
        if not providers:
            providers = [p for p in unknown if not any(related(p, q) for q in publisher)] or unknown
        if not recipients:
            recipients = [p for p in unknown if p not in providers] or \
                [p for p in parties if p not in providers and p not in gives]
        return providers, recipients
    own = [p for p in parties if any(related(p, q) for q in publisher)] or parties[:1]
    others = [p for p in parties if p not in own]
    if others and all(_is_state(p) for p in others) and not any(_is_state(p) for p in own):
        # a federal agency matching with state agencies publishes as their source (OMB Circular A-108)
        return own, others
    return others, own


def _clause_before(text: str, floor: int, offset: int) -> tuple[int, str]:
    """Where the sentence holding `offset` starts (a period followed by a space, or the section start; line
    breaks do not end sentences in column text) and its text up to `offset`."""
    cut = max(text.rfind(". ", floor, offset), text.rfind(".\n", floor, offset))
    start = cut + 2 if cut >= 0 else floor
    return start, text[start:offset]


def _days_after_publication(view: DocView, sentence: str) -> str | None:
    """The date "N days after publication" falls on, counted from the publication date, when the sentence
    starts something then ("will be effective 30 days after publication"); a bound ("not sooner than",
    "a minimum of") is no date unless the sentence takes the later of it and a printed date."""
    found = _AFTER_PUBLICATION.search(sentence)
    if not found or not view.anchor or not _BEGIN.search(sentence[:found.start()]):
        return None
    if _LOWER_BOUND.search(sentence[:found.start()]) and not _LATER_OF.search(sentence):
        return None
    words = {"thirty": 30, "forty": 40, "sixty": 60, "ten": 10}
    amount = found.group("n").lower()
    days = int(amount) if amount.isdigit() else words[amount]
    return (view.anchor + timedelta(days=days)).isoformat()


def _dates(view: DocView, notice: Notice, evidence: EvidenceSet) -> tuple[str | None, str | None, bool]:
    """(effective, expires, takes effect on publication) from the dates sections. A span "from D1 to D2" is
    the program's term; a date the notice gives its routine uses ("Routine uses this notice adds are
    effective ...") is when the uses, which are the arrangements of a system-of-records notice, start."""
    effective = expires = use_effective = None
    on_publication = False
    for section in notice.all("dates"):
        body = view.text[section.start:section.end]
        on_publication = on_publication or bool(_ON_PUBLICATION.search(body))
        dates = [d for d in view.within("DATE", section.start, section.end) if len(d.key) == 10]
        for first, second in pairwise(dates):
            if (_RANGE_GAP.fullmatch(view.text[first.end:second.start])
                    and _RANGE_START.search(view.text[max(section.start, first.start - 12):first.start])):
                start, _ = _clause_before(view.text, section.start, first.start)
                effective = effective or first.key
                expires = expires or second.key
                evidence.add(start, second.end, "effective", "expires", "status")
        for date in dates:
            start, before = _clause_before(view.text, section.start, date.start)
            end = view.text.find(". ", date.end, section.end)
            end = section.end if end < 0 else end + 1
            cues = [(m.end(), "effective") for m in _BEGIN.finditer(before)]
            cues += [(m.end(), "expires") for m in _END.finditer(before)]
            if not cues:
                continue
            which = max(cues)[1]
            if which == "effective" and _USE_DATE.search(before) and use_effective is None:
                use_effective = date.key
                evidence.add(start, end, "effective", "status")
            elif which == "effective" and effective is None:
                effective = date.key
                later = _days_after_publication(view, view.text[start:end])
                if later and later > effective and _LATER_OF.search(view.text[start:end]):
                    effective = later
                evidence.add(start, end, "effective", "status")
            elif which == "expires" and expires is None and re.search(r"\b(?:will|shall)\b", before):
                expires = date.key
                evidence.add(start, end, "expires")
        if effective is None:
            for start, end in _statements(view.text, section.start, section.end):
                if (later := _days_after_publication(view, view.text[start:end])):
                    effective = later
                    evidence.add(start, end, "effective", "status")
                    break
    if use_effective:
        return use_effective, expires, False
    return effective, expires, on_publication


def _status(view: DocView, notice: Notice, effective: str | None, on_publication: bool) -> str:
    action = notice.first("action")
    if action and _ENDS_PROGRAM.search(view.text[action.start:min(action.end, action.start + 300)]):
        return "terminated"
    published = view.anchor.isoformat() if view.anchor else None
    if on_publication or (effective and published and effective <= published):
        return "in_effect"
    if action and not effective and _RECERTIFIES.search(view.text[action.start:min(action.end, action.start + 300)]):
        return "in_effect"  # a recertification extends a program that is running (5 U.S.C. 552a(o)(2)(D))
    return "proposed"


def _one_law_each(view: DocView, mentions: list[Mention]) -> list[str]:
    """Statute keys with one item per law: an act and its codification ("Privacy Act" and 5 U.S.C. § 552a,
    "the Fair Credit Reporting Act, as amended, 15 U.S.C. 1681") are one item, the first printed."""
    out: list[str] = []
    laws: list[str] = []
    previous: Mention | None = None
    for mention in mentions:
        law = re.sub(r"\(.*$", "", str(mention.normalized.get("citation") or mention.key)).strip()
        adjacent = previous is not None and re.fullmatch(r"[\s,]*(?:as\s+amended[\s,]*)?",
                                                          view.text[previous.end:mention.start])
        if law in laws or mention.key in out or (adjacent and previous.key in out):
            previous = mention
            continue
        out.append(mention.key)
        laws.append(law)
        previous = mention
    return out


def _categories(view: DocView, start: int, end: int) -> list[str]:
    """Data categories named in [start, end), except those the text says are not used ("without the names");
    what the match is "to verify" ("to verify applicants' income") is the question, not the data exchanged,
    and counts only when no other category is named."""
    keys, checked = [], []
    for mention in view.within("DATA_CATEGORY", start, end):
        sentence_start = view.sentences.around(mention.start)[0]
        before = view.text[max(sentence_start, mention.start - 120): mention.start]
        if _NEGATED.search(before):
            continue
        (checked if _VERIFIED.search(before) else keys).append(mention.key)
    return list(dict.fromkeys(keys or checked))


def _matching(view: DocView, notice: Notice, publisher: list[str], evidence: EvidenceSet) -> Arrangement | None:
    lead_end = notice.lead_end
    regions = [(0, lead_end)] + [(s.start, s.end) for s in notice.all("participants")]
    states = [_Party(s.key, s.start + a, s.end + a) for a, b in regions for s in state_agencies(view.text[a:b])]
    mentions = sorted([*states, *(p for a, b in regions for p in _agency_parties(view, a, b, states))],
                      key=lambda p: p.start)
    parties = _collapse([m.key for m in mentions] + publisher)
    if not parties:
        return None
    lead = view.text[:lead_end]
    providers, recipients = _roles(view, mentions, parties, publisher, lead, regions)
    for start, end in view.sentences:
        if start < lead_end and view.within("AGENCY", start, end) and _MATCHING.search(view.text[start:end]):
            evidence.add(start, end, "instrument", "providers", "recipients", "purpose")
    categories: list[str] = []
    for section in notice.all("records"):
        categories += _categories(view, section.start, section.end)
    categories = list(dict.fromkeys(categories + _categories(view, 0, lead_end)))
    basis: list[Mention] = []
    for section in notice.all("authority"):
        for start, end in _statements(view.text, section.start, section.end):
            sentence = view.text[start:end]
            names_party = any(_party_of(k, parties) for k in view.keys("AGENCY", start, end))
            if names_party or re.search(r"\bmatch(?:ing|es)?\b", sentence, re.I):
                found = view.within("STATUTE", start, end)
                basis += found
                if found:
                    evidence.add(start, end, "legal_basis")
    if not notice.all("authority"):
        basis = _authority_in_lead(view, lead_end, evidence)
    return Arrangement(providers, recipients, "computer_matching_agreement", categories, "benefits_administration",
                       _one_law_each(view, basis))


_AUTHORITY_CUE = re.compile(r"\bunder\s+the\s+authority\s+of\b|\bauthori[sz]ed\s+(?:by|under)\b|\bauthority\s+for\b|"
                            r"\bas\s+authorized\s+by\b", re.I)


def _authority_in_lead(view: DocView, lead_end: int, evidence: EvidenceSet) -> list[Mention]:
    """A notice kept without its Authority section (its abstract) may still say what authorizes the match
    ("... under the authority of the Example Act"): the statutes after that cue in its sentence."""
    basis: list[Mention] = []
    for start, end in view.sentences:
        if start >= lead_end:
            break
        cue = _AUTHORITY_CUE.search(view.text, start, end)
        found = view.within("STATUTE", cue.end(), end) if cue else []
        basis += found
        if found:
            evidence.add(start, end, "legal_basis")
    return basis


_STATEMENT_END = re.compile(r"(?<=[.;])\s+(?=[A-Z])")


def _statements(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Statements of an authority section: cut at every period or semicolon before a capital, since its
    citations end in abbreviations ("12 U.S.C. 1701 et seq. The matching ...") that hide sentence ends."""
    cuts = [start] + [start + m.end() for m in _STATEMENT_END.finditer(text[start:end])] + [end]
    return [(a, b) for a, b in pairwise(cuts) if text[a:b].strip()]


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [start + m.end() for m in _PARAGRAPH.finditer(text[start:end])] + [end]
    return [(a, b) for a, b in pairwise(cuts) if text[a:b].strip()]


_PAYMENT_USE = re.compile(r"\bimproper\s+payments?\b|\brecoup\w*|\bdebts?\b|\boffsets?\b|\bdisburse\w*|"
                          r"\bDo\s+Not\s+Pay\b|\bcheck\s+transactions?\b", re.I)


def _use_purpose(recipients: list[str], text: str) -> str:
    """A routine use's purpose from its words; one to the Treasury about payments, debts or offsets serves the
    Treasury's own payment and collection work ("to the Treasury to recoup overpaid grants"), not a benefit
    program, so it is `other`."""
    if any(root(r) == "TREASURY" for r in recipients) and _PAYMENT_USE.search(text):
        return "other"
    return first_label("purpose", text) or "other"


def _routine_uses(view: DocView, notice: Notice, publisher: list[str],
                  evidence: EvidenceSet) -> list[tuple[Arrangement, tuple[int, int]]]:
    """One arrangement per routine use addressed to a named agency outside the publisher."""
    found = []
    for section in notice.all("routine_uses"):
        paragraphs = _paragraphs(view.text, section.start, section.end)
        basis = _one_law_each(view, view.within("STATUTE", *paragraphs[0])) if paragraphs else []
        for start, end in paragraphs:
            paragraph = view.text[start:end]
            if any(p.search(paragraph) for p in _standard_uses()):
                continue
            recipient = next((m.key for m in view.within("AGENCY", start, end)
                              if _TO_AGENCY.search(view.text[max(start, m.start - 40): m.start])
                              and m.key not in _non_parties() and not any(related(m.key, p) for p in publisher)),
                             None)
            if recipient is None:
                continue
            purpose = _use_purpose([recipient], paragraph)
            found.append((Arrangement(list(publisher), [recipient], "routine_use", _categories(view, start, end),
                                      purpose, list(basis)), (start, end)))
    if found or notice.all("routine_uses"):
        return found
    lead_end = notice.lead_end
    summaries = []
    for start, end in view.sentences:
        if start >= lead_end or not _NEW_USE.search(view.text[start:end]):
            continue
        providers = most_specific([*publisher, *(m.key for m in view.within("AGENCY", start, end)
                                                 if any(related(m.key, p) for p in publisher))])
        recipients = [m.key for m in view.within("AGENCY", start, end) if m.key not in _non_parties()
                      and not any(related(m.key, p) for p in providers)]
        summaries.append((bool(recipients), -start, start, end, providers, recipients))
    if not summaries:
        return []
    # the first sentence that names the agency a use is for; else the first that mentions the uses at all
    _, _, start, end, providers, recipients = max(summaries)
    purpose = _use_purpose(recipients, view.text[start:end])
    return [(Arrangement(providers, most_specific(recipients), "routine_use", _categories(view, start, end),
                         purpose, []), (start, end))]


def notice_agreements(view: DocView) -> list[Agreement]:
    """The matching program or the routine uses a notice announces, as one-document agreement records."""
    notice = notice_sections(view.text)
    head = view.text[:notice.lead_end]
    # a notice kept without any labelled section (its abstract) names its issuer only as a subject, if at all
    publisher = notice_subject(view, notice, _non_parties()) or (_publisher(view, notice) if notice.sections else [])
    shared = EvidenceSet(view.doc_id, view.text, view.page_of)
    effective, expires, on_publication = _dates(view, notice, shared)
    status = _status(view, notice, effective, on_publication)
    described: list[tuple[Arrangement, EvidenceSet]] = []
    if _MATCHING.search(head):
        evidence = EvidenceSet(view.doc_id, view.text, view.page_of)
        arrangement = _matching(view, notice, publisher, evidence)
        if arrangement:
            described.append((arrangement, evidence))
    elif _ROUTINE.search(head) and publisher:
        for arrangement, (start, end) in _routine_uses(view, notice, publisher, shared):
            evidence = EvidenceSet(view.doc_id, view.text, view.page_of)
            evidence.add(start, end, "instrument", "providers", "recipients", "purpose",
                         *["data_categories"] * bool(arrangement.data_categories))
            described.append((arrangement, evidence))
    records = []
    for arrangement, evidence in described:
        arrangement.effective, arrangement.expires, arrangement.status = effective, expires, status
        for item in shared.records():
            evidence.add(item.start, item.end, *item.supports)
        records.append(from_arrangement(view.doc_id, arrangement, evidence.records()))
    return records
