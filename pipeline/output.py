"""Write the output folder so that a killed run never leaves a torn or half-written file.

Each JSON Lines file is streamed to a hidden temporary file next to its final name and moved into
place with `os.replace` when the run closes; `run.json` and the schema files are written the same way.
Each file is therefore whole. The files of one run are published together: a `PUBLISHING` marker is
written before the first file is moved and removed after `run.json`, which lists every file's size
(`files`). A process killed in between leaves the marker, so a reader can tell a half-published folder
(`published_state`) until the next run publishes a complete one.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from docketflow.models import json_schemas
from docketflow.models.common import SURROGATE
from pydantic import BaseModel

JSONL_FILES = ("documents", "holdings", "agreements", "cases", "errors")
TEXTS_FILE = "texts.jsonl.gz"
"""Document texts, gzip-compressed: entity and evidence offsets point into them, and they are most of the bytes.
Each line is a gzip member of its own (`text_member`), made when the document is saved: publishing copies the
members in document order instead of compressing every text again at the end of each run (over half of the
export's time), for about 7 % more bytes than one stream. gzip readers read the members as one stream
(RFC 1952: gzip, zcat, Python's gzip, DuckDB, pyarrow, pandas)."""
TEXTS_LEVEL = 6
"""gzip level of the texts file: zlib's default, half the time of gzip's 9 for 0.5 % more bytes."""
_EMPTY_MEMBER = gzip.compress(b"", compresslevel=TEXTS_LEVEL, mtime=0)
"""What a texts file holds when the output has no document: a valid, empty gzip stream."""
PUBLISHING = ".publishing"
"""Present while a run moves its files into place; left behind only by a run killed in the middle of it."""
FILE_MODE = 0o644
"""mkstemp makes files private to the writer; output is for downstream readers too."""


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text file that replaces `path` in one step when the block ends, and vanishes if it fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.fchmod(fd, FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step."""
    with atomic_writer(path) as fh:
        fh.write(text)


def dumps(record: BaseModel | dict[str, Any]) -> str:
    """One JSON line; keys in model order so diffs between runs stay readable.

    Inputs are made writable where they are read (`models.common.writable`); a lone surrogate that got past
    that still must not stop the run, so it is spelled as the text `\\udcff` here (an escaped backslash in
    JSON: the reader gets the six characters, not a surrogate it may refuse).
    """
    data = record.model_dump(mode="json") if isinstance(record, BaseModel) else record
    line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if line.isascii() or SURROGATE.search(line) is None:
        return line
    return SURROGATE.sub(lambda m: f"\\\\u{ord(m[0]):04x}", line)


def text_member(doc_id: str, text: str) -> bytes:
    """A document's line of the texts file as a gzip member (no timestamp, so the same text gives the same
    bytes)."""
    line = dumps({"doc_id": doc_id, "text": text}) + "\n"
    return gzip.compress(line.encode("utf-8"), compresslevel=TEXTS_LEVEL, mtime=0)


def write_schemas(folder: Path) -> None:
    """`schema/<record>.schema.json` for every record type."""
    for name, schema in json_schemas().items():
        atomic_write_text(folder / f"{name}.schema.json", json.dumps(schema, indent=2) + "\n")


def remove_leftovers(out: Path) -> None:
    """Delete the temporary files of a run that was killed before it could publish them."""
    names = [f"{name}.jsonl" for name in JSONL_FILES] + [TEXTS_FILE, "run.json"]
    for name in names:
        for leftover in out.glob(f".{name}.*"):
            leftover.unlink(missing_ok=True)


_PUBLISHED = (*(f"{name}.jsonl" for name in JSONL_FILES), TEXTS_FILE)


def published_state(out: Path) -> str:
    """'complete' when the folder holds one run's files as its `run.json` lists them, 'incomplete' when a
    run was killed while publishing (its marker is there, or a file's size is not the one `run.json` lists),
    'none' when nothing was published."""
    report = out / "run.json"
    if (out / PUBLISHING).exists():
        return "incomplete"
    if not report.exists():
        return "none"
    try:
        files = json.loads(report.read_text(encoding="utf-8")).get("files") or {}
    except (OSError, ValueError):
        return "incomplete"
    for name, size in files.items():
        path = out / name
        if not path.exists() or path.stat().st_size != size:
            return "incomplete"
    return "complete"


class OutputWriter:
    """Streams records to temporary files and publishes them all at `commit()`."""

    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out)
        self.counts = dict.fromkeys(JSONL_FILES, 0)
        self._files: dict[str, tuple[Path, IO[str]]] = {}
        for name in JSONL_FILES:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.jsonl.", dir=out)
            os.fchmod(fd, FILE_MODE)
            self._files[name] = (Path(tmp), os.fdopen(fd, "w", encoding="utf-8"))
        fd, tmp = tempfile.mkstemp(prefix=f".{TEXTS_FILE}.", dir=out)
        os.fchmod(fd, FILE_MODE)
        self._texts_tmp = Path(tmp)
        self._texts = os.fdopen(fd, "wb")
        self._text_count = 0

    def write(self, kind: str, record: BaseModel | dict[str, Any]) -> None:
        """Append one whole line to the `kind` file (documents, holdings, agreements, errors)."""
        self.write_line(kind, dumps(record))

    def write_line(self, kind: str, line: str) -> None:
        """Append a record already serialized by `dumps` (as the state store keeps them)."""
        self._files[kind][1].write(line + "\n")
        self.counts[kind] += 1

    def write_text(self, member: bytes) -> None:
        """Append a document's extracted text as made by `text_member`, so readers can resolve offsets without
        the inputs."""
        self._texts.write(member)
        self._text_count += 1

    def _close_texts(self) -> None:
        """Close the texts file (an empty gzip stream when no document was written), flushed to disk."""
        if self._texts.closed:
            return
        if not self._text_count:
            self._texts.write(_EMPTY_MEMBER)
        self._texts.flush()
        os.fsync(self._texts.fileno())
        self._texts.close()

    def commit(self, run_report: dict[str, Any]) -> None:
        """Publish every file between the marker and `run.json` (written last, with every file's size)."""
        atomic_write_text(self.out / PUBLISHING, json.dumps({"started": run_report.get("finished_at")}) + "\n")
        for name, (tmp, fh) in self._files.items():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
            os.replace(tmp, self.out / f"{name}.jsonl")
        self._files.clear()
        self._close_texts()
        os.replace(self._texts_tmp, self.out / TEXTS_FILE)
        write_schemas(self.out / "schema")
        files = {name: (self.out / name).stat().st_size for name in _PUBLISHED}
        report = {**run_report, "files": files}
        atomic_write_text(self.out / "run.json", json.dumps(report, indent=2, default=str) + "\n")
        (self.out / PUBLISHING).unlink(missing_ok=True)

    def abort(self) -> None:
        """Drop the temporary files and keep whatever complete output was there before."""
        for tmp, fh in self._files.values():
            fh.close()
            tmp.unlink(missing_ok=True)
        self._files.clear()
        self._close_texts()
        self._texts_tmp.unlink(missing_ok=True)
