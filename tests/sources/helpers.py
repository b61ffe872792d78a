"""Builders for the archives and bulk files the tests read; everything is generated in tmp_path."""

from __future__ import annotations

import io
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
