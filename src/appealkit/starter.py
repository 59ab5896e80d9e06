"""Write a starter kit into a folder: the commented example kit.yaml, its schema and assets/."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .schema import render_schema  # the same text as the committed kit.schema.json

__all__ = ["StarterError", "starter_kit", "write_starter"]

KIT = "kit.yaml"
SCHEMA = "kit.schema.json"  # the file the kit's first line points editors to
ASSETS = "assets"  # where a logo goes


class StarterError(Exception):
    """The starter kit cannot be written (a file is in the way, a folder is not writable).

    Nothing has been written; str() says what is wrong and what to do.
    """


def starter_kit() -> bytes:
    """The example kit.yaml with its comments, as the package ships it (appealkit/data/)."""
    # In a checkout appealkit/data/kit.yaml links to the top-level kit.yaml, and a wheel holds
    # a copy of that file: one source, read the same way installed or not.
    return (files("appealkit") / "data" / KIT).read_bytes()


def write_starter(folder: Path) -> list[Path]:
    """Write kit.yaml, kit.schema.json and an empty assets/ into ``folder``, made if missing.

    Returns the paths written, in that order. Never overwrites: if kit.yaml or kit.schema.json
    is already there, raises StarterError before writing anything. An existing assets/ is kept.
    """
    contents = {folder / KIT: starter_kit(), folder / SCHEMA: render_schema().encode("utf-8")}
    _check_free(folder, list(contents))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, data in contents.items():
            with open(path, "xb") as file:  # "x": fail rather than overwrite
                file.write(data)
        (folder / ASSETS).mkdir(exist_ok=True)
    except OSError as error:
        where = error.filename or folder
        raise StarterError(f"cannot write {where}: {error.strerror or error}") from error
    return [*contents, folder / ASSETS]


def _check_free(folder: Path, paths: list[Path]) -> None:
    if folder.exists() and not folder.is_dir():
        raise StarterError(f"{folder} is a file, not a folder; nothing written")
    for path in paths:
        if path.exists() or path.is_symlink():
            raise StarterError(f"{path} already exists; nothing written "
                               "(to start another kit, give a new folder: appealkit init FOLDER)")
    assets = folder / ASSETS
    if assets.exists() and not assets.is_dir():
        raise StarterError(f"{assets} is a file, not a folder; nothing written")
