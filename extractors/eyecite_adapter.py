"""The one place docketflow reaches into eyecite's internals, checked against the eyecite it runs with.

eyecite's `get_citations` spends most of its time on our short windows in two places we can do without:
- `helpers.get_court_by_paren` maps a parenthetical's court ("9th Cir.") to a court id by running a regex
  substitution over every court it knows (~2,300 courts, ~10 ms a call). Those normalized court strings
  never change, so `court_by_paren` normalizes them once and keeps eyecite's rule (an exact match wins, else
  the last court whose string starts with the parenthetical's); cached per string, it is the same pure
  function, and is installed in its place process-wide: no result changes, for us or for anyone else.
- its default tokenizer collects the extractors a text may need in a set, and an extractor hashes by its
  `repr` (a few hundred characters built anew each time): ~0.4 ms a call. `_OrderedTokenizer` runs the
  same prefilter, dedups by identity and keeps eyecite's own extractor order, so the tokens are the same;
  and since a set's order varies with Python's hash seed, ties between extractors now resolve the same
  way on every run.
- each extractor's `finditer` enters its pattern at every character of the window, ~26 extractors a window.
  The tokenizer tries a pattern that starts at a word boundary only where its first character can begin
  (`boundary_starts`): the same matches, found once per window for all extractors that start alike.
- eyecite compiles an extractor's pattern on its first use, in every process (~0.4 s a worker on a corpus
  of opinions). The adapter sets the same compiled pattern from `pattern_cache`, which keeps the compiler's
  output on disk between processes.
- its helpers call the `regex` module's functions (`regex.match(pattern, word)`, `regex.sub`, ...) for every
  word they scan back over for a case name; each call looks the compiled pattern up in `regex`'s own cache
  (~10 µs, more than the match). `_CompiledPatterns` stands in for the module inside `eyecite.helpers` only
  and keeps the compiled patterns in a dict: the same patterns compiled the same way, the same matches.
- `find.extract_pincited_reference_citations` compiles a regex per full citation to find later "Berry, at
  767" references, which we never use. It is switched off only while *our* calls run (`citations()`), so
  other eyecite users in the process get eyecite's own behaviour.

The targets are looked up when the adapter is first used; if an eyecite release renames or removes one,
`EyeciteAdapterError` says which, rather than the speed-up silently doing nothing. Known to work with the
range pinned in pyproject.toml (`eyecite>=2.7,<2.8`).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from functools import cache, lru_cache, partial
from importlib.metadata import version
from typing import Any

from docketflow.extractors.boundary_starts import BoundaryStarts, candidate_starts, matches
from docketflow.extractors.pattern_cache import PATTERN_CACHE

_lock = threading.Lock()


class EyeciteAdapterError(RuntimeError):
    """The installed eyecite lacks an internal the adapter relies on."""


def _no_references(citation: Any, plain_text: str) -> list:
    """Stand-in for eyecite's per-citation reference search while our calls run."""
    return []


@cache
def _court_strings() -> tuple[tuple[str, Any], ...]:
    """(normalized citation string, court id) of every court eyecite knows, in its order."""
    from eyecite import helpers

    return tuple((helpers.re.sub(r"[^\w]", "", court["citation_string"]).lower(), court["id"])
                 for court in helpers.courts)


@lru_cache(maxsize=4096)
def court_by_paren(paren_string: str) -> str | None:
    """eyecite's `get_court_by_paren`, over court strings normalized once instead of on every call."""
    from eyecite import helpers

    court_str = helpers.re.sub(r"[^\w]", "", paren_string).lower()
    court_code = None
    if court_str:
        for normalized, court_id in _court_strings():
            if normalized == court_str:
                return str(court_id)
            if normalized.startswith(court_str):
                court_code = court_id
    return court_code


class _CompiledPatterns:
    """The `regex` module for `eyecite.helpers`, with its pattern functions looking compiled patterns up in a
    dict. Anything unusual (a compiled pattern passed in, compile-time keyword arguments, more distinct
    patterns than `LIMIT`) goes to the module itself."""

    LIMIT = 4096

    def __init__(self, module: Any) -> None:
        self._module = module
        self._compiled: dict[tuple[str, int], Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def _call(self, name: str, pattern: Any, flags: int, kwargs: dict[str, Any], *args: Any) -> Any:
        """`regex.<name>(pattern, *args, flags=flags, **kwargs)`, through the dict of compiled patterns when the
        call is a plain one (a pattern string, no compile-time keywords) and there is room."""
        compiled = None
        if not kwargs and type(pattern) is str:
            compiled = self._compiled.get((pattern, flags))
            if compiled is None and len(self._compiled) < self.LIMIT:
                compiled = self._compiled[pattern, flags] = self._module.compile(pattern, flags)
        if compiled is None:
            return getattr(self._module, name)(pattern, *args, flags=flags, **kwargs)
        return getattr(compiled, name)(*args)

    def match(self, pattern: Any, string: str, flags: int = 0, **kwargs: Any) -> Any:
        return self._call("match", pattern, flags, kwargs, string)

    def search(self, pattern: Any, string: str, flags: int = 0, **kwargs: Any) -> Any:
        return self._call("search", pattern, flags, kwargs, string)

    def sub(self, pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0, **kwargs: Any) -> Any:
        return self._call("sub", pattern, flags, kwargs, repl, string, count)

    def split(self, pattern: Any, string: str, maxsplit: int = 0, flags: int = 0, **kwargs: Any) -> Any:
        return self._call("split", pattern, flags, kwargs, string, maxsplit)


def _ordered_tokenizer() -> Any:
    """An `AhocorasickTokenizer` equivalent whose candidate extractors come in eyecite's order, found
    through the default tokenizer's own Aho-Corasick filters (built once, at eyecite's import)."""
    from eyecite import models, tokenizers

    base = tokenizers.default_tokenizer
    rank = {id(e): i for i, e in enumerate(tokenizers.EXTRACTORS)}
    unfiltered = {id(e): e for e in base.unfiltered_extractors}

    class _OrderedTokenizer(tokenizers.Tokenizer):
        def get_extractors(self, text: str) -> list[Any]:
            stripped = tokenizers._strip_ws(text)
            found = dict(unfiltered)
            for _, group in base.case_sensitive_filter.iter(stripped):
                found.update((id(e), e) for e in group)
            for _, group in base.case_insensitive_filter.iter(stripped.lower()):
                found.update((id(e), e) for e in group)
            return [found[key] for key in sorted(found, key=rank.__getitem__)]

        def extract_tokens(self, text: str) -> Iterator[Any]:
            starts: dict[re.Pattern[str], list[int]] = {}
            for extractor in self.get_extractors(text):
                compiled = extractor.__dict__.get("_compiled_regex")
                if compiled is None:  # what eyecite's `compiled_regex` property would compile, from the cache
                    compiled = extractor._compiled_regex = PATTERN_CACHE.compile(extractor.regex, extractor.flags)
                finder = scan.plan(extractor.regex, extractor.flags) if id(extractor) in planned else None
                if finder is None:
                    found = extractor.get_matches(text)
                else:
                    if finder not in starts:
                        starts[finder] = candidate_starts(finder, text)
                    found = matches(compiled, text, starts[finder])
                for match in found:
                    yield extractor.get_token(match)

    scan = BoundaryStarts(PATTERN_CACHE)
    planned = {id(e) for e in tokenizers.EXTRACTORS if _reads_spans_only(e, models)}  # eyecite keeps them all
    return _OrderedTokenizer()


def _reads_spans_only(extractor: Any, models: Any) -> bool:
    """Whether an extractor is eyecite's own kind, whose matches are `finditer`'s and whose tokens read only a
    match's spans and groups (`Token.from_match`): then trying fewer starts cannot change its tokens."""
    constructor = getattr(extractor.constructor, "__func__", None)
    return (type(extractor) is models.TokenExtractor and constructor is models.Token.from_match.__func__)


@cache
def _adapted() -> tuple[Any, Any, Any, Any]:
    from eyecite import find, helpers, tokenizers
    from eyecite.models import FullCaseCitation, ShortCaseCitation

    for module, attr in ((helpers, "get_court_by_paren"), (find, "extract_pincited_reference_citations"),
                         (tokenizers, "_strip_ws"), (tokenizers, "default_tokenizer"), (helpers, "re")):
        if getattr(module, attr, None) is None:
            raise EyeciteAdapterError(
                f"eyecite {version('eyecite')} has no {module.__name__}.{attr}; docketflow's adapter "
                f"(extractors/eyecite_adapter.py) supports the range pinned in pyproject.toml"
            )
    logging.getLogger("eyecite").setLevel(logging.ERROR)  # "Unknown overlap case" floods otherwise
    helpers.get_court_by_paren = court_by_paren
    if not isinstance(helpers.re, _CompiledPatterns):
        helpers.re = _CompiledPatterns(helpers.re)
    tokenizer = _ordered_tokenizer()
    return find, partial(find.get_citations, tokenizer=tokenizer), FullCaseCitation, ShortCaseCitation


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

    return {"court_lookup_cached": helpers.get_court_by_paren is court_by_paren,
            "helper_patterns_cached": isinstance(helpers.re, _CompiledPatterns),
            "reference_search_restored": find.extract_pincited_reference_citations is not _no_references}
