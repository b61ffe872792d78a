"""`x.pdf.meta.json` sidecars found inside archives, matched to `x.pdf` without looking back or ahead.

Archives are read as streams, so a sidecar is only applied when it sits right next to its document:
zip members are sorted so that it always does, and tar writes them next to each other whenever the
files were added in name order (the usual case; a sidecar elsewhere in a tar is ignored).
"""

from __future__ import annotations

from typing import Any

from docketflow.pipeline.ingest.errors import IngestError
from docketflow.pipeline.ingest.sidecar import FIELDS, MAX_SIDECAR_BYTES, SIDECAR_LIMIT, SIDECAR_SUFFIX, sidecar_dict
from docketflow.pipeline.sources.limits import TooLarge, read_at_most

__all__ = ["MAX_SIDECAR_BYTES", "document_of", "is_sidecar_name", "pairing_key", "parse_sidecar"]


def is_sidecar_name(name: str) -> bool:
    return name.endswith(SIDECAR_SUFFIX)


def document_of(sidecar_name: str) -> str:
    """`dir/x.pdf.meta.json` -> `dir/x.pdf`."""
    return sidecar_name[: -len(SIDECAR_SUFFIX)]


def pairing_key(name: str) -> tuple[str, int]:
    """Sort key that puts every sidecar right after its document."""
    return (document_of(name), 1) if is_sidecar_name(name) else (name, 0)


def parse_sidecar(stream: Any, name: str) -> dict[str, Any]:
    """The sidecar's fields that ingest uses; ValueError when it is not a small UTF-8 JSON object (nested
    no deeper than the nesting limit)."""
    try:
        data = sidecar_dict(read_at_most(stream, MAX_SIDECAR_BYTES, SIDECAR_LIMIT), name)
    except TooLarge as exc:
        raise ValueError(f"{name}: {exc}") from exc
    except IngestError as exc:
        raise ValueError(str(exc)) from exc
    return {k: data[k] for k in FIELDS if k in data}
