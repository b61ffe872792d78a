"""Data-sharing arrangements a document describes: who gives whom which data, under what instrument.

A sentence describes an arrangement when it names an instrument (MOU, matching agreement, daily access,
policy, contract) or a transfer verb (share, provide, hand over, obtain, demand) together with at least
two agencies. Each agency's role comes from the words just before it: "to ICE", "gave DHS access", "let ICE
access", and "with ICE" after a giving verb make a recipient; "from the IRS" or "access to IRS records" a
provider; "IRS-ICE MOU" and "between the IRS and ICE" both; "an agreement with CMS" names the other party,
who takes the side the sentence leaves open. The subject of a giving verb is the provider (a pronoun
subject is the one department named before it), of a getting verb the recipient; a denied transfer ("does
not give") gives no role. When only the recipient is named ("the administration can share Medicaid data
with ICE"), the provider is inferred from the agencies the document names that hold that kind of data
(category_holders.tsv).

Sentences that name no direction still add to the arrangements the document describes: two departments
that sign an instrument together (`signer_arrangements`), and a sentence that refers back to "the
memorandum" (`back_references`).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from docketflow.extractors.data import read_tsv
from docketflow.extractors.records.arrangement import Arrangement
from docketflow.extractors.records.cues import all_labels, first_label
from docketflow.extractors.records.parties import most_specific, related, root
from docketflow.extractors.records.view import DocView, Mention

_GIVE = re.compile(r"\b(?:ma(?:ke|kes|de|king)\s+(?:\w+\s+){0,4}?available|"
                   r"shar(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|giv(?:e|es|ing)|gave|disclos(?:e|es|ed|ing)|"
                   r"transfer(?:s|red|ring)?|hand(?:s|ed|ing)?\s+over|turn(?:s|ed|ing)?\s+over|send(?:s|ing)?|sent|"
                   r"agreed\s+to\s+provide|exchange)\b", re.I)
_GET = re.compile(r"\b(?:obtain(?:s|ed|ing)?|access(?:es|ed|ing)?|receiv(?:e|es|ed|ing)|s(?:eek|eeks|ought|eeking)|"
                  r"demand(?:s|ed|ing)?|request(?:s|ed|ing)?|us(?:e|es|ed|ing)|get|got|collect(?:s|ed)?|"
                  r"acquir(?:e|es|ed)|review(?:s|ed|ing)?|quer(?:y|ies|ied|ying))\b", re.I)
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
_SIGNED = re.compile(r"\b(?:signed|signing|entered\s+into|executed|finalized|inked|dated)\b", re.I)
_REPORTED_BEFORE = re.compile(r"\b(?:said|says|told|reported|announced|wrote|confirmed|stated|disclosed)\s+"
                              r"(?:on\s+|late\s+|early\s+)?$", re.I)
"""A date that tells when something was said ("officials said Friday"), not when it was signed."""
IMMIGRATION_AGENCIES = frozenset({"ICE", "ERO", "HSI", "CBP", "USCIS", "DHS", "EOIR"})


@cache
def _holders() -> dict[str, tuple[str, ...]]:
    return {r["category"]: tuple(r["holders"].split("|")) for r in read_tsv("category_holders.tsv")}


@cache
def _procedural() -> frozenset[str]:
    return frozenset(row["key"] for row in read_tsv("procedural_statutes.tsv"))


def legal_basis(view: DocView, start: int, end: int) -> list[str]:
    """Statutes a passage cites that can be an arrangement's legal basis: not the ones that only say how
    agencies act and how courts review them (procedural_statutes.tsv: "the union calls the pact arbitrary and
    capricious, in breach of the APA")."""
    return [k for k in view.keys("STATUTE", start, end) if k not in _procedural()]


_CLAUSE_BREAK = re.compile(r"[;—–]|,\s+(?:and|while|but|whereas)\s+|\s+while\s+")
_COORDINATED = re.compile(r"^\s*(?:,\s*)?(?:or|and|/|,)\s*(?:the\s+)?$")


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:U\.S\.\s+)?$", re.I)
_AND_NEXT = re.compile(r"^(?:['’]s)?(?:\s+[\w’'-]+){0,3}?\s*,?\s+and\s+(?:the\s+)?(?:U\.S\.\s+)?$")


def _between(view: DocView, agencies: list[Mention], start: int) -> tuple[str, str] | None:
    """"between <A> and <B>" read on the agency names themselves, so that a name holding "and" ("the Centers
    for Medicare and Medicaid Services") is one party."""
    for a, b in pairwise(agencies):
        if (_BETWEEN_BEFORE.search(view.text[max(start, a.start - 20): a.start])
                and _AND_NEXT.match(view.text[a.end:b.start]) and not related(a.key, b.key)):
            return a.key, b.key
    return None


def _pair(view: DocView, start: int, end: int) -> tuple[str, str] | None:
    """(provider, recipient) named as a pair: "the IRS-ICE MOU", "an MOU between the IRS and ICE"."""
    sentence = view.text[start:end]
    agencies = view.within("AGENCY", start, end)
    if between := _between(view, agencies, start):
        return between
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


_COUNTERPART_BEFORE = re.compile(
    r"\b(?:agreements?|deals?|pacts?|partnerships?|MO[UA]s?|memorand(?:um|a)(?:\s+of\s+(?:understanding|agreement))?|"
    r"memos?|accords?|contracts?|arrangements?)\s+with\s+(?:the\s+|U\.S\.\s+)?$", re.I)
""""a partnership with the Mint": the other party of an agreement, whichever way the data goes."""
_LET_GIVE_AFTER = re.compile(rf"^\s+(?:to\s+)?(?:keep\s+|continue\s+(?:to\s+)?|resume\s+)?(?:{_GIVE.pattern})", re.I)
""""The order lets VA keep sending claim files to FEMA": the one let give is the provider."""


NEGATED = re.compile(r"\b(?:not|never|no\s+longer|cannot|n[’']t)\s+(?:\w+\s+)?$", re.I)
""""does not grant ICE access", "never shared": a denied transfer gives nobody a role."""
HELD_DATA_AFTER = re.compile(r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:data|records|systems?|files|databases?|"
                             r"information)\b", re.I)
"""An agency named as the owner of data ("IRS records", "VA's claim systems"): the one whose data it is."""


def _role(text: str, clause: tuple[int, int], mention: Mention) -> str | None:
    """'provider', 'recipient' or 'counterpart' from the words around one agency mention inside its clause."""
    before = text[max(clause[0], mention.start - 30): mention.start]
    if _PROVIDER_BEFORE.search(before):
        return "provider"
    if _COUNTERPART_BEFORE.search(before):
        return "counterpart"
    if re.search(r"\baccess\s+to\s+(?:the\s+)?$", before, re.I) and HELD_DATA_AFTER.match(text[mention.end:]):
        return "provider"  # "access to IRS records": whose records they are
    if recipient := _RECIPIENT_BEFORE.search(before):
        if NEGATED.search(before[:recipient.start()]):
            return None
        if recipient.group().lower().startswith(("let", "allow")) and _LET_GIVE_AFTER.match(text[mention.end:]):
            return "provider"
        if (not recipient.group().lower().startswith("with") or _GIVE.search(text[clause[0]:mention.start])
                or _GIVE.search(text[mention.end: min(clause[1], mention.end + 40)])):
            return "recipient"  # "with" makes a recipient only beside a giving verb ("share data with ICE",
            # "working with ICE to share data"), not "clashed with ICE"
    after = text[mention.end: min(clause[1], mention.end + 60)]
    give, get = _GIVE.search(after), _GET.search(after)
    verb = min((v for v in (give, get) if v), key=lambda v: v.start(), default=None)
    if verb is not None and not NEGATED.search(after[:verb.start()]):
        return "provider" if verb is give else "recipient"
    return None


def _roles(view: DocView, clause: tuple[int, int]) -> dict[str, list[Mention]]:
    """Providers and recipients among a clause's agencies; "ICE or DHS" share a role. The other party of an
    agreement ("under a pact with the Mint, the Bureau can review coin-buyer records") takes the side the
    clause leaves open: the provider when only a recipient is named, the recipient otherwise."""
    roles: dict[str, list[Mention]] = {"provider": [], "recipient": [], "counterpart": []}
    previous: tuple[Mention, str] | None = None
    last: tuple[Mention, str | None] | None = None
    for mention in view.within("AGENCY", *clause):
        if last and re.fullmatch(r"\s*\(", view.text[last[0].end: mention.start]):
            role = last[1]  # "the Centers for Medicare and Medicaid Services (CMS)": the acronym is the same party
        else:
            role = _role(view.text, clause, mention)
        if role is None and previous and _COORDINATED.match(view.text[previous[0].end: mention.start]):
            role = previous[1]
        last = (mention, role)
        if role:
            roles[role].append(mention)
            previous = (mention, role)
    open_side = "provider" if roles["recipient"] and not roles["provider"] else "recipient"
    roles[open_side] += roles.pop("counterpart")
    return roles


def _infer_providers(view: DocView, categories: list[str], recipients: list[str]) -> list[str]:
    """Agencies the document names that hold the data in question (Medicaid data: CMS, HHS)."""
    holders = [h for c in categories for h in _holders().get(c, ())]
    return [a for a in view.keys("AGENCY") if a in holders and not any(related(a, r) for r in recipients)]


def per_provider(categories: list[Mention], providers: list[Mention], clause: tuple[int, int]) -> dict[str, list[str]]:
    """Data per provider: with several providers in a clause ("X from HHS and Y from the IRS"), the data
    named between the previous provider and this one; otherwise (one provider, or providers named before
    the data: "HHS and CMS handed over X") all of the clause's data. Data listed once for several
    departments together ("the Mint, the Census Bureau and NOAA gave the team access to files holding birth
    dates") goes to none of them: which of them holds what, the text does not say."""
    keys = list(dict.fromkeys(c.key for c in categories))
    out: dict[str, list[str]] = {}
    previous = clause[0]
    for provider in providers:
        out.setdefault(provider.key, []).extend(c.key for c in categories if previous <= c.start < provider.start)
        previous = provider.end
    if len(providers) < 2 or not any(out.values()):
        joint = len({root(p.key) for p in providers}) > 1
        return {p.key: [] if joint else keys for p in providers}
    return out


def instrument_of(text: str) -> str | None:
    """The instrument a passage names; None when it lists kinds of instruments ("under MOUs or informal
    policies", "by memoranda, access portals or written policies"), which says what such arrangements look
    like, not what this one is. A bare "agreement" beside a specific word is that word ("an agreement, a
    memorandum of understanding")."""
    labels = all_labels("instrument", text)  # in table order: the first is `first_label`'s
    specific = {label for label in labels if label != "other"}
    return None if len(specific) > 1 else next(iter(labels), None)


_PRONOUN_GIVES = re.compile(
    r"\b(?:it|they)\s+(?:(?:has|have|had|will|would|can|could|may|might|must|shall|should|is|are|was|were|been|"
    r"also|now|still|already|quietly|"
    rf"recently|began|begun|continues|continued|to)\s+){{0,4}}(?:{_GIVE.pattern})", re.I)


def _pronoun_provider(view: DocView, start: int, clause: tuple[int, int], recipients: list[Mention]) -> list[Mention]:
    """"VA revised its notice, confirming it has been sending claim files to FEMA": "it" giving, in a clause
    that names only the recipient, is the one other department the sentence names before it."""
    pronoun = _PRONOUN_GIVES.search(view.text, clause[0], clause[1])
    if not pronoun:
        return []
    before = [m for m in view.within("AGENCY", start, pronoun.start())
              if not any(related(m.key, r.key) for r in recipients)]
    return before if len({root(m.key) for m in before}) == 1 else []


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
    for clause, roles in with_roles:
        if roles["recipient"] and not roles["provider"]:
            roles["provider"] = _pronoun_provider(view, start, clause, roles["recipient"])
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
    statutes = legal_basis(view, *span)
    signed = signed_date(view, *span)
    return [
        Arrangement(most_specific(providers), recipients, instrument, list(cats), purpose_of(view, *span),
                    statutes, signed, first_label("status", sentence), [span], inferred,
                    named=instrument is not None and bool(first_label("instrument", sentence)))
        for (cats, _), providers in groups.items()
    ]


_LABEL_WORD = re.compile(r"\b[A-Z]{6,}\b")


def purpose_of(view: DocView, start: int, end: int) -> str | None:
    """The purpose a sentence states, not counting words inside the names of agencies ("Immigration and Customs
    Enforcement") or of the data ("immigration status"), or an all-caps section label ("IMMIGRATION")."""
    chars = list(view.text[start:end])
    for label in ("AGENCY", "DATA_CATEGORY"):
        for mention in view.within(label, start, end):
            chars[mention.start - start: min(mention.end, end) - start] = " " * (min(mention.end, end) - mention.start)
    return first_label("purpose", _LABEL_WORD.sub(" ", "".join(chars)))


def signed_date(view: DocView, start: int, end: int) -> str | None:
    """The date a sentence says something was signed: the DATE nearest the signing word, after it rather than
    before, never one that tells when something was said ("officials said Friday that the agencies signed the
    accord on Monday": Monday)."""
    sentence = view.text[start:end]
    verbs = [(start + m.start(), start + m.end()) for m in _SIGNED.finditer(sentence)]
    dates = [d for d in view.within("DATE", start, end)
             if not _REPORTED_BEFORE.search(view.text[max(start, d.start - 25): d.start])]
    if not verbs or not dates:
        return None

    def distance(date: Mention) -> int:
        return min(date.start - v_end if date.start >= v_end else 2 * (v_start - date.end) for v_start, v_end in verbs)

    return min(dates, key=distance).key


_BOTH = re.compile(r"\b(?:the\s+two|both)\s+(?:agencies|departments|secretaries|administrations)\b", re.I)


def anaphoric_arrangement(view: DocView, start: int, end: int, previous: list[str]) -> list[Arrangement]:
    """"Both cabinet heads put their names to a memorandum of understanding": a sentence that names an instrument or
    sharing between "the two agencies" is about the two agencies of the sentence before it, on both sides."""
    sentence = view.text[start:end]
    if len(previous) != 2 or view.within("AGENCY", start, end) or not _BOTH.search(sentence):
        return []
    named = instrument_of(sentence)
    if related(*previous) or not (named or _GIVE.search(sentence)):
        return []
    return [Arrangement(list(previous), list(previous), named, [], purpose_of(view, start, end), [],
                        signed_date(view, start, end), first_label("status", sentence), [(start, end)])]


def _sides(arrangement: Arrangement) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(root(p) for p in arrangement.providers), frozenset(root(r) for r in arrangement.recipients)


_COSIGNERS = re.compile(r"^(?:\s+[A-Z][\w.’'-]*){0,4}\s*,?\s+and\s+(?:the\s+)?(?:U\.S\.\s+)?$")
"""What may stand between two agencies that sign together: "the IRS and DHS", "Labor Secretary Ann Roe and
Commerce"."""


def signer_arrangements(view: DocView, found: list[Arrangement]) -> list[Arrangement]:
    """"Labor and Commerce executed an MOU in March": two departments that sign an instrument together are its
    parties, neither marked as giver or receiver. The signing (instrument, date, the status it implies) goes to
    each arrangement the document describes between the two, whichever way the data goes; when it describes
    none, both departments are on both sides."""
    out: list[Arrangement] = []
    for start, end in view.sentences:
        mentions = view.within("AGENCY", start, end)  # the cheap tests first: few sentences name two agencies
        if len(mentions) < 2:
            continue
        sentence = view.text[start:end]
        if not _SIGNED.search(sentence):  # or sign anything
            continue
        instrument = instrument_of(sentence)
        if not instrument:
            continue
        pairs = [(a, b) for a, b in pairwise(mentions)
                 if not related(a.key, b.key) and _COSIGNERS.match(view.text[a.end:b.start])]
        if not pairs:
            continue
        a, b = pairs[0]
        pair = {root(a.key), root(b.key)}
        signed, status = signed_date(view, start, end), first_label("status", sentence)
        targets: dict[tuple[frozenset[str], frozenset[str]], Arrangement] = {}
        for arrangement in found:
            giving, getting = _sides(arrangement)
            if len(giving & pair) == 1 and len(getting & pair) == 1 and giving & pair != getting & pair:
                targets.setdefault((giving, getting), arrangement)
        if not targets:
            both = most_specific([a.key, b.key])
            out.append(Arrangement(both, list(both), instrument, [], purpose_of(view, start, end), [], signed,
                                   status, [(start, end)]))
        out += [Arrangement(list(t.providers), list(t.recipients), instrument, [], None, [], signed, status,
                            [(start, end)]) for t in targets.values()]
    return out


_COURT_KINDS = frozenset({"court_order", "opinion"})
_BACK_REFERENCE = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:[\w’'-]+\s+){0,2}?(?:memorand(?:um|a)|memo|MOU|MOA|agreement|deal|pact|"
    r"partnership|accord|policy|SORN|system\s+of\s+records\s+notice|arrangement|contract)\b", re.I)


def back_references(view: DocView, found: list[Arrangement]) -> list[Arrangement]:
    """A sentence that refers back to "the memorandum", "the deal" or "its new notice" and names no agency
    outside the parties speaks of the arrangement it refers to: the document's only one, or the only one
    whose instrument was named with that word. Its instrument word, signing date and status are the
    arrangement's ("The memorandum of understanding, the court said, covers only names"; "the deal was put
    to paper on Tuesday")."""
    if view.kind in _COURT_KINDS:
        return []  # a court's "the agreement" is as often the parties' settlement or a plea as the sharing
    all_sides = {_sides(a) for a in found}
    out = []
    described = {span for a in found for span in a.sentences}
    for start, end in view.sentences:
        sentence = view.text[start:end]
        if (start, end) in described or not _BACK_REFERENCE.search(sentence):
            continue
        instrument = instrument_of(sentence)
        same = {_sides(a) for a in found if a.named and a.instrument == instrument}
        sides = all_sides if len(all_sides) == 1 else same
        if not instrument or len(sides) != 1:
            continue
        (giving, getting), = sides
        if any(root(k) not in giving | getting for k in view.keys("AGENCY", start, end)):
            continue
        parties = [a for a in found if _sides(a) == (giving, getting)]
        out.append(Arrangement(most_specific(p for a in parties for p in a.providers),
                               most_specific(r for a in parties for r in a.recipients), instrument, [], None, [],
                               signed_date(view, start, end), first_label("status", sentence), [(start, end)]))
    return out


def held_data(found: list[Arrangement]) -> list[Arrangement]:
    """"DOGE can reach Labor Department systems. The department has access to wage and bank data": an agency
    said to have access to data, naming no one else, in a document where it gives data to others, holds that
    data; its data go to the arrangements where it provides, and it receives nothing."""
    out = []
    for arrangement in found:
        giving = [a for a in found if arrangement.holds and any(related(p, r) for p in a.providers
                                                                for r in arrangement.recipients)]
        for target in giving:
            target.data_categories = list(dict.fromkeys([*target.data_categories, *arrangement.data_categories]))
        if not giving:
            out.append(arrangement)
    return out


def default_purpose(view: DocView, recipients: list[str]) -> str | None:
    """Immigration enforcement when the data goes to an immigration agency in a document about immigration."""
    if any(r in IMMIGRATION_AGENCIES for r in recipients) and re.search(r"immigra", view.text, re.I):
        return "immigration_enforcement"
    return None
