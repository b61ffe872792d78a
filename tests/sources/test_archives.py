"""Zip and tar archives: members as items, sidecars, and every way a hostile archive is refused."""

from __future__ import annotations

import gzip
import json
import os
import tarfile
import tracemalloc
import uuid
import zipfile
from pathlib import Path

import pytest
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.folders import iter_root

from tests.sources.helpers import items, make_tar, make_zip, summary, zip_bytes

ORDER = b"ORDER GRANTING MOTION. The motion is granted."
SIDECAR = json.dumps({"title": "Order", "published": "2025-12-30", "court": "ignored"}).encode()


def _link(name: str, kind: bytes, target: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info


@pytest.mark.parametrize("archive", ["docs.zip", "docs.tar.gz", "docs.tgz", "docs.tar"])
def test_members_become_items_with_their_sidecar(tmp_path: Path, archive: str) -> None:
    members = {"b/order.txt": ORDER, "b/order.txt.meta.json": SIDECAR, "a.html": b"<p>news</p>", "c.docx": b"x"}
    if archive.endswith(".zip"):
        make_zip(tmp_path / archive, members)
    else:
        make_tar(tmp_path / archive, members, "w" if archive.endswith(".tar") else "w:gz")
    found = items(tmp_path)
    by_path = {i.relpath: i for i in found}
    expected = [(f"{archive}!b/order.txt", None), (f"{archive}!a.html", None),
                (f"{archive}!c.docx", "unsupported_type")]
    if archive.endswith(".zip"):  # sorted; tar keeps stream order
        expected = sorted(expected)
    assert summary(found) == expected
    assert by_path[f"{archive}!b/order.txt"].data == ORDER
    assert by_path[f"{archive}!b/order.txt"].metadata == {"title": "Order", "published": "2025-12-30"}
    assert by_path[f"{archive}!a.html"].metadata == {}


def test_sidecar_before_its_document_in_a_tar(tmp_path: Path) -> None:
    make_tar(tmp_path / "t.tgz", {"x.txt.meta.json": SIDECAR, "x.txt": ORDER})
    assert items(tmp_path)[0].metadata["title"] == "Order"


def test_broken_sidecar_fails_its_document(tmp_path: Path) -> None:
    make_zip(tmp_path / "d.zip", {"x.txt": ORDER, "x.txt.meta.json": b"{not json"})
    assert summary(items(tmp_path)) == [("d.zip!x.txt", "sidecar")]


def test_unsafe_paths_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    absolute = f"/tmp/docketflow-{uuid.uuid4().hex}.txt"
    root = tmp_path / "in"
    root.mkdir()
    make_zip(root / "evil.zip", {"../evil.txt": b"evil", absolute: b"abs", "..\\win.txt": b"win", "ok/./a.txt": b"a"})
    before = set(tmp_path.parent.iterdir())
    found = items(root)
    assert summary(found) == [  # sorted by stored name
        ("evil.zip!../evil.txt", "unsafe_path"),
        ("evil.zip!..\\win.txt", "unsafe_path"),
        (f"evil.zip!{absolute}", "unsafe_path"),
        ("evil.zip!ok/a.txt", None),
    ]
    assert set(tmp_path.parent.iterdir()) == before
    assert not Path(absolute).exists()
    assert not (tmp_path / "evil.txt").exists() and not (Path.cwd().parent / "evil.txt").exists()


@pytest.mark.parametrize(("member", "message"), [
    (_link("link", tarfile.SYMTYPE, "/etc/passwd"), "symbolic link"),
    (_link("hard", tarfile.LNKTYPE, "a.txt"), "hard link"),
    (_link("fifo", tarfile.FIFOTYPE), "fifo"),
    (_link("dev", tarfile.CHRTYPE), "device"),
])
def test_links_and_devices_are_unsafe(tmp_path: Path, member: tarfile.TarInfo, message: str) -> None:
    make_tar(tmp_path / "t.tar.gz", {"a.txt": ORDER, member.name: member, "z.txt": ORDER})
    found = items(tmp_path)
    assert summary(found) == [("t.tar.gz!a.txt", None), (f"t.tar.gz!{member.name}", "unsafe_member"),
                              ("t.tar.gz!z.txt", None)]
    assert message in found[1].error[1]


def test_zip_symlink_is_unsafe(tmp_path: Path) -> None:
    info = zipfile.ZipInfo("link.txt")
    info.external_attr = 0o120777 << 16
    with zipfile.ZipFile(tmp_path / "l.zip", "w") as archive:
        archive.writestr(info, "/etc/passwd")
    assert summary(items(tmp_path)) == [("l.zip!link.txt", "unsafe_member")]


ZEROS = b"\0" * (4 << 20)


@pytest.mark.parametrize(("name", "build"), [
    ("bomb.zip", lambda p: make_zip(p, {"a.txt": ORDER, "zeros.txt": ZEROS})),
    ("bomb.tar.gz", lambda p: make_tar(p, {"a.txt": ORDER, "zeros.txt": ZEROS})),
    ("bomb.jsonl.gz", lambda p: p.write_bytes(gzip.compress(b'{"id": 1, "text": "t"}\n' + ZEROS))),
])
def test_expansion_ratio_stops_the_archive(tmp_path: Path, name: str, build) -> None:
    build(tmp_path / name)
    found = items(tmp_path)
    assert found[-1].relpath == name and found[-1].error[0] == "archive_limit"
    assert "max_expansion_ratio" in found[-1].error[1]
    assert all(i.data is None or len(i.data) < 1000 for i in found)


def test_total_expanded_bytes_stop_the_archive_items_already_read_stand(tmp_path: Path) -> None:
    make_tar(tmp_path / "t.tar.gz", {f"{n:02}.txt": os.urandom(20_000) for n in range(20)})
    found = summary(items(tmp_path, max_archive_bytes=100_000))
    assert found[-1] == ("t.tar.gz", "archive_limit")
    # counting runs a read buffer (under 20 KB) ahead of the members handed out
    assert found[:-1] == [(f"t.tar.gz!{n:02}.txt", None) for n in range(len(found) - 1)]
    assert 3 <= len(found) - 1 <= 5


def test_zip_declaring_too_much_is_refused_before_reading(tmp_path: Path) -> None:
    make_zip(tmp_path / "z.zip", {f"{n}.txt": os.urandom(3000) for n in range(5)})
    found = items(tmp_path, max_archive_bytes=8000)
    assert summary(found) == [("z.zip", "archive_limit")] and "declares" in found[0].error[1]


@pytest.mark.parametrize("archive", ["m.zip", "m.tar.gz"])
def test_member_count_limit(tmp_path: Path, archive: str) -> None:
    members = {f"{n}.txt": ORDER for n in range(5)}
    make_zip(tmp_path / archive, members) if archive.endswith(".zip") else make_tar(tmp_path / archive, members)
    found = items(tmp_path, max_archive_members=3)
    assert found[-1].relpath == archive and found[-1].error[0] == "archive_limit"


def test_oversized_member_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    make_tar(tmp_path / "t.tar", {"big.txt": os.urandom(5000), "small.txt": ORDER}, "w")
    assert summary(items(tmp_path, max_file_bytes=1000)) == [("t.tar!big.txt", "too_large"), ("t.tar!small.txt", None)]


def test_nested_archives_down_to_the_depth_limit(tmp_path: Path) -> None:
    deepest = zip_bytes({"three.txt": ORDER})
    middle = zip_bytes({"two.txt": ORDER, "deeper.zip": deepest})
    make_zip(tmp_path / "outer.zip", {"one.txt": ORDER, "inner.zip": middle})
    expected_depth_2 = [("outer.zip!inner.zip!deeper.zip", "archive_limit"), ("outer.zip!inner.zip!two.txt", None),
                        ("outer.zip!one.txt", None)]
    assert summary(items(tmp_path)) == expected_depth_2
    assert summary(items(tmp_path, max_archive_depth=3))[0] == ("outer.zip!inner.zip!deeper.zip!three.txt", None)
    assert summary(items(tmp_path, max_archive_depth=1)) == [("outer.zip!inner.zip", "archive_limit"),
                                                             ("outer.zip!one.txt", None)]


def test_tar_inside_zip_streams(tmp_path: Path) -> None:
    make_tar(tmp_path / "inner.tgz", {"a.txt": ORDER})
    make_zip(tmp_path / "outer.zip", {"inner.tgz": (tmp_path / "inner.tgz").read_bytes()})
    (tmp_path / "inner.tgz").unlink()
    assert summary(items(tmp_path)) == [("outer.zip!inner.tgz!a.txt", None)]


@pytest.mark.parametrize(("archive", "cut"), [("t.zip", 0.5), ("t.tar.gz", 0.5), ("t.zip", 0.95)])
def test_truncated_archive_is_one_error_and_the_run_goes_on(tmp_path: Path, archive: str, cut: float) -> None:
    members = {f"{n}.txt": os.urandom(2000) for n in range(4)}
    built = (make_zip if archive.endswith(".zip") else make_tar)(tmp_path / "full", members)
    data = built.read_bytes()
    built.unlink()
    (tmp_path / archive).write_bytes(data[: int(len(data) * cut)])
    (tmp_path / "z.txt").write_bytes(ORDER)
    found = items(tmp_path)
    assert [s for s in summary(found) if s[1] is not None] == [(archive, "corrupt_archive")]
    assert found[-1].relpath == "z.txt" and found[-1].error is None


@pytest.mark.parametrize("mode", ["w:gz", "w:xz", "w"])
def test_truncated_tar_keeps_every_member_read_whole(tmp_path: Path, mode: str) -> None:
    members = {f"{n}.txt": os.urandom(50_000) for n in range(6)}
    built = make_tar(tmp_path / "full", members, mode)
    data = built.read_bytes()
    built.unlink()
    (tmp_path / "t.tar").write_bytes(data[: int(len(data) * 0.6)])
    readable = []
    with tarfile.open(tmp_path / "t.tar") as plain:  # what tarfile itself gets out before the damage
        try:
            for info in plain:
                if len(plain.extractfile(info).read()) == info.size:
                    readable.append(info.name)
        except (tarfile.TarError, EOFError, OSError):
            pass
    found = summary(items(tmp_path))
    assert readable and [p for p, error in found if error is None] == [f"t.tar!{name}" for name in readable]
    assert found[-1] == ("t.tar", "corrupt_archive")


def test_zip_member_with_bad_crc_fails_alone(tmp_path: Path) -> None:
    make_zip(tmp_path / "c.zip", {"a.txt": ORDER, "b.txt": b"second member"}, zipfile.ZIP_STORED)
    path = tmp_path / "c.zip"
    path.write_bytes(path.read_bytes().replace(ORDER, ORDER.replace(b"ORDER", b"0RDER")))
    assert summary(items(tmp_path)) == [("c.zip!a.txt", "corrupt_archive"), ("c.zip!b.txt", None)]


@pytest.mark.parametrize("archive", ["many.zip", "many.tar.gz"])
def test_memory_stays_flat_over_many_members(tmp_path: Path, archive: str) -> None:
    members = {f"d{n:04}.txt": os.urandom(32 << 10) for n in range(300)}  # ~10 MB, incompressible
    (make_zip if archive.endswith(".zip") else make_tar)(tmp_path / archive, members)
    settings = RunSettings(inputs=(tmp_path,), progress=False)
    tracemalloc.start()
    count = sum(1 for _ in iter_root(tmp_path, settings))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 300
    assert peak < 2 << 20, f"peak {peak} bytes"
