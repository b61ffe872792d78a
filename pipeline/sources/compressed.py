"""Single compressed streams (gzip, bzip2, xz), recognised by their magic bytes rather than their names."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from collections.abc import Callable
from typing import IO

# The caller owns (and closes) the decompressing stream each opener returns.
_MAGIC: tuple[tuple[bytes, Callable[[IO[bytes]], IO[bytes]]], ...] = (
    (b"\x1f\x8b", lambda s: gzip.GzipFile(fileobj=s, mode="rb")),
    (b"BZh", lambda s: bz2.BZ2File(s, mode="rb")),
    (b"\xfd7zXZ\x00", lambda s: lzma.LZMAFile(s, mode="rb")),  # noqa: SIM115
)


def decompressed(stream: IO[bytes]) -> IO[bytes]:
    """`stream` decompressed if it starts like gzip, bzip2 or xz, else `stream` itself; never seeks."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore[arg-type]
    head = buffered.peek(8)[:8]
    for magic, opener in _MAGIC:
        if head.startswith(magic):
            return opener(buffered)
    return buffered
