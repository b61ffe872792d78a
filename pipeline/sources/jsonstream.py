"""Top-level JSON values read one at a time from a stream: a single object, the elements of a top-level
array, or objects simply concatenated (JSON Lines saved as `.json`).

`json.load` would hold a whole bulk file (and its parsed form) in memory; this holds one value. The
buffer grows geometrically while a value is incomplete, so a large value costs a few parses, not one
per chunk. Each value's nesting is measured before it is parsed: one nested deeper than `MAX_NESTING`
is skipped whole and comes out as a `TooDeep` in its place, and the values after it are read on.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from docketflow.pipeline.ingest.safejson import MAX_NESTING, TooDeep, nesting, writable_value
from docketflow.pipeline.sources.limits import TooLarge

CHUNK = 1 << 16
_SPACE = re.compile(r"[ \t\r\n]*")


class _Scanner:
    """A sliding window over decoded text with JSON values cut out of it."""

    def __init__(self, text: IO[str], limit: int) -> None:
        self.text = text
        self.limit = limit
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _more(self, want: int) -> bool:
        """Append at least `want` characters (fewer only at the end); drop what has been consumed."""
        if self.eof:
            return False
        if self.pos:
            self.buf, self.pos = self.buf[self.pos:], 0
        chunk = self.text.read(max(want, CHUNK))
        self.eof = not chunk
        self.buf += chunk
        return bool(chunk)

    def peek(self) -> str:
        """The next non-blank character, not consumed; "" at the end."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more(CHUNK):
                return ""

    def take(self, expected: str) -> str:
        """Consume the next non-blank character, which must be one of `expected`."""
        found = self.peek()
        if not found or found not in expected:
            raise json.JSONDecodeError(f"expected one of {expected!r}", self.buf, self.pos)
        self.pos += 1
        return found

    def _too_deep(self) -> bool | None:
        """Whether the value at `pos` nests deeper than MAX_NESTING (when it does, it is consumed); None when
        it does, but does not end within the buffer, which must grow first (parsing it would recurse)."""
        if self.buf[self.pos:self.pos + 1] not in ("[", "{"):
            return False
        deepest, end = nesting(self.buf, self.pos)
        if deepest <= MAX_NESTING:
            return False
        if end is not None:
            self.pos = end
            return True
        if self.eof:
            raise TooDeep("an unclosed JSON value")
        return None

    def value(self) -> tuple[Any, bytes]:
        """The next value and its bytes as stored; a value ending the buffer is only trusted at the end.
        A value nested too deep is skipped and stands as (TooDeep, b"")."""
        self.peek()
        while True:
            too_deep = self._too_deep()
            if too_deep:
                return TooDeep(), b""
            if too_deep is None:
                self._grow()
                continue
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
                if end < len(self.buf) or self.eof:
                    raw = self.buf[self.pos:end]
                    self.pos = end
                    return writable_value(value), raw.encode("utf-8")
            except json.JSONDecodeError:
                if self.eof:
                    raise
            except RecursionError as exc:  # the scan above comes first; this only keeps the run going
                raise TooDeep() from exc
            self._grow()

    def _grow(self) -> None:
        """Read on until the buffer holds twice the value begun at `pos`, up to the limit."""
        if len(self.buf) - self.pos > self.limit:
            raise TooLarge(f"a JSON value longer than max_file_bytes={self.limit}")
        self._more(len(self.buf) - self.pos)


def iter_json_values(stream: IO[bytes], limit: int) -> Iterator[tuple[Any, bytes]]:
    """Each top-level value (each element, for a top-level array) with its raw bytes.

    Raises json.JSONDecodeError / UnicodeDecodeError on malformed input, TooLarge on a value longer
    than `limit` characters and TooDeep on a deep one that never closes; values before the fault have been
    yielded. A value nested deeper than MAX_NESTING is yielded as (TooDeep, b"") and reading goes on.
    """
    scan = _Scanner(io.TextIOWrapper(stream, encoding="utf-8-sig"), limit)
    while scan.peek():
        if scan.peek() != "[":
            yield scan.value()
            continue
        scan.take("[")
        if scan.peek() == "]":
            scan.take("]")
            continue
        while True:
            yield scan.value()
            if scan.take(",]") == "]":
                break
