"""Archives and compressed files: every member becomes an item, nested containers are read in turn.

Nothing is extracted to disk: members are read from the archive stream, documents into memory (capped
by `max_file_bytes`), bulk files and nested archives straight from the member's stream. The outermost
archive owns the budget that every nested level draws from, and reports hitting it as one
`archive_limit` item; the items already yielded stand.
"""

from __future__ import annotations

import io
import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, Any

from docketflow.pipeline.sources.bulkjson import iter_json
from docketflow.pipeline.sources.compressed import decompressed
from docketflow.pipeline.sources.csvrows import iter_csv
from docketflow.pipeline.sources.fedreg_xml import iter_fedreg_xml
from docketflow.pipeline.sources.formats import Format, format_of, supported_suffixes
from docketflow.pipeline.sources.item import SourceItem, rejected
from docketflow.pipeline.sources.jsonlines import iter_jsonl
from docketflow.pipeline.sources.limits import ArchiveLimit, Budget, LimitExceeded, TooLarge, read_at_most
from docketflow.pipeline.sources.members import Member, clean_name, unsafe_name
from docketflow.pipeline.sources.reading import Reading
from docketflow.pipeline.sources.regular import printable
from docketflow.pipeline.sources.sidecars import document_of, is_sidecar_name, parse_sidecar
from docketflow.pipeline.sources.tars import iter_tar_members
from docketflow.pipeline.sources.zips import iter_zip_members

CORRUPT = (zipfile.BadZipFile, tarfile.TarError, zlib.error, lzma.LZMAError, EOFError, OSError)
"""What broken or truncated archives and compressed streams raise while being read."""
_BULK = {"jsonl": iter_jsonl, "json": iter_json, "csv": iter_csv, "xml": iter_fedreg_xml}


@dataclass
class _Sidecar:
    """A sidecar member, waiting to meet the document it belongs to."""

    document: str
    values: dict[str, Any] | None = None
    error: str | None = None


def document_item(stream: IO[bytes], relpath: str, reading: Reading, declared: int = 0) -> SourceItem:
    """A document member as an item carrying its bytes, or `too_large` without reading it when declared so."""
    limit = reading.settings.max_file_bytes
    try:
        if declared > limit:
            raise TooLarge(f"declares {declared} bytes, more than max_file_bytes={limit}")
        data = read_at_most(stream, limit)
    except TooLarge as exc:
        return rejected(relpath, exc.code, str(exc))
    return SourceItem(relpath, data=data, size=len(data))


def _unsupported(relpath: str) -> SourceItem:
    return rejected(relpath, "unsupported_type", f"{PurePosixPath(relpath).suffix or 'no extension'} is not one "
                    f"of {supported_suffixes()}")


def iter_container(fmt: Format, stream: IO[bytes], relpath: str, reading: Reading, packed: int) -> Iterator[SourceItem]:
    """Items out of a bulk file, archive or compressed stream; `packed` is its stored size."""
    settings = reading.settings
    if fmt in _BULK:
        yield from _BULK[fmt](stream, relpath, settings)
        return
    if reading.depth >= settings.max_archive_depth:
        yield rejected(relpath, "archive_limit", f"archive nested deeper than max_archive_depth="
                       f"{settings.max_archive_depth}")
        return
    inner = Reading(settings, reading.depth + 1, reading.budget or Budget(settings, packed))
    try:
        yield from _ARCHIVES[fmt](stream, relpath, inner)
    except LimitExceeded as exc:
        if isinstance(exc, ArchiveLimit) and reading.budget is not None:
            raise  # the outermost archive reports it, and stops
        yield rejected(relpath, exc.code, str(exc))
    except CORRUPT as exc:
        yield rejected(relpath, "corrupt_archive", f"{type(exc).__name__}: {exc} (the members before the damage "
                       "are read)")


def _iter_zip(stream: IO[bytes], relpath: str, reading: Reading) -> Iterator[SourceItem]:
    """Zip needs random access: a nested zip is read into memory first (capped like a document)."""
    seekable = stream if stream.seekable() else io.BytesIO(read_at_most(stream, reading.settings.max_file_bytes))
    yield from _pair(_entries(iter_zip_members(seekable, reading.budget), relpath, reading, independent=True))


def _iter_tar(stream: IO[bytes], relpath: str, reading: Reading) -> Iterator[SourceItem]:
    yield from _pair(_entries(iter_tar_members(stream, reading.budget), relpath, reading, independent=False))


def _iter_compressed(stream: IO[bytes], relpath: str, reading: Reading) -> Iterator[SourceItem]:
    """`opinions.jsonl.xz`, `cases.json.gz`, `order.pdf.gz`: read as what the name says is inside."""
    body = reading.budget.reader(decompressed(stream))
    name = PurePosixPath(relpath.rsplit("!", 1)[-1])
    fmt = format_of(name.stem)
    if fmt == "document":
        yield document_item(body, relpath, reading)
    elif fmt is None:
        inner = PurePosixPath(name.stem).suffix
        held = f"the extension {inner}" if inner else "no extension"
        yield rejected(relpath, "unsupported_type", f"a {name.suffix} file is read as what its name without "
                       f"{name.suffix} says, and {name.stem!r} has {held}, not one of {supported_suffixes()} "
                       f"(name it after its content, like {name.stem}.jsonl{name.suffix})")
    else:
        yield from iter_container(fmt, body, relpath, reading, 0)


_ARCHIVES: dict[str, Callable[[IO[bytes], str, Reading], Iterator[SourceItem]]] = {
    "zip": _iter_zip,
    "tar": _iter_tar,
    "compressed": _iter_compressed,
}

_Entry = tuple[str | None, SourceItem | _Sidecar]
"""(document name, item) for a document that may meet its sidecar, (None, item) for anything else."""


def _entry(member: Member, name: str, relpath: str, reading: Reading) -> Iterator[_Entry]:
    """What one readable member holds: a sidecar, a document, or the items of a nested container."""
    assert member.open is not None
    fmt = format_of(name)
    if is_sidecar_name(name):
        try:
            yield None, _Sidecar(document_of(name), values=parse_sidecar(member.open(), name))
        except ValueError as exc:
            yield None, _Sidecar(document_of(name), error=str(exc))
    elif fmt == "document":
        yield name, document_item(member.open(), relpath, reading, member.size)
    elif fmt is None:
        yield None, _unsupported(relpath)
    else:
        for item in iter_container(fmt, member.open(), relpath, reading, member.size):
            yield None, item


def _entries(members: Iterable[Member], archive: str, reading: Reading, independent: bool) -> Iterator[_Entry]:
    """Every member as entries, refusing unsafe names and entry types.

    `independent` members (zip) can fail one by one; in a stream (tar) a read error breaks the rest too,
    so it goes up to be reported once, for the archive.
    """
    for member in members:
        reading.budget.count_member()
        unsafe = unsafe_name(member.name)
        if unsafe:
            yield None, rejected(f"{archive}!{printable(member.name)}", "unsafe_path", unsafe)
            continue
        name = clean_name(member.name)
        relpath = f"{archive}!{name}"
        if member.problem:
            yield None, rejected(relpath, *member.problem)
            continue
        try:
            yield from _entry(member, name, relpath, reading)
        except NotImplementedError as exc:  # a zip method or flag the standard library cannot read
            yield None, rejected(relpath, "unsupported_compression", f"{exc}: this member is not read")
        except CORRUPT as exc:
            if not independent:
                raise
            yield None, rejected(relpath, "corrupt_archive", f"{type(exc).__name__}: {exc}")


def _apply(item: SourceItem, sidecar: _Sidecar) -> SourceItem:
    if sidecar.error is not None:
        return rejected(item.relpath, "sidecar", sidecar.error)
    item.metadata = {**item.metadata, **(sidecar.values or {})}
    return item


def _pair(entries: Iterator[_Entry]) -> Iterator[SourceItem]:
    """Items with each sidecar applied to the document right before or right after it.

    At most one document is held back, until the next entry shows whether it is its sidecar; when the
    archive breaks off (truncated, over a limit) the held document was read whole, so it still comes out.
    """
    held: tuple[str, SourceItem] | None = None
    early: _Sidecar | None = None
    while True:
        try:
            name, entry = next(entries)
        except StopIteration:
            break
        except Exception:
            if held is not None:
                yield held[1]
            raise
        if isinstance(entry, _Sidecar):
            if held is not None and held[0] == entry.document:
                yield _apply(held[1], entry)
                held, early = None, None
                continue
            if held is not None:
                yield held[1]
                held = None
            early = entry
            continue
        if held is not None:
            yield held[1]
            held = None
        if early is not None and early.document == name:
            yield _apply(entry, early)
        elif name is not None and entry.error is None:
            held = (name, entry)
        else:
            yield entry
        early = None
    if held is not None:
        yield held[1]
