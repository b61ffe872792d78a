"""Data-sharing arrangements a document describes: who gives whom which data, under what instrument.

A sentence describes an arrangement when it names an instrument (MOU, matching agreement, daily access,
policy, contract) or a transfer verb (share, provide, hand over, obtain, demand) together with at least
two agencies. Each agency's role comes from the words just before it: "with ICE", "to ICE", "gave DHS
access", "let ICE access" make a recipient; "from the IRS" a provider; "IRS-ICE MOU" both. The subject of
a giving verb is the provider, of a getting verb the recipient. When only the recipient is named ("the
administration can share Medicaid data with ICE"), the provider is inferred from the agencies the
document names that hold that kind of data (category_holders.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from docketflow.extractors.data import read_tsv
from docketflow.extractors.records.cues import all_labels, first_label
from docketflow.extractors.records.parties import most_specific, related, root
from docketflow.extractors.records.view import DocView, Mention

_GIVE = re.compile(r"\b(?:ma(?:ke|kes|de|king)\s+(?:\w+\s+){0,4}?available|"
                   r"shar(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|disclos(?:e|es|ed|ing)|"
                   r"transfer(?:s|red|ring)?|hand(?:s|ed|ing)?\s+over|turn(?:s|ed|ing)?\s+over|send(?:s|ing)?|sent|"
                   r"agreed\s+to\s+provide|exchange)\b", re.I)
_GET = re.compile(r"\b(?:obtain(?:s|ed|ing)?|access(?:es|ed|ing)?|receiv(?:e|es|ed|ing)|s(?:eek|eeks|ought|eeking)|"
                  r"demand(?:s|ed|ing)?|request(?:s|ed|ing)?|us(?:e|es|ed|ing)|get|got|collect(?:s|ed)?|"
                  r"acquir(?:e|es|ed))\b", re.I)
_RECIPIENT_BEFORE = re.compile(
    r"(?:\bwith|\bto|\bgave|\bgive|\bgives|\bgiving|\bgrant(?:ed|s)?|\blet|\blets|\ballow(?:s|ed)?|\bfor|"
    r"\bprovid(?:e|es|ed|ing))\s+(?:the\s+|U\.S\.\s+)?$",
    re.I,
)
_PROVIDER_BEFORE = re.compile(r"\bfrom\s+(?:the\s+|U\.S\.\s+)?$|\bby\s+(?:the\s+)?$", re.I)
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?P<a>[A-Z][\w.&\- ]{1,60}?)\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w.&\- ]{1,60}?)\b"
)
_PAIR = re.compile(r"(?P<a>[A-Z]{2,6})\s*[-‑–/]\s*(?P<b>[A-Z]{2,6})\s+(?:MOU|MOA|agreement|pact|relationship|deal|"
                   r"data[- ]sharing)", re.I)
_DATA_OBJECT = re.compile(r"\b(?:information|data|records?|lists?|files|statistics|databases?|names)\b", re.I)
"""What is handed over, when no data category names it: "voter roll information", "a list of names"."""
_SIGNED = re.compile(r"\b(?:signed|entered\s+into|executed|finalized|inked|dated)\b", re.I)
IMMIGRATION_AGENCIES = frozenset({"ICE", "ERO", "HSI", "CBP", "USCIS", "DHS", "EOIR"})


@dataclass
class Arrangement:
    """An agreement as one document describes it, before merging across documents."""

    providers: list[str]
    recipients: list[str]
    instrument: str | None = None
    data_categories: list[str] = field(default_factory=list)
    purpose: str | None = None
    legal_basis: list[str] = field(default_factory=list)
    signed: str | None = None
    status: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    inferred_provider: bool = False
    effective: str | None = None
    expires: str | None = None


@cache
def _holders() -> dict[str, tuple[str, ...]]:
    return {r["category"]: tuple(r["holders"].split("|")) for r in read_tsv("category_holders.tsv")}


_CLAUSE_BREAK = re.compile(r"[;—–]|,\s+(?:and|while|but|whereas)\s+|\s+while\s+")
_COORDINATED = re.compile(r"^\s*(?:,\s*)?(?:or|and|/|,)\s*(?:the\s+)?$")


def _pair(view: DocView, start: int, end: int) -> tuple[str, str] | None:
    """(provider, recipient) named as a pair: "the IRS-ICE MOU", "an MOU between the IRS and ICE"."""
    sentence = view.text[start:end]
    agencies = view.within("AGENCY", start, end)
    for pattern in (_PAIR, _BETWEEN):
        match = pattern.search(sentence)
        if not match:
            continue
        a = [m.key for m in agencies if match.start("a") <= m.start - start < match.end("a")]
        b = [m.key for m in agencies if match.start("b") <= m.start - start < match.end("b")]
        if a and b and not related(a[0], b[0]) and (pattern is _BETWEEN or first_label("instrument", sentence)):
            return a[0], b[0]
    return None


def clauses(view: DocView, start: int, end: int) -> list[tuple[int, int]]:
    """Absolute (start, end) of the sentence's clauses; a clause naming no agency joins the one before."""
    sentence = view.text[start:end]
    cuts = [start] + [start + m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [end]
    clauses: list[tuple[int, int]] = []
    for a, b in pairwise(cuts):
        if clauses and not view.within("AGENCY", a, b):
            clauses[-1] = (clauses[-1][0], b)
        else:
            clauses.append((a, b))
    return clauses


def _role(text: str, clause: tuple[int, int], mention: Mention) -> str | None:
    """'provider' or 'recipient' from the words around one agency mention inside its clause."""
    before = text[max(clause[0], mention.start - 30): mention.start]
    if _PROVIDER_BEFORE.search(before):
        return "provider"
    if _RECIPIENT_BEFORE.search(before):
        return "recipient"
    after = text[mention.end: min(clause[1], mention.end + 60)]
    give, get = _GIVE.search(after), _GET.search(after)
    verb = min((v for v in (give, get) if v), key=lambda v: v.start(), default=None)
    if verb is not None:
        return "provider" if verb is give else "recipient"
    return None


def _roles(view: DocView, clause: tuple[int, int]) -> dict[str, list[Mention]]:
    """Providers and recipients among a clause's agencies; "ICE or DHS" share a role."""
    roles: dict[str, list[Mention]] = {"provider": [], "recipient": []}
    previous: tuple[Mention, str] | None = None
    for mention in view.within("AGENCY", *clause):
        role = _role(view.text, clause, mention)
        if role is None and previous and _COORDINATED.match(view.text[previous[0].end: mention.start]):
            role = previous[1]
        if role:
            roles[role].append(mention)
            previous = (mention, role)
    return roles


def _infer_providers(view: DocView, categories: list[str], recipients: list[str]) -> list[str]:
    """Agencies the document names that hold the data in question (Medicaid data: CMS, HHS)."""
    holders = [h for c in categories for h in _holders().get(c, ())]
    return [a for a in view.keys("AGENCY") if a in holders and not any(related(a, r) for r in recipients)]


def per_provider(categories: list[Mention], providers: list[Mention], clause: tuple[int, int]) -> dict[str, list[str]]:
    """Data per provider: with several providers in a clause ("X from HHS and Y from the IRS"), the data
    named between the previous provider and this one; otherwise (one provider, or providers named before
    the data: "HHS and CMS handed over X") all of the clause's data."""
    keys = list(dict.fromkeys(c.key for c in categories))
    out: dict[str, list[str]] = {}
    previous = clause[0]
    for provider in providers:
        out.setdefault(provider.key, []).extend(c.key for c in categories if previous <= c.start < provider.start)
        previous = provider.end
    if len(providers) < 2 or not any(out.values()):
        return {p.key: keys for p in providers}
    return out


def instrument_of(text: str) -> str | None:
    """The instrument a passage names; None when it lists kinds of instruments ("under MOUs or informal
    policies", "MOUs, daily viewing access, and policy memoranda"), which says what such arrangements look
    like, not what this one is. A bare "agreement" beside a specific word is that word ("an agreement, a
    memorandum of understanding")."""
    specific = {label for label in all_labels("instrument", text) if label != "other"}
    return None if len(specific) > 1 else first_label("instrument", text)


def sentence_arrangements(view: DocView, start: int, end: int) -> list[Arrangement]:
    """Arrangements described by one sentence: one per provider, paired with its clause's recipients."""
    if not view.within("AGENCY", start, end):
        return []
    sentence = view.text[start:end]
    named = first_label("instrument", sentence)
    if not (named or _GIVE.search(sentence) or _GET.search(sentence)):
        return []
    instrument = instrument_of(sentence)
    categories = view.within("DATA_CATEGORY", start, end)
    pair = _pair(view, start, end)
    if pair:
        keys = list(dict.fromkeys(c.key for c in categories))
        return _group(view, sentence, {pair[0]: keys}, [pair[1]], False, instrument, (start, end))
    with_roles = [(c, _roles(view, c)) for c in clauses(view, start, end)]
    all_recipients = [m for _, roles in with_roles for m in roles["recipient"]]
    found: list[Arrangement] = []
    for clause, roles in with_roles:
        recipients = most_specific(m.key for m in (roles["recipient"] or all_recipients))
        clause_categories = [c for c in categories if clause[0] <= c.start < clause[1]]
        own = view.text[clause[0]:clause[1]]
        clause_instrument = instrument_of(own) if first_label("instrument", own) else instrument
        explicit = roles["provider"] and roles["recipient"] and _DATA_OBJECT.search(own)
        if not recipients or not (clause_categories or named or explicit):
            continue
        by_provider = per_provider(clause_categories, roles["provider"], clause)
        inferred = not by_provider
        if inferred:
            keys = list(dict.fromkeys(c.key for c in clause_categories))
            by_provider = {p: keys for p in _infer_providers(view, keys, recipients)}
        if explicit and not (clause_categories or named):
            clause_instrument = "other"  # a transfer the text reports, under no instrument it names
        found += _group(view, sentence, by_provider, recipients, inferred, clause_instrument, (start, end))
    return found


def _group(view: DocView, sentence: str, by_provider: dict[str, list[str]], recipients: list[str], inferred: bool,
           instrument: str | None, span: tuple[int, int]) -> list[Arrangement]:
    """One arrangement per providing department and the data it shares with the recipients ("ED and OPM gave
    DOGE access": two arrangements; "HHS and CMS handed over": one, from CMS)."""
    groups: dict[tuple[tuple[str, ...], str], list[str]] = {}
    for provider, cats in by_provider.items():
        if not any(related(provider, r) for r in recipients):
            groups.setdefault((tuple(dict.fromkeys(cats)), root(provider)), []).append(provider)
    statutes = view.keys("STATUTE", *span)
    signed = next((d.key for d in view.within("DATE", *span)), None) if _SIGNED.search(sentence) else None
    return [
        Arrangement(most_specific(providers), recipients, instrument, list(cats), first_label("purpose", sentence),
                    statutes, signed, first_label("status", sentence), [span], inferred)
        for (cats, _), providers in groups.items()
    ]


_BOTH = re.compile(r"\b(?:the\s+two|both)\s+(?:agencies|departments|secretaries|administrations)\b", re.I)


def anaphoric_arrangement(view: DocView, start: int, end: int, previous: list[str]) -> list[Arrangement]:
    """"The two secretaries signed a Memorandum of Understanding": a sentence that names an instrument or
    sharing between "the two agencies" is about the two agencies of the sentence before it, on both sides."""
    sentence = view.text[start:end]
    if len(previous) != 2 or view.within("AGENCY", start, end) or not _BOTH.search(sentence):
        return []
    named = instrument_of(sentence)
    if related(*previous) or not (named or _GIVE.search(sentence)):
        return []
    signed = next((d.key for d in view.within("DATE", start, end)), None) if _SIGNED.search(sentence) else None
    return [Arrangement(list(previous), list(previous), named, [], first_label("purpose", sentence), [], signed,
                        first_label("status", sentence), [(start, end)])]


def default_purpose(view: DocView, arrangement: Arrangement) -> str | None:
    """Immigration enforcement when the data goes to an immigration agency in a document about immigration."""
    if any(r in IMMIGRATION_AGENCIES for r in arrangement.recipients) and re.search(r"immigra", view.text, re.I):
        return "immigration_enforcement"
    return None
