"""Publish a build's files in one step: fill a new hidden folder beside the output folder, then
swap the two with one rename, so a reader sees the old set or the new set and nothing between.

The swap is Linux's `renameat2(RENAME_EXCHANGE)`. The new folder holds the new files, the
manifest, and hard links to the user's own files and to the lock file, so the swap moves
nothing of the user's. After it, the old folder (now under the hidden name) is emptied of
appealkit's files; anything else found there is put back. A build killed half-way leaves a
hidden `.<folder>.appealkit-*` folder, which the next build empties the same way.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from . import killpoints
from .durable import Data, sync_dir, write_new
from .manifest import LOCK, NAME, read

__all__ = ["CannotSwap", "clean_leftovers", "publish_by_swap"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class CannotSwap(Exception):
    """Folders cannot be swapped here; the output folder was not changed."""


def publish_by_swap(folder: Path, files: Mapping[str, Data], listing: bytes,
                    carried: list[str]) -> None:
    """Make `folder` hold `files`, the manifest `listing` and the `carried` entries of the user's.

    Raises CannotSwap, with `folder` untouched, when the swap is impossible here (FAT, some
    network disks, a mount point, no writable parent folder) or the new folder cannot be
    filled; the caller then replaces the files one by one and meets any real problem itself.
    """
    exchange = _exchange_function()
    if exchange is None:
        raise CannotSwap
    try:
        staged = Path(tempfile.mkdtemp(dir=folder.parent, prefix=_prefix(folder)))
    except OSError as error:
        raise CannotSwap from error
    try:
        _fill(staged, folder, files, listing, carried)
        exchange(staged, folder)
    except BaseException as error:
        with contextlib.suppress(OSError):
            _retire(staged, folder)
        if isinstance(error, OSError):
            raise CannotSwap from error
        raise
    killpoints.reach("swapped")
    with contextlib.suppress(OSError):  # the new set is out: what is left is tidying up
        sync_dir(folder.parent)
        _retire(staged, folder)  # staged now holds the old folder
    killpoints.reach("retired")


def clean_leftovers(folder: Path) -> None:
    """Empty and remove the hidden folders that killed builds left beside `folder`."""
    with contextlib.suppress(OSError):
        for entry in sorted(os.scandir(folder.parent), key=lambda e: e.name):
            if entry.name.startswith(_prefix(folder)) and entry.is_dir(follow_symlinks=False):
                _retire(Path(entry.path), folder)


def _prefix(folder: Path) -> str:
    return f".{folder.name}.appealkit-"


def _fill(staged: Path, folder: Path, files: Mapping[str, Data], listing: bytes,
          carried: list[str]) -> None:
    os.chmod(staged, os.stat(folder).st_mode & 0o7777)  # mkdtemp makes it private
    write_new(staged / NAME, listing)  # first: everything after it is named in it
    killpoints.reach("staged manifest")
    for name, data in files.items():
        write_new(staged / name, data)
        killpoints.reach(f"staged {name}")
    os.link(folder / LOCK, staged / LOCK)  # the same lock file: waiting builds keep waiting
    for name in carried:
        os.link(folder / name, staged / name, follow_symlinks=False)
    sync_dir(staged)
    killpoints.reach("staged")


def _retire(old: Path, folder: Path) -> None:
    """Remove appealkit's files from `old`, put anything else back into `folder`, remove `old`.

    Ours are the names in either folder's manifest: before a swap `old` holds the new files,
    after it the files the new set replaced. A user's file is only ever a second hard link here.
    """
    ours = set(read(old)) | set(read(folder)) | {LOCK}
    for entry in sorted(os.scandir(old), key=lambda e: e.name):
        path = Path(entry.path)
        if entry.name == NAME:
            continue  # last: until then it says which of the files are ours
        if entry.name in ours and not entry.is_dir(follow_symlinks=False):
            path.unlink()
            killpoints.reach(f"retired {entry.name}")
        else:
            _give_back(path, folder / entry.name)
    with contextlib.suppress(FileNotFoundError):
        (old / NAME).unlink()
    with contextlib.suppress(OSError):
        old.rmdir()  # fails, harmlessly, if something of the user's could not be put back


def _give_back(path: Path, target: Path) -> None:
    """Return a user's entry: drop our extra hard link, or move it back; if in doubt, keep it."""
    if not os.path.lexists(target):
        os.rename(path, target)
    elif os.path.samestat(os.lstat(path), os.lstat(target)):
        path.unlink()


@functools.cache
def _exchange_function() -> Callable[[Path, Path], None] | None:
    """A function swapping two paths at once, or None where the system has none."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only here: most builds should not pay for it on other systems

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not glibc 2.28 or newer, or no C library to load
        return None
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    renameat2.restype = ctypes.c_int

    def exchange(a: Path, b: Path) -> None:
        if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE):
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), str(a), None, str(b))

    return exchange
