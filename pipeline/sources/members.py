"""Archive entries as the archive readers list them, and the checks on their names.

We never extract to disk, but a member name still becomes part of an output path and may be used by
whoever consumes the output, so names that would escape a folder are refused rather than cleaned up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from docketflow.pipeline.sources.regular import printable

_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass
class Member:
    """One archive entry: its stored name, declared size, and either a way to read it or why it is refused."""

    name: str
    size: int
    open: Callable[[], IO[bytes]] | None = None
    """A stream of the member's bytes; for tar only valid until the next member is listed."""
    problem: tuple[str, str] | None = None
    """(code, message) when the entry is not a regular file we may read (links, devices, encrypted...)."""


def unsafe_name(name: str) -> str | None:
    """Why `name` could escape the folder it would be extracted to, or None when it is safe."""
    if "\x00" in name:
        return "NUL character in member name"
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return "absolute member path"
    if ".." in re.split(r"[/\\]", name):
        return "'..' in member path"
    return None


def clean_name(name: str) -> str:
    """`./a//b` -> `a/b`: the name as it goes into `relpath`, non-UTF-8 bytes spelled `\\xNN`."""
    return printable("/".join(part for part in name.split("/") if part not in ("", ".")))
