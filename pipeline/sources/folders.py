"""Folders and single files given as input roots, with include/exclude globs.

Globs select files in the folder (an archive or bulk file as a whole), not members inside them. Plain
documents stay on disk and are read by the worker that processes them; archives and bulk files are
expanded here, lazily, into items that carry their bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

from pipeline.ingest.sidecar import is_sidecar
from pipeline.settings import RunSettings
from pipeline.sources import SourceItem, rejected
from pipeline.sources.archives import iter_container
from pipeline.sources.formats import format_of, supported_suffixes
from pipeline.sources.reading import Reading


def _selected(relpath: str, settings: RunSettings) -> bool:
    """Include globs (any must match, when given) and exclude globs (none may match), on the relative path."""
    if settings.include and not any(fnmatch(relpath, g) for g in settings.include):
        return False
    return not any(fnmatch(relpath, g) for g in settings.exclude)


def iter_file(path: Path, relpath: str, settings: RunSettings) -> Iterator[SourceItem]:
    """The items of one file: itself when it is a document, its members or records when it holds several."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    fmt = format_of(path.name)
    if fmt is None:
        yield rejected(relpath, "unsupported_type", f"{path.suffix or 'no extension'} is not one of "
                       f"{supported_suffixes()}")
    elif fmt == "document":
        if size > settings.max_file_bytes:
            yield rejected(relpath, "too_large", f"{size} bytes, more than max_file_bytes={settings.max_file_bytes}")
        else:
            yield SourceItem(relpath, path=path, size=size)
    else:
        try:
            with path.open("rb") as stream:
                yield from iter_container(fmt, stream, relpath, Reading(settings), size)
        except OSError as exc:
            yield rejected(relpath, "unreadable", f"{type(exc).__name__}: {exc}")


def iter_root(root: Path, settings: RunSettings) -> Iterator[SourceItem]:
    """The items of one input root, files sorted by relative path; symlinked directories are not followed."""
    if root.is_file():
        yield from iter_file(root, root.name, settings)
        return
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            path = Path(dirpath) / name
            if name.startswith(".") or is_sidecar(path):
                continue
            relpath = path.relative_to(root).as_posix()
            if _selected(relpath, settings):
                found.append((relpath, path))
    for relpath, path in sorted(found):
        yield from iter_file(path, relpath, settings)
