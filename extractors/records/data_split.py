"""Which categories of data a decision lets through and which it bars, and the resulting effect.

A sentence is cut into clauses at contrast words ("but", "while", "except", ";", dashes). A clause's
polarity comes from its cue verbs — barring ("bar", "block", "enjoin", "remain protected") or
permitting ("share", "allow", "permit", "provide") — flipped by a negation before the cue ("may not
share", "refused to block"). A clause with no cue inherits the polarity of the clause before it (the
list after "six categories of basic information:" stays permitted); a clause opened by "except", or a
bare "but not X", takes the opposite polarity of the clause before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from docketflow.extractors.data import read_tsv

_CONTRAST = re.compile(r"\b(?:but|while|whereas|although|though|except|however|yet|unless)\b|;|—|–|\s-\s", re.I)
_BAR = re.compile(  # a court that faults an agency "for disclosing" the data bars that sharing
    r"\b(?:bar(?:s|red|ring)?|block(?:s|ed|ing)?|enjoin(?:s|ed|ing)?|prohibit(?:s|ed|ing)?|halt(?:s|ed|ing)?|"
    r"forb(?:id|ids|ade|idden)|exclud(?:e|ed|es|ing)|withh(?:eld|old|olding)|off-limits|preclud(?:e|ed|es)|"
    r"protect(?:ed|s|ing)?|shield(?:ed|s)?|restrain(?:ed|s)?|stop(?:s|ped|ping)?|ceas(?:e|ed|es|ing)|"
    r"rebuk(?:e|ed|es|ing)|fault(?:ed|s)|criticiz(?:e|ed|es|ing)|chastis(?:e|ed|es|ing)|scold(?:ed|s)?|"
    r"reprimand(?:ed|s)?)\b|\bremains?\s+(?:protected|confidential|sealed)",
    re.I,
)
_PERMIT = re.compile(
    r"\b(?:shar(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|allow(?:s|ed|ing)?|let(?:s|ting)?|permit(?:s|ted|ting)?|authori[sz](?:e|ed|es|ing)|exchange[sd]?|"
    r"provid(?:e|es|ed|ing)|disclos(?:e|es|ed|ing|ure)|transfer(?:s|red|ring)?|hand(?:ed)?\s+over|"
    r"turn(?:ed)?\s+over|access|resum(?:e|ed|es)|obtain(?:s|ed)?|use|go\s+ahead|proceed|send(?:s|ing)?|sent)\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|never|cannot|can't|won't|refus(?:e|ed|es)\s+to|declin(?:e|ed|es)\s+to|"
                       r"without|nor|denied)\b", re.I)
_LIMITING = re.compile(r"\b(?:only|limited|basic|minimum\s+necessary|narrow(?:ly)?|certain)\b", re.I)


@cache
def containers() -> frozenset[str]:
    """Categories that name a whole data set ("Medicaid data") rather than a field (category_holders.tsv)."""
    return frozenset(r["category"] for r in read_tsv("category_holders.tsv") if r["container"] == "yes")


def clause_polarity(clause: str) -> str | None:
    """'barred', 'permitted' or None for a clause, reading its first cue and any negation just before it."""
    bar, permit = _BAR.search(clause), _PERMIT.search(clause)
    cue, polarity = (bar, "barred") if bar else (permit, "permitted") if permit else (None, None)
    if cue is None:
        return None
    if _NEGATION.search(clause[max(0, cue.start() - 25): cue.start()]):
        return "permitted" if polarity == "barred" else "barred"
    return polarity


_BARE_NOT = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?not\b", re.I)


def clauses(sentence: str) -> list[tuple[int, int, bool]]:
    """(start, end, reverses) of each clause, offsets relative to the sentence; a clause opened by "except"
    or "unless", or made of a bare "not X" ("but not Social Security numbers"), reverses the one before."""
    out, start, opener = [], 0, False
    for match in _CONTRAST.finditer(sentence):
        out.append((start, match.start(), opener or bool(_BARE_NOT.match(sentence[start:match.start()]))))
        start, opener = match.end(), match.group(0).lower() in ("except", "unless")
    out.append((start, len(sentence), opener or bool(_BARE_NOT.match(sentence[start:]))))
    return out


def sentence_polarity(sentence: str) -> str | None:
    """One polarity for a whole sentence read clause by clause: 'limited' when one clause lets some sharing
    through and another bars the rest ("may share addresses, while continuing to bar medical records")."""
    found, previous = [], None
    for start, end, reverses in clauses(sentence):
        polarity = clause_polarity(sentence[start:end])
        if reverses and previous:
            polarity = "barred" if previous == "permitted" else "permitted"
        if polarity:
            found.append(polarity)
        previous = polarity or previous
    if {"barred", "permitted"} <= set(found):
        return "limited"
    return found[0] if found else None


def split_categories(sentence: str, offset: int, mentions: Iterable[tuple[int, str]]) -> tuple[list[str], list[str]]:
    """(permitted, barred) category keys of the mentions (absolute offset, key) inside one sentence."""
    mentions = sorted(mentions)
    permitted: list[str] = []
    barred: list[str] = []
    previous: str | None = None
    for start, end, reverses in clauses(sentence):
        polarity = clause_polarity(sentence[start:end])
        if reverses and previous:
            polarity = "barred" if previous == "permitted" else "permitted"
        polarity = polarity or previous
        for position, key in mentions:
            if start <= position - offset < end and polarity:
                (permitted if polarity == "permitted" else barred).append(key)
        previous = polarity
    return permitted, barred


def drop_containers(keys: Iterable[str]) -> list[str]:
    """Keep a data-set category ("Medicaid data") only when no two specific fields say what was in it."""
    keys = list(dict.fromkeys(keys))
    specific = [k for k in keys if k not in containers()]
    return specific if len(specific) >= 2 else keys


def effect_of(permitted: list[str], barred: list[str], limiting_text: str = "", verbs: str = "") -> str | None:
    """permitted / barred / limited for a decision about data sharing, None when it says nothing on it."""
    if permitted and barred:
        return "limited"
    if permitted:
        return "limited" if _LIMITING.search(limiting_text) else "permitted"
    if barred:
        return "barred"
    polarity = clause_polarity(verbs) if verbs else None
    return polarity


def reported_effect(polarity: str, permitted: list[str], barred: list[str],
                    limiting_text: str = "") -> tuple[str, list[str], list[str]]:
    """(effect, permitted, barred) of a decision whose act says what it does to the sharing ("rejected a
    bid to bar" lets it through). Categories read with the opposite polarity are the act's object seen
    through the request's words ("a request to bar the IRS from sharing addresses" that the court denied),
    so they move to the act's side; categories on both sides make the decision limited."""
    if permitted and barred:
        return "limited", permitted, barred
    if polarity == "permitted" and barred:
        permitted, barred = barred, []
    elif polarity == "barred" and permitted:
        permitted, barred = [], permitted
    if polarity == "permitted" and permitted and _LIMITING.search(limiting_text):
        return "limited", permitted, barred
    return polarity, permitted, barred
