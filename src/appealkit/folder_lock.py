"""Lock an output folder while a build writes into it, so two builds take turns.

The lock is `fcntl.flock` on `.appealkit.lock` in the folder: the system drops it when the
process ends, however it ends, so a killed build never leaves the folder locked. Publishing
by swapping folders carries the same lock file (a hard link) into the new folder, and a
build that waited checks it holds the file now at that name before going on.
Where `fcntl` does not exist (Windows) builds are not locked.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from .manifest import LOCK

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["FolderBusy", "locked"]

_POLL = 0.05  # seconds between tries while another build holds the lock


class FolderBusy(Exception):
    """Another build held the folder's lock for longer than we were willing to wait."""


@contextlib.contextmanager
def locked(folder: Path, wait: float) -> Iterator[None]:
    """Hold the lock of `folder` (which exists) inside the `with`; wait up to `wait` seconds for it.

    Raises FolderBusy when the wait is over, OSError when the lock file cannot be made.
    """
    if fcntl is None:
        yield
        return
    deadline = time.monotonic() + wait
    fd = _acquire(folder / LOCK, deadline)
    try:
        yield
    finally:
        os.close(fd)  # releases the lock


def _acquire(path: Path, deadline: float) -> int:
    """An open descriptor of the lock file at `path`, locked."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            _wait_for(fd, deadline)
            if _same_file(fd, path):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # a build swapped the folder while we waited: lock the file there now


def _wait_for(fd: int, deadline: float) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise FolderBusy from None
            time.sleep(_POLL)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False
