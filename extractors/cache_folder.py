"""Where workers keep what they learn between runs, and the two rules every file kept there follows.

`pattern_cache` (compiled patterns and readings of them) and `chunk_store` (the tokenizer's chunk splits)
keep files in one folder. Both name what an entry depends on by a digest of source files (`source_digest`),
so code that changes makes its entries be computed again, and both save at most every few seconds
(`SaveClock`), since a run hands them a batch every fraction of a second.
"""

from __future__ import annotations

import hashlib
import math
import os
import time
from pathlib import Path


def default_folder() -> Path | None:
    """`DOCKETFLOW_CACHE`, else the user's cache folder (`XDG_CACHE_HOME` or ~/.cache) / docketflow; an empty
    `DOCKETFLOW_CACHE` turns the disk cache off, and so does a process with no home folder (a container's
    worker with no HOME and no password entry), rather than writing into its working directory."""
    configured = os.environ.get("DOCKETFLOW_CACHE")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG specification says to ignore)
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "docketflow" if os.path.isabs(base) else None


def source_digest(*files: str | Path, extra: bytes = b"", size: int = 8) -> str:
    """A digest of the files' bytes (and `extra`): what a kept entry computed by their code depends on."""
    digest = hashlib.blake2b(extra, digest_size=size)
    for file in files:
        digest.update(Path(file).read_bytes())
    return digest.hexdigest()


class SaveClock:
    """When a process saves: the first time at once (a short run's one batch may be all it has), then at most
    every `every` seconds."""

    def __init__(self, every: float) -> None:
        self.every = every
        self._last = -math.inf

    def due(self, *, wait: bool = True) -> bool:
        """Whether to save now (always when `wait` is false); a due save counts as made."""
        now = time.monotonic()
        if wait and now - self._last < self.every:
            return False
        self._last = now
        return True
