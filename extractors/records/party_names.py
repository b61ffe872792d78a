"""The first party of one side of a caption, named as a case name cites it.

A side of a caption lists its parties with their roles and descriptions ("JANE Q. ROE, individually and on behalf
of all others similarly situated; OMAR BELL, Plaintiffs,"); a case name keeps the first party only, without
"et al.", and cites a person by surname ("Roe"), an organization or office by its name ("Dept. of Widgets",
"Widget Works, Inc."), the United States (or "People") by those words. Whether a party is a person or an
organization is read from the words of the name (`patterns/case_name_words.tsv`): "Inc.", "Department", "County",
"of" make an organization; two to five capitalised words without them a person. A text that does not read as a
name (prose, a docket number, a title) gives None.
"""

from __future__ import annotations

import re
from functools import cache

from docketflow.extractors.data import read_tsv

_ROLE_WORD = (r"(?:(?:intervenors?|intervening|third[- ]party|counter[- ]?|cross[- ]?|consolidated|additional|"
              r"nominal|involuntary)[- ]*)*"
              r"(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|movants?|relators?|"
              r"claimants?|intervenors?|cross-claimants?|counterclaimants?|garnishees?|libell?ants?|"
              r"debtors?|creditors?|objectors?|applicants?|complainants?|interested\s+part(?:y|ies)|"
              r"real\s+part(?:y|ies)\s+in\s+interest)(?:\s+in\s+error)?")
ROLE = rf"{_ROLE_WORD}(?:\s*(?:[-–/,]|and|&)\s*{_ROLE_WORD})*"
"""A side's role as a caption gives it: "Plaintiffs", "Defendants-Appellees", "Plaintiff and Respondent"."""
_TRAILING_ROLE = re.compile(rf"(?i)[\s,;.]*\b(?:and\s+)?{ROLE}[\s,.;:*\d\[\]]*$")

_ET_AL = re.compile(r"(?i)[\s,;]*\b(?:et\.?\s+(?:al|ux|vir|uxor)\b|and\s+others\b).*$")
_DESCRIPTION = re.compile(
    r"(?i)[\s,]*\b(?:individually|on\s+(?:his|her|its|their|the)?\s*(?:own\s+)?behalf|"
    r"in\s+(?:his|her|its|their)\s+(?:official|individual|personal)|"
    r"as\s+(?:the\s+)?(?:next\s+friend|guardian|administrat|executor|executrix|personal\s+representative|parent|"
    r"trustee|special\s+administrat|representative|successor)|"
    r"by\s+(?:and\s+through|his|her|their|its|next\s+friend)\b|by\s+(?-i:[A-Z])|"
    r"a\s+minor|an?\s+(?:[\w-]+\s+)?(?:corporation|individual|minor|municipal|political|nonprofit|limited|"
    r"public|unincorporated)|d/b/a|doing\s+business\s+as|a/k/a|also\s+known\s+as|f/k/a|formerly\s+known|"
    r"for\s+(?:himself|herself|themselves|itself)|similarly\s+situated|and\s+all\s+others)\b.*$"
)
"""Where a party's description starts: "individually and on behalf of a class", "in her
official capacity as ...", "as next friend of ...", "by her parent ...", "a Delaware corporation", "d/b/a ..."."""
_SUFFIX = re.compile(r"(?i)^\s*(?:jr|sr|ii|iii|iv|esq|inc|incorporated|llc|l\.l\.c|llp|l\.l\.p|ltd|co|corp|n\.a|"
                     r"p\.c|pc|p\.a|l\.p|lp|pllc|p\.l\.l\.c|s\.a|gmbh|plc)\b\.?")
"""What follows a name after a comma and belongs to it ("Roe, Jr.", "Widget Works, Inc.")."""
ABBREVIATION = re.compile(r"(?i)^(?:[a-z]|inc|co|corp|ltd|jr|sr|bros|assn|ass'n|dept|dep't|dist|univ|natl|intl|"
                          r"comm'n|auth|admin|hon|(?:[a-z]\.)+[a-z])\.$")
"""A word whose period is its own ("Inc.", "Jr.", "U.S.A."), not the end of a sentence."""
_NAME_SUFFIX = re.compile(r"(?i)^(?:jr|sr|ii|iii|iv|esq)\.?,?$")
_HONORIFIC = re.compile(r"(?i)^(?:dr|mr|mrs|ms|miss|hon|rev|prof|sgt|lt|capt|col|gen|cpl|officer|warden|sheriff|"
                        r"deputy|detective|trooper|nurse)\.?$")
_PARTICLES = frozenset({"de", "del", "della", "la", "le", "van", "von", "der", "den", "da", "di", "du", "st.",
                        "mac", "bin", "ibn", "al", "el", "dos", "das", "san", "santa"})
"""Words that belong to a surname ("de la Vega", "van der Berg")."""
_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "at", "by", "to", "a", "an", "de", "del", "la", "van",
                    "von", "der", "du", "da", "di", "ex", "rel.", "&", "le", "et", "upon", "under", "dos"})
"""Words a name may print in lower case ("Department of the Interior", "United States ex rel. Roe")."""
_NOT_NAME = re.compile(r"\b(?i:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|appellees?|"
                       r"case|docket|judge|magistrate|honorable|memorandum|opinion|filed|page|document|"
                       r"civil\s+action|no|motions?|orders?)\b\.?|[\"“”§@:/£$%<>{}|~^_=+]|\bv\.\s")
"""What a party's name never holds: a role, the words of a docket or title, quotes, symbols."""
_NUMBERED = re.compile(r"(?i)no\.?|#|local|post|lodge|unit|chapter|district")
"""Words a number may follow in a party's name ("Local 12", "District No. 5")."""
_US = re.compile(r"(?i)^(?:united\s+states(?:\s+of\s+america)?|u\.\s?s\.(?:\s?a\.)?|usa)$")
_PEOPLE = re.compile(r"(?i)^(?:the\s+)?people(?:\s+of\s+the\s+state\s+of\s+[\w ]+)?$")
_MOST_WORDS = 12
"""A first party's name is never longer: more is a list or text."""


@cache
def words(kind: str) -> frozenset[str]:
    """Words of `case_name_words.tsv` of one kind ("organization", "title", "function", "group"), in lower case,
    without periods and closing apostrophes ("N.A." -> "na", "PLAINTIFFS'" -> "plaintiffs")."""
    return frozenset(row["word"].lower().replace(".", "").strip("'’") for row in read_tsv("case_name_words.tsv")
                     if row["kind"] == kind)


def _first_party(text: str) -> str:
    """The first party of a side's text: before its first ";" and its first comma that does not join a suffix
    ("Roe, Jr.", "Widget Works, Inc."), without its role, "et al." and description."""
    text = re.sub(r"\s*\([^)]*\)|\[[^\]]*\]|[*∗†‡]", " ", text)
    text = re.sub(r"(\w)- (?=\w)", r"\1-", " ".join(text.split()))  # a name broken at its hyphen
    text = re.sub(r"(?<=[A-Za-z]{2})\d{1,2}(?=[,;\s]|$)", "", text)  # a footnote's mark: "ROE1,"
    text = re.sub(r"(?i)(?:\s*#|(?<=\bdoes)|(?<=\bdoe)|(?<=\broes)|(?<=\broe))\s*\d+"
                  r"(?:\s*(?:&|and|,|-|–|through)\s*\d+)*(?=[,;]|$)", "", text)  # pseudonyms numbered: "DOES 1-5"
    text = _TRAILING_ROLE.sub("", _ET_AL.sub("", text))
    pieces = text.split(";")[0].split(",")
    kept = [pieces[0]]
    for piece in pieces[1:]:
        suffix = _SUFFIX.match(piece)
        if suffix is None:
            break
        kept.append(suffix.group())
        if suffix.end() < len(piece.rstrip()):
            break
    text = _DESCRIPTION.sub("", ",".join(kept)).strip(" ,;:-–")
    return text if ABBREVIATION.match(text.rsplit(" ", 1)[-1]) else text.rstrip(".")


def _is_organization(name: str) -> bool:
    """Whether a party is an organization or an office: a word that names one ("Inc.", "Department", "County"), or
    "of" ("State of Ellery", "Governor of Ellery")."""
    found = [w.strip(",'’").replace("’", "'").replace(".", "").lower() for w in name.split()]
    return "of" in found or any(w in words("organization") for w in found)


def _is_person(name: str) -> bool:
    """Whether a name reads as a person's: two to five capitalised words or initials, no organization's word."""
    found = name.split()
    return 2 <= len(found) <= 5 and not _is_organization(name) and all(
        w[0].isupper() or w.lower() in _PARTICLES for w in found)


def _first_of_two(name: str) -> str:
    """The first of two parties joined by "and" ("Ana Ruiz and Widget Works, Inc." -> "Ana Ruiz"; in capitals,
    by a lower-case "and"), or by "&" when both are people ("Ana Ruiz & Omar Bell"); a body's name ("Ruiz & Bell,
    Inc.", "Ellery Property and Marine Association") is one party."""
    match = re.match(r"^(?P<first>.+?)\s+(?P<joint>and|AND|&)\s+(?P<second>.+)$", name)
    if match is None:
        return name
    first, joint, second = match["first"], match["joint"], match["second"]
    if re.search(r"\b[A-Z]\.$", first) and not re.search(r"\b[A-Z]\.?$", second):
        return second  # one surname for two: "Ana R. and Omar B. Roe"
    if joint == "and" and first.isupper() and second[:3].isupper():
        return first
    if not _is_person(first) or (joint == "&" and not _is_person(second)):
        return name
    return first


def _surname(name: str) -> str | None:
    """A person's surname: the word(s) a reporter prints in capitals among others that are not ("Ana M. RUIZ"),
    else the last word (with its particles: "Omar de la Vega"), never a title, a suffix or a number ("Dr. Ana Roe,
    Jr."); a minor's first name and initial whole ("Clara B."); None for what does not read as one person's name."""
    found = [w for w in name.replace(",", " ").split() if not _NAME_SUFFIX.match(w)]
    while found and _HONORIFIC.match(found[0]):
        found = found[1:]
    if not found or len(found) > 5 or any(
            not (w[0].isupper() or w.lower() in _PARTICLES) or re.search(r"\d", w) for w in found):
        return None
    if len(found) > 1 and re.fullmatch(r"[A-Z]\.?", found[-1]):
        return " ".join(found[-2:])
    named = [i for i, w in enumerate(found) if len(w.strip(".")) > 1 and "." not in w]
    capitals = [i for i in named if found[i].isupper() or re.fullmatch(r"(?:Mc|Mac|O['’])[A-Z][A-Z'’\-]+", found[i])]
    if capitals and len(capitals) < len(named) and len(capitals) <= 3:
        first = capitals[-1]
        while first - 1 in capitals:
            first -= 1
        return " ".join(found[first: capitals[-1] + 1])
    first = len(found) - 1
    while first > 0 and found[first - 1].lower() in _PARTICLES:
        first -= 1
    return " ".join(found[first:])


def _cased_part(part: str) -> str:
    """One word (or one part of a hyphenated word) in the case it is cited in."""
    if re.fullmatch(r"(?:Mc|MC|O['’])[A-Za-z][A-Z'’]+", part):
        return part[:2].capitalize() + part[2:].capitalize()  # "McBRIDE", "O'NEILL"
    if part.isupper() and len(part) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+|[^AEIOUY]+|[IVX]+\.?,?", part):
        return re.sub(r"\.([a-z])", lambda m: "." + m[1].upper(), part.capitalize())
    return part


def _cased(name: str) -> str:
    """A name in the case it is cited in: words in capitals title-cased, except initials and dotted
    abbreviations ("U.S."), words without a vowel ("LLC") and Roman numerals; small words in lower case."""
    cased = []
    for i, word in enumerate(name.split()):
        word = "-".join(_cased_part(part) for part in word.split("-"))
        cased.append(word.lower() if i and word.lower() in _SMALL - {"&"} else word)
    return " ".join(cased)


def party_name(text: str) -> str | None:
    """The short name of the first party of a side's caption text ("JANE Q. ROE, as next friend of J.R., a minor;
    OMAR BELL, Plaintiffs" -> "Roe"; "DEPT. OF WIDGETS, et al." -> "Dept. of Widgets"), or None
    when it does not read as a name."""
    name = re.sub(r"(?i)^the\s+", "", _first_party(text))
    if not name or _NOT_NAME.search(name) or not re.match(r"[A-Z0-9ÀÁÉÍÓÚÑ]", name):
        return None
    if any(not _NUMBERED.fullmatch(before) for before in re.findall(r"(\S+) \d+\b(?!-)", name)):
        return None  # a number that numbers no unit: a docket's or a title's
    if any(w[0].islower() and w.lower() not in _SMALL for w in name.split() if w[0].isalpha()):
        return None  # a lower-case word: text, not a name
    name = _first_of_two(name)
    relator = re.match(r"(?i)^(.+?)\s+ex\s+rel\.?\s", name)
    if relator and not _is_organization(relator[1]):
        name = relator[1]  # "Roe ex rel. Bell": the person the case is brought for
    if len(name.split()) > _MOST_WORDS:
        return None
    if _US.match(name):
        return "United States"
    if _PEOPLE.match(name):
        return "People"
    if name.split()[-1].strip(",.").lower() in words("group"):
        return None  # people named by what they are ("Unknown Officers"), not who
    if _is_organization(name):
        if " " not in name and name.lower() not in ("state", "commonwealth"):
            return None  # one word that says what kind of body ("Program", "Association"), not which
        return _cased(name)
    surname = _surname(name)
    return _cased(surname) if surname else None
