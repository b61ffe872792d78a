"""Compiled regular expressions kept on disk, so a new worker does not compile eyecite's patterns again.

A worker compiles the eyecite reporter patterns its documents call for: ~1,300 on a corpus of opinions,
0.4 s, in every worker of every run. `re` cannot store a compiled pattern (pickling keeps only its source),
but what its compiler makes of one is plain data: the matching code (a list of integers), the flags and
the group names, from which `_sre.compile` builds the pattern at once. `PatternCache` keeps that data per
(pattern, flags) in a file per Python build, and stores an entry only after checking that the pattern it
gives equals the one `re.compile` gave (`re.Pattern` equality compares the code), so a pattern from the
cache is the pattern `re` would make. If `re`'s internals ever differ from what this reads, nothing is
stored and every pattern is compiled by `re` as before. `derived` keeps, the same way, what a pure reading
of a pattern computes from its parse (the start classes of `boundary_starts`, the required text of
courts-db's rows), keyed by the reading and its module's source.

The file is a cache: a missing, unreadable or foreign one is ignored; writes go to a temporary file that
replaces the old one, so a reader never sees half a file; two workers that add entries at once may lose
one's additions, which are compiled again next time.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from docketflow.extractors.cache_folder import SaveClock, default_folder, source_digest

MAX_ENTRIES = 40_000
"""Entries kept in one file: eyecite's ~6,800 extractor patterns (~2.3 kB each compiled) and their start
classes, and courts-db's ~8,400 rows' required text; ~20 MB when full."""

SAVE_EVERY_S = 3.0
"""Least time between two saves of a process: a save rewrites the whole file (a few MB)."""

_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""`_sre.compile`'s arguments after the pattern: flags, code, groups, group index, index group."""


def _build_tag() -> str:
    """What the code depends on: the interpreter build and the regex engine's version."""
    build = f"{sys.implementation.cache_tag}-{sys.version}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return re.sub(r"[^\w.-]+", "_", build)[:120]


@cache
def _reading(read: Callable[[str, int], Any]) -> str:
    """A reading's key: its name and a digest of its module's source."""
    return f"{read.__module__}.{read.__qualname__}@{source_digest(sys.modules[read.__module__].__file__)}"


def _entry(pattern: str, flags: int) -> _Entry:
    """What `re._compiler.compile` passes to `_sre.compile` for `pattern`."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


class PatternCache:
    """`compile(pattern, flags)`, and what `derived` functions read from a pattern, through a file in `folder`
    (None: computed every time)."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / f"patterns-{_build_tag()}.marshal" if folder else None
        self._entries: dict[tuple[str, str, int], Any] | None = None
        self._new: dict[tuple[str, str, int], Any] = {}
        self._readings: set[str] = set()
        self._clock = SaveClock(SAVE_EVERY_S)
        self.hits = self.misses = 0

    def _loaded(self) -> dict[tuple[str, str, int], Any]:
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def _read(self) -> dict[tuple[str, str, int], Any]:
        try:
            data = marshal.loads(self.path.read_bytes()) if self.path else {}
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {key: value for key, value in data.items()
                if type(key) is tuple and len(key) == 3 and type(key[0]) is str}

    def _keep(self, key: tuple[str, str, int], value: Any) -> None:
        if self.path and len(self._entries) < MAX_ENTRIES:
            self._new[key] = self._entries[key] = value

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, from the file when it holds the pattern."""
        key = ("sre", pattern, int(flags))
        entry = self._loaded().get(key)
        if entry is not None:
            try:
                compiled = _sre.compile(pattern, *entry)
            except (TypeError, ValueError, RuntimeError):
                del self._entries[key]
            else:
                self.hits += 1
                return compiled
        self.misses += 1
        compiled = re.compile(pattern, flags)
        if self.path and type(pattern) is str:
            try:
                entry = _entry(pattern, int(flags))
                same = _sre.compile(pattern, *entry) == compiled
            except Exception:
                same = False
            if same:
                self._keep(key, entry)
        return compiled

    def derived(self, read: Callable[[str, int], Any], pattern: str, flags: int = 0) -> Any:
        """`read(pattern, flags)`, a pure reading of a pattern whose result marshal can store (a parse of it,
        say), from the file when it holds it. Entries are keyed by the reading's name and its module's source,
        so changing the code that reads computes them again."""
        key = (_reading(read), pattern, int(flags))
        self._readings.add(key[0])
        entries = self._loaded()
        if key in entries:
            self.hits += 1
            return entries[key]
        self.misses += 1
        value = read(pattern, flags)
        self._keep(key, value)
        return value

    def save(self, *, wait: bool = True) -> None:
        """Add the entries learned since the last save to the file (merged with what other processes added):
        at most every `SAVE_EVERY_S` seconds unless `wait` is false, since each save rewrites the file."""
        if not self._new or self.path is None or not self._clock.due(wait=wait):
            return
        current = {kind.split("@")[0]: kind for kind in self._readings}
        merged = {key: value for key, value in self._read().items()  # not an earlier version's readings
                  if current.get(key[0].split("@")[0], key[0]) == key[0]}
        merged.update(list(self._new.items())[:max(0, MAX_ENTRIES - len(merged))])
        self._new.clear()
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            with os.fdopen(handle, "wb") as fh:
                fh.write(marshal.dumps(merged))
            os.replace(temporary, self.path)
        except (OSError, ValueError):  # a read-only or full disk: the cache stays in memory
            if temporary:
                Path(temporary).unlink(missing_ok=True)

    def stats(self) -> dict[str, Any]:
        return {"file": str(self.path) if self.path else None, "hits": self.hits, "misses": self.misses}


PATTERN_CACHE = PatternCache(default_folder())
"""The process's cache (the eyecite and courts-db adapters read through it); `save_patterns` stores what a
batch added."""


def save_patterns(*, wait: bool = True) -> None:
    """Store the entries computed since the last call, for the next process (see `PatternCache.save`)."""
    PATTERN_CACHE.save(wait=wait)
