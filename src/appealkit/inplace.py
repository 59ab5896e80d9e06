"""Publish a build's files by replacing them one by one in the output folder: the fallback
where folders cannot be swapped (see swap.py).

Each file is written whole to a hidden temporary file, flushed, and renamed over its target
(`os.replace`, atomic for one file). On an exception the files already replaced are put back,
so a failed build leaves the old set. A build killed while renaming can leave a mix of old and
new files; the manifest then says `"complete": false`, and the next build replaces the lot.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Mapping
from pathlib import Path

from . import killpoints
from .durable import Data, remove, sync_dir, write_new
from .manifest import NAME, encode

__all__ = ["clean_leftovers", "publish_in_place"]

_TAG = "appealkit-"
# Temporary files and backups of killed builds: ours, and the older `.pack.pdf.x1y2z3w4.tmp`.
_LEFTOVER = re.compile(r"\..+\.(appealkit-[0-9a-f]{8}|pdf\.[a-z0-9_]{8})\.(tmp|old)")


def publish_in_place(folder: Path, files: Mapping[str, Data], owned: dict[str, set[str]],
                     stale: list[str], new: dict[str, set[str]]) -> None:
    """Replace `files` (name → bytes) in `folder`, then remove the `stale` files of ours.

    `owned` lists the files of the last build still in the folder, `new` this build's (name →
    digests); the manifest names both while files are replaced. All-or-nothing on exceptions.
    """
    temps: dict[Path, Path] = {}  # target → its temporary file
    journal = (folder / NAME).read_bytes() if (folder / NAME).is_file() else None
    try:
        for name, data in files.items():
            temps[folder / name] = _write_temp(folder, name, data)
            killpoints.reach(f"temp {name}")
        _write_manifest(folder, encode(_union(owned, new), complete=False))
        killpoints.reach("journal")
        _replace_all(temps)
    except BaseException:
        for temp in temps.values():
            remove(temp)
        with contextlib.suppress(OSError):
            _put_back_manifest(folder, journal)
        raise
    with contextlib.suppress(OSError):  # the new set is out: what is left is tidying up
        for name in stale:
            (folder / name).unlink()
            killpoints.reach(f"removed {name}")
        _write_manifest(folder, encode(new, complete=True))
        killpoints.reach("manifest")
    sync_dir(folder)


def clean_leftovers(folder: Path) -> None:
    """Remove the temporary files and backups that killed builds left in `folder`."""
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if _LEFTOVER.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            remove(Path(entry.path))


def _union(a: dict[str, set[str]], b: dict[str, set[str]]) -> dict[str, set[str]]:
    return {name: a.get(name, set()) | b.get(name, set()) for name in a.keys() | b.keys()}


def _write_temp(folder: Path, name: str, data: Data) -> Path:
    for _ in range(100):
        temp = folder / f".{name}.{_TAG}{secrets.token_hex(4)}.tmp"
        try:
            write_new(temp, data)
            return temp
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot name a temporary file for {name}")


def _write_manifest(folder: Path, data: bytes) -> None:
    temp = _write_temp(folder, NAME, data)
    try:
        os.replace(temp, folder / NAME)
    except BaseException:
        remove(temp)
        raise


def _put_back_manifest(folder: Path, journal: bytes | None) -> None:
    if journal is None:
        remove(folder / NAME)
    else:
        _write_manifest(folder, journal)


def _replace_all(temps: dict[Path, Path]) -> None:
    """Move every temp file over its target; on failure, put back the targets already replaced."""
    backups: dict[Path, Path | None] = {}  # target → a hard link to its old content, None if new
    try:
        for target, temp in temps.items():
            backups[target] = _backup(target)
            os.replace(temp, target)
            killpoints.reach(f"replaced {target.name}")
    except BaseException:
        for target, backup in backups.items():
            if not temps[target].exists():  # already replaced: undo
                if backup is None:
                    remove(target)
                else:
                    os.replace(backup, target)
            elif backup is not None:
                remove(backup)
        raise
    for backup in backups.values():
        if backup is not None:
            remove(backup)


def _backup(target: Path) -> Path | None:
    """A second name for the target's current content, so it can be put back; None if there is none."""
    if not target.exists():
        return None
    for _ in range(100):
        backup = target.with_name(f".{target.name}.{_TAG}{secrets.token_hex(4)}.old")
        try:
            os.link(target, backup)
            return backup
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system: keep a copy instead
            shutil.copy2(target, backup)
            return backup
    raise FileExistsError(f"cannot name a backup of {target}")
