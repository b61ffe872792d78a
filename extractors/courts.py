"""COURT mentions keyed by courts-db id: captions, procedural history and prose, not other cases' citations.

courts-db's own `find_court` scans ~8,400 regexes per call (~10 ms), far too slow to run over text. So a
few cheap regexes, built once per process from courts-db's data, find court-ish phrases; federal
district courts, circuits and abbreviations resolve through indexes built from that same data, and
only the remaining state-court phrases go to `find_court`, memoized on the normalized phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import chain

import courts_db
from docketflow.extractors.component import Component, factory
from docketflow.extractors.court_table import DIRECTIONS, abbrev_key, courts_by_id, district_index, pick, state_names
from docketflow.extractors.courts_db_adapter import find_court
from docketflow.extractors.data import read_tsv
from docketflow.extractors.keyword_start import KeywordStart
from docketflow.extractors.phrase_regex import first_chars, phrase_alternation
from docketflow.extractors.spans import add_entity, context, doc_text, in_citation
from docketflow.extractors.structure import ORDINAL_WORDS, structure_of
from docketflow.extractors.word_start import WordStart
from spacy.tokens import Doc

ORDINALS = (
    list(ORDINAL_WORDS[:11]),
    ["1st", "2d", "3d", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th"],
    ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th"],
)
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_BEFORE_PAREN_CITATION = re.compile(r"(?:\)|\d|\bat|\bsupra|\bid\.)\s*$", re.IGNORECASE)
_NOT_A_COURT_DISTRICT = re.compile(r"(?:Attorney|Defender|Marshal|Attorney's Office)[^\n]{0,40}$")


@dataclass(frozen=True)
class CourtHit:
    """A court phrase and its key; keys starting with "?" wait for the document's home court."""

    start: int
    end: int
    key: str


def citation_parenthetical(text: str, start: int, end: int, reach: int = 300) -> bool:
    """True when `start:end` sits in a parenthesis that belongs to a citation.

    That is a parenthesis holding a year ("(9th Cir. 2019)", "(N.D. Cal. Feb. 21, 2014)") or one that
    follows a citation: a pin cite or another parenthesis ("1474 (stating that the Supreme Court ...)",
    "(2016) (Breyer, J., dissenting)"). The CASE component marks most of these; this also catches the
    ones it misses, cheaply, without a parse.
    """
    depth = 0
    open_at = -1
    for i in range(start - 1, max(-1, start - reach), -1):
        char = text[i]
        if char == ")":
            depth += 1
        elif char == "(":
            if depth == 0:
                open_at = i
                break
            depth -= 1
    if open_at < 0:
        return False
    close_at = text.find(")", end, end + reach)
    inside = text[open_at + 1 : close_at if close_at >= 0 else end]
    if _YEAR.search(inside):
        return True
    return bool(_BEFORE_PAREN_CITATION.search(text[max(0, open_at - 12) : open_at]))


_JUDICIAL_BEFORE = re.compile(
    r"\b(?:District|Magistrate|Bankruptcy|federal)\s+(?:Judge|judge|Court|court)\b[^.;]{0,70}$"
    r"|\b(?:court|judge)\s+in\s+the\s+$"
)
"""Words that make "the District of Columbia" a court, not the city: "U.S. District Judge X of the ...",
"the motion was heard by a judge in the District of Columbia"."""
_JUDICIAL_AFTER = re.compile(r"\s+(?:federal\s+)?(?:district\s+)?(?:judge|court)\b", re.IGNORECASE)
"""... or follow it: "the District of Columbia federal court held"."""
_DC_PROSE = WordStart(r"D\.?\s?C\.?\s+(?:federal\s+)?(?:district\s+)?(?:judge|court)\b", re.IGNORECASE,
                      not_after=".")
"""News shorthand for the district court in Washington: "the D.C. district court", "a DC judge"."""


@cache
def _aliases() -> tuple[re.Pattern[str], dict[str, str]]:
    """Prose names and abbreviations courts-db lacks, from `patterns/courts_aliases.tsv`."""
    rows = read_tsv("courts_aliases.tsv")
    keys = {row["alias"].lower(): row["key"] for row in rows}
    exact = [r["alias"] for r in rows if r["case_sensitive"] == "yes"]
    folded = [r["alias"] for r in rows if r["case_sensitive"] != "yes"]
    pattern = re.compile(
        rf"{first_chars(exact, folded)}(?<![\w.])(?:(?i:{phrase_alternation(sorted(folded, key=len, reverse=True))})|"
        rf"{phrase_alternation(sorted(exact, key=len, reverse=True))})(?![\w])"
    )
    return pattern, keys


@dataclass(frozen=True)
class _Family:
    """One kind of court phrase: a cheap trigger regex plus words that may stand just before and after it.

    Scanning text for a literal trigger ("Supreme Court") and only then trying the state-name
    alternations around each hit is many times faster than one regex that starts with the alternation.
    A trigger whose every match starts with a keyword is scanned from the keywords' positions
    (`KeywordStart`); the others start with a lookahead for their first characters, so a scan skips
    every other position at once (`re` finds no literal prefix in a case-insensitive or word-boundary
    pattern by itself).
    """

    trigger: KeywordStart | re.Pattern[str]
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    needs_before: bool = False

    def finditer(self, text: str) -> Iterator[tuple[int, int, dict[str, str | None]]]:
        """(start, end, named groups) of each phrase, widened by the words around its trigger.

        The trigger's own span is kept as the groups "_start"/"_end" for callers that drop the context.
        """
        for m in self.trigger.finditer(text):
            start, end = m.start(), m.end()
            groups: dict = {name: None for p in (self.before, self.after) if p for name in p.groupindex}
            groups.update(m.groupdict(), _start=start, _end=end)
            if self.before:
                pre = self.before.search(text, max(0, start - 80), start)
                if pre:
                    start = pre.start()
                    groups.update(pre.groupdict())
                elif self.needs_before:
                    continue
            if self.after:
                post = self.after.match(text, end)
                if post:
                    end = post.end()
                    groups.update(post.groupdict())
            yield start, end, groups


@cache
def _cities() -> dict[str, str]:
    """City (lower case) -> the district court that sits there, for cities that seat exactly one
    (court_cities.tsv)."""
    return {row["city"].lower(): row["court"] for row in read_tsv("court_cities.tsv")}


_PROSE_WORDS = ("federal", "district", "u.", "united")
"""The first words of "federal judge", "district court", "U.S. District Court", "United States judge"."""
_FEDERAL_JUDGE = r"(?=[Ff])\bfederal\s+(?:district\s+)?(?:judge|court)\b"


_AND_STATE = r"\s*(?:,|and|or|,\s+and)\s+(?:the\s+)?(?:(?P<dir>Northern|Southern|Eastern|Western|Central|Middle)\s+)?"
"""What joins a second place to the first: "federal judges in Maryland and Massachusetts"."""


_DISTRICT_INITIALS = [f"{letter}." for letter in "NSEWCMD"]
"""What every abbreviated district ("E.D. Cal.", "D. Md.") starts with: its first initial and a period."""


@cache
def _families() -> dict[str, _Family]:
    """The candidate regexes, compiled once per process."""
    states = phrase_alternation(state_names())
    ordinals = "|".join(sorted({o for row in ORDINALS for o in row}, key=len, reverse=True))
    _, by_abbrev = district_index()
    abbrevs = sorted({row["citation_string"] for row in courts_db.courts
                      if row["citation_string"] and abbrev_key(row["citation_string"]) in by_abbrev},
                     key=len, reverse=True)
    abbrev_alt = "|".join(r"\.?\s?".join(re.escape(p) for p in a.rstrip(".").split(".")) for a in abbrevs)
    state_after = (rf"(?:,?\s+(?:of|for)\s+(?:the\s+)?(?:State\s+of\s+|Commonwealth\s+of\s+)?"
                   rf"(?P<post>{states})\b)")
    cities = phrase_alternation(sorted(_cities(), key=len, reverse=True))
    return {
        "district": _Family(
            KeywordStart(rf"(?=[Dd])\bDistrict\s+of\s+(?P<state>{states}|Columbia)\b(?!\s+Circuit)", ["district"],
                         re.IGNORECASE),
            before=re.compile(
                r"(?P<court>(?:United\s+States|U\.\s?S\.|Federal)\s+District\s+Court,?\s+(?:for\s+|of\s+)?"
                r"(?:the\s+)?)?(?:(?P<dir>Northern|Southern|Eastern|Western|Central|Middle)\s+)?$",
                re.IGNORECASE,
            ),
        ),
        "prose": _Family(
            KeywordStart(
                rf"(?=[FfDdUu])\b(?:federal|district|U\.\s?S\.|United\s+States)\s+(?:district\s+)?(?:judge|court)s?\s+"
                rf"(?:for|in)\s+"
                rf"(?:the\s+)?(?:(?P<dir>Northern|Southern|Eastern|Western|Central|Middle)\s+)?(?P<state>{states})\b",
                _PROSE_WORDS, re.IGNORECASE,
            ),
        ),
        # the state before the trigger, not in it: a regex that starts with fifty names is slow to scan
        # a city that seats one district court ("a federal judge in Boston", "The Seattle federal judge")
        "prose_city": _Family(
            KeywordStart(rf"(?=[FfDdUu])\b(?:federal|district|U\.\s?S\.|United\s+States)\s+(?:district\s+)?"
                         rf"(?:judge|court)s?\s+(?:in|for)\s+(?P<city>{cities})\b", _PROSE_WORDS, re.IGNORECASE),
        ),
        "prose_city_first": _Family(
            KeywordStart(_FEDERAL_JUDGE, ["federal"], re.IGNORECASE),
            before=re.compile(rf"\b(?P<city>{cities})(?:-based)?\s+$", re.IGNORECASE),
            needs_before=True,
        ),
        "prose_state_first": _Family(
            KeywordStart(_FEDERAL_JUDGE, ["federal"], re.IGNORECASE),
            before=re.compile(rf"\b(?P<pre>{states})\s+$", re.IGNORECASE),
            needs_before=True,
        ),
        "abbrev": _Family(KeywordStart(rf"(?=[NSEWCMD]\.)(?<![\w.])(?:{abbrev_alt})\.?(?![\w])", _DISTRICT_INITIALS)),
        # a reporter's caption: the district abbreviated, the state spelled out ("E.D. California", "D. Colorado")
        "abbrev_state": _Family(KeywordStart(rf"(?=[NSEWCMD]\.)(?<![\w.])(?:(?P<dir>[NSEWCM])\.\s?)?D\.\s?"
                                             rf"(?P<state>{states})\b", _DISTRICT_INITIALS)),
        "circuit": _Family(
            KeywordStart(r"(?=\s?C)(?:\b(?:Circuit|CIRCUIT)\b|(?<=[\w.])\s?Cir\.|(?<=U\.S\.\s)Court\s+of\s+Appeals\b)",
                         ["C"], space_before=True),
            before=re.compile(
                rf"\b(?:(?P<ord>{ordinals})|(?P<dc>D\.\s?C\.|(?<![\w.])DC|District\s+of\s+Columbia)|(?P<fed>Federal))\s*"
                rf"(?:U\.\s?S\.\s*)?$",
                re.IGNORECASE,
            ),
            needs_before=True,
        ),
        "supreme": _Family(
            KeywordStart(r"(?=[Ss])\b(?P<core>Supreme\s+(?:Judicial\s+)?Court)\b", ["supreme"], re.IGNORECASE),
            before=re.compile(rf"(?:(?P<us>U\.\s?S\.|United\s+States)|(?P<pre>{states})(?:'s)?)\s+$",
                              re.IGNORECASE),
            after=re.compile(
                rf"\s+of\s+(?:the\s+)?(?:(?P<usof>United\s+States)|(?:State\s+of\s+|Commonwealth\s+of\s+)?"
                rf"(?P<post>{states})\b)",
                re.IGNORECASE,
            ),
        ),
        "state": _Family(
            KeywordStart(
                r"(?=[CcSsAa])\b(?P<core>Court\s+of\s+(?:Criminal\s+)?Appeals?|Superior\s+Court|Appellate\s+Court|"
                r"Commonwealth\s+Court)\b",
                ["court", "superior", "appellate", "commonwealth"], re.IGNORECASE,
            ),
            before=re.compile(
                rf"(?:(?P<pre>{states})\s+)?(?:(?P<ord>{ordinals})\s+(?:Appellate\s+)?District\s+)?$",
                re.IGNORECASE,
            ),
            after=re.compile(state_after, re.IGNORECASE),
        ),
    }


@cache
def _second_state() -> re.Pattern[str]:
    return re.compile(rf"{_AND_STATE}(?P<state>{phrase_alternation(state_names())})\b", re.IGNORECASE)


def _ordinal_number(word: str) -> int:
    word = word.lower()
    for row in ORDINALS:
        if word in row:
            return row.index(word) + 1
    raise ValueError(word)


@lru_cache(maxsize=4096)
def _find_court(phrase: str) -> str | None:
    """courts-db's answer for a whole phrase when it is unique (the slow path, memoized)."""
    found = find_court(phrase, bankruptcy="bankruptcy" in phrase.lower())
    return found[0] if len(found) == 1 else None


def _state_of(key: str) -> str | None:
    row = courts_by_id().get(key)
    return row["location"] if row and row["system"] == "state" else None


class CourtFinder(Component):
    """Finds COURT entities and adds them with `extractors.spans.add_entity`."""

    label = "COURT"

    def load(self) -> None:
        self.families = _families()
        self.alias_pattern, self.alias_keys = _aliases()
        self.by_place, self.by_abbrev = district_index()

    def find(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        when = context(doc).anchor_date
        hits = [h for h in self._candidates(text, when) if _counts(doc, text, h)]
        hits += self._caption_hits(structure_of(doc).court_lines, hits, when)
        hits = _drop_nested(hits)
        home = next((h.key for h in hits if not h.key.startswith("?")), None)
        resolved = [(hit, self._resolve(hit.key, home)) for hit in hits]
        narrower = _narrower({key for _, key in resolved if key})
        for hit, key in resolved:
            if key:
                key = narrower.get(key, key)
                root = _root(key)
                normalized = {"name": courts_by_id()[root]["name"].strip()}
                if root != key:
                    normalized["division"] = key
                add_entity(doc, hit.start, hit.end, "COURT", root, normalized)
        return doc

    def _caption_hits(self, lines: list, hits: list[CourtHit], when: date | None) -> list[CourtHit]:
        """The caption's court lines that no phrase regex read ("In The / Court of Appeals / For the /
        Fifth District of Texas", "United States District Court, S.D. Ohio."), resolved as a whole."""
        out = []
        home = next((m.group() for line in lines for m in [_state_pattern().search(line.text)] if m), None)
        for line in lines:
            key = self.caption_key(line.text, when)
            if key is None and home and not _FEDERAL_LINE.search(line.text):
                key = self.caption_key(f"{line.text} of {home}", when)  # "The Twelfth Court of Appeals" in a caption
            if key:
                out.append(CourtHit(line.start, line.end, key))
        return out

    def caption_key(self, phrase: str, when: date | None = None) -> str | None:
        """The court a caption line names: a federal district by its abbreviation ("S.D. Ohio"), else the
        court type and state it names, looked up in courts-db in a canonical word order."""
        phrase = " ".join(phrase.split())
        district = _CAPTION_DISTRICT.search(phrase)
        if district:
            state = next((s for s in state_names() if s.lower() == district["state"].lower()), None)
            if state and "bankruptcy" in phrase.lower():
                where = f"{_DIRECTION_NAMES[district['dir']]} District of " if district["dir"] else "District of "
                return _find_court(f"United States Bankruptcy Court for the {where}{state}")
            court = pick(self.by_place.get(((district["dir"] or "").lower(), (state or "").lower()), []), when)
            if court:
                return court.id
        state_match = _state_pattern().search(phrase)
        kind = next((name for pattern, name in _CAPTION_TYPES if pattern.search(phrase)), None)
        if not state_match or not kind:
            return None
        state = " ".join(state_match.group().split()).title().replace(" Of ", " of ")
        return next(filter(None, (_find_court(form) for form in kind.format(state=state).split("|"))), None)

    def _candidates(self, text: str, when: date | None) -> Iterator[CourtHit]:
        fam = self.families
        for m in self.alias_pattern.finditer(text):
            yield CourtHit(m.start(), m.end(), self.alias_keys[" ".join(m[0].split()).lower()])
        for start, end, g in fam["district"].finditer(text):
            state = " ".join(g["state"].split()).lower()
            if state == "columbia" and not (g["court"] or _JUDICIAL_BEFORE.search(text[max(0, start - 90) : start])
                                            or _JUDICIAL_AFTER.match(text, end)):
                continue
            if _NOT_A_COURT_DISTRICT.search(text, max(0, start - 60), start):
                continue
            court = pick(self.by_place.get((DIRECTIONS.get((g["dir"] or "").lower(), ""), state), []), when)
            if court:
                yield CourtHit(start, end, court.id)
        yield from self._prose(text, when)
        for start, end, _ in fam["abbrev"].finditer(text):
            court = pick(self.by_abbrev.get(abbrev_key(text[start:end]), []), when)
            if court:
                yield CourtHit(start, end, court.id)
        for start, end, g in fam["abbrev_state"].finditer(text):
            court = pick(self.by_place.get(((g["dir"] or "").lower(), " ".join(g["state"].split()).lower()), []),
                          when)
            if court:
                yield CourtHit(start, end, court.id)
        for start, end, g in fam["circuit"].finditer(text):
            key = f"ca{_ordinal_number(g['ord'])}" if g["ord"] else "cadc" if g["dc"] else "cafc"
            yield CourtHit(start, end, key)
        for start, end, g in fam["supreme"].finditer(text):
            yield from self._supreme(start, end, g)
        for start, end, g in fam["state"].finditer(text):
            yield from self._state_court(start, end, g)

    def _prose(self, text: str, when: date | None) -> Iterator[CourtHit]:
        """News prose for a district court: "a federal judge in Massachusetts", "The Maryland federal judge",
        "U.S. District Court for Southern Ohio", "the D.C. district court". A state named without a
        direction counts only when it has a single federal district ("a federal judge in Texas" does not)."""
        families = self.families
        for start, end, g in chain(families["prose"].finditer(text), families["prose_state_first"].finditer(text)):
            state = " ".join((g.get("state") or g["pre"]).split()).lower().removeprefix("district of ")
            direction = DIRECTIONS.get((g.get("dir") or "").lower(), "")
            if not direction and any(d and s == state for d, s in self.by_place):
                continue
            court = pick(self.by_place.get((direction, state), []), when)
            if court:
                yield CourtHit(start, end, court.id)
                yield from self._second_place(text, end, when)
        for start, end, g in chain(families["prose_city"].finditer(text), families["prose_city_first"].finditer(text)):
            yield CourtHit(start, end, _cities()[" ".join(g["city"].split()).lower()])
        for m in _DC_PROSE.finditer(text):
            yield CourtHit(m.start(), m.end(), "dcd")

    def _second_place(self, text: str, end: int, when: date | None) -> Iterator[CourtHit]:
        """The second state of a plural phrase ("federal judges in Maryland and Massachusetts"), under the same
        rule as the first: one with a single district, or with its direction."""
        m = _second_state().match(text, end)
        if m is None:
            return
        state, direction = " ".join(m["state"].split()).lower(), DIRECTIONS.get((m["dir"] or "").lower(), "")
        if not direction and any(d and s == state for d, s in self.by_place):
            return
        court = pick(self.by_place.get((direction, state), []), when)
        if court:
            yield CourtHit(m.start("state"), m.end(), court.id)

    def _supreme(self, start: int, end: int, g: dict) -> Iterator[CourtHit]:
        if g["us"] or g["usof"]:
            yield CourtHit(start, end, "scotus")
        elif g["pre"] or g["post"]:
            state = " ".join((g["pre"] or g["post"]).split()).title().replace(" Of ", " of ")
            key = _find_court(f"{state} {' '.join(g['core'].title().split())}")
            if key:
                yield CourtHit(start, end, key)
        elif g["core"] in ("Supreme Court", "SUPREME COURT"):
            yield CourtHit(g["_start"], g["_end"], "?supreme")

    def _state_court(self, start: int, end: int, g: dict) -> Iterator[CourtHit]:
        core = " ".join(g["core"].split())
        state = g["pre"] or g["post"]
        if state:
            state = " ".join(state.split())
            phrase = f"{core} of {state}" if g["post"] else f"{state} {core}"
            if g["ord"]:
                phrase = f"{core}, {g['ord'].title()} District, {state}"
            key = _find_court(phrase)
            if key:
                yield CourtHit(start, end, key)
        elif core in ("Court of Appeal", "COURT OF APPEAL"):
            suffix = f"@{_ordinal_number(g['ord'])}" if g["ord"] else ""
            yield CourtHit(start, end, f"?appeal{suffix}")

    def _resolve(self, key: str, home: str | None) -> str | None:
        """Settle the keys that depend on the document's own court (its first court mention)."""
        if not key.startswith("?"):
            return key
        home_state = _state_of(home) if home else None
        if key == "?supreme":
            return None if home_state else "scotus"
        if home_state:
            ordinal = key.partition("@")[2]
            if ordinal:
                word = ORDINALS[0][int(ordinal) - 1].title()
                found = _find_court(f"Court of Appeal, {word} District, {home_state}")
                if found:
                    return found
            return _find_court(f"Court of Appeal of {home_state}")
        return None


_FEDERAL_LINE = re.compile(r"\b(?:United\s+States|UNITED\s+STATES|U\.\s?S\.|Federal|FEDERAL|Circuit|CIRCUIT|"
                           r"District\s+of|DISTRICT\s+OF)\b")
"""A federal court line never takes the state of the caption's other lines."""
_CAPTION_DISTRICT = re.compile(r"\b(?:(?P<dir>[NSEWCM])\.\s?)?D\.\s?(?P<state>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
_DIRECTION_NAMES = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "C": "Central", "M": "Middle"}
_CAPTION_TYPES = tuple((re.compile(pattern, re.I), canonical) for pattern, canonical in (
    (r"superior\s+court.*appellate\s+division|appellate\s+division.*superior\s+court",
     "Superior Court of {state}, Appellate Division"),
    (r"appellate\s+division", "Supreme Court of {state}, Appellate Division"),
    (r"court\s+of\s+criminal\s+appeals?", "Court of Criminal Appeals of {state}"),
    (r"court\s+of\s+civil\s+appeals?", "Court of Civil Appeals of {state}"),
    (r"court\s+of\s+special\s+appeals?", "Court of Special Appeals of {state}"),
    (r"district\s+court\s+of\s+appeal", "District Court of Appeal of {state}"),
    (r"intermediate\s+court\s+of\s+appeals", "Intermediate Court of Appeals of {state}"),
    (r"court\s+of\s+appeals?", "Court of Appeals of {state}|Court of Appeal of {state}"),
    (r"appellate\s+court", "Appellate Court of {state}"),
    (r"supreme\s+(?:judicial\s+)?court", "Supreme Court of {state}"),
    (r"commonwealth\s+court", "Commonwealth Court of {state}"),
    (r"superior\s+court", "Superior Court of {state}"),
))
"""Court types a state caption names, most specific first, each with the word order courts-db knows
("Court of Appeals, Ninth District, Ohio" in a caption -> "Court of Appeals of Ohio")."""


@cache
def _state_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrase_alternation(state_names())})\b", re.IGNORECASE)


def _root(key: str) -> str:
    """A state court's top-level court system ("ohctapp8" -> "ohioctapp"): divisions and districts of one
    appellate court share its key; the division stays in `normalized`."""
    courts = courts_by_id()
    row = courts.get(key)
    while row and row["system"] == "state" and row.get("parent") in courts:
        key = row["parent"]
        row = courts[key]
    return key


def _counts(doc: Doc, text: str, hit: CourtHit) -> bool:
    """False for courts named only in another case's citation or name ("Kaplan v. Superior Court").

    `text` is `doc.text`, passed in because spaCy rebuilds that string on every access.
    """
    if in_citation(doc, hit.start, hit.end) or citation_parenthetical(text, hit.start, hit.end):
        return False
    return not text[max(0, hit.start - 4) : hit.start].endswith(("v. ", "v.\n"))


def _narrower(keys: set[str]) -> dict[str, str]:
    """Parent court -> its one child named in the same document.

    "The Court of Appeal" in an opinion that also names the "Fifth District Court of Appeal" is that
    district, not the statewide court system.
    """
    children: dict[str, list[str]] = {}
    for key in keys:
        parent = courts_by_id()[key].get("parent")
        if parent in keys:
            children.setdefault(parent, []).append(key)
    return {parent: kids[0] for parent, kids in children.items() if len(kids) == 1}


def _drop_nested(hits: list[CourtHit]) -> list[CourtHit]:
    """Text order; a phrase overlapping an earlier, longer one ("District of Columbia Circuit") is dropped."""
    hits = sorted(set(hits), key=lambda h: (h.start, -h.end))
    kept: list[CourtHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


make_court_component = factory("docketflow_courts", CourtFinder, requires=["citations"])
