"""Write a build's files into the output folder at once: a reader sees the old set or the new one.

`write_all` locks the folder, tidies what killed builds left, then publishes the files in one
step by swapping in a filled hidden folder (swap.py), or, where that cannot be done, replaces
them one by one (inplace.py). The manifest `.appealkit.json` lists the files appealkit wrote,
so the files of the last build that this one no longer makes are removed, and nothing else
is. Problems with the folder (a file in its place, a full disk...) become one OutputError.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from pathlib import Path

from . import folder_lock, inplace, killpoints, manifest, swap
from .durable import Data
from .errors import OutputError
from .manifest import LOCK, NAME

__all__ = ["LOCK_WAIT", "Data", "OutputError", "write_all"]

LOCK_WAIT = 60.0  # seconds a build waits for another build writing into the same folder

_REASONS = {
    errno.ENOTDIR: "part of that path is a file, not a folder",
    errno.EACCES: "permission denied; choose a folder you may write to",
    errno.EPERM: "permission denied; choose a folder you may write to",
    errno.EROFS: "the disk is read-only; choose another folder",
    errno.ENOSPC: "the disk is full; free some space, then build again",
    errno.ENAMETOOLONG: "the name is too long; choose a shorter --out",
    errno.ELOOP: "it is a link that leads back to itself (a loop); choose another --out",
    errno.ENOENT: "it disappeared while appealkit was writing; build again",
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _REASONS[errno.EDQUOT] = "your disk quota is used up; free some space, then build again"


def write_all(out_dir: Path, files: Mapping[str, Data], *, wait: float = LOCK_WAIT) -> list[Path]:
    """Write `files` (name → bytes, or a file holding them) into `out_dir`, creating it; return the written paths in order.

    All-or-nothing: on any failure the earlier outputs are left as they were and no temporary
    file is left behind. A build killed outright leaves either set whole (see the README for
    the one exception), and the next call tidies up after it. Waits up to `wait` seconds for
    another build writing there. Raises OutputError for problems with the folder or disk.
    """
    out_dir = Path(out_dir)
    for name in files:
        _check_name(name)
    try:
        folder = _prepare(out_dir)
        with folder_lock.locked(folder, wait):
            killpoints.reach("locked")
            _publish(folder, files)
    except folder_lock.FolderBusy:
        raise OutputError(out_dir, f"another appealkit build has been writing into it for "
                                   f"{wait:g} s; build again when it has finished") from None
    except OSError as error:
        raise OutputError(out_dir, _reason(error)) from error
    killpoints.reach("published")
    return [out_dir / name for name in files]


def _check_name(name: str) -> None:
    # Output names come from the program, not the kit, but a stray separator must not escape out_dir.
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise ValueError(f"not a plain file name: {name!r}")
    if name in (NAME, LOCK):
        raise ValueError(f"a name appealkit keeps for itself: {name!r}")


def _prepare(out_dir: Path) -> Path:
    """The real path of the output folder, made if needed; raises OSError for what is in the way."""
    if os.path.lexists(out_dir) and not out_dir.is_dir():
        try:
            os.stat(out_dir)
        except OSError as error:
            if error.errno == errno.ENOENT:
                raise OutputError(out_dir, "it is a link to a folder that does not exist; "
                                           "make that folder or choose another --out") from None
            raise
        what = "a file, not a folder" if out_dir.is_file() else "not a folder"
        raise OutputError(out_dir, f"it is {what}; choose another --out")
    out_dir.mkdir(parents=True, exist_ok=True)
    return Path(os.path.realpath(out_dir))


def _publish(folder: Path, files: Mapping[str, Data]) -> None:
    swap.clean_leftovers(folder)
    inplace.clean_leftovers(folder)
    killpoints.reach("cleaned")
    _check_targets(folder, files)
    listed = manifest.read(folder)
    owned = manifest.owned(folder, listed)
    new = {name: {manifest.digest(data)} for name, data in files.items()}
    carried = _carried(folder, set(files) | owned | {NAME, LOCK})
    if carried is not None and not _holds_cwd(folder):
        try:
            swap.publish_by_swap(folder, files, manifest.encode(new, complete=True), carried)
            return
        except swap.CannotSwap:
            pass
    stale = sorted(owned - set(files))
    inplace.publish_in_place(folder, files, {n: listed[n] for n in owned}, stale, new)


def _check_targets(folder: Path, files: Mapping[str, Data]) -> None:
    for name in files:
        if (folder / name).is_dir() and not (folder / name).is_symlink():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(folder / name))


def _carried(folder: Path, ours: set[str]) -> list[str] | None:
    """The user's entries in `folder`, which a swap carries over as hard links; None if one
    cannot be (a folder of the user's): the files are then replaced one by one."""
    carried = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name in ours:
            continue
        if entry.is_dir(follow_symlinks=False):
            return None
        carried.append(entry.name)
    return carried


def _holds_cwd(folder: Path) -> bool:
    # Swapping the folder a shell or the kit sits in would leave them in the removed old one.
    try:
        cwd = Path(os.path.realpath(Path.cwd()))
    except OSError:
        return False
    return cwd == folder or folder in cwd.parents


def _reason(error: OSError) -> str:
    if error.errno == errno.EISDIR and error.filename:
        name = Path(os.fsdecode(error.filename)).name
        return f"'{name}' in it is a folder, where appealkit writes a file; move or rename it"
    if error.errno == errno.EEXIST:
        return "part of that path is a file, not a folder"
    reason = _REASONS.get(error.errno or 0)
    return reason or (error.strerror or str(error)).lower()
