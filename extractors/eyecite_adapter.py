"""The one place docketflow reaches into eyecite's internals, checked against the eyecite it runs with.

eyecite's `get_citations` spends most of its time on our short windows in two places we can do without:
- `helpers.get_court_by_paren` maps a parenthetical's court ("9th Cir.") to a court id by running two regex
  substitutions over every court it knows (~10 ms a call) for the same few strings. It is a pure function
  of its argument, so wrapping it in a cache (process-wide) changes no result, for us or for anyone else.
- `find.extract_pincited_reference_citations` compiles a regex per full citation to find later "Berry, at
  767" references, which we never use. It is switched off only while *our* calls run (`citations()`), so
  other eyecite users in the process get eyecite's own behaviour.

Both targets are looked up when the adapter is first used; if an eyecite release renames or removes one,
`EyeciteAdapterError` says which, rather than the speed-up silently doing nothing. Known to work with the
range pinned in pyproject.toml (`eyecite>=2.7,<2.8`).
"""

from __future__ import annotations

import logging
import threading
from functools import cache, lru_cache
from importlib.metadata import version
from typing import Any

_lock = threading.Lock()


class EyeciteAdapterError(RuntimeError):
    """The installed eyecite lacks an internal the adapter relies on."""


def _no_references(citation: Any, plain_text: str) -> list:
    """Stand-in for eyecite's per-citation reference search while our calls run."""
    return []


@cache
def _adapted() -> tuple[Any, Any, Any, Any]:
    from eyecite import find, helpers
    from eyecite.models import FullCaseCitation, ShortCaseCitation

    for module, attr in ((helpers, "get_court_by_paren"), (find, "extract_pincited_reference_citations")):
        if not callable(getattr(module, attr, None)):
            raise EyeciteAdapterError(
                f"eyecite {version('eyecite')} has no {module.__name__}.{attr}; docketflow's adapter "
                f"(extractors/eyecite_adapter.py) supports the range pinned in pyproject.toml"
            )
    logging.getLogger("eyecite").setLevel(logging.ERROR)  # "Unknown overlap case" floods otherwise
    if not hasattr(helpers.get_court_by_paren, "cache_info"):
        helpers.get_court_by_paren = lru_cache(maxsize=4096)(helpers.get_court_by_paren)
    return find, find.get_citations, FullCaseCitation, ShortCaseCitation


def citation_classes() -> tuple[type, type]:
    """eyecite's full and short case-citation classes."""
    _, _, full_cls, short_cls = _adapted()
    return full_cls, short_cls


def citations(text: str) -> list[Any]:
    """`eyecite.get_citations(text)` without the reference search (see the module docstring)."""
    find, get_citations, _, _ = _adapted()
    with _lock:
        original = find.extract_pincited_reference_citations
        find.extract_pincited_reference_citations = _no_references
        try:
            return get_citations(text)
        finally:
            find.extract_pincited_reference_citations = original


def active() -> dict[str, bool]:
    """Which adaptations are in force (for tests and diagnostics)."""
    find, _, _, _ = _adapted()
    from eyecite import helpers

    return {"court_lookup_cached": hasattr(helpers.get_court_by_paren, "cache_info"),
            "reference_search_restored": find.extract_pincited_reference_citations is not _no_references}
