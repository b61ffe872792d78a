"""`PatternCache` gives the pattern `re.compile` gives, from a file shared by processes, and shrugs off a bad
file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from docketflow.extractors.cache_folder import default_folder
from docketflow.extractors.pattern_cache import PatternCache

PATTERNS = [
    (r"(?:^|[^a-zA-Z0-9])((?P<volume>[1-9]\d*) (?P<reporter>Foo\.\s*Rep\.) (?P<page>\d+))", 0),
    (r"(?i)\bquux\s+(?P<n>\d+)(?=\W)", 0),
    (r"(?<![\w-])(\d{1,4})\s+(?:[A-Z][a-z]*\.?\s?){1,3}(\d+)", re.MULTILINE),
    (r"[^\x00-\x7f]+|é{2,}", re.IGNORECASE),
]
TEXT = "7 Foo. Rep. 89; QUUX 12 and quux 3; 1 Abc. Def. 2\nôô ÉÉ 44 Xy 5"


def _use(compiled: re.Pattern[str]) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in compiled.finditer(TEXT)]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_pattern_from_the_file_equals_res_own(tmp_path: Path, pattern: str, flags: int) -> None:
    first = PatternCache(tmp_path)
    assert first.compile(pattern, flags) == re.compile(pattern, flags)
    first.save(wait=False)
    again = PatternCache(tmp_path)
    from_file = again.compile(pattern, flags)
    assert again.stats()["hits"] == 1
    assert from_file == re.compile(pattern, flags)  # equality compares the compiled code
    assert (from_file.flags, from_file.groupindex, from_file.groups) == (
        re.compile(pattern, flags).flags, re.compile(pattern, flags).groupindex, re.compile(pattern, flags).groups)
    assert _use(from_file) == _use(re.compile(pattern, flags))


def test_two_processes_add_to_one_file(tmp_path: Path) -> None:
    one, two = PatternCache(tmp_path), PatternCache(tmp_path)
    one.compile(PATTERNS[0][0])
    two.compile(PATTERNS[1][0])
    one.save(wait=False)
    two.save(wait=False)
    third = PatternCache(tmp_path)
    third.compile(PATTERNS[0][0])
    third.compile(PATTERNS[1][0])
    assert third.stats()["hits"] == 2


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe9\x00\x00", bytes(range(256))])
def test_a_damaged_file_is_ignored_and_replaced(tmp_path: Path, content: bytes) -> None:
    cache = PatternCache(tmp_path)
    cache.path.write_bytes(content)
    assert cache.compile(PATTERNS[0][0]) == re.compile(PATTERNS[0][0])
    cache.save(wait=False)
    assert PatternCache(tmp_path).compile(PATTERNS[0][0]) == re.compile(PATTERNS[0][0])


def test_a_wrong_entry_is_compiled_by_re(tmp_path: Path) -> None:
    import marshal

    cache = PatternCache(tmp_path)
    cache.path.write_bytes(marshal.dumps({("sre", PATTERNS[0][0], 0): (0, [1, 2, 3], 0, {}, ()),
                                          (PATTERNS[1][0], 0): "a key of another shape", "x": 1}))
    assert cache.compile(PATTERNS[0][0]) == re.compile(PATTERNS[0][0])
    assert cache.compile(PATTERNS[1][0]) == re.compile(PATTERNS[1][0])
    assert cache.stats()["hits"] == 0


def test_an_unwritable_folder_leaves_the_cache_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    cache = PatternCache(blocked / "sub")
    assert cache.compile(PATTERNS[0][0]) == re.compile(PATTERNS[0][0])
    cache.save(wait=False)  # no error
    assert not (blocked / "sub").exists()


def test_no_folder_means_no_file(tmp_path: Path) -> None:
    cache = PatternCache(None)
    assert cache.compile(PATTERNS[0][0]) == re.compile(PATTERNS[0][0])
    cache.save(wait=False)
    assert cache.stats()["file"] is None


@pytest.mark.parametrize(("env", "expected"), [
    ({"DOCKETFLOW_CACHE": "/x/y"}, "/x/y"),
    ({"DOCKETFLOW_CACHE": ""}, "None"),
    ({"XDG_CACHE_HOME": "/c"}, "/c/docketflow"),
    ({"HOME": "/h"}, "/h/.cache/docketflow"),
    ({"HOME": "relative"}, "None"),
    ({"XDG_CACHE_HOME": "relative", "HOME": "/h"}, "/h/.cache/docketflow"),
])
def test_where_the_file_lives(env: dict[str, str], expected: str) -> None:
    clean = {"PATH": "/usr/bin:/bin", **env}
    code = "from docketflow.extractors.cache_folder import default_folder; print(default_folder())"
    out = subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected


def test_the_test_suite_keeps_its_patterns_out_of_the_users_folder() -> None:
    assert ".cache" not in str(default_folder())


def _digits(pattern: str, flags: int) -> list[str]:
    """A made-up reading of a pattern, for the tests."""
    return re.findall(r"\d", pattern)


def test_a_reading_is_computed_once_per_machine(tmp_path: Path) -> None:
    first = PatternCache(tmp_path)
    assert first.derived(_digits, "a1b2") == ["1", "2"]
    first.save(wait=False)
    again = PatternCache(tmp_path)
    assert again.derived(_digits, "a1b2") == ["1", "2"]
    assert again.stats()["hits"] == 1


def test_a_changed_reading_replaces_its_old_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docketflow.extractors import pattern_cache

    first = PatternCache(tmp_path)
    first.derived(_digits, "a1b2")
    first.save(wait=False)
    monkeypatch.setattr(pattern_cache, "_reading", lambda read: f"{read.__module__}.{read.__qualname__}@changed")
    changed = PatternCache(tmp_path)
    changed.derived(_digits, "c3")
    changed.derived(_digits, "a1b2")
    assert changed.stats()["hits"] == 0  # the earlier source's entries are not used ...
    changed.save(wait=False)
    import marshal

    kinds = {key[0] for key in marshal.loads(changed.path.read_bytes())}
    assert kinds == {f"{_digits.__module__}._digits@changed"}  # ... and are dropped from the file


def test_saves_wait_between_batches(tmp_path: Path) -> None:
    cache = PatternCache(tmp_path)
    cache.compile(PATTERNS[0][0])
    cache.save()  # the first save is at once
    cache.compile(PATTERNS[1][0])
    cache.save()  # within SAVE_EVERY_S of the first: kept for later
    again = PatternCache(tmp_path)
    again.compile(PATTERNS[0][0])
    again.compile(PATTERNS[1][0])
    assert again.stats()["hits"] == 1
    cache.save(wait=False)
    last = PatternCache(tmp_path)
    last.compile(PATTERNS[0][0])
    last.compile(PATTERNS[1][0])
    assert last.stats()["hits"] == 2
