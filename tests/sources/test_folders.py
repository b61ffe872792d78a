"""Folders: include/exclude globs, unsupported and oversized files, sidecars left to the worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sources.helpers import items, summary

FILES = ["a.pdf", "b.txt", "sub/c.html", "sub/deep/d.md", "notes.docx", "e.txt.meta.json", ".hidden.txt"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in FILES:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4" if name.endswith(".pdf") else b"text")
    return tmp_path


@pytest.mark.parametrize(("include", "exclude", "expected"), [
    ((), (), [("a.pdf", None), ("b.txt", None), ("notes.docx", "unsupported_type"), ("sub/c.html", None),
              ("sub/deep/d.md", None)]),
    (("*.txt", "sub/*"), (), [("b.txt", None), ("sub/c.html", None), ("sub/deep/d.md", None)]),
    ((), ("sub/*", "*.docx"), [("a.pdf", None), ("b.txt", None)]),
    (("sub/*",), ("*/deep/*",), [("sub/c.html", None)]),
])
def test_globs_select_files(folder: Path, include: tuple[str, ...], exclude: tuple[str, ...],
                            expected: list[tuple[str, str | None]]) -> None:
    assert summary(items(folder, include=include, exclude=exclude)) == expected


def test_documents_stay_on_disk(folder: Path) -> None:
    first = items(folder)[0]
    assert first.path == folder / "a.pdf" and first.data is None and first.size == len(b"%PDF-1.4")


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    (tmp_path / "small.txt").write_bytes(b"x" * 10)
    assert summary(items(tmp_path, max_file_bytes=1000)) == [("big.txt", "too_large"), ("small.txt", None)]


def test_single_file_root(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("text")
    assert summary(items(tmp_path / "one.txt")) == [("one.txt", None)]
