"""Decisions as the news reports them: "a federal judge ruled Monday that ...", "blocked", "refused to block".

A ruling sentence has a single court or judge as its subject (a JUDGE or COURT mention, or "a federal
judge", "the court") followed by a ruling verb. Plural subjects ("courts have allowed") describe a trend,
not a decision, and past-perfect verbs ("had previously barred") describe an earlier decision.
Sentences that refer back to the decision ("the ruling states", "the court's decision") support it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.records.view import DocView

_SUBJECT = re.compile(
    r"\b(?:a|the|one|another)\s+(?:(?:federal|U\.S\.|district|appeals|appellate|bankruptcy|trial|three-judge|"
    r"divided|state|immigration|Supreme)\s+)*(?:judge|court|panel)\b(?!s\b|['’]s\b)",
    re.I,
)
_VERB = re.compile(
    r"(?P<prior>\bhad\s+(?:previously\s+|earlier\s+|already\s+)?)?\b(?P<verb>ruled|held|concluded|decided|ordered|"
    r"blocked|halted|barred|enjoined|allowed|permitted|lifted|upheld|struck\s+down|vacated|refused\s+to\s+\w+|"
    r"declined\s+to\s+\w+|denied|granted|rejected|paused|stayed|sided\s+with|temporarily\s+blocked)\b",
    re.I,
)
_REFERENCE = re.compile(
    r"\b(?:the|this|that|his|her|its|today's|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's)\s+"
    r"(?:ruling|decision|order|injunction|judge|court|opinion)\b(?!s)|\b(?:court|judge)['’]s\b",
    re.I,
)
_EFFECTIVE = re.compile(
    r"\b(?:may|can|could|will|would|to|shall)\s+(?:begin|resume|start|take\s+effect|go\s+into\s+effect|proceed)\b|"
    r"\beffective\b|\btakes?\s+effect\b",
    re.I,
)
VERB_OUTCOMES: dict[str, tuple[str | None, str | None]] = {
    "blocked": ("preliminary_injunction", "granted"),
    "temporarily blocked": ("temporary_restraining_order", "granted"),
    "halted": ("preliminary_injunction", "granted"),
    "enjoined": ("preliminary_injunction", "granted"),
    "barred": ("preliminary_injunction", "granted"),
    "lifted": ("preliminary_injunction", "vacated"),
    "vacated": (None, "vacated"),
    "upheld": (None, "affirmed"),
    "struck down": (None, "granted"),
    "stayed": ("stay", "stayed"),
    "paused": ("stay", "stayed"),
    "denied": (None, "denied"),
    "rejected": (None, "denied"),
    "granted": (None, "granted"),
}


@dataclass
class Ruling:
    """One decision reported in a news item, with the sentences that report and support it."""

    judge: str | None
    court: str | None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    support: list[tuple[int, int]] = field(default_factory=list)

    @property
    def first(self) -> tuple[int, int]:
        return self.sentences[0]


def _verb_outcome(verbs: list[str]) -> tuple[str | None, str | None]:
    for verb in verbs:
        base = " ".join(verb.lower().split())
        if base.startswith(("refused to", "declined to")):
            return None, "denied"
        if base in VERB_OUTCOMES:
            return VERB_OUTCOMES[base]
    return None, None


def outcome(ruling: Ruling) -> tuple[str | None, str | None]:
    """(motion, disposition) suggested by the ruling verbs, when they suggest one."""
    return _verb_outcome(ruling.verbs)


def _ruling_verb(view: DocView, start: int, end: int) -> tuple[str, str | None, str | None] | None:
    """(verb, judge, court) when the sentence reports a decision by a single judge or court."""
    sentence = view.text[start:end]
    subjects = [(m.start - start, m.end - start) for m in view.within("JUDGE", start, end)]
    subjects += [(m.start - start, m.end - start) for m in view.within("COURT", start, end)]
    subjects += [m.span() for m in _SUBJECT.finditer(sentence)]
    for _, s_end in sorted(subjects):
        verb = _VERB.search(sentence, s_end, min(len(sentence), s_end + 160))
        if verb and not verb.group("prior") and not re.search(r"[.;:]", sentence[s_end: verb.start()]):
            judges = view.keys("JUDGE", start, end)
            courts = view.keys("COURT", start, end)
            return verb.group("verb"), (judges[0] if judges else None), (courts[0] if courts else None)
    return None


def news_rulings(view: DocView) -> list[Ruling]:
    """Rulings a news item reports; mentions of the same (or an unnamed) judge merge into one ruling."""
    rulings: list[Ruling] = []
    for start, end in view.sentences:
        found = _ruling_verb(view, start, end)
        if found is None:
            continue
        verb, judge, court = found
        target = next((r for r in rulings if judge is None or r.judge in (None, judge)), None)
        if target is None:
            target = Ruling(judge, court)
            rulings.append(target)
        target.judge = target.judge or judge
        target.court = target.court or court
        target.sentences.append((start, end))
        target.verbs.append(verb)
    if rulings:
        quoted = {s for r in rulings for s in r.sentences}
        for start, end in view.sentences:
            if (start, end) not in quoted and _REFERENCE.search(view.text[start:end]):
                rulings[0].support.append((start, end))
    judges = {m.key for m in view.mentions("JUDGE")}
    courts = list(dict.fromkeys(m.key for m in view.mentions("COURT")))
    for ruling in rulings:
        if ruling.judge is None and len(judges) == 1:
            ruling.judge = next(iter(judges))
        if ruling.court is None and len(courts) == 1:
            ruling.court = courts[0]
    return rulings


def effective_sentence(view: DocView, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The supporting sentence that says when the decision takes effect, if any."""
    for start, end in sentences:
        if _EFFECTIVE.search(view.text[start:end]) and view.within("DATE", start, end):
            return start, end
    return None


def effective_date(view: DocView, sentence: tuple[int, int]) -> str | None:
    """The date in the effective-date sentence that follows the 'begin/take effect' cue."""
    start, end = sentence
    cue = _EFFECTIVE.search(view.text[start:end])
    dates = view.within("DATE", start, end)
    after = [d for d in dates if cue and d.start - start >= cue.start()]
    chosen = (after or dates)
    return chosen[0].key if chosen else None
