"""Pattern and gazetteer files shipped in `extractors/patterns/`, read once per process."""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from typing import Any

PATTERNS = resources.files("extractors") / "patterns"


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated pattern file as dicts keyed by its header."""
    with (PATTERNS / name).open(encoding="utf-8", newline="") as fh:
        return tuple(dict(row) for row in csv.DictReader(fh, delimiter="\t"))


@cache
def read_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Objects of a JSON Lines pattern file; blank lines and `//` comment lines are skipped."""
    rows = []
    with (PATTERNS / name).open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("//"):
                rows.append(json.loads(line))
    return tuple(rows)


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-blank lines of a word-list pattern file, `#` comment lines skipped."""
    with (PATTERNS / name).open(encoding="utf-8") as fh:
        return tuple(line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#"))
