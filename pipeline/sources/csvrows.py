"""CSV bulk exports (CourtListener opinions; any CSV with `id` and `text` columns), a row at a time.

CourtListener's bulk CSVs come out of PostgreSQL `COPY` with a backtick as the quote character, while
hand-made exports use the usual double quote; the first few rows tell which. Opinion texts run far past
`csv`'s default field size limit of 128 KiB, so the limit is raised to `max_file_bytes`. The encoding is
decided on the first SAMPLE_BYTES as plain text decides it (`ingest.text.decode`: a BOM, UTF-8, what
charset-normalizer detects, cp1252 preferred): a spreadsheet saved as Windows-1252 reads like one in UTF-8.
A byte that does not decode further on (a UTF-8 export with one row pasted from Windows) is read as
cp1252, so that no row after it is lost.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import chain, count
from typing import IO

from docketflow.pipeline.ingest.text import BOMS, decode
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.courtlistener import TEXT_FIELDS
from docketflow.pipeline.sources.item import SourceItem, rejected
from docketflow.pipeline.sources.records import BadRecord, record_item

SAMPLE_CHARS = 1 << 16
SAMPLE_BYTES = 1 << 16


class _Prefixed(io.RawIOBase):
    """`head` (bytes already read from `rest`), then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head = head
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.head:
            data, self.head = self.head[: len(buffer)], self.head[len(buffer):]
        else:
            data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _encoding(head: bytes) -> str:
    """The encoding of a CSV that starts with `head`, decided as for plain text; a UTF-8 character cut at
    the end of the sample does not count against UTF-8."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return decode(head)[1]
    return "utf-8-sig"


def _as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: the bytes that did not decode, read as cp1252 (latin-1 where cp1252 has a hole)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in bad), exc.end


_FALLBACK = "docketflow.csv-cp1252"
codecs.register_error(_FALLBACK, _as_cp1252)


def _text(stream: IO[bytes]) -> IO[str]:
    """`stream` decoded in the encoding its first SAMPLE_BYTES show, stray bytes after them as cp1252."""
    head = stream.read(SAMPLE_BYTES)
    return io.TextIOWrapper(io.BufferedReader(_Prefixed(head, stream)), encoding=_encoding(head), errors=_FALLBACK,
                            newline="")


def _sample(text: IO[str]) -> list[str]:
    """Whole lines from the start of `text`, about SAMPLE_CHARS of them."""
    lines: list[str] = []
    size = 0
    while size < SAMPLE_CHARS and (line := text.readline()):
        lines.append(line)
        size += len(line)
    return lines


def _quote_char(sample: str) -> str:
    """A backtick when fields start with one more often than with a double quote."""
    return "`" if sample.count(",`") + sample.count("\n`") > sample.count(',"') + sample.count('\n"') else '"'


def _row_bytes(row: list[str], quote: str) -> bytes:
    """The row as CSV again: what `doc_id` hashes, independent of the line breaks it was stored with."""
    out = io.StringIO()
    csv.writer(out, quotechar=quote, lineterminator="\n").writerow(row)
    return out.getvalue().encode("utf-8")


def iter_csv(stream: IO[bytes], where: str, settings: RunSettings) -> Iterator[SourceItem]:
    """One item per row, `relpath` "<file>#<id>"; errors at "<file>#row-<n>" (the header is row 1)."""
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_file_bytes))
    text = _text(stream)
    sample = _sample(text)
    quote = _quote_char("".join(sample))
    reader = csv.reader(chain(sample, text), quotechar=quote)
    header = next(reader, None)
    if header is None or not {*TEXT_FIELDS, "text"} & set(header):
        yield rejected(where, "unsupported_type", "CSV without a text column (plain_text, html..., or text)")
        return
    for number in count(2):
        at = f"{where}#row-{number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield rejected(at, "bad_record", f"row {number}: {exc}")
            continue
        if len(row) != len(header):
            yield rejected(at, "bad_record", f"row {number}: {len(row)} fields, the header has {len(header)}")
            continue
        try:
            yield record_item(dict(zip(header, row, strict=True)), where, _row_bytes(row, quote))
        except BadRecord as exc:
            yield rejected(at, "bad_record", f"row {number}: {exc}")
