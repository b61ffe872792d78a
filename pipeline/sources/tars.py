"""Tar archives (plain, gzip, bzip2, xz) read strictly as a stream, in stored order, never seeking.

`tarfile` keeps every header it has seen in `members`; we clear it as we go so that a tar of a million
entries costs no more memory than a tar of ten.
"""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from typing import IO

from docketflow.pipeline.sources.compressed import decompressed
from docketflow.pipeline.sources.limits import Budget
from docketflow.pipeline.sources.members import Member


def _problem(info: tarfile.TarInfo) -> tuple[str, str] | None:
    if info.issym():
        return "unsafe_member", f"symbolic link to {info.linkname!r}"
    if info.islnk():
        return "unsafe_member", f"hard link to {info.linkname!r}"
    if info.ischr() or info.isblk() or info.isfifo():
        return "unsafe_member", "device or fifo, not a regular file"
    if not info.isreg():
        return "unsafe_member", f"tar entry type {info.type!r}, not a regular file"
    return None


def iter_tar_members(stream: IO[bytes], budget: Budget) -> Iterator[Member]:
    """Members of a tar stream; every expanded byte, headers and skipped members included, is charged."""
    with tarfile.open(fileobj=budget.reader(decompressed(stream)), mode="r|") as archive:
        while (info := archive.next()) is not None:
            archive.members.clear()
            if info.isdir():
                continue
            problem = _problem(info)
            yield Member(info.name, info.size, problem=problem,
                         open=None if problem else (lambda info=info: archive.extractfile(info)))
