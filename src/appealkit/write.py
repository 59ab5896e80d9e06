"""Write a set of output files all at once: either every file is replaced, or none is touched.

Each file goes to a temporary file in the output folder, is flushed to disk, and only then
replaces its target with `os.replace` (atomic within a folder). A failure at any point
removes the temporary files and restores any output already replaced, so a failed
build never costs a pack that was there before.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from pathlib import Path

__all__ = ["write_all"]

_TEMP_SUFFIX = ".tmp"


def write_all(out_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write `files` (name → bytes) into `out_dir`, creating it; return the written paths in order.

    All-or-nothing: on any failure the earlier outputs are left byte-identical and no
    temporary file is left behind; the exception is re-raised.
    """
    out_dir = Path(out_dir)
    for name in files:
        _check_name(name)
    out_dir.mkdir(parents=True, exist_ok=True)
    mode = _file_mode()
    temps: dict[Path, Path] = {}  # final path → its temporary file
    try:
        for name, data in files.items():
            target = out_dir / name
            temps[target] = _write_temp(out_dir, name, data, mode)
        _replace_all(temps)
    except BaseException:
        for temp in temps.values():
            _remove(temp)
        raise
    _sync_dir(out_dir)
    return list(temps)


def _check_name(name: str) -> None:
    # Output names come from the program, not the kit, but a stray separator must not escape out_dir.
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise ValueError(f"not a plain file name: {name!r}")


def _file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _write_temp(out_dir: Path, name: str, data: bytes, mode: int) -> Path:
    fd, temp_name = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=_TEMP_SUFFIX)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)  # mkstemp makes files only the owner can read
    except BaseException:
        _remove(temp)
        raise
    return temp


def _replace_all(temps: dict[Path, Path]) -> None:
    """Move every temp file over its target; on failure, put back the targets already replaced."""
    backups: dict[Path, Path | None] = {}  # target → a hard link to its old content, None if new
    try:
        for target, temp in temps.items():
            backups[target] = _backup(target)
            os.replace(temp, target)
    except BaseException:
        for target, backup in backups.items():
            if not temps[target].exists():  # already replaced: undo
                if backup is None:
                    _remove(target)
                else:
                    os.replace(backup, target)
            elif backup is not None:
                _remove(backup)
        raise
    for backup in backups.values():
        if backup is not None:
            _remove(backup)


def _backup(target: Path) -> Path | None:
    """A second name for the target's current content, so it can be put back; None if there is none."""
    if not target.exists():
        return None
    for _ in range(100):
        backup = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
        try:
            os.link(target, backup)
            return backup
        except FileExistsError:
            continue
        except OSError:  # no hard links on this file system: keep a copy instead
            shutil.copy2(target, backup)
            return backup
    raise FileExistsError(f"cannot name a backup of {target}")


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _sync_dir(folder: Path) -> None:
    # The renames are durable only once the folder itself is flushed (POSIX; a no-op elsewhere).
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
