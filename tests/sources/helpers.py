"""Builders for the archives and bulk files the tests read; everything is generated in tmp_path."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import SourceItem, iter_sources


def make_zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_tar(path: Path, members: dict[str, bytes | tarfile.TarInfo], mode: str = "w:gz") -> Path:
    """Regular files from bytes; links and devices from ready TarInfo objects."""
    with tarfile.open(path, mode) as archive:
        for name, data in members.items():
            if isinstance(data, tarfile.TarInfo):
                archive.addfile(data)
                continue
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def items(root: Path, **options: object) -> list[SourceItem]:
    return list(iter_sources(RunSettings(inputs=(root,), progress=False, **options)))


def summary(found: list[SourceItem]) -> list[tuple[str, str | None]]:
    """(relpath, error code) of each item, in order: what most assertions compare."""
    return [(i.relpath, i.error[0] if i.error else None) for i in found]


def news(subject: str) -> str:
    """A distinct short made-up news text (identical texts are one document)."""
    return f"A federal judge in Ohio ruled Wednesday that the IRS may share {subject} with ICE.\n"


def record(record_id: str, subject: str, **fields: str) -> str:
    """One JSON Lines record holding a distinct news text."""
    return json.dumps({"id": record_id, "text": news(subject), **fields})


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write each named text or bytes into `folder` (made first) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data)
    return folder


def run_cli(inputs: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`docketflow run` in a child process, quiet, in-process extraction, no OCR, no Prefect."""
    command = [sys.executable, "-m", "docketflow.pipeline.cli", "run", str(inputs), "--out", str(out), "--quiet",
               "--no-prefect", "--no-isolate", "--ocr", "off"]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
