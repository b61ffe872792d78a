"""What may be read from an input folder: regular files inside it, opened so that nothing can block.

A FIFO blocks whoever opens it, `/dev/zero` never ends, and a symbolic link can put any file of the
machine (`/etc/passwd`) into the output. So every directory entry is looked at with `lstat` before it is
used: links that leave the input root are refused unless the user opts in (`follow_links`), and whatever
is not a regular file (FIFO, device, socket), link or not, is refused always. The file is opened without
blocking and checked again on the open descriptor, since it may have been swapped since discovery.

File names are bytes on POSIX; one that is not UTF-8 reaches Python with surrogate escapes, which no
UTF-8 output can hold. `printable` spells such bytes as `\\xe9` in the names we record.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from docketflow.models.common import writable
from docketflow.pipeline.ingest.errors import IngestError
from docketflow.pipeline.sources.limits import read_at_most

_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a directory"}

Stamp = tuple[int, int]
"""(size, mtime_ns) of a file as it was read: what the state compares on the next run."""


def printable(name: str) -> str:
    """`name` with the bytes of a non-UTF-8 file name (surrogate escapes) spelled `\\xNN`; any other lone
    surrogate (one a JSON escape made) spelled as its escape, `\\ud800`."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return writable(name)
    return name


def _kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def refusal(path: Path, root: Path, follow_links: bool) -> tuple[str, str] | None:
    """(code, message) when `path`, an entry found under `root` (resolved), must not be read; None when it may."""
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            target = Path(os.readlink(path))
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError):
                return "broken_link", f"symbolic link to {printable(str(target))}, which does not resolve"
            if not follow_links and not real.is_relative_to(root):
                return "link_outside_root", (f"symbolic link to {printable(str(real))}, outside the input folder: "
                                             "not read (--follow-links reads it)")
            st = path.stat()
    except OSError as exc:
        return "unreadable", f"{type(exc).__name__}: {printable(exc.strerror or str(exc))}"
    if not stat.S_ISREG(st.st_mode):
        return "not_regular_file", f"{_kind(st.st_mode)}, not a regular file: not read"
    return None


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading if it is a regular file; IngestError("not_regular_file") otherwise.

    O_NONBLOCK keeps the open from waiting for a FIFO's writer; it changes nothing for a regular file.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise IngestError("not_regular_file", f"{_kind(mode)}, not a regular file: not read")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def stamp_of(stream: BinaryIO) -> Stamp:
    """The stamp of an open file."""
    st = os.fstat(stream.fileno())
    return st.st_size, st.st_mtime_ns


def read_regular(path: Path, limit: int, limit_name: str | None = None) -> tuple[bytes, Stamp | None]:
    """The bytes of a regular file (at most `limit`, else TooLarge naming `limit_name`, by default
    `max_file_bytes`) and its stamp as read.

    The stamp is taken before reading and checked after: a file written to while it was read gets no
    stamp, so the next run cannot mistake it for unchanged.
    """
    with open_regular(path) as stream:
        before = stamp_of(stream)
        data = read_at_most(stream, limit, limit_name)
        return data, before if stamp_of(stream) == before else None
