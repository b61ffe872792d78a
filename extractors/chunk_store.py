"""What the tokenizer made of each chunk, kept on disk so the next process need not learn it again.

A new worker tokenizes every chunk it has not seen with spaCy's affix rules: 1.9 s of a 254-opinion run is
that learning, which every worker of every run repeats for the same words. `ChunkStore` keeps the
`ChunkTokenizer`'s splits (each chunk's words, trailing-space flags and special-case norms) in an SQLite file
named for everything they depend on (spaCy's version, the tokenizer's rules, this code), so a split read
back is the split the tokenizer would make again. It is looked up per document, for that document's new
chunks only, so a run of two documents reads a few hundred rows, not the file.

A chunk that is one word (with the space after it) is stored as an empty value: most are, and they are read
back without decoding. Saving inserts the chunks learned since the last save in one transaction; several
workers may write at once (SQLite's write-ahead log and a busy timeout). Past `MAX_BYTES` nothing more is
added. Any database error turns the store off for the process: the tokenizer then learns as it would without
one. A process that starts a file removes the files of other rules or code, so the folder holds one.
"""

from __future__ import annotations

import marshal
import sqlite3
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from docketflow.extractors.cache_folder import SaveClock

MAX_BYTES = 64_000_000
"""About a million chunks; lookups stay fast at any size, so the bound only keeps the folder modest."""

SAVE_EVERY_S = 2.0
"""Least time between two saves of a process, so a run of small batches writes a few transactions."""

_BATCH = 500
"""Chunks per lookup query (SQLite's bound on parameters is far higher; this keeps a query short)."""

Split = tuple[tuple[int, ...], tuple[bool, ...], tuple[tuple[int, str], ...]]
"""A chunk's split in memory: its words as vocabulary ids."""

Stored = tuple[tuple[str, ...], tuple[bool, ...], tuple[tuple[int, str], ...]]
"""A chunk's split on disk: its words as strings."""


class ChunkStore:
    """The file of one tokenizer's chunk splits (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._unsaved: list[str] = []
        self._clock = SaveClock(SAVE_EVERY_S)
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._lock = threading.Lock()

    def _connection(self, create: bool) -> sqlite3.Connection | None:
        if self._db is None and not self._broken and (create or self.path.exists()):
            try:
                if not self.path.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    self._remove_others()
                db = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA journal_size_limit=4000000")  # the log is cut back after each checkpoint
                db.execute("CREATE TABLE IF NOT EXISTS chunks (chunk TEXT PRIMARY KEY, split BLOB) WITHOUT ROWID")
                self._db = db
            except (sqlite3.Error, OSError):
                self._broken = True
        return self._db

    def stored(self, chunks: Iterable[str]) -> dict[str, Stored]:
        """The stored splits of `chunks` (those the file holds, in a readable shape)."""
        found: dict[str, Stored] = {}
        with self._lock:
            db = self._connection(create=False)
            if db is None:
                return found
            wanted = list(chunks)
            try:
                for at in range(0, len(wanted), _BATCH):
                    batch = wanted[at:at + _BATCH]
                    query = f"SELECT chunk, split FROM chunks WHERE chunk IN ({','.join('?' * len(batch))})"
                    for chunk, blob in db.execute(query, batch):
                        split = _one_word(chunk) if blob == b"" else _loaded(blob)
                        if split is not None:
                            found[chunk] = split
            except sqlite3.Error:
                self._off()
        return found

    def learned(self, chunk: str) -> None:
        """Note a chunk the tokenizer learned and remembered, for the next save."""
        self._unsaved.append(chunk)

    def save(self, memo: dict[str, Split], string_of: Callable[[int], str], *, wait: bool = True) -> None:
        """Store the noted chunks' splits (from `memo`; `string_of` maps a word's id to its string), at most
        every `SAVE_EVERY_S` seconds unless `wait` is false."""
        if not self._unsaved or not self._clock.due(wait=wait):
            return
        rows = []
        for chunk in self._unsaved:
            if chunk in memo:
                split: Stored = (tuple(map(string_of, memo[chunk][0])), *memo[chunk][1:])  # type: ignore[assignment]
                rows.append((chunk, b"" if split == _one_word(chunk) else marshal.dumps(split)))
        self._unsaved = []
        with self._lock:
            db = self._connection(create=True)
            if db is None or self.path.stat().st_size > MAX_BYTES:
                return
            try:
                db.execute("BEGIN")
                db.executemany("INSERT OR IGNORE INTO chunks VALUES (?, ?)", rows)
                db.execute("COMMIT")
            except sqlite3.Error:
                self._off()

    def _off(self) -> None:
        """A database error: stop using the file in this process."""
        self._broken = True
        if self._db is not None:
            self._db.close()
            self._db = None

    def _remove_others(self) -> None:
        """Drop the files of other rules or code: their splits would never be read again here."""
        for other in self.path.parent.glob("chunks-*.sqlite3*"):
            if not other.name.startswith(self.path.name):
                other.unlink(missing_ok=True)


def _one_word(chunk: str) -> Stored:
    """The split of a chunk that is one word with the space after it, if any: most chunks, stored as an empty
    value and read back without decoding."""
    if chunk[-1] == " " and not chunk[0].isspace():
        return (chunk[:-1],), _SPACED, ()
    return (chunk,), _UNSPACED, ()


_SPACED, _UNSPACED = (True,), (False,)


def _loaded(blob: Any) -> Stored | None:
    """A stored split, or None when the row does not hold one."""
    try:
        split = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None
    readable = (type(split) is tuple and len(split) == 3 and type(split[0]) is tuple and type(split[1]) is tuple
                and len(split[0]) == len(split[1]) > 0 and type(split[2]) is tuple
                and all(type(word) is str and word for word in split[0]))
    return split if readable else None
