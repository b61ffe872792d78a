"""What an appellate decision does to the data sharing at issue, read from the order below and the decision.

An appeals court rules on an order, not on the sharing: "AFFIRMED" of an injunction that bars a transfer leaves
the transfer barred, "REVERSED" of it lets the transfer through. So the effect of an appellate decision (an
opinion's disposition of an appeal, or an order on a stay pending appeal) is read from two places: the opening
sentence that says what is appealed ("The agencies appeal the district court's order granting a preliminary
injunction against ...") or what the court below did ("The district court enjoined ..."), which gives the lower
ruling, and the decision's own disposition:

| lower order                | decision                                   | effect                      |
|----------------------------|--------------------------------------------|-----------------------------|
| injunction granted         | affirmed; a stay denied                    | barred                      |
| injunction granted in part | affirmed; a stay denied                    | limited                     |
| injunction (in any part)   | affirmed in part, vacated/reversed in part | limited                     |
| injunction (in any part)   | reversed, vacated; a stay granted          | permitted                   |
| injunction denied          | affirmed                                   | permitted                   |
| injunction denied          | reversed                                   | barred                      |

The data categories come from the same sentences: what the sentences naming the order below name takes that
order's side (barred under an injunction, let through under its denial), turned over when the decision undoes the
order; what a later sentence of the majority names takes the side of the court's stance in that clause, sentence
or paragraph ("did not abuse its discretion" keeps the order below, "we vacate that portion" undoes it), and wins
over the order's side. A decision whose disposition says nothing of the order below (an appeal dismissed, a bare
remand), or whose order below is not injunctive relief, is left to the general reading of its decretal sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from docketflow.extractors.records.cues import cue_table
from docketflow.extractors.records.data_split import clauses
from docketflow.extractors.records.decisions import Decision
from docketflow.extractors.records.view import DocView

_APPEALED = re.compile(r"(?<!\bon\s)(?<!\bupon\s)\b(?:appeals?|appealed|appeal(?:ing)?\s+(?:of|from)|"
                       r"challeng(?:es|ed|ing)|seek(?:s|ing)?\s+review\s+of)\s+(?:from\s+|of\s+)?"
                       r"(?:(?:the|a|an|this|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?"
                       r"(?:order|judgment|decision|ruling|grant|denial|refusal|injunction|preliminary|temporary|"
                       r"permanent)\b", re.I)
"""What is appealed: an order, ruling or injunction ("the agencies appeal the district court's order", "a stay
pending appeal of the preliminary injunction"); never a case "on appeal" or a former appeal "upon appeal"."""
_BELOW = re.compile(r"\b(?:the\s+)?district\s+court(?:['’]s\s+(?:order|decision|ruling))?\s+"
                    r"(?:(?:preliminarily|temporarily|permanently)\s+)?"
                    r"(?:enjoined|granted|denied|entered|issued|refused|declined)\b", re.I)
"""A sentence that says what the district court did, the other way a stay order names the order below."""
LOWER_REACH = 4000
"""The sentence naming the order under review opens the body (later ones tell the history of the case)."""
_RELIEF = re.compile(r"\b(?:(?:preliminary|permanent)\s+)?(?:injunction|injunctive\s+relief)\b|"
                     r"\btemporary\s+restraining\s+order\b|\benjoin(?:ing|ed|s)?\b", re.I)
_PART = re.compile(r"\b(?:grant(?:ing|ed)\s+in\s+part|partially\s+grant(?:ing|ed)|partial\s+(?:preliminary\s+)?"
                   r"injunction)\b", re.I)
_OTHER_SUBJECT = re.compile(r"summary[\s-]+judgment|\b(?:suit|action|complaint|class|dismiss(?:al|ing|ed)|conviction|"
                            r"sentence)\b", re.I)
"""What an appealed order decides before naming an injunction is its subject instead ("summary judgment in a suit
for injunctive relief", "dismissal of the union's suit seeking to enjoin")."""
_RULING = re.compile(r"\b(?P<denied>denying|denial\s+of|denied|refus(?:ing|al|ed)\s+to|declin(?:ing|ed)\s+to)\b|"
                     r"\b(?P<granted>granting|granted|entering|entered|issuing|issued|imposing|imposed)\b", re.I)
RELIEF_REACH = 250
"""How far after the appeal word the relief appealed from must be named."""
_CITATION = re.compile(r"\s*(?:See|Cf\.|Compare|But\s+see|Accord|E\.g\.)\b|\s*\(")
"""A citation sentence or parenthetical: another case's words, never this court's stance."""
_ARGUED = re.compile(r"\b(?:argu(?:e|es|ed|ing)|contend(?:s|ed|ing)?|asserts?|asserted|urg(?:e|es|ed)|"
                     r"insist(?:s|ed)?|maintain(?:s|ed))\b", re.I)
"""A party's argument ("the agencies contend the court erred") is not the court's stance."""
_IN_PART = re.compile(r"\bin\s+part\b", re.I)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
PARAGRAPH_REACH = 3000
"""A stretch between blank lines longer than this is not one paragraph (a text without blank lines): a
sentence's stance then comes from itself only."""
Stance = tuple[int, int, str | None]
"""(start, end, stance) of a clause: 'upheld', 'undone' or None."""
_LOWER_EFFECT = {"granted": "barred", "granted_in_part": "limited", "denied": "permitted"}
_OTHER_SIDE = {"barred": "permitted", "permitted": "barred"}


@dataclass(frozen=True)
class Lower:
    """The order under review as the appealed sentence states it."""

    ruling: str
    """'granted', 'granted_in_part' or 'denied': what the court below did with the injunction sought."""
    start: int
    end: int
    described: tuple[tuple[int, int], ...] = ()
    """Later sentences of the opening that say what the court below did ("The district court enjoined the agency
    from disclosing ..."): the order's content when the appealed sentence only names it."""

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The appealed sentence and the sentences describing the order below."""
        return ((self.start, self.end), *self.described)

    @property
    def side(self) -> str:
        """Where the order below put the data it names: barred under an injunction, let through under a denial."""
        return "permitted" if self.ruling == "denied" else "barred"


@dataclass
class AppealReading:
    """What an appellate decision does to the sharing: its effect, and per sentence the categories on each side."""

    effect: str
    lower: Lower
    sides: dict[tuple[int, int], tuple[list[str], list[str]]] = field(default_factory=dict)
    """(start, end) of each sentence read -> (permitted, barred) category keys."""


def lower_order(view: DocView, start: int, end: int) -> Lower | None:
    """The order under review, from the first sentence of the majority's opening in [start, end) that says what is
    appealed and names injunctive relief; never a sentence about another case (one that names a case or is a
    citation). Later sentences of the opening that say the court below ruled the same way describe the order."""
    found: Lower | None = None
    described = []
    for s, e in view.sentences.bounds[view.sentences.index_at(start):]:
        if s >= min(end, start + LOWER_REACH):
            break
        if s < start or view.within("CASE", s, e) or _CITATION.match(view.text, s):
            continue
        sentence = view.text[s:e]
        below = _BELOW.search(sentence)
        ruling = _ruling(sentence[below.start():]) if below else None
        if found is None:
            ruling = _appealed_ruling(sentence) or ruling
            found = Lower(ruling, s, e) if ruling else None
        elif ruling and (ruling == "denied") == (found.ruling == "denied"):
            described.append((s, e))
    return replace(found, described=tuple(described)) if found else None


def _appealed_ruling(sentence: str) -> str | None:
    for match in _APPEALED.finditer(sentence):
        ruling = _ruling(sentence[match.start():match.start() + RELIEF_REACH])
        if ruling:
            return ruling
    return None


def _ruling(words: str) -> str | None:
    """What the court below did with the relief the words name: the last ruling word before the relief ("order
    granting in part the States' application for a preliminary injunction"); when none precedes it, the relief
    itself ("the preliminary injunction", "the order enjoining ...")."""
    relief = _RELIEF.search(words)
    if relief is None:
        return None
    before = words[:relief.start()]
    if _OTHER_SUBJECT.search(before):
        return None
    if _PART.search(words[:relief.end()]):
        return "granted_in_part"
    rulings = list(_RULING.finditer(before))
    if rulings and rulings[-1].group("denied"):
        return "denied"
    return "granted"


def appeal_effect(lower: Lower, decision: Decision, verbs: str) -> tuple[str, str] | None:
    """(effect on the sharing, review) of a decision given the order below (see the module's table): review is
    'upheld' when the decision leaves the order standing, 'undone' when it sets it aside or stays it, 'mixed'
    when it does each in part; None when its disposition says nothing about that order."""
    disposition = decision.disposition
    if decision.motion == "stay" or disposition == "stayed":
        if disposition in ("granted", "stayed"):
            return ("permitted", "undone") if lower.side == "barred" else None
        if disposition == "granted_in_part":
            return "limited", "mixed"
        return (_LOWER_EFFECT[lower.ruling], "upheld") if disposition == "denied" else None
    if disposition == "affirmed":
        return _LOWER_EFFECT[lower.ruling], "upheld"
    if disposition in ("other", "granted_in_part") and _IN_PART.search(verbs):
        return "limited", "mixed"
    if disposition in ("reversed", "vacated"):
        if lower.side == "barred":
            return "permitted", "undone"
        return ("barred", "undone") if disposition == "reversed" else None
    return None


def _stance(text: str, start: int, end: int, allowed: frozenset[str]) -> str | None:
    """The court's stance in text[start:end]: its first review cue, unless inside a parenthetical (a citation's
    words) or after a party's argument ("the agencies contend that the court erred")."""
    words = text[start:end]
    found = [(m.start(), label) for pattern, label in cue_table("review") for m in [pattern.search(words)] if m]
    if not found:
        return None
    at, label = min(found)
    before = words[:at]
    if label not in allowed or before.count("(") > before.count(")") or _ARGUED.search(before):
        return None
    return label


def _sentence_stances(view: DocView, start: int, end: int, allowed: frozenset[str]) -> list[Stance]:
    """(start, end, stance) of each clause of a sentence; a clause with no cue of its own takes the stance of the
    clause before it, one opened by "except" the opposite one."""
    out: list[Stance] = []
    previous = None
    for s, e, reverses in clauses(view.text[start:end]):
        stance = _stance(view.text, start + s, start + e, allowed)
        if stance is None and reverses and previous:
            stance = "undone" if previous == "upheld" else "upheld"
        stance = stance or previous
        out.append((start + s, start + e, stance))
        previous = stance
    return out


def _paragraph_stance(view: DocView, start: int, end: int, allowed: frozenset[str]) -> str | None:
    """The one stance the sentences of the paragraph holding [start, end) take, if they take one."""
    text = view.text
    breaks = [m.end() for m in _PARAGRAPH.finditer(text, max(0, start - PARAGRAPH_REACH), start)]
    after = _PARAGRAPH.search(text, end, end + PARAGRAPH_REACH)
    opening = breaks[-1] if breaks else 0 if start <= PARAGRAPH_REACH else None
    closing = after.start() if after else len(text) if len(text) - end <= PARAGRAPH_REACH else None
    if opening is None or closing is None:
        return None
    found = set()
    for s, e in view.sentences.bounds[view.sentences.index_at(opening):]:
        if s >= closing:
            break
        if s >= opening and not _CITATION.match(text, s):
            found |= {stance for *_, stance in _sentence_stances(view, s, e, allowed) if stance}
    return found.pop() if len(found) == 1 else None


def appeal_reading(view: DocView, decision: Decision, start: int, end: int) -> AppealReading | None:
    """What an appellate decision does to the sharing, from the majority opinion in [start, end); None when it
    names no injunctive order below or its disposition says nothing of it."""
    if decision.motion not in ("appeal", "stay") and decision.disposition != "stayed":
        return None
    lower = lower_order(view, start, end)
    if lower is None or not any(view.within("AGENCY", s, e) or view.within("DATA_CATEGORY", s, e)
                                for s, e in lower.spans):
        return None  # an order about something else than agencies' handling of personal data
    found = appeal_effect(lower, decision, view.text[decision.start:decision.end])
    if found is None:
        return None
    effect, review = found
    reading = AppealReading(effect, lower)
    undone = review == "undone"
    for s, e in lower.spans:
        keys = [m.key for m in view.within("DATA_CATEGORY", s, e)]
        reading.sides[(s, e)] = (keys, []) if (lower.side == "permitted") != undone else ([], keys)
    allowed = frozenset({"upheld", "undone"}) if review == "mixed" else frozenset({review})
    for s, e in view.sentences.bounds[view.sentences.index_at(start):]:
        if s >= end:
            break
        if s < start or (s, e) in lower.spans or _CITATION.match(view.text, s):
            continue
        if view.within("DATA_CATEGORY", s, e):
            permitted, barred = _sentence_sides(view, s, e, allowed, lower.side)
            if permitted or barred:
                reading.sides[(s, e)] = (permitted, barred)
    return _resolved(reading)


def _sentence_sides(view: DocView, start: int, end: int, allowed: frozenset[str],
                    lower_side: str) -> tuple[list[str], list[str]]:
    """(permitted, barred) categories of one sentence of the majority, each on the side of the stance of its
    clause, else of its paragraph: the order below's side where the court upholds it, the other where it
    undoes it; a category under no stance is left out (background, a party's argument)."""
    stances = _sentence_stances(view, start, end, allowed)
    paragraph = None if any(stance for *_, stance in stances) else _paragraph_stance(view, start, end, allowed)
    permitted: list[str] = []
    barred: list[str] = []
    for mention in view.within("DATA_CATEGORY", start, end):
        stance = next((st for a, b, st in stances if a <= mention.start < b), None) or paragraph
        if stance:
            side = lower_side if stance == "upheld" else _OTHER_SIDE[lower_side]
            (permitted if side == "permitted" else barred).append(mention.key)
    return permitted, barred


def _resolved(reading: AppealReading) -> AppealReading:
    """A category the majority's own sentences place wins over the order below's placing of it."""
    lower = reading.lower.spans
    placed = {key for span, (p, b) in reading.sides.items() if span not in lower for key in (*p, *b)}
    for span in lower:
        permitted, barred = reading.sides[span]
        reading.sides[span] = ([k for k in permitted if k not in placed], [k for k in barred if k not in placed])
    return reading
