"""JSON Lines bulk files: one record per line, read a line at a time, so a bad line costs only itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from docketflow.pipeline.ingest.safejson import TooDeep, loads
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.item import SourceItem, rejected
from docketflow.pipeline.sources.records import BadRecord, record_item

_SKIP_CHUNK = 1 << 16


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Each line without its line break; None for a line longer than `limit`, which is skipped unread."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line.rstrip(b"\r\n")


def iter_jsonl(stream: IO[bytes], where: str, settings: RunSettings) -> Iterator[SourceItem]:
    """One item per non-blank line, `relpath` "<file>#<id>"; bad lines as errors "<file>#line-<n>"."""
    for number, line in enumerate(_lines(stream, settings.max_file_bytes), start=1):
        at = f"{where}#line-{number}"
        if line is None:
            yield rejected(at, "too_large", f"line {number} is longer than max_file_bytes={settings.max_file_bytes}")
            continue
        if not line.strip():
            continue
        try:
            yield record_item(loads(line, "the record"), where, line)
        except TooDeep as exc:
            yield rejected(at, exc.code, f"line {number}: {exc}")
        except BadRecord as exc:
            yield rejected(at, "bad_record", f"line {number}: {exc}")
        except ValueError as exc:
            yield rejected(at, "bad_record", f"line {number}: not JSON ({exc})")
