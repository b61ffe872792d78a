"""Zip archives, listed from their central directory in sorted order, each member read on demand.

The central directory is read whole (that is how zip works) but it costs about as much memory as it
takes on disk; member contents are only decompressed when a member is read, through the budget.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from typing import IO

from docketflow.pipeline.sources.limits import ArchiveLimit, Budget
from docketflow.pipeline.sources.members import Member
from docketflow.pipeline.sources.sidecars import pairing_key

_SPECIAL = {stat.S_IFLNK: "symbolic link", stat.S_IFCHR: "character device", stat.S_IFBLK: "block device",
            stat.S_IFIFO: "fifo", stat.S_IFSOCK: "socket"}
_READABLE = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate", zipfile.ZIP_BZIP2: "bzip2",
             zipfile.ZIP_LZMA: "lzma"}
"""Zip methods the standard library expands; Deflate64, zstd, PPMd and the others it does not."""
_READABLE_NAMES = ", ".join(_READABLE.values())
_METHOD_NAMES = {**zipfile.compressor_names, 93: "zstd", 95: "xz", 96: "jpeg", 99: "aes"}
_STRONG_ENCRYPTION = 0x40
"""General purpose flag bit 6: PKWARE strong encryption."""


def _problem(info: zipfile.ZipInfo) -> tuple[str, str] | None:
    kind = _SPECIAL.get(stat.S_IFMT(info.external_attr >> 16))
    if kind:
        return "unsafe_member", f"{kind}, not a regular file"
    if info.flag_bits & _STRONG_ENCRYPTION:
        return "unsupported_compression", "flagged with strong encryption, which this reader cannot open"
    if info.flag_bits & 0x1:
        return "unsupported_type", "encrypted member"
    if info.compress_type not in _READABLE:
        method = _METHOD_NAMES.get(info.compress_type, "an unknown method")
        return "unsupported_compression", (f"compressed with {method} (zip method {info.compress_type}), which this "
                                           f"reader cannot expand (it reads {_READABLE_NAMES})")
    return None


def _opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> IO[bytes]:
    return budget.reader(archive.open(info))


def iter_zip_members(stream: IO[bytes], budget: Budget) -> Iterator[Member]:
    """Members of a seekable zip stream, sorted by name with each sidecar right after its document.

    Declared counts and sizes are checked before anything is decompressed; the bytes actually read
    are counted again by the budget, since a crafted header can understate them.
    """
    with zipfile.ZipFile(stream) as archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if budget.members + len(infos) > budget.settings.max_archive_members:
            raise ArchiveLimit(f"{len(infos)} entries, more than max_archive_members="
                               f"{budget.settings.max_archive_members}")
        budget.check_declared(budget.expanded + sum(i.file_size for i in infos))
        for info in sorted(infos, key=lambda i: pairing_key(i.filename)):
            problem = _problem(info)
            yield Member(info.filename, info.file_size, problem=problem,
                         open=None if problem else (lambda info=info: _opener(archive, info, budget)))
