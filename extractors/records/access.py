"""Access arrangements: an agency or team given access to another agency's records or systems.

"A judge kept DOGE from reading files kept by the Commerce Department and OPM", "DOGE's access to
Treasury information", "the VA may give staff of the DOGE unit access to its claim records", "DOGE keeps
its access to the Energy Department's servers": the agency next to the
access word (its subject, its possessor, or the one given access) is the recipient; every other agency the
sentence names, outside the recipient's own department, is a provider, each its own arrangement. Taking
data out of another's records ("DOGE has been copying payroll files from the Labor Department") is access
too. When no agency stands next to the access word but one is named as holding the data ("access to files
kept on the Mint's servers"), the sentence's one other department is the recipient. When no provider is named
but the access is to named data ("ICE reads hunting permit lists"), the arrangement has
the recipient alone (its providers may be a class: the states).
"""

from __future__ import annotations

import re

from docketflow.extractors.records.agreements import (
    HELD_DATA_AFTER,
    NEGATED,
    clauses,
    per_provider,
    purpose_of,
)
from docketflow.extractors.records.arrangement import Arrangement
from docketflow.extractors.records.cues import first_label
from docketflow.extractors.records.parties import most_specific, related, root
from docketflow.extractors.records.view import DocView, Mention

_TAKE = (r"pull(?:s|ed|ing)?|cop(?:y|ies|ied|ying)|download(?:s|ed|ing)?|extract(?:s|ed|ing)?|"
         r"min(?:e|es|ed|ing)|(?:root|comb|rifl)(?:s|ed|ing|e|es)?\s+through|siphon(?:s|ed|ing)?|"
         r"scrap(?:e|es|ed|ing)|harvest(?:s|ed|ing)?")
"""Taking data out of another agency's records: "the task force has been copying payroll files from the
Labor Department" is access the recipient helps itself to."""
_ACCESS = re.compile(rf"\baccess(?:ing|ed|es)?\b|\btap(?:s|ped|ping)?\s+into\b|\b(?:{_TAKE})\b", re.I)
_ACCESSOR_AFTER = re.compile(
    r"^(?:\s*\([^)]{1,20}\))?(?:,\s*(?:a|an|the)\s+[^,;()]{1,60},)?(?:['’]s?)?\s*"
    r"(?:(?:staff(?:ers)?|employees|affiliates|team|members|personnel|officials|agents|engineers|"
    r"will|would|has|have|had|been|be|is|was|were|retain(?:s|ed)?|gain(?:s|ed)?|get|got|gets|seek(?:s|ing)?|sought|"
    r"obtain(?:s|ed)?|can|could|may|continue[sd]?|keeps?|kept|to|from|or|and|also|now|still|already|ever|never|the|"
    r"need(?:s|ed)?|(?:policy|practice|effort|bid|attempt|plan)s?\s+(?:of|to)|"
    r"unlimited|unrestricted|broad|broader|full|direct|sweeping|unfettered|expanded|administrative|continued|"
    r"ongoing|wholesale|wide|widespread)\s+){0,5}"
    rf"(?:access(?:ing|ed|es)?\b|tap(?:s|ped|ping)?\s+into|(?:{_TAKE})\b)", re.I)
"""The agency that gets the access: its subject ("DOGE staffers have been accessing"), its possessor ("DOGE's
unrestricted access"), behind an appositive ("the team, a unit formed last spring, now has access") or a
plan ("the team's policy of copying files")."""
_HAS_ACCESS = re.compile(r"^(?:['’]s\s+\w+)?\s+(?:ha[sd]|have)\s+(?:[\w-]+\s+)?access\s+to\b", re.I)
""""The Labor Department has access to wage data": what an agency holds, when no one else is named."""
_GRANTED_BEFORE = re.compile(
    r"\b(?:gave|give[sn]?|giving|grant(?:ed|s|ing)?|afford(?:ed|s|ing)?|allow(?:ed|s|ing)?|let(?:s|ting)?|"
    r"provid(?:e|ed|es|ing))\s+(?:the\s+|its\s+|(?:members|staff|employees)\s+of\s+the\s+)?(?:\w+\s+)?$", re.I)
_COMMERCIAL = re.compile(r"\b(?:commercial|vendors?|brokers?|aggregators?|private)\b", re.I)
"""Data bought or licensed from companies: not another agency's records."""
_DATA_OBJECT = re.compile(r"\b(?:information|data|records?|databases?|systems?|files|lists?)\b", re.I)
_HELD_IN = re.compile(r"(?:\baccess\s+to\s+(?:[\w’'-]+\s+){0,6}?|\b(?:stored|held|kept|housed|maintained)\s+"
                      r"(?:in|by|at|within)\s+(?:the\s+)?)$", re.I)
"""What marks an agency as the one whose data is reached: "access to VA claim systems", "records kept in the
VA's systems"."""


def _accessor(view: DocView, mention: Mention, start: int, end: int) -> bool:
    """True when the mention is the one that gets access (and it is not denied: "does not give FEMA access")."""
    after = view.text[mention.end: min(end, mention.end + 70)]
    before = view.text[max(start, mention.start - 40): mention.start]
    granted = _GRANTED_BEFORE.search(before)
    if granted and NEGATED.search(before[:granted.start()]):
        return False
    if _ACCESSOR_AFTER.match(after):
        return True
    return bool(granted) and bool(re.match(r"^[^.;]{0,40}?\baccess\b", after, re.I))


def _holder(view: DocView, mention: Mention, start: int) -> bool:
    """True when the mention names whose data or systems are reached ("access to FEMA claim files", "files
    stored in FEMA's systems")."""
    before = view.text[max(start, mention.start - 60): mention.start]
    held = _HELD_IN.search(before)
    if not held:
        return False
    return held.group().lower().startswith(("stored", "held", "kept", "housed", "maintained")) or bool(
        HELD_DATA_AFTER.match(view.text[mention.end: mention.end + 40]))


def _by_holder(view: DocView, mentions: list[Mention], start: int) -> list[str]:
    """Recipients when no agency is marked as getting the access but one is marked as holding the data: the
    other department of the sentence ("its staff, the judge said, never needed access to VA systems" with the
    team named before)."""
    holders = [m for m in mentions if _holder(view, m, start)]
    if holders and re.search(r"\b(?:not|never|cannot|n[’']t)\b", view.text[start:holders[0].start], re.I):
        return []  # "the pact does not give FEMA access to VA records"
    others = [m for m in mentions if not any(related(m.key, h.key) for h in holders)]
    if not holders or len({root(m.key) for m in others}) != 1:
        return []
    return most_specific(m.key for m in others)


def access_arrangements(view: DocView, start: int, end: int) -> list[Arrangement]:
    """The access arrangements one sentence describes, one per providing department."""
    mentions = view.within("AGENCY", start, end)  # the cheap test first: no agency, no recipient
    if not mentions:
        return []
    sentence = view.text[start:end]
    if not _ACCESS.search(sentence):
        return []
    accessors = [m for m in mentions if _accessor(view, m, start, end)]
    # "staff of the VA DOGE unit": the first agency only names whose team it is
    accessors = [m for m in accessors
                 if not any(0 <= o.start - m.end <= 2 and o is not m for o in accessors)] or accessors
    recipients = most_specific(m.key for m in accessors) or _by_holder(view, mentions, start)
    if not recipients:
        return []
    givers = [m for m in mentions if not any(related(m.key, r) for r in recipients)]
    category_mentions = view.within("DATA_CATEGORY", start, end)
    categories = list(dict.fromkeys(c.key for c in category_mentions))
    data: dict[str, list[str]] = {}
    for clause in clauses(view, start, end):  # each provider's data: what its own clause names
        inside = [m for m in givers if clause[0] <= m.start < clause[1]]
        named = [c for c in category_mentions if clause[0] <= c.start < clause[1]]
        for key, cats in per_provider(named, inside, clause).items():
            data.setdefault(key, []).extend(cats)
    providers: dict[str, list[str]] = {}
    for mention in givers:
        providers.setdefault(root(mention.key), []).append(mention.key)
    purpose = purpose_of(view, start, end)
    status = first_label("status", sentence)
    named = first_label("instrument", sentence) == "data_access"  # "daily access", "access to its database"
    if not providers:
        access_at = _ACCESS.search(sentence)
        tail = sentence[access_at.end(): access_at.end() + 60] if access_at else ""
        if not (categories or _DATA_OBJECT.search(tail)) or _COMMERCIAL.search(tail):
            return []
        holds = len(mentions) == 1 and bool(_HAS_ACCESS.match(view.text[mentions[0].end: end]))
        return [Arrangement([], recipients, "data_access", categories, purpose, [], None, status, [(start, end)],
                            True, named=named, holds=holds)]
    return [Arrangement(most_specific(keys), recipients, "data_access",
                        list(dict.fromkeys(c for k in keys for c in data.get(k, []))), purpose, [], None, status,
                        [(start, end)], named=named) for keys in providers.values()]
