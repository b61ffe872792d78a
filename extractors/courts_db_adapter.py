"""The one place docketflow reaches into courts-db's internals: `find_court`, the same answers, faster.

`courts_db.find_court` runs every one of its 8,383 court regexes over each phrase (~12 ms a phrase, and a
document names several). Nearly every regex contains a run of plain characters that any match must
contain ("court of civil appeal", " alabama"); `find_court` here finds all such runs in the phrase at
once (Aho-Corasick, from pyahocorasick, which eyecite already needs), and lets courts-db search only the
regexes whose every run occurs, plus the few that have none. courts-db's own `find_court` still decides, over
that list, so its matching, filtering and parent reduction are unchanged. The list is swapped in through
the module attribute `courts_db.regexes`, which its lookup reads on each call, under a lock.

A phrase that is not plain ASCII searches every regex: case-insensitive matching folds a few non-ASCII
characters (the Kelvin sign) onto ASCII letters, which the lower-cased runs would not see.

courts-db compiles all its regexes the first time its list is read (0.8 s, in every worker process). Here
its own loader (`gather_regexes`) builds the rows with the patterns left uncompiled, and a row's pattern is
compiled the first time a phrase needs that row: a run compiles the few hundred it uses.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from re import _constants as sre_constants
from re import _parser as sre_parse

import ahocorasick
import courts_db
from courts_db.text_utils import strip_punc
from docketflow.extractors.pattern_cache import PATTERN_CACHE

_lock = threading.Lock()
_loader_lock = threading.Lock()


@dataclass(frozen=True)
class _Source:
    """A courts-db pattern as its loader would compile it."""

    pattern: str
    flags: int


class _KeepSource:
    """Stands in for the `re` module in courts-db's loader: `compile` keeps the pattern and flags."""

    def __getattr__(self, name: str) -> object:
        return getattr(re, name)

    @staticmethod
    def compile(pattern: str, flags: int = 0) -> _Source:
        return _Source(pattern, flags)


def _uncompiled_rows() -> list[tuple]:
    """courts-db's regex rows as its own loader builds them, each with a `_Source` where the compiled
    pattern would be."""
    from courts_db import utils

    courts = courts_db.courts
    with _loader_lock:
        real = utils.re
        utils.re = _KeepSource()
        try:
            return utils.gather_regexes(courts)
        finally:
            utils.re = real


def _required_runs(pattern: str, flags: int) -> frozenset[str] | None:
    """The runs of plain ASCII characters at the top level of `pattern` (lower-cased): text the pattern
    matches contains every one. None when there is none (a top-level alternation, say)."""
    try:
        tree = sre_parse.parse(pattern, flags)
    except Exception:  # a form this reading does not know: search it always
        return None
    runs, run = set(), []
    for op, value in tree:
        if op is sre_constants.LITERAL and value < 128:
            run.append(chr(value))
            continue
        runs.add("".join(run))
        run = []
    runs.add("".join(run))
    found = frozenset(r.lower() for r in runs if r.strip())
    return found or None


@dataclass(frozen=True)
class _Index:
    sources: list
    """courts-db's regex rows, in its order, their patterns uncompiled."""
    automaton: ahocorasick.Automaton
    """Each required run -> the rows that need it."""
    needs: dict[int, int]
    """Row -> how many distinct runs it needs."""
    always: frozenset[int]
    """Rows with no run, searched for every phrase."""
    compiled: dict[int, tuple] = field(default_factory=dict)
    """Row -> the row as courts-db's list holds it (pattern compiled), for the rows a phrase has needed."""

    def row(self, i: int) -> tuple:
        """Row `i` with its pattern compiled as courts-db's loader compiles it."""
        row = self.compiled.get(i)
        if row is None:
            source, *rest = self.sources[i]
            row = self.compiled[i] = (PATTERN_CACHE.compile(source.pattern, source.flags), *rest)
        return row


@cache
def _index() -> _Index:
    regexes = _uncompiled_rows()
    by_run: dict[str, list[int]] = defaultdict(list)
    needs: dict[int, int] = {}
    always: set[int] = set()
    for i, row in enumerate(regexes):
        runs = PATTERN_CACHE.derived(_required_runs, row[0].pattern, row[0].flags)  # parsing 8,400: 0.35 s
        if runs is None:
            always.add(i)
            continue
        needs[i] = len(runs)
        for run in runs:
            by_run[run].append(i)
    automaton = ahocorasick.Automaton()
    for run, rows in by_run.items():
        automaton.add_word(run, (run, rows))
    automaton.make_automaton()
    return _Index(regexes, automaton, needs, frozenset(always))


def _candidates(phrase: str) -> list[int] | None:
    """The rows whose regex can match `phrase` as `find_court` reads it (every run they need occurs in it),
    in courts-db's order; None for all of them."""
    searched = strip_punc(phrase)
    if not searched.isascii():
        return None
    index = _index()
    present = {run: rows for _, (run, rows) in index.automaton.iter(searched.lower())}
    hits = Counter(i for rows in present.values() for i in rows)
    return sorted(index.always | {i for i, n in hits.items() if n == index.needs[i]})


def find_court(phrase: str, bankruptcy: bool | None = None) -> list[str]:
    """`courts_db.find_court(phrase, bankruptcy=bankruptcy)`, searching only the regexes that can match."""
    index = _index()
    candidates = _candidates(phrase)
    rows = [index.row(i) for i in (range(len(index.sources)) if candidates is None else candidates)]
    with _lock:
        module = vars(courts_db)
        had, everything = "regexes" in module, module.get("regexes")
        courts_db.regexes = rows
        try:
            return courts_db.find_court(phrase, bankruptcy=bankruptcy)
        finally:
            if had:
                courts_db.regexes = everything
            else:  # courts-db's list was never read: leave it to be loaded when someone reads it
                del courts_db.regexes
