"""`<file>.meta.json` sidecars: what the person who collected a document knows about it.

A sidecar beats anything detected from the file itself (a news page's meta tags are often
missing or wrong), so `read_document` applies it last. Only the keys below are used; anything
else in the sidecar is ignored, and a broken sidecar is reported rather than silently skipped.
"""

from __future__ import annotations

import errno
from pathlib import Path

from docketflow.extractors.isodate import to_iso_date
from docketflow.pipeline.ingest.errors import IngestError
from docketflow.pipeline.ingest.safejson import TooDeep, loads

SIDECAR_SUFFIX = ".meta.json"
MAX_SIDECAR_BYTES = 1 << 20
"""A sidecar is a handful of fields; anything larger is not one. Fixed: `max_file_bytes` does not change it."""
SIDECAR_LIMIT = f"{MAX_SIDECAR_BYTES} bytes, the fixed size limit of a sidecar"
"""How error messages name that limit."""
FIELDS = ("published", "title", "kind", "url")
KINDS = frozenset({"court_order", "opinion", "news", "federal_register_notice", "other"})


def sidecar_path(file: Path) -> Path:
    """`report.html` -> `report.html.meta.json`."""
    return file.with_name(file.name + SIDECAR_SUFFIX)


def is_sidecar(file: Path) -> bool:
    """True for sidecar files, which callers must not ingest as documents of their own."""
    return file.name.endswith(SIDECAR_SUFFIX)


def read_sidecar(file: Path) -> dict | None:
    """The sidecar of `file` as a dict, None when there is none; IngestError("sidecar") when unreadable."""
    path = sidecar_path(file)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:  # the document's own name is near the limit: no sidecar can exist
            return None
        raise
    return sidecar_dict(raw, path.name)


def sidecar_dict(raw: bytes, name: str) -> dict:
    """A sidecar's bytes as a dict, its strings writable; IngestError("sidecar") when they are not a UTF-8
    JSON object, or one nested deeper than the nesting limit."""
    try:
        data = loads(raw.decode("utf-8-sig"), "the sidecar's JSON")
    except TooDeep as exc:
        raise IngestError("sidecar", f"{name}: {exc}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise IngestError("sidecar", f"{name}: not valid UTF-8 JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise IngestError("sidecar", f"{name}: expected a JSON object, got {type(data).__name__}")
    return data


def sidecar_values(sidecar: dict) -> tuple[dict[str, str], list[str]]:
    """The usable override values of a sidecar, and warnings about the values that are not."""
    values: dict[str, str] = {}
    warnings: list[str] = []
    for key in FIELDS:
        value = sidecar.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            warnings.append(f"sidecar: ignored {key}={value!r} (expected a non-empty string)")
            continue
        value = value.strip()
        if key == "published":
            if (iso := to_iso_date(value)) is None:
                warnings.append(f"sidecar: ignored published={value!r} (not a date)")
                continue
            value = iso
        if key == "kind" and value not in KINDS:
            warnings.append(f"sidecar: ignored kind={value!r} (expected one of {', '.join(sorted(KINDS))})")
            continue
        values[key] = value
    return values, warnings
