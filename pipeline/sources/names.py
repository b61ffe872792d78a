"""One name per input under an input root, so that no two inputs share a state key.

Names can repeat: two records of a bulk file with one id, two archive members stored under one name, a
plain file literally named like a member (`a.zip!b.txt` next to `a.zip` holding `b.txt`), an error line
`x.jsonl#line-3` next to a record whose id is "line-3". The first input keeps the name; the next one is
`<name>#2`, then `#3`..., with the number before a document extension (`b#2.txt`) so that it is still
read as what it is, but after the name of a plain file (`a.zip!b.txt#2`). Discovery order is stable, so
the same inputs get the same names on every run.

Only names that may still be repeated are remembered. Every name given to an item of a top-level entry (a
file, or what refuses a folder) starts with the entry's relative path, and entries come sorted: once an
entry's path does not start with an earlier one's, nothing after it can repeat a name of the earlier one.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from docketflow.pipeline.sources.formats import DOCUMENT_SUFFIXES


def numbered(name: str, number: int, kept: str = "") -> str:
    """`name` told apart as its `number`th holder: `b.txt` -> `b#2.txt`, `x.jsonl#r1` -> `x.jsonl#r1#2`; the
    number goes after `kept` (a plain file's own name, `a.zip!b.txt` -> `a.zip!b.txt#2`) whatever the
    extension, so that every name an entry gives starts with the entry's path."""
    last = name.rsplit("/", 1)[-1].rsplit("!", 1)[-1].rsplit("#", 1)[-1]
    suffix = PurePosixPath(last).suffix if last not in ("", ".", "..") else ""
    if suffix.lower() in DOCUMENT_SUFFIXES and len(suffix) < len(last) and len(name) - len(suffix) >= len(kept):
        return f"{name[: -len(suffix)]}#{number}{suffix}"
    return f"{name}#{number}"


class Names:
    """The names given so far to the items of the open top-level entries (each a prefix of the next)."""

    def __init__(self) -> None:
        self._open: list[tuple[str, set[str]]] = []

    def enter(self, relpath: str) -> None:
        """The items of the top-level entry `relpath` come next (entries come in sorted order)."""
        while self._open and not relpath.startswith(self._open[-1][0]):
            self._open.pop()
        self._open.append((relpath, set()))

    def _taken(self, name: str) -> bool:
        return any(name in given for _, given in self._open)

    def claim(self, name: str) -> str:
        """`name`, or the first of `numbered(name, 2)`, `numbered(name, 3)`... no earlier item holds."""
        entry = self._open[-1][0]
        unique, number = name, 2
        while self._taken(unique):
            unique, number = numbered(name, number, entry), number + 1
        self._open[-1][1].add(unique)
        return unique
