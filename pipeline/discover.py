"""Find the documents under the input roots, in a stable order, with their paths relative to a root."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.sidecar import is_sidecar

SUPPORTED = {".pdf", ".html", ".htm", ".xhtml", ".txt", ".md", ".text"}


@dataclass(frozen=True)
class InputFile:
    """A file to process: where it is and how it is named in the output."""

    path: Path
    relpath: str
    """Posix path relative to its input root (the file name when the root is a file)."""

    @property
    def supported(self) -> bool:
        return self.path.suffix.lower() in SUPPORTED


def discover(roots: list[Path] | tuple[Path, ...]) -> Iterator[InputFile]:
    """Every file under the roots except sidecars and hidden files, sorted for reproducible runs.

    Symlinks are not followed out of a root: a link to a directory elsewhere could otherwise pull in
    (or loop over) files the user never pointed at.
    """
    for root in roots:
        if root.is_file():
            yield InputFile(root, root.name)
            continue
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                path = Path(dirpath) / name
                if name.startswith(".") or is_sidecar(path):
                    continue
                found.append(InputFile(path, path.relative_to(root).as_posix()))
        yield from sorted(found, key=lambda f: f.relpath)
