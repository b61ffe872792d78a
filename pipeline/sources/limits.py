"""Limits that keep a hostile archive or an outsized record from exhausting memory, disk or time.

Declared sizes can lie, so besides checking them up front every byte actually expanded out of an archive
is counted as it is read (`Budget.reader`), and documents are read with a cap (`read_at_most`). One
budget covers an archive and everything nested in it: a 42.zip-style bomb spreads its expansion over
many levels, and only the total says what it costs.
"""

from __future__ import annotations

import io
from typing import IO

from docketflow.pipeline.settings import RunSettings

RATIO_FLOOR = 1 << 20
"""Expansion ratios are only enforced past this many bytes: a few kilobytes of blank lines compress
1000:1 without being a bomb, and a bomb that small does no harm."""


READ_CHUNK = 1 << 20


class LimitExceeded(Exception):
    """A limit was hit; `code` is the error code the item reports."""

    code = "limit"


class TooLarge(LimitExceeded):
    """One document or record is larger than `max_file_bytes`: skip it, read on."""

    code = "too_large"


class ArchiveLimit(LimitExceeded):
    """An archive holds too many members or expands too far: stop reading it."""

    code = "archive_limit"


class Budget:
    """Members and expanded bytes left to one outermost archive (or compressed file)."""

    def __init__(self, settings: RunSettings, packed: int) -> None:
        self.settings = settings
        self.packed = packed
        self.members = 0
        self.expanded = 0
        self.allowed = min(settings.max_archive_bytes, max(settings.max_expansion_ratio * packed, RATIO_FLOOR))

    def count_member(self) -> None:
        """Count one more entry; raises ArchiveLimit past `max_archive_members`."""
        self.members += 1
        if self.members > self.settings.max_archive_members:
            raise ArchiveLimit(f"more than max_archive_members={self.settings.max_archive_members} entries")

    def charge(self, size: int) -> None:
        """Count `size` more expanded bytes; raises ArchiveLimit once the total passes what is allowed."""
        self.expanded += size
        if self.expanded > self.allowed:
            raise ArchiveLimit(self._why())

    def check_declared(self, total: int) -> None:
        """Refuse up front an archive whose own listing already declares more than is allowed."""
        if total > self.allowed:
            raise ArchiveLimit(f"declares {total} expanded bytes: {self._why()}")

    def reader(self, stream: IO[bytes]) -> io.BufferedReader:
        """`stream` with every byte read from it charged to this budget."""
        return io.BufferedReader(_Counted(stream, self))

    def _why(self) -> str:
        if self.allowed == self.settings.max_archive_bytes:
            return f"expands past max_archive_bytes={self.settings.max_archive_bytes}"
        return (f"expands past max_expansion_ratio={self.settings.max_expansion_ratio} "
                f"times its {self.packed} stored bytes")


class _Counted(io.RawIOBase):
    """A raw stream that charges what passes through it to a budget."""

    def __init__(self, inner: IO[bytes], budget: Budget) -> None:
        self.inner = inner
        self.budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.inner.read(len(buffer))
        self.budget.charge(len(data))
        buffer[: len(data)] = data
        return len(data)


def read_at_most(stream: IO[bytes], limit: int, limit_name: str | None = None) -> bytes:
    """All of `stream`, or TooLarge as soon as it proves longer than `limit`, which the message names as
    `limit_name` (by default the `max_file_bytes` setting).

    Read in chunks: asking a buffered stream for `limit + 1` bytes at once would allocate that much up front.
    """
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(READ_CHUNK, limit + 1 - total)):
        total += len(chunk)
        if total > limit:
            raise TooLarge(f"larger than {limit_name or f'max_file_bytes={limit}'}")
        chunks.append(chunk)
    return b"".join(chunks)
