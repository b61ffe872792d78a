"""A hostile or unlucky input folder: links out of it, FIFOs and devices, names that are not UTF-8 or are
as long as a name can be, folders that cannot be listed, the output folder inside it. Every refused entry
is one error line at discovery, nothing outside the folder is read, and the run never blocks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from docketflow.pipeline.flow import run
from docketflow.pipeline.preflight import CannotRun
from docketflow.pipeline.settings import RunSettings

SECRET = "The secret ledger lists every account held by the Office of Quiet Affairs."
# a news report of a court letting one agency share a kind of data with another
NEWS = "A federal judge in Ohio ruled Wednesday that the IRS may share addresses with ICE.\n"
LATIN1_NAME = b"r\xe9sum\xe9.txt"
"""`résumé.txt` written in Latin-1: not a UTF-8 file name."""
LONG_NAME = "n" * 250 + ".txt"
"""254 bytes: a legal name whose sidecar name (+ .meta.json) is not."""

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, symbolic links and byte file names are POSIX")


def _latin1_tar() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT, encoding="utf-8",
                      errors="surrogateescape") as archive:
        data = NEWS.replace("IRS", "SSA").encode()
        info = tarfile.TarInfo(LATIN1_NAME.decode("utf-8", "surrogateescape"))
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _folder(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET + "\n")
    (outside / "secret.txt.meta.json").write_text('{"title": "Quiet ledger"}')
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(NEWS)
    (inputs / "passwd.txt").symlink_to(outside / "secret.txt")
    (inputs / "zero.txt").symlink_to("/dev/zero")
    (inputs / "elsewhere").symlink_to(outside, target_is_directory=True)
    (inputs / "inside_link.txt").symlink_to(inputs / "good.txt")
    (inputs / "gone.txt").symlink_to(tmp_path / "nothing-here.txt")
    (inputs / "borrowed.txt").write_text(NEWS.replace("Wednesday", "Tuesday"))
    (inputs / "borrowed.txt.meta.json").symlink_to(outside / "secret.txt.meta.json")
    os.mkfifo(inputs / "pipe.txt")
    os.mkfifo(inputs / "bulk.jsonl")
    with open(os.path.join(os.fsencode(inputs), LATIN1_NAME), "wb") as fh:
        fh.write(NEWS.replace("ICE", "CBP").encode())
    (inputs / LONG_NAME).write_text(NEWS.replace("Wednesday", "Friday"))
    (inputs / "names.tar").write_bytes(_latin1_tar())
    return inputs


def _read(out: Path) -> tuple[dict[str, dict], dict[str, dict], str]:
    documents = {json.loads(line)["source"]["path"]: json.loads(line)
                 for line in (out / "documents.jsonl").read_text().splitlines()}
    errors = {json.loads(line)["path"]: json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()}
    everything = "".join((out / name).read_text() for name in ("documents.jsonl", "errors.jsonl"))
    return documents, errors, everything


def _run_cli(inputs: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The real command, in a child with a deadline: a FIFO opened by mistake would block it forever."""
    command = [sys.executable, "-m", "docketflow.pipeline.cli", "run", str(inputs), "--out", str(out), "--quiet",
               "--no-prefect", "--no-isolate", "--ocr", "off", *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    tmp_path = tmp_path_factory.mktemp("hostile")
    inputs = _folder(tmp_path)
    out = tmp_path / "out"
    return inputs, out, _run_cli(inputs, out)


def test_the_run_finishes_and_reads_the_good_files(hostile: tuple[Path, Path, subprocess.CompletedProcess]) -> None:
    _, out, done = hostile
    assert done.returncode == 0, done.stderr
    documents, errors, _ = _read(out)
    assert {"good.txt", "r\\xe9sum\\xe9.txt", LONG_NAME, "names.tar!r\\xe9sum\\xe9.txt"} <= set(documents)
    assert "inside_link.txt" not in errors  # a link within the folder is read (the same document as good.txt)


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("passwd.txt", "link_outside_root"),
        ("zero.txt", "link_outside_root"),
        ("elsewhere", "link_outside_root"),
        ("gone.txt", "broken_link"),
        ("pipe.txt", "not_regular_file"),
        ("bulk.jsonl", "not_regular_file"),
        ("borrowed.txt", "sidecar"),
    ],
)
def test_each_refused_entry_is_one_discover_error(hostile: tuple[Path, Path, subprocess.CompletedProcess],
                                                  path: str, error: str) -> None:
    _, out, _ = hostile
    documents, errors, _ = _read(out)
    assert (errors[path]["stage"], errors[path]["error"]) == ("discover", error)
    assert errors[path]["message"] and "\n" not in errors[path]["message"]
    assert path not in documents


def test_nothing_from_outside_the_folder_is_read(hostile: tuple[Path, Path, subprocess.CompletedProcess]) -> None:
    _, out, _ = hostile
    _, _, everything = _read(out)
    import gzip

    texts = gzip.decompress((out / "texts.jsonl.gz").read_bytes()).decode()
    assert "secret ledger" not in everything + texts
    assert "Quiet ledger" not in everything + texts


def test_follow_links_reads_links_but_never_devices(tmp_path: Path) -> None:
    inputs = _folder(tmp_path)
    out = tmp_path / "out"
    done = _run_cli(inputs, out, "--follow-links")
    assert done.returncode == 0, done.stderr
    documents, errors, _ = _read(out)
    assert documents["passwd.txt"]["source"]["title"] is None
    assert documents["borrowed.txt"]["source"]["title"] == "Quiet ledger"
    assert errors["zero.txt"]["error"] == "not_regular_file"
    assert errors["pipe.txt"]["error"] == "not_regular_file"


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    (inputs / "locked").mkdir(parents=True)
    (inputs / "locked" / "order.txt").write_text(NEWS.replace("ICE", "the Census Bureau"))
    (inputs / "open.txt").write_text(NEWS)
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:  # mode 000, whoever runs the test (root reads all)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out"
    run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=False))
    documents, errors, _ = _read(out)
    assert set(documents) == {"open.txt"}
    assert (errors["locked"]["stage"], errors["locked"]["error"]) == ("discover", "unreadable")
    assert "Permission denied" in errors["locked"]["message"]

    monkeypatch.setattr(os, "scandir", real_scandir)  # listable again: its file is read, the error line goes
    run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=False))
    documents, errors, _ = _read(out)
    assert set(documents) == {"open.txt", "locked/order.txt"}
    assert errors == {}


def test_an_unopenable_bulk_file_loses_its_error_line_once_it_is_read(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    os.mkfifo(inputs / "bulk.jsonl")
    out = tmp_path / "out"
    settings = RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=False)
    run(settings)
    assert set(_read(out)[1]) == {"bulk.jsonl"}
    (inputs / "bulk.jsonl").unlink()
    (inputs / "bulk.jsonl").write_text(json.dumps({"id": "r1", "text": NEWS}) + "\n")
    run(settings)
    documents, errors, _ = _read(out)
    assert set(documents) == {"bulk.jsonl#r1"}
    assert errors == {}


def test_an_output_folder_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "news.txt").write_text(NEWS)
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    out = inputs / "results"
    settings = RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", isolate=False)
    first = run(settings)
    again = [run(settings) for _ in range(2)]
    documents, errors, _ = _read(out)
    assert set(documents) == {"news.txt"} and set(errors) == {"broken.pdf"}
    assert first.processed == 2
    assert [(s.processed, s.skipped) for s in again] == [(0, 2), (0, 2)]  # a corrupt file waits for a change
    with pytest.raises(CannotRun, match=r"--out .* is the input folder"):
        run(RunSettings(inputs=(inputs,), out=inputs, progress=False, orchestration="off", isolate=False))
