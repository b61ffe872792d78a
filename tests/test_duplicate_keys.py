"""Issue 21, item 5: one name, two inputs. Two records of a bulk file with one id, two archive members stored
under one name, a plain file named like an archive member: each input gets a name of its own (the second
`<name>#2`, before a document extension), none is dropped, and every run over the same inputs gives the
same names and byte-identical output."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import warnings
import zipfile
from pathlib import Path

import pytest
from docketflow.pipeline.sources.names import Names, numbered

from tests.sources.helpers import items, news, record, run_cli, write_files


def _zip(*members: tuple[str, str]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # "Duplicate name": what this test is about
        for name, text in members:
            archive.writestr(name, text)
    return buffer.getvalue()


def _tar(*members: tuple[str, str]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, text in members:
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


CASES: dict[str, dict[str, str | bytes]] = {
    "jsonl_ids": {"records.jsonl": "\n".join([record("r1", "addresses"), record("r1", "phone numbers"),
                                              record("r1#2", "wages"), record("r2", "names")]) + "\n"},
    "record_named_like_an_error": {"bad.jsonl": record("line-2", "employers") + "\nnot json\n"},
    "json_ids": {"bulk.json": "[" + ",".join([record("7", "visas"), record("7", "passports")]) + "]"},
    "zip_members": {"bundle.zip": _zip(("b.txt", news("bank records")), ("b.txt", news("tax returns")),
                                       ("./b.txt", news("license plates")), ("notes.md", news("pay stubs")),
                                       ("notes.md", news("ages")))},
    "tar_members": {"bundle.tar": _tar(("d/b.txt", news("birth dates")), ("d/b.txt", news("death dates")))},
    "file_named_like_a_member": {"a.zip": _zip(("b.txt", news("school records"))),
                                 "a.zip!b.txt": news("medical records"),
                                 "a.zip!b#2.txt": news("court records")},
}
EXPECTED = {
    "jsonl_ids": ["records.jsonl#r1", "records.jsonl#r1#2", "records.jsonl#r1#2#2", "records.jsonl#r2"],
    "record_named_like_an_error": ["bad.jsonl#line-2", "bad.jsonl#line-2#2"],
    "json_ids": ["bulk.json#7", "bulk.json#7#2"],
    "zip_members": ["bundle.zip!b#2.txt", "bundle.zip!b#3.txt", "bundle.zip!b.txt", "bundle.zip!notes#2.md",
                    "bundle.zip!notes.md"],
    "tar_members": ["bundle.tar!d/b#2.txt", "bundle.tar!d/b.txt"],
    "file_named_like_a_member": ["a.zip!b#2.txt", "a.zip!b.txt", "a.zip!b.txt#2"],
}


def _folder(root: Path, files: dict[str, str | bytes]) -> Path:
    return write_files(root / "in", files)


def _published(out: Path) -> tuple[dict[str, str], list[str], dict[str, bytes]]:
    """({path: doc_id} of documents.jsonl, the paths of errors.jsonl, the bytes of every output file, texts
    uncompressed: the gzip header holds the time it was written)."""
    documents = {(d := json.loads(line))["source"]["path"]: d["doc_id"]
                 for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    errors = [json.loads(line)["path"] for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    files = {name: (out / name).read_bytes()
             for name in ("documents.jsonl", "errors.jsonl", "holdings.jsonl", "agreements.jsonl")}
    files["texts.jsonl"] = gzip.decompress((out / "texts.jsonl.gz").read_bytes())
    return documents, errors, files


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_input_has_a_name_of_its_own(case: str, tmp_path: Path) -> None:
    names = [item.relpath for item in items(_folder(tmp_path, CASES[case]))]
    assert sorted(names) == EXPECTED[case]


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_input_is_dropped_and_a_rerun_publishes_the_same(case: str, tmp_path: Path) -> None:
    inputs, out = _folder(tmp_path, CASES[case]), tmp_path / "out"
    first = run_cli(inputs, out)
    assert first.returncode == 0, first.stderr
    documents, errors, before = _published(out)
    assert sorted([*documents, *errors]) == EXPECTED[case]
    assert len(set(documents.values())) == len(documents)  # distinct texts: one document each
    counts = json.loads((out / "run.json").read_text())["counts"]
    assert (counts["documents"], counts["errors"], counts["processed"]) == (len(documents), len(errors),
                                                                            len(EXPECTED[case]))
    again = run_cli(inputs, out)
    assert again.returncode == 0, again.stderr
    counts = json.loads((out / "run.json").read_text())["counts"]
    assert counts["skipped"] >= len(documents)  # what was read is not read again: its key is the same
    assert counts["processed"] + counts["skipped"] == len(EXPECTED[case])
    assert _published(out) == (documents, errors, before)


def test_a_numbered_duplicate_is_read_as_its_extension_says(tmp_path: Path) -> None:
    inputs, out = _folder(tmp_path, CASES["zip_members"]), tmp_path / "out"
    assert run_cli(inputs, out).returncode == 0
    kinds = {(d := json.loads(line))["source"]["path"]: d["source"]["media_type"]
             for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    assert kinds["bundle.zip!notes#2.md"] == kinds["bundle.zip!notes.md"]


@pytest.mark.parametrize(("name", "number", "expected"), [
    ("b.txt", 2, "b#2.txt"),
    ("a.zip!d/b.PDF", 3, "a.zip!d/b#3.PDF"),
    ("x.jsonl#r1", 2, "x.jsonl#r1#2"),  # a record id: no extension to keep
    ("x.jsonl#doc.5", 2, "x.jsonl#doc.5#2"),  # a dotted id: ".5" is no document extension
    ("x.jsonl#line-3", 2, "x.jsonl#line-3#2"),
    ("a.zip!.txt", 2, "a.zip!.txt#2"),  # a hidden name is all stem
    ("README", 2, "README#2"),
])
def test_numbered(name: str, number: int, expected: str) -> None:
    assert numbered(name, number) == expected
    assert numbered(name, number, kept=name) == f"{name}#{number}"


def test_names_forget_entries_that_no_later_one_can_repeat() -> None:
    names = Names()
    names.enter("a.zip")
    assert [names.claim(n) for n in ("a.zip!b.txt", "a.zip!b.txt")] == ["a.zip!b.txt", "a.zip!b#2.txt"]
    names.enter("a.zip!b#2.txt")  # a plain file, named like the second member
    assert names.claim("a.zip!b#2.txt") == "a.zip!b#2.txt#2"
    names.enter("a.zip!b.txt")  # a plain file named like the member: the number after its own name
    assert names.claim("a.zip!b.txt") == "a.zip!b.txt#2"
    names.enter("c.txt")
    assert names.claim("c.txt") == "c.txt"
    assert len(names._open) == 1
