"""Decisions as the news reports them, each an event: who decided, what, about which data, and when.

A report names a decision in three ways. An *act* is a clause whose subject is a court or judge (a
JUDGE or COURT mention, "a federal judge", "the justices", a judge's bare surname, "she" after a judge)
and whose verb is a court's act ("granted a preliminary injunction", "rejected a bid to bar", "lifted
the injunction"), or the passive "the transfers were halted by a judge in Ohio on Friday". A *reference*
is a decision noun with its date or judge ("The judge's Tuesday ruling", "The Friday order", "the order
issued today by Judge X"). An *earlier* decision is a dated decision noun another act works on ("prolonged
its June 3 restraining order", "set aside the injunction entered in April").

Acts open or join decisions; references and earlier decisions join them afterwards. Two events are the
same decision when their deciders agree and their dates do not differ; "another judge", "a different
court" or "the lower court" opens a new one. Past-perfect acts ("had earlier issued") are background and
count nowhere. A decision is reported as a holding only when the report dates it, unless the report dates
none of its decisions (then each undated one stands).

What the decision does to the sharing comes from the court's act and its object: granting an injunction
bars, granting a stay or lifting an injunction lets the sharing through, refusing a request to bar lets it
through, vacating a policy bars it. What an agency did or what a party asked is never the decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from docketflow.extractors.data import read_jsonl
from docketflow.extractors.records.cues import first_label
from docketflow.extractors.records.data_split import clause_polarity, sentence_polarity
from docketflow.extractors.records.view import DocView, Mention

_DISPOSITION = {"grant_in_part": "granted_in_part", "deny": "denied", "stay": "stayed", "grant": "granted",
                "dismiss": "dismissed", "vacate": "vacated", "reverse": "reversed", "affirm": "affirmed",
                "extend": "modified", "bar": "granted", "allow": None, "rule": None}
_APPEAL_DISPOSITIONS = frozenset({"denied", "affirmed", "reversed", "vacated"})
_FLIP = {"barred": "permitted", "permitted": "barred"}

_GENERIC = re.compile(
    r"\b(?:(?P<det>a|an|the|one|another|two|a\s+pair\s+of|both)\s+|(?=(?:lower|appeals|appellate|district)\s))(?P<mods>(?:(?:different|separate|second|lower|"
    r"earlier|same|federal|U\.S\.|district|appeals|appellate|trial|three-judge|divided|Supreme|highest|nation['’]s|"
    r"(?-i:[A-Z][a-z]+)|bankruptcy|circuit)[\s-]+){0,4})(?P<noun>judges?|courts?|panel|justices|appeals\s+court)\b"
    r"(?!['’]s)|\bthe\s+nation['’]s\s+highest\s+court\b",
    re.I,
)
"""A court or judge named by description: "a federal judge", "A federal appeals court", "the justices",
"another judge", "two federal judges", "The Maryland federal judge"."""
_DISTINCT = re.compile(r"\b(?:another|different|separate|second|lower|earlier)\b", re.I)
_APPELLATE = re.compile(r"\b(?:appeals?|appellate|circuit|panel|justices|supreme|highest)\b", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3}
_ORDINAL = re.compile(r"\bthe\s+(?P<n>first|second|third)\s+(?:order|ruling|decision)\b", re.I)
"""One of several decisions reported together ("handed down two orders ... the second order paused ...")."""
_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.)+|\bv\.|\bNo\.")
"""Periods that do not end a clause ("The other order, in U.S. Mint v. Doe, No. 4, paused ...")."""
_PRONOUN = re.compile(r"\b(?P<p>[Ss]he|[Hh]e)\s+")
_PRONOUN_LEAD = re.compile(r"(?:^|[.;,:]|\band|\bbut|\bthen|\bbecause)\s*$")
"""What may stand before a pronoun that is a clause's subject: nothing, a comma, "and", "but"."""
_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+|also\s+|earlier\s+|already\s+)*$", re.I)
"""An act in the past perfect ("had earlier barred") is background that counts nowhere."""
_PRIOR = re.compile(r"\b(?:previously|earlier|initially|originally|first)\s+$", re.I)
"""An act told as the decision before the news ("initially ordered", "first blocked"): its own decision."""
_EARLIER_OBJECT = re.compile(r"^\W*(?:the|an?|its|his|her)\s+(?:earlier|initial|original|first|previous|prior)\s+"
                             r"(?:ruling|order|decision|injunction|restraining\s+order|TRO)\b", re.I)
"""The act's object is itself an earlier decision ("who issued the initial ruling")."""
_GAP_OK = re.compile(
    r"^(?:,?\s*(?:who|which|that)\s+)?(?:[^.;:]{0,90}?)$"
)
_PASSIVE = re.compile(
    r"\b(?:(?P<aux>was|were|has\s+been|have\s+been|had\s+been|is|are)|(?P<noun>injunction|order|TRO|ruling))\s+"
    r"(?:(?:also|temporarily|partially|formally|"
    r"preliminarily|then|later)\s+)*(?P<verb>barred|blocked|halted|enjoined|dismissed|converted\s+to|vacated|"
    r"struck\s+down|lifted|extended|granted|issued|entered|denied|stayed|paused)\b(?P<by>[^.;]{0,40}?\bby\s+)?",
    re.I,
)
_PASSIVE_ACTS = {"barred": "bar", "blocked": "bar", "halted": "bar", "enjoined": "bar", "paused": "bar",
                 "dismissed": "dismiss", "converted to": "grant", "vacated": "vacate", "struck down": "vacate",
                 "lifted": "vacate", "extended": "extend", "granted": "grant", "issued": "grant", "entered": "grant",
                 "denied": "deny", "stayed": "stay"}
_COURT_NOUN = re.compile(
    r"\b(?:temporary\s+restraining\s+order|TRO|(?:preliminary\s+)?injunction|order|ruling|decision|opinion|"
    r"lawsuit|suit|case|motion|request|stay)s?\b", re.I)
_ORDER_OBJECT = re.compile(
    r"^\W*(?:(?:a|an|the|its|his|her|their|that|this|lower[- ]court|district[- ]court|trial|federal|\w+['’]s|"
    r"(?:a\s+)?(?:lower|district|trial)\s+court['’]s|earlier|previous|prior|own|block|ban|temporary|preliminary|"
    r"nationwide|administrative|[A-Z][a-z]+\s+\d{1,2}|\d{1,2})\s+){0,5}"
    r"(?:injunctions?|restraining\s+orders?|TROs?|orders?|blocks?|bans?|rulings?|stays?|decisions?)\b", re.I)
"""The object of the act is another order ("lifted the injunction", "paused a trial judge's temporary
order", "undid the ban"): acting on it reverses what that order did."""
_REQUEST_OBJECT = re.compile(
    r"^\W*(?:(?:a|an|the|their|its|two|emergency|new)\s+){0,3}(?:requests?|bids?|motions?|challenges?|"
    r"applications?|petitions?|attempts?|efforts?|demands?)\b(?P<rest>[^.;]{0,160})", re.I)
_RULING_OBJECT = re.compile(r"^\W*(?:(?:a|an|the|its|two|three|both|\w+-page|brief|unsigned|written|separate)\s+){0,4}"
                            r"(?:rulings?|decisions?|opinions?|orders?)\b", re.I)
_GOVERNMENT_ASKS = re.compile(r"^\s*(?:by|from)\s+the\s+(?:Trump\s+|Biden\s+)?(?:administration|government|"
                              r"Justice\s+Department|Department\s+of\s+Justice)", re.I)
_DECISION_REF = re.compile(
    r"\b(?P<head>(?:the\s+(?-i:(?:[A-Z][\w.]*\s+){0,3}(?:Court|Circuit))['’]s|"
    r"the|this|that|his|her|its|today['’]s|(?-i:[A-Z][a-z]+day)['’]s|the\s+(?:judge|court)['’]s"
    r"(?:\s+(?-i:[A-Z][a-z]+day))?|(?P<owner>(?-i:[A-Z][\w'’-]*[a-z]))['’]s"
    r"(?:\s+(?-i:[A-Z][a-z]+day))?|the\s+(?-i:[A-Z][a-z]+day)|a|an)\s+)(?:(?:\w+-page|brief|unsigned|new|written|"
    r"first|second|latest|(?P<prior>earlier|initial|prior|previous|original))\s+)*"
    r"(?P<noun>ruling|decision|order|opinion|injunction)\b(?!s)",
    re.I,
)
_BY_ACTOR = re.compile(r"^\s*(?:issued\s+)?(?:\w+\s+){0,2}by\s+$", re.I)
_NOT_DECIDED = re.compile(r"\b(?:until|through|by|since|starting|beginning|effective|from|after|before|till)\s+"
                          r"(?:\w+\s+)?$", re.I)
_EFFECTIVE_CUE = re.compile(r"\b(?:starting|beginning|effective|takes?\s+effect|(?:may|can|will|would|to)\s+"
                            r"(?:begin|resume|start|take\s+effect|go\s+into\s+effect))\b[^.;]{0,30}$", re.I)
_EARLIER_NOUN = re.compile(
    r"\b(?P<motion>temporary\s+restraining\s+order|TRO|preliminary\s+injunction|injunction|stay)\b(?:\s+\(TRO\))?"
    r"(?P<issued>\s+(?:issued|entered|granted)\s+(?:on\s+|in\s+)?)?", re.I)
_TAKES_EFFECT = re.compile(r"[\s,]*(?:the\s+)?(?:new\s+|latest\s+)?(?:order|ruling|decision|injunction|it)\s+"
                           r"(?:will\s+|is\s+set\s+to\s+|would\s+)?(?:take|takes|go|goes)\s+(?:into\s+)?effect", re.I)
"""A date that the words after it make the start of the order ("On May 4, the new order takes effect")."""
_STATUS = re.compile(r"\b(?:is|are|remains?)\s+(?:\w+ly\s+)?(?:barred|blocked|prohibited|enjoined|allowed|"
                     r"permitted|protected|free|restrained)\b|\bremains?\s+(?:protected|blocked|in\s+place)", re.I)
"""A sentence that states what the decision leaves in force ("The bureau is now barred from ...")."""
_STAMP = re.compile(r"\W*(?:date|updated|published|posted)?\W*", re.I)
_COURT_LEAD = re.compile(r"\b(?:a|the|an)\s+(?:(?:federal|U\.S\.)\s+)*(?:judge|court)s?\s+(?:in|for)\s+(?:the\s+)?$",
                         re.I)
"""The words before a court that make it the subject: "a federal judge in [the District of Maryland]"."""
_SAYS_WHAT = re.compile(
    r"\b(?:the|this|that|his|her|its)\s+(?:new\s+|latest\s+)?(?:ruling|decision|order|injunction)\b[^;]{0,80}?\b(?:states\s+that|says|permits?|"
    r"allows?|blocks?|bars?|halts?|lifts?|requires?|prohibits?|lets?|takes?\s+effect)\b|"
    r"\bunder\s+(?:a|the)\s+(?:preliminary\s+)?(?:injunction|order)\b", re.I)
"""A sentence that says what the decision does ("The order, issued in a suit by two unions, bars ...")."""
_ASIDE = re.compile(r"\s*(?:[—–]|--)[^—–;]{1,240}?(?:[—–]|--)|\s*,(?:[^,;]|[A-Z]\.){1,160}?,")
"""An aside after the subject ("Judge X—named by one president, promoted by another—ruled", "Judge X, a
former prosecutor, ruled"): the verb after it is the subject's."""
_THEN = re.compile(r",\s*(?:(?:therefore|thus|thereby|effectively|and|in\s+effect)\s+)?|"
                   r"\s(?:as|when|and)\s+(?:it|she|he|the\s+(?:court|judge))\s+", re.I)
"""A finding followed by the order it leads to: "ruled that ... , thereby rejecting the bid", "ruled Tuesday
as it granted the states an injunction"."""
_JUDGE_TAIL = re.compile(r"\s*,?\s*(?:of|for|on|in|at)\s+the\s+(?:U\.S\.\s+|United\s+States\s+|federal\s+)?"
                         r"(?:[A-Z][\w.]*\s+){0,3}(?:Court|Circuit)(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w.]*\s*){1,4})?")
"""The court after a judge's name ("Judge X of the U.S. District Court for the District of Y"): part of the
subject, so its words are not another subject."""
_QUOTE = re.compile(r"“[^”\n]{1,1500}”|(?<![\w\"])\"[^\"\n]{1,1500}\"")
"""A quotation: curly quotes, or straight quotes opened after a space or line start."""
_ORDERED = re.compile(r"(?i)order|direct|requir")
"""A ruling verb that is itself an order ("ordered the bureau to stop"): it outweighs findings."""
_DENIED_ACCESS = re.compile(r"^\W*(?:(?:the|its|their|a|an)\s+)?(?:(?!(?:requests?|bids?|motions?|applications?|"
                            r"petitions?|efforts?|attempts?|injunctions?|orders?|TROs?|relief|bans?|blocks?|stays?|to|from|against|"
                            r"on)\b)[\w.'’-]+\s+){0,4}?access\b", re.I)
"""A refusal whose object is access itself ("denied DOGE access to the records"), not a request to bar it."""
_PARTICIPLE = re.compile(r"\b(?:injunctions?|orders?|rulings?|decisions?|stays?|TROs?|motions?|requests?)\s*$", re.I)
"""A decision noun right before the verb makes it a participle of that noun ("the injunction issued by a
judge"), not the verb of the clause's subject."""
_REPORTED_LAST = re.compile(r"^\s*(?:(?:on|late|early|last|this)\s+)*(?:\w+day|today|yesterday|week|"
                            r"(?-i:[A-Z][a-z]{2,8}\.?)\s+\d{1,2}(?:,\s+\d{4})?)?\s*(?:,[^.;]{0,120})?[.;]?\s*$", re.I)
"""Nothing of the ruling after the reporting verb: "..., a federal judge ruled on Tuesday." (an aside may follow)."""
_INVERTED = re.compile(r"\w[^.;]{15,},\s*[\"”’']?\s*(?:the\s+|an?\s+)?$", re.I)
"""The ruling reported first and its court after a comma: "The bureau may keep the files, a judge ruled"."""
_CONSEQUENCE = re.compile(
    r"\b(?:may|can|cannot|can['’]t|must|will\s+be\s+able\s+to|(?:is|are)\s+(?:now\s+)?(?:allowed|free|permitted)\s+to)"
    r"\s+(?:(?:not|no\s+longer|now|soon|still|continue|keep|begin|resume|start)\s+(?:to\s+)?)*"
    r"(?:shar|giv|provid|disclos|access|us(?:e|ing)\b|send|hand|transfer|obtain|receiv|exchang)", re.I)
"""A sentence on what the agencies may now do ("Starting next month the bureau may send the lists"): it
says what the decision leaves in force."""
_NEAR = 3
"""How many sentences after a decision's report a sentence of consequence ("the bureau may now send ...") is
still about it; further on, it is the article's own commentary."""
_HEADING = re.compile(r"[^\n.!?]{3,120}\n")
"""A sentence that opens with a line of its own without a full stop: a new section of the report."""
_CLOSED = re.compile(r"[.!?\"”’)\]]\s*$")
"""A sentence that ends as prose does; one that does not is a heading."""
_REPORTS = re.compile(r"\b(?:wrote|writes|said|says|specified|specifies|noted|notes|explained|added|determined|"
                      r"found|finds|ordered|directed|required)\b|\bin\s+(?:the|her|his|its)\s+(?:order|ruling|"
                      r"opinion|decision)\b", re.I)
"""A sentence in which the judge reports the decision's terms ("Judge X wrote", "specified in the order")."""
_COUNT = re.compile(r"\b(?:two|a\s+pair\s+of|both)\b", re.I)
_CLAUSE_CUT = re.compile(r";|,\s+and\s+(?=(?:in|on|then|later|a|the)\b)|,\s+but\s+", re.I)
"""Where one clause of a sentence ends and a clause with its own subject begins (dashes enclose asides)."""


@cache
def _acts() -> re.Pattern[str]:
    """One alternation of the act table, a named group per act, longest phrases of a row first."""
    rows = [r for r in read_jsonl("news_acts.jsonl")]
    groups = [f"(?P<{r['act']}>{r['pattern']})" for r in rows]
    return re.compile(r"\b(?:" + "|".join(groups) + r")\b", re.I)


@cache
def _findings() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(polarity, pattern) of the court-findings table, rows that find fault first."""
    return tuple((r["polarity"], re.compile(r["pattern"], re.I)) for r in read_jsonl("court_findings.jsonl"))


_FINDING_NEGATION = re.compile(r"\b(?:not|never|no|nor|n['’]t)\b[^.;,]{0,25}$", re.I)


def finding_polarity(clause: str) -> str | None:
    """What a court's finding says of the sharing ("ruled that the transfers were unlawful" -> barred,
    "found the exchange authorized by law" -> permitted), a negation before the cue turning it."""
    found = [(m.start(), polarity) for polarity, pattern in _findings() if (m := pattern.search(clause))]
    if not found:
        return None
    start, polarity = min(found)
    if _FINDING_NEGATION.search(clause[max(0, start - 30):start]):
        return _FLIP[polarity]
    return polarity


@dataclass
class Actor:
    """Who acts in a clause, and where its words end."""

    end: int
    judge: str | None = None
    court: str | None = None
    appellate: bool = False
    distinct: bool = False
    count: int = 1
    ordinal: int | None = None
    """"the second order ...": which of several decisions reported together."""


@dataclass
class Event:
    """One mention of a decision."""

    role: str
    """'act', 'ref' (a decision noun with its date or judge) or 'earlier' (a dated decision another act works on)."""
    sentence: tuple[int, int]
    at: int
    actor: Actor
    act: str | None = None
    motion: str | None = None
    polarity: str | None = None
    decided: str | None = None
    effective: str | None = None
    background: bool = False
    """Told as what came before ("had earlier barred", "initially ordered", "the earlier ruling by Judge X")."""
    on_data: bool = False
    """The act's clause names categories of data ("found that sharing addresses is lawful")."""
    order: bool = True
    """The act is an order's verb ("granted", "blocked"), not a finding ("ruled that") or a refusal to widen
    an order ("declined to extend it to"): its polarity outweighs theirs."""


@dataclass
class Decision:
    """One decision: the events that report it and what they say."""

    judge: str | None = None
    court: str | None = None
    appellate: bool = False
    decided: str | None = None
    motion: str | None = None
    disposition: str | None = None
    effective: str | None = None
    docket: str | None = None
    count: int = 1
    ordinal: int | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    support: list[tuple[int, int]] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    last: int = 0
    named: bool = False
    """A report of it names its judge or court (not only "the judge")."""
    background: bool = False
    """Reported as what came before ("had earlier ordered", "initially barred"): its own decision, and the
    sentences after the news are not about it."""
    polarities: list[tuple[str, str]] = field(default_factory=list)
    """(weight, polarity) of each act, weight 'order', 'finding' or 'finding on data': orders outweigh findings
    ("ruled that ..."), and a finding that names data can split a decision."""

    @property
    def polarity(self) -> str | None:
        """What the decision does to the sharing, from its acts (see `_combined`)."""
        return _combined(self.polarities) if self.polarities else None

    def fits(self, event: Event) -> bool:
        """True when the event can report this decision: deciders agree and dates do not differ."""
        actor = event.actor
        if actor.judge and self.judge and actor.judge != self.judge:
            return False
        if actor.court and self.court and actor.court != self.court:
            return False
        if event.role == "act" and (actor.judge or actor.court or actor.appellate) and \
                actor.appellate != self.appellate:
            return False
        if event.decided and self.decided and event.decided != self.decided:
            return False
        return not (event.motion and self.motion and event.motion != self.motion and event.role != "ref")

    def take(self, event: Event, verb: str = "") -> None:
        actor = event.actor
        self.judge = self.judge or actor.judge
        self.court = self.court or actor.court
        self.named = self.named or bool(actor.judge or actor.court)
        self.appellate = self.appellate or (actor.appellate and event.role == "act")
        if event.decided and not self.decided:
            self.decided = event.decided
        self.motion = self.motion or event.motion
        self.effective = self.effective or event.effective
        if event.act and event.role != "ref":
            disposition = "stayed" if event.motion == "stay" else _DISPOSITION.get(event.act)
            if self.disposition is None or (self.disposition == "granted" and disposition == "granted_in_part"):
                self.disposition = disposition or self.disposition
            elif {self.disposition, disposition} == {"granted", "denied"} and event.motion == self.motion:
                self.disposition = "granted_in_part"  # one motion granted as to some relief, denied as to the rest
        if event.polarity:
            weight = "order" if event.order else "finding on data" if event.on_data else "finding"
            self.polarities.append((weight, event.polarity))
        if event.sentence not in self.sentences:
            self.sentences.append(event.sentence)
        if verb:
            self.verbs.append(verb)
        self.last = max(self.last, event.at)


def _combined(polarities: list[tuple[str, str]]) -> str:
    """A decision's effect from its acts: an order's verb outweighs a finding; orders that let some sharing
    through and bar the rest make it limited, and so does an order against a finding that names the data it
    lets through ("found that sharing addresses is lawful" and "granted the motion as to the rest")."""
    strong = [p for weight, p in polarities if weight == "order"] or [p for _, p in polarities]
    named = {p for weight, p in polarities if weight == "finding on data"}
    if "limited" in strong or {"barred", "permitted"} <= set(strong) | named:
        return "limited"
    return strong[0]


class _Reader:
    """The events of one news item, read sentence by sentence."""

    def __init__(self, view: DocView) -> None:
        self.view = view
        self.text = view.text
        judges = view.mentions("JUDGE")
        self.surnames = {m.key.split()[-1]: m.key for m in judges}
        self.scotus = "scotus" in view.keys("COURT")
        self.last_judge: tuple[int, str] | None = None
        self.last_court: tuple[str | None, bool] | None = None
        self.quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(self.text) if not self._judges_words(m.end())]
        """(court, appellate) of the last act's decider: who "the second order" is from."""

    def _judges_words(self, end: int) -> bool:
        """A quotation the judge or court wrote ("...," Judge X wrote): the order's own words."""
        after = self.text[end:end + 60]
        cue = re.match(r"[\s,]*(?:(?:wrote|writes|said|says|added)\s+)?(?:(?:the\s+)?(?:judge|court|justices?|panel)\b|"
                       r"(?:U\.S\.\s+)?(?:District\s+|Circuit\s+)?Judge\b|(?P<name>[A-Z][\w’'-]+))", after, re.I)
        if cue is None:
            return False
        name = cue.group("name")
        return name is None or name in self.surnames or bool(self.view.within("JUDGE", end, end + 60))

    def quoted(self, at: int) -> bool:
        """True inside a quotation: someone's words, not the reporter's."""
        return any(start < at < end for start, end in self.quotes)

    # -- who ------------------------------------------------------------------------------------
    def judge_court(self, mention: Mention, end: int) -> str | None:
        """The court a judge mention names right after it: "Judge X of the District of Maryland",
        "Judge X (Northern District of California)", "Judge X in the District of Maryland"."""
        for court in self.view.within("COURT", mention.end, min(end, mention.end + 90)):
            gap = self.text[mention.end:court.start]
            if re.fullmatch(r"[\s,(]*(?:of|for|in|on)?\s*(?:the\s+)?(?:U\.S\.\s+|US\s+|United\s+States\s+)?"
                            r"(?:District\s+Court\s+for\s+the\s+|Court\s+of\s+Appeals\s+for\s+the\s+)?", gap):
                return court.key
        return None

    def actors(self, start: int, end: int) -> list[tuple[int, Actor]]:
        """(start, actor) of every court or judge named in a sentence, in text order."""
        text = self.text
        found: list[tuple[int, Actor]] = []
        taken: list[tuple[int, int]] = []
        judges = self.view.within("JUDGE", start, end)
        for i, m in enumerate(judges):
            if i and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[judges[i - 1].end:m.start]):
                continue  # "Judges A and B threw out": the panel acts; the first named stands for it
            title = text[max(0, m.start - 30):m.start]
            stop = m.end
            for later in judges[i + 1:]:
                if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[stop:later.start]):
                    break
                stop = later.end
            tail = _JUDGE_TAIL.match(text, stop, end)
            stop = tail.end() if tail else stop
            found.append((m.start, Actor(stop, judge=m.key, court=self.judge_court(m, end),
                                         appellate=bool(re.search(r"Justice|Circuit|Appellate|Appeals", title)))))
            taken.append((m.start, stop))
        for m in self.view.within("COURT", start, end):
            if any(s <= m.start < e + 90 for s, e in taken):
                continue  # the judge's own court ("Judge X of the District of Maryland")
            appellate = _appellate_key(m.key)
            lead = _COURT_LEAD.search(text[max(start, m.start - 40):m.start])
            begin = lead.start() + max(start, m.start - 40) if lead else m.start
            after = re.match(r"(?i)\s+(?:federal\s+)?(?:district\s+|appeals\s+)?(?:judge|court|panel|"
                             r"Court\s+of\s+Appeals(?:\s+panel)?)\b", text[m.end:end])
            found.append((begin, Actor(m.end + (after.end() if after else 0), court=m.key, appellate=appellate)))
            taken.append((begin, m.end))
        for m in _GENERIC.finditer(text, start, end):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                continue
            words = m.group(0)
            appellate = bool(_APPELLATE.search(words))
            count = 2 if _COUNT.match(words) and (m.group("noun") or "").endswith("s") else 1
            court = "scotus" if re.search(r"(?i)justices|supreme|highest", words) and (
                self.scotus or "highest" in words.lower()) else None
            found.append((m.start(), Actor(m.end(), court=court, appellate=appellate,
                                           distinct=bool(_DISTINCT.search(words)), count=count)))
        for surname, key in self.surnames.items():
            for m in re.finditer(rf"\b{re.escape(surname)}\b(?!['’]s)", text[start:end]):
                s = start + m.start()
                if not any(a <= s < b + 1 for a, b in taken) and not any(
                        j.start <= s < j.end for j in self.view.within("JUDGE", start, end)):
                    found.append((s, Actor(start + m.end(), judge=key)))
        for m in _ORDINAL.finditer(text, start, end):
            court, appellate = self.last_court or (None, False)
            found.append((m.start(), Actor(m.end(), court=court, appellate=appellate,
                                           ordinal=_ORDINALS[m.group("n").lower()])))
        pronoun = next((m for m in _PRONOUN.finditer(text, start, min(end, start + 200))
                        if _PRONOUN_LEAD.search(text[start:m.start()])), None)
        if pronoun and self.last_judge and start - self.last_judge[0] < 900:
            found.append((pronoun.start("p"), Actor(pronoun.end("p"), judge=self.last_judge[1])))
        found.sort(key=lambda pair: pair[0])
        return found

    # -- when -----------------------------------------------------------------------------------
    def decided(self, lo: int, hi: int, verb_end: int) -> str | None:
        """The date of an act: one in the clause before the subject ("On May 21, the court"), between the
        subject and the verb ("a district judge in Ellery on Tuesday found") or after the verb ("ruled Friday"),
        never one that sets a deadline ("until March 10") or dates another decision ("a May 7 order")."""
        best: tuple[int, str] | None = None
        for date in self.view.within("DATE", lo, hi):
            before = self.text[max(lo, date.start - 30):date.start]
            after = self.text[date.end:date.end + 40]
            if _NOT_DECIDED.search(before) or (_COURT_NOUN.match(after.lstrip()) and not after.startswith(",")):
                continue
            if date.normalized.get("relative") and self.view.anchor and date.key > self.view.anchor.isoformat():
                continue  # a past act is never after the report
            if re.search(r"(?i)\bweek\b", date.normalized.get("text", "")):
                continue  # "this week" does not say which day
            if _STAMP.fullmatch(self.text[lo:date.start]):
                continue  # the page's own date stamp or dateline opening the sentence
            if date.start > verb_end and date.start - verb_end > 110:
                continue
            distance = abs(date.start - verb_end)
            if best is None or distance < best[0]:
                best = (distance, date.key)
        return best[1] if best else None

    def effective(self, start: int, end: int) -> str | None:
        return _effective(self.view, start, end)


def _act_polarity(act: str, rest: str) -> str | None:
    """What the act does to the sharing, read with its object."""
    if act in ("grant", "extend", "grant_in_part"):
        if re.match(r"^\W*(?:an?\s+|the\s+)?(?:administrative\s+|emergency\s+)?stay\b", rest, re.I):
            return "permitted"
        request = _REQUEST_OBJECT.match(rest)
        if request:
            return _request_polarity(request.group("rest"))
        if _RULING_OBJECT.match(rest):
            return None  # "issued the two unsigned rulings": what they do is said elsewhere
        return "limited" if act == "grant_in_part" else "barred"
    if act == "deny":
        if _DENIED_ACCESS.match(rest):
            return "barred"  # "denied the team access to the files": the access is what the court refused
        request = _REQUEST_OBJECT.match(rest)
        if request:
            return _FLIP.get(_request_polarity(request.group("rest")) or "barred")
        verb = _acts().match(rest.lstrip())
        if verb and verb.lastgroup in ("bar", "grant", "extend"):
            return "permitted"  # "refused to block", "declined to extend the TRO"
        if verb and verb.lastgroup in ("allow", "vacate"):
            return "barred"
        return "permitted"
    if act in ("bar", "stay"):
        return "permitted" if _ORDER_OBJECT.match(rest) or act == "stay" else "barred"
    if act == "vacate":
        return "permitted" if _ORDER_OBJECT.match(rest) else "barred"
    if act == "allow":
        return "permitted"
    if act in ("reverse", "affirm"):
        order = _ORDER_OBJECT.match(rest)
        if not order:
            return None
        # what the order below did: an injunction bars, else what its own clause says
        below = clause_polarity(rest[order.end():order.end() + 120]) or (
            "barred" if re.search(r"(?i)injunction|restraining|block|ban", order.group(0)) else None)
        return below if act == "affirm" or below is None else _FLIP[below]
    if act == "rule":
        return finding_polarity(rest[:200]) or sentence_polarity(rest[:250])
    return None


def _effective(view: DocView, start: int, end: int) -> str | None:
    """The date a decision takes effect: one after "starting", "takes effect", "may begin" ..., or one
    before "the order will take effect"."""
    for date in view.within("DATE", start, end):
        if _EFFECTIVE_CUE.search(view.text[max(start, date.start - 60):date.start]) or \
                _TAKES_EFFECT.match(view.text, date.end, min(end, date.end + 60)):
            return date.key
    return None


def _request_polarity(rest: str) -> str | None:
    """What a request asked for: the government asks to share, challengers to bar ("a bid to bar")."""
    if _GOVERNMENT_ASKS.match(rest):
        return "permitted"
    verb = _acts().search(rest)
    wants = re.search(r"\bto\s+(?:\w+\s+){0,2}(?P<v>bar|block|halt|stop|prevent|enjoin|pause|lift|allow|"
                      r"resume|restore)\b", rest, re.I)
    if wants:
        return "permitted" if wants.group("v").lower() in ("lift", "allow", "resume", "restore") else "barred"
    return "barred" if verb is None or verb.lastgroup != "allow" else "permitted"


def _motion(phrase: str, act: str, actor: Actor, verb: str = "") -> str | None:
    """The motion an act disposes of: named in its object, else an appellate court's act on the order
    below: a stay while the appeal goes on when it blocks that order (or when the Supreme Court, which
    acts on emergency applications, lifts it), the appeal itself when it vacates or reverses."""
    appellate = actor.appellate
    if act == "stay":
        return "stay"
    motion = first_label("motion", phrase[:120])
    if motion == "appeal":
        motion = None
    if motion:
        return motion
    if appellate and act in ("bar", "vacate", "stay") and _ORDER_OBJECT.match(phrase):
        lifted = actor.court == "scotus" and re.match(r"(?i)lift|remov", verb)
        return "stay" if act in ("bar", "stay") or lifted else "appeal"
    if appellate and act in ("vacate", "reverse", "affirm"):
        return "appeal"
    return None


def news_decisions(view: DocView) -> list[Decision]:
    """Every decision a news item reports, each once, in the order the report first gives them."""
    reader = _Reader(view)
    decisions: list[Decision] = []
    earlier: list[Event] = []
    touched: list[Decision] = []  # the decision the last sentence spoke of, for "The order by Judge X"
    for start, end in view.sentences:
        events: list[tuple[Event, str]] = []
        for lo, hi in _clauses(view.text, start, end):
            events += _clause_acts(reader, (start, end), lo, hi, earlier)
        events += [(e, "") for e in _references(reader, start, end)]
        for event, verb in sorted(events, key=lambda pair: pair[0].at):
            pool = [d for d in decisions if d.background == event.background]
            if event.role == "ref":
                target = _referred(pool, event, touched[-1] if touched else None)
                if target is None and event.polarity and (event.actor.judge or event.actor.court) and (
                        event.background or event.decided):
                    # "an earlier ruling by Judge X that kept ...", "the appeals court's order of May 2 to
                    # allow ...": a decision the report names only by reference
                    target = Decision(appellate=event.actor.appellate, background=event.background)
            else:
                target = _ordinal(pool, event) if event.actor.ordinal else _best(pool, event)
                if target is None:
                    target = Decision(appellate=event.actor.appellate, count=event.actor.count,
                                      background=event.background)
                    decisions.append(target)
            if target is not None and all(target is not d for d in decisions):
                decisions.append(target)  # a part split off decisions reported together
            if target is not None:
                target.take(event, verb)
                touched.append(target)
        judges = view.within("JUDGE", start, end)
        if judges:
            reader.last_judge = (judges[-1].start, judges[-1].key)
    for event in earlier:
        _add_earlier(decisions, event)
    _support(reader, decisions)
    _authors(reader, decisions)
    _fill(view, decisions)
    if any(d.decided for d in decisions):
        # an undated decision counts only as background its report pins to a named judge
        decisions = [d for d in decisions if d.decided or (d.background and d.named and d.polarity)]
    out = []
    for decision in decisions:
        out += [decision] * decision.count
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [m.end() for m in _CLAUSE_CUT.finditer(text, start, end)] + [end]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _clause_acts(reader: _Reader, sentence: tuple[int, int], lo: int, hi: int,
                 earlier: list[Event]) -> list[tuple[Event, str]]:
    """The acts of one clause: active ("X granted ...") and passive ("were barred by X")."""
    text = reader.text
    found: list[tuple[Event, str]] = []
    actors = reader.actors(lo, hi)
    used_until = lo
    for begin, actor in actors:
        if actor.end <= used_until or reader.quoted(begin):
            continue  # what a party says the court did ("we are glad the court enjoined ...") is not the report
        verb = _verb_after(reader, actors, lo, hi, actor.end)
        aside = _ASIDE.match(text, actor.end, hi)
        if verb is None and aside:
            verb = _verb_after(reader, actors, lo, hi, aside.end())  # "Judge X, a former prosecutor, ruled"
        if verb is None:
            continue
        if re.search(r"\b(?:if|unless|whether)\b[^.;,]*$", text[lo:begin], re.I):
            continue  # "if the judge blocks it": a condition, not a decision (one closed by a comma is over)
        found.append(_act_event(reader, sentence, lo, hi, begin, actor, verb, earlier))
        used_until = verb.end()
    for m in _PASSIVE.finditer(text, lo, hi):
        aux = m.group("aux") or ""
        if aux.lower().startswith("had") or re.match(r"(?i)is|are", aux) or (not aux and not m.group("by")):
            continue  # "the injunction issued by a judge in May": the noun's own verb, only with its agent
        verb = " ".join(m.group("verb").lower().split())
        act = _PASSIVE_ACTS[verb]
        if any(e.at == m.start("verb") for e, _ in found):
            continue
        by_actor = next((a for b, a in actors if m.group("by") and b >= m.end() - 3 and b <= m.end() + 40), None)
        subject = text[max(lo, m.start() - 80):m.start("verb")]
        if by_actor is None and (not aux or not _COURT_NOUN.search(subject)):
            continue
        if verb in ("issued", "entered") and re.search(r"(?i)\b(?:ruling|decision|opinion)s?\W+(?:\w+\W+)?$",
                                                       text[max(lo, m.start() - 30):m.start("verb")]):
            act = "rule"  # "the opinion was handed down in May": a ruling issued says nothing of what it grants
        actor = by_actor or Actor(m.end())
        rest = text[m.end("verb"):hi]
        polarity = "barred" if act == "bar" else _act_polarity(act, rest) if act not in ("dismiss", "rule") else None
        if verb == "converted to":
            polarity = "barred"
        motion = _motion(rest if verb == "converted to" else subject + " " + rest, act, actor)
        event = Event("act", sentence, m.start("verb"), actor, act, motion, polarity,
                      reader.decided(lo, hi, m.end("verb")), reader.effective(*sentence))
        found.append((event, verb))
    return found


def _verb_after(reader: _Reader, actors: list[tuple[int, Actor]], lo: int, hi: int,
                start: int) -> re.Match[str] | None:
    """The act verb whose subject ends at `start`: near it, with nothing between that opens another clause
    (a full stop, a condition, another court), never a participle of a decision noun."""
    text = reader.text
    verb = _acts().search(text, start, hi)
    if verb is None or verb.start() > start + 130:
        return None
    gap = _ABBREVIATION.sub("", text[start:verb.start()])
    if re.search(r"(?i)\bto\s+$", gap):
        return None  # "persuaded the judge to lift the order": an infinitive, not what the judge did
    if not _GAP_OK.match(gap) or re.search(r"[.;:]|\b(?:if|unless|whether|would|could|should)\b", gap, re.I) \
            or _PERFECT.search(text[max(lo, verb.start() - 30):verb.start()]) \
            or _gap_has_actor(actors, start, verb.start()) or _PARTICIPLE.search(gap):
        return None
    return verb


def _then_act(rest: str) -> re.Match[str] | None:
    """The order a finding leads to, from the act table, after a comma or "as it": "ruled that ..., thereby
    rejecting the bid", "ruled Tuesday as it granted the states an injunction"."""
    for link in _THEN.finditer(rest, 0, min(len(rest), 220)):
        if re.search(r"[.;]", rest[:link.start()]):
            return None
        verb = _acts().match(rest, link.end())
        if verb and verb.lastgroup not in (None, "rule"):
            return verb
    return None


def _gap_has_actor(actors: list[tuple[int, Actor]], lo: int, hi: int) -> bool:
    return any(lo <= begin < hi for begin, _ in actors)


def _act_event(reader: _Reader, sentence: tuple[int, int], lo: int, hi: int, begin: int, actor: Actor,
               verb: re.Match[str], earlier: list[Event]) -> tuple[Event, str]:
    text = reader.text
    act = verb.lastgroup or "rule"
    rest = text[verb.end():hi]
    motion = _motion(rest, act, actor, verb.group(0))
    if act == "deny" and motion is None:
        motion = first_label("motion", text[lo:hi])
        motion = None if motion == "appeal" else motion
    if act == "rule" and motion is None and re.search(r"(?i)\bto\s+vacate\b", rest[:20]):
        act, motion = "vacate", "appeal" if actor.appellate else None
    if verb.group(0).lower().startswith("convert"):
        act = "grant"  # "converted the order into a preliminary injunction": the new order is granted
        motion = first_label("motion", rest[:120]) or motion
    then = _then_act(rest) if act == "rule" else None
    if then:  # "ruled that the deal is lawful, denying the request": the order's own verb says what it did
        act, rest = then.lastgroup or act, rest[then.end():]
        motion = _motion(rest, act, actor, then.group(0)) or motion
    elif act == "grant" and _RULING_OBJECT.match(rest) and not re.match(r"(?i)\W*(?:\w+\s+){0,3}orders?\b", rest):
        act = "rule"  # "issued a ruling that lets the office keep its access": a ruling, its effect in its clause
        rest = rest[_RULING_OBJECT.match(rest).end():]
    polarity = _act_polarity(act, rest)
    if act == "rule" and _REPORTED_LAST.match(rest) and _INVERTED.search(_ABBREVIATION.sub("", text[lo:begin])):
        # "The bureau may keep sending the files, a federal judge ruled Tuesday.": the ruling stands first
        before = text[lo:begin]
        polarity = finding_polarity(before) or clause_polarity(before)
    if re.search(r"(?i)\b(?:two|both|a\s+pair\s+of)\b", verb.group(0)) or re.match(
            r"(?i)\W*(?:the\s+)?(?:two|both)\s+(?:\w+\s+)?(?:rulings|decisions|orders|opinions)\b",
            text[verb.end():hi]):
        actor.count = 2  # "handed the agency two big wins"
    order = (act != "rule" or bool(_ORDERED.match(verb.group(0)))) and not (
        act == "deny" and re.match(r"(?i)\W*extend", rest))
    background = bool(_PRIOR.search(text[max(lo, verb.start() - 30):verb.start()])
                      or (act in ("grant", "rule") and _EARLIER_OBJECT.match(text[verb.end():hi])))
    event = Event("act", sentence, verb.start(), actor, act, motion, polarity,
                  reader.decided(lo, hi, verb.end()), reader.effective(*sentence), background,
                  bool(reader.view.within("DATA_CATEGORY", verb.end(), hi)), order)
    if actor.court or actor.appellate:
        reader.last_court = (actor.court, actor.appellate)
    noun = _EARLIER_NOUN.search(text, verb.end(), min(hi, verb.end() + 120))
    if noun and act in ("extend", "vacate", "bar", "stay", "affirm", "reverse"):
        dated = _earlier_date(reader, noun, hi)
        if dated:
            # the court's own order when it extends one; another court's when it acts on one
            owner = Actor(actor.end, judge=actor.judge, court=actor.court) if act == "extend" else Actor(noun.end())
            earlier.append(Event("earlier", sentence, noun.start(), owner, "grant",
                                 first_label("motion", noun.group("motion")) or "preliminary_injunction",
                                 "barred", dated))
    return event, verb.group(0)


def _earlier_date(reader: _Reader, noun: re.Match[str], hi: int) -> str | None:
    """"its June 3 restraining order", "the injunction entered in April": the earlier order's date."""
    before = reader.view.within("DATE", max(0, noun.start() - 14), noun.start())
    if before and not reader.text[before[-1].end:noun.start()].strip(" ").replace("(", ""):
        return before[-1].key
    if noun.group("issued"):
        after = reader.view.within("DATE", noun.end(), min(hi, noun.end() + 4))
        if after:
            return after[0].key
    return None


def _references(reader: _Reader, start: int, end: int) -> list[Event]:
    """Decision nouns with a date or a judge: "The judge's Tuesday ruling", "Roe's Friday order", "the order
    issued today by Judge X", "The decision Wednesday"."""
    text = reader.text
    events = []
    for m in _DECISION_REF.finditer(text, start, end):
        dates = [d for d in reader.view.within("DATE", m.start(), min(end, m.end() + 24))
                 if d.start < m.start("noun") or re.fullmatch(r"\s+(?:issued\s+|on\s+|from\s+)*",
                                                              text[m.end():d.start])]
        judges = [j for j in reader.view.within("JUDGE", m.end(), min(end, m.end() + 70))
                  if _BY_ACTOR.match(text[m.end():j.start]) or re.fullmatch(r"[^.;]{0,40}\bby\s+(?:\w+\.?\s+){0,3}",
                                                                             text[m.end():j.start])]
        courts = reader.view.within("COURT", m.start(), m.start("noun"))
        if m.group("owner"):  # "Roe's Thursday ruling": only a judge's, never a president's order
            judges = [j for j in reader.view.within("JUDGE", max(start, m.start() - 60), m.end("owner"))
                      if j.end == m.end("owner")]
            if not judges:
                continue
        if not dates and not judges:
            continue
        judge = judges[0].key if judges else None
        court = reader.judge_court(judges[0], end) if judges else courts[0].key if courts else None
        decided = dates[0].key if dates else None
        after = max([m.end(), *(x.end for x in dates + judges)])
        does = _REF_DOES.match(text, after, end)
        actor = Actor(m.end(), judge=judge, court=court, appellate=bool(court and _appellate_key(court)))
        events.append(Event("ref", (start, end), m.start(), actor, decided=decided,
                            polarity=clause_polarity(does.group("what")) if does else None,
                            background=bool(m.group("prior")), order=False))
    return events


_REF_DOES = re.compile(r"[\s,]*(?:(?:that|which)\s+(?:\w+\s+){0,2}?|to\s+)(?P<what>[^.;]{0,120})", re.I)
"""What a referred decision does, in the clause that follows it ("the earlier ruling that kept the files
sealed", "the circuit's order of May 2 to let the office keep its access")."""


def _best(decisions: list[Decision], event: Event) -> Decision | None:
    """The decision an act reports again, or None for a new one."""
    candidates = [d for d in decisions if d.fits(event)]
    if event.actor.distinct:
        candidates = [d for d in candidates if (event.decided and d.decided == event.decided)
                      or (event.actor.judge and d.judge == event.actor.judge)]
    if not candidates:
        return None
    same_day = [d for d in candidates if event.decided and d.decided == event.decided]
    same_judge = [d for d in candidates if event.actor.judge and d.judge == event.actor.judge]
    if event.decided and not same_day and all(d.decided for d in candidates):
        return None
    return max(same_day or same_judge or candidates, key=lambda d: d.last)


def _ordinal(decisions: list[Decision], event: Event) -> Decision | None:
    """The decision "the first/second order" names: the one already called so, else one split off the
    decisions reported together ("issued the two unsigned rulings")."""
    ordinal = event.actor.ordinal
    named = [d for d in decisions if d.ordinal == ordinal]
    if named:
        return named[-1]
    group = [d for d in decisions if d.count > 1 and d.ordinal is None and d.fits(event)]
    if group:
        whole = group[-1]
        whole.count -= 1
        part = Decision(judge=whole.judge, court=whole.court, appellate=whole.appellate, decided=whole.decided,
                        ordinal=ordinal)
        if event.sentence in whole.sentences and len(whole.sentences) > 1:
            whole.sentences.remove(event.sentence)  # "issued two rulings: the first order removed ..." is the first's
        decisions.append(part)
        return part
    rest = [d for d in decisions if d.ordinal is None and d.fits(event)]
    if rest:
        rest[-1].ordinal = ordinal
        return rest[-1]
    return None


def _add_earlier(decisions: list[Decision], event: Event) -> None:
    """An earlier order another act works on is that order's own decision, unless the report already
    gives it ("set aside the injunction entered in April" after "an injunction was granted by the judge")."""
    for decision in decisions:
        if decision.motion == event.motion and decision.disposition == "granted" and not decision.appellate:
            return
    decision = Decision(court=event.actor.court, judge=event.actor.judge)
    decision.take(event)
    decision.disposition = "granted"
    decisions.append(decision)


def _referred(decisions: list[Decision], event: Event, last: Decision | None) -> Decision | None:
    """The decision a reference names: the one of its date or judge, else an undated one; a reference
    that gives only a judge ("The order by Judge X said") names the decision the report just spoke of."""
    fitting = [d for d in decisions if d.fits(event)]
    same = [d for d in fitting if (event.decided and d.decided == event.decided)
            or (event.actor.judge and d.judge == event.actor.judge)]
    if same:
        return same[-1]
    if event.decided is None and last is not None and last.judge is None and last in fitting:
        return last
    undated = [d for d in fitting if d.decided is None]
    return undated[-1] if undated else None


def _support(reader: _Reader, decisions: list[Decision]) -> None:
    """Sentences that say what a decision leaves in force ("the ruling states", "are barred from", "remain
    protected under the injunction", "the agencies may now share") or in which its judge gives its terms
    ("Judge X wrote", "specified in the order") support the decision they speak of: the one of the judge they
    name, else the last reported before them; never a decision the report gives as background."""
    view = reader.view
    current = [d for d in decisions if not d.background] or decisions
    if not current:
        return
    own = {s for d in decisions for s in d.sentences}
    since = _NEAR + 1  # sentences since the last one that reports a decision
    for start, end in view.sentences:
        if (start, end) in own:
            since = 0
            continue
        sentence = view.text[start:end]
        since = _NEAR + 1 if _HEADING.match(sentence) or not _CLOSED.search(sentence) else since + 1
        judges = {judge for _, actor in reader.actors(start, end) if (judge := actor.judge)}
        named = [d for d in current if d.judge in judges]
        if not (_STATUS.search(sentence) or _SAYS_WHAT.search(sentence) or (named and _REPORTS.search(sentence))
                or (since <= _NEAR and _CONSEQUENCE.search(sentence))):
            continue
        before = [(max(s for s, _ in d.sentences if s < start), i) for i, d in enumerate(current)
                  if any(s < start for s, _ in d.sentences) and (not named or d in named)]
        (current[max(before)[1]] if before else (named or current)[0]).support.append((start, end))


_WROTE = re.compile(r"\b(?:wrote|writes|writing|(?:majority|unanimous|panel)\s+opinion|in\s+(?:his|her)\s+opinion|"
                    r"for\s+the\s+(?:majority|panel|court))\b", re.I)


def _authors(reader: _Reader, decisions: list[Decision]) -> None:
    """A decision reported without its judge takes the judge who wrote it, named in the sentences that follow
    before the next decision ("Judge X wrote for the panel", "As X described in his majority opinion")."""
    firsts = sorted(min(d.sentences)[0] for d in decisions if d.sentences)
    for decision in decisions:
        if decision.judge or not decision.sentences:
            continue
        start = min(decision.sentences)[0]
        stop = next((f for f in firsts if f > start), len(reader.text))
        for lo, hi in reader.view.sentences:
            if lo < start or lo >= stop:
                continue
            judges = [(at, actor.judge) for at, actor in reader.actors(lo, hi) if actor.judge]
            wrote = _WROTE.search(reader.text, lo, hi)
            if judges and wrote:
                decision.judge = min(judges, key=lambda j: abs(j[0] - wrote.start()))[1]
                break


def _appellate_key(key: str) -> bool:
    """A federal appeals court or the Supreme Court ("ca4", "cadc", "scotus"), not "cand"."""
    return re.fullmatch(r"ca\d+|cadc|cafc|scotus", key) is not None


def _fill(view: DocView, decisions: list[Decision]) -> None:
    """What the report gives once for all: its only judge (not for an appeals court's decision, nor the judge of
    a decision told as background), its only
    court of the decision's level, and its docket (the one in the decision's sentences, else the report's
    first for its first decision)."""
    background = {d.judge for d in decisions if d.background}
    judges = [j for j in view.keys("JUDGE") if j not in background]
    courts = view.keys("COURT")
    dockets = view.mentions("DOCKET")
    for i, decision in enumerate(decisions):
        if decision.judge is None and len(judges) == 1 and not decision.appellate:
            decision.judge = judges[0]
        if decision.court is None:
            level = [c for c in courts if _appellate_key(c) == decision.appellate]
            if len(level) == 1:
                decision.court = level[0]
        if decision.motion is None:
            named = first_label("motion", " ".join(view.text[s:e] for s, e in decision.sentences))
            decision.motion = named if named != "appeal" else None
        if decision.motion is None and decision.appellate and decision.disposition in _APPEAL_DISPOSITIONS:
            decision.motion = "appeal"
        own = [m.key for s, e in decision.sentences + decision.support for m in view.within("DOCKET", s, e)]
        decision.effective = decision.effective or next(
            (found for s, e in decision.support if (found := _effective(view, s, e))), None)
        decision.docket = own[0] if own else (dockets[0].key if dockets and i == 0 else None)
