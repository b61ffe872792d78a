"""`x.pdf.meta.json` sidecars found inside archives, matched to `x.pdf` without looking back or ahead.

Archives are read as streams, so a sidecar is only applied when it sits right next to its document:
zip members are sorted so that it always does, and tar writes them next to each other whenever the
files were added in name order (the usual case; a sidecar elsewhere in a tar is ignored).
"""

from __future__ import annotations

import json
from typing import Any

from docketflow.pipeline.ingest.sidecar import FIELDS, SIDECAR_SUFFIX
from docketflow.pipeline.sources.limits import read_at_most

MAX_SIDECAR_BYTES = 1 << 20
"""A sidecar is a handful of fields; anything larger is not one."""


def is_sidecar_name(name: str) -> bool:
    return name.endswith(SIDECAR_SUFFIX)


def document_of(sidecar_name: str) -> str:
    """`dir/x.pdf.meta.json` -> `dir/x.pdf`."""
    return sidecar_name[: -len(SIDECAR_SUFFIX)]


def pairing_key(name: str) -> tuple[str, int]:
    """Sort key that puts every sidecar right after its document."""
    return (document_of(name), 1) if is_sidecar_name(name) else (name, 0)


def parse_sidecar(stream: Any, name: str) -> dict[str, Any]:
    """The sidecar's fields that ingest uses; ValueError when it is not a small UTF-8 JSON object."""
    raw = read_at_most(stream, MAX_SIDECAR_BYTES)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{name}: not valid UTF-8 JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a JSON object, got {type(data).__name__}")
    return {k: data[k] for k in FIELDS if k in data}
