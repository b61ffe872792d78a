"""Departments named together before one plural noun: "officials of the Health and Human Services and Energy
departments", "the Treasury, Commerce and State departments". News writes several departments this way; none of the
names stands alone as an agency's name ("Labor"), so the gazetteer cannot see them.

The words before "departments" are split into the names that follow "Department of" in the gazetteer,
longest first from the left ("Health and Human Services" is one name, not two); a list is read only when
every part is such a name and the parts are joined by commas or "and".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LIST = re.compile(r"(?=[A-Z])(?P<list>[A-Z][\w&'’]*(?:(?:\s+|,\s+|,?\s+and\s+|\s+&\s+)[A-Z][\w&'’]*)+)\s+"
                   r"[Dd]epartments\b")
_WORD = re.compile(r"[A-Z][\w&'’]*")
_JOIN = re.compile(r"(?:,\s*|,?\s+and\s+)")


def department_names(aliases: dict[str, str]) -> dict[str, str]:
    """Lower-case X -> key, for every alias "Department of X" (or "Department of the X") in `aliases`."""
    out: dict[str, str] = {}
    for alias, key in aliases.items():
        if alias.startswith("Department of "):
            name = alias.removeprefix("Department of ").removeprefix("the ")
            out.setdefault(" ".join(name.split()).lower(), key)
    return out


def department_lists(text: str, names: dict[str, str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of each department in every such list of `text`."""
    if "epartments" not in text:  # the plural noun every list ends on: most texts need no scan
        return
    for match in _LIST.finditer(text):
        words = [w.span() for w in _WORD.finditer(text, *match.span("list"))]
        if text[words[0][0]:words[0][1]] == "The":  # a sentence's first word, not part of a name
            words = words[1:]
        parts = _split(text, words, names)
        if parts:
            yield from parts


def _split(text: str, words: list[tuple[int, int]], names: dict[str, str]) -> list[tuple[int, int, str]]:
    parts: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for j in range(len(words) - 1, i - 1, -1):
            key = names.get(" ".join(text[words[i][0]:words[j][1]].split()).lower())
            if key:
                break
        else:
            return []
        if parts and not _JOIN.fullmatch(text, parts[-1][1], words[i][0]):
            return []
        parts.append((words[i][0], words[j][1], key))
        i = j + 1
    return parts if len(parts) > 1 else []
