"""`.json` bulk files (CourtListener opinions, Caselaw Access Project cases, Federal Register API documents or
search pages, id/text records), one value at
a time. What the file holds is decided by its first record's keys; a file of anything else is refused
as a whole instead of producing one error per element.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from docketflow.pipeline.ingest.safejson import TooDeep
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.fedreg_api import is_results_page
from docketflow.pipeline.sources.item import SourceItem, rejected
from docketflow.pipeline.sources.jsonstream import iter_json_values
from docketflow.pipeline.sources.limits import TooLarge
from docketflow.pipeline.sources.records import BadRecord, UnknownRecord, record_item


def _records(values: Iterator[tuple[Any, bytes]]) -> Iterator[tuple[Any, bytes]]:
    """Values as they come, except a Federal Register search page, which stands for its `results`."""
    for value, raw in values:
        if is_results_page(value):
            yield from ((r, json.dumps(r, sort_keys=True).encode("utf-8")) for r in value["results"])
        else:
            yield value, raw


def iter_json(stream: IO[bytes], where: str, settings: RunSettings) -> Iterator[SourceItem]:
    """One item per record, `relpath` "<file>#<id>"; errors at "<file>#item-<n>" (1-based)."""
    count = 0
    try:
        for count, (value, raw) in enumerate(_records(iter_json_values(stream, settings.max_file_bytes)), start=1):
            if isinstance(value, TooDeep):
                yield rejected(f"{where}#item-{count}", value.code, str(value))
                continue
            try:
                yield record_item(value, where, raw)
            except UnknownRecord as exc:
                if count == 1:
                    yield rejected(where, "unsupported_type", str(exc))
                    return
                yield rejected(f"{where}#item-{count}", "bad_record", str(exc))
            except BadRecord as exc:
                yield rejected(f"{where}#item-{count}", "bad_record", str(exc))
    except (TooLarge, TooDeep) as exc:
        yield rejected(f"{where}#item-{count + 1}", exc.code, f"{exc}, reading stopped")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield rejected(where if count == 0 else f"{where}#item-{count + 1}", "bad_record",
                       f"not valid JSON, reading stopped: {exc}")
