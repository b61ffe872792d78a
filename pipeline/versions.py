"""Versions of docketflow and of the libraries whose behaviour shapes its output, for `run.json`."""

from __future__ import annotations

import platform
from functools import cache
from importlib.metadata import PackageNotFoundError, version

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
