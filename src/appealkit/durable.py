"""Small file operations that reach the disk before they return: a new file, a folder's entries."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import BinaryIO

__all__ = ["Data", "remove", "sync_dir", "write_new"]

# A file's contents: bytes, or a file holding them (read from its start), for output too big
# to hold in memory (signed-letters.pdf for a long list of signers)
Data = bytes | BinaryIO


def write_new(path: Path, data: Data) -> None:
    """Create `path` (it must not exist) holding `data`, flushed to disk; ordinary permissions.

    A file left half-written by a failure is removed; the exception is re-raised.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes):
                f.write(data)
            else:
                data.seek(0)
                shutil.copyfileobj(data, f, 1 << 20)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        remove(path)
        raise


def sync_dir(folder: Path) -> None:
    """Flush `folder`'s entries: renames in it are durable only then (POSIX; a no-op elsewhere)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove(path: Path) -> None:
    """Remove the file `path` if it is there; a failure is ignored (used while cleaning up)."""
    with contextlib.suppress(OSError):
        path.unlink()
