"""The one exception ingest raises, in its own module so that format modules can raise it."""

from __future__ import annotations


class IngestError(Exception):
    """An input that cannot be turned into text; `code` is short and stable (`encrypted`, `corrupt`...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
