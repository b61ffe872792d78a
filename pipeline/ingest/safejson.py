"""JSON out of an input (a bulk record, a sidecar, an `ld+json` block), parsed so that nothing in it can stop
the run.

Two things in valid JSON can: nesting (`json.loads` recurses per level, and 100,000 nested arrays raise
RecursionError wherever they are parsed), and lone surrogate escapes (`"\\udcff"` parses to a string no
UTF-8 file can hold). So the nesting of a value is measured before it is parsed, by a scan that only stops
at brackets (strings and everything else are skipped inside the regex engine), and a value nested deeper
than `MAX_NESTING` is refused as `too_deep`; every string of a parsed value is made writable
(`models.common.writable`: a lone surrogate is kept as the text of its escape).
"""

from __future__ import annotations

import json
import re
from typing import Any

from docketflow.models.common import writable

MAX_NESTING = 128
"""Deepest nesting of arrays and objects (and of XML elements) read from an input; real records and
Federal Register XML stay under ten levels. Fixed: it keeps parsing and rendering within Python's stack."""

_NEXT_BRACKET = r"""(?:[^"\[\]{}]++|"(?:[^"\\]++|\\.)*+")*+([\[\]{}])"""
_NEXT_STR = re.compile(_NEXT_BRACKET, re.S)
_NEXT_BYTES = re.compile(_NEXT_BRACKET.encode("ascii"), re.S)
_OPEN = frozenset({"[", "{", b"[", b"{"})


class TooDeep(ValueError):
    """A value nested deeper than `MAX_NESTING`; the input (or record) it is in is refused."""

    code = "too_deep"

    def __init__(self, what: str = "JSON value") -> None:
        super().__init__(f"{what} nested more than {MAX_NESTING} levels deep (the fixed nesting limit of "
                         "JSON and XML input)")


def nesting(text: str | bytes, start: int = 0) -> tuple[int, int | None]:
    """(deepest nesting, end) of the array or object that starts at `start` in `text`; `end` is the index
    just past it, None when it does not close within `text`.

    Each step of the loop costs one bracket: strings, and the brackets inside them, are skipped by the
    regex (possessive, so it never backtracks). A string left open ends the scan.
    """
    pattern = _NEXT_BYTES if isinstance(text, bytes) else _NEXT_STR
    depth = deepest = 0
    pos = start
    while (found := pattern.match(text, pos)) is not None:
        pos = found.end()
        if found[1] in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
            if depth <= 0:
                return deepest, pos
    return deepest, None


def check_nesting(text: str | bytes, what: str = "JSON value") -> None:
    """TooDeep when `text` (one JSON document) nests deeper than `MAX_NESTING`.

    Text with fewer opening brackets than that cannot, and is not scanned.
    """
    opening = (b"[", b"{") if isinstance(text, bytes) else ("[", "{")
    if text.count(opening[0]) + text.count(opening[1]) <= MAX_NESTING:
        return
    start = len(text) - len(text.lstrip())
    if nesting(text, start)[0] > MAX_NESTING:
        raise TooDeep(what)


def loads(text: str | bytes, what: str = "JSON value") -> Any:
    """`json.loads(text)` with its nesting bounded (TooDeep) and its strings writable; ValueError (a
    json.JSONDecodeError or UnicodeDecodeError) when it is not JSON."""
    check_nesting(text, what)
    try:
        return writable_value(json.loads(text))
    except RecursionError as exc:  # not reached past the check above; kept so that it can never stop a run
        raise TooDeep(what) from exc


def writable_value(value: Any) -> Any:
    """A parsed JSON value with every string in it, keys included, made writable. Iterative; containers
    are changed in place (they come fresh from the parser)."""
    if isinstance(value, str):
        return writable(value)
    stack = [value] if isinstance(value, dict | list) else []
    while stack:
        container = stack.pop()
        if isinstance(container, list):
            for index, item in enumerate(container):
                if isinstance(item, str):
                    container[index] = writable(item)
                elif isinstance(item, dict | list):
                    stack.append(item)
            continue
        for key in list(container):
            item = container[key]
            if isinstance(item, str):
                item = container[key] = writable(item)
            elif isinstance(item, dict | list):
                stack.append(item)
            if isinstance(key, str) and (safe := writable(key)) is not key:
                del container[key]
                container[safe] = item
    return value
