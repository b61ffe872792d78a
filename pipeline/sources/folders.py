"""Folders and single files given as input roots, with include/exclude globs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

from pipeline.ingest.sidecar import is_sidecar
from pipeline.settings import RunSettings
from pipeline.sources import SourceItem

SUPPORTED = {".pdf", ".html", ".htm", ".xhtml", ".txt", ".md", ".text"}


def _selected(relpath: str, settings: RunSettings) -> bool:
    """Include globs (any must match, when given) and exclude globs (none may match), on the relative path."""
    if settings.include and not any(fnmatch(relpath, g) for g in settings.include):
        return False
    return not any(fnmatch(relpath, g) for g in settings.exclude)


def _item(path: Path, relpath: str) -> SourceItem:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if path.suffix.lower() not in SUPPORTED:
        return SourceItem(relpath, path=path, size=size,
                          error=("unsupported_type", f"{path.suffix or 'no extension'} is not one of "
                                 f"{', '.join(sorted(SUPPORTED))}"))
    return SourceItem(relpath, path=path, size=size)


def iter_root(root: Path, settings: RunSettings) -> Iterator[SourceItem]:
    """The files of one input root, sorted by relative path; symlinked directories are not followed."""
    if root.is_file():
        yield _item(root, root.name)
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
        yield _item(path, relpath)
