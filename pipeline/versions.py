"""Versions of docketflow and of the libraries whose behaviour shapes its output, for `run.json`."""

from __future__ import annotations

import platform
from collections.abc import Iterator
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from importlib.resources.abc import Traversable

PACKAGES = ("docketflow", "spacy", "prefect", "pypdfium2", "pdfplumber", "dateparser", "courts-db",
            "eyecite", "citeurl", "pydantic", "selectolax")


@cache
def versions() -> dict[str, str | None]:
    """Installed version of each package that matters, None when absent."""
    found: dict[str, str | None] = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


@cache
def extractor_version() -> str:
    """Fingerprint of everything that shapes the records: our extraction code and pattern files, and the
    versions of the libraries they lean on. A change means earlier results are stale and are redone."""
    import hashlib
    from importlib import resources

    digest = hashlib.sha256()
    for package in ("docketflow.extractors", "docketflow.pipeline.ingest", "docketflow.models"):
        root = resources.files(package)
        for path in sorted(_walk(root), key=str):
            digest.update(str(path.name).encode())
            digest.update(path.read_bytes())
    for name in ("spacy", "pypdfium2", "pdfplumber", "dateparser", "courts-db", "eyecite", "citeurl"):
        digest.update(f"{name}={versions().get(name)}".encode())
    return digest.hexdigest()[:16]


def _walk(root: Traversable) -> Iterator[Traversable]:
    for entry in root.iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _walk(entry)
        elif entry.is_file() and entry.name.endswith((".py", ".tsv", ".jsonl", ".json", ".txt")):
            yield entry
