"""How many items a run will meet, known without reading its inputs: the progress display's total.

Plain documents and refusals count one each; an archive counts its entries from its index (a zip's central
directory, the headers of an uncompressed tar, read by seeking over the contents). An input that would have
to be read to be counted (a bulk file, a compressed tar, an archive that holds archives or bulk files) makes
the count unknown: None.
"""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.folders import _Walk
from docketflow.pipeline.sources.formats import format_of
from docketflow.pipeline.sources.members import clean_name, unsafe_name
from docketflow.pipeline.sources.regular import open_regular, refusal
from docketflow.pipeline.sources.sidecars import is_sidecar_name
from docketflow.pipeline.sources.tars import _problem as tar_problem
from docketflow.pipeline.sources.zips import _problem as zip_problem


def count_items(settings: RunSettings) -> int | None:
    """The items `iter_sources(settings)` yields, or None when that cannot be known cheaply."""
    total = 0
    for root in settings.inputs:
        count = _count_root(root, settings)
        if count is None:
            return None
        total += count
    return total


def _count_root(root: Path, settings: RunSettings) -> int | None:
    if not root.is_dir():
        return 1 if refusal(root, root.resolve().parent, follow_links=True) else _count_file(root, settings)
    walk = _Walk(root, settings)
    walk.run()
    total = len(walk.problems)
    for _, path in walk.files:
        count = 1 if refusal(path, walk.real_root, settings.follow_links) else _count_file(path, settings)
        if count is None:
            return None
        total += count
    return total


def _count_file(path: Path, settings: RunSettings) -> int | None:
    fmt = format_of(path.name)
    if fmt in ("document", None):
        return 1
    if fmt == "compressed":  # `order.pdf.gz` is one document; `opinions.jsonl.gz` must be read
        return 1 if format_of(path.name[: -len(path.suffix)]) in ("document", None) else None
    try:
        with open_regular(path) as stream:
            if fmt == "zip":
                with zipfile.ZipFile(stream) as archive:
                    infos = [i for i in archive.infolist() if not i.is_dir()]
                    members = [(i.filename, zip_problem(i) is not None) for i in infos]
            elif fmt == "tar" and path.name.lower().endswith(".tar"):  # uncompressed: its headers by seeking
                with tarfile.open(fileobj=stream, mode="r:") as archive:
                    members = [(i.name, tar_problem(i) is not None) for i in archive.getmembers() if not i.isdir()]
            else:
                return None
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, ValueError):
        return 1  # reading it will make one error item of it
    except Exception:  # anything else: the reader will say; the total is only unknown
        return None
    if len(members) > settings.max_archive_members:
        return 1
    return _count_members(members)


def _count_members(members: Iterable[tuple[str, bool]]) -> int | None:
    """Items out of an archive's (name, refused) entries: one per document, refusal or unsupported member,
    none per sidecar; None when a member is itself an archive or a bulk file."""
    count = 0
    for name, refused in members:
        if refused or unsafe_name(name):
            count += 1
            continue
        clean = clean_name(name)
        if is_sidecar_name(clean):
            continue
        if format_of(clean) not in ("document", None):
            return None
        count += 1
    return count
