"""JUDGE mentions: titled names, panel lists, author lines, state "MOSK, J." lines and signature blocks.

A judge is only ever named next to a title ("Judge", "Justice", "Hon.", ", J."), so the component
scans for the titles with cheap regexes and reads the name just after or just before each one.
Mentions inside other cases' citations ("(Breyer, J., dissenting)") do not count. Each judge's key
is the fullest form the document gives, so a bare "Judge Chhabria" takes "Vince Chhabria" from the
caption or signature.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from docketflow.extractors.component import Component, factory
from docketflow.extractors.courts import citation_parenthetical
from docketflow.extractors.data import read_tsv
from docketflow.extractors.signature import SUFFIX
from docketflow.extractors.spans import add_entity, context, doc_text, entities, in_citation
from docketflow.extractors.structure import Piece, Structure, structure_of
from docketflow.extractors.word_start import WordStart
from spacy.tokens import Doc

_UP = "A-ZÀ-ÖØ-Þ"
_WORD = rf"(?:Mc|Mac|O['’]|D['’])?[{_UP}](?:[^\W_]|['’](?![sS]\b)|-)*"
"""A capitalized word of a name; an underscore (a signature rule run into the name) ends it, and so does a
possessive ("Judge Roe’s Friday ruling" names Roe)."""
_INITIAL = rf"[{_UP}]\."
_PARTICLE = r"(?:van|von|de|der|den|del|della|di|da|du|la|le)"
_TOKEN = rf"(?:{_INITIAL}|{_WORD})"
NAME = (
    rf"(?:{_PARTICLE}[ \t]+)?{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_TOKEN}){{0,4}}"
    rf"(?:{SUFFIX})?"
)
"""A personal name on one line: up to five capitalized words or initials, particles and a suffix."""
_NAME_LIST = rf"{NAME}\*?(?:[ \t]*,\s*(?:and[ \t]+)?{NAME}\*?|\s+and[ \t]+{NAME}\*?)*"
_QUALIFIERS = (
    r"(?:(?:Chief|Senior|Presiding|Acting|Associate|United\s+States|U\.\s?S\.|Circuit|District|Magistrate|"
    r"Bankruptcy|Appellate|Immigration|Administrative\s+Law)\s+)*"
)
_TITLE_ENDS = re.compile(r"[ \t]*(?:[.,:;()\]]|\n|$)")
_AGENCY_BEFORE = re.compile(r"\b(?:Department|Dep't|Dept\.|Bureau|Ministry|Office)[ \t]+of[ \t]+$", re.IGNORECASE)
_COMMA_BEFORE = re.compile(r",[ \t*]*$")
_STATE_TITLES = {"J": "Justice", "JJ": "Justice", "CJ": "Chief Justice", "PJ": "Presiding Justice"}


@dataclass(frozen=True)
class Mention:
    """A name next to a judge title, before the document-level choice of each judge's fullest name."""

    start: int
    end: int
    name: str
    title: str


@cache
def _not_names() -> frozenset[str]:
    """Capitalized words that can stand where a judge's name would ("Judge Advocate", "Before")."""
    return frozenset(row["word"].lower() for row in read_tsv("judges_not_names.tsv"))


_PLURAL_QUALIFIERS = ("Appellate", "Circuit", "District", "Senior", "Chief", r"U\.S\.")


def _plural_title() -> str:
    """"Judges" after any run of qualifiers ("Senior Circuit Judges"), spelled as one branch per first word.
    `(?:(?:Chief|...)[ \t]+)*Judges` matches the same, but `re` can skip ahead only to where a pattern's
    first item, a plain word, can begin: with an optional repeat first, it tries every position of the text
    (ten times slower on a whole opinion)."""
    chain = rf"(?:(?:{'|'.join(_PLURAL_QUALIFIERS)})[ \t]+)*Judges"
    return "|".join([*(rf"{word}[ \t]+{chain}" for word in _PLURAL_QUALIFIERS), "Judges"])


@cache
def _patterns() -> dict[str, re.Pattern[str] | WordStart]:
    """The regexes, compiled once per process; the four that scan the whole text start at a word start."""
    titles = sorted((row["title"] for row in read_tsv("judges_titles.tsv")), key=len, reverse=True)
    # a reporter's lower-case title ("U.S. District judge Ana Ruiz") only where the title has two words or more
    variants = [v for t in titles for v in (t, t.upper(), *([t[:-5] + "judge"] if " " in t and t.endswith("Judge")
                                                             else []))]
    title_alt = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in variants)
    return {
        "title_first": WordStart(rf"(?P<title>{title_alt})(?![\w])[ \t]+(?P<name>{NAME})"),
        # "Judge Trial Referee" is Connecticut's title for a senior judge who hears cases: the name precedes it
        "title_after": WordStart(r"(?P<title>Judges?|JUDGES?|Justices?|JUSTICES?)(?:[ \t]+Trial[ \t]+Referee)?\b"),
        "qualifiers": re.compile(rf"{_QUALIFIERS}$", re.IGNORECASE),
        "names_before": re.compile(
            rf"(?P<names>{_NAME_LIST})(?:[ \t]*\*?,\s*|[ \t]*\n\s*|(?<=[{_UP}])[ \t]+)$"
        ),
        "state_title": re.compile(
            r",[ \t]+(?P<title>C\.[ \t]?J|P\.[ \t]?J|JJ?)\.(?=\s*(?:[,;:)]|$|\n|concur|dissent))"
        ),
        "names_before_comma": re.compile(rf"(?P<names>{_NAME_LIST})\*?$"),
        "name": re.compile(NAME),
        "plural": WordStart(rf"(?P<title>{_plural_title()})[ \t]+"
                             rf"(?P<names>{NAME}(?:[ \t]*,[ \t]*{NAME})*(?:[ \t]*,?[ \t]+and[ \t]+{NAME}))"),
        "appositive": WordStart(rf"[Tt]he\s+(?:(?:federal|district|trial|presiding|U\.S\.)\s+)*(?P<title>judge)"
                                 rf",[ \t]+(?P<name>{NAME}),"),
    }


@cache
def _disqualifying() -> frozenset[str]:
    """Words that mean a candidate is not a name at all, wherever they stand in it."""
    return frozenset(row["word"].lower() for row in read_tsv("judges_disqualifying.tsv"))


@cache
def _headline_verbs() -> frozenset[str]:
    """Verbs a headline puts after "Judge" ("Judge Blocks IRS From Sharing Data"): never part of a name."""
    return frozenset(row["word"].lower() for row in read_tsv("judges_headline_verbs.tsv"))


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’\-]{3,}")


def _in_headline_only(text: str, mention: Mention) -> bool:
    """A name on a Title-Case line without closing punctuation (a headline) whose surname the text never
    uses anywhere else: the capitals belong to the headline ("Judge Rules Doge Lacks Need"), not a person."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    words = _HEADLINE_WORD.findall(line)
    if line.endswith((".", "!", "?", '"', "”")) or len(words) < 4:
        return False
    if sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return False
    surname = mention.name.split()[-1]
    elsewhere = text[:line_start] + " " + text[line_end:]
    return re.search(rf"\b{re.escape(surname)}\b", elsewhere) is None


_WRITES = re.compile(
    rf"(?:[,”\"]\s*|\b)(?:writes|wrote)\s+(?P<after>{_WORD})\b|\b(?P<before>{_WORD})\s+(?:writes|wrote)\b"
)
_A_JUDGE = re.compile(r"\b(?:a|the)\s+(?:federal\s+|district\s+|U\.S\.\s+)*judge\b", re.IGNORECASE)
"""A report that speaks of "a federal judge" or "the judge": its "writes Roe" names that judge."""
_PRONOUNS = frozenset({"He", "She", "It", "They", "We"})
_OPINION_WORDS = re.compile(r"\b(?:judge|justice|court|ruling|opinion|order|injunction)\b", re.IGNORECASE)


def _reported_authors(text: str, found: list[Mention]) -> list[Mention]:
    """Judges a report names only by surname after a reporting verb ("..., writes Friedrich"), resolved to
    the full name the article gives without a title ("Dabney Friedrich, a Trump appointee, ...") when it
    talks of a court, or to the surname alone when the report never prints it in full but speaks of "the
    judge". A surname already found with a title needs nothing; one never printed in full in a report that
    names no judge is left alone (the writer may be an official quoting a letter)."""
    if not _OPINION_WORDS.search(text):
        return []
    known = {_surname(m.name) for m in found}
    out = []
    about_a_judge = _A_JUDGE.search(text) is not None
    for m in _WRITES.finditer(text):
        surname = m.group("after") or m.group("before")
        if surname.lower() in known or surname.lower() in _not_names() or surname in _PRONOUNS:
            continue
        full = re.search(rf"\b(?P<name>[{_UP}][a-z]+(?:[ \t]+{_INITIAL})?[ \t]+{re.escape(surname)})\b", text)
        if full:
            out.append(Mention(full.start("name"), full.end("name"), full["name"], "Judge"))
            known.add(surname.lower())
        elif about_a_judge and not re.search(rf"\b{re.escape(surname)}\s+[{_UP}]", text):
            at = m.start("after") if m.group("after") else m.start("before")
            out.append(Mention(at, at + len(surname), surname, "Judge"))
            known.add(surname.lower())
    return out


@cache
def _canonical_titles() -> dict[str, str]:
    """Title as printed (lower case) -> the title stored in `normalized`."""
    return {row["title"].lower(): row["canonical"] for row in read_tsv("judges_titles.tsv")}


def _clean(name: str) -> str | None:
    """The name without title words or stray capitals around it; ALL CAPS turned to Title Case."""
    name = re.sub(r"^(?:OPINION|Opinion)(?=[A-Z])", "", name)  # bulk texts run the heading into the author line
    words = re.sub(r"['’]s$", "", name.replace("*", "")).split()
    while words and words[-1].strip(",").lower() in _SUFFIX_WORDS:
        words.pop()  # "JOHN P. DOE, JR.", "ANA RUIZ IV": the scorer and the key name the person without it
    words = [w.rstrip("-'’") for w in words if w.rstrip("-'’")]  # a line-end hyphen or a stray quote
    verb = next((i for i, w in enumerate(words) if w.lower() in _headline_verbs()), None)
    words = words[:verb]  # "Judge Ana Reyes Blocks Transfer": the headline's verb ends the name
    stop = _not_names()
    while words and words[0].strip(",.").lower() in stop and not re.fullmatch(rf"[{_UP}]\.", words[0]):
        words.pop(0)  # "The", "Before"; never an initial ("A. B. Cee" is not the article "A")
    while words and words[-1].strip(",.").lower() in stop:
        words.pop()
    if not words or all(re.fullmatch(rf"[{_UP}]\.", w) for w in words):
        return None
    if any(ch.isdigit() for ch in name) or any(w.strip(",.").lower() in _disqualifying() for w in name.split()):
        return None  # a docket ("C-16928"), a court ("Ashford Superior"), an adverb ("Accordingly")
    if any(w.strip(",.").lower() in stop for w in words if not re.fullmatch(rf"[{_UP}]\.", w)):
        return None  # "The", "Of" inside a candidate; a middle initial ("Ana A. Ruiz") never disqualifies
    return " ".join(name_case(w) for w in " ".join(words).rstrip(",").split())


def name_case(word: str) -> str:
    """A word of a name printed in capitals, in name case: "ALVAREZ" -> "Alvarez", "McALISTER" -> "McAlister",
    "O'CONNOR" -> "O'Connor"; initials, "II"/"III"/"IV" and words already in mixed case ("DiClerico") stay."""
    letters = [c for c in word if c.isalpha()]
    if re.fullmatch(r"[A-Z]\.", word) or word in _ROMAN or sum(map(str.isupper, letters)) <= len(letters) * 0.6:
        return word
    titled = re.sub(r"(^|['’\-])(\w)", lambda m: m[1] + m[2].upper(), word.lower())
    return re.sub(r"^(Ma?c)(\w)", lambda m: m[1] + m[2].upper(), titled) if word.startswith(("Mc", "Mac")) else titled


_ROMAN = ("II", "III", "IV")
_SUFFIX_WORDS = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
"""A name's generational suffix, never the person's surname."""


def _surname(name: str) -> str:
    words = [w.strip(",") for w in name.split() if w.strip(",").lower() not in _SUFFIX_WORDS]
    return words[-1].lower() if words else ""


class JudgeFinder(Component):
    """Finds JUDGE entities and adds them with `extractors.spans.add_entity`."""

    label = "JUDGE"

    def load(self) -> None:
        self.patterns = _patterns()

    def find(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        news = context(doc).kind == "news"  # court papers put names on Title-Case caption and signature lines
        found = [
            m for m in self._mentions(text)
            if not in_citation(doc, m.start, m.end) and not citation_parenthetical(text, m.start, m.end)
            and not (news and _in_headline_only(text, m))
        ]
        found += _structure_mentions(text, structure_of(doc), found)
        if news:
            found += _reported_authors(text, found)
        best: dict[str, str] = {}
        for m in found:
            best[_surname(m.name)] = _fuller(best.get(_surname(m.name)), m.name)
        courts = entities(doc, "COURT")
        for m in found:
            full = best[_surname(m.name)]
            normalized = {"name": full, "title": m.title}
            court = _court_after(text, courts, m)
            if court:
                normalized["court"] = court
            add_entity(doc, m.start, m.end, "JUDGE", full, normalized)
        return doc

    def _mentions(self, text: str) -> Iterator[Mention]:
        pats = self.patterns
        for m in pats["plural"].finditer(text):  # "Circuit Judges Ana Ruiz, Lee Park and Omar Bell"
            title = _singular(" ".join(m["title"].split()))
            for part in re.finditer(rf"{NAME}", text[m.start("names"):m.end("names")]):
                name = _clean(part[0]) if part[0] != "and" else None
                if name:
                    at = m.start("names") + part.start()
                    yield Mention(at, at + len(part[0]), name, title)
        for m in pats["appositive"].finditer(text):  # "The judge, Ana Ruiz, said"
            name = _clean(m["name"])
            if name:
                yield Mention(m.start("name"), m.end("name"), name, "Judge")
        for m in pats["title_first"].finditer(text):
            if _AGENCY_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue  # "Department of Justice Executive Office"
            name = _clean(m["name"])
            if name:
                title = " ".join(m["title"].split())
                yield Mention(m.start("name"), m.end("name"), name, _canonical_titles().get(title.lower(), title))
        for m in pats["title_after"].finditer(text):
            if not _TITLE_ENDS.match(text, m.end()):
                continue  # "Judge Chhabria" is read by the title-first pattern; "Judge of the Year" is none
            qual = pats["qualifiers"].search(text, max(0, m.start() - 60), m.start())
            title_start = qual.start() if qual else m.start()
            title = " ".join(text[title_start : m.end()].split())
            if title.lower().rstrip("s") in ("judge", "justice") and not _COMMA_BEFORE.search(
                text, max(0, title_start - 4), title_start
            ):
                continue  # a bare "Judge" names someone only as "Ruiz, Judge."
            yield from self._names_before(text, title_start, title, pats["names_before"])
        for m in pats["state_title"].finditer(text):
            title = _STATE_TITLES[re.sub(r"[\s.]", "", m["title"])]
            yield from self._names_before(text, m.start(), title, pats["names_before_comma"])

    def _names_before(self, text: str, end: int, title: str, pattern: re.Pattern[str]) -> Iterator[Mention]:
        window = max(0, end - 200)
        found = pattern.search(text, window, end)
        if not found:
            return
        for m in self.patterns["name"].finditer(text, found.start("names"), found.end("names")):
            if text[m.start() : m.end()] == "and":
                continue
            name = _clean(m[0])
            if name:
                yield Mention(m.start(), m.end(), name, _singular(title))



def _structure_mentions(text: str, structure: Structure, found: list[Mention]) -> list[Mention]:
    """The author line's name and separate opinions' authors, when no title pattern read them: the author
    line is the surest place a judge is named ("GRIFFIN, Acting P. J.", "Justice Lin delivered ...")."""
    out = []
    signer = structure.signer
    if signer and not any(m.start < signer.end and signer.start < m.end for m in found):
        name = _clean(signer.name)
        if name:
            out.append(Mention(signer.start, signer.end, name, _signer_title(signer.title)))
    pieces = ([structure.author] if structure.author else []) + _panel_names(text, structure.panel)
    for piece in pieces:
        if any(m.start < piece.end and piece.start < m.end for m in found):
            continue
        name = _clean(piece.text)
        if name:
            line = text[piece.end: piece.end + 40]
            title = "Justice" if re.search(r"Justice|JUSTICE|\bJ\.|C\.\s?J\.", line + text[max(0, piece.start - 12):
                                                                                          piece.start]) else "Judge"
            out.append(Mention(piece.start, piece.end, name, title))
    return out


_SIGNED_INITIALS = {"D": "U.S. District Judge", "M": "U.S. Magistrate Judge"}


def _signer_title(printed: str) -> str:
    """The canonical title of a signature block's title line ("UNITED STATES DISTRICT JUDGE", "U.S.D.J.")."""
    initials = re.fullmatch(r"(?:U\.?\s?S\.?\s?)?([DM])\.?\s?J\.?", printed)
    if initials:
        return _SIGNED_INITIALS[initials[1]]
    words = " ".join(w if w.isupper() and "." in w else w.capitalize() for w in printed.split())
    words = words.replace(" Court Judge", " Judge").replace(" Court", " Judge").rstrip(".,")
    return _canonical_titles().get(words.lower(), words or "Judge")


_PANEL_LABEL = re.compile(r"\s*(?:Before|BEFORE|Present|PRESENT|Panel|PANEL)\b[:\s]*(?:(?:the\s+)?(?:Honorable\s+)?"
                          r"(?:Judges?|Justices?|JUDGES?|JUSTICES?)\b\s*)?")
_PANEL_END = re.compile(r"\b(?:JJ\.|Judges\b|Justices\b|JUDGES\b|JUSTICES\b)|\.\s+[A-Z][a-z]+\s+[a-z]")
_TITLE_ONLY = re.compile(r"(?:[A-Z]\.[ \t]?){1,3}|JJ|J")


def _panel_names(text: str, panel: tuple[int, int] | None) -> list[Piece]:
    """The names on a panel line ("Before ORTEGA, Chief Judge, and LIN and PARK, Circuit Judges.",
    "Before Judges ORTEGA, LIN and PARK.", "PRESENT: ORTEGA, J.P., LIN, PARK, JJ.")."""
    if panel is None:
        return []
    start, end = panel
    label = _PANEL_LABEL.match(text, start, end)
    body_start = label.end() if label else start
    stop = _PANEL_END.search(text, body_start, end)
    body_end = stop.end() if stop else end
    return [Piece(m.start(), m.end(), m.group()) for m in _patterns()["name"].finditer(text, body_start, body_end)
            if not _TITLE_ONLY.fullmatch(m.group())]


def _singular(title: str) -> str:
    title = " ".join(title.split())
    if title.isupper():
        title = title.title().replace("U.s.", "U.S.")
    return title[:-1] if title.endswith("s") else title


def _fuller(current: str | None, candidate: str) -> str:
    """The better of two forms of one judge's name: more words, then mixed case over converted caps."""
    if current is None:
        return candidate
    return max(current, candidate, key=lambda n: (len(n.split()), not n.isupper()))


def _court_after(text: str, courts: list, mention: Mention) -> str | None:
    """A court the title itself names: "District Judge Ana Ruiz of the Southern District of Iowa"."""
    if not any(w in mention.title for w in ("District", "Circuit", "Magistrate", "Bankruptcy")):
        return None
    for span in courts:
        if 0 <= span.start_char - mention.end <= 120 and re.match(
            r"[\s,]*(?:[\w.]+[ \t]+){0,6}?(?:of|for)\s+the\b", text[mention.end : span.start_char] + " the"
        ):
            return span.kb_id_
    return None


make_judge_component = factory("docketflow_judges", JudgeFinder, requires=["citations", "courts"])
