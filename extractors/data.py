"""Pattern and gazetteer files shipped in `extractors/patterns/`, read once per process.

A pipeline may bring its own copies (`Component.from_disk`, or `initialize(patterns=DIR)`): a file of the
same name there replaces the shipped one for the whole process, and every cache built from pattern data
is dropped so that it is rebuilt from the new files.
"""

from __future__ import annotations

import csv
import json
import sys
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

PATTERNS = resources.files("docketflow.extractors") / "patterns"
_override: Path | None = None


def pattern_names() -> list[str]:
    """File names of the shipped pattern files."""
    return sorted(p.name for p in PATTERNS.iterdir() if p.is_file())


def pattern_bytes(name: str) -> bytes:
    """The active content of a pattern file (a replacement's, when one was loaded)."""
    return _source(name).read_bytes()


def _source(name: str) -> Traversable:
    if _override is not None and (_override / name).is_file():
        return _override / name
    return PATTERNS / name


def use_patterns(folder: Path) -> bool:
    """Read pattern files from `folder` (where it has them) from now on; False when they equal the active ones."""
    global _override
    same = all((folder / n).read_bytes() == _source(n).read_bytes() for n in pattern_names() if (folder / n).is_file())
    if same:
        return False
    _override = folder
    _clear_pattern_caches()
    return True


def _clear_pattern_caches() -> None:
    """Drop every cached function of the extractors package: they are all built from pattern data."""
    package = __name__.rsplit(".", 1)[0]
    for name, module in list(sys.modules.items()):
        if module is None or not (name == package or name.startswith(package + ".")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated pattern file as dicts keyed by its header."""
    with _source(name).open(encoding="utf-8", newline="") as fh:
        return tuple(dict(row) for row in csv.DictReader(fh, delimiter="\t"))


@cache
def read_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Objects of a JSON Lines pattern file; blank lines and `//` comment lines are skipped."""
    rows = []
    with _source(name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("//"):
                rows.append(json.loads(line))
    return tuple(rows)


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-blank lines of a word-list pattern file, `#` comment lines skipped."""
    with _source(name).open(encoding="utf-8") as fh:
        return tuple(line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#"))
