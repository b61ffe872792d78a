"""Folders and single files given as input roots, with include/exclude globs.

Globs select files in the folder (an archive or bulk file as a whole), not members inside them. Plain
documents stay on disk and are read by the worker that processes them; archives and bulk files are
expanded here, lazily, into items that carry their bytes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

from docketflow.pipeline.ingest.errors import IngestError
from docketflow.pipeline.ingest.sidecar import MAX_SIDECAR_BYTES, SIDECAR_LIMIT, is_sidecar, sidecar_path
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.archives import iter_container
from docketflow.pipeline.sources.formats import format_of, supported_suffixes
from docketflow.pipeline.sources.item import SourceItem, rejected
from docketflow.pipeline.sources.names import Names
from docketflow.pipeline.sources.reading import Reading
from docketflow.pipeline.sources.regular import open_regular, printable, refusal

log = logging.getLogger("docketflow")


def _selected(relpath: str, settings: RunSettings) -> bool:
    """Include globs (any must match, when given) and exclude globs (none may match), on the relative path."""
    if settings.include and not any(fnmatch(relpath, g) for g in settings.include):
        return False
    return not any(fnmatch(relpath, g) for g in settings.exclude)


def _document(path: Path, relpath: str, size: int, real_root: Path | None, settings: RunSettings) -> SourceItem:
    """A plain document with its sidecar, if it has one; refused when the sidecar may not be read."""
    sidecar = sidecar_path(path)
    if not os.path.lexists(sidecar):  # False too when the name would be too long: then there is none
        return SourceItem(relpath, path=path, size=size)
    if real_root is not None and (refused := refusal(sidecar, real_root, settings.follow_links)):
        return rejected(relpath, "sidecar", f"{printable(sidecar.name)}: {refused[1]}")
    try:
        sidecar_size = sidecar.stat().st_size
    except OSError:
        sidecar_size = 0  # reading it will say what is wrong
    if sidecar_size > MAX_SIDECAR_BYTES:
        return rejected(relpath, "sidecar", f"{printable(sidecar.name)}: {sidecar_size} bytes, more than "
                        f"{SIDECAR_LIMIT}")
    return SourceItem(relpath, path=path, size=size, sidecar=sidecar)


def iter_file(path: Path, relpath: str, settings: RunSettings, real_root: Path | None = None) -> Iterator[SourceItem]:
    """The items of one file: itself when it is a document, its members or records when it holds several.
    `real_root` is the resolved input folder it was found in (None for a file named as an input)."""
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
            yield _document(path, relpath, size, real_root, settings)
    else:
        try:
            with open_regular(path) as stream:
                yield from iter_container(fmt, stream, relpath, Reading(settings), size)
        except IngestError as exc:
            yield rejected(relpath, exc.code, str(exc))
        except OSError as exc:
            yield rejected(relpath, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")


class _Walk:
    """One input folder listed: its files, and what could not be listed or followed (as error items)."""

    def __init__(self, root: Path, settings: RunSettings) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.out = settings.out.resolve()
        if self.out == self.real_root:
            raise ValueError(f"the output folder {settings.out} is the input folder {root}: choose another --out")
        self.settings = settings
        self.files: list[tuple[str, Path]] = []
        self.problems: list[SourceItem] = []

    def relpath(self, path: Path) -> str:
        return printable(path.relative_to(self.root).as_posix() if path != self.root else self.root.name)

    def _refuse(self, path: Path, code: str, message: str) -> None:
        relpath = self.relpath(path)
        if _selected(relpath, self.settings):
            self.problems.append(rejected(relpath, code, message))

    def _unlisted(self, exc: OSError) -> None:
        path = Path(exc.filename)
        self._refuse(path, "unreadable", f"directory cannot be listed ({exc.strerror}): its files are not read")

    def _follow(self, directory: Path) -> bool:
        """Whether to descend into a subfolder: not hidden, not a link (reported when it leaves the
        root), not the output folder (which would make every run read its own output)."""
        if directory.name.startswith("."):
            return False
        if directory.is_symlink():
            if not directory.resolve().is_relative_to(self.real_root):
                self._refuse(directory, "link_outside_root",
                             "symbolic link to a folder outside the input folder: not followed")
            return False
        if directory.resolve() == self.out:
            log.warning("the output folder %s is inside the input folder %s: it is not read as input",
                        self.settings.out, self.root)
            return False
        return True

    def run(self) -> None:
        for dirpath, dirnames, filenames in os.walk(self.root, onerror=self._unlisted):
            here = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if self._follow(here / d))
            for name in filenames:
                path = here / name
                if name.startswith(".") or is_sidecar(path):
                    continue
                relpath = self.relpath(path)
                if _selected(relpath, self.settings):
                    self.files.append((relpath, path))


def _entries(root: Path, settings: RunSettings) -> Iterator[tuple[str, Iterator[SourceItem]]]:
    """(relative path, its items) for each top-level entry of one input root, sorted by relative path."""
    if not root.is_dir():  # a file named on the command line: the user chose it, a link included
        relpath = printable(root.name)
        refused = refusal(root, root.resolve().parent, follow_links=True)
        yield relpath, iter([rejected(relpath, *refused)]) if refused else iter_file(root, relpath, settings)
        return
    walk = _Walk(root, settings)
    walk.run()
    entries: list[tuple[str, Path | SourceItem]] = [*walk.files, *((p.relpath, p) for p in walk.problems)]
    # two names may print alike (a non-UTF-8 name and one spelled with its escapes): the raw name decides
    for relpath, entry in sorted(entries, key=lambda e: (e[0], os.fsencode(e[1]) if isinstance(e[1], Path) else b"")):
        if isinstance(entry, SourceItem):
            yield relpath, iter([entry])
        elif refused := refusal(entry, walk.real_root, settings.follow_links):
            yield relpath, iter([rejected(relpath, *refused)])
        else:
            yield relpath, iter_file(entry, relpath, settings, walk.real_root)


def iter_root(root: Path, settings: RunSettings) -> Iterator[SourceItem]:
    """The items of one input root, sorted by relative path; what must not be read comes out as one
    error item each (links leaving the root, FIFOs and devices, folders that cannot be listed). No two
    items share a name (`names.Names`): the second of one name is `<name>#2`, in an order that every run
    repeats."""
    names = Names()
    for relpath, items in _entries(root, settings):
        names.enter(relpath)
        for item in items:
            item.relpath = names.claim(item.relpath)
            yield item
