"""Broken and hostile inputs mixed with good ones: every good document is processed, every bad one is one
`errors.jsonl` line at the right stage, and nothing is written outside the output folder."""

from __future__ import annotations

import io
import json
import os
import tarfile
from pathlib import Path

import pytest
from docketflow.pipeline.flow import run
from docketflow.pipeline.settings import RunSettings

from tests.fixtures.pdf_fixtures import pleading_pdf, text_rows
from tests.sources.helpers import zip_bytes

ORDER = ["UNITED STATES DISTRICT COURT", "DISTRICT OF OREGON", "", "The motion to dismiss is DENIED.",
         "IT IS SO ORDERED."]


def _symlink_tar() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        good = b"A federal judge in Ohio ruled Wednesday that the IRS may share addresses with ICE."
        info = tarfile.TarInfo("inside/news.txt")
        info.size = len(good)
        archive.addfile(info, io.BytesIO(good))
        link = tarfile.TarInfo("inside/passwd.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict], dict[str, dict]]:
    root = tmp_path_factory.mktemp("adversarial")
    inputs = root / "in"
    inputs.mkdir()
    good_pdf = pleading_pdf([text_rows(ORDER)])
    files: dict[str, bytes] = {
        # good documents
        "good_order.pdf": good_pdf,
        "good_news.txt": b"A federal judge in Ohio ruled Wednesday that CMS may share addresses with ICE.\n",
        "latin1.txt": "Le juge a statué: la décision du tribunal est confirmée.\n".encode("latin-1"),
        "utf16.txt": "The Ninth Circuit affirmed the order on March 3, 2025.\n".encode("utf-16"),
        "huge_attribute.html": (b"<html><head><title>Ruling</title></head><body><div data-x=\""
                                + b"x" * 10_000_000 + b"\"><p>The court granted the motion.</p></div></body></html>"),
        "with_nul.txt": b"The agency\x00 shared records with ICE.\n",
        # bad documents
        "corrupt.pdf": os.urandom(4096),
        "truncated.pdf": good_pdf[: len(good_pdf) // 3],
        "encrypted.pdf": pleading_pdf([text_rows(ORDER)], encrypt="secret"),
        "empty.txt": b"",
        "fifty_mb.txt": b"The agency shared the records. " * (50 * 1024 * 1024 // 31),
        "bomb.zip": zip_bytes({"bomb.txt": b"\0" * (300 * 1024 * 1024)}),
        "traversal.zip": zip_bytes({"../escaped.txt": b"The agency shared data.",
                                    "ok/inside.txt": b"The court ruled."}),
        "links.tar.gz": _symlink_tar(),
    }
    for name, data in files.items():
        (inputs / name).write_bytes(data)
    out = root / "out"
    before = {p for p in root.rglob("*")}
    summary = run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", ocr="off"))
    after = {p for p in root.rglob("*")}
    created = {p for p in after - before if out not in p.parents and p != out}
    assert created == set(), f"written outside the output folder: {created}"
    assert not summary.interrupted
    documents = {json.loads(line)["source"]["path"]: json.loads(line)
                 for line in (out / "documents.jsonl").read_text().splitlines()}
    errors = {json.loads(line)["path"]: json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()}
    return out, documents, errors


def test_every_good_document_is_processed(outcome: tuple[Path, dict, dict]) -> None:
    _, documents, _ = outcome
    assert {"good_order.pdf", "good_news.txt", "latin1.txt", "utf16.txt", "huge_attribute.html", "with_nul.txt",
            "traversal.zip!ok/inside.txt", "links.tar.gz!inside/news.txt"} <= set(documents)
    assert "x" * 100 not in json.dumps(documents["huge_attribute.html"])
    assert any(w for w in documents["with_nul.txt"]["warnings"])


@pytest.mark.parametrize(
    ("path", "stage", "error"),
    [
        ("corrupt.pdf", "ingest", "corrupt"),
        ("truncated.pdf", "ingest", "corrupt"),
        ("encrypted.pdf", "ingest", "encrypted"),
        ("empty.txt", "read", "empty_file"),
        ("fifty_mb.txt", "ingest", "too_many_chars"),
        ("bomb.zip", "discover", "archive_limit"),
        ("traversal.zip!../escaped.txt", "discover", "unsafe_path"),
        ("links.tar.gz!inside/passwd.txt", "discover", "unsafe_member"),
    ],
)
def test_every_bad_input_is_one_error_at_its_stage(outcome: tuple[Path, dict, dict], path: str, stage: str,
                                                   error: str) -> None:
    _, documents, errors = outcome
    assert path in errors, sorted(errors)
    assert (errors[path]["stage"], errors[path]["error"]) == (stage, error)
    assert errors[path]["message"] and "\n" not in errors[path]["message"]
    assert path not in documents


def test_page_and_size_limits_are_settings(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "two_pages.pdf").write_bytes(pleading_pdf([text_rows(ORDER), text_rows(ORDER)]))
    (inputs / "big.txt").write_bytes(b"x" * 200_000)
    out = tmp_path / "out"
    run(RunSettings(inputs=(inputs,), out=out, progress=False, orchestration="off", max_pages=1,
                    max_file_bytes=100_000))
    lines = (out / "errors.jsonl").read_text().splitlines()
    errors = {json.loads(line)["path"]: json.loads(line)["error"] for line in lines}
    assert errors == {"two_pages.pdf": "too_many_pages", "big.txt": "too_large"}
