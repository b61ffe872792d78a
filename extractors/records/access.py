"""Access arrangements: an agency or team given access to another agency's records or systems.

"A judge blocked DOGE from accessing personal data held by the Department of Education and OPM", "DOGE's
access to Treasury information", "the SSA may afford members of the DOGE team access to the agency
records", "DOGE will retain access to computer systems at the Labor Department": the agency next to the
access word (its subject, its possessor, or the one given access) is the recipient; every other agency the
sentence names, outside the recipient's own department, is a provider, each its own arrangement. When no
provider is named but the access is to named data ("ICE has been accessing driver license information"),
the arrangement has the recipient alone (its providers may be a class: the states).
"""

from __future__ import annotations

import re

from docketflow.extractors.records.agreements import Arrangement, clauses, per_provider
from docketflow.extractors.records.cues import first_label
from docketflow.extractors.records.parties import most_specific, related, root
from docketflow.extractors.records.view import DocView, Mention

_ACCESS = re.compile(r"\baccess(?:ing|ed|es)?\b|\btap(?:s|ped|ping)?\s+into\b", re.I)
_ACCESSOR_AFTER = re.compile(
    r"^(?:\s*\([^)]{1,20}\))?(?:['’]s?)?\s*(?:(?:staff(?:ers)?|employees|affiliates|team|members|personnel|officials|agents|"
    r"will|would|has|have|had|been|be|is|was|were|retain(?:s|ed)?|gain(?:s|ed)?|get|got|gets|seek(?:s|ing)?|sought|"
    r"obtain(?:s|ed)?|can|could|may|continue[sd]?|to|from|or|and|also|now|still|the)\s+){0,5}"
    r"(?:access(?:ing|ed|es)?\b|tap(?:s|ped|ping)?\s+into)", re.I)
_GRANTED_BEFORE = re.compile(
    r"\b(?:gave|give[sn]?|giving|grant(?:ed|s|ing)?|afford(?:ed|s|ing)?|allow(?:ed|s|ing)?|let(?:s|ting)?|"
    r"provid(?:e|ed|es|ing))\s+(?:the\s+|its\s+|(?:members|staff|employees)\s+of\s+the\s+)?(?:\w+\s+)?$", re.I)
_COMMERCIAL = re.compile(r"\b(?:commercial|vendors?|brokers?|aggregators?|private)\b", re.I)
"""Data bought or licensed from companies: not another agency's records."""
_DATA_OBJECT = re.compile(r"\b(?:information|data|records?|databases?|systems?|files|lists?)\b", re.I)


def _accessor(view: DocView, mention: Mention, start: int, end: int) -> bool:
    """True when the mention is the one that gets access."""
    after = view.text[mention.end: min(end, mention.end + 70)]
    if _ACCESSOR_AFTER.match(after):
        return True
    before = view.text[max(start, mention.start - 40): mention.start]
    return bool(_GRANTED_BEFORE.search(before)) and bool(re.match(r"^[^.;]{0,40}?\baccess\b", after, re.I))


def access_arrangements(view: DocView, start: int, end: int) -> list[Arrangement]:
    """The access arrangements one sentence describes, one per providing department."""
    sentence = view.text[start:end]
    if not _ACCESS.search(sentence):
        return []
    mentions = view.within("AGENCY", start, end)
    accessors = [m for m in mentions if _accessor(view, m, start, end)]
    # "members of the SSA DOGE Team": the first agency only names whose team it is
    accessors = [m for m in accessors
                 if not any(0 <= o.start - m.end <= 2 and o is not m for o in accessors)] or accessors
    recipients = most_specific(m.key for m in accessors)
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
    purpose = first_label("purpose", sentence)
    status = first_label("status", sentence)
    if not providers:
        access_at = _ACCESS.search(sentence)
        tail = sentence[access_at.end(): access_at.end() + 60] if access_at else ""
        if not (categories or _DATA_OBJECT.search(tail)) or _COMMERCIAL.search(tail):
            return []
        return [Arrangement([], recipients, "data_access", categories, purpose, [], None, status, [(start, end)],
                            True)]
    return [Arrangement(most_specific(keys), recipients, "data_access",
                        list(dict.fromkeys(c for k in keys for c in data.get(k, []))), purpose, [], None, status,
                        [(start, end)]) for keys in providers.values()]
