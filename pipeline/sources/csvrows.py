"""CSV bulk exports (CourtListener opinions; any CSV with `id` and `text` columns), a row at a time.

CourtListener's bulk CSVs come out of PostgreSQL `COPY` with a backtick as the quote character, while
hand-made exports use the usual double quote; the first few rows tell which. Opinion texts run far past
`csv`'s default field size limit of 128 KiB, so the limit is raised to `max_file_bytes`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import chain, count
from typing import IO

from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.courtlistener import TEXT_FIELDS
from docketflow.pipeline.sources.item import SourceItem, rejected
from docketflow.pipeline.sources.records import BadRecord, record_item

SAMPLE_CHARS = 1 << 16


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
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
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
        except UnicodeDecodeError as exc:
            yield rejected(at, "bad_record", f"not UTF-8, reading stopped: {exc}")
            return
        if len(row) != len(header):
            yield rejected(at, "bad_record", f"row {number}: {len(row)} fields, the header has {len(header)}")
            continue
        try:
            yield record_item(dict(zip(header, row, strict=True)), where, _row_bytes(row, quote))
        except BadRecord as exc:
            yield rejected(at, "bad_record", f"row {number}: {exc}")
