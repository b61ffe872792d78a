"""The state of an output folder: which inputs were processed, by which extractor version, into what.

A SQLite database (`.docketflow/state.sqlite` inside the output folder) holds, per input path, the
document's id, the file's size and mtime as it was read, the extractor version, and the records it
produced (document, holdings, its agreement descriptions, error, compressed text). Each batch is saved
in one transaction, so a killed run keeps every batch it finished and loses none of them; a re-run skips
every input whose row is current, and processes only new or changed inputs and failures that may pass —
or everything when the extractor version changed. The JSON Lines files are exports of this table,
rewritten atomically at the end of each run, so readers never see a torn line and merged agreements
always reflect every document processed so far.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib
import json
import logging
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from docketflow.models import Agreement, Holding
from docketflow.pipeline.outcomes import Outcome, Packed, may_pass, pack
from docketflow.pipeline.output import OutputWriter, dumps, text_member
from docketflow.pipeline.sources import SourceItem

if TYPE_CHECKING:
    from docketflow.extractors.records.litigation import Source
    from docketflow.extractors.records.merge import AgreementBook

log = logging.getLogger("docketflow")
T = TypeVar("T")
STATE_FILE = Path(".docketflow") / "state.sqlite"
STATE_LAYOUT = 2
"""Bumped when the table changes; a state file of another layout is started afresh."""
_GZIP_MAGIC = b"\x1f\x8b"
"""How a stored text that is already the texts file's gzip member starts (zlib data, kept before, never does)."""
_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    input TEXT PRIMARY KEY,
    relpath TEXT NOT NULL,
    doc_id TEXT,
    size INTEGER,
    mtime_ns INTEGER,
    version TEXT NOT NULL,
    document TEXT,
    holdings TEXT,
    agreements TEXT,
    error TEXT,
    text BLOB
);
CREATE INDEX IF NOT EXISTS items_doc_id ON items (doc_id);
"""


def _stat(item: SourceItem) -> tuple[int | None, int | None]:
    if item.path is None:
        return None, None
    try:
        st = item.path.stat()
    except OSError:
        return None, None
    return st.st_size, st.st_mtime_ns


STATE_TIMEOUT_ENV = "DOCKETFLOW_STATE_TIMEOUT_S"
STATE_TIMEOUT_S = 60.0
"""How long a read or write of the state waits for another process's transaction on it (an sqlite3 shell, a
backup tool) before the run stops, saying the state is locked; `DOCKETFLOW_STATE_TIMEOUT_S` overrides it."""
LOCK_POLL_S = 0.2
"""SQLite's own wait for a lock, per attempt: the waiting is done in Python, attempt after attempt, so that
Ctrl-C and SIGTERM stop a run that waits at once (SQLite's wait does not let signal handlers run)."""


def state_timeout() -> float:
    """The state's busy timeout in seconds: `DOCKETFLOW_STATE_TIMEOUT_S`, else STATE_TIMEOUT_S."""
    value = os.environ.get(STATE_TIMEOUT_ENV, "").strip()
    if not value:
        return STATE_TIMEOUT_S
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise ValueError(f"{STATE_TIMEOUT_ENV}: expected seconds, a number >= 0 (got {value!r})")
    return seconds


def is_locked(exc: BaseException) -> bool:
    """True when SQLite gave up waiting for another connection's lock (SQLITE_BUSY, SQLITE_LOCKED and their
    extended codes): the state is healthy but in use, not damaged."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)


def locked(path: Path, timeout: float) -> str:
    """The one-line explanation of a state another process holds locked: wait for it, never reset."""
    return (f"the state file {path} is locked by another process (an sqlite3 shell, a backup, another program "
            f"holding a write transaction on it) and stayed locked for {timeout:g} s; let that process finish "
            f"and run again (nothing is lost), or wait longer with {STATE_TIMEOUT_ENV}=SECONDS")


def damaged(path: Path, exc: Exception) -> str:
    """The one-line explanation of a state file SQLite cannot read, with the way out."""
    return (f"the state file {path} cannot be read ({' '.join(str(exc).split())}); run again with --reset-state "
            "to set it aside and start a new one (every input is then read again)")


def explain(path: Path, exc: Exception) -> str:
    """The line for an SQLite error on the state file: locked (wait, never reset) or damaged (--reset-state)."""
    return locked(path, state_timeout()) if is_locked(exc) else damaged(path, exc)


def _set_aside(path: Path) -> None:
    """Rename the state file (and SQLite's companions) out of the way, saying where it went."""
    if not path.exists():
        return
    aside = path.with_name(f"{path.name}.reset-{time.strftime('%Y%m%dT%H%M%S')}")
    for suffix in ("", "-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    log.warning("--reset-state: the previous state is kept as %s; every input is read again", aside)


class StateDamaged(RuntimeError):
    """The state file is not a database SQLite can read (truncated, overwritten, from another program)."""


class StateLocked(RuntimeError):
    """Another process held a lock on the state file for longer than the state's busy timeout."""


class StateStore:
    """Processed inputs of one output folder, by input path.

    `retry_errors` makes every input whose last attempt failed count as not processed; without it only
    failures that may pass (`process.may_pass`) are tried again. `reset` sets the existing state aside
    (renamed, not deleted) and starts a new one. Each step waits up to `state_timeout()` seconds for a lock
    another process holds on the file; past it, StateLocked at the start or sqlite3.OperationalError later
    (`is_locked` tells it from damage).
    """

    def __init__(self, out: Path, version: str, *, retry_errors: bool = False, reset: bool = False) -> None:
        path = out / STATE_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = (path.parent / "lock").open("w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise RuntimeError(f"another docketflow run is writing to {out}") from None
        self.version = version
        self.retry_errors = retry_errors
        try:
            self.timeout = state_timeout()
            if reset:
                _set_aside(path)
            self._db = self._patiently(lambda: self._open(path))
        except sqlite3.DatabaseError as exc:
            self._lock.close()
            if is_locked(exc):
                raise StateLocked(locked(path, self.timeout)) from exc
            raise StateDamaged(damaged(path, exc)) from exc
        except BaseException:
            self._lock.close()
            raise

    def _patiently(self, work: Callable[[], T]) -> T:
        """`work()`, attempted again while another process holds the state locked, for up to self.timeout
        seconds; each attempt ends (rolled back) after LOCK_POLL_S of SQLite's own waiting."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                return work()
            except sqlite3.OperationalError as exc:
                if not is_locked(exc) or time.monotonic() >= deadline:
                    raise

    def _open(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=min(LOCK_POLL_S, self.timeout))
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if db.execute("PRAGMA user_version").fetchone()[0] != STATE_LAYOUT:
                db.executescript("DROP TABLE IF EXISTS items;")  # an older layout: redo everything
                db.execute(f"PRAGMA user_version = {STATE_LAYOUT}")
            db.executescript(_SCHEMA)
            db.execute("SELECT COUNT(*) FROM items").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        self._db.close()
        self._lock.close()

    def is_current(self, item: SourceItem) -> bool:
        """True when this input was processed by this extractor version and has not changed since.

        Plain files are compared by the size and modification time they had when they were read (no need to
        read them again); items read from archives or bulk files by the hash of their bytes. Items rejected
        before reading are never current, nor are failures that may pass (or any failure, with retry_errors).
        """
        if item.error is not None:
            return False
        query = "SELECT doc_id, size, mtime_ns, version, json_extract(error, '$.error') FROM items WHERE input = ?"
        row = self._patiently(lambda: self._db.execute(query, (item.key,)).fetchone())
        if row is None or row[3] != self.version:
            return False
        if row[4] is not None and (self.retry_errors or may_pass(row[4])):
            return False
        if item.path is not None:
            return (row[1], row[2]) == _stat(item)
        return item.data is not None and row[0] == hashlib.sha256(item.data).hexdigest()

    def save(self, pairs: list[tuple[SourceItem, Outcome | Packed]]) -> None:
        """Record a finished batch in one transaction (all of it or, if killed, none of it). Outcomes come
        packed from workers; the others (processed in this process, or failed here) are packed now."""
        rows = []
        for item, outcome in pairs:
            packed = pack(outcome)
            size, mtime = packed.stamp if item.path is not None and packed.stamp else (None, None)
            rows.append((item.key, item.relpath, packed.doc_id, size, mtime, self.version, packed.document,
                         packed.holdings, packed.agreements, packed.error, packed.text))
        self._patiently(lambda: self._write("INSERT OR REPLACE INTO items VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows))

    def _write(self, statement: str, rows: list[tuple]) -> None:
        with self._db:
            self._db.executemany(statement, rows)

    def drop_stale_rejections(self, roots: set[str], seen: set[str]) -> None:
        """Forget the inputs of `roots` turned away at discovery by an earlier run but not by this one, which
        read every root to its end: a folder that can now be listed, a bulk file that can now be opened, a
        link removed. Their error lines described the folder as it was."""
        query = "SELECT input FROM items WHERE json_extract(error, '$.stage') = 'discover'"
        rows = self._patiently(lambda: self._db.execute(query).fetchall())
        stale = [(key,) for (key,) in rows if key not in seen and key.split("\x1f", 1)[0] in roots]
        self._patiently(lambda: self._write("DELETE FROM items WHERE input = ?", stale))

    def documents_with_warnings(self) -> int:
        """Distinct documents whose record carries at least one warning."""
        query = ("SELECT COUNT(DISTINCT doc_id) FROM items WHERE document IS NOT NULL "
                 "AND json_array_length(json_extract(document, '$.warnings')) > 0")
        return self._patiently(lambda: self._db.execute(query).fetchone()[0])

    def _documents(self, texts: bool = True) -> Iterator[tuple[str, str, str, str, bytes | None]]:
        """(doc_id, relpath, document, holdings, text) per distinct document, first path in path order; the
        compressed text only when `texts` (most of the state's bytes)."""
        seen: set[str] = set()
        query = (f"SELECT doc_id, relpath, document, holdings, {'text' if texts else 'NULL'} FROM items "
                 "WHERE document IS NOT NULL ORDER BY doc_id, relpath")
        for row in self._db.execute(query):
            if row[0] not in seen:
                seen.add(row[0])
                yield row

    def _agency_names_printed(self) -> dict[str, str]:
        """{agency key: name} as the documents with records print them (the entity's normalized name, the most
        frequent, ties alphabetical): the names of agencies the gazetteer does not list."""
        query = ("SELECT json_extract(e.value, '$.key'), json_extract(e.value, '$.normalized.name'), COUNT(*) "
                 "FROM items, json_each(items.document, '$.entities') AS e WHERE items.document IS NOT NULL "
                 "AND (items.holdings != '[]' OR items.agreements != '[]') "
                 "AND json_extract(e.value, '$.label') = 'AGENCY' GROUP BY 1, 2")
        counts: dict[str, list[tuple[int, str]]] = {}
        for key, name, count in self._db.execute(query):
            if key and isinstance(name, str) and name.strip():
                counts.setdefault(key, []).append((-count, " ".join(name.split())))
        return {key: min(names)[1] for key, names in counts.items()}

    def export(self, writer: OutputWriter) -> dict[str, int]:
        """`_export` from one read snapshot of the state, taken once no other process holds it locked: no
        read further on has to wait."""
        def snapshot() -> None:
            self._db.execute("BEGIN")
            try:
                self._db.execute("SELECT COUNT(*) FROM items").fetchone()
            except BaseException:
                self._db.rollback()
                raise

        self._patiently(snapshot)
        try:
            return self._export(writer)
        finally:
            self._db.rollback()  # ends the read transaction; nothing was written in it

    def _export(self, writer: OutputWriter) -> dict[str, int]:
        """Write every current record through `writer`: documents and holdings by id, errors by path,
        agreements merged across all documents. An input path processed twice under different content
        keeps only its latest result; identical files under several paths are one document. Documents and
        holdings name agreements by the ids their document computed; the lines whose ids the merge changed
        are rewritten with the merged ids, the others written as stored."""
        names, litigation_records, merge = load_publishing()
        named = names.named
        book = merge.AgreementBook()
        for (agreements,) in self._db.execute("SELECT agreements FROM items WHERE document IS NOT NULL "
                                              "ORDER BY relpath, input"):
            for line in json.loads(agreements):
                book.add(Agreement.model_validate_json(line))
        by_doc: dict[str, list[Holding]] = {}
        sources: dict[str, Source] = {}
        for doc_id, _, document, lines, _ in self._documents(texts=False):
            if lines != "[]":
                by_doc[doc_id] = sorted((Holding.model_validate_json(line) for line in json.loads(lines)),
                                        key=lambda h: h.id)
                sources[doc_id] = case_source(json.loads(document))
        for holding in (h for held in by_doc.values() for h in held):
            book.add_holding(holding)
        for doc_id, held in by_doc.items():  # each bearing on its merged agreement, as read once
            by_doc[doc_id] = [h.model_copy(update={"agreement": book.holding_agreement(h)}) for h in held]
        litigation = litigation_records.Litigation([h for held in by_doc.values() for h in held], sources)
        found = self._agency_names_printed()
        for doc_id, _, document, _, text in self._documents():
            writer.write_line("documents", _with_agreement_ids(document, book))
            for holding in by_doc.get(doc_id, []):
                writer.write("holdings", named(litigation.place(holding), found))
            writer.write_text(_member(doc_id, text))
        for agreement in merge.with_decisions(book.records(), litigation.decisions()):
            writer.write("agreements", named(agreement, found))
        for case in litigation.cases:
            writer.write("cases", named(case, found))
        for (error,) in self._db.execute("SELECT error FROM items WHERE error IS NOT NULL ORDER BY relpath, input"):
            writer.write_line("errors", error)
        return dict(writer.counts)


PUBLISHING_MODULES = ("docketflow.extractors.names", "docketflow.extractors.records.litigation",
                      "docketflow.extractors.records.merge")
"""What `export` merges records with. They load none of spaCy and the pipeline, but the tables of agencies,
courts and acts, which the coordinating process needs for nothing else: the store imports them only when it
publishes."""


def load_publishing() -> list[ModuleType]:
    """`PUBLISHING_MODULES`, imported. A run calls this once its workers are starting, so that the import
    overlaps their start-up instead of delaying it (or the end of the run); `export` then finds them loaded."""
    return [importlib.import_module(name) for name in PUBLISHING_MODULES]


def _member(doc_id: str, stored: bytes) -> bytes:
    """A stored text as the texts file's gzip member: as it is, or from the zlib-compressed text that a
    state written before members were kept holds."""
    if stored[:2] == _GZIP_MAGIC:
        return stored
    return text_member(doc_id, zlib.decompress(stored).decode("utf-8"))


def _with_agreement_ids(line: str, book: AgreementBook) -> str:
    """A stored document line, with its agreement ids mapped to the merged records' ids."""
    document = json.loads(line)
    merged = sorted({book.final_id(i) for i in document.get("agreements", [])})
    if merged == document.get("agreements", []):
        return line
    document["agreements"] = merged
    return dumps(document)


def case_source(document: dict) -> Source:
    """What a stored document line says about the case its holdings belong to."""
    from docketflow.extractors.records.litigation import Source

    entities = document.get("entities") or []
    return Source(kind=document.get("kind"), date=(document.get("source") or {}).get("published"),
                  dockets=tuple(dict.fromkeys(e["key"] for e in entities if e["label"] == "DOCKET" and e["key"])),
                  courts=tuple(dict.fromkeys(e["key"] for e in entities if e["label"] == "COURT" and e["key"])))
