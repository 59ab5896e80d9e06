"""The record of the files a build wrote into its folder: `.appealkit.json`, names → SHA-256.

A later build removes a file it no longer makes (`letter-ur.pdf` after `ur` left `languages`)
only when the file is named here and still holds the bytes appealkit wrote; anything else in
the folder is the user's and is never removed. Each name lists the contents that count as
ours: one normally, two while a build replaces files one by one (`complete` is then false, so
an interrupted build can be told from a finished one).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .durable import Data

__all__ = ["LOCK", "NAME", "digest", "encode", "is_complete", "owned", "read"]

NAME = ".appealkit.json"
LOCK = ".appealkit.lock"


def digest(data: Data) -> str:
    """The SHA-256 of `data` (bytes, or a file read from its start) in hex, as listed here."""
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()
    found = hashlib.sha256()
    data.seek(0)
    for chunk in iter(lambda: data.read(1 << 20), b""):
        found.update(chunk)
    return found.hexdigest()


def encode(files: dict[str, set[str]], complete: bool) -> bytes:
    """The manifest's bytes for `files` (name → digests); the same files give the same bytes."""
    listed = {name: sorted(digests) for name, digests in sorted(files.items())}
    record = {"appealkit": "files written by appealkit build", "complete": complete,
              "files": listed}
    return (json.dumps(record, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def read(folder: Path) -> dict[str, set[str]]:
    """The files listed by the manifest in `folder` (name → digests); empty if there is none."""
    try:
        record = json.loads((folder / NAME).read_bytes())
        files = record["files"]
        return {str(name): {str(d) for d in digests} for name, digests in files.items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def is_complete(folder: Path) -> bool:
    """Whether the last build into `folder` finished (False also when there is no manifest)."""
    try:
        return json.loads((folder / NAME).read_bytes())["complete"] is True
    except (OSError, ValueError, TypeError, KeyError):
        return False


def owned(folder: Path, listed: dict[str, set[str]]) -> set[str]:
    """The names in `listed` that are regular files in `folder` still holding a listed content."""
    names = set()
    for name, digests in listed.items():
        path = folder / name
        try:
            if not path.is_symlink() and path.is_file() and digest(path.read_bytes()) in digests:
                names.add(name)
        except OSError:
            continue
    return names
